#!/usr/bin/env bash
# Install Rasd into .venv, then run the main job on the bundled demo article: extract its events
# (shown as a table) and ingest it into the default SQLite store, which merges and keeps them.
#
#   ./scripts/run-example.sh                  the table, then the store
#   ./scripts/run-example.sh --format json    any other `rasd extract` options for the first step
#   RASD_DB=/tmp/demo.db ./scripts/run-example.sh    another store (a path or a database URL)
#
# Running it again changes nothing in the store: the document is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/ci/venv.sh
. scripts/ci/venv.sh
rasd_venv

demo=rasd/data/examples/demo-idlib.txt
.venv/bin/rasd extract "$demo" --format table "$@"
.venv/bin/rasd ingest "$demo"
.venv/bin/rasd db info
echo "Next: README.md, \"Your first hour\" (rasd serve needs the web extra: .venv/bin/pip install -e '.[web]')"
