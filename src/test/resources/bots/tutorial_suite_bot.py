"""A bot written from the Userlike Chatbot API tutorial alone, the way a bot developer reads it.

It answers every webhook call with the events the tutorial describes, written as its examples
write them: ids as numbers where that comes naturally, phone numbers as people type them,
"link" for a media file (the tutorial's own word), "markdown" as a text format, a delay with
no parameters. The contact drives it with commands (the tutorial's "unique commands"); each
command answers with one or more events, and a message the contact must always get.

Like the tutorial's samples it answers 400 "Invalid packet name" to events it does not handle.
"""
import os
import time

from flask import Flask, request, jsonify

app = Flask(__name__)

OUTBOUND_AUTH_TOKEN = os.environ.get("OUTBOUND_AUTH_TOKEN", "suite-outbound-token")
SLOW_SECONDS = float(os.environ.get("SLOW_SECONDS", "2.5"))


def create_event(cid, packet_name, payload, context=None):
    info = {"cid": cid}
    if context is not None:
        info["context"] = context
    return {"info": info, "packet": {"name": packet_name, "payload": payload}}


def create_message(cid, body, context=None, **extra):
    payload = {"body": body}
    payload.update(extra)
    return create_event(cid, "message", payload, context)


def answer_command(cid, command, message):
    contact = message["info"].get("contact") or {}
    if command == "markdown":
        return [create_message(cid, "**Bold** news", text_format="markdown")]
    if command == "fancy format":
        return [create_message(cid, "Shown anyway", text_format="fancy")]
    if command == "pause":
        return [
            create_message(cid, "One moment..."),
            create_event(cid, "delay", {}),
            create_message(cid, "Done waiting."),
        ]
    if command == "phone intl":
        return [
            create_event(cid, "contact_update", {"mobile_number": "+49 151 12345678"}),
            create_message(cid, "Number saved."),
        ]
    if command == "phone national":
        return [
            create_event(cid, "contact_update", {"mobile_number": "0151 12345678"}),
            create_message(cid, "National number saved."),
        ]
    if command == "phone nonsense":
        return [
            create_event(cid, "contact_update", {"mobile_number": "call me maybe"}),
            create_message(cid, "Number noted."),
        ]
    if command == "mail operator":
        return [
            create_event(cid, "email_dispatch", {"recipient": {"type": "operator", "id": 5}}),
            create_message(cid, "Transcript ordered."),
        ]
    if command == "mail ghost":
        return [
            create_event(cid, "email_dispatch", {"recipient": {"type": "operator", "id": 999}}),
            create_message(cid, "Transcript ordered for nobody."),
        ]
    if command == "crm":
        return [
            create_event(cid, "addon_dispatch", {"type": "crm"}),
            create_message(cid, "Your request goes to our CRM."),
        ]
    if command == "big context":
        return [
            create_message(cid, "Remembering a lot.", context={"notes": "x" * 11000}),
            create_message(cid, "Still here."),
        ]
    if command == "group seven":
        return [
            create_message(cid, "Sending you to team seven."),
            create_event(cid, "forward_group", {"group_id": 7}),
        ]
    if command == "group nowhere":
        return [
            create_event(cid, "forward_group", {"group_id": "nowhere"}),
            create_message(cid, "That team does not exist, I stay with you."),
        ]
    if command == "klingon":
        return [
            create_event(cid, "forward_skills", {"skills": ["klingon"]}),
            create_message(cid, "Nobody speaks Klingon here."),
        ]
    if command == "note stranger":
        return [
            create_event(cid, "note_create", {"body": "about someone else", "contact_identity_id": "ct_stranger"}),
            create_message(cid, "Note attempted."),
        ]
    if command == "note mine":
        return [
            create_event(cid, "note_create", {"body": "likes tea", "contact_identity_id": contact.get("id")}),
            create_message(cid, "Noted about you."),
        ]
    if command == "human":
        return [
            create_message(cid, "Let me find a human."),
            create_event(cid, "forward_any", {"on_failure": "feedback"}),
        ]
    if command == "bad email":
        return [
            create_event(cid, "contact_update", {"email": "zoe at example dot com"}),
            create_message(cid, "Thanks for your e-mail."),
        ]
    return [create_message(cid, "I don't understand '%s'." % command)]


SEEN_SLOW = set()


def slow_answer(cid, command):
    """The bot takes its time on the first delivery; a redelivery of the same event finds it busy."""
    event_id = request.headers.get("Parley-Event-Id")
    first = event_id not in SEEN_SLOW
    SEEN_SLOW.add(event_id)
    if command == "slow":
        if first:
            time.sleep(SLOW_SECONDS)
            return jsonify(create_message(cid, "Sorry for the wait."))
        return "", 200
    if first:
        time.sleep(SLOW_SECONDS)
    return jsonify(create_message(cid, "Said only once."))


BUSY_SEEN = set()


@app.route("/webhook", methods=["POST"])
def webhook():
    if request.headers.get("API-SECURITY-TOKEN") != OUTBOUND_AUTH_TOKEN:
        return jsonify({"error": "Unauthorized"}), 401

    message = request.json
    packet_name = message.get("packet", {}).get("name")
    cid = message["info"]["cid"]
    payload = message["packet"]["payload"]

    if packet_name == "start":
        return jsonify(create_message(cid, "Hi! Send me a command."))
    if packet_name == "media":
        return jsonify([
            create_event(cid, "media", {"link": payload["url"], "type": "image"}),
            create_message(cid, "Nice picture, here it is back."),
        ])
    if packet_name in ["message", "click"]:
        command = payload.get("body", "") if packet_name == "message" else payload["value"]["id"]
        command = command.strip().lower()
        if command in ["slow", "slow twice"]:
            return slow_answer(cid, command)
        if command == "busy":
            event_id = request.headers.get("Parley-Event-Id")
            if event_id not in BUSY_SEEN:
                BUSY_SEEN.add(event_id)
                return jsonify({"error": "Too many requests"}), 429, {"Retry-After": "2"}
            return jsonify(create_message(cid, "Thanks for waiting."))
        return jsonify(answer_command(cid, command, message))
    return jsonify({"error": "Invalid packet name"}), 400


if __name__ == "__main__":
    app.run(host="localhost", port=8000)
