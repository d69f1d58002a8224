-- Messaging channels (channels.md §0): from parley.yml (from_file = 1, disabled when a later file no longer names
-- them) or made in the console (from_file = 0). Credentials are stored as where they come from, never as values:
-- {"access_token_env": "WA_TOKEN", "private_key_file": "/etc/parley/threema.key"}.
CREATE TABLE channels (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  widget_id TEXT NOT NULL,
  api_base_url TEXT NOT NULL,
  settings TEXT NOT NULL,
  credentials TEXT NOT NULL,
  default_region TEXT,
  unsubscribe_keyword TEXT NOT NULL,
  unsubscribe_confirmation TEXT NOT NULL,
  from_file INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0
);
