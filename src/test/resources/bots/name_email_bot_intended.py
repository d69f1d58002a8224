import json

from flask import Flask, request, jsonify

app = Flask(__name__)

HOST = "localhost"
PORT = 8000
OUTBOUND_AUTH_TOKEN = "d8facdb0-7510-495c-9d6e-8c22b9260e7a"


def create_event(cid, context, packet_name, payload):
    return {
        "info": {"cid": cid, "context": context},
        "packet": {"name": packet_name, "payload": payload},
    }


def create_message(cid, context, body):
    return create_event(cid, context, "message", {"body": body})


def create_contact_update(cid, context, **kwargs):
    return create_event(cid, context, "contact_update", kwargs)


def create_forward_any(cid, context):
    return create_event(cid, context, "forward_any", {})


@app.route("/webhook", methods=["POST"])
def webhook():
    if request.headers.get("API-SECURITY-TOKEN") != OUTBOUND_AUTH_TOKEN:
        return jsonify({"error": "Unauthorized"}), 401

    message = request.json
    packet_name = message["packet"]["name"]
    cid = message["info"]["cid"]
    context = message["info"].get("context", {})

    if packet_name == "start":
        return handle_start(message)
    elif packet_name == "message" and context.get("state") == "name":
        return handle_name(message)
    elif packet_name == "message" and context.get("state") == "email":
        return handle_email(message)

    return jsonify({"error": "Invalid packet name or state"}), 400


def handle_start(message):
    """Welcome contact and ask for name"""
    cid = message["info"]["cid"]
    body = "Welcome! I am a Bot. What is your name?"
    return jsonify(create_message(cid, {"state": "name"}, body))


def handle_name(message):
    """Save the name and ask for email"""
    cid = message["info"]["cid"]
    contact_name = message["packet"]["payload"]["body"]
    contact_update = create_contact_update(cid, {}, name=contact_name)
    body = f"Hello {contact_name}! Could you tell me your email as well?"
    chat_message = create_message(cid, {"state": "email"}, body)
    return jsonify([contact_update, chat_message])


def handle_email(message):
    """Save email, thank contact and forward to human"""
    cid = message["info"]["cid"]
    contact_email = message["packet"]["payload"]["body"]
    contact_update = create_contact_update(cid, {}, email=contact_email)
    body = "Thanks! I'll forward you to a human now..."
    chat_message = create_message(cid, {}, body)
    forward = create_forward_any(cid, {})
    return jsonify([contact_update, chat_message, forward])


if __name__ == "__main__":
    app.run(host=HOST, port=PORT)
