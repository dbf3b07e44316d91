"""Feeds, pages and polling against a real HTTP server on 127.0.0.1 (timeouts, retries, 304s)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hostile_http import HostileServer
from ingest_fakes import fake_analyse

from rasd.ingest.feeds import looks_like_feed, read_feed
from rasd.ingest.fetch import Fetcher, FetchError
from rasd.ingest.run import ingest
from rasd.ingest.watch import poll_once, watch
from rasd.store import EventFilter, Store, open_store

LONG = "أفاد مراسلون محليون بأن طائرات حربية شنت صباح اليوم غارات متتالية استهدفت الأحياء السكنية والأسواق الشعبية، وسط حالة من الذعر بين السكان الذين فروا نحو المناطق المجاورة بحثا عن مأوى. "
PAGE = (
    "<!doctype html><html lang='ar'><head><title>قصف القرية 2</title></head><body>"
    "<nav>الرئيسية | أخبار | رياضة</nav><article><h1>قصف القرية 2</h1>"
    f"<p>قصفت المدفعية القرية 2 فجر اليوم وسقط قتلى 3 بحسب مصادر محلية. {LONG}</p><p>{LONG}</p></article>"
    "<footer>جميع الحقوق محفوظة</footer></body></html>"
)


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>منفذ تجريبي</title><link>{base}/</link>
<item><title>غارة على القرية 1</title><link>{base}/a1</link><guid>item-1</guid>
<pubDate>Tue, 10 Oct 2023 08:00:00 GMT</pubDate><description>&lt;p&gt;غارة على القرية 1 وسقوط قتلى 4. {LONG}&lt;/p&gt;</description></item>
<item><title>قصف القرية 2</title><link>{base}/article/2</link><guid>item-2</guid>
<pubDate>Tue, 10 Oct 2023 09:00:00 GMT</pubDate><description>موجز قصير</description></item>
<item><title>اشتباك قرب القرية 3</title><link>{base}/slow</link><guid>item-3</guid>
<pubDate>Wed, 11 Oct 2023 09:00:00 GMT</pubDate><description>اشتباك قرب القرية 3</description></item>
</channel></rss>"""


@pytest.fixture
def server(hostile: HostileServer) -> HostileServer:
    """The hostile server with a feed (ETag ``"v1"``), the page of its second entry, and a page that takes 3 s."""
    hostile.serve_feed("/feed", rss(hostile.base).encode(), etag='"v1"')
    hostile.serve("/article/2", PAGE.encode())
    hostile.serve("/slow", PAGE.encode(), delay=3.0)
    return hostile


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(str(tmp_path / "feeds.db"))
    yield s
    s.close()


def fetcher(**kw: Any) -> Fetcher:
    sleeps: list[float] = []
    f = Fetcher(timeout=kw.pop("timeout", 0.5), retries=kw.pop("retries", 0), min_interval=kw.pop("min_interval", 0.0), sleep=sleeps.append, **kw)
    f.sleeps = sleeps  # type: ignore[attr-defined]
    return f


def test_feed_url_entries_pages_and_a_timeout(server: HostileServer, store: Store) -> None:
    with fetcher() as f:
        run = ingest([server.url("/feed")], store, fetcher=f, analyse=fake_analyse, extraction_version="t")
    # Entry 1 has its text in the feed; entry 2 is a teaser, so its page is fetched;
    # entry 3's page times out: its short feed text is still used, and the timeout is dead-lettered.
    assert run.new == 3 and run.failed == 1
    (failure,) = store.failures()
    assert failure.origin == server.url("/slow") and "timed out" in failure.reason
    assert server.hits["/article/2"] == 1
    assert sorted(e["location"] for e in store.events()) == ["Village 1", "Village 2", "Village 3"]
    hits = store.search("المدفعية")  # text of the fetched page, not of the feed
    assert [h.doc_key for h in hits] == ["item-2"] and hits[0].source == "منفذ تجريبي"
    assert store.events(EventFilter(date_from="2023-10-11"))[0]["location"] == "Village 3"  # pubDate became the document date


def test_feed_that_dies_midway_keeps_the_entries_before_the_break(server: HostileServer, store: Store, tmp_path: Path) -> None:
    data = rss(server.base).encode()
    cut = data[: data.index(b"<item><title>\xd8\xa7\xd8\xb4\xd8\xaa\xd8\xa8\xd8\xa7\xd9\x83") + 40]  # inside the third item
    path = tmp_path / "broken.rss"
    path.write_bytes(cut)
    with fetcher() as f:
        run = ingest([str(path)], store, fetcher=f, analyse=fake_analyse, extraction_version="t")
    assert run.new == 2 and run.failed == 1
    (failure,) = store.failures()
    assert failure.origin == str(path) and "broke after 2 complete entries" in failure.reason
    assert store.failure_payload(failure.id).startswith(b"\n<item>")  # type: ignore[union-attr]


def test_feed_file_atom_without_fetching(store: Store, tmp_path: Path) -> None:
    atom = tmp_path / "x.atom"
    atom.write_text(
        """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>أطلس</title>
<entry><id>tag:x,2023:1</id><title>القرية 9</title><updated>2023-10-12T10:00:00Z</updated>
<content type="html">&lt;p&gt;سقط قتلى 2 في القرية 9&lt;/p&gt;</content></entry></feed>""",
        encoding="utf-8",
    )
    run = ingest([str(atom)], store, analyse=fake_analyse, extraction_version="t")
    assert run.new == 1 and store.events()[0]["event_date"] == "2023-10-12" and store.events()[0]["fatalities"] == 2


@pytest.mark.parametrize("body", [b"", b"<rss><channel><item><title>x</title>", b"not a feed at all"])
def test_unreadable_feeds_are_errors(body: bytes) -> None:
    items = list(read_feed(body, origin="f.xml"))
    assert len(items) == 1 and not hasattr(items[0], "raw_sha256")


def test_looks_like_feed() -> None:
    assert looks_like_feed(b'<?xml version="1.0"?>\n<rss version="2.0">')
    assert looks_like_feed(b"<feed xmlns='http://www.w3.org/2005/Atom'>")
    assert looks_like_feed(b"{}", "application/atom+xml")
    assert not looks_like_feed(b"<!doctype html><html>")


def test_timeouts_retries_with_backoff_and_http_errors(server: HostileServer) -> None:
    server.serve("/ok", b"ok", "text/plain")
    server.flaky("/ok", 2)
    with fetcher(retries=2, backoff=0.5) as f:
        assert f.get(server.url("/ok")).content == b"ok"
        assert f.sleeps == [0.5, 1.0] and server.hits["/ok"] == 3  # type: ignore[attr-defined]
        with pytest.raises(FetchError, match="HTTP 404"):
            f.get(server.url("/missing"))
        assert server.hits["/missing"] == 1  # a 404 is not retried
    with fetcher(retries=1, backoff=0.01, timeout=0.3) as f:
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"timed out after 0.3s .*gave up after 2 attempts"):
            f.get(server.url("/slow"))
        assert time.monotonic() - started < 2.5
    with fetcher() as f, pytest.raises(FetchError, match="connection failed"):
        f.get("http://127.0.0.1:9/")


def test_polite_per_host_rate_limit(server: HostileServer) -> None:
    server.serve("/ok", b"ok", "text/plain")
    with fetcher(min_interval=5.0) as f:
        f.get(server.url("/ok"))
        f.get(server.url("/ok"))
        f.get(f"http://localhost:{server.base.rsplit(':', 1)[1]}/ok")  # another host name: no wait
        assert len(f.sleeps) == 1 and 4.5 < f.sleeps[0] <= 5.0  # type: ignore[attr-defined]


def test_watch_polls_sources_with_conditional_get(server: HostileServer, store: Store, tmp_path: Path) -> None:
    store.add_source("test-feed", server.url("/feed"), scale="National", poll_seconds=1)
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "x.txt").write_text("القرية 20 تحت القصف", encoding="utf-8")
    store.add_source("drop-folder", str(folder), kind="file")
    sleeps: list[float] = []
    with fetcher() as f:
        (first,) = watch(store, interval=0.2, cycles=1, fetcher=f, analyse=fake_analyse, sleep=sleeps.append)
        assert sorted(first.polled) == ["drop-folder", "test-feed"] and first.summary.new == 4
        assert store.source("test-feed").etag == '"v1"'  # type: ignore[union-attr]
        # Not due yet: nothing polled.
        assert poll_once(store, fetcher=f, analyse=fake_analyse).polled == []
        time.sleep(1.05)
        second = poll_once(store, fetcher=f, analyse=fake_analyse, force=True)
    assert second.not_modified == ["test-feed"] and second.summary.new == 0 and second.summary.unchanged == 1
    assert server.hits["/feed"] == 2 and sleeps == []
    with store.transaction() as conn:
        from sqlalchemy import text

        ids = {r[0] for r in conn.execute(text("SELECT DISTINCT source_id FROM documents"))}
    assert len(ids) == 2  # documents remember which configured source brought them
