package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything that happens in a conversation (the Chatbot API's model): one record per event name,
 * its payload as typed fields. {@link PacketCodec} reads and writes the wire JSON. Switch over it
 * without {@code default}, so that a new kind is a compile error until every renderer handles it.
 */
public sealed interface Packet permits ChatPacket, ChoicePacket, StatePacket, Packet.Raw {

    /** The event name on the wire: {@code message}, {@code click}, {@code conversation_ended}… */
    default String event() {
        return PacketCodec.event(this);
    }

    /**
     * An event this version does not know (a future event, or a stored row that does not read as its
     * kind): kept with its name and JSON as they are.
     */
    record Raw(String event, ObjectNode payload) implements Packet {
        public Raw {
            payload = payload.deepCopy();
        }

        @Override
        public ObjectNode payload() {
            return payload.deepCopy();
        }
    }
}
