"""A hostile web: redirect loops, lying Content-Encoding, bodies cut mid-way, guids that are no URL.

Each failure must become one dead letter with its reason while the run (and
``watch``) goes on with the next input.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from hostile_http import HostileServer
from ingest_fakes import fake_analyse
from typer.testing import CliRunner

from rasd.ingest.fetch import Fetcher, FetchError
from rasd.ingest.run import ingest
from rasd.ingest.watch import poll_once, watch
from rasd.store import Store, open_store

FILLER = "وأفاد شهود عيان بأن الطائرات حلقت فوق المنطقة لساعات قبل أن تبدأ الغارات، وسط انقطاع الكهرباء والاتصالات عن الأحياء الشرقية. "


def rss_items(n: int, *, link: bool = True) -> bytes:
    items = "".join(
        f"<item><title>غارة على القرية {i}</title>{f'<link>http://127.0.0.1:9/a{i}</link>' if link else ''}<guid>g{i}</guid>"
        f"<pubDate>Tue, 10 Oct 2023 0{i}:00:00 GMT</pubDate><description>غارة على القرية {i} قتلى {i}. {FILLER}</description></item>\n"
        for i in range(1, n + 1)
    )
    return f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>منفذ</title>\n{items}</channel></rss>'.encode()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(str(tmp_path / "hostile.db"))
    yield s  # type: ignore[misc]
    s.close()


def quick_fetcher(**kw: Any) -> Fetcher:
    return Fetcher(timeout=kw.pop("timeout", 2.0), retries=kw.pop("retries", 2), min_interval=0.0, sleep=lambda _s: None, **kw)


def test_redirect_loop_and_lying_gzip_are_dead_letters_and_the_run_goes_on(hostile: HostileServer, store: Store, tmp_path: Path) -> None:
    hostile.loop("/loop")
    hostile.lie_gzip("/gzip", "<html><body><p>قصف القرية 5</p></body></html>".encode())
    (tmp_path / "a.txt").write_text("غارة على القرية 1 قتلى 2", encoding="utf-8")
    (tmp_path / "more.jsonl").write_text(json.dumps({"doc_id": "m1", "text": "قصف القرية 2"}, ensure_ascii=False) + "\n", encoding="utf-8")
    inputs = [str(tmp_path / "a.txt"), hostile.url("/loop"), hostile.url("/gzip"), str(tmp_path / "more.jsonl")]
    with quick_fetcher() as f:
        run = ingest(inputs, store, fetcher=f, analyse=fake_analyse, extraction_version="t")
    assert (run.new, run.failed) == (2, 2)
    reasons = {d.origin: d.reason for d in store.failures()}
    assert set(reasons) == {hostile.url("/loop"), hostile.url("/gzip")}
    assert reasons[hostile.url("/loop")].startswith("too many redirects")
    assert "Content-Encoding" in reasons[hostile.url("/gzip")]
    # Neither can pass by waiting: tried once (a loop is 1 + 20 redirects), not three times.
    assert hostile.hits["/loop"] == 21 and hostile.hits["/gzip"] == 1


def test_the_cli_ingest_reads_past_a_redirect_loop(hostile: HostileServer, tmp_path: Path) -> None:
    from rasd.cli.store import register  # the real extractor: nothing of the command is patched

    hostile.loop("/loop")
    (tmp_path / "a.txt").write_text("غارة على القرية 1", encoding="utf-8")
    (tmp_path / "more.jsonl").write_text(json.dumps({"doc_id": "m1", "text": "قصف القرية 2"}, ensure_ascii=False) + "\n", encoding="utf-8")
    app = typer.Typer()
    register(app)
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(app, ["ingest", "--db", db, "--no-progress", "--json", str(tmp_path / "a.txt"), hostile.url("/loop"), str(tmp_path / "more.jsonl")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1  # some input failed: said by the exit code, not a traceback
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert (summary["new"], summary["failed"]) == (2, 1)


def test_watch_keeps_polling_past_hostile_sources(hostile: HostileServer, store: Store, tmp_path: Path) -> None:
    hostile.loop("/loop")
    hostile.lie_gzip("/gzip", rss_items(1))
    hostile.serve("/feed", rss_items(2, link=False), "application/rss+xml")
    store.add_source("loop", hostile.url("/loop"), poll_seconds=1)
    store.add_source("gzip", hostile.url("/gzip"), poll_seconds=1)
    store.add_source("good", hostile.url("/feed"), poll_seconds=1)
    with quick_fetcher(retries=0) as f:
        (first,) = watch(store, interval=0, cycles=1, fetcher=f, analyse=fake_analyse, sleep=lambda _s: None)
        again = poll_once(store, fetcher=f, analyse=fake_analyse, force=True)
    assert sorted(first.polled) == ["good", "gzip", "loop"] and first.summary.new == 2 and first.summary.failed == 2
    assert all(s.last_polled is not None for s in store.sources())  # a failing source is polled too, not "never"
    assert sorted(again.polled) == ["good", "gzip", "loop"] and again.summary.unchanged == 2
    assert sorted(d.origin for d in store.failures()) == sorted([hostile.url("/loop"), hostile.url("/gzip")])  # once each


def test_a_feed_cut_mid_body_keeps_the_complete_items(hostile: HostileServer, store: Store) -> None:
    feed = rss_items(4, link=False)
    keep = feed.index(b"<guid>g4</guid>")
    hostile.cut("/feed", feed, keep)  # inside the fourth item
    with quick_fetcher(retries=1) as f:
        run = ingest([hostile.url("/feed")], store, fetcher=f, analyse=fake_analyse, extraction_version="t")
    assert hostile.hits["/feed"] == 2  # a broken connection may pass: tried again first
    assert (run.new, run.failed) == (3, 1)
    assert sorted(e["location"] for e in store.events()) == ["Village 1", "Village 2", "Village 3"]
    (failure,) = store.failures()
    assert failure.origin == hostile.url("/feed")
    assert "RemoteProtocolError" in failure.reason and f"cut off after {keep:,} bytes" in failure.reason
    assert "broke after 3 complete entries" in failure.reason


def test_a_page_cut_mid_body_is_one_dead_letter(hostile: HostileServer) -> None:
    page = f"<html><body><p>{FILLER * 20}</p></body></html>".encode()
    hostile.cut("/page", page, 100, ctype="text/html")
    with quick_fetcher(retries=0) as f, pytest.raises(FetchError, match="connection failed: RemoteProtocolError") as caught:
        f.get(hostile.url("/page"))
    assert caught.value.partial is not None and caught.value.partial.content == page[:100]


def test_a_guid_that_is_no_url_is_not_fetched(hostile: HostileServer, store: Store) -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>منفذ</title>'
        "<item><title>قصف القرية 7</title><guid>b1</guid><description>قصف القرية 7</description></item>"
        "</channel></rss>"
    ).encode()
    hostile.serve("/feed", feed, "application/rss+xml")
    with quick_fetcher() as f:
        run = ingest([hostile.url("/feed")], store, fetcher=f, analyse=fake_analyse, extraction_version="t")
    assert (run.new, run.failed) == (1, 0) and store.failures() == []
    assert hostile.hits == {"/feed": 1}
    (hit,) = store.search("القرية")
    assert hit.doc_key == "b1" and hit.url is None
