"""Store fixtures: every store test runs on in-memory SQLite, and on PostgreSQL when it is available.

PostgreSQL runs are marked ``postgres`` and need ``RASD_TEST_PG_URL``; start a
throwaway server with ``eval "$(bash scripts/ci/postgres.sh)"``. Each test
gets an empty schema (dropped and migrated again).
"""

from store_factories import store  # noqa: F401  (the fixture, on both backends)
