"""Full-text search over documents, with the same meaning on SQLite and PostgreSQL.

Both index the title and text folded by :func:`rasd.lang.ar.normalize.fold`
(the project's one normalisation) and the query is folded the same way, so
"الغارة" finds "الغاره", "الْغارة" and "إلغارة" alike. Matching is by
substring — FTS5's trigram tokenizer on SQLite, pg_trgm GIN indexes on
PostgreSQL — so a word is found inside its clitic forms (وبالغارة) without a
stemmer. Every word of the query must occur; a quoted phrase must occur as is.
Words shorter than three letters cannot use a trigram index and are checked
by a plain ``LIKE`` on the already-narrowed rows.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from sqlalchemy import Connection, text

from rasd.lang.ar.normalize import fold, normalize

__all__ = ["SearchHit", "query_terms", "search_documents", "snippet"]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching document and a snippet of its text around the first match."""

    document_id: int
    doc_key: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    snippet: str


def query_terms(query: str) -> list[str]:
    """The folded terms of ``query``: words, or phrases in double quotes."""
    folded = fold(query)
    try:
        parts = shlex.split(folded)
    except ValueError:  # an unbalanced quote: treat the quote as a letter
        parts = folded.replace('"', " ").split()
    return [p.strip() for p in parts if p.strip()]


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def snippet(doc_text: str, terms: list[str], width: int = 60) -> str:
    """Text around the first match of any term, with every match of every term in it marked ``[…]``.

    Matches are found on the normalised text and mapped back to the original; overlapping ones are marked once.
    """
    norm = normalize(doc_text)
    found: list[tuple[int, int]] = []
    for t in terms:
        i = norm.text.find(t) if t else -1
        while i >= 0:
            found.append(norm.span(i, i + len(t)))
            i = norm.text.find(t, i + len(t))
    if not found:
        return re.sub(r"\s+", " ", doc_text[: 2 * width]).strip()
    found.sort()
    s, e = found[0]
    left, right = max(0, s - width), min(len(doc_text), e + width)
    out, at = "…" if left else "", left
    for s, e in found:
        if s < at or e > right:  # inside a marked match, or past the window
            continue
        out += doc_text[at:s] + "[" + doc_text[s:e] + "]"
        at = e
    out += doc_text[at:right] + ("…" if right < len(doc_text) else "")
    return re.sub(r"\s+", " ", out).strip()


def search_documents(conn: Connection, query: str, *, limit: int = 20) -> list[SearchHit]:
    """Documents whose title or text contains every term of ``query``, newest first."""
    terms = query_terms(query)
    if not terms:
        return []
    params: dict[str, object] = {"limit": int(limit)}
    conds: list[str] = []
    long_terms = [t for t in terms if len(t) >= 3]
    for i, t in enumerate(terms):
        params[f"l{i}"] = _like(t)
        conds.append(f"(f.title LIKE :l{i} ESCAPE '\\' OR f.body LIKE :l{i} ESCAPE '\\')")
    if conn.dialect.name == "sqlite":
        key = "f.rowid"
        if long_terms:
            # Each term as an FTS5 string (double quotes doubled): every one must occur.
            params["match"] = " ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
            conds.insert(0, "documents_fts MATCH :match")
    else:
        key = "f.document_id"
    sql = (
        f"SELECT d.id, d.doc_key, d.title, d.published, d.source, d.url, d.text "
        f"FROM documents_fts AS f JOIN documents AS d ON d.id = {key} "
        f"WHERE {' AND '.join(conds)} ORDER BY d.published DESC, d.id DESC LIMIT :limit"
    )
    rows = conn.execute(text(sql), params).all()
    return [SearchHit(r.id, r.doc_key, r.title, r.published, r.source, r.url, snippet(r.text, terms)) for r in rows]
