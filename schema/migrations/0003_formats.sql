-- tanu archive schema, version 3: what archives exchange besides transcripts.
-- (Version 2 is reserved for the curation branch; migrations apply in order
-- of their number, so an archive at version 1 goes to 2 and then 3.)

-- Metadata that OHMS XML, Dublin Core and metadata sheets carry.
ALTER TABLE testimony ADD COLUMN summary TEXT;                       -- abstract / OHMS description
ALTER TABLE testimony ADD COLUMN rights TEXT;                        -- rights statement
ALTER TABLE testimony ADD COLUMN properties TEXT NOT NULL DEFAULT '{}';
    -- JSON object of source fields tanu has no column for, kept verbatim so
    -- that nothing an archive sent is lost (e.g. "ohms.collection_name").

-- Index points: an OHMS-style table of contents of a recording. Each point
-- starts at a time and describes the passage that follows it.
CREATE TABLE index_point (
    testimony              INTEGER NOT NULL REFERENCES testimony(num) ON DELETE CASCADE,
    ordinal                INTEGER NOT NULL,              -- 1, 2, 3 … in document order
    start_ms               INTEGER NOT NULL,
    title                  TEXT NOT NULL DEFAULT '',
    title_alt              TEXT,                          -- the `_alt` twins: a translation
    partial_transcript     TEXT,
    partial_transcript_alt TEXT,
    synopsis               TEXT,
    synopsis_alt           TEXT,
    keywords               TEXT NOT NULL DEFAULT '[]',    -- JSON array
    keywords_alt           TEXT NOT NULL DEFAULT '[]',
    subjects               TEXT NOT NULL DEFAULT '[]',
    subjects_alt           TEXT NOT NULL DEFAULT '[]',
    gps                    TEXT NOT NULL DEFAULT '[]',    -- JSON array of {lat, lon, zoom, text, text_alt}
    hyperlinks             TEXT NOT NULL DEFAULT '[]',    -- JSON array of {url, text, text_alt}
    PRIMARY KEY (testimony, ordinal)
) STRICT, WITHOUT ROWID;
