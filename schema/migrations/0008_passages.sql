-- tanu archive schema, version 8: a testimony's passages in one
-- compressed row (issue 13).

-- The `segment` table kept a row per passage with its text as it is: the
-- largest table of an archive (1.1× the raw files at 10,000 testimonies).
-- Passages are always read by testimony, so a testimony's passages are now
-- one zstd frame (with its checksum): `size` is the length of the encoded
-- passages before compression, `segments` how many there are (for counts
-- that need no text). The format is described in src/store/passages.rs.
-- The Rust step of migration 8 fills this table from `segment`, a
-- testimony at a time, and drops `segment`, in the same transaction.
CREATE TABLE passages (
    testimony INTEGER PRIMARY KEY REFERENCES testimony(num) ON DELETE CASCADE,
    segments  INTEGER NOT NULL,
    size      INTEGER NOT NULL,
    codec     TEXT NOT NULL CHECK (codec IN ('none', 'zstd')),
    bytes     BLOB NOT NULL
) STRICT;
