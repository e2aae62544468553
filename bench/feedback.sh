#!/usr/bin/env bash
# Cliëntfeedback under load, against floors measured in the same run on the same machine.
# Prints a Markdown report on stdout; progress goes to stderr.
#
#   bash bench/feedback.sh                    # build release preset, run everything (~10 min)
#   DURATION=5s RESPONSES=200000 bash bench/feedback.sh > results.md
#
# What it measures (all on loopback, the databases on the disk of the build directory):
#   (a) floors: beast_floor under the same wrk POST load; single-threaded SQLite inserts shaped
#       like feedback_responses, one WAL + synchronous=FULL transaction each (bench/feedback_floor)
#   (b) survey submissions: wrk POSTing JSON answers to /f/{token} (bench/feedback_submit.lua)
#   (c) submit-to-live-feed latency over LISTENERS open SSE streams (bench/feedback_feed_latency.py)
#   (d) NPS by month over 365 days with RESPONSES stored responses (SQLite), next to the roll-up
#       query alone and the naive scan of feedback_responses; optionally the same on PostgreSQL
#
# Environment (all optional):
#   JOBS=1              parallel compile jobs for the release build
#   SKIP_BUILD=1        use the binaries already in build/release
#   CMAKE_ARGS=...      extra arguments for `cmake --preset release`
#   DURATION=15s        wrk duration per measured run (a 3 s warm-up precedes the POST runs)
#   CONNECTIONS=64      wrk connections for the submission runs;  WRK_THREADS=2
#   FLOOR_THREADS=N     io threads of beast_floor (default: nproc, as aantafel's default)
#   LISTENERS=100 SUBMISSIONS=300 PAUSE=0.02   the live-feed measurement
#   RESPONSES=10000000  stored responses for the SQLite NPS measurement (over ~2 years)
#   SMALL_RESPONSES=1000000  a second SQLite NPS measurement at this size (0: skip)
#   NPS_CONNECTIONS=1   wrk connections for the NPS requests (1: latency of a lone dashboard)
#   NAIVE_RUNS=5        runs of the naive scan (and 50 of the roll-up query alone)
#   PG=1                also measure on a private PostgreSQL cluster (0: skip): NPS, survey
#                       submissions, and PostgreSQL's own insert rate (pgbench) as their floor
#   PG_RESPONSES=1000000
#   MAX_OTHER=10        a wrk run during which other processes plus steal used more than this % of
#                       the cores is marked "!" in the report (not repeated: see http_load.sh)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$ROOT/build/release"
JOBS=${JOBS:-1}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-2}
CORES=$(nproc)
FLOOR_THREADS=${FLOOR_THREADS:-$CORES}
LISTENERS=${LISTENERS:-100}
SUBMISSIONS=${SUBMISSIONS:-300}
PAUSE=${PAUSE:-0.02}
RESPONSES=${RESPONSES:-10000000}
SMALL_RESPONSES=${SMALL_RESPONSES:-1000000}
NPS_CONNECTIONS=${NPS_CONNECTIONS:-1}
NAIVE_RUNS=${NAIVE_RUNS:-5}
PG=${PG:-1}
PG_RESPONSES=${PG_RESPONSES:-1000000}
MAX_OTHER=${MAX_OTHER:-10}
WARMUP=3s
SURVEYS=20
DAYS=730
SEED=42

log() { printf '[feedback] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

for tool in wrk curl python3; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
SECONDS_PER_RUN=$(awk -v d="$DURATION" 'BEGIN { n = d + 0; if (d ~ /m$/) n *= 60; print n }')
START_TIME=$(date -u '+%Y-%m-%d %H:%M UTC')
SCRIPT_START=$(date +%s)

# --- build ---------------------------------------------------------------------------------
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "configuring and building the release preset (-j $JOBS)"
  # shellcheck disable=SC2086  # CMAKE_ARGS is a word list on purpose
  (cd "$ROOT" && nice cmake --preset release ${CMAKE_ARGS:-} >&2)
  (cd "$ROOT" && nice cmake --build --preset release -j "$JOBS" \
      --target aantafel beast_floor feedback_floor >&2)
fi
AANTAFEL="$BUILD/aantafel"
FLOOR="$BUILD/bench/beast_floor"
DBFLOOR="$BUILD/bench/feedback_floor"
for binary in "$AANTAFEL" "$FLOOR" "$DBFLOOR"; do
  [[ -x "$binary" ]] || die "missing $binary (build the release preset first)"
done

# --- work directory: on the disk of the build directory, not tmpfs ----------------------------
WORK=$(mktemp -d "$BUILD/feedback-bench.XXXXXX")
PIDS=()
PG_CTL=()
stop_pid() {
  local pid=$1
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  if [[ ${#PG_CTL[@]} -gt 0 ]]; then "${PG_CTL[@]}" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
  if [[ -n "${PGWORK:-}" ]]; then rm -rf "$PGWORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
FS=$(findmnt -n -o SOURCE,FSTYPE -T "$WORK" | tr -s ' ')
log "work directory $WORK on $FS"
[[ "$FS" == *tmpfs* ]] && log "warning: $WORK is on tmpfs; fsync costs nothing there"

export LANG=C.UTF-8
export AANTAFEL_SECURITY_DATA_KEY_FILE="$WORK/aantafel.key"
export AANTAFEL_LOG_LEVEL=warn
export AANTAFEL_FEEDBACK_SUBMISSIONS_PER_LINK_PER_MINUTE=1000000
export AANTAFEL_FEEDBACK_SUBMISSIONS_PER_ADDRESS_PER_MINUTE=1000000
export AANTAFEL_FEEDBACK_VIEWS_PER_ADDRESS_PER_MINUTE=1000000

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
wait_for_port() {  # port pid
  local _
  for _ in $(seq 1 300); do
    kill -0 "$2" 2>/dev/null || return 1
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
STARTED_PORT="" STARTED_PID=""
start_aantafel() {  # database-url logfile
  local port pid
  port=$(free_port)
  AANTAFEL_SERVER_LISTEN="127.0.0.1:$port" AANTAFEL_SERVER_PUBLIC_URL="http://127.0.0.1:$port" \
    "$AANTAFEL" --database "$1" serve >/dev/null 2>"$2" &
  pid=$!
  PIDS+=("$pid")
  wait_for_port "$port" "$pid" || { cat "$2" >&2; die "aantafel did not start"; }
  STARTED_PORT=$port STARTED_PID=$pid
}
# A user, workspace "bench" and an API token in a fresh database; prints the token.
setup_database() {  # database-url
  "$AANTAFEL" --database "$1" migrate >/dev/null
  printf 'een lang bench-wachtwoord\n' | "$AANTAFEL" --database "$1" user add \
    --email bench@aantafel.example --name Bench --password-stdin >/dev/null
  "$AANTAFEL" --database "$1" workspace create --slug bench --name Bench \
    --owner bench@aantafel.example >/dev/null 2>&1
  "$AANTAFEL" --database "$1" token create --user bench@aantafel.example --workspace bench 2>/dev/null
}
# POST a survey through the API; prints "<id> <public token>".
create_survey() {  # port token json
  curl -fsS -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3" \
    "http://127.0.0.1:$1/api/v1/workspaces/bench/feedback/surveys" |
    python3 -c 'import json, sys; s = json.load(sys.stdin); print(s["id"], s["url"].rstrip("/").rsplit("/", 1)[1])'
}

# CPU accounting (as http_load.sh): busy time of the machine not used by our processes or wrk,
# and steal, as % of all cores over a run.
HZ=$(getconf CLK_TCK)
busy_seconds() { awk -v hz="$HZ" '/^cpu / { print ($2 + $3 + $4 + $7 + $8) / hz; exit }' /proc/stat; }
steal_seconds() { awk -v hz="$HZ" '/^cpu / { print $9 / hz; exit }' /proc/stat; }
pids_seconds() {
  local pid total=0 ticks
  for pid in "${PIDS[@]}"; do
    ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + ticks))
  done
  awk -v t="$total" -v hz="$HZ" 'BEGIN { print t / hz }'
}
LAST_OTHER="" LAST_OUT=""
measured() {  # command... ; output in LAST_OUT, other CPU %(+steal) in LAST_OTHER
  local busy0 own0 wall0 steal0 busy1 own1 wall1 steal1 child
  busy0=$(busy_seconds); own0=$(pids_seconds); wall0=$(date +%s.%N); steal0=$(steal_seconds)
  child=$( { TIMEFORMAT='%U %S'; time "$@" >"$WORK/measured.out" 2>"$WORK/measured.err"; } 2>&1 |
    tail -n 1)
  cat "$WORK/measured.err" >&2
  busy1=$(busy_seconds); own1=$(pids_seconds); wall1=$(date +%s.%N); steal1=$(steal_seconds)
  LAST_OUT=$(<"$WORK/measured.out")
  LAST_OTHER=$(awk -v b="$busy0 $busy1" -v s="$own0 $own1" -v w="$wall0 $wall1" -v c="$child" \
    -v st="$steal0 $steal1" -v cores="$CORES" -v max="$MAX_OTHER" 'BEGIN {
      split(b, B, " "); split(s, S, " "); split(w, W, " "); split(c, C, " "); split(st, T, " ");
      other = (B[2] - B[1]) - (S[2] - S[1]) - (C[1] + C[2]); if (other < 0) other = 0;
      o = 100 * other / ((W[2] - W[1]) * cores); t = 100 * (T[2] - T[1]) / ((W[2] - W[1]) * cores);
      printf "%.0f/%.0f%s", o, t, (o + t > max) ? "!" : "" }')
}
result() { grep '^RESULT' <<<"$LAST_OUT" | tail -n 1 | cut -d' ' -f2-; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
days_of() { echo $(( $(date -u -d "$1" +%s) / 86400 )); }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
SUBMIT_LUA="$ROOT/bench/feedback_submit.lua"
NPS_LUA="$ROOT/bench/feedback_nps.lua"
WRK_POST=(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$SUBMIT_LUA")

# --- database for (b) and (c), server, survey ---------------------------------------------------
SUBMIT_DB="sqlite:$WORK/submit.db"
log "creating workspace, token and survey in $WORK/submit.db"
TOKEN=$(setup_database "$SUBMIT_DB")
[[ "$TOKEN" == aat_* ]] || die "no API token"
start_aantafel "$SUBMIT_DB" "$WORK/aantafel-submit.log"
PORT=$STARTED_PORT
read -r SURVEY_ID SURVEY_TOKEN < <(create_survey "$PORT" "$TOKEN" '{"name":"Bench","team":"Team A"}')
[[ -n "$SURVEY_TOKEN" ]] || die "no survey"
SUBMIT_URL="http://127.0.0.1:$PORT/f/$SURVEY_TOKEN"
code=$(curl -s -o "$WORK/first.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -H 'Accept: application/json' -d '{"score":8,"why":"Eerste test."}' "$SUBMIT_URL")
[[ "$code" == 201 ]] || die "POST /f/{token} answered $code: $(head -c 300 "$WORK/first.json")"
log "survey $SURVEY_ID at /f/$SURVEY_TOKEN answers 201 $(<"$WORK/first.json")"

# --- (a) floors ------------------------------------------------------------------------------
FLOOR_PORT=$(free_port)
"$FLOOR" "$FLOOR_PORT" "$FLOOR_THREADS" >/dev/null 2>"$WORK/floor.log" &
PIDS+=("$!")
wait_for_port "$FLOOR_PORT" "$!" || die "beast_floor did not start"
log "(a) beast_floor: wrk POST load ($DURATION)"
EXPECT_STATUS=200 "${WRK_POST[@]/-d$DURATION/-d$WARMUP}" "http://127.0.0.1:$FLOOR_PORT/f/x" >/dev/null
EXPECT_STATUS=200 measured "${WRK_POST[@]}" "http://127.0.0.1:$FLOOR_PORT/f/$SURVEY_TOKEN"
read -r F_RPS F_P50 F_P99 F_N F_BAD F_STATUSES <<<"$(result)"
F_OTHER=$LAST_OTHER
stop_pid "${PIDS[-1]}"

log "(a) SQLite insert floor, one durable transaction per row ($SECONDS_PER_RUN s)"
measured "$DBFLOOR" insert "$WORK/floor.db" "$SECONDS_PER_RUN"
read -r I_RPS I_P50 I_P99 I_N <<<"$(result)"
I_OTHER=$LAST_OTHER
log "(a) SQLite insert + roll-up upsert floor ($SECONDS_PER_RUN s)"
measured "$DBFLOOR" insert "$WORK/floor-rollup.db" "$SECONDS_PER_RUN" rollup
read -r U_RPS U_P50 U_P99 U_N <<<"$(result)"
U_OTHER=$LAST_OTHER

# --- (b) survey submissions --------------------------------------------------------------------
count_rows() { python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM feedback_responses").fetchone()[0])' "$1"; }
log "(b) aantafel: POST /f/{token} ($WARMUP warm-up, $DURATION measured)"
"${WRK_POST[@]/-d$DURATION/-d$WARMUP}" "$SUBMIT_URL" >/dev/null
ROWS_BEFORE=$(count_rows "$WORK/submit.db")
measured "${WRK_POST[@]}" "$SUBMIT_URL"
sleep 0.5
ROWS_AFTER=$(count_rows "$WORK/submit.db")
read -r S_RPS S_P50 S_P99 S_N S_BAD S_STATUSES <<<"$(result)"
S_OTHER=$LAST_OTHER
S_ROWS=$((ROWS_AFTER - ROWS_BEFORE))
SERVER_ERRORS=$(grep -c -i -E 'error|warn' "$WORK/aantafel-submit.log" || true)
SERVER_ERROR_SAMPLE=$(grep -i -E 'error|warn' "$WORK/aantafel-submit.log" | head -n 3 | cut -c1-300 || true)
log "(b) aantafel's cheapest route, GET /healthz, under the same wrk load ($DURATION)"
EXPECT_STATUS=200 GET_ONLY=1 measured "${WRK_POST[@]}" "http://127.0.0.1:$PORT/healthz"
read -r H_RPS H_P50 H_P99 H_N H_BAD H_STATUSES <<<"$(result)"
H_OTHER=$LAST_OTHER

# --- (c) submit-to-live-feed latency ------------------------------------------------------------
log "(c) live feed: $LISTENERS SSE listeners, $SUBMISSIONS submissions"
measured python3 "$ROOT/bench/feedback_feed_latency.py" --port "$PORT" --slug bench \
  --token "$TOKEN" --survey-token "$SURVEY_TOKEN" --listeners "$LISTENERS" \
  --submissions "$SUBMISSIONS" --pause "$PAUSE"
read -r L_P50 L_P99 L_MAX L_GOT L_WANT L_POST L_BAD <<<"$(result)"
L_OTHER=$LAST_OTHER
stop_pid "$STARTED_PID"

# --- (d) NPS on SQLite -------------------------------------------------------------------------
TO_DATE=$(date -u +%F)
FROM_DATE=$(date -u -d "$TO_DATE - 364 days" +%F)
FROM_DAY=$(days_of "$FROM_DATE")
TO_DAY=$(days_of "$TO_DATE")
NPS_PATH="/api/v1/workspaces/bench/feedback/nps?group_by=month&from=$FROM_DATE&to=$TO_DATE"
CHANNELS=(link qr sms email tablet)
create_surveys() {  # port token
  local i
  for ((i = 1; i <= SURVEYS; i++)); do
    create_survey "$1" "$2" "{\"name\":\"Enquête $i\",\"team\":\"Team $(( (i - 1) % 5 + 1 ))\",\"service\":\"Dienst $(( (i - 1) % 3 + 1 ))\",\"channel\":\"${CHANNELS[$(( i % 5 ))]}\"}" >/dev/null
  done
}
# Totals over the groups of an NPS answer: "promoters passives detractors".
nps_totals() {  # port token
  curl -fsS -H "Authorization: Bearer $2" "http://127.0.0.1:$1$NPS_PATH" | python3 -c '
import json, sys
r = json.load(sys.stdin)
t = r["total"]
print(t["promoters"], t["passives"], t["detractors"], len(r["groups"]))'
}
nps_wrk() {  # port token
  measured wrk -t1 -c"$NPS_CONNECTIONS" -d"$DURATION" --latency -s "$NPS_LUA" \
    -H "Authorization: Bearer $2" "http://127.0.0.1:$1$NPS_PATH"
}

NPS_DB_FILE="$WORK/nps.db"
NPS_DB="sqlite:$NPS_DB_FILE"
log "(d) NPS on SQLite: $SURVEYS surveys, $RESPONSES responses over $DAYS days"
NPS_TOKEN=$(setup_database "$NPS_DB")
start_aantafel "$NPS_DB" "$WORK/aantafel-nps.log"
create_surveys "$STARTED_PORT" "$NPS_TOKEN"
stop_pid "$STARTED_PID"
WS_ID=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT id FROM workspaces WHERE slug = ?", ("bench",)).fetchone()[0])' "$NPS_DB_FILE")
"$DBFLOOR" load "$NPS_DB_FILE" "$WS_ID" "$RESPONSES" "$DAYS" "$SEED" >"$WORK/load.out"
sync  # the load wrote ~1 GB: let the kernel flush it now, not during the measurement
read -r _ LOAD_SECONDS ROLLUP_SECONDS <"$WORK/load.out"
DB_SIZE=$(du -m "$NPS_DB_FILE" | cut -f1)
DAILY_ROWS=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM feedback_daily").fetchone()[0])' "$NPS_DB_FILE")
log "(d) loaded in ${LOAD_SECONDS}s, roll-up rebuilt in ${ROLLUP_SECONDS}s ($DB_SIZE MB, $DAILY_ROWS roll-up rows)"
start_aantafel "$NPS_DB" "$WORK/aantafel-nps.log"
NPS_PORT=$STARTED_PORT
read -r API_P API_PA API_D API_GROUPS < <(nps_totals "$NPS_PORT" "$NPS_TOKEN")
log "(d) GET $NPS_PATH ($DURATION, $NPS_CONNECTIONS connection(s))"
nps_wrk "$NPS_PORT" "$NPS_TOKEN"
read -r N_RPS N_P50 N_P99 N_N N_BAD N_P95 <<<"$(result)"
N_OTHER=$LAST_OTHER
stop_pid "$STARTED_PID"
log "(d) roll-up query alone (50 runs) and naive scan of feedback_responses ($NAIVE_RUNS runs)"
"$DBFLOOR" query "$NPS_DB_FILE" "$WS_ID" "$FROM_DAY" "$TO_DAY" 50 rollup >"$WORK/rollup.out"
read -r _ R_P50 R_P99 R_FIRST R_P R_PA R_D <"$WORK/rollup.out"
"$DBFLOOR" query "$NPS_DB_FILE" "$WS_ID" "$FROM_DAY" "$TO_DAY" "$NAIVE_RUNS" naive >"$WORK/naive.out"
read -r _ V_P50 V_P99 V_FIRST V_P V_PA V_D <"$WORK/naive.out"
if [[ "$API_P $API_PA $API_D" == "$V_P $V_PA $V_D" && "$R_P $R_PA $R_D" == "$V_P $V_PA $V_D" ]]; then
  CONSISTENT="yes: API, roll-up query and scan all count $V_P promoters, $V_PA passives, $V_D detractors"
else
  CONSISTENT="**NO**: API $API_P/$API_PA/$API_D, roll-up $R_P/$R_PA/$R_D, scan $V_P/$V_PA/$V_D (promoters/passives/detractors)"
fi
rm -f "$NPS_DB_FILE" "$NPS_DB_FILE"-wal "$NPS_DB_FILE"-shm  # ~1 GB at the default size

# --- (d) the same at SMALL_RESPONSES, so the effect of size shows ------------------------------
SMALL_DONE=0
if [[ "$SMALL_RESPONSES" -gt 0 ]]; then
  SMALL_DB_FILE="$WORK/nps-small.db"
  log "(d) NPS on SQLite at $SMALL_RESPONSES responses"
  SMALL_TOKEN=$(setup_database "sqlite:$SMALL_DB_FILE")
  start_aantafel "sqlite:$SMALL_DB_FILE" "$WORK/aantafel-nps-small.log"
  create_surveys "$STARTED_PORT" "$SMALL_TOKEN"
  stop_pid "$STARTED_PID"
  SMALL_WS=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT id FROM workspaces WHERE slug = ?", ("bench",)).fetchone()[0])' "$SMALL_DB_FILE")
  "$DBFLOOR" load "$SMALL_DB_FILE" "$SMALL_WS" "$SMALL_RESPONSES" "$DAYS" "$SEED" >/dev/null
  sync
  start_aantafel "sqlite:$SMALL_DB_FILE" "$WORK/aantafel-nps-small.log"
  nps_wrk "$STARTED_PORT" "$SMALL_TOKEN"
  read -r M_RPS M_P50 M_P99 M_N M_BAD M_P95 <<<"$(result)"
  M_OTHER=$LAST_OTHER
  stop_pid "$STARTED_PID"
  "$DBFLOOR" query "$SMALL_DB_FILE" "$SMALL_WS" "$FROM_DAY" "$TO_DAY" 50 rollup >"$WORK/rollup-small.out"
  read -r _ MR_P50 MR_P99 _ <"$WORK/rollup-small.out"
  rm -f "$SMALL_DB_FILE" "$SMALL_DB_FILE"-wal "$SMALL_DB_FILE"-shm
  SMALL_DONE=1
fi

# --- (d') NPS on PostgreSQL --------------------------------------------------------------------
PG_DONE=0
PG_NOTE=""
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ "$PG" == 1 && -n "$PGBIN" ]] && command -v psql >/dev/null; then
  log "(d') NPS on PostgreSQL: private cluster, $PG_RESPONSES responses"
  # Its own directory under /var/tmp (a disk, as FHS wants it): the postgres user must reach it,
  # and the work directory may sit below a private (0700) one, e.g. a fresh clone in mktemp -d.
  PGWORK=$(mktemp -d /var/tmp/aantafel-bench-pg.XXXXXX)
  chmod 755 "$PGWORK"
  log "(d') PostgreSQL cluster in $PGWORK on $(findmnt -n -o SOURCE,FSTYPE -T "$PGWORK" | tr -s ' ')"
  AS_PG=()
  if [[ $(id -u) -eq 0 ]]; then chown postgres "$PGWORK"; AS_PG=(runuser -u postgres --); fi
  PG_PORT=$(free_port)
  "${AS_PG[@]}" "$PGBIN/initdb" -D "$PGWORK/data" -U aantafel --auth=trust -E UTF8 \
    --locale=C.UTF-8 >/dev/null
  PG_CTL=("${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGWORK/data")
  "${PG_CTL[@]}" -l "$PGWORK/server.log" -w -o "-p $PG_PORT -k $PGWORK \
    -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_wal_size=4GB" start >/dev/null
  "${AS_PG[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U aantafel aantafel_bench
  PG_URL="postgresql://aantafel@127.0.0.1:$PG_PORT/aantafel_bench"
  PSQL=(psql -X -q -v ON_ERROR_STOP=1 "$PG_URL")
  PG_TOKEN=$(setup_database "$PG_URL")
  start_aantafel "$PG_URL" "$WORK/aantafel-pg.log"
  create_surveys "$STARTED_PORT" "$PG_TOKEN"
  PG_WS=$("${PSQL[@]}" -At -c "SELECT id FROM workspaces WHERE slug = 'bench'")
  t0=$(date +%s.%N)
  # One statement: PG_RESPONSES rows spread evenly over DAYS days up to now, seeded random.
  "${PSQL[@]}" >/dev/null <<SQL
SELECT setseed(0.42);
CREATE TEMP TABLE bench_surveys AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM feedback_surveys WHERE workspace_id = $PG_WS;
INSERT INTO feedback_responses (workspace_id, survey_id, score, why, channel, day, received_at)
SELECT $PG_WS, s.id, g.score, (ARRAY['', '', 'Snel geholpen en vriendelijk te woord gestaan.',
         'Het duurde lang voordat ik iets hoorde.', 'Prima.'])[1 + (g.r * 5)::int % 5],
       (ARRAY['link', 'qr', 'sms', 'email', 'tablet'])[1 + (g.r * 1000)::int % 5],
       (g.at + 3600000) / 86400000, g.at
FROM (SELECT i, random() AS r,
             (ARRAY[0,1,2,3,4,5,6,7,7,8,8,8,9,9,9,9,10,10,10,10,10])[1 + floor(random() * 21)::int] AS score,
             floor(random() * $SURVEYS)::int AS survey,
             (extract(epoch FROM now()) * 1000)::bigint - $DAYS::bigint * 86400000
               + (i * ($DAYS::bigint * 86400000 / $PG_RESPONSES))::bigint AS at
      FROM generate_series(0, $PG_RESPONSES - 1) AS i) AS g
JOIN bench_surveys s ON s.n = g.survey;
DELETE FROM feedback_daily WHERE workspace_id = $PG_WS;
INSERT INTO feedback_daily (workspace_id, survey_id, day, channel, promoters, passives, detractors)
SELECT workspace_id, survey_id, day, channel, COUNT(*) FILTER (WHERE score >= 9),
       COUNT(*) FILTER (WHERE score BETWEEN 7 AND 8), COUNT(*) FILTER (WHERE score <= 6)
FROM feedback_responses WHERE workspace_id = $PG_WS GROUP BY workspace_id, survey_id, day, channel;
VACUUM ANALYZE feedback_responses;
VACUUM ANALYZE feedback_daily;
CHECKPOINT;
SQL
  PG_LOAD_SECONDS=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  read -r PAPI_P PAPI_PA PAPI_D _ < <(nps_totals "$STARTED_PORT" "$PG_TOKEN")
  log "(d') loaded in ${PG_LOAD_SECONDS}s; GET $NPS_PATH ($DURATION)"
  nps_wrk "$STARTED_PORT" "$PG_TOKEN"
  read -r P_RPS P_P50 P_P99 P_N P_BAD P_P95 <<<"$(result)"
  P_OTHER=$LAST_OTHER
  stop_pid "$STARTED_PID"
  # The roll-up query (server's shape) and the naive scan, timed by psql's \timing.
  pg_time() {  # runs sql ; prints "median-ms first-ms p/pa/d"
    { echo '\timing on'; for ((i = 0; i < $1; i++)); do echo "$2"; done; } |
      psql -X -A -t -v ON_ERROR_STOP=1 "$PG_URL" 2>&1 | python3 -c '
import re, statistics, sys
times, rows = [], []
for line in sys.stdin:
    m = re.match(r"Time: ([0-9.]+) ms", line)
    if m: times.append(float(m.group(1)))
    elif "|" in line: rows.append(line)
print("%.2f %.2f %s" % (statistics.median(times), times[0], rows[-1].strip()))'
  }
  FROM_MS=$((FROM_DAY * 86400000 - 3600000))
  TO_MS=$(((TO_DAY + 1) * 86400000 - 3600001))
  read -r PR_P50 PR_FIRST _ < <(pg_time 50 "SELECT SUM(p), SUM(pa), SUM(d), COUNT(*) FROM (SELECT d.day AS k, SUM(d.promoters) AS p, SUM(d.passives) AS pa, SUM(d.detractors) AS d FROM feedback_daily d WHERE d.workspace_id = $PG_WS AND d.day BETWEEN $FROM_DAY AND $TO_DAY GROUP BY 1) AS x;")
  read -r PV_P50 PV_FIRST PV_ROW < <(pg_time "$NAIVE_RUNS" "SELECT SUM(p), SUM(pa), SUM(d), COUNT(*) FROM (SELECT to_char(to_timestamp(day * 86400), 'YYYY-MM') AS month, COUNT(*) FILTER (WHERE score >= 9) AS p, COUNT(*) FILTER (WHERE score BETWEEN 7 AND 8) AS pa, COUNT(*) FILTER (WHERE score <= 6) AS d FROM feedback_responses WHERE workspace_id = $PG_WS AND received_at BETWEEN $FROM_MS AND $TO_MS GROUP BY 1) AS x;")
  IFS='|' read -r PV_P PV_PA PV_D _ <<<"$PV_ROW"
  if [[ "$PAPI_P $PAPI_PA $PAPI_D" == "$PV_P $PV_PA $PV_D" ]]; then
    PG_CONSISTENT="yes ($PV_P/$PV_PA/$PV_D)"
  else
    PG_CONSISTENT="**NO**: API $PAPI_P/$PAPI_PA/$PAPI_D, scan $PV_P/$PV_PA/$PV_D"
  fi

  # (e) survey submissions on PostgreSQL, next to PostgreSQL's own durable insert rate
  log "(e) PostgreSQL insert floor: pgbench, $CONNECTIONS clients, one transaction per row ($DURATION x 2)"
  "${PSQL[@]}" -c "CREATE TABLE floor_responses (LIKE feedback_responses INCLUDING ALL);
    CREATE TABLE floor_daily (LIKE feedback_daily INCLUDING ALL);"
  ROW_SQL="INSERT INTO floor_responses (workspace_id, survey_id, score, why, channel, day, received_at) VALUES (1, 1, :score, 'Snel geholpen, dank je wel (pgbench).', 'link', 20416, 1764000000000);"
  DAILY_SQL="INSERT INTO floor_daily (workspace_id, survey_id, day, channel, promoters, passives, detractors) VALUES (1, 1, 20416, 'link', CASE WHEN :score >= 9 THEN 1 ELSE 0 END, CASE WHEN :score IN (7, 8) THEN 1 ELSE 0 END, CASE WHEN :score <= 6 THEN 1 ELSE 0 END) ON CONFLICT (workspace_id, survey_id, day, channel) DO UPDATE SET promoters = floor_daily.promoters + excluded.promoters, passives = floor_daily.passives + excluded.passives, detractors = floor_daily.detractors + excluded.detractors;"
  printf '%s\n%s\n' '\set score random(0, 10)' "$ROW_SQL" >"$WORK/pg-insert.sql"
  printf '%s\nBEGIN;\n%s\n%s\nCOMMIT;\n' '\set score random(0, 10)' "$ROW_SQL" "$DAILY_SQL" \
    >"$WORK/pg-insert-rollup.sql"
  pgbench_run() {  # script; prints "tps latency-average-ms transactions"
    measured pgbench -n -M prepared -c "$CONNECTIONS" -j "$WRK_THREADS" -T "${DURATION%s}" -f "$1" "$PG_URL"
    awk '/^tps = / { tps = $3 } /^latency average/ { lat = $4 } /transactions actually processed/ { n = $NF }
         END { printf "%.0f %s %s\n", tps, lat, n }' <<<"$LAST_OUT"
  }
  pgbench_run "$WORK/pg-insert.sql" >"$WORK/pgbench-insert.out"
  read -r PF_RPS PF_LAT PF_N <"$WORK/pgbench-insert.out"
  PF_OTHER=$LAST_OTHER
  pgbench_run "$WORK/pg-insert-rollup.sql" >"$WORK/pgbench-rollup.out"
  read -r PU_RPS PU_LAT PU_N <"$WORK/pgbench-rollup.out"
  PU_OTHER=$LAST_OTHER
  start_aantafel "$PG_URL" "$WORK/aantafel-pg-submit.log"
  read -r _ PG_SURVEY_TOKEN < <(create_survey "$STARTED_PORT" "$PG_TOKEN" '{"name":"Bench PG","team":"Team A"}')
  PG_SUBMIT_URL="http://127.0.0.1:$STARTED_PORT/f/$PG_SURVEY_TOKEN"
  pg_rows() { "${PSQL[@]}" -At -c "SELECT COUNT(*) FROM feedback_responses"; }
  log "(e) aantafel on PostgreSQL: POST /f/{token} ($WARMUP warm-up, $DURATION measured)"
  "${WRK_POST[@]/-d$DURATION/-d$WARMUP}" "$PG_SUBMIT_URL" >/dev/null
  PG_ROWS_BEFORE=$(pg_rows)
  measured "${WRK_POST[@]}" "$PG_SUBMIT_URL"
  sleep 0.5
  PS_ROWS=$(( $(pg_rows) - PG_ROWS_BEFORE ))
  read -r PS_RPS PS_P50 PS_P99 PS_N PS_BAD PS_STATUSES <<<"$(result)"
  PS_OTHER=$LAST_OTHER
  PG_SERVER_ERRORS=$(grep -c -i -E 'error|warn' "$WORK/aantafel-pg-submit.log" || true)
  stop_pid "$STARTED_PID"
  PG_VERSION=$("$PGBIN/postgres" --version | awk '{print $3}')
  "${PG_CTL[@]}" -m fast stop >/dev/null 2>&1 || true
  PG_CTL=()
  PG_DONE=1
elif [[ "$PG" == 1 ]]; then
  PG_NOTE="PostgreSQL not measured: no /usr/lib/postgresql/*/bin or psql."
fi

# --- report --------------------------------------------------------------------------------------
ELAPSED=$(( $(date +%s) - SCRIPT_START ))
CPU=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$ROOT" status --porcelain -- . ':!docs/performance.md' 2>/dev/null | grep -c . || true)
SQLITE_VERSION=$(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)')
ms() { printf '%s' "$1"; }

cat <<EOF
### Cliëntfeedback load test, $START_TIME

- Command: \`${SKIP_BUILD:+SKIP_BUILD=$SKIP_BUILD }DURATION=$DURATION CONNECTIONS=$CONNECTIONS RESPONSES=$RESPONSES LISTENERS=$LISTENERS SUBMISSIONS=$SUBMISSIONS PG=$PG bash bench/feedback.sh\` (${ELAPSED}s)
- Commit: $COMMIT (release build in build/release; $DIRTY uncommitted file(s) in the work tree besides docs/performance.md)
- Machine: $CORES cores, ${CPU:-unknown CPU}, Linux $(uname -r); load average before: $LOAD_BEFORE
- Databases: SQLite (Python's sqlite3 module reports $SQLITE_VERSION) in \`$(realpath --relative-to="$ROOT" "$(dirname "$WORK")")/feedback-bench.*\` on $FS, the same disk for aantafel and the floor tool;
  aantafel with its defaults (io threads = cores, worker threads = max(16, 16 x cores), SQLite pool 8),
  \`AANTAFEL_LOG_LEVEL=warn\`, rate limits raised to 1,000,000/min
- **wrk and the servers share the $CORES cores** (no pinning). "other/steal %" is the machine's busy
  time not used by the processes of this script, and the hypervisor's steal, as % of all cores
  during that run; "!" marks runs above $MAX_OTHER%.

| Measure | Value | Floor | Ratio | other/steal % |
|---|---:|---:|---:|---:|
| Survey submissions \`POST /f/{token}\`, $CONNECTIONS connections, req/s | $S_RPS | $F_RPS (beast_floor, same wrk load) | $(ratio "$S_RPS" "$F_RPS") | $S_OTHER / $F_OTHER |
| same, req/s vs SQLite durable inserts/s (1 thread) | $S_RPS | $I_RPS (insert) / $U_RPS (insert + roll-up upsert) | $(ratio "$S_RPS" "$I_RPS") / $(ratio "$S_RPS" "$U_RPS") | $S_OTHER / $I_OTHER / $U_OTHER |
| aantafel's cheapest route \`GET /healthz\`, same load, req/s (the HTTP layer's own ceiling) | $H_RPS | $F_RPS (beast_floor) | $(ratio "$H_RPS" "$F_RPS") | $H_OTHER / $F_OTHER |
| Submission latency p50 / p99 ms | $S_P50 / $S_P99 | $F_P50 / $F_P99 (beast_floor) | $(ratio "$S_P50" "$F_P50") / $(ratio "$S_P99" "$F_P99") | |
| Commit latency of one response, p50 / p99 ms (floor tool) | | $I_P50 / $I_P99 (insert), $U_P50 / $U_P99 (+ upsert) | | |
| Submissions not answered 201 (statuses) | $S_BAD (${S_STATUSES}) of $S_N | $F_BAD (${F_STATUSES}) non-200 of $F_N | | |
| Rows stored during the measured run vs 201s counted by wrk | $S_ROWS vs $S_N | | | |
| Submit-to-live-feed latency p50 / p99 / max ms ($LISTENERS listeners) | $L_P50 / $L_P99 / $L_MAX | $L_POST (POST round trip p50) | $(ratio "$L_P50" "$L_POST") | $L_OTHER |
| Live-feed events received / expected; submissions not answered 201 | $L_GOT / $L_WANT; $L_BAD | | | |
| NPS \`group_by=month\`, 365 days, $RESPONSES responses (SQLite), p50 / p95 / p99 ms | $N_P50 / $N_P95 / $N_P99 | $R_P50 / $R_P99 (roll-up SQL alone) | $(ratio "$N_P50" "$R_P50") | $N_OTHER |
| NPS requests/s ($NPS_CONNECTIONS connection(s)), non-200 | $N_RPS, $N_BAD of $N_N | | | |
EOF
if [[ "$SMALL_DONE" == 1 ]]; then
  cat <<EOF
| NPS \`group_by=month\`, 365 days, $SMALL_RESPONSES responses (SQLite), p50 / p95 / p99 ms | $M_P50 / $M_P95 / $M_P99 | $MR_P50 / $MR_P99 (roll-up SQL alone) | $(ratio "$M_P50" "$MR_P50") | $M_OTHER |
| NPS requests/s at $SMALL_RESPONSES, non-200 | $M_RPS, $M_BAD of $M_N | | | |
EOF
fi
cat <<EOF
| Naive scan of feedback_responses for the same counts, median / max / first ms | $V_P50 / $V_P99 / $V_FIRST | $R_P50 (roll-up SQL; first run $R_FIRST) | $(ratio "$V_P50" "$R_P50") | |
EOF
if [[ "$PG_DONE" == 1 ]]; then
  cat <<EOF
| NPS \`group_by=month\`, 365 days, $PG_RESPONSES responses (PostgreSQL $PG_VERSION), p50 / p95 / p99 ms | $P_P50 / $P_P95 / $P_P99 | $PR_P50 (roll-up SQL alone, median via psql) | $(ratio "$P_P50" "$PR_P50") | $P_OTHER |
| PostgreSQL NPS requests/s, non-200 | $P_RPS, $P_BAD of $P_N | | | |
| PostgreSQL naive scan, median / first ms | $PV_P50 / $PV_FIRST | $PR_P50 (roll-up SQL; first run $PR_FIRST) | $(ratio "$PV_P50" "$PR_P50") | |
| Survey submissions on PostgreSQL, $CONNECTIONS connections, req/s | $PS_RPS | $F_RPS (beast_floor, same wrk load) | $(ratio "$PS_RPS" "$F_RPS") | $PS_OTHER / $F_OTHER |
| same vs PostgreSQL durable inserts/s (pgbench, $CONNECTIONS clients, one transaction per row) | $PS_RPS | $PF_RPS (insert) / $PU_RPS (insert + roll-up upsert) | $(ratio "$PS_RPS" "$PF_RPS") / $(ratio "$PS_RPS" "$PU_RPS") | $PS_OTHER / $PF_OTHER / $PU_OTHER |
| PostgreSQL submission latency p50 / p99 ms | $PS_P50 / $PS_P99 | $PF_LAT / $PU_LAT (pgbench average) | | |
| PostgreSQL submissions not answered 201 (statuses); rows stored vs 201s | $PS_BAD (${PS_STATUSES}) of $PS_N; $PS_ROWS vs $PS_N | | | |
EOF
fi
cat <<EOF

Notes:

- Floors: \`beast_floor PORT $FLOOR_THREADS\` answers every request with a fixed 200 JSON body; it is
  driven by the same wrk command and Lua script as aantafel. The SQLite floor is
  \`feedback_floor insert DB SECONDS [rollup]\`: one thread, one \`BEGIN IMMEDIATE … COMMIT\` per row
  shaped like feedback_responses (same columns, CHECK, UNIQUE and (workspace_id, received_at) index),
  \`journal_mode=WAL\`, \`synchronous=FULL\`; "rollup" adds the feedback_daily-shaped upsert that
  aantafel does in the same transaction. $I_N and $U_N commits in ${SECONDS_PER_RUN}s.
- Live feed: \`feedback_feed_latency.py\` opens $LISTENERS SSE streams with the bearer token, then
  posts $SUBMISSIONS answers one at a time (${PAUSE}s apart); latency = arrival of
  \`id: response-<id>\` on each stream minus the moment just before the POST was written. The POST
  round trip (which includes the durable commit) is the floor for that.
- NPS data: $SURVEYS surveys created through the API, $RESPONSES responses spread evenly over the
  last $DAYS days, 5 channels, seeded scores (\`feedback_floor load\`: one transaction,
  synchronous=OFF and journal_mode=OFF during the load only, then WAL/FULL again): ${LOAD_SECONDS}s;
  feedback_daily rebuilt with one \`INSERT … SELECT … GROUP BY\`: ${ROLLUP_SECONDS}s
  ($DAILY_ROWS rows, database $DB_SIZE MB). Period $FROM_DATE – $TO_DATE ($API_GROUPS month groups).
  Consistent: $CONSISTENT.
- The roll-up query alone is the server's SQL for \`group_by=month\` (per-day sums over
  feedback_daily, read from its covering index feedback_daily_by_day), timed in C++ over 50 runs. The naive scan counts
  promoters/passives/detractors per month straight from feedback_responses for the same period
  (using the (workspace_id, received_at) index), $NAIVE_RUNS runs; the database was just written,
  so it is in the page cache (warm).
EOF
if [[ "$PG_DONE" == 1 ]]; then
  cat <<EOF
- PostgreSQL $PG_VERSION: private cluster (initdb, shared_buffers=512MB, fsync on), $PG_RESPONSES
  responses from one \`INSERT … SELECT … FROM generate_series\` plus the roll-up
  \`INSERT … SELECT … GROUP BY\` and \`VACUUM ANALYZE\`: ${PG_LOAD_SECONDS}s. SQL timings are psql's
  \`\\timing\` (client round trip included). Consistent: $PG_CONSISTENT.
- PostgreSQL submissions: aantafel with its default pool (8 connections) against the same cluster
  (synchronous_commit on); the answers of one batch are stored with one multi-row INSERT (group
  commit, decision 32). The floor is \`pgbench -M prepared -c $CONNECTIONS -j $WRK_THREADS\` inserting rows
  shaped like feedback_responses (a \`LIKE … INCLUDING ALL\` copy: same columns, CHECK and
  indexes, no foreign keys), one transaction per row, without and with the roll-up upsert
  ($PF_N and $PU_N transactions); PostgreSQL itself already flushes concurrent commits together.
  aantafel logged $PG_SERVER_ERRORS warning/error line(s) during that run.
- On the PostgreSQL rows "other" includes PostgreSQL's own server processes (they are not tracked
  per process here), so a "!" there is expected and not a disturbance.
EOF
fi
[[ -n "$PG_NOTE" ]] && echo "- $PG_NOTE"
if [[ "$SERVER_ERRORS" -gt 0 ]]; then
  echo "- aantafel logged $SERVER_ERRORS warning/error line(s) during the submission runs, e.g.:"
  echo
  echo '```'
  printf '%s\n' "$SERVER_ERROR_SAMPLE"
  echo '```'
else
  echo "- aantafel logged no warnings or errors during the submission runs."
fi
cat <<EOF

Commands:

\`\`\`
beast_floor PORT $FLOOR_THREADS
EXPECT_STATUS=200 wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/feedback_submit.lua http://127.0.0.1:PORT/f/TOKEN
feedback_floor insert \$WORK/floor.db $SECONDS_PER_RUN [rollup]
aantafel --database sqlite:\$WORK/submit.db serve     # AANTAFEL_SERVER_LISTEN=127.0.0.1:PORT
wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/feedback_submit.lua http://127.0.0.1:PORT/f/TOKEN
python3 bench/feedback_feed_latency.py --port PORT --slug bench --token \$TOKEN --survey-token TOKEN --listeners $LISTENERS --submissions $SUBMISSIONS --pause $PAUSE
feedback_floor load \$WORK/nps.db WORKSPACE_ID $RESPONSES $DAYS $SEED
wrk -t1 -c$NPS_CONNECTIONS -d$DURATION --latency -s bench/feedback_nps.lua -H "Authorization: Bearer \$TOKEN" "http://127.0.0.1:PORT$NPS_PATH"
feedback_floor query \$WORK/nps.db WORKSPACE_ID $FROM_DAY $TO_DAY 50 rollup
feedback_floor query \$WORK/nps.db WORKSPACE_ID $FROM_DAY $TO_DAY $NAIVE_RUNS naive
\`\`\`
EOF
