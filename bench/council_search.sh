#!/usr/bin/env bash
# Zoeken in de raad at scale (issue #26): one council with DOCUMENTS documents (a meeting with an
# agenda item per 40 of them; titles drawn from 20 common words, one in 500 with a rare word) from
# the local stand-in bench/council_feed.py, synced with `aantafel council sync` into SQLite and,
# when AANTAFEL_BENCH_PG_URL is set, PostgreSQL; then GET …/council-search under wrk with latency
# percentiles per query, each next to its floor (the same search SQL alone on the same database,
# median of 20 runs). Prints a Markdown table for docs/performance.md. Not part of the tests.
#   DOCUMENTS=1000000 DURATION=10s CONNECTIONS=4 bash bench/council_search.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DOCUMENTS=${DOCUMENTS:-1000000}
PAGE=1000
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-4}
FEED_PORT=${FEED_PORT:-18772}
BIN=${AANTAFEL_BIN:-"$ROOT/build/release/aantafel"}
log() { printf '[council_search] %s\n' "$*" >&2; }
command -v wrk >/dev/null || { log "wrk is not installed"; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/aantafel-council-search.XXXXXX")
FEED="" PID=""
cleanup() {
  [[ -n "$PID" ]] && kill -TERM "$PID" 2>/dev/null
  [[ -n "$FEED" ]] && kill "$FEED" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
export AANTAFEL_SECURITY_DATA_KEY=${AANTAFEL_SECURITY_DATA_KEY:-$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')}
export AANTAFEL_COUNCIL_URL="http://127.0.0.1:$FEED_PORT" AANTAFEL_COUNCIL_PAGE_SIZE=$PAGE
export AANTAFEL_COUNCIL_REQUESTS_PER_MINUTE=60 AANTAFEL_COUNCIL_TEXTS_PER_ROUND=0
log "generating the feed of $DOCUMENTS documents"
python3 "$ROOT/bench/council_feed.py" "$FEED_PORT" "$DOCUMENTS" "$PAGE" &
FEED=$!
for _ in $(seq 600); do curl -sf "http://127.0.0.1:$FEED_PORT/api/status" >/dev/null && break; sleep 0.5; done

cat >"$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.2f %.2f %.2f\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA

# query string | the same search as FTS5 MATCH (stems) | as to_tsquery (stems) | label
QUERIES=(
  "q=doordecentralisatie|\"doordecentralisatie\"|('doordecentralisatie')|a rare word (1 in 500 titles)"
  "q=jeugdhulp|\"jeugdhulp\"|('jeugdhulp')|a common word (a quarter of all titles)"
  "q=mantelzorg%20preventie|\"mantelzorg\" \"preventie\"|('mantelzorg') & ('preventie')|two common words"
  "q=%22beschermd%20wonen%22|\"beschermd won\"|('beschermd' <-> 'won')|a phrase"
  "q=jeugdhulp&kind=agenda_item&from=2026-12-01&to=2026-12-14|\"jeugdhulp\"|('jeugdhulp')|common word, type and period"
)

sync_all() {  # $1 = database URL: sync until the council is caught up
  local db=$1 n=0
  "$BIN" --database "$db" demo >/dev/null
  local follow="INSERT INTO council_follows (workspace_id, source_key, municipality_code, followed_at) SELECT id, 'soest', 'GM0342', 0 FROM workspaces WHERE slug = 'demo'"
  if [[ "$db" == sqlite:* ]]; then sqlite3 "${db#sqlite:}" "$follow"; else psql -q "$db" -c "$follow"; fi
  local start end
  start=$(date +%s%N)
  for n in $(seq 1 $(( (DOCUMENTS + DOCUMENTS / 40) / (PAGE * 50) + 3 ))); do
    "$BIN" --database "$db" council sync --force >/dev/null
  done
  end=$(date +%s%N)
  log "synced in $(( (end - start) / 1000000000 )) s"
}

floor() {  # $1 = database URL, $2 = FTS5 match, $3 = tsquery, $4 = kind filter or "" → median ms
  local source="$ROOT/src/storage/council_repository.cpp"
  python3 - "$source" "$1" "$2" "$3" "$4" <<'PY'
import re, sqlite3, statistics, subprocess, sys, time
source, db, match, tsquery, kind = sys.argv[1:6]
text = open(source).read()
def strings(chunk):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', chunk))
def macro(name):
    lines = text[text.index("#define " + name):].split("\n")
    out = []
    for line in lines:
        out.append(line)
        if not line.rstrip().endswith("\\"):
            break
    return strings("\n".join(out))
def sql_of(name):
    body = text[text.index(name + " ="):]
    body = body[:body.index(";")]
    out = ""
    for token in re.findall(r'SEARCH_[A-Z]+|"(?:[^"\\]|\\.)*"', body):
        out += macro(token) if token.startswith("SEARCH_") else token[1:-1]
    return out
from datetime import datetime, timezone, timedelta
def dutch_midnight(y, m, d):  # CET in December
    return int(datetime(y, m, d, tzinfo=timezone(timedelta(hours=1))).timestamp() * 1000)
FROM = dutch_midnight(2026, 12, 1) if kind else None
TO = dutch_midnight(2026, 12, 15) if kind else None
if db.startswith("sqlite:"):
    sql = re.sub(r"\$(\d+)", r"?\1", sql_of("kSearchSqlite"))
    con = sqlite3.connect(db[len("sqlite:"):])
    ws = con.execute("SELECT id FROM workspaces WHERE slug = 'demo'").fetchone()[0]
    params = (ws, match, None, kind or None, FROM, TO, 21, 0)
    runs = []
    for _ in range(20):
        start = time.perf_counter(); con.execute(sql, params).fetchall()
        runs.append((time.perf_counter() - start) * 1000)
    print(f"{statistics.median(runs):.2f}")
else:
    sql = sql_of("kSearchPostgres")
    ws = subprocess.run(["psql", "-At", db, "-c", "SELECT id FROM workspaces WHERE slug = 'demo'"], capture_output=True, text=True).stdout.strip()
    def lit(v): return "NULL" if v is None else ("'" + str(v).replace("'", "''") + "'" if isinstance(v, str) else str(v))
    params = [int(ws), tsquery, None, kind or None, FROM, TO, 21, 0]
    for i in range(len(params), 0, -1):
        sql = sql.replace(f"${i}", lit(params[i - 1]))
    runs = []
    for _ in range(20):
        out = subprocess.run(["psql", "-At", db, "-c", "EXPLAIN (ANALYZE, TIMING OFF) " + sql], capture_output=True, text=True).stdout
        runs.append(float(re.search(r"Execution Time: ([0-9.]+) ms", out).group(1)))
    print(f"{statistics.median(runs):.2f}")
PY
}

measure() {  # $1 = database URL, $2 = label
  local db=$1 label=$2
  sync_all "$db"
  local token port
  token=$("$BIN" --database "$db" token create --user demo@aantafel.example --workspace demo)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  AANTAFEL_COUNCIL_URL="" "$BIN" --database "$db" serve --listen "127.0.0.1:$port" >/dev/null 2>&1 &
  PID=$!
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  for entry in "${QUERIES[@]}"; do
    IFS='|' read -r query match tsquery what <<<"$entry"
    local url="http://127.0.0.1:$port/api/v1/workspaces/demo/council-search?$query&limit=20"
    local items kind=""
    items=$(curl -fsS -H "Authorization: Bearer $token" "$url" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(str(len(d["items"])) + ("+" if d["has_more"] else ""))')
    [[ "$query" == *kind=agenda_item* ]] && kind=agenda_item
    local result
    result=$(wrk -t 2 -c "$CONNECTIONS" -d "$DURATION" -s "$WORK/report.lua" -H "Authorization: Bearer $token" "$url" | grep '^RESULT')
    read -r _ rps p50 p95 p99 <<<"$result"
    echo "| $label | $what (\`$query\`) | $items | $rps | $p50 | $p95 | $p99 | $(floor "$db" "$match" "$tsquery" "$kind") |"
  done
  kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}

echo "| Database | Query | Hits | req/s | p50 ms | p95 ms | p99 ms | SQL alone p50 ms (floor) |"
echo "|---|---|---|---|---|---|---|---|"
measure "sqlite:$WORK/bench.db" SQLite
if [[ -n "${AANTAFEL_BENCH_PG_URL:-}" ]]; then
  psql -q "$AANTAFEL_BENCH_PG_URL" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null
  measure "$AANTAFEL_BENCH_PG_URL" PostgreSQL
fi
