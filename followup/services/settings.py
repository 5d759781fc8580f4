"""A user's choices: pausing nudges, a blocked bot, where they are, how drafts are signed, tips.

A change of zone or country re-plans every nudge: the days and hours they fall on have moved.
"""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

from followup.core.model import UserSettings
from followup.services.planning import replan_user, wake_for_user
from followup.services.ports import Ports


async def pause(ports: Ports, settings: UserSettings) -> bool:
    """Keep every nudge, send none; False when they were paused already."""
    if settings.paused:
        return False
    # Kept pending: the queue passes over a paused user's nudges until they resume.
    await ports.repo.save_settings(replace(settings, paused=True))
    return True


async def resume(ports: Ports, settings: UserSettings) -> bool:
    """The kept nudges go out again; False when they were not paused."""
    if not settings.paused:
        return False
    await ports.repo.save_settings(replace(settings, paused=False))
    await wake_for_user(ports, settings.user_id)
    return True


async def notice_return(ports: Ports, user_id: int) -> bool:
    """A user who had blocked the bot wrote again: they are back, so are their nudges."""
    settings = await ports.repo.settings(user_id)
    return settings is not None and await come_back(ports, settings)


async def come_back(ports: Ports, settings: UserSettings) -> bool:
    """`notice_return` for settings just read: False when they had not blocked the bot."""
    if not settings.blocked:
        return False
    await ports.repo.save_settings(replace(settings, blocked=False))
    if not settings.paused:
        await wake_for_user(ports, settings.user_id)
    return True


async def mark_blocked(ports: Ports, user_id: int) -> None:
    """The user blocked the bot: keep their nudges, send none until they write again."""
    settings = await ports.repo.settings(user_id)
    if settings is not None and not settings.blocked:
        await ports.repo.save_settings(replace(settings, blocked=True))


async def set_zone(ports: Ports, settings: UserSettings, zone: str) -> UserSettings:
    """Their time zone, confirmed; a new one keeps typed clock times and re-plans."""
    placed = replace(settings, timezone=zone, zone_confirmed=True)
    await ports.repo.save_settings(placed)
    if zone != settings.timezone:
        await replan_user(ports, settings.user_id, old_zone=ZoneInfo(settings.timezone))
    return placed


async def set_country(ports: Ports, settings: UserSettings, code: str) -> UserSettings:
    """Whose public holidays their working days follow; a new calendar re-plans."""
    chosen = replace(settings, country=code)
    await ports.repo.save_settings(chosen)
    if code != settings.country:
        await replan_user(ports, settings.user_id)
    return chosen


async def set_sender_name(ports: Ports, settings: UserSettings, name: str) -> UserSettings:
    """How their email drafts are signed."""
    signed = replace(settings, sender_name=name)
    await ports.repo.save_settings(signed)
    return signed


async def add_tip(ports: Ports, settings: UserSettings, tip: str) -> UserSettings:
    """Keep the user's own follow-up tip with their data."""
    kept = replace(settings, tips=(*settings.tips, tip))
    await ports.repo.save_settings(kept)
    return kept
