"""Rounds: interviews with one company linked one after another read as one story."""

from __future__ import annotations

from followup.core.model import Interview


def chain_rounds(interviews: list[Interview]) -> list[list[Interview]]:
    """Interviews (newest first) grouped into chains of linked rounds, each oldest round first;
    the chains come in the order of their latest rounds. An interview no later round follows
    ends a chain; a link to a deleted round starts one."""
    by_id = {interview.id: interview for interview in interviews}
    followed = {i.round_of for i in interviews if i.round_of in by_id}
    chains: list[list[Interview]] = []
    for latest in interviews:
        if latest.id in followed:
            continue  # met again as an earlier round of its chain
        chain = [latest]
        seen = {latest.id}
        while chain[0].round_of in by_id and chain[0].round_of not in seen:
            chain.insert(0, by_id[chain[0].round_of])  # type: ignore[index]
            seen.add(chain[0].id)
        chains.append(chain)
    return chains
