-- Every version of a flow that a flow bot ran, by the hash of its source: a session keeps running
-- the version it started with, also after the file changed and Parley restarted
CREATE TABLE flow_versions (
  version TEXT PRIMARY KEY,
  flow_id TEXT NOT NULL,
  source_name TEXT NOT NULL,
  source TEXT NOT NULL,
  loaded_at BIGINT NOT NULL
);
