"""Audits: how often the machine is right on the store's own sources (issue 17).

    >>> from rasd.audit import sample, report
    >>> batch = sample(store, 100, seed=7, created_by="rana")      # a random, stratified batch
    >>> report(store).no_correction                                 # from audit verdicts only
    Share(k=71, n=100)                                              # str(): "71% [61%–79%] (n = 100)"

Batches and verdicts live in the store (:mod:`rasd.store.audit`); reviewers
give verdicts in the web app's audit queue (``/audit``), which also reviews
the event itself (approve, correct, reject); the report is
:mod:`rasd.audit.report`.
"""

from __future__ import annotations

from rasd.audit.batches import batches, report, sample
from rasd.audit.queue import risk_queue
from rasd.audit.report import AuditReport, Share, report_json, report_markdown, wilson
from rasd.audit.risk import Risk

__all__ = ["sample", "report", "batches", "risk_queue", "AuditReport", "Risk", "Share", "wilson", "report_json", "report_markdown"]
