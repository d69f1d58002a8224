-- Files contacts uploaded and bots sent; the bytes are under <data-dir>/media, named by id
CREATE TABLE media (
  id TEXT PRIMARY KEY,
  filename TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  source_url TEXT,
  created_at BIGINT NOT NULL
);
