-- Messages sent on a messaging channel, by the vendor's message id (wamid, mid), with the timeline item they
-- carried and the latest status the vendor reported (sent, delivered, read, failed)
CREATE TABLE channel_outbound (
  channel_id TEXT NOT NULL,
  vendor_message_id TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  recipient TEXT NOT NULL,
  status TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  status_at BIGINT NOT NULL,
  PRIMARY KEY (channel_id, vendor_message_id)
);
CREATE INDEX channel_outbound_item ON channel_outbound(conversation_id, item_id);
