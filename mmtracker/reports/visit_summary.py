"""The visit summary of one patient as of a day: the clinic's main printed document.

Built from the same assessment and the same figures the screens show (no rule is
decided here): who the patient is and where they stand, stage and risk or response with
the inputs' dates, the latest key labs against their limits (D15-D17) and their change,
the lab trends with the treatment lines shaded, bone health, MRD, treatment lines and
transplants, every care item that needs doing with its rationale and source, the
visit note and a signature line; the patient's identifiers and "page N of M" on every
page. English or Chinese, A4 or Letter, every font embedded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from mmtracker.i18n import Language, capitalised, format_number, language
from mmtracker.logic.assessment import Assessment
from mmtracker.logic.bta import BtaState
from mmtracker.logic.care import Status
from mmtracker.logic.codes import LAB_REPORT_ORDER, QUALITATIVE_ANALYTES, Analyte, CalciumKind
from mmtracker.logic.history import PatientHistory
from mmtracker.logic.lab_limits import Judged, judge
from mmtracker.logic.labs import LabIndex, LabValue
from mmtracker.logic.messages import Message, Quantity
from mmtracker.logic.phases import as_known_on
from mmtracker.logic.policy import Policy
from mmtracker.logic.response import ResponseSource
from mmtracker.logic.staging import InputUsed
from mmtracker.logic.units import UnitSystem, display_unit, from_canonical, unit_label
from mmtracker.logic.worklist_order import order_key
from mmtracker.reports.pdf_fonts import fonts_for
from mmtracker.reports.pdf_layout import (
    Page,
    Styles,
    figure_image,
    frame_height,
    frame_width,
    styles_for,
    write_pdf,
)
from mmtracker.reports.trend_data import DEFAULT_TRENDS
from mmtracker.wording import input_value, roman

if TYPE_CHECKING:
    from matplotlib.figure import Figure

KEY_ANALYTES: tuple[Analyte, ...] = tuple(
    a for a in LAB_REPORT_ORDER if a not in QUALITATIVE_ANALYTES
)
"""The analytes whose latest value the summary lists, in the order a lab report gives them."""
RENAL_DOSE_ITEMS = ("renal.za_dose", "renal.pamidronate")
"""The rules' own dose of a bisphosphonate for the renal function (§5 table, D35), printed
where it applies: the dose follows the baseline CrCl, not the latest."""
SHOWN = (Status.ALERT, Status.OVERDUE, Status.DUE_SOON)
"""The care items printed: what needs doing (an alert, overdue, due soon)."""
CONTEXT = "VisitSummary"


@dataclass(frozen=True)
class SummaryRequest:
    """What one visit summary shows, and how."""

    history: PatientHistory
    assessment: Assessment
    bone: BtaState
    policy: Policy
    clinic: str = ""
    lang: str = "en"
    paper: str = "a4"
    units: UnitSystem = UnitSystem.SI

    @property
    def as_of(self) -> dt.date:
        return self.assessment.as_of


def write_visit_summary(request: SummaryRequest, out: BinaryIO) -> None:
    """Write the visit summary of ``request`` as a PDF to ``out``."""
    texts = language(request.lang)
    styles = styles_for(fonts_for(request.lang))
    patient = request.history.patient
    page = Page(
        header_left=" · ".join(
            t for t in (request.clinic, texts.translate("VisitSummary", "Visit summary")) if t
        ),
        header_right=request.as_of.isoformat(),
        header_line=texts.translate("VisitSummary", "{name} · MRN {mrn} · born {born}").format(
            name=patient.name, mrn=patient.mrn, born=patient.date_of_birth.isoformat()
        ),
        footer=texts.translate(
            "VisitSummary",
            "Confidential patient information. Check it against the record before acting.",
        ),
        page_of=texts.translate("VisitSummary", "Page {page} of {pages}"),
    )
    story = VisitSummary(request, texts, styles).build()
    named = texts.translate("VisitSummary", "Visit summary")
    title = f"{named} {patient.mrn} {request.as_of}"
    write_pdf(out, story, page, styles, request.paper, title)


def timeline(request: SummaryRequest) -> Figure:
    """The course timeline as the summary prints it: the page's width."""
    from mmtracker.reports.timeline import timeline_figure

    return timeline_figure(
        request.history, request.as_of, request.lang, frame_width(request.paper) / 72
    )


def trend_figure(request: SummaryRequest) -> tuple[Figure, float]:
    """The lab trends as the summary prints them, and their height in points: the page's
    width, as tall as the trends need, at most the page less a heading."""
    from mmtracker.reports.trends import lab_trend_figure

    drawn = lab_trend_figure(
        request.history,
        request.as_of,
        DEFAULT_TRENDS,
        request.units,
        request.lang,
        request.policy,
        width_in=frame_width(request.paper) / 72,
    )
    room = frame_height(request.paper) - 12 * mm
    natural = float(drawn.figure.get_size_inches()[1]) * 72
    return drawn.figure, min(room, max(natural, drawn.min_height_in * 72))


class VisitSummary:
    """The summary's sections, in the order they print (its texts: the catalogue's context
    of this name)."""

    def __init__(self, request: SummaryRequest, texts: Language, styles: Styles) -> None:
        self.r, self.t, self.s = request, texts, styles
        self.known = as_known_on(request.history, request.as_of)
        self.labs = LabIndex(self.known)
        self.width = frame_width(request.paper)

    def tr(self, text: str) -> str:
        """``text`` (marked for the catalogue where it is written) in the summary's language."""
        return self.t.translate(CONTEXT, text)

    def build(self) -> list[Flowable]:
        story: list[Flowable] = []
        for section in (
            self._patient,
            self._stage,
            self._care_items,
            self._labs,
            self._trends,
            self._bone,
            self._events,
            self._mrd,
            self._treatment,
            self._visit,
            self._signature,
        ):
            story += section()
        return story

    # --- pieces -----------------------------------------------------------------------

    def _heading(self, text: str) -> Paragraph:
        return self.s.p(text, self.s.heading)

    def _render(self, message: Message) -> str:
        return self.t.render(message, self.r.units)

    def _value(self, analyte: Analyte, si: float) -> str:
        return self.t.format_value(Quantity(analyte, si), self.r.units)

    def _code(self, code: str, kind: str | None = None) -> str:
        return self.t.code_label(code, kind)

    def _not_recorded(self) -> str:
        return self.tr("not recorded")

    def _pairs(self, pairs: Iterable[tuple[str, str]]) -> Flowable:
        rows = [[label, value] for label, value in pairs]
        return self.s.table(
            [self.tr("Item"), self.tr("Value")], rows, [self.width * 0.3, self.width * 0.7]
        )

    # --- sections ---------------------------------------------------------------------

    def _patient(self) -> list[Flowable]:
        a, patient = self.r.assessment, self.known.patient
        phase = self._not_recorded()
        if a.phase is not None:
            since = next((s.date for s in reversed(a.timeline) if s.phase is a.phase), None)
            phase = self.tr("{phase} since {date}").format(
                phase=capitalised(self._code(a.phase.value)),
                date=since.isoformat() if since else self._not_recorded(),
            )
        steps = " → ".join(
            f"{step.date.isoformat()} {self._code(step.phase.value)}"
            + (
                " " + self.tr("(line {number})").format(number=step.line_number)
                if step.line_number
                else ""
            )
            for step in a.timeline
        )
        pairs = [
            (self.tr("Name"), patient.name),
            (self.tr("MRN"), patient.mrn),
            (
                self.tr("Born, age, sex"),
                self.tr("{born} · {age} years · {sex}").format(
                    born=patient.date_of_birth.isoformat(),
                    age=a.age,
                    sex=self._code(patient.sex.value, "sex"),
                ),
            ),
            (self.tr("Phase"), phase),
            (self.tr("Phase timeline"), steps or self._not_recorded()),
        ]
        if a.status_date is not None:
            pairs.append(
                (
                    self.tr("Status"),
                    f"{self._code(a.status.value)} {a.status_date.isoformat()}",
                )
            )
        figure = figure_image(timeline(self.r), self.width)
        return [
            self._pairs(pairs),
            Spacer(1, 3 * mm),
            figure,
        ]

    def _inputs(self, inputs: Sequence[InputUsed]) -> str:
        """Each input of a score with its value and date."""

        def yes_no(found: bool) -> str:
            return self.tr("yes") if found else self.tr("no")

        return "; ".join(
            f"{self._code(used.name)} {input_value(self.t, used, self.r.units, yes_no)} "
            f"({used.date.isoformat()})"
            for used in inputs
        )

    def _stage(self) -> list[Flowable]:
        a = self.r.assessment
        pairs: list[tuple[str, str]] = []
        staging = a.staging
        if staging is None:
            said = (
                self._not_recorded()
                if a.phase is None
                else self.tr("not staged: no active myeloma")
            )
            pairs.append((self.tr("Stage at diagnosis"), said))
        else:
            for name, group, stage in (
                ("ISS", staging.iss.stage, staging.iss),
                ("R-ISS", staging.r_iss.stage, staging.r_iss),
                ("R2-ISS", staging.r2_iss.group, staging.r2_iss),
            ):
                value = roman(group) if group else self._not_recorded()
                inputs = self._inputs(stage.inputs)
                pairs.append((name, f"{value}" + (f" — {inputs}" if inputs else "")))
            if staging.diagnosis is not None:
                pairs.insert(0, (self.tr("Diagnosis"), staging.diagnosis.isoformat()))
        if a.smm_risk is not None:
            risk = a.smm_risk
            pairs.append(
                (
                    self.tr("SMM risk"),
                    "; ".join(
                        self._render(m) for m in (risk.mayo_2018.message, risk.imwg_2020.message)
                    )
                    + (f" — {self._inputs(risk.inputs)}" if risk.inputs else ""),
                )
            )
        else:
            current = a.current_response
            if current is None:
                said = self._not_recorded()
            else:
                source = (
                    self.tr("as recorded")
                    if current.source is ResponseSource.RECORDED
                    else self.tr("computed from the labs")
                )
                state = self.tr("confirmed") if current.confirmed else self.tr("unconfirmed")
                said = self.tr("{category} on {date} ({source}, {state})").format(
                    category=self._code(current.category.value),
                    date=current.date.isoformat(),
                    source=source,
                    state=state,
                )
            criteria = current.criteria if current is not None else "IMWG 2016"
            pairs.append((self.tr("Current response ({criteria})").format(criteria=criteria), said))
        return [self._heading(self.tr("Stage, risk and response")), self._pairs(pairs)]

    def _care_items(self) -> list[Flowable]:
        items = sorted(
            (i for i in self.r.assessment.items if i.status in SHOWN),
            key=lambda i: order_key(i, "", ""),
        )
        heading = self._heading(self.tr("Care items to act on"))
        if not items:
            return [heading, self.s.p(self.tr("None: nothing is due, overdue or alerting."))]
        rows: list[list[str]] = []
        marked: list[tuple[int, int]] = []
        for index, item in enumerate(items):
            status = item.severity.value if item.status is Status.ALERT and item.severity else ""
            when = item.since if item.status is Status.ALERT else item.due
            rows.append(
                [
                    self.t.item_title(item.id),
                    self._code(status or item.status.value),
                    when.isoformat() if when else "",
                    self._render(item.message),
                    item.source,
                ]
            )
            if item.status is Status.OVERDUE or status == "urgent":
                marked.append((1, index))
        w = self.width
        table = self.s.table(
            [
                self.tr("Care item"),
                self.tr("Status"),
                self.tr("Due / since"),
                self.tr("Rationale"),
                self.tr("Source"),
            ],
            rows,
            [w * 0.2, w * 0.1, w * 0.12, w * 0.46, w * 0.12],
            marked,
        )
        return [heading, table]

    def _labs(self) -> list[Flowable]:
        judged = judge(self.labs, self.known.patient.sex, self.r.policy)
        rows: list[list[str]] = []
        marked: list[tuple[int, int]] = []
        for analyte in KEY_ANALYTES:
            series = self.labs.series(analyte)
            if not series:
                continue
            latest = series[-1]
            found = judged.get(id(latest.entry))
            value = self._value(analyte, latest.si)
            if found is not None and analyte is Analyte.CALCIUM and found.value != latest.si:
                value += " " + self.tr("(corrected {value})").format(
                    value=self._value(analyte, found.value)
                )
            if latest.entry.calcium_kind is CalciumKind.IONISED:
                value += " " + self.tr("(ionised)")
            mark = found.mark if found is not None else ""
            if mark:
                marked.append((1, len(rows)))
            rows.append(
                [
                    capitalised(self._code(analyte.value)),
                    f"{value} {mark}".strip(),
                    latest.date.isoformat(),
                    self._limits(analyte, found),
                    self._change(analyte, series),
                ]
            )
        rows += self._ratio_and_fixation()
        heading = self._heading(self.tr("Latest laboratory values"))
        if not rows:
            return [heading, self.s.p(self.tr("No laboratory values recorded."))]
        w = self.width
        table = self.s.table(
            [
                self.tr("Analyte"),
                self.tr("Latest"),
                self.tr("Date"),
                self.tr("Reference limits"),
                self.tr("Change since the previous"),
            ],
            rows,
            [w * 0.22, w * 0.22, w * 0.13, w * 0.2, w * 0.23],
            marked,
        )
        note = self.s.p(
            self.tr(
                "↑ above, ↓ below the limits: the lab's own, else the policy's defaults "
                "(hemoglobin, calcium, LDH; D17). A value with neither is not judged."
            ),
            self.s.small,
        )
        return [heading, table, note]

    def _ratio_and_fixation(self) -> list[list[str]]:
        """The latest FLC ratio (involved over uninvolved, §1a Li) and immunofixations."""
        from mmtracker.logic.context import Context
        from mmtracker.logic.crab import latest_flc_ratio

        rows: list[list[str]] = []
        latest = latest_flc_ratio(Context(self.known, self.r.as_of, self.r.policy))
        if latest is not None and latest.ratio is not None:
            rows.append(
                [
                    self.tr("FLC ratio (involved {chain})").format(
                        chain=self._code(latest.chain.value)
                    ),
                    format_number(round(latest.ratio, 2)),
                    latest.date.isoformat(),
                    "",
                    "",
                ]
            )
        for analyte in (Analyte.SERUM_IFE, Analyte.URINE_IFE):
            found = self.labs.latest_qualitative(analyte)
            if found is not None and found.qualitative is not None:
                rows.append(
                    [
                        capitalised(self._code(analyte.value)),
                        self._code(found.qualitative.value),
                        found.date.isoformat(),
                        "",
                        "",
                    ]
                )
        return rows

    def _limits(self, analyte: Analyte, found: Judged | None) -> str:
        if found is None or (found.low is None and found.high is None):
            return self.tr("not judged")
        low = self._value(analyte, found.low) if found.low is not None else ""
        high = self._value(analyte, found.high) if found.high is not None else ""
        text = (
            f"{low} – {high}".strip(" –") if low and high else (f"≥ {low}" if low else f"≤ {high}")
        )
        return text + (" " + self.tr("(default)") if found.defaulted else "")

    def _change(self, analyte: Analyte, series: Sequence[LabValue]) -> str:
        """The change from the previous value, to the decimals the two values are shown in."""
        if len(series) < 2:
            return self.tr("first value")
        before, latest = series[-2], series[-1]
        unit = display_unit(analyte, self.r.units)
        shown = [format_number(from_canonical(analyte, v.si, unit)) for v in (before, latest)]
        decimals = max(len(t.partition(".")[2]) for t in shown)
        delta = round(float(shown[1]) - float(shown[0]), decimals)
        text = f"{delta:+.{decimals}f}".replace("-", "−") if delta else "±0"
        return self.tr("{change} since {date}").format(
            change=f"{text} {unit_label(unit)}", date=before.date.isoformat()
        )

    def _trends(self) -> list[Flowable]:
        """The screen's lab trends (M-protein, FLC, haemoglobin, calcium, creatinine), one
        axis of dates under them all and the treatment lines shaded, on a page of its own."""
        if not any(self.labs.series(analyte) for analyte in KEY_ANALYTES):
            return []  # "No laboratory values recorded" says it: no five empty charts
        drawn, height = trend_figure(self.r)
        image = figure_image(drawn, self.width, height)
        return [KeepTogether([self._heading(self.tr("Laboratory trends")), image])]

    def _bone(self) -> list[Flowable]:
        bone = self.r.bone
        last = bone.last_dose
        if last is None:
            therapy = (
                f"{self._code(bone.declined.kind.value)} {bone.declined.date.isoformat()}"
                if bone.declined is not None
                else self._not_recorded()
            )
            next_due = ""
        else:
            therapy = self.tr("{agent}, last dose {dose} mg on {date}").format(
                agent=self._code(last.agent.value),
                dose=format_number(last.dose_mg),
                date=last.date.isoformat(),
            )
            if bone.stop is not None:
                next_due = self.tr("stopped on {date}").format(date=bone.stop.date.isoformat())
            elif bone.held and bone.resume_on is not None:
                next_due = self.tr("on hold; resuming {date}").format(
                    date=bone.resume_on.isoformat()
                )
            elif bone.next_due is not None and bone.next_due < self.r.as_of:
                next_due = self.tr("{date}: overdue by {days} days").format(
                    date=bone.next_due.isoformat(), days=(self.r.as_of - bone.next_due).days
                )
            else:
                next_due = bone.next_due.isoformat() if bone.next_due else ""
        pairs = [
            (self.tr("Bone-targeted therapy"), therapy),
            (self.tr("Next dose due"), next_due or self._not_recorded()),
            (self.tr("Creatinine clearance"), self._crcl()),
        ]
        pairs += [
            (self.t.item_title(item.id), self._render(item.message))
            for item in self.r.assessment.items
            if item.id in RENAL_DOSE_ITEMS and item.status is not Status.NOT_APPLICABLE
        ]
        pairs += [
            (self.tr("Last dental check"), self._dental()),
            (self.tr("Calcium"), self._latest(Analyte.CALCIUM)),
            (self.tr("25-OH vitamin D"), self._latest(Analyte.VITAMIN_D)),
            (self.tr("Calcium and vitamin D supplements"), self._supplements()),
        ]
        return [self._heading(self.tr("Bone health")), self._pairs(pairs)]

    def _crcl(self) -> str:
        """The latest creatinine clearance with its inputs' dates (D13)."""
        current = self.r.assessment.renal.current
        if current is None:
            return self.tr("no creatinine recorded")
        if current.crcl is None or current.weight is None:
            return self.tr("record a weight to compute it (creatinine of {date})").format(
                date=current.creatinine.date.isoformat()
            )
        return self.tr(
            "{crcl} mL/min (creatinine of {date}, weight {weight} kg of {weighed})"
        ).format(
            crcl=format_number(round(current.crcl, 1)),
            date=current.creatinine.date.isoformat(),
            weight=format_number(current.weight.weight_kg),
            weighed=current.weight.date.isoformat(),
        )

    def _dental(self) -> str:
        exams = self.known.dental_exams
        if not exams:
            return self._not_recorded()
        exam = exams[-1]
        said = f"{exam.date.isoformat()}: {self._code(exam.outcome.value)}"
        if exam.procedure_date is not None:
            said += " · " + self.tr("{procedure} procedure {date}").format(
                procedure=self._code(exam.invasive_procedure.value),
                date=exam.procedure_date.isoformat(),
            )
        return said

    def _latest(self, analyte: Analyte) -> str:
        latest = self.labs.latest(analyte)
        if latest is None:
            return self._not_recorded()
        return f"{self._value(analyte, latest.si)} ({latest.date.isoformat()})"

    def _supplements(self) -> str:
        day = self.r.as_of
        taking = [
            s
            for s in self.known.supplements
            if s.start_date <= day and (s.end_date is None or s.end_date >= day)
        ]
        if not taking:
            return self.tr("none recorded as taken now")
        return "; ".join(
            self.tr("calcium {calcium} mg, vitamin D {vitamin_d} IU daily since {date}").format(
                calcium=format_number(s.calcium_mg) if s.calcium_mg is not None else "—",
                vitamin_d=format_number(s.vitamin_d_iu) if s.vitamin_d_iu is not None else "—",
                date=s.start_date.isoformat(),
            )
            for s in taking
        )

    def _events(self) -> list[Flowable]:
        """Imaging and clinical events (skeletal, hypercalcaemia, plasmacytoma), newest first."""
        w = self.width
        story: list[Flowable] = [self._heading(self.tr("Imaging and clinical events"))]
        imaging, events = self.known.imaging, self.known.clinical_events
        if not imaging and not events:
            return [*story, self.s.p(self.tr("No imaging or clinical event recorded."))]
        rows = [
            [
                i.date.isoformat(),
                self._code(i.modality.value),
                "; ".join(
                    part
                    for part in (
                        self.tr("lytic lesions: {count}").format(count=i.lytic_lesions)
                        if i.lytic_lesions is not None
                        else "",
                        self.tr("MRI focal lesions: {count}").format(count=i.mri_focal_lesions)
                        if i.mri_focal_lesions is not None
                        else "",
                        self.tr("FDG-avid") if i.fdg_avid else "",
                        self.tr("plasmacytoma") if i.plasmacytoma else "",
                        i.note,
                    )
                    if part
                ),
            ]
            for i in imaging
        ]
        rows += [[e.date.isoformat(), self._code(e.kind.value), e.note] for e in events]
        rows.sort(key=lambda row: row[0], reverse=True)
        story.append(
            self.s.table(
                [self.tr("Date"), self.tr("What"), self.tr("Findings")],
                rows,
                [w * 0.15, w * 0.3, w * 0.55],
            )
        )
        return story

    def _mrd(self) -> list[Flowable]:
        tests = self.known.mrd_tests
        heading = self._heading(self.tr("Minimal residual disease (MRD)"))
        if not tests:
            return [heading, self.s.p(self.tr("No MRD test recorded."))]
        w = self.width
        table = self.s.table(
            [self.tr("Date"), self.tr("Method"), self.tr("Sensitivity"), self.tr("Result")],
            [
                [
                    t.date.isoformat(),
                    self._code(t.method.value),
                    format_number(t.sensitivity),
                    self._code(t.result.value),
                ]
                for t in reversed(tests)
            ],
            [w * 0.2, w * 0.2, w * 0.2, w * 0.4],
        )
        mrd = self.r.assessment.mrd
        sustained = self.tr("Sustained MRD negativity: {answer}").format(
            answer=self.tr("yes") if mrd.sustained else self.tr("no")
        )
        said = [self.s.p(sustained)] + [
            self.s.p(self._render(m), self.s.small) for m in mrd.messages
        ]
        return [heading, table, *said]

    def _treatment(self) -> list[Flowable]:
        w = self.width
        story: list[Flowable] = [self._heading(self.tr("Treatment lines and transplants"))]
        lines = self.known.treatment_lines
        if lines:
            story.append(
                self.s.table(
                    [
                        self.tr("Line"),
                        self.tr("Regimen"),
                        self.tr("Intent"),
                        self.tr("Start"),
                        self.tr("End"),
                        self.tr("Drugs"),
                    ],
                    [
                        [
                            str(line.line_number),
                            line.regimen,
                            self._code(line.intent.value),
                            line.start_date.isoformat(),
                            line.end_date.isoformat() if line.end_date else self.tr("ongoing"),
                            ", ".join(line.drugs),
                        ]
                        for line in reversed(lines)
                    ],
                    [w * 0.07, w * 0.2, w * 0.14, w * 0.13, w * 0.13, w * 0.33],
                )
            )
        else:
            story.append(self.s.p(self.tr("No treatment line recorded.")))
        transplants = self.known.transplants
        if transplants:
            story.append(self.s.p(self.tr("Transplants"), self.s.heading))
            story.append(
                self.s.table(
                    [
                        self.tr("Planned"),
                        self.tr("Performed"),
                        self.tr("Withdrawn"),
                        self.tr("Melphalan (mg/m²)"),
                        self.tr("Mucositis"),
                    ],
                    [
                        [
                            t.planned_date.isoformat() if t.planned_date else "",
                            t.performed_date.isoformat() if t.performed_date else "",
                            t.withdrawn_date.isoformat() if t.withdrawn_date else "",
                            format_number(t.melphalan_mg_m2) if t.melphalan_mg_m2 else "",
                            (
                                f"{t.mucositis_grade} ({self._code(t.mucositis_scale.value)})"
                                if t.mucositis_grade is not None and t.mucositis_scale
                                else ""
                            ),
                        ]
                        for t in transplants
                    ],
                    [w * 0.18, w * 0.18, w * 0.18, w * 0.2, w * 0.26],
                )
            )
        return story

    def _visit(self) -> list[Flowable]:
        visits = [v for v in self.known.visits if v.date <= self.r.as_of]
        heading = self._heading(self.tr("Visit note"))
        if not visits:
            return [heading, self.s.p(self.tr("No visit recorded."))]
        visit = visits[-1]
        pairs = [(self.tr("Visit"), visit.date.isoformat())]
        if visit.ecog is not None:
            pairs.append(("ECOG", str(visit.ecog)))
        if visit.pain is not None:
            pairs.append((self.tr("Pain (0–10)"), str(visit.pain)))
        pairs.append((self.tr("Note"), visit.note or "—"))
        if visit.next_visit is not None:
            pairs.append((self.tr("Next visit"), visit.next_visit.isoformat()))
        return [heading, self._pairs(pairs)]

    def _signature(self) -> list[Flowable]:
        """Who signs the summary: name, signature and date on lines to write on."""
        w = self.width
        cells = [
            self.s.p(self.tr("Clinician")),
            "",
            self.s.p(self.tr("Signature")),
            "",
            self.s.p(self.tr("Date")),
            "",
        ]
        table = Table(
            [cells], colWidths=[w * 0.12, w * 0.3, w * 0.12, w * 0.26, w * 0.07, w * 0.13]
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), self.s.fonts.base),
                    ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
                    ("LINEBELOW", (3, 0), (3, 0), 0.6, colors.black),
                    ("LINEBELOW", (5, 0), (5, 0), 0.6, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ]
            )
        )
        return [Spacer(1, 12 * mm), table]
