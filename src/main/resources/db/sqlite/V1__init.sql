-- Workspace objects (applied from parley.yml and the admin API)
CREATE TABLE groups_ (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE operators (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  group_id TEXT NOT NULL,
  role TEXT NOT NULL,
  skills TEXT NOT NULL,
  slots INTEGER NOT NULL,
  password_hash TEXT,
  status TEXT NOT NULL DEFAULT 'offline'
);
CREATE TABLE bots (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  group_id TEXT NOT NULL,
  type TEXT NOT NULL,
  behavior TEXT NOT NULL,
  slots INTEGER NOT NULL,
  registration INTEGER NOT NULL,
  skills TEXT NOT NULL,
  avatar_url TEXT,
  timeout_after_ms BIGINT,
  timeout_action TEXT,
  webhook_url TEXT,
  webhook_headers TEXT NOT NULL,
  api_token_hash TEXT,
  request_timeout_ms BIGINT NOT NULL,
  retry_attempts INTEGER NOT NULL,
  retry_first_delay_ms BIGINT NOT NULL
);
CREATE TABLE widgets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  group_id TEXT NOT NULL,
  registration INTEGER NOT NULL,
  live_timeout_ms BIGINT,
  service_hours TEXT,
  chatbot_assignment INTEGER NOT NULL
);

-- Contacts and conversations
CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  name TEXT,
  email TEXT,
  mobile_number TEXT,
  external_customer_id TEXT,
  locale TEXT,
  custom_fields TEXT NOT NULL,
  campaigns TEXT NOT NULL,
  page_tags TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  widget_id TEXT NOT NULL,
  group_id TEXT NOT NULL,
  channel_type TEXT NOT NULL,
  status TEXT NOT NULL,
  assignee_type TEXT,
  assignee_id TEXT,
  session_cid TEXT,
  subject TEXT,
  topics TEXT NOT NULL,
  locale TEXT,
  custom_fields TEXT NOT NULL,
  page_url TEXT,
  approach_mode TEXT NOT NULL,
  last_seq BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  last_activity_at BIGINT NOT NULL
);
CREATE INDEX conversations_contact ON conversations(contact_id);
CREATE INDEX conversations_status ON conversations(status, created_at);

-- The ordered timeline of every conversation
CREATE TABLE timeline (
  conversation_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  id TEXT NOT NULL UNIQUE,
  at BIGINT NOT NULL,
  author_type TEXT NOT NULL,
  author_id TEXT,
  author_name TEXT,
  packet_name TEXT NOT NULL,
  payload TEXT NOT NULL,
  visible_to_contact INTEGER NOT NULL,
  client_id TEXT,
  PRIMARY KEY (conversation_id, seq)
);
CREATE UNIQUE INDEX timeline_client_id ON timeline(conversation_id, client_id);

CREATE TABLE choice_answers (
  message_id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  option_id TEXT NOT NULL,
  click_seq BIGINT NOT NULL
);

-- Bot sessions
CREATE TABLE bot_sessions (
  cid TEXT PRIMARY KEY,
  bot_id TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  status TEXT NOT NULL,
  context TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  ended_at BIGINT,
  end_reason TEXT
);
CREATE INDEX bot_sessions_active ON bot_sessions(bot_id, status);

-- Durable outbox: every effect leaves through here
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  lane TEXT NOT NULL,
  kind TEXT NOT NULL,
  event_id TEXT NOT NULL UNIQUE,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  last_error TEXT
);
CREATE INDEX outbox_lane ON outbox(lane, id);
CREATE INDEX outbox_due ON outbox(next_attempt_at);

CREATE TABLE outbox_dead (
  id BIGINT PRIMARY KEY,
  lane TEXT NOT NULL,
  kind TEXT NOT NULL,
  event_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  failed_at BIGINT NOT NULL,
  last_error TEXT
);

-- Webhook delivery log, per bot
CREATE TABLE deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  bot_id TEXT NOT NULL,
  cid TEXT NOT NULL,
  event_id TEXT NOT NULL,
  event_name TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  at BIGINT NOT NULL,
  latency_ms BIGINT NOT NULL,
  status_code INTEGER,
  outcome TEXT NOT NULL,
  error TEXT,
  request_body TEXT,
  response_body TEXT
);
CREATE INDEX deliveries_bot ON deliveries(bot_id, id);
