"""Documentation stays true: every command is in the README, every knowledge file in DATA.md."""
from pathlib import Path

import pytest

from kibaru.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_is_documented(command):
    assert f"kibaru {command}" in (ROOT / "README.md").read_text(), f"`kibaru {command}` missing from README"


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(command):
    assert "Example" in (main.commands[command].help or ""), f"`kibaru {command} --help` has no example"


def test_every_knowledge_file_is_described():
    doc = (ROOT / "docs" / "DATA.md").read_text()
    data = ROOT / "src" / "kibaru" / "data"
    for f in data.rglob("*.tsv"):
        name = f.name if f.parent.name not in ("fr", "en") else f"<lang>/{f.name}"
        name = "gazetteer/*.tsv" if f.parent.name == "gazetteer" else name
        assert name in doc, f"{f.relative_to(data)} is not described in docs/DATA.md"
