-- A widget in registration mode holds new conversations until the contact has registered
ALTER TABLE conversations ADD COLUMN awaiting_registration INTEGER NOT NULL DEFAULT 0;
