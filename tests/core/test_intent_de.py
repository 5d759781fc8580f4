"""What German speakers type, read as our topics: real phrasings, near misses, and news.

The book is the one a German speaker gets: the German lists with the English ones added, since
people mix in English ("Follow-up", "Feedback", a whole English question now and then).
"""

from __future__ import annotations

import pytest

from followup.core.company_mentions import named_company
from followup.core.intent import Topic, news_outcome, offer_question, understand
from followup.core.model import Outcome
from followup.core.phrase_lists import phrasebook_for

BOOK = phrasebook_for("de")

# How people ask, by topic: du and Sie, with and without umlauts, typos, Austrian and Swiss words.
ASKED: dict[Topic, list[str]] = {
    Topic.CHASE: [
        "Soll ich nachfassen?", "Soll ich schon nachfassen?", "soll ich bei Acme nachfassen?",
        "Kann ich jetzt nachhaken?", "Ist es zu früh, um nachzufassen?",
        "ist es zu frueh zum nachfassen", "Wann sollte ich nachfassen?",
        "Wann kann ich mich melden?", "Soll ich mich nochmal melden?",
        "Soll ich sie anrufen?", "Darf ich die Personalerin anrufen?",
        "Soll ich eine Mail schreiben?", "soll ich ne mail schicken?",
        "Sollte ich eine Erinnerung schicken?", "Soll ich ein Follow-up schicken?",
        "Lohnt es sich nachzuhaken?", "Wie lange soll ich warten?",
        "wie lange sollte ich noch warten bevor ich nachfrage", "Nachfassen?",
        "Nachhaken oder abwarten?", "soll ich nachfragen wie der stand ist?",
        "Kann ich nach dem Stand fragen?", "ist es ok, nochmal zu mailen?",
        "Soll ich den Recruiter kontaktieren?", "Soll ich mich bei der Firma erkundigen?",
        "sie haben sich nicht gemeldet, was soll ich tun?",
        "keine Rückmeldung bisher, soll ich nachfassen?",
        "Seit einer Woche nichts, soll ich nachhaken?", "soll ich nachfasen", "sol ich nachhaken?",
        "Wirkt es aufdringlich, wenn ich nochmal schreibe?", "Ist es nervig, nochmal anzurufen?",
        "Wäre es okay, heute nachzufassen?", "Ab wann darf man nachfassen?",
        "Soll ich der Recruiterin eine Nachricht schicken?", "Wann ist ein guter Zeitpunkt zum Nachfassen?",
        "Soll ich mich bei Ihnen melden?", "Kann ich die Firma nochmal kontaktieren?",
        "Soll ich Acme anschreiben?", "Darf ich nachhaken, obwohl sie Freitag gesagt haben?",
        "Soll ich nochmal anrufen?", "Wie bald kann ich nachfassen?",
        "Muss ich nachfassen?", "schon Zeit zum Nachhaken?", "Soll ich anpingen?",
        "Ich hab schon einmal nachgefasst, soll ich nochmal nachfassen?",
        "should I chase them yet?", "Soll ich follow up machen?",
    ],
    Topic.NEWS: [
        "Sie haben angerufen!", "Ich habe die Stelle bekommen!", "ICH HAB DIE ZUSAGE!!! 🎉",
        "Absage bekommen", "Ich habe eine Absage bekommen :(", "Acme hat sich gemeldet",
        "Ich habe eine Zusage!", "Sie haben mir ein Angebot gemacht",
        "Ich bin in der nächsten Runde!", "Ich wurde zum zweiten Gespräch eingeladen",
        "Ich habe meine Bewerbung zurückgezogen", "Die Recruiterin hat gerade angerufen",
        "Die haben mich abgelehnt", "Leider eine Absage", "Sie haben sich für einen anderen Kandidaten entschieden",
        "ich bin weitergekommen 🙌", "Zusage bekommen!!", "Ich wurde eingestellt",
        "Acme hat mich genommen", "Ich habe das Angebot abgelehnt", "Ich bin ausgestiegen",
        "Ich habe eine Rückmeldung bekommen", "Sie haben mir geschrieben",
        "HR hat mich heute angerufen", "Endlich hat sich jemand gemeldet, sie haben sich gemeldet",
        "Ich habe es in die nächste Runde geschafft", "Sie wollen mich nochmal sehen",
        "Ich habe den Job leider nicht bekommen", "nicht genommen :(", "Es hat geklappt!",
        "Sie haben mir die Stelle angeboten", "Ich habe einen Anruf bekommen",
        "Die Stelle wurde intern besetzt", "Ich habe Neuigkeiten", "Die Zusage ist da!!",
        "Ich habe mich zurückgezogen, ein anderes Angebot angenommen",
        "Acme hat mir abgesagt", "bin leider nicht weitergekommen", "Sie haben mir geantwortet",
        "Ich habe den Vertrag unterschrieben", "Bin in der engeren Auswahl!",
        "they called!", "I got the job!",
    ],
    Topic.THANK_YOU: [
        "Soll ich eine Dankesmail schicken?", "Soll ich mich bedanken?",
        "Muss ich mich nach dem Gespräch bedanken?", "Dankesmail ja oder nein?",
        "Wie schreibe ich eine Dankesmail?", "Ist eine Dankes-Mail üblich?",
        "sollte ich mich beim interviewer bedanken", "Ist es zu spät für eine Dankesmail?",
        "Kannst du mir bei einer Dankesmail helfen?", "Was schreibe ich in die Dankesmail?",
        "Soll ich eine Dankeskarte schicken?", "Bedankt man sich nach einem Vorstellungsgespräch?",
        "soll ich mich bei allen bedanken?", "Dankesschreiben nötig?", "Dankesmail bitte",
        "Soll ich danke sagen?", "Ist ein Dankeschön per Mail komisch?",
        "Wie lange nach dem Gespräch sollte die Dankesmail raus?",
        "Soll ich der Personalerin danken?", "soll ich mich per linkedin oder mail bedanken?",
        "Wie bedanke ich mich richtig?", "Ist eine Dankesnachricht übertrieben?",
        "soll ich mich auch bei der recruiterin bedanken", "Braucht man eine Dankesmail?",
        "Dankes Mail nach dem zweiten Gespräch?", "Kann man sich per SMS bedanken?",
        "Soll ich mich am nächsten Tag bedanken?", "Soll ich eine Danke-Mail schreiben?",
        "Wie formuliere ich ein kurzes Danke?", "Soll ich eine dankesmial schicken?",
        "should I send a thank-you email?",
    ],
    Topic.RECRUITER_CALL: [
        "Was sage ich, wenn der Recruiter anruft?", "Was soll ich der Personalerin sagen?",
        "Der Recruiter will Feedback, was sage ich?", "Wie gebe ich dem Recruiter Feedback?",
        "Was soll ich beim Feedbackgespräch sagen?", "Was erzähle ich der Agentur?",
        "Wie ehrlich soll ich zum Headhunter sein?", "Die Recruiterin ruft gleich an, Tipps?",
        "Was sage ich, wenn sie anruft?", "Wie bereite ich mich auf das Telefonat mit dem Recruiter vor?",
        "Was will der Recruiter wissen?", "Was soll ich dem Personaler erzählen?",
        "Was sag ich dem Recruiter zum Gespräch?", "Feedback an den Recruiter, was soll ich sagen?",
        "Was antworte ich, wenn die Personalerin nach Feedback fragt?",
        "Was wird der Headhunter fragen?", "Wie viel soll ich dem Vermittler erzählen?",
        "Die Agentur ruft morgen an, was soll ich sagen?", "Hilf mir, mich auf den Anruf vorzubereiten, Vorbereitung?",
        "Was soll ich der Recruiterin erzählen, wenn es schlecht lief?",
        "Soll ich dem Recruiter sagen, dass ich nicht überzeugt bin?",
        "Was soll ich beim Telefonat sagen?", "was sage ich dem personaler",
        "Wie ehrlich soll ich im Feedback sein?", "Was erwähne ich im Feedbackgespräch?",
        "Wie soll ich mein Feedback geben?", "Was mache ich, wenn der Recruiter anruft?",
        "Was sage ich dem Headhunter?", "Was soll ich der Agentur sagen?",
        "Die Personalerin will ein Feedback-Telefonat, was soll ich erwähnen?",
        "what do I say when the recruiter calls?",
    ],
    Topic.GHOSTED: [
        "Sie haben mich geghostet", "Ich glaube, ich wurde geghostet", "Seit Wochen nichts",
        "Keine Antwort", "Ich habe noch nichts gehört", "Seit 3 Wochen Funkstille",
        "Immer noch nichts von Acme 😩", "Totale Funkstille", "Sie haben sich nie gemeldet",
        "Es ist schon zwei Wochen her und nichts", "Sie ignorieren mich", "Kein Wort von denen",
        "Sie haben sich noch nicht gemeldet", "Noch keine Rückmeldung", "Ich warte immer noch",
        "Die sind wie vom Erdboden verschluckt", "nix gehört bisher", "seit 10 Tagen nichts",
        "Nicht mal eine Absage", "Die melden sich einfach nicht", "Ich wurde wohl vergessen, sie haben mich vergessen",
        "Schweigen seit dem Interview", "Die Frist ist abgelaufen und nichts",
        "keine reaktion", "Bisher nichts gehört, ist das normal?", "Die antworten nicht",
        "Niemand meldet sich", "Nach dem Gespräch totale Stille", "Es ist eine Woche her",
        "Sie sind abgetaucht", "they ghosted me",
    ],
    Topic.WHAT_NOW: [
        "Was jetzt?", "Was nun?", "Und jetzt?", "Was soll ich tun?", "Was mache ich jetzt?",
        "Wie geht es weiter?", "wie gehts weiter", "Was sind die nächsten Schritte?",
        "Was kann ich tun?", "Was würdest du tun?", "Was empfiehlst du mir?",
        "Was schlägst du vor?", "Hast du Tipps?", "Ich weiß nicht, was ich tun soll",
        "Was ist der nächste Schritt?", "Wie soll ich vorgehen?", "Was passiert jetzt?",
        "Was kommt als nächstes?", "was tun?", "Keine Ahnung, was ich machen soll",
        "Was soll ich jetzt machen?", "Was rätst du mir?", "Hast du einen Rat?",
        "Kann ich noch was tun?", "Was mache ich als nächstes?", "was nun 😅",
        "Was würdest du an meiner Stelle tun?", "Wie gehe ich jetzt vor?",
        "Irgendwelche Tipps?", "Was kann ich noch machen?", "what now?",
    ],
    Topic.OFFER: [
        "Wie nehme ich das Angebot an?", "Wie verhandle ich? Kann ich verhandeln?",
        "Ich habe das Angebot bekommen, wie verhandle ich das Gehalt?",
        "Soll ich das Angebot annehmen?", "Soll ich beim Gehalt verhandeln?",
        "Kann ich um Bedenkzeit bitten?", "Wie antworte ich auf ein Jobangebot?",
        "Ist ein Gegenangebot okay?", "Sie haben mir ein Angebot gemacht, was jetzt?",
        "Soll ich sofort annehmen?", "Wie lange habe ich Zeit, mich zu entscheiden?",
        "Soll ich das Angebot schriftlich verlangen? Angebotsschreiben?",
        "Ist das Gehalt verhandelbar?", "Sie bieten 55k, soll ich ein Gegenangebot machen?",
        "Wie lehne ich das Angebot höflich ab? Angebot ablehnen?",
        "Kann ich das Startdatum verhandeln?", "Mündliche Zusage, was soll ich tun?",
        "Soll ich auf den Arbeitsvertrag warten?", "Wie sage ich das Angebot ab? Angebot absagen?",
        "Was ist mit der Kündigungsfrist?", "Soll ich nach Homeoffice fragen?",
        "Ist es unhöflich zu verhandeln?", "Ich habe die Zusage, soll ich zusagen?",
        "Soll ich den Vertrag unterschreiben?", "Wie viel mehr Gehalt kann ich verlangen?",
        "Ist es normal, ein paar Tage Bedenkzeit zu verlangen?",
        "Soll ich den Job nehmen?", "Kann ich mehr Geld verlangen?",
        "Wie reagiere ich auf das Angebot?", "Bis wann muss ich antworten? Das Angebot liegt vor",
        "Soll ich verhandeln oder einfach annehmen?", "should I accept the offer?",
    ],
    Topic.CALL_INSTEAD: [
        "Kann ich anrufen statt zu mailen?", "Soll ich lieber anrufen?",
        "Ist es besser anzurufen oder zu mailen?", "Anrufen oder Mail?",
        "Mail oder anrufen?", "Telefonisch nachfassen?", "Soll ich sie anrufen statt zu schreiben?",
        "Ist ein Anruf besser als eine Mail?", "Lieber telefonieren oder schreiben?",
        "Kann ich stattdessen anrufen?", "Soll ich anrufen anstatt eine Mail zu schicken?",
        "Ist ein Anruf persönlicher?", "Anruf statt Mail?", "Lieber anrufen?",
        "Soll ich die Personalerin anrufen oder ihr schreiben?",
        "Ist telefonisch besser als per Mail?", "soll ich lieber durchklingeln",
        "Darf ich anrufen anstatt zu schreiben?", "Soll ich zurückrufen oder mailen?",
        "Wäre ein Anruf besser als eine Mail?", "Soll ich per Telefon nachfassen?",
        "E-Mail oder anrufen?", "Kann ich telefonisch nachhaken statt per Mail?",
        "Ist es komisch, statt einer Mail anzurufen?", "anrufen oder eine nachricht?",
        "Sollte ich lieber telefonieren?", "Anrufen statt schreiben, geht das?",
        "Ist Telefon oder Mail besser?", "Lieber am Telefon nachfragen?",
        "Soll ich anrufen oder mailen?", "can I call instead of emailing?",
    ],
    Topic.LINKEDIN: [
        "Soll ich mich auf LinkedIn vernetzen?", "Kann ich den Interviewer auf LinkedIn hinzufügen?",
        "Soll ich mich mit der Personalerin vernetzen?", "Ist eine Kontaktanfrage auf LinkedIn komisch?",
        "Soll ich ihr auf Xing schreiben?", "LinkedIn?", "Soll ich eine Vernetzungsanfrage schicken?",
        "Darf ich mich mit dem Hiring Manager vernetzen?", "Ist es zu früh, sich zu vernetzen?",
        "Soll ich auf LinkedIn nachfassen?", "Was schreibe ich in die LinkedIn-Nachricht?",
        "Soll ich den Recruiter auf LinkedIn anschreiben?", "Kontaktanfrage ja oder nein?",
        "Soll ich mich mit dem Team vernetzen?", "Kann ich auf Xing eine Anfrage schicken?",
        "Ist linkedin okay?", "soll ich die leute auf linkedin adden?",
        "Soll ich seine LinkedIn-Beiträge liken?", "Vernetzen nach dem Gespräch, üblich?",
        "Soll ich die Verbindungsanfrage annehmen?", "Soll ich ihm auf LinkedIn folgen?",
        "Kontaktanfrage mit Nachricht oder ohne?", "Ist Vernetzung nach dem Interview okay?",
        "Soll ich mich mit dem Chef auf Linkedin verbinden?", "LinkedIn-Anfrage an die Interviewerin?",
        "Darf ich der Personalerin auf Xing folgen?", "Soll ich mich mit allen vernetzen?",
        "Ist es aufdringlich, sich zu vernetzen?", "Soll ich auf LinkedIn eine Nachricht schicken?",
        "Wann sollte ich mich vernetzen?", "should I connect on LinkedIn?",
    ],
}  # fmt: skip

# Near misses: close to a topic in words, but something else (another topic, or none of ours).
NEAR: dict[Topic, list[tuple[str, Topic | None]]] = {
    Topic.CHASE: [
        ("Ich habe letzte Woche nachgefasst", None), ("Sie haben mich gestern angerufen", Topic.NEWS),
        ("Ruf mich an", None), ("Die Recruiterin hat angerufen", Topic.NEWS),
        ("Soll ich eine Dankesmail schicken?", Topic.THANK_YOU),
        ("Soll ich das Angebot annehmen?", Topic.OFFER), ("Wann haben sie angerufen?", None),
        ("Die Recruiterin will mich morgen anrufen", None), ("Wann habe ich zuletzt nachgefasst?", None),
        ("Wie trage ich ein Gespräch ein?", None), ("Ich habe die Dankesmail geschickt", None),
        ("Kann ich anrufen statt zu mailen?", Topic.CALL_INSTEAD),
        ("Soll ich auf LinkedIn nachfassen?", Topic.LINKEDIN), ("Sie haben mich geghostet", Topic.GHOSTED),
        ("Ich habe ihnen am Montag geschrieben", None),
        ("Was sage ich, wenn der Recruiter anruft?", Topic.RECRUITER_CALL),
        ("Ich habe schon zweimal nachgefasst", None), ("Sie wollten sich am Freitag melden", None),
        ("Wann werden sie sich melden?", None), ("Wird er mich anrufen?", None),
    ],
    Topic.NEWS: [
        ("Ich habe noch nichts gehört", Topic.GHOSTED), ("Sie haben sich noch nicht gemeldet", Topic.GHOSTED),
        ("Wann rufen sie an?", None), ("Soll ich nachfassen?", Topic.CHASE),
        ("Ich hatte ein Vorstellungsgespräch", None), ("Ich hoffe, ich bekomme die Stelle", None),
        ("Was ist, wenn sie mir absagen?", None), ("Sie haben nie zurückgerufen", Topic.GHOSTED),
        ("Ich warte noch auf eine Rückmeldung", Topic.GHOSTED),
        ("Wie bereite ich mich auf das zweite Gespräch vor?", None),
        ("Ich habe die Zusage, wie verhandle ich?", Topic.OFFER),
        ("Soll ich meine Bewerbung zurückziehen?", None), ("Ich habe Angst vor einer Absage", None),
        ("Falls ich die Stelle bekomme, was dann?", None),
        ("Wenn sie anrufen, was sage ich?", Topic.RECRUITER_CALL),
        ("Soll ich mich nach dem zweiten Gespräch bedanken?", Topic.THANK_YOU),
        ("Ich hoffe auf eine Zusage", None), ("Hoffentlich rufen sie morgen an", None),
        ("Ich würde gern in die nächste Runde kommen", None),
        ("Vielleicht bekomme ich ein Angebot", None), ("Bekomme ich die Stelle?", None),
        ("Gibt es Neuigkeiten?", None), ("Wann bekomme ich eine Rückmeldung?", None),
    ],
    Topic.THANK_YOU: [
        ("Danke!", None), ("Danke schön", None), ("Vielen Dank für die Hilfe", None),
        ("Ich habe die Dankesmail geschickt", None), ("Ich habe mich schon bedankt, was jetzt?", Topic.WHAT_NOW),
        ("Danke, soll ich schon nachfassen?", Topic.CHASE), ("Danke! Was jetzt?", Topic.WHAT_NOW),
        ("Danke für den Tipp", None), ("Sie haben sich für mein Kommen bedankt", None),
        ("Ich habe mich persönlich bedankt", None), ("Danke, verstanden", None),
        ("Ich schicke die Dankesmail heute Abend", None), ("dankeschön 🙏", None),
        ("Danke, kann ich jetzt nachhaken?", Topic.CHASE),
    ],
    Topic.RECRUITER_CALL: [
        ("Soll ich den Recruiter schon anrufen?", Topic.CHASE), ("Die Recruiterin hat angerufen", Topic.NEWS),
        ("Der Recruiter ruft mich morgen an", None), ("Kann ich die Personalerin anrufen statt zu mailen?", Topic.CALL_INSTEAD),
        ("Ich habe dem Recruiter mein Feedback gegeben", None), ("Die Agentur hat angerufen", Topic.NEWS),
        ("Die Recruiterin rief mit einem Angebot an, was sage ich? Angebot annehmen?", Topic.OFFER),
        ("Soll ich den Recruiter kontaktieren?", Topic.CHASE), ("Mein Recruiter heißt Sam", None),
        ("Was soll ich in die Dankesmail schreiben?", Topic.THANK_YOU),
        ("Ich habe den Recruiter schon angerufen", None), ("Recruiter", None),
        ("Sam von Hays", None), ("Die Personalerin war nett", None),
        ("Soll ich mich mit der Recruiterin auf LinkedIn vernetzen?", Topic.LINKEDIN),
    ],
    Topic.GHOSTED: [
        ("Sie haben angerufen", Topic.NEWS), ("Nach Wochen Funkstille haben sie mir abgesagt", Topic.NEWS),
        ("Sie haben sich nicht gemeldet, was soll ich tun?", Topic.CHASE),
        ("Keine Antwort, soll ich nachfassen?", Topic.CHASE), ("Soll ich nachhaken?", Topic.CHASE),
        ("Es war ein langer Tag", None), ("Ich war im Gespräch ruhig", None),
        ("Nach zwei Wochen haben sie geantwortet", Topic.NEWS), ("Ich hatte vor zwei Wochen ein Gespräch", None),
        ("Das Gespräch ist in 2 Wochen", None), ("Was jetzt?", Topic.WHAT_NOW),
        ("Ich habe endlich was gehört", Topic.NEWS),
        ("Sie haben mich geghostet, soll ich nachfassen?", Topic.CHASE), ("Vor einer Woche", None),
    ],
    Topic.WHAT_NOW: [
        ("Ich habe eine Absage bekommen, was jetzt?", Topic.NEWS),
        ("Sie haben sich nicht gemeldet, was soll ich tun?", Topic.CHASE),
        ("Was soll ich anziehen?", None), ("Wie ist das Wetter?", None), ("Was kannst du?", None),
        ("Wie spät ist es in Berlin?", None), ("Was haben sie gesagt?", None),
        ("Was sage ich, wenn der Recruiter anruft?", Topic.RECRUITER_CALL),
        ("Sie haben mir ein Angebot gemacht, was jetzt?", Topic.OFFER),
        ("Seit Wochen Funkstille, was jetzt?", Topic.GHOSTED),
        ("Was schreibe ich in die Dankesmail?", Topic.THANK_YOU), ("Wie heiße ich?", None),
        ("Was ist das für ein Bot?", None), ("jetzt", None), ("was", None), ("weiter", None),
    ],
    Topic.OFFER: [
        ("Ich habe die Stelle bekommen!", Topic.NEWS), ("Sie haben mir ein Angebot gemacht", Topic.NEWS),
        ("Ich habe das Angebot angenommen 🎉", Topic.NEWS), ("Soll ich nachfassen?", Topic.CHASE),
        ("Ich habe das Angebot abgelehnt", Topic.NEWS), ("Mündliche Zusage heute bekommen", Topic.NEWS),
        ("Ist Funkstille ein schlechtes Zeichen?", Topic.GHOSTED), ("Absage bekommen", Topic.NEWS),
        ("Soll ich ihnen noch ein paar Tage geben?", None),
        ("Ich hoffe, sie machen mir ein Angebot", None), ("Über Gehalt wurde gesprochen", None),
        ("Das Gehalt ist 50k", None), ("Was jetzt?", Topic.WHAT_NOW),
        ("Soll ich für das zweite Gespräch zusagen?", None),
        ("Soll ich ein paar Tage warten mit dem Nachfassen?", Topic.CHASE),
        ("Soll ich schriftlich oder telefonisch nachfassen?", Topic.CALL_INSTEAD),
    ],
    Topic.CALL_INSTEAD: [
        ("Kann ich sie anrufen?", Topic.CHASE), ("Ist es zu früh anzurufen?", Topic.CHASE),
        ("Soll ich den Recruiter schon anrufen?", Topic.CHASE),
        ("Soll ich dem Manager statt der Recruiterin schreiben?", Topic.CHASE),
        ("Ich würde lieber nicht nachfassen", None), ("Sie haben angerufen statt zu mailen", Topic.NEWS),
        ("Ich habe sie stattdessen angerufen", None), ("Was sage ich, wenn sie anrufen?", Topic.RECRUITER_CALL),
        ("Ich warte lieber", None), ("Telefon", None), ("Sie bevorzugen Mails", None),
        ("Kann ich stattdessen eine SMS schicken?", Topic.CHASE), ("Ruf mich später an", None),
        ("Soll ich die Dankesmail per Post oder per Mail schicken?", Topic.THANK_YOU),
    ],
    Topic.LINKEDIN: [
        ("Ich habe mich über LinkedIn beworben, soll ich nachfassen?", Topic.CHASE),
        ("Ich habe die Stelle auf LinkedIn gefunden", None), ("Die Anzeige war auf LinkedIn", None),
        ("LinkedIn", None), ("Xing ist tot", None), ("Soll ich nachfassen?", Topic.CHASE),
        ("Sie haben mir auf LinkedIn geschrieben", Topic.NEWS),
        ("Die Recruiterin hat mich auf LinkedIn gefunden", None),
        ("Ich habe mich gestern mit ihr vernetzt", None),
        ("Soll ich mich auf LinkedIn bedanken?", Topic.THANK_YOU),
        ("Die Stelle war auf Xing ausgeschrieben, soll ich nachhaken?", Topic.CHASE),
        ("Mein LinkedIn-Profil ist aktuell", None),
    ],
}  # fmt: skip

# Ordinary messages: debrief answers, notes, small talk. None of them is one of our topics.
ORDINARY = [
    "Ich hatte heute ein Vorstellungsgespräch", "Wie ist das Wetter?", "Kannst du mir helfen",
    "Ruf mich vielleicht an", "Hallo", "Hallo?", "Hi", "Servus", "Grüezi", "Moin", "Danke!",
    "Mein Gespräch lief gut", "Was kannst du?", "Ich will abbrechen", "Regnet es?", "Acme",
    "Acme GmbH", "Globex", "Datenanalyst", "Senior Softwareentwickler", "gestern 15 Uhr",
    "morgen 14:00", "nächsten Freitag", "ja", "nein", "überspringen", "gut", "super", "schlecht",
    "beide", "keins", "Sam Jones", "Hab Priya getroffen, sie hat nach Skalierung gefragt",
    "Wie lange dauert eine Entscheidung normalerweise?", "Wer war der Interviewer?",
    "Ich bin nervös", "Kann ich meine Notizen sehen?", "Lief okay, Fragen zu SQL und Python",
    "Sie mochten mein Portfolio", "Ich glaube, es lief schlecht", "Es lief ziemlich gut",
    "Europe/Berlin", "Wien", "Zürich", "/status", "ok", "👍", "🎉", "lol", "x" * 5000, "",
    "   ", "?", "!!!", "Das Panel waren drei Leute", "Sie fragten, warum ich gewechselt habe",
    "Das Büro war schön", "Entscheidung bis Freitag", "Soll ich eine Krawatte tragen?",
    "Wann ist mein Gespräch?", "Mein Gespräch ist am Donnerstag", "Ich habe ein gutes Gefühl",
    "Sie haben nach meiner Gehaltsvorstellung gefragt", "Der Recruiter heißt Tom",
    "Es war ein Videocall", "Sie entscheiden nächste Woche", "Danke, das hilft",
    "Cool", "Montag 10 Uhr", "Ich habe die Teamleiterin und zwei Entwickler getroffen",
    "Das Büro ist in Kreuzberg", "Super, danke!", "Sie melden sich bis Freitag",
    "Ich bewerbe mich bei drei Firmen", "Ich habe mich heute krankgemeldet",
    "Mein Handy ist im Gespräch ausgegangen", "Das Gespräch hat 30 Minuten länger gedauert",
    "Ich muss meinem Vermieter schreiben", "Danke für alles!", "Morgen ist die zweite Runde",
    "Wir haben über Homeoffice gesprochen", "Sie meinten, ein Angebot könnte bis Freitag kommen",
    "Meine Mail ist ann@example.com", "ok danke, tschüss", "Kann ich meine Daten löschen?",
    "Ich sag dir, wie es läuft", "Freitagnachmittag", "Grüß Gott", "Passt", "Jo",
]  # fmt: skip

NEWS_OUTCOMES: dict[Outcome, list[str]] = {
    Outcome.OFFER: [
        "Ich habe die Stelle bekommen!", "Zusage bekommen!!", "ICH HAB DIE ZUSAGE!!! 🎉",
        "Ich habe das Angebot bekommen!", "Sie haben mir die Stelle angeboten",
        "Sie haben mir ein Angebot geschickt, mir ein Angebot gemacht", "Ich wurde eingestellt",
        "Sie wollen mich einstellen!", "Ich habe eine mündliche Zusage bekommen",
        "Acme hat mich genommen 😎", "Sie haben mir ein Angebot gemacht", "Ich war erfolgreich!",
        "Die Zusage ist da", "Acme hat mir den Job angeboten", "Ich habe das Angebot angenommen 🎉",
        "Ich habe die Zusage, wie verhandle ich?", "Es hat geklappt, ich habe den Job",
        "I got the job!", "i ha d Stell übercho",
    ],
    Outcome.REJECTED: [
        "Absage bekommen", "Sie haben mich abgelehnt", "Ich habe die Stelle nicht bekommen",
        "Ich habe eine Absage bekommen :(", "Den Job leider nicht bekommen",
        "Leider nicht erfolgreich", "Sie haben sich für einen anderen Kandidaten entschieden",
        "Ich wurde nicht ausgewählt", "Absagemail bekommen", "Schon wieder abgelehnt 😞",
        "Acme hat mir abgesagt", "Die Stelle ist bereits besetzt", "Sie haben sich gegen mich entschieden",
        "Ich bin leider nicht weitergekommen", "Ich wurde nicht genommen",
        "Hat leider nicht geklappt :(", "Sie haben eine andere Bewerberin genommen, andere Bewerberin",
        "Ich habe nach dem zweiten Gespräch eine Absage bekommen", "got rejected :(",
    ],
    Outcome.WITHDREW: [
        "Ich habe meine Bewerbung zurückgezogen", "Ich habe mich zurückgezogen",
        "Ich bin ausgestiegen", "Ich habe ein anderes Angebot angenommen",
        "Ich habe das Angebot abgelehnt", "Ich habe abgesagt", "Ich habe kein Interesse mehr",
        "Ich habe einen anderen Job angenommen", "Ich habe mich dagegen entschieden",
        "Ich habe nein gesagt", "Ich bin abgesprungen", "Ich ziehe meine Bewerbung zurück",
        "Habe woanders zugesagt, also zurückgezogen", "Ich habe ihnen abgesagt",
        "Ich habe den Prozess abgebrochen", "I withdrew",
    ],
    Outcome.NEXT_ROUND: [
        "Ich wurde zum zweiten Gespräch eingeladen", "Nächste Runde erreicht!",
        "Ich bin in der nächsten Runde!", "Ich habe ein zweites Gespräch!!",
        "Ich bin in die finale Runde gekommen", "Sie wollen mich nochmal sehen",
        "Ich bin in der engeren Auswahl", "Sie haben mich zur zweiten Runde eingeladen",
        "Sie haben mir ein zweites Gespräch angeboten", "Ich bin weitergekommen",
        "Sie haben mir eine Fallstudie geschickt", "Einladung zum Assessment Center 🙌",
        "Ich habe es in die nächste Runde geschafft", "Sie möchten mich nochmal kennenlernen",
        "Dritte Runde für Freitag vereinbart!", "Zum Probetag eingeladen", "next round!",
    ],
}  # fmt: skip
UNSAID_NEWS = [
    "Sie haben angerufen", "Sie haben angerufen!", "Acme hat sich gemeldet",
    "Die Recruiterin hat mich heute morgen angerufen", "Der Recruiter hat angerufen",
    "Ich habe eine Rückmeldung von Globex bekommen", "Acme hat mir eine Mail geschickt",
    "Sie hat mir geantwortet", "HR hat mich heute angerufen", "Sie haben sich endlich gemeldet",
    "Ich habe Neuigkeiten", "Endlich etwas gehört 🙌", "Ich hatte einen Anruf von Acme",
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "topic"), [(text, topic) for topic, texts in ASKED.items() for text in texts]
)
def test_each_topic_is_recognised_in_many_german_phrasings(text: str, topic: Topic) -> None:
    assert understand(text, BOOK) is topic


@pytest.mark.parametrize(
    ("text", "expected", "topic"),
    [(text, expected, topic) for topic, pairs in NEAR.items() for text, expected in pairs],
)
def test_near_misses_go_elsewhere(text: str, expected: Topic | None, topic: Topic) -> None:
    assert expected is not topic
    assert understand(text, BOOK) is expected


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_messages_are_none_of_ours(text: str) -> None:
    assert understand(text, BOOK) is None
    assert news_outcome(text, BOOK) is None


def test_every_topic_has_enough_examples_both_ways() -> None:
    for topic in Topic:
        others = [t for other, texts in ASKED.items() if other is not topic for t in texts]
        negatives = len(NEAR.get(topic, [])) + len(ORDINARY) + len(others)
        assert len(ASKED[topic]) >= 30, topic
        assert negatives >= 30, topic
        assert len(NEAR.get(topic, [])) >= 10, topic


@pytest.mark.parametrize(
    ("text", "outcome"),
    [(text, outcome) for outcome, texts in NEWS_OUTCOMES.items() for text in texts],
)
def test_news_names_its_outcome(text: str, outcome: Outcome) -> None:
    assert news_outcome(text, BOOK) is outcome


@pytest.mark.parametrize("text", UNSAID_NEWS)
def test_news_that_does_not_say_what(text: str) -> None:
    assert understand(text, BOOK) is Topic.NEWS
    assert news_outcome(text, BOOK) is None


def test_news_lists_are_long_enough() -> None:
    assert all(len(texts) >= 15 for texts in NEWS_OUTCOMES.values())


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Ich habe die Zusage, wie verhandle ich das Gehalt?", Topic.OFFER),
        ("Ich habe die Zusage!", Topic.NEWS),
        ("Sie haben sich nicht gemeldet, soll ich nachfassen?", Topic.CHASE),
        ("Sie haben mich geghostet", Topic.GHOSTED),
        ("Soll ich eine Dankesmail schicken?", Topic.THANK_YOU),
        ("Ich habe die Stelle nicht bekommen", Topic.NEWS),
        ("Absage bekommen, was jetzt?", Topic.NEWS),
        ("Seit drei Wochen nichts, was jetzt?", Topic.GHOSTED),
        ("Sie haben nicht geantwortet, was soll ich tun?", Topic.CHASE),
        ("Zweites Gespräch bekommen, soll ich mich bedanken?", Topic.THANK_YOU),
        ("Die Recruiterin rief mit einem Angebot an, was soll ich sagen?", Topic.OFFER),
        ("Kann ich die Recruiterin anrufen statt zu mailen?", Topic.CALL_INSTEAD),
    ],
)
def test_which_topic_wins(text: str, topic: Topic) -> None:
    assert understand(text, BOOK) is topic


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Soll ich annehmen oder um Bedenkzeit bitten?", "time"),
        ("Wie lange habe ich Zeit für das Angebot?", "time"),
        ("Soll ich auf das schriftliche Angebot warten?", "writing"),
        ("Soll ich den Arbeitsvertrag gleich unterschreiben?", "writing"),
        ("Wie lehne ich das Angebot höflich ab? Ablehnen?", "decline"),
        ("Soll ich das Angebot nicht annehmen?", "decline"),
        ("Kann ich beim Gehalt verhandeln?", "negotiate"),
        ("Ist ein Gegenangebot okay?", "negotiate"),
        ("Wie nehme ich das Angebot an? Annehmen per Mail?", "accept"),
        ("Soll ich zusagen?", "accept"),
        ("Wie antworte ich auf das Angebot?", "general"),
    ],
)
def test_the_part_of_an_offer_a_question_is_about(text: str, part: str) -> None:
    assert offer_question(text, BOOK).value == part


# Mixed: German with an English company name, English from a German speaker, Denglisch.
MIXED = [
    ("Soll ich bei Google nachfassen?", Topic.CHASE),
    ("Soll ich beim Recruiter von Amazon nachhaken?", Topic.CHASE),
    ("Microsoft hat mir abgesagt", Topic.NEWS),
    ("Ich habe ein Offer von Spotify bekommen, soll ich verhandeln?", Topic.OFFER),
    ("should I follow up?", Topic.CHASE),
    ("they went with someone else", Topic.NEWS),
    ("what now?", Topic.WHAT_NOW),
    ("Soll ich ein Follow-up schicken?", Topic.CHASE),
    ("Der Recruiter hat mich gecallt, was soll ich sagen? Feedback geben?", Topic.RECRUITER_CALL),
    ("Ich wurde geghostet lol", Topic.GHOSTED),
    ("Soll ich ein Thank-you schicken?", Topic.THANK_YOU),
    ("got rejected, was jetzt?", Topic.NEWS),
]


@pytest.mark.parametrize(("text", "topic"), MIXED)
def test_mixed_german_and_english(text: str, topic: Topic) -> None:
    assert understand(text, BOOK) is topic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soll ich bei Globex nachfassen?", (None, "Globex")),
        ("Soll ich bei Acme nachfassen?", ("Acme Ltd", None)),
        ("soll ich bei acme nachhaken", ("Acme Ltd", None)),
        ("Soll ich bei der Firma nachfassen?", (None, None)),
        ("Soll ich beim Recruiter nachfassen?", (None, None)),
        ("Soll ich mit Initech Kontakt aufnehmen?", (None, "Initech")),
        ("Gibt es was Neues von Umbrella?", (None, "Umbrella")),
        ("Nichts gehört von Hooli, was jetzt?", (None, "Hooli")),
        ("Soll ich mich bei Ihnen melden?", (None, None)),
        ("Soll ich bei Sam nachfragen?", (None, None)),
        ("Soll ich am Montag bei der Personalabteilung anrufen?", (None, None)),
        ("soll ich mich bei initech melden?", (None, "initech")),
        ("soll ich mich bei denen melden?", (None, None)),
        ("Soll ich mich mit Freude melden?", (None, None)),
        ("Soll ich bei Gelegenheit nachfassen?", (None, None)),
    ],
)
def test_a_company_named_in_a_german_question(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert named_company(text, ["Acme Ltd"], BOOK, people=["Sam Jones"]) == expected


def test_the_english_readings_still_hold_for_a_german_speaker() -> None:
    for text, topic in [
        ("should I chase them yet?", Topic.CHASE),
        ("I got the job!", Topic.NEWS),
        ("should I send a thank-you?", Topic.THANK_YOU),
        ("they ghosted me", Topic.GHOSTED),
        ("how do I negotiate?", Topic.OFFER),
        ("can I call instead of emailing?", Topic.CALL_INSTEAD),
        ("should I connect on LinkedIn?", Topic.LINKEDIN),
        ("what do I say when the recruiter calls?", Topic.RECRUITER_CALL),
        ("what now?", Topic.WHAT_NOW),
        ("I was offered the job", Topic.NEWS),
        ("hello", None),
    ]:
        assert understand(text, BOOK) is topic, text
    assert named_company("should i send an update?", ["Acme"], BOOK) == (None, None)
