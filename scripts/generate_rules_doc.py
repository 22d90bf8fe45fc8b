"""Write docs/rules.md, the rules reference, from the code so that it cannot drift.

    python scripts/generate_rules_doc.py          # write docs/rules.md
    python scripts/generate_rules_doc.py --check  # exit 1 when docs/rules.md is out of date

The page lists every care item of clinical-rules.md §11 with its source row, the
rule that evaluates it, the policy values it reads and the messages it can give;
every score and criterion module with the constants it encodes and the rows they
come from; every policy value with its default, range and source
(resources/policy/default.toml); every decision D1–D46 with the items, policy
values and modules that cite it; the readings the code takes where a rule is silent
(a docstring sentence beginning "Reading where … is silent"); and every message id
with its parameters.

clinical-rules.md is restated in the repository as docs/clinical-reference.md, with
an anchor per section (``s5``, ``s11-status``, ``s11-renal-za_dose`` …) and per
decision (``d35``): every "§…" and "D…" citation on the page links to it.

What an item reads and says is found by reading the code: the functions its rule
calls, followed through the logic package, and the policy keys and message ids
they name (string constants, names of constants, f-string patterns).
"""

from __future__ import annotations

import argparse
import ast
import functools
import importlib
import inspect
import io
import pkgutil
import re
import sys
import textwrap
import tokenize
import tomllib
import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import mmtracker.logic
from mmtracker.logic import assessment, care
from mmtracker.logic.care import ItemRule, Severity, Status
from mmtracker.logic.items import ITEM_ORDER, RULES
from mmtracker.logic.messages import MESSAGE_PARAMS
from mmtracker.logic.policy import PolicySpec, read_specs

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "rules.md"
REFERENCE = ROOT / "docs" / "clinical-reference.md"
PACKAGE = ROOT / "mmtracker"
POLICY_FILE = ROOT / "resources" / "policy" / "default.toml"
LOGIC = "mmtracker.logic"
ITEMS = "mmtracker.logic.items"
# Modules whose functions phrase an item's own messages (the item modules and the BTA state).
MESSAGE_MODULES = (ITEMS + ".", "mmtracker.logic.bta")
# Read by every item (§11 Status), so not listed per item.
EVERY_ITEM_POLICY = ("lead_days", "snooze.max_days")
# A pattern needs this many literal characters to be matched against keys and ids.
MIN_LITERAL = 3
CONSTANT_NAME = re.compile(r"^_?[A-Z][A-Z0-9_]*$")


def logic_modules() -> list[types.ModuleType]:
    """Every module of the logic package, imported (so every message is declared), by name."""
    names = [m.name for m in pkgutil.walk_packages(mmtracker.logic.__path__, LOGIC + ".")]
    return [importlib.import_module(name) for name in sorted(names)]


def policy_specs() -> dict[str, PolicySpec]:
    return read_specs(tomllib.loads(POLICY_FILE.read_text(encoding="utf-8")))


# --- Reading the code -----------------------------------------------------------------


def _plain(text: str) -> str:
    """Docstring text as Markdown on one line: roles and double backticks made plain code."""
    text = re.sub(r":\w+:`([^`]+)`", r"`\1`", " ".join(text.split()))
    return text.replace("``", "`")


def _first_paragraph(doc: str | None) -> str:
    return _plain(inspect.cleandoc(doc).split("\n\n")[0]) if doc else ""


def _tree(function: types.FunctionType) -> ast.AST | None:
    try:
        return ast.parse(textwrap.dedent(inspect.getsource(function)))
    except (OSError, TypeError, SyntaxError):
        return None


def _resolve(node: ast.expr, names: dict[str, object]) -> object | None:
    """The object a name or a module attribute refers to, if it can be known."""
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute):
        base = _resolve(node.value, names)
        if isinstance(base, types.ModuleType):
            return getattr(base, node.attr, None)
    return None


def _strings_in(value: object, depth: int = 0) -> Iterator[str]:
    """The strings of a constant: itself, or those in a container (keys included)."""
    if isinstance(value, str):
        yield value
    elif depth < 3 and isinstance(value, dict):
        for key, item in value.items():
            yield from _strings_in(key, depth + 1)
            yield from _strings_in(item, depth + 1)
    elif depth < 3 and isinstance(value, tuple | list | set | frozenset):
        for item in value:
            yield from _strings_in(item, depth + 1)


def _pattern(node: ast.JoinedStr, names: dict[str, object]) -> re.Pattern[str] | None:
    """An f-string as a pattern: literal parts and known string constants, ``.+`` for the rest."""
    parts: list[str] = []
    literal = 0
    for value in node.values:
        text: object = None
        if isinstance(value, ast.Constant):
            text = value.value
        elif isinstance(value, ast.FormattedValue) and value.format_spec is None:
            text = _resolve(value.value, names)
        if isinstance(text, str):
            parts.append(re.escape(text))
            literal += len(text)
        else:
            parts.append(".+")
    return re.compile("".join(parts)) if literal >= MIN_LITERAL else None


@dataclass
class Reach:
    """What a function and everything it calls name: strings and f-string patterns."""

    functions: set[types.FunctionType] = field(default_factory=set)
    strings: set[str] = field(default_factory=set)
    patterns: set[str] = field(default_factory=set)

    def matching(self, known: Iterable[str]) -> list[str]:
        """The known keys or ids named here, sorted."""
        compiled = [re.compile(p) for p in self.patterns]
        return sorted(
            k for k in known if k in self.strings or any(p.fullmatch(k) for p in compiled)
        )


def reach(start: Callable[..., object], within: Callable[[str], bool]) -> Reach:
    """Follow ``start`` through the functions it names in modules accepted by ``within``."""
    found = Reach()
    queue = [start] if isinstance(start, types.FunctionType) else []
    while queue:
        function = queue.pop()
        if function in found.functions:
            continue
        found.functions.add(function)
        tree = _tree(function)
        if tree is None:
            continue
        names = function.__globals__
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.strings.add(node.value)
            elif isinstance(node, ast.JoinedStr):
                pattern = _pattern(node, names)
                if pattern is not None:
                    found.patterns.add(pattern.pattern)
            elif isinstance(node, ast.Name | ast.Attribute) and isinstance(node.ctx, ast.Load):
                target = _resolve(node, names)
                if isinstance(target, types.FunctionType) and within(target.__module__):
                    queue.append(target)
                else:
                    found.strings.update(_strings_in(target))
    return found


def _in_logic(module: str) -> bool:
    return module.startswith(LOGIC + ".")


def _phrases_messages(module: str) -> bool:
    return module.startswith(MESSAGE_MODULES)


def owner(message_id: str) -> str | None:
    """The care item whose namespace a message id is in (the longest item id prefix)."""
    found = [i for i in ITEM_ORDER if message_id.startswith(i + ".")]
    return max(found, key=len, default=None)


@dataclass(frozen=True)
class ItemFacts:
    rule: ItemRule
    module: str
    function: str
    summary: str
    policy: tuple[str, ...]
    messages: tuple[str, ...]
    cited: tuple[int, ...]  # the decisions its rule's own code (its module's functions) cites


def cited_decisions(text: str) -> set[int]:
    """The numbers of the decisions ``text`` cites."""
    return {int(number) for number in DECISION_CITATION.findall(text)}


def _own_code(evaluate: Callable[..., object]) -> str:
    """The source of a rule and of the functions of its module it calls."""
    module = getattr(evaluate, "__module__", "")
    functions = reach(evaluate, lambda name: name == module).functions
    return "\n".join(inspect.getsource(f) for f in sorted(functions, key=lambda f: f.__name__))


def item_facts(rule: ItemRule, policy_keys: Iterable[str]) -> ItemFacts:
    """What the code says about one care item."""
    evaluate = rule.evaluate
    keys = reach(evaluate, _in_logic).matching(policy_keys)
    said = reach(evaluate, _phrases_messages).matching(MESSAGE_PARAMS)
    own = [m for m in MESSAGE_PARAMS if owner(m) == rule.id]
    shared = [m for m in said if owner(m) is None]
    return ItemFacts(
        rule=rule,
        module=evaluate.__module__,
        function=evaluate.__qualname__,
        summary=_first_paragraph(evaluate.__doc__),
        policy=tuple(k for k in keys if k not in EVERY_ITEM_POLICY),
        messages=tuple(sorted(own)) + tuple(shared),
        cited=tuple(sorted(cited_decisions(_own_code(evaluate)))),
    )


@dataclass(frozen=True)
class Constant:
    name: str
    value: str
    comment: str  # the comment on its lines


@dataclass
class ConstantGroup:
    """Constants written one after the other under one comment (which may be empty)."""

    comment: str
    members: list[Constant]


def _comments(source: str) -> dict[int, tuple[int, str]]:
    """Line number → (column, text) of every comment."""
    found: dict[int, tuple[int, str]] = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            found[token.start[0]] = (token.start[1], token.string.lstrip("#").strip())
    return found


def _has_number(node: ast.AST) -> bool:
    return any(
        isinstance(n, ast.Constant)
        and isinstance(n.value, int | float)
        and not isinstance(n.value, bool)
        for n in ast.walk(node)
    )


def _code_text(lines: list[str], node: ast.expr, comments: dict[int, tuple[int, str]]) -> str:
    """The source of an expression on one line, without its comments."""
    end_line = node.end_lineno or node.lineno
    pieces = []
    for number in range(node.lineno, end_line + 1):
        line = lines[number - 1]
        start = node.col_offset if number == node.lineno else 0
        end = node.end_col_offset if number == end_line and node.end_col_offset else len(line)
        if number in comments:
            end = min(end, comments[number][0])
        pieces.append(line[start:end])
    text = re.sub(r"\s+", " ", " ".join(pieces)).strip()
    text = re.sub(r"([(\[{]) ", r"\1", text)
    return re.sub(r",? ([)\]}])", r"\1", text)


def _constant_target(node: ast.stmt) -> tuple[str, ast.expr] | None:
    """The name and value of a module-level constant holding a number."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target, value = node.targets[0], node.value
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        target, value = node.target, node.value
    else:
        return None
    if isinstance(target, ast.Name) and CONSTANT_NAME.match(target.id) and _has_number(value):
        return target.id, value
    return None


def constants(module: types.ModuleType) -> list[ConstantGroup]:
    """The module's named constants that hold numbers, grouped under the comments that cite them."""
    source = inspect.getsource(module)
    lines = source.splitlines()
    comments = _comments(source)
    groups: list[ConstantGroup] = []
    previous_end = -1
    for node in ast.parse(source).body:
        found = _constant_target(node)
        if found is None:
            previous_end = -1
            continue
        name, value = found
        above: list[str] = []
        number = node.lineno - 1
        while number in comments and lines[number - 1].lstrip().startswith("#"):
            above.insert(0, comments[number][1])
            number -= 1
        end = node.end_lineno or node.lineno
        trailing = " ".join(comments[n][1] for n in range(node.lineno, end + 1) if n in comments)
        constant = Constant(name, _code_text(lines, value, comments), trailing)
        if above or previous_end != node.lineno - 1:
            groups.append(ConstantGroup(" ".join(above), []))
        groups[-1].members.append(constant)
        previous_end = end
    return groups


READING = "Reading where"
SENTENCE_END = re.compile(r"(?<=\.)\s+(?=[A-Z])")


def readings(modules: list[types.ModuleType]) -> list[tuple[str, str]]:
    """(where, sentence) of every reading the logic code takes where a rule is silent: the
    docstring sentence that begins "Reading where"."""
    found = []
    for module in modules:
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if not isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef):
                continue
            doc = ast.get_docstring(node)
            if doc is None or READING not in doc:
                continue
            where = module.__name__ + ("" if isinstance(node, ast.Module) else f".{node.name}")
            for part in doc.split(READING)[1:]:
                found.append((where, _plain(READING + SENTENCE_END.split(part)[0])))
    return found


def public_functions(module: types.ModuleType) -> list[tuple[str, str]]:
    """(name, first paragraph of the docstring) of the module's documented public functions."""
    return [
        (name, _first_paragraph(function.__doc__))
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__ and not name.startswith("_") and function.__doc__
    ]


# --- Citations and the clinical reference ---------------------------------------------

ANCHOR = re.compile(r'<a id="([^"]+)"></a>')
DECISION_HEADING = re.compile(r'^<a id="d(\d+)"></a>\n#+ D\d+ — (.+)$', re.MULTILINE)
# A decision cited in code or text: D35, not D-VRd nor a D inside a word.
DECISION_CITATION = re.compile(r"(?<![\w-])D(\d{1,2})(?![\d\w])")
# Named parts of a section, as the code cites them after the section number: anchor.
SUBSECTIONS = {
    "4": {
        "PD": "s4-pd",
        "relapse from MRD-negative": "s4-relapse-mrd",
        "relapse from MRD negativity": "s4-relapse-mrd",
    },
    "5": {
        "Who": "s5-who",
        "ZA dose": "s5-za-dose",
        "ZA renal checks": "s5-za-renal",
        "ZA renal deterioration": "s5-za-deterioration",
        "ZA duration": "s5-za-duration",
        "Denosumab hypocalcaemia": "s5-denosumab-hypocalcaemia",
        "Ca/vitamin D": "s5-ca-vitd",
        "Stopping denosumab": "s5-denosumab-stop",
        "Dental before": "s5-dental-before",
        "ONJ risk": "s5-onj",
        "Imaging": "s5-imaging",
        "table": "s5-za-table",
    },
    "11": {
        "Status": "s11-status",
        "Phases": "s11-phases",
        "BTA state": "s11-bta-state",
        "Items": "s11-items",
        "Worklist order": "s11-worklist-order",
        "Policy file": "s11-policy-file",
    },
}
SEED_CITATION = "seed 000"
SEED_ANCHOR = "seed-000"
_PARTS = sorted({name for names in SUBSECTIONS.values() for name in names}, key=len, reverse=True)
CITATION = re.compile(
    r"§(?P<section>\d+[a-z]?)"
    rf"(?: (?P<part>{'|'.join(map(re.escape, _PARTS))}|[a-z_]+(?:\.[a-z0-9_]+)+))?"
    r"|(?<![\w-])D(?P<decision>\d{1,2})(?![\d\w])"
    rf"|(?P<seed>{re.escape(SEED_CITATION)})"
)


def item_anchor(item_id: str) -> str:
    """The anchor of a §11 item in the clinical reference."""
    return "s11-" + item_id.replace(".", "-")


@functools.cache
def reference_anchors() -> frozenset[str]:
    """Every anchor of docs/clinical-reference.md."""
    return frozenset(ANCHOR.findall(REFERENCE.read_text(encoding="utf-8")))


def decisions() -> list[tuple[int, str]]:
    """(number, title) of every decision of the clinical reference, in order."""
    found = DECISION_HEADING.findall(REFERENCE.read_text(encoding="utf-8"))
    return sorted((int(number), title) for number, title in found)


def cited_anchor(section: str, part: str | None) -> str | None:
    """The anchor of a cited part of a section (an item id after §11), if it has one."""
    if part is None:
        return None
    if section == "11" and part in ITEM_ORDER:
        return item_anchor(part)
    return SUBSECTIONS.get(section, {}).get(part)


def linked(text: str) -> str:
    """``text`` with each citation (§5, §5 ZA renal checks, §11 renal.za_dose, D35,
    seed 000) linked to the clinical reference; one without an anchor, or inside a
    code span, stays plain."""
    page = REFERENCE.name
    anchors = reference_anchors()

    def link(label: str, anchor: str) -> str:
        return f"[{label}]({page}#{anchor})" if anchor in anchors else label

    def replace(match: re.Match[str]) -> str:
        if match["decision"]:
            return link(match.group(), f"d{int(match['decision'])}")
        if match["seed"]:
            return link(match.group(), SEED_ANCHOR)
        section, part = match["section"], match["part"]
        anchor = cited_anchor(section, part)
        if anchor is not None and anchor in anchors:
            return link(match.group(), anchor)
        return link(f"§{section}", f"s{section}") + (f" {part}" if part else "")

    spans = text.split("`")
    return "`".join(span if i % 2 else CITATION.sub(replace, span) for i, span in enumerate(spans))


# --- Writing the page -----------------------------------------------------------------


def _code(text: str) -> str:
    return f"`{text}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _message(message_id: str) -> str:
    params = MESSAGE_PARAMS[message_id]
    return f"{_code(message_id)} ({', '.join(params)})" if params else _code(message_id)


def _constants(module: types.ModuleType) -> list[str]:
    out = []
    for group in constants(module):
        if group.comment and len(group.members) > 1:
            out.append(f"- {linked(group.comment)}")
            out += [
                f"  - {_code(f'{c.name} = {c.value}')}"
                + (f" — {linked(c.comment)}" if c.comment else "")
                for c in group.members
            ]
            continue
        for c in group.members:
            comment = linked(" ".join(t for t in (group.comment, c.comment) if t))
            out.append(f"- {_code(f'{c.name} = {c.value}')} — {comment or '(no source comment)'}")
    return out


def _items_section(facts: list[ItemFacts], specs: dict[str, PolicySpec]) -> list[str]:
    every_item = reach(assessment.item_findings, lambda _: False).matching(MESSAGE_PARAMS)
    out = [
        "## Care items",
        "",
        "The items of clinical-rules.md §11, in the order of its table (which is also the",
        "order of every assessment). Every item reads "
        + " and ".join(_code(k) for k in EVERY_ITEM_POLICY)
        + "; once the patient is deceased or transferred out every item is `not_applicable`",
        "with " + ", ".join(_message(m) for m in every_item) + ".",
        "",
        "| # | Id | Source | Rule | Policy values read |",
        "|---|---|---|---|---|",
    ]
    for number, f in enumerate(facts, 1):
        keys = ", ".join(_code(k) for k in f.policy) or "—"
        rule = _code(f"{f.module.removeprefix(ITEMS + '.')}.{f.function}")
        source = _cell(linked(f.rule.source))
        out.append(f"| {number} | {_code(f.rule.id)} | {source} | {rule} | {keys} |")
    for number, f in enumerate(facts, 1):
        out += [
            "",
            f"### {number}. {_code(f.rule.id)}",
            "",
            f"- Source: {linked(f.rule.source)}",
            f"- Reference: {linked(f'§11 {f.rule.id}')}",
            f"- Rule: {_code(f'{f.module}.{f.function}')} — {linked(f.summary)}",
            "- Policy values read: "
            + (", ".join(f"{_code(k)} ({specs[k].default})" for k in f.policy) or "none"),
            "- Messages:",
            *(f"  - {_message(m)}" for m in f.messages),
        ]
    return out


def _status_section() -> list[str]:
    paragraphs = inspect.cleandoc(care.__doc__ or "").split("\n\n")
    return [
        "## Statuses and severities",
        "",
        "Statuses: " + ", ".join(_code(s.value) for s in Status) + ".",
        "Alert severities: " + ", ".join(_code(s.value) for s in Severity) + ".",
        "",
        *(_plain(p) for p in paragraphs[1:2]),
    ]


def _module_section(module: types.ModuleType, heading: str) -> list[str]:
    out = ["", f"{heading} {_code(module.__name__)}", "", linked(_first_paragraph(module.__doc__))]
    functions = public_functions(module)
    if functions:
        out += ["", "Functions:", ""]
        out += [f"- {_code(name + '()')} — {linked(doc)}" for name, doc in functions]
    found = _constants(module)
    if found:
        out += ["", "Constants:", "", *found]
    return out


def _scores_section(modules: list[types.ModuleType]) -> list[str]:
    out = [
        "## Scores and criteria",
        "",
        "Every logic module that encodes clinical-rules.md, with its functions and the",
        "numbers it holds, each with the comment that names its row.",
    ]
    for module in modules:
        if module.__name__.startswith(ITEMS) or "clinical-rules.md" not in (module.__doc__ or ""):
            continue
        out += _module_section(module, "###")
    return out


def _item_modules_section(modules: list[types.ModuleType]) -> list[str]:
    out = [
        "## Numbers of the care-item modules",
        "",
        "The fixed numbers the item rules use besides the policy values.",
    ]
    for module in modules:
        if module.__name__.startswith(ITEMS + ".") and constants(module):
            out += ["", f"### {_code(module.__name__)}", "", *_constants(module)]
    return out


def _policy_section(specs: dict[str, PolicySpec], facts: list[ItemFacts]) -> list[str]:
    out = [
        "## Policy values",
        "",
        "From `resources/policy/default.toml`; a clinic file may set any of them within",
        "its range (`mmtracker evaluate --policy FILE`).",
        "",
        "| Key | Default | Accepted | Read by | Source |",
        "|---|---|---|---|---|",
    ]
    for key, spec in specs.items():
        accepted = " / ".join(spec.choices) if spec.choices else f"{spec.low:g}–{spec.high:g}"
        if key in EVERY_ITEM_POLICY:
            readers = "every item"
        else:
            readers = ", ".join(_code(f.rule.id) for f in facts if key in f.policy) or "—"
        out.append(
            f"| {_code(key)} | {spec.default} | {accepted} | {readers} "
            f"| {_cell(linked(spec.source))} |"
        )
    return out


def citing_modules() -> dict[int, list[str]]:
    """Decision number → the files of the package (and the policy file) that cite it."""
    found: dict[int, list[str]] = {}
    files = [*sorted(PACKAGE.rglob("*.py")), POLICY_FILE]
    for path in files:
        if "migrations" in path.parts:
            continue
        for number in sorted(cited_decisions(path.read_text(encoding="utf-8"))):
            found.setdefault(number, []).append(str(path.relative_to(ROOT)))
    return found


def _readings_section(found: list[tuple[str, str]]) -> list[str]:
    return [
        "## Readings where the rules are silent",
        "",
        "Where a row or decision leaves a case open, the code chooses what errs toward",
        "showing (the guiding principle of §10b) and says so in a docstring; every such",
        "reading, by where it is taken:",
        "",
        *(f"- {_code(where)} — {linked(text)}" for where, text in found),
    ]


def _decisions_section(
    specs: dict[str, PolicySpec], facts: list[ItemFacts], found: list[tuple[str, str]]
) -> list[str]:
    out = [
        "## Decisions",
        "",
        "Each decision of clinical-rules.md §10 and §10b (restated in",
        f"[{REFERENCE.name}]({REFERENCE.name}#s10)), with what cites it: the care items whose",
        "§11 source names it, the items whose rule code cites it, the policy values whose",
        "source names it, every file of the package that mentions it, and the readings the",
        "code takes where it is silent.",
    ]
    modules = citing_modules()
    for number, title in decisions():
        by_source = [f.rule.id for f in facts if number in cited_decisions(f.rule.source)]
        by_code = [f.rule.id for f in facts if number in f.cited and f.rule.id not in by_source]
        keys = [k for k, spec in specs.items() if number in cited_decisions(spec.source)]
        out += [
            "",
            f'<a id="d{number}"></a>',
            f"### D{number} — {title}",
            "",
            f"- Reference: {linked(f'D{number}')}",
            "- Items citing it as their source: " + (", ".join(map(_code, by_source)) or "none"),
            "- Items whose rule cites it: " + (", ".join(map(_code, by_code)) or "none"),
            "- Policy values citing it: " + (", ".join(map(_code, keys)) or "none"),
            "- Files citing it: " + (", ".join(map(_code, modules.get(number, []))) or "none"),
        ]
        out += [
            f"- Reading where it is silent, in {_code(where)}: {linked(text)}"
            for where, text in found
            if text.startswith(f"{READING} D{number} ")
        ]
    return out


def _messages_section() -> list[str]:
    out = [
        "## Messages",
        "",
        "Every message id the rules can give, with its parameters, and the care item whose",
        "namespace it is in. The English texts are in `mmtracker/english.py`, the Chinese",
        "in `resources/translations/messages_zh_CN.ts`.",
        "",
        "| Message id | Parameters | Item |",
        "|---|---|---|",
    ]
    for message_id in sorted(MESSAGE_PARAMS):
        found = owner(message_id)
        params = ", ".join(MESSAGE_PARAMS[message_id]) or "—"
        out.append(f"| {_code(message_id)} | {params} | {_code(found) if found else '—'} |")
    return out


def render() -> str:
    """The whole page."""
    modules = logic_modules()
    specs = policy_specs()
    facts = [item_facts(rule, specs) for rule in RULES]
    found = readings(modules)
    lines = [
        "# Rules reference",
        "",
        "<!-- Generated by scripts/generate_rules_doc.py from the code; do not edit. -->",
        "",
        "This page is generated from the code and `resources/policy/default.toml` by",
        "`scripts/generate_rules_doc.py`; a test fails when it is out of date. The rules",
        "themselves and their evidence are written in clinical-rules.md, restated in the",
        f"repository as [{REFERENCE.name}]({REFERENCE.name}); every § section and D",
        "decision cited below links to it, and [Decisions](#decisions) lists what cites",
        "each decision.",
        "",
        *_items_section(facts, specs),
        "",
        *_status_section(),
        "",
        *_scores_section(modules),
        "",
        *_item_modules_section(modules),
        "",
        *_policy_section(specs, facts),
        "",
        *_decisions_section(specs, facts, found),
        "",
        *_readings_section(found),
        "",
        *_messages_section(),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the page is current")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is out of date: run python scripts/generate_rules_doc.py")
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
