"""The report as one self-contained HTML page: inline CSS and SVG, no script, no network.

Every string that comes from a repository (names, paths, messages, ignore reasons) is
escaped; navigation uses anchors and ``<details>``, so the page works with scripts off
and from a file share, and the content security policy forbids loading anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from oss_checks.patterns import lazy
from oss_checks.registry import Stakeholder
from oss_checks.report.badge import render_badge
from oss_checks.report.model import (
    ALMOST,
    BLOCKED,
    LEVEL_BY_KEY,
    LEVELS,
    NEEDS_WORK,
    OPEN_SOURCE_BLOCKERS,
    READY,
    SCORE_EXPLANATION,
    STAKEHOLDER_NOTES,
    STAKEHOLDER_ORDER,
    UNREADABLE,
    VERDICT_MEANING,
    Item,
    Level,
    RepoEntry,
    Report,
    Snapshot,
    StakeholderView,
    adoption_sentence,
    executive_summary,
    stakeholder_view,
    verdict_question,
)

#: Places listed per rule on a repository page; report.json has all of them.
MAX_PLACES = 25
#: Repository links listed per rule in a stakeholder view.
MAX_LINKS = 12

#: Verdicts share the levels' colours and symbols, so one legend reads both.
VERDICT_LOOK: dict[str, Level] = {
    "yes": READY,
    "review": ALMOST,
    "not-yet": NEEDS_WORK,
    "no": BLOCKED,
    "unknown": UNREADABLE,
}


CSS = """
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--link:#0550ae}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--ink);background:#fff}
main,header,footer,nav{max-width:1200px;margin:0 auto;padding:0 20px}
header{padding-top:24px}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 4px}
h2{font-size:1.45rem;margin:40px 0 8px;padding-top:8px;border-top:2px solid var(--line)}
h3{font-size:1.2rem;margin:0 0 6px;overflow-wrap:anywhere}
h4{font-size:1.02rem;margin:18px 0 6px}
a{color:var(--link)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;
background:var(--soft);padding:0 3px;border-radius:4px;overflow-wrap:anywhere}
pre{background:var(--soft);padding:10px;border-radius:6px;overflow-x:auto;font-size:.88em}
pre code{background:none;padding:0}
.meta,.muted{color:var(--muted)}
nav{background:#fff;border-bottom:1px solid var(--line)}
@media (min-width:700px){nav{position:sticky;top:0;z-index:2}}
nav ul{list-style:none;margin:0;padding:8px 0;display:flex;flex-wrap:wrap;gap:4px 16px}
.lead{font-size:1.08rem;max-width:60em}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:16px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.card .number{font-size:2rem;font-weight:700;line-height:1.1}
.pill{display:inline-block;color:#fff;border-radius:999px;padding:1px 10px;font-size:.9rem;
font-weight:600;white-space:nowrap}
.card .pill{white-space:normal}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:16px}
figure{margin:0;border:1px solid var(--line);border-radius:8px;padding:12px}
figcaption{font-weight:600;margin-bottom:6px}
svg.chart{width:100%;max-width:560px;height:auto;display:block}
.table-wrap{overflow-x:auto;margin:8px 0 16px;border:1px solid var(--line);border-radius:8px}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--soft);font-weight:600}
tbody tr:last-child td{border-bottom:0}
td.num,th.num{text-align:right;white-space:nowrap}
td.name a,td.nowrap{white-space:nowrap}
.score{font-weight:700;display:inline-block;min-width:2.2em;text-align:right}
.zero{color:var(--muted)}
.repo{border:1px solid var(--line);border-radius:10px;padding:16px;margin:16px 0;scroll-margin-top:56px}
/* A repository's section is its own page: when the address names it, only it is shown,
   from the top of the page (the large scroll margin keeps the browser from scrolling). */
main:has(.repo:target)>section:not(#repos),#repos:has(.repo:target) .repo:not(:target),
#repos:has(.repo:target)>h2{display:none}
main:has(.repo:target) .repo:target{border:0;padding:0;margin-top:24px;scroll-margin-top:100vh}
.status{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;margin:4px 0 10px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 12px;font-size:.93rem}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.verdict{border-left:6px solid;padding:8px 12px;background:var(--soft);border-radius:0 8px 8px 0}
.verdict h4{margin:0 0 4px}
.verdict ul{margin:4px 0 0;padding-left:20px}
details.rule{border:1px solid var(--line);border-radius:8px;margin:6px 0;padding:0 10px}
details.rule>summary{cursor:pointer;padding:8px 0;overflow-wrap:anywhere}
details.rule[open]>summary{border-bottom:1px solid var(--line);margin-bottom:8px}
.places{padding-left:20px;overflow-wrap:anywhere}
.tag{display:inline-block;border:1px solid var(--line);border-radius:999px;padding:0 8px;font-size:.8rem;
color:var(--muted);white-space:nowrap}
.sev-warning{color:#6b4c00}
.badge-line{display:flex;flex-wrap:wrap;gap:8px;align-items:center;font-size:.9rem}
.notes li{overflow-wrap:anywhere}
footer{margin:48px auto 24px;color:var(--muted);font-size:.9rem}
@media (max-width:600px){
main,header,footer,nav{padding:0 12px}
h1{font-size:1.5rem}
body{font-size:15px}
.repo{padding:12px}
}
"""


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def pill(level: Level, text: str | None = None) -> str:
    return (
        f'<span class="pill" style="background:{level.colour}">'
        f'<span aria-hidden="true">{level.symbol}</span> {esc(text or level.label)}</span>'
    )


def verdict_pill(entry: RepoEntry) -> str:
    return pill(VERDICT_LOOK[entry.verdict.key], entry.verdict.label(entry.result.visibility))


def repo_link(entry: RepoEntry) -> str:
    return f'<a href="#repo-{esc(entry.key)}">{esc(entry.display_name)}</a>'


def change_text(entry: RepoEntry, report: Report) -> str:
    if report.previous is None:
        return ""
    if entry.previous is None:
        return "new"
    change = entry.change
    if change is None:
        level = LEVEL_BY_KEY[entry.previous.level]
        return "" if level is entry.level else f"was {level.label}"
    if change > 0:
        return f"\u25b2 +{change}"
    if change < 0:
        return f"\u25bc \u2212{-change}"
    return "\u00b10"


def change_sentence(entry: RepoEntry, date: str) -> str:
    """How the repository moved since the previous report, for its own page."""
    if entry.previous is None:
        return f"Not in the report of {date}"
    was = LEVEL_BY_KEY[entry.previous.level]
    change = entry.change
    if change is None or was is not entry.level:
        score = f" ({entry.previous.score})" if entry.previous.score is not None else ""
        return f"Was {was.label}{score} on {date}"
    if change == 0:
        return f"No change since {date}"
    arrow = "\u25b2 +" if change > 0 else "\u25bc \u2212"
    return f"{arrow}{abs(change)} since {date}"


def _plural(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"


# -- a little Markdown, for the rules' "How to fix" text -----------------------------------------
_INLINE_CODE = lazy(r"`([^`]+)`")
_BOLD = lazy(r"\*\*([^*]+)\*\*")


def _inline(text: str) -> str:
    escaped = esc(text)
    escaped = _INLINE_CODE.sub(lambda m: f"<code>{m.group(1)}</code>", escaped)
    return _BOLD.sub(lambda m: f"<strong>{m.group(1)}</strong>", escaped)


def markdown_to_html(text: str) -> str:
    """Paragraphs, bullet lists, fenced code and inline code; everything else stays text."""
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    paragraph: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if bullets:
            out.append("<ul>" + "".join(f"<li>{_inline(b)}</li>" for b in bullets) + "</ul>")
            bullets.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            block = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            out.append(f"<pre><code>{esc(chr(10).join(block))}</code></pre>")
        elif not stripped:
            flush()
        elif stripped[:2] in ("- ", "* "):
            if paragraph:
                flush()
            bullets.append(stripped[2:])
        elif bullets and line.startswith("  "):
            bullets[-1] += " " + stripped
        else:
            if bullets:
                flush()
            paragraph.append(stripped)
        i += 1
    flush()
    return "".join(out)


# -- charts --------------------------------------------------------------------------------------
def portfolio_chart(report: Report) -> str:
    """Horizontal bars: how many repositories sit at each level."""
    counts = report.counts()
    total = max(1, len(report.repos))
    shown_levels = [lv for lv in LEVELS if lv is not UNREADABLE or counts[lv.key]]
    row, label_width, bar_width = 40, 150, 250
    width, height = label_width + bar_width + 110, row * len(shown_levels) + 8
    desc = "; ".join(f"{lv.label}: {counts[lv.key]}" for lv in shown_levels)
    parts = [
        (
            f'<svg class="chart" viewBox="0 0 {width} {height}" style="max-width:{width}px" role="img" '
            f'aria-labelledby="portfolio-title portfolio-desc" xmlns="http://www.w3.org/2000/svg">'
        ),
        '<title id="portfolio-title">Repositories by readiness</title>',
        f'<desc id="portfolio-desc">{esc(desc)}</desc>',
    ]
    for index, level in enumerate(shown_levels):
        y = 4 + index * row
        count = counts[level.key]
        bar = round(bar_width * count / total)
        share = round(100 * count / total)
        parts += [
            f'<text x="0" y="{y + 24}" font-size="17" fill="#1f2328">{level.symbol} {esc(level.label)}</text>',
            f'<rect x="{label_width}" y="{y + 6}" width="{bar_width}" height="24" rx="4" fill="#eef1f4"/>',
            f'<rect x="{label_width}" y="{y + 6}" width="{bar}" height="24" rx="4" fill="{level.colour}"/>'
            if bar
            else "",
            (
                f'<text x="{label_width + bar_width + 10}" y="{y + 24}" font-size="17" fill="#1f2328">'
                f"{count} ({share}%)</text>"
            ),
        ]
    parts.append("</svg>")
    return "".join(parts)


def trend_chart(report: Report) -> str:
    """Stacked columns, one per report (oldest first): repositories per level over time."""
    snapshots: list[Snapshot] = [*report.history, report.snapshot()]
    counts = [s.counts() for s in snapshots]
    tallest = max(1, *(sum(c.values()) for c in counts))
    column, gap, top, plot = 56, 28, 26, 200
    width = max(320, 40 + len(snapshots) * (column + gap))
    height = top + plot + 34
    desc = "; ".join(
        f"{s.generated_at[:10]}: " + ", ".join(f"{lv.label} {c[lv.key]}" for lv in LEVELS if c[lv.key])
        for s, c in zip(snapshots, counts, strict=True)
    )
    parts = [
        (
            f'<svg class="chart" viewBox="0 0 {width} {height}" style="max-width:{width}px" role="img" '
            f'aria-labelledby="trend-title trend-desc" xmlns="http://www.w3.org/2000/svg">'
        ),
        '<title id="trend-title">Readiness over time</title>',
        f'<desc id="trend-desc">{esc(desc)}</desc>',
        f'<line x1="20" y1="{top + plot}" x2="{width - 10}" y2="{top + plot}" stroke="#8c959f"/>',
    ]
    for index, (snapshot, count) in enumerate(zip(snapshots, counts, strict=True)):
        x = 30 + index * (column + gap)
        y: float = top + plot
        for level in LEVELS:
            number = count[level.key]
            if not number:
                continue
            h = plot * number / tallest
            y -= h
            parts.append(
                f'<rect x="{x}" y="{y:.1f}" width="{column}" height="{h:.1f}" fill="{level.colour}">'
                f"<title>{esc(level.label)}: {number}</title></rect>"
            )
            if h >= 16:
                parts.append(
                    f'<text x="{x + column / 2:g}" y="{y + h / 2 + 5:.1f}" font-size="13" '
                    f'text-anchor="middle" fill="#ffffff">{number}</text>'
                )
        scores = [st.score for st in snapshot.repos.values() if st.score is not None]
        if scores:
            parts.append(
                f'<text x="{x + column / 2:g}" y="{y - 6:.1f}" font-size="12" text-anchor="middle" '
                f'fill="#1f2328">avg {round(sum(scores) / len(scores))}</text>'
            )
        label = "now" if index == len(snapshots) - 1 else snapshot.generated_at[:10]
        parts.append(
            f'<text x="{x + column / 2:g}" y="{top + plot + 20}" font-size="12" text-anchor="middle" '
            f'fill="#1f2328">{esc(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def legend() -> str:
    return '<p class="badge-line">' + " ".join(pill(level) for level in LEVELS) + "</p>"


# -- sections ------------------------------------------------------------------------------------
def summary_section(report: Report) -> str:
    counts = report.counts()
    cards = "".join(
        f'<div class="card">{pill(level)}<div class="number">{counts[level.key]}</div>'
        f'<div class="muted">{esc(level.meaning)}</div></div>'
        for level in LEVELS
        if level is not UNREADABLE or counts[level.key]
    )
    internal = [e for e in report.repos if e.result.visibility != "public"]
    ready = sum(1 for e in internal if e.verdict.key == "yes")
    cards += (
        f'<div class="card">{pill(READY, "Ready to open-source")}<div class="number">{ready}'
        f'<span class="muted" style="font-size:1rem"> of {len(internal)}</span></div>'
        f'<div class="muted">internal repositories that could be published today.</div></div>'
    )
    charts = f"<figure><figcaption>Repositories by readiness</figcaption>{portfolio_chart(report)}</figure>"
    if report.history:
        charts += f"<figure><figcaption>Readiness over time</figcaption>{trend_chart(report)}</figure>"
    return (
        '<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Executive summary</h2>'
        f'<p class="lead" id="executive-paragraph">{esc(executive_summary(report))}</p>'
        f'<div class="cards">{cards}</div><div class="charts">{charts}</div>'
        + (legend() if report.history else "")
        + "</section>"
    )


def overview_section(report: Report) -> str:
    names = {s: STAKEHOLDER_NOTES[s].title for s in STAKEHOLDER_ORDER}
    head = (
        "<tr><th>Repository</th><th>Readiness, score"
        + (" and change" if report.history else "")
        + "</th><th>Ready to open-source?</th>"
        + "".join(f"<th class=num>{esc(names[s])}</th>" for s in STAKEHOLDER_ORDER)
        + "</tr>"
    )
    rows = []
    for entry in report.ranked():
        counts = entry.stakeholder_counts()
        visibility = ' <span class="tag">public</span>' if entry.result.visibility == "public" else ""
        readiness = pill(entry.level)
        if entry.score is not None:
            readiness += f' <span class="score">{entry.score}</span>'
        change = change_text(entry, report)
        if change:
            readiness += f' <span class="muted">{esc(change)}</span>'
        cells = [
            f'<td class="name">{repo_link(entry)}{visibility}</td>',
            f'<td class="nowrap">{readiness}</td>',
        ]
        cells.append(f"<td>{verdict_pill(entry)}</td>")
        for stakeholder in STAKEHOLDER_ORDER:
            number = counts[stakeholder.value]
            cells.append(f'<td class="num{" zero" if not number else ""}">{number}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<section id="repositories" aria-labelledby="repositories-h">'
        '<h2 id="repositories-h">Repositories by readiness</h2>'
        "<p>Most ready first. The last columns count the rules each group of stakeholders would "
        "want fixed. Select a repository for its page: every problem, how to fix it and what "
        "the team chose to ignore.</p>"
        f'<div class="table-wrap"><table><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></div>'
        "</section>"
    )


def _links(keys: Sequence[str], by_key: dict[str, RepoEntry]) -> str:
    if not keys:
        return '<span class="zero">none</span>'
    links = ", ".join(repo_link(by_key[k]) for k in keys[:MAX_LINKS])
    more = f" and {len(keys) - MAX_LINKS} more" if len(keys) > MAX_LINKS else ""
    return f"<strong>{len(keys)}</strong>: {links}{more}"


def stakeholder_section(report: Report, view: StakeholderView) -> str:
    by_key = {e.key: e for e in report.repos}
    anchor = view.stakeholder.value
    total = len(report.repos)
    checked = sum(1 for e in report.repos if e.level is not UNREADABLE)
    clear = checked - len(view.affected)
    headline = (
        f"{clear} of {_plural(checked, 'checked repository', 'checked repositories')} "
        f"have nothing open for {esc(view.note.title.lower())}."
    )
    extra = ""
    if view.stakeholder is Stakeholder.LEGAL:
        blocked = [e for e in report.ranked() if e.verdict.key == "no"]
        review = [e for e in report.ranked() if e.verdict.key == "review"]
        items = "".join(
            f"<li>{repo_link(e)}: " + " ".join(esc(r) for r in e.verdict.reasons) + "</li>"
            for e in blocked + review
        )
        extra = f"<h3>Blockers to publishing ({len(blocked)} blocked, {len(review)} to confirm)</h3>" + (
            f'<ul class="notes">{items}</ul>' if items else "<p>No repository has a legal blocker.</p>"
        )
    head = "<tr><th>Rule</th><th>What it checks</th><th>Repositories to fix</th><th>Ignored with a reason</th></tr>"
    rows = "".join(
        f"<tr><td><code>{esc(row.code)}</code> {esc(row.name)}"
        + (' <span class="tag">blocks publishing</span>' if row.blocker else "")
        + (' <span class="tag">warning</span>' if row.severity == "warning" else "")
        + f"</td><td>{esc(row.summary)}</td><td>{_links(row.failing, by_key)}</td>"
        f"<td>{_links(row.ignored, by_key)}</td></tr>"
        for row in view.rules
    )
    return (
        f'<section id="{esc(anchor)}" aria-labelledby="{esc(anchor)}-h">'
        f'<h2 id="{esc(anchor)}-h">{esc(view.note.title)}</h2>'
        f'<p class="lead">{esc(view.note.cares_about)}</p>'
        f"<p><strong>{esc(view.note.question)}</strong> {headline}"
        + ("" if checked == total else f" ({total - checked} could not be checked.)")
        + f"</p>{extra}"
        f'<div class="table-wrap"><table><thead>{head}</thead><tbody>{rows}</tbody></table></div></section>'
    )


def _place(item: Item) -> str:
    message = f": {_inline(item.message)}" if item.message and item.message != item.summary else ""
    return f"<li><code>{esc(item.location)}</code>{message}</li>"


def _tags(stakeholders: Iterable[str]) -> str:
    titles = {s.value: STAKEHOLDER_NOTES[s].title for s in STAKEHOLDER_ORDER}
    return " ".join(f'<span class="tag">{esc(titles.get(s, s))}</span>' for s in stakeholders)


def repo_section(report: Report, entry: RepoEntry) -> str:
    result = entry.result
    key = esc(entry.key)
    title = esc(result.name)
    if result.project_name and result.project_name != result.name:
        title += f' <span class="muted">({esc(result.project_name)})</span>'
    status = [pill(entry.level)]
    if entry.score is not None:
        status.append(f"<span>Score <strong>{entry.score}</strong>/100</span>")
    if report.previous is not None:
        status.append(f"<span>{esc(change_sentence(entry, report.previous.generated_at[:10]))}</span>")
    facts = [("Location", f"<code>{esc(result.location)}</code>")]
    if result.visibility:
        facts.append(("Visibility", esc(result.visibility)))
    if result.project_type:
        facts.append(("Kind", esc(result.project_type)))
    facts.append(
        (
            "Template",
            esc(f"oss-template {result.template_version}") if result.template_version else "not recorded",
        )
    )
    facts.append(("Checked from", esc(result.source)))
    if not result.adopted and result.problem is None:
        facts.append(("Conventions", esc(adoption_sentence(result).removeprefix("Conventions: "))))
    look = VERDICT_LOOK[entry.verdict.key]
    reasons = "".join(f"<li>{esc(r)}</li>" for r in entry.verdict.reasons)
    verdict = (
        f'<div class="verdict" style="border-color:{look.colour}">'
        f"<h4>{esc(verdict_question(result.visibility))} {verdict_pill(entry)}</h4>"
        f'<p class="muted" style="margin:0">{esc(VERDICT_MEANING[entry.verdict.key])}</p>'
        + (f"<ul>{reasons}</ul>" if reasons else "")
        + "</div>"
    )
    body: list[str] = []
    if result.problem is not None:
        body.append(f"<p><strong>Not checked:</strong> {esc(result.problem)}</p>")
    else:
        counts = entry.stakeholder_counts()
        who = " \u00b7 ".join(
            f"{esc(STAKEHOLDER_NOTES[s].title)} {counts[s.value]}" for s in STAKEHOLDER_ORDER
        )
        places = sum(len(items) for items in entry.failing.values())
        body.append(f'<p class="muted">Rules to fix, by who cares: {who}</p>')
        body.append(
            f"<h4>What to fix ({_plural(len(entry.failing), 'rule')}, {_plural(places, 'place')})</h4>"
            if entry.failing
            else "<h4>What to fix</h4><p>Nothing: every rule that ran passes.</p>"
        )
        for code, items in entry.failing.items():
            first = items[0]
            listed = "".join(_place(item) for item in items[:MAX_PLACES])
            if len(items) > MAX_PLACES:
                listed += f"<li>and {len(items) - MAX_PLACES} more (all of them are in report.json)</li>"
            marks = ""
            if code in OPEN_SOURCE_BLOCKERS:
                marks += ' <span class="tag">blocks publishing</span>'
            if first.severity == "warning":
                marks += ' <span class="tag sev-warning">warning</span>'
            if first.fixable:
                marks += ' <span class="tag">fixed by oss-checks check --fix</span>'
            fix = (
                markdown_to_html(first.fix)
                if first.fix
                else "<p>See <code>oss-checks rule " + esc(code) + "</code>.</p>"
            )
            body.append(
                f'<details class="rule"><summary><code>{esc(code)}</code> {esc(first.summary)} '
                f'<span class="muted">({_plural(len(items), "place")})</span>{marks}</summary>'
                f"<p>Who cares: {_tags(first.stakeholders)}</p>"
                f'<ul class="places">{listed}</ul><h5>How to fix</h5>{fix}</details>'
            )
        if result.ignored:
            ignored = "".join(
                f"<li><code>{esc(i.code)}</code> {esc(i.summary)} at <code>{esc(i.location)}</code>: "
                f"\u201c{esc(i.reason or '')}\u201d</li>"
                for i in result.ignored
            )
            body.append(
                f'<h4>Ignored with a reason ({len(result.ignored)})</h4><ul class="places">{ignored}</ul>'
            )
        if result.errors:
            errors = "".join(f"<li>{esc(e)}</li>" for e in result.errors)
            body.append(
                "<h4>Checks that could not run</h4><p>These rules crashed; the score leaves them "
                f'out. Please report them.</p><ul class="places">{errors}</ul>'
            )
    badge = (
        f'<p class="badge-line">{render_badge(entry)} <span>For the README: '
        f"<code>![Open-source readiness](badges/{key}.svg)</code></span></p>"
    )
    return (
        f'<section class="repo" id="repo-{key}" aria-labelledby="repo-{key}-h">'
        f'<h3 id="repo-{key}-h">{title}</h3><div class="status">{"".join(status)}</div>'
        '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>"
        f"{verdict}{''.join(body)}{badge}"
        '<p><a href="#repositories">Back to the list of repositories</a></p></section>'
    )


def guide_section(report: Report) -> str:
    levels = "".join(f"<tr><td>{pill(lv)}</td><td>{esc(lv.meaning)}</td></tr>" for lv in LEVELS)
    verdicts = "".join(
        f"<tr><td>{pill(VERDICT_LOOK[key], label)}</td><td>{esc(VERDICT_MEANING[key])}</td></tr>"
        for key, label in (
            ("yes", "Yes"),
            ("review", "Yes, once legal confirms"),
            ("not-yet", "Not yet"),
            ("no", "No: legal blocker"),
            ("unknown", "Unknown"),
        )
    )
    blockers = "".join(
        f"<li><code>{esc(code)}</code>: {esc(reason)}</li>" for code, reason in OPEN_SOURCE_BLOCKERS.items()
    )
    notes = ""
    if report.notes:
        notes = (
            '<h3>Paths that hold no repository</h3><ul class="notes">'
            + "".join(f"<li>{esc(n)}</li>" for n in report.notes)
            + "</ul>"
        )
    return (
        '<section id="guide" aria-labelledby="guide-h"><h2 id="guide-h">How to read this report</h2>'
        "<p>Every repository runs the rules its own configuration selects.</p>"
        f'<h3>Readiness levels</h3><div class="table-wrap"><table><tbody>{levels}</tbody></table></div>'
        f"<p>{esc(SCORE_EXPLANATION)}</p>"
        f'<h3>Ready to open-source?</h3><div class="table-wrap"><table><tbody>{verdicts}</tbody></table></div>'
        f"<p>These rules block publishing:</p><ul>{blockers}</ul>"
        "<p>The checks look at the files as they are today. Before publishing, also scan the whole "
        "git history for secrets and data, or publish a fresh history.</p>"
        f"{notes}</section>"
    )


def render_html(report: Report) -> str:
    views = {s: stakeholder_view(report, s) for s in STAKEHOLDER_ORDER}
    nav_items = [("summary", "Summary"), ("repositories", "Repositories")]
    nav_items += [
        (s.value, STAKEHOLDER_NOTES[s].title) for s in (*STAKEHOLDER_ORDER[1:], STAKEHOLDER_ORDER[0])
    ]
    nav_items += [("repos", "Repository pages"), ("guide", "How to read this")]
    nav = "".join(f'<li><a href="#{esc(anchor)}">{esc(label)}</a></li>' for anchor, label in nav_items)
    stakeholder_sections = "".join(
        stakeholder_section(report, views[s]) for s in (*STAKEHOLDER_ORDER[1:], STAKEHOLDER_ORDER[0])
    )
    pages = "".join(repo_section(report, e) for e in report.ranked())
    generated = report.generated_at.replace("T", " ")[:16] + " UTC"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        f"<title>{esc(report.title)}</title><style>{CSS}</style></head><body>"
        f'<header><h1>{esc(report.title)}</h1><p class="meta">'
        f"{_plural(len(report.repos), 'repository', 'repositories')} \u00b7 generated {esc(generated)} "
        f"by oss-checks {esc(report.version)}</p></header>"
        f'<nav aria-label="Sections"><ul>{nav}</ul></nav><main>'
        f"{summary_section(report)}{overview_section(report)}{stakeholder_sections}"
        '<section id="repos" aria-labelledby="repos-h"><h2 id="repos-h">Repository pages</h2>'
        f"{pages}</section>{guide_section(report)}</main>"
        "<footer>Made with <code>oss-checks report</code>. The same data is in report.json and "
        "report.md next to this file.</footer></body></html>\n"
    )
