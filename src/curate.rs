//! Archivist curation on an [`Archive`]: validation of what a curator asks
//! for, then one store transaction, then the index brought up to date so
//! the change is visible in search as soon as the call returns.
//!
//! Every write needs a [`Curator`]: a name (for the audit log) acting in
//! the archivist role.

use serde::Serialize;

use crate::access::Role;
use crate::archive::Archive;
use crate::index::IndexError;
use crate::lang::{Lang, detect, normalize_code};
use crate::store::{
    AuditEntry, AuditProblem, EDITABLE_FIELDS, ReviewItem, RevisionRow, STATUSES, SegmentText,
    StoreError, TagDecision,
};
use crate::vocab::{Facet, UnknownValue};

/// Who makes a change. Only archivists may change the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Curator(String);

impl Curator {
    /// A curator named `name` acting as `role`.
    pub fn new(name: Option<&str>, role: Role) -> Result<Curator, CurateError> {
        if role != Role::Archivist {
            return Err(CurateError::NotArchivist(role.name()));
        }
        match name.map(str::trim).filter(|n| !n.is_empty()) {
            Some(n) => Ok(Curator(n.to_string())),
            None => Err(CurateError::NoCurator),
        }
    }

    /// The name recorded in the audit log.
    pub fn name(&self) -> &str {
        &self.0
    }
}

/// Why a curation operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum CurateError {
    /// No curator name given.
    #[error(
        "this command changes the archive: say who you are with --curator NAME or the TANU_CURATOR variable"
    )]
    NoCurator,
    /// Not acting as an archivist.
    #[error("only archivists may change the archive (this command runs with --role {0})")]
    NotArchivist(&'static str),
    /// A value not in the vocabulary.
    #[error(transparent)]
    Unknown(#[from] UnknownValue),
    /// An invalid value or request.
    #[error("{0}")]
    Invalid(String),
    /// The store refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The index failed after the change was stored (it is applied on the
    /// next open).
    #[error("the change is saved, but the search index could not be updated: {0}")]
    Index(#[from] IndexError),
}

/// Shorthand for curation results.
pub type Result<T, E = CurateError> = std::result::Result<T, E>;

/// What to redact in a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RedactTarget {
    /// Every occurrence of this text in the segment.
    Match(String),
    /// Characters `start..end` of the segment (counted from 0).
    Span(usize, usize),
}

/// Everything `tanu history` shows.
#[derive(Debug, Clone, Serialize)]
pub struct History {
    /// The testimony id.
    pub id: String,
    /// Records merged into this one.
    pub merged: Vec<String>,
    /// The record this one was merged into.
    pub merged_into: Option<String>,
    /// Revisions, oldest first.
    pub revisions: Vec<RevisionRow>,
    /// Earlier texts of corrected segments.
    pub segment_texts: Vec<SegmentText>,
    /// Every audit entry about this testimony (and merged records), oldest
    /// first: decisions, edits, access, redactions.
    pub log: Vec<AuditEntry>,
}

fn facet_for(name: &str) -> Result<(Facet, &'static [Facet])> {
    let facet = Facet::from_name(name).ok_or_else(|| {
        CurateError::Invalid(format!(
            "unknown facet `{name}` (use wave, region, place or transit_camp)"
        ))
    })?;
    Ok((
        facet,
        match facet {
            Facet::Wave => &[Facet::Wave],
            Facet::Region => &[Facet::Region, Facet::Place],
            Facet::Place => &[Facet::Place, Facet::Region],
            Facet::TransitCamp => &[Facet::TransitCamp],
        },
    ))
}

fn char_span_to_bytes(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    if start >= end {
        return None;
    }
    let mut idx = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let a = idx.clone().nth(start)?;
    let b = idx.nth(end)?;
    Some((a, b))
}

/// Validates and normalises one metadata field of `tanu edit` (an empty
/// value clears an optional field): the stored field name and value. The
/// web form checks each field with it to show every field's error at once.
pub fn field_value(id: &str, field: &str, value: &str) -> Result<(String, serde_json::Value)> {
    let field = field.trim().to_lowercase().replace(['-', ' '], "_");
    let value = value.trim();
    let json = match field.as_str() {
        "access" | "embargo" | "embargo_until" => {
            return Err(CurateError::Invalid(format!(
                "use `tanu access {id} …` to change `{field}`"
            )));
        }
        "status" => {
            return Err(CurateError::Invalid(format!(
                "use `tanu status {id} …` to change the status"
            )));
        }
        "id" => {
            return Err(CurateError::Invalid(
                "an identifier cannot be changed (use `tanu merge`)".into(),
            ));
        }
        "title" if value.is_empty() => {
            return Err(CurateError::Invalid("the title cannot be empty".into()));
        }
        "narrator_birth_year" | "birth_year" => {
            if value.is_empty() {
                serde_json::Value::Null
            } else {
                let y: i64 = value
                    .parse()
                    .ok()
                    .filter(|y| (1850..=2030).contains(y))
                    .ok_or_else(|| {
                        CurateError::Invalid(format!(
                            "birth year {value:?} is not a year between 1850 and 2030"
                        ))
                    })?;
                serde_json::json!(y)
            }
        }
        "recorded" => {
            if value.is_empty() {
                serde_json::Value::Null
            } else {
                serde_json::json!(crate::dates::normalize_partial_date(value).ok_or_else(|| {
                    CurateError::Invalid(format!(
                        "recording date {value:?} is not YYYY, YYYY-MM or YYYY-MM-DD"
                    ))
                })?)
            }
        }
        "languages" | "language" => {
            let mut codes: Vec<&str> = Vec::new();
            for part in value
                .split([',', ';'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                let c = normalize_code(part)
                    .ok_or_else(|| CurateError::Invalid(format!("unknown language {part:?}")))?;
                if !codes.contains(&c) {
                    codes.push(c);
                }
            }
            serde_json::json!(serde_json::to_string(&codes).unwrap_or_else(|_| "[]".into()))
        }
        "keywords" => {
            let words: Vec<&str> = value
                .split(',')
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .collect();
            serde_json::json!(serde_json::to_string(&words).unwrap_or_else(|_| "[]".into()))
        }
        f if EDITABLE_FIELDS.contains(&f) => {
            if value.is_empty() {
                serde_json::Value::Null
            } else {
                serde_json::json!(value)
            }
        }
        other => {
            let hint = crate::suggest::did_you_mean(other, EDITABLE_FIELDS.iter().copied())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            return Err(CurateError::Invalid(format!(
                "unknown field `{other}`{hint} (editable: {})",
                EDITABLE_FIELDS.join(", ")
            )));
        }
    };
    let field = match field.as_str() {
        "birth_year" => "narrator_birth_year".to_string(),
        "language" => "languages".to_string(),
        _ => field,
    };
    Ok((field, json))
}

/// What the tagger weighs of a stored testimony's header.
fn narrator(t: &crate::store::TestimonyRow) -> crate::tag::Narrator<'_> {
    crate::tag::Narrator {
        birthplace: t.narrator_birthplace.as_deref(),
        birth_year: t.narrator_birth_year,
        lives_in: t.recording_place.as_deref(),
    }
}

/// A stored passage as the tagger reads it.
fn tagger_segment(s: crate::store::SegmentRow) -> crate::parse::Segment {
    crate::parse::Segment {
        start_ms: s.start_ms.map(|v| v.max(0) as u64),
        end_ms: s.end_ms.map(|v| v.max(0) as u64),
        speaker: s.speaker,
        text: s.text,
        lang: Lang::from_code(&s.lang),
        line: 0,
    }
}

impl CurateError {
    /// For a write refused because the testimony changed since the form
    /// was made: `(stamp it was made on, stamp now)`.
    pub fn stale(&self) -> Option<(i64, i64)> {
        match self {
            CurateError::Store(StoreError::Stale { base, current, .. }) => Some((*base, *current)),
            _ => None,
        }
    }
}

impl Archive {
    /// The change stamp of testimony `id` (0 when nothing was ever recorded
    /// about it): it changes with every write about the testimony. A form
    /// carries it, and [`Archive::at_base`] refuses the form's write when
    /// the testimony changed in the meantime.
    pub fn change_stamp(&self, id: &str) -> Result<i64> {
        Ok(self.store().change_stamp(id)?)
    }

    /// Runs one curation write (`write` calls one of the methods below) as
    /// made on change stamp `base`: when `id`'s stamp is no longer `base`
    /// the write is refused inside its own transaction
    /// ([`StoreError::Stale`], see [`CurateError::stale`]) and nothing is
    /// written. `None` writes unconditionally, as the CLI does.
    pub fn at_base<T>(
        &mut self,
        base: Option<i64>,
        write: impl FnOnce(&mut Archive) -> Result<T>,
    ) -> Result<T> {
        self.store_mut().expect_base(base);
        let out = write(self);
        // A write refused before it reached the store leaves the condition
        // set; it must not apply to the next write on this handle.
        self.store_mut().expect_base(None);
        out
    }

    /// What was recorded about `id` after change stamp `since`: the audit
    /// entries a stale write missed (who, when, what, why), oldest first.
    pub fn changes_since(&self, id: &str, since: i64) -> Result<Vec<AuditEntry>> {
        let mut log = self.store().audit_log(None, Some(id))?;
        log.retain(|e| e.seq > since);
        Ok(log)
    }

    fn after_write(&mut self) -> Result<()> {
        match self.sync_index() {
            Ok(_) => Ok(()),
            Err(crate::ArchiveError::Index(e)) => Err(CurateError::Index(e)),
            Err(crate::ArchiveError::Store(e)) => Err(CurateError::Store(e)),
            Err(other) => Err(CurateError::Invalid(other.to_string())),
        }
    }

    /// Confirms, rejects, adds or removes a tag. `value` is a vocabulary id
    /// or any alias. Returns the resolved `(facet, id)`.
    pub fn decide_tag(
        &mut self,
        curator: &Curator,
        id: &str,
        facet: &str,
        value: &str,
        decision: TagDecision,
        note: &str,
    ) -> Result<(Facet, String)> {
        let (_, facets) = facet_for(facet)?;
        let entry = self.vocabulary().resolve(facets, value)?;
        let (f, v) = (entry.facet, entry.id.clone());
        self.store_mut()
            .decide_tag(id, f.name(), &v, decision, curator.name(), note)?;
        self.after_write()?;
        Ok((f, v))
    }

    /// The same decision on several suggestions `(testimony, facet,
    /// value)` at once, in one transaction, as the review queue makes them
    /// (one, or "every suggestion of this value"): each must still be
    /// waiting for review; all or nothing. Returns how many were decided.
    pub fn decide_tags(
        &mut self,
        curator: &Curator,
        tags: &[(String, String, String)],
        decision: TagDecision,
        note: &str,
    ) -> Result<usize> {
        let mut resolved = Vec::with_capacity(tags.len());
        for (id, facet, value) in tags {
            let (_, facets) = facet_for(facet)?;
            let entry = self.vocabulary().resolve(facets, value)?;
            resolved.push((id.clone(), entry.facet.name().to_string(), entry.id.clone()));
        }
        if resolved.is_empty() {
            return Err(CurateError::Invalid("no suggestion to decide".into()));
        }
        let n = self
            .store_mut()
            .decide_tags(&resolved, decision, curator.name(), note)?;
        self.after_write()?;
        Ok(n)
    }

    /// Sets metadata fields from `field=value` pairs, validating each.
    /// An empty value clears an optional field. Returns the new revision.
    pub fn edit(
        &mut self,
        curator: &Curator,
        id: &str,
        sets: &[(String, String)],
        reason: &str,
    ) -> Result<i64> {
        if sets.is_empty() {
            return Err(CurateError::Invalid(
                "nothing to change: give one or more --set field=value".into(),
            ));
        }
        let mut changes = Vec::new();
        for (field, value) in sets {
            changes.push(field_value(id, field, value)?);
        }
        let rev = self
            .store_mut()
            .edit_metadata(id, &changes, curator.name(), reason)?;
        self.after_write()?;
        Ok(rev)
    }

    /// Replaces the text of segment `ordinal`; the earlier text is kept.
    /// The new text is repaired and NFC-normalised like ingested text, and
    /// its language detected. Returns the new revision.
    pub fn correct(
        &mut self,
        curator: &Curator,
        id: &str,
        ordinal: i64,
        text: &str,
        reason: &str,
    ) -> Result<i64> {
        let (clean, _) = crate::repair::repair(text);
        let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
        if clean.is_empty() {
            return Err(CurateError::Invalid("the corrected text is empty".into()));
        }
        let t = self
            .store()
            .testimony(id)?
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        let prior = t.languages.first().map(|c| Lang::for_code(c));
        let lang = detect(&clean, prior);
        let rev = self.store_mut().correct_segment(
            id,
            ordinal,
            &clean,
            lang.code(),
            curator.name(),
            reason,
        )?;
        self.after_write()?;
        Ok(rev)
    }

    /// Sets the workflow status (`new`, `in_review`, `published`, `withdrawn`).
    pub fn set_status(
        &mut self,
        curator: &Curator,
        id: &str,
        status: &str,
        reason: &str,
    ) -> Result<()> {
        let status = status.trim().to_lowercase().replace('-', "_");
        if !STATUSES.contains(&status.as_str()) {
            return Err(CurateError::Invalid(format!(
                "unknown status `{status}` (use {})",
                STATUSES.join(", ")
            )));
        }
        self.store_mut()
            .set_status(id, &status, curator.name(), reason)?;
        self.after_write()
    }

    /// Sets the access level and/or embargo date (`Some("")` clears the
    /// embargo).
    pub fn set_access(
        &mut self,
        curator: &Curator,
        id: &str,
        level: Option<&str>,
        embargo: Option<&str>,
        reason: &str,
    ) -> Result<()> {
        let level = match level {
            Some(l) => Some(
                crate::parse::Access::parse(l)
                    .ok_or_else(|| {
                        CurateError::Invalid(format!(
                            "unknown access level {l:?} (use public, restricted or sealed)"
                        ))
                    })?
                    .name(),
            ),
            None => None,
        };
        let embargo = match embargo.map(str::trim) {
            None => None,
            Some("") | Some("none") => Some(None),
            Some(d) => Some(Some(
                crate::dates::parse_date(d)
                    .ok_or_else(|| {
                        CurateError::Invalid(format!("embargo {d:?} is not a date YYYY-MM-DD"))
                    })?
                    .to_string(),
            )),
        };
        if level.is_none() && embargo.is_none() {
            return Err(CurateError::Invalid(
                "give an access level and/or --embargo DATE".into(),
            ));
        }
        let embargo_ref = embargo.as_ref().map(|e| e.as_deref());
        self.store_mut()
            .set_access(id, level, embargo_ref, curator.name(), reason)?;
        self.after_write()
    }

    /// Redacts text in segment `ordinal`. Returns the redaction numbers.
    pub fn redact(
        &mut self,
        curator: &Curator,
        id: &str,
        ordinal: i64,
        target: &RedactTarget,
        reason: &str,
    ) -> Result<Vec<i64>> {
        let t = self
            .store()
            .testimony(id)?
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        let seg = self
            .store()
            .segment(t.num, ordinal)?
            .ok_or_else(|| CurateError::Invalid(format!("`{id}` has no segment {ordinal}")))?;
        let spans: Vec<(usize, usize)> = match target {
            RedactTarget::Match(m) => {
                let m = m.trim();
                if m.is_empty() {
                    return Err(CurateError::Invalid("--match needs some text".into()));
                }
                let found: Vec<(usize, usize)> = seg
                    .text
                    .match_indices(m)
                    .map(|(i, s)| (i, i + s.len()))
                    .collect();
                if found.is_empty() {
                    return Err(CurateError::Invalid(format!(
                        "{m:?} does not occur in segment {ordinal} of `{id}`"
                    )));
                }
                found
            }
            RedactTarget::Span(a, b) => {
                vec![char_span_to_bytes(&seg.text, *a, *b).ok_or_else(|| {
                    CurateError::Invalid(format!(
                        "span {a}..{b} is not inside segment {ordinal} ({} characters)",
                        seg.text.chars().count()
                    ))
                })?]
            }
        };
        let nums = self
            .store_mut()
            .redact(id, ordinal, &spans, curator.name(), reason)?;
        self.after_write()?;
        Ok(nums)
    }

    /// Lifts redaction number `redaction` of `id`.
    pub fn unredact(
        &mut self,
        curator: &Curator,
        id: &str,
        redaction: i64,
        reason: &str,
    ) -> Result<()> {
        self.store_mut()
            .unredact(id, redaction, curator.name(), reason)?;
        self.after_write()
    }

    /// Merges the duplicate record `drop` into `keep`. Returns the number
    /// of tags `keep` gained.
    pub fn merge(
        &mut self,
        curator: &Curator,
        keep: &str,
        drop: &str,
        reason: &str,
    ) -> Result<usize> {
        let n = self.store_mut().merge(keep, drop, curator.name(), reason)?;
        self.after_write()?;
        Ok(n)
    }

    /// Re-runs the tagger on the stored text of `id` (or of every
    /// testimony): undecided suggestions are replaced, decisions kept.
    pub fn retag(&mut self, curator: &Curator, id: Option<&str>) -> Result<Vec<(String, String)>> {
        let ids: Vec<String> = match id {
            Some(i) => vec![i.to_string()],
            None => self
                .store()
                .testimony_ids()?
                .into_iter()
                .map(|(_, i)| i)
                .collect(),
        };
        let mut out = Vec::new();
        for id in ids {
            let t = self
                .store()
                .testimony(&id)?
                .ok_or_else(|| StoreError::NotFound(id.clone()))?;
            let segments: Vec<crate::parse::Segment> = self
                .store()
                .segments(t.num)?
                .into_iter()
                .map(tagger_segment)
                .collect();
            let tags = self.tagger().suggest(&narrator(&t), &segments);
            let summary = self
                .store_mut()
                .replace_suggestions(&id, &tags, curator.name())?;
            out.push((id, summary));
        }
        self.after_write()?;
        Ok(out)
    }

    /// Suggestions waiting for review.
    pub fn review(&self, facet: Option<&str>, testimony: Option<&str>) -> Result<Vec<ReviewItem>> {
        let facet = match facet {
            Some(f) => Some(facet_for(f)?.0.name()),
            None => None,
        };
        Ok(self.store().review_queue(facet, testimony)?)
    }

    /// Low-confidence hints for `testimony` (or every testimony): the
    /// tagger's candidates below the suggestion threshold
    /// ([`crate::tag::Tagger::hints`]), recomputed from the stored text and
    /// never stored, so they never become facets or public tags. Values
    /// the testimony already has as a tag (suggested, confirmed or
    /// rejected) are left out. For archivists (`tanu review --all`).
    pub fn review_hints(
        &self,
        facet: Option<&str>,
        testimony: Option<&str>,
    ) -> Result<Vec<ReviewItem>> {
        let facet = match facet {
            Some(f) => Some(facet_for(f)?.0.name()),
            None => None,
        };
        let ids: Vec<(i64, String)> = match testimony {
            Some(id) => {
                let t = self
                    .store()
                    .testimony(id)?
                    .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
                vec![(t.num, t.id)]
            }
            None => self.store().testimony_ids()?,
        };
        let mut out = Vec::new();
        for (num, id) in ids {
            let Some(t) = self.store().testimony_by_num(num)? else {
                continue;
            };
            if t.merged_into.is_some() {
                continue;
            }
            let rows = self.store().segments(num)?;
            let segments: Vec<crate::parse::Segment> =
                rows.iter().cloned().map(tagger_segment).collect();
            let have = self.store().tags(num)?;
            let mut hints = self.tagger().hints(&narrator(&t), &segments);
            hints.sort_by(|a, b| {
                (a.facet.name(), b.confidence, &a.value)
                    .partial_cmp(&(b.facet.name(), a.confidence, &b.value))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            for h in hints {
                if facet.is_some_and(|f| f != h.facet.name())
                    || have
                        .iter()
                        .any(|t| t.facet == h.facet.name() && t.value == h.value)
                {
                    continue;
                }
                // As the stored suggestions list it (see `review_queue`).
                let evidence = h
                    .evidence
                    .iter()
                    .filter_map(|e| crate::store::ReviewEvidence::of(e.into(), &rows))
                    .collect();
                out.push(ReviewItem {
                    testimony: id.clone(),
                    title: t.title.clone(),
                    facet: h.facet.name().to_string(),
                    value: h.value,
                    confidence: h.confidence,
                    evidence,
                });
            }
        }
        Ok(out)
    }

    /// The full history of a testimony (archivists).
    pub fn history(&self, id: &str) -> Result<History> {
        let t = self
            .store()
            .testimony(id)?
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        let merged = self.store().merged_records(id)?;
        let mut log = Vec::new();
        for target in std::iter::once(id.to_string()).chain(merged.iter().cloned()) {
            log.extend(self.store().audit_log(None, Some(&target))?);
        }
        log.sort_by_key(|e| e.seq);
        let segment_texts = self.store().segment_history(t.num)?;
        Ok(History {
            id: t.id.clone(),
            merged,
            merged_into: t.merged_into.clone(),
            revisions: self.store().revisions(t.num)?,
            segment_texts,
            log,
        })
    }

    /// Gives the revisions testimony `id` took from the file `path` (as
    /// `tanu history` and `tanu check` show it) a testimony of their own:
    /// the kept original of the latest such revision is ingested again as
    /// a new testimony (`new_id`, or the file's identifier qualified by its
    /// folders), and when `id`'s current text came from `path`, `id` goes
    /// back to the latest original from another file. Nothing is deleted:
    /// both histories keep every revision. Returns the new identifier.
    pub fn split(
        &mut self,
        curator: &Curator,
        id: &str,
        path: &str,
        new_id: Option<&str>,
    ) -> Result<String> {
        let t = self
            .store()
            .testimony(id)?
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        let revisions = self.store().revisions(t.num)?;
        let from_file = |r: &&RevisionRow| {
            matches!(r.kind.as_str(), "ingest" | "update") && r.source_path.as_deref() == Some(path)
        };
        let Some(taken) = revisions.iter().rev().find(from_file) else {
            let files: Vec<&str> = revisions
                .iter()
                .filter_map(|r| r.source_path.as_deref())
                .collect();
            return Err(CurateError::Invalid(format!(
                "testimony `{id}` has no revision from {path} (its files: {})",
                files.join(", ")
            )));
        };
        let Some(rest) = revisions
            .iter()
            .rev()
            .filter(|r| matches!(r.kind.as_str(), "ingest" | "update"))
            .find(|r| r.source_path.as_deref() != Some(path))
        else {
            return Err(CurateError::Invalid(format!(
                "every revision of `{id}` came from {path}: there is nothing to split"
            )));
        };
        let original = |rev: &RevisionRow| -> Result<(String, Vec<u8>)> {
            let sha = rev.sha256.clone().unwrap_or_default();
            let source = rev.source_path.clone().unwrap_or_default();
            match self.store().original(&sha)? {
                Some(bytes) => Ok((source, bytes)),
                None => Err(CurateError::Invalid(format!(
                    "the original of revision {} of `{id}` is missing; run `tanu check`",
                    rev.number
                ))),
            }
        };
        let (split_path, split_bytes) = original(taken)?;
        let (rest_path, rest_bytes) = original(rest)?;
        let opts = crate::ingest::IngestOptions::default();
        let prepare = |this: &Archive, p: &str, bytes: Vec<u8>| {
            crate::ingest::prepare(
                std::path::Path::new(p),
                bytes,
                &opts,
                this.vocabulary(),
                this.tagger(),
            )
            .map_err(|e| CurateError::Invalid(e.to_string()))
        };
        let mut record = prepare(self, &split_path, split_bytes)?;
        let into = match new_id {
            Some(n) => {
                let n = crate::parse::slug(n);
                if self.store().testimony_with_id(&n)?.is_some() {
                    return Err(CurateError::Invalid(format!(
                        "identifier `{n}` is taken; choose another --new-id"
                    )));
                }
                n
            }
            None => crate::identity::fresh_id(
                self.store(),
                std::path::Path::new(&split_path),
                &record.id,
            )?,
        };
        if record.title == record.id {
            record.title = into.clone();
        }
        record.id = into.clone();
        record.source_abs = Some(crate::identity::canonical(std::path::Path::new(
            &split_path,
        )));
        let back = if t.source_path == path {
            let mut back = prepare(self, &rest_path, rest_bytes)?;
            back.id = id.to_string();
            back.source_abs = Some(crate::identity::canonical(std::path::Path::new(&rest_path)));
            Some(back)
        } else {
            None
        };
        // One transaction: a crash leaves the merge as it was, never half
        // split.
        self.store_mut()
            .split_testimony(id, path, &record, back.as_ref(), curator.name())?;
        self.after_write()?;
        Ok(into)
    }

    /// Verifies the audit chain: `Ok((entries, head hash))` or the first
    /// bad entry.
    pub fn audit_verify(&self) -> Result<std::result::Result<(i64, String), AuditProblem>> {
        Ok(self.store().audit_verify()?)
    }

    /// Audit entries since a date or time (all when `None`).
    pub fn audit_log(&self, since: Option<&str>) -> Result<Vec<AuditEntry>> {
        Ok(self.store().audit_log(since, None)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curators_must_be_named_archivists() {
        assert!(matches!(
            Curator::new(None, Role::Archivist),
            Err(CurateError::NoCurator)
        ));
        assert!(matches!(
            Curator::new(Some("  "), Role::Archivist),
            Err(CurateError::NoCurator)
        ));
        assert!(matches!(
            Curator::new(Some("Kiss Anna"), Role::Public),
            Err(CurateError::NotArchivist("public"))
        ));
        assert_eq!(
            Curator::new(Some(" Kiss Anna "), Role::Archivist)
                .unwrap()
                .name(),
            "Kiss Anna"
        );
    }

    #[test]
    fn character_spans() {
        assert_eq!(char_span_to_bytes("őrök jöttek", 0, 4), Some((0, 6)));
        assert_eq!(char_span_to_bytes("őrök", 2, 4), Some((3, 6)));
        assert_eq!(char_span_to_bytes("őrök", 2, 5), None);
        assert_eq!(char_span_to_bytes("őrök", 3, 3), None);
    }
}
