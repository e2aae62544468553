#!/usr/bin/env bash
# Raadsinformatie at scale (issue #26): `aantafel council sync` of one council with DOCUMENTS
# documents (and a meeting with an agenda item per 40 of them) from a local stand-in of Open
# Besluitvorming (bench/council_feed.py), into a fresh SQLite database and, when
# AANTAFEL_BENCH_PG_URL is set, PostgreSQL. Prints a Markdown table for docs/performance.md.
#   DOCUMENTS=20000 bash bench/council_sync.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DOCUMENTS=${DOCUMENTS:-20000}
PAGE=${PAGE:-1000}
PORT=${PORT:-18771}
BIN=${AANTAFEL_BIN:-"$ROOT/build/release/aantafel"}
log() { printf '[council_sync] %s\n' "$*" >&2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/aantafel-council.XXXXXX")
FEED=""
cleanup() { [[ -n "$FEED" ]] && kill "$FEED" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
export AANTAFEL_SECURITY_DATA_KEY=${AANTAFEL_SECURITY_DATA_KEY:-$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')}
export AANTAFEL_COUNCIL_URL="http://127.0.0.1:$PORT" AANTAFEL_COUNCIL_PAGE_SIZE=$PAGE
export AANTAFEL_COUNCIL_REQUESTS_PER_MINUTE=60 AANTAFEL_COUNCIL_TEXTS_PER_ROUND=0
python3 "$ROOT/bench/council_feed.py" "$PORT" "$DOCUMENTS" "$PAGE" &
FEED=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/api/status" >/dev/null && break; sleep 0.2; done

run() {  # $1 = database URL; prints seconds and records per second
  local db=$1
  "$BIN" --database "$db" demo >/dev/null
  if [[ "$db" == sqlite:* ]]; then
    sqlite3 "${db#sqlite:}" "INSERT INTO council_follows (workspace_id, source_key, municipality_code, followed_at) SELECT id, 'soest', 'GM0342', 0 FROM workspaces WHERE slug = 'demo'"
  else
    psql -q "$db" -c "INSERT INTO council_follows (workspace_id, source_key, municipality_code, followed_at) SELECT id, 'soest', 'GM0342', 0 FROM workspaces WHERE slug = 'demo'"
  fi
  local start end
  start=$(date +%s%N)
  "$BIN" --database "$db" council sync --force >"$WORK/out.txt"
  end=$(date +%s%N)
  python3 -c "import sys; s=(int(sys.argv[1])-int(sys.argv[2]))/1e9; n=int(sys.argv[3]); print(f'{s:.2f} s | {n/s:,.0f}')" "$end" "$start" "$((DOCUMENTS + (DOCUMENTS + 39) / 40))"
}
echo "| Database | Records (documents + meetings) | Pages of $PAGE | Sync time | Records/s |"
echo "|---|---|---|---|---|"
records=$((DOCUMENTS + (DOCUMENTS + 39) / 40))
pages=$(( (records + PAGE - 1) / PAGE ))
echo "| SQLite | $records | $pages | $(run "sqlite:$WORK/bench.db") |"
if [[ -n "${AANTAFEL_BENCH_PG_URL:-}" ]]; then
  psql -q "$AANTAFEL_BENCH_PG_URL" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null
  echo "| PostgreSQL | $records | $pages | $(run "$AANTAFEL_BENCH_PG_URL") |"
fi
