-- Contact tokens live in contact_tokens (V10). The index serves signed visitor identity, which finds contacts by
-- external id.
ALTER TABLE contacts DROP COLUMN token_hash;
CREATE INDEX contacts_external_customer_id ON contacts(external_customer_id);
