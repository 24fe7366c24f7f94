-- Curation in the browser (issue 12): a form carries the testimony's change
-- stamp, the last audit entry about it, and the write is refused when the
-- stamp moved. Finding that entry (and the history of one testimony) reads
-- the audit log by target.
CREATE INDEX audit_target ON audit(target, seq);
