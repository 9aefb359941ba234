-- Sub-users (the x-useruid header of /session/auth, COMPAT.md): a character stored in a session
-- opened for a sub-user is private to that sub-user.
-- Portable SQL for H2 2.x and PostgreSQL, conventions as in V1.

-- The sub-user id exactly as the client sent it (case-sensitive, at most 128 characters of
-- A-Z a-z 0-9 . _ - @ : +). NULL: the character belongs to the whole client and every session of
-- the client sees it; every row stored before this migration stays so.
ALTER TABLE characters ADD COLUMN sub_user VARCHAR(128);

-- An empty id would be a third kind of owner that no session can name.
ALTER TABLE characters ADD CONSTRAINT characters_sub_user_not_empty CHECK (sub_user IS NULL OR sub_user <> '');
