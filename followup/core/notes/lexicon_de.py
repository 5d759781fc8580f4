"""German note words: what is never quoted, how topics and names are written.

Data more than logic, one file per language: each list is what people type after an interview in
that language, and the reader (other_languages.py) is the same for all of them. A list lives next
to its language's patterns, not in one big table, so a speaker of the language can review it
whole. Written with umlauts; matched with or without them (folding.py), and the common "ae", "oe",
"ue" spellings are listed where people use them.

German needs two things the others do not: the verb often comes last ("wir haben über die
Datenplattform gesprochen"), and every noun has a capital, so a capitalised word is a name only
after a word that introduces people ("Gespräch mit Herrn Müller"), never on its own.
"""

from __future__ import annotations

from followup.core.notes.folding import folded_pattern, word_pattern, words
from followup.core.notes.words import ACCUSATIVE, DATIVE, NOMINATIVE, NoteWords

# Feelings, judgements, complaints, money, gossip and hedges. One hit drops the sentence.
_UNSAFE = words(
    # the user's nerves and how they think it went
    """
    nervös* nervoes* aufgeregt* angst* ängstlich* aengstlich* panik* gestresst* stress* blackout
    blockiert* hänger haenger versag* vermasselt vergeigt verhauen verkackt verbockt gepatzt
    patzer gestottert gestammelt peinlich* blamiert* schiefgelaufen schief danebengegangen
    durchgefallen chance* passe_nicht eindruck* beeindruck* gefühl* gefuehl* fühlte* fuehlte*
    gefühlt anfühl* wirkte wirkten wirkt schien* scheint* stimmung* vibe* bauchgefühl
    """
    # impressions and judgements, good or bad
    """
    unfreundlich* unhöflich* unhoeflich* frech* arrogant* überheblich* ueberheblich*
    herablassend* gelangweilt* langweilig* desinteressiert* abwesend* abgelenkt* kalt kalte
    kalten kalter kaltes kühl* kuehl* distanziert* schroff* unprofessionell* chaotisch* chaos
    durcheinander unorganisiert* desorganisiert* verspätet* verspaetet* verspätung* zu_spät
    zu_spaet spät spaet gehetzt* hektisch* eilig* unvorbereitet* feindselig* aggressiv* toxisch*
    dubios* unseriös* zwielichtig* seltsam* komisch* merkwürdig* merkwuerdig* eigenartig*
    schräg* schraeg* strange unangenehm* genervt* nervig* ärger* aerger* sauer wütend* wuetend*
    frustr* enttäusch* enttaeusch* traurig* hass* hasse mag gefiel* gefällt* gefaellt*
    gefallen liebe* lieb toll* super* klasse prima cool geil* nett* freundlich* sympathisch*
    angenehm* herzlich* warm entspannt* locker* lustig* spannend* interessant* gut gute guten
    guter gutes besser* beste* schlecht* mies* mau übel* uebel* furchtbar* schrecklich*
    katastroph* grauenhaft* schlimm* blöd* bloed* doof* bescheuert* dumm dumme dummen dummer
    dummes scheiß* scheiss* kacke mist verdammt* idiot* lächerlich* laecherlich* witz
    zeitverschwendung sinnlos* nutzlos* schwer schwere schweren schwerer schwieriger schwierig*
    hart harte harten harter hartes anstrengend* intensiv* streng* fair* unfair* gerecht*
    ungerecht* ehrlich* angeblich* gerücht* geruecht* gerede tratsch* klatsch* kununu glassdoor
    bewertung* rezension*
    """
    # overwork, trouble at the company
    """
    überstunden ueberstunden überlast* ueberlast* überarbeit* ueberarbeit* burnout ausgebrannt*
    druck gekündigt gekuendigt kündig* kuendig* entlass* rausgeschmissen gefeuert fluktuation
    personalmangel unterbesetzt* verlassen* weggegangen problem* schwierigkeit* drama* politik
    konflikt* streit* beschwer* beklag* meckern schuld* lüge* luege* gelogen lügen
    """
    # hedges, negation, exaggeration
    """
    hoffentlich hoffe* wünsch* wuensch* vielleicht wahrscheinlich vermutlich eventuell evtl
    möglicherweise moeglicherweise womöglich glaube* glaub denke* dachte* schätze* schaetze*
    vermute* keine_ahnung unsicher* unklar* vage verwirr* gemischt* sehr echt wirklich* ziemlich
    voll mega extrem* irgendwie eigentlich halt eben eher bisschen leicht leichte leichter
    einfach nicht nichts kein* nie niemals niemand ohne nur bloß sogar zu_viel zu_wenig zu_lang*
    zu_klein* zu_groß* allzu null fehlt* fehlen* mangel* vermied* vermeid* ausgewichen ignor*
    billig* geizig* niedrig* gering* wenig* weniger unterdurchschnittlich* verrückt* irre
    wahnsinn* krass* heftig* stressig* altmodisch* veraltet* uralt* alt alte alten alter altes
    langsam* rückständig* technische_schulden schulden kaputt* fehlerhaft* winzig* riesig*
    massiv* enorm* haufenweise jede_menge mikromanag* starr* bürokrat* buerokrat* erwart* müssen
    muessen musste* man_muss pflicht* verpflichtend* gezwungen kürzung* kuerzung* gehört gehoert
    freund* bekannte* jemand* reddit linkedin online ehemalig* finanz* stabil stabile stabilen
    instabil* profit* gewinn* verlust* umsatz* insolven* pleite überleben* ueberleben* könnte*
    koennte* dürfte* duerfte* gestrichen abgesagt* risiko* riskant* pausiert* auf_eis ungewiss*
    unsicherheit* umstrukturier* reorganis* übernommen uebernommen übernahme* uebernahme*
    fusion* verkauft* immer ständig* staendig* dauernd* die_ganze_zeit passiert vorgänger*
    vorgaenger* ersetz* männer maenner frauen männlich* maennlich* weiblich* divers* geschlecht*
    jung* älter* aelter* herkunft ethni* religi* rasse
    """
    # pay and perks: never raised in a thank-you or a chase
    """
    gehalt* gehälter gehaelter lohn* löhne loehne bezahl* zahlen verdien* vergütung* verguetung*
    brutto* netto* geld* kohle knete bonus* boni prämie* praemie* aktien* anteile optionen vsop
    esop budget* erhöhung* erhoehung* stundensatz* tagessatz* satz benefits zusatzleistung*
    vorteile urlaub* rente* betriebsrente* verhandl* angebot* tausend tsd euro euros eur chf
    jahresgehalt* monatlich*
    """
    # pay and perks hidden in compounds ("Weihnachtsgeld", "Grundgehalt", "Krankenversicherung")
    """
    *gehalt* *geld *gelder *lohn* *prämie* *praemie* *bonus* *urlaub* *versicherung
    dienstwagen firmenwagen jobrad jobticket sabbatical elternzeit mutterschutz vaterschaft*
    """
    # other candidates, and private matters
    """
    kandidat* bewerber* mitbewerber* konkurrenz visum* visa arbeitserlaubnis* schwanger* kind
    kinder* kita gesundheit* krank* behinderung* familie* ehemann ehefrau partner partnerin
    """
)
UNSAFE = word_pattern(_UNSAFE)

_LEAD = (
    r"^(?:(?:dann|danach|außerdem|zuerst|zunächst|anschließend|und|auch|am\s+ende|"
    r"zum\s+schluss|heute)\s*,?\s+)?"
)
_ADV = (
    r"(?:(?:dann|danach|außerdem|zuerst|zunächst|anschließend|auch|noch|lange|ausführlich|kurz|"
    r"hauptsächlich|vor\s+allem|viel|heute|am\s+ende|zum\s+schluss|ebenfalls|detailliert|"
    r"gemeinsam|nochmal|ein\s+wenig)\s+)*"
)
# Who said it: a role ("der CTO", "die Teamleiterin") or words the reader checks for a name.
_WHO = (
    r"(?!(?:mir|uns|sich|dann|danach|außerdem|zuerst|auch|noch|heute)\s)"
    r"(?P<who>(?:der|die)\s+[\w-]+|(?:herr|frau|dr\.?)\s+[\w-]+|(?![\d_])\w[\w-]*"
    r"(?:\s+(?![\d_])\w[\w-]*)??)"
)
_SUBJECT = r"(?:wir|sie|er|" + _WHO + r")"
_SUBJECT2 = r"(?:(?:wir|sie|er)\s+)?"
_TO_ME = r"(?:(?:mir|uns|mit\s+mir|mit\s+uns|uns\s+mit|sich)\s+)?"
_HAVE = r"(?:haben|hat|hatten|hatte)"
_ABOUT = r"(?P<prep>über|übers|ueber|uebers|um|ums|von|vom)"
_SPOKEN = (
    r"(?:gesprochen|geredet|diskutiert|unterhalten|geplaudert|ausgetauscht|erzählt|erzaehlt|"
    r"berichtet|informiert)"
)
_SHOWN = (
    r"(?:besprochen|diskutiert|erklärt|erklaert|gezeigt|vorgestellt|präsentiert|praesentiert|"
    r"beschrieben|erläutert|erlaeutert|angesprochen|durchgesprochen|durchgegangen|erwähnt|"
    r"erwaehnt|skizziert|umrissen)"
)
_WITH = r"(?:mit\s+(?P<with>[^,]{1,40}?)\s+)?"

FACTS = (
    (ACCUSATIVE, folded_pattern(_LEAD + r"(?:" + _SUBJECT + r"\s+)?" + _HAVE + r"\s+" + _SUBJECT2
                                + _TO_ME + _ADV + _WITH + _ADV + _ABOUT + r"\s+(?P<x>.+?)\s+"
                                + _SPOKEN + r"$")),
    (ACCUSATIVE, folded_pattern(_LEAD + r"(?:" + _SUBJECT + r"\s+)?(?:sprachen|redeten|"
                                r"plauderten|diskutierten|unterhielten|erzählte|erzählten|"
                                r"berichtete|berichteten|sprach|redete|informierte|"
                                r"informierten)\s+" + _SUBJECT2 + _TO_ME + _ADV + _WITH + _ADV
                                + _ABOUT + r"\s*:?\s+(?P<x>.+)$")),
    (ACCUSATIVE, folded_pattern(_LEAD + r"(?:" + _SUBJECT + r"\s+)?" + _HAVE + r"\s+" + _SUBJECT2
                                + _TO_ME + _ADV + r"(?P<x>.+?)\s+" + _SHOWN + r"$")),
    (NOMINATIVE, folded_pattern(r"^(?P<x>.+?)\s+(?:wurden?|war|waren)\s+(?:auch\s+|"
                                r"ausführlich\s+|kurz\s+|ebenfalls\s+)?(?:" + _SHOWN[3:-1]
                                + r"|(?:ein\s+|das\s+)?(?:großes\s+|zentrale\s+|wichtiges\s+)?"
                                r"thema)$")),
    (ACCUSATIVE, folded_pattern(r"^(?:über\s+|ueber\s+)(?P<x>.+?)\s+" + _SPOKEN + r"$")),
    (ACCUSATIVE, folded_pattern(r"^(?P<x>.+?)\s+(?:besprochen|diskutiert|vorgestellt|"
                                r"angesprochen|durchgesprochen)$")),
    (ACCUSATIVE, folded_pattern(_LEAD + r"(?:" + _SUBJECT + r"\s+)?(?:besprachen|diskutierten|"
                                r"erklärte|erklärten|zeigte|zeigten|präsentierte|präsentierten|"
                                r"erläuterte|erläuterten|erwähnte|erwähnten|skizzierte|"
                                r"skizzierten)\s+" + _SUBJECT2 + _TO_ME + _ADV + r"(?P<x>.+)$")),
    (ACCUSATIVE, folded_pattern(_LEAD + r"(?:" + _SUBJECT + r"\s+)?(?:stellte|stellten|sprachen|"
                                r"gingen)\s+" + _SUBJECT2 + _TO_ME + _ADV
                                + r"(?P<x>.+?)\s+(?:vor|durch)$")),
    (ACCUSATIVE, folded_pattern(_LEAD + r"(?:(?:im\s+gespräch|dabei|hauptsächlich|vor\s+allem)"
                                r"\s+)?(?:ging\s+es|es\s+ging|das\s+gespräch\s+ging|"
                                r"der\s+call\s+ging|das\s+interview\s+ging)\s+" + _ADV
                                + r"(?P<prep>um|ums)\s+(?P<x>.+)$")),
    (ACCUSATIVE, folded_pattern(r"^(?:(?:ein|das)\s+)?(?:gespräch|interview|austausch|"
                                r"unterhaltung|call|telefonat|erstgespräch|zweitgespräch)\s+"
                                + _WITH + r"(?P<prep>über|übers|ueber|uebers|zu|zum|zur)\s+"
                                r"(?P<x>.+)$")),
    (NOMINATIVE, folded_pattern(r"^(?:thema|themen|gesprächsthema|gesprächsthemen|"
                                r"schwerpunkte?)\s*[:\-–—]\s*(?P<x>.+)$")),
    (ACCUSATIVE, folded_pattern(r"^(?:besprochen|diskutiert|angesprochen)\s*[:\-–—]\s*"
                                r"(?P<x>.+)$")),
    (NOMINATIVE, folded_pattern(r"^(?:das\s+|ein\s+)?(?:haupt)?thema\s+(?:war|waren)\s+"
                                r"(?P<x>.+)$")),
)  # fmt: skip

_WANT = (
    r"(?:(?:ich\s+)?(?:will|möchte|moechte|muss|wollte|werde|sollte|würde|wuerde)\s+"
    r"(?:ich\s+)?(?:gerne?\s+)?)?(?:(?:noch|auch|unbedingt|nochmal|mal|beim\s+nächsten\s+mal|"
    r"nächstes\s+mal|später)\s+)*"
)
ASKS = (
    (ACCUSATIVE, folded_pattern(_LEAD + _WANT + r"(?:mich\s+)?(?:mehr\s+)?(?P<prep>nach|zu|zum|"
                                r"zur|über|übers|ueber|uebers)\s+(?P<x>.+?)\s+(?:fragen|"
                                r"nachfragen|erkundigen|informieren|erfahren|wissen)$")),
    (ACCUSATIVE, folded_pattern(r"^(?:to-?do\s*:?\s+)?" + _WANT + r"(?:fragen|nachfragen|"
                                r"erkundigen)\s+(?:mich\s+)?(?P<prep>nach|zu|zum|zur)\s*:?\s+"
                                r"(?P<x>.+)$")),
    (NOMINATIVE, folded_pattern(r"^(?:nachfragen|noch\s+fragen|fragen|offene\s+fragen?|"
                                r"frage\s+nach)\s*[:\-–—]\s*(?P<x>.+)$")),
)  # fmt: skip

NEXT_STEPS = folded_pattern(
    r"(?<!\w)(?:(?:nächste|naechste|nächsten|naechsten)\s+(?:runde|schritte?|stufe|gespräch|"
    r"termin)|(?:zweite|dritte|finale|letzte)\s+(?:runde|stufe)|zweitgespräch|finalrunde|"
    r"probearbeit\w*|fallstudie|case[- ]?study|coding[- ]?(?:challenge|aufgabe|test)|"
    r"(?:technische\s+)?(?:aufgabe|test)\s+(?:für\s+zu\s+hause|zum\s+mitnehmen)|"
    r"rückmeldung|rueckmeldung|feedback\s+(?:bis|in|nächste)|melden\s+sich|"
    r"entscheidung\s+(?:fällt|bis|in|nächste)|entscheiden\s+(?:sich\s+)?(?:bis|in|nächste)|"
    r"vor\s+ort)(?!\w)"
)

PEOPLE = word_pattern(
    words(
        """
        ich mich mir mein meine meinen meinem meiner meines wir uns unser unsere unseren unserem
        unserer unseres er ihn ihm sein seine seinen seinem seiner seines sie ihr ihre ihren
        ihrem ihrer ihres ihnen du dich dir dein deine deinen deinem deiner euch euer eure euren
        man jemand*
        """
    )
)
CLAUSE = word_pattern(
    words(
        """
        dass daß ob wie was wann wo warum weshalb wieso welche* wer weil da wenn falls obwohl
        aber sondern denn damit sodass ist sind war waren wird werden wurde wurden hat haben
        hatte hatten gibt gab kann können koennen soll sollen will wollen nutzt nutzen verwendet
        verwenden arbeitet arbeiten baut bauen plant planen sucht suchen gesprochen besprochen
        diskutiert geredet erklärt gezeigt vorgestellt wir
        """
    )
)
NOT_A_FACT = word_pattern(
    words(
        """
        interview* vorstellungsgespräch* gespräch* gespraech* interviewer* erfahrung* fähigkeit*
        faehigkeit* kenntnis* skills lebenslauf* cv portfolio* level niveau senior* junior*
        qualifikation* fragen frage kündigungsfrist* verfügbarkeit* eintritt* starttermin*
        stärken schwächen zoom teams video* kamera* call anruf* telefonat* büro* buero* gebäude*
        küche* kantine* schreibtisch* parkplatz* kaffee* mittagessen* essen snacks dresscode*
        alles allem
        ding dinge dingen sachen verschiedenes gott welt wetter leben allgemein* smalltalk
        kleidung* person personen leute menschen anforderung* profil* gesucht
        """
    )
)
ROLES = word_pattern(
    words(
        """
        der_* die_* cto ceo cfo coo vp hr chef* leiter* leiterin* teamleiter* teamleiterin*
        manager* managerin* interviewer* interviewerin* gründer* entwickler* ingenieur*
        personaler* team panel geschäftsführer* abteilungsleiter* head_of_*
        """
    )
)
NOT_INTERVIEWER = word_pattern(
    words("recruit* personalvermittl* headhunter* agentur* berater* beraterin* vermittler*")
)

MET = folded_pattern(
    r"(?<!\w)(?:(?:gespräch|gespraech|interview|vorstellungsgespräch|termin|runde|call|"
    r"telefonat|meeting|kennenlernen|austausch|zweitgespräch|erstgespräch)\s+mit|"
    r"(?:habe|hatte|hab)\s+(?:heute\s+|gestern\s+|zuerst\s+|dann\s+|auch\s+|noch\s+)*"
    r"(?:mit\s+)?(?=[^.;]{0,80}?(?<!\w)(?:gesprochen|getroffen|kennengelernt|telefoniert|"
    r"geredet)(?!\w))|(?:traf|getroffen|kennengelernt|sprach\s+mit|sprachen\s+mit|redete\s+mit|"
    r"gesprochen\s+mit|geführt\s+mit)|interviewer(?:in|innen)?\s*(?:war|waren)?\s*[:\-–—]?|"
    r"gesprächspartner(?:in|innen)?\s*(?:war|waren)?\s*[:\-–—]?|(?:interviewt|befragt)\s+"
    r"(?:wurde\s+ich\s+)?von|dabei\s+waren)\s*"
)
SAID = folded_pattern(
    r"(?:sagte|meinte|erklärte|erzählte|fragte|berichtete|betonte|zeigte|interviewte|"
    r"hat(?=\s[^.;]{0,60}?(?<!\w)(?:gesagt|erklärt|erzählt|gefragt|gezeigt|vorgestellt|"
    r"interviewt|gesprochen)(?!\w)))"
)

WORDS = NoteWords(
    language="de",
    unsafe=UNSAFE,
    facts=FACTS,
    asks=ASKS,
    next_steps=NEXT_STEPS,
    people=PEOPLE,
    clause=CLAUSE,
    not_a_fact=NOT_A_FACT,
    subjects=frozenset({"wir", "sie", "er"}),
    roles=ROLES,
    not_interviewer=NOT_INTERVIEWER,
    prep_cases={
        "uber": ACCUSATIVE,
        "ubers": ACCUSATIVE,
        "ueber": ACCUSATIVE,
        "uebers": ACCUSATIVE,
        "um": ACCUSATIVE,
        "ums": ACCUSATIVE,
        "von": DATIVE,
        "vom": DATIVE,
        "nach": DATIVE,
        "zu": DATIVE,
        "zum": DATIVE,
        "zur": DATIVE,
    },
    contractions={
        "ubers": "das",
        "uebers": "das",
        "ums": "das",
        "vom": "dem",
        "zum": "dem",
        "zur": "der",
    },
    lower_first=frozenset(
        words(
            "der die das den dem des ein eine einen einem einer eines dieser diese dieses diesen "
            "diesem jeder jede jedes alle"
        )
    ),
    nominative_lead={
        "der": "den",
        "dieser": "diesen",
        "jeder": "jeden",
        "ein": None,
        "kein": None,
    },
    met=MET,
    said=SAID,
    titles={
        "herr": "Herr",
        "hr": "Herr",
        "hrn": "Herr",
        "fr": "Frau",
        "herrn": "Herr",
        "frau": "Frau",
        "dr": "Dr.",
        "prof": "Prof.",
    },
    not_names=frozenset(
        words(
            """
            der die das den dem des ein eine einen einem einer und oder mit von vom zu zum zur
            bei beim im am heute gestern morgen dann danach zuerst auch noch team teams gespräch
            gespraech interview runde termin call abteilung firma unternehmen personalabteilung
            recruiter recruiterin personaler personalerin kollege kollegin kollegen chef chefin
            leiter leiterin montag dienstag mittwoch donnerstag freitag samstag sonntag januar
            februar märz april mai juni juli august september oktober november dezember wir sie
            er ich alle beide zwei drei vier dabei waren war
            """
        )
    ),
    not_name_endings=(
        "leiter",
        "leiterin",
        "chef",
        "chefin",
        "manager",
        "managerin",
        "entwickler",
        "entwicklerin",
        "ingenieur",
        "ingenieurin",
        "gründer",
        "gründerin",
        "führer",
        "führerin",
        "recruiter",
        "recruiterin",
        "personaler",
        "personalerin",
        "interviewer",
        "interviewerin",
        "mitarbeiter",
        "mitarbeiterin",
        "verantwortliche",
        "verantwortlicher",
        "partner",
        "partnerin",
        "ung",
        "heit",
        "keit",
        "schaft",
        "tion",
        "ität",
        "team",
        "gespräch",
    ),
    separators=frozenset({"und", "sowie", "&", "+", "/"}),
    particles=frozenset({"von", "van", "der", "den", "de", "zu", "vom", "zum"}),
    skippable=frozenset({"heute", "gestern", "zuerst", "dann", "auch", "noch", "kurz"}),
)
