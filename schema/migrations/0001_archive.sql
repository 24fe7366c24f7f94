-- tanu archive schema, version 1.
-- SQLite is the source of truth; the Tantivy index under index/ is derived
-- from these tables and can be rebuilt at any time (`tanu reindex`).

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Original file bytes, content-addressed. Never updated or deleted.
CREATE TABLE original (
    sha256     TEXT PRIMARY KEY,
    bytes      BLOB NOT NULL,
    size       INTEGER NOT NULL,
    first_seen TEXT NOT NULL
) STRICT;

CREATE TABLE testimony (
    num                 INTEGER PRIMARY KEY,          -- internal number, used by the index
    id                  TEXT NOT NULL UNIQUE,         -- stable public identifier
    title               TEXT NOT NULL,
    narrator            TEXT,
    narrator_birth_year INTEGER,
    narrator_birthplace TEXT,
    interviewer         TEXT,
    recorded            TEXT,                         -- YYYY, YYYY-MM or YYYY-MM-DD
    recording_place     TEXT,
    languages           TEXT NOT NULL DEFAULT '[]',   -- JSON array of codes
    access              TEXT NOT NULL DEFAULT 'public'
                        CHECK (access IN ('public', 'restricted', 'sealed')),
    embargo_until       TEXT,                         -- YYYY-MM-DD
    status              TEXT NOT NULL DEFAULT 'new'
                        CHECK (status IN ('new', 'in_review', 'published', 'withdrawn')),
    keywords            TEXT NOT NULL DEFAULT '[]',   -- JSON array
    speakers            TEXT NOT NULL DEFAULT '[]',   -- JSON array of {label, name}
    source              TEXT,
    notes               TEXT,
    format              TEXT NOT NULL,                -- tanu, plain, vtt, srt, ohms, json
    source_path         TEXT NOT NULL,                -- file name as last ingested
    sha256              TEXT NOT NULL REFERENCES original(sha256),
    encoding            TEXT NOT NULL,
    encoding_confidence REAL NOT NULL,
    repairs             TEXT NOT NULL DEFAULT '[]',   -- JSON array of {kind, count, examples}
    revision            INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;

CREATE TABLE segment (
    testimony INTEGER NOT NULL REFERENCES testimony(num) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,                       -- 1, 2, 3 … in reading order
    start_ms  INTEGER,
    end_ms    INTEGER,
    speaker   TEXT,
    lang      TEXT NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (testimony, ordinal)
) STRICT, WITHOUT ROWID;

-- Every version of a testimony: one row per ingest that changed it and per
-- curation change. The original bytes of each ingested version stay in
-- `original`.
CREATE TABLE revision (
    testimony  INTEGER NOT NULL REFERENCES testimony(num) ON DELETE CASCADE,
    number     INTEGER NOT NULL,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    kind       TEXT NOT NULL,                         -- ingest, update, correct, edit, merge …
    sha256     TEXT REFERENCES original(sha256),
    source_path TEXT,
    summary    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (testimony, number)
) STRICT;

-- Earlier texts of corrected segments.
CREATE TABLE segment_revision (
    testimony INTEGER NOT NULL REFERENCES testimony(num) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,
    revision  INTEGER NOT NULL,                       -- testimony revision that replaced this text
    text      TEXT NOT NULL,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    reason    TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE vocabulary (
    id       TEXT PRIMARY KEY,
    facet    TEXT NOT NULL,
    parent   TEXT,
    label_hu TEXT NOT NULL,
    label_ru TEXT NOT NULL,
    label_en TEXT NOT NULL,
    lat      REAL,
    lon      REAL,
    verified INTEGER NOT NULL,
    note     TEXT NOT NULL,
    path     TEXT NOT NULL                            -- facet path, e.g. /region/ukraine/donbas/donetsk
) STRICT;

CREATE TABLE vocabulary_alias (
    id    TEXT NOT NULL REFERENCES vocabulary(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    PRIMARY KEY (id, alias)
) STRICT;

CREATE TABLE tag (
    num        INTEGER PRIMARY KEY,
    testimony  INTEGER NOT NULL REFERENCES testimony(num) ON DELETE CASCADE,
    facet      TEXT NOT NULL CHECK (facet IN ('wave', 'region', 'place', 'transit_camp')),
    value      TEXT NOT NULL,                         -- vocabulary id
    source     TEXT NOT NULL CHECK (source IN ('header', 'suggested', 'curator')),
    status     TEXT NOT NULL CHECK (status IN ('suggested', 'confirmed', 'rejected')),
    confidence REAL NOT NULL DEFAULT 1.0,
    decided_by TEXT,
    decided_at TEXT,
    note       TEXT,
    UNIQUE (testimony, facet, value)
) STRICT;

CREATE TABLE tag_evidence (
    tag       INTEGER NOT NULL REFERENCES tag(num) ON DELETE CASCADE,
    ordinal   INTEGER,                                -- segment; NULL for header tags
    span_start INTEGER,                               -- byte offsets in the segment text
    span_end  INTEGER,
    matched   TEXT NOT NULL,                          -- the text that matched
    alias     TEXT,                                   -- the vocabulary alias or cue
    rule      TEXT NOT NULL,
    line      INTEGER                                 -- header line, for header tags
) STRICT;

CREATE TABLE redaction (
    num        INTEGER PRIMARY KEY,
    testimony  INTEGER NOT NULL REFERENCES testimony(num) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    span_start INTEGER NOT NULL,                      -- byte offsets in the segment text
    span_end   INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    actor      TEXT NOT NULL,
    at         TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Append-only, hash-chained audit log.
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    op        TEXT NOT NULL,
    target    TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    reason    TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Testimonies whose index documents must be rebuilt. Written in the same
-- transaction as the change; emptied after the index commit that applies it.
CREATE TABLE index_outbox (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    testimony TEXT NOT NULL
) STRICT;

CREATE INDEX segment_lang ON segment(lang);
CREATE INDEX tag_value ON tag(facet, value);
CREATE INDEX tag_testimony ON tag(testimony);
CREATE INDEX evidence_tag ON tag_evidence(tag);
CREATE INDEX redaction_segment ON redaction(testimony, ordinal);
CREATE INDEX revision_testimony ON revision(testimony);
