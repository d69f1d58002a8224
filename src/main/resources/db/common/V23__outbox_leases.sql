-- Which node drains an outbox lane (PostgreSQL with several nodes): a lease until expires_at, in the
-- database's own milliseconds, renewed while the node works and taken over by another node once it
-- has run out; wanted: another node was turned away meanwhile, so the holder looks at the lane again when
-- it lets go. SQLite runs one node and leaves this table empty.
CREATE TABLE outbox_leases (
  lane TEXT PRIMARY KEY,
  node TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  wanted BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX outbox_leases_node ON outbox_leases(node);
