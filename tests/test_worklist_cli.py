"""``mmtracker worklist`` and ``mmtracker db reassess`` on a real database.

The clinic is the hand-built one of tests/storage/test_worklist.py, whose rows and
order follow from clinical-rules.md §11. Runs on an SQLite file in tmp_path; one
test runs the same commands on PostgreSQL and expects the same output. Exit codes
(ARCHITECTURE.md, Commands): 0 success, 1 failure, 2 bad input (usage errors too).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from storage.test_worklist import AS_OF, clinic, smm_record

from mmtracker.cli import main
from mmtracker.logic.codes import PatientStatus
from mmtracker.storage.bulk import write_records
from mmtracker.storage.engine import make_engine
from mmtracker.storage.schema import upgrade
from mmtracker.storage.state import STATE

DAY = AS_OF.isoformat()
ACTOR = "nurse@ward-3"
LIVE = 10  # of the clinic's 12 patients, 2 are deceased or transferred out
# (name, item, status) in §11 order with the default show; the urgent rows of one
# patient come in either order.
EXPECTED = [
    ("Davis, Dan", "alert.hypercalcaemia", "alert"),
    ("Davis, Dan", "alert.smm_mde", "alert"),
    ("Zimmer, Zoe", "alert.hypercalcaemia", "alert"),
    ("Zimmer, Zoe", "alert.smm_mde", "alert"),
    ("Carter, Cara", "imaging.smm_followup", "overdue"),
    ("Adams, Amy", "labs.monitoring", "overdue"),
    ("Adams, Amy", "imaging.smm_followup", "overdue"),
    ("Evans, Eve", "imaging.smm_followup", "overdue"),
    ("Baker, Ben", "imaging.smm_followup", "due_soon"),
    ("Foster, Fay", "imaging.smm_followup", "due_soon"),
    ("Green, Gus", "labs.monitoring", "due_soon"),
]
TITLES_ZH = {"imaging.smm_followup": "SMM 年度影像学随访", "alert.hypercalcaemia": "高钙血症"}


RECORDS = clinic()  # built once: the same entry ids in every database


def filled(url: str) -> str:
    engine = make_engine(url)
    upgrade(engine)
    write_records(engine, RECORDS, ACTOR, today=AS_OF)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def clinic_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The clinic database, filled once per session (and xdist worker)."""
    path = tmp_path_factory.mktemp("worklist-clinic") / "clinic.sqlite"
    filled(f"sqlite:///{path}")
    return path


@pytest.fixture
def url(clinic_file: Path, tmp_path: Path) -> str:
    """A copy of the clinic database of its own for each test, which may write to it."""
    path = tmp_path / "clinic.sqlite"
    shutil.copyfile(clinic_file, path)
    return f"sqlite:///{path}"


def run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, str, str]:
    """Run the command in this process: exit code, standard output, standard error."""
    code = main(list(argv))
    captured = capsysbinary.readouterr()
    return code, captured.out.decode("utf-8"), captured.err.decode("utf-8")


def worklist(capsysbinary: pytest.CaptureFixture[bytes], url: str, *args: str) -> str:
    code, out, err = run(capsysbinary, "worklist", "--database", url, "--as-of", DAY, *args)
    assert (code, err) == (0, "")
    return out


def in_order(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Rows with each patient's urgent alerts in item-id order (§11 leaves that order open)."""
    out: list[tuple[str, str, str]] = []
    for _, run_ in itertools.groupby(rows, key=lambda r: (r[0], r[2] == "alert")):
        found = list(run_)
        out += sorted(found) if found[0][2] == "alert" else found
    return out


def json_rows(out: str) -> list[tuple[str, str, str]]:
    return in_order([(d["name"], d["item"]["id"], d["item"]["status"]) for d in json.loads(out)])


# --- formats ---------------------------------------------------------------------------------


def test_json_lists_the_items_in_section_11_order(
    capsysbinary: pytest.CaptureFixture[bytes], url: str
) -> None:
    out = worklist(capsysbinary, url, "--format", "json")
    assert json_rows(out) == EXPECTED
    document = json.loads(out)
    carter = next(d for d in document if d["name"] == "Carter, Cara")
    assert (carter["mrn"], carter["phase"]) == ("W003", "SMM")
    item = carter["item"]
    assert (item["due"], item["days_overdue"], item["severity"]) == ("2025-05-01", 50, None)
    assert item["last"]["date"] == "2024-05-01"
    assert item["title"] == "Yearly imaging in SMM"
    assert "2024-05-01" in item["message"]["text"]
    davis = [d["item"] for d in document if d["name"] == "Davis, Dan"]
    assert {i["severity"] for i in davis} == {"urgent"}
    # D45: an alert has no due date but the date it began (the calcium of 2025-06-01).
    calcium = next(i for i in davis if i["id"] == "alert.hypercalcaemia")
    assert (calcium["due"], calcium["since"]) == (None, "2025-06-01")
    assert (item["since"], carter["item"]["due"]) == (None, "2025-05-01")


def test_table_has_a_header_a_line_per_item_and_a_count(
    capsysbinary: pytest.CaptureFixture[bytes], url: str
) -> None:
    out = worklist(capsysbinary, url)
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["MRN", "Name", "Phase"]
    body = lines[1:-1]
    assert len(body) == len(EXPECTED)
    assert lines[-1] == f"{len(EXPECTED)} items"
    names = [name for name, _, _ in EXPECTED]
    assert [next(n for n in names if n in line) for line in body] == names
    carter = next(line for line in body if "Carter, Cara" in line)
    assert re.search(r"overdue\s+2025-05-01\s+50\s", carter)
    baker = next(line for line in body if "Baker, Ben" in line)
    assert "due soon" in baker or "due_soon" in baker
    # Columns line up: every due date starts under the "Due" header.
    column = lines[0].index("Due")
    dated = [line for line in body if "urgent" not in line]
    assert dated
    assert all(re.fullmatch(r"2025-\d\d-\d\d", line[column : column + 10]) for line in dated)
    # D45: an alert shows the date it began instead of a due date, in the same column.
    davis = [line for line in body if "Davis, Dan" in line and "  Hypercalcaemia  " in line]
    assert [line[column : column + 16] for line in davis] == ["since 2025-06-01"]


def test_csv_has_a_header_and_a_row_per_item(
    capsysbinary: pytest.CaptureFixture[bytes], url: str
) -> None:
    rows = list(csv.reader(io.StringIO(worklist(capsysbinary, url, "--format", "csv"))))
    header, body = rows[0], rows[1:]
    assert header[:2] == ["MRN", "Name"]
    assert len(body) == len(EXPECTED)
    assert all(len(row) == len(header) for row in body)
    assert [row[1] for row in body] == [name for name, _, _ in EXPECTED]
    carter = next(row for row in body if row[1] == "Carter, Cara")
    assert carter[0] == "W003"
    assert "2025-05-01" in carter
    assert "50" in carter
    # D45: the calcium of 2025-06-10 began Zimmer's hypercalcaemia alert; no due date.
    due, title = header.index("Due"), header.index("Item")
    zimmer = [row for row in body if row[1] == "Zimmer, Zoe" and row[title] == "Hypercalcaemia"]
    assert [(row[due], row[due + 1]) for row in zimmer] == [("since 2025-06-10", "")]


def chinese(capsysbinary: pytest.CaptureFixture[bytes], url: str, fmt: str) -> str:
    return worklist(capsysbinary, url, "--lang", "zh_CN", "--format", fmt)


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_chinese_output_uses_the_glossary_terms_and_titles(
    capsysbinary: pytest.CaptureFixture[bytes], url: str, fmt: str
) -> None:
    """shared/glossary-zh_CN.md: care-item statuses 逾期 / 即将到期 / 警示 (issue 7 class 12)."""
    out = chinese(capsysbinary, url, fmt)
    body = "\n".join(out.splitlines()[1:])
    assert re.search(r"(^|[\s,])逾期[\s,]", body, re.MULTILINE)
    assert "即将到期" in body
    for title in TITLES_ZH.values():
        assert title in out
    assert "Yearly imaging in SMM" not in out
    assert "自 2025-06-01 起" in out  # D45: Davis's alerts began with the calcium of 2025-06-01


def test_chinese_json_has_chinese_titles_and_texts_but_the_same_codes(
    capsysbinary: pytest.CaptureFixture[bytes], url: str
) -> None:
    english = json.loads(worklist(capsysbinary, url, "--format", "json"))
    document = json.loads(chinese(capsysbinary, url, "json"))
    assert json_rows(json.dumps(document)) == EXPECTED
    for row in document:
        if row["item"]["id"] in TITLES_ZH:
            assert row["item"]["title"] == TITLES_ZH[row["item"]["id"]]
    texts = [row["item"]["message"]["text"] for row in document]
    assert all(re.search(r"[\u4e00-\u9fff]", text) for text in texts)
    strip = [{**r, "item": {**r["item"], "title": None, "message": None}} for r in document]
    assert strip == [{**r, "item": {**r["item"], "title": None, "message": None}} for r in english]


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_chinese_headers_and_count_are_translated(
    capsysbinary: pytest.CaptureFixture[bytes], url: str, fmt: str
) -> None:
    """ARCHITECTURE.md Translation: English and Simplified Chinese are both complete."""
    out = chinese(capsysbinary, url, fmt)
    header = out.splitlines()[0]
    for english in ("Name", "Phase", "Item", "Status", "Due", "Days overdue", "Rationale"):
        assert english not in header
    if fmt == "table":
        assert not out.splitlines()[-1].endswith(" items")


def test_language_given_before_the_command(
    capsysbinary: pytest.CaptureFixture[bytes], url: str
) -> None:
    code, out, _ = run(
        capsysbinary, "--lang", "zh_CN", "worklist", "--database", url, "--as-of", DAY
    )
    assert code == 0
    assert "即将到期" in out


# --- what is shown ---------------------------------------------------------------------------


def names_and_items(out: str) -> list[tuple[str, str]]:
    return [(d["name"], d["item"]["id"]) for d in json.loads(out)]


def test_status_options_show_what_is_asked_for(
    capsysbinary: pytest.CaptureFixture[bytes], url: str
) -> None:
    info = worklist(capsysbinary, url, "--format", "json", "--status", "info")
    assert names_and_items(info) == [("Hughes, Hal", "alert.smm_high_risk")]
    snoozed = worklist(capsysbinary, url, "--format", "json", "--status", "snoozed")
    assert names_and_items(snoozed) == [("Irwin, Ivy", "imaging.smm_followup")]
    assert json.loads(snoozed)[0]["item"]["snoozed_until"] == "2025-07-15"
    table = worklist(capsysbinary, url, "--status", "Snoozed")  # any case
    assert "snoozed until 2025-07-15" in table
    both = worklist(
        capsysbinary, url, "--format", "json", "--status", "info", "--status", "snoozed"
    )
    assert names_and_items(both) == names_and_items(info) + names_and_items(snoozed)
    overdue = worklist(capsysbinary, url, "--format", "json", "--status", "overdue")
    assert [(n, i, "overdue") for n, i in names_and_items(overdue)] == [
        r for r in EXPECTED if r[2] == "overdue"
    ]
    ok = json.loads(worklist(capsysbinary, url, "--format", "json", "--status", "ok"))
    assert ok
    assert {d["item"]["status"] for d in ok} == {"ok"}


def test_within_item_and_phase_options(
    capsysbinary: pytest.CaptureFixture[bytes], url: str
) -> None:
    wide = names_and_items(worklist(capsysbinary, url, "--format", "json", "--within", "30"))
    assert ("Baker, Ben", "labs.monitoring") in wide  # due 2025-07-10, in 20 days
    narrow = names_and_items(worklist(capsysbinary, url, "--format", "json", "--within", "5"))
    assert ("Green, Gus", "labs.monitoring") not in narrow  # due in 10 days
    assert ("Baker, Ben", "imaging.smm_followup") in narrow  # due in 5 days
    labs = names_and_items(worklist(capsysbinary, url, "--format", "json", "--item", "labs."))
    assert labs == [("Adams, Amy", "labs.monitoring"), ("Green, Gus", "labs.monitoring")]
    smm = worklist(capsysbinary, url, "--format", "json", "--phase", "SMM")
    assert json_rows(smm) == EXPECTED
    assert json.loads(worklist(capsysbinary, url, "--format", "json", "--phase", "RELAPSE")) == []
    assert worklist(capsysbinary, url, "--phase", "NDMM").splitlines()[-1] == "0 items"


def test_closed_patients_never_appear(capsysbinary: pytest.CaptureFixture[bytes], url: str) -> None:
    statuses = [f"--status={s}" for s in ("urgent", "overdue", "due_soon", "info", "snoozed", "ok")]
    for fmt in ("table", "json", "csv"):
        out = worklist(capsysbinary, url, "--format", fmt, *statuses)
        assert "Jones, Jay" not in out
        assert "King, Kim" not in out
        assert "Hughes, Hal" in out


def test_a_snoozed_alert_is_shown_as_snoozed(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    """§11 Status: snoozed > alert; an acknowledgement after the triggering value snoozes it."""
    url = f"sqlite:///{tmp_path / 'snoozed.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    record = smm_record(
        "S001",
        "Snow, Sam",
        pet="2025-01-10",
        labs="2025-06-01",
        calcium=("2025-06-01", 3.0),
        snooze=("alert.hypercalcaemia", "2025-06-02", "2025-07-02"),
    )
    write_records(engine, [record], ACTOR, today=AS_OF)
    engine.dispose()
    document = json.loads(worklist(capsysbinary, url, "--format", "json", "--status", "snoozed"))
    assert [(d["item"]["id"], d["item"]["status"]) for d in document] == [
        ("alert.hypercalcaemia", "snoozed")
    ]
    rows = list(
        csv.reader(io.StringIO(worklist(capsysbinary, url, "--format", "csv", "--status=snoozed")))
    )
    header, body = rows[0], rows[1:]
    status = body[0][header.index("Status")]
    assert status == "snoozed"


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--as-of", "2025-13-01"], id="as-of not a date"),
        pytest.param(["--as-of", "yesterday"], id="as-of a word"),
        pytest.param(["--within", "soon"], id="within not a number"),
        pytest.param(["--within", "-1"], id="within negative"),
        pytest.param(["--within", "367"], id="within above a year"),
        pytest.param(["--status", "late"], id="status unknown"),
        pytest.param(["--phase", "MGUS"], id="phase unknown"),
        pytest.param(["--format", "xml"], id="format unknown"),
        pytest.param(["--lang", "fr"], id="language unknown"),
    ],
)
def test_bad_options_are_usage_errors(
    capsysbinary: pytest.CaptureFixture[bytes], url: str, args: list[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["worklist", "--database", url, *args])
    assert exited.value.code == 2
    assert capsysbinary.readouterr().out == b""


def test_a_refused_policy_file_is_bad_input(
    capsysbinary: pytest.CaptureFixture[bytes], url: str, tmp_path: Path
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('"dental.interval_months" = 3\n', encoding="utf-8")  # range 6-12 (D8)
    code, out, err = run(
        capsysbinary, "worklist", "--database", url, "--as-of", DAY, "--policy", str(policy)
    )
    assert code == 2
    assert out == ""
    assert "dental.interval_months" in err


@pytest.mark.parametrize("command", [["worklist", "--as-of", DAY], ["db", "reassess"]])
def test_d37_old_lapse_key_is_read_with_a_warning_on_stderr(
    capsysbinary: pytest.CaptureFixture[bytes], url: str, tmp_path: Path, command: list[str]
) -> None:
    """D37: a clinic file's denosumab.lapse_weeks is read as bta.lapse_days = weeks × 7."""
    policy = tmp_path / "policy.toml"
    policy.write_text('"denosumab.lapse_weeks" = 8\n', encoding="utf-8")
    code, out, err = run(capsysbinary, *command, "--database", url, "--policy", str(policy))
    assert code == 0
    assert out
    warnings = [line for line in err.splitlines() if line.startswith("warning: policy:")]
    assert len(warnings) == 1
    assert "denosumab.lapse_weeks = 8 is read as bta.lapse_days = 56" in warnings[0]


def test_d37_both_lapse_keys_disagreeing_is_bad_input(
    capsysbinary: pytest.CaptureFixture[bytes], url: str, tmp_path: Path
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('"denosumab.lapse_weeks" = 8\n"bta.lapse_days" = 28\n', encoding="utf-8")
    code, out, err = run(
        capsysbinary, "worklist", "--database", url, "--as-of", DAY, "--policy", str(policy)
    )
    assert (code, out) == (2, "")
    assert "denosumab.lapse_weeks" in err
    assert "bta.lapse_days" in err


def test_reassess_with_a_refused_policy_file_is_bad_input(
    capsysbinary: pytest.CaptureFixture[bytes], url: str, tmp_path: Path
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('"lead_days" = -3\n', encoding="utf-8")
    code, out, err = run(capsysbinary, "db", "reassess", "--database", url, "--policy", str(policy))
    assert (code, out) == (2, "")
    assert "lead_days" in err


def test_an_unreachable_database_is_a_failure(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    url = "postgresql://nobody@127.0.0.1:1/none"  # no server listens on port 1
    code, out, err = run(capsysbinary, "worklist", "--database", url, "--as-of", DAY)
    assert code == 1
    assert out == ""
    assert err.startswith("error:")


# --- db reassess -------------------------------------------------------------------------------


def reassessed(out: str) -> int:
    found = re.fullmatch(r"(\d+) patients re-assessed in [\d.]+ s\n", out)
    assert found, out
    return int(found.group(1))


def reassess(capsysbinary: pytest.CaptureFixture[bytes], url: str, *args: str) -> tuple[int, str]:
    code, out, err = run(capsysbinary, "db", "reassess", "--database", url, "--as-of", DAY, *args)
    assert code == 0, err
    return reassessed(out), err


def test_reassess_counts_the_stale_patients(
    capsysbinary: pytest.CaptureFixture[bytes], url: str
) -> None:
    count, progress = reassess(capsysbinary, url)
    assert count == LIVE
    assert f"{LIVE}/{LIVE}" in progress
    assert "[" + "#" * 40 + "]" in progress
    assert reassess(capsysbinary, url) == (0, "")
    assert reassess(capsysbinary, url, "--all")[0] == LIVE
    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(STATE)).scalar_one() == LIVE
    engine.dispose()


def test_reassess_after_a_policy_change_redoes_everyone(
    capsysbinary: pytest.CaptureFixture[bytes], url: str, tmp_path: Path
) -> None:
    assert reassess(capsysbinary, url)[0] == LIVE
    policy = tmp_path / "policy.toml"
    policy.write_text('"dental.interval_months" = 12\n', encoding="utf-8")
    assert reassess(capsysbinary, url, "--policy", str(policy))[0] == LIVE
    assert reassess(capsysbinary, url, "--policy", str(policy))[0] == 0


def test_reassess_a_later_day_redoes_only_what_expired(
    capsysbinary: pytest.CaptureFixture[bytes], url: str
) -> None:
    assert reassess(capsysbinary, url)[0] == LIVE
    engine = make_engine(url)
    with engine.connect() as conn:
        ends = [v for v in conn.execute(select(STATE.c.valid_until)).scalars() if v is not None]
    engine.dispose()
    day = min(ends)
    expected = sum(1 for end in ends if end <= day)
    code, out, _ = run(
        capsysbinary, "db", "reassess", "--database", url, "--as-of", day.isoformat()
    )
    assert code == 0
    assert reassessed(out) == expected


def test_reassess_bad_day_is_a_usage_error(url: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["db", "reassess", "--database", url, "--as-of", "2025-02-30"])
    assert exited.value.code == 2


def test_the_worklist_after_reassess_needs_no_more_work(
    capsysbinary: pytest.CaptureFixture[bytes], url: str
) -> None:
    reassess(capsysbinary, url)
    before = worklist(capsysbinary, url, "--format", "json")
    assert reassess(capsysbinary, url)[0] == 0
    assert worklist(capsysbinary, url, "--format", "json") == before


# --- PostgreSQL ----------------------------------------------------------------------------------


@pytest.fixture
def pg_url(postgres_cluster: Any) -> str:
    return filled(postgres_cluster.create_database())


@pytest.mark.postgres
def test_the_same_worklist_on_postgresql(
    capsysbinary: pytest.CaptureFixture[bytes], url: str, pg_url: str
) -> None:
    assert reassess(capsysbinary, pg_url)[0] == LIVE
    for fmt in ("json", "table", "csv"):
        for lang in ("en", "zh_CN"):
            shown = ("urgent", "overdue", "due_soon", "info", "snoozed")
            args = ("--format", fmt, "--lang", lang, *(f"--status={s}" for s in shown))
            on_pg, on_sqlite = (
                worklist(capsysbinary, pg_url, *args),
                worklist(capsysbinary, url, *args),
            )
            assert on_pg == on_sqlite, (fmt, lang)
    assert json_rows(worklist(capsysbinary, pg_url, "--format", "json")) == EXPECTED
    assert reassess(capsysbinary, pg_url, "--all")[0] == LIVE


def test_live_patients_are_the_active_ones() -> None:
    assert sum(r.patient.status is PatientStatus.ACTIVE for r in RECORDS) == LIVE


def test_the_english_worklist_loads_no_qt(url: str) -> None:
    """English needs no catalogue, so the command never loads Qt (0.3 s of its start)."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from mmtracker.cli import main\n"
        f"code = main(['worklist', '--database', {url!r}, '--format', 'json'])\n"
        "print(code, sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    assert done.stdout.splitlines()[-1] == "0 []"
