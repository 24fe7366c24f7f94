-- Identity of ingested files (issue 15). A testimony whose identifier was
-- derived from its file name is matched by the file's path, then by its
-- bytes, never by the name alone; see docs/transcript-format.md.

-- The canonical absolute path of the file last ingested (NULL for rows
-- written before this migration: they are matched by `source_path`).
ALTER TABLE testimony ADD COLUMN source_abs TEXT;
CREATE INDEX testimony_source_abs ON testimony(source_abs);
CREATE INDEX testimony_source_path ON testimony(source_path);
CREATE INDEX testimony_sha256 ON testimony(sha256);

-- How an ingest found the testimony it wrote: `new`, `id` (an explicit
-- identifier), `path`, `sha256` (same bytes, moved), `replace` (--replace)
-- or `split`. NULL for revisions written before this migration.
ALTER TABLE revision ADD COLUMN matched_by TEXT;
