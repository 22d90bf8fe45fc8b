"""Time the patient figures (build + Agg draw) for a demo patient grown to about 500 entries.

    .venv/bin/python scripts/time_figures.py [--first timeline|trends] [--lang en|zh_CN]
        [--runs 5] [--png DIR]

The patient is the busiest of 200 demo patients (seed 7, as of 2026-05-01) with its lab
results repeated 10 and 20 days earlier (values × 0.97 and × 1.03): 487 entries. In one
process: the first figure of the session (matplotlib imported, fonts loaded), then the
median of ``--runs`` builds and draws of each figure. ``--png`` saves the last of each.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mmtracker.config import load_policy
from mmtracker.demo import generate_records
from mmtracker.logic.history import PatientHistory, build_history

AS_OF = dt.date(2026, 5, 1)


def busy_patient() -> PatientHistory:
    """The busiest demo patient, its lab results repeated 10 and 20 days earlier."""
    records = generate_records(200, 7, AS_OF)
    record = max(records, key=lambda r: sum(len(e) for e in r.entries.values()))
    entries = {kind: list(found) for kind, found in record.entries.items()}
    labs = entries["lab_results"]
    earlier = [
        dataclasses.replace(
            result,
            id=f"{result.id}-{days}",
            date=result.date - dt.timedelta(days=days),
            value=result.value * factor,
        )
        for days, factor in ((10, 0.97), (20, 1.03))
        for result in labs
        if result.value is not None
    ]
    entries["lab_results"] = labs + earlier
    return build_history(record.patient, entries)


def main() -> None:
    """Print the first figure's time and each figure's median, in milliseconds."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--first", choices=("timeline", "trends"), default="timeline")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--png", type=Path)
    args = parser.parse_args()
    history, policy = busy_patient(), load_policy()
    kinds = (getattr(history, f.name) for f in dataclasses.fields(history))
    entries = sum(len(found) for found in kinds if isinstance(found, tuple))

    from mmtracker.reports.figures import lab_trend_figure, timeline_figure

    def timeline() -> Any:
        figure = timeline_figure(history, AS_OF, args.lang)
        figure.canvas.draw()
        return figure

    def trends() -> Any:
        figure = lab_trend_figure(history, AS_OF, lang=args.lang, policy=policy).figure
        figure.canvas.draw()
        return figure

    figures: dict[str, Callable[[], Any]] = {"timeline": timeline, "trends": trends}
    started = time.perf_counter()
    figures[args.first]()
    print(f"{entries} entries; first figure ({args.first}): {_ms(time.perf_counter() - started)}")
    for name, draw in figures.items():
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            figure = draw()
            times.append(time.perf_counter() - started)
        runs = ", ".join(_ms(t) for t in times)
        print(f"{name}: median {_ms(statistics.median(times))} (runs {runs})")
        if args.png is not None:
            args.png.mkdir(parents=True, exist_ok=True)
            figure.savefig(args.png / f"{name}-{args.lang}.png")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


if __name__ == "__main__":
    main()
