"""The drawing library is loaded only when the first picture is drawn, and drawing has a limit."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest

from followup.ops import board_picture
from tests.support.board_samples import sample


def test_starting_the_bot_does_not_load_the_drawing_library() -> None:
    code = (
        "import sys, bot, handlers, followup.ops.board_picture\n"
        "assert 'PIL' not in sys.modules and 'matplotlib' not in sys.modules, 'loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


async def test_a_picture_not_drawn_in_time_is_given_up() -> None:
    board = sample("five")[0]
    with pytest.raises(TimeoutError):
        await board_picture.render(board, time_limit=0.000001)
    drawn = await board_picture.render(board)
    assert drawn.png.startswith(b"\x89PNG")
    await asyncio.sleep(0)
