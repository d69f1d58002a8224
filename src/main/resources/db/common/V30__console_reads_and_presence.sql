-- How far each operator has read each conversation: the console's unread counts are the contact's
-- messages after this seq
CREATE TABLE conversation_reads (
  operator_id TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (operator_id, conversation_id)
);

-- When an operator last had a console open (kept current by every node while one is): an online operator
-- not seen for `auth.away_after` becomes away
ALTER TABLE operators ADD COLUMN console_seen_at BIGINT;
