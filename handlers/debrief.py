"""The "how did it go?" flow: log an interview one short question at a time.

Each question has inline buttons for the common answers; typed answers always work too. Its
entry points live in debrief_start.py, the questions in debrief_asking.py, the reading of
answers in debrief_answers.py; this module wires them into one flow of the dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from followup.core import tapped
from followup.core.debrief import Step
from followup.core.phrasebook import Phrasebook
from handlers import callback_data as cb
from handlers import unfinished
from handlers.choose import TextMatches
from handlers.debrief_answers import button_answer, choice_button, typed_answer
from handlers.debrief_asking import ACTION, ask_open_question, state_of
from handlers.debrief_start import (
    carry_on,
    start_check_in,
    start_debrief,
    start_named,
    start_next_round,
    typed_yes_to_offer,
)
from handlers.dialog import Flow


def build_debrief_flow(book: Callable[[], Phrasebook]) -> Flow:
    """The /new flow; persistent with the dialog, so a restart resumes at the open question."""
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    yes_or_no = TextMatches("yes_or_no", lambda t: tapped.yes_or_no(t, book()) is not None)

    def answers() -> list[BaseHandler]:  # type: ignore[type-arg]
        """Every debrief state takes every debrief answer: the draft says which question is
        open (button_answer checks the button is that question's), so a state left behind by
        a lost reply never turns a current button into a stale one."""
        return [
            MessageHandler(text, typed_answer),
            CallbackQueryHandler(choice_button, pattern=cb.pattern(ACTION, "pick")),
            *(CallbackQueryHandler(button_answer, pattern=cb.pattern(ACTION, s)) for s in Step),
        ]

    states = {state_of(step): answers() for step in Step}
    states.update(unfinished.build_states(carry_on))
    return Flow(
        entry_points=[
            CommandHandler("new", start_debrief),
            CallbackQueryHandler(start_debrief, pattern=cb.pattern(ACTION, "start")),
            CallbackQueryHandler(start_check_in, pattern=cb.pattern(ACTION, "checkin")),
            CallbackQueryHandler(start_named, pattern=cb.pattern(ACTION, "named")),
            CallbackQueryHandler(start_next_round, pattern=cb.pattern(ACTION, "round")),
        ],
        idle_only=[MessageHandler(text & yes_or_no, typed_yes_to_offer)],
        states=states,  # type: ignore[arg-type]
        reask={
            **{state_of(step): ask_open_question for step in Step},
            unfinished.LEAVING: unfinished.reask_leaving,
            unfinished.RESUMING: unfinished.reask_resuming,
        },
        on_cancel=unfinished.on_cancel,
    )
