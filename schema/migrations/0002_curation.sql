-- tanu archive schema, version 2: curation.

-- Metadata fields an archivist has set by hand; a re-ingested file does not
-- overwrite them (JSON array of field names).
ALTER TABLE testimony ADD COLUMN edited_fields TEXT NOT NULL DEFAULT '[]';

-- A duplicate record merged into another keeps its row, originals, tags and
-- history, and points at the record it was merged into. Merged records are
-- not searchable or listed.
ALTER TABLE testimony ADD COLUMN merged_into TEXT;

-- The redacted text itself, so a redaction can follow its passage when the
-- segment is corrected.
ALTER TABLE redaction ADD COLUMN redacted_text TEXT NOT NULL DEFAULT '';
ALTER TABLE redaction ADD COLUMN lifted_by TEXT;
ALTER TABLE redaction ADD COLUMN lifted_at TEXT;
ALTER TABLE redaction ADD COLUMN lift_reason TEXT;

CREATE INDEX testimony_status ON testimony(status);
CREATE INDEX testimony_merged ON testimony(merged_into);
CREATE INDEX segment_revision_segment ON segment_revision(testimony, ordinal);
