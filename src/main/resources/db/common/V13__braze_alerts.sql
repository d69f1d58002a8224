-- What admins must act on about Braze, one row per kind: 'auth' (Braze refused the API key with 401/403:
-- sending is paused, nothing is dead-lettered) and 'server_errors' (a request kept failing with 5xx).
-- A row is raised with Braze's words and cleared when Braze takes a request again.
CREATE TABLE braze_alerts (
  kind TEXT PRIMARY KEY,
  message TEXT NOT NULL,
  raised_at BIGINT NOT NULL,
  cleared_at BIGINT
);

-- Aliases Parley gave anonymous contacts in Braze (alias_label parley_contact_id), and whether the alias
-- profile was merged into the external_id profile with /users/identify
CREATE TABLE braze_aliases (
  contact_id TEXT PRIMARY KEY,
  created_at BIGINT NOT NULL,
  identified_as TEXT,
  identified_at BIGINT
);
