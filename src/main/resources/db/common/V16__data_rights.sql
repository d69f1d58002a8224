-- What admins did with a contact's data (export, erase) and what the retention job removed: who, what, when
CREATE TABLE admin_audit (
  id TEXT PRIMARY KEY,
  at BIGINT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_email TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX admin_audit_at ON admin_audit(at, id);
-- An erased contact keeps its row, without anything that names the person, so conversations still count
ALTER TABLE contacts ADD COLUMN erased_at BIGINT;
-- A conversation whose content was erased (with its contact, or by retention) keeps its row and timeline rows
ALTER TABLE conversations ADD COLUMN erased_at BIGINT;
