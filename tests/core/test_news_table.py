"""Hundreds of messages typed the way people type in chats, each with the action it should lead to.

Each is read at idle and with a button question open (the rating, the agency question, a yes/no,
"did you send that follow-up?"), as the bot reads every message. The table prints its accuracy and
asserts two things: at least 95 % right, and no action ever taken on a wrong reading (a SURE that
is wrong). Asking back on a right reading is allowed; acting on a wrong one never is.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from content import load_content
from followup.core.news import Question
from followup.core.news_events import Event
from followup.core.phrase_lists import PHRASE_LISTS
from followup.core.phrasebook import Phrasebook
from tests.support.news_tables import (
    FRIDAY,
    TODAY,
    YESTERDAY,
    Buttons,
    Case,
    Row,
    button_cases,
    many_open,
    one_open,
    read_table,
    row_cases,
)

CONTENT = load_content()
BOOK = Phrasebook.from_lists({name: CONTENT.label(f"phrases.{name}") for name in PHRASE_LISTS})
ZONE = ZoneInfo("Europe/London")
ONE = one_open("Mike")  # one interview open
MANY = many_open("Mike", "Ramesh")
E = Event

# (message, interviews logged, expected): "none", "ask", ("act", event, company, day),
# ("button", value, question) — a button only means itself at its own question.
NEWS: list[Row] = [
    # offers
    ("I GOT THE JOB!!! 🎉", ONE, ("act", E.OFFER, "Acme", None)),
    ("got the job", ONE, ("act", E.OFFER, "Acme", None)),
    ("they offered me the job!!", ONE, ("act", E.OFFER, "Acme", None)),
    (
        "OMG ramesh just called, Infosys is giving me an offer!! 🎉🎉",
        MANY,
        ("act", E.OFFER, "Infosys", None),
    ),
    ("acme made me an offer", MANY, ("act", E.OFFER, "Acme", None)),
    ("globex offered me the role 😭😭", MANY, ("act", E.OFFER, "Globex", None)),
    ("got an offer from initech", MANY, ("act", E.OFFER, "Initech", None)),
    ("i got it!!", ONE, ("act", E.OFFER, "Acme", None)),
    ("im hired lol", ONE, ("act", E.OFFER, "Acme", None)),
    ("got a verbal offer from acme", MANY, ("act", E.OFFER, "Acme", None)),
    ("offer letter came thru from globex", MANY, ("act", E.OFFER, "Globex", None)),
    ("got the offer", MANY, "ask"),
    ("initech hired me", MANY, ("act", E.OFFER, "Initech", None)),
    ("they're extending an offer", ONE, ("act", E.OFFER, "Acme", None)),
    # rejections
    ("they said no", ONE, ("act", E.REJECTED, "Acme", None)),
    ("got rejected :(", ONE, ("act", E.REJECTED, "Acme", None)),
    ("acme rejected me", MANY, ("act", E.REJECTED, "Acme", None)),
    ("globex went with someone else", MANY, ("act", E.REJECTED, "Globex", None)),
    ("i didnt get the job", ONE, ("act", E.REJECTED, "Acme", None)),
    ("unfortunately i was unsuccessful", ONE, ("act", E.REJECTED, "Acme", None)),
    ("initech turned me down 😞", MANY, ("act", E.REJECTED, "Initech", None)),
    ("rejection email from acme today", MANY, ("act", E.REJECTED, "Acme", TODAY)),
    ("they're not moving forward with me", ONE, ("act", E.REJECTED, "Acme", None)),
    ("rejected", ONE, ("act", E.REJECTED, "Acme", None)),
    ("got rejected", MANY, "ask"),
    ("acme and globex both rejected me", MANY, "ask"),
    # withdrawals
    ("i withdrew", ONE, ("act", E.WITHDREW, "Acme", None)),
    ("I withdrew my application from globex", MANY, ("act", E.WITHDREW, "Globex", None)),
    ("pulled out of the initech process", MANY, ("act", E.WITHDREW, "Initech", None)),
    # next rounds
    ("mike called, acme wants me for a 2nd round!!", MANY, ("act", E.NEXT_ROUND, "Acme", None)),
    ("next round!", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    ("got a second interview!!", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    ("globex invited me back", MANY, ("act", E.NEXT_ROUND, "Globex", None)),
    ("im through to the final round w/ initech", MANY, ("act", E.NEXT_ROUND, "Initech", None)),
    ("shortlisted at acme!", MANY, ("act", E.NEXT_ROUND, "Acme", None)),
    ("they want to see me again", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    ("invited to an assessment centre", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    ("made it thru to the next stage", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    ("got through to the final round", MANY, "ask"),
    # interview moved
    (
        "globex moved my interview to wed 12/9 at 9:30am",
        MANY,
        ("act", E.MOVED, "Globex", date(2026, 12, 9)),
    ),
    ("acme rescheduled to thursday 3pm", MANY, ("act", E.MOVED, "Acme", date(2026, 12, 10))),
    ("they moved it to friday", ONE, ("act", E.MOVED, "Acme", date(2026, 12, 11))),
    ("interview got moved to tmrw 10am", ONE, ("act", E.MOVED, "Acme", date(2026, 12, 8))),
    (
        "initech postponed my interview to dec 14",
        MANY,
        ("act", E.MOVED, "Initech", date(2026, 12, 14)),
    ),
    ("they rescheduled", ONE, "ask"),
    ("globex moved it to 12/9", MANY, "ask"),
    ("acme pushed it back", MANY, "ask"),
    ("interview moved", MANY, "ask"),
    # follow-ups and thank-yous sent
    ("i sent the follow up to acme on friday", MANY, ("act", E.FOLLOW_UP_SENT, "Acme", FRIDAY)),
    ("followed up with globex yesterday", MANY, ("act", E.FOLLOW_UP_SENT, "Globex", YESTERDAY)),
    ("sent a follow up email today", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", TODAY)),
    ("chased them yday", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", YESTERDAY)),
    ("pinged the recruiter this morning", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", TODAY)),
    ("i followed up", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", None)),
    ("followed up", MANY, "ask"),
    ("sent my thank you note", ONE, ("act", E.THANK_YOU_SENT, "Acme", None)),
    (
        "sent the thank you to initech last night",
        MANY,
        ("act", E.THANK_YOU_SENT, "Initech", YESTERDAY),
    ),
    ("thanked them by email yesterday", ONE, ("act", E.THANK_YOU_SENT, "Acme", YESTERDAY)),
    ("sent a thank-you email to acme", MANY, ("act", E.THANK_YOU_SENT, "Acme", None)),
    ("sent thanks to the interviewers", ONE, ("act", E.THANK_YOU_SENT, "Acme", None)),
    ("i sent it yesterday", ONE, "ask"),
    ("sent it", ONE, "ask"),
    ("emailed them this morning", ONE, "ask"),
    # they called, replied
    ("they called", ONE, "ask"),
    ("the recruiter just called", ONE, "ask"),
    ("heard back from globex", MANY, "ask"),
    ("acme emailed me", MANY, "ask"),
    ("they got back to me", ONE, "ask"),
    # new interviews
    ("i have an interview with initech on friday", MANY, "ask"),
    ("got an interview at wayne enterprises tmrw", MANY, "ask"),
    ("booked an interview for next week", ONE, "ask"),
    # negations: never acted on
    ("haven't heard back", ONE, "none"),
    ("havent heard back from acme yet", MANY, "none"),
    ("didn't send it yet", ONE, "none"),
    ("i havent sent the follow up", ONE, "none"),
    ("i didnt send the thank you yet", ONE, "none"),
    ("they haven't rescheduled", ONE, "none"),
    ("still no offer", ONE, "none"),
    ("no news from globex", MANY, "none"),
    ("never got a second interview", ONE, "none"),
    # questions
    ("should I send it?", ONE, "none"),
    ("should i follow up?", ONE, "none"),
    ("did they reject me?", ONE, "none"),
    ("how do I answer the offer?", ONE, "none"),
    ("should i send a thank you", ONE, "none"),
    ("can i move the interview", ONE, "none"),
    ("what if they reject me", ONE, "none"),
    ("is it too early to chase acme?", MANY, "none"),
    ("when should i send the follow up", ONE, "none"),
    # hypotheticals and hopes
    ("if they offer me the job", ONE, "none"),
    ("hopefully they call tmrw", ONE, "none"),
    ("fingers crossed for an offer 🤞", ONE, "none"),
    ("i hope i get the job", ONE, "none"),
    ("they might reject me", ONE, "none"),
    ("waiting for an offer", ONE, "none"),
    ("they will probably call friday", ONE, "none"),
    ("maybe they'll move the interview", ONE, "none"),
    ("im going to send the follow up tmrw", ONE, "none"),
    ("about to send the thank you", ONE, "none"),
    # other people's news
    ("my friend got an offer from acme", MANY, "none"),
    ("my sister got the job 🎉", ONE, "none"),
    ("my colleague got rejected by globex", MANY, "none"),
    ("my friend told me acme rejected me", MANY, "ask"),
    # chit-chat, typos, nothing to act on
    ("hi", ONE, "none"),
    ("thanks!", ONE, "none"),
    ("lol", ONE, "none"),
    ("ok", ONE, "none"),
    ("good morning", ONE, "none"),
    ("i'm so nervous", ONE, "none"),
    ("this bot is cool", ONE, "none"),
    ("what can you do", ONE, "none"),
    ("asdfgh", ONE, "none"),
    ("🙂", ONE, "none"),
    ("👍", ONE, "none"),
    ("great!!", ONE, "none"),
    ("meh", ONE, "none"),
    ("yes", ONE, "none"),
    ("no", ONE, "none"),
    ("yeah thru teksystems, my recruiter is mike", ONE, "none"),
    ("no direct", ONE, "none"),
    ("i need coffee", ONE, "none"),
    ("the interview was at acme", MANY, "none"),
    ("tell me about follow ups", ONE, "none"),
    ("ghosted again 🙄", ONE, "none"),
    ("it's been a week", ONE, "none"),
    ("my recruiter is mike", ONE, "none"),
    ("acme", MANY, "none"),
    ("globex is a cool company", MANY, "none"),
    # more of each, as typed in a hurry
    ("GOT THE OFFER FROM ACME 🎉🎉🎉", MANY, ("act", E.OFFER, "Acme", None)),
    ("globex just offered me the job omg", MANY, ("act", E.OFFER, "Globex", None)),
    ("they made me an offer!!!", ONE, ("act", E.OFFER, "Acme", None)),
    ("got a written offer", ONE, ("act", E.OFFER, "Acme", None)),
    ("initech gave me an offer today", MANY, ("act", E.OFFER, "Initech", TODAY)),
    ("acme offered me the position yesterday", MANY, ("act", E.OFFER, "Acme", YESTERDAY)),
    ("i got the job at globex", MANY, ("act", E.OFFER, "Globex", None)),
    ("got hired by infosys", MANY, ("act", E.OFFER, "Infosys", None)),
    ("just got the offer 🥳", ONE, ("act", E.OFFER, "Acme", None)),
    ("they said yes!! got the job", ONE, ("act", E.OFFER, "Acme", None)),
    ("acme said no", MANY, ("act", E.REJECTED, "Acme", None)),
    ("globex rejected me this morning", MANY, ("act", E.REJECTED, "Globex", TODAY)),
    ("didnt get it", ONE, ("act", E.REJECTED, "Acme", None)),
    ("got the rejection email", ONE, ("act", E.REJECTED, "Acme", None)),
    ("initech said no 😢", MANY, ("act", E.REJECTED, "Initech", None)),
    ("they went with another candidate", ONE, ("act", E.REJECTED, "Acme", None)),
    ("they rejected me yesterday", ONE, ("act", E.REJECTED, "Acme", YESTERDAY)),
    ("acme turned me down on friday", MANY, ("act", E.REJECTED, "Acme", FRIDAY)),
    ("infosys rejected me", MANY, ("act", E.REJECTED, "Infosys", None)),
    ("i withdrew from acme", MANY, ("act", E.WITHDREW, "Acme", None)),
    ("withdrew my application", ONE, ("act", E.WITHDREW, "Acme", None)),
    ("i pulled out", ONE, ("act", E.WITHDREW, "Acme", None)),
    ("acme invited me for a second interview", MANY, ("act", E.NEXT_ROUND, "Acme", None)),
    ("got a 2nd interview w/ globex!!", MANY, ("act", E.NEXT_ROUND, "Globex", None)),
    ("initech wants me back for the final round", MANY, ("act", E.NEXT_ROUND, "Initech", None)),
    ("they want me for a third round", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    ("moving to the next stage with acme", MANY, ("act", E.NEXT_ROUND, "Acme", None)),
    ("got invited back 🙌", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    ("made it to the final round!!", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    ("acme moved my interview to friday 2pm", MANY, ("act", E.MOVED, "Acme", date(2026, 12, 11))),
    (
        "globex rescheduled my interview to tomorrow",
        MANY,
        ("act", E.MOVED, "Globex", date(2026, 12, 8)),
    ),
    ("they postponed it to the 14th", ONE, ("act", E.MOVED, "Acme", date(2026, 12, 14))),
    ("initech moved it to wed", MANY, ("act", E.MOVED, "Initech", date(2026, 12, 9))),
    ("interview rescheduled to thurs 11am", ONE, ("act", E.MOVED, "Acme", date(2026, 12, 10))),
    ("acme moved my interview", MANY, "ask"),
    ("they pushed my interview to next tuesday", ONE, "ask"),
    ("followed up yesterday", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", YESTERDAY)),
    ("sent the follow-up to globex this morning", MANY, ("act", E.FOLLOW_UP_SENT, "Globex", TODAY)),
    ("chased the recruiter on friday", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", FRIDAY)),
    (
        "followed up with initech 2 days ago",
        MANY,
        ("act", E.FOLLOW_UP_SENT, "Initech", date(2026, 12, 5)),
    ),
    ("i sent a followup", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", None)),
    ("sent a chaser to acme", MANY, ("act", E.FOLLOW_UP_SENT, "Acme", None)),
    ("sent thank you emails yesterday", ONE, ("act", E.THANK_YOU_SENT, "Acme", YESTERDAY)),
    ("thanked the hiring manager", ONE, ("act", E.THANK_YOU_SENT, "Acme", None)),
    ("sent globex a thank you", MANY, ("act", E.THANK_YOU_SENT, "Globex", None)),
    ("thank you note sent ✅", ONE, ("act", E.THANK_YOU_SENT, "Acme", None)),
    ("sent the thank you", MANY, "ask"),
    ("done, sent it", ONE, "ask"),
    ("i emailed them", ONE, "ask"),
    ("sent that yesterday", ONE, "ask"),
    ("acme called!!", MANY, "ask"),
    ("globex just rang", MANY, "ask"),
    ("heard back!", ONE, "ask"),
    ("recruiter called me", ONE, "ask"),
    ("they replied to my email", ONE, "ask"),
    ("i have an interview tmrw", ONE, "ask"),
    ("got an interview with umbrella corp on thursday", MANY, "ask"),
    ("nothing from acme yet", MANY, "none"),
    ("they havent replied", ONE, "none"),
    ("still waiting to hear back", ONE, "none"),
    ("i didnt follow up", ONE, "none"),
    ("havent thanked them yet", ONE, "none"),
    ("no reply from globex", MANY, "none"),
    ("they never called", ONE, "none"),
    ("i wont withdraw", ONE, "none"),
    ("should i withdraw?", ONE, "none"),
    ("how do i follow up", ONE, "none"),
    ("do i accept the offer", ONE, "none"),
    ("can i reschedule", ONE, "none"),
    ("what do i say if they offer", ONE, "none"),
    ("should i thank them", ONE, "none"),
    ("did acme reply?", MANY, "none"),
    ("is it normal they havent called", ONE, "none"),
    ("if globex rejects me ill cry", MANY, "none"),
    ("hoping for an offer this week", ONE, "none"),
    ("i might get the job", ONE, "none"),
    ("i wish they would call", ONE, "none"),
    ("they should decide by friday", ONE, "none"),
    ("expecting an offer soon", ONE, "none"),
    ("my brother got a second interview", ONE, "none"),
    ("my mate got rejected by acme lol", MANY, "none"),
    ("my wife got an offer", ONE, "none"),
    ("hello", ONE, "none"),
    ("thank you so much", ONE, "none"),
    ("cool", ONE, "none"),
    ("haha", ONE, "none"),
    ("whats up", ONE, "none"),
    ("i'm tired", ONE, "none"),
    ("🎉", ONE, "none"),
    ("😭", ONE, "none"),
    ("so stressed rn", ONE, "none"),
    ("interview went well i think", ONE, "none"),
    ("i love this job", ONE, "none"),
    ("the office was nice", ONE, "none"),
    ("globex", MANY, "none"),
    ("my recruiter is sarah", ONE, "none"),
    ("whatever", ONE, "none"),
    # words of news in sentences that are not news
    ("they said no decision till friday", ONE, "none"),
    ("they said no questions were needed", ONE, "none"),
    ("hr said nothing about next steps", ONE, "none"),
    ("i said no to the salary", ONE, "none"),
    ("the recruiter rang to say they need more time", ONE, "ask"),
    ("i called them", ONE, "ask"),
    ("sent it to the wrong person lol", ONE, "ask"),
    # typos
    ("got the jobb!!", ONE, ("act", E.OFFER, "Acme", None)),
    ("they rejectd me", ONE, ("act", E.REJECTED, "Acme", None)),
    ("i folowed up with acme yesterday", MANY, ("act", E.FOLLOW_UP_SENT, "Acme", YESTERDAY)),
    ("sent the thnak you", ONE, ("act", E.THANK_YOU_SENT, "Acme", None)),
    ("globex reschduled to friday", MANY, ("act", E.MOVED, "Globex", date(2026, 12, 11))),
    # dates that could mean two days, or can't be true
    ("followed up with acme on 3/12", MANY, "ask"),
    ("sent the follow up tomorrow", ONE, "ask"),
    ("globex moved my interview to last monday", MANY, "ask"),
]
# Typed answers to the button questions: (message, question, value).
BUTTONS: Buttons = [
    *(
        (w, Question.YES_NO, "yes")
        for w in (
            "yes",
            "yeah",
            "yep",
            "yup",
            "sure",
            "ok",
            "okay",
            "👍",
            "yes please",
            "sure!",
            "ya",
            "alright",
            "sounds good",
            "yes pls",
            "👌",
            "Yes!",
            "lets do it",
            "ok 👍",
        )
    ),
    *(
        (w, Question.YES_NO, "no")
        for w in (
            "no",
            "nope",
            "nah",
            "👎",
            "no thanks",
            "not now",
            "nah thanks",
            "maybe later",
            "No.",
            "later",
            "not yet",
            "nope 👎",
        )
    ),
    *((w, Question.FOLLOW_THROUGH, "yes") for w in ("yes", "yep", "yes i did", "👍", "did")),
    *((w, Question.FOLLOW_THROUGH, "no") for w in ("no", "not yet", "nope", "nah")),
    *(
        (w, Question.RATING, "1")
        for w in (
            "terrible 😩",
            "rough",
            "bad",
            "awful",
            "😣",
            "😭",
            "it was a disaster",
            "bombed it",
            "horrible",
            "not good",
            "😞",
        )
    ),
    *(
        (w, Question.RATING, "2")
        for w in (
            "ok i guess 😐",
            "meh",
            "mixed",
            "so so",
            "😐",
            "fine",
            "okay",
            "not bad",
            "🤷",
            "not great",
            "average",
            "hmm 😕",
            "alright i guess",
        )
    ),
    *(
        (w, Question.RATING, "3")
        for w in (
            "🙂",
            "good",
            "pretty good",
            "went well",
            "😊",
            "good 👍",
            "it was good",
            "solid",
            "really good",
        )
    ),
    *(
        (w, Question.RATING, "4")
        for w in (
            "great!!",
            "amazing",
            "awesome 🤩",
            "🔥🔥",
            "nailed it",
            "excellent",
            "🥳",
            "fantastic",
            "perfect",
            "killed it 💪",
            "GREAT",
        )
    ),
    ("👍", Question.RATING, "3"),
    ("interview went well i think", Question.RATING, "3"),
    ("🎉", Question.RATING, "4"),
    ("ok", Question.RATING, "2"),
    *(
        (w, Question.AGENCY, "no")
        for w in (
            "no direct",
            "directly",
            "no, directamente",
            "direct",
            "applied directly",
            "no agency",
            "i applied myself",
            "nope direct",
            "on my own",
        )
    ),
    *(
        (w, Question.AGENCY, "yes")
        for w in (
            "yeah thru teksystems, my recruiter is mike",
            "through hays",
            "via Randstad",
            "yes thru Robert Half",
            "through an agency",
            "yep via hays, my recruiter is Tom",
        )
    ),
]
# "Did you send that follow-up?" open: "sent it" is the follow-up, on the day said.
SENT_MEANS_THE_FOLLOW_UP = {
    "i sent it yesterday": ("act", E.FOLLOW_UP_SENT, "Acme", YESTERDAY),
    "sent it": ("act", E.FOLLOW_UP_SENT, "Acme", None),
    "emailed them this morning": ("act", E.FOLLOW_UP_SENT, "Acme", TODAY),
    "done, sent it": ("act", E.FOLLOW_UP_SENT, "Acme", None),
    "i emailed them": ("act", E.FOLLOW_UP_SENT, "Acme", None),
    "sent that yesterday": ("act", E.FOLLOW_UP_SENT, "Acme", YESTERDAY),
}


def every_case() -> list[Case]:
    """Every row at idle and at every question, and the buttons at their own."""
    return row_cases(NEWS, BUTTONS, SENT_MEANS_THE_FOLLOW_UP) + button_cases(BUTTONS, ONE)


def test_the_table_is_read_right_and_never_acts_on_a_wrong_reading() -> None:
    cases = every_case()
    assert len({c[0] for c in cases}) >= 300
    read_table(cases, BOOK, ZONE, "news table", "en").check()
