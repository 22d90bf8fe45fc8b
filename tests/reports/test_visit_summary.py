"""The visit summary PDF, read back as a reader would: its text page by page (poppler's
pdftotext), its fonts (pdffonts), its images (pdfimages) and its pages drawn (pdftoppm).

The patient is the record format's example (docs/examples/record-example.json), assessed
as of a day when it has overdue items; what must be printed is taken from the assessment
and the record, never from the PDF writer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from logic.builders import policy

from mmtracker.i18n import language
from mmtracker.logic.assessment import assess
from mmtracker.logic.bta import bta_state
from mmtracker.logic.care import Status
from mmtracker.logic.codes import Analyte, TreatmentIntent
from mmtracker.logic.context import Context
from mmtracker.logic.history import LabResult, PatientHistory, TreatmentLine
from mmtracker.logic.labs import LabIndex
from mmtracker.logic.messages import Quantity
from mmtracker.record import load_record_file, record_history
from mmtracker.reports.visit_summary import KEY_ANALYTES, SummaryRequest, write_visit_summary

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "record-example.json"
AS_OF = dt.date(2027, 2, 1)  # four items overdue, one due soon
LANGS = ("en", "zh_CN")


@pytest.fixture(scope="module")
def example() -> PatientHistory:
    record, problems = load_record_file(EXAMPLE)
    assert problems == []
    assert record is not None
    return record_history(record)


def request_of(history: PatientHistory, lang: str, paper: str = "a4") -> SummaryRequest:
    pol = policy()
    return SummaryRequest(
        history,
        assess(history, AS_OF, pol),
        bta_state(Context(history, AS_OF, pol)),
        pol,
        clinic="Hematology Day Unit",
        lang=lang,
        paper=paper,
    )


def written(tmp_path: Path, request: SummaryRequest) -> Path:
    out = tmp_path / f"summary-{request.lang}-{request.paper}.pdf"
    with out.open("wb") as stream:
        write_visit_summary(request, stream)
    return out


def pages(pdf: Path) -> list[str]:
    """The text of each page."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1]


def squeezed(text: str) -> str:
    """Text without any white space: a table cell wraps wherever its width says."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", LANGS)
def test_the_patient_is_named_on_every_page(
    tmp_path: Path, example: PatientHistory, lang: str
) -> None:
    pdf = written(tmp_path, request_of(example, lang))
    found = pages(pdf)
    assert len(found) >= 2
    patient = example.patient
    for number, text in enumerate(found, start=1):
        assert patient.name in text, number
        assert patient.mrn in text, number
        assert patient.date_of_birth.isoformat() in text, number
        assert f"{number}" in text.splitlines()[-1] or str(number) in text  # page N of M


@pytest.mark.parametrize("lang", LANGS)
def test_every_item_to_act_on_is_printed_with_its_rationale_and_source(
    tmp_path: Path, example: PatientHistory, lang: str
) -> None:
    request = request_of(example, lang)
    texts = language(lang)
    to_act = [
        i
        for i in request.assessment.items
        if i.status in (Status.ALERT, Status.OVERDUE, Status.DUE_SOON)
    ]
    assert any(i.status is Status.OVERDUE for i in to_act)  # the day chosen has some
    printed = squeezed("".join(pages(written(tmp_path, request))))
    for item in to_act:
        assert squeezed(texts.item_title(item.id)) in printed, item.id
        assert squeezed(texts.render(item.message)) in printed, item.id
        assert squeezed(item.source) in printed, item.id
    quiet = [i for i in request.assessment.items if i.status is Status.NOT_APPLICABLE]
    shown_titles = {texts.item_title(i.id) for i in to_act}
    hidden = [i for i in quiet if texts.item_title(i.id) not in shown_titles]
    assert hidden  # and an item that does not apply is not printed as one to act on
    assert not any(squeezed(texts.render(i.message)) in printed for i in hidden[:5])


@pytest.mark.parametrize("lang", LANGS)
def test_the_latest_lab_values_are_printed_with_their_units_and_dates(
    tmp_path: Path, example: PatientHistory, lang: str
) -> None:
    texts = language(lang)
    labs = LabIndex(example)
    printed = squeezed("".join(pages(written(tmp_path, request_of(example, lang)))))
    shown = 0
    for analyte in KEY_ANALYTES:
        latest = labs.latest(analyte, AS_OF)
        if latest is None:
            continue
        value = texts.format_value(Quantity(analyte, latest.si))  # "2.45 mmol/L"
        assert squeezed(value) in printed, analyte
        assert latest.date.isoformat() in printed, analyte
        shown += 1
    assert shown >= 5


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("paper", "size"), [("a4", "595.276 x 841.89"), ("letter", "612 x 792")])
def test_every_font_is_embedded_and_the_paper_is_as_asked(
    tmp_path: Path, example: PatientHistory, lang: str, paper: str, size: str
) -> None:
    pdf = written(tmp_path, request_of(example, lang, paper))
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        assert "Type 1" not in row  # no standard-14 font
        columns = row.split()
        assert columns[-5] == "yes", row  # embedded
    names = " ".join(r.split()[0] for r in rows)
    assert "DejaVuSans" in names or lang == "zh_CN"
    if lang == "zh_CN":
        assert "WenQuanYi" in names
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    assert re.search(rf"Page size:\s+{re.escape(size)} pts", info.stdout)


def test_the_pages_are_drawn_and_the_figures_are_in_them(
    tmp_path: Path, example: PatientHistory
) -> None:
    """The timeline and the lab trends, at 200 dpi or more; no page blank."""
    from PIL import Image

    pdf = written(tmp_path, request_of(example, "zh_CN"))
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert len(images) >= 2  # the timeline and the lab trends
    for row in images:
        x_ppi, y_ppi = (int(v) for v in row.split()[12:14])
        assert min(x_ppi, y_ppi) >= 199, row
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    drawn = sorted(tmp_path.glob("page-*.png"))
    assert len(drawn) == len(pages(pdf))
    for png in drawn:
        with Image.open(png) as page:
            grey = page.convert("L")
            dark = sum(grey.histogram()[:200])
        assert dark > 0.01 * grey.width * grey.height, png.name  # text and lines, not blank


def test_a_long_history_still_makes_a_well_formed_summary(tmp_path: Path) -> None:
    """10 treatment lines and 500 lab results: the tables split across pages, every page
    still names the patient."""
    record, _ = load_record_file(EXAMPLE)
    assert record is not None
    base = record_history(record)
    start = dt.date(2018, 1, 1)
    lines = tuple(
        TreatmentLine(
            id=f"line-{n}",
            line_number=n,
            regimen=f"Regimen {n}",
            intent=TreatmentIntent.INDUCTION if n == 1 else TreatmentIntent.SALVAGE,
            start_date=start + dt.timedelta(days=300 * (n - 1)),
            end_date=start + dt.timedelta(days=300 * n - 10),
            drugs=("daratumumab", "bortezomib", "dexamethasone"),
        )
        for n in range(1, 11)
    )
    labs = tuple(
        LabResult(
            id=f"lab-{n}",
            date=start + dt.timedelta(days=6 * n),
            analyte=Analyte.HEMOGLOBIN if n % 2 else Analyte.CREATININE,
            value=100.0 + n % 30,
            unit="g/L" if n % 2 else "umol/L",
        )
        for n in range(500)
    )
    long = dataclasses.replace(
        base,
        treatment_lines=base.treatment_lines + lines,
        lab_results=tuple(sorted(base.lab_results + labs, key=lambda e: (e.date, e.id))),
    )
    pdf = written(tmp_path, request_of(long, "en"))
    found = pages(pdf)
    assert len(found) >= 3
    for text in found:
        assert "EX-000123" in text
    printed = "".join(found)
    for line in lines:
        assert line.regimen in printed


def test_bone_health_gives_the_rules_dose_and_the_events_are_listed(
    tmp_path: Path, example: PatientHistory
) -> None:
    """§5/D35: the ZA dose printed is the rules' own (renal.za_dose, by the baseline CrCl),
    where it applies; every imaging and clinical event (a fracture) is printed with its day."""
    request = request_of(example, "en")
    texts = language("en")
    printed = squeezed("".join(pages(written(tmp_path, request))))
    dose_items = [
        i
        for i in request.assessment.items
        if i.id in ("renal.za_dose", "renal.pamidronate") and i.status is not Status.NOT_APPLICABLE
    ]
    assert dose_items
    for item in dose_items:
        assert squeezed(texts.render(item.message)) in printed
    assert example.clinical_events
    for event in example.clinical_events:
        assert squeezed(f"{event.date.isoformat()}{texts.code_label(event.kind.value)}") in printed
    for scan in example.imaging:
        assert (
            squeezed(f"{scan.date.isoformat()}{texts.code_label(scan.modality.value)}") in printed
        )


def test_a_patient_without_a_phase_is_not_said_to_have_no_active_myeloma(
    tmp_path: Path, example: PatientHistory
) -> None:
    bare = dataclasses.replace(example, phase_changes=())
    printed = "".join(pages(written(tmp_path, request_of(bare, "en"))))
    assert "no active myeloma" not in printed
