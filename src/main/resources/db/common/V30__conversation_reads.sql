-- How far each operator has read each conversation: the console's unread counts are the contact's
-- messages after this seq
CREATE TABLE conversation_reads (
  operator_id TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (operator_id, conversation_id)
);
