"""Questions about an offer: which part of answering it each one is about."""

import pytest

from content import load_content
from followup.core.intent import OfferQuestion, Topic, offer_question, understand
from followup.core.phrase_lists import PHRASE_LISTS
from followup.core.phrasebook import Phrasebook

CONTENT = load_content()
BOOK = Phrasebook.from_lists({name: CONTENT.label(f"phrases.{name}") for name in PHRASE_LISTS})

CASES = {
    OfferQuestion.NEGOTIATE: [
        "how do I negotiate?", "is the salary negotiable?", "should I counter?",
        "can I ask for more money?", "how do i negociate salary", "is it rude to negotiate?",
        "can I negotiate the start date?",
    ],
    OfferQuestion.ACCEPT: [
        "how do I accept?", "should I accept the offer?", "how do I say yes to the offer?",
        "should I take the job?",
    ],
    OfferQuestion.DECLINE: [
        "how do I turn it down?", "how to turn down an offer politely",
        "how do I decline the offer",
    ],
    OfferQuestion.MORE_TIME: [
        "can I ask for more time?", "how long can I take to decide?",
        "they gave me until friday, can I ask for an extension?",
    ],
    OfferQuestion.IN_WRITING: [
        "should I get it in writing?", "should I wait for the written offer?",
        "got a verbal offer, what do I do?",
    ],
    OfferQuestion.GENERAL: ["how do I answer an offer?", "how do I respond to a job offer"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("question", "part"), [(q, part) for part, questions in CASES.items() for q in questions]
)
def test_each_offer_question_is_read_for_its_part(question: str, part: OfferQuestion) -> None:
    assert understand(question, BOOK) is Topic.OFFER, question
    assert offer_question(question, BOOK) is part, question
