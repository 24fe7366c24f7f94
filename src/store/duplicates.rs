//! What the duplicate finder ([`crate::duplicates`]) compares.

use super::{Result, Store};

/// A testimony (not merged) as the duplicate finder sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKeys {
    /// Internal number.
    pub num: i64,
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Narrator.
    pub narrator: Option<String>,
    /// The SHA-256 of every original it was ingested from (current first).
    pub originals: Vec<String>,
}

impl Store {
    /// Every testimony not merged into another, in id order, with the
    /// originals of all its revisions.
    pub fn duplicate_keys(&self) -> Result<Vec<DuplicateKeys>> {
        let mut stmt = self.conn.prepare(
            "SELECT num, id, title, narrator, sha256 FROM testimony
             WHERE merged_into IS NULL ORDER BY id",
        )?;
        let mut out: Vec<DuplicateKeys> = stmt
            .query_map([], |r| {
                Ok(DuplicateKeys {
                    num: r.get(0)?,
                    id: r.get(1)?,
                    title: r.get(2)?,
                    narrator: r.get(3)?,
                    originals: vec![r.get(4)?],
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT r.testimony, r.sha256 FROM revision r
             JOIN testimony t ON t.num = r.testimony
             WHERE t.merged_into IS NULL AND r.sha256 IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let index: std::collections::HashMap<i64, usize> =
            out.iter().enumerate().map(|(i, k)| (k.num, i)).collect();
        for row in rows {
            let (num, sha) = row?;
            if let Some(&i) = index.get(&num)
                && !out[i].originals.contains(&sha)
            {
                out[i].originals.push(sha);
            }
        }
        Ok(out)
    }
}
