-- What bots dispatched for a conversation (addon_dispatch, email_dispatch): stored while it runs,
-- queued to the outbox when it ends, and the outcome of each run
CREATE TABLE dispatches (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  event_id TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  finished_at BIGINT,
  last_error TEXT
);
CREATE INDEX dispatches_conversation ON dispatches(conversation_id, status);
