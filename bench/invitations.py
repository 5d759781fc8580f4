"""Reading invitations: how long a 20 KB text takes (p50, p95), and how long other users wait
while invitations are being read (the event loop's delay, p99, with readers running beside it).

    .venv/bin/python bench/invitations.py

Readers run in worker threads (asyncio.to_thread), as handlers/invitation.py runs them; the
"other users" are a task that wakes every 5 ms and records how late it woke: the delay a reply
to anyone else would see from invitations alone.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from followup.core.invitations import read_document, read_text

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "invitations"
NOW = datetime(2027, 3, 1, 9, tzinfo=UTC)


def _text_of_20kb() -> str:
    texts = [p.read_text("utf-8") for p in sorted((CORPUS / "texts").glob("*.txt"))]
    body = "\n\n".join(texts[1:])  # a long thread of quoted mails…
    filler = (body * (20_000 // len(body) + 1))[: 20_000 - len(texts[0])]
    return texts[0] + "\n\n" + filler  # …under the invitation itself


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def reading_times(runs: int = 200) -> list[float]:
    text = _text_of_20kb()
    read_text(text, NOW)  # warm the compiled patterns
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        read_text(text, NOW)
        times.append((time.perf_counter() - start) * 1000)
    return times


async def loop_delays(seconds: float, readers: int) -> list[float]:
    files = [p.read_bytes() for p in sorted((CORPUS / "files").glob("*")) if p.suffix != ".json"]
    text = _text_of_20kb()
    stop = time.perf_counter() + seconds

    async def reader(index: int) -> None:
        while time.perf_counter() < stop:
            await asyncio.to_thread(read_text, text, NOW)
            data = files[index % len(files)]
            await asyncio.to_thread(read_document, "x.ics", data, NOW)

    delays: list[float] = []

    async def other_users() -> None:
        while time.perf_counter() < stop:
            before = time.perf_counter()
            await asyncio.sleep(0.005)
            delays.append((time.perf_counter() - before - 0.005) * 1000)

    await asyncio.gather(other_users(), *(reader(i) for i in range(readers)))
    return delays


def main() -> None:
    times = reading_times()
    print(f"read a 20 KB invitation text: p50 {statistics.median(times):.1f} ms, "
          f"p95 {_percentile(times, 0.95):.1f} ms over {len(times)} runs")  # fmt: skip
    for readers in (0, 4):
        delays = asyncio.run(loop_delays(3.0, readers))
        print(f"other users' wait with {readers} invitations being read at once: "
              f"p50 {statistics.median(delays):.2f} ms, "
              f"p99 {_percentile(delays, 0.99):.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
