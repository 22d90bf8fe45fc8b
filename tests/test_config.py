"""Paths, database URL precedence and the policy files."""

from __future__ import annotations

from pathlib import Path

import pytest

from mmtracker.config import database_url, load_policy, paths, sqlite_url
from mmtracker.logic.policy import PolicyError


def test_folders_follow_mmtracker_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MMTRACKER_HOME", str(tmp_path / "home"))
    where = paths()
    assert where.data == tmp_path / "home" / "data"
    assert where.database.parent.is_dir()


def test_database_url_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    where = paths()
    assert database_url(None) == sqlite_url(where.database)
    where.settings_file.write_text(
        '{"database_url": "sqlite:///settings.sqlite"}', encoding="utf-8"
    )
    assert database_url(None) == "sqlite:///settings.sqlite"
    monkeypatch.setenv("MMTRACKER_DATABASE_URL", "sqlite:///env.sqlite")
    assert database_url(None) == "sqlite:///env.sqlite"
    assert database_url("sqlite:///flag.sqlite") == "sqlite:///flag.sqlite"


def test_demo_database_is_separate_from_the_clinic_database() -> None:
    assert database_url(None, demo=True) == sqlite_url(paths().demo_database)
    assert database_url(None, demo=True) != database_url(None)


def test_clinic_policy_file_overrides_and_is_checked(tmp_path: Path) -> None:
    clinic = tmp_path / "clinic.toml"
    clinic.write_text('"dental.interval_months" = 12\n', encoding="utf-8")
    assert load_policy(clinic).whole("dental.interval_months") == 12
    clinic.write_text('"dental.interval_months" = 24\n', encoding="utf-8")
    with pytest.raises(PolicyError, match=r"dental\.interval_months"):
        load_policy(clinic)
    clinic.write_text("not toml [", encoding="utf-8")
    with pytest.raises(PolicyError, match="not a valid TOML file"):
        load_policy(clinic)


def test_clinic_policy_in_the_settings_folder_is_used() -> None:
    (paths().config / "policy.toml").write_text('"lead_days" = 21\n', encoding="utf-8")
    assert load_policy().whole("lead_days") == 21


def test_d37_old_lapse_key_in_a_clinic_file_is_read_with_a_warning(tmp_path: Path) -> None:
    clinic = tmp_path / "clinic.toml"
    clinic.write_text('"denosumab.lapse_weeks" = 6\n', encoding="utf-8")
    read = load_policy(clinic)
    assert read.whole("bta.lapse_days") == 42  # D37: weeks × 7
    assert len(read.warnings) == 1
    assert "denosumab.lapse_weeks" in read.warnings[0]
    clinic.write_text('"denosumab.lapse_weeks" = 6\n"bta.lapse_days" = 28\n', encoding="utf-8")
    with pytest.raises(PolicyError, match=r"disagree"):
        load_policy(clinic)
