-- Messages received on a messaging channel, by the vendor's message id: a vendor's retry of a message already
-- stored finds its row and stores nothing again. Inserted in the transaction that stores the message; the
-- conversation is empty for a message Parley answered itself before any conversation (such as a keyword).
CREATE TABLE channel_inbound (
  channel_id TEXT NOT NULL,
  vendor_message_id TEXT NOT NULL,
  conversation_id TEXT,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (channel_id, vendor_message_id)
);
