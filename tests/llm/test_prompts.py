"""Prompt files: the shipped ones load, malformed ones fail with a ConfigError naming the file."""

from __future__ import annotations

import pytest

from drafter.errors import ConfigError
from drafter.prompts import load_prompt, parse_prompt, shipped_prompts_dirs

GOOD = """---
name: mine
version: "2"
description: test prompt
output: update
variables: [as_of, facts, notes]
---
## system
Write JSON. Literal braces: {{"a": 1}}
## user
As of {as_of}. Facts: {facts}
<notes>
{notes}
</notes>
"""


@pytest.mark.parametrize("name", ["update", "options", "delegate", "judge"])
def test_shipped_prompts_load(name):
    spec = load_prompt(name)
    assert spec.name == name and spec.output == name and spec.version
    assert spec.path is not None and spec.path.parent in shipped_prompts_dirs()
    assert "notes" in spec.variables and "{notes}" in spec.user and "{notes}" not in spec.system
    template = spec.chat_prompt()
    assert set(template.input_variables) == set(spec.variables)


def test_rendering_matches_langchain_and_braces_in_notes_are_safe():
    spec = parse_prompt(GOOD, "mine.md")
    notes = 'budget {total} was {"x": 1} and }{ odd'
    values = dict(as_of="2026-11-25", facts="{}", notes=notes)
    ours = spec.render(**values)
    theirs = spec.chat_prompt().format_messages(**values)
    assert [m["content"] for m in ours] == [m.content for m in theirs]
    assert notes in ours[1]["content"]
    assert '{"a": 1}' in ours[0]["content"]


def test_prompt_by_path_and_by_folder(tmp_path):
    (tmp_path / "update.md").write_text(GOOD, encoding="utf-8")
    assert load_prompt(tmp_path / "update.md").name == "mine"
    assert load_prompt("update", prompts_dir=tmp_path).name == "mine"
    assert load_prompt("options", prompts_dir=tmp_path).name == "options"  # falls back to shipped


BROKEN = {
    "no front matter": ("## system\nx\n## user\n{notes}\n", "missing YAML front matter"),
    "bad yaml": (GOOD.replace("name: mine", "name: [mine"), "not valid YAML"),
    "missing key": (GOOD.replace('version: "2"\n', ""), "lacks 'version'"),
    "bad output": (GOOD.replace("output: update", "output: poem"), "output 'poem'"),
    "unknown variable": (GOOD.replace("[as_of, facts, notes]", "[as_of, facts, notes, mood]"), "unknown variable(s) mood"),
    "undeclared variable": (GOOD.replace("Facts: {facts}", "Facts: {facts} {mood}"), "undeclared variable(s) mood"),
    "missing section": (GOOD.split("## user")[0], "'## user' section"),
    "notes in system": (GOOD.replace("Write JSON.", "Write JSON. {notes}"), "must not appear in the system"),
    "unbalanced brace": (GOOD.replace("Facts: {facts}", "Facts: {facts"), "not a valid template"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_malformed_prompt_names_file_and_problem(tmp_path, case):
    text, problem = BROKEN[case]
    path = tmp_path / "broken.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_prompt(path)
    assert str(path) in str(info.value) and problem in str(info.value)
    assert info.value.exit_code == 3


def test_missing_prompt_file_or_name(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_prompt(tmp_path / "nope.md")
    with pytest.raises(ConfigError, match="no prompt named 'nope'"):
        load_prompt("nope")
    with pytest.raises(ConfigError, match="prompts folder"):
        load_prompt("update", prompts_dir=tmp_path / "missing")


def test_cli_and_prompt_loader_do_not_import_langchain_or_openai():
    import subprocess
    import sys

    code = (
        "import sys, drafter.cli, drafter.prompts, drafter.engines.llm\n"
        "drafter.prompts.load_prompt('update')\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('langchain_core', 'langchain_openai', 'openai'))\n"
        "print(heavy[:5])\n"
        "sys.exit(1 if heavy else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
