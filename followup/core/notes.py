"""What an email may take from the user's private notes: who they met, and a few safe topics.

Notes hold impressions, complaints, pay grumbles and nerves next to the facts. Only two kinds of
sentence may reach an employer: facts about the role, team or next steps, and the user's own
questions. Anything that reads like a feeling, a judgement, money, the user themselves or someone
else's words is dropped, and so is anything we cannot parse cleanly: the draft then says something
generic instead. Dropping a good topic costs a little warmth; quoting a complaint costs the job.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

TOPIC_LIMIT = 3
LABEL_LIMIT = 40  # a button label the user can read at a glance
FACT_WORDS = 16  # longer than this and the sentence is a story, not a fact to mention
ABOUT_WORDS = 10
CLAUSE_WORDS = 16
PIECE_LIMIT = 200  # a longer run-on is not something to quote at all
NAME_LIMIT = 40
READ_LIMIT = 20_000  # notes past this are not read: the debrief keeps them far shorter


class TopicKind(StrEnum):
    FACT = "fact"  # "the team is doubling": something they told the user
    ABOUT = "about"  # "the team size": a subject the user wants to ask about
    WHETHER = "whether"  # "whether the role is hybrid": the user's question, asked indirectly
    QUESTION = "question"  # "what's the release cadence?": the user's question as they wrote it
    NEXT_STEPS = "next_steps"  # they explained what happens next; the draft never quotes it


@dataclass(frozen=True, slots=True)
class Topic:
    """One safe thing a thank-you can pick up on, with a short label for a button."""

    kind: TopicKind
    text: str  # as it reads in the email, "they" already turned to "you"; empty for NEXT_STEPS
    label: str  # the user's own words, short
    speaker: str | None = None  # who said it, when the notes name them


# Sentences, lines, bullets and semicolons; a title's full stop ("Dr. Lee") does not end one.
_SPLIT = re.compile(
    r"(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMx\.)(?<!\bMrs\.)(?<!\bProf\.)(?<!\be\.g\.)"
    r"(?<!\bi\.e\.)(?<!\b[A-Z]\.)(?<=[.!?])\s+|\s*[\n;•|]+\s*|"
    r"(?<!panel)(?<!interviewer)(?<!interviewers)\s+[-–—]{1,2}\s+(?=[A-Za-z])|"
    # An emoji ends a thought too; it stays with the words before it, which it colours.
    r"(?<=[\u2600-\u27bf\ufe0f\U0001f300-\U0001faff])\s+",
)
_BULLET = re.compile(r"^(?:[-*–—>+·]+|\d+[.)]|[a-z][.)](?=\s))\s*")
_TRAILING = " \t.,;:!?-–—…"
_MARKUP = re.compile(r"[{}<>\[\]\\|#@*_~`=^\"“”«»]|https?:|www\.")
_EMOTICON = re.compile(
    r"(?:^|\s)(?:[:;=8][-']?[()DPpOo/\\|3*\]\[]+|<3|xd|x\)|\^\^)(?=[\s.,;!?]|$)", re.I
)
_CONTRACTIONS = {
    "whats": "what's", "hows": "how's", "whos": "who's", "wheres": "where's",
    "theres": "there's", "theyre": "they're", "theyll": "they'll", "theyve": "they've",
    "dont": "don't", "doesnt": "doesn't", "isnt": "isn't", "arent": "aren't", "wont": "won't",
    "cant": "can't", "didnt": "didn't", "wasnt": "wasn't",
}  # fmt: skip
_CONTRACTION = re.compile(r"\b(" + "|".join(_CONTRACTIONS) + r")\b", re.I)
_DOUBLED = re.compile(r"\b(the|a|an|to|of|and|about|in|on|for|is|are)\s+\1\b", re.I)

# Feelings, judgements, complaints, money, gossip and hedges. One hit drops the sentence. Stems
# end in \w* so "disappointing", "frustrated" and "rudely" are caught along with the base word.
_UNSAFE = re.compile(
    r"\b(?:"
    # the user's nerves and how they think it went
    r"nerv\w*|anxi\w*|stress\w*|panic\w*|scar(?:ed|y)|afraid|worr\w*|sweat\w*|shak\w*|blank\w*|"
    r"froze|freez\w*|mess\w*|screw\w*|blew|blown|bomb\w*|flop\w*|stumbl\w*|rambl\w*|awkward\w*|"
    r"embarrass\w*|cringe\w*|fail\w*|chance\w*|fit|impress\w*|nail\w*|"
    # impressions and judgements, good or bad
    r"felt|feel\w*|vibe\w*|gut|impression\w*|seem\w*|"
    r"rude\w*|awful\w*|terribl\w*|horribl\w*|bad\w*|worse|worst|poor\w*|weird\w*|strange\w*|"
    r"odd\w*|bizarre|bor(?:ed|ing)\w*|dull|tired|cold\w*|distract\w*|dismissive|arrogan\w*|"
    r"condescend\w*|patroni[sz]\w*|unprofessional|disorgani[sz]\w*|chao\w*|shambl\w*|late|"
    r"lateness|rush\w*|unprepared|unfriendly|hostile|aggressive|grill\w*|interrogat\w*|toxic|"
    r"sketchy|dodgy|shady|flags?|concern\w*|annoy\w*|irritat\w*|frustrat\w*|angry|upset|"
    r"disappoint\w*|sad|hate\w*|dislik\w*|lov\w*|liked|likes|enjoy\w*|nice\w*|great|lovely|"
    r"amazing|awesome|cool|fun|brilliant|fantastic|excellent|perfect\w*|good|best|happy|"
    r"excit\w*|friendly|(?<!what\s)kind|warm|chill|relaxed|intense|tough|hard|difficult|easy|"
    r"tricky|"
    r"brutal|harsh|unfair|fair|honest\w*|apparently|rumou?r\w*|gossip|glassdoor|reviews?|"
    r"overwork\w*|burn\w*|overtime|understaff\w*|underpa\w*|quit\w*|fired|sack\w*|laid|layoffs?|"
    r"redundan\w*|turnover|churn|leav\w*|left|problem\w*|issue\w*|struggl\w*|drama|politic\w*|"
    r"conflict\w*|complain\w*|blame\w*|fault\w*|lie|lied|lying|wtf|lol|ugh|meh|omg|damn\w*|"
    r"shit\w*|fuck\w*|crap\w*|hell|bloody|idiot\w*|jerk\w*|stupid\w*|dumb|ridiculous|joke\w*|"
    r"clown\w*|waste\w*|pointless|useless|hopefully|hope|wish\w*|maybe|probably|perhaps|think|"
    r"thought|guess\w*|reckon\w*|suppose\w*|doubt\w*|unsure|sure|idea|dunno|confus\w*|unclear|"
    r"vague\w*|mixed|really|very|super|quite|pretty|kinda|sort of|bit|extremely|totally|"
    r"literally|basically|just|actually|obviously|clearly|only|even|too|so|such|never|nobody|"
    r"didn't|did not|wasn't|weren't|couldn't|wouldn't|won't|refus\w*|avoid\w*|dodg\w*|ignor\w*|"
    r"cheap\w*|stingy|low|lower|lowest|less|below|crazy|insane|mad|nuts|wild|hectic|manic|grind\w*|"
    r"slog\w*|than|no|not|none|nothing|lack\w*|without|zero|don't|doesn't|isn't|aren't|haven't|"
    r"hasn't|can't|cannot|legacy|outdated|ancient|old|slow\w*|behind|spaghetti|debt|stuck|"
    r"broken|buggy|flaky|hacky|tiny|massive|huge|enormous|loads|tons|lots|heaps|strict\w*|"
    r"micromanag\w*|rigid|bureaucra\w*|expect\w*|must|required|mandatory|forced|compulsory|"
    r"have\s+to|has\s+to|cut|cuts|heard|friend\w*|someone|somebody|reddit|linkedin|online|"
    r"former|ex-\w+|financ\w*|stabl\w*|profit\w*|loss\w*|revenue|runway|funding|bankrupt\w*|"
    r"surviv\w*|might|may|could|possibly|cancel\w*|risk\w*|paus\w*|on\s+hold|uncertain\w*|"
    r"reorg\w*|restructur\w*|acquired|acquisition|merger|sold|rough|kept|constantly|always|"
    r"whole\s+time|entire\s+time|happened|predecessor|last\s+(?:person|guy|girl|one|hire)|"
    r"previous\s+(?:person|guy|girl|one|hire)|replac\w*|men|women|male|female|divers\w*|"
    r"gender|white|young|older|ethnic\w*|race|religio\w*|"
    # pay and perks: never raised in a thank-you or a chase
    r"salar\w*|pay|paid|paying|payment\w*|compensat\w*|comp|package\w*|bonus\w*|equity|stock|"
    r"shares|options|rsus?|wages?|money|budget\w*|raise|rate|rates|benefits?|perks?|pension\w*|"
    r"holidays?|vacation|leave|negotiat\w*|offer\w*|grand|advertis\w*|"
    # other candidates, and private matters
    r"candidates?|applicants?|shortlist\w*|competition|competing|visa\w*|sponsorship|pregnan\w*|"
    r"kids?|children|health|sick\w*|disabilit\w*|age|family|wife|husband|partner"
    r")\b|[£$€¥]|\b\d+\s?k\b|!!|\?!|!\?",
    re.I,
)
# Who a sentence is about: the user themselves, or someone a pronoun cannot pin down.
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|my|mine|myself)\b", re.I)
_OTHER_PEOPLE = re.compile(
    r"\b(?:he|she|him|her|his|hers|he's|she's|himself|herself|we|we're|we'll|we've|us|our|ours|"
    r"you|your|yours|you're|you'll)\b",
    re.I,
)
# Not facts about the role: the interview itself ("the panel was 45 minutes"), how things looked,
# and what they want from a candidate ("they want someone more senior"), which reads as a verdict.
_NOT_A_FACT = re.compile(
    r"\b(?:look(?:ed|s|ing)?|sound(?:ed|s)?|appear\w*|want\w*|looking\s+for|prefer\w*|need\w*|"
    r"person|people|experience\w*|skills?|background|cv|resume|portfolio|level|senior\w*|junior|"
    r"qualif\w*|interview\w*|discuss\w*|mention\w*|talk\w*|cover\w*|explain\w*|said|panel|"
    r"questions?|asked|notice|availability|start\s+date|gaps?|weakness\w*|strength\w*|"
    r"expectations|why|zoom|teams|video|camera|(?<!-)call|chat|office|"
    r"building|kitchen|canteen|desks?|parking|coffee|lunch|food|snacks|dress|wear\w*)\b",
    re.I,
)
_NEXT_STEPS = re.compile(
    r"\b(?:next\s+(?:steps?|stage|round|interview)|second\s+(?:round|stage|interview)|"
    r"final\s+(?:round|stage|interview)|round\s+(?:2|3|two|three)|take[- ]home|"
    r"tech(?:nical)?\s+(?:test|task|exercise)|case\s+study|assessment|(?:hear|get)\s+back|"
    r"decid\w*|decision|on-?site|let\s+(?:me|us)\s+know)\b",
    re.I,
)

_QUESTION_START = re.compile(
    r"^(?:what|what's|how|how's|when|where|who|who's|which|is|are|do|does|can|could|will|would|"
    r"should|has|have)\b",
    re.I,
)
# A question about the user that is still fine to put to them: "would I be working with Anna?"
_OWN_QUESTION = re.compile(
    r"^(?:can|could|would|will|do|does|should)\s+i\s+(?:work|report|start|join|use|travel|need|"
    r"be\s+(?:working|based|reporting|joining|using|expected|on[- ]call))\b",
    re.I,
)
_LABELLED = re.compile(
    r"^(?:(?:my|one|a|some|main|key)\s+)?(?:q|qs|questions?|things?\s+to\s+ask|to\s+ask|ask)"
    r"(?:\s+(?:for|to)\s+(?:next\s+time|them|later|ask))?\s*[:\-–]\s*",
    re.I,
)
_SELF_NOTE = re.compile(r"^(?:todo|to\s+do|note\s+to\s+self|reminder|nb\.?)\s*[:\-–]\s*", re.I)
# A capitalised word, bounded and possessive so a 5,000-letter "word" costs no backtracking.
_NAME_WORD = r"[A-Z][^\W\d_]{1,30}+(?:['-][^\W\d_]{1,30}+){0,3}+(?![^\W\d_])"
_ASK = re.compile(
    r"^(?:(?:i|i'd|i'll|i'm|im|next\s+time,?|also|still|definitely|must|and|then)\s+)*"
    r"(?:(?:want(?:ed)?|wanna|would\s+like|'d\s+like|like|need(?:ed)?|meant|forgot|have|got|"
    r"going|gonna|plan(?:ning)?|remember|don't\s+forget)\s+(?:to\s+)?)?(?:also\s+)?"
    r"(?P<verb>ask|check|find\s+out|know|learn|clarify|confirm|understand|wonder(?:ing)?|"
    r"curious)\b\s*(?:(?:next\s+time|later|again|also|too),?\s+)?",
    re.I,
)
_ASK_OBJECT = re.compile(
    r"^(?:(?:them|him|her|the\s+(?:cto|ceo|manager|hiring\s+manager|team|interviewers?))\s+|"
    r"(?P<name>" + _NAME_WORD + r")\s+(?=about|whether|if|how|what|when|who|where|which|more))",
)
_ASK_ABOUT = re.compile(r"^(?:a\s+(?:bit|little)\s+)?(?:more\s+)?about\s+(?P<x>.+)$", re.I)
_ASK_CLAUSE = re.compile(r"^(?P<w>whether|if|how|what|when|who|where|which)\s+(?P<x>.+)$", re.I)
# What the user means for later, not part of the question: "... next time", "... if I get round 2".
_LATER = re.compile(
    r"(?:,?\s+(?:next\s+time|at\s+the\s+(?:next|second|final)\s+(?:stage|round|interview)|"
    r"in\s+the\s+(?:next|second|final)\s+(?:stage|round|interview)|(?:in|at)\s+(?:round|stage)"
    r"\s+\w+|later(?:\s+on)?|at\s+some\s+point|if\s+(?:i|we|they)\b.*|when\s+(?:i|we)\b.*|too|"
    r"as\s+well|again|though|anyway|etc|maybe|tho|perhaps|or\s+something|somehow|\?+))+$",
    re.I,
)

# Where a question ends and an afterthought begins: "... whether X, but ran out of time".
_AFTERTHOUGHT = re.compile(
    r"(?:\s*,\s*|\s+)(?:but|because|cos|coz|since|though|although|as\s+i|which|felt|so|coz)\b.*$",
    re.I,
)

_SPEAKER = (
    r"(?P<WHO>they|he|she|we|hr|hm|everyone|the\s+(?:cto|ceo|cfo|coo|vp|founder|co-founder|"
    r"manager|hiring\s+manager|team\s+lead|tech\s+lead|lead|head\s+of\s+[\w-]+|director|"
    r"interviewers?|engineers?|team)|" + _NAME_WORD + r")"
    r"(?:\s*\([^)]{1,40}\))?"
)
_SAID = re.compile(
    r"^(?:according\s+to\s+"
    + _SPEAKER.replace("WHO", "who")
    + r",?\s+|"
    + _SPEAKER.replace("WHO", "who2")
    + r"\s+(?:said|says|mentioned|explained|"
    r"confirmed|shared|noted|pointed\s+out|told\s+(?:me|us))\s*:?\s+(?:that\s+)?)(?P<x>.+)$",
    re.I,
)
_TALKED = re.compile(
    r"^(?:" + _SPEAKER.replace("WHO", "who") + r"\s+)?(?:(?:talked|spoke|chatted)\s+"
    r"(?:a\s+lot\s+|mostly\s+|mainly\s+)?"
    r"(?:about|through|over)|asked\s+(?:me\s+|us\s+)?about|discussed|covered|went\s+(?:over|through)|walked\s+(?:me|us)\s+"
    r"through|showed\s+(?:me|us)|described|outlined|told\s+(?:me|us)\s+about)\s*:?\s+(?P<x>.+)$",
    re.I,
)
_STATEMENT = re.compile(
    r"^(?:they(?:'re|'ve|'ll)?|their|there(?:'s|\s+is|\s+are|\s+will\s+be)|the\s+(?:team|role|"
    r"job|position|product|platform|stack|codebase|company|department|squad|group|project|"
    r"roadmap|tech\s+stack|work|business|org|organi[sz]ation|engineering\s+team|data\s+team|"
    r"plan))\b",
    re.I,
)
# "team is 8 people" in a bullet: a fact once it has its article back.
_BARE_STATEMENT = re.compile(
    r"^(?:team|role|job|stack|product|platform|codebase)\s+(?:is|are|has|have|uses|works|will|"
    r"does|sits|reports|owns|runs|builds|ships|covers)\b",
    re.I,
)
_SPEAKER_NOT_INTERVIEWER = re.compile(r"recruit\w*|agenc\w*|consultant", re.I)

# A capitalised word is a name only if it is not one of these (compared in lower case).
_NOT_NAMES = frozenset(
    (
        "the", "a", "an", "all", "both", "everyone", "everybody", "someone", "somebody", "nobody",
        "noone", "some", "several", "two", "three", "four", "they", "he", "she", "we", "you", "i",
        "it", "its", "this", "that", "these", "those", "there", "then", "also", "and", "but", "so",
        "just", "only", "next", "today", "tomorrow", "yesterday", "morning", "afternoon", "evening",
        "tonight", "team", "teams", "zoom", "skype", "meet", "slack", "google", "hr", "cto", "ceo",
        "cfo", "coo", "vp", "hm", "recruiter", "recruiters", "manager", "managers", "interviewer",
        "interviewers", "panel", "boss", "head", "lead", "director", "founder", "engineer",
        "engineers", "engineering", "product", "design", "sales", "marketing", "data", "platform",
        "senior", "junior", "hiring", "tech", "technical", "people", "staff", "ops", "finance",
        "legal", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
        "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "great", "good", "nice", "lovely", "friendly", "met", "spoke", "talked",
        "chatted", "said", "asked", "mentioned", "interview", "interviewed", "call", "round",
        "stage", "first", "second", "third", "final", "mr", "mrs", "ms", "mx", "dr", "prof", "sir",
        "madam", "everyone's", "nothing", "something", "anyone", "none", "n/a", "na", "ok", "okay",
        "yes", "no", "not", "maybe", "hi", "hello", "thanks", "thank", "after", "before", "with",
        "from", "for", "about", "over", "via",
    )
)  # fmt: skip
_TITLE = re.compile(r"^(?:dr|mr|mrs|ms|mx|prof)\.?$", re.I)
_WORD = re.compile(r"\([^)]*\)|[^\W\d_]+(?:['-][^\W\d_]+)*\.?|[,&+/]|\S+")
# Where a list of the people the user met begins. A trigger ending in ":" or "-" is an explicit
# list, where lower-case names ("panel: tom, jo") are still names.
_MET = re.compile(
    r"\b(?:met\s+(?:up\s+)?(?:with\s+)?|interviewed\s+by\s+|according\s+to\s+|"
    r"(?:spoke|talked|chatted)\s+(?:with|to)\s+|(?:round|stage)\s+with\s+|"
    r"interviewers?\s*(?:were|was|are|is)?\s*(?P<l1>[:\-–])?\s*|"
    r"panel\s*(?:was|were|of|with|incl\w*)?\s*(?P<l2>[:\-–])?\s*)",
    re.I,
)
_SEPARATORS = frozenset({"and", "&", "+", "/"})
_LIST_LEAD = re.compile(
    r"^(?:(?:the|a|an|my|our|their|both|all|two|three|four|five|\d+)\s+)?"
    r"(?:[^\W\d_][\w-]*+\s*){0,3}?(?:of\s+\d+\s*)?(?P<sep>[:,\-–])\s*"
)
_A_NAME = _NAME_WORD
_RECRUITER = re.compile(
    rf"(?i:recruit\w*|agent|agency|consultant)\s*(?:\(|,|:|-|–|was|is)?\s*(?P<name>{_A_NAME})|"
    rf"(?P<other>{_A_NAME})\s*(?:\(|,|-|–)?\s*(?i:(?:my|the|our|from\s+the)\s+)?"
    r"(?i:recruit\w*|agent|agency|consultant)",
)
_NAMED_SPEAKER = re.compile(
    r"(?:^|[,;]\s*|\b(?i:and|then|but|also)\s+)(?P<name>(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s+)?"
    + _NAME_WORD
    + r"(?:\s+"
    + _NAME_WORD
    + r")?)\s*"
    r"(?:\((?P<aside>[^)]{0,40})\)\s*)?(?:,(?P<appos>[^,]{1,40}),\s*)?"
    r",?\s*(?:said|says|mentioned|explained|told|asked|talked|spoke|showed|walked|described|"
    r"interviewed|ran|led|grilled|joined)\b",
)


def interviewers(notes: str | None, *, recruiter: str | None = None) -> list[str]:
    """Everyone the notes name as met or interviewing, as written ("Dr Lee", "Anna Smith")."""
    pieces = _pieces(notes)
    recruiters = [recruiter] if recruiter else []
    recruiters += [name for piece in pieces for name in _recruiter_names(piece)]
    found: list[str] = []
    for piece in pieces:
        for name in _met_names(piece) + _speaker_names(piece):
            if any(_same_person(name, other) for other in recruiters):
                continue
            if not any(_same_person(name, seen) for seen in found):
                found.append(name)
    return found


def greeting_name(name: str | None) -> str | None:
    """How a person is greeted: "Anna" for "Anna Smith", "Dr Nair" for "Dr Priya Nair"."""
    words = " ".join((name or "").split()).strip(_TRAILING + ",").split()
    if not words:
        return None
    titled = _TITLE.match(words[0]) and len(words) > 1
    text = (f"{words[0]} {words[-1]}" if titled else words[0]).strip(",;:")
    return text if 0 < len(text) <= NAME_LIMIT and not _MARKUP.search(text) else None


def topics(notes: str | None, *, recruiter: str | None = None) -> list[Topic]:
    """Up to three safe things to pick up on: a fact first, then a question, then the rest."""
    people = interviewers(notes, recruiter=recruiter)
    found: list[Topic] = []
    for piece in _pieces(notes):
        topic = _topic(piece, people)
        if topic is None or any(t.text == topic.text and t.kind == topic.kind for t in found):
            continue
        if topic.kind is TopicKind.NEXT_STEPS and any(t.kind is topic.kind for t in found):
            continue
        found.append(topic)
    firsts: list[Topic] = []
    for group in (
        (TopicKind.FACT,),
        (TopicKind.QUESTION, TopicKind.WHETHER, TopicKind.ABOUT),
        (TopicKind.NEXT_STEPS,),
    ):
        first = next((t for t in found if t.kind in group), None)
        if first is not None:
            firsts.append(first)
    rest = [t for t in found if t not in firsts]
    return (firsts + rest)[:TOPIC_LIMIT]


def same_person(one: str | None, other: str | None) -> bool:
    """Whether two ways of writing a name ("Anna", "Anna Smith", "dr lee") mean one person."""
    return bool(one and other and _same_person(one, other))


def _topic(piece: str, people: list[str]) -> Topic | None:
    text = _normal(piece)
    if not text or len(text) > PIECE_LIMIT or _MARKUP.search(text) or _EMOTICON.search(text):
        return None
    return _question(text) or _fact(text, people) or _next_steps(text)


def _question(text: str) -> Topic | None:
    """The user's own question, in whichever of the usual ways they wrote it down."""
    text = _strip_emoji(text)
    labelled = _LABELLED.match(text)
    if labelled:
        rest = text[labelled.end() :]
        return _direct(rest) or _asked(rest) or _about(rest, listed=True)
    text = _SELF_NOTE.sub("", text)
    return _asked(text) or _direct(text)


def _asked(text: str) -> Topic | None:
    """ "ask about X", "want to know whether X", "I'm curious how X": what X is, and how."""
    lead = _ASK.match(text)
    if lead is None:
        return None
    rest = text[lead.end() :]
    if rest.startswith((":", "-", "–")):
        return _direct(rest.lstrip(":-– "))
    obj = _ASK_OBJECT.match(rest)
    if obj and (obj.group("name") is None or obj.group("name").lower() not in _NOT_NAMES):
        rest = rest[obj.end() :]
    if lead.group("verb").lower() == "check" and not _ASK_CLAUSE.match(rest):
        return None  # "check the train times" is a chore, not a question
    clause = _ASK_CLAUSE.match(rest)
    if clause:
        return _clause(clause.group("w"), clause.group("x"))
    return _about(rest, listed=False)


def _about(text: str, *, listed: bool) -> Topic | None:
    """ "the team size": a subject to ask about, "about" already taken off."""
    match = _ASK_ABOUT.match(text)
    if match:
        text = match.group("x")
    elif not listed:
        return None
    subject = _tidy(_LATER.sub("", _AFTERTHOUGHT.sub("", text)))
    if listed and ", " in subject and " and " not in subject:
        head, _, last = subject.rpartition(", ")
        subject = f"{head}, {last}" if head.count(", ") else f"{head} and {last}"
    if not _safe_phrase(subject, ABOUT_WORDS) or _QUESTION_START.match(subject):
        return None
    return Topic(TopicKind.ABOUT, _to_you(_lower_first(subject)), _label(subject + "?"))


def _clause(word: str, rest: str) -> Topic | None:
    """ "whether the role is hybrid": "if" becomes "whether", the rest stays as written."""
    lead = "whether" if word.lower() in ("if", "whether") else word.lower()
    clause = _tidy(_LATER.sub("", _AFTERTHOUGHT.sub("", rest)))
    if not _safe_phrase(clause, CLAUSE_WORDS):
        return None
    text = f"{lead} {clause}"
    return Topic(TopicKind.WHETHER, _to_you(text), _label(text + "?"))


def _direct(text: str) -> Topic | None:
    """ "what's the release cadence?": kept as a question, pronouns turned to "you"."""
    if not text.rstrip().endswith("?"):
        return None
    question = _tidy(_LATER.sub("", text.strip()))
    if not _QUESTION_START.match(question) or len(question.split()) < 3:
        return None
    if _FIRST_PERSON.search(question) and not _OWN_QUESTION.match(question):
        return None
    rest = _OWN_QUESTION.sub("", question) if _OWN_QUESTION.match(question) else question
    if not _safe_phrase(rest, CLAUSE_WORDS, allow_empty=True):
        return None
    return Topic(TopicKind.QUESTION, _to_you(_lower_first(question)) + "?", _label(question + "?"))


def _fact(text: str, people: list[str]) -> Topic | None:
    """Something they told the user about the role or team, and who said it when named."""
    if text.endswith("?") or _strip_emoji(text) != text:
        return None  # an emoji after a fact is how the user felt about it
    said = _SAID.match(text) or _TALKED.match(text)
    if said:
        who = said.group("who") or said.groupdict().get("who2")
        fact = said.group("x")
    elif _STATEMENT.match(text):
        who, fact = None, text
    elif _BARE_STATEMENT.match(text):
        who, fact = None, f"the {text[0].lower()}{text[1:]}"
    else:
        return None
    if who is not None and (_SPEAKER_NOT_INTERVIEWER.search(who) or who.lower() in ("i", "me")):
        return None  # what the recruiter or the user said is not the interviewer's to hear back
    fact = _tidy(fact)
    if _NEXT_STEPS.search(fact) or _NOT_A_FACT.search(fact):
        return None
    if not _safe_phrase(fact, FACT_WORDS) or len(fact.split()) < 2:
        return None
    speaker = next((p for p in people if who and _same_person(who, p)), None)
    label = f"{greeting_name(speaker)}: {fact}" if speaker else fact
    return Topic(TopicKind.FACT, _to_you(_lower_first(fact)), _label(label), speaker)


def _next_steps(text: str) -> Topic | None:
    """They said what happens next: worth a thank-you line, never worth quoting."""
    text = _strip_emoji(text)
    if not _NEXT_STEPS.search(text) or _UNSAFE.search(text) or text.endswith("?"):
        return None
    return Topic(TopicKind.NEXT_STEPS, "", _label(_tidy(_BULLET.sub("", text))))


def _safe_phrase(text: str, words: int, *, allow_empty: bool = False) -> bool:
    """Short, plain, and about them: no feelings, money, the user, or a pronoun we can't place."""
    count = len(text.split())
    if count == 0:
        return allow_empty
    return (
        count <= words
        and not _UNSAFE.search(text)
        and not _FIRST_PERSON.search(text)
        and not _OTHER_PEOPLE.search(text)
        and not _MARKUP.search(text)
        and not any(len(word) > 4 and word.isupper() for word in re.findall(r"\w+", text))
    )


def _met_names(piece: str) -> list[str]:
    names: list[str] = []
    for match in _MET.finditer(piece):
        listed = bool(match.group("l1") or match.group("l2"))
        rest = piece[match.end() :]
        # "Met two engineers, Li and Ola", "a panel of 3: Anna, Raj": the names come after.
        lead = None if listed else _LIST_LEAD.match(rest)
        if lead and not any(_capitalised(word) for word in lead.group(0).split()):
            rest = rest[lead.end() :]
            listed = lead.group("sep") != ","
        names.extend(_name_list(rest, listed=listed))
    return names


def _speaker_names(piece: str) -> list[str]:
    names: list[str] = []
    for match in _NAMED_SPEAKER.finditer(piece):
        aside = f"{match.group('aside') or ''} {match.group('appos') or ''}"
        if _SPEAKER_NOT_INTERVIEWER.search(aside):
            continue
        words = match.group("name").split()
        # "Then Ken said": the sentence's first word is not part of the name.
        if len(words) > 1 and words[0].lower() in _NOT_NAMES:
            words = words[1:]
        name = _name(words, listed=False)
        if name:
            names.append(name[0])
    return names


def _recruiter_names(piece: str) -> list[str]:
    """ "Recruiter (Sam)", "Sam (agency)", "my recruiter Sam": people who did not interview."""
    names = []
    for match in _RECRUITER.finditer(piece):
        found = _name((match.group("name") or match.group("other")).split(), listed=False)
        if found:
            names.append(found[0])
    return names


def _name_list(text: str, *, listed: bool) -> list[str]:
    """ "Anna, Raj (CTO) and Dr Lee": names separated by commas, "and", "&", "+" or "/"."""
    tokens = _WORD.findall(text)
    names: list[str] = []
    i = 0
    while i < len(tokens):
        # "CTO Raj", "Google's Anna": a title or an owner before a name is skipped, not a stop.
        acronym = tokens[i].isupper() and 2 <= len(tokens[i]) <= 4
        skippable = acronym or tokens[i].endswith("'s")
        if skippable and i + 1 < len(tokens):
            i += 1
        found = _name(tokens[i : i + 3], listed=listed)
        if found is None:
            break
        name, used = found
        names.append(name)
        i += used
        if i < len(tokens) and tokens[i].startswith("("):
            i += 1
        if i < len(tokens) and tokens[i] == ",":
            i += 1
            # "Anna, the head of data, and Raj": step over the description.
            end = next((j for j in range(i, min(i + 8, len(tokens))) if tokens[j] == ","), None)
            described = i < len(tokens) and tokens[i][:1].islower()
            described = described and tokens[i] not in _SEPARATORS
            if described and (not listed or tokens[i] in _NOT_NAMES) and end is not None:
                i = end + 1
        if i < len(tokens) and tokens[i].lower() in _SEPARATORS:
            i += 1
            if i < len(tokens) and tokens[i].lower() == "then":
                i += 1
        elif i > 0 and tokens[i - 1] != ",":
            break
    return names


def _capitalised(word: str) -> bool:
    """A word that could start a name: "Anna", not "CTO", "3" or "team"."""
    return word[:1].isupper() and not word.rstrip(":,-–").isupper()


def _name(tokens: list[str], *, listed: bool) -> tuple[str, int] | None:
    """A name at the start of `tokens`, and how many tokens it took: title, first, last."""
    words: list[str] = []
    used = 0
    if tokens and _TITLE.match(tokens[0]) and len(tokens) > 1:
        words.append(tokens[0])
        used = 1
    for token in tokens[used:]:
        bare = token.rstrip(".")
        capital = bare[:1].isupper() and not (len(bare) > 1 and bare.isupper())
        initial = len(bare) == 1 and bare.isupper() and bool(words)
        letters = bool(re.fullmatch(r"[^\W\d_]+(?:['-][^\W\d_]+)*", bare))
        if not letters or bare.lower() in _NOT_NAMES:
            break
        if not (capital or initial or (listed and not words and bare.islower())):
            break
        words.append(bare.capitalize() if listed and bare.islower() else token)
        used += 1
        if initial or len(words) == (3 if _TITLE.match(words[0]) else 2):
            break
    if not words or (len(words) == 1 and _TITLE.match(words[0])):
        return None
    name = " ".join(words).rstrip(".") if not _TITLE.match(words[-1]) else " ".join(words)
    return (name, used) if len(name) <= NAME_LIMIT else None


def _same_person(one: str, other: str) -> bool:
    """ "Anna" and "Anna Smith", "Dr Lee" and "Lee": one shares the other's first or last name."""

    def parts(name: str) -> list[str]:
        return [w.rstrip(".").lower() for w in name.split() if not _TITLE.match(w)]

    a, b = parts(one), parts(other)
    if not a or not b:
        return False
    return a[0] == b[0] or a[-1] == b[-1] or a[0] == b[-1] or a[-1] == b[0]


def _pieces(notes: str | None) -> list[str]:
    """Sentences, lines and bullet points of the notes, spacing collapsed, empty ones dropped."""
    if not notes:
        return []
    # Spacing first, line by line: long runs of blanks would make the splitting slow.
    text = "\n".join(" ".join(line.split()) for line in notes[:READ_LIMIT].splitlines())
    pieces = (_BULLET.sub("", " ".join(part.split())) for part in _SPLIT.split(text) if part)
    return [piece for piece in pieces if piece.strip(_TRAILING)]


def _normal(piece: str) -> str:
    """Straight apostrophes, common missing ones put back, spacing tidied."""
    text = piece.replace("’", "'").replace("‘", "'").strip()
    text = _CONTRACTION.sub(lambda m: _match_case(m[1], _CONTRACTIONS[m[1].lower()]), text)
    return " ".join(text.split())


def _tidy(text: str) -> str:
    """End punctuation off, doubled words ("the the") once, spacing single."""
    text = _DOUBLED.sub(r"\1", " ".join(text.split()))
    return text.strip(_TRAILING).strip()


def _strip_emoji(text: str) -> str:
    kept = "".join(
        ch for ch in text if unicodedata.category(ch) not in ("So", "Sk", "Cs", "Co", "Cf", "Mn")
    )
    return " ".join(kept.split())


def _lower_first(text: str) -> str:
    """Mid-sentence: "The roadmap" reads "the roadmap"; "Kubernetes" keeps its capital."""
    first, _, rest = text.partition(" ")
    if first.lower() in _LOWER_FIRST or (
        first[:1].isupper() and first[1:].islower() and first.lower() in _QUESTION_WORDS
    ):
        return f"{first.lower()} {rest}".rstrip()
    return text


def _to_you(text: str) -> str:
    """The user's "they" is the company they write to: "their stack" becomes "your stack"."""
    return _THEY.sub(lambda m: _match_case(m.group(0), _YOU[m.group(0).lower()]), text)


def _label(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= LABEL_LIMIT:
        return text
    cut = text[: LABEL_LIMIT - 1].rsplit(" ", 1)[0]
    return cut.rstrip(_TRAILING) + "…"


def _match_case(original: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


_YOU = {
    "they": "you", "them": "you", "their": "your", "theirs": "yours", "themselves": "yourselves",
    "they're": "you're", "they've": "you've", "they'll": "you'll", "they'd": "you'd",
}  # fmt: skip
_THEY = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in _YOU) + r")\b", re.I)
_QUESTION_WORDS = frozenset(
    (
        "what", "what's", "how", "how's", "when", "where", "who", "who's", "which", "is", "are",
        "do", "does", "can", "could", "will", "would", "should", "has", "have", "whether",
    )
)  # fmt: skip
_LOWER_FIRST = frozenset(
    (
        "the", "a", "an", "their", "they", "they're", "they've", "they'll", "there", "there's",
        "this", "that", "these", "those", "its", "our", "team", "role", "how", "what", "why",
        "when", "whether",
    )
)  # fmt: skip
