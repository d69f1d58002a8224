-- When a visitor last had the conversation open in the widget (kept current by every node while a stream or
-- long poll is open; cleared when the last one closes): an operator's reply to a visitor not seen is e-mailed
ALTER TABLE conversations ADD COLUMN visitor_seen_at BIGINT;
