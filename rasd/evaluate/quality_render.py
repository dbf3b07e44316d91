"""Show a quality report: Markdown (for a person and for docs/) and plain JSON (for tools).

The histograms are drawn in text (``█`` bars in a code block), which reads in
a terminal, in a Markdown viewer and in a diff alike. ``quote=False`` leaves
the article text out — a report committed to the repository names documents
and offsets, never an article's words (they are not ours to copy).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from rasd.evaluate.quality import Quality

__all__ = ["bars", "quality_markdown", "quality_json"]

BAR_WIDTH = 40


def _share(n: int, total: int | None) -> str:
    return f"{n / total:.1%}" if total else "–"


def bars(rows: list[tuple[str, int]], width: int = BAR_WIDTH) -> list[str]:
    """A text histogram: one line per row, label, bar scaled to the largest count, count and share."""
    if not rows:
        return []
    total = sum(n for _, n in rows)
    most = max(n for _, n in rows) or 1
    pad = max(len(label) for label, _ in rows)
    return [f"{label:>{pad}} │{'█' * round(width * n / most):<{width}} {n} ({_share(n, total)})" for label, n in rows]


def _cell(value: Any) -> str:
    return "–" if value is None or value == "" else str(value).replace("|", "\\|").replace("\n", " ")


def _evidence(spans: list[dict[str, Any]], quote: bool) -> str:
    if quote:
        return " / ".join(f"“{s['text']}”" for s in spans) or "–"
    return ", ".join(f"{s['start']}–{s['end']}" for s in spans) or "–"


def _table(head: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return out + ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]


def _plot(rows: list[tuple[str, int]]) -> list[str]:
    return ["```", *bars(rows), "```"]


def quality_markdown(q: Quality, title: str = "Quality report", *, quote: bool = True) -> str:
    """The report as Markdown: headline counts, the histograms, the largest tolls and what they were read from."""
    lines = [f"# {title}", ""]
    articles = f"{q.articles} articles, " if q.articles is not None else ""
    lines += [f"{q.events} events from {articles}{q.articles_with_events} of them with at least one event.", ""]
    lines += ["## Death tolls", "", "Events by the number of dead they carry (*unknown*: deaths told without a number; "
              "*not told*: no number and no words about it).", ""]
    lines += _plot(q.fatalities)
    lines += ["", "## Injuries", ""] + _plot(q.injuries)
    lines += ["", "## Largest tolls", "",
              "The records with the most dead, and the spans of the cleaned text their tolls were read from"
              + ("." if quote else " (character offsets: this report does not quote the articles)."), ""]
    lines += _table(
        ["document", "date", "sub-type", "location", "dead", "injured", "confidence", "evidence"],
        [[r["doc_id"], r["event_date"], r["sub_event_type"], r["location"] or r["country"], r["fatalities"],
          r["injuries"], r["confidence"], _evidence(r["evidence"], quote)] for r in q.largest],
    )
    lines += ["", "## Sub-types", ""]
    lines += _table(["sub-event type", "events", "share"], [[s, n, _share(n, q.events)] for s, n in q.sub_types])
    lines += ["", "## Empty fields", ""]
    lines += _table(["field", "events without it", "share"],
                    [[f, n, _share(n, q.events)] for f, n in q.missing.items()])
    lines += ["", "## Events per article", ""]
    if q.articles is None:
        lines += ["Articles without events are not counted: pass the documents (`--docs`) to count them.", ""]
    lines += _plot(q.per_article)
    lines += ["", "Articles with the most events: " + ", ".join(f"{d} ({n})" for d, n in q.busiest) + "."]
    lines += ["", "## Confidence", ""] + _plot(q.confidence)
    lines += ["", "## Events placed outside the article's countries", ""]
    if q.foreign is None:
        lines += ["Not measured: pass the documents (`--docs`) to compare each event's country with those its article names."]
    else:
        lines += [f"{len(q.foreign)} events ({_share(len(q.foreign), q.events)}) are placed in a country their article "
                  "never names (by name, nationality adjective or another place in it).", ""]
        lines += _table(["country", "events"], [[c, n] for c, n in q.foreign_by_country])
        lines += ["", *_table(["document", "country", "location", "article names"],
                              [[f.doc_id, f.country, f.location_ar if quote else f.location, ", ".join(f.named)]
                               for f in q.foreign[:10]])]
    return "\n".join(lines) + "\n"


def quality_json(q: Quality) -> dict[str, Any]:
    """Every figure of the report as plain JSON."""
    out = asdict(q)
    if q.foreign is not None:
        out["foreign"] = [asdict(f) for f in q.foreign]
    return out
