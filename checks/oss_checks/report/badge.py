"""A small SVG badge per repository, in the familiar two-part style, for its README."""

from __future__ import annotations

from html import escape

from oss_checks.report.model import RepoEntry

LABEL = "oss readiness"
LABEL_COLOUR = "#484f58"
HEIGHT = 20
PADDING = 6

#: Approximate advance widths of Verdana at 11px, the badge font, by character class.
_NARROW = set("ijlI.,:;'|!`")
_SEMI = set("frt()[]{}/\\- ")
_WIDE = set("mwMW%@")


def text_width(text: str) -> int:
    """The width the text needs in the badge font, rounded up to whole pixels."""
    width = 0.0
    for char in text:
        if char in _NARROW:
            width += 3.4
        elif char in _SEMI:
            width += 4.6
        elif char in _WIDE:
            width += 10.6
        elif char.isupper() or char.isdigit():
            width += 7.4
        else:
            width += 6.8
    return int(width + 0.999)


def badge_text(entry: RepoEntry) -> str:
    return entry.level.label.lower()


def render_badge(entry: RepoEntry) -> str:
    """The badge SVG; it has no ids, so several can sit in one HTML page."""
    value = badge_text(entry)
    left = text_width(LABEL) + 2 * PADDING
    right = text_width(value) + 2 * PADDING
    total = left + right
    description = f"{LABEL}: {entry.level.label}" + (
        f", score {entry.score} of 100" if entry.score is not None else ""
    )
    font = "Verdana,Geneva,'DejaVu Sans',sans-serif"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="{HEIGHT}" '
        f'viewBox="0 0 {total} {HEIGHT}" role="img" aria-label="{escape(description)}">'
        f"<title>{escape(description)}</title>"
        f'<rect width="{total}" height="{HEIGHT}" rx="3" fill="{entry.level.colour}"/>'
        f'<rect width="{left}" height="{HEIGHT}" rx="3" fill="{LABEL_COLOUR}"/>'
        f'<rect x="{left - 3}" width="3" height="{HEIGHT}" fill="{LABEL_COLOUR}"/>'
        f'<g fill="#ffffff" font-family="{font}" font-size="11" text-anchor="middle">'
        f'<text x="{left / 2:g}" y="14">{escape(LABEL)}</text>'
        f'<text x="{left + right / 2:g}" y="14">{escape(value)}</text>'
        "</g></svg>"
    )
