-- Campaign subscriptions per contact and channel (chatbot-api.md §11): `channel` is the id of a messaging channel
-- of parley.yml (one WhatsApp number, one page…) or `web` for the website widget. `source` tells what set it last:
-- `bot` (contact_update from a bot or flow) or `keyword` (the contact sent the channel's unsubscribe keyword).
CREATE TABLE campaign_subscriptions (
  contact_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  subscribed INTEGER NOT NULL,
  source TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (contact_id, channel)
);
-- Subscriptions kept so far on the contact as a JSON object by channel type move here; the column stays empty
INSERT INTO campaign_subscriptions (contact_id, channel, subscribed, source, updated_at)
  SELECT c.id, j.key, CASE j.type WHEN 'true' THEN 1 ELSE 0 END, 'bot', c.created_at
  FROM contacts c, json_each(c.campaigns) j
  WHERE json_valid(c.campaigns) AND j.type IN ('true', 'false');
UPDATE contacts SET campaigns = '{}';
