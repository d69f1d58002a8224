"""A remote action node for Parley's `remote` action, in Python with Flask (see docs/flows.md, "remote").

    LOYALTY_SIGNING_SECRET=… python3 -m flask --app loyalty run --port 9100

Flow node:
    loyalty:
      action: remote
      with: { url: "{{env.loyalty_url}}/actions/loyalty", signing_secret: "{{env.loyalty_signing_secret}}",
              program: stars }
      save: loyalty
      on: { success: tell_points, not_member: offer, no_email: ask_email, error: sorry }
"""
import hashlib
import hmac
import os
import time

from flask import Flask, abort, request

app = Flask(__name__)
SECRET = os.environ["LOYALTY_SIGNING_SECRET"].encode()
POINTS = {"carla@example.com": 1200, "ada@example.com": 80}


def verify(raw: bytes, header: str) -> None:
    """Parley-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    t, sent = fields.get("t", ""), fields.get("v1", "")
    expected = hmac.new(SECRET, t.encode() + b"." + raw, hashlib.sha256).hexdigest()
    if not t.isdigit() or abs(time.time() - int(t)) > 300 or not hmac.compare_digest(expected, sent):
        abort(401)


@app.post("/actions/loyalty")
def loyalty():
    verify(request.get_data(), request.headers.get("Parley-Signature", ""))
    call = request.get_json()
    email = call["contact"].get("email")
    if not email:
        return {"outcome": "no_email"}
    points = POINTS.get(email.lower())
    if points is None:
        return {"outcome": "not_member"}
    tier = "gold" if points >= 1000 else "silver"
    return {"outcome": "success", "data": {"points": points, "tier": tier,
                                           "program": call["params"].get("program", "stars")}}
