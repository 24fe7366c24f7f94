//! Curation operations: tag decisions, metadata edits, transcript
//! corrections, workflow status, access, redaction, merging, re-tagging.
//!
//! Each public method is one `IMMEDIATE` transaction that checks its
//! preconditions, writes, appends an audit entry with the state before and
//! after and the curator's reason, and queues the testimony for
//! reindexing. Validation of *values* against the vocabulary happens in the
//! caller (`crate::curate`); this module checks that rows exist and that the
//! operation makes sense in the current state.

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde::Serialize;
use serde_json::json;

use super::write::{queue_index, upsert_tags};
use super::{NewTag, Result, Store, StoreError, audit};

/// What to do with a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagDecision {
    /// Accept a suggestion (or re-accept a rejected tag).
    Confirm,
    /// Reject a suggestion; it stays rejected after re-ingest.
    Reject,
    /// Add a tag by hand (confirmed, source `curator`).
    Add,
    /// Remove a tag (kept as rejected, so a re-ingest does not bring it back).
    Remove,
}

impl TagDecision {
    fn op(self) -> &'static str {
        match self {
            TagDecision::Confirm => "tag.confirm",
            TagDecision::Reject => "tag.reject",
            TagDecision::Add => "tag.add",
            TagDecision::Remove => "tag.remove",
        }
    }
}

/// Metadata fields a curator may edit with `tanu edit`.
pub const EDITABLE_FIELDS: &[&str] = &[
    "title",
    "narrator",
    "narrator_birth_year",
    "narrator_birthplace",
    "interviewer",
    "recorded",
    "recording_place",
    "languages",
    "keywords",
    "source",
    "notes",
];

/// Workflow states.
pub const STATUSES: &[&str] = &["new", "in_review", "published", "withdrawn"];

/// One suggestion waiting for review, with its evidence in context.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewItem {
    /// Testimony id.
    pub testimony: String,
    /// Testimony title.
    pub title: String,
    /// Facet.
    pub facet: String,
    /// Vocabulary id.
    pub value: String,
    /// Confidence.
    pub confidence: f64,
    /// Evidence: segment, start time, the segment text and the byte span.
    pub evidence: Vec<ReviewEvidence>,
}

/// Where a suggestion was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewEvidence {
    /// Segment ordinal; 0 for evidence in no passage (the header's
    /// birthplace, rule `home`), whose `text` is empty.
    pub ordinal: i64,
    /// Segment start time.
    pub start_ms: Option<i64>,
    /// The segment text.
    pub text: String,
    /// Byte span of the match in `text`.
    pub span: Option<(i64, i64)>,
    /// The matched text.
    pub matched: String,
    /// The rule that fired.
    pub rule: String,
}

impl ReviewEvidence {
    /// Whether it points into a passage (not at the header's birthplace).
    pub fn in_passage(&self) -> bool {
        self.ordinal != 0
    }

    /// `e` as the review shows it, with its passage from `passages` (the
    /// testimony's, in order): evidence in no passage and on no header line
    /// (the birthplace or recording place the tagger weighed) as ordinal 0
    /// without text. Evidence on a header line, or in a passage that is
    /// not there, is not shown.
    pub(crate) fn of(e: super::EvidenceRef<'_>, passages: &[super::SegmentRow]) -> Option<Self> {
        let (ordinal, passage) = match e.ordinal {
            None if e.line.is_none() => (0, None),
            None => return None,
            Some(o) => {
                let at = passages.binary_search_by_key(&o, |s| s.ordinal).ok()?;
                (o, Some(&passages[at]))
            }
        };
        Some(ReviewEvidence {
            ordinal,
            start_ms: passage.and_then(|s| s.start_ms),
            text: passage.map(|s| s.text.clone()).unwrap_or_default(),
            span: e.span,
            matched: e.matched.to_string(),
            rule: e.rule.to_string(),
        })
    }
}

struct Target {
    num: i64,
    revision: i64,
}

/// The change stamp of testimony `id`: the sequence number of the last
/// audit entry about it (every ingest and curation write appends one), 0
/// when there is none.
fn stamp(conn: &Connection, id: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(seq), 0) FROM audit WHERE target = ?1",
        [id],
        |r| r.get(0),
    )?)
}

/// The testimony a write changes, refused when it was merged away or, with
/// a `base`, changed since that stamp (checked inside the write's
/// transaction, so no other write can come between).
fn target_at(tx: &Transaction<'_>, id: &str, base: Option<i64>) -> Result<Target> {
    let t = target(tx, id)?;
    if let Some(base) = base {
        let current = stamp(tx, id)?;
        if current != base {
            return Err(StoreError::Stale {
                id: id.to_string(),
                base,
                current,
            });
        }
    }
    Ok(t)
}

fn target(tx: &Transaction<'_>, id: &str) -> Result<Target> {
    let row: Option<(i64, i64, Option<String>)> = tx
        .query_row(
            "SELECT num, revision, merged_into FROM testimony WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    match row {
        None => Err(StoreError::NotFound(id.to_string())),
        Some((_, _, Some(into))) => Err(StoreError::Conflict(format!(
            "testimony `{id}` was merged into `{into}`; change `{into}` instead"
        ))),
        Some((num, revision, None)) => Ok(Target { num, revision }),
    }
}

fn new_revision(
    tx: &Transaction<'_>,
    t: &Target,
    actor: &str,
    kind: &str,
    summary: &str,
) -> Result<i64> {
    let number = t.revision + 1;
    let now = crate::dates::now_rfc3339();
    tx.execute(
        "UPDATE testimony SET revision = ?2, updated_at = ?3 WHERE num = ?1",
        params![t.num, number, now],
    )?;
    tx.execute(
        "INSERT INTO revision (testimony, number, at, actor, kind, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![t.num, number, now, actor, kind, summary],
    )?;
    Ok(number)
}

fn touch(tx: &Transaction<'_>, num: i64) -> Result<()> {
    tx.execute(
        "UPDATE testimony SET updated_at = ?2 WHERE num = ?1",
        params![num, crate::dates::now_rfc3339()],
    )?;
    Ok(())
}

/// Decides one tag of `t`. With `waiting`, only a suggestion still
/// waiting for review (not decided by someone else meanwhile) is decided.
#[allow(clippy::too_many_arguments)]
fn decide_in(
    tx: &Transaction<'_>,
    t: &Target,
    id: &str,
    facet: &str,
    value: &str,
    decision: TagDecision,
    actor: &str,
    note: &str,
    waiting: bool,
) -> Result<()> {
    let existing: Option<(i64, String, String)> = tx
            .query_row(
                "SELECT num, source, status FROM tag WHERE testimony = ?1 AND facet = ?2 AND value = ?3",
                params![t.num, facet, value],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
    if waiting {
        match existing.as_ref().map(|(_, _, st)| st.as_str()) {
            Some("suggested") => {}
            Some(other) => {
                return Err(StoreError::Conflict(format!(
                    "the {facet} tag `{value}` of `{id}` is no longer a suggestion: it was {other} meanwhile"
                )));
            }
            None => {
                return Err(StoreError::Conflict(format!(
                    "`{id}` has no {facet} suggestion `{value}`"
                )));
            }
        }
    }
    let now = crate::dates::now_rfc3339();
    let before = existing
        .as_ref()
        .map(|(_, s, st)| json!({ "source": s, "status": st }));
    let status = match decision {
        TagDecision::Confirm | TagDecision::Add => "confirmed",
        TagDecision::Reject | TagDecision::Remove => "rejected",
    };
    match (&existing, decision) {
        (None, TagDecision::Confirm | TagDecision::Reject) => {
            return Err(StoreError::Conflict(format!(
                "`{id}` has no {facet} tag `{value}` to {}; see `tanu review --testimony {id}`{}",
                if decision == TagDecision::Confirm {
                    "confirm"
                } else {
                    "reject"
                },
                if decision == TagDecision::Confirm {
                    " or use `tanu tag add`"
                } else {
                    ""
                }
            )));
        }
        (None, TagDecision::Remove) => {
            return Err(StoreError::Conflict(format!(
                "`{id}` has no {facet} tag `{value}` to remove"
            )));
        }
        (Some((_, _, st)), _) if st == status && decision != TagDecision::Add => {
            return Err(StoreError::Conflict(format!(
                "the {facet} tag `{value}` of `{id}` is already {st}"
            )));
        }
        (None, TagDecision::Add) => {
            tx.execute(
                    "INSERT INTO tag (testimony, facet, value, source, status, confidence, decided_by, decided_at, note)
                     VALUES (?1, ?2, ?3, 'curator', 'confirmed', 1.0, ?4, ?5, ?6)",
                    params![t.num, facet, value, actor, now, note],
                )?;
        }
        (Some((tag, _, _)), _) => {
            tx.execute(
                    "UPDATE tag SET status = ?2, decided_by = ?3, decided_at = ?4, note = ?5 WHERE num = ?1",
                    params![tag, status, actor, now, note],
                )?;
        }
    }
    let after = json!({ "facet": facet, "value": value, "status": status });
    let before = before.map(|b| json!({ "facet": facet, "value": value, "tag": b }));
    audit::append(
        tx,
        actor,
        decision.op(),
        id,
        before.as_ref(),
        Some(&after),
        note,
    )?;
    touch(tx, t.num)?;
    queue_index(tx, id)?;
    Ok(())
}

impl Store {
    /// Makes the next curation write on this store refuse to change a
    /// testimony whose change stamp ([`Store::change_stamp`]) is no longer
    /// `base` (with [`StoreError::Stale`]). `None` removes the condition.
    /// The next write takes it, whether it succeeds or not.
    pub fn expect_base(&mut self, base: Option<i64>) {
        self.base = base;
    }

    /// The change stamp of testimony `id`: it changes with every write
    /// about the testimony (ingest, edit, correction, tag decision, status,
    /// access, redaction). A form carries it to say what it was made on.
    pub fn change_stamp(&self, id: &str) -> Result<i64> {
        stamp(&self.conn, id)
    }

    fn begin(&mut self) -> Result<Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    /// Confirms, rejects, adds or removes a tag.
    pub fn decide_tag(
        &mut self,
        id: &str,
        facet: &str,
        value: &str,
        decision: TagDecision,
        actor: &str,
        note: &str,
    ) -> Result<()> {
        let base = self.base.take();
        let tx = self.begin()?;
        let t = target_at(&tx, id, base)?;
        decide_in(&tx, &t, id, facet, value, decision, actor, note, false)?;
        tx.commit()?;
        Ok(())
    }

    /// The same decision on several suggestions `(testimony, facet,
    /// value)` in one transaction, as the review queue makes them: each must
    /// still be a suggestion (not decided by someone else meanwhile). All
    /// are decided, or (the first refusal names the tag) none.
    pub fn decide_tags(
        &mut self,
        tags: &[(String, String, String)],
        decision: TagDecision,
        actor: &str,
        note: &str,
    ) -> Result<usize> {
        self.base = None;
        let tx = self.begin()?;
        for (id, facet, value) in tags {
            let t = target(&tx, id)?;
            decide_in(&tx, &t, id, facet, value, decision, actor, note, true)?;
        }
        tx.commit()?;
        Ok(tags.len())
    }

    /// Sets metadata fields (already validated and normalised by the
    /// caller): `(field, new value as JSON)`. Edited fields are remembered
    /// so that a re-ingest keeps them.
    pub fn edit_metadata(
        &mut self,
        id: &str,
        changes: &[(String, serde_json::Value)],
        actor: &str,
        reason: &str,
    ) -> Result<i64> {
        let base = self.base.take();
        let tx = self.begin()?;
        let t = target_at(&tx, id, base)?;
        let mut before = serde_json::Map::new();
        let mut after = serde_json::Map::new();
        let mut edited: Vec<String> = {
            let s: String = tx.query_row(
                "SELECT edited_fields FROM testimony WHERE num = ?1",
                [t.num],
                |r| r.get(0),
            )?;
            super::json_column("edited_fields", &s)?
        };
        for (field, value) in changes {
            if !EDITABLE_FIELDS.contains(&field.as_str()) {
                return Err(StoreError::Conflict(format!("`{field}` cannot be edited")));
            }
            // The field name is one of the fixed names above, never input.
            let old: rusqlite::types::Value = tx.query_row(
                &format!("SELECT {field} FROM testimony WHERE num = ?1"),
                [t.num],
                |r| r.get(0),
            )?;
            before.insert(field.clone(), sql_to_json(old));
            let stored: rusqlite::types::Value = match value {
                serde_json::Value::Null => rusqlite::types::Value::Null,
                serde_json::Value::Number(n) => {
                    rusqlite::types::Value::Integer(n.as_i64().unwrap_or_default())
                }
                serde_json::Value::String(s) => rusqlite::types::Value::Text(s.clone()),
                other => rusqlite::types::Value::Text(other.to_string()),
            };
            if field == "title" && matches!(stored, rusqlite::types::Value::Null) {
                return Err(StoreError::Conflict("a testimony must keep a title".into()));
            }
            tx.execute(
                &format!("UPDATE testimony SET {field} = ?2 WHERE num = ?1"),
                params![t.num, stored],
            )?;
            after.insert(field.clone(), value.clone());
            if !edited.contains(field) {
                edited.push(field.clone());
            }
        }
        tx.execute(
            "UPDATE testimony SET edited_fields = ?2 WHERE num = ?1",
            params![
                t.num,
                serde_json::to_string(&edited).unwrap_or_else(|_| "[]".into())
            ],
        )?;
        let names: Vec<&str> = changes.iter().map(|(f, _)| f.as_str()).collect();
        let rev = new_revision(
            &tx,
            &t,
            actor,
            "edit",
            &format!("edited {}", names.join(", ")),
        )?;
        audit::append(
            &tx,
            actor,
            "edit",
            id,
            Some(&before.into()),
            Some(&after.into()),
            reason,
        )?;
        queue_index(&tx, id)?;
        tx.commit()?;
        Ok(rev)
    }

    /// Replaces the text of one segment, keeping the old text as a segment
    /// revision. Active redactions follow their text; a redaction whose
    /// text is gone refuses the correction. Returns the new revision.
    pub fn correct_segment(
        &mut self,
        id: &str,
        ordinal: i64,
        text: &str,
        lang: &str,
        actor: &str,
        reason: &str,
    ) -> Result<i64> {
        let base = self.base.take();
        let tx = self.begin()?;
        let t = target_at(&tx, id, base)?;
        let mut segments = super::passages::read(&tx, t.num)?;
        let Some(seg) = segments.iter_mut().find(|s| s.ordinal == ordinal) else {
            return Err(StoreError::Conflict(format!(
                "`{id}` has no segment {ordinal}"
            )));
        };
        let old_text = std::mem::replace(&mut seg.text, text.to_string());
        let old_lang = std::mem::replace(&mut seg.lang, lang.to_string());
        if old_text == text {
            return Err(StoreError::Conflict(format!(
                "segment {ordinal} of `{id}` already has this text"
            )));
        }
        // Move active redactions onto the new text.
        let redactions: Vec<(i64, String)> = {
            let mut stmt = tx.prepare(
                "SELECT num, redacted_text FROM redaction WHERE testimony = ?1 AND ordinal = ?2 AND active = 1",
            )?;
            stmt.query_map(params![t.num, ordinal], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut used: Vec<(usize, usize)> = Vec::new();
        for (num, redacted) in &redactions {
            let found = text
                .match_indices(redacted.as_str())
                .map(|(i, m)| (i, i + m.len()))
                .find(|span| !used.contains(span));
            let Some(span) = found.filter(|_| !redacted.is_empty()) else {
                return Err(StoreError::Conflict(format!(
                    "segment {ordinal} has an active redaction (#{num}) whose text is not in the corrected text; \
                     lift it with `tanu unredact {id} {num}` first, then redact the new text"
                )));
            };
            used.push(span);
            tx.execute(
                "UPDATE redaction SET span_start = ?2, span_end = ?3 WHERE num = ?1",
                params![num, span.0 as i64, span.1 as i64],
            )?;
        }
        let rev = new_revision(
            &tx,
            &t,
            actor,
            "correct",
            &format!("corrected segment {ordinal}"),
        )?;
        tx.execute(
            "INSERT INTO segment_revision (testimony, ordinal, revision, text, at, actor, reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                t.num,
                ordinal,
                rev,
                old_text,
                crate::dates::now_rfc3339(),
                actor,
                reason
            ],
        )?;
        let refs: Vec<super::passages::PassageRef<'_>> = segments
            .iter()
            .map(super::passages::PassageRef::from)
            .collect();
        super::passages::write(&tx, t.num, &refs)?;
        audit::append(
            &tx,
            actor,
            "correct",
            id,
            Some(&json!({ "segment": ordinal, "text": old_text, "lang": old_lang })),
            Some(&json!({ "segment": ordinal, "text": text, "lang": lang })),
            reason,
        )?;
        queue_index(&tx, id)?;
        tx.commit()?;
        Ok(rev)
    }

    /// Sets the workflow status.
    pub fn set_status(&mut self, id: &str, status: &str, actor: &str, reason: &str) -> Result<()> {
        if !STATUSES.contains(&status) {
            return Err(StoreError::Conflict(format!(
                "unknown status `{status}` (use {})",
                STATUSES.join(", ")
            )));
        }
        let base = self.base.take();
        let tx = self.begin()?;
        let t = target_at(&tx, id, base)?;
        let old: String = tx.query_row(
            "SELECT status FROM testimony WHERE num = ?1",
            [t.num],
            |r| r.get(0),
        )?;
        if old == status {
            return Err(StoreError::Conflict(format!("`{id}` is already {status}")));
        }
        tx.execute(
            "UPDATE testimony SET status = ?2 WHERE num = ?1",
            params![t.num, status],
        )?;
        touch(&tx, t.num)?;
        audit::append(
            &tx,
            actor,
            "status",
            id,
            Some(&json!({ "status": old })),
            Some(&json!({ "status": status })),
            reason,
        )?;
        queue_index(&tx, id)?;
        tx.commit()?;
        Ok(())
    }

    /// Sets the access level and/or the embargo date (`Some(None)` clears
    /// it). Both are then kept on re-ingest.
    pub fn set_access(
        &mut self,
        id: &str,
        access: Option<&str>,
        embargo: Option<Option<&str>>,
        actor: &str,
        reason: &str,
    ) -> Result<()> {
        let base = self.base.take();
        let tx = self.begin()?;
        let t = target_at(&tx, id, base)?;
        let (old_access, old_embargo, edited): (String, Option<String>, String) = tx.query_row(
            "SELECT access, embargo_until, edited_fields FROM testimony WHERE num = ?1",
            [t.num],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let mut edited: Vec<String> = super::json_column("edited_fields", &edited)?;
        let new_access = access.unwrap_or(&old_access).to_string();
        let new_embargo = match embargo {
            Some(e) => e.map(str::to_string),
            None => old_embargo.clone(),
        };
        if new_access == old_access && new_embargo == old_embargo {
            return Err(StoreError::Conflict(format!(
                "`{id}` already has this access level and embargo"
            )));
        }
        for f in ["access", "embargo_until"] {
            if !edited.iter().any(|e| e == f) {
                edited.push(f.to_string());
            }
        }
        tx.execute(
            "UPDATE testimony SET access = ?2, embargo_until = ?3, edited_fields = ?4 WHERE num = ?1",
            params![t.num, new_access, new_embargo, serde_json::to_string(&edited).unwrap_or_else(|_| "[]".into())],
        )?;
        touch(&tx, t.num)?;
        audit::append(
            &tx,
            actor,
            "access",
            id,
            Some(&json!({ "access": old_access, "embargo_until": old_embargo })),
            Some(&json!({ "access": new_access, "embargo_until": new_embargo })),
            reason,
        )?;
        queue_index(&tx, id)?;
        tx.commit()?;
        Ok(())
    }

    /// Redacts byte spans of one segment (already validated against the
    /// text by the caller). Returns the redaction numbers.
    pub fn redact(
        &mut self,
        id: &str,
        ordinal: i64,
        spans: &[(usize, usize)],
        actor: &str,
        reason: &str,
    ) -> Result<Vec<i64>> {
        if reason.trim().is_empty() {
            return Err(StoreError::Conflict(
                "a redaction needs a reason (--reason)".into(),
            ));
        }
        let base = self.base.take();
        let tx = self.begin()?;
        let t = target_at(&tx, id, base)?;
        let text: Option<String> = super::passages::read_where(&tx, t.num, &|o| o == ordinal)?
            .pop()
            .map(|s| s.text);
        let Some(text) = text else {
            return Err(StoreError::Conflict(format!(
                "`{id}` has no segment {ordinal}"
            )));
        };
        let now = crate::dates::now_rfc3339();
        let mut nums = Vec::new();
        for &(a, b) in spans {
            let Some(redacted) = text.get(a..b).filter(|s| !s.is_empty()) else {
                return Err(StoreError::Conflict(format!(
                    "span {a}..{b} is not inside segment {ordinal}"
                )));
            };
            tx.execute(
                "INSERT INTO redaction (testimony, ordinal, span_start, span_end, reason, actor, at, active, redacted_text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8)",
                params![t.num, ordinal, a as i64, b as i64, reason, actor, now, redacted],
            )?;
            let num = tx.last_insert_rowid();
            // The audit log records where, not what: the redacted words must
            // not be readable in the log either.
            audit::append(
                &tx,
                actor,
                "redact",
                id,
                None,
                Some(
                    &json!({ "redaction": num, "segment": ordinal, "span": [a, b], "chars": redacted.chars().count() }),
                ),
                reason,
            )?;
            nums.push(num);
        }
        touch(&tx, t.num)?;
        queue_index(&tx, id)?;
        tx.commit()?;
        Ok(nums)
    }

    /// Lifts a redaction (the row stays, inactive, with who lifted it).
    pub fn unredact(&mut self, id: &str, redaction: i64, actor: &str, reason: &str) -> Result<()> {
        let base = self.base.take();
        let tx = self.begin()?;
        let t = target_at(&tx, id, base)?;
        let row: Option<(i64, i64, i64, bool)> = tx
            .query_row(
                "SELECT ordinal, span_start, span_end, active FROM redaction WHERE num = ?1 AND testimony = ?2",
                params![redaction, t.num],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((ordinal, a, b, active)) = row else {
            return Err(StoreError::Conflict(format!(
                "`{id}` has no redaction #{redaction}"
            )));
        };
        if !active {
            return Err(StoreError::Conflict(format!(
                "redaction #{redaction} of `{id}` is already lifted"
            )));
        }
        let now = crate::dates::now_rfc3339();
        tx.execute(
            "UPDATE redaction SET active = 0, lifted_by = ?2, lifted_at = ?3, lift_reason = ?4 WHERE num = ?1",
            params![redaction, actor, now, reason],
        )?;
        touch(&tx, t.num)?;
        audit::append(
            &tx,
            actor,
            "unredact",
            id,
            Some(
                &json!({ "redaction": redaction, "segment": ordinal, "span": [a, b], "active": true }),
            ),
            Some(&json!({ "redaction": redaction, "active": false })),
            reason,
        )?;
        queue_index(&tx, id)?;
        tx.commit()?;
        Ok(())
    }

    /// Merges `drop` into `keep`: `keep`'s transcript stays current; `drop`
    /// keeps its row, originals, segments, tags and history, is marked
    /// merged and leaves search; its tags are added to `keep` where `keep`
    /// has no decision of its own.
    pub fn merge(&mut self, keep: &str, drop: &str, actor: &str, reason: &str) -> Result<usize> {
        if keep == drop {
            return Err(StoreError::Conflict(
                "a testimony cannot be merged into itself".into(),
            ));
        }
        let base = self.base.take();
        let tx = self.begin()?;
        let k = target_at(&tx, keep, base)?;
        let d = target(&tx, drop)?;
        let drop_tags: Vec<(String, String, String, String, f64, Option<String>)> = {
            let mut stmt = tx.prepare(
                "SELECT facet, value, source, status, confidence, decided_by FROM tag WHERE testimony = ?1",
            )?;
            stmt.query_map([d.num], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        let mut copied = 0;
        for (facet, value, source, status, confidence, decided_by) in &drop_tags {
            let n = tx.execute(
                "INSERT INTO tag (testimony, facet, value, source, status, confidence, decided_by, decided_at, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (testimony, facet, value) DO NOTHING",
                params![
                    k.num,
                    facet,
                    value,
                    source,
                    status,
                    confidence,
                    decided_by,
                    crate::dates::now_rfc3339(),
                    format!("from merged record {drop}")
                ],
            )?;
            copied += n;
        }
        tx.execute(
            "UPDATE testimony SET merged_into = ?2 WHERE num = ?1",
            params![d.num, keep],
        )?;
        touch(&tx, d.num)?;
        let summary = format!("merged `{drop}` into this record ({copied} tags added)");
        new_revision(&tx, &k, actor, "merge", &summary)?;
        audit::append(
            &tx,
            actor,
            "merge",
            keep,
            None,
            Some(&json!({ "merged": drop, "tags_added": copied })),
            reason,
        )?;
        audit::append(
            &tx,
            actor,
            "merged-into",
            drop,
            None,
            Some(&json!({ "merged_into": keep })),
            reason,
        )?;
        queue_index(&tx, keep)?;
        queue_index(&tx, drop)?;
        tx.commit()?;
        Ok(copied)
    }

    /// Replaces undecided suggestions with new ones (re-tagging after a
    /// vocabulary change or a correction); curator decisions stay.
    pub fn replace_suggestions(
        &mut self,
        id: &str,
        tags: &[NewTag],
        actor: &str,
    ) -> Result<String> {
        let base = self.base.take();
        let tx = self.begin()?;
        let t = target_at(&tx, id, base)?;
        // Header tags come from the file, not from the text: keep them.
        let summary = upsert_tags(&tx, t.num, tags, true)?;
        audit::append(
            &tx,
            actor,
            "retag",
            id,
            None,
            Some(&json!({ "summary": summary })),
            "",
        )?;
        touch(&tx, t.num)?;
        queue_index(&tx, id)?;
        tx.commit()?;
        Ok(summary)
    }

    /// Suggestions waiting for a decision, with their evidence in context.
    pub fn review_queue(
        &self,
        facet: Option<&str>,
        testimony: Option<&str>,
    ) -> Result<Vec<ReviewItem>> {
        let mut stmt = self.conn.prepare(
            "SELECT tag.num, t.id, t.title, tag.facet, tag.value, tag.confidence, t.num, tag.evidence
             FROM tag JOIN testimony t ON t.num = tag.testimony
             WHERE tag.status = 'suggested' AND t.merged_into IS NULL
               AND (?1 IS NULL OR tag.facet = ?1) AND (?2 IS NULL OR t.id = ?2)
             ORDER BY t.id, tag.facet, tag.confidence DESC, tag.value",
        )?;
        let mut rows = stmt.query(params![facet, testimony])?;
        let mut out = Vec::new();
        // The rows come by testimony: its passages are read once.
        let mut passages: Option<(i64, Vec<super::SegmentRow>)> = None;
        while let Some(r) = rows.next()? {
            let (tag, tnum, packed): (i64, i64, Vec<u8>) = (r.get(0)?, r.get(6)?, r.get(7)?);
            if passages.as_ref().is_none_or(|(n, _)| *n != tnum) {
                passages = Some((tnum, super::passages::read(&self.conn, tnum)?));
            }
            let segments = passages.as_ref().map_or(&[][..], |(_, s)| s.as_slice());
            let mut evidence: Vec<ReviewEvidence> = super::evidence::read(tag, &packed)?
                .iter()
                .filter_map(|e| ReviewEvidence::of(e.into(), segments))
                .collect();
            evidence.sort_by_key(|e| (e.ordinal, e.span.map(|s| s.0)));
            out.push(ReviewItem {
                testimony: r.get(1)?,
                title: r.get(2)?,
                facet: r.get(3)?,
                value: r.get(4)?,
                confidence: r.get(5)?,
                evidence,
            });
        }
        Ok(out)
    }

    /// The ids of the records merged into `id`.
    pub fn merged_records(&self, id: &str) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM testimony WHERE merged_into = ?1 ORDER BY id")?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Earlier texts of a testimony's segments, oldest first.
    pub fn segment_history(&self, num: i64) -> Result<Vec<SegmentText>> {
        let mut stmt = self.conn.prepare(
            "SELECT ordinal, revision, text, at, actor, reason FROM segment_revision
             WHERE testimony = ?1 ORDER BY revision, ordinal",
        )?;
        let rows = stmt.query_map([num], |r| {
            Ok(SegmentText {
                ordinal: r.get(0)?,
                replaced_in: r.get(1)?,
                text: r.get(2)?,
                at: r.get(3)?,
                actor: r.get(4)?,
                reason: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// An earlier text of a segment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentText {
    /// Segment ordinal.
    pub ordinal: i64,
    /// The revision that replaced this text.
    pub replaced_in: i64,
    /// The earlier text.
    pub text: String,
    /// When it was replaced.
    pub at: String,
    /// By whom.
    pub actor: String,
    /// Why.
    pub reason: String,
}

fn sql_to_json(v: rusqlite::types::Value) -> serde_json::Value {
    match v {
        rusqlite::types::Value::Null => serde_json::Value::Null,
        rusqlite::types::Value::Integer(i) => json!(i),
        rusqlite::types::Value::Real(f) => json!(f),
        rusqlite::types::Value::Text(s) => json!(s),
        rusqlite::types::Value::Blob(_) => json!("<blob>"),
    }
}
