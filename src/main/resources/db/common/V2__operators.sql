-- Operator sessions (console and API logins); tokens only as SHA-256 digests
CREATE TABLE operator_tokens (
  token_hash TEXT PRIMARY KEY,
  operator_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX operator_tokens_operator ON operator_tokens(operator_id);

-- Notes on conversations or on contacts
CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  conversation_id TEXT,
  contact_id TEXT,
  author_type TEXT NOT NULL,
  author_id TEXT,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX notes_conversation ON notes(conversation_id);
CREATE INDEX notes_contact ON notes(contact_id);

-- Bots created through the admin API keep their signing secret here
ALTER TABLE bots ADD COLUMN signing_secret TEXT;
