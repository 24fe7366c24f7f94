//! Writing ingested testimonies.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde_json::json;

use super::{Result, Store, StoreError, audit};
use crate::parse::{Access, IndexPoint, Segment, Speaker};
use crate::repair::Repair;
use crate::vocab::Facet;

/// A testimony ready to be stored by [`Store::write_ingest`].
#[derive(Debug, Clone, PartialEq)]
pub struct NewTestimony {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Narrator.
    pub narrator: Option<String>,
    /// Birth year.
    pub narrator_birth_year: Option<i32>,
    /// Birthplace.
    pub narrator_birthplace: Option<String>,
    /// Interviewer.
    pub interviewer: Option<String>,
    /// Recording date.
    pub recorded: Option<String>,
    /// Recording place.
    pub recording_place: Option<String>,
    /// Language codes.
    pub languages: Vec<String>,
    /// Access level from the header.
    pub access: Access,
    /// Embargo date.
    pub embargo_until: Option<String>,
    /// Keywords.
    pub keywords: Vec<String>,
    /// Speakers.
    pub speakers: Vec<Speaker>,
    /// Provenance.
    pub source: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Abstract.
    pub summary: Option<String>,
    /// Rights statement.
    pub rights: Option<String>,
    /// Source fields without a column of their own.
    pub properties: std::collections::BTreeMap<String, String>,
    /// Input format name.
    pub format: String,
    /// The file's path as given.
    pub source_path: String,
    /// Its canonical absolute path, when it could be resolved: how a
    /// re-ingest of the same file is recognised (see [`crate::identity`]).
    pub source_abs: Option<String>,
    /// Whether `id` was derived from the file name (rather than given by
    /// the file's header, OHMS accession number or a metadata-sheet row).
    pub id_derived: bool,
    /// The original bytes.
    pub bytes: Vec<u8>,
    /// Their SHA-256.
    pub sha256: String,
    /// Encoding name.
    pub encoding: String,
    /// Encoding confidence.
    pub encoding_confidence: f64,
    /// Repairs applied.
    pub repairs: Vec<Repair>,
    /// Segments, with languages set.
    pub segments: Vec<Segment>,
    /// Header tags and suggestions.
    pub tags: Vec<NewTag>,
    /// The table of contents (OHMS index points).
    pub index_points: Vec<IndexPoint>,
}

/// A tag to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewTag {
    /// Facet.
    pub facet: Facet,
    /// Vocabulary id.
    pub value: String,
    /// `header` or `suggested`.
    pub source: &'static str,
    /// Confidence, 0–1.
    pub confidence: f64,
    /// Evidence.
    pub evidence: Vec<NewEvidence>,
}

/// Evidence for a tag.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvidence {
    /// Segment ordinal (1-based).
    pub ordinal: Option<i64>,
    /// Byte span in the segment text.
    pub span: Option<(usize, usize)>,
    /// The matched text.
    pub matched: String,
    /// The alias or cue.
    pub alias: Option<String>,
    /// The rule.
    pub rule: String,
    /// Header line.
    pub line: Option<usize>,
}

/// What an ingest did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngestOutcome {
    /// A new testimony.
    Ingested,
    /// Same identifier, same bytes: nothing changed.
    Unchanged,
    /// Same identifier, new bytes: a new revision.
    Updated {
        /// The new revision number.
        revision: i64,
    },
}

impl Store {
    /// Stores an ingested testimony in one transaction (see the module
    /// docs). `replace` allows a file with another name to become a new
    /// revision of an existing identifier; `matched_by` records how the
    /// identity rules chose `t.id` (`new`, `id`, `path`, `sha256`,
    /// `replace`, `split`).
    pub fn write_ingest(
        &mut self,
        t: &NewTestimony,
        actor: &str,
        replace: bool,
        matched_by: &str,
    ) -> Result<IngestOutcome> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let outcome = write_ingest_in(&tx, t, actor, replace, matched_by)?;
        tx.commit()?;
        Ok(outcome)
    }
}

/// [`Store::write_ingest`] inside a transaction the caller commits.
pub(super) fn write_ingest_in(
    tx: &Transaction<'_>,
    t: &NewTestimony,
    actor: &str,
    replace: bool,
    matched_by: &str,
) -> Result<IngestOutcome> {
    let existing: Option<Existing> = tx
        .query_row(
            "SELECT num, sha256, source_path, revision, merged_into, edited_fields, properties
                 FROM testimony WHERE id = ?1",
            [&t.id],
            |r| {
                Ok(Existing {
                    num: r.get(0)?,
                    sha256: r.get(1)?,
                    source_path: r.get(2)?,
                    revision: r.get(3)?,
                    merged_into: r.get(4)?,
                    edited_fields: r.get(5)?,
                    properties: r.get(6)?,
                })
            },
        )
        .optional()?;
    let properties = serde_json::to_string(&t.properties).unwrap_or_else(|_| "{}".into());
    let curated = match &existing {
        Some(e) => curated_values(tx, e.num, &e.edited_fields)?,
        None => Vec::new(),
    };
    if let Some(e) = &existing {
        // Same bytes and same source metadata (a metadata sheet's row is
        // recorded in the properties): nothing to do.
        if e.sha256 == t.sha256 && e.properties == properties {
            return Ok(IngestOutcome::Unchanged);
        }
        if let Some(into) = &e.merged_into {
            return Err(StoreError::Conflict(format!(
                "identifier `{}` was merged into `{into}`; give this file another id, or ingest it as `{into}` with --replace",
                t.id
            )));
        }
        if file_name(&e.source_path) != file_name(&t.source_path) && !replace {
            return Err(StoreError::IdentifierTaken {
                id: t.id.clone(),
                existing: file_name(&e.source_path).to_string(),
                new: file_name(&t.source_path).to_string(),
            });
        }
    }
    let now = crate::dates::now_rfc3339();
    insert_original(tx, &t.sha256, &t.bytes, &now)?;
    let languages = serde_json::to_string(&t.languages).unwrap_or_else(|_| "[]".into());
    let keywords = serde_json::to_string(&t.keywords).unwrap_or_else(|_| "[]".into());
    let speakers = serde_json::to_string(&t.speakers).unwrap_or_else(|_| "[]".into());
    let repairs = serde_json::to_string(&t.repairs).unwrap_or_else(|_| "[]".into());
    let (num, revision, outcome, before) = match existing {
        None => {
            tx.execute(
                    "INSERT INTO testimony (id, title, narrator, narrator_birth_year, narrator_birthplace, interviewer,
                        recorded, recording_place, languages, access, embargo_until, keywords, speakers, source, notes,
                        format, source_path, sha256, encoding, encoding_confidence, repairs, revision, created_at, updated_at,
                        source_abs)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, 1, ?22, ?22, ?23)",
                    params![
                        t.id, t.title, t.narrator, t.narrator_birth_year, t.narrator_birthplace, t.interviewer,
                        t.recorded, t.recording_place, languages, t.access.name(), t.embargo_until, keywords, speakers,
                        t.source, t.notes, t.format, t.source_path, t.sha256, t.encoding, t.encoding_confidence,
                        repairs, now, t.source_abs
                    ],
                )?;
            (tx.last_insert_rowid(), 1, IngestOutcome::Ingested, None)
        }
        Some(Existing {
            num,
            sha256: old_sha,
            source_path: old_path,
            revision: old_rev,
            ..
        }) => {
            let revision = old_rev + 1;
            tx.execute(
                    "UPDATE testimony SET title = ?2, narrator = ?3, narrator_birth_year = ?4, narrator_birthplace = ?5,
                        interviewer = ?6, recorded = ?7, recording_place = ?8, languages = ?9, access = ?10,
                        embargo_until = ?11, keywords = ?12, speakers = ?13, source = ?14, notes = ?15, format = ?16,
                        source_path = ?17, sha256 = ?18, encoding = ?19, encoding_confidence = ?20, repairs = ?21,
                        revision = ?22, updated_at = ?23, source_abs = ?24
                     WHERE num = ?1",
                    params![
                        num, t.title, t.narrator, t.narrator_birth_year, t.narrator_birthplace, t.interviewer,
                        t.recorded, t.recording_place, languages, t.access.name(), t.embargo_until, keywords, speakers,
                        t.source, t.notes, t.format, t.source_path, t.sha256, t.encoding, t.encoding_confidence,
                        repairs, revision, now, t.source_abs
                    ],
                )?;
            // Values set by curators win over the file's header.
            for (field, value) in &curated {
                tx.execute(
                    &format!("UPDATE testimony SET {field} = ?2 WHERE num = ?1"),
                    params![num, value],
                )?;
            }
            tx.execute("DELETE FROM index_point WHERE testimony = ?1", [num])?;
            let before = json!({ "revision": old_rev, "sha256": old_sha, "source_path": old_path });
            (
                num,
                revision,
                IngestOutcome::Updated { revision },
                Some(before),
            )
        }
    };
    tx.execute(
        "UPDATE testimony SET summary = ?2, rights = ?3, properties = ?4 WHERE num = ?1",
        params![num, t.summary, t.rights, properties],
    )?;
    insert_segments(tx, num, &t.segments)?;
    insert_index_points(tx, num, &t.index_points)?;
    let tag_summary = upsert_tags(tx, num, &t.tags, false)?;
    let kind = if revision == 1 { "ingest" } else { "update" };
    let corrections: i64 = tx.query_row(
        "SELECT count(*) FROM segment_revision WHERE testimony = ?1",
        [num],
        |r| r.get(0),
    )?;
    let points = if t.index_points.is_empty() {
        String::new()
    } else {
        format!(", {} index points", t.index_points.len())
    };
    let mut summary = format!(
        "{} segments{points} from {} ({}, {}); {}",
        t.segments.len(),
        file_name(&t.source_path),
        t.format,
        t.encoding,
        tag_summary
    );
    if revision > 1 && corrections > 0 {
        summary.push_str(&format!(
                "; {corrections} curator corrections were made to earlier revisions (see `tanu history`)"
            ));
    }
    tx.execute(
            "INSERT INTO revision (testimony, number, at, actor, kind, sha256, source_path, summary, matched_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![num, revision, now, actor, kind, t.sha256, t.source_path, summary, matched_by],
        )?;
    let after = json!({
        "revision": revision,
        "sha256": t.sha256,
        "source_path": t.source_path,
        "segments": t.segments.len(),
        "encoding": t.encoding,
    });
    audit::append(tx, actor, kind, &t.id, before.as_ref(), Some(&after), "")?;
    queue_index(tx, &t.id)?;
    Ok(outcome)
}

/// The current values of the fields curators edited, to restore after a
/// re-ingest overwrote them. Field names come from the fixed list only.
fn curated_values(
    tx: &Transaction<'_>,
    num: i64,
    edited: &str,
) -> Result<Vec<(String, rusqlite::types::Value)>> {
    let fields: Vec<String> = super::json_column("edited_fields", edited)?;
    let allowed: Vec<&str> = super::curate::EDITABLE_FIELDS
        .iter()
        .copied()
        .chain(["access", "embargo_until"])
        .collect();
    let mut out = Vec::new();
    for f in fields.iter().filter(|f| allowed.contains(&f.as_str())) {
        let v: rusqlite::types::Value = tx.query_row(
            &format!("SELECT {f} FROM testimony WHERE num = ?1"),
            [num],
            |r| r.get(0),
        )?;
        out.push((f.clone(), v));
    }
    Ok(out)
}

/// The stored row an ingest finds under its identifier.
struct Existing {
    num: i64,
    sha256: String,
    source_path: String,
    revision: i64,
    merged_into: Option<String>,
    edited_fields: String,
    properties: String,
}

/// Queues a testimony for (re)indexing inside a write transaction.
pub(crate) fn queue_index(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("INSERT INTO index_outbox (testimony) VALUES (?1)", [id])?;
    Ok(())
}

fn file_name(path: &str) -> &str {
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

fn insert_segments(tx: &Transaction<'_>, num: i64, segments: &[Segment]) -> Result<()> {
    let refs: Vec<super::passages::PassageRef<'_>> = segments
        .iter()
        .enumerate()
        .map(|(i, s)| super::passages::PassageRef {
            ordinal: i as i64 + 1,
            start_ms: s.start_ms.map(|v| v as i64),
            end_ms: s.end_ms.map(|v| v as i64),
            speaker: s.speaker.as_deref(),
            lang: s.lang.map_or("other", |l| l.code()),
            text: &s.text,
        })
        .collect();
    super::passages::write(tx, num, &refs)?;
    Ok(())
}

pub(super) fn insert_index_points(
    tx: &Transaction<'_>,
    num: i64,
    points: &[IndexPoint],
) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO index_point (testimony, ordinal, start_ms, title, title_alt, partial_transcript,
            partial_transcript_alt, synopsis, synopsis_alt, keywords, keywords_alt, subjects, subjects_alt,
            gps, hyperlinks)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    for (i, p) in points.iter().enumerate() {
        stmt.execute(params![
            num,
            i as i64 + 1,
            i64::try_from(p.start_ms).unwrap_or(i64::MAX),
            p.title,
            p.title_alt,
            p.partial_transcript,
            p.partial_transcript_alt,
            p.synopsis,
            p.synopsis_alt,
            json(&p.keywords),
            json(&p.keywords_alt),
            json(&p.subjects),
            json(&p.subjects_alt),
            json(&p.gps),
            json(&p.hyperlinks),
        ])?;
    }
    Ok(())
}

/// A list column as JSON.
fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

/// Replaces header tags and undecided suggestions with the new ones, and
/// keeps every curator decision (confirmed, rejected, added by hand).
/// With `keep_header`, header tags stay even when not among `tags`
/// (re-tagging from text).
pub(crate) fn upsert_tags(
    tx: &Transaction<'_>,
    num: i64,
    tags: &[NewTag],
    keep_header: bool,
) -> Result<String> {
    let mut existing: HashMap<(String, String), (i64, String, String, bool)> = HashMap::new();
    {
        let mut stmt = tx.prepare_cached(
            "SELECT num, facet, value, source, status, decided_by IS NOT NULL FROM tag WHERE testimony = ?1",
        )?;
        let rows = stmt.query_map([num], |r| {
            Ok((
                (r.get::<_, String>(1)?, r.get::<_, String>(2)?),
                (r.get(0)?, r.get(3)?, r.get(4)?, r.get(5)?),
            ))
        })?;
        for row in rows {
            let (k, v) = row?;
            existing.insert(k, v);
        }
    }
    let new_keys: Vec<(String, String)> = tags
        .iter()
        .map(|t| (t.facet.name().to_string(), t.value.clone()))
        .collect();
    let (mut added, mut kept_decisions) = (0, 0);
    for (key, (tag_num, source, _status, decided)) in &existing {
        if *decided {
            kept_decisions += 1;
            continue;
        }
        if keep_header && source == "header" {
            continue;
        }
        if !new_keys.contains(key) {
            tx.execute("DELETE FROM tag WHERE num = ?1", [tag_num])?;
        }
    }
    let mut ev = tx.prepare_cached("UPDATE tag SET evidence = ?2 WHERE num = ?1")?;
    for t in tags {
        let key = (t.facet.name().to_string(), t.value.clone());
        let status = if t.source == "header" {
            "confirmed"
        } else {
            "suggested"
        };
        let tag_num = match existing.get(&key) {
            Some((tag_num, source, _, decided)) => {
                if !decided && source != "curator" {
                    // An undecided tag takes the strongest source: a header
                    // tag outranks a suggestion of the same value.
                    let (src, st) = if t.source == "header" || source == "header" {
                        ("header", "confirmed")
                    } else {
                        ("suggested", "suggested")
                    };
                    tx.execute(
                        "UPDATE tag SET source = ?2, status = ?3, confidence = ?4 WHERE num = ?1",
                        params![tag_num, src, st, t.confidence],
                    )?;
                }
                *tag_num
            }
            None => {
                tx.execute(
                    "INSERT INTO tag (testimony, facet, value, source, status, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (testimony, facet, value) DO NOTHING",
                    params![num, t.facet.name(), t.value, t.source, status, t.confidence],
                )?;
                added += 1;
                tx.query_row(
                    "SELECT num FROM tag WHERE testimony = ?1 AND facet = ?2 AND value = ?3",
                    params![num, t.facet.name(), t.value],
                    |r| r.get(0),
                )?
            }
        };
        // The tag's evidence is replaced by what this text gives.
        ev.execute(params![tag_num, super::evidence::encode(&t.evidence)])?;
    }
    Ok(format!(
        "{} tags ({added} new, {kept_decisions} curator decisions kept)",
        tags.len()
    ))
}

/// Stores an original file (compressed, see `blob`) unless one with this
/// SHA-256 is there already; `sha256` must be the hash of `bytes`.
pub(super) fn insert_original(
    tx: &Transaction<'_>,
    sha256: &str,
    bytes: &[u8],
    now: &str,
) -> Result<()> {
    let known = tx
        .prepare_cached("SELECT 1 FROM original WHERE sha256 = ?1")?
        .exists([sha256])?;
    if !known {
        let (codec, stored) = super::blob::encode(bytes);
        tx.prepare_cached(
            "INSERT INTO original (sha256, bytes, size, first_seen, codec) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![sha256, stored.as_ref(), bytes.len() as i64, now, codec])?;
    }
    Ok(())
}
