"""The words and patterns notes are read with: who is named, what is said, what is never quoted.

Data more than logic: each list is what people really type after an interview. The readers
(names.py, safe_topics.py) decide what a match means.
"""

from __future__ import annotations

import re

# Sentences, lines, bullets and semicolons; a title's full stop ("Dr. Lee", "Sra. López", "Hr.
# Müller", "И. Петров") does not end one.
SPLIT = re.compile(
    r"(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMx\.)(?<!\bMrs\.)(?<!\bProf\.)(?<!\be\.g\.)"
    r"(?<!\bi\.e\.)(?<!\b[A-Z]\.)(?<!\bSr\.)(?<!\bSra\.)(?<!\bSrta\.)(?<!\bDra\.)"
    r"(?<!\bHr\.)(?<!\bHrn\.)(?<!\bFr\.)(?<!\bz\.B\.)(?<!\bd\.h\.)(?<!\b[А-ЯЁ]\.)"
    r"(?<=[.!?])\s+|\s*[\n;•|]+\s*|"
    r"(?<!panel)(?<!interviewer)(?<!interviewers)(?<!nterviewerin)(?<!ntrevistador)"
    r"(?<!ntrevistadora)(?<!ntrevistadores)(?<!Panel)\s+[-–—]{1,2}\s+(?=[A-Za-z])|"
    # An emoji ends a thought too; it stays with the words before it, which it colours.
    r"(?<=[\u2600-\u27bf\ufe0f\U0001f300-\U0001faff])\s+",
)
BULLET = re.compile(r"^(?:[-*–—>+·]+|\d+[.)]|[a-z][.)](?=\s))\s*")
TRAILING = " \t.,;:!?-–—…"
MARKUP = re.compile(r"[{}<>\[\]\\|#@*_~`=^\"“”«»]|https?:|www\.")
EMOTICON = re.compile(
    r"(?:^|\s)(?:[:;=8][-']?[()DPpOo/\\|3*\]\[]+|<3|xd|x\)|\^\^)(?=[\s.,;!?]|$)", re.I
)
CONTRACTIONS = {
    "whats": "what's", "hows": "how's", "whos": "who's", "wheres": "where's",
    "theres": "there's", "theyre": "they're", "theyll": "they'll", "theyve": "they've",
    "dont": "don't", "doesnt": "doesn't", "isnt": "isn't", "arent": "aren't", "wont": "won't",
    "cant": "can't", "didnt": "didn't", "wasnt": "wasn't",
}  # fmt: skip
CONTRACTION = re.compile(r"\b(" + "|".join(CONTRACTIONS) + r")\b", re.I)
DOUBLED = re.compile(r"\b(the|a|an|to|of|and|about|in|on|for|is|are)\s+\1\b", re.I)

# Feelings, judgements, complaints, money, gossip and hedges. One hit drops the sentence. Stems
# end in \w* so "disappointing", "frustrated" and "rudely" are caught along with the base word.
UNSAFE = re.compile(
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
FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|my|mine|myself)\b", re.I)
OTHER_PEOPLE = re.compile(
    r"\b(?:he|she|him|her|his|hers|he's|she's|himself|herself|we|we're|we'll|we've|us|our|ours|"
    r"you|your|yours|you're|you'll)\b",
    re.I,
)
# Not facts about the role: the interview itself ("the panel was 45 minutes"), how things looked,
# and what they want from a candidate ("they want someone more senior"), which reads as a verdict.
NOT_A_FACT = re.compile(
    r"\b(?:look(?:ed|s|ing)?|sound(?:ed|s)?|appear\w*|want\w*|looking\s+for|prefer\w*|need\w*|"
    r"person|people|experience\w*|skills?|background|cv|resume|portfolio|level|senior\w*|junior|"
    r"qualif\w*|interview\w*|discuss\w*|mention\w*|talk\w*|cover\w*|explain\w*|said|panel|"
    r"questions?|asked|notice|availability|start\s+date|gaps?|weakness\w*|strength\w*|"
    r"expectations|why|zoom|teams|video|camera|(?<!-)call|chat|office|"
    r"building|kitchen|canteen|desks?|parking|coffee|lunch|food|snacks|dress|wear\w*)\b",
    re.I,
)
NEXT_STEPS = re.compile(
    r"\b(?:next\s+(?:steps?|stage|round|interview)|second\s+(?:round|stage|interview)|"
    r"final\s+(?:round|stage|interview)|round\s+(?:2|3|two|three)|take[- ]home|"
    r"tech(?:nical)?\s+(?:test|task|exercise)|case\s+study|assessment|(?:hear|get)\s+back|"
    r"decid\w*|decision|on-?site|let\s+(?:me|us)\s+know)\b",
    re.I,
)

QUESTION_START = re.compile(
    r"^(?:what|what's|how|how's|when|where|who|who's|which|is|are|do|does|can|could|will|would|"
    r"should|has|have)\b",
    re.I,
)
# A question about the user that is still fine to put to them: "would I be working with Anna?"
OWN_QUESTION = re.compile(
    r"^(?:can|could|would|will|do|does|should)\s+i\s+(?:work|report|start|join|use|travel|need|"
    r"be\s+(?:working|based|reporting|joining|using|expected|on[- ]call))\b",
    re.I,
)
LABELLED = re.compile(
    r"^(?:(?:my|one|a|some|main|key)\s+)?(?:q|qs|questions?|things?\s+to\s+ask|to\s+ask|ask)"
    r"(?:\s+(?:for|to)\s+(?:next\s+time|them|later|ask))?\s*[:\-–]\s*",
    re.I,
)
SELF_NOTE = re.compile(r"^(?:todo|to\s+do|note\s+to\s+self|reminder|nb\.?)\s*[:\-–]\s*", re.I)
# A capitalised word, bounded and possessive so a 5,000-letter "word" costs no backtracking.
NAME_WORD = r"[A-Z][^\W\d_]{1,30}+(?:['-][^\W\d_]{1,30}+){0,3}+(?![^\W\d_])"
ASK = re.compile(
    r"^(?:(?:i|i'd|i'll|i'm|im|next\s+time,?|also|still|definitely|must|and|then)\s+)*"
    r"(?:(?:want(?:ed)?|wanna|would\s+like|'d\s+like|like|need(?:ed)?|meant|forgot|have|got|"
    r"going|gonna|plan(?:ning)?|remember|don't\s+forget)\s+(?:to\s+)?)?(?:also\s+)?"
    r"(?P<verb>ask|check|find\s+out|know|learn|clarify|confirm|understand|wonder(?:ing)?|"
    r"curious)\b\s*(?:(?:next\s+time|later|again|also|too),?\s+)?",
    re.I,
)
ASK_OBJECT = re.compile(
    r"^(?:(?:them|him|her|the\s+(?:cto|ceo|manager|hiring\s+manager|team|interviewers?))\s+|"
    r"(?P<name>" + NAME_WORD + r")\s+(?=about|whether|if|how|what|when|who|where|which|more))",
)
ASK_ABOUT = re.compile(r"^(?:a\s+(?:bit|little)\s+)?(?:more\s+)?about\s+(?P<x>.+)$", re.I)
ASK_CLAUSE = re.compile(r"^(?P<w>whether|if|how|what|when|who|where|which)\s+(?P<x>.+)$", re.I)
# What the user means for later, not part of the question: "... next time", "... if I get round 2".
LATER = re.compile(
    r"(?:,?\s+(?:next\s+time|at\s+the\s+(?:next|second|final)\s+(?:stage|round|interview)|"
    r"in\s+the\s+(?:next|second|final)\s+(?:stage|round|interview)|(?:in|at)\s+(?:round|stage)"
    r"\s+\w+|later(?:\s+on)?|at\s+some\s+point|if\s+(?:i|we|they)\b.*|when\s+(?:i|we)\b.*|too|"
    r"as\s+well|again|though|anyway|etc|maybe|tho|perhaps|or\s+something|somehow|\?+))+$",
    re.I,
)

# Where a question ends and an afterthought begins: "... whether X, but ran out of time".
AFTERTHOUGHT = re.compile(
    r"(?:\s*,\s*|\s+)(?:but|because|cos|coz|since|though|although|as\s+i|which|felt|so|coz)\b.*$",
    re.I,
)

SPEAKER = (
    r"(?P<WHO>they|he|she|we|hr|hm|everyone|the\s+(?:cto|ceo|cfo|coo|vp|founder|co-founder|"
    r"manager|hiring\s+manager|team\s+lead|tech\s+lead|lead|head\s+of\s+[\w-]+|director|"
    r"interviewers?|engineers?|team)|" + NAME_WORD + r")"
    r"(?:\s*\([^)]{1,40}\))?"
)
SAID = re.compile(
    r"^(?:according\s+to\s+"
    + SPEAKER.replace("WHO", "who")
    + r",?\s+|"
    + SPEAKER.replace("WHO", "who2")
    + r"\s+(?:said|says|mentioned|explained|"
    r"confirmed|shared|noted|pointed\s+out|told\s+(?:me|us))\s*:?\s+(?:that\s+)?)(?P<x>.+)$",
    re.I,
)
TALKED = re.compile(
    r"^(?:" + SPEAKER.replace("WHO", "who") + r"\s+)?(?:(?:talked|spoke|chatted)\s+"
    r"(?:a\s+lot\s+|mostly\s+|mainly\s+)?"
    r"(?:about|through|over)|asked\s+(?:me\s+|us\s+)?about|discussed|covered|went\s+(?:over|through)|walked\s+(?:me|us)\s+"
    r"through|showed\s+(?:me|us)|described|outlined|told\s+(?:me|us)\s+about)\s*:?\s+(?P<x>.+)$",
    re.I,
)
STATEMENT = re.compile(
    r"^(?:they(?:'re|'ve|'ll)?|their|there(?:'s|\s+is|\s+are|\s+will\s+be)|the\s+(?:team|role|"
    r"job|position|product|platform|stack|codebase|company|department|squad|group|project|"
    r"roadmap|tech\s+stack|work|business|org|organi[sz]ation|engineering\s+team|data\s+team|"
    r"plan))\b",
    re.I,
)
# "team is 8 people" in a bullet: a fact once it has its article back.
BARE_STATEMENT = re.compile(
    r"^(?:team|role|job|stack|product|platform|codebase)\s+(?:is|are|has|have|uses|works|will|"
    r"does|sits|reports|owns|runs|builds|ships|covers)\b",
    re.I,
)
SPEAKER_NOT_INTERVIEWER = re.compile(r"recruit\w*|agenc\w*|consultant", re.I)

# A capitalised word is a name only if it is not one of these (compared in lower case).
NOT_NAMES = frozenset(
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
TITLE = re.compile(r"^(?:dr|mr|mrs|ms|mx|prof)\.?$", re.I)
WORD = re.compile(r"\([^)]*\)|[^\W\d_]+(?:['-][^\W\d_]+)*\.?|[,&+/]|\S+")
# Where a list of the people the user met begins. A trigger ending in ":" or "-" is an explicit
# list, where lower-case names ("panel: tom, jo") are still names.
MET = re.compile(
    r"\b(?:met\s+(?:up\s+)?(?:with\s+|w/\s*)?|interviewed\s+by\s+|according\s+to\s+|"
    r"(?:spoke|talked|chatted)\s+(?:(?:with|to)\s+|w/\s*)|(?:round|stage)\s+with\s+|"
    r"interviewers?\s*(?:were|was|are|is)?\s*(?P<l1>[:\-–])?\s*|"
    r"panel\s*(?:was|were|of|with|incl\w*)?\s*(?P<l2>[:\-–])?\s*)",
    re.I,
)
SEPARATORS = frozenset({"and", "&", "+", "/"})
# Lower-case words after "met" that are no one's first name ("met them online", "met up for…").
NOT_LOWER_NAMES = frozenset(
    {"them", "him", "her", "us", "me", "online", "remotely", "virtually", "again", "briefly",
     "recently", "once", "twice", "up", "for", "in", "on", "at", "over", "via", "by", "with",
     "folks", "guys", "everybody", "colleagues", "candidates", "others", "lots", "many", "few"}
)  # fmt: skip
# What may follow a name written in lower case: "priya (eng manager)", "tom from HR", "anna, …".
AFTER_LOWER_NAME = frozenset({"from", "at", "of", "who", "the", ","})
LIST_LEAD = re.compile(
    r"^(?:(?:the|a|an|my|our|their|both|all|two|three|four|five|\d+)\s+)?"
    r"(?:[^\W\d_][\w-]*+\s*){0,3}?(?:of\s+\d+\s*)?(?P<sep>[:,\-–])\s*"
)
RECRUITER = re.compile(
    rf"(?i:recruit\w*|agent|agency|consultant)\s*(?:\(|,|:|-|–|was|is)?\s*(?P<name>{NAME_WORD})|"
    rf"(?P<other>{NAME_WORD})\s*(?:\(|,|-|–)?\s*(?i:(?:my|the|our|from\s+the)\s+)?"
    r"(?i:recruit\w*|agent|agency|consultant)",
)
NAMED_SPEAKER = re.compile(
    r"(?:^|[,;]\s*|\b(?i:and|then|but|also)\s+)(?P<name>(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s+)?"
    + NAME_WORD
    + r"(?:\s+"
    + NAME_WORD
    + r")?)\s*"
    r"(?:\((?P<aside>[^)]{0,40})\)\s*)?(?:,(?P<appos>[^,]{1,40}),\s*)?"
    r",?\s*(?:said|says|mentioned|explained|told|asked|talked|spoke|showed|walked|described|"
    r"interviewed|ran|led|grilled|joined)\b",
)

# Wording a quoted topic in the email's voice.
YOU = {
    "they": "you", "them": "you", "their": "your", "theirs": "yours", "themselves": "yourselves",
    "they're": "you're", "they've": "you've", "they'll": "you'll", "they'd": "you'd",
}  # fmt: skip
THEY = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in YOU) + r")\b", re.I)
QUESTION_WORDS = frozenset(
    (
        "what", "what's", "how", "how's", "when", "where", "who", "who's", "which", "is", "are",
        "do", "does", "can", "could", "will", "would", "should", "has", "have", "whether",
    )
)  # fmt: skip
LOWER_FIRST = frozenset(
    (
        "the", "a", "an", "their", "they", "they're", "they've", "they'll", "there", "there's",
        "this", "that", "these", "those", "its", "our", "team", "role", "how", "what", "why",
        "when", "whether",
    )
)  # fmt: skip
