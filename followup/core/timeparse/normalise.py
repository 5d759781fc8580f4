"""Cleaning what was typed: case, punctuation, misspellings, set phrases, and filler words."""

from __future__ import annotations

import re
from collections.abc import Callable

from followup.core.timeparse.vocabulary import MAX_INPUT, words

CONNECTORS = frozenset({"at", "@", "on", "-", "and"})
# Words that may lead a moment ("it was at 3", "the interview is tomorrow").
MOMENT_LEAD = frozenset(
    {"it", "it's", "its", "was", "is", "will", "be", "the", "my", "interview", "ended", "finished",
     "started", "starts", "began", "begins", "i", "think", "probably", "maybe", "um", "uh", "erm",
     "hmm", "well", "so", "oh", "ok", "okay"}
)  # fmt: skip
# Words that may lead a deadline ("they said they'll let me know by friday").
DAY_LEAD = frozenset(
    {"they", "he", "she", "we", "i", "hr", "recruiter", "the", "company", "hiring", "manager",
     "said", "say", "says", "told", "tell", "me", "us", "mentioned", "will", "would", "should",
     "could", "might", "they'll", "they'd", "he'll", "she'll", "it'll", "we'll", "i'll", "let",
     "know", "decide", "decision", "get", "back", "to", "be", "in", "touch", "hear", "from",
     "them", "by", "before", "until", "till", "til", "on", "within", "sometime", "some", "time",
     "probably", "maybe", "hopefully", "possibly", "likely", "apparently", "supposedly",
     "expect", "expected", "expecting", "expects", "hope", "hoping", "hopes", "think", "guess",
     "is", "was", "it", "it's", "its", "that", "have", "having", "reply", "respond", "response",
     "feedback", "news", "come", "call", "email", "over", "during", "for", "at", "so", "ok",
     "okay", "um", "uh", "erm", "hmm", "well", "oh", "promised", "answer", "decided"}
)  # fmt: skip
DAY_TRAIL = frozenset(
    {"latest", "at", "the", "or", "so", "sooner", "earlier", "hopefully", "probably", "maybe",
     "apparently", "i", "think", "hope", "they", "said", "max", "tops", "by", "on", "ok",
     "sometime", "please", "then"}
)  # fmt: skip
DAY_PHRASE_FILLERS = re.compile(r"\b(?:a decision|an answer|a response|a reply|an update)\b")
# The end of a working day, said of a deadline ("by eod friday"): the day is what counts.
END_OF_DAY = re.compile(
    r"\b(?:eod|cob|(?:the )?end of (?:the |to)?day|close of (?:business|play))\b"
)


def strip_fillers(text: str, lead: frozenset[str], trail: frozenset[str] | tuple[()]) -> str:
    """Drop filler words from both ends; "the" stays before a number ("the 10")."""
    tokens = text.split()
    while tokens and tokens[0] in lead:
        if tokens[0] == "the" and len(tokens) > 1 and tokens[1][:1].isdigit():
            break
        tokens.pop(0)
    while tokens and tokens[-1] in trail:
        tokens.pop()
    return " ".join(tokens)


def clean(text: str) -> str:
    """Lower-case, unify quotes, drop punctuation that carries no date, cut overlong input."""
    text = text[: MAX_INPUT * 2].casefold().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\b([ap])\.m\b\.?", r"\1m", text)
    text = re.sub(r"[,;!?()\"“”]+", " ", text)
    return " ".join(text.split())[:MAX_INPUT].strip(" .")


_SPELLINGS = {
    "tomorrow": ("tmrw", "tmr", "tmrow", "tmw", "tomo", "tomoz", "2moro", "2morrow", "tomorow",
                 "tommorow", "tommorrow", "tomorrw", "tomrrow"),
    "yesterday": ("yday", "yest", "ystd", "yesterdy", "yesturday", "yesteday", "yestarday"),
    "wednesday": ("wensday", "wednsday", "wendsday", "wedensday", "wednesdy", "wedneday"),
    "thursday": ("thrusday", "thursdy", "thurday", "thusday"),
    "friday": ("firday", "fryday", "fridy", "frday"),
    "tuesday": ("tuseday", "tusday", "teusday", "tuesdy"),
    "saturday": ("saterday", "satuday", "saturdy"),
    "monday": ("munday", "mondy", "monady"),
    "tonight": ("tonite", "2night"),
}  # fmt: skip
_RESPELL = {wrong: right for right, wrongs in _SPELLINGS.items() for wrong in wrongs}
_MISSPELT = re.compile(rf"\b{words(_RESPELL)}\b")
_REWRITES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"\bthe day after tomorrow\b"), "day after tomorrow"),
    (re.compile(r"\bthe day before yesterday\b"), "day before yesterday"),
    # "just finished, like 20 min ago": the "ago" says when; "just finished" only leads it in.
    (
        re.compile(
            r"\b(?:it |the interview |interview )?(?:has |have )?(?:just )?(?:ended|finished"
            r"|wrapped up|got out)\s*(?=(?:like |about |around )?\d+\s*(?:mins?|minutes?|hours?"
            r"|hrs?)\s+ago\b)"
        ),
        "",
    ),
    (
        re.compile(
            r"\b(?:it |the interview |interview )?(?:(?:has |have )?just (?:ended|finished"
            r"|wrapped up|got out|came out|come out|got done)|(?:ended|finished|wrapped up)"
            r" (?:just now|right now|a moment ago|moments ago)|just now|right now"
            r"|a moment ago|moments ago)\b"
        ),
        "now",
    ),
    (re.compile(r"\ba few minutes ago\b"), "5 minutes ago"),
    (re.compile(r"\ban hour and a half\b"), "90 minutes"),
    (re.compile(r"\bhalf an hour\b"), "30 minutes"),
    (re.compile(r"\b(?:a )?couple (?:of )?hours\b"), "2 hours"),
    (re.compile(r"\b(?:earlier|later) (?:on )?today\b"), "today"),
    (re.compile(r"\b(?:12 )?(?:midday|noon)\b"), "noon"),
    (re.compile(r"\b12 midnight\b"), "midnight"),
    (re.compile(r"\b(?:around|about|approx\.?|approximately|roughly|circa)\s+|-?ish\b"), ""),
    (re.compile(r"\blike\s+(?=\d)"), ""),  # "like 20 min ago": an approximation, as "about"
    (re.compile(r"\s+or so\b"), ""),
    (re.compile(r"\bfrom today\b|\bhence\b"), "from now"),
    (re.compile(r"\bhalf (?:past )?(\d{1,2})\b"), r"\1:30"),
    (re.compile(r"\bquarter past (\d{1,2})\b"), r"\1:15"),
    (re.compile(r"\bquarter to (1[0-2]|[2-9])\b"), lambda m: f"{int(m[1]) - 1}:45"),
    (re.compile(r"\s*o['’]?\s?clock\b"), ""),
]


def normalise(text: str) -> str:
    """Rewrite misspellings and set phrases into the words our rules and dateparser read."""
    text = _MISSPELT.sub(lambda match: _RESPELL[match[0]], text)
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())
