"""What a language still lacks: `python -m content.missing es` prints one line per problem.

A new language starts as an empty folder under content/ (its two-letter code); run this until it
prints nothing, then add its name to NATIVE_NAMES in followup/core/language.py.
"""

from __future__ import annotations

import sys

from content import missing_words


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m content.missing <language code>", file=sys.stderr)
        return 2
    problems = missing_words(argv[0])
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
