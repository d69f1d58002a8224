-- Outreach conversations on a messaging channel that wait for the contact's reply to their template: the reply
-- starts the bot named by the outreach, with the outreach's variables; the row goes when it does
CREATE TABLE outreach_replies (
  conversation_id TEXT PRIMARY KEY,
  bot_id TEXT NOT NULL,
  variables TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
