"""Which country's holidays to propose from a time zone, typed answers, and labels."""

from __future__ import annotations

import pytest

from followup.core.countries import (
    MAX_ALTERNATIVES,
    label,
    place_name,
    propose,
    read_country,
    regions,
)
from followup.core.workdays import calendar_for

# (zone, proposed code, its label, the first alternatives offered)
PROPOSALS = [
    ("Europe/London", "GB-ENG", "United Kingdom — England", ["GB-SCT", "GB-WLS", "GB-NIR"]),
    ("Europe/Belfast", "GB-NIR", "United Kingdom — Northern Ireland", ["GB-ENG", "GB-SCT"]),
    ("Australia/Sydney", "AU-NSW", "Australia — New South Wales", ["AU-ACT", "AU-VIC", "AU-QLD"]),
    ("Australia/Melbourne", "AU-VIC", "Australia — Victoria", ["AU-NSW", "AU-QLD"]),
    ("Australia/Perth", "AU-WA", "Australia — Western Australia", ["AU-NSW", "AU-VIC"]),
    ("America/Los_Angeles", "US-CA", "United States — California", ["US-WA", "US-OR", "US-NV"]),
    ("America/New_York", "US-NY", "United States — New York", ["US-FL", "US-PA", "US-OH"]),
    ("US/Eastern", "US-NY", "United States — New York", ["US-FL", "US-PA"]),
    ("America/Chicago", "US-IL", "United States — Illinois", ["US-TX", "US-TN"]),
    ("America/Phoenix", "US-AZ", "United States — Arizona", ["US-CA", "US-TX"]),
    ("America/Indiana/Knox", "US-IN", "United States — Indiana", ["US-CA", "US-TX"]),
    ("Pacific/Honolulu", "US-HI", "United States — Hawaii", ["US-CA", "US-TX"]),
    ("America/Toronto", "CA-ON", "Canada — Ontario", ["CA-QC", "CA-BC"]),
    ("America/Montreal", "CA-QC", "Canada — Quebec", ["CA-ON", "CA-BC"]),
    ("America/Vancouver", "CA-BC", "Canada — British Columbia", ["CA-ON", "CA-QC"]),
    # One zone for all of Germany: the Länder are offered, none guessed.
    ("Europe/Berlin", "DE", "Germany", ["DE-NW", "DE-BY", "DE-BW", "DE-NI"]),
    ("Europe/Busingen", "DE-BW", "Germany — Baden-Württemberg", ["DE-NW", "DE-BY"]),
    ("Europe/Paris", "FR", "France", []),
    ("Asia/Tokyo", "JP", "Japan", []),
    ("Asia/Jerusalem", "IL", "Israel", []),
    ("Asia/Dubai", "AE", "United Arab Emirates", []),
    ("Asia/Calcutta", "IN", "India", []),
    ("Europe/Kiev", "UA", "Ukraine", []),
    ("America/Puerto_Rico", "PR", "Puerto Rico", []),
    ("Pacific/Auckland", "NZ", "New Zealand", []),
]


@pytest.mark.parametrize(("zone", "code", "text", "first"), PROPOSALS)
def test_proposal_from_the_zone(zone: str, code: str, text: str, first: list[str]) -> None:
    proposal = propose(zone)
    assert proposal is not None
    assert (proposal.code, proposal.label) == (code, text)
    assert (proposal.country, proposal.subdivision) == (code[:2], code[3:] or None)
    offered = [c for c, _ in proposal.alternatives]
    assert offered[: len(first)] == first
    assert code not in offered and len(offered) <= MAX_ALTERNATIVES
    assert len(set(offered)) == len(offered)
    assert all(text == label(c) for c, text in proposal.alternatives)
    calendar_for(code)  # every proposal is a calendar the bot can use


@pytest.mark.parametrize("zone", ["UTC", "Etc/UTC", "Etc/GMT-3", "GMT", "Factory", "Mars/Olympus"])
def test_no_proposal_for_a_zone_of_no_country(zone: str) -> None:
    assert propose(zone) is None


def test_a_whole_country_lists_its_regions_most_populous_first() -> None:
    assert [c for c, _ in regions("GB")] == ["GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"]
    assert [c for c, _ in regions("US")][:4] == ["US-CA", "US-TX", "US-FL", "US-NY"]
    assert len(regions("DE")) == MAX_ALTERNATIVES and regions("JP") == []


# (typed answer, the codes read from it)
TYPED = [
    ("Scotland", ["GB-SCT"]),
    ("england", ["GB-ENG"]),
    ("I'm in Northern Ireland", ["GB-NIR"]),
    ("wales", ["GB-WLS"]),
    ("UK", ["GB"]),
    ("Britain", ["GB"]),
    ("US", ["US"]),
    ("USA", ["US"]),
    ("U.S.A.", ["US"]),
    ("California", ["US-CA"]),
    ("CALIFORNIA", ["US-CA"]),
    ("Califronia", ["US-CA"]),
    ("New York", ["US-NY"]),
    ("new york city", ["US-NY"]),
    ("us ny", ["US-NY"]),
    ("Washington", ["US-WA"]),
    ("Washington DC", ["US-DC"]),
    ("west virginia", ["US-WV"]),
    ("Bavaria", ["DE-BY"]),
    ("Bayern", ["DE-BY"]),
    ("germany berlin", ["DE-BE"]),
    ("Berlin, Germany", ["DE-BE"]),
    ("Thüringen", ["DE-TH"]),
    ("thuringen", ["DE-TH"]),
    ("Nordrhein-Westfalen", ["DE-NW"]),
    ("Germany", ["DE"]),
    ("France", ["FR"]),
    ("Japan", ["JP"]),
    ("Israel", ["IL"]),
    ("UAE", ["AE"]),
    ("United Arab Emirates", ["AE"]),
    ("Québec", ["CA-QC"]),
    ("quebec", ["CA-QC"]),
    ("new south wales", ["AU-NSW"]),
    ("south australia", ["AU-SA"]),
    ("Victoria", ["AU-VIC"]),
    ("korea", ["KR"]),
    ("the Netherlands", ["NL"]),
    ("Georgia", ["GE", "US-GA"]),
    ("Georgia, USA", ["US-GA"]),
    ("GB-SCT", ["GB-SCT"]),
    ("de-by", ["DE-BY"]),
    ("fr", ["FR"]),
    ("blorp", []),
    ("", []),
    ("   ", []),
    ("none", []),
]


@pytest.mark.parametrize(("text", "codes"), TYPED)
def test_typed_answers(text: str, codes: list[str]) -> None:
    assert [code for code, _ in read_country(text)] == codes


def test_typed_answers_come_with_labels() -> None:
    assert read_country("california") == [("US-CA", "United States — California")]
    assert read_country("x" * 10_000) == []


@pytest.mark.parametrize(
    ("code", "text", "place"),
    [
        ("GB-ENG", "United Kingdom — England", "England"),
        ("GB-SCT", "United Kingdom — Scotland", "Scotland"),
        ("US-CA", "United States — California", "California"),
        ("US-NY", "United States — New York", "New York"),
        ("DE-BY", "Germany — Bavaria", "Bavaria"),
        ("CA-QC", "Canada — Quebec", "Quebec"),
        ("AU-NSW", "Australia — New South Wales", "New South Wales"),
        ("FR", "France", "France"),
        ("JP", "Japan", "Japan"),
        ("IL", "Israel", "Israel"),
        ("AE", "United Arab Emirates", "United Arab Emirates"),
        ("KR", "South Korea", "South Korea"),
        ("FR-971", "France — Guadeloupe", "Guadeloupe"),
        ("gb-eng", "United Kingdom — England", "England"),
    ],
)
def test_labels(code: str, text: str, place: str) -> None:
    assert label(code) == text
    assert place_name(code) == place


@pytest.mark.parametrize("code", ["none", "XX", "GB-XYZ"])
def test_no_label_for_what_is_not_a_place(code: str) -> None:
    with pytest.raises(ValueError):
        label(code)
