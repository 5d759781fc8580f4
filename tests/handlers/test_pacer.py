"""Messages to one chat are spaced; different chats don't wait for each other."""

from __future__ import annotations

import asyncio

from followup.telegram.pacer import ChatPacer


async def test_one_chat_is_spaced_and_others_are_not() -> None:
    loop = asyncio.get_running_loop()
    pacer = ChatPacer(interval=0.05)
    times: dict[int, list[float]] = {1: [], 2: []}

    async def send(chat: int) -> None:
        await pacer.wait_turn(chat)
        times[chat].append(loop.time())

    start = loop.time()
    await asyncio.gather(*(send(1) for _ in range(4)), send(2))
    gaps = [b - a for a, b in zip(times[1], times[1][1:], strict=False)]
    assert len(gaps) == 3 and all(gap >= 0.045 for gap in gaps)
    assert times[2][0] - start < 0.04
