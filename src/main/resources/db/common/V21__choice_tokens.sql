-- Short opaque tokens standing for one option of one choice message, sent as WhatsApp reply/row ids,
-- Messenger payloads and Telegram callback data (at most 64 bytes), resolved when the contact picks one
CREATE TABLE choice_tokens (
  token TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  choice_seq BIGINT NOT NULL,
  option_id TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX choice_tokens_option ON choice_tokens(conversation_id, choice_seq, option_id);
