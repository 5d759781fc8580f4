"""Typed answers in Russian that mean a button: "ага" is Yes, "так себе 😐" is Mixed, "напрямую" is
no agency. The whole message must be the answer (give or take "пожалуйста", "ну", an emoji)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from followup.core import tapped
from followup.core.news import Known, Question, read_reply
from followup.core.phrase_lists import phrasebook_for

BOOK = phrasebook_for("ru")
ZONE = ZoneInfo("Europe/Moscow")
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("UTC"))

YES = [
    "да", "Да!", "даа", "дааа", "да да", "ага", "агась", "угу", "ок", "окей", "оки", "ладно",
    "хорошо", "давай", "давайте", "да, давай", "ну давай", "конечно", "конечно!", "да, конечно",
    "естественно", "разумеется", "безусловно", "обязательно", "точно", "верно", "так точно", "ес",
    "йес", "го", "погнали", "поехали", "можно", "почему бы и нет", "с удовольствием",
    "да, пожалуйста", "да плиз", "да, спасибо", "👍", "👌", "✅", "ага 👍", "да пж",
    "однозначно да", "yes", "yeah",
]  # fmt: skip
NO = [
    "нет", "Нет.", "неа", "не", "нее", "нет нет", "не-не", "нет, спасибо", "нет спс",
    "неа, спасибо", "не надо", "не нужно", "не сейчас", "не сейчас, спасибо", "пока нет",
    "пока не надо", "ещё нет", "нет ещё", "нет пока", "не хочу", "неохота", "позже", "потом",
    "может позже", "попозже", "может потом", "давай позже", "давайте позже", "не стоит",
    "нет, не стоит", "никак нет", "ни за что", "конечно нет", "👎", "❌", "нет 👎", "no", "nope",
]  # fmt: skip
NEITHER = [
    "да нет, наверное", "может быть", "не знаю", "хз", "посмотрим", "да или нет?",
    "расскажи подробнее", "что ты имеешь в виду", "а что это значит", "меня взяли!", "привет",
    "спасибо", "собеседование прошло хорошо", "хорошо бы им позвонить", "давай я сначала подумаю",
    "нет слов", "да уж", "ну не знаю", "да, но позже", "😂", "🤔", "?", "", "Acme", "вчера",
    "в пятницу", "да нет", "ладно, подумаю", "👍👎", "да и нет", "сначала расскажи, что там",
    "а можно по-другому?",
]  # fmt: skip
# To "did you send it?" these acknowledge the question: they say no yes.
ACKNOWLEDGED = [
    "ок", "окей", "хорошо", "ладно", "понял", "поняла", "ясно", "понятно", "принято", "отлично",
    "супер", "давай", "го", "ок 👍",
]  # fmt: skip
# Answers to "did you send it?" that are a real yes.
SENT_YES = ["да", "ага", "угу", "конечно", "да, было", "👍", "ага, было", "точно", "yes i did"]


@pytest.mark.parametrize("text", YES)
def test_yes(text: str) -> None:
    assert tapped.yes_or_no(text, BOOK) == tapped.YES


@pytest.mark.parametrize("text", NO)
def test_no(text: str) -> None:
    assert tapped.yes_or_no(text, BOOK) == tapped.NO
    assert tapped.yes_or_no(text, BOOK, strict=True) == tapped.NO


@pytest.mark.parametrize("text", NEITHER)
def test_neither_yes_nor_no(text: str) -> None:
    assert tapped.yes_or_no(text, BOOK) is None


@pytest.mark.parametrize("text", ACKNOWLEDGED)
def test_an_acknowledgement_is_no_yes_to_did_you_send_it(text: str) -> None:
    assert tapped.yes_or_no(text, BOOK, strict=True) is None


@pytest.mark.parametrize("text", SENT_YES)
def test_a_real_yes_to_did_you_send_it(text: str) -> None:
    assert tapped.yes_or_no(text, BOOK, strict=True) == tapped.YES


RATINGS: dict[str, list[str]] = {
    "1": [
        "ужасно", "плохо", "очень плохо", "кошмар", "провал", "полный провал", "провалила",
        "завалил", "отстой", "жесть", "хреново", "паршиво", "ужасно 😩", "😣", "😭", "было ужасно",
        "всё прошло плохо", "это был провал", "не очень хорошо", "нехорошо", "если честно, плохо",
    ],
    "2": [
        "нормально", "норм", "так себе", "средне", "ничего", "ничего так", "пойдёт", "сойдёт",
        "не очень", "ок", "окей", "ну такое", "50 на 50", "ни то ни сё", "могло быть лучше",
        "😐", "🤷", "хм", "терпимо", "нормально, наверное", "так себе 😐", "в целом норм",
    ],
    "3": [
        "хорошо", "неплохо", "прошло хорошо", "вроде хорошо", "довольно хорошо", "удачно",
        "позитивно", "мне понравилось", "🙂", "хорошо 👍", "было хорошо", "вполне неплохо",
        "кажется, хорошо", "не плохо", "вроде всё прошло хорошо", "думаю, хорошо",
    ],
    "4": [
        "отлично", "супер", "очень хорошо", "круто", "прекрасно", "замечательно", "шикарно",
        "огонь", "бомба", "идеально", "на ура", "лучше не бывает", "всё прошло отлично", "разнёс",
        "порвала", "🔥", "🥳", "отлично!!", "ОТЛИЧНО", "очень круто",
    ],
}  # fmt: skip
NOT_RATINGS = [
    "доброе утро", "меня взяли", "Acme", "привет", "что?", "не знаю что сказать",
    "хорошо, а что дальше?", "погода хорошая", "плохо спала", "отличный офис",
    "рекрутер была супер", "интервьюер был ужасный", "хорошо и плохо",
    "было хорошо, но потом плохо", "да", "нет", "спасибо", "очень", "собеседование было",
    "отлично 😭", "ужасно 🥳",
    "стоит ли им написать?", "хорошо бы им позвонить", "плохо, что не перезвонили",
    "в пятницу", "завтра в 10", "супер, спасибо, а что с фоллоу апом?", "мне отказали",
    "не хорошо и не плохо, а как?", "💀🔥",
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "value"), [(text, value) for value, texts in RATINGS.items() for text in texts]
)
def test_a_rating_in_words(text: str, value: str) -> None:
    assert tapped.rating(text, BOOK) == value


@pytest.mark.parametrize("text", NOT_RATINGS)
def test_not_a_rating(text: str) -> None:
    assert tapped.rating(text, BOOK) is None


def test_enough_examples_each_way() -> None:
    assert min(len(YES), len(NO), len(NEITHER)) >= 30
    assert sum(len(texts) for texts in RATINGS.values()) >= 30 and len(NOT_RATINGS) >= 30
    assert all(len(texts) >= 15 for texts in RATINGS.values())
    assert len(DIRECT) >= 30 and len(NOT_DIRECT) >= 30


DIRECT = [
    "напрямую", "нет, напрямую", "сам", "сама", "сам откликнулся", "сама откликнулась",
    "откликнулась сама", "сама подавалась", "сам подал", "сам нашёл", "сама нашла вакансию",
    "через сайт", "через сайт компании", "на сайте компании", "подавался на сайте", "без агентства",
    "без агентств", "без посредников", "без рекрутера", "нет агентства", "агентства не было",
    "не было агентства", "через hh", "на hh", "через хх", "откликнулась на hh",
    "они сами вышли на меня", "сами нашли меня", "прямой отклик", "напрямую в компанию",
    "нет, сама", "нет, я сам", "direct", "no agency",
]  # fmt: skip
# Not "direct": an agency, or not an answer to the question at all.
NOT_DIRECT = [
    "через агентство", "через кадровое агентство", "агентство Hays", "через рекрутера",
    "через хедхантера", "да, агентство", "рекрутинговое агентство Antal", "от агентства",
    "через агентство, а не сама", "не через агентство, а сама", "хедхантер нашёл меня",
    "привет", "да", "нет", "меня взяли", "через друга", "по рекомендации", "не помню",
    "через линкедин", "Acme", "через Hays", "via Hays", "through an agency", "мне позвонили",
    "кадровое агентство Kelly", "мой рекрутер Миша", "yes thru Robert Half", "не знаю",
    "откуда-то из агентства", "в общем, через агентство",
]  # fmt: skip


@pytest.mark.parametrize("text", DIRECT)
def test_applied_directly(text: str) -> None:
    assert tapped.agency(text, BOOK) == tapped.AgencyAnswer(via_agency=False)


@pytest.mark.parametrize("text", NOT_DIRECT)
def test_not_applied_directly(text: str) -> None:
    found = tapped.agency(text, BOOK)
    assert not isinstance(found, tapped.AgencyAnswer) or found.via_agency


@pytest.mark.parametrize(
    ("text", "button"),
    [("нет, напрямую", "no"), ("сама", "no"), ("без агентства", "no"),
     ("через сайт компании", "no"), ("нет агентства", "no"), ("via Hays", "yes"),
     ("through Hays", "yes")],
)  # fmt: skip
def test_the_agency_question_read_as_a_button(text: str, button: str) -> None:
    reply = read_reply(text, BOOK, Known(("Acme",), ("Acme",)), ZONE, NOW, Question.AGENCY)
    assert reply.button == button


# An agency named after Russian words ("через агентство Hays, рекрутер Миша"), and Cyrillic names.
AGENCY_NAMED = [
    ("через Hays", "Hays", None),
    ("через агентство Hays", "Hays", None),
    ("да, через Kelly Services", "Kelly Services", None),
    ("да, через кадровое агентство Antal", "Antal", None),
    ("от агентства Hays, рекрутер Миша", "Hays", "Миша"),
    ("через Randstad, мой рекрутер — Тома", "Randstad", "Тома"),
    ("through Randstad, my recruiter is Тома", "Randstad", "Тома"),
]


@pytest.mark.parametrize(("text", "name", "recruiter"), AGENCY_NAMED)
def test_an_agency_named_in_russian(text: str, name: str, recruiter: str | None) -> None:
    assert tapped.agency(text, BOOK) == tapped.AgencyAnswer(True, name, recruiter)


@pytest.mark.parametrize(
    ("text", "name", "recruiter"),
    [("via Hays", "Hays", None), ("yes thru Robert Half", "Robert Half", None),
     ("through Randstad, my recruiter is Tom", "Randstad", "Tom")],
)  # fmt: skip
def test_an_agency_named_after_english_words_is_read(
    text: str, name: str, recruiter: str | None
) -> None:
    assert tapped.agency(text, BOOK) == tapped.AgencyAnswer(True, name, recruiter)
