-- Web page tags a widget sends to Braze as custom events, from the moment they are tagged until they are
-- handed to the Braze writer (in the same transaction that removes them, so each goes once). A tag waits
-- here while its contact has nothing Braze can name the user by; the end of its conversation sends or
-- drops what is left.
CREATE TABLE braze_page_tags (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  tag TEXT NOT NULL,
  properties TEXT NOT NULL,
  tagged_at BIGINT NOT NULL
);
CREATE INDEX braze_page_tags_conversation ON braze_page_tags(conversation_id, tagged_at);
