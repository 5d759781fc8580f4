"""A user's calendar subscription: make, replace or turn off the link; draw the feed for a token.

The feed is drawn from the store at each request, from the records /status reads (the
interviews and their pending nudges), so it changes the moment a plan changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from followup.core.calendar_feed import (
    FeedLink,
    FeedWords,
    feed_events,
    matches,
    new_token,
    next_sequences,
    render_feed,
    token_digest,
    well_formed,
)
from followup.core.model import UserSettings, new_id
from followup.services.ports import Ports


async def current_link(ports: Ports, user_id: int) -> FeedLink | None:
    """The user's live link (its digest only: the address itself is not kept)."""
    return await ports.repo.feed_link(user_id)


async def new_link(ports: Ports, user_id: int) -> tuple[FeedLink, str]:
    """A new secret token for the user, replacing any link they had: the link kept, and the
    token itself, to be shown once.

    The ledger of sequence numbers carries over, so a calendar that subscribes again never sees
    an event's number go back.
    """
    before = await ports.repo.feed_link(user_id)
    token = new_token()
    link = FeedLink(
        user_id=user_id,
        link_id=new_id(),
        token_hash=token_digest(token),
        created=ports.clock(),
        sequences=before.sequences if before else (),
    )
    await ports.repo.save_feed_link(user_id, link)
    return link, token


async def turn_off(ports: Ports, user_id: int) -> None:
    """No link any more: the address stops opening."""
    await ports.repo.save_feed_link(user_id, None)


@dataclass(frozen=True, slots=True)
class Subscriber:
    """Whose feed a token opens, and their settings (for their zone and language)."""

    link: FeedLink
    settings: UserSettings | None


async def subscriber(ports: Ports, token: str) -> Subscriber | None:
    """The owner of a presented token, or None (malformed, replaced, turned off, unknown)."""
    if not well_formed(token):
        return None
    link = await ports.repo.feed_link_by_digest(token_digest(token))
    if link is None or not matches(link, token):
        return None
    return Subscriber(link, await ports.repo.settings(link.user_id))


async def draw_feed(
    ports: Ports,
    user_id: int,
    settings: UserSettings | None,
    words: FeedWords,
    link: FeedLink | None = None,
) -> bytes | None:
    """The user's feed as iCalendar, as their plan stands now; None when it would be empty.

    With `link`, the SEQUENCE ledger kept with it is read and, when an event changed, written
    back (only while it is still the user's link).
    """
    interviews = await ports.repo.interviews(user_id)
    nudges = await ports.repo.nudges(user_id)
    events = feed_events(interviews, nudges, words, ports.timing.interview_length)
    numbers, ledger = next_sequences(events, link.sequences if link else ())
    if link is not None and ledger != link.sequences:
        await ports.repo.save_feed_sequences(user_id, link.link_id, ledger)
    if link is None and not events:
        return None
    zone = ports.place(settings).zone
    return render_feed(events, numbers, zone, words.calendar_name, ports.clock())
