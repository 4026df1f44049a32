"""JUnit XML and the self-contained HTML report (checked in a real headless Chromium)."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest
from eval_support import make_run

from drafter.eval import compare_runs, junit_xml, load_run, run_html, write_html
from drafter.eval.report_html import highlight

TEXT_FAIL = (
    "At risk: the Q3 docs from Acme have not arrived.\n"
    "- Next: I will chase Dana by Thu 26 Nov.\n"
    "If no reply from Dana by Thu 26 Nov, I will call the Acme office.\n"
)


@pytest.fixture
def run_pair(runs):
    outcomes = {
        ("acme", "update", 0): {"U1": True, "U8": False, "U9": None},
        ("vendor", "update", 0): {"U1": True, "U8": True, "U9": True},
    }
    make_run(runs, "r1", outcomes, texts={("acme", "update", 0): TEXT_FAIL},
             errors={("broken", "update", 0): "InputError: notes are empty <script>"})
    better = {k: {c: (True if v is not None else None) for c, v in checks.items()} for k, checks in outcomes.items()}
    make_run(runs, "r2", better, texts={("acme", "update", 0): TEXT_FAIL})
    return runs


def test_junit_xml_parses_with_one_testcase_per_case_artefact_criterion(run_pair):
    result = load_run("r1", run_pair)
    root = ET.fromstring(junit_xml(result))
    measures = [tc for tc in root.findall(".//testcase") if tc.get("name") in ("fact-recall", "unsupported")]
    cases = [tc for tc in root.findall(".//testcase") if tc not in measures]
    names = {(tc.get("classname"), tc.get("name")) for tc in cases}
    assert ("update.acme", "U8") in names and ("update.vendor", "U9") in names
    assert len(cases) == 3 + 3 + 1  # two units x three criteria + the errored unit
    assert len(measures) == 2 * 2  # fact recall and unsupported content per drafted unit
    [failure] = [f for f in root.findall(".//failure") if f.get("type") not in ("fact-recall", "unsupported")]
    assert failure.get("type") == "U8" and "If no reply from Dana" in failure.text
    crit_skipped = [tc for tc in cases if tc.find("skipped") is not None]
    assert len(crit_skipped) == 1
    [error] = root.findall(".//error")
    assert "notes are empty" in error.get("message")
    unsupported = [tc for tc in measures if tc.get("name") == "unsupported" and tc.find("failure") is not None]
    assert root.get("failures") == str(1 + len(unsupported)) and root.get("errors") == "1"
    assert root.get("tests") == str(7 + 4)


def test_highlight_escapes_and_marks_evidence():
    html, found = highlight("a <b> & If no reply from Dana by Thu", [("U8", "“If no reply from Dana”"), ("U9", "absent")])
    assert "&lt;b&gt; &amp;" in html
    assert '<mark title="U8">If no reply from Dana</mark>' in html
    assert found == {0}


def _no_external_refs(doc: str) -> None:
    assert not re.search(r"https?://", doc), "report must not reference the network"
    assert "<script" not in doc.lower() and "<link" not in doc.lower() and "@import" not in doc
    assert "src=" not in doc


def test_run_html_is_self_contained(run_pair):
    doc = run_html(load_run("r1", run_pair))
    _no_external_refs(doc)
    assert '<table id="summary">' in doc and "<mark" in doc
    assert "&lt;script&gt;" in doc  # error text is escaped


def test_comparison_html_is_self_contained(run_pair):
    comp = compare_runs("r1", "r2", runs_dir=run_pair)
    doc = write_html(comp, run_pair / "cmp.html").read_text()
    _no_external_refs(doc)
    assert "U8 fixed" in doc and 'class="cols"' in doc and "<mark" in doc


# ---- real browser -------------------------------------------------------------------------------

def _png_info(path: Path) -> tuple[int, int, float]:
    """(width, height, pixel variance of the luma) of an 8-bit RGB/RGBA PNG, decoded with zlib."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    w = h = 0
    ctype = 2
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    bpp = {2: 3, 6: 4}[ctype]
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    total = total2 = n = 0
    i = 0
    for _ in range(h):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp * 7):  # sample every 7th pixel
            y = (line[x] * 299 + line[x + 1] * 587 + line[x + 2] * 114) // 1000
            total += y
            total2 += y * y
            n += 1
        prev = line
    mean = total / n
    return w, h, total2 / n - mean * mean


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run_chromium(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    exe = _chromium()
    base = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", f"--user-data-dir={tmp_path / 'chrome-profile'}"]
    env = {**os.environ, "HOME": str(tmp_path)}
    return subprocess.run(base + args, capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.browser
def test_html_report_renders_in_headless_chromium(run_pair, tmp_path):
    if not _chromium():
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    report = write_html(load_run("r1", run_pair), tmp_path / "report.html")
    png = tmp_path / "shot.png"
    proc = _run_chromium([f"--screenshot={png}", "--window-size=1280,2000", report.as_uri()], tmp_path)
    assert png.exists(), proc.stderr[-2000:]
    w, h, variance = _png_info(png)
    assert (w, h) == (1280, 2000)
    assert variance > 50, f"screenshot looks blank (luma variance {variance:.1f})"

    dom = _run_chromium(["--dump-dom", report.as_uri()], tmp_path).stdout
    assert '<table id="summary">' in dom
    assert re.search(r'<mark title="U8[^"]*">If no reply from Dana</mark>', dom)
    assert "broken" in dom and "notes are empty" in dom
