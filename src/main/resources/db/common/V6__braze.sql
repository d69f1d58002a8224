-- Objects for Braze's /users/track that features asked to send; pending while request_id is NULL,
-- then part of one request; removed once Braze took the request or refused it (then in a dead letter)
CREATE TABLE braze_objects (
  id TEXT PRIMARY KEY,
  seq BIGINT NOT NULL,
  conversation_id TEXT,
  kind TEXT NOT NULL,
  identity TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  request_id TEXT
);
CREATE INDEX braze_objects_pending ON braze_objects(request_id, kind, seq);

-- Requests to /users/track: the body is stored before it is sent, so a request is only ever sent as
-- recorded; status open (to send or retry), sent (Braze answered 2xx: never sent again) or dead (4xx)
CREATE TABLE braze_requests (
  id TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  objects INTEGER NOT NULL,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT,
  http_status INTEGER,
  finished_at BIGINT
);
CREATE INDEX braze_requests_status ON braze_requests(status, created_at);

-- The last value Braze took for each attribute of each user, so that unchanged values are not re-sent
CREATE TABLE braze_attributes_sent (
  identity TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (identity, name)
);

-- Objects Braze refused (a 4xx for the whole request, or a non-fatal error of a 2xx for single objects),
-- with Braze's words; an admin can re-send them, corrected or not
CREATE TABLE braze_dead_letters (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  http_status INTEGER NOT NULL,
  message TEXT NOT NULL,
  errors TEXT NOT NULL,
  objects TEXT NOT NULL,
  resent_at BIGINT
);
CREATE INDEX braze_dead_letters_open ON braze_dead_letters(resent_at, created_at);

-- Whether a send is already queued in the outbox: writers bump it and queue one only when it was 0; the
-- sender resets it before it reads what is pending (the row lock orders the two on PostgreSQL)
CREATE TABLE braze_wake (
  id INTEGER PRIMARY KEY,
  requested BIGINT NOT NULL
);
INSERT INTO braze_wake (id, requested) VALUES (1, 0);
