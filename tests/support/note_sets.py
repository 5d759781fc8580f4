"""Notes as people really type them after an interview, each with what a draft must never repeat.

`people`: who the notes name as met or interviewing, in order. `forbidden`: fragments of private
impressions, complaints, pay grumbles or nerves that no email may contain (compared in lower case).
`expected`: fragments the thank-you to someone should pick up on, when the notes give a safe topic.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NoteSet:
    name: str
    notes: str | None
    people: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    expected: tuple[str, ...] = ()


_RAMBLE = (
    "Long day. Got there early and waited in reception for ages, which was annoying. "
    "The building is a bit tired. Met Priya first, she runs the platform group. "
    "They're rebuilding the billing service in Go this year. "
    "Then a whiteboard session that I think went badly, I blanked on the queue question. "
    "Salary is lower than advertised apparently. "
)
_HUGE = (_RAMBLE * 25)[:5000]

NOTE_SETS: tuple[NoteSet, ...] = (
    NoteSet("nothing", None),
    NoteSet("empty", ""),
    NoteSet("n/a", "N/A"),
    NoteSet("dash", "-"),
    NoteSet("whitespace", "  \n\n \t "),
    NoteSet("one word", "fine"),
    NoteSet(
        "rude panel",
        "Met Anna and Raj. The panel was rude",
        ("Anna", "Raj"),
        ("rude", "the panel"),
    ),
    NoteSet(
        "pay lower than advertised",
        "They said the salary is lower than advertised",
        (),
        ("salary", "lower than advertised", "advertised"),
    ),
    NoteSet(
        "ask next time",
        "I want to ask about the team size next time",
        (),
        ("next time",),
        ("tell me a little more about the team size?",),
    ),
    NoteSet(
        "sam said doubling",
        "Sam said the team is doubling",
        ("Sam",),
        (),
        ("You mentioned the team is doubling",),
    ),
    NoteSet(
        "my question colon",
        "my question: what's the release cadence?",
        (),
        ("my question",),
        ("I also meant to ask: what's the release cadence?",),
    ),
    NoteSet("interviewers label", "interviewers: Dr Lee, Priya", ("Dr Lee", "Priya")),
    NoteSet("panel with", "panel with Tom, Jo and Ken", ("Tom", "Jo", "Ken")),
    NoteSet(
        "cto and hr",
        "Met the CTO and HR. the CTO was distracted the whole time, checking his phone",
        (),
        ("distracted", "phone", "the whole time"),
    ),
    NoteSet(
        "bullets with nerves",
        "- met Anna (hiring mgr)\n- they're moving to Snowflake next quarter\n"
        "- I was SO nervous, hands shaking\n- nice office",
        ("Anna",),
        ("nervous", "shaking", "nice office"),
        ("moving to Snowflake next quarter",),
    ),
    NoteSet(
        "on-call rota",
        "- talked about the on-call rota\n- coffee was awful lol",
        (),
        ("coffee", "awful", "lol"),
        ("You mentioned the on-call rota",),
    ),
    NoteSet(
        "typos and lower case",
        "met sarah n tom. sarah said theyre hiring 3 more data engineers this yr. "
        "tom kinda grilled me on sql, felt dumb",
        (),
        ("grilled", "felt dumb", "kinda"),
    ),
    NoteSet(
        "capitalised typos",
        "Met Sarah & Tom. Sarah said theyre hiring 3 more data engineers this year. "
        "Tom grilled me on SQL, felt dumb",
        ("Sarah", "Tom"),
        ("grilled", "felt dumb"),
        ("hiring 3 more data engineers this year",),
    ),
    NoteSet(
        "several names and a grumble",
        "Met Lisa, Dev and Oskar. Lisa mentioned they use Kafka for everything. "
        "Dev was 20 mins late and didn't apologise. Oskar asked about my notice period.",
        ("Lisa", "Dev", "Oskar"),
        ("late", "apologise", "notice period"),
        ("use Kafka for everything",),
    ),
    NoteSet(
        "emoji everywhere",
        "Met Zoë 😊 team is 8 people 🚀 pay is meh 😬 ask about hybrid days 🙏",
        ("Zoë",),
        ("meh", "pay", "😬", "😊"),
        ("hybrid days",),
    ),
    NoteSet(
        "salary grumble and question",
        "Salary band is 10k under my current. Annoyed. Want to know whether the role is hybrid.",
        (),
        ("10k", "salary", "annoyed", "under my current"),
        ("could you tell me whether the role is hybrid?",),
    ),
    NoteSet(
        "weird vibe",
        "weird vibe. felt like they'd already picked someone. hate the commute",
        (),
        ("weird", "vibe", "picked someone", "commute"),
    ),
    NoteSet(
        "i messed up",
        "I messed up the live coding. Totally froze. They were kind about it though. "
        "They said the next step is a system design round.",
        (),
        ("messed up", "froze", "kind about it", "system design"),
    ),
    NoteSet(
        "bored interviewer",
        "Interviewer was Kofi. He looked bored the whole time and kept yawning.",
        ("Kofi",),
        ("bored", "yawning", "looked"),
    ),
    NoteSet(
        "ask them about",
        "They said the data team is new. Ask them about the hiring plan",
        (),
        (),
        ("the data team is new",),
    ),
    NoteSet(
        "ask how they onboard",
        "ask how they onboard new starters. also the salary seemed low",
        (),
        ("salary", "seemed low"),
        ("how you onboard new starters?",),
    ),
    NoteSet(
        "cto talked through",
        "The CTO talked through their AWS costs. Honestly a bit of a mess.",
        (),
        ("mess", "honestly"),
        ("your AWS costs",),
    ),
    NoteSet(
        "dr okafor",
        "Good chat. Interviewer: Dr. Okafor. She said the lab is moving to a new site in March.",
        ("Dr. Okafor",),
        ("good chat",),
    ),
    NoteSet(
        "met with full names",
        "Met with Zoë O'Brien-Smith and Mark Taylor. Mark explained the squad model.",
        ("Zoë O'Brien-Smith", "Mark Taylor"),
        (),
        ("the squad model",),
    ),
    NoteSet(
        "question marks",
        "is there on-call? how big is the team?? why did the last person leave?",
        (),
        ("last person", "leave"),
        ("I also meant to ask: is there on-call?",),
    ),
    NoteSet(
        "own questions with I",
        "Q: would I be working with the analytics team? did they like me?",
        (),
        ("like me",),
        ("would I be working with the analytics team?",),
    ),
    NoteSet(
        "next steps only",
        "Next step is a take-home, due Friday. No idea how I did.",
        (),
        ("no idea", "take-home", "how i did"),
        ("walking me through what happens next",),
    ),
    NoteSet(
        "recruiter said",
        "Recruiter (Sam) said the client loved me. Met Ana and Ben.",
        ("Ana", "Ben"),
        ("loved", "client"),
    ),
    NoteSet(
        "questions list",
        "questions for next time: team size, on-call",
        (),
        ("next time",),
        ("team size and on-call?",),
    ),
    NoteSet(
        "spoke to and cto raj",
        "Spoke to Lisa and CTO Raj. Lisa mentioned they're hiring 3 more engineers this year",
        ("Lisa", "Raj"),
        (),
        ("hiring 3 more engineers this year",),
    ),
    NoteSet(
        "interviewed by",
        "Interviewed by Sarah Connor & John. Sarah said the role reports to the CFO.",
        ("Sarah Connor", "John"),
        (),
        ("the role reports to the CFO",),
    ),
    NoteSet(
        "long ramble",
        _RAMBLE,
        ("Priya",),
        ("annoying", "tired", "badly", "blanked", "salary", "apparently", "ages"),
        ("rebuilding the billing service in Go this year",),
    ),
    NoteSet(
        "5000 chars",
        _HUGE,
        ("Priya",),
        ("annoying", "tired", "badly", "blanked", "salary", "apparently"),
    ),
    NoteSet(
        "one 5000-char line",
        "they are rebuilding the data platform from scratch team by team " * 80,
        (),
        ("team by team team",),
    ),
    NoteSet(
        "html and braces",
        'Talked about the <b>new "data" team</b> & <i>its</i> plans {soon}',
        (),
        ("<b>", "{soon}", "<i>"),
    ),
    NoteSet(
        "toxic hours",
        "team works crazy hours. someone said overtime is expected. red flag?",
        (),
        ("crazy", "overtime", "red flag"),
    ),
    NoteSet(
        "layoffs gossip",
        "Heard from a friend they had layoffs in spring. Met Hannah.",
        ("Hannah",),
        ("layoffs", "friend", "spring"),
    ),
    NoteSet(
        "benefits question",
        "ask about the bonus scheme and pension. ask about training budget",
        (),
        ("bonus", "pension", "training budget"),
    ),
    NoteSet(
        "forgot to ask",
        "Forgot to ask about the product roadmap for next year!",
        (),
        ("forgot",),
        ("the product roadmap for next year",),
    ),
    NoteSet(
        "curious how",
        "Curious how they measure success in the first 90 days",
        (),
        (),
        ("how you measure success in the first 90 days?",),
    ),
    NoteSet(
        "panel lower case label",
        "3 person panel - tom, jo, ken. jo did most of the talking",
        ("Tom", "Jo", "Ken"),
        ("most of the talking",),
    ),
    NoteSet(
        "asked me loads",
        "Sam (CTO) said they deploy 20 times a day. Ken asked me loads about SQL. "
        "Q: is there on-call?",
        ("Sam", "Ken"),
        ("asked me loads",),
        ("deploy 20 times a day",),
    ),
    NoteSet(
        "they seemed disorganised",
        "They seemed disorganised, nobody knew who was interviewing me. Met Fatima in the end.",
        ("Fatima",),
        ("disorganised", "nobody knew"),
    ),
    NoteSet(
        "went well i think",
        "Went well I think! Really excited about this one 🤞",
        (),
        ("went well", "excited", "i think"),
    ),
    NoteSet(
        "counter offer talk",
        "Told them my current salary, maybe a mistake. They mentioned equity but it sounded vague.",
        (),
        ("salary", "equity", "vague", "mistake"),
    ),
    NoteSet(
        "competition",
        "They're seeing 6 other candidates. Final decision by end of month.",
        (),
        ("candidates", "6 other"),
        ("walking me through what happens next",),
    ),
    NoteSet(
        "greeting from said",
        "Priya said the platform team owns all the CI tooling. I talked too much.",
        ("Priya",),
        ("talked too much",),
        ("You mentioned the platform team owns all the CI tooling",),
    ),
    NoteSet(
        "mixed feelings",
        "Mixed feelings. Role is more support than dev. Hmm.",
        (),
        ("mixed", "feelings", "hmm", "more support than dev"),
    ),
    NoteSet(
        "they use",
        "- they use dbt and Snowflake\n- team of 6, all remote\n- manager seemed stressed",
        (),
        ("stressed", "seemed"),
        ("you use dbt and Snowflake",),
    ),
    NoteSet(
        "we discussed",
        "We discussed the migration to Kubernetes. I rambled about my last job.",
        (),
        ("rambled", "last job"),
        ("You mentioned the migration to Kubernetes",),
    ),
    NoteSet(
        "apparently",
        "Apparently the last two people in this role quit within a year.",
        (),
        ("quit", "apparently", "last two people"),
    ),
    NoteSet(
        "need to find out",
        "need to find out if there's a mentoring programme",
        (),
        (),
        ("whether there's a mentoring programme?",),
    ),
    NoteSet(
        "semicolons",
        "met Jo; Jo explained the on-call rota; salary meh; hope I get it",
        ("Jo",),
        ("salary", "meh", "hope i get it"),
    ),
    NoteSet(
        "capital semicolons",
        "Met Jo; Jo explained the on-call rota; salary meh; hope I get it",
        ("Jo",),
        ("salary", "meh", "hope i get it"),
        ("the on-call rota",),
    ),
    NoteSet(
        "according to",
        "According to Mei, the analytics team is moving under product next year. Mei was lovely.",
        ("Mei",),
        ("lovely",),
        ("the analytics team is moving under product next year",),
    ),
    NoteSet(
        "smiley",
        "Met Carl :) they're opening a Berlin office :(",
        ("Carl",),
        (":)", ":(", "berlin"),
    ),
    NoteSet(
        "shouting",
        "NEVER AGAIN. Met Rosa. they want someone to START IMMEDIATELY",
        ("Rosa",),
        ("never again", "immediately"),
    ),
    NoteSet(
        "hr said",
        "HR said they'll get back to me by Thursday. The hiring manager, Ade, spoke a lot about "
        "their data strategy.",
        ("Ade",),
        ("thursday",),
        ("walking me through what happens next",),
    ),
    NoteSet(
        "wanted to ask whether",
        "Wanted to ask whether they support conference travel but ran out of time, felt rushed",
        (),
        ("rushed", "ran out of time"),
        ("whether you support conference travel?",),
    ),
    NoteSet(
        "only negatives",
        "awful. terrible commute, dingy office, boss seems like a micromanager",
        (),
        ("awful", "commute", "dingy", "micromanager"),
    ),
    NoteSet(
        "team is doubling with name at end",
        "The team is doubling next year - Ola told me. Ola is great.",
        ("Ola",),
        ("great",),
        ("the team is doubling next year",),
    ),
    NoteSet(
        "numbered list",
        "1. Met Nadia and Luis\n2. Nadia showed us the new dashboard product\n"
        "3. pay not discussed\n4. ask about the release process",
        ("Nadia", "Luis"),
        ("pay",),
        ("the new dashboard product",),
    ),
    NoteSet(
        "pregnancy",
        "didn't mention I'm pregnant. asked about parental leave? no",
        (),
        ("pregnant", "parental", "leave"),
    ),
    NoteSet(
        "role might be cancelled",
        "Met Oli. they said the role might be cancelled if the budget doesn't come through",
        ("Oli",),
        ("cancelled", "budget"),
    ),
    NoteSet(
        "talked about herself",
        "Anna talked about herself the whole time. Anna talked about the new analytics platform.",
        ("Anna",),
        ("herself", "whole time"),
        ("You mentioned the new analytics platform",),
    ),
    NoteSet(
        "last person",
        "what happened to the last person? is the role new?",
        (),
        ("last person", "happened"),
        ("I also meant to ask: is the role new?",),
    ),
    NoteSet(
        "all men",
        "team is all men. they use Rust",
        (),
        ("all men",),
        ("You mentioned you use Rust",),
    ),
    NoteSet(
        "tech facts",
        "- stack is TypeScript + React\n- they're migrating off Oracle\n- team uses Jira",
        (),
        (),
        ("You mentioned the stack is TypeScript + React",),
    ),
    NoteSet(
        "questions galore",
        "Q: how are priorities set?\nQ: what does a typical week look like?\nask who I'd report to",
        (),
        ("i'd report",),
        ("I also meant to ask: how are priorities set?",),
    ),
    NoteSet(
        "first round with",
        "1st round with Priya and Dev. Dev walked me through their incident process.",
        ("Priya", "Dev"),
        (),
        ("You mentioned your incident process",),
    ),
    NoteSet(
        "cto marcus",
        "Spoke with the CTO, Marcus. He said the team is 12 engineers across 3 squads.",
        ("Marcus",),
        (),
        ("the team is 12 engineers across 3 squads",),
    ),
    NoteSet(
        "three people colon",
        "Met 3 people: Anna, Raj, Ken. Raj is lovely, Ken less so.",
        ("Anna", "Raj", "Ken"),
        ("lovely", "less so"),
    ),
    NoteSet(
        "overqualified",
        "they said I'm overqualified?? and that they want someone cheaper",
        (),
        ("overqualified", "cheaper"),
    ),
    NoteSet(
        "wants someone senior",
        "they're looking for a senior who can lead; I'm not sure I'm senior enough",
        (),
        ("senior", "looking for"),
    ),
)
