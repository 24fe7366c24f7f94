//! Consistency checks of the database, for `tanu check`.

use serde::Serialize;

use super::{Result, Store};

/// The outcome of one check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckResult {
    /// What was checked.
    pub name: String,
    /// Whether it passed.
    pub ok: bool,
    /// Details: counts when it passed, the first problems when not.
    pub detail: String,
}

impl CheckResult {
    pub(crate) fn new(name: &str, problems: Vec<String>, ok_detail: String) -> CheckResult {
        let ok = problems.is_empty();
        let detail = if ok {
            ok_detail
        } else {
            let mut d: Vec<String> = problems.iter().take(5).cloned().collect();
            if problems.len() > 5 {
                d.push(format!("… and {} more", problems.len() - 5));
            }
            d.join("; ")
        };
        CheckResult {
            name: name.to_string(),
            ok,
            detail,
        }
    }
}

impl Store {
    /// Checks SQLite's integrity, foreign keys, every testimony's original
    /// files against their SHA-256, and the audit chain. A check that
    /// cannot run (a damaged page in the way) is itself a FAIL naming the
    /// error; the other checks still run.
    pub fn check(&self) -> Result<Vec<CheckResult>> {
        let failed = |name: &str, e: super::StoreError| {
            let e = match e {
                super::StoreError::Corrupt(m) => m,
                e => e.to_string(),
            };
            CheckResult::new(
                name,
                vec![format!("could not be checked: {e}")],
                String::new(),
            )
        };
        let mut out = Vec::new();
        out.push(
            self.integrity()
                .unwrap_or_else(|e| failed("database integrity", e)),
        );
        out.push(
            self.foreign_keys()
                .unwrap_or_else(|e| failed("foreign keys", e)),
        );
        out.push(
            self.originals()
                .unwrap_or_else(|e| failed("original files", e)),
        );
        out.push(
            self.transcripts()
                .unwrap_or_else(|e| failed("transcripts", e)),
        );
        out.push(
            self.tag_evidence()
                .unwrap_or_else(|e| failed("tag evidence", e)),
        );
        out.push(match self.audit_verify() {
            Ok(Ok((n, head))) => CheckResult::new(
                "audit chain",
                Vec::new(),
                format!("{n} entries, head {head}"),
            ),
            Ok(Err(p)) => CheckResult::new(
                "audit chain",
                vec![format!("entry {}: {}", p.seq, p.problem)],
                String::new(),
            ),
            Err(e) => failed("audit chain", e),
        });
        Ok(out)
    }

    /// SQLite's integrity check of the database at `path`, opened read-only
    /// without migrating (for `tanu check` when the archive cannot be
    /// opened).
    pub fn check_file(path: &std::path::Path) -> Vec<CheckResult> {
        let conn = match rusqlite::Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        ) {
            Ok(c) => c,
            Err(e) => {
                return vec![CheckResult::new(
                    "database integrity",
                    vec![format!("{} cannot be opened: {e}", path.display())],
                    String::new(),
                )];
            }
        };
        let store = Store { conn, base: None };
        vec![store.integrity().unwrap_or_else(|e| {
            CheckResult::new(
                "database integrity",
                vec![format!("could not be checked: {e}")],
                String::new(),
            )
        })]
    }

    /// SQLite's `PRAGMA integrity_check` (its lines name the damaged
    /// tree and page).
    pub fn integrity(&self) -> Result<CheckResult> {
        // SQLite reports what it found line by line (naming trees and
        // pages) and may stop with an error at a page it cannot read: keep
        // the lines before the error, and the error.
        let mut problems = Vec::new();
        match self.conn.prepare("PRAGMA integrity_check") {
            Ok(mut stmt) => {
                let mut rows = stmt.query([])?;
                loop {
                    match rows.next() {
                        Ok(Some(r)) => {
                            // A row may hold several lines.
                            let text: String = r.get(0)?;
                            problems.extend(
                                text.lines()
                                    .filter(|l| *l != "ok" && !l.starts_with("*** in database"))
                                    .map(str::to_string),
                            );
                        }
                        Ok(None) => break,
                        Err(e) => {
                            problems.push(format!("the check stopped at a damaged page: {e}"));
                            break;
                        }
                    }
                }
            }
            Err(e) => problems.push(format!(
                "the schema pages (page 1 and the pages it points to) are damaged: {e}"
            )),
        }
        Ok(CheckResult::new(
            "database integrity",
            problems,
            "ok".into(),
        ))
    }

    fn foreign_keys(&self) -> Result<CheckResult> {
        let fk: Vec<String> = self
            .conn
            .prepare("PRAGMA foreign_key_check")?
            .query_map([], |r| {
                Ok(format!(
                    "{} row {} → {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(CheckResult::new("foreign keys", fk, "ok".into()))
    }

    /// Every testimony's passages decompress, pass zstd's checksum and
    /// parse, and number what their row says; a problem names the
    /// testimony.
    fn transcripts(&self) -> Result<CheckResult> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare(
            "SELECT t.id, p.segments, p.codec, p.bytes, p.size FROM testimony t
               JOIN passages p ON p.testimony = t.num ORDER BY t.id",
        )?;
        let mut rows = stmt.query([])?;
        let (mut testimonies, mut passages) = (0u64, 0u64);
        while let Some(r) = rows.next()? {
            let (id, count, codec, bytes, size): (String, i64, String, Vec<u8>, i64) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
            testimonies += 1;
            match super::passages::decode(&codec, &bytes, size) {
                Ok(segs) if segs.len() as i64 == count => passages += segs.len() as u64,
                Ok(segs) => problems.push(format!(
                    "testimony {id}: its row counts {count} passages, its text holds {}",
                    segs.len()
                )),
                Err(p) => problems.push(format!("testimony {id}: the passages {p}")),
            }
        }
        Ok(CheckResult::new(
            "transcripts",
            problems,
            format!("{testimonies} testimonies, {passages} passages read back"),
        ))
    }

    /// Every tag's evidence list reads back; a problem names the
    /// testimony and the tag.
    fn tag_evidence(&self) -> Result<CheckResult> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare(
            "SELECT t.id, tag.facet, tag.value, tag.evidence FROM tag
               JOIN testimony t ON t.num = tag.testimony ORDER BY t.id, tag.facet, tag.value",
        )?;
        let mut rows = stmt.query([])?;
        let (mut tags, mut items) = (0u64, 0u64);
        while let Some(r) = rows.next()? {
            let (id, facet, value, packed): (String, String, String, Vec<u8>) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            tags += 1;
            match super::evidence::decode(&packed) {
                Ok(list) => items += list.len() as u64,
                Err(p) => problems.push(format!(
                    "testimony {id}: the evidence of {facet} {value} {p}"
                )),
            }
        }
        Ok(CheckResult::new(
            "tag evidence",
            problems,
            format!("{tags} tags, {items} pieces of evidence read back"),
        ))
    }

    /// Every original file a testimony or one of its revisions refers to
    /// is there, with its SHA-256 and size; a problem names the testimony.
    fn originals(&self) -> Result<CheckResult> {
        let mut problems = Vec::new();
        let mut n = 0;
        let mut stmt = self.conn.prepare(
            "SELECT t.id, 'current' AS what, t.sha256 FROM testimony t
             UNION
             SELECT t.id, 'revision ' || r.number, r.sha256 FROM revision r
               JOIN testimony t ON t.num = r.testimony WHERE r.sha256 IS NOT NULL
             ORDER BY 1, 2",
        )?;
        let refs: Vec<(String, String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut verified: std::collections::HashMap<String, Option<String>> =
            std::collections::HashMap::new();
        for (id, what, sha) in refs {
            if !verified.contains_key(&sha) {
                // Decompressed and checked against the SHA-256 as every
                // read is; a blob that does not decompress is named too.
                let problem = match self.original(&sha) {
                    Ok(None) => Some("is missing".to_string()),
                    Ok(Some(_)) => {
                        n += 1;
                        None
                    }
                    Err(super::StoreError::DamagedOriginal { problem, .. }) => {
                        n += 1;
                        Some(problem.to_string())
                    }
                    Err(e) => return Err(e),
                };
                verified.insert(sha.clone(), problem);
            }
            if let Some(Some(problem)) = verified.get(&sha) {
                problems.push(format!(
                    "testimony {id}: the original file ({what}, {}…) {problem}",
                    &sha[..12.min(sha.len())]
                ));
            }
        }
        Ok(CheckResult::new(
            "original files",
            problems,
            format!("{n} originals match their SHA-256"),
        ))
    }

    /// How many index documents the current rows should produce, apart
    /// from the second copies of index points that quote a redacted
    /// passage (see `index::expected_docs`): one catalogue record per
    /// unmerged testimony, one per segment and per index point, plus one
    /// per redacted segment.
    pub fn expected_index_docs(&self) -> Result<u64> {
        let count = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        let records = count("SELECT count(*) FROM testimony WHERE merged_into IS NULL")?;
        let segments = count(
            "SELECT coalesce(sum(p.segments), 0) FROM passages p
               JOIN testimony t ON t.num = p.testimony WHERE t.merged_into IS NULL",
        )?;
        let points = count(
            "SELECT count(*) FROM index_point p JOIN testimony t ON t.num = p.testimony WHERE t.merged_into IS NULL",
        )?;
        // Redactions name a passage by its number, 1 … the testimony's
        // count (see `passages.rs`).
        let redacted = count(
            "SELECT count(*) FROM (SELECT DISTINCT r.testimony, r.ordinal FROM redaction r
               JOIN testimony t ON t.num = r.testimony
               JOIN passages p ON p.testimony = r.testimony AND r.ordinal BETWEEN 1 AND p.segments
              WHERE r.active = 1 AND t.merged_into IS NULL)",
        )?;
        Ok((records + segments + points + redacted) as u64)
    }

    /// Unmerged testimonies with both active redactions and index points,
    /// whose points may be indexed twice (full and redacted).
    pub fn testimonies_with_redacted_points(&self) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.num FROM testimony t WHERE t.merged_into IS NULL
                AND EXISTS (SELECT 1 FROM redaction r WHERE r.testimony = t.num AND r.active = 1)
                AND EXISTS (SELECT 1 FROM index_point p WHERE p.testimony = t.num)
              ORDER BY t.num",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<i64>>>()?)
    }
}
