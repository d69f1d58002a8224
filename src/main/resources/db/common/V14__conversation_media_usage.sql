-- Bytes of files contacts stored in each conversation, held against limits.media_per_conversation
CREATE TABLE conversation_media_usage (
  conversation_id TEXT PRIMARY KEY,
  bytes BIGINT NOT NULL
);
