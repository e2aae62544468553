#!/usr/bin/env python3
"""Submit-to-live-feed latency for bench/feedback.sh (standard library only).

Opens LISTENERS Server-Sent-Event connections to GET /api/v1/workspaces/SLUG/feedback/stream
with a bearer token, then sends SUBMISSIONS survey answers one after another (POST /f/TOKEN,
JSON, keep-alive, PAUSE seconds between them). For every submission it takes the time just
before the POST is written, and for every listener the time the event line
"id: response-<id>" arrives; the latency is the difference, one value per (submission,
listener). Prints, on stdout:

  RESULT <p50 ms> <p99 ms> <max ms> <received> <expected> <post p50 ms> <non-201>

Progress and problems go to stderr. The exit status is 0 even when receipts are missing (the
report shows received vs expected)."""

import argparse
import json
import re
import select
import socket
import sys
import threading
import time

EVENT_ID = re.compile(rb"^id: response-(\d+)\r?$", re.M)


def log(msg):
    print(f"[feedback_feed_latency] {msg}", file=sys.stderr, flush=True)


def percentile(values, p):
    if not values:
        return 0.0
    values = sorted(values)
    index = int(round(p / 100.0 * (len(values) - 1)))
    return values[min(index, len(values) - 1)]


class Listener:
    """One SSE connection: decodes HTTP/1.1 chunked framing and finds event ids."""

    def __init__(self, host, port, slug, token):
        self.sock = socket.create_connection((host, port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        request = (
            f"GET /api/v1/workspaces/{slug}/feedback/stream HTTP/1.1\r\n"
            f"Host: {host}:{port}\r\nAuthorization: Bearer {token}\r\n"
            "Accept: text/event-stream\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        self.raw = b""
        self.headers_done = False
        self.chunked = False
        self.status = None
        self.payload = b""  # decoded body not yet scanned for complete lines
        self.arrivals = {}  # response id -> perf_counter at arrival

    def feed(self, data, now):
        self.raw += data
        if not self.headers_done:
            end = self.raw.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.raw[:end].decode("latin-1")
            self.raw = self.raw[end + 4:]
            self.status = int(head.split(" ", 2)[1])
            self.chunked = "transfer-encoding: chunked" in head.lower()
            self.headers_done = True
        if self.chunked:
            while True:
                line_end = self.raw.find(b"\r\n")
                if line_end < 0:
                    break
                size = int(self.raw[:line_end].split(b";")[0], 16)
                if len(self.raw) < line_end + 2 + size + 2:
                    break
                self.payload += self.raw[line_end + 2:line_end + 2 + size]
                self.raw = self.raw[line_end + 2 + size + 2:]
        else:
            self.payload += self.raw
            self.raw = b""
        cut = self.payload.rfind(b"\n")
        if cut < 0:
            return
        complete, self.payload = self.payload[:cut + 1], self.payload[cut + 1:]
        for match in EVENT_ID.finditer(complete):
            self.arrivals.setdefault(int(match.group(1)), now)


def reader(listeners, stop):
    by_fd = {l.sock.fileno(): l for l in listeners}
    poller = select.poll()
    for fd in by_fd:
        poller.register(fd, select.POLLIN)
    while not stop.is_set():
        for fd, _ in poller.poll(50):
            now = time.perf_counter()
            data = by_fd[fd].sock.recv(65536)
            if not data:
                poller.unregister(fd)
                log(f"a listener was closed by the server (status {by_fd[fd].status})")
                continue
            by_fd[fd].feed(data, now)


class Poster:
    """Keep-alive HTTP/1.1 client for POST /f/TOKEN with a JSON body."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.sock = None
        self.buf = b""

    def post(self, path, body):
        if self.sock is None:
            self.sock = socket.create_connection((self.host, self.port))
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.buf = b""
        data = body.encode()
        request = (
            f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            "Content-Type: application/json\r\nAccept: application/json\r\n"
            f"Content-Length: {len(data)}\r\n\r\n"
        ).encode() + data
        self.sock.sendall(request)
        while b"\r\n\r\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("server closed the submission connection")
            self.buf += chunk
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        head = head.decode("latin-1")
        status = int(head.split(" ", 2)[1])
        length = 0
        close = False
        for line in head.split("\r\n")[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
            if name.strip().lower() == "connection" and "close" in value.lower():
                close = True
        while len(self.buf) < length:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("short response body")
            self.buf += chunk
        body, self.buf = self.buf[:length], self.buf[length:]
        if close:
            self.sock.close()
            self.sock = None
        return status, body


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--slug", required=True)
    parser.add_argument("--token", required=True, help="API bearer token")
    parser.add_argument("--survey-token", required=True, help="the {token} of /f/{token}")
    parser.add_argument("--listeners", type=int, default=100)
    parser.add_argument("--submissions", type=int, default=300)
    parser.add_argument("--pause", type=float, default=0.02, help="seconds between submissions")
    parser.add_argument("--wait", type=float, default=5.0,
                        help="seconds to wait for late events after the last submission")
    args = parser.parse_args()

    listeners = [Listener(args.host, args.port, args.slug, args.token)
                 for _ in range(args.listeners)]
    stop = threading.Event()
    thread = threading.Thread(target=reader, args=(listeners, stop), daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not all(l.headers_done for l in listeners):
        if time.monotonic() > deadline:
            stop.set()
            log("not every listener got its response headers within 10 s")
            sys.exit(1)
        time.sleep(0.01)
    bad = [l.status for l in listeners if l.status != 200]
    if bad:
        stop.set()
        log(f"stream answered {bad[0]} on {len(bad)} listeners")
        sys.exit(1)
    time.sleep(0.5)  # let every stream be registered with the hub
    log(f"{len(listeners)} listeners open; sending {args.submissions} submissions")

    poster = Poster(args.host, args.port)
    sent = {}  # response id -> perf_counter just before the POST
    post_ms = []
    non201 = 0
    for i in range(args.submissions):
        body = json.dumps({"score": i % 11, "why": f"Live-feed meting {i}: snel geholpen."})
        t0 = time.perf_counter()
        status, response = poster.post(f"/f/{args.survey_token}", body)
        post_ms.append((time.perf_counter() - t0) * 1000)
        if status != 201:
            non201 += 1
            log(f"submission {i}: {status} {response[:200]!r}")
        else:
            sent[json.loads(response)["id"]] = t0
        time.sleep(args.pause)

    expected = len(sent) * len(listeners)
    deadline = time.monotonic() + args.wait
    while time.monotonic() < deadline:
        if sum(sum(1 for i in l.arrivals if i in sent) for l in listeners) >= expected:
            break
        time.sleep(0.05)
    stop.set()
    thread.join()
    latencies = [(l.arrivals[i] - t0) * 1000 for l in listeners for i, t0 in sent.items()
                 if i in l.arrivals]
    for l in listeners:
        l.sock.close()
    print("RESULT %.2f %.2f %.2f %d %d %.2f %d" % (
        percentile(latencies, 50), percentile(latencies, 99), max(latencies, default=0.0),
        len(latencies), args.submissions * len(listeners), percentile(post_ms, 50), non201))


if __name__ == "__main__":
    main()
