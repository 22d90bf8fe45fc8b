"""The assessment behind the header, as a readable page: SLiM-CRAB, staging, risk, response, MRD,
and the melphalan evidence note before a planned transplant. Everything shown is what the
assessment says; texts come from its messages."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from mmtracker import i18n
from mmtracker.logic.codes import Analyte
from mmtracker.logic.messages import Message
from mmtracker.logic.staging import InputUsed
from mmtracker.logic.units import UnitSystem
from mmtracker.ui.patient.data import PatientData
from mmtracker.ui.patient.text import (
    day,
    mayo_points,
    not_recorded,
    quantity,
    roman,
    value_text,
)
from mmtracker.wording import input_value


def _messages(messages: Iterable[Message], units: UnitSystem) -> str:
    items = "".join(f"<li>{escape(i18n.render(m, units))}</li>" for m in messages)
    return f"<ul>{items}</ul>" if items else ""


def _inputs(inputs: Iterable[InputUsed], units: UnitSystem) -> str:
    rows = "".join(
        f"<li>{escape(i18n.code_label(i.name))}: {escape(_input_value(i, units))}"
        f" ({i.date.isoformat()})</li>"
        for i in inputs
    )
    return f"<ul>{rows}</ul>" if rows else ""


def _input_value(used: InputUsed, units: UnitSystem) -> str:
    """A staging input as :func:`mmtracker.wording.input_value` says it, on screen."""
    return input_value(i18n.installed(), used, units, lambda yes: value_text(yes, units))


def _param(code: str, value: float, units: UnitSystem) -> str:
    analyte = Analyte(code) if code in Analyte._value2member_map_ else Analyte.FLC_KAPPA
    return quantity(analyte, value, units)


def details_html(data: PatientData, units: UnitSystem) -> str:
    """The details page as HTML in the installed language and unit system."""
    T = {
        "SLiM-CRAB": QCoreApplication.translate("PatientDetails", "SLiM-CRAB"),
        "Staging at diagnosis": QCoreApplication.translate(
            "PatientDetails", "Staging at diagnosis"
        ),
        "Not staged: no active myeloma.": QCoreApplication.translate(
            "PatientDetails", "Not staged: no active myeloma."
        ),
        "Diagnosis": QCoreApplication.translate("PatientDetails", "Diagnosis"),
        "Missing": QCoreApplication.translate("PatientDetails", "Missing"),
        "Smoldering myeloma risk": QCoreApplication.translate(
            "PatientDetails", "Smoldering myeloma risk"
        ),
        "Response (IMWG)": QCoreApplication.translate("PatientDetails", "Response (IMWG)"),
        "Baseline": QCoreApplication.translate("PatientDetails", "Baseline"),
        "Nadir": QCoreApplication.translate("PatientDetails", "Nadir"),
        "Date": QCoreApplication.translate("PatientDetails", "Date"),
        "Response": QCoreApplication.translate("PatientDetails", "Response"),
        "MRD": QCoreApplication.translate("PatientDetails", "MRD"),
        "Latest": QCoreApplication.translate("PatientDetails", "Latest"),
        "Sustained MRD negativity": QCoreApplication.translate(
            "PatientDetails", "Sustained MRD negativity"
        ),
        "yes": QCoreApplication.translate("PatientDetails", "yes"),
        "no": QCoreApplication.translate("PatientDetails", "no"),
        "Before the planned transplant": QCoreApplication.translate(
            "PatientDetails", "Before the planned transplant"
        ),
        "met": QCoreApplication.translate("PatientDetails", "met"),
        "not met": QCoreApplication.translate("PatientDetails", "not met"),
        "not assessable": QCoreApplication.translate("PatientDetails", "not assessable"),
        "Mayo additive": QCoreApplication.translate("PatientDetails", "Mayo additive"),
    }
    a = data.assessment
    parts = [f"<h3>{escape(T['SLiM-CRAB'])}</h3><table cellspacing='4'>"]
    for c in a.slim_crab.criteria:
        met = {
            True: T["met"],
            False: T["not met"],
            None: T["not assessable"],
        }[c.met]
        colour = "#b00020" if c.met else "inherit"
        parts.append(
            f"<tr><td><b>{escape(c.code.value)}</b></td>"
            f"<td style='color:{colour}'>{escape(met)}</td>"
            f"<td>{escape(i18n.render(c.message, units))}</td></tr>"
        )
    parts.append("</table>")

    parts.append(f"<h3>{escape(T['Staging at diagnosis'])}</h3>")
    s = a.staging
    if s is None:
        parts.append(f"<p>{escape(T['Not staged: no active myeloma.'])}</p>")
    else:
        parts.append(f"<p>{escape(T['Diagnosis'])}: {escape(day(s.diagnosis))}</p>")
        for name, group, stage in (
            ("ISS", roman(s.iss.stage), s.iss),
            ("R-ISS", roman(s.r_iss.stage), s.r_iss),
            ("R2-ISS", roman(s.r2_iss.group), s.r2_iss),
            (T["Mayo additive"], mayo_points(s.mayo_additive.group), s.mayo_additive),
        ):
            parts.append(f"<p><b>{escape(name)}: {escape(group)}</b></p>")
            parts.append(_inputs(stage.inputs, units))
            if stage.missing:
                parts.append(f"<p>{escape(T['Missing'])}:</p>" + _messages(stage.missing, units))
            parts.append(_messages(stage.notes, units))

    if a.smm_risk is not None:
        r = a.smm_risk
        parts.append(f"<h3>{escape(T['Smoldering myeloma risk'])}</h3>")
        parts.append(
            _messages((r.mayo_2018.message, r.imwg_2020.message, r.mateos_2020.message), units)
        )
        parts.append(_inputs(r.inputs, units))
        if r.missing:
            parts.append(f"<p>{escape(T['Missing'])}:</p>" + _messages(r.missing, units))
        parts.append(_messages((b.message for b in r.pangea), units))

    parts.append(f"<h3>{escape(T['Response (IMWG)'])}</h3>")
    if a.current_response is not None:  # what the header shows, and the rules use (D19, D23)
        parts.append(_messages((a.current_response.message,), units))
    resp = a.response
    if resp is None:
        parts.append(f"<p>{escape(not_recorded())}</p>")
    else:
        if resp.baseline is not None:
            values = ", ".join(
                f"{i18n.code_label(p.value)} {_param(p.value, m.value, units)} ({m.date})"
                for p, m in resp.baseline.values.items()
            )
            parts.append(
                f"<p><b>{escape(T['Baseline'])}</b> {resp.baseline.start}: "
                f"{escape(values or not_recorded())}</p>"
            )
        if resp.nadirs:
            nadirs = ", ".join(
                f"{i18n.code_label(p.value)} {_param(p.value, m.value, units)} ({m.date})"
                for p, m in resp.nadirs.items()
            )
            parts.append(f"<p><b>{escape(T['Nadir'])}</b>: {escape(nadirs)}</p>")
        if resp.series:
            rows = "".join(
                f"<tr><td>{p.date}</td><td>{escape(i18n.code_label(p.category.value))}</td>"
                f"<td>{escape(', '.join(i18n.code_label(m.value) for m in p.missing))}</td></tr>"
                for p in resp.series
            )
            parts.append(
                f"<table cellspacing='4'><tr><th>{escape(T['Date'])}</th>"
                f"<th>{escape(T['Response'])}</th><th>{escape(T['Missing'])}</th></tr>"
                f"{rows}</table>"
            )
        parts.append(_messages(resp.messages, units))

    parts.append(f"<h3>{escape(T['MRD'])}</h3>")
    mrd = a.mrd
    latest = mrd.latest
    parts.append(
        f"<p>{escape(T['Latest'])}: "
        + (
            escape(
                f"{latest.date} · {i18n.code_label(latest.result.value)} · "
                f"{i18n.code_label(latest.method.value)} · {i18n.format_number(latest.sensitivity)}"
            )
            if latest
            else escape(not_recorded())
        )
        + "</p>"
    )
    parts.append(
        f"<p>{escape(T['Sustained MRD negativity'])}: "
        f"{escape(T['yes'] if mrd.sustained else T['no'])}</p>"
    )
    parts.append(_messages(mrd.messages, units))
    history = sorted(data.history.mrd_tests, key=lambda t: t.date)
    if history:
        rows = "".join(
            f"<tr><td>{t.date}</td><td>{escape(i18n.code_label(t.result.value))}</td>"
            f"<td>{escape(i18n.code_label(t.method.value))}</td>"
            f"<td>{escape(i18n.format_number(t.sensitivity))}</td></tr>"
            for t in history
        )
        parts.append(f"<table cellspacing='4'>{rows}</table>")

    if a.conditioning is not None:
        note = a.conditioning
        parts.append(f"<h3>{escape(T['Before the planned transplant'])}</h3>")
        parts.append(f"<p><b>{escape(i18n.render(note.headline, units))}</b></p>")
        parts.append(_messages(note.lines, units))
    return "".join(parts)


class DetailsPanel(QTextBrowser):
    """The assessment details, read-only, selectable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)

    def show_data(self, data: PatientData, units: UnitSystem) -> None:
        """Render the details of ``data``, keeping the scroll position."""
        position = self.verticalScrollBar().value()
        self.setHtml(details_html(data, units))
        self.verticalScrollBar().setValue(position)
