"""The timeline and lab-trend figures: what they show, in which units and language."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import subprocess
import sys
import warnings
from collections.abc import Iterable

import pytest
from logic.builders import flc, history, imaging, lab, new_id, phase, policy, weight
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from mmtracker.logic.codes import (
    BoneAgent,
    BoneTherapyEventKind,
    ClinicalEventKind,
    DentalOutcome,
    LightChain,
    MrdMethod,
    MrdResult,
    Phase,
    TreatmentIntent,
)
from mmtracker.logic.history import (
    BoneTherapyDose,
    BoneTherapyEvent,
    ClinicalEvent,
    DentalExam,
    MrdTest,
    PatientHistory,
    Transplant,
    TreatmentLine,
)
from mmtracker.logic.units import UnitSystem
from mmtracker.reports.figures import Trend, TrendFigure, lab_trend_figure, timeline_figure
from mmtracker.reports.timeline import ROW_LABEL

AS_OF = dt.date(2025, 12, 1)
CJK = re.compile(r"[\u4e00-\u9fff]")


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def line(number: int, regimen: str, start: str, end: str | None = None) -> TreatmentLine:
    return TreatmentLine(
        id=new_id("line"),
        line_number=number,
        regimen=regimen,
        intent=TreatmentIntent.INDUCTION,
        start_date=d(start),
        end_date=d(end) if end else None,
    )


def mrd(date: str, result: MrdResult) -> MrdTest:
    return MrdTest(
        id=new_id("mrd"), date=d(date), method=MrdMethod.NGF, sensitivity=1e-5, result=result
    )


def full_course() -> PatientHistory:
    """A course with an entry of every kind the timeline draws."""
    return history(
        phase_changes=[phase("2023-01-10", Phase.NDMM), phase("2023-08-01", Phase.ASCT)],
        treatment_lines=[
            line(1, "VRd", "2023-01-15", "2023-07-01"),
            line(2, "Dara-R", "2024-02-01"),
        ],
        transplants=[Transplant(id=new_id("tx"), performed_date=d("2023-08-10"))],
        bone_therapy_doses=[
            BoneTherapyDose(
                id=new_id("bd"), date=d("2023-02-01"), agent=BoneAgent.ZOLEDRONIC_ACID, dose_mg=4
            ),
            BoneTherapyDose(
                id=new_id("bd"), date=d("2024-03-01"), agent=BoneAgent.DENOSUMAB, dose_mg=120
            ),
        ],
        bone_therapy_events=[
            BoneTherapyEvent(
                id=new_id("be"),
                date=d("2024-01-05"),
                kind=BoneTherapyEventKind.HOLD,
                resume_date=d("2024-02-20"),
            )
        ],
        imaging=[imaging("2023-01-05", "PET_CT")],
        dental_exams=[DentalExam(id=new_id("dx"), date=d("2023-01-20"), outcome=DentalOutcome.FIT)],
        mrd_tests=[mrd("2023-11-01", MrdResult.NEGATIVE), mrd("2025-03-01", MrdResult.POSITIVE)],
        clinical_events=[
            ClinicalEvent(
                id=new_id("ev"), date=d("2023-01-02"), kind=ClinicalEventKind.PATHOLOGICAL_FRACTURE
            ),
            ClinicalEvent(
                id=new_id("ev"), date=d("2023-01-03"), kind=ClinicalEventKind.HYPERCALCAEMIA
            ),
        ],
    )


def row_labels(figure: Figure) -> list[str]:
    return [t.get_text() for t in figure.axes[0].texts if t.get_gid() == ROW_LABEL]


def scatters(figure: Figure) -> dict[str, PathCollection]:
    return {c.get_label(): c for c in figure.axes[0].collections if isinstance(c, PathCollection)}


def key_texts(figure: Figure) -> list[str]:
    """The labels of the key below a figure."""
    return [t.get_text() for t in figure.texts]


def texts_of(axes: Iterable[Axes]) -> list[str]:
    return [t.get_text() for a in axes for t in a.texts]


def test_timeline_has_a_labelled_row_per_category_in_order() -> None:
    figure = timeline_figure(full_course(), AS_OF, "en")
    assert row_labels(figure) == [
        "Phase",
        "Treatment lines",
        "Transplant",
        "Bone therapy",
        "Imaging",
        "Dental checks",
        "MRD",
        "Clinical events",
    ]


def test_timeline_rows_only_for_kinds_recorded() -> None:
    figure = timeline_figure(history(imaging=[imaging("2024-01-05")]), AS_OF, "en")
    assert row_labels(figure) == ["Imaging"]


def test_timeline_marks_mrd_negative_filled_and_positive_hollow() -> None:
    found = scatters(timeline_figure(full_course(), AS_OF, "en"))
    negative, positive = found["MRD negative"], found["MRD positive"]
    assert negative.get_facecolors()[0][3] == 1.0  # filled
    assert len(positive.get_facecolors()) == 0 or positive.get_facecolors()[0][3] == 0.0
    assert tuple(negative.get_edgecolors()[0]) != tuple(positive.get_edgecolors()[0])
    assert [o[0] for o in negative.get_offsets()] == [date2num(d("2023-11-01"))]
    assert [o[0] for o in positive.get_offsets()] == [date2num(d("2025-03-01"))]


def test_timeline_tells_zoledronic_acid_from_denosumab() -> None:
    found = scatters(timeline_figure(full_course(), AS_OF, "en"))
    za, dmab = found["Dose: zoledronic acid"], found["Dose: denosumab"]
    assert za.get_paths()[0].vertices.tolist() != dmab.get_paths()[0].vertices.tolist()
    assert tuple(za.get_facecolors()[0]) != tuple(dmab.get_facecolors()[0])


def test_timeline_names_regimens_and_the_events() -> None:
    figure = timeline_figure(full_course(), AS_OF, "en")
    assert {"L1 VRd", "L2 Dara-R"} <= set(texts_of(figure.axes))
    labels = set(scatters(figure))
    assert {"pathological fracture", "hypercalcaemia", "Transplant performed"} <= labels
    key = key_texts(figure)
    assert "As of 2025-12-01" in key
    assert labels <= set(key)  # every series named once in the key
    assert len(key) == len(set(key))


def test_timeline_leaves_out_what_was_not_known_on_the_date() -> None:
    figure = timeline_figure(full_course(), d("2023-06-01"), "en")
    assert "MRD" not in row_labels(figure)
    assert "L2 Dara-R" not in texts_of(figure.axes)


def test_empty_history_draws_and_says_so() -> None:
    empty = history()
    timeline = timeline_figure(empty, AS_OF, "en")
    assert texts_of(timeline.axes) == ["No entries to show"]
    trends = lab_trend_figure(empty, AS_OF, tuple(Trend))
    assert len(trends.axes) == len(Trend)
    assert all(texts_of([a]) == ["No results"] for a in trends.axes)
    assert trends.points == ()
    trends.figure.canvas.draw()
    assert trends.point_near(trends.axes[0], 10, 10) is None


def data_lines(axes: Axes) -> list[Line2D]:
    return [ln for ln in axes.lines if ln.get_marker() == "o"]


def test_trends_convert_units() -> None:
    h = history(
        lab_results=[
            lab("2025-01-10", "creatinine", 88.4, "umol/L"),
            lab("2025-01-10", "serum_m_protein", 25, "g/L"),
        ]
    )
    trends = (Trend.CREATININE, Trend.SERUM_M_PROTEIN)
    conventional = lab_trend_figure(h, AS_OF, trends, UnitSystem.CONVENTIONAL)
    assert data_lines(conventional.axes[0])[0].get_ydata()[0] == pytest.approx(1.0)
    assert data_lines(conventional.axes[1])[0].get_ydata()[0] == pytest.approx(2.5)
    assert conventional.axes[0].get_title(loc="left") == "Creatinine (mg/dL)"
    si = lab_trend_figure(h, AS_OF, trends, UnitSystem.SI)
    assert data_lines(si.axes[0])[0].get_ydata()[0] == pytest.approx(88.4)
    assert si.axes[0].get_title(loc="left") == "Creatinine (µmol/L)"


def limit_lines(axes: Axes, style: str) -> list[Line2D]:
    return [ln for ln in axes.lines if ln.get_linestyle() == style and len(ln.get_xdata())]


def test_lab_reference_limits_are_drawn_when_recorded() -> None:
    recorded = history(
        lab_results=[
            lab("2025-01-10", "creatinine", 120, "umol/L", ref_low=45, ref_high=84),
            lab("2025-03-10", "creatinine", 110, "umol/L", ref_low=45, ref_high=84),
        ]
    )
    figure = lab_trend_figure(recorded, AS_OF, (Trend.CREATININE,))
    drawn = sorted(ln.get_ydata()[0] for ln in limit_lines(figure.axes[0], ":"))
    assert drawn == [45, 84]
    assert key_texts(figure.figure) == ["Reference limits (laboratory)"]
    bare = history(lab_results=[lab("2025-01-10", "creatinine", 120, "umol/L")])
    figure = lab_trend_figure(bare, AS_OF, (Trend.CREATININE,))
    assert limit_lines(figure.axes[0], ":") == []
    assert key_texts(figure.figure) == []  # one series: named by the title alone


def test_policy_default_limit_drawn_when_the_lab_gives_none() -> None:
    """D17: haemoglobin LLN for a woman defaults to the policy's 120 g/L."""
    h = history(sex="F", lab_results=[lab("2025-01-10", "hemoglobin", 110, "g/L")])
    figure = lab_trend_figure(h, AS_OF, (Trend.HEMOGLOBIN,), policy=policy())
    assert [list(ln.get_ydata()) for ln in limit_lines(figure.axes[0], "--")] == [[120, 120]]
    assert "Default limit (policy)" in key_texts(figure.figure)
    assert key_texts(lab_trend_figure(h, AS_OF, (Trend.HEMOGLOBIN,)).figure) == []


def test_treatment_lines_shaded_over_their_dates() -> None:
    h = history(
        treatment_lines=[line(1, "VRd", "2024-01-15", "2024-07-01"), line(2, "KRd", "2025-02-01")],
        lab_results=[lab("2024-02-01", "hemoglobin", 100, "g/L")],
    )
    figure = lab_trend_figure(h, AS_OF, (Trend.HEMOGLOBIN, Trend.CALCIUM))
    expected = [
        (date2num(d("2024-01-15")), date2num(d("2024-07-01"))),
        (date2num(d("2025-02-01")), date2num(AS_OF)),
    ]
    for axes in figure.axes:
        (shade,) = [c for c in axes.collections if isinstance(c, PolyCollection)]
        spans = [(p.vertices[:, 0].min(), p.vertices[:, 0].max()) for p in shade.get_paths()]
        assert spans == expected
    strip = figure.figure.axes[0]
    assert strip.get_title(loc="left") == "Treatment lines"
    assert {"L1 VRd", "L2 KRd"} <= set(texts_of([strip]))


def test_a_line_too_short_for_its_number_beside_the_label_before_goes_unnamed() -> None:
    """L1's label runs over L2's short bar; L2's number would overlap it there and does not
    fit on its bar after it: L2 goes unnamed (the timeline names every line)."""
    h = history(
        treatment_lines=[
            line(1, "Dara-VRd", "2024-01-01", "2024-01-20"),
            line(2, "Lenalidomide", "2024-01-25", "2024-02-10"),
            line(3, "KRd", "2024-06-01"),
        ],
        lab_results=[lab("2019-01-10", "hemoglobin", 100, "g/L")],
    )
    strip = lab_trend_figure(h, AS_OF, (Trend.HEMOGLOBIN,)).figure.axes[0]
    assert texts_of([strip]) == ["L1 Dara-VRd", "L3 KRd"]


def test_point_near_finds_a_point_and_its_text() -> None:
    h = history(
        lab_results=[
            lab("2025-01-10", "calcium", 2.5, "mmol/L"),
            lab("2025-04-10", "calcium", 2.9, "mmol/L"),
        ]
    )
    trend: TrendFigure = lab_trend_figure(h, AS_OF, (Trend.HEMOGLOBIN, Trend.CALCIUM))
    trend.figure.canvas.draw()
    axes = trend.axes[1]
    x, y = axes.transData.transform((date2num(d("2025-04-10")), 2.9))
    found = trend.point_near(axes, x + 3, y - 2, 8)
    assert found is not None
    assert (found.axes_index, found.x, found.y) == (1, d("2025-04-10"), 2.9)
    assert found.text == "Calcium: 2.9 mmol/L\n2025-04-10"
    assert trend.point_near(axes, x + 30, y, 8) is None
    assert trend.point_near(trend.axes[0], x, y, 8) is None  # no haemoglobin at all


def test_flc_read_with_the_recorded_involved_chain() -> None:
    h = history(
        lab_results=[
            *flc("2025-01-10", 10, 400),
            lab("2025-01-10", "serum_m_protein", 5, "g/L", light_chain=LightChain.LAMBDA),
        ]
    )
    figure = lab_trend_figure(h, AS_OF, (Trend.FLC, Trend.FLC_RATIO))
    labels = [ln.get_label() for ln in data_lines(figure.axes[0])]
    assert labels == ["Involved λ", "Uninvolved κ"]
    assert data_lines(figure.axes[1])[0].get_ydata()[0] == pytest.approx(40.0)
    # Two series are named in the key; the ratio alone is named by its title.
    assert key_texts(figure.figure) == ["Involved λ", "Uninvolved κ", "Normal κ/λ range"]


def test_creatinine_clearance_by_cockcroft_gault_with_the_weight_then() -> None:
    """§9: (140 − 65) × 72 kg / (72 × 1.0 mg/dL) = 75 mL/min for a man; × 0.85 for a woman."""
    entries = {
        "lab_results": [lab("2025-06-01", "creatinine", 88.4, "umol/L")],
        "weights": [weight("2025-05-01", 72), weight("2025-07-01", 90)],
    }
    for sex, expected in (("M", 75.0), ("F", 63.75)):
        h = history(sex=sex, born="1960-01-01", **entries)
        axes = lab_trend_figure(h, AS_OF, (Trend.CRCL,)).axes[0]
        assert data_lines(axes)[0].get_ydata()[0] == pytest.approx(expected)
    # §10b: a creatinine without a weight asks for the weight instead of saying nothing.
    no_weight = history(lab_results=entries["lab_results"])
    assert texts_of(lab_trend_figure(no_weight, AS_OF, (Trend.CRCL,)).axes) == [
        "No weight recorded on or before a creatinine: record a weight"
    ]
    assert texts_of(lab_trend_figure(history(), AS_OF, (Trend.CRCL,)).axes) == ["No results"]


def test_chinese_labels_are_chinese() -> None:
    figure = timeline_figure(full_course(), AS_OF, "zh_CN")
    assert all(CJK.search(label) for label in row_labels(figure) if label != "MRD")
    assert "新诊断多发性骨髓瘤（NDMM）" in key_texts(figure)
    trends = lab_trend_figure(full_course(), AS_OF, (Trend.HEMOGLOBIN,), lang="zh_CN")
    assert CJK.search(trends.axes[0].get_title(loc="left"))
    assert CJK.search(texts_of(trends.axes)[0])  # "no results"


def test_importing_the_reports_imports_no_matplotlib() -> None:
    code = "import sys, mmtracker.reports; print('matplotlib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_demo_patient_draws_in_both_languages() -> None:
    from mmtracker.demo import generate_records
    from mmtracker.logic.history import build_history

    as_of = d("2026-05-01")
    records = generate_records(12, 7, as_of)
    record = max(records, key=lambda r: sum(len(e) for e in r.entries.values()))
    h = build_history(record.patient, record.entries)
    for lang in ("en", "zh_CN"):
        with warnings.catch_warnings():  # a glyph missing from the fonts is drawn as a box
            warnings.filterwarnings("error", message="Glyph .* missing")
            timeline = timeline_figure(h, as_of, lang)
            timeline.canvas.draw()
            trends = lab_trend_figure(h, as_of, lang=lang, policy=policy())
            trends.figure.canvas.draw()
        assert len(row_labels(timeline)) >= 4
        assert {p.axes_index for p in trends.points} == set(range(len(trends.axes)))


def test_d12_calcium_is_drawn_as_measured_and_as_the_rules_correct_it() -> None:
    """D12: corrected calcium = total + 0.02 × (40 − albumin g/L): 2.80 with albumin 34
    g/L is 2.92 mmol/L; a total without an albumin near it stays as measured only."""
    h = history(
        lab_results=[
            lab("2025-01-10", "calcium", 2.80, "mmol/L", calcium_kind="total"),
            lab("2025-01-10", "albumin", 34, "g/L"),
            lab("2025-09-10", "calcium", 2.40, "mmol/L", calcium_kind="total"),
            lab("2025-10-10", "calcium", 1.30, "mmol/L", calcium_kind="ionised"),  # D16
        ]
    )
    figure = lab_trend_figure(h, AS_OF, (Trend.CALCIUM,), policy=policy())
    measured, corrected = data_lines(figure.axes[0])
    assert list(measured.get_ydata()) == pytest.approx([2.80, 2.40])
    assert list(corrected.get_ydata()) == pytest.approx([2.92])
    assert list(corrected.get_xdata()) == [date2num(d("2025-01-10"))]
    assert {"Calcium", "Corrected calcium (D12)"} <= set(key_texts(figure.figure))
    without_albumin = history(lab_results=[lab("2025-09-10", "calcium", 2.40, "mmol/L")])
    figure = lab_trend_figure(without_albumin, AS_OF, (Trend.CALCIUM,), policy=policy())
    assert len(data_lines(figure.axes[0])) == 1


def crowded_lines() -> PatientHistory:
    """A short line between two others, the last one running to today."""
    return history(
        treatment_lines=[
            line(1, "KRd", "2024-05-20", "2024-11-10"),
            line(1, "D-VRd", "2025-02-20", "2025-04-05"),
            line(1, "Lenalidomide", "2025-04-10", "2025-12-15"),
            line(2, "Isa-Kd", "2025-12-20"),
        ],
        lab_results=[lab("2021-08-10", "hemoglobin", 100, "g/L")],
    )


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_treatment_line_labels_never_overlap(lang: str) -> None:
    """A short line between two others: its number alone, moved past the label before it
    while it stays on its own bar, else no label; never one label over another."""
    h = crowded_lines()
    figure = lab_trend_figure(h, AS_OF, (Trend.HEMOGLOBIN,), lang=lang).figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg's canvas has one
    strip = figure.axes[0]
    boxes = sorted(
        (t.get_window_extent(renderer) for t in strip.texts if t.get_text()),
        key=lambda box: box.x0,
    )
    assert len(boxes) >= 3
    assert all(a.x1 <= b.x0 for a, b in itertools.pairwise(boxes))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("width_in", [10.0, 7.0])  # the screen's, a printed page's
def test_timeline_line_labels_never_run_together(lang: str, width_in: float) -> None:
    """Labels too wide for their bars go above or below, on a side still free; where both
    are taken the regimen is dropped (its number kept), else the label; never one over
    another."""
    h = crowded_lines()
    figure = timeline_figure(h, AS_OF, lang, width_in)
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg's canvas has one
    (axes,) = figure.axes
    boxes = [
        t.get_window_extent(renderer)
        for t in axes.texts
        if t.get_text() and t.get_gid() != ROW_LABEL
    ]
    assert len(boxes) >= 3
    for a, b in itertools.combinations(boxes, 2):
        apart = a.x1 <= b.x0 or b.x1 <= a.x0 or a.y1 <= b.y0 or b.y1 <= a.y0
        assert apart, (a, b)
