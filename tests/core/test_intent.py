"""What people type, read as our topics: each topic's real phrasings, its near misses, and news."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from content import load_content
from followup.core.company_mentions import mentioned_company, named_company
from followup.core.intent import (
    MAX_CHARS,
    Topic,
    asks_about_chasing,
    news_outcome,
    reports_news,
    understand,
)
from followup.core.model import Outcome
from followup.core.phrase_lists import PHRASE_LISTS
from followup.core.phrasebook import Phrasebook
from tests.support.intent_tables import (
    asked_rows,
    check_near_miss,
    check_news_lists_are_long_enough,
    check_ordinary,
    check_unsaid_news,
    near_rows,
    outcome_rows,
)

CONTENT = load_content()
BOOK = Phrasebook.from_lists({name: CONTENT.label(f"phrases.{name}") for name in PHRASE_LISTS})

# How people ask, by topic: lower case, typos, emoji, "pls", British and American spellings.
ASKED: dict[Topic, list[str]] = {
    Topic.CHASE: [
        "should I chase them yet?", "can I follow up now", "is it too early to email them",
        "when should I chase", "shall I ring the recruiter?", "should i chase",
        "Should I follow up?",
        "can I chase the recruiter", "is it ok to email them now?", "is it too soon to call?",
        "when can I follow up?", "shuold I chse them yet", "shold i folow up",
        "can i email the hiring manager yet", "should I nudge them?",
        "is now a good time to follow up",
        "time to chase?", "do I chase them now or wait?", "when do I follow up with Acme?",
        "should I call the recruiter yet", "can I ring them", "is it too early to chase",
        "should I send a follow-up email?", "may I contact them again", "is it okay to chase now",
        "too early to follow up?", "Should I chase Acme?", "should I write to them yet?",
        "should I contact the recruiter", "could I follow up today?",
        "would it be ok to email them?",
        "when is it ok to chase?", "is it worth chasing them", "should I check in with them",
        "chase them yet?", "follow up now?", "should I ping them",
        "Can I get in touch with them yet?",
        "should i email them again", "when should I contact them", "SHOULD I CHASE THEM YET",
        "is it too early to reach out?", "chase?", "ping them?", "is it ok to send a followup",
        "they haven't replied, what do I do", "they haven't replied, should I chase?",
        "no reply yet, is it too early to follow up?", "still no response, should i email again",
        "can i chase them pls", "ok to follow up now?", "when's the right time to follow up",
        "is it too soon to phone them 😬", "how long should I wait before following up?",
        "how many days before I chase", "should I send a reminder email?",
        "they've gone quiet, should I follow up?", "it's been a week, can I chase?",
        "i havent heard anything, what now", "they ghosted me, should I follow up?",
        "no news from acme, what should i do?", "shoud i chase acme", "can i folow up yet",
        "do I need to follow up?", "should I reach out to the recruiter again",
        "is it appropriate to follow up after 5 days", "should we chase", "followup?",
        "is it too late to follow up?", "should I send them an email",
        "should i be chasing them by now?", "r u sure i shouldnt follow up yet",
        "hey coach, time to send that follow up?", "is it pushy to email again tomorrow",
        "can i follow-up with the hiring mgr", "when's a good time to ping the recruiter",
        "should I chase or is that desperate", "do i email them again?",
        "they promised an answer by tuesday, it's thursday. chase?",
        "no answer yet - do I follow up?", "am i allowed to chase yet",
        "should I follow up this week or next?", "would following up now look desperate?",
        "can I email the recruiter for an update", "i want to follow up, is that ok",
        "worth sending a follow up email?", "Should I ring Acme tomorrow?",
        "how soon is too soon to follow up", "they said 2 weeks and it's been 3, can I chase",
        "is it rude to follow up on a friday",
    ],
    Topic.NEWS: [
        "they called", "they called!", "I got the job!", "they said no", "I heard back from Acme",
        "got an offer", "They rang me this morning", "they rejected me", "I didn't get it",
        "I've been invited to a second interview", "they emailed back", "I withdrew", "next round!",
        "I GOT THE JOB!!! 🎉", "got rejected :(", "I withdrew my application",
        "I didn't get the job", "the recruiter called", "heard back from globex",
        "Acme emailed me", "she replied to my email", "HR called me this morning",
        "just heard from them", "finally heard back 🙌", "they got back to me",
        "I got the offer!", "they offered me the job", "got a second interview!!",
        "I'm through to the final round", "unfortunately I was unsuccessful",
        "they went with someone else", "I pulled out", "I accepted another offer",
        "they want to see me again", "I've been shortlisted", "got a call from the recruiter",
        "the agency rang", "i have news", "they finally replied", "i got an email from acme",
        "they invited me to the final round", "rejected again 😞", "I turned down the offer",
        "they sent me an offer", "not selected unfortunately", "I've been offered the role",
        "recruiter phoned me", "they said yes!!!", "got the rejection email",
        "they called me back!", "I got the job 🥳🥳",
        "they said they're not moving forward with me",
        "they offered me the position!!", "recruiter just rang with feedback",
        "I've accepted another job so I'm pulling out",
        "second round next tuesday, they just invited me", "got an email saying I was unsuccessful",
        "I heard back!", "they want me back for a final interview", "got the call - I'm in!!",
        "they turned me down 😢", "sadly they chose someone more senior",
        "I've been invited to an assessment centre", "I dropped out of the Globex process",
        "I withdrew because the pay was too low", "they replied!!",
        "HR emailed me about next steps", "good news, I got it! they offered me the role",
    ],
    Topic.THANK_YOU: [
        "should I send a thank-you email?", "should I send a thank-you?",
        "should I send a thank you email",
        "do I need to send a thank you note?", "is a thank you email necessary", "thank you email?",
        "how do I write a thank-you note", "should i thank them", "should I thank the interviewer?",
        "is it too late to send a thank you", "can you help me with a thank you email",
        "what should I put in my thank you email?", "thank you note pls", "should I send thanks",
        "when should I send the thank you", "is a thank you card too much?",
        "should I email them to say thanks?", "should I thank the recruiter too?",
        "should i send a thank u email", "do people still send thank you letters?",
        "thank-you email template?", "should I thank everyone on the panel",
        "should i send a thankyou", "how soon should I send a thank you email?",
        "do I send the thank you to the hiring manager or HR", "is it weird to send a thank you",
        "should I send a thank you after a phone interview?",
        "thank you message on linkedin or email?",
        "should i thnak them", "shuold I send a thank you email", "can I send a thank you by text?",
        "is it ok to send a thank you the next day?", "should I say thank you?",
        "do i send a thank you email after a second interview?",
        "do I need a thank you note after a zoom interview?",
        "how long should a thank you email be",
        "should I thank the recruiter as well as the manager?",
        "is sending a thank you email cringe?", "what do I write in the thank-you?",
        "can you draft a thank you note?", "thank you email - yes or no?",
        "is it too late for a thank you after 3 days?", "should I send separate thank you emails?",
        "do thank-you notes still matter in 2024?", "how should I word my thank you",
        "should i email a thank you or send a card",
    ],
    Topic.RECRUITER_CALL: [
        "what do I say when the recruiter calls?", "what should I tell the recruiter?",
        "the recruiter wants feedback, what do I say?", "how do I give feedback to the recruiter?",
        "what do I say on the feedback call",
        "the recruiter is going to call me, what should I say",
        "what should i tell the agency", "how honest should I be with the recruiter?",
        "what do I tell my recruiter about the interview", "recruiter call in an hour, tips?",
        "what to say to the recruiter", "how should I give my feedback?",
        "what do I say when they call", "recruiter wants a debrief call, what do i mention",
        "help me prepare for the recruiter call", "what should I say to my recruiter pls",
        "what does the recruiter want to know?", "how do i give feedback after the interview?",
        "what do I tell the consultant?", "how much do I tell the recruiter?",
        "should I tell the recruiter I'm not keen?", "what should i say to the headhunter",
        "the agency is calling later, what should I say", "what do I say when she calls?",
        "what do i tell the recruiter if it went badly", "how to give feedback to my recruiter",
        "what to tell the recruitment agency", "recruiter rings at 4, what should I mention?",
        "what will the recruiter ask?", "should I give feedback to the recruiter today?",
        "what shoud I say to the recuiter", "can I talk to the recruiter about my doubts?",
        "what should i say when the agency rings me?",
        "how do I do the feedback call with my recruiter",
        "should I be honest with the recruiter about the interview going badly?",
        "what do i tell the headhunter when she calls",
        "what do i say to the recruiter after the interview",
        "recruiter wants to debrief, what do I tell her?", "how do I handle the feedback call",
        "what should I share with the agency?",
    ],
    Topic.GHOSTED: [
        "they ghosted me", "I think I've been ghosted", "it's been weeks", "no reply at all",
        "haven't heard back yet", "it's been 3 weeks and nothing", "they've gone completely silent",
        "still nothing from acme 😩", "radio silence from them", "it's been a month",
        "they never got back to me", "i got ghosted", "they're ghosting me",
        "no response at all after two follow ups", "never heard back from globex",
        "haven't heard anything", "it's been two weeks, is that normal?", "no word from them",
        "they just disappeared", "crickets from the recruiter", "still waiting to hear back",
        "it's been ages and no reply", "they went quiet after the interview",
        "i followed up twice and heard nothing", "have they ghosted me?",
        "not even a rejection email", "it's been 10 days, is that bad?", "still no news",
        "no reply, is that a bad sign?", "it has been 6 days", "nothing yet from the agency",
        "been waiting for weeks", "haven't heard back, is silence normal?", "they forgot about me",
        "ghosted after the final round 🙃",
        "it's been over two weeks and not a word", "i think they forgot me",
        "still haven't heard a thing", "is no reply after 10 days bad?",
        "total silence since the interview", "they stopped replying", "I've been ghosted haven't I",
        "been 3 weeks and still no word from acme", "they never even replied to my follow up",
        "no response for a month", "is it normal to hear nothing for a week?",
        "silence from globex 😶",
    ],
    Topic.WHAT_NOW: [
        "what now?", "what now", "now what", "what should I do?", "what's next?", "what next",
        "what do I do now", "next steps?", "what happens now?", "so... what now 😅",
        "what should i do next", "any advice?", "where do I go from here?",
        "what do you suggest?", "what can I do?", "what do i do", "what's the next step?",
        "what would you do?", "what do you recommend", "what should I be doing now",
        "i dont know what to do", "not sure what to do now", "whats next pls",
        "what are my next steps?", "anything I should do?", "is there anything I can do?",
        "how should i proceed", "ok what now", "what shall I do?", "what's the plan?",
        "whta now", "what do i do next?", "any tips?",
        "what should I do now?", "what's my next step", "so now what?", "ok, what do I do?",
        "what should I be doing?", "what do you think I should do now?", "what's next for me?",
        "any advice on what to do next?", "what do I do next with acme",
    ],
    Topic.OFFER: [
        "how do I answer an offer?", "how do I negotiate?", "I got the offer, how do I negotiate?",
        "should I accept the offer?", "should I negotiate the salary",
        "can I ask for more time to decide?",
        "how do I respond to a job offer", "is it ok to counter offer?",
        "they offered me the job, what now?",
        "should I accept straight away?", "how long can I take to decide?",
        "how do i negociate salary",
        "should I ask for the offer in writing?", "is the salary negotiable?",
        "they offered 45k, should I counter?", "how to turn down an offer politely",
        "can I negotiate the start date?", "what should I check before accepting?",
        "got a verbal offer, what do I do?", "should I wait for the written offer?",
        "how do I decline the offer", "do I accept on the spot?", "what about the notice period?",
        "should I ask about benefits before accepting?", "is it rude to negotiate?",
        "they made me an offer, should I take it?", "how do i reply to the offer email",
        "how much more money can I ask for?", "can i ask for a higher salary pls",
        "is it normal to ask for a few days to think about an offer?",
        "should i sign the contract now?", "offer letter came, what should I look for?",
        "can I negotiate a higher salary?", "should I take the job?",
        "how do I ask for more time to think?", "is it ok to ask for a better package?",
        "how do I accept the offer professionally?", "do I have to accept straight away?",
        "how do I counter their offer?", "can I ask them to put the offer in writing?",
        "should I negotiate or just accept?", "how long is reasonable to think about an offer?",
    ],
    Topic.CALL_INSTEAD: [
        "can I call instead of emailing?", "should I phone them instead?",
        "is it better to call or email?",
        "phone or email?", "call or email?", "email or call them?",
        "can I ring them instead of emailing",
        "would calling be better than an email?", "is it ok to call rather than email",
        "should I follow up by phone?", "can I follow up over the phone", "call them instead?",
        "should I just phone instead", "is a phone call better than email?",
        "should i ring rather than email", "can I call the recruiter instead of emailing?",
        "is it better to ring them?", "should I call or send an email?",
        "is calling instead weird?",
        "can i phone the hiring manager instead", "is it better to phone?", "email or phone?",
        "would it be ok to call instead", "should I call them rather than wait for an email reply?",
        "calling vs email, which is better?", "can I just call them instead of writing?",
        "is a call more personal than an email?", "phone them or email them?",
        "should I call instead of sending a follow up email", "can I follow up by phone pls",
        "shoud i call insted of emailing",
        "should I call them or just email", "is phoning better than emailing?",
        "would it be weird to ring instead?", "phone call or email for the follow-up?",
        "is a phone call ok instead of an email?", "can I call rather than write?",
        "is it better to phone the recruiter or email?", "call instead?",
    ],
    Topic.LINKEDIN: [
        "should I connect on LinkedIn?", "can I add the interviewer on linkedin?",
        "should I connect with the hiring manager on LinkedIn",
        "is it weird to add them on linked in?",
        "linkedin request to the interviewer, ok?", "should i send a linkedin connection request",
        "can I message them on LinkedIn?", "should I follow them on linkedin",
        "is it ok to connect with the recruiter on linkedin", "linkedin?", "add them on LinkedIn?",
        "should I add the panel on linkedin", "can I connect with the interviewer?",
        "what should I write in a linkedin note?", "should i follow up on linkedin",
        "is a linkedin connection too much?", "should i linkedin the hiring manager",
        "do people connect on linkedin after interviews?", "can I send an InMail on LinkedIn?",
        "should I connect on linkdin", "is it appropriate to add the CEO on LinkedIn?",
        "should I accept their linkedin invite?",
        "when should I connect on LinkedIn", "is it too early to add them on linkedin?",
        "should i like their linkedin posts lol", "can i endorse the interviewer on linkedin",
        "connect with the recruiter on LinkedIn pls advise", "should i dm them on linkedin?",
        "connection request with a note or without?", "should I connect with her?",
        "should i add the hiring manager on linkedin",
        "is it ok to send a linkedin invite to my interviewer?",
        "linkedin connect after interview - yes or no?",
        "should I connect on linked in with the team?",
        "is it weird to add the interviewer on linkedin",
        "linkedin connection to the hiring manager?",
    ],
}  # fmt: skip

# Near misses: close to a topic in words, but something else (another topic, or none of ours).
NEAR: dict[Topic, list[tuple[str, Topic | None]]] = {
    Topic.CHASE: [
        ("I chased them last week", None), ("they called me yesterday", Topic.NEWS),
        ("call me maybe", None), ("I followed the instructions", None),
        ("the recruiter called", Topic.NEWS), ("should I send a thank you email", Topic.THANK_YOU),
        ("should I accept the offer?", Topic.OFFER), ("should I negotiate the salary", Topic.OFFER),
        ("when did they call me", None), ("The recruiter will call me tomorrow", None),
        ("when did I last follow up", None), ("how do I log an interview", None),
        ("can I change my time zone", None), ("I sent the thank-you email", None),
        ("can I call instead of emailing?", Topic.CALL_INSTEAD),
        ("should I follow up on LinkedIn?", Topic.LINKEDIN), ("they ghosted me", Topic.GHOSTED),
        ("haven't heard back yet", Topic.GHOSTED), ("I emailed them on Monday", None),
        ("what do I say when the recruiter calls?", Topic.RECRUITER_CALL),
        ("I followed up twice already", None), ("they said they'd call on friday", None),
    ],
    Topic.NEWS: [
        ("haven't heard back yet", Topic.GHOSTED), ("I haven't heard from them", Topic.GHOSTED),
        ("when will they call", None), ("should I chase them yet?", Topic.CHASE),
        ("I had an interview", None), ("I hope I got the job", None),
        ("what if they rejected me?", None), ("they never called back", Topic.GHOSTED),
        ("I'm waiting to hear back", Topic.GHOSTED), ("nobody replied", Topic.GHOSTED),
        ("how do I prepare for the second interview?", None),
        ("I got the offer, how do I negotiate?", Topic.OFFER),
        ("should I withdraw?", None), ("I'm scared they'll reject me", None),
        ("they still haven't got back to me", Topic.GHOSTED),
        ("ghosted after the second interview", Topic.GHOSTED),
        ("I'm yet to hear back", Topic.GHOSTED), ("they said they would call me", None),
        ("if they call, what do I say?", Topic.RECRUITER_CALL),
        ("should I send a thank you after the second interview?", Topic.THANK_YOU),
        ("no news is good news right?", Topic.GHOSTED), ("I got it, thanks", None),
    ],
    Topic.THANK_YOU: [
        ("thanks!", None), ("thank you", None), ("thank you so much for the help", None),
        ("I sent the thank-you email", None),
        ("I already sent a thank you, what now?", Topic.WHAT_NOW),
        ("thanks, should I chase them yet?", Topic.CHASE), ("thank you! what now?", Topic.WHAT_NOW),
        ("ty", None), ("thanks for the reminder", None), ("thank you for the advice, bye", None),
        ("thanks, can I follow up now?", Topic.CHASE), ("they thanked me for coming in", None),
        ("I thanked the interviewer in person", None), ("thank you, got it", None),
        ("thanks for the tip!", None), ("I'll send the thank you tonight", None),
    ],
    Topic.RECRUITER_CALL: [
        ("should I call the recruiter yet", Topic.CHASE), ("the recruiter called", Topic.NEWS),
        ("The recruiter will call me tomorrow", None), ("shall I ring the recruiter?", Topic.CHASE),
        ("can I call the recruiter instead of emailing?", Topic.CALL_INSTEAD),
        ("I gave my feedback to the recruiter", None), ("the agency rang", Topic.NEWS),
        ("recruiter called with an offer, what do I say?", Topic.OFFER),
        ("should I contact the recruiter", Topic.CHASE), ("my recruiter is Sam", None),
        ("what should I say in the thank you email?", Topic.THANK_YOU),
        ("I called the recruiter already", None), ("recruiter", None),
        ("Sam from Hays", None), ("the recruiter was nice", None),
        ("should I connect with the recruiter on linkedin", Topic.LINKEDIN),
    ],
    Topic.GHOSTED: [
        ("they called", Topic.NEWS), ("they rejected me after ghosting me for weeks", Topic.NEWS),
        ("they haven't replied, what do I do", Topic.CHASE),
        ("they haven't replied, should I chase?", Topic.CHASE),
        ("should I chase them yet?", Topic.CHASE), ("it's been a long day", None),
        ("I was quiet in the interview", None), ("they replied after two weeks", Topic.NEWS),
        ("I had an interview two weeks ago", None), ("the interview is in 2 weeks", None),
        ("what now?", Topic.WHAT_NOW), ("I heard back finally", Topic.NEWS),
        ("they ghosted me, should I follow up?", Topic.CHASE), ("a week ago", None),
        ("is silence after 3 days normal? should I email?", Topic.CHASE),
    ],
    Topic.WHAT_NOW: [
        ("I got rejected, what now?", Topic.NEWS),
        ("they haven't replied, what do I do", Topic.CHASE),
        ("what should I wear", None), ("what's the weather like", None), ("what can you do", None),
        ("what time is it in Berlin", None), ("what did they say", None),
        ("what do I say when the recruiter calls?", Topic.RECRUITER_CALL),
        ("they offered me the job, what now?", Topic.OFFER),
        ("it's been weeks, what now?", Topic.GHOSTED),
        ("what should I put in my thank you email?", Topic.THANK_YOU), ("what's my name", None),
        ("what is this bot", None), ("next", None), ("now", None), ("what", None),
    ],
    Topic.OFFER: [
        ("I got the offer!", Topic.NEWS), ("they offered me the job", Topic.NEWS),
        ("I accepted the offer 🎉", Topic.NEWS), ("should I chase them yet?", Topic.CHASE),
        ("I turned down the offer", Topic.NEWS), ("got a verbal offer today", Topic.NEWS),
        ("is silence a bad sign?", Topic.GHOSTED), ("they said no", Topic.NEWS),
        ("should I give them a few more days?", None),
        ("can you offer any tips on follow ups?", Topic.WHAT_NOW),
        ("I hope they offer me the job", None), ("salary was discussed", None),
        ("the pay is 40k", None), ("what now?", Topic.WHAT_NOW),
        ("should I wait a few days to follow up?", Topic.CHASE),
    ],
    Topic.CALL_INSTEAD: [
        ("can I ring them", Topic.CHASE), ("is it too soon to call?", Topic.CHASE),
        ("should I call or wait?", Topic.CHASE), ("should I call the recruiter yet", Topic.CHASE),
        ("should I email the hiring manager instead of the recruiter?", Topic.CHASE),
        ("I'd rather not chase them", None), ("they called instead of emailing", Topic.NEWS),
        ("I called them instead", None), ("what do I say when they call?", Topic.RECRUITER_CALL),
        ("I'd rather wait", None), ("phone", None), ("they prefer email", None),
        ("can I text instead?", Topic.CHASE), ("call me later", None),
        ("should I send a thank you by email or by hand?", Topic.THANK_YOU),
    ],
    Topic.LINKEDIN: [
        ("I applied via LinkedIn, should I chase?", Topic.CHASE),
        ("I found the job on LinkedIn", None),
        ("saw the role on linkedin", None), ("LinkedIn", None), ("linkedin is great", None),
        ("should I chase them yet?", Topic.CHASE), ("they messaged me on linkedin", Topic.NEWS),
        ("the recruiter found me on LinkedIn", None), ("I connected with her yesterday", None),
        ("should I send a thank you on linkedin?", Topic.THANK_YOU),
        ("the job was posted on linkedin, should I follow up?", Topic.CHASE),
        ("my linkedin is up to date", None),
    ],
}  # fmt: skip

# Ordinary messages: debrief answers, notes, small talk. None of them is one of our topics.
ORDINARY = [
    "I had an interview today", "what's the weather like", "can you help me", "call me maybe",
    "hello", "hello?", "hi", "thanks!", "my interview went well", "what can you do",
    "I want to cancel", "is it raining", "Acme", "Acme Ltd", "Globex", "data analyst",
    "Senior Software Engineer", "yesterday 3pm", "tomorrow 14:00", "tomorrow 3pm", "next Friday",
    "yes", "no", "skip", "good", "great", "rough", "both", "neither", "Sam Jones",
    "Met Priya, she asked about scaling", "Met Priya; she asked about scaling the billing service",
    "how long does a decision usually take?", "who was the interviewer", "I am nervous",
    "can I see my notes", "interview went ok, asked about SQL and python",
    "they liked my portfolio",
    "I think it went badly", "it went quite well", "Europe/London", "Berlin", "it's 14:05 here",
    "/status", "ok",
    "👍", "🎉", "lol", "x" * 5000, "", "   ", "?", "!!!", "the panel was three people",
    "they asked why I left my last job", "the office was nice", "decision by Friday",
    "should I wear a tie", "when is my interview", "Met Sam and Alex, talked about the roadmap",
    "my interview is on thursday", "I'm feeling good about it",
    "they asked about my salary expectations", "the recruiter's name is Tom", "it was a video call",
    "we discussed the team structure and on-call", "they told me they'd decide next week",
    "thanks, that helps", "cool", "Monday 10am", "I met the hiring manager and two engineers",
    "the office is in Shoreditch", "great, thank you!", "they'll let me know by Friday",
    "I'm interviewing at three places", "I called in sick today",
    "my phone died during the interview", "the interview ran over by 30 mins",
    "I need to email my landlord", "Thanks for everything!",
    "it's a second round interview tomorrow", "panel of 4, two rounds", "the recruiter seemed nice",
    "we talked about remote work", "they mentioned an offer might come by Friday",
    "email is ann@example.com", "ok thanks, bye", "can I delete my data",
    "how do I change my timezone?", "I'll let you know how it goes", "Friday afternoon",
]  # fmt: skip

NEWS_OUTCOMES: dict[Outcome, list[str]] = {
    Outcome.OFFER: [
        "I got the job!", "got an offer", "I GOT THE JOB!!! 🎉", "I got the offer!",
        "they offered me the job", "they sent me an offer", "I've been offered the role",
        "they said yes!!!", "im hired", "they want to hire me!", "got a verbal offer today",
        "landed the job 😎", "they made me an offer", "I was successful!", "got the role",
        "acme offered me the position", "I accepted the offer 🎉",
        "I got the offer, how do I negotiate?",
    ],
    Outcome.REJECTED: [
        "they said no", "they rejected me", "I didn't get it", "got rejected :(",
        "I didn't get the job", "unfortunately I was unsuccessful", "they went with someone else",
        "not selected unfortunately", "got the rejection email", "rejected again 😞",
        "they turned me down", "the position has been filled", "they decided not to move forward",
        "they're moving forward with other candidates", "I wasn't successful this time",
        "didnt get the role :(", "they chose another candidate",
        "they rejected me after the second interview",
    ],
    Outcome.WITHDREW: [
        "I withdrew", "I withdrew my application", "I pulled out", "I accepted another offer",
        "I turned down the offer", "I declined the offer", "i dropped out of the process",
        "I'm no longer interested", "I took another job", "I decided not to go ahead",
        "I told them no", "I've withdrawn", "I backed out", "i turned it down",
        "accepted an offer elsewhere so I withdrew", "I said no to them",
    ],
    Outcome.NEXT_ROUND: [
        "I've been invited to a second interview", "next round!", "got a second interview!!",
        "I'm through to the final round", "they want to see me again", "I've been shortlisted",
        "they invited me to the final round", "they offered me a second interview",
        "got invited back for a 2nd interview", "i made it to the next stage",
        "they sent me a technical test", "through to the assessment centre 🙌",
        "they want me to do a take home task", "I got through to the next round",
        "they want to meet me again next week", "3rd round booked for friday!",
    ],
}  # fmt: skip
UNSAID_NEWS = [
    "they called", "they called!", "I heard back from Acme", "They rang me this morning",
    "the recruiter called", "heard back from globex", "Acme emailed me", "she replied to my email",
    "HR called me this morning", "they got back to me", "i have news", "finally heard back 🙌",
]  # fmt: skip


@pytest.mark.parametrize(("text", "topic"), asked_rows(ASKED))
def test_each_topic_is_recognised_in_many_phrasings(text: str, topic: Topic) -> None:
    assert understand(text, BOOK) is topic


@pytest.mark.parametrize(("text", "expected", "topic"), near_rows(NEAR))
def test_near_misses_go_elsewhere(text: str, expected: Topic | None, topic: Topic) -> None:
    check_near_miss(text, expected, topic, BOOK)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_messages_are_none_of_ours(text: str) -> None:
    check_ordinary(text, BOOK)


def test_every_topic_has_enough_examples_both_ways() -> None:
    for topic in Topic:
        others = [t for other, texts in ASKED.items() if other is not topic for t in texts]
        negatives = len(NEAR.get(topic, [])) + len(ORDINARY) + len(others)
        assert len(ASKED[topic]) >= 30, topic
        assert negatives >= 30, topic
        assert len(NEAR.get(topic, [])) >= 10 or topic is Topic.NEWS, topic


@pytest.mark.parametrize(("text", "outcome"), outcome_rows(NEWS_OUTCOMES))
def test_news_names_its_outcome(text: str, outcome: Outcome) -> None:
    assert news_outcome(text, BOOK) is outcome


@pytest.mark.parametrize("text", UNSAID_NEWS)
def test_news_that_does_not_say_what(text: str) -> None:
    check_unsaid_news(text, BOOK)


def test_news_lists_are_long_enough() -> None:
    check_news_lists_are_long_enough(NEWS_OUTCOMES)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("I got the offer, how do I negotiate?", Topic.OFFER),
        ("I got the offer!", Topic.NEWS),
        ("they haven't replied, should I chase?", Topic.CHASE),
        ("they ghosted me", Topic.GHOSTED),
        ("should I send a thank-you?", Topic.THANK_YOU),
        ("I didn't get the job", Topic.NEWS),
        ("I got rejected, what now?", Topic.NEWS),
        ("it's been three weeks, what now?", Topic.GHOSTED),
        ("they haven't replied, what now?", Topic.CHASE),
        ("got a second interview, should I send a thank you?", Topic.THANK_YOU),
        ("the recruiter called with an offer, what do I say?", Topic.OFFER),
        ("can I call the recruiter instead of emailing?", Topic.CALL_INSTEAD),
    ],
)
def test_which_topic_wins(text: str, topic: Topic) -> None:
    assert understand(text, BOOK) is topic


def test_haven_t_heard_back_is_not_news() -> None:
    assert not reports_news("haven't heard back yet", BOOK)
    assert news_outcome("haven't heard back yet", BOOK) is None


def test_a_question_that_brings_news_still_names_the_outcome() -> None:
    text = "I got the offer, how do I negotiate?"
    assert understand(text, BOOK) is Topic.OFFER
    assert news_outcome(text, BOOK) is Outcome.OFFER


def test_long_messages_are_never_a_question() -> None:
    notes = "should I chase them yet? " + "They asked about my last project in detail. " * 10
    assert len(notes) > MAX_CHARS
    assert understand(notes, BOOK) is None
    assert news_outcome("I got the job! " + "x" * MAX_CHARS, BOOK) is None
    assert understand("should I chase them yet?" + " " * (MAX_CHARS - 24), BOOK) is Topic.CHASE


@pytest.mark.parametrize(
    "text",
    ["Should I CHASE them yet?!", "should i chase them yet", "🤔 should I chase them yet 🙏"],
)
def test_capitals_emoji_and_punctuation_do_not_matter(text: str) -> None:
    assert understand(text, BOOK) is Topic.CHASE


def test_the_old_helpers_still_answer() -> None:
    assert asks_about_chasing("should I chase them yet?", BOOK)
    assert not asks_about_chasing("should I send a thank you email", BOOK)
    assert reports_news("they called", BOOK)
    assert not reports_news("should I chase them yet?", BOOK)


def test_the_chase_lists_alone_still_recognise_chasing_and_hearing_back() -> None:
    keys = ("chase_verbs", "chase_cues", "chase_excludes", "chase_subjects", "heard")
    small = Phrasebook.from_text(*(CONTENT.label(f"phrases.{key}") for key in keys))
    assert understand("should I chase them yet?", small) is Topic.CHASE
    assert understand("they called", small) is Topic.NEWS
    assert understand("hello", small) is None


def test_a_language_brings_its_own_lists() -> None:
    book = Phrasebook.from_lists(
        {
            "question_cues": "soll ich\nwann",
            "chase_verbs": "nachfassen\nnachhaken",
            "chase_cues": "soll ich\nschon",
            "chase_subjects": "ich",
            "heard": "sie haben angerufen",
            "news_offer": "ich habe die stelle",
            "news_not": "nicht",
            "linkedin": "linkedin",
            "what_now": "was jetzt",
        }
    )
    assert understand("Soll ich nachfassen?", book) is Topic.CHASE
    assert understand("sie haben angerufen!", book) is Topic.NEWS
    assert news_outcome("Ich habe die Stelle!!", book) is Outcome.OFFER
    assert understand("Soll ich mich auf LinkedIn vernetzen?", book) is Topic.LINKEDIN
    assert understand("was jetzt?", book) is Topic.WHAT_NOW
    assert understand("should I chase them yet?", book) is None


def test_a_gap_in_a_phrase_stands_for_up_to_three_words() -> None:
    book = Phrasebook.from_lists({"ghosted": "been ... weeks"})
    assert understand("it's been weeks", book) is Topic.GHOSTED
    assert understand("it's been nearly three weeks", book) is Topic.GHOSTED
    assert understand("it's been more than three whole weeks", book) is None


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("should I chase Globex?", (None, "Globex")),
        ("should I chase Acme?", ("Acme Ltd", None)),
        ("should I chase acme", ("Acme Ltd", None)),
        ("should I chase Acm?", ("Acme Ltd", None)),
        ("should I chase them?", (None, None)),
        ("should I chase the recruiter?", (None, None)),
        ("should I email HR?", (None, None)),
        ("should I follow up with Initech Corp yet", (None, "Initech Corp")),
        ("can I follow up with Sam?", (None, None)),
        ("any news from Umbrella?", (None, "Umbrella")),
        ("heard nothing from Hooli, what now", (None, "Hooli")),
        ("I interviewed at Wayne Enterprises, should I chase?", (None, "Wayne Enterprises")),
        ("should I chase? I think so", (None, None)),
        ("should I chase Monday?", (None, None)),
        ("should I chase globex", (None, None)),
        ("SHOULD I CHASE GLOBEX", (None, None)),
        ("should I chase them. Thanks", (None, None)),
        ("should I email Mr Smith", (None, None)),
        ("should I chse Globex?", (None, "Globex")),
        ("should I e-mail Pied Piper today?", (None, "Pied Piper")),
        ("at least should I chase?", (None, None)),
        ("should I chase Ωmega?", (None, "Ωmega")),
        ("should I email Zoë?", (None, None)),
        ("should I follow up with Société Générale", (None, "Société Générale")),
        ("x" * (MAX_CHARS + 1), (None, None)),
    ],
)
def test_a_company_named_in_a_question(text: str, expected: tuple[str | None, str | None]) -> None:
    assert named_company(text, ["Acme Ltd"], BOOK, people=["Sam Jones", "zoë"]) == expected


def test_every_answer_is_short_and_fills_in() -> None:
    keys = [key for key in CONTENT.messages if key.startswith("questions.")]
    values = {"company": "Acme", "recruiter": "Sam", "day": "Wed 2 Dec", "name": "Ann"}
    assert len(keys) >= 19
    for key in keys:
        text = CONTENT.text(key, **values)
        assert 2 <= len(text.splitlines()) <= 5, key
        assert "{" not in text, key
        assert ("{company}" in CONTENT.messages[key]) == ("Acme" in text), key


# Words our lists use, mixed with anything at all, so the generated messages hit the matcher.
_WORDS = [
    "should", "I", "chase", "them", "they", "called", "haven't", "heard", "back", "offer",
    "thank", "you", "email", "recruiter", "linkedin", "instead", "what", "now", "been",
    "weeks", "...", "Globex", "at", "from", "?", "!", "2nd", "interview", "not", "no",
]  # fmt: skip
_SOME_WORDS = st.sampled_from(_WORDS)
_MESSAGES = st.lists(st.one_of(_SOME_WORDS, st.text(max_size=12)), max_size=40).map(" ".join)


@given(_MESSAGES)
def test_any_message_is_read_without_error(text: str) -> None:
    topic = understand(text, BOOK)
    assert topic is None or isinstance(topic, Topic)
    assert news_outcome(text, BOOK) in (None, *Outcome)
    if len(text) > MAX_CHARS:
        assert topic is None


@given(_MESSAGES, st.lists(st.text(min_size=1, max_size=20), max_size=3))
def test_an_unknown_name_is_always_words_the_user_typed(text: str, companies: list[str]) -> None:
    logged, unknown = named_company(text, companies, BOOK)
    assert logged is None or logged in companies
    assert unknown is None or (logged is None and all(w in text for w in unknown.split()))


def test_a_name_typed_in_lower_case_is_an_unknown_company() -> None:
    assert named_company("should i follow up with initech?", ["Acme"], BOOK) == (None, "initech")
    for text in ("should i follow up with them?", "should i chase after a week?",
                 "should i email the recruiter", "should i follow up with acme?"):  # fmt: skip
        assert named_company(text, ["Acme"], BOOK)[1] is None, text
