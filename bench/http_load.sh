#!/usr/bin/env bash
# HTTP load test of aantafel against the Beast "floor" (bench/beast_floor.cpp), plus the
# micro-benchmarks. Prints a Markdown report on stdout; progress goes to stderr.
#
#   bash bench/http_load.sh                 # build release preset, run everything (~5 min)
#   bash bench/http_load.sh > results.md
#
# Environment (all optional):
#   JOBS=1            parallel compile jobs for the release build
#   SKIP_BUILD=1      use the binaries already in build/release
#   CMAKE_ARGS=...    extra arguments for `cmake --preset release` (e.g. -DCMAKE_CXX_FLAGS=...)
#   DURATION=15s      wrk duration per measured run (a 3 s warm-up precedes each)
#   ROUNDS=3          rounds; each round runs every case once (interleaved), the report shows
#                     the median and the range of requests/s over the rounds
#   CONNECTIONS=32    wrk connections;  WRK_THREADS=2  wrk threads
#   FLOOR_THREADS=N   io threads of beast_floor (default: nproc, as aantafel's default)
#   HOP_WORKERS=N     worker threads of the "floor + worker-pool hop" case (default: as
#                     aantafel, max(16, 16 x nproc)); 0 skips that case
#   INFO_RUN=1        also measure aantafel with info-level access logging to a file (0: skip)
#   MICRO=1           run the micro-benchmarks (0: skip)
#   MAX_OTHER=10      a run during which other processes plus hypervisor steal took more than
#                     this % of the cores is repeated after RETRY_PAUSE=20 s, at most RETRIES=3
#                     times; if it stays busy the last run counts and is marked "!"
#
# Only loopback addresses are used; every run is bounded by DURATION.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$ROOT/build/release"
JOBS=${JOBS:-1}
DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
CORES=$(nproc)
FLOOR_THREADS=${FLOOR_THREADS:-$CORES}
HOP_WORKERS=${HOP_WORKERS:-$(( 4 * CORES > 4 ? 4 * CORES : 4 ))}
INFO_RUN=${INFO_RUN:-1}
MICRO=${MICRO:-1}
MAX_OTHER=${MAX_OTHER:-10}
RETRIES=${RETRIES:-3}
RETRY_PAUSE=${RETRY_PAUSE:-20}
WARMUP=3s

log() { printf '[http_load] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)"
command -v curl >/dev/null || die "curl is not installed"
[[ "$ROUNDS" -ge 1 ]] || die "ROUNDS must be at least 1"

# --- (a) build ---------------------------------------------------------------------------
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "configuring and building the release preset (-j $JOBS)"
  # shellcheck disable=SC2086  # CMAKE_ARGS is a word list on purpose
  (cd "$ROOT" && nice cmake --preset release ${CMAKE_ARGS:-} >&2)
  (cd "$ROOT" && nice cmake --build --preset release -j "$JOBS" \
      --target aantafel beast_floor aantafel_micro_bench >&2)
fi
AANTAFEL="$BUILD/aantafel"
FLOOR="$BUILD/bench/beast_floor"
MICRO_BENCH="$BUILD/bench/aantafel_micro_bench"
binaries=("$AANTAFEL" "$FLOOR")
[[ "$MICRO" == 1 ]] && binaries+=("$MICRO_BENCH")
for binary in "${binaries[@]}"; do
  [[ -x "$binary" ]] || die "missing $binary (build the release preset first)"
done

# --- (b) temporary database, demo workspace and API token --------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/aantafel-bench.XXXXXX")
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DB="sqlite:$WORK/bench.db"
log "creating demo data in $WORK/bench.db"
"$AANTAFEL" --database "$DB" demo >/dev/null
TOKEN=$("$AANTAFEL" --database "$DB" token create --user demo@aantafel.example --workspace demo)
[[ -n "$TOKEN" ]] || die "no API token"

# --- (c) servers (all started up front; idle ones cost nothing) -------------------------------
free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
  else
    local port
    while true; do
      port=$((20000 + RANDOM % 40000))
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
  fi
}

wait_for_port() {  # port pid
  local _
  for _ in $(seq 1 100); do
    kill -0 "$2" 2>/dev/null || return 1
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

STARTED_PORT=""
start_server() {  # logfile command... ; sets STARTED_PORT (the command gets PORT appended)
  local logfile=$1
  shift
  local port pid
  port=$(free_port)
  "$@" "$port" >/dev/null 2>"$logfile" &
  pid=$!
  PIDS+=("$pid")
  wait_for_port "$port" "$pid" || { cat "$logfile" >&2; die "$1 did not start"; }
  STARTED_PORT=$port
}

# `aantafel serve --listen 127.0.0.1:PORT` with the port appended by start_server.
aantafel_serve() {  # level port
  AANTAFEL_LOG_LEVEL="$1" exec "$AANTAFEL" --database "$DB" serve --listen "127.0.0.1:$2"
}
floor_serve() {  # workers port
  exec "$FLOOR" "$2" "$FLOOR_THREADS" "$1"
}

start_server "$WORK/floor.log" floor_serve 0
FLOOR_PORT=$STARTED_PORT
if [[ "$HOP_WORKERS" -gt 0 ]]; then
  start_server "$WORK/floor-hop.log" floor_serve "$HOP_WORKERS"
  HOP_PORT=$STARTED_PORT
fi
start_server "$WORK/aantafel-warn.log" aantafel_serve warn
WARN_PORT=$STARTED_PORT
if [[ "$INFO_RUN" == 1 ]]; then
  start_server "$WORK/aantafel-info.log" aantafel_serve info
  INFO_PORT=$STARTED_PORT
fi

# Sanity checks: every server answers 200 before we measure.
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[[ $(status "http://127.0.0.1:$FLOOR_PORT/") == 200 ]] || die "beast_floor does not answer 200"
for port in "$WARN_PORT" ${INFO_PORT:+"$INFO_PORT"}; do
  [[ $(status -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port/api/v1/workspaces/demo") \
       == 200 ]] || die "GET /api/v1/workspaces/demo with the API token does not answer 200"
done

# --- (d) wrk -------------------------------------------------------------------------------
# Latency printed by wrk ("812.00us", "1.23ms", "1.01s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
    printf "%.2f", n }'
}
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END {
  if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minmax() { tr ' ' '\n' | grep -v '^$' | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END {
  printf "%s-%s", lo, hi }'; }

# CPU accounting, to see whether anything else ran during a measurement: machine busy time
# (/proc/stat) minus the servers' and wrk's own CPU time, as % of all cores over the run; and
# the time the hypervisor gave to other guests (steal), which no process here sees.
HZ=$(getconf CLK_TCK)
busy_seconds() { awk -v hz="$HZ" '/^cpu / { print ($2 + $3 + $4 + $7 + $8) / hz; exit }' /proc/stat; }
steal_seconds() { awk -v hz="$HZ" '/^cpu / { print $9 / hz; exit }' /proc/stat; }
servers_seconds() {
  local pid total=0 ticks
  for pid in "${PIDS[@]}"; do
    ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + ticks))
  done
  awk -v t="$total" -v hz="$HZ" 'BEGIN { print t / hz }'
}
now_seconds() { date +%s.%N; }

declare -A RPS P50 P99 ERRS CMDS URLS HEADERS OTHER STEAL
run_wrk() {  # name
  local name=$1 url=${URLS[$1]} header=${HEADERS[$1]:-}
  local args=(-t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)
  local warm=(-t"$WRK_THREADS" -c"$CONNECTIONS" -d"$WARMUP")
  if [[ -n "$header" ]]; then
    args+=(-H "$header")
    warm+=(-H "$header")
  fi
  local out busy0 servers0 wall0 steal0 busy1 servers1 wall1 steal1 wrk_cpu other steal attempt
  for ((attempt = 0; ; attempt++)); do
    log "round $ROUND/$ROUNDS, $name: $url ($DURATION)"
    wrk "${warm[@]}" "$url" >/dev/null
    busy0=$(busy_seconds); servers0=$(servers_seconds); wall0=$(now_seconds); steal0=$(steal_seconds)
    wrk_cpu=$( { TIMEFORMAT='%U %S'; time wrk "${args[@]}" "$url" >"$WORK/wrk-$name-$ROUND.txt"; } 2>&1 )
    busy1=$(busy_seconds); servers1=$(servers_seconds); wall1=$(now_seconds); steal1=$(steal_seconds)
    other=$(awk -v b="$busy0 $busy1" -v s="$servers0 $servers1" -v w="$wall0 $wall1" \
      -v c="$wrk_cpu" -v cores="$CORES" 'BEGIN {
        split(b, B, " "); split(s, S, " "); split(w, W, " "); split(c, C, " ");
        other = (B[2] - B[1]) - (S[2] - S[1]) - (C[1] + C[2]);
        if (other < 0) other = 0;
        printf "%.0f", 100 * other / ((W[2] - W[1]) * cores) }')
    steal=$(awk -v a="$steal0" -v b="$steal1" -v w="$wall0 $wall1" -v cores="$CORES" \
      'BEGIN { split(w, W, " "); printf "%.0f", 100 * (b - a) / ((W[2] - W[1]) * cores) }')
    if (( other + steal <= MAX_OTHER || attempt >= RETRIES )); then break; fi
    log "  other CPU ${other}%, steal ${steal}%: something else is running; again in ${RETRY_PAUSE}s"
    sleep "$RETRY_PAUSE"
  done
  (( other + steal > MAX_OTHER )) && other="$other!"
  out=$(<"$WORK/wrk-$name-$ROUND.txt")
  OTHER[$name]+="$other "
  STEAL[$name]+="$steal "
  RPS[$name]+="$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out") "
  P50[$name]+="$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")") "
  P99[$name]+="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")") "
  local non2xx socket_errors
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
  socket_errors=$(awk '/Socket errors:/ {sub(/^ *Socket errors: */, ""); print}' <<<"$out")
  if [[ -n "$non2xx$socket_errors" ]]; then
    ERRS[$name]+="round $ROUND: ${non2xx:+non-2xx $non2xx }${socket_errors:+socket errors: $socket_errors}; "
  fi
  local shown=""
  [[ -n "$header" ]] && shown=" -H \"${header/Bearer */Bearer \$TOKEN}\""
  CMDS[$name]="wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION --latency$shown $url"
}

AUTH="Authorization: Bearer $TOKEN"
CASES=(floor)
URLS[floor]="http://127.0.0.1:$FLOOR_PORT/"
if [[ "$HOP_WORKERS" -gt 0 ]]; then
  CASES+=(floor_hop)
  URLS[floor_hop]="http://127.0.0.1:$HOP_PORT/"
fi
CASES+=(healthz workspace)
URLS[healthz]="http://127.0.0.1:$WARN_PORT/healthz"
URLS[workspace]="http://127.0.0.1:$WARN_PORT/api/v1/workspaces/demo"
HEADERS[workspace]=$AUTH
if [[ "$INFO_RUN" == 1 ]]; then
  CASES+=(workspace_info)
  URLS[workspace_info]="http://127.0.0.1:$INFO_PORT/api/v1/workspaces/demo"
  HEADERS[workspace_info]=$AUTH
fi

steal_ticks() { awk '/^cpu / { print $9; exit }' /proc/stat; }
total_ticks() { awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print t; exit }' /proc/stat; }
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STEAL_0=$(steal_ticks)
TOTAL_0=$(total_ticks)
for ((ROUND = 1; ROUND <= ROUNDS; ROUND++)); do
  for name in "${CASES[@]}"; do run_wrk "$name"; done
done
STEAL_PCT=$(awk -v s="$(( $(steal_ticks) - STEAL_0 ))" -v t="$(( $(total_ticks) - TOTAL_0 ))" \
  'BEGIN { if (t > 0) printf "%.1f", 100 * s / t; else print "0" }')
[[ "$INFO_RUN" == 1 ]] && INFO_LINES=$(wc -l <"$WORK/aantafel-info.log")

# --- (e) micro-benchmarks -------------------------------------------------------------------
if [[ "$MICRO" == 1 ]]; then
  log "micro-benchmarks"
  MICRO_OUT=$("$MICRO_BENCH" --benchmark_color=false --benchmark_min_time=0.5 2>&1)
fi

# --- (f) report -----------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
FLOOR_RPS=$(median <<<"${RPS[floor]}")
row() {  # label name
  local name=$2 rps
  rps=$(median <<<"${RPS[$name]}")
  printf '| %s | %.0f | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$rps" \
    "$(minmax <<<"${RPS[$name]}")" "$(median <<<"${P50[$name]}")" "$(median <<<"${P99[$name]}")" \
    "$(ratio "$rps" "$FLOOR_RPS")" "$(tr -s ' ' '/' <<<"${OTHER[$name]% }")" \
    "$(tr -s ' ' '/' <<<"${STEAL[$name]% }")" "${ERRS[$name]:-none}"
}
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)

cat <<EOF
### HTTP load test, $(date -u '+%Y-%m-%d %H:%M UTC')

- Machine: $CORES cores, ${cpu:-unknown CPU}, Linux $(uname -r); load average before the runs:
  $LOAD_BEFORE; CPU steal during the runs: ${STEAL_PCT}%
- **The servers under test and wrk share these $CORES cores** (no pinning); wrk's own CPU use
  lowers every figure, the floor's included.
- aantafel: \`AANTAFEL_LOG_LEVEL=warn aantafel --database sqlite:\$WORK/bench.db serve --listen
  127.0.0.1:PORT\` (defaults: io threads = cores, worker threads = max(16, 16 x cores), SQLite
  pool 8); floor: \`beast_floor PORT $FLOOR_THREADS\`
- $ROUNDS round(s), cases interleaved within each round, each run preceded by a $WARMUP warm-up;
  the table shows medians over the rounds and the range of requests/s. "other CPU %" is, per
  round, the machine's busy time not used by the servers or wrk (kernel softirq work that is
  not charged to a process counts here too); "steal %" is CPU time the hypervisor gave to other
  guests. Both per round, as % of all cores; runs above $MAX_OTHER% together were repeated
  (up to $RETRIES times), and "!" marks a run that stayed above it.

| Case | Requests/s | range | p50 ms | p99 ms | vs floor | other CPU % | steal % | Errors |
|---|---:|---:|---:|---:|---:|---:|---:|---|
EOF
row "floor: \`GET /\` (beast_floor)" floor
if [[ "$HOP_WORKERS" -gt 0 ]]; then
  row "floor + worker-pool hop: \`GET /\` (beast_floor, $HOP_WORKERS workers)" floor_hop
fi
row "aantafel: \`GET /healthz\` (public, no database)" healthz
row "aantafel: \`GET /api/v1/workspaces/demo\` + bearer token" workspace
if [[ "$INFO_RUN" == 1 ]]; then
  row "same, \`AANTAFEL_LOG_LEVEL=info\`, access log to a file ($INFO_LINES lines)" workspace_info
fi
echo
echo "Commands (one round):"
echo
echo '```'
echo "beast_floor PORT $FLOOR_THREADS"
echo "${CMDS[floor]}"
if [[ "$HOP_WORKERS" -gt 0 ]]; then
  echo "beast_floor PORT $FLOOR_THREADS $HOP_WORKERS"
  echo "${CMDS[floor_hop]}"
fi
echo "AANTAFEL_LOG_LEVEL=warn aantafel --database sqlite:\$WORK/bench.db serve --listen 127.0.0.1:PORT"
echo "${CMDS[healthz]}"
echo "${CMDS[workspace]}"
if [[ "$INFO_RUN" == 1 ]]; then
  echo "AANTAFEL_LOG_LEVEL=info aantafel --database sqlite:\$WORK/bench.db serve --listen 127.0.0.1:PORT 2>FILE"
  echo "${CMDS[workspace_info]}"
fi
echo '```'
if [[ "$MICRO" == 1 ]]; then
  echo
  echo "Micro-benchmarks (\`build/release/bench/aantafel_micro_bench --benchmark_min_time=0.5\`):"
  echo
  echo '```'
  printf '%s\n' "$MICRO_OUT"
  echo '```'
fi
