//! Reading testimonies, segments, tags and history.

use rusqlite::{OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::{Result, Store, json_column};
use crate::parse::{Access, IndexPoint, Speaker};
use crate::repair::Repair;

/// A stored testimony's metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestimonyRow {
    /// Internal number (index key).
    #[serde(skip)]
    pub num: i64,
    /// Stable identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Narrator.
    pub narrator: Option<String>,
    /// Narrator's birth year.
    pub narrator_birth_year: Option<i64>,
    /// Narrator's birthplace.
    pub narrator_birthplace: Option<String>,
    /// Interviewer.
    pub interviewer: Option<String>,
    /// Recording date (partial dates allowed).
    pub recorded: Option<String>,
    /// Recording place.
    pub recording_place: Option<String>,
    /// Language codes.
    pub languages: Vec<String>,
    /// Access level.
    pub access: Access,
    /// Embargo date.
    pub embargo_until: Option<String>,
    /// Workflow status.
    pub status: String,
    /// Keywords.
    pub keywords: Vec<String>,
    /// Speakers.
    pub speakers: Vec<Speaker>,
    /// Provenance.
    pub source: Option<String>,
    /// Archivist notes.
    pub notes: Option<String>,
    /// Abstract.
    pub summary: Option<String>,
    /// Rights statement.
    pub rights: Option<String>,
    /// Source fields without a column of their own (`ohms.collection_name`).
    pub properties: std::collections::BTreeMap<String, String>,
    /// Input format.
    pub format: String,
    /// File name as last ingested.
    pub source_path: String,
    /// SHA-256 of the current original.
    pub sha256: String,
    /// Detected or forced encoding.
    pub encoding: String,
    /// Confidence of the encoding detection.
    pub encoding_confidence: f64,
    /// Repairs applied to the text.
    pub repairs: Vec<Repair>,
    /// Current revision number.
    pub revision: i64,
    /// First ingest time.
    pub created_at: String,
    /// Last change time.
    pub updated_at: String,
    /// Metadata fields set by curators (kept on re-ingest).
    pub edited_fields: Vec<String>,
    /// The record this one was merged into, if any.
    pub merged_into: Option<String>,
}

/// What a ranked result needs of a testimony before it is shown: who may
/// see it, and how it sorts by date.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    /// Internal number.
    pub num: i64,
    /// Identifier.
    pub id: String,
    /// Recording date.
    pub recorded: Option<String>,
    /// Access level.
    pub access: Access,
    /// Embargo date.
    pub embargo_until: Option<String>,
    /// Workflow status.
    pub status: String,
}

/// A row of `tanu list`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestimonySummary {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Narrator.
    pub narrator: Option<String>,
    /// Recording date.
    pub recorded: Option<String>,
    /// Languages.
    pub languages: Vec<String>,
    /// Access level.
    pub access: Access,
    /// Embargo date.
    pub embargo_until: Option<String>,
    /// Workflow status.
    pub status: String,
    /// Number of segments.
    pub segments: i64,
    /// Current revision.
    pub revision: i64,
}

/// A stored segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentRow {
    /// 1-based position in the transcript.
    pub ordinal: i64,
    /// Start time (ms).
    pub start_ms: Option<i64>,
    /// End time (ms).
    pub end_ms: Option<i64>,
    /// Speaker label.
    pub speaker: Option<String>,
    /// Language code.
    pub lang: String,
    /// Current text.
    pub text: String,
}

/// Where a tag was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceRow {
    /// Segment ordinal (None for header tags).
    pub ordinal: Option<i64>,
    /// Byte span in the segment text.
    pub span: Option<(i64, i64)>,
    /// The matched text.
    pub matched: String,
    /// The vocabulary alias or cue that matched.
    pub alias: Option<String>,
    /// The rule that fired.
    pub rule: String,
    /// Header line, for header tags.
    pub line: Option<i64>,
}

/// A tag with its status and evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagRow {
    /// Internal number.
    #[serde(skip)]
    pub num: i64,
    /// Facet name.
    pub facet: String,
    /// Vocabulary id.
    pub value: String,
    /// `header`, `suggested` or `curator`.
    pub source: String,
    /// `suggested`, `confirmed` or `rejected`.
    pub status: String,
    /// Confidence (1 for header and curator tags).
    pub confidence: f64,
    /// Who confirmed or rejected it.
    pub decided_by: Option<String>,
    /// When.
    pub decided_at: Option<String>,
    /// The curator's note.
    pub note: Option<String>,
    /// Evidence.
    pub evidence: Vec<EvidenceRow>,
}

/// One revision of a testimony.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevisionRow {
    /// Revision number.
    pub number: i64,
    /// When.
    pub at: String,
    /// Who.
    pub actor: String,
    /// What kind of change.
    pub kind: String,
    /// Original bytes of this revision, for ingests.
    pub sha256: Option<String>,
    /// File name, for ingests.
    pub source_path: Option<String>,
    /// What changed.
    pub summary: String,
    /// How the ingest found this testimony (`new`, `id`, `path`, `sha256`,
    /// `replace`, `split`); absent for curation and older revisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<String>,
}

/// A redacted span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RedactionRow {
    /// Internal number (shown to archivists to unredact).
    pub num: i64,
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
    /// The text that was redacted.
    pub redacted_text: String,
    /// Who lifted it, when and why.
    pub lifted: Option<(String, String, String)>,
}

/// An earlier text of a corrected segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentRevisionRow {
    /// Segment ordinal.
    pub ordinal: i64,
    /// The testimony revision that replaced this text.
    pub revision: i64,
    /// The earlier text.
    pub text: String,
    /// When it was replaced.
    pub at: String,
    /// Who replaced it.
    pub actor: String,
    /// Why.
    pub reason: String,
}

const TESTIMONY_COLUMNS: &str = "num, id, title, narrator, narrator_birth_year, narrator_birthplace, interviewer, \
    recorded, recording_place, languages, access, embargo_until, status, keywords, speakers, source, notes, format, \
    source_path, sha256, encoding, encoding_confidence, repairs, revision, created_at, updated_at, edited_fields, \
    merged_into, summary, rights, properties";

fn testimony_from_row(r: &Row<'_>) -> rusqlite::Result<(TestimonyRow, [String; 6])> {
    let access: String = r.get(10)?;
    Ok((
        TestimonyRow {
            num: r.get(0)?,
            id: r.get(1)?,
            title: r.get(2)?,
            narrator: r.get(3)?,
            narrator_birth_year: r.get(4)?,
            narrator_birthplace: r.get(5)?,
            interviewer: r.get(6)?,
            recorded: r.get(7)?,
            recording_place: r.get(8)?,
            languages: Vec::new(),
            access: Access::parse(&access).unwrap_or(Access::Sealed),
            embargo_until: r.get(11)?,
            status: r.get(12)?,
            keywords: Vec::new(),
            speakers: Vec::new(),
            source: r.get(15)?,
            notes: r.get(16)?,
            summary: r.get(28)?,
            rights: r.get(29)?,
            properties: Default::default(),
            format: r.get(17)?,
            source_path: r.get(18)?,
            sha256: r.get(19)?,
            encoding: r.get(20)?,
            encoding_confidence: r.get(21)?,
            repairs: Vec::new(),
            revision: r.get(23)?,
            created_at: r.get(24)?,
            updated_at: r.get(25)?,
            edited_fields: Vec::new(),
            merged_into: r.get(27)?,
        },
        [
            r.get(9)?,
            r.get(13)?,
            r.get(14)?,
            r.get(22)?,
            r.get(26)?,
            r.get(30)?,
        ],
    ))
}

fn finish_testimony(
    (mut t, [langs, keywords, speakers, repairs, edited, properties]): (TestimonyRow, [String; 6]),
) -> Result<TestimonyRow> {
    t.edited_fields = json_column("edited_fields", &edited)?;
    t.properties = json_column("properties", &properties)?;
    t.languages = json_column("languages", &langs)?;
    t.keywords = json_column("keywords", &keywords)?;
    t.speakers = json_column("speakers", &speakers)?;
    t.repairs = json_column("repairs", &repairs)?;
    Ok(t)
}

impl Store {
    /// A testimony by identifier.
    pub fn testimony(&self, id: &str) -> Result<Option<TestimonyRow>> {
        let sql = format!("SELECT {TESTIMONY_COLUMNS} FROM testimony WHERE id = ?1");
        let row = self
            .conn
            .prepare_cached(&sql)?
            .query_row([id], testimony_from_row)
            .optional()?;
        row.map(finish_testimony).transpose()
    }

    /// A testimony by internal number.
    pub fn testimony_by_num(&self, num: i64) -> Result<Option<TestimonyRow>> {
        let sql = format!("SELECT {TESTIMONY_COLUMNS} FROM testimony WHERE num = ?1");
        let row = self
            .conn
            .prepare_cached(&sql)?
            .query_row([num], testimony_from_row)
            .optional()?;
        row.map(finish_testimony).transpose()
    }

    /// A testimony's [`Standing`] by internal number: five columns, no
    /// JSON, for the many rows a ranking looks at before it shows a few.
    pub fn standing_by_num(&self, num: i64) -> Result<Option<Standing>> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT id, recorded, access, embargo_until, status FROM testimony WHERE num = ?1",
            )?
            .query_row([num], |r| {
                let access: String = r.get(2)?;
                Ok(Standing {
                    num,
                    id: r.get(0)?,
                    recorded: r.get(1)?,
                    access: Access::parse(&access).unwrap_or(Access::Sealed),
                    embargo_until: r.get(3)?,
                    status: r.get(4)?,
                })
            })
            .optional()?;
        Ok(row)
    }

    /// Every testimony's internal number and identifier, in id order.
    pub fn testimony_ids(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT num, id FROM testimony WHERE merged_into IS NULL ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// All testimonies, summarised, in id order.
    pub fn list(&self) -> Result<Vec<TestimonySummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, title, narrator, recorded, languages, access, embargo_until, status, revision,
                    coalesce((SELECT p.segments FROM passages p WHERE p.testimony = t.num), 0)
             FROM testimony t WHERE merged_into IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            let langs: String = r.get(4)?;
            let access: String = r.get(5)?;
            Ok((
                TestimonySummary {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    narrator: r.get(2)?,
                    recorded: r.get(3)?,
                    languages: Vec::new(),
                    access: Access::parse(&access).unwrap_or(Access::Sealed),
                    embargo_until: r.get(6)?,
                    status: r.get(7)?,
                    revision: r.get(8)?,
                    segments: r.get(9)?,
                },
                langs,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut s, langs) = row?;
            s.languages = json_column("languages", &langs)?;
            out.push(s);
        }
        Ok(out)
    }

    /// The segments of a testimony, in order.
    pub fn segments(&self, num: i64) -> Result<Vec<SegmentRow>> {
        super::passages::read(&self.conn, num)
    }

    /// Runs `f` inside one read transaction, so that its many small
    /// queries (a search reads a few rows per shown passage) see one
    /// snapshot and SQLite takes its locks once, not per statement. Inside
    /// a transaction already open, `f` simply runs.
    pub fn read_snapshot<T, E: From<super::StoreError>>(
        &self,
        f: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if !self.conn.is_autocommit() {
            return f();
        }
        self.conn
            .execute_batch("BEGIN DEFERRED")
            .map_err(super::StoreError::from)?;
        let out = f();
        // Nothing was written: ending the transaction cannot lose data.
        let end = self
            .conn
            .execute_batch("COMMIT")
            .map_err(super::StoreError::from);
        match (out, end) {
            (Ok(v), Ok(())) => Ok(v),
            (Err(e), _) => Err(e),
            (Ok(_), Err(e)) => Err(e.into()),
        }
    }

    /// The segments of a testimony whose ordinal `keep` accepts, in order:
    /// the whole text is decompressed, but only these are made.
    pub fn segments_where(&self, num: i64, keep: &dyn Fn(i64) -> bool) -> Result<Vec<SegmentRow>> {
        super::passages::read_where(&self.conn, num, keep)
    }

    /// One segment. This reads the testimony's passages: a caller that
    /// needs several of one testimony reads [`Store::segments_where`] once.
    pub fn segment(&self, num: i64, ordinal: i64) -> Result<Option<SegmentRow>> {
        Ok(self
            .segments_where(num, &|o| o == ordinal)?
            .into_iter()
            .next())
    }

    /// The tags of a testimony with their evidence, by facet and value.
    pub fn tags(&self, num: i64) -> Result<Vec<TagRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT num, facet, value, source, status, confidence, decided_by, decided_at, note, evidence
             FROM tag WHERE testimony = ?1 ORDER BY facet, value",
        )?;
        let rows: Vec<(TagRow, Vec<u8>)> = stmt
            .query_map([num], |r| {
                Ok((
                    TagRow {
                        num: r.get(0)?,
                        facet: r.get(1)?,
                        value: r.get(2)?,
                        source: r.get(3)?,
                        status: r.get(4)?,
                        confidence: r.get(5)?,
                        decided_by: r.get(6)?,
                        decided_at: r.get(7)?,
                        note: r.get(8)?,
                        evidence: Vec::new(),
                    },
                    r.get(9)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .map(|(mut t, packed)| {
                t.evidence = super::evidence::read(t.num, &packed)?;
                Ok(t)
            })
            .collect()
    }

    /// The revisions of a testimony, oldest first.
    pub fn revisions(&self, num: i64) -> Result<Vec<RevisionRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT number, at, actor, kind, sha256, source_path, summary, matched_by FROM revision
             WHERE testimony = ?1 ORDER BY number",
        )?;
        let rows = stmt.query_map([num], |r| {
            Ok(RevisionRow {
                number: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                kind: r.get(3)?,
                sha256: r.get(4)?,
                source_path: r.get(5)?,
                summary: r.get(6)?,
                matched_by: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The byte spans of the active redactions of testimony `num`, as
    /// `(segment ordinal, (start, end))`: what every reader below
    /// archivist must hide.
    pub fn active_redaction_spans(&self, num: i64) -> Result<Vec<(i64, (usize, usize))>> {
        Ok(self
            .redactions(num)?
            .into_iter()
            .filter(|r| r.active)
            .map(|r| {
                (
                    r.ordinal,
                    (r.span.0.max(0) as usize, r.span.1.max(0) as usize),
                )
            })
            .collect())
    }

    /// The redactions of a testimony (active and lifted).
    pub fn redactions(&self, num: i64) -> Result<Vec<RedactionRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT num, ordinal, span_start, span_end, reason, actor, at, active, redacted_text,
                    lifted_by, lifted_at, lift_reason FROM redaction
             WHERE testimony = ?1 ORDER BY ordinal, span_start",
        )?;
        let rows = stmt.query_map([num], |r| {
            Ok(RedactionRow {
                num: r.get(0)?,
                ordinal: r.get(1)?,
                span: (r.get(2)?, r.get(3)?),
                reason: r.get(4)?,
                actor: r.get(5)?,
                at: r.get(6)?,
                active: r.get(7)?,
                redacted_text: r.get(8)?,
                lifted: match (
                    r.get::<_, Option<String>>(9)?,
                    r.get::<_, Option<String>>(10)?,
                ) {
                    (Some(by), Some(at)) => {
                        Some((by, at, r.get::<_, Option<String>>(11)?.unwrap_or_default()))
                    }
                    _ => None,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The index points of a testimony, in order.
    pub fn index_points(&self, num: i64) -> Result<Vec<IndexPoint>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT start_ms, title, title_alt, partial_transcript, partial_transcript_alt, synopsis, synopsis_alt,
                    keywords, keywords_alt, subjects, subjects_alt, gps, hyperlinks
             FROM index_point WHERE testimony = ?1 ORDER BY ordinal",
        )?;
        let rows = stmt.query_map([num], |r| {
            let start: i64 = r.get(0)?;
            let lists: [String; 6] = [
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
                r.get(10)?,
                r.get(11)?,
                r.get(12)?,
            ];
            Ok((
                IndexPoint {
                    start_ms: u64::try_from(start).unwrap_or(0),
                    title: r.get(1)?,
                    title_alt: r.get(2)?,
                    partial_transcript: r.get(3)?,
                    partial_transcript_alt: r.get(4)?,
                    synopsis: r.get(5)?,
                    synopsis_alt: r.get(6)?,
                    ..IndexPoint::default()
                },
                lists,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut p, [k, ka, s, sa, gps, links]) = row?;
            p.keywords = json_column("index_point.keywords", &k)?;
            p.keywords_alt = json_column("index_point.keywords_alt", &ka)?;
            p.subjects = json_column("index_point.subjects", &s)?;
            p.subjects_alt = json_column("index_point.subjects_alt", &sa)?;
            p.gps = json_column("index_point.gps", &gps)?;
            p.hyperlinks = json_column("index_point.hyperlinks", &links)?;
            out.push(p);
        }
        Ok(out)
    }

    /// The earlier texts of corrected segments, oldest first.
    pub fn segment_revisions(&self, num: i64) -> Result<Vec<SegmentRevisionRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT ordinal, revision, text, at, actor, reason FROM segment_revision
             WHERE testimony = ?1 ORDER BY revision, ordinal, rowid",
        )?;
        let rows = stmt.query_map([num], |r| {
            Ok(SegmentRevisionRow {
                ordinal: r.get(0)?,
                revision: r.get(1)?,
                text: r.get(2)?,
                at: r.get(3)?,
                actor: r.get(4)?,
                reason: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The original bytes with this SHA-256, decompressed and checked
    /// against it ([`StoreError::DamagedOriginal`] when they do not match).
    pub fn original(&self, sha256: &str) -> Result<Option<Vec<u8>>> {
        let stored: Option<(String, Vec<u8>, i64)> = self
            .conn
            .query_row(
                "SELECT codec, bytes, size FROM original WHERE sha256 = ?1",
                [sha256],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((codec, bytes, size)) = stored else {
            return Ok(None);
        };
        super::blob::decode(&codec, bytes, size, sha256)
            .map(Some)
            .map_err(|problem| super::StoreError::DamagedOriginal {
                sha256: sha256.to_string(),
                problem,
            })
    }

    /// Testimonies waiting to be (re)indexed: `(outbox seq, testimony id)`.
    pub fn outbox(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT seq, testimony FROM index_outbox ORDER BY seq")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Removes outbox entries up to and including `seq` (they are in the
    /// index now).
    pub fn clear_outbox(&self, seq: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM index_outbox WHERE seq <= ?1", [seq])?;
        Ok(())
    }

    /// The highest outbox sequence number ever used (0 if none).
    pub fn outbox_head(&self) -> Result<i64> {
        let seq: Option<i64> = self
            .conn
            .query_row(
                "SELECT seq FROM sqlite_sequence WHERE name = 'index_outbox'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(seq.unwrap_or(0))
    }

    /// `(testimony id, facet, value, status)` of every tag that is not
    /// rejected, for facet counts.
    pub fn all_tag_values(&self) -> Result<Vec<(String, String, String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.id, g.facet, g.value, g.status FROM tag g JOIN testimony t ON t.num = g.testimony
             WHERE g.status != 'rejected' ORDER BY t.id, g.facet, g.value",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The facet paths of a testimony's tags as the index needs them:
    /// `(facet, value, status)` of every tag that is not rejected.
    pub fn tag_values(&self, num: i64) -> Result<Vec<(String, String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT facet, value, status FROM tag WHERE testimony = ?1 AND status != 'rejected' ORDER BY facet, value",
        )?;
        let rows = stmt.query_map([num], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
