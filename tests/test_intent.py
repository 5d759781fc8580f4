"""Which messages are "should I chase them yet?" or "I heard back", in many phrasings."""

from __future__ import annotations

import pytest

from content import load_content
from followup.intent import Phrasebook, asks_about_chasing, mentioned_company, reports_news

CONTENT = load_content()
BOOK = Phrasebook.from_text(
    *(CONTENT.label(f"phrases.{key}") for key in
      ("chase_verbs", "chase_cues", "chase_excludes", "chase_subjects", "heard"))
)  # fmt: skip

CHASE_QUESTIONS = [
    "should I chase them yet?", "can I follow up now", "is it too early to email them",
    "when should I chase", "shall I ring the recruiter?", "should i chase", "Should I follow up?",
    "can I chase the recruiter", "is it ok to email them now?", "is it too soon to call?",
    "when can I follow up?", "shuold I chse them yet", "shold i folow up",
    "can i email the hiring manager yet", "should I nudge them?", "is now a good time to follow up",
    "time to chase?", "do I chase them now or wait?", "when do I follow up with Acme?",
    "should I call the recruiter yet", "can I ring them", "is it too early to chase",
    "should I send a follow-up email?", "may I contact them again", "is it okay to chase now",
    "too early to follow up?", "Should I chase Acme?", "should I write to them yet?",
    "should I contact the recruiter", "could I follow up today?", "would it be ok to email them?",
    "when is it ok to chase?", "is it worth chasing them", "should I check in with them",
    "chase them yet?", "follow up now?", "should I ping them", "Can I get in touch with them yet?",
    "should i email them again", "when should I contact them", "SHOULD I CHASE THEM YET",
    "is it too early to reach out?",
]  # fmt: skip
ORDINARY = [
    "I had an interview today", "they called me yesterday", "what's the weather like",
    "can you help me", "call me maybe", "I followed the instructions", "the recruiter called",
    "should I wear a tie", "when is my interview", "hello", "thanks!", "I sent the thank-you email",
    "should I send a thank you email", "my interview went well", "how do I log an interview",
    "what can you do", "I chased them last week", "she emailed me back",
    "can I change my time zone", "I want to cancel", "The recruiter will call me tomorrow",
    "when did they call me",
    "should I accept the offer?", "is it raining", "should I negotiate the salary",
    "Acme", "data analyst", "yesterday 3pm", "tomorrow 14:00", "yes", "no", "skip", "good",
    "Met Priya, she asked about scaling", "how long does a decision usually take?",
    "who was the interviewer", "I am nervous", "what time is it in Berlin", "can I see my notes",
    "when did I last follow up", "x" * 5000, "",
]  # fmt: skip
NEWS = [
    "they called", "I got the job!", "they said no", "I heard back from Acme", "got an offer",
    "They rang me this morning", "they rejected me", "I didn't get it", "I've been invited to a "
    "second interview", "they emailed back", "I withdrew", "next round!",
]  # fmt: skip
NOT_NEWS = ["should I chase them yet?", "hello", "I had an interview", "when will they call"]


@pytest.mark.parametrize("text", CHASE_QUESTIONS)
def test_chase_questions_are_recognised(text: str) -> None:
    assert asks_about_chasing(text, BOOK)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_messages_are_not_mistaken(text: str) -> None:
    assert not asks_about_chasing(text, BOOK)


@pytest.mark.parametrize("text", NEWS)
def test_news_is_recognised(text: str) -> None:
    assert reports_news(text, BOOK)


@pytest.mark.parametrize("text", NOT_NEWS)
def test_other_messages_are_not_news(text: str) -> None:
    assert not reports_news(text, BOOK)


def test_lists_are_long_enough() -> None:
    assert len(CHASE_QUESTIONS) >= 40 and len(ORDINARY) >= 40


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("should I chase Acme?", "Acme Ltd"),
        ("should I chase acme ltd", "Acme Ltd"),
        ("can I follow up with Globex", "Globex"),
        ("should I chase them?", None),
    ],
)
def test_the_company_named_is_found(text: str, expected: str | None) -> None:
    assert mentioned_company(text, ["Acme Ltd", "Globex"]) == expected
