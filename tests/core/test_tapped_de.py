"""Typed answers in German that mean a button: "jo" is Yes, "geht so 😐" is Mixed, "direkt" is no
agency. The book is the German speaker's: German lists with the English ones added."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from followup.core import tapped
from followup.core.news import Known, Question, read_reply
from followup.core.phrase_lists import phrasebook_for

BOOK = phrasebook_for("de")

YES = [
    "ja", "Ja!", "jaa", "jo", "joa", "jap", "japp", "jep", "jup", "jawohl", "klar", "Klar!",
    "na klar", "ja klar", "klaro", "logo", "sicher", "ok", "okay", "oki", "passt", "passt schon",
    "gerne", "gern", "ja gerne", "ja bitte", "Ja bitte 🙏", "auf jeden Fall", "unbedingt", "genau",
    "machen wir", "warum nicht", "einverstanden", "in Ordnung", "alles klar", "geht klar",
    "gute Idee", "los gehts", "doch", "freilich", "jo eh", "gärn", "ja, danke", "👍", "yes",
    "super", "ja gern, danke",
]  # fmt: skip
NO = [
    "nein", "Nein.", "Nein!", "nee", "ne", "nö", "noe", "nope", "na", "nei", "nein danke",
    "nee danke", "nö danke", "ne danke", "danke, nein", "nei danke", "lieber nicht", "eher nicht",
    "jetzt nicht", "nicht jetzt", "noch nicht", "nicht wirklich", "auf keinen Fall", "keinesfalls",
    "kein Bedarf", "nicht nötig", "brauch ich nicht", "lass mal", "lass gut sein", "👎", "nö 👎",
    "nein, danke!",
]  # fmt: skip
# "Not now": the no that puts it off (the bot asks again later, as for "maybe later").
LATER = ["später", "vielleicht später", "lieber später", "heute nicht", "Später bitte"]
NEITHER = [
    "jein", "ja nein", "vielleicht", "weiß nicht", "keine Ahnung", "ja, aber erst morgen",
    "Danke", "Hallo", "Ich habe die Stelle bekommen", "hmm", "egal", "mal sehen", "kommt drauf an",
    "nein ja doch", "ja und nein", "wer weiß", "schauen wir mal", "Acme", "morgen", "Servus",
    "Ich weiß es noch nicht genau, ehrlich gesagt, vielleicht ja vielleicht nein",
    "schlecht", "direkt", "über Hays", "lol", "?", "", "🤔", "na ja", "gut gemacht",
]  # fmt: skip


@pytest.mark.parametrize("text", YES)
def test_yes_in_german(text: str) -> None:
    assert tapped.yes_or_no(text, BOOK) == tapped.YES


@pytest.mark.parametrize("text", NO + LATER)
def test_no_in_german(text: str) -> None:
    assert tapped.yes_or_no(text, BOOK) == tapped.NO


@pytest.mark.parametrize("text", NEITHER)
def test_neither_yes_nor_no(text: str) -> None:
    assert tapped.yes_or_no(text, BOOK) is None


# "Hast du das Follow-up geschickt?": a plain "ok" only acknowledges the question.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok", None), ("okay", None), ("alles klar", None), ("passt", None), ("super", None),
        ("in Ordnung", None), ("verstanden", None), ("oki", None), ("gut", None),
        ("ja", "yes"), ("jap", "yes"), ("hab ich", "yes"), ("ja hab ich", "yes"),
        ("ja, habe ich", "yes"), ("erledigt", "yes"), ("schon erledigt", "yes"), ("klar", "yes"),
        ("doch", "yes"), ("ja hab ich gemacht", "yes"), ("schon geschickt", "yes"),
        ("nein", "no"), ("noch nicht", "no"), ("nein, noch nicht", "no"), ("hab ich nicht", "no"),
        ("nein hab ich nicht", "no"), ("nee noch nicht", "no"), ("noch nicht gemacht", "no"),
        ("Hab es noch nicht geschickt", "no"), ("nö", "no"), ("später", "no"),
    ],
)  # fmt: skip
def test_did_you_send_it(text: str, expected: str | None) -> None:
    assert tapped.yes_or_no(text, BOOK, strict=True) == expected


RATINGS: dict[str, list[str]] = {
    "1": [
        "schlecht", "sehr schlecht", "richtig schlecht", "furchtbar", "schrecklich 😩",
        "eine Katastrophe", "es war eine Katastrophe", "katastrophal", "mies", "total verkackt",
        "vergeigt", "versemmelt", "nicht gut", "gar nicht gut", "überhaupt nicht gut",
        "grauenhaft", "ein Desaster", "ist in die Hose gegangen", "scheiße", "Scheisse 😭",
        "holprig", "lief echt schlecht", "ned guad",
    ],
    "2": [
        "geht so", "ging so", "naja", "na ja", "gemischt", "durchwachsen", "so lala", "so la la",
        "mittelmäßig", "mittelmässig", "ok", "okay", "ganz ok", "nicht schlecht", "nicht so gut",
        "nicht so toll", "könnte besser sein", "ok, glaube ich 😐", "joa", "zäh",
        "war ganz okay", "mittel",
    ],
    "3": [
        "gut", "ganz gut", "recht gut", "ziemlich gut", "echt gut", "lief gut", "es lief gut",
        "gut gelaufen", "solide", "nett", "positiv", "gar nicht schlecht", "hat gut geklappt",
        "angenehm", "guet", "es war gut 👍", "Das Gespräch lief gut, glaube ich",
        "eigentlich ganz gut", "ich denke gut",
    ],
    "4": [
        "super", "Super!!", "sehr gut", "richtig gut", "mega gut", "toll", "klasse", "spitze",
        "genial", "mega", "perfekt", "hervorragend", "ausgezeichnet", "exzellent", "fantastisch",
        "großartig", "grossartig", "wunderbar", "top", "der Hammer", "geil", "lief super 💪",
        "super gelaufen", "bestens", "leiwand", "huere guet", "mega guet",
    ],
}  # fmt: skip
NOT_A_RATING = [
    "Guten Morgen", "gut gemacht", "Hallo", "ich weiß nicht", "morgen", "Acme",
    "Sie haben nach dem Gehalt gefragt", "gut und schlecht", "super schlecht gut", "ja", "nein",
    "Danke", "Ich habe die Stelle bekommen", "Wann ist mein Termin?", "es war um 10 Uhr",
    "gut, aber der Chef war komisch", "schlechtes Wetter", "toller Kaffee dort",
    "das Büro war schön", "mit Mike", "drei Leute", "Videocall", "Teams", "nicht", "sehr",
    "ich glaube", "es war", "hat lange gedauert", "die Fragen waren schwer zu verstehen",
    "lol", "?", "👍😡",
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "value"), [(text, value) for value, texts in RATINGS.items() for text in texts]
)
def test_how_it_went_in_german(text: str, value: str) -> None:
    assert tapped.rating(text, BOOK) == value


@pytest.mark.parametrize("text", NOT_A_RATING)
def test_not_a_rating(text: str) -> None:
    assert tapped.rating(text, BOOK) is None


def test_enough_examples_each_way() -> None:
    assert len(YES) >= 30 and len(NO) >= 30 and len(NEITHER) >= 30
    assert sum(len(texts) for texts in RATINGS.values()) >= 30 and len(NOT_A_RATING) >= 30
    assert len(DIRECT) >= 30 and len(VIA_AGENCY) + len(VIA_AGENCY_LEAD_WORDS) >= 30


DIRECT = [
    "direkt", "Direkt.", "nein direkt", "nein, direkt", "nee direkt", "nö direkt",
    "direkt beworben", "direkt bei der Firma", "direkt beim Unternehmen",
    "direkt beim Arbeitgeber", "selbst beworben", "ich habe mich selbst beworben",
    "selber beworben", "selbst", "alleine", "auf eigene Faust", "aus Eigeninitiative",
    "Initiativbewerbung", "initiativ beworben", "ohne Agentur", "keine Agentur",
    "ohne Personalvermittler", "ohne Vermittler", "kein Vermittler", "über die Website",
    "über die Firmenwebseite", "über die Karriereseite", "über ihr Karriereportal",
    "online beworben", "über Stepstone", "über Indeed", "über ein Jobportal",
    "no agency", "applied directly",
]  # fmt: skip
# An agency named after "via" (or English "through", "thru") is read with its name.
VIA_AGENCY = [
    ("via Hays", "Hays"), ("Via Randstad", "Randstad"), ("via Robert Half", "Robert Half"),
    ("via Michael Page", "Michael Page"), ("via hays", "Hays"), ("via Adecco", "Adecco"),
    ("via Manpower", "Manpower"), ("via Amadeus Fire", "Amadeus Fire"),
    ("through Hays", "Hays"), ("thru Randstad", "Randstad"),
]  # fmt: skip
# The German words that lead an agency's name ("über", "durch", "mit", "ja, über") are not read
# yet: the lead words are an English pattern in followup/core/tapped.py (_AGENCY_LEAD).
VIA_AGENCY_LEAD_WORDS = [
    ("über Hays", "Hays"), ("ja, über Hays", "Hays"), ("ja über Randstad", "Randstad"),
    ("durch Hays", "Hays"), ("mit Hays", "Hays"), ("über die Agentur Hays", "Hays"),
    ("über eine Agentur", None), ("über einen Headhunter", None), ("jo, über Robert Half", None),
    ("über Michael Page", "Michael Page"), ("über Adecco", "Adecco"),
    ("über einen Personalvermittler", None), ("ja, via Hays", "Hays"),
    ("über Hays, mein Recruiter ist Tom", "Hays"), ("über die Personalvermittlung Amadeus", None),
    ("ja, durch einen Headhunter", None), ("über Randstad, Ansprechpartnerin Anna", None),
    ("über Manpower", "Manpower"), ("über Hays!", "Hays"), ("ja, mit Hays", "Hays"),
]  # fmt: skip


@pytest.mark.parametrize("text", DIRECT)
def test_applied_directly_in_german(text: str) -> None:
    assert tapped.agency(text, BOOK) == tapped.AgencyAnswer(via_agency=False)


@pytest.mark.parametrize(("text", "name"), VIA_AGENCY)
def test_an_agency_named_after_via(text: str, name: str) -> None:
    found = tapped.agency(text, BOOK)
    assert isinstance(found, tapped.AgencyAnswer) and found.via_agency
    assert found.agency == name


@pytest.mark.parametrize(("text", "name"), VIA_AGENCY_LEAD_WORDS)
def test_an_agency_named_after_german_lead_words(text: str, name: str | None) -> None:
    found = tapped.agency(text, BOOK)
    assert isinstance(found, tapped.AgencyAnswer) and found.via_agency
    assert name is None or found.agency == name


@pytest.mark.parametrize(
    "text",
    ["Hallo", "weiß nicht", "Hays", "Mike", "keine Ahnung", "vielleicht", "Agentur?", "lol", ""],
)
def test_neither_direct_nor_an_agency(text: str) -> None:
    assert tapped.agency(text, BOOK) is None


# The whole reading at each question: the button a typed answer means, and news first.
ONE = Known(("Acme",), ("Acme",), ("Mike",))
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("UTC"))
ZONE = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("text", "question", "button"),
    [
        ("jo", Question.YES_NO, "yes"),
        ("nö danke", Question.YES_NO, "no"),
        ("vielleicht später", Question.YES_NO, "no"),
        ("ja hab ich", Question.FOLLOW_THROUGH, "yes"),
        ("ok", Question.FOLLOW_THROUGH, None),
        ("noch nicht", Question.FOLLOW_THROUGH, "no"),
        ("geht so 😐", Question.RATING, "2"),
        ("lief super", Question.RATING, "4"),
        ("total verkackt", Question.RATING, "1"),
        ("nein direkt", Question.AGENCY, "no"),
        ("über die Karriereseite", Question.AGENCY, "no"),
        ("via Hays", Question.AGENCY, "yes"),
        ("Zusage bekommen!!", Question.RATING, None),
        ("Absage bekommen", Question.YES_NO, None),
        ("Sie haben angerufen", Question.AGENCY, None),
    ],
)
def test_a_typed_answer_read_at_its_question(
    text: str, question: Question, button: str | None
) -> None:
    assert read_reply(text, BOOK, ONE, ZONE, NOW, question).button == button
