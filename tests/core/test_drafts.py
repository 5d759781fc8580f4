"""Ready-to-copy drafts: safe, personal, signed, and well formed for every kind of notes."""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from content import Content, load_content
from followup.core.chase_draft import chase_email
from followup.core.drafts import Draft
from followup.core.feedback_notes import feedback_summary, notes_digest
from followup.core.model import Interview, Rating
from followup.core.notes import Topic, TopicKind, greeting_name, interviewers, topics
from followup.core.offer_drafts import (
    CounterAsk,
    accept_offer,
    ask_for_time,
    counter_offer,
    decline_offer,
)
from followup.core.reply_drafts import rejection_reply, written_offer_request
from followup.core.thank_you_draft import thank_you_email
from tests.support.note_sets import NOTE_SETS, NoteSet

TODAY = date(2026, 12, 2)
FIRST_SENT = date(2026, 12, 2)
SENDER = "Jo Bloggs"
RECRUITER = "Sam Jones"


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def interview(**changes: Any) -> Interview:
    base = Interview(
        id="i1",
        user_id=7,
        company="Acme Analytics",
        when=datetime(2026, 11, 24, 10, 0, tzinfo=UTC),  # a Tuesday
        created=datetime(2026, 11, 24, 12, 0, tzinfo=UTC),
    )
    return dataclasses.replace(base, **changes)


# What a user never wants to paste: each pattern is a way the words can come out broken.
BROKEN = (
    "None", "{", "}", "<", ">", "next time.", "next time?", " ,", " .", " ?", " :", "..", "?.",
    ".?", ",.", ".,", ",,", "??", "…?", "….", "  ", "\n\n\n", " \n", "Subject:", "the the ",
    "a a ", "to to ", "about about", "you you", "your your", "role role", "…",
)  # fmt: skip
LOWER_START = re.compile(r"(?:^|[.!?]\s+|\n)(?P<word>[a-z]\w*)")

# (route, role, sender): both routes, with and without a role and a name to sign with.
SHAPES = (
    (False, "Data Analyst", SENDER),
    (False, None, None),
    (True, "Platform Engineer", None),
    (True, None, SENDER),
)


def rendered(note_set: NoteSet, content: Content) -> Iterator[tuple[str, str | None, Draft]]:
    """Every draft kind for one note set: (kind, who it greets, the draft), in every shape."""
    for agency, role, sender in SHAPES:
        item = interview(
            notes=note_set.notes,
            role=role,
            via_agency=agency,
            recruiter=RECRUITER if agency else None,
            decision_date=date(2026, 11, 27) if role else None,
            outside_hours=sender is None,
        )
        people = interviewers(item.notes, recruiter=item.recruiter)
        direct_contact = people[0] if people else None
        contact = RECRUITER if agency else direct_contact
        for person in people or [None]:
            yield (
                "thank_you",
                person,
                thank_you_email(item, content, sender=sender, interviewer=person),
            )
        for topic in topics(item.notes, recruiter=item.recruiter):
            draft = thank_you_email(
                item, content, sender=sender, interviewer=direct_contact, topic=topic
            )
            yield "thank_you", direct_contact, draft
        chase = chase_email(item, content, TODAY, sender=sender)
        yield "chase", contact, chase
        for sent in (FIRST_SENT, None):
            second = chase_email(item, content, TODAY, sender=sender, second=True, first_sent=sent)
            yield "second_chase", contact, second
        yield "rejection", contact, rejection_reply(item, content, sender=sender)
        yield "offer", contact, written_offer_request(item, content, sender=sender)
        yield "accept", contact, accept_offer(item, content, sender=sender)
        yield "decline", contact, decline_offer(item, content, sender=sender)
        yield "more_time", contact, ask_for_time(item, content, sender=sender)
        asks = list(CounterAsk) if agency else [CounterAsk.SALARY]
        figure = "£55,000" if role else None
        yield "counter", contact, counter_offer(item, content, asks, figure=figure, sender=sender)


def sign_with(body: str) -> str | None:
    return body.rsplit("\n", 1)[-1] if not body.endswith(",") else None


@pytest.mark.parametrize("note_set", NOTE_SETS, ids=[n.name for n in NOTE_SETS])
def test_every_draft_from_every_note_set_is_safe_signed_and_well_formed(
    note_set: NoteSet, content: Content
) -> None:
    thank_yous = []
    # Our own words may say "salary" (the written offer asks for it); words from the notes may not.
    ours: dict[str, str] = {}
    for kind, _, plain in rendered(NoteSet("blank", None), content):
        ours[kind] = f"{ours.get(kind, '')}\n{plain.subject}\n{plain.body}".lower()
    for kind, person, draft in rendered(note_set, content):
        where = (kind, person, draft.body)
        text = f"{draft.subject}\n{draft.body}".lower()
        for fragment in note_set.forbidden:
            leaked = fragment.lower() in text and fragment.lower() not in ours[kind]
            assert not leaked, (fragment, *where)
        for pattern in BROKEN:
            assert pattern not in draft.body, (pattern, *where)
            assert pattern not in draft.subject, (pattern, *where)
        lower = LOWER_START.search(draft.body)
        assert lower is None, (lower and lower.group("word"), *where)
        assert draft.subject and "\n" not in draft.subject and draft.subject[0].isupper(), where
        assert draft.subject not in draft.body, where
        assert 60 <= len(draft.body.split()) <= 150, (len(draft.body.split()), *where)
        greeting = draft.body.split("\n", 1)[0]
        name = greeting_name(person)
        assert greeting == (f"Hi {name}," if name else "Hello,"), where
        assert draft.body.endswith(("Best regards,", f"Best regards,\n{SENDER}")), where
        if kind == "thank_you":
            thank_yous.append(draft.body)
    for fragment in note_set.expected:
        assert any(fragment in body for body in thank_yous), fragment


def test_the_note_sets_cover_enough_ground(content: Content) -> None:
    drafts = [draft for note_set in NOTE_SETS for draft in rendered(note_set, content)]
    assert len(NOTE_SETS) >= 60
    assert len(drafts) >= 60 * 6 * len(SHAPES)
    assert {kind for kind, _, _ in drafts} == {
        "thank_you", "chase", "second_chase", "rejection", "offer", "accept", "decline",
        "more_time", "counter",
    }  # fmt: skip


@pytest.mark.parametrize("note_set", NOTE_SETS, ids=[n.name for n in NOTE_SETS])
def test_interviewers_are_everyone_the_notes_name(note_set: NoteSet) -> None:
    assert interviewers(note_set.notes) == list(note_set.people)


# Golden examples: what the user gets, word for word.


def test_golden_thank_you_to_the_one_who_said_it(content: Content) -> None:
    item = interview(
        role="Data Analyst",
        notes="Met Anna and Sam. Sam said the team is doubling. The panel was rude tbh.",
    )
    draft = thank_you_email(item, content, sender="Jo", interviewer="Sam")
    assert draft.subject == "Thank you – Data Analyst interview"
    assert draft.body == (
        "Hi Sam,\n\n"
        "Thank you for taking the time to meet me and talk about the Data Analyst role. I enjoyed "
        "our conversation, and it left me even keener to join Acme Analytics.\n\n"
        "You mentioned the team is doubling, and I'd be glad to hear more about that.\n\n"
        "If it would help to see examples of my work or to talk anything through further, just "
        "let me know. Thanks again, and I look forward "
        "to hearing from you.\n\n"
        "Best regards,\nJo"
    )


def test_golden_thank_you_with_the_users_own_question(content: Content) -> None:
    item = interview(
        notes="- salary lower than advertised :(\n- I want to ask about the team size next time",
        outside_hours=True,
    )
    draft = thank_you_email(item, content, sender="Jo")
    assert draft.subject == "Thank you for the interview"
    assert draft.body == (
        "Hello,\n\n"
        "Thank you for taking the time to meet me. I enjoyed our conversation, and it left me even "
        "keener to join Acme Analytics. I'm especially grateful that you made room for me outside "
        "the usual working day.\n\n"
        "If you have a moment, could you tell me a little more about the team size?\n\n"
        "If it would help to see examples of my work or to talk anything through further, just "
        "let me know. Thanks again, and I look forward "
        "to hearing from you.\n\n"
        "Best regards,\nJo"
    )


def test_golden_thank_you_asks_the_question_as_written(content: Content) -> None:
    item = interview(notes="Met Priya. my question: whats their release cadence?")
    draft = thank_you_email(item, content)
    assert "\n\nI also meant to ask: what's your release cadence?\n\n" in draft.body
    assert draft.body.startswith("Hi Priya,\n\n")
    assert draft.body.endswith("\n\nBest regards,")


def test_golden_second_chase(content: Content) -> None:
    item = interview(role="Data Analyst", notes="Met Anna.")
    draft = chase_email(item, content, date(2026, 12, 9), second=True, first_sent=FIRST_SENT)
    assert draft.subject == "Re: Following up – Data Analyst interview"
    assert draft.body == (
        "Hi Anna,\n\n"
        "I'm writing again about the Data Analyst role, following my email of Wednesday 2 "
        "December. I know things get busy, so this is just a short note.\n\n"
        "I'm still keen on joining Acme Analytics, and I'm free for a call or any next step at a "
        "time that suits you. Is there any news on the timeline?\n\n"
        "Thank you, and I hope to hear from you soon.\n\n"
        "Best regards,"
    )


def test_golden_rejection_reply_through_an_agency(content: Content) -> None:
    item = interview(role="Data Analyst", via_agency=True, recruiter="Sam Jones")
    draft = rejection_reply(item, content, sender="Jo Bloggs")
    assert draft.subject == "Acme Analytics: Data Analyst application"
    assert draft.body == (
        "Hi Sam,\n\n"
        "Thanks for letting me know, and for putting me forward for the Data Analyst role at Acme "
        "Analytics. It isn't the news I'd hoped for, but I'm glad I had the chance to meet "
        "them.\n\n"
        "Did they give any feedback on my interview? Even a line or two would help me prepare for "
        "the next one.\n\n"
        "I'm still looking, so please keep me in mind for other roles that would suit me. Thanks "
        "again for your help.\n\n"
        "Best regards,\nJo Bloggs"
    )


def test_golden_written_offer_request(content: Content) -> None:
    item = interview(role="Data Analyst", notes="interviewers: Dr Priya Nair, Tom")
    draft = written_offer_request(item, content, sender="Jo")
    assert draft.subject == "Data Analyst offer – written details"
    assert draft.body == (
        "Hi Dr Nair,\n\n"
        "Thank you for letting me know about the offer for the Data Analyst role. I was very "
        "pleased to hear it, and grateful for your time throughout the process.\n\n"
        "So that I can look at everything properly, could you send me the offer in writing? It "
        "would help to have the details in one place: salary, start date, hours, holidays, "
        "benefits and any conditions.\n\n"
        "Could you also let me know by when you need my answer? I look forward to hearing from "
        "you.\n\n"
        "Best regards,\nJo"
    )


# The thank-you: one per interviewer, each with its own greeting and, where it can, its own topic.


def test_each_interviewer_gets_their_own_thank_you(content: Content) -> None:
    item = interview(
        notes="Met Anna, Raj and Ken. Raj said they deploy daily. Ask about the team size. "
        "Q: is there an on-call rota?"
    )
    bodies = {
        p: thank_you_email(item, content, interviewer=p).body for p in interviewers(item.notes)
    }
    assert bodies["Raj"].startswith("Hi Raj,") and "You mentioned you deploy daily" in bodies["Raj"]
    assert bodies["Anna"].startswith("Hi Anna,") and bodies["Ken"].startswith("Hi Ken,")
    # The others are not told what Raj said as if they had said it, and differ from each other.
    assert "deploy" not in bodies["Anna"] and "deploy" not in bodies["Ken"]
    assert bodies["Anna"].split("\n\n")[2] != bodies["Ken"].split("\n\n")[2]


def test_a_topic_picked_from_another_interviewer_names_who_said_it(content: Content) -> None:
    item = interview(notes="Met Anna and Sam. Sam said the team is doubling.")
    fact = topics(item.notes)[0]
    assert fact == Topic(TopicKind.FACT, "the team is doubling", "Sam: the team is doubling", "Sam")
    body = thank_you_email(item, content, interviewer="Anna", topic=fact).body
    assert "Sam mentioned the team is doubling, and I'd be glad to hear your thoughts" in body


def test_without_a_name_the_thank_you_says_hello_and_asks_generally(content: Content) -> None:
    body = thank_you_email(interview(notes="went ok i guess"), content).body
    assert body.startswith("Hello,\n\n")
    assert "what the first few months in the role would look like" in body


def test_next_steps_get_a_thank_you_line_and_are_never_quoted(content: Content) -> None:
    body = thank_you_email(interview(notes="Next round is a case study on Friday"), content).body
    assert "walking me through what happens next" in body
    assert "case study" not in body and "Friday" not in body


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        (
            "I want to ask about the team size next time",
            [(TopicKind.ABOUT, "the team size", "the team size?")],
        ),
        (
            "my question: what's the release cadence?",
            [(TopicKind.QUESTION, "what's the release cadence?", "what's the release cadence?")],
        ),
        (
            "Met Anna. They're moving to Snowflake next quarter.",
            [
                (
                    TopicKind.FACT,
                    "you're moving to Snowflake next quarter",
                    "They're moving to Snowflake next quarter",
                )
            ],
        ),
        (
            "want to know if they sponsor certifications",
            [
                (
                    TopicKind.WHETHER,
                    "whether you sponsor certifications",
                    "whether they sponsor certifications?",
                )
            ],
        ),
        (
            "- The Roadmap was discussed\n- discussed: The roadmap...",
            [(TopicKind.FACT, "the roadmap", "The roadmap")],
        ),
        (
            "We discussed Kubernetes!!",
            [],
        ),
        (
            "ask about team size. they use Rust. next step: a chat with the CEO. also ask about "
            "the roadmap",
            [
                (TopicKind.FACT, "you use Rust", "they use Rust"),
                (TopicKind.ABOUT, "team size", "team size?"),
                (TopicKind.NEXT_STEPS, "", "next step: a chat with the CEO"),
            ],
        ),
    ],
)
def test_topics_offer_up_to_three_safe_things_with_short_labels(
    notes: str, expected: list[tuple[TopicKind, str, str]]
) -> None:
    assert [(t.kind, t.text, t.label) for t in topics(notes)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The panel was rude",
        "They said the salary is lower than advertised",
        "they seemed bored",
        "I messed up the SQL bit",
        "weird vibe from the manager",
        "felt like a done deal for someone internal",
        "the team is great!",
        "they're a mess tbh",
        "the office looked tired",
        "they were 20 min late",
        "the role pays 45k",
        "they offer 25 days holiday",
        "the recruiter said they loved me",
        "he said his team is growing",
        "we talked about my gap year",
        "ask about my notice period",
        "ask about the bonus",
        "did they like me?",
        "why was she so cold?",
        "the last guy quit after 3 months",
        "they're interviewing 5 other candidates",
        "they have layoffs planned apparently",
        "the team works long hours and overtime is normal",
        "hate the commute",
        "was I too nervous?",
        "they don't seem to know what they want",
        "they're moving to Leeds 😬",
        "they said the team is growing fast :(",
        "Talked about the <b>data</b> team",
        "honestly the team is huge",
        "they only hire seniors",
        "they said the role might be cancelled",
        "the role is new, created after a reorg",
        "Anna talked about herself the whole time",
        "they mentioned the team had a rough year",
        "ask how on-call is compensated",
        "what happened to the last person?",
        "team is all men",
        "they want someone who can hit the ground running",
        "they're looking for a senior who can lead",
        "why is the role open?",
        "will they sponsor a visa?",
        "Role is more support than dev",
        "there's no on-call",
    ],
)
def test_private_impressions_never_become_topics(sentence: str) -> None:
    assert topics(sentence) == []
    assert topics(f"Met Anna. {sentence}. Met Tom.") == []


@pytest.mark.parametrize(
    ("notes", "people"),
    [
        ("Met Anna and Raj", ["Anna", "Raj"]),
        ("Sam said the team is doubling", ["Sam"]),
        ("interviewers: Dr Lee, Priya", ["Dr Lee", "Priya"]),
        ("panel with Tom, Jo and Ken", ["Tom", "Jo", "Ken"]),
        ("Met the CTO, HR and the team", []),
        ("met the whole team", []),
        ("Met CTO and HR", []),
        ("Meteor talk", []),
        ("Nice chat with Anna", []),
        ("Met Anna Smith. Anna said the role is new.", ["Anna Smith"]),
        ("met with Zoë O'Brien-Smith", ["Zoë O'Brien-Smith"]),
        ("Met Mrs Jones", ["Mrs Jones"]),
        ("Long chat.\nInterviewer was Tom", ["Tom"]),
        ("interviewer - kofi", ["Kofi"]),
        ("Met Anna (head of data) and Raj", ["Anna", "Raj"]),
        ("Met Tom B. and Jo", ["Tom B", "Jo"]),
        ("Met on Monday with Ken", []),
        ("Met Anna on Friday", ["Anna"]),
        ("Recruiter (Sam) said it went well. Sam said the client is keen.", []),
        ("Met Anna, the head of data, and Raj", ["Anna", "Raj"]),
        ("Met two engineers, Li and Ola", ["Li", "Ola"]),
        ("Met the team: Li, Ola and Ken", ["Li", "Ola", "Ken"]),
        ("Met Google's Anna", ["Anna"]),
        ("1st round with Priya and Dev", ["Priya", "Dev"]),
        ("Spoke with the CTO, Marcus", ["Marcus"]),
        ("Then Ken asked me about SQL", ["Ken"]),
        ("Met Sam (recruiter) and then Anna", ["Anna"]),
        ("my recruiter Sam said it went well. Met Anna.", ["Anna"]),
        ("Interviewed by a panel of 3: Anna, Raj and Ken", ["Anna", "Raj", "Ken"]),
        ("Met CTO Raj and CFO Ken", ["Raj", "Ken"]),
        ("Met Sarah-Jane and Mary Ann", ["Sarah-Jane", "Mary Ann"]),
        ("Met José and Zoë", ["José", "Zoë"]),
        ("Met Anna and Anna Smith", ["Anna"]),
        (None, []),
    ],
)
def test_interviewers_from_notes(notes: str | None, people: list[str]) -> None:
    assert interviewers(notes) == people


@pytest.mark.parametrize(
    "notes",
    [
        "Met " + "Anna" * 2000 + ". " + "x" * 5000,
        "Met " + " " * 5000 + "Anna",
        "\n \n \t" * 3000,
        "Met Anna" + ", Anna" * 1000,
        "Sam said " + "they " * 2000,
        "Recruiter " * 2000,
        "Met Anna 😀" * 1000,
        "Aa" * 10000,
    ],
)
def test_pathological_notes_are_read_quickly(notes: str) -> None:
    # Generous bound on a shared machine; a regex that backtracks takes seconds here, not ms.
    started = time.thread_time()  # CPU time: other processes on a busy machine don't count
    interviewers(notes)
    topics(notes)
    assert time.thread_time() - started < 2.0


def test_the_recruiter_is_not_an_interviewer() -> None:
    notes = "Met Sam and Anna. Sam said the team is doubling."
    assert interviewers(notes, recruiter="Sam Jones") == ["Anna"]


@pytest.mark.parametrize(
    ("name", "greeted"),
    [
        ("Anna Smith", "Anna"),
        ("Dr Priya Nair", "Dr Nair"),
        ("Dr. Okafor", "Dr. Okafor"),
        ("  Sam ", "Sam"),
        ("", None),
        (None, None),
    ],
)
def test_greeting_name(name: str | None, greeted: str | None) -> None:
    assert greeting_name(name) == greeted


# The chases.


def test_the_second_chase_is_new_words_pointing_back_to_the_first(content: Content) -> None:
    item = interview(role="Data Analyst", decision_date=date(2026, 11, 27), notes="Met Anna.")
    first = chase_email(item, content, TODAY)
    second = chase_email(item, content, date(2026, 12, 9), second=True, first_sent=FIRST_SENT)
    sentences = set(re.split(r"(?<=[.?!])\s+", first.body))
    shared = sentences & set(re.split(r"(?<=[.?!])\s+", second.body))
    assert shared <= {"Hi Anna,", "Best regards,"}, shared
    assert "my email of Wednesday 2 December" in second.body
    assert len(second.body.split()) < len(first.body.split())
    assert second.subject == f"Re: {first.subject}"


def test_the_second_chase_dates_the_first_from_the_logged_follow_up(content: Content) -> None:
    item = interview(chases=(datetime(2026, 12, 2, 23, 30, tzinfo=UTC),))
    zone = ZoneInfo("Australia/Sydney")
    text = chase_email(item, content, date(2026, 12, 10), zone=zone, second=True).body
    assert "following my email of Thursday 3 December" in text


def test_the_second_chase_on_the_agency_route_goes_to_the_recruiter(content: Content) -> None:
    item = interview(via_agency=True, recruiter="Sam Jones", notes="Met Anna.")
    text = chase_email(item, content, TODAY, second=True, first_sent=date(2026, 11, 30)).body
    assert text.startswith("Hi Sam,")
    assert "following my note of Monday 30 November" in text
    assert "Have you had any word on their timeline?" in text


def test_chase_names_the_role_the_day_and_the_decision_date(content: Content) -> None:
    item = interview(role="Data Analyst", decision_date=date(2026, 11, 27))
    text = chase_email(item, content, TODAY).body
    assert "our conversation on Tuesday 24 November about the Data Analyst role" in text
    assert "you hoped to decide by Friday 27 November" in text


def test_chase_on_the_agency_route_talks_about_the_company(content: Content) -> None:
    item = interview(via_agency=True, recruiter="Sam", decision_date=date(2026, 11, 27))
    draft = chase_email(item, content, TODAY)
    assert "my interview with Acme Analytics on Tuesday 24 November" in draft.body
    assert "they hoped to decide by Friday 27 November" in draft.body
    assert draft.subject == "Following up on my interview"


def test_chase_shows_days_in_the_users_zone_and_the_year_when_it_differs(content: Content) -> None:
    late = interview(when=datetime(2026, 11, 24, 23, 30, tzinfo=UTC))
    text = chase_email(late, content, date(2027, 1, 5), zone=ZoneInfo("Australia/Sydney")).body
    assert "Wednesday 25 November 2026" in text


@pytest.mark.parametrize(
    ("item", "greeting"),
    [
        (interview(via_agency=True, recruiter="Sam Jones"), "Hi Sam,"),
        (interview(via_agency=True, recruiter="Dr Priya Nair"), "Hi Dr Nair,"),
        (interview(via_agency=True), "Hello,"),
        (interview(notes="Met Anna and Tom from data."), "Hi Anna,"),
        (interview(via_agency=True, notes="Met Anna."), "Hello,"),
        (interview(notes="met HR first"), "Hello,"),
    ],
)
def test_emails_greet_whoever_they_go_to(item: Interview, greeting: str, content: Content) -> None:
    for draft in (
        chase_email(item, content, TODAY),
        rejection_reply(item, content),
        written_offer_request(item, content),
    ):
        assert draft.body.split("\n", 1)[0] == greeting


def test_a_named_contact_overrides_the_notes(content: Content) -> None:
    item = interview(notes="Met Anna and Tom.")
    assert chase_email(item, content, TODAY, contact="Tom").body.startswith("Hi Tom,")


# Rejection reply and written offer request.


def test_rejection_reply_thanks_asks_for_feedback_and_leaves_the_door_open(
    content: Content,
) -> None:
    direct = rejection_reply(interview(role="Data Analyst"), content).body
    assert "Thank you for letting me know" in direct
    assert "feedback on my interview" in direct
    assert "future openings at Acme Analytics" in direct
    agency = rejection_reply(interview(via_agency=True, recruiter="Sam"), content).body
    assert "Did they give any feedback on my interview?" in agency
    assert "keep me in mind for other roles" in agency


def test_written_offer_request_asks_for_details_and_the_deadline(content: Content) -> None:
    direct = written_offer_request(interview(), content).body
    agency = written_offer_request(interview(via_agency=True), content).body
    for text in (direct, agency):
        assert "in writing" in text and "start date" in text and "my answer?" in text
    assert "could you ask them for the offer in writing?" in agency


# Sign-off, fields and the private call notes.


def test_sign_off_carries_the_senders_name_when_given(content: Content) -> None:
    text = thank_you_email(interview(), content, sender="  Jo   Bloggs ").body
    assert text.endswith("Best regards,\nJo Bloggs")
    assert chase_email(interview(), content, TODAY, sender="   ").body.endswith("Best regards,")


def test_role_and_company_read_cleanly_whatever_was_typed(content: Content) -> None:
    item = interview(role="the Data Analyst role", company="Acme Inc.")
    text = chase_email(item, content, TODAY).body
    assert "about the Data Analyst role." in text
    assert "joining Acme Inc." in text


def test_every_draft_fits_with_huge_fields(content: Content) -> None:
    item = interview(
        company="Acme " * 1000,
        role="Lead " * 1000,
        recruiter="Sam" * 1000,
        via_agency=True,
        notes="Met " + "Anna" * 2000 + ". " + "x" * 5000,
        decision_date=date(2026, 11, 27),
        rating=Rating.MIXED,
        outside_hours=True,
    )
    drafts = [
        thank_you_email(item, content),
        chase_email(item, content, TODAY),
        chase_email(item, content, TODAY, second=True),
        rejection_reply(item, content),
        written_offer_request(item, content),
    ]
    for draft in drafts:
        assert len(draft.body) <= 1500 and len(draft.subject) <= 200
        assert "  " not in draft.body


@pytest.mark.parametrize(
    ("rating", "word"), [(1, "rough"), (2, "mixed"), (3, "good"), (4, "great")]
)
def test_feedback_summary_says_how_it_went(rating: int, word: str, content: Content) -> None:
    text = feedback_summary(interview(rating=Rating(rating)), content)
    assert f"How it went: {word}" in text
    assert ("didn't land" in text) == (rating <= 2)


def test_feedback_summary_is_private_so_it_keeps_the_notes(content: Content) -> None:
    item = interview(role="Data Analyst", notes="Met Anna.\n- Live SQL test\n- panel   was rude")
    lines = feedback_summary(item, content).splitlines()
    assert lines[0] == "Feedback call: Acme Analytics, Data Analyst"
    assert "• What you noted: Met Anna. Live SQL test; panel was rude" in lines
    for prompt in ("interested", "put to the client", "clarify"):
        assert any(prompt in line for line in lines)


def test_feedback_summary_without_notes_prompts_to_jot_some_down(content: Content) -> None:
    text = feedback_summary(interview(), content)
    assert "jot down" in text
    assert "What you noted" not in text


def test_notes_digest_is_one_short_line() -> None:
    digest = notes_digest("They are rebuilding the data platform from scratch " * 80)
    assert len(digest) <= 150
    assert "\n" not in digest
    assert digest.endswith("…")
    assert notes_digest(None) == notes_digest("  \n ") == ""
