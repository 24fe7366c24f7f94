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
    /// Checks SQLite's integrity, foreign keys, every original's SHA-256,
    /// and the audit chain.
    pub fn check(&self) -> Result<Vec<CheckResult>> {
        let mut out = Vec::new();

        let integrity: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let problems: Vec<String> = integrity.into_iter().filter(|l| l != "ok").collect();
        out.push(CheckResult::new(
            "database integrity",
            problems,
            "ok".into(),
        ));

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
        out.push(CheckResult::new("foreign keys", fk, "ok".into()));

        let mut problems = Vec::new();
        let mut n = 0;
        let mut stmt = self
            .conn
            .prepare("SELECT sha256, bytes, size FROM original")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let sha: String = r.get(0)?;
            let bytes: Vec<u8> = r.get(1)?;
            let size: i64 = r.get(2)?;
            n += 1;
            let actual = crate::hash::sha256_hex(&[&bytes]);
            if actual != sha || bytes.len() as i64 != size {
                problems.push(format!(
                    "original {}… does not match its SHA-256 or size",
                    &sha[..12.min(sha.len())]
                ));
            }
        }
        out.push(CheckResult::new(
            "original files",
            problems,
            format!("{n} originals match their SHA-256"),
        ));

        out.push(match self.audit_verify()? {
            Ok((n, head)) => CheckResult::new(
                "audit chain",
                Vec::new(),
                format!("{n} entries, head {head}"),
            ),
            Err(p) => CheckResult::new(
                "audit chain",
                vec![format!("entry {}: {}", p.seq, p.problem)],
                String::new(),
            ),
        });
        Ok(out)
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
            "SELECT count(*) FROM segment s JOIN testimony t ON t.num = s.testimony WHERE t.merged_into IS NULL",
        )?;
        let points = count(
            "SELECT count(*) FROM index_point p JOIN testimony t ON t.num = p.testimony WHERE t.merged_into IS NULL",
        )?;
        let redacted = count(
            "SELECT count(*) FROM (SELECT DISTINCT r.testimony, r.ordinal FROM redaction r
               JOIN testimony t ON t.num = r.testimony
               JOIN segment s ON s.testimony = r.testimony AND s.ordinal = r.ordinal
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
