-- tanu archive schema, version 7: a smaller archive (issue 13).

-- Original files are stored compressed with zstd when that makes them
-- smaller (`codec = 'zstd'`), else as they are (`codec = 'none'`); `size`
-- stays the size of the file itself, and every read checks the
-- decompressed bytes against `sha256`. The rows written before this
-- migration are compressed by the Rust step of migration 7
-- (src/store/blob.rs), in the same transaction.
ALTER TABLE original ADD COLUMN codec TEXT NOT NULL DEFAULT 'none'
    CHECK (codec IN ('none', 'zstd'));

-- Segments become a rowid table. As a WITHOUT ROWID table every row was a
-- B-tree key, and SQLite keeps at most ~1 KB of a key on its page: each
-- passage longer than that took a whole overflow page for its tail (a
-- third of the table's pages were overflow, 40 % of them empty). A rowid
-- table keeps rows up to ~4 KB on their page; the primary key becomes a
-- small index of (testimony, ordinal).
CREATE TABLE segment_v7 (
    testimony INTEGER NOT NULL REFERENCES testimony(num) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,                       -- 1, 2, 3 … in reading order
    start_ms  INTEGER,
    end_ms    INTEGER,
    speaker   TEXT,
    lang      TEXT NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (testimony, ordinal)
) STRICT;
INSERT INTO segment_v7 (testimony, ordinal, start_ms, end_ms, speaker, lang, text)
    SELECT testimony, ordinal, start_ms, end_ms, speaker, lang, text FROM segment
    ORDER BY testimony, ordinal;
-- Dropping the old table also drops `segment_lang`, an index no query
-- used (segments are read by testimony, never by language).
DROP TABLE segment;
ALTER TABLE segment_v7 RENAME TO segment;

-- Two indexes that repeated the first column of a key SQLite keeps anyway:
-- tag(testimony) is the prefix of UNIQUE (testimony, facet, value), and
-- revision(testimony) of the primary key (testimony, number). Lookups by
-- testimony (and the ON DELETE CASCADE checks) use those keys.
DROP INDEX tag_testimony;
DROP INDEX revision_testimony;
