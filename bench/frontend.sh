#!/usr/bin/env bash
# Front end: bytes on the wire and load timings of four pages in Chromium — the public survey page
# (/f/{token}, server-rendered), the login page, the workspace overview and the Cliëntfeedback
# dashboard (both signed in). Starts `aantafel serve` with the demo workspace on a free loopback
# port, serving the built web app (web/dist), and runs bench/frontend.mjs against it.
# Prints a Markdown report on stdout; progress goes to stderr. Takes about a minute.
#
#   bash bench/frontend.sh                     # uses build/release/aantafel as it is (no build)
#   RUNS=5 BIN=build/debug/aantafel bash bench/frontend.sh > frontend.md
#
# What it measures (see the "Notes" in the report):
#   (a) one cold load per page (cache disabled, fresh browser context): bytes transferred split
#       into HTML / JS / CSS / other, the number of requests, and the gzip -9 size of each JS and
#       CSS file; the survey page against its target (≤ 20 KB transferred without cache)
#   (b) RUNS cold loads per page on a throttled mobile profile (Lighthouse's "Slow 4G" numbers,
#       CPU slowed 4×, 412×823 touch screen): TTFB, FCP, LCP, DOMContentLoaded, load, TBT, CLS;
#       the medians are reported
#
# Needs node (≥ 20), playwright-core in tests/e2e/node_modules (`cd tests/e2e && npm ci`), Debian's
# Chromium and the built web app (web/dist; built here with `npm run build` when it is missing).
#
# Environment (all optional):
#   BIN=build/release/aantafel   server binary (relative to the repository root or absolute);
#                                falls back to build/debug/aantafel when the release one is missing
#   RUNS=3                       throttled cold loads per page
#   AANTAFEL_CHROMIUM=/usr/bin/chromium
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS_GIVEN=${RUNS:+1} BIN_GIVEN=${BIN:+1}
RUNS=${RUNS:-3}
CHROMIUM=${AANTAFEL_CHROMIUM:-/usr/bin/chromium}
log() { printf '[frontend] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

BIN=${BIN:-build/release/aantafel}
[[ "$BIN" == /* ]] || BIN="$ROOT/$BIN"
if [[ ! -x "$BIN" && -z "${BIN_GIVEN:-}" && "$BIN" == "$ROOT/build/release/aantafel" ]]; then
  log "no $BIN; using build/debug/aantafel"
  BIN="$ROOT/build/debug/aantafel"
fi
[[ -x "$BIN" ]] || die "no server binary $BIN (build a preset or set BIN)"
for tool in node curl python3; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
[[ -x "$CHROMIUM" ]] || die "no Chromium at $CHROMIUM (set AANTAFEL_CHROMIUM)"
[[ -d "$ROOT/tests/e2e/node_modules/playwright-core" ]] ||
  die "playwright-core is missing: run \`npm ci\` in tests/e2e"
if [[ ! -f "$ROOT/web/dist/index.html" ]]; then
  log "web/dist is missing; building the web app (npm run build)"
  (cd "$ROOT/web" && npm run build >&2)
fi
COMMAND="bash bench/frontend.sh"
[[ -z "$RUNS_GIVEN" ]] || COMMAND="RUNS=$RUNS $COMMAND"
[[ -z "$BIN_GIVEN" ]] || COMMAND="BIN=${BIN#"$ROOT/"} $COMMAND"

# --- server: demo workspace in a fresh SQLite database --------------------------------------------
WORK=$(mktemp -d -t aantafel-frontend.XXXXXX)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export LANG=C.UTF-8
export AANTAFEL_SECURITY_DATA_KEY_FILE="$WORK/aantafel.key"
export AANTAFEL_LOG_LEVEL=warn
export AANTAFEL_SERVER_STATIC_DIR="$ROOT/web/dist"
# One login and a dozen survey views from one address: the limits are not under test.
export AANTAFEL_SECURITY_LOGIN_ATTEMPTS_PER_IP_PER_MINUTE=1000
export AANTAFEL_FEEDBACK_VIEWS_PER_ADDRESS_PER_MINUTE=1000000
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
DATABASE="sqlite:$WORK/db.sqlite"

log "server ${BIN#"$ROOT/"}; demo workspace in $WORK"
(cd "$WORK" && "$BIN" --database "$DATABASE" demo >/dev/null 2>"$WORK/demo.log") ||
  { cat "$WORK/demo.log" >&2; die "aantafel demo failed"; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
(cd "$WORK" && AANTAFEL_SERVER_LISTEN="127.0.0.1:$PORT" AANTAFEL_SERVER_PUBLIC_URL="$BASE" \
  exec "$BIN" --database "$DATABASE" serve >"$WORK/serve.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 300); do
  kill -0 "$server_pid" 2>/dev/null || { cat "$WORK/serve.log" >&2; die "aantafel serve exited"; }
  curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "$BASE/healthz" >/dev/null || { cat "$WORK/serve.log" >&2; die "aantafel did not start"; }
log "listening on $BASE"

# --- the browser part ---------------------------------------------------------------------------
started=$(date +%s)
node "$ROOT/bench/frontend.mjs" --base "$BASE" --runs "$RUNS" --chromium "$CHROMIUM" --command "$COMMAND"
log "done in $(( $(date +%s) - started )) s"
