"""Check and update the catalogues of rationale messages, care-item titles and codes.

    python scripts/messages_catalogue.py            # list what is missing, unfinished or vanished
    python scripts/messages_catalogue.py --update   # add what is missing, mark what vanished

English is the source language: ``mmtracker/english.py`` holds the English text
of every message id the rules declare (``mmtracker.logic.messages.MESSAGE_PARAMS``),
with a ``{name}`` placeholder for each of the id's parameters, the title of every
care item (``mmtracker.logic.items.ITEM_ORDER``), the label of every code a
message parameter or a screen may show (:func:`required_codes`) and the separator
of a list of codes (", "). ``resources/translations/{messages,items,codes}_<lang>.ts``
translate them into the other languages, keyed by the same id or code, with the
English text as the translator's comment.

The English source and the .ts files are maintained by hand; this script never
writes a text. ``--update`` adds each id or code missing from a catalogue as
unfinished (the translation test fails until a translator finishes it), marks
entries no longer needed as vanished, and writes the English text as the
translator's comment.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TRANSLATIONS = ROOT / "resources" / "translations"
ENGLISH_SOURCE = "mmtracker/english.py"
LANGUAGES = ("zh_CN",)  # the languages with catalogues; English is the source
MESSAGES = "messages"
ITEMS = "items"
CODES = "codes"
CONTEXTS = (MESSAGES, ITEMS, CODES)
LIST_SEPARATOR = ", "
SEX_KIND = "sex"  # the comment that tells the sex "M" from the SLiM-CRAB "M"
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

Key = tuple[str, str | None]  # (id or code, kind)


@dataclass
class Entry:
    """One message of a .ts file."""

    source: str
    translation: str
    kind: str | None = None  # the Qt disambiguation comment
    note: str = ""  # the translator's comment (extracomment)
    state: str | None = None  # None (finished), "unfinished" or "vanished"

    @property
    def key(self) -> Key:
        return self.source, self.kind


def catalogue_path(context: str, lang: str) -> Path:
    return TRANSLATIONS / f"{context}_{lang}.ts"


def read_catalogue(path: Path) -> list[Entry]:
    """The entries of a one-context .ts file, in file order (empty if it does not exist)."""
    if not path.exists():
        return []
    entries = []
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        entries.append(
            Entry(
                source=message.findtext("source", ""),
                translation=(translation.text or "") if translation is not None else "",
                kind=message.findtext("comment"),
                note=message.findtext("extracomment", ""),
                state=translation.get("type") if translation is not None else "unfinished",
            )
        )
    return entries


def write_catalogue(path: Path, lang: str, context: str, entries: list[Entry]) -> None:
    """Write a one-context .ts file in Qt Linguist's layout."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{lang}">',
        "<context>",
        f"    <name>{context}</name>",
    ]
    for entry in entries:
        lines.append("    <message>")
        lines.append(f"        <source>{escape(entry.source)}</source>")
        if entry.kind:
            lines.append(f"        <comment>{escape(entry.kind)}</comment>")
        if entry.note:
            lines.append(f"        <extracomment>{escape(entry.note)}</extracomment>")
        state = f' type="{entry.state}"' if entry.state else ""
        lines.append(f"        <translation{state}>{escape(entry.translation)}</translation>")
        lines.append("    </message>")
    lines += ["</context>", "</TS>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


# --- What the catalogues must hold ------------------------------------------------------


def message_params() -> dict[str, tuple[str, ...]]:
    """Every declared message id with its parameter names, in declaration order."""
    import mmtracker.logic.assessment  # noqa: F401  # imports every rule module
    from mmtracker.logic.messages import MESSAGE_PARAMS

    return dict(MESSAGE_PARAMS)


def _values(*enums: type[StrEnum]) -> list[str]:
    return [member.value for enum in enums for member in enum]


def required_codes() -> list[tuple[str, str | None]]:
    """(code, kind) of every code a message parameter or a screen may show, in a stable order.

    Every code list of ``mmtracker.logic.codes``, the care-item status and
    severity, and the codes the rules put into messages: response and progression
    codes, SLiM-CRAB letters, risk groups, the elements of the comma-separated
    lists (the ``present``, ``features``, ``unknown``, ``missing``, ``criteria``,
    ``biomarkers`` and ``not_evaluable`` parameters), calcium basis and limits.
    """
    from mmtracker.logic import codes
    from mmtracker.logic.care import Severity, Status
    from mmtracker.logic.crab import CrabCode
    from mmtracker.logic.families import FAMILY_CODE, Family
    from mmtracker.logic.history import IMWG_2016
    from mmtracker.logic.items import conditioning, workup
    from mmtracker.logic.response import MrdState, ResponseSource
    from mmtracker.logic.response_imwg2016 import Branch, Missing, PdCriterion
    from mmtracker.logic.smm_risk import PANGEA_CODES, RiskGroup
    from mmtracker.logic.staging import STAGING_INPUTS

    found: list[tuple[str, str | None]] = [(code, SEX_KIND) for code in _values(codes.Sex)]
    found += [(code, FAMILY_CODE) for code in _values(Family)]  # the worklist's Family column
    plain = _values(
        codes.PatientStatus,
        codes.Phase,
        codes.Analyte,
        codes.Qualitative,
        codes.CalciumKind,
        codes.Isotype,
        codes.LightChain,
        codes.CopyNumber1q,
        codes.Del1p32,
        codes.CytogeneticMethod,
        codes.ImagingModality,
        codes.DentalOutcome,
        codes.InvasiveProcedure,
        codes.BoneAgent,
        codes.BoneTherapyEventKind,
        codes.ReviewDecision,
        codes.MrdMethod,
        codes.MrdResult,
        codes.TreatmentIntent,
        codes.MucositisScale,
        codes.ResponseCategory,
        codes.ClinicalEventKind,
        Status,
        Severity,
        CrabCode,
        RiskGroup,
        Branch,
        Missing,
        PdCriterion,
        MrdState,
        ResponseSource,
        conditioning.Subgroup,
    )
    plain += [
        IMWG_2016,
        # lab_results.calcium basis (D12, D16) and whose limits were used (D17)
        "corrected",
        "default",
        "lab",
        # asct.conditioning_note: adverse features found, inputs not known
        *conditioning.ADVERSE_FEATURES.values(),
        *conditioning.ADVERSE_FEATURES,
        # staging inputs; IMS/IMWG 2025 criteria and IMWG 2016 abnormalities met
        *STAGING_INPUTS,
        "del_13q",
        "del17p_tp53",
        "translocation_1p_1q",
        "b2m_normal_creatinine",
        "non_hyperdiploid",
        # SMM score inputs (smm.risk missing inputs); PANGEA-SMM biomarkers
        "bmpc",
        "m_protein",
        "flc_ratio",
        "fish",
        *PANGEA_CODES,
        # workup.staging missing inputs, as the rule names them
        *(name for name, _ in workup.LAB_INPUTS),
        *(name for name, _ in workup.FISH_INPUTS),
    ]
    for code in plain:
        if (code, None) not in found:
            found.append((code, None))
    return found


# --- Checking and updating ------------------------------------------------------------


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def wanted(context: str) -> list[Key]:
    """The keys a context must cover, in the catalogues' order."""
    if context == MESSAGES:
        return [(key, None) for key in message_params()]
    if context == ITEMS:
        from mmtracker.logic.items import ITEM_ORDER

        return [(item_id, None) for item_id in ITEM_ORDER]
    return [(LIST_SEPARATOR, None), *required_codes()]


def english_texts(context: str) -> dict[Key, str]:
    """The English source of a context: (id or code, kind) → text."""
    from mmtracker import english

    if context == MESSAGES:
        return {(key, None): text for key, text in english.MESSAGES.items()}
    if context == ITEMS:
        return {(key, None): text for key, text in english.ITEMS.items()}
    texts: dict[Key, str] = {(code, None): text for code, text in english.CODES.items()}
    for kind, labels in english.CODES_OF_KIND.items():
        texts.update({(code, kind): text for code, text in labels.items()})
    return texts


def _expected_placeholders(context: str, key: Key, english: dict[Key, str]) -> list[str]:
    """The placeholders a text of ``key`` must have: a message id's parameters, else the
    English text's."""
    if context == MESSAGES:
        return sorted(message_params().get(key[0], ()))
    return placeholders(english.get(key, ""))


def _name(key: Key) -> str:
    return repr(key[0]) if key[1] is None else f"{key[0]!r} ({key[1]})"


def english_problems(context: str) -> list[str]:
    """What the English source lacks, has with the wrong placeholders, or has in excess."""
    english = english_texts(context)
    keys = wanted(context)
    found: list[str] = []
    for key in keys:
        text = english.get(key, "")
        if not text.strip():
            found.append(f"{context}: no English text: {_name(key)}")
        elif placeholders(text) != _expected_placeholders(context, key, english):
            expected = _expected_placeholders(context, key, english)
            found.append(f"{context}: placeholders differ from {expected}: {_name(key)}")
    found += [
        f"{context}: not needed: {_name(key)}" for key in sorted(set(english) - set(keys), key=str)
    ]
    return found


def problems(context: str, lang: str, entries: list[Entry]) -> list[str]:
    """What a catalogue lacks, has unfinished, vanished or with the wrong placeholders."""
    english = english_texts(context)
    keys = wanted(context)
    found: list[str] = []
    have = {entry.key: entry for entry in entries}
    for key in keys:
        entry = have.get(key)
        if entry is None:
            found.append(f"missing: {_name(key)}")
        elif entry.state is not None or not entry.translation.strip():
            found.append(f"unfinished: {_name(key)}")
        elif placeholders(entry.translation) != _expected_placeholders(context, key, english):
            expected = _expected_placeholders(context, key, english)
            found.append(f"placeholders differ from {expected}: {_name(key)}")
    extra = set(have) - set(keys)
    found += [f"not needed: {_name(key)}" for key in sorted(extra, key=str)]
    return found


def all_problems() -> list[str]:
    """Every problem of the English source and of every catalogue, each naming its file."""
    found = [
        f"{ENGLISH_SOURCE}: {problem}"
        for context in CONTEXTS
        for problem in english_problems(context)
    ]
    for context in CONTEXTS:
        for lang in LANGUAGES:
            path = catalogue_path(context, lang)
            found += [
                f"{path.relative_to(ROOT)}: {problem}"
                for problem in problems(context, lang, read_catalogue(path))
            ]
    return found


def updated(context: str, entries: list[Entry]) -> list[Entry]:
    """The entries in the wanted order, missing ones added unfinished, the rest vanished;
    the English text as each one's translator's comment."""
    english = english_texts(context)
    keys = wanted(context)
    have = {entry.key: entry for entry in entries}
    result = []
    for key in keys:
        entry = have.get(key) or Entry(key[0], "", key[1], state="unfinished")
        if entry.state == "vanished":
            entry.state = None if entry.translation.strip() else "unfinished"
        entry.note = english.get(key, "")
        if context == CODES and key == (LIST_SEPARATOR, None):
            entry.note = "The separator of a list of codes"
        result.append(entry)
    wanted_set = set(keys)
    for entry in entries:
        if entry.key not in wanted_set:
            entry.state = "vanished"
            result.append(entry)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--update", action="store_true", help="add missing entries, mark vanished ones"
    )
    args = parser.parse_args(argv)
    if args.update:
        for context in CONTEXTS:
            for lang in LANGUAGES:
                path = catalogue_path(context, lang)
                write_catalogue(path, lang, context, updated(context, read_catalogue(path)))
    found = all_problems()
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
