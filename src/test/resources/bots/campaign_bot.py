from flask import Flask, request, jsonify

app = Flask(__name__)

OUTBOUND_AUTH_TOKEN = "your-outbound-auth-token"


def create_event(cid, packet_name, payload):
    return {
        "info": {"cid": cid},
        "packet": {"name": packet_name, "payload": payload},
    }


def create_message(cid, body):
    return create_event(cid, "message", {"body": body})


def create_contact_update(cid, **kwargs):
    return create_event(cid, "contact_update", kwargs)


def create_forward_any(cid):
    return create_event(cid, "forward_any", {})


def get_keyword(request_data):
    """Extract either the message content for message events, or the option label for click events."""
    if request_data["packet"]["name"] in ["start", "message"]:
        return request_data["packet"]["payload"].get("body", "")
    elif request_data["packet"]["name"] == "click":
        return request_data["packet"]["payload"]["value"]["id"]
    return None


@app.route("/webhook", methods=["POST"])
def webhook():
    if request.headers.get("API-SECURITY-TOKEN") != OUTBOUND_AUTH_TOKEN:
        return jsonify({"error": "Unauthorized"}), 401

    message = request.json
    packet_name = message.get("packet", {}).get("name")
    cid = message["info"]["cid"]

    if packet_name == "start":
        welcome_message = create_event(
            cid,
            "button_template",
            {
                "body": "Welcome! Please click 'start' to subscribe to our campaign.",
                "fallback": "Please click 'start' to subscribe to our campaign.",
                "options": [
                    {"id": "start", "label": "start"},
                ],
            },
        )
        return jsonify(welcome_message)

    elif packet_name in ["message", "click"]:
        response = get_keyword(message)
        if response and response.lower() == "start":
            subscription_event = create_event(
                cid, "contact_update", {"campaigns": True}
            )
            confirmation_message = create_event(
                cid, "message", {"body": "You've been subscribed to the campaign!"}
            )
            return jsonify([subscription_event, confirmation_message])
        else:
            prompt_message = create_event(
                cid,
                "message",
                {"body": "I don't understand this, I will redirect you to support."},
            )
            support_event = create_event(cid, "forward_any", {})
            return jsonify([prompt_message, support_event])

    else:
        return jsonify({"error": "Invalid packet name"}), 400


if __name__ == "__main__":
    app.run(host="localhost", port=8000)
