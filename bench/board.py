"""The board picture: how long a render takes, and what it costs the bot's memory and start-up.

    .venv/bin/python bench/board.py            (or: bench/run.py board)

1. Render time of the largest board (six lanes, every kind of mark), drawn in this process:
   the drawing alone, and through `render` (the worker thread, as /board uses it).
2. The real bot as a process: idle RSS and start-up beside the same bot checked out without
   the board (`--baseline-tree`, default: the main checkout if it has no board), then RSS after
   its first /board and after twenty more.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from harness import (  # noqa: E402
    BenchTelegram,
    median,
    next_new,
    percentile,
    process,
    ratio,
    table,
    wait_polling,
)

START_TIMEOUT = 300.0
IDLE_SETTLE = 5.0
RENDERS = 100


def _largest_board() -> object:
    from dataclasses import replace

    from tests.support.board_samples import sample

    board, *_ = sample("five")
    extra = replace(board.lanes[0], interview_id="x", company="Vandelay Industries")
    return replace(board, lanes=(*board.lanes, extra))


async def bench_render() -> str:
    from followup.ops import board_picture

    board = _largest_board()
    started = time.perf_counter()
    board_picture.draw(board)  # type: ignore[arg-type]
    first = time.perf_counter() - started
    drawn, threaded = [], []
    for _ in range(RENDERS):
        started = time.perf_counter()
        png = board_picture.draw(board).png  # type: ignore[arg-type]
        drawn.append(time.perf_counter() - started)
    for _ in range(RENDERS):
        started = time.perf_counter()
        await board_picture.render(board)  # type: ignore[arg-type]
        threaded.append(time.perf_counter() - started)
    return table(
        f"1. /board render, six lanes, {RENDERS} times (first one: {first * 1000:.0f} ms with"
        f" the font loaded; PNG {len(png) // 1024} KB)",
        ["how", "p50 ms", "p95 ms", "max ms", "goal"],
        [
            ["draw()", median(drawn) * 1000, percentile(drawn, 0.95) * 1000, max(drawn) * 1000,
             "p95 <= 300"],
            ["render() in the worker thread", median(threaded) * 1000,
             percentile(threaded, 0.95) * 1000, max(threaded) * 1000, "p95 <= 300"],
        ],
    )  # fmt: skip


async def _one_bot(workdir: Path, name: str, tree: Path | None, boards: int) -> list[float]:
    """[start-up s, idle RSS MB, RSS after the first /board, RSS after `boards` more]."""
    data_dir = workdir / name
    args = ["bot", "--data-dir", str(data_dir)]
    async with (
        BenchTelegram() as fake,
        process(args, workdir / f"{name}.log", fake, data_dir, tree=tree) as proc,
    ):
        polled = await wait_polling(fake, proc, START_TIMEOUT)
        await asyncio.sleep(IDLE_SETTLE)
        idle, _ = await proc.settled_memory_kb()
        figures = [polled - proc.spawned, idle / 1024]
        if boards:
            user = fake.user(424242, "Bench")
            await user.send("/start")
            await next_new(user, 30)
            for n in range(boards + 1):
                await user.send("/board")
                while (await next_new(user, 30)).photo is None:
                    pass
                if n == 0:
                    figures.append((await proc.settled_memory_kb())[0] / 1024)
            figures.append((await proc.settled_memory_kb())[0] / 1024)
        return figures


async def bench_memory(workdir: Path, baseline: Path | None, rounds: int = 3) -> str:
    ours: list[list[float]] = []
    base: list[list[float]] = []
    for n in range(rounds):
        ours.append(await _one_bot(workdir, f"board-{n}", None, 20))
        if baseline is not None:
            base.append(await _one_bot(workdir, f"base-{n}", baseline, 0))

    def col(rows: list[list[float]], i: int) -> float:
        return median([r[i] for r in rows]) if rows else float("nan")

    start, idle, first, after = (col(ours, i) for i in range(4))
    rows = [
        ["this bot, idle", idle, "", start, ""],
        ["after the first /board", first, f"+{first - idle:.1f} MB", "", "<= +25 MB"],
        ["after 20 more", after, f"+{after - idle:.1f} MB", "", ""],
    ]
    if base:
        b_start, b_idle = col(base, 0), col(base, 1)
        rows.insert(0, [f"without the board ({baseline})", b_idle, "", b_start, ""])
        rows[1][2] = ratio(idle, b_idle)
        rows[1][4] = f"start-up {ratio(start, b_start)}, RSS unchanged"
    return table(
        f"2. Memory and start-up of the bot process (median of {rounds}; RSS in MB)",
        ["process", "RSS MB", "vs idle", "start-up s", "goal"],
        rows,
    )


def _default_baseline() -> Path | None:
    main = ROOT.parent.parent / "main"
    return (
        main if (main / "bot.py").exists() and not (main / "handlers/board.py").exists() else None
    )


async def bench_board(workdir: Path, quick: bool, baseline: Path | None = None) -> str:
    """Both tables (bench/run.py's entry point)."""
    baseline = baseline or _default_baseline()
    render = await bench_render()
    memory = await bench_memory(workdir, baseline, 1 if quick else 3)
    return f"{render}\n\n{memory}"


async def main(argv: Sequence[str]) -> int:
    baseline = Path(argv[argv.index("--baseline-tree") + 1]) if "--baseline-tree" in argv else None
    with tempfile.TemporaryDirectory(prefix="followup-board-") as tmp:
        print(await bench_board(Path(tmp), "--quick" in argv, baseline), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
