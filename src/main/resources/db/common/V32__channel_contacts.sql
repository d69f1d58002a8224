-- Who writes on a messaging channel: the vendor's user id (WhatsApp wa_id, Messenger PSID) on one channel is one
-- contact
CREATE TABLE channel_contacts (
  channel_id TEXT NOT NULL,
  vendor_user_id TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (channel_id, vendor_user_id)
);
CREATE INDEX channel_contacts_contact ON channel_contacts(contact_id);

-- The channel and recipient of each conversation opened on a messaging channel: where its items are sent
CREATE TABLE channel_conversations (
  conversation_id TEXT PRIMARY KEY,
  channel_id TEXT NOT NULL,
  vendor_user_id TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX channel_conversations_user ON channel_conversations(channel_id, vendor_user_id, created_at);
