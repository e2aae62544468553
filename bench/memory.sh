#!/usr/bin/env bash
# Server memory: resident set size (VmRSS, and the peak VmHWM) of `aantafel serve` with the demo
# workspace, idle and while LISTENERS live-feed (Server-Sent Events) connections are open.
# Prints a Markdown table on stdout; progress goes to stderr.
#
#   bash bench/memory.sh                  # builds the release preset first
#   SKIP_BUILD=1 MEMORY_LISTENERS=1000 bash bench/memory.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$ROOT/build/release"
LISTENERS=${MEMORY_LISTENERS:-1000}
JOBS=${JOBS:-2}
log() { printf '[memory] %s\n' "$*" >&2; }

if [ -z "${SKIP_BUILD:-}" ]; then
  (cd "$ROOT" && cmake --preset release >/dev/null && cmake --build --preset release -j "$JOBS" --target aantafel) >&2
fi
BIN=${BIN:-$BUILD/aantafel}
[ -x "$BIN" ] || { log "no $BIN (build the release preset)"; exit 1; }

work=$(mktemp -d -t aantafel-memory.XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export AANTAFEL_DATABASE_URL="sqlite:$work/db.sqlite"
export AANTAFEL_SECURITY_DATA_KEY_FILE="$work/aantafel.key"
export AANTAFEL_LOG_LEVEL=warn
(cd "$work" && "$BIN" demo >/dev/null 2>&1)
token=$(cd "$work" && "$BIN" token create --user demo@aantafel.example --workspace demo 2>/dev/null | tr -d '\r\n')
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work" && exec "$BIN" serve --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 200); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.05
done

rss() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$server_pid/status"; }
# A few ordinary requests first, so "idle" means a server that has served, not a cold one.
for path in /healthz /api/v1/workspaces/demo/overview /api/v1/workspaces/demo/people; do
  curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path" >/dev/null
done
sleep 1
idle_rss=$(rss VmRSS)
log "idle: ${idle_rss} kB; opening $LISTENERS live-feed connections"

python3 - "$port" "$token" "$LISTENERS" "$server_pid" >"$work/open.txt" <<'PY'
import asyncio, sys
port, token, n, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
request = ("GET /api/v1/workspaces/demo/feedback/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
           f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n").encode()
def rss(key):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1])
async def main():
    streams, opened = [], 0
    for _ in range(n):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(request)
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
        if b" 200 " in head.split(b"\r\n", 1)[0]:
            opened += 1
        streams.append((reader, writer))
    await asyncio.sleep(2)
    print(opened, rss("VmRSS"), rss("VmHWM"))
    for _, w in streams:
        w.close()
asyncio.run(main())
PY
read -r opened open_rss peak_rss <"$work/open.txt"
sleep 1
after_rss=$(rss VmRSS)
log "with $opened open: ${open_rss} kB (peak ${peak_rss} kB); after closing: ${after_rss} kB"

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
echo "| Server memory (release, SQLite, demo workspace) | RSS MB | Target |"
echo "|---|---:|---:|"
echo "| idle, after a few requests | $(mb "$idle_rss") | ≤ 64 |"
echo "| with $opened open live-feed connections | $(mb "$open_rss") (peak $(mb "$peak_rss")) | ≤ 256 |"
echo "| after closing them | $(mb "$after_rss") | |"
