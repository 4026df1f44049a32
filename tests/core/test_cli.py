"""The command line end to end: every draft path, every format and option, every bad input.

In-process runs use typer's CliRunner; a few runs are real subprocesses of the installed
``drafter`` script and of ``python -m drafter.cli`` (including one with stdin on a pty, which
must print what to do and exit 2 instead of waiting on the terminal).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ACME = EXAMPLES / "acme-board-docs.txt"
AS_OF = "2026-11-25"
VENV_DRAFTER = ROOT / ".venv" / "bin" / "drafter"
HEAVY = ("langchain_openai", "langchain_core", "langchain", "openai", "dateparser")


@pytest.fixture(autouse=True)
def cli_env(monkeypatch, tmp_path):
    """No LLM configured, drafter's files in tmp (own fixture; tests/conftest.py belongs to the lead)."""
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_API_BASE", "DRAFTER_ENGINE", "DRAFTER_AUDIENCE",
                "DRAFTER_MAX_INPUT_BYTES", "DRAFTER_RECORD", "DRAFTER_FALLBACK", "DRAFTER_DEBUG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("DRAFTER_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("DRAFTER_JOURNAL", str(tmp_path / "home" / "journal.sqlite"))
    return tmp_path


@pytest.fixture
def sub_env(cli_env) -> dict[str, str]:
    """Environment for real subprocesses (inherits the monkeypatched os.environ)."""
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(app, list(args), input=input)


def assert_ok(result) -> None:
    assert result.exit_code == 0, (result.exit_code, result.stderr, result.stdout, result.exception)
    assert "Traceback" not in result.stderr
    assert result.stdout.strip()


def assert_input_error(result_or_proc, *, returncode=None) -> str:
    """Exit 2, exactly one stderr line starting 'drafter: error:', no traceback; returns the line."""
    if hasattr(result_or_proc, "exit_code"):
        code, stderr, stdout = result_or_proc.exit_code, result_or_proc.stderr, result_or_proc.stdout
    else:
        code, stderr, stdout = result_or_proc.returncode, result_or_proc.stderr, result_or_proc.stdout
    assert code == 2, (code, stderr, stdout)
    assert "Traceback" not in stderr and "Traceback" not in stdout
    lines = [l for l in stderr.splitlines() if l.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("drafter: error:"), stderr
    assert stdout.strip() == ""
    return lines[0]


def first_body_line(text: str) -> str:
    return next(l for l in text.splitlines() if l.strip())


STATUS = re.compile(r"\b(no blockers|on track|at risk|blocked|off track|done)\b", re.I)


# --------------------------------------------------------------------------------------------
# The three commands from a file, from stdin, with '-'
# --------------------------------------------------------------------------------------------


def test_update_from_file_says_which_engine_ran():
    r = run("update", str(ACME), "--as-of", AS_OF)
    assert_ok(r)
    assert "engine: offline" in r.stderr
    assert re.match(r"(?i)(at risk|off track|blocked)\b", first_body_line(r.stdout)), r.stdout  # U3
    assert "Dana" in r.stdout
    assert "If no reply from Dana by" in r.stdout  # U8 fallback for the outside dependency


def test_update_from_stdin_and_dash_match_the_file():
    notes = ACME.read_text(encoding="utf-8")
    from_file = run("update", str(ACME), "--as-of", AS_OF)
    piped = run("update", "--as-of", AS_OF, input=notes)
    dash = run("update", "-", "--as-of", AS_OF, input=notes)
    for r in (from_file, piped, dash):
        assert_ok(r)
    assert piped.stdout == from_file.stdout == dash.stdout


def test_options_from_file():
    r = run("options", str(EXAMPLES / "vendor-decision.txt"), "--as-of", AS_OF)
    assert_ok(r)
    out = r.stdout
    assert re.search(r"(?i)decision|decide|recommend", first_body_line(out))
    assert re.search(r"^\**A\)", out, re.M) and re.search(r"^\**B\)", out, re.M)
    assert "If I don't hear by" in out
    assert re.search(r"Reply A(, B)?( or [BC])", out)


def test_options_from_stdin():
    r = run("options", "--as-of", AS_OF, input=(EXAMPLES / "vendor-decision.txt").read_text())
    assert_ok(r)
    assert "Recommendation:" in r.stdout


def test_delegate_to_priya():
    r = run("delegate", str(EXAMPLES / "weekly-report-handoff.md"), "--to", "Priya", "--as-of", AS_OF)
    assert_ok(r)
    for label in ("Owner: Priya", "Deadline:", "Decision rights (I propose):", "Escalate if", "Runbook"):
        assert label in r.stdout, label
    # what the notes leave open (done when, check-ins, what Priya needs from me) is said once, in the plan's
    # "To agree with Priya" line
    agree = next(line for line in r.stdout.splitlines() if line.startswith("To agree with Priya"))
    assert "done when" in agree and "check-ins (proposed first:" in agree and "what you need from me" in agree, agree
    assert "What do you need from me?" not in r.stdout


def test_delegate_to_a_name_the_notes_never_use_warns_once():
    path = str(EXAMPLES / "weekly-report-handoff.md")
    r = run("delegate", path, "--to", "Priyaa", "--as-of", AS_OF)
    assert_ok(r)  # the plan is written as asked, and the likely typo is said on stderr, once
    warned = [line for line in r.stderr.splitlines() if "Priyaa" in line]
    assert warned == ["drafter: warning: 'Priyaa' is not named anywhere in the notes: check the spelling "
                      "(the plan hands the work to Priyaa as asked)"], r.stderr
    r = run("delegate", path, "--to", "Priya", "--as-of", AS_OF)
    assert_ok(r)
    assert "not named anywhere" not in r.stderr


def test_delegate_from_dash():
    notes = (EXAMPLES / "weekly-report-handoff.md").read_text()
    r = run("delegate", "-", "--to", "Priya", "--as-of", AS_OF, input=notes)
    assert_ok(r)
    assert "Owner: Priya" in r.stdout


# --------------------------------------------------------------------------------------------
# Formats and options
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind,file,extra", [
    ("update", "acme-board-docs.txt", []),
    ("options", "vendor-decision.txt", []),
    ("delegate", "weekly-report-handoff.md", ["--to", "Priya"]),
])
@pytest.mark.parametrize("fmt", ["markdown", "text", "slack", "email", "json"])
def test_each_format(kind, file, extra, fmt):
    r = run(kind, str(EXAMPLES / file), "--as-of", AS_OF, "--format", fmt, *extra)
    assert_ok(r)
    out = r.stdout
    assert "{" not in out or fmt == "json"
    if fmt == "json":
        data = json.loads(out)
        assert data["kind"] == kind
        assert data["artefact"]["kind"] == kind
        assert data["artefact"]["as_of"] == AS_OF
        assert data["meta"]["engine"] == "offline"
    elif fmt == "email":
        lines = out.splitlines()
        assert lines[0].startswith("Subject: ") and len(lines[0]) > len("Subject: ")
        assert lines[1] == ""
    elif fmt == "text":
        assert "**" not in out and not re.search(r"^\s*#", out, re.M)
    elif fmt == "slack":
        assert "**" not in out and not re.search(r"^\s*#", out, re.M)
        assert re.search(r"^\*[^*\n]+\*", out, re.M) or "•" in out


def test_short_format_flag():
    r = run("update", str(ACME), "--as-of", AS_OF, "-f", "slack")
    assert_ok(r)
    assert "**" not in r.stdout


def test_bad_format_is_a_usage_error():
    r = run("update", str(ACME), "--format", "pdf")
    assert r.exit_code == 2
    assert "Traceback" not in r.output


@pytest.mark.parametrize("words", [40, 60, 100])
def test_max_words(words):
    r = run("update", str(EXAMPLES / "several-items.txt"), "--as-of", AS_OF, "--max-words", str(words),
            "--audience", "team")
    assert_ok(r)
    n = len(r.stdout.split())
    assert "omitted" not in r.stdout and "--max-words" not in r.stdout  # the draft never talks about the tool
    omitted = re.search(r"drafter: (\d+) more detail\(s\) left out to fit (\d+) words; --max-words (\d+) shows everything",
                        r.stderr)
    assert n <= words or omitted, (n, r.stdout)
    if omitted:
        assert int(omitted.group(2)) == words
        full = run("update", str(EXAMPLES / "several-items.txt"), "--as-of", AS_OF, "--max-words",
                   omitted.group(3), "--audience", "team")
        assert "left out" not in full.stderr and len(full.stdout.split()) > n  # the hint is enough


def test_max_words_larger_shows_more():
    small = run("update", str(EXAMPLES / "several-items.txt"), "--as-of", AS_OF, "--max-words", "40")
    large = run("update", str(EXAMPLES / "several-items.txt"), "--as-of", AS_OF, "--max-words", "2000")
    assert_ok(small), assert_ok(large)
    assert len(large.stdout.split()) >= len(small.stdout.split())
    assert "left out" in small.stderr and "left out" not in large.stderr


def test_audience_client_strips_ticket_ids():
    path = str(EXAMPLES / "migration-tickets.md")
    team = run("update", path, "--as-of", AS_OF, "--audience", "team", "--max-words", "2000")
    client = run("update", path, "--as-of", AS_OF, "--audience", "client", "--max-words", "2000")
    assert_ok(team), assert_ok(client)
    assert re.search(r"OPS-4\d\d|#233", team.stdout), team.stdout  # kept for the team
    assert not re.search(r"\b[A-Z]{2,}-\d+\b|#\d+\b", client.stdout), client.stdout


@pytest.mark.parametrize("audience", ["boss", "team", "client"])
def test_audience_word_caps(audience):
    cap = {"boss": 150, "team": 300, "client": 200}[audience]
    r = run("update", str(EXAMPLES / "several-items.txt"), "--as-of", AS_OF, "-a", audience)
    assert_ok(r)
    out = r.stdout
    assert len(out.split()) <= cap or "left out" in r.stderr


def test_as_of_changes_resolved_dates():
    a = run("update", str(ACME), "--as-of", AS_OF, "--format", "json")
    b = run("update", str(ACME), "--as-of", "2026-12-02", "--format", "json")
    assert_ok(a), assert_ok(b)
    da, db = json.loads(a.stdout), json.loads(b.stdout)
    assert da["artefact"]["as_of"] == AS_OF and db["artefact"]["as_of"] == "2026-12-02"
    assert da["artefact"] != db["artefact"]
    # next steps are never dated before the as-of (U7)
    for data, as_of in ((da, AS_OF), (db, "2026-12-02")):
        for item in data["artefact"]["items"]:
            if item.get("next_step"):
                assert item["next_step"]["due"] >= as_of


def test_engine_offline_flag():
    r = run("update", str(ACME), "--as-of", AS_OF, "--engine", "offline")
    assert_ok(r)
    assert "engine: offline" in r.stderr and "--engine offline" in r.stderr


def test_engine_offline_flag_wins_over_configured_llm(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    r = run("update", str(ACME), "--as-of", AS_OF, "-e", "offline")
    assert_ok(r)
    assert "engine: offline" in r.stderr


def test_dry_run_prints_json_and_sends_nothing():
    r = run("update", str(ACME), "--as-of", AS_OF, "--dry-run", "--engine", "offline")
    assert r.exit_code == 0, (r.stderr, r.exception)
    data = json.loads(r.stdout)
    assert data["engine"] == "offline"
    assert "Traceback" not in r.stderr


def test_quiet_has_no_engine_line():
    r = run("update", str(ACME), "--as-of", AS_OF, "--quiet")
    assert_ok(r)
    assert "engine:" not in r.stderr


def test_stdout_holds_only_the_draft():
    r = run("update", str(ACME), "--as-of", AS_OF, "--format", "json")
    assert_ok(r)
    json.loads(r.stdout)  # nothing but the JSON document on stdout
    assert "drafter:" not in r.stdout


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md")
                                           and p.name != "README.md"))
def test_every_example_updates(example):
    r = run("update", str(EXAMPLES / example), "--as-of", AS_OF, "--format", "text")
    assert_ok(r)
    assert STATUS.search(first_body_line(r.stdout)), r.stdout
    assert "{" not in r.stdout and "TBD" not in r.stdout


def test_injection_lines_are_reported_not_obeyed():
    r = run("update", str(EXAMPLES / "braces-injection.txt"), "--as-of", AS_OF, "--max-words", "2000")
    assert_ok(r)
    first = first_body_line(r.stdout).lower()
    assert not first.startswith("on track"), r.stdout  # the injected "everything is on track" is not obeyed
    assert "{" not in r.stdout


# --------------------------------------------------------------------------------------------
# Bad inputs: exit 2, one line, no traceback
# --------------------------------------------------------------------------------------------


def test_empty_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("")
    line = assert_input_error(run("update", str(f)))
    assert "empty" in line


def test_whitespace_only_file(tmp_path):
    f = tmp_path / "ws.txt"
    f.write_text("  \n\t\n   \n")
    assert "empty" in assert_input_error(run("update", str(f)))


def test_whitespace_only_stdin():
    assert "empty" in assert_input_error(run("options", input="   \n\n"))


def test_binary_file(tmp_path):
    f = tmp_path / "x.bin"
    f.write_bytes(bytes(range(256)) * 4)
    line = assert_input_error(run("update", str(f)))
    assert "binary" in line and "plain text" in line  # says what to do next


def test_latin1_file(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Réunion: emailed Zoë about the café contract, no reply yet.\n".encode("latin-1"))
    line = assert_input_error(run("update", str(f)))
    assert "UTF-8" in line


def test_file_over_the_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_MAX_INPUT_BYTES", "100")
    f = tmp_path / "big.txt"
    f.write_text("emailed Dana about the docs, no reply yet.\n" * 10)
    line = assert_input_error(run("update", str(f)))
    assert "limit" in line and "100" in line


def test_stdin_over_the_limit(monkeypatch):
    monkeypatch.setenv("DRAFTER_MAX_INPUT_BYTES", "100")
    line = assert_input_error(run("update", "-", input="emailed Dana, no reply.\n" * 20))
    assert "limit" in line


def test_missing_file(tmp_path):
    line = assert_input_error(run("update", str(tmp_path / "nope.txt")))
    assert "no such file" in line


def test_directory_instead_of_file(tmp_path):
    assert "directory" in assert_input_error(run("update", str(tmp_path)))


@pytest.mark.parametrize("bad", ["25/11/2026", "tomorrow", "2026-13-01", ""])
def test_bad_as_of(bad):
    line = assert_input_error(run("update", str(ACME), "--as-of", bad))
    assert "YYYY-MM-DD" in line


def test_bad_max_input_bytes_setting(monkeypatch):
    monkeypatch.setenv("DRAFTER_MAX_INPUT_BYTES", "lots")
    assert "DRAFTER_MAX_INPUT_BYTES" in assert_input_error(run("update", str(ACME)))


# --------------------------------------------------------------------------------------------
# Real subprocesses
# --------------------------------------------------------------------------------------------


def _proc(args, env, stdin=None, input=None, timeout=60):
    return subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, stdin=stdin,
                          input=input, timeout=timeout)


@pytest.mark.skipif(not VENV_DRAFTER.exists(), reason="console script not installed")
def test_installed_script_update(sub_env):
    p = _proc([str(VENV_DRAFTER), "update", str(ACME), "--as-of", AS_OF], sub_env)
    assert p.returncode == 0, p.stderr
    assert "engine: offline" in p.stderr
    assert re.match(r"(?i)(at risk|off track|blocked)\b", first_body_line(p.stdout))
    assert "Traceback" not in p.stderr


def test_module_entry_point_with_pipe(sub_env):
    p = _proc([sys.executable, "-m", "drafter.cli", "update", "--as-of", AS_OF, "--format", "json"], sub_env,
              input=ACME.read_text())
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["meta"]["engine"] == "offline"


def test_subprocess_bad_input_exit_code(sub_env, tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("caf\xe9 notes".encode("latin-1"))
    p = _proc([sys.executable, "-m", "drafter.cli", "update", str(f)], sub_env)
    assert_input_error(p)


def test_subprocess_missing_file(sub_env):
    p = _proc([sys.executable, "-m", "drafter.cli", "options", "does-not-exist.txt"], sub_env)
    assert_input_error(p)


@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_a_closed_stdout_pipe_exits_quietly(sub_env, fmt):
    """`drafter update notes | head`: the reader closes the pipe before the draft is written. No
    'internal error: BrokenPipeError' line, no traceback; exit 141 (128 + SIGPIPE, as a shell reports it)."""
    r, w = os.pipe()
    os.close(r)  # the reader has gone before drafter writes a byte
    try:
        proc = subprocess.run([sys.executable, "-m", "drafter.cli", "update", str(ACME), "--as-of", AS_OF, "--format", fmt],
                              env=sub_env, cwd=ROOT, stdout=w, stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(w)
    assert proc.returncode == 141, (proc.returncode, proc.stderr)
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr, proc.stderr


@pytest.mark.parametrize("command", ["update", "options", "delegate"])
def test_no_stdin_on_a_tty_prints_usage_and_exits_2(sub_env, command):
    """stdin is a terminal and no file is given: say what to do and exit 2, never wait."""
    master, slave = os.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "drafter.cli", command], env=sub_env, cwd=ROOT,
                                stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            out, errtext = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            pytest.fail("drafter waited on the terminal instead of printing usage")
    finally:
        os.close(slave)
        os.close(master)
    assert proc.returncode == 2, (proc.returncode, errtext)
    lines = [l for l in errtext.splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith("drafter: error:"), errtext
    assert f"drafter {command} notes.txt" in lines[0]  # the usage: what to run instead
    assert "Traceback" not in errtext and out == ""


def test_help_is_fast_and_clean(sub_env):
    t0 = time.perf_counter()
    p = _proc([sys.executable, "-m", "drafter.cli", "--help"], sub_env)
    elapsed = time.perf_counter() - t0
    assert p.returncode == 0
    assert "update" in p.stdout and "options" in p.stdout and "delegate" in p.stdout
    assert elapsed < 10  # generous: 2 shared cores; benchmarks/RESULTS.md has the real figure


# --------------------------------------------------------------------------------------------
# Offline path stays light
# --------------------------------------------------------------------------------------------

_HEAVY_EXPR = (
    "sorted(m for m in sys.modules if m.split('.')[0] in "
    "('langchain_openai','langchain_core','openai','dateparser'))"
)


def test_importing_the_cli_imports_no_llm_or_dateparser(sub_env):
    p = _proc([sys.executable, "-c", f"import drafter.cli, sys; print({_HEAVY_EXPR})"], sub_env)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "[]", p.stdout


def test_offline_update_in_process_imports_no_llm_or_dateparser(sub_env):
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from drafter.cli import app\n"
        f"r = CliRunner().invoke(app, ['update', {str(ACME)!r}, '--as-of', '{AS_OF}'])\n"
        "assert r.exit_code == 0, (r.exit_code, r.output, r.exception)\n"
        "assert r.stdout.strip()\n"
        f"print({_HEAVY_EXPR})\n"
    )
    p = _proc([sys.executable, "-c", code], sub_env)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip().splitlines()[-1] == "[]", p.stdout


# --------------------------------------------------------------------------------------------
# Other paths: schema, version, journal recording, LLM failure (refused port on 127.0.0.1)
# --------------------------------------------------------------------------------------------


def test_schema_and_version():
    r = run("schema", "update")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["title"] == "StatusUpdate"
    bad = run("schema", "nonsense")
    assert_input_error(bad)
    v = run("version")
    assert v.exit_code == 0 and v.stdout.startswith("drafter ")


def test_record_puts_the_update_in_the_journal(cli_env):
    r = run("update", str(ACME), "--as-of", AS_OF, "--record")
    assert_ok(r)
    assert re.search(r"recorded in journal as update #\d+", r.stderr), r.stderr
    listed = run("journal", "list")
    assert listed.exit_code == 0, (listed.stderr, listed.exception)
    assert listed.stdout.strip()


@pytest.fixture
def refused_llm(monkeypatch):
    """An LLM 'configured' on a closed local port: every call fails fast with connection refused."""
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
    monkeypatch.setenv("DRAFTER_MAX_RETRIES", "0")
    monkeypatch.setenv("DRAFTER_TIMEOUT", "5")


def test_llm_failure_from_stdin_saves_the_notes(refused_llm, cli_env):
    notes = ACME.read_text()
    r = run("update", "--as-of", AS_OF, input=notes)
    assert r.exit_code == 4, (r.exit_code, r.stderr, r.exception)
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("drafter: error:"), r.stderr  # one line, naming the server
    assert "127.0.0.1:9" in lines[0]
    m = re.search(r"your notes are saved in (\S+)", r.stderr)
    assert m, r.stderr
    assert Path(m.group(1)).read_text(encoding="utf-8") == notes


def test_llm_failure_with_fallback_offline(refused_llm):
    r = run("update", str(ACME), "--as-of", AS_OF, "--fallback", "offline")
    assert_ok(r)
    assert "wrote the offline draft instead" in r.stderr
    assert re.match(r"(?i)(at risk|off track|blocked)\b", first_body_line(r.stdout))


def test_dry_run_with_llm_prints_the_request_without_sending(refused_llm):
    r = run("update", str(ACME), "--as-of", AS_OF, "--dry-run")
    assert r.exit_code == 0, (r.stderr, r.exception)
    data = json.loads(r.stdout)
    assert data["engine"] == "llm"
    assert data["request"]
    assert "Dana" in json.dumps(data["request"])  # the notes are in the request
    assert "sk-test-not-a-real-key" not in r.stdout + r.stderr  # the key is never printed


def test_old_notes_say_their_own_date_and_how_to_draft_as_of_it():
    notes = str(Path(__file__).resolve().parents[2] / "evals/real/minutes/mirage-weekly-2013-05-14.md")
    result = run("update", notes)
    assert_ok(result)
    said = [l for l in result.stderr.splitlines() if "the notes are dated" in l]
    assert len(said) == 1 and "Tue 14 May 2013 (line 2)" in said[0] and "--as-of 2013-05-14" in said[0]
    quiet = run("update", notes, "--as-of", "2013-05-15")
    assert_ok(quiet)
    assert "the notes are dated" not in quiet.stderr  # the user chose the day: nothing to point out
