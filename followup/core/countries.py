"""Which country's (and region's) public holidays a user keeps: a proposal from their time zone,
a reading of the place they type, and the name to show for a stored calendar code.

The tz database gives one country per zone (zone.tab, shipped by `tzdata`). The region matters
where holidays differ inside a country: US states, Canadian provinces, Australian states, UK
nations and German Länder. In the first four a zone names a region (America/Los_Angeles is
California's clock), so its region is proposed; one zone covers all of Germany, so for it the
country is proposed and the most populous Länder are offered rather than guessed.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from babel import Locale

from followup.core.language import ENGLISH, LANGUAGES, speaking
from followup.core.workdays import NO_HOLIDAYS, normalize_code, subdivisions

MAX_ALTERNATIVES = 8
_MAX_INPUT = 100
_NOT_WORD = re.compile(r"[\W_]+")

# Regions by population, most first (national statistics, 2023-2024 estimates).
_BY_POPULATION: dict[str, tuple[str, ...]] = {
    "US": (
        "CA", "TX", "FL", "NY", "PA", "IL", "OH", "GA", "NC", "MI", "NJ", "VA", "WA", "AZ", "TN",
        "MA", "IN", "MD", "MO", "WI", "CO", "MN", "SC", "AL", "LA", "KY", "OR", "OK", "CT", "UT",
        "NV", "IA", "AR", "KS", "MS", "NM", "NE", "ID", "WV", "HI", "NH", "ME", "MT", "RI",
        "DE", "SD", "ND", "AK", "DC", "VT", "WY",
    ),
    "CA": ("ON", "QC", "BC", "AB", "MB", "SK", "NS", "NB", "NL", "PE", "YT", "NT", "NU"),
    "AU": ("NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT"),
    "GB": ("ENG", "SCT", "WLS", "NIR"),
    "DE": (
        "NW", "BY", "BW", "NI", "HE", "RP", "SN", "BE", "SH", "BB", "ST", "TH", "HH", "MV", "SL",
        "HB",
    ),
}  # fmt: skip

# The regions whose clock a zone is: the one to propose first (the zone's own city's region),
# then the others it covers, most populous first. A zone of these countries missing here (and
# Europe/Berlin) gets the country proposed, with its regions as the alternatives.
_ZONE_REGIONS: dict[str, tuple[str, ...]] = {
    "America/New_York": ("NY", "FL", "PA", "OH", "GA", "NC", "NJ", "VA", "MA"),
    "America/Detroit": ("MI",),
    "America/Chicago": ("IL", "TX", "TN", "MO", "WI", "MN", "AL", "LA", "OK"),
    "America/Menominee": ("MI", "WI"),
    "America/Denver": ("CO", "UT", "NM", "MT", "WY"),
    "America/Boise": ("ID", "OR"),
    "America/Phoenix": ("AZ",),
    "America/Los_Angeles": ("CA", "WA", "OR", "NV"),
    **dict.fromkeys(
        ("Anchorage", "Juneau", "Sitka", "Metlakatla", "Yakutat", "Nome", "Adak"), ("AK",)
    ),
    "Pacific/Honolulu": ("HI",),
    **dict.fromkeys(("St_Johns", "Goose_Bay"), ("NL",)),
    "America/Halifax": ("NS", "PE"),
    "America/Glace_Bay": ("NS",),
    "America/Moncton": ("NB",),
    "America/Blanc-Sablon": ("QC",),
    "America/Toronto": ("ON", "QC"),
    "America/Atikokan": ("ON",),
    **dict.fromkeys(("Iqaluit", "Resolute", "Rankin_Inlet", "Cambridge_Bay"), ("NU",)),
    "America/Winnipeg": ("MB",),
    **dict.fromkeys(("Regina", "Swift_Current"), ("SK",)),
    "America/Edmonton": ("AB", "NT"),
    "America/Inuvik": ("NT",),
    **dict.fromkeys(("Vancouver", "Creston", "Dawson_Creek", "Fort_Nelson"), ("BC",)),
    **dict.fromkeys(("Whitehorse", "Dawson"), ("YT",)),
    "Australia/Sydney": ("NSW", "ACT"),
    **dict.fromkeys(("Australia/Lord_Howe", "Australia/Broken_Hill"), ("NSW",)),
    "Australia/Melbourne": ("VIC",),
    **dict.fromkeys(("Australia/Brisbane", "Australia/Lindeman"), ("QLD",)),
    "Australia/Adelaide": ("SA",),
    "Australia/Darwin": ("NT",),
    **dict.fromkeys(("Australia/Perth", "Australia/Eucla"), ("WA",)),
    **dict.fromkeys(("Australia/Hobart", "Antarctica/Macquarie"), ("TAS",)),
    "Europe/London": ("ENG", "SCT", "WLS", "NIR"),
    "Europe/Busingen": ("BW",),
    # Old names that say more than the zone they now stand for.
    "Europe/Belfast": ("NIR",),
    "America/Montreal": ("QC", "ON"),
    "America/Yellowknife": ("NT",),
    **dict.fromkeys(("Australia/ACT", "Australia/Canberra"), ("ACT", "NSW")),
}
# Zones named by their city alone above are all in the America/ area.
_ZONE_REGIONS = {(k if "/" in k else f"America/{k}"): v for k, v in _ZONE_REGIONS.items()}
_ZONE_AREA_REGIONS = {
    "America/Indiana/": "IN",
    "America/Kentucky/": "KY",
    "America/North_Dakota/": "ND",
}

_COUNTRY_NAMES = {
    "GB": "United Kingdom",
    "KR": "South Korea",
    "KP": "North Korea",
    "CD": "DR Congo",
    "CG": "Republic of the Congo",
    "CF": "Central African Republic",
    "AS": "American Samoa",
    "WS": "Samoa",
    "VG": "British Virgin Islands",
    "VI": "US Virgin Islands",
    "MF": "Saint Martin",
    "SX": "Sint Maarten",
    "MM": "Myanmar",
    "SZ": "Eswatini",
    "TF": "French Southern Territories",
    "TC": "Turks and Caicos Islands",
    "UM": "US Minor Outlying Islands",
}
_COUNTRY_ALIASES = {
    **dict.fromkeys(("uk", "britain", "great britain", "gb"), "GB"),
    **dict.fromkeys(("us", "usa", "u s", "u s a", "america", "united states of america"), "US"),
    **dict.fromkeys(("uae", "emirates"), "AE"),
    **dict.fromkeys(("holland", "the netherlands"), "NL"),
    **dict.fromkeys(("korea", "republic of korea"), "KR"),
    "deutschland": "DE",
    "czechia": "CZ",
    "ivory coast": "CI",
    "burma": "MM",
    "swaziland": "SZ",
    "vatican": "VA",
}
_REGION_NAMES = {
    "DE": {
        "BW": "Baden-Württemberg",
        "BY": "Bavaria",
        "BE": "Berlin",
        "BB": "Brandenburg",
        "HB": "Bremen",
        "HH": "Hamburg",
        "HE": "Hesse",
        "MV": "Mecklenburg-Western Pomerania",
        "NI": "Lower Saxony",
        "NW": "North Rhine-Westphalia",
        "RP": "Rhineland-Palatinate",
        "SL": "Saarland",
        "SN": "Saxony",
        "ST": "Saxony-Anhalt",
        "SH": "Schleswig-Holstein",
        "TH": "Thuringia",
    },
}
_REGION_ALIASES = {
    "US": {"nyc": "NY", "washington dc": "DC", "washington d c": "DC"},
    "CA": {"newfoundland": "NL", "labrador": "NL", "pei": "PE"},
    "AU": {"nsw": "NSW", "qld": "QLD", "tassie": "TAS"},
    "DE": {"nrw": "NW", "baden wuerttemberg": "BW", "thueringen": "TH"},
}


@dataclass(frozen=True)
class Proposal:
    """The holidays to offer a user in a zone, and the other regions of that country."""

    country: str
    subdivision: str | None
    label: str
    code: str
    alternatives: list[tuple[str, str]] = field(default_factory=list)


def propose(zone_name: str) -> Proposal | None:
    """The likeliest country (and region) for a time zone; None for a zone of no country (UTC)."""
    canonical = _canonical_zone(zone_name)
    country = _zone_countries().get(canonical)
    if country is None or not _known(country):
        return None
    regions = _ZONE_REGIONS.get(zone_name) or _ZONE_REGIONS.get(canonical) or _area(canonical)
    proposed = regions[0] if regions and country in _BY_POPULATION else None
    code = f"{country}-{proposed}" if proposed else country
    others = (*regions[1:], *_BY_POPULATION.get(country, ()))
    alternatives = [
        (f"{country}-{r}", label(f"{country}-{r}")) for r in dict.fromkeys(others) if r != proposed
    ][:MAX_ALTERNATIVES]
    return Proposal(country, proposed, label(code), code, alternatives)


def regions(country: str) -> list[tuple[str, str]]:
    """The regions of a country worth a button, most populous first, at most eight."""
    codes = _BY_POPULATION.get(country, ())[:MAX_ALTERNATIVES]
    return [(f"{country}-{r}", label(f"{country}-{r}")) for r in codes]


def read_country(text: str) -> list[tuple[str, str]]:
    """The (code, label) of each place a typed answer may mean ("Scotland", "germany berlin")."""
    folded = fold(text[: _MAX_INPUT * 2])[:_MAX_INPUT]
    if not folded:
        return []
    codes = _by_code(text) or _by_phrases(folded.split()) or _by_likeness(folded)
    return [(code, label(code)) for code in dict.fromkeys(codes)]


def label(code: str) -> str:
    """How a calendar code reads: "United Kingdom — England", "France"; ValueError if unknown."""
    country, region = _split(normalize_code(code))
    if country == NO_HOLIDAYS:
        raise ValueError("'none' is no place: it means weekends only")
    name = local_country_name(country)
    return f"{name} — {region_name(country, region)}" if region else name


def place_name(code: str) -> str:
    """The place a code's holidays belong to, in a phrase: "England", "California", "France"."""
    country, region = _split(normalize_code(code))
    return region_name(country, region) if region else local_country_name(country)


def country_name(country: str) -> str:
    """A country's short English name ("United Kingdom", "Japan")."""
    return _COUNTRY_NAMES.get(country) or _iso_names().get(country, country)


def local_country_name(country: str, language: str | None = None) -> str:
    """The country's name in the language spoken (CLDR's, through Babel); English's otherwise."""
    language = language or speaking()
    if language != ENGLISH:
        found = Locale.parse(language).territories.get(country)
        if found:
            return str(found)
    return country_name(country)


def region_name(country: str, region: str) -> str:
    """A region's English name ("Bavaria", "New South Wales"), or its code when none is known."""
    english = _REGION_NAMES.get(country, {}).get(region)
    if english:
        return english
    names = subdivisions(country).get(region, ())
    # The package lists codes ("GP") among the names; the first real name is the English one.
    return next((n for n in names if not n.isupper()), region)


def fold(text: str) -> str:
    """Text folded for comparison: no case, accents or punctuation, single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


def _by_code(text: str) -> list[str]:
    """A code as stored ("GB-SCT", "fr"): the whole answer, nothing around it."""
    candidate = re.sub(r"\s*-\s*", "-", text.strip())
    if not re.fullmatch(r"[A-Za-z]{2}(?:-[\w ]{1,30})?", candidate):
        return []
    try:
        code = normalize_code(candidate)
    except ValueError:
        return []
    return [code] if code != NO_HOLIDAYS else []


def _by_phrases(words: list[str]) -> list[str]:
    """Countries and regions named in the words; a region goes with a country named beside it."""
    phrases = _phrases()
    longest = _longest_phrase()
    hits: list[tuple[int, int, tuple[str, ...]]] = []
    for size in range(min(longest, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            end = start + size
            # A phrase inside a longer one found already is part of it ("new south wales").
            if any(s <= start and end <= e and e - s > size for s, e, _ in hits):
                continue
            codes = phrases.get(" ".join(words[start:end]))
            if codes:
                hits.append((start, end, codes))
    found = [code for _, _, codes in sorted(hits) for code in codes]
    countries = [c for c in found if "-" not in c]
    regions_found = [c for c in found if "-" in c]
    # "us ny", "germany by": a region code beside its country.
    used = {i for s, e, _ in hits for i in range(s, e)}
    spare = [w.upper() for i, w in enumerate(words) if i not in used]
    for country in countries:
        regions_found += [f"{country}-{r}" for r in spare if r in _region_codes(country)]
    beside = [r for r in regions_found if r.split("-")[0] in countries]
    if beside:
        return beside
    return countries + regions_found


def _by_likeness(folded: str) -> list[str]:
    """Names close to the answer, for typos ("Califronia", "Scotlnd")."""
    phrases = _phrases()
    close = difflib.get_close_matches(folded, list(phrases), n=3, cutoff=0.85)
    return [code for phrase in close for code in phrases[phrase]]


@cache
def _phrases() -> dict[str, tuple[str, ...]]:
    """Every folded name of a country or region, with the codes it may mean."""
    named: dict[str, list[str]] = {}

    def add(name: str, code: str) -> None:
        key = fold(name)
        if key and code not in named.setdefault(key, []):
            named[key].append(code)

    for country, iso_name in _iso_names().items():
        add(iso_name, country)
        add(country_name(country), country)
        for language in LANGUAGES:  # "Alemania", "Deutschland", "Германия" are Germany too
            add(local_country_name(country, language), country)
        if country not in _COUNTRY_NAMES:
            # "Myanmar (Burma)" is also "Myanmar"; "Korea (South)" is not "Korea", as North is too.
            add(iso_name.split("(")[0], country)
    for alias, country in _COUNTRY_ALIASES.items():
        add(alias, country)
    for country, by_population in _BY_POPULATION.items():
        known = subdivisions(country)
        for region in by_population:
            code = f"{country}-{region}"
            add(region_name(country, region), code)
            for name in known.get(region, ()):
                if not name.isupper():
                    add(name, code)
        for alias, region in _REGION_ALIASES.get(country, {}).items():
            add(alias, f"{country}-{region}")
    return {key: tuple(codes) for key, codes in named.items()}


@cache
def _longest_phrase() -> int:
    """The most words in one name ("united states of america")."""
    return max(len(phrase.split()) for phrase in _phrases())


@cache
def _region_codes(country: str) -> frozenset[str]:
    return frozenset(subdivisions(country)) if _known(country) else frozenset()


def _split(code: str) -> tuple[str, str | None]:
    country, _, region = code.partition("-")
    return country, region or None


def _area(zone: str) -> tuple[str, ...]:
    """Regions of zones grouped under one state's name ("America/Indiana/Knox")."""
    return next(((r,) for prefix, r in _ZONE_AREA_REGIONS.items() if zone.startswith(prefix)), ())


@cache
def _known(country: str) -> bool:
    """Whether the holidays package has this country."""
    try:
        normalize_code(country)
    except ValueError:
        return False
    return True


def _canonical_zone(name: str) -> str:
    """The zone an old or alternative name stands for ("US/Eastern" -> "America/New_York")."""
    links = _links()
    for _ in range(5):
        if name in _zone_countries() or name not in links:
            break
        name = links[name]
    return name


def _tz_file(name: str) -> str:
    try:
        return resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return ""


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _tz_file(name).splitlines() if line[:1] not in ("", "#")]


@cache
def _zone_countries() -> dict[str, str]:
    """Each zone of zone.tab with its one country."""
    return {row[2]: row[0] for row in _rows("zone.tab") if len(row) >= 3}


@cache
def _iso_names() -> dict[str, str]:
    """Country names by ISO 3166 code, from iso3166.tab ("&" spelled out)."""
    return {row[0]: row[1].replace(" & ", " and ") for row in _rows("iso3166.tab") if len(row) > 1}


@cache
def _links() -> dict[str, str]:
    """Alternative zone names and the zone each stands for, from tzdata.zi's link lines."""
    links = {}
    for line in _tz_file("tzdata.zi").splitlines():
        if line.startswith("L "):
            _, target, alias = line.split()
            links[alias] = target
    return links
