"""The Patient view on a real database: header, care items, snooze, Chinese, models (issue 9)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from logic.builders import policy
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from mmtracker import i18n
from mmtracker.config import actor
from mmtracker.logic.care import Status
from mmtracker.logic.policy import Policy
from mmtracker.storage.services import PATIENT, add_entry
from mmtracker.ui.hub import Hub
from mmtracker.ui.patient import view as view_module
from mmtracker.ui.patient.items import Column
from mmtracker.ui.patient.view import PatientView
from mmtracker.ui.widgets.acknowledge import AcknowledgeDialog, Choice

WAIT_MS = 20_000


@pytest.fixture
def pol() -> Policy:
    return policy()


@pytest.fixture
def hub() -> Hub:
    return Hub()


def open_view(
    qtbot: QtBot, engine: Engine, mrn: str, pol: Policy, today: dt.date, hub: Hub
) -> PatientView:
    with engine.connect() as conn:
        patient_id = conn.execute(select(PATIENT.c.id).where(PATIENT.c.mrn == mrn)).scalar_one()
    view = PatientView(engine, patient_id, pol, lambda: today, hub)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitUntil(lambda: view.data() is not None, timeout=WAIT_MS)
    return view


@pytest.fixture
def zhang(qtbot: QtBot, clinic: Engine, pol: Policy, today: dt.date, hub: Hub) -> PatientView:
    return open_view(qtbot, clinic, "MM-001", pol, today, hub)


def item_rows(view: PatientView) -> dict[str, str]:
    model = view.items.model
    return {model.item(r).id: model.index(r, Column.STATUS).data() for r in range(model.rowCount())}


def test_opening_a_patient_shows_the_header_and_the_items(zhang: PatientView) -> None:
    assert zhang.title() == "MM-001 Zhang Wei"
    assert "MM-001" in zhang.header.title.text()
    assert "Zhang Wei" in zhang.header.title.text()
    assert zhang.header.values["phase"].text() == "Newly diagnosed MM (NDMM) since 2024-01-10"
    assert "1958-04-02" in zhang.header.values["born"].text()
    assert zhang.header.values["bone"].text() == "not recorded"  # never blank
    assert all(label.text() for label in zhang.header.values.values())
    rows = item_rows(zhang)
    assert rows["dental.before_bta"] == "Overdue"
    assert "not_applicable" not in rows.values()
    assert zhang.items.model.rowCount() == len(
        [i for i in zhang.data().assessment.items if i.status is not Status.NOT_APPLICABLE]
    )


def test_focus_item_selects_that_item(zhang: PatientView) -> None:
    zhang.focus_item("labs.monitoring")
    (row,) = zhang.items.selected_rows()
    assert zhang.items.model.item(row).id == "labs.monitoring"
    assert "Source" in zhang.items.source.text()


def test_snoozing_from_the_view_marks_the_item_after_reload(
    qtbot: QtBot, zhang: PatientView, monkeypatch: pytest.MonkeyPatch, today: dt.date
) -> None:
    until = today + dt.timedelta(days=14)
    asked: list[list[str]] = []

    def ask(_parent: object, items: list[Any], _on: dt.date, _pol: Policy) -> Choice:
        asked.append([i.item_id for i in items])
        return Choice(until, "dentist booked for next week")

    monkeypatch.setattr(view_module, "ask", ask)
    zhang.focus_item("dental.before_bta")
    titles: list[str] = []
    zhang.title_changed.connect(titles.append)
    with qtbot.waitSignal(zhang.loaded, timeout=WAIT_MS):
        zhang.items.acknowledge.click()
    assert asked == [["dental.before_bta"]]
    assert item_rows(zhang)["dental.before_bta"] == "Snoozed"
    row = zhang.items.model.row_of("dental.before_bta")
    assert zhang.items.model.index(row, Column.DATE).data() == f"until {until.isoformat()}"
    tip = zhang.items.model.index(row, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(
        f"Snoozed until {until.isoformat()} by {actor()} on {today.isoformat()}: "
        "dentist booked for next week"
    )
    (selected,) = zhang.items.selected_rows()  # the selection survives the reload
    assert selected == row
    assert titles == []  # same patient, same title


def test_chinese_labels_after_retranslate_keep_the_patient(
    qapp: QApplication, zhang: PatientView, translations_built: Path
) -> None:
    zhang.tabs.setCurrentWidget(zhang.flowsheet)
    zhang.focus_item("labs.monitoring")
    assert i18n.install(qapp, "zh_CN")
    try:
        zhang.retranslate()
        assert zhang.tabs.tabText(0) == "随访事项"
        assert zhang.items.model.headerData(1, view_module.Qt.Orientation.Horizontal) == "状态"
        assert zhang.header.names["phase"].text() == "病程阶段"
        assert item_rows(zhang)["dental.before_bta"] == "逾期"
        assert zhang.title() == "MM-001 Zhang Wei"
        (row,) = zhang.items.selected_rows()
        assert zhang.items.model.item(row).id == "labs.monitoring"
    finally:
        i18n.install(qapp, "en")


def test_every_panel_fills_when_first_shown(qtbot: QtBot, zhang: PatientView) -> None:
    for index in range(zhang.tabs.count()):
        zhang.tabs.setCurrentIndex(index)
    assert "SLiM-CRAB" in zhang.details.toPlainText()
    assert zhang.entries.model.rowCount() == 0  # no lab results: the default kind is empty
    zhang.entries.kind.setCurrentIndex(zhang.entries.kind.findData("visits"))
    assert zhang.entries.model.rowCount() == 1
    assert zhang.entries.model.index(0, 0).data() == "2026-02-20"
    assert set(zhang.timings) >= {"header and items", "Assessment details", "Entries"}


def test_item_models_pass_the_model_tester(qtmodeltester: Any, zhang: PatientView) -> None:
    for index in range(zhang.tabs.count()):
        zhang.tabs.setCurrentIndex(index)
    qtmodeltester.check(zhang.items.model)
    qtmodeltester.check(zhang.flowsheet_model)
    qtmodeltester.check(zhang.entries.model)


def test_the_dialog_lists_the_selected_items(
    qtbot: QtBot, zhang: PatientView, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[AcknowledgeDialog] = []

    def exec_(dialog: AcknowledgeDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(AcknowledgeDialog, "exec", exec_)
    zhang.items.table.selectAll()
    zhang.acknowledge_selected()
    (dialog,) = shown
    assert dialog.item_list.topLevelItemCount() == zhang.items.model.rowCount()
    assert dialog.item_list.topLevelItem(0).text(0) == "MM-001 Zhang Wei"


def test_the_flowsheet_marks_values_outside_the_lab_limits(
    qtbot: QtBot, clinic: Engine, pol: Policy, today: dt.date, hub: Hub, qtmodeltester: Any
) -> None:
    with clinic.connect() as conn:
        patient_id = conn.execute(
            select(PATIENT.c.id).where(PATIENT.c.mrn == "MM-001")
        ).scalar_one()
    for date, value in (("2026-01-10", 95.0), ("2026-02-10", 128.0)):
        add_entry(
            clinic,
            patient_id,
            "lab_results",
            {
                "date": date,
                "analyte": "hemoglobin",
                "value": value,
                "unit": "g/L",
                "ref_low": 120.0,
                "ref_high": 160.0,
            },
            "nurse@test",
            today,
        )
    view = open_view(qtbot, clinic, "MM-001", pol, today, hub)
    view.tabs.setCurrentWidget(view.flowsheet)
    model = view.flowsheet_model
    assert [model.headerData(c, view_module.Qt.Orientation.Horizontal) for c in range(2)] == [
        "2026-02-10",
        "2026-01-10",
    ]
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "128"
    assert model.index(0, 1).data() == "95 ↓"
    assert model.index(0, 1).data(view_module.Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 0).data(view_module.Qt.ItemDataRole.ForegroundRole) is None
    qtmodeltester.check(model)
    view.set_units(view_module.UnitSystem.CONVENTIONAL)
    assert model.index(0, 0).data() == "12.8"


def test_d17_without_lab_limits_the_flowsheet_judges_by_the_policy_defaults(
    qtbot: QtBot, clinic: Engine, pol: Policy, today: dt.date, hub: Hub
) -> None:
    """D17: limits.hb_lln_male 130 g/L (Zhang Wei is a man); a creatinine with no limits
    is not judged, and says so."""
    with clinic.connect() as conn:
        patient_id = conn.execute(
            select(PATIENT.c.id).where(PATIENT.c.mrn == "MM-001")
        ).scalar_one()
    for date, analyte, value, unit in (
        ("2026-01-10", "hemoglobin", 129.9, "g/L"),
        ("2026-02-10", "hemoglobin", 130.0, "g/L"),
        ("2026-02-10", "creatinine", 200.0, "umol/L"),
    ):
        add_entry(
            clinic,
            patient_id,
            "lab_results",
            {"date": date, "analyte": analyte, "value": value, "unit": unit},
            "nurse@test",
            today,
        )
    view = open_view(qtbot, clinic, "MM-001", pol, today, hub)
    view.tabs.setCurrentWidget(view.flowsheet)
    model = view.flowsheet_model
    labels = [model.headerData(r, view_module.Qt.Orientation.Vertical) for r in range(2)]
    hb = next(r for r, label in enumerate(labels) if "moglobin" in label)
    creatinine = 1 - hb
    assert model.index(hb, 1).data() == "129.9 ↓"  # 2026-01-10: below 130
    assert "policy's default limits" in model.index(hb, 1).data(
        view_module.Qt.ItemDataRole.ToolTipRole
    )
    assert model.index(hb, 0).data() == "130"  # at the limit: not below it
    assert model.index(creatinine, 0).data() == "200"
    tip = model.index(creatinine, 0).data(view_module.Qt.ItemDataRole.ToolTipRole)
    assert "no reference limits recorded: not judged" in tip


def test_d12_the_flowsheet_shows_the_albumin_corrected_calcium_it_judges(
    qtbot: QtBot, clinic: Engine, pol: Policy, today: dt.date, hub: Hub
) -> None:
    """D12: 2.80 + 0.02 × (40 − 34) = 2.92 mmol/L, judged against the D17 default ULN 2.60."""
    with clinic.connect() as conn:
        patient_id = conn.execute(
            select(PATIENT.c.id).where(PATIENT.c.mrn == "MM-001")
        ).scalar_one()
    for analyte, value, unit, extra in (
        ("calcium", 2.8, "mmol/L", {"calcium_kind": "total"}),
        ("albumin", 34.0, "g/L", {}),
    ):
        add_entry(
            clinic,
            patient_id,
            "lab_results",
            {"date": "2026-02-10", "analyte": analyte, "value": value, "unit": unit, **extra},
            "nurse@test",
            today,
        )
    view = open_view(qtbot, clinic, "MM-001", pol, today, hub)
    view.tabs.setCurrentWidget(view.flowsheet)
    model = view.flowsheet_model
    labels = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    calcium = next(r for r, label in enumerate(labels) if label.startswith("calcium"))
    assert model.index(calcium, 0).data() == "2.8 (corrected 2.92) ↑"
