"""The board as a PNG: turns followup/core/board.py's data into pixels, and nothing more.

Drawn with Pillow (ImageDraw) in DejaVu Sans, which has Latin and Cyrillic: the two font files
ship inside this package (followup/ops/fonts/, with their licence), never from the system. Pillow
is imported only when the first picture is drawn, so a bot nobody asks for a board never loads it.
`render` draws in a worker thread with a time limit, so the event loop never waits on it. The
picture's texts are also returned with their boxes (`Drawn.texts`), so tests check what was drawn
from the drawing itself.
"""

from __future__ import annotations

import asyncio
import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup.core.board import Board, Lane, Mark, MarkKind

if TYPE_CHECKING:
    from PIL.ImageDraw import ImageDraw as Pen
    from PIL.ImageFont import FreeTypeFont

WIDTH = 1280
MARGIN = 48
HEADER = 170
LANE_HEIGHT = 150
TIME_LIMIT = 5.0  # seconds: a picture not drawn by then is given up (the caption still goes)

INK = (33, 37, 41)
MUTED = (108, 117, 125)
GRID = (222, 226, 230)
BAR = (206, 224, 252)
TODAY = (214, 51, 108)
BACKGROUND = (255, 255, 255)
COLOURS = {
    MarkKind.INTERVIEW: (13, 71, 161),
    MarkKind.THANK_YOU_SENT: (25, 135, 84),
    MarkKind.THANK_YOU_DUE: (25, 135, 84),
    MarkKind.FOLLOW_UP_SENT: (230, 119, 0),
    MarkKind.DECISION: (111, 66, 193),
    MarkKind.FOLLOW_UP_DUE: (230, 119, 0),
    MarkKind.NEXT: (214, 51, 108),
}
# Which dates get a label when they would overlap: the next step first, then the interview.
_LABEL_ORDER = (
    MarkKind.NEXT,
    MarkKind.INTERVIEW,
    MarkKind.DECISION,
    MarkKind.FOLLOW_UP_DUE,
    MarkKind.THANK_YOU_DUE,
    MarkKind.FOLLOW_UP_SENT,
    MarkKind.THANK_YOU_SENT,
)

Box = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class DrawnText:
    text: str
    box: Box
    role: str  # "title", "counts", "company", "stage", "date", "tick", "today", "legend"…


@dataclass(frozen=True, slots=True)
class Drawn:
    png: bytes
    width: int
    height: int
    texts: tuple[DrawnText, ...]


def font_dir() -> Path:
    """Where the DejaVu fonts shipped with this package are."""
    return Path(__file__).resolve().parent / "fonts"


@cache
def _font(size: int, bold: bool = False) -> FreeTypeFont:
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(font_dir() / name), size)


class _Canvas:
    """An image being drawn, remembering every text put on it."""

    def __init__(self, height: int) -> None:
        from PIL import Image, ImageDraw

        self.image = Image.new("RGB", (WIDTH, height), BACKGROUND)
        self.draw: Pen = ImageDraw.Draw(self.image)
        self.texts: list[DrawnText] = []

    def text(
        self,
        xy: tuple[float, float],
        text: str,
        size: int,
        role: str,
        *,
        bold: bool = False,
        fill: tuple[int, int, int] = INK,
        anchor: str = "la",
        max_width: int | None = None,
    ) -> Box:
        font = _font(size, bold)
        if max_width is not None:
            text = _fit(self.draw, text, font, max_width)
        self.draw.text(xy, text, font=font, fill=fill, anchor=anchor)
        box = tuple(int(v) for v in self.draw.textbbox(xy, text, font=font, anchor=anchor))
        drawn = DrawnText(text, (box[0], box[1], box[2], box[3]), role)
        self.texts.append(drawn)
        return drawn.box

    def measure(self, text: str, size: int, anchor: str = "la") -> Box:
        box = self.draw.textbbox((0, 0), text, font=_font(size), anchor=anchor)
        return (int(box[0]), int(box[1]), int(box[2]), int(box[3]))


def _fit(draw: Pen, text: str, font: FreeTypeFont, width: int) -> str:
    """`text`, cut with an ellipsis to fit `width` pixels."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def draw(board: Board) -> Drawn:
    """The board as a PNG, at most WIDTH pixels wide."""
    rows = max(1, len(board.lanes))
    legend_rows = _legend_rows(board)
    footer = 84 + 40 * len(legend_rows) + (44 if board.more_line else 0)
    height = HEADER + rows * LANE_HEIGHT + footer + (44 if board.kind_line else 0)
    canvas = _Canvas(height)
    top = _header(canvas, board)
    left, right = MARGIN, WIDTH - MARGIN
    axis = _Axis(board.axis_start, board.axis_end, left, right)
    plot_top, plot_bottom = top, top + rows * LANE_HEIGHT
    _grid(canvas, board, axis, plot_top, plot_bottom)
    if not board.lanes:
        canvas.text(
            (WIDTH / 2, plot_top + LANE_HEIGHT / 2),
            board.empty_line,
            30,
            "empty",
            fill=MUTED,
            anchor="mm",
            max_width=WIDTH - 2 * MARGIN,
        )
    for index, lane in enumerate(board.lanes):
        _lane(canvas, lane, axis, plot_top + index * LANE_HEIGHT)
    _footer(canvas, board, legend_rows, plot_bottom)
    buffer = io.BytesIO()
    canvas.image.save(buffer, "PNG", optimize=False, compress_level=6)
    return Drawn(buffer.getvalue(), WIDTH, height, tuple(canvas.texts))


@dataclass(frozen=True)
class _Axis:
    start: date
    end: date
    left: int
    right: int

    def x(self, day: date) -> float:
        """The middle of `day`'s column."""
        days = (self.end - self.start).days or 1
        clamped = min(max(day, self.start), self.end)
        return self.left + ((clamped - self.start).days + 0.5) / (days + 1) * (
            self.right - self.left
        )


def _header(canvas: _Canvas, board: Board) -> int:
    canvas.text((MARGIN, 34), board.title, 46, "title", bold=True, max_width=WIDTH - 2 * MARGIN)
    y = 100
    if board.kind_line:
        canvas.text((MARGIN, y), board.kind_line, 30, "kind", max_width=WIDTH - 2 * MARGIN)
        y += 44
    canvas.text(
        (MARGIN, y), board.counts_line, 28, "counts", fill=MUTED, max_width=WIDTH - 2 * MARGIN
    )
    return HEADER + (44 if board.kind_line else 0)


def _grid(canvas: _Canvas, board: Board, axis: _Axis, top: int, bottom: int) -> None:
    """Tick lines with their dates under the lanes, and today's line on top of them."""
    last_end = 0
    for day, text in board.ticks:
        x = axis.x(day)
        canvas.draw.line([(x, top - 8), (x, bottom)], fill=GRID, width=2)
        box = canvas.measure(text, 24, "ma")
        if x + box[0] < last_end + 24:
            continue  # long day names: every other label, rather than labels touching
        last_end = int(x + box[2])
        canvas.text((x, bottom + 12), text, 24, "tick", fill=MUTED, anchor="ma")
    x = axis.x(board.today)
    for y in range(top - 10, bottom, 18):  # dashed
        canvas.draw.line([(x, y), (x, min(y + 10, bottom))], fill=TODAY, width=3)
    canvas.text((x, top - 14), board.today_text, 24, "today", bold=True, fill=TODAY, anchor="md")


def _lane(canvas: _Canvas, lane: Lane, axis: _Axis, top: int) -> None:
    """Company and stage above a bar from the interview day to the next action, with marks."""
    name_box = canvas.text(
        (MARGIN, top + 12), lane.company, 34, "company", bold=True, max_width=WIDTH // 2
    )
    canvas.text(
        (name_box[2] + 16, top + 18),
        lane.stage,
        26,
        "stage",
        fill=MUTED,
        max_width=WIDTH - MARGIN - name_box[2] - 16,
    )
    y = top + 82
    x0, x1 = axis.x(lane.start), axis.x(lane.end)
    canvas.draw.rounded_rectangle([(x0 - 12, y - 12), (x1 + 12, y + 12)], radius=12, fill=BAR)
    taken: list[Box] = []
    order = {kind: n for n, kind in enumerate(_LABEL_ORDER)}
    at = _spread(lane, axis)
    for mark in sorted(lane.marks, key=lambda m: order[m.kind], reverse=True):
        _glyph(canvas.draw, mark.kind, at[mark], y)
    for mark in sorted(lane.marks, key=lambda m: order[m.kind]):
        x = min(max(axis.x(mark.day), MARGIN + 60), WIDTH - MARGIN - 60)
        box = canvas.measure(mark.text, 22, "ma")
        box = (int(x) + box[0] - 4, y + 22 + box[1], int(x) + box[2] + 4, y + 22 + box[3])
        if any(_overlap(box, other) for other in taken):
            continue
        taken.append(box)
        canvas.draw.rectangle(box, fill=BACKGROUND)
        bold = mark.kind is MarkKind.NEXT
        colour = COLOURS[mark.kind] if bold else MUTED
        canvas.text((x, y + 22), mark.text, 22, "date", bold=bold, fill=colour, anchor="ma")


def _spread(lane: Lane, axis: _Axis) -> dict[Mark, float]:
    """Where each mark's shape goes: marks of one day side by side, centred on the day."""
    by_day: dict[date, list[Mark]] = {}
    for mark in lane.marks:
        by_day.setdefault(mark.day, []).append(mark)
    at: dict[Mark, float] = {}
    for day, marks in by_day.items():
        for n, mark in enumerate(marks):
            at[mark] = axis.x(day) + (n - (len(marks) - 1) / 2) * 26
    return at


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _glyph(draw: Pen, kind: MarkKind, x: float, y: float) -> None:
    """Each kind of mark has its own shape, so the picture reads without colour too."""
    colour = COLOURS[kind]
    white = BACKGROUND
    if kind is MarkKind.INTERVIEW:
        draw.ellipse([(x - 13, y - 13), (x + 13, y + 13)], fill=colour)
    elif kind is MarkKind.THANK_YOU_SENT:
        draw.ellipse([(x - 11, y - 11), (x + 11, y + 11)], fill=colour)
        draw.line([(x - 6, y), (x - 1, y + 5), (x + 6, y - 5)], fill=white, width=3)
    elif kind is MarkKind.THANK_YOU_DUE:
        draw.ellipse([(x - 11, y - 11), (x + 11, y + 11)], fill=white, outline=colour, width=4)
    elif kind is MarkKind.FOLLOW_UP_SENT:
        draw.polygon([(x, y - 14), (x + 14, y), (x, y + 14), (x - 14, y)], fill=colour)
    elif kind is MarkKind.FOLLOW_UP_DUE:
        points = [(x, y - 14), (x + 14, y), (x, y + 14), (x - 14, y)]
        draw.polygon(points, fill=white, outline=colour, width=4)
    elif kind is MarkKind.DECISION:
        draw.rectangle([(x - 11, y - 11), (x + 11, y + 11)], fill=white, outline=colour, width=4)
    else:  # the next step: a flag-like triangle pointing on
        draw.polygon([(x - 10, y - 16), (x + 16, y), (x - 10, y + 16)], fill=colour)


def _legend_rows(board: Board) -> list[list[tuple[MarkKind, str, int]]]:
    """The legend's entries (kind, name, width) in rows that fit the picture's width."""
    rows: list[list[tuple[MarkKind, str, int]]] = [[]]
    x = MARGIN
    for kind, name in board.legend:
        box = _font(22).getbbox(name)
        width = int(box[2]) + 50
        if x + width > WIDTH - MARGIN and rows[-1]:
            rows.append([])
            x = MARGIN
        rows[-1].append((kind, name, width))
        x += width + 18
    return rows if rows[0] else []


def _footer(
    canvas: _Canvas,
    board: Board,
    rows: list[list[tuple[MarkKind, str, int]]],
    plot_bottom: int,
) -> None:
    """The legend (each mark's shape and name), and how many interviews are left off."""
    y = plot_bottom + 70
    for row in rows:
        x = MARGIN
        for kind, name, width in row:
            _glyph(canvas.draw, kind, x + 14, y + 12)
            canvas.text((x + 36, y), name, 22, "legend", fill=MUTED)
            x += width + 18
        y += 40
    if board.more_line:
        canvas.text((MARGIN, y + 4), board.more_line, 24, "more", fill=MUTED)


_pool: ThreadPoolExecutor | None = None


async def render(board: Board, time_limit: float = TIME_LIMIT) -> Drawn:
    """Draw off the event loop, in a worker thread; TimeoutError past `time_limit` seconds."""
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="board")
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Any] = loop.run_in_executor(_pool, draw, board)
    return await asyncio.wait_for(future, time_limit)  # type: ignore[no-any-return]
