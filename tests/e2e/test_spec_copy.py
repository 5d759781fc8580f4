"""The Bot API reference for the fake server is kept in the repository and refreshed on demand."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.fake_telegram import DEFAULT_SPEC, load_spec

DATA = Path(__file__).resolve().parents[1] / "data"
SCRIPT = DATA / "refresh_spec.py"


def test_the_reference_and_its_licence_are_in_the_repository() -> None:
    assert DEFAULT_SPEC.parent == DATA
    assert "MIT License" in (DATA / "LICENSE-telegram-bot-api-spec").read_text()
    assert "sendMessage" in load_spec().methods


def _copy_of_ours(folder: Path, release_date: str) -> Path:
    folder.mkdir()
    data = json.loads(DEFAULT_SPEC.read_text(encoding="utf-8"))
    data["release_date"], data["version"] = release_date, f"Bot API ({release_date})"
    (folder / DEFAULT_SPEC.name).write_text(json.dumps(data), encoding="utf-8")
    shutil.copyfile(
        DATA / "LICENSE-telegram-bot-api-spec", folder / "LICENSE-telegram-bot-api-spec"
    )
    return folder


def refresh(source: Path, target: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(DATA)!r}); "
         f"from pathlib import Path; import refresh_spec as r; "
         f"print(r.refresh(Path({str(source)!r}), Path({str(target)!r})))"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout.strip()


def test_refresh_takes_only_a_newer_reference(tmp_path: Path) -> None:
    ours = tmp_path / "ours"
    ours.mkdir()
    for name in (DEFAULT_SPEC.name, "LICENSE-telegram-bot-api-spec"):
        shutil.copyfile(DATA / name, ours / name)
    older = _copy_of_ours(tmp_path / "older", "January 1, 2020")
    assert refresh(older, ours).startswith("kept")
    newer = _copy_of_ours(tmp_path / "newer", "January 1, 2099")
    assert refresh(newer, ours).startswith("updated")
    assert json.loads((ours / DEFAULT_SPEC.name).read_text())["version"].endswith(
        "(January 1, 2099)"
    )
    assert refresh(tmp_path / "missing", ours).startswith("no reference")
