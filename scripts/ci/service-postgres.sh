# Sourced by scripts/test.sh: a throwaway PostgreSQL on loopback for the store tests (exports RASD_TEST_PG_URL).
eval "$(bash scripts/ci/postgres.sh)"
