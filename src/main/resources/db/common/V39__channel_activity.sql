-- When a channel last received and sent a message, and its last error, for the console's Channels page
CREATE TABLE channel_activity (
  channel_id TEXT PRIMARY KEY,
  last_inbound_at BIGINT,
  last_outbound_at BIGINT,
  last_error_at BIGINT,
  last_error TEXT
);
