"""Export tests run on in-memory SQLite and on PostgreSQL (marked ``postgres``, needs ``RASD_TEST_PG_URL``)."""

from store_factories import store  # noqa: F401  (the fixture, on both backends)
