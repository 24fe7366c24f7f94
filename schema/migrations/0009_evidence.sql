-- tanu archive schema, version 9: a tag's evidence in its own row (issue 13).

-- `tag_evidence` held a row per matched word: 2.6 million rows and an
-- index on `tag` (195 MB at 10,000 testimonies), each row repeating its
-- tag number and the same few strings. Evidence is only read, written and
-- deleted by tag, so each tag now keeps its list in `evidence`, packed
-- (format in src/store/evidence.rs; x'010000' is the empty list). The Rust
-- step of migration 9 packs the rows a tag at a time and drops
-- `tag_evidence` with its index, in the same transaction.
ALTER TABLE tag ADD COLUMN evidence BLOB NOT NULL DEFAULT x'010000';
