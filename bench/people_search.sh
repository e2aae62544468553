#!/usr/bin/env bash
# Wie is wie at scale: 50,000 fictional people with 200,000 positions (seeded) imported through
# `aantafel import`, 20,000 assessments, then the people search endpoint and the global search
# under wrk with latency percentiles per query. Prints Markdown tables for docs/performance.md.
# Not part of the tests.
#   PEOPLE=50000 DURATION=10s CONNECTIONS=4 bash bench/people_search.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEOPLE=${PEOPLE:-50000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-4}
BIN=${AANTAFEL_BIN:-"$ROOT/build/release/aantafel"}
log() { printf '[people_search] %s\n' "$*" >&2; }

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$ROOT" && cmake --preset release >&2 && cmake --build --preset release -j "${JOBS:-1}" --target aantafel >&2)
fi
command -v wrk >/dev/null || { log "wrk is not installed"; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/aantafel-people.XXXXXX")
PID=""
cleanup() { [[ -n "$PID" ]] && kill -TERM "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
export AANTAFEL_SECURITY_DATA_KEY=${AANTAFEL_SECURITY_DATA_KEY:-$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')}
DB="sqlite:$WORK/bench.db"

log "generating $PEOPLE people"
python3 "$ROOT/bench/people_data.py" "$WORK" "$PEOPLE"
"$BIN" --database "$DB" demo >/dev/null
"$BIN" --database "$DB" import municipalities --file "$WORK/cbs.json" >/dev/null
start=$(date +%s%N)
"$BIN" --database "$DB" import people --workspace demo --file "$WORK/people.csv" >"$WORK/import.txt"
import_seconds=$(python3 -c "import sys; print(round((int(sys.argv[1]) - int(sys.argv[2])) / 1e9, 1))" "$(date +%s%N)" "$start")
log "import took ${import_seconds}s"
python3 - "$WORK/bench.db" <<'PY'
import random, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rng = random.Random(7)
ws = db.execute("SELECT id FROM workspaces WHERE slug = 'demo'").fetchone()[0]
ids = [r[0] for r in db.execute("SELECT id FROM people WHERE workspace_id = ?", (ws,))]
rows = [(ws, pid, f"2025-0{rng.randint(1, 9)}-01", rng.randint(1, 5), rng.randint(1, 5),
         rng.randint(-2, 2), 0) for pid in rng.sample(ids, min(20000, len(ids)))]
db.executemany("INSERT INTO assessments (workspace_id, person_id, assessed_on, power, interest,"
               " attitude, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
db.commit()
PY
TOKEN=$("$BIN" --database "$DB" token create --user demo@aantafel.example --workspace demo)
ORG=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT id FROM organisations WHERE municipality_code='GM9003'\").fetchone()[0])" "$WORK/bench.db")
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" --database "$DB" serve --listen "127.0.0.1:$PORT" >/dev/null 2>&1 &
PID=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

cat >"$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.2f %.2f %.2f\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
# The floor: the list query alone in SQLite (its SQL text is read from the repository source, so
# it is the same query), median of 20 runs, one connection, no HTTP, no JSON, no other queries.
sql_floor() {
  python3 - "$ROOT/src/storage/whoiswho_repository.cpp" "$WORK/bench.db" "$1" "$ORG" <<'PY'
import json, re, sqlite3, statistics, sys, time, urllib.parse
source, db_path, query, org = sys.argv[1:5]
text = open(source).read()
body = text[text.index("kListPeople ="):]
body = body[:body.index(";")]
sql = re.sub(r"\$(\d+)", r"?\1", "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', body)))
q = dict(urllib.parse.parse_qsl(query))
esc = lambda t: "%" + re.sub(r"([%_!])", r"!\1", t) + "%"
kind = q.get("kind", ""); party = q.get("party", "").lower(); domain = q.get("domain", "").lower()
org_id = int(q["organisation_id"]) if "organisation_id" in q else None
quadrant = {"manage_closely": (3, 5, 3, 5)}.get(q.get("quadrant", ""), (1, 5, 1, 5))
db = sqlite3.connect(db_path)
ws = db.execute("SELECT id FROM workspaces WHERE slug = 'demo'").fetchone()[0]
by_position = int(bool(kind or party or domain or org_id))
params = (ws, esc(q.get("q", "").lower()), by_position, time.strftime("%Y-%m-%d"), org_id, kind,
          party, esc(json.dumps(domain)) if domain else "", int("quadrant" in q), *quadrant,
          int(q.get("limit", 100)) + 1, int(q.get("offset", 0)))
runs = []
for _ in range(20):
    start = time.perf_counter(); db.execute(sql, params).fetchall()
    runs.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(runs):.2f}")
PY
}

echo "| query | items | req/s | p50 ms | p95 ms | p99 ms | SQL alone p50 ms (floor) |"
echo "|---|---|---|---|---|---|---|"
for query in "" "q=anna" "q=00042" "kind=alderman" "party=stadsbelang" "domain=wmo" \
             "quadrant=manage_closely" "organisation_id=$ORG&kind=council_member" \
             "q=de%20vries&kind=policy_adviser&domain=jeugd" "offset=25000&limit=100"; do
  url="http://127.0.0.1:$PORT/api/v1/workspaces/demo/people?$query"
  items=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$url" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
  result=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/report.lua" -H "Authorization: Bearer $TOKEN" "$url" | grep RESULT)
  read -r _ rps p50 p95 p99 <<<"$result"
  floor=$(sql_floor "$query")
  echo "| \`${query:-(none)}\` | $items | $rps | $p50 | $p95 | $p99 | $floor |"
done
echo
echo "Import of $PEOPLE people / $((PEOPLE * 4)) positions (\`aantafel import people\`): ${import_seconds}s"
echo
# Global search (issues #12, #24): one query across every module, with typo tolerance. It reads
# all people's names and the newest 5,000 contacts (notes opened) per query, so the workspace
# gets CONTACTS contacts with notes first (through the API, as a user would add them).
CONTACTS=${CONTACTS:-5000}
log "adding $CONTACTS contacts with notes"
python3 - "$PORT" "$TOKEN" "$CONTACTS" <<'PY'
import json, random, sys, urllib.request
port, token, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(11)
topics = ["valpreventie", "jeugdhulp", "beschermd wonen", "mantelzorg", "schuldhulp",
          "dagbesteding", "wijkverpleging", "huishoudelijke hulp", "eenzaamheid", "inkoop"]
words = ("de wethouder wil eerst cijfers zien over het budget voor volgend jaar en de inzet van "
         "het wijkteam in noord zuid oost west met de beleidsadviseur besproken wat er nodig is "
         "om de wachttijd te verkorten samen met de huisartsen en de corporatie").split()
for n in range(count):
    topic = rng.choice(topics)
    notes = " ".join(rng.choice(words) for _ in range(40)) + f" over {topic}."
    body = json.dumps({"occurred_at": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T10:00",
                       "kind": "meeting", "subject": f"Overleg {topic} {n}", "notes": notes}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/workspaces/demo/interactions",
                                 data=body, method="POST",
                                 headers={"Authorization": f"Bearer {token}",
                                          "Content-Type": "application/json"})
    urllib.request.urlopen(req).read()
PY
echo "| global search | groups | req/s | p50 ms | p95 ms | p99 ms |"
echo "|---|---|---|---|---|---|"
for query in "q=anna" "q=de%20vries" "q=utrecht" "q=zorg" "q=00042" "q=valpreventie" \
             "q=valprevnetie" "q=wachttijd%20corporatie" "q=jnasen"; do
  url="http://127.0.0.1:$PORT/api/v1/workspaces/demo/search?$query"
  groups=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$url" | python3 -c 'import json,sys; print(",".join(g["kind"] for g in json.load(sys.stdin)["groups"]))')
  result=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/report.lua" -H "Authorization: Bearer $TOKEN" "$url" | grep RESULT)
  read -r _ rps p50 p95 p99 <<<"$result"
  echo "| \`$query\` | $groups | $rps | $p50 | $p95 | $p99 |"
done
