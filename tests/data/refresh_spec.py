"""Take a newer copy of the Bot API reference (and its licence) into tests/data, if there is one."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parents[2] / "shared" / "spec"
FILES = ("telegram-bot-api.json", "LICENSE-telegram-bot-api-spec")


def release(spec: Path) -> tuple[date, str]:
    """The release date and version a reference file declares."""
    data = json.loads(spec.read_text(encoding="utf-8"))
    return datetime.strptime(data["release_date"], "%B %d, %Y").date(), data["version"]


def refresh(source: Path, target: Path = HERE) -> str:
    """Copy the reference from `source` when it is newer than ours; say what was kept."""
    theirs = source / FILES[0]
    if not theirs.is_file():
        return f"no reference in {source}; kept {release(target / FILES[0])[1]}"
    (their_date, their_version), (our_date, our_version) = (
        release(theirs),
        release(target / FILES[0]),
    )
    if their_date <= our_date:
        return f"kept {our_version} ({our_date}); {source} has {their_version} ({their_date})"
    for name in FILES:
        shutil.copyfile(source / name, target / name)
    return f"updated {our_version} -> {their_version} ({their_date}) from {source}"


if __name__ == "__main__":
    print(refresh(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE))
