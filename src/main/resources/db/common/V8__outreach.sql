-- Conversations Braze started through the outreach webhook, by the outreach_id Braze sent: a retried
-- webhook call finds its conversation here instead of opening a second one
CREATE TABLE outreaches (
  outreach_id TEXT PRIMARY KEY,
  conversation_id TEXT,
  contact_id TEXT,
  bot_id TEXT NOT NULL,
  widget_id TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
