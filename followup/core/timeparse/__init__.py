"""Read the moments and days people type ("yesterday 3pm", "by friday") in their own time zone.

Two questions use it: when the interview is or was (`read_moment`, in moment.py, which reads the
nearest matching moment) and when the employer said they would decide (`read_day`, in
deadline.py, which reads forward). Our own rules read the shapes a parser guesses wrong: clock
times (clock.py), weekdays and days of the month (named_days.py), day/month order (numeric.py),
weeks and durations for a deadline. dateparser (dateparse.py) reads the other calendar words
("3 days ago", "the 3rd of december", "an hour ago"), and each of its answers is checked against
what was typed. An answer that can mean two days comes back with both, for the caller to ask which.

Spanish, German and Russian are read by rewriting their date words into this English first
(translate.py, with each language's words in content/<lang>/dates.toml); dateparser then reads
the user's language and English only. Each reader takes the language as `language=`, by default
the one the user is spoken to in; English always works too.
"""

from followup.core.timeparse.calendar_math import is_far
from followup.core.timeparse.dateparse import warm_up
from followup.core.timeparse.deadline import DayReading, read_day
from followup.core.timeparse.moment import MomentReading, ParsedMoment, read_moment
from followup.core.timeparse.translate import names_a_day

__all__ = [
    "DayReading",
    "MomentReading",
    "ParsedMoment",
    "is_far",
    "names_a_day",
    "read_day",
    "read_moment",
    "warm_up",
]
