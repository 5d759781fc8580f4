"""Notes typed in Spanish, German and Russian: impressions, complaints and pay are never quoted;
safe topics and the people met are read in the user's own words."""

from __future__ import annotations

import time

import pytest

from followup.core.language import LANGUAGES, speaking_in
from followup.core.notes import TopicKind, greeting_name, interviewers, topics
from followup.core.notes.folding import Folded, folded_pattern, word_pattern
from followup.core.notes.lexicons import unsafe_anywhere

# --- What is never quoted ------------------------------------------------------------------------

UNSAFE_ES = [
    "el entrevistador fue grosero, el sueldo es bajo",
    "estaba muy nerviosa",
    "me puse nervioso y me quedé en blanco",
    "creo que me fue fatal",
    "la entrevista salió bien",
    "el entrevistador era un arrogante",
    "la entrevistadora parecía aburrida",
    "hablamos del sueldo",
    "hablamos de salario y bonus",
    "el salario es de 40 mil euros",
    "pagan poco",
    "me ofrecieron 35k",
    "hablamos de las vacaciones",
    "dicen que hay mucha rotación",
    "según Glassdoor el ambiente es tóxico",
    "al parecer despidieron a medio equipo",
    "tal vez me llamen",
    "quizas no encajo",
    "el jefe era bastante borde",
    "la oficina es un caos",
    "llegaron tarde a la entrevista",
    "la CTO fue muy maja",
    "me encantó el equipo",
    "no me gusto nada el ambiente",
    "tienen problemas de financiación",
    "hay otros cinco candidatos",
    "se quejaron de su jefe",
    "menuda pérdida de tiempo",
    "qué desastre de proceso",
    "el proceso fue muy desorganizado",
    "hablamos de la plataforma, pero el ambiente era raro",
    "los de RRHH son unos idiotas",
    "hacen muchas horas extra",
    "me preguntaron si tengo hijos",
    "el puesto parece estresante",
    "el ambiente era frío",
    "el gerente estaba distraido con el móvil",
    "la empresa no es estable",
    "hablamos de la oferta",
    "la subida salarial es ridícula",
    "el equipo es genial",
    "no sé si les gusté",
    "creo que buscan a alguien más senior",
    "fue una entrevista dura",
    "el sueldo es una mierda",
    "el entrevistador fue un maleducado",
]

UNSAFE_DE = [
    "der Interviewer war unfreundlich, das Gehalt ist mies",
    "ich war total nervös",
    "hatte einen Blackout bei der SQL-Frage",
    "habe die Live-Coding-Aufgabe vermasselt",
    "ich glaube, es lief gut",
    "lief eher schlecht",
    "der Teamleiter war arrogant",
    "die Interviewerin wirkte gelangweilt",
    "wir haben über das Gehalt gesprochen",
    "Gehalt: 60k",
    "sie zahlen 55.000 Euro brutto",
    "Bonus gibt es nicht",
    "wir haben über Urlaubstage gesprochen",
    "laut Kununu ist die Stimmung schlecht",
    "angeblich gab es Entlassungen",
    "vielleicht melden sie sich",
    "keine Ahnung, ob ich reinpasse",
    "der Chef war ziemlich herablassend",
    "das Büro ist ein einziges Chaos",
    "sie kamen 15 Minuten zu spät",
    "die CTO war super nett",
    "das Team ist toll",
    "mir hat die Atmosphäre nicht gefallen",
    "die Firma hat finanzielle Probleme",
    "es gibt noch vier andere Kandidaten",
    "sie haben sich über den Chef beschwert",
    "reine Zeitverschwendung",
    "was für ein Mist",
    "der Prozess war total unorganisiert",
    "wir haben über die Plattform gesprochen, aber die Stimmung war komisch",
    "die Leute in der Personalabteilung sind Idioten",
    "viele Überstunden",
    "sie haben gefragt, ob ich Kinder habe",
    "die Stelle scheint stressig",
    "die Atmosphäre war kalt",
    "der Manager war abgelenkt",
    "die Firma ist nicht stabil",
    "wir haben über das Angebot gesprochen",
    "die Gehaltserhöhung ist lächerlich",
    "das Gespräch war echt hart",
    "ich hoffe, sie nehmen mich",
    "wahrscheinlich suchen sie jemanden mit mehr Erfahrung",
    "die Bezahlung ist unterdurchschnittlich",
    "war peinlich",
    "der Interviewer war unhoeflich",
    "die Teamleiterin war unhoflich",
]

UNSAFE_RU = [
    "интервьюер был грубым, зарплата низкая",
    "я очень нервничал",
    "волновалась и всё забыла",
    "кажется, я провалил собеседование",
    "собеседование прошло хорошо",
    "тимлид вёл себя высокомерно",
    "интервьюеру было скучно",
    "обсуждали зарплату",
    "говорили о зарплате и бонусах",
    "зп 200к",
    "предлагают 150 тыс. на руки",
    "платят мало",
    "обсуждали отпуск",
    "на хабре пишут, что там токсичная атмосфера",
    "говорят, там были сокращения",
    "может быть, перезвонят",
    "не уверен, что подхожу",
    "руководитель был довольно хамоват",
    "в офисе полный бардак",
    "они опоздали на 20 минут",
    "СТО был очень приятный",
    "команда классная",
    "мне не понравилась атмосфера",
    "у компании проблемы с финансированием",
    "есть ещё пять кандидатов",
    "жаловались на начальство",
    "пустая трата времени",
    "какой-то цирк",
    "процесс был хаотичный",
    "обсуждали платформу данных, но атмосфера странная",
    "эйчары там идиоты",
    "много переработок",
    "спросили, есть ли у меня дети",
    "работа кажется стрессовой",
    "было холодно и неприятно",
    "менеджер постоянно отвлекался",
    "компания нестабильная",
    "говорили про оффер",
    "повышение смешное",
    "собеседование было жёстким",
    "надеюсь, возьмут",
    "наверное, ищут кого-то посильнее",
    "оклад ниже рынка",
    "было стыдно",
    "интервьюер был грубый",
    "обсуждали премию",
]

UNSAFE = [("es", s) for s in UNSAFE_ES] + [("de", s) for s in UNSAFE_DE]
UNSAFE += [("ru", s) for s in UNSAFE_RU]


@pytest.mark.parametrize(("language", "sentence"), UNSAFE)
def test_the_unsafe_lists_catch_what_people_type(language: str, sentence: str) -> None:
    assert unsafe_anywhere(sentence), (language, sentence)


@pytest.mark.parametrize(("language", "sentence"), UNSAFE)
def test_impressions_complaints_and_pay_are_never_quoted(language: str, sentence: str) -> None:
    # Whatever language we speak to the user: their notes may be in any of them.
    for speaking in LANGUAGES:
        with speaking_in(speaking):
            assert topics(sentence) == [], (speaking, sentence)
            assert topics(sentence.upper()) == [], (speaking, sentence)
            assert topics(f"- {sentence}\n- {sentence}!") == [], (speaking, sentence)


def test_each_language_has_at_least_forty_unsafe_sentences() -> None:
    assert min(len(UNSAFE_ES), len(UNSAFE_DE), len(UNSAFE_RU)) >= 40


# --- Safe topics ---------------------------------------------------------------------------------

# (sentence, kind, the phrase as the email quotes it, its case where the language has cases)
SAFE_ES = [
    ("hablamos de la plataforma de datos", "fact", "la plataforma de datos"),
    ("Hablamos del equipo de analítica", "fact", "el equipo de analítica"),
    ("hablamos sobre la migración a la nube", "fact", "la migración a la nube"),
    ("Hablamos acerca del proceso de despliegue", "fact", "el proceso de despliegue"),
    (
        "estuvimos hablando de la arquitectura de microservicios",
        "fact",
        "la arquitectura de microservicios",
    ),
    ("charlamos sobre el roadmap del producto", "fact", "el roadmap del producto"),
    ("conversamos de la estrategia de datos", "fact", "la estrategia de datos"),
    ("me explicaron el proceso de onboarding", "fact", "el proceso de onboarding"),
    ("nos mostraron el panel de métricas", "fact", "el panel de métricas"),
    ("repasamos el stack tecnológico", "fact", "el stack tecnológico"),
    ("vimos la hoja de ruta para 2025", "fact", "la hoja de ruta para 2025"),
    ("tratamos la integración con Salesforce", "fact", "la integración con Salesforce"),
    ("temas: Kubernetes y Terraform", "fact", "Kubernetes y Terraform"),
    ("Tema principal: la plataforma de reservas", "fact", "la plataforma de reservas"),
    ("el tema fue la observabilidad", "fact", "la observabilidad"),
    ("la conversación giró en torno al producto móvil", "fact", "el producto móvil"),
    ("se habló de la cultura de ingeniería", "fact", "la cultura de ingeniería"),
    ("hablé con Luis sobre el equipo de backend", "fact", "el equipo de backend"),
    ("luego hablamos de la API pública", "fact", "la API pública"),
    ("también hablamos de los objetivos del trimestre", "fact", "los objetivos del trimestre"),
    ("Hablamos del sistema de recomendaciones", "fact", "el sistema de recomendaciones"),
    ("comentamos la adopción de Rust", "fact", "la adopción de Rust"),
    ("nos presentaron la estrategia de producto", "fact", "la estrategia de producto"),
    ("hablamos de Snowflake y dbt", "fact", "Snowflake y dbt"),
    ("me hablaron del equipo de plataforma", "fact", "el equipo de plataforma"),
    ("revisamos el modelo de datos", "fact", "el modelo de datos"),
    (
        "Temas tratados: seguridad y cumplimiento normativo",
        "fact",
        "seguridad y cumplimiento normativo",
    ),
    ("hablamos de la expansion a Mexico", "fact", "la expansion a Mexico"),
    ("hable con Marta sobre el roadmap", "fact", "el roadmap"),
    ("La conversación fue sobre el nuevo CRM", "fact", "el nuevo CRM"),
    ("quiero preguntar por el tamaño del equipo", "about", "el tamaño del equipo"),
    ("preguntar sobre el plan de formación", "about", "el plan de formación"),
    ("tengo que preguntar por las guardias", "about", "las guardias"),
    (
        "quiero saber más sobre el proceso de revisión de código",
        "about",
        "el proceso de revisión de código",
    ),
    ("averiguar más sobre la estructura del equipo", "about", "la estructura del equipo"),
    ("preguntarle a Marta por el ciclo de lanzamientos", "about", "el ciclo de lanzamientos"),
]

SAFE_DE = [
    ("wir haben über die Datenplattform gesprochen", "fact", "die Datenplattform", "acc"),
    ("Wir haben über das Onboarding gesprochen", "fact", "das Onboarding", "acc"),
    ("wir sprachen über die Cloud-Migration", "fact", "die Cloud-Migration", "acc"),
    ("wir haben lange über die Architektur geredet", "fact", "die Architektur", "acc"),
    ("haben über die Roadmap diskutiert", "fact", "die Roadmap", "acc"),
    ("es ging um den Tech-Stack", "fact", "den Tech-Stack", "acc"),
    ("Gespräch über die Produktstrategie", "fact", "die Produktstrategie", "acc"),
    ("wir haben die Datenstrategie besprochen", "fact", "die Datenstrategie", "acc"),
    ("sie haben mir das Monitoring gezeigt", "fact", "das Monitoring", "acc"),
    ("die Roadmap wurde besprochen", "fact", "die Roadmap", "acc"),
    ("Thema: der Umzug in die Cloud", "fact", "den Umzug in die Cloud", "acc"),
    ("Themen: Kubernetes und Terraform", "fact", "Kubernetes und Terraform", "acc"),
    ("besprochen: das Deployment", "fact", "das Deployment", "acc"),
    ("wir haben übers Release-Management gesprochen", "fact", "das Release-Management", "acc"),
    ("danach ging es um die Teamstruktur", "fact", "die Teamstruktur", "acc"),
    (
        "wir sprachen über den Ausbau des Data Warehouse",
        "fact",
        "den Ausbau des Data Warehouse",
        "acc",
    ),
    ("wir haben über Snowflake und dbt gesprochen", "fact", "Snowflake und dbt", "acc"),
    ("die Mobile-App wurde vorgestellt", "fact", "die Mobile-App", "acc"),
    ("wir besprachen die Testautomatisierung", "fact", "die Testautomatisierung", "acc"),
    ("sie stellten uns die Produktvision vor", "fact", "die Produktvision", "acc"),
    ("es ging vor allem um das Datenmodell", "fact", "das Datenmodell", "acc"),
    ("Gespräch mit Herrn Müller über die Plattform", "fact", "die Plattform", "acc"),
    ("wir haben ueber die API-Strategie gesprochen", "fact", "die API-Strategie", "acc"),
    ("das Thema war die Observability", "fact", "die Observability", "acc"),
    (
        "wir haben über die Expansion nach Spanien gesprochen",
        "fact",
        "die Expansion nach Spanien",
        "acc",
    ),
    ("die Teamstruktur besprochen", "fact", "die Teamstruktur", "acc"),
    ("wir haben den Deployment-Prozess besprochen", "fact", "den Deployment-Prozess", "acc"),
    ("Gesprach uber die Datenplattform", "fact", "die Datenplattform", "acc"),
    ("nach der Teamgröße fragen", "about", "der Teamgröße", "dat"),
    ("noch nach dem Release-Zyklus fragen", "about", "dem Release-Zyklus", "dat"),
    ("ich möchte mehr über die Weiterbildung erfahren", "about", "die Weiterbildung", "acc"),
    ("zum Onboarding nachfragen", "about", "dem Onboarding", "dat"),
]

SAFE_RU = [
    ("обсуждали платформу данных", "fact", "платформу данных", "acc"),
    ("мы обсуждали архитектуру сервиса", "fact", "архитектуру сервиса", "acc"),
    ("Обсудили миграцию в облако", "fact", "миграцию в облако", "acc"),
    ("говорили о платформе данных", "fact", "платформе данных", "prep"),
    ("поговорили об архитектуре микросервисов", "fact", "архитектуре микросервисов", "prep"),
    ("говорили про роадмап продукта", "fact", "роадмап продукта", "acc"),
    ("много говорили про Kubernetes", "fact", "Kubernetes", "acc"),
    ("мне рассказали о процессе онбординга", "fact", "процессе онбординга", "prep"),
    ("нам показали дашборд с метриками", "fact", "дашборд с метриками", "acc"),
    ("разобрали систему мониторинга", "fact", "систему мониторинга", "acc"),
    ("затронули тему безопасности", "fact", "тему безопасности", "acc"),
    ("Тема: платформа данных", "fact", "платформа данных", "nom"),
    ("Темы: Kubernetes и Terraform", "fact", "Kubernetes и Terraform", "nom"),
    ("платформу данных тоже обсуждали", "fact", "платформу данных", "acc"),
    ("о платформе данных тоже говорили", "fact", "платформе данных", "prep"),
    ("обсуждалась стратегия развития", "fact", "стратегия развития", "nom"),
    ("стратегия развития обсуждалась", "fact", "стратегия развития", "nom"),
    ("прошлись по архитектуре", "fact", "архитектуре", "dat"),
    ("потом обсуждали тестовую инфраструктуру", "fact", "тестовую инфраструктуру", "acc"),
    ("также говорили о мобильном приложении", "fact", "мобильном приложении", "prep"),
    ("обсудили переход на Kotlin", "fact", "переход на Kotlin", "acc"),
    ("обсуждали интеграцию с 1С", "fact", "интеграцию с 1С", "acc"),
    ("с Иваном говорили о DevOps-практиках", "fact", "DevOps-практиках", "prep"),
    ("рассказали про культуру инженерной команды", "fact", "культуру инженерной команды", "acc"),
    ("нам объяснили структуру отдела", "fact", "структуру отдела", "acc"),
    ("обсуждали: архитектуру платформы", "fact", "архитектуру платформы", "acc"),
    ("говорили об обучении сотрудников", "fact", "обучении сотрудников", "prep"),
    ("обсуждали платформу даннных", "fact", "платформу даннных", "acc"),
    ("спросить про размер команды", "about", "размер команды", "acc"),
    ("уточнить график релизов", "about", "график релизов", "acc"),
    ("хочу узнать подробнее о процессе код-ревью", "about", "процессе код-ревью", "prep"),
    ("надо спросить о планах по найму", "about", "планах по найму", "prep"),
]

SAFE = [("es", s, k, t, "") for s, k, t in SAFE_ES]
SAFE += [("de", *row) for row in SAFE_DE] + [("ru", *row) for row in SAFE_RU]


@pytest.mark.parametrize(("language", "sentence", "kind", "text", "case"), SAFE)
def test_safe_topics_are_read_as_a_noun_phrase_in_the_users_words(
    language: str, sentence: str, kind: str, text: str, case: str
) -> None:
    with speaking_in(language):
        found = topics(sentence)
    assert [(t.kind.value, t.text, t.language, t.case) for t in found] == [
        (kind, text, language, case)
    ]
    # The button shows the user's own words.
    assert found[0].label.rstrip("?…").lower() in sentence.lower() or case == "acc"


@pytest.mark.parametrize(("language", "sentence", "kind", "text", "case"), SAFE)
def test_safe_topics_are_read_only_in_the_language_we_speak_and_english(
    language: str, sentence: str, kind: str, text: str, case: str
) -> None:
    others = [lang for lang in LANGUAGES if lang != language]
    for other in others:
        with speaking_in(other):
            assert all(t.language == "en" for t in topics(sentence)), (other, sentence)


def test_each_language_has_at_least_thirty_safe_topics() -> None:
    assert min(len(SAFE_ES), len(SAFE_DE), len(SAFE_RU)) >= 30


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("es", "hablamos de cómo trabajan"),  # a clause, not a noun phrase
        ("es", "hablamos de su plataforma"),  # "su": theirs or his, we cannot say
        ("es", "hablamos de mi experiencia"),
        ("es", "hablamos de la entrevista"),
        ("es", "hablamos de que el equipo es grande"),
        ("es", "¿hablamos de la plataforma?"),
        ("es", "hablamos de la plataforma 😬"),
        ("es", "la reclutadora habló de la plataforma"),
        ("de", "wir haben über ihre Plattform gesprochen"),
        ("de", "wir haben darüber gesprochen, wie sie arbeiten"),
        ("de", "Thema: ein neuer Prozess"),  # "ein": the accusative cannot be told
        ("de", "wir haben über meinen Lebenslauf gesprochen"),
        ("de", "die Recruiterin hat über die Plattform gesprochen"),
        ("de", "wir haben über die Fragen gesprochen"),
        ("ru", "обсуждали, как они работают"),
        ("ru", "обсуждали их платформу"),
        ("ru", "говорили о моём опыте"),
        ("ru", "рекрутер рассказал про проект"),
        ("ru", "обсуждали вопросы"),
        ("ru", "говорили о том, что команда растёт"),
    ],
)
def test_a_phrase_that_is_not_a_plain_noun_phrase_about_the_role_is_not_quoted(
    language: str, sentence: str
) -> None:
    with speaking_in(language):
        assert [t for t in topics(sentence) if t.kind is not TopicKind.NEXT_STEPS] == []


@pytest.mark.parametrize(
    ("language", "notes", "label", "speaker"),
    [
        (
            "es",
            "Conocí a Marta. Marta me explicó la arquitectura",
            "Marta: la arquitectura",
            "Marta",
        ),
        (
            "de",
            "Gespräch mit Frau Schmidt. Frau Schmidt hat uns die Architektur erklärt",
            "Frau Schmidt: die Architektur",
            "Frau Schmidt",
        ),
        (
            "ru",
            "Собеседовал Иван Петров. Иван рассказал про миграцию в облако",
            "Иван: миграцию в облако",
            "Иван Петров",
        ),
    ],
)
def test_a_fact_said_by_someone_met_names_them(
    language: str, notes: str, label: str, speaker: str
) -> None:
    with speaking_in(language):
        found = topics(notes)
    assert [(t.label, t.speaker) for t in found] == [(label, speaker)]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("es", "la próxima ronda es una prueba técnica"),
        ("de", "nächste Runde ist ein Coding-Test"),
        ("ru", "следующий этап — тестовое задание"),
    ],
)
def test_next_steps_are_thanked_for_never_quoted(language: str, sentence: str) -> None:
    with speaking_in(language):
        found = topics(sentence)
    assert [(t.kind, t.text) for t in found] == [(TopicKind.NEXT_STEPS, "")]


# --- Mixed notes: only the safe sentence survives -------------------------------------------------

MIXED = [
    (
        "es",
        "Hablamos de la plataforma de datos. El entrevistador fue grosero y el sueldo es bajo.",
        ["la plataforma de datos"],
        ["grosero", "sueldo", "bajo"],
    ),
    (
        "es",
        "- estaba nerviosísima\n- hablamos del equipo de backend\n- pagan fatal",
        ["el equipo de backend"],
        ["nervios", "pagan", "fatal"],
    ),
    (
        "es",
        "Conocí a Marta López; quiero preguntar por las guardias; creo que no les gusté",
        ["las guardias"],
        ["gust", "creo"],
    ),
    (
        "de",
        "Wir haben über die Datenplattform gesprochen. Der Interviewer war unfreundlich, das "
        "Gehalt ist mies.",
        ["die Datenplattform"],
        ["unfreundlich", "Gehalt", "mies"],
    ),
    (
        "de",
        "- war total nervös\n- es ging um das Onboarding\n- Bonus gibt es keinen",
        ["das Onboarding"],
        ["nervös", "Bonus"],
    ),
    (
        "de",
        "Gespräch mit Herrn Müller. nach der Teamgröße fragen. Angeblich viele Überstunden.",
        ["der Teamgröße"],
        ["Überstunden", "angeblich"],
    ),
    (
        "ru",
        "Обсуждали платформу данных. Интервьюер был грубым, зарплата низкая.",
        ["платформу данных"],
        ["груб", "зарплат", "низк"],
    ),
    (
        "ru",
        "- очень волновалась\n- говорили о мобильном приложении\n- платят мало",
        ["мобильном приложении"],
        ["волнов", "платят", "мало"],
    ),
    (
        "ru",
        "Собеседовал Иван Петров; спросить про размер команды; кажется, я ему не понравилась",
        ["размер команды"],
        ["кажется", "понравил"],
    ),
    (
        "en",
        "We discussed the roadmap. The panel was rude and the salary is low.",
        ["the roadmap"],
        ["rude", "salary"],
    ),
]


@pytest.mark.parametrize(("language", "notes", "texts", "forbidden"), MIXED)
def test_in_a_mixed_note_only_the_safe_sentence_survives(
    language: str, notes: str, texts: list[str], forbidden: list[str]
) -> None:
    with speaking_in(language):
        found = topics(notes)
    assert [t.text for t in found] == texts
    quoted = " ".join(f"{t.text} {t.label}" for t in found).lower()
    assert not any(word.lower() in quoted for word in forbidden)


def test_a_german_user_writing_english_notes_still_gets_english_topics() -> None:
    with speaking_in("de"):
        found = topics("Met Anna. They use Rust. The panel was rude. Gehalt ist mies.")
    assert [(t.kind, t.text, t.language) for t in found] == [(TopicKind.FACT, "you use Rust", "en")]


def test_an_unsafe_word_in_any_language_drops_an_english_sentence() -> None:
    with speaking_in("en"):
        assert topics("They use Rust, zarplata низкая") == []
        assert topics("the team uses Rust, sueldo bajo") == []
        assert topics("They use Rust, aber das Gehalt ist mies") == []


# --- Names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "notes", "people"),
    [
        ("es", "conocí a Marta López", ["Marta López"]),
        ("es", "Conoci a Marta y a Luis", ["Marta", "Luis"]),
        ("es", "me entrevistaron Marta, Luis y la Dra. Pérez", ["Marta", "Luis", "Dra. Pérez"]),
        ("es", "entrevista con el CTO, Javier Ruiz", ["Javier Ruiz"]),
        ("es", "hablé con la Sra. López", ["Sra. López"]),
        ("es", "Entrevistadora: Carmen de la Fuente", ["Carmen de la Fuente"]),
        ("es", "Luis dijo que el equipo crece", ["Luis"]),
        ("es", "conocí al equipo", []),
        ("es", "hablamos de Kafka con el equipo", []),
        ("es", "me reuní con Ana (reclutadora) y Pablo", ["Pablo"]),
        ("es", "conocí a la reclutadora, Ana, y a Pablo", ["Pablo"]),
        ("es", "Entrevistadora – Carmen Díaz", ["Carmen Díaz"]),
        ("de", "Gespräch mit der Recruiterin Frau Weber und Herrn Braun", ["Herr Braun"]),
        ("de", "Interviewerin – Lena Vogel", ["Lena Vogel"]),
        ("de", "Gespräch mit Herrn Müller", ["Herr Müller"]),
        ("de", "Gesprach mit Herrn Muller", ["Herr Muller"]),
        ("de", "Interviewerin war Frau Dr. Schmidt", ["Frau Dr. Schmidt"]),
        ("de", "habe mit Anna und Jonas gesprochen", ["Anna", "Jonas"]),
        ("de", "Gespräch mit dem Teamleiter Herrn Weber", ["Herr Weber"]),
        ("de", "Frau Schmidt hat mir die Architektur erklärt", ["Frau Schmidt"]),
        ("de", "Lukas sagte, das Team wächst", ["Lukas"]),
        ("de", "Gespräch mit dem Team über Kafka", []),
        ("de", "wir arbeiten mit Kafka", []),
        ("de", "Die Teamleiterin erklärte die Roadmap", []),
        ("de", "getroffen: Anna, Jonas und Herrn Weber", ["Anna", "Jonas", "Herr Weber"]),
        ("ru", "собеседовал Иван Петров", ["Иван Петров"]),
        ("ru", "Меня собеседовали Анна и Олег", ["Анна", "Олег"]),
        ("ru", "встретилась с Анной Петровой и Сергеем", ["Анна Петрова", "Сергей"]),
        ("ru", "интервьюер — Мария Иванова", ["Мария Иванова"]),
        ("ru", "поговорил с Павлом", ["Павел"]),
        ("ru", "созвонились с Игорем и Машей", ["Игорь", "Маша"]),
        ("ru", "Иван сказал, что команда растёт", ["Иван"]),
        ("ru", "Потом Ольга рассказала про релизы", ["Ольга"]),
        ("ru", "обсуждали платформу с командой", []),
        ("ru", "Интервьюер рассказал про проект", []),
        ("ru", "встреча с Дмитрием Ковальским", ["Дмитрий Ковальский"]),
    ],
)
def test_the_people_met_are_read_in_every_language(
    language: str, notes: str, people: list[str]
) -> None:
    for speaking in (language, "en"):
        with speaking_in(speaking):
            assert interviewers(notes) == people, speaking


@pytest.mark.parametrize(
    ("name", "greeted"),
    [
        ("Marta López", "Marta"),
        ("Sra. López", "Sra. López"),
        ("Dra. Carmen Pérez", "Dra. Pérez"),
        ("Herr Müller", "Herr Müller"),
        ("Frau Dr. Schmidt", "Frau Schmidt"),
        ("Иван Петров", "Иван"),
    ],
)
def test_greetings_keep_a_title_in_any_language(name: str, greeted: str) -> None:
    assert greeting_name(name) == greeted


def test_titles_are_not_taken_for_the_same_person() -> None:
    with speaking_in("de"):
        assert interviewers("Gespräch mit Frau Schmidt und Frau Weber") == [
            "Frau Schmidt",
            "Frau Weber",
        ]


# --- Reading with accents folded ------------------------------------------------------------------


def test_a_folded_match_is_quoted_in_the_users_spelling() -> None:
    folded = Folded("Wir haben über die Straße gesprochen")
    match = folded_pattern(r"über\s+(?P<x>.+?)\s+gesprochen").search(folded.text)
    assert match is not None and folded.group(match, "x") == "die Straße"


def test_word_lists_match_stems_phrases_and_any_accent() -> None:
    pattern = word_pattern(["груб*", "tal_vez", "nervös*"])
    assert pattern.search(Folded("интервьюер был грубым").text)
    assert pattern.search(Folded("Tal   vez").text)
    assert pattern.search(Folded("ich war nervos").text)
    assert not pattern.search(Folded("тоталь").text)


def test_a_folded_pattern_refuses_escapes_folding_would_change() -> None:
    with pytest.raises(ValueError):
        folded_pattern(r"\S+")


@pytest.mark.parametrize(
    "notes",
    [
        "hablamos de " + "la plataforma " * 2000,
        "wir haben über " + "die Plattform " * 2000 + "gesprochen",
        "обсуждали " + "платформу " * 3000,
        "conocí a " + "Marta, " * 2000,
        "Gespräch mit " + "Herrn Müller und " * 1000,
        "встретилась с " + "Анной и " * 2000,
        "habe " + "Anna " * 3000,
    ],
)
def test_pathological_notes_in_any_language_are_read_quickly(notes: str) -> None:
    started = time.thread_time()
    for language in LANGUAGES:
        with speaking_in(language):
            interviewers(notes)
            topics(notes)
    assert time.thread_time() - started < 4.0
