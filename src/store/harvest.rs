//! Reads for harvesting (OAI-PMH): when each testimony last changed.

use super::{Result, Store};

impl Store {
    /// Every testimony that was not merged into another, with the time it
    /// last changed (`YYYY-MM-DDThh:mm:ssZ`, UTC): the later of its
    /// `updated_at` (which tag decisions touch) and its last revision.
    /// Ordered by identifier.
    pub fn change_times(&self) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.id, max(t.updated_at, coalesce((SELECT max(r.at) FROM revision r WHERE r.testimony = t.num), ''))
             FROM testimony t WHERE t.merged_into IS NULL ORDER BY t.id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
