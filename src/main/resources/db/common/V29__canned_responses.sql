-- Saved replies operators insert with "/shortcut" in the console; group_id '' is for the whole workspace
CREATE TABLE canned_responses (
  id TEXT PRIMARY KEY,
  group_id TEXT NOT NULL,
  shortcut TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (group_id, shortcut)
);
