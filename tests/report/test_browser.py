"""The report in a real browser (headless Chromium): what a reader sees on a desk and on a phone.

Skipped when Chromium is not installed; on Debian: ``apt-get install -y chromium``.
Set ``OSS_CHECKS_SCREENSHOTS=<folder>`` to keep the screenshots for a person to look at.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from report.helpers import fleet_names

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Chromium is not installed (Debian: apt-get install -y chromium chromium-driver)",
    ),
]

DESKTOP = (1280, 900)
PHONE = (390, 844)
#: A repository of the fleet with a legal blocker (a credential in a notebook output).
BLOCKED_REPO = "nlp-toolkit"

#: Runs in a page of our own that frames the report at a given width; it records what the
#: report shows there, because Chromium's --dump-dom window cannot be narrower than 500 px.
PROBE_SCRIPT = """
var frame = document.getElementById('report');
frame.addEventListener('load', function () {
  var win = frame.contentWindow, doc = win.document;
  function shown(el) { return el.getClientRects().length > 0; }
  function clipped(el) {
    for (var p = el.parentElement; p; p = p.parentElement) {
      var o = win.getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
    }
    return false;
  }
  var wide = [];
  doc.querySelectorAll('body *').forEach(function (el) {
    var box = el.getBoundingClientRect();
    if (box.width && box.right > doc.documentElement.clientWidth + 1 && !clipped(el)) {
      wide.push(el.tagName.toLowerCase() + '.' + el.className);
    }
  });
  var pills = [];
  doc.querySelectorAll('.pill').forEach(function (el) {
    if (!shown(el)) return;
    var style = win.getComputedStyle(el);
    pills.push({text: el.innerText, color: style.color, background: style.backgroundColor});
  });
  var headings = [];
  doc.querySelectorAll('h1, h2, h3').forEach(function (el) { if (shown(el)) headings.push(el.innerText); });
  document.getElementById('probe').textContent = JSON.stringify({
    clientWidth: doc.documentElement.clientWidth,
    scrollWidth: doc.documentElement.scrollWidth,
    text: doc.body.innerText,
    headings: headings,
    pills: pills,
    wide: wide
  });
});
"""


def run_chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory(prefix="oss-report-chromium-") as profile:
        return subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={profile}",
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=True,
        )


def probe(report: Path, size: tuple[int, int], fragment: str = "") -> dict[str, Any]:
    """What the report shows in a frame of ``size``, as recorded by PROBE_SCRIPT."""
    width, height = size
    wrapper = report.parent / f"probe-{width}-{fragment or 'top'}.html"
    wrapper.write_text(
        "<!DOCTYPE html><html><body style='margin:0'>"
        f"<iframe id='report' src='{report.name}{'#' + fragment if fragment else ''}' "
        f"style='border:0;width:{width}px;height:{height}px'></iframe>"
        f"<pre id='probe'></pre><script>{PROBE_SCRIPT}</script></body></html>",
        encoding="utf-8",
    )
    done = run_chromium(
        "--allow-file-access-from-files",
        "--virtual-time-budget=10000",
        "--window-size=1400,1000",
        "--dump-dom",
        wrapper.as_uri(),
    )
    match = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.DOTALL)
    assert match is not None, f"the probe page did not load: {done.stdout[-500:]}"
    assert match.group(1), "the report did not load in the frame"
    data: dict[str, Any] = json.loads(html.unescape(match.group(1)))
    return data


def screenshot(report: Path, size: tuple[int, int], name: str, fragment: str = "") -> Path:
    target = report.parent / f"{name}.png"
    url = report.as_uri() + (f"#{fragment}" if fragment else "")
    run_chromium(f"--window-size={size[0]},{size[1]}", f"--screenshot={target}", url)
    keep = os.environ.get("OSS_CHECKS_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(target, Path(keep) / target.name)
    return target


def png_chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    position = 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        yield kind, data[position + 8 : position + 8 + length]
        position += 12 + length


def png_facts(path: Path) -> tuple[int, int, int]:
    """Width, height and the number of distinct byte values of the pixels (1 for a blank page)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks = list(png_chunks(data))
    width, height = struct.unpack(">II", chunks[0][1][:8])
    pixels = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride = len(pixels) // height
    # Drop each row's filter byte; what is left are the colour samples.
    samples = b"".join(pixels[row * stride + 1 : (row + 1) * stride] for row in range(height))
    return width, height, len(set(samples))


def rgb(css: str) -> str:
    red, green, blue = (int(part) for part in re.findall(r"\d+", css)[:3])
    return f"#{red:02x}{green:02x}{blue:02x}"


def contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture(scope="module")
def page(fleet_report: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the fleet's report.html, so the probe pages sit next to it."""
    folder = tmp_path_factory.mktemp("browser")
    shutil.copy(fleet_report / "report.html", folder / "report.html")
    return folder / "report.html"


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_overview_reads_without_sideways_scrolling(
    page: Path, fleet: Path, fleet_report: Path, size: tuple[int, int]
) -> None:
    seen = probe(page, size)
    summary = json.loads((fleet_report / "report.json").read_text(encoding="utf-8"))["summary"]["text"]
    assert seen["scrollWidth"] <= seen["clientWidth"], f"wider than the screen: {seen['wide']}"
    assert seen["wide"] == []
    text = " ".join(seen["text"].split())
    assert summary in text
    for heading in ("Executive summary", "Repositories by readiness", "Legal", "Management", "Data science"):
        assert heading in seen["headings"]
    for name in fleet_names(fleet):
        assert name in text
    assert "Ready to open-source" in text


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_repository_page_shows_that_repository_only(page: Path, fleet: Path, size: tuple[int, int]) -> None:
    seen = probe(page, size, f"repo-{BLOCKED_REPO}")
    assert seen["scrollWidth"] <= seen["clientWidth"], f"wider than the screen: {seen['wide']}"
    text = " ".join(seen["text"].split())
    assert BLOCKED_REPO in seen["headings"]
    others = [h for h in seen["headings"] if h in fleet_names(fleet) and h != BLOCKED_REPO]
    assert others == [], "the other repositories' pages are hidden"
    assert "Executive summary" not in seen["headings"]
    assert "Ready to open-source? \u2715 No: legal blocker" in text
    assert "OSS307" in text
    assert "What to fix" in text
    assert "Back to the list of repositories" in text


def test_labels_are_legible_words_on_accessible_colours(page: Path) -> None:
    seen = probe(page, DESKTOP)
    assert seen["pills"]
    for pill in seen["pills"]:
        label = pill["text"].strip()
        assert re.search(r"[A-Za-z]{2,}", label), f"a label without words: {label!r}"
        assert contrast(rgb(pill["color"]), rgb(pill["background"])) >= 4.5, pill


def test_dumped_dom_has_a_section_per_repository_and_no_script(page: Path, fleet: Path) -> None:
    dom = run_chromium("--dump-dom", page.as_uri()).stdout
    assert "<script" not in dom
    sections = re.findall(r'<section class="repo" id="repo-([^"]+)"', dom)
    assert sorted(sections) == fleet_names(fleet)
    assert "<title>Fleet readiness</title>" in dom


@pytest.mark.parametrize(
    ("size", "fragment", "name"),
    [
        (DESKTOP, "", "overview-desktop"),
        (PHONE, "", "overview-phone"),
        (DESKTOP, f"repo-{BLOCKED_REPO}", "repo-desktop"),
        (PHONE, f"repo-{BLOCKED_REPO}", "repo-phone"),
    ],
)
def test_screenshots_are_full_pages_not_blank(
    page: Path, size: tuple[int, int], fragment: str, name: str
) -> None:
    width, height, distinct = png_facts(screenshot(page, size, name, fragment))
    assert (width, height) == size
    assert distinct > 20, "the screenshot is (nearly) blank"
