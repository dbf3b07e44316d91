"""Dead letters and sources as stored (the ingest tests cover how they are made and retried)."""

from __future__ import annotations

import pytest

from rasd.store import Store, StoreError


def test_dead_letters_list_resolve_and_do_not_repeat(store: Store) -> None:
    a = store.add_failure(origin="x.jsonl:line 3", reason="malformed JSON", payload=b"{oops")
    assert store.add_failure(origin="x.jsonl:line 3", reason="malformed JSON") == a  # same unresolved failure
    store.add_failure(origin="y.txt", reason="empty document")
    assert [f.origin for f in store.failures()] == ["x.jsonl:line 3", "y.txt"]
    assert store.failure_payload(a) == b"{oops"
    store.mark_retried(a, resolved=False, reason="still malformed")
    store.mark_retried(a, resolved=True)
    assert [f.origin for f in store.failures()] == ["y.txt"]
    (done,) = store.failures(include_resolved=True, ids=[a])
    assert done.resolved and done.retries == 2
    first, latest = done.reason.split("\n")  # the first reason is kept, the latest attempt added
    assert first == "malformed JSON" and latest.startswith("failed again on retry (") and latest.endswith("): still malformed")
    assert store.add_failure(origin="y.txt", reason="too large") == store.failures()[0].id  # one dead letter per origin
    assert store.failures()[0].reason.startswith("empty document\nfailed again (")


def test_sources_add_list_and_poll_validators(store: Store) -> None:
    sid = store.add_source("enab", "https://example.org/feed", scale="National", reliability=0.8)
    store.add_source("local", "/tmp/x", kind="file")
    with pytest.raises(StoreError, match="already exists"):
        store.add_source("enab", "https://example.org/other")
    with pytest.raises(StoreError):
        store.add_source("bad", "x", kind="telegram")
    store.record_poll(sid, etag='"v1"', last_modified="Mon, 09 Oct 2023 10:00:00 GMT")
    store.record_poll(sid)  # a 304 brings no validators: the old ones stay
    s = store.source("enab")
    assert s is not None and s.etag == '"v1"' and s.last_polled is not None and s.scale == "National"
    assert [x.name for x in store.sources()] == ["enab", "local"]
