"""Messages typed the way German speakers type in chats, each with the action it should lead to.

As in the English table, each is read at idle and with a button question open, and the table
asserts at least 95 % right and no action ever taken on a wrong reading. Rows whose meaning
depends on a German date word ("gestern", "am Freitag", "auf den 14. Dezember") are in
DATED_ROWS, judged by their own test: they need the German date reader.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from followup.core.news import Question
from followup.core.news_events import Event
from followup.core.phrase_lists import phrasebook_for
from tests.core import test_news_table as english
from tests.support.news_tables import (
    FRIDAY,
    TODAY,
    YESTERDAY,
    Buttons,
    Row,
    button_cases,
    changed_readings,
    many_open,
    one_open,
    read_table,
    row_cases,
)

BOOK = phrasebook_for("de")
ENGLISH_BOOK = phrasebook_for("en")
ZONE = ZoneInfo("Europe/Berlin")
ONE = one_open("Mike")  # one interview open
MANY = many_open("Mike", "Ramesh")
E = Event

# (message, interviews logged, expected): "none", "ask", ("act", event, company, day).
NEWS: list[Row] = [
    # offers
    ("ZUSAGE BEKOMMEN!!! 🎉", ONE, ("act", E.OFFER, "Acme", None)),
    ("Zusage bekommen", ONE, ("act", E.OFFER, "Acme", None)),
    ("Sie haben mir die Stelle angeboten!!", ONE, ("act", E.OFFER, "Acme", None)),
    (
        "OMG Ramesh hat gerade angerufen, Infosys macht mir ein Angebot!! 🎉🎉",
        MANY,
        ("act", E.OFFER, "Infosys", None),
    ),
    ("Acme hat mir ein Angebot gemacht", MANY, ("act", E.OFFER, "Acme", None)),
    ("Globex hat mir die Stelle angeboten 😭😭", MANY, ("act", E.OFFER, "Globex", None)),
    ("Angebot von Initech bekommen", MANY, ("act", E.OFFER, "Initech", None)),
    ("Es hat geklappt!!", ONE, ("act", E.OFFER, "Acme", None)),
    ("bin eingestellt lol", ONE, ("act", E.OFFER, "Acme", None)),
    ("Mündliche Zusage von Acme", MANY, ("act", E.OFFER, "Acme", None)),
    ("Angebotsschreiben von Globex ist gekommen", MANY, ("act", E.OFFER, "Globex", None)),
    ("Zusage bekommen", MANY, "ask"),
    ("Initech hat mich eingestellt", MANY, ("act", E.OFFER, "Initech", None)),
    ("Sie wollen mir ein Angebot machen", ONE, ("act", E.OFFER, "Acme", None)),
    ("ich hab ein jobangebot!!", ONE, ("act", E.OFFER, "Acme", None)),
    ("Sie wollen mich einstellen 🥳", ONE, ("act", E.OFFER, "Acme", None)),
    ("Die Zusage ist da", ONE, ("act", E.OFFER, "Acme", None)),
    ("Acme hat mich genommen!", MANY, ("act", E.OFFER, "Acme", None)),
    # rejections
    ("Absage bekommen", ONE, ("act", E.REJECTED, "Acme", None)),
    ("Sie haben abgesagt :(", ONE, ("act", E.REJECTED, "Acme", None)),
    ("Acme hat mich abgelehnt", MANY, ("act", E.REJECTED, "Acme", None)),
    ("Globex hat sich für jemand anderen entschieden", MANY, ("act", E.REJECTED, "Globex", None)),
    ("Ich habe den Job nicht bekommen", ONE, ("act", E.REJECTED, "Acme", None)),
    ("Leider war ich nicht erfolgreich", ONE, ("act", E.REJECTED, "Acme", None)),
    ("Initech hat mir abgesagt 😞", MANY, ("act", E.REJECTED, "Initech", None)),
    ("Absagemail von Acme", MANY, ("act", E.REJECTED, "Acme", None)),
    ("Sie wollen mich nicht", ONE, ("act", E.REJECTED, "Acme", None)),
    ("Wieder abgelehnt", ONE, ("act", E.REJECTED, "Acme", None)),
    ("Leider eine Absage", ONE, ("act", E.REJECTED, "Acme", None)),
    ("Eine Absage wäre schlimm", ONE, "none"),
    ("Ich habe die Zusage noch nicht bekommen", ONE, "none"),
    ("Ich habe das Angebot noch nicht angenommen", ONE, "none"),
    ("Absage bekommen", MANY, "ask"),
    ("Acme und Globex haben mir abgesagt", MANY, "ask"),
    ("Die Stelle ist schon besetzt", ONE, ("act", E.REJECTED, "Acme", None)),
    ("bin nicht weitergekommen", ONE, ("act", E.REJECTED, "Acme", None)),
    ("Hat leider nicht geklappt", ONE, ("act", E.REJECTED, "Acme", None)),
    # withdrawals
    ("Ich habe meine Bewerbung zurückgezogen", ONE, ("act", E.WITHDREW, "Acme", None)),
    (
        "Ich habe meine Bewerbung bei Globex zurückgezogen",
        MANY,
        ("act", E.WITHDREW, "Globex", None),
    ),
    ("Bin aus dem Initech-Prozess ausgestiegen", MANY, ("act", E.WITHDREW, "Initech", None)),
    ("Ich habe abgesagt", ONE, ("act", E.WITHDREW, "Acme", None)),
    ("Ich habe das Angebot abgelehnt", ONE, ("act", E.WITHDREW, "Acme", None)),
    ("Hab woanders zugesagt", ONE, ("act", E.WITHDREW, "Acme", None)),
    ("Ich habe kein Interesse mehr", ONE, ("act", E.WITHDREW, "Acme", None)),
    # next rounds
    (
        "Mike hat angerufen, Acme will mich für eine zweite Runde!!",
        MANY,
        ("act", E.NEXT_ROUND, "Acme", None),
    ),
    ("Nächste Runde!", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    ("Zweites Gespräch bekommen!!", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    ("Globex hat mich wieder eingeladen", MANY, ("act", E.NEXT_ROUND, "Globex", None)),
    ("Bin mit Initech in der finalen Runde", MANY, ("act", E.NEXT_ROUND, "Initech", None)),
    ("Auf der Shortlist bei Acme!", MANY, ("act", E.NEXT_ROUND, "Acme", None)),
    ("Sie wollen mich nochmal sehen", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    ("Zum Assessment Center eingeladen", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    ("Eine Runde weiter!", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    ("In die finale Runde geschafft", MANY, "ask"),
    ("Ich bin weitergekommen 🙌", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    ("Sie haben mir eine Fallstudie geschickt", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    ("Ich bin in der engeren Auswahl", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    # interview moved, no day said
    ("Sie haben das Gespräch verschoben", ONE, "ask"),
    ("Globex hat das Interview verschoben", MANY, "ask"),
    ("Acme hat den Termin verlegt", MANY, "ask"),
    ("Gespräch wurde verschoben", MANY, "ask"),
    ("Sie haben einen neuen Termin vorgeschlagen", ONE, "ask"),
    # follow-ups and thank-yous sent, no day said
    ("Ich habe nachgefasst", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", None)),
    ("nachgefasst", MANY, "ask"),
    ("Ich habe bei Globex nachgehakt", MANY, ("act", E.FOLLOW_UP_SENT, "Globex", None)),
    ("Follow-up geschickt", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", None)),
    ("Habe die Recruiterin angepingt", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", None)),
    ("Ich habe mich nach dem Stand erkundigt", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", None)),
    ("Nachfassmail ist raus", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", None)),
    ("Hab nochmal nachgefragt", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", None)),
    ("Dankesmail geschickt", ONE, ("act", E.THANK_YOU_SENT, "Acme", None)),
    ("Ich habe mich bedankt", ONE, ("act", E.THANK_YOU_SENT, "Acme", None)),
    ("Dankesmail ist raus ✅", ONE, ("act", E.THANK_YOU_SENT, "Acme", None)),
    ("Habe Globex eine Dankesmail geschickt", MANY, ("act", E.THANK_YOU_SENT, "Globex", None)),
    ("Ich habe mich bei den Interviewern bedankt", ONE, ("act", E.THANK_YOU_SENT, "Acme", None)),
    ("Dankesmail geschickt", MANY, "ask"),
    ("Habs geschickt", ONE, "ask"),
    ("Ist raus", ONE, "ask"),
    ("Erledigt, hab es geschickt", ONE, "ask"),
    ("Ich habe ihnen geschrieben", ONE, "ask"),
    # they called, replied
    ("Sie haben angerufen", ONE, "ask"),
    ("Die Recruiterin hat gerade angerufen", ONE, "ask"),
    ("Globex hat sich gemeldet", MANY, "ask"),
    ("Acme hat mir gemailt", MANY, "ask"),
    ("Sie haben mir geantwortet", ONE, "ask"),
    ("Ich habe eine Rückmeldung bekommen", ONE, "ask"),
    ("Die Personalerin hat zurückgerufen", ONE, "ask"),
    # new interviews (asked whatever the day: "shall I log it?")
    ("Ich habe am Freitag ein Vorstellungsgespräch bei Initech", MANY, "ask"),
    ("Ich habe morgen ein Vorstellungsgespräch bei Wayne Enterprises", MANY, "ask"),
    ("Ich wurde zu einem Vorstellungsgespräch eingeladen", ONE, "ask"),
    ("Einladung zum Vorstellungsgespräch bekommen!", ONE, "ask"),
    # negations: never acted on
    ("Ich habe noch nichts gehört", ONE, "none"),
    ("Noch nichts von Acme gehört", MANY, "none"),
    ("Hab es noch nicht geschickt", ONE, "none"),
    ("Ich habe noch nicht nachgefasst", ONE, "none"),
    ("Ich habe die Dankesmail noch nicht geschickt", ONE, "none"),
    ("Ich habe das Follow-up noch nicht geschickt", ONE, "none"),
    ("Sie haben das Gespräch nicht verschoben", ONE, "none"),
    ("Immer noch kein Angebot", ONE, "none"),
    ("Keine Neuigkeiten von Globex", MANY, "none"),
    ("Nie ein zweites Gespräch bekommen", ONE, "none"),
    ("Sie haben sich noch nicht gemeldet", ONE, "none"),
    ("Ich habe Acme noch nicht abgesagt", MANY, "none"),
    ("Sie haben nicht angerufen", ONE, "none"),
    ("Ich habe mich noch nicht bedankt", ONE, "none"),
    ("Ich habe keine Absage bekommen", ONE, "none"),
    ("Ich habe die Stelle noch nicht angenommen", ONE, "none"),
    # questions
    ("Soll ich es schicken?", ONE, "none"),
    ("Soll ich nachfassen?", ONE, "none"),
    ("Haben sie mir abgesagt?", ONE, "none"),
    ("Wie antworte ich auf das Angebot?", ONE, "none"),
    ("Soll ich eine Dankesmail schicken", ONE, "none"),
    ("Kann ich das Gespräch verschieben", ONE, "none"),
    ("Was ist, wenn sie mir absagen", ONE, "none"),
    ("Ist es zu früh, bei Acme nachzufassen?", MANY, "none"),
    ("Wann soll ich das Follow-up schicken", ONE, "none"),
    ("Soll ich meine Bewerbung zurückziehen?", ONE, "none"),
    ("Wie nehme ich das Angebot an", ONE, "none"),
    ("Haben sie schon angerufen?", ONE, "none"),
    # hypotheticals and hopes
    ("Falls sie mir ein Angebot machen", ONE, "none"),
    ("Hoffentlich rufen sie an", ONE, "none"),
    ("Daumen drücken für eine Zusage 🤞", ONE, "none"),
    ("Ich hoffe, ich bekomme die Stelle", ONE, "none"),
    ("Sie könnten mir absagen", ONE, "none"),
    ("Ich warte auf ein Angebot", ONE, "none"),
    ("Vielleicht verschieben sie das Gespräch", ONE, "none"),
    ("Ich werde bald nachfassen", ONE, "none"),
    ("Ich schicke gleich die Dankesmail", ONE, "none"),
    ("Wenn Globex mir absagt, heule ich", MANY, "none"),
    ("Ich hoffe auf eine Zusage", ONE, "none"),
    ("Vielleicht bekomme ich den Job", ONE, "none"),
    ("Ich wünschte, sie würden anrufen", ONE, "none"),
    ("Ich erwarte bald ein Angebot", ONE, "none"),
    ("Hoffentlich komme ich in die nächste Runde", ONE, "none"),
    ("Ich habe Angst vor einer Absage", ONE, "none"),
    # other people's news
    ("Mein Freund hat ein Angebot von Acme bekommen", MANY, "none"),
    ("Meine Schwester hat den Job bekommen 🎉", ONE, "none"),
    ("Meine Kollegin hat eine Absage von Globex bekommen", MANY, "none"),
    ("Mein Freund hat mir erzählt, dass Acme mich abgelehnt hat", MANY, "ask"),
    ("Mein Bruder hat ein zweites Gespräch bekommen", ONE, "none"),
    ("Mein Kumpel wurde von Acme abgelehnt lol", MANY, "none"),
    ("Meine Frau hat eine Zusage bekommen", ONE, "none"),
    # chit-chat, typos, nothing to act on
    ("Hallo", ONE, "none"),
    ("Danke!", ONE, "none"),
    ("lol", ONE, "none"),
    ("ok", ONE, "none"),
    ("Guten Morgen", ONE, "none"),
    ("Ich bin so nervös", ONE, "none"),
    ("Der Bot ist cool", ONE, "none"),
    ("Was kannst du?", ONE, "none"),
    ("asdfgh", ONE, "none"),
    ("🙂", ONE, "none"),
    ("👍", ONE, "none"),
    ("Super!!", ONE, "none"),
    ("Naja", ONE, "none"),
    ("ja", ONE, "none"),
    ("nein", ONE, "none"),
    ("ja über Hays, mein Recruiter ist Mike", ONE, ("button", "yes")),
    ("nein direkt", ONE, "none"),
    ("Ich brauche Kaffee", ONE, "none"),
    ("Das Gespräch war bei Acme", MANY, "none"),
    ("Erzähl mir was über Follow-ups", ONE, "none"),
    ("Wieder geghostet 🙄", ONE, "none"),
    ("Es ist eine Woche her", ONE, "none"),
    ("Mein Recruiter ist Mike", ONE, "none"),
    ("Acme", MANY, "none"),
    ("Globex ist eine coole Firma", MANY, "none"),
    ("Servus", ONE, "none"),
    ("Grüezi mitenand", ONE, "none"),
    ("Moin!", ONE, "none"),
    ("Das Gespräch lief gut, glaube ich", ONE, "none"),
    ("Ich liebe diesen Job", ONE, "none"),
    ("Das Büro war schön", ONE, "none"),
    ("Meine Recruiterin heißt Sarah", ONE, "none"),
    ("Egal", ONE, "none"),
    ("so gestresst gerade", ONE, "none"),
    ("passt", ONE, "none"),
    # words of news in sentences that are not news
    ("Sie haben gesagt, keine Entscheidung vor Freitag", ONE, "none"),
    ("HR hat nichts über nächste Schritte gesagt", ONE, "none"),
    ("Ich habe beim Gehalt nein gesagt", ONE, "none"),
    ("Die Recruiterin hat angerufen, sie brauchen mehr Zeit", ONE, "ask"),
    ("Ich habe sie angerufen", ONE, "ask"),
    ("Hab es an die falsche Person geschickt lol", ONE, "ask"),
    ("Ich habe die Stelle auf LinkedIn gefunden", ONE, "none"),
    ("Sie sprechen noch mit anderen Kandidaten", ONE, "none"),
    ("Das hat sich erledigt", ONE, "none"),
    ("Ich habe die Absage noch nicht geschickt", ONE, "none"),
    # typos
    ("Zusage bekomen!!", ONE, ("act", E.OFFER, "Acme", None)),
    ("Sie haben mich abgelent", ONE, ("act", E.REJECTED, "Acme", None)),
    ("Ich habe nachgefast", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", None)),
    ("Dankesmail gschickt", ONE, ("act", E.THANK_YOU_SENT, "Acme", None)),
    ("Bewerbung zurueckgezogen", ONE, ("act", E.WITHDREW, "Acme", None)),
    ("naechste Runde!!", ONE, ("act", E.NEXT_ROUND, "Acme", None)),
    # the English a German speaker mixes in
    ("got the job", ONE, ("act", E.OFFER, "Acme", None)),
    ("they said no", ONE, ("act", E.REJECTED, "Acme", None)),
    ("i followed up", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", None)),
    ("haven't heard back", ONE, "none"),
]
# Rows read right only with the German date reader: the day is in German words.
DATED_ROWS: list[Row] = [
    (
        "Globex hat mein Gespräch auf Mittwoch, den 9.12. um 9:30 verschoben",
        MANY,
        ("act", E.MOVED, "Globex", date(2026, 12, 9)),
    ),
    (
        "Acme hat auf Donnerstag 15 Uhr verschoben",
        MANY,
        ("act", E.MOVED, "Acme", date(2026, 12, 10)),
    ),
    ("Sie haben es auf Freitag verschoben", ONE, ("act", E.MOVED, "Acme", date(2026, 12, 11))),
    ("Gespräch wurde auf morgen 10 Uhr verlegt", ONE, ("act", E.MOVED, "Acme", date(2026, 12, 8))),
    (
        "Initech hat mein Gespräch auf den 14. Dezember verschoben",
        MANY,
        ("act", E.MOVED, "Initech", date(2026, 12, 14)),
    ),
    ("Globex hat auf Freitag verschoben", MANY, ("act", E.MOVED, "Globex", date(2026, 12, 11))),
    ("Ich habe am Freitag bei Acme nachgefasst", MANY, ("act", E.FOLLOW_UP_SENT, "Acme", FRIDAY)),
    ("Gestern bei Globex nachgehakt", MANY, ("act", E.FOLLOW_UP_SENT, "Globex", YESTERDAY)),
    ("Heute ein Follow-up geschickt", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", TODAY)),
    ("Hab gestern nachgefasst", ONE, ("act", E.FOLLOW_UP_SENT, "Acme", YESTERDAY)),
    (
        "Vor 2 Tagen bei Initech nachgefasst",
        MANY,
        ("act", E.FOLLOW_UP_SENT, "Initech", date(2026, 12, 5)),
    ),
    ("Habe mich gestern per Mail bedankt", ONE, ("act", E.THANK_YOU_SENT, "Acme", YESTERDAY)),
    ("Acme hat mir heute abgesagt", MANY, ("act", E.REJECTED, "Acme", TODAY)),
    ("Sie haben mich gestern abgelehnt", ONE, ("act", E.REJECTED, "Acme", YESTERDAY)),
    ("Initech hat mir heute ein Angebot gemacht", MANY, ("act", E.OFFER, "Initech", TODAY)),
    ("Am 3.12. bei Acme nachgefasst", MANY, ("act", E.FOLLOW_UP_SENT, "Acme", date(2026, 12, 3))),
    ("Globex hat mein Gespräch auf letzten Montag verschoben", MANY, "ask"),
    ("Follow-up morgen geschickt", ONE, "ask"),
]
# Typed answers to the button questions: (message, question, value).
BUTTONS: Buttons = [
    *(
        (w, Question.YES_NO, "yes")
        for w in (
            "ja",
            "jo",
            "jap",
            "klar",
            "ok",
            "okay",
            "👍",
            "ja bitte",
            "Klar!",
            "passt",
            "gerne",
            "auf jeden Fall",
            "Ja!",
            "ok 👍",
            "machen wir",
            "jawohl",
            "Super!!",
        )
    ),
    *(
        (w, Question.YES_NO, "no")
        for w in (
            "nein",
            "nee",
            "nö",
            "👎",
            "nein danke",
            "jetzt nicht",
            "nee danke",
            "vielleicht später",
            "Nein.",
            "später",
            "noch nicht",
            "nö 👎",
            "Hab es noch nicht geschickt",
        )
    ),
    *((w, Question.FOLLOW_THROUGH, "yes") for w in ("ja", "jap", "ja hab ich", "👍", "hab ich")),
    *(
        (w, Question.FOLLOW_THROUGH, "no")
        for w in ("nein", "noch nicht", "nö", "nee", "Hab es noch nicht geschickt")
    ),
    *(
        (w, Question.RATING, "1")
        for w in (
            "schrecklich 😩",
            "schlecht",
            "mies",
            "furchtbar",
            "😣",
            "😭",
            "es war eine Katastrophe",
            "total verkackt",
            "grauenhaft",
            "nicht gut",
            "😞",
        )
    ),
    *(
        (w, Question.RATING, "2")
        for w in (
            "ok, glaube ich 😐",
            "Naja",
            "gemischt",
            "so lala",
            "😐",
            "geht so",
            "okay",
            "nicht schlecht",
            "🤷",
            "nicht so toll",
            "mittelmäßig",
            "ganz ok",
        )
    ),
    *(
        (w, Question.RATING, "3")
        for w in (
            "🙂",
            "gut",
            "ziemlich gut",
            "lief gut",
            "😊",
            "gut 👍",
            "es war gut",
            "solide",
            "echt gut",
            "Das Gespräch lief gut, glaube ich",
        )
    ),
    *(
        (w, Question.RATING, "4")
        for w in (
            "Super!!",
            "toll",
            "mega 🤩",
            "🔥🔥",
            "perfekt",
            "hervorragend",
            "🥳",
            "fantastisch",
            "sehr gut",
            "lief super 💪",
            "SUPER",
        )
    ),
    ("👍", Question.RATING, "3"),
    ("🎉", Question.RATING, "4"),
    ("ok", Question.RATING, "2"),
    *(
        (w, Question.AGENCY, "no")
        for w in (
            "nein direkt",
            "direkt",
            "nein, direkt",
            "direkt beworben",
            "keine Agentur",
            "ich habe mich selbst beworben",
            "nö direkt",
            "auf eigene Faust",
            "über die Karriereseite",
        )
    ),
    *((w, Question.AGENCY, "yes") for w in ("via Hays", "via Randstad", "Via Robert Half")),
]
# "Hast du das Follow-up geschickt?" open: "hab's geschickt" is the follow-up.
SENT_MEANS_THE_FOLLOW_UP = {
    "Habs geschickt": ("act", E.FOLLOW_UP_SENT, "Acme", None),
    "Ist raus": ("act", E.FOLLOW_UP_SENT, "Acme", None),
    "Erledigt, hab es geschickt": ("act", E.FOLLOW_UP_SENT, "Acme", None),
    "Ich habe ihnen geschrieben": ("act", E.FOLLOW_UP_SENT, "Acme", None),
}


def test_the_german_table_is_read_right_and_never_acts_on_a_wrong_reading() -> None:
    assert len(NEWS) >= 120
    cases = row_cases(NEWS, BUTTONS, SENT_MEANS_THE_FOLLOW_UP) + button_cases(BUTTONS, ONE)
    read_table(cases, BOOK, ZONE, "German news table", "de").check()


def test_the_german_dated_rows_are_read_right_and_never_act_on_a_wrong_reading() -> None:
    cases = row_cases(DATED_ROWS, BUTTONS, SENT_MEANS_THE_FOLLOW_UP)
    read_table(cases, BOOK, ZONE, "German dated rows", "de").check()


def test_the_english_table_reads_the_same_with_the_german_lists_added() -> None:
    changed = changed_readings(english.every_case(), BOOK, ENGLISH_BOOK, english.ZONE)
    assert not changed, "\n".join(changed)
