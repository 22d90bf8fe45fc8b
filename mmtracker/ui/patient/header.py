"""The Patient view's header, which never scrolls away: who the patient is and where they stand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QWidget

from mmtracker import i18n
from mmtracker.logic.codes import Analyte
from mmtracker.logic.response import ResponseSource
from mmtracker.logic.units import UnitSystem
from mmtracker.ui.patient.data import PatientData
from mmtracker.ui.patient.text import day, mayo_points, not_recorded, quantity, roman


class PatientHeader(QFrame):
    """MRN and name, then age and sex, phase, stage, risk or response, CrCl and bone therapy."""

    FIELDS = ("born", "phase", "stage", "risk", "renal", "bone")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("patientHeader")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setMinimumHeight(self.title.fontMetrics().height() + 6)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QGridLayout(self)
        layout.addWidget(self.title, 0, 0, 1, 6)
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for index, key in enumerate(self.FIELDS):
            name, value = QLabel(), QLabel()
            name.setStyleSheet("color: #555;")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"header_{key}")
            row, column = 1 + 2 * (index // 3), index % 3
            layout.addWidget(name, row, column * 2, 1, 2)
            layout.addWidget(value, row + 1, column * 2, 1, 2)
            self.names[key], self.values[key] = name, value
        for column in range(6):
            layout.setColumnStretch(column, 1)
        self.show_data(None, UnitSystem.SI)

    def show_data(self, data: PatientData | None, units: UnitSystem) -> None:
        """Fill the header from a patient's data (None: still being read)."""
        self.names["born"].setText(self.tr("Age · sex · born"))
        self.names["phase"].setText(self.tr("Phase"))
        self.names["stage"].setText(self.tr("Stage at diagnosis"))
        self.names["renal"].setText(self.tr("Creatinine clearance"))
        self.names["bone"].setText(self.tr("Bone-targeted therapy"))
        if data is None:
            self.title.setText(self.tr("Reading the patient…"))
            self.names["risk"].setText(self.tr("Response"))
            for value in self.values.values():
                value.setText("")
            return
        patient, a = data.history.patient, data.assessment
        self.title.setText(f"{patient.mrn} · {patient.name}")
        sex = i18n.code_label(patient.sex.value, "sex")
        self.values["born"].setText(
            self.tr("{age} years · {sex} · {born}").format(
                age=a.age, sex=sex, born=patient.date_of_birth.isoformat()
            )
        )
        self.values["phase"].setText(self._phase(data))
        self.values["stage"].setText(self._stage(data))
        if a.smm_risk is not None:
            self.names["risk"].setText(self.tr("SMM risk"))
            self.values["risk"].setText(self._smm_risk(data))
        else:
            self.names["risk"].setText(self.tr("Current response (IMWG)"))
            self.values["risk"].setText(self._response(data))
        self.values["renal"].setText(self._renal(data, units))
        self.values["bone"].setText(self._bone(data))

    def _phase(self, data: PatientData) -> str:
        a = data.assessment
        if a.phase is None:
            return not_recorded()
        since = next((s.date for s in reversed(a.timeline) if s.phase is a.phase), None)
        label = i18n.code_label(a.phase.value)
        return self.tr("{phase} since {date}").format(
            phase=i18n.capitalised(label),
            date=day(since),  # it begins the line
        )

    def _stage(self, data: PatientData) -> str:
        staging = data.assessment.staging
        if staging is None:
            return not_recorded()
        return self.tr("ISS {iss} · R-ISS {r_iss} · R2-ISS {r2} · Mayo additive {mayo}").format(
            iss=roman(staging.iss.stage),
            r_iss=roman(staging.r_iss.stage),
            r2=roman(staging.r2_iss.group),
            mayo=mayo_points(staging.mayo_additive.group),
        )

    def _smm_risk(self, data: PatientData) -> str:
        risk = data.assessment.smm_risk
        assert risk is not None
        mayo, imwg = risk.mayo_2018.group, risk.imwg_2020
        return self.tr("Mayo 2018: {mayo} · IMWG 2020: {imwg} (score {score})").format(
            mayo=i18n.code_label(mayo.value) if mayo else not_recorded(),
            imwg=i18n.code_label(imwg.group.value) if imwg.group else not_recorded(),
            score=imwg.score if imwg.score is not None else not_recorded(),
        )

    def _response(self, data: PatientData) -> str:
        current = data.assessment.current_response
        if current is None:
            return not_recorded()
        # D19, D23: recorded or computed, whichever is later; the header says which, and
        # whether it is confirmed
        if current.source is ResponseSource.RECORDED:
            source = self.tr("as recorded")
        else:
            source = self.tr("computed from the labs")
        state = self.tr("confirmed") if current.confirmed else self.tr("unconfirmed")
        return self.tr("{category} on {date} ({source}, {state})").format(
            category=i18n.code_label(current.category.value),
            date=current.date.isoformat(),
            source=source,
            state=state,
        )

    def _renal(self, data: PatientData, units: UnitSystem) -> str:
        renal = data.assessment.renal.current
        if renal is None:
            return not_recorded()
        creatinine = quantity(Analyte.CREATININE, renal.creatinine_umol_l, units)
        if renal.crcl is None or renal.weight is None:
            return self.tr("{crcl} (no weight recorded; creatinine {creatinine}, {date})").format(
                crcl=not_recorded(), creatinine=creatinine, date=renal.creatinine.date.isoformat()
            )
        return self.tr(
            "{crcl} mL/min (creatinine {creatinine}, {date}; weight {weight} kg, {weight_date})"
        ).format(
            crcl=i18n.format_number(round(renal.crcl, 1)),  # as the rationales give it
            creatinine=creatinine,
            date=renal.creatinine.date.isoformat(),
            weight=i18n.format_number(renal.weight.weight_kg),
            weight_date=renal.weight.date.isoformat(),
        )

    def _bone(self, data: PatientData) -> str:
        """The agent and last dose of the latest course, and whether it goes on, is held
        or was stopped (D33); a decline or contraindication without a dose since (D32)."""
        state = data.bone
        last = state.last_dose
        if last is None:
            if state.declined is not None:
                return self.tr("{kind} on {date}").format(
                    kind=i18n.code_label(state.declined.kind.value),
                    date=state.declined.date.isoformat(),
                )
            return not_recorded()
        dose = self.tr("{agent}, last dose {dose} mg on {date}").format(
            agent=i18n.code_label(last.agent.value),
            dose=i18n.format_number(last.dose_mg),
            date=last.date.isoformat(),
        )
        if state.stop is not None:
            return self.tr("{dose}; stopped on {date}").format(
                dose=dose, date=state.stop.date.isoformat()
            )
        if state.held and state.hold is not None and state.resume_on is not None:
            return self.tr("{dose}; on hold since {date}, resuming {resume}").format(
                dose=dose, date=state.hold.date.isoformat(), resume=state.resume_on.isoformat()
            )
        if state.next_due is not None:
            return self.tr("{dose}; next due {date}").format(
                dose=dose, date=state.next_due.isoformat()
            )
        return dose
