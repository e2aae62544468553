#!/usr/bin/env bash
# Drives the real binary: migrate, demo (twice: idempotent), imports, backup and restore,
# user/workspace/token commands,
# serve on a free port, log in with the printed demo login, use the token, stop with SIGTERM.
# Usage: cli_smoke.sh AANTAFEL_BINARY DATABASE_URL   (DATABASE_URL "sqlite" = a fresh temp file)
set -euo pipefail
bin=$1
db=$2
work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ "$db" = "sqlite" ]; then
  db="sqlite:$work/smoke.db"
elif [ -z "$db" ]; then
  echo "skipped: no PostgreSQL URL"; exit 0
else
  # A fresh schema in the test server (the cluster is thrown away after the run).
  schema="cli_$$_$RANDOM"
  psql -q "$db" -c "CREATE SCHEMA $schema" >/dev/null || fail "cannot reach $db"
  db="$db?options=-csearch_path%3D$schema"
fi

export LANG=C.UTF-8
export AANTAFEL_SECURITY_DATA_KEY_FILE="$work/aantafel.key"
out=$("$bin" --database "$db" migrate) || fail "migrate"
echo "$out" | grep -q "Schema-versie" || fail "migrate output: $out"
echo "$out" | grep -q "Gemeentelijke indeling 2025: 342 gemeenten, 3423 wijken" \
  || fail "migrate does not load the municipal register: $out"
out=$("$bin" --database "$db" migrate) || fail "second migrate"
echo "$out" | grep -q "Gemeentelijke indeling" && fail "the register is loaded twice: $out"
"$bin" --database "$db" demo >"$work/demo1" || fail "demo"
"$bin" --database "$db" demo >"$work/demo2" || fail "demo is not idempotent"
grep -q "demo@aantafel.example" "$work/demo2" || fail "demo does not print the login"

# Imports: the fixture files, a dry run, a second run that changes nothing, a refused file.
fixtures="$(cd "$(dirname "$0")/../fixtures" && pwd)"
"$bin" --database "$db" import municipalities --file "$fixtures/cbs/gebieden.json" >"$work/cbs" \
  || fail "CBS import"
grep -q "gemeenten: 4" "$work/cbs" || fail "CBS import report: $(cat "$work/cbs")"
# CBS's own two files (OData v3 TypedDataSet and DataProperties of 83287NED), a dry run first.
cbs83287="$fixtures/cbs/83287NED"
"$bin" --database "$db" import municipalities --file "$cbs83287/TypedDataSet.json" \
  --file "$cbs83287/DataProperties.json" --dry-run >"$work/cbs2" || fail "CBS dry run"
grep -q "Proefrun" "$work/cbs2" && grep -q "gemeenten bijgewerkt: 1" "$work/cbs2" \
  || fail "CBS dry run report: $(cat "$work/cbs2")"
"$bin" --database "$db" import municipalities --file "$cbs83287/DataProperties.json" \
  --file "$cbs83287/TypedDataSet.json" >/dev/null || fail "CBS import of two files"
"$bin" --database "$db" import municipalities --file "$cbs83287/DataProperties.json" \
  --file "$cbs83287/TypedDataSet.json" --dry-run | grep -q "bijgewerkt" \
  && fail "importing the same CBS files again changes something"
# The OData v4 answers of a Gebieden table (five entity sets).
v4="$fixtures/cbs/odata4/85755NED"
"$bin" --database "$db" import municipalities --dry-run --file "$v4/Observations.json" \
  --file "$v4/MeasureCodes.json" --file "$v4/MeasureGroups.json" --file "$v4/Dimensions.json" \
  --file "$v4/RegioSCodes.json" >"$work/cbs4" || fail "CBS v4 dry run: $(cat "$work/cbs4")"
grep -q "gemeenten: 4" "$work/cbs4" || fail "CBS v4 report: $(cat "$work/cbs4")"
# CBS key figures of areas (85984NED, the year from the table id), a dry run first.
"$bin" --database "$db" import area-figures --dry-run --file "$fixtures/cbs/85984NED/TypedDataSet.json" \
  | grep -q "gebieden nieuw: 1" || fail "area figures dry run"
"$bin" --database "$db" import area-figures --file "$fixtures/cbs/85984NED/TypedDataSet.json" \
  >/dev/null || fail "area figures import"
# Boundaries of neighbourhoods: two pages of PDOK's OGC API and a CBS file in RD New.
"$bin" --database "$db" import boundaries --dry-run --file "$fixtures/pdok/buurten-items-page1.json" \
  --file "$fixtures/pdok/buurten-items-page2.json" >"$work/bnd" || fail "boundaries dry run"
grep -q "gebieden nieuw: 32" "$work/bnd" || fail "boundaries dry run: $(cat "$work/bnd")"
grep -q "alleen water, overgeslagen: 1" "$work/bnd" || fail "water not skipped: $(cat "$work/bnd")"
"$bin" --database "$db" import boundaries --file "$fixtures/pdok/buurten_2025_rd.geojson" \
  --year 2025 | grep -q "gebieden nieuw: 6" || fail "boundaries import (RD New)"
if "$bin" --database "$db" import boundaries --file "$fixtures/pdok/buurten_2025_rd.geojson" \
  2>"$work/err" >/dev/null; then
  fail "a file without a year was accepted"
fi
grep -q "regel 1, year" "$work/err" || fail "missing year not named: $(cat "$work/err")"
if "$bin" --database "$db" import municipalities --file "$cbs83287/TypedDataSet.json" 2>"$work/err"; then
  fail "a TypedDataSet without its DataProperties was accepted"
fi
grep -q "DataProperties" "$work/err" || fail "missing DataProperties not named: $(cat "$work/err")"
"$bin" --database "$db" import almanak --workspace demo --dry-run \
  --file "$fixtures/almanak/exportOO.xml" | grep -q "Proefrun" || fail "Almanak dry run"
"$bin" --database "$db" import almanak --workspace demo --file "$fixtures/almanak/exportOO.xml" \
  >/dev/null || fail "Almanak import"
"$bin" --database "$db" import almanak --workspace demo --file "$fixtures/almanak/exportOO.xml" \
  | grep -q "functies ongewijzigd: 4" || fail "Almanak import is not idempotent"
if "$bin" --database "$db" import people --workspace demo \
  --file "$fixtures/people/bad-rows.csv" 2>"$work/bad"; then fail "bad CSV accepted"; fi
grep -q "regel 3, municipality" "$work/bad" || fail "bad CSV row not named"
"$bin" --database "$db" import people --workspace demo --file "$fixtures/people/people.csv" \
  >/dev/null || fail "people CSV import"
password=$(awk '/Wachtwoord:/ {print $2}' "$work/demo2")
[ "$(stat -c %a "$work/aantafel.key")" = 600 ] || fail "data key file is not private (0600)"

printf 'een goed wachtwoord\n' | "$bin" --database "$db" user add --email kees@zorg.nl --name Kees --password-stdin \
  || fail "user add"
if printf 'kort\n' | "$bin" --database "$db" user add --email x@zorg.nl --name X --password-stdin 2>"$work/err"; then
  fail "short password accepted"
fi
grep -q "password" "$work/err" || fail "error does not name the field: $(cat "$work/err")"
"$bin" --database "$db" workspace create --slug kees-zorg --name "Kees Zorg" --owner kees@zorg.nl 2>/dev/null \
  || fail "workspace create"
token=$("$bin" --database "$db" token create --user kees@zorg.nl --workspace kees-zorg 2>/dev/null) || fail "token create"
[[ "$token" == aat_* ]] || fail "token output is not only the token: $token"

LANG=en_GB.UTF-8 "$bin" --help | grep -q "Start the web server" || fail "English help"
"$bin" --help | grep -q "Start de webserver" || fail "Dutch help"
"$bin" --version | grep -q "aantafel" || fail "--version"

# Backup and restore (SQLite: VACUUM INTO while nothing stops): a populated database round-trips
# with every table's row count intact; an existing file or database is never overwritten blindly.
if [[ "$db" == sqlite:* ]]; then
  "$bin" --database "$db" backup --to "$work/backup.db" >/dev/null || fail "backup"
  # The database, its WAL and the backup hold personal data: owner only.
  for f in "${db#sqlite:}" "${db#sqlite:}-wal" "$work/backup.db"; do
    [[ ! -e "$f" || "$(stat -c %a "$f")" == 600 ]] || fail "$f is mode $(stat -c %a "$f"), not 600"
  done
  if "$bin" --database "$db" backup --to "$work/backup.db" 2>/dev/null; then
    fail "backup overwrote an existing file"
  fi
  restored="sqlite:$work/restored.db"
  "$bin" --database "$restored" restore --from "$work/backup.db" >/dev/null || fail "restore"
  if "$bin" --database "$restored" restore --from "$work/backup.db" 2>/dev/null; then
    fail "restore replaced a database without --force"
  fi
  "$bin" --database "$restored" restore --from "$work/backup.db" --force >/dev/null \
    || fail "restore --force"
  printf 'not a database' >"$work/broken.db"
  if "$bin" --database "sqlite:$work/other.db" restore --from "$work/broken.db" 2>/dev/null; then
    fail "restore accepted a broken file"
  fi
  python3 - "${db#sqlite:}" "$work/restored.db" <<'PY' || fail "restored database differs"
import sqlite3, sys
a, b = (sqlite3.connect(p) for p in sys.argv[1:3])
tables = [r[0] for r in a.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
assert len(tables) > 20, tables
for t in tables:
    n, m = (c.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for c in (a, b))
    assert n == m, (t, n, m)
assert b.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
assert a.execute("SELECT COUNT(*) FROM people").fetchone()[0] > 0
PY
fi

# Starts `serve` on a free port (another test may take the port between our check and the bind:
# then it tries the next one) and waits until this server — its own log says so — answers
# /healthz. Generous: under AddressSanitizer on a busy two-core machine (ctest runs tests in
# parallel) start-up has taken more than ten seconds. Extra arguments are environment settings.
start_serve() {
  local log=$1
  shift
  for _attempt in 1 2 3 4 5; do
    port=""
    for candidate in $(shuf -i 20000-59999 -n 50); do
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
    done
    env "$@" "$bin" serve --database "$db" --listen "127.0.0.1:$port" 2>"$log" &
    server_pid=$!
    for _ in $(seq 1 600); do
      if ! kill -0 "$server_pid" 2>/dev/null; then
        grep -q "cannot listen" "$log" && continue 2
        fail "serve exited: $(tail -n 20 "$log")"
      fi
      if grep -q "listening on http://127.0.0.1:$port" "$log" &&
        curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
        return 0
      fi
      sleep 0.1
    done
    fail "serve did not answer /healthz within 60 s: $(tail -n 20 "$log")"
  done
  fail "no free port for serve"
}

start_serve "$work/serve.log"
curl -fsS "http://127.0.0.1:$port/readyz" | grep -q '"reachable":true' || fail "readyz"
curl -fsS -c "$work/jar" -H 'Content-Type: application/json' \
  -d "{\"email\":\"demo@aantafel.example\",\"password\":\"$password\"}" \
  "http://127.0.0.1:$port/api/v1/session" | grep -q '"slug":"demo"' || fail "demo login"
curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/workspaces/kees-zorg" \
  | grep -q '"role":"owner"' || fail "token request"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$port/api/v1/workspaces/demo")
[ "$status" = 404 ] || fail "token opened another workspace ($status)"

kill -TERM "$server_pid"
wait "$server_pid" || fail "serve did not exit cleanly after SIGTERM"
server_pid=""
grep -q "stopped" "$work/serve.log" || fail "no shutdown log line"
grep -q "GET /readyz 200" "$work/serve.log" || fail "no access log line"
# Knowledge read from a folder at start: a changed rule changes the advice without rebuilding,
# and a broken file stops the server from starting.
knowledge="$work/knowledge"
cp -r "$(cd "$(dirname "$0")/../../knowledge" && pwd)" "$knowledge"
sed -i 's/"id": "small_employees", "strategy": "mobilise_employees", "weight": -2/"id": "small_employees", "strategy": "mobilise_employees", "weight": 9/' \
  "$knowledge/advisor_rules.json"
grep -q '"weight": 9' "$knowledge/advisor_rules.json" || fail "could not edit the rule"
start_serve "$work/serve2.log" AANTAFEL_KNOWLEDGE_DIR="$knowledge"
curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"size":"small","phase":"change","level":"alderman","goal":"get_known"}' \
  "http://127.0.0.1:$port/api/v1/workspaces/kees-zorg/advice" >"$work/advice.json" \
  || fail "advice request"
grep -q '^{"extra_advice".*"ranked":\[{"reasons":\[{"id":"small_employees"' "$work/advice.json" \
  || fail "the edited rule did not change the advice: $(head -c 300 "$work/advice.json")"
kill -TERM "$server_pid"
wait "$server_pid" || fail "second serve did not exit cleanly"
server_pid=""
printf '{"schema":1' >"$knowledge/strategies.json"
if AANTAFEL_KNOWLEDGE_DIR="$knowledge" "$bin" serve --database "$db" \
  --listen "127.0.0.1:$port" 2>"$work/serve3.log"; then
  fail "started with a broken knowledge file"
fi
grep -q "strategies" "$work/serve3.log" || fail "no message naming the broken knowledge"

echo "cli smoke test passed ($2)"
