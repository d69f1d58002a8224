-- Contact tokens live in contact_tokens (V10). SQLite cannot drop the UNIQUE token_hash column, so contacts is
-- rebuilt without it. Dropping a table that other tables reference needs foreign keys off, which SQLite allows
-- only outside a transaction: this script runs outside Flyway's (V11__contacts_without_token.sql.conf) and in
-- one of its own (a savepoint: Flyway's parser takes BEGIN for the start of a block). The index serves signed
-- visitor identity, which finds contacts by external id.
PRAGMA foreign_keys = OFF;
SAVEPOINT contacts_without_token;
CREATE TABLE contacts_rebuilt (
  id TEXT PRIMARY KEY,
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
INSERT INTO contacts_rebuilt (id, name, email, mobile_number, external_customer_id, locale, custom_fields, campaigns,
  page_tags, created_at)
SELECT id, name, email, mobile_number, external_customer_id, locale, custom_fields, campaigns, page_tags, created_at
FROM contacts;
DROP TABLE contacts;
ALTER TABLE contacts_rebuilt RENAME TO contacts;
CREATE INDEX contacts_external_customer_id ON contacts(external_customer_id);
RELEASE contacts_without_token;
PRAGMA foreign_keys = ON;
