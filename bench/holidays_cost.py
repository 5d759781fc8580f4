"""What public holidays add to the bot's start-up time and memory.

Each run is a fresh Python process that does what the bot does before it polls (import
everything, read the settings, build the Application, warm the city index and the date parser as
handlers.start_up does) and then builds one calendar and asks it about every day of a year:
weekends only (the baseline) or a country's holidays from the `holidays` package. Runs alternate
between the two so a busy machine slows both alike; the medians are compared. --bare leaves the
warm-ups out, which makes the calendar's share look as large as it can.

    .venv/bin/python bench/holidays_cost.py [--runs 11] [--code GB-ENG] [--bare]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in the child: times are from the first import of the bot to the end of the year's lookups.
CHILD = """
import json, sys, time
started, cpu_started = time.perf_counter(), time.process_time()
from datetime import date, timedelta
import bot
from followup.ops.settings import load_settings
settings = load_settings(["--console"], {"FOLLOWUP_DATA_DIR": sys.argv[2]})
bot.build_application(settings, console=bot.TerminalChat(files_dir=settings.data_dir))
if sys.argv[3] == "warm":
    from followup.core import timeparse
    from followup.ops.geo import process_index
    process_index.warm_up()
    timeparse.warm_up()
booted = time.perf_counter()
from followup.core.workdays import calendar_for
calendar = calendar_for(None if sys.argv[1] == "none" else sys.argv[1])
built = time.perf_counter()
working = sum(calendar.is_business_day(date(2027, 1, 1) + timedelta(days=n)) for n in range(365))
done, cpu_done = time.perf_counter(), time.process_time()
status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
print(json.dumps({
    "boot": booted - started, "calendar": built - booted, "year": done - built,
    "total": done - started, "cpu": cpu_done - cpu_started, "working_days": working,
    "rss_kb": int(status["VmRSS"].split()[0]), "peak_kb": int(status["VmHWM"].split()[0]),
    "holidays_imported": "holidays" in sys.modules,
}))
"""

# Warm lookups, in process: what each is_business_day costs once a year is loaded.
LOOKUP = """
import sys, timeit
from datetime import date, timedelta
from followup.core.workdays import calendar_for
calendar = calendar_for(None if sys.argv[1] == "none" else sys.argv[1])
days = [date(2027, 1, 1) + timedelta(days=n) for n in range(365)]
calendar.is_business_day(days[0])
best = min(timeit.repeat(lambda: [calendar.is_business_day(d) for d in days], number=20, repeat=5))
print(best / (20 * 365) * 1e6)
"""


def child(code: str, data_dir: str, warm: bool) -> dict[str, float]:
    """One fresh process; its own figures plus the wall time of the whole process."""
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, code, data_dir, "warm" if warm else "bare"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    figures["process"] = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures["process_cpu"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return figures


def lookup_microseconds(code: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", LOOKUP, code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return float(out.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each kind (default 11)")
    parser.add_argument("--code", default="GB-ENG", help="the calendar to measure (GB-ENG)")
    parser.add_argument("--bare", action="store_true", help="leave out the start-up warm-ups")
    args = parser.parse_args()
    warm = not args.bare
    runs: dict[str, list[dict[str, float]]] = {"none": [], args.code: []}
    with tempfile.TemporaryDirectory() as data_dir:
        child("none", data_dir, warm)  # warm the disk cache and .pyc files for both kinds
        child(args.code, data_dir, warm)
        for _ in range(args.runs):
            for code, results in runs.items():
                results.append(child(code, data_dir, warm))

    def med(code: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[code])

    def low(code: str, key: str) -> float:
        return min(r[key] for r in runs[code])

    base, with_holidays = "none", args.code
    kind = "without the warm-ups (--bare)" if args.bare else "with the warm-ups"
    print(f"{args.runs} fresh processes each, {kind}, medians; baseline: weekends only")
    print(f"| figure | weekends only | {with_holidays} | difference | ratio |")
    print("|---|---|---|---|---|")
    for key, name, unit, scale in [
        ("boot", "the bot's own start-up (same code in both: shows the noise)", "ms", 1e3),
        ("total", "start-up in process (import, settings, Application, calendar, year)", "ms", 1e3),
        ("cpu", "the same, CPU time (steadier on a shared machine)", "ms", 1e3),
        ("process", "whole process, interpreter start to exit", "ms", 1e3),
        ("process_cpu", "the same, CPU time", "ms", 1e3),
        ("calendar", "calendar_for (includes importing holidays)", "ms", 1e3),
        ("year", "365 is_business_day, first year load included", "ms", 1e3),
        ("rss_kb", "resident memory at the end (VmRSS)", "MB", 1 / 1024),
        ("peak_kb", "peak resident memory (VmHWM)", "MB", 1 / 1024),
    ]:
        a, b = med(base, key) * scale, med(with_holidays, key) * scale
        print(f"| {name} | {a:.1f} {unit} | {b:.1f} {unit} | {b - a:+.1f} {unit} | {b / a:.3f}× |")
    for key, name in [("total", "start-up in process"), ("process", "whole process")]:
        a, b = low(base, key) * 1e3, low(with_holidays, key) * 1e3
        print(f"fastest {name}: {a:.1f} ms against {b:.1f} ms ({b / a:.3f}×)")
    working = {code: int(runs[code][0]["working_days"]) for code in runs}
    imported = {code: bool(runs[code][0]["holidays_imported"]) for code in runs}
    print(f"working days in 2027: {working}; holidays package imported: {imported}")
    warm = {code: lookup_microseconds(code) for code in runs}
    print("warm is_business_day: " + ", ".join(f"{c} {us:.2f} µs" for c, us in warm.items()))


if __name__ == "__main__":
    main()
