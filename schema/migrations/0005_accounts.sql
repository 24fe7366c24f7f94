-- Accounts for the web (issue 11): who may sign in, in which role.
-- Passwords are stored as Argon2id PHC strings; session and API tokens
-- only as their SHA-256, so a copy of the database signs nobody in.

CREATE TABLE account (
    name          TEXT PRIMARY KEY,                    -- the sign-in name
    role          TEXT NOT NULL CHECK (role IN ('researcher', 'archivist')),
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE session (
    token_sha256 TEXT PRIMARY KEY,
    account      TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL                        -- RFC 3339, UTC
) STRICT;
CREATE INDEX session_account ON session(account);

CREATE TABLE api_token (
    token_sha256 TEXT PRIMARY KEY,
    account      TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE,
    label        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
) STRICT;
