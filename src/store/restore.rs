//! Restoring a complete record (a tanu JSON export) as it was: metadata,
//! workflow status, segments, tags with their decisions and evidence, index
//! points, revisions, redactions, earlier segment texts and every original.

use rusqlite::{OptionalExtension, TransactionBehavior, params};
use serde_json::json;

use super::write::{insert_index_points, insert_original, queue_index};
use super::{
    IngestOutcome, Result, RevisionRow, SegmentRevisionRow, SegmentRow, Store, StoreError, TagRow,
    TestimonyRow, audit,
};
use crate::parse::IndexPoint;

/// A redaction to restore (its internal number is the archive's own).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RestoredRedaction {
    /// Segment ordinal.
    pub ordinal: i64,
    /// Byte span in the segment text.
    pub span: (i64, i64),
    /// Why.
    pub reason: String,
    /// Who.
    pub actor: String,
    /// When.
    pub at: String,
    /// Whether it is in force.
    pub active: bool,
}

/// Everything a testimony is, to be written back by [`Store::write_restore`].
#[derive(Debug, Clone, PartialEq)]
pub struct RestoreRecord {
    /// Metadata, status and timestamps.
    pub testimony: TestimonyRow,
    /// Segments as stored.
    pub segments: Vec<SegmentRow>,
    /// Tags with source, status, decisions and evidence.
    pub tags: Vec<TagRow>,
    /// Index points.
    pub index_points: Vec<IndexPoint>,
    /// Revisions.
    pub revisions: Vec<RevisionRow>,
    /// Redactions.
    pub redactions: Vec<RestoredRedaction>,
    /// Earlier texts of corrected segments.
    pub segment_revisions: Vec<SegmentRevisionRow>,
    /// Original files: `(sha256, bytes)`, checked against their hash.
    pub originals: Vec<(String, Vec<u8>)>,
}

impl Store {
    /// Writes a complete record in one transaction. A testimony with the
    /// same identifier, current original and revision is left alone
    /// (`Unchanged`); one that differs is a conflict: a restore never
    /// overwrites another history.
    pub fn write_restore(
        &mut self,
        r: &RestoreRecord,
        actor: &str,
        from: &str,
    ) -> Result<IngestOutcome> {
        let t = &r.testimony;
        for (sha, bytes) in &r.originals {
            if crate::hash::sha256_hex(&[bytes]) != *sha {
                return Err(StoreError::Conflict(format!(
                    "the original {sha} in the export does not match its SHA-256; the file is damaged"
                )));
            }
        }
        if !r.originals.iter().any(|(sha, _)| *sha == t.sha256) {
            return Err(StoreError::Conflict(format!(
                "the export of `{}` lacks its original file (sha256 {})",
                t.id, t.sha256
            )));
        }
        // Passages are numbered 1, 2, 3 … in reading order, as tanu
        // numbers them: a changed export could otherwise store two texts
        // under one number, or an order the pages would not follow.
        if let Some((i, s)) = r
            .segments
            .iter()
            .enumerate()
            .find(|(i, s)| s.ordinal != *i as i64 + 1)
        {
            return Err(StoreError::Conflict(format!(
                "the export of `{}` numbers its segment {} as {}; segments are numbered 1, 2, 3 … in order",
                t.id,
                i + 1,
                s.ordinal
            )));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing: Option<(String, i64)> = tx
            .query_row(
                "SELECT sha256, revision FROM testimony WHERE id = ?1",
                [&t.id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        if let Some((sha, rev)) = existing {
            if sha == t.sha256 && rev == t.revision {
                return Ok(IngestOutcome::Unchanged);
            }
            return Err(StoreError::Conflict(format!(
                "testimony `{}` already exists here with another history (revision {rev}); \
                 a JSON export is restored only into an archive that does not have it",
                t.id
            )));
        }
        let now = crate::dates::now_rfc3339();
        for (sha, bytes) in &r.originals {
            insert_original(&tx, sha, bytes, &now)?;
        }
        tx.execute(
            "INSERT INTO testimony (id, title, narrator, narrator_birth_year, narrator_birthplace, interviewer,
                recorded, recording_place, languages, access, embargo_until, status, keywords, speakers, source,
                notes, format, source_path, sha256, encoding, encoding_confidence, repairs, revision, created_at,
                updated_at, summary, rights, properties)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)",
            params![
                t.id, t.title, t.narrator, t.narrator_birth_year, t.narrator_birthplace, t.interviewer,
                t.recorded, t.recording_place, js(&t.languages), t.access.name(), t.embargo_until, t.status,
                js(&t.keywords), js(&t.speakers), t.source, t.notes, t.format, t.source_path, t.sha256,
                t.encoding, t.encoding_confidence, js(&t.repairs), t.revision, t.created_at, t.updated_at,
                t.summary, t.rights, js(&t.properties)
            ],
        )?;
        let num = tx.last_insert_rowid();
        {
            let refs: Vec<super::passages::PassageRef<'_>> = r
                .segments
                .iter()
                .map(super::passages::PassageRef::from)
                .collect();
            super::passages::write(&tx, num, &refs)?;
            let mut tag = tx.prepare_cached(
                "INSERT INTO tag (testimony, facet, value, source, status, confidence, decided_by, decided_at, note,
                    evidence)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for g in &r.tags {
                tag.execute(params![
                    num,
                    g.facet,
                    g.value,
                    g.source,
                    g.status,
                    g.confidence,
                    g.decided_by,
                    g.decided_at,
                    g.note,
                    super::evidence::encode(&g.evidence)
                ])?;
            }
            let mut rev = tx.prepare_cached(
                "INSERT INTO revision (testimony, number, at, actor, kind, sha256, source_path, summary, matched_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            for v in &r.revisions {
                rev.execute(params![
                    num,
                    v.number,
                    v.at,
                    v.actor,
                    v.kind,
                    v.sha256,
                    v.source_path,
                    v.summary,
                    v.matched_by
                ])?;
            }
            let mut red = tx.prepare_cached(
                "INSERT INTO redaction (testimony, ordinal, span_start, span_end, reason, actor, at, active)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for d in &r.redactions {
                red.execute(params![
                    num, d.ordinal, d.span.0, d.span.1, d.reason, d.actor, d.at, d.active
                ])?;
            }
            let mut sr = tx.prepare_cached(
                "INSERT INTO segment_revision (testimony, ordinal, revision, text, at, actor, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for s in &r.segment_revisions {
                sr.execute(params![
                    num, s.ordinal, s.revision, s.text, s.at, s.actor, s.reason
                ])?;
            }
        }
        insert_index_points(&tx, num, &r.index_points)?;
        let after = json!({
            "revision": t.revision,
            "sha256": t.sha256,
            "restored_from": from,
            "segments": r.segments.len(),
            "originals": r.originals.len(),
        });
        audit::append(&tx, actor, "restore", &t.id, None, Some(&after), "")?;
        queue_index(&tx, &t.id)?;
        tx.commit()?;
        Ok(IngestOutcome::Ingested)
    }
}

/// A value for a JSON column.
fn js<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}
