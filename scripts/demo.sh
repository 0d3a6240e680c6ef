#!/usr/bin/env bash
# make demo: ingest the sample corpus into a fresh SQLite store and run the main job on it.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=.verity/demo.db
rm -f "$DB" "$DB-wal" "$DB-shm"
node dist/cli/main.js ingest examples/corpus --db "$DB"
node dist/cli/main.js search "possession of child sexual abuse material" --db "$DB" --limit 5
