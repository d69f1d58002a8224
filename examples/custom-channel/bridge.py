#!/usr/bin/env python3
"""A terminal bridged to a Parley custom channel (docs/custom-channel.md), with the standard library only.

What you type is posted to the channel's webhook as a contact's message, signed with the channel's token.
What Parley sends (bots, flows, operators) arrives at this script's own HTTP endpoint, is checked (signature,
time, idempotency key) and printed. A choice prints as its numbered text; answer with the number, or type an
option's label to send it as a click.

Environment:
  PARLEY_WEBHOOK_URL    the channel's webhook, such as http://127.0.0.1:8080/channels/terminal/webhook
  CUSTOM_CHANNEL_TOKEN  the channel's token (the value of its token_env variable in parley.yml)
  BRIDGE_PORT           where Parley's outbound_url points: http://127.0.0.1:<port>/parley (default 8090)
  BRIDGE_USER_ID, BRIDGE_USER_NAME   who is typing (default: terminal, Terminal user)
"""
import hashlib
import hmac
import itertools
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WEBHOOK = os.environ["PARLEY_WEBHOOK_URL"]
TOKEN = os.environ["CUSTOM_CHANNEL_TOKEN"].encode()
PORT = int(os.environ.get("BRIDGE_PORT", "8090"))
USER = {"id": os.environ.get("BRIDGE_USER_ID", "terminal"), "name": os.environ.get("BRIDGE_USER_NAME", "Terminal user")}
TOLERANCE = 300  # seconds, as Parley allows

seen = {}             # Idempotency-Key -> the id we answered: a retry of a send we took is not shown twice
last_options = []     # the options of the last choice shown: [{"id": <token>, "label": ...}]
ids = itertools.count(1)
lock = threading.Lock()


def sign(body: bytes, t: int) -> str:
    """Parley-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">."""
    return f"t={t},v1=" + hmac.new(TOKEN, str(t).encode() + b"." + body, hashlib.sha256).hexdigest()


def verified(body: bytes, header: str) -> bool:
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    t, given = fields.get("t", ""), fields.get("v1", "")
    if not t.isdigit() or abs(time.time() - int(t)) > TOLERANCE:
        return False
    expected = hmac.new(TOKEN, t.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, given)


class FromParley(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path != "/parley":
            return self.answer(404, {"error": {"code": "not_found", "message": self.path}})
        if not verified(body, self.headers.get("Parley-Signature", "")):
            return self.answer(401, {"error": {"code": "bad_signature", "message": "Parley-Signature is not valid"}})
        key = self.headers.get("Idempotency-Key", "")
        if not key:
            return self.answer(400, {"error": {"code": "no_idempotency_key", "message": "Idempotency-Key is required"}})
        sent = json.loads(body)
        with lock:
            if key not in seen:
                seen[key] = f"bridge-{next(ids)}"
                options = sent["packet"]["payload"].get("options")
                if options:
                    last_options[:] = options
                print(f"Parley: {sent['text']}", flush=True)
            answer = seen[key]
        self.answer(200, {"id": answer})

    def answer(self, status, body):
        raw = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        # this server closes the connection after each answer (HTTP/1.0); saying so keeps HTTP/1.1 clients such as
        # Parley's from sending the next request on a connection that is being closed
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args):
        pass


def to_parley(line: str) -> None:
    """Posts what was typed: a click when it is an option's label, else a message (a number answers a choice)."""
    with lock:
        option = next((o for o in last_options if o["label"].casefold() == line.casefold()), None)
    packet = ({"name": "click", "payload": {"value": {"id": option["id"], "label": option["label"]}}} if option
              else {"name": "message", "payload": {"body": line}})
    call = {"id": str(uuid.uuid4()), "user": USER,
            "sent_at": datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z"),
            "packet": packet}
    body = json.dumps(call).encode()
    request = urllib.request.Request(WEBHOOK, data=body, method="POST", headers={
        "Content-Type": "application/json", "Parley-Signature": sign(body, int(time.time()))})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            response.read()
    except urllib.error.HTTPError as e:
        print(f"(Parley refused it: HTTP {e.code} {e.read().decode(errors='replace')})", flush=True)
    except urllib.error.URLError as e:
        print(f"(Parley cannot be reached: {e.reason})", flush=True)


def main():
    server = ThreadingHTTPServer(("127.0.0.1", PORT), FromParley)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"bridge ready: outbound_url http://127.0.0.1:{PORT}/parley", flush=True)
    for line in sys.stdin:
        if line.strip():
            to_parley(line.strip())
    server.shutdown()


if __name__ == "__main__":
    main()
