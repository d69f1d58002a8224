-- Objects parley.yml created (from_file = 1) are disabled when a later parley.yml no longer names them; objects
-- made in the console (from_file = 0) are the console's and stay as they are. A disabled object is not routed to,
-- cannot log in and takes no new conversations; its history stays.
ALTER TABLE bots ADD COLUMN from_file INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bots ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE operators ADD COLUMN from_file INTEGER NOT NULL DEFAULT 0;
ALTER TABLE operators ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE widgets ADD COLUMN from_file INTEGER NOT NULL DEFAULT 0;
ALTER TABLE widgets ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
-- A flow's test chat from the console is no customer's conversation: the lists leave it out unless an operator
-- took it over.
ALTER TABLE conversations ADD COLUMN test INTEGER NOT NULL DEFAULT 0;
