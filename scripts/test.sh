#!/usr/bin/env bash
# Install everything the test suite needs into .venv, start its services, run pytest.
#
#   ./scripts/test.sh                 the whole suite (what CI runs)
#   ./scripts/test.sh tests/ingest -x  any pytest arguments
#
# A test that needs a system service (PostgreSQL, a browser…) gets it from a
# scripts/ci/service-NAME.sh, sourced here before pytest: it installs and starts
# the service if needed (idempotently) and exports what the tests read.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/ci/venv.sh
. scripts/ci/venv.sh
rasd_venv test

for service in scripts/ci/service-*.sh; do
  [ -e "$service" ] || continue
  echo "test.sh: starting $(basename "$service" .sh)" >&2
  # shellcheck source=/dev/null
  . "$service"
done

# --timeout (pytest-timeout, a test extra): a hung test fails alone instead of eating CI's 90 minutes.
status=0
.venv/bin/python -m pytest --timeout=300 "$@" || status=$?
if [ -n "${RASD_TEST_PG_URL:-}" ]; then
  echo "test.sh: PostgreSQL is left running for the next run ($RASD_TEST_PG_URL); stop it with: bash scripts/ci/postgres.sh stop" >&2
fi
exit "$status"
