#!/usr/bin/env bash
# Install Rasd into .venv and show the events of the bundled demo article as a table.
#
#   ./scripts/run-example.sh                  the table
#   ./scripts/run-example.sh --format json    any other `rasd extract` options
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/ci/venv.sh
. scripts/ci/venv.sh
rasd_venv

exec .venv/bin/rasd extract rasd/data/examples/demo-idlib.txt --format table "$@"
