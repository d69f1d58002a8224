-- A contact may hold several tokens: one per browser that opened a conversation on a widget or was identified
-- there by the site's signed visitor identity (widget_id: where the token was handed out). A contact a Braze
-- outreach created holds none until a browser identifies as it. Existing tokens move over with the widget of the
-- contact's first conversation; tokens of contacts an outreach created were never handed to anyone and are
-- dropped. V11 then removes contacts.token_hash.
CREATE TABLE contact_tokens (
  token_hash TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  widget_id TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
INSERT INTO contact_tokens (token_hash, contact_id, widget_id, created_at)
SELECT c.token_hash, c.id, first.widget_id, c.created_at
FROM contacts c JOIN conversations first ON first.id = (
  SELECT v.id FROM conversations v WHERE v.contact_id = c.id ORDER BY v.created_at, v.id LIMIT 1)
WHERE NOT EXISTS (SELECT 1 FROM outreaches o WHERE o.conversation_id = first.id);
CREATE INDEX contact_tokens_contact ON contact_tokens(contact_id, widget_id);
