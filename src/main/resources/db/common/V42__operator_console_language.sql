-- The language an operator chose for the console (a primary subtag such as 'de'); NULL: the browser's
ALTER TABLE operators ADD COLUMN console_language TEXT;
