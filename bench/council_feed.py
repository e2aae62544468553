#!/usr/bin/env python3
"""A stand-in for Open Besluitvorming's export for bench/council_sync.sh: one council ("soest")
with DOCUMENTS documents and one meeting per 40 documents (with an agenda item per document),
served as snapshot pages of PAGE records in the published shape (x-next-cursor, x-has-more,
x-changes-cursor), and an empty change feed. Seeded, so every run serves the same feed.
Usage: council_feed.py PORT DOCUMENTS PAGE"""
import bisect, json, random, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

port, documents, page = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(26)
WORDS = ["beschermd", "wonen", "jeugdhulp", "begroting", "wmo", "mantelzorg", "armoede",
         "schuldhulp", "wijkteam", "dagbesteding", "huishoudelijke", "ondersteuning", "sport",
         "preventie", "eenzaamheid", "inkoop", "regio", "evaluatie", "motie", "raadsvoorstel"]

# Words that stand in few titles (about one in 500), as a specific subject does in real councils.
RARE = ["verordening", "doordecentralisatie", "kindpakket", "statushouders", "laaggeletterdheid"]

def title():
    words = [rng.choice(WORDS) for _ in range(rng.randint(3, 8))]
    if rng.random() < 0.002:
        words.append(rng.choice(RARE))
    return " ".join(words).capitalize()

records = []
for n in range(documents):
    meeting = n // 40
    records.append({"seq": len(records), "op": "upsert", "time": "2026-11-10T02:00:00.000Z",
        "entity_id": "document:notubiz:gemeente:soest:%06d" % n, "entity_type": "Document",
        "source_key": "soest", "supplier": "notubiz",
        "commit_id": "commit:document:notubiz:gemeente:soest:%06d:0123456789ab" % n,
        "content_hash": "sha256:" + "%064x" % n, "schema_version": "v1alpha1",
        "payload": {"type": "Document", "name": title(), "classification": ["Raadsvoorstel"],
            "original_url": "https://api.notubiz.nl/document/%d/1" % n,
            "content_type": "application/pdf", "date_modified": "2026-11-09T14:03:00Z",
            "is_referenced_by": "meeting:notubiz:gemeente:soest:%06d" % meeting, "media_urls": []}})
for m in range((documents + 39) // 40):
    items = [{"id": "agenda_item:notubiz:gemeente:soest:%06d" % n, "title": title(),
              "description": title(), "number": str(i + 1), "order": i + 1,
              "documents": [{"id": "document:notubiz:gemeente:soest:%06d" % n, "name": title(),
                             "original_url": "https://api.notubiz.nl/document/%d/1" % n}],
              "agenda_items": []}
             for i, n in enumerate(range(m * 40, min(documents, m * 40 + 40)))]
    records.append({"seq": len(records), "op": "upsert", "time": "2026-11-10T02:00:00.000Z",
        "entity_id": "meeting:notubiz:gemeente:soest:%06d" % m, "entity_type": "Meeting",
        "source_key": "soest", "supplier": "notubiz", "schema_version": "v1alpha1",
        "payload": {"type": "Meeting", "name": "Commissie Samenleving", "status": "EventConfirmed",
            "location": "Raadzaal", "start_date": "2026-12-%02dT18:30:00Z" % (1 + m % 28),
            "agenda": items}})
records.sort(key=lambda r: r["entity_id"])
lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records]
ids = [r["entity_id"] for r in records]
head = str(len(records))
status = json.dumps({"generatedAt": "2026-11-18T09:00:00.000Z", "windowHours": 36,
    "suppliers": [{"supplier": "notubiz", "state": "ok"}],
    "sources": [{"sourceKey": "soest", "label": "Soest", "supplier": "notubiz",
                 "organizationType": "gemeente", "cbsId": "GM0342", "state": "ok"}]}).encode()

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def send(self, body, headers):
        self.send_response(200)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        url = urlparse(self.path)
        q = {k: v[0] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        if url.path == "/api/status":
            return self.send(status, {"Content-Type": "application/json"})
        if url.path == "/api/export/snapshot":
            cursor = q.get("cursor", "")
            start = bisect.bisect_right(ids, cursor)
            chunk = lines[start:start + page]
            nxt = ids[start + len(chunk) - 1] if chunk else cursor
            return self.send("".join(chunk).encode(), {"Content-Type": "application/x-ndjson",
                "x-next-cursor": nxt, "x-has-more": "true" if start + page < len(ids) else "false",
                "x-changes-cursor": head})
        if url.path == "/api/export/changes":
            return self.send(b"", {"Content-Type": "application/x-ndjson",
                "x-next-cursor": q.get("cursor", head), "x-has-more": "false"})
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
