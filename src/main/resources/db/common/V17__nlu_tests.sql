-- The last cross-validation of each flow version's intent examples, shown on the console's Flows page
CREATE TABLE nlu_tests (
  version TEXT PRIMARY KEY,
  flow_id TEXT NOT NULL,
  ran_at BIGINT NOT NULL,
  figures TEXT NOT NULL
);
