"""Badges: valid SVG that says the level in words, in colours everyone can read."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from oss_checks.report.badge import LABEL, LABEL_COLOUR, render_badge, text_width
from oss_checks.report.model import LEVELS, Level
from report.helpers import MakeReport, MakeResult, fleet_names, item

SVG = "{http://www.w3.org/2000/svg}"


def luminance(colour: str) -> float:
    """Relative luminance of an sRGB colour, as WCAG 2 defines it."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("level", LEVELS, ids=lambda level: level.key)
def test_white_text_on_every_level_colour_meets_wcag_aa(level: Level) -> None:
    assert contrast(level.colour, "#ffffff") >= 4.5


def test_white_text_on_the_label_meets_wcag_aa() -> None:
    assert contrast(LABEL_COLOUR, "#ffffff") >= 4.5


def test_badge_is_valid_svg_naming_the_level(make_result: MakeResult, make_report: MakeReport) -> None:
    report = make_report([make_result("ok"), make_result("leaky", [item("OSS405", ".env")])])
    for entry in report.repos:
        svg = render_badge(entry)
        root = ET.fromstring(svg)
        assert root.tag == f"{SVG}svg"
        assert root.get("role") == "img"
        title = root.find(f"{SVG}title")
        assert title is not None
        assert title.text == f"{LABEL}: {entry.level.label}, score {entry.score} of 100"
        assert root.get("aria-label") == title.text
        texts = [t.text for t in root.iter(f"{SVG}text")]
        assert texts == [LABEL, entry.level.label.lower()]
        assert entry.level.colour in {r.get("fill") for r in root.iter(f"{SVG}rect")}
        assert "id=" not in svg, "several badges can sit in one page without clashing ids"


def test_unchecked_repository_badge_has_no_score(make_result: MakeResult, make_report: MakeReport) -> None:
    entry = make_report([make_result("gone", problem="does not exist")]).repos[0]
    root = ET.fromstring(render_badge(entry))
    assert root.get("aria-label") == f"{LABEL}: Not checked"


def test_badge_width_follows_its_text() -> None:
    assert text_width("") == 0
    assert text_width("ready") < text_width("needs work") < text_width("WWWWWWWWWW")
    assert text_width("iiii") < text_width("mmmm")


def test_badge_width_fits_both_halves(make_result: MakeResult, make_report: MakeReport) -> None:
    entry = make_report(
        [make_result("busy", [item(code) for code in ("OSS103", "OSS106", "OSS114", "OSS501")])]
    )
    root = ET.fromstring(render_badge(entry.repos[0]))
    width = int(root.get("width") or 0)
    assert width == text_width(LABEL) + text_width("needs work") + 4 * 6


@pytest.mark.slow
def test_fleet_badges_are_written_per_repository(fleet: Path, fleet_report: Path) -> None:
    for name in fleet_names(fleet):
        root = ET.parse(fleet_report / "badges" / f"{name}.svg").getroot()
        assert root.get("aria-label", "").startswith(f"{LABEL}: ")
