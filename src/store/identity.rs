//! Lookups that decide which testimony an ingested file is (see
//! [`crate::identity`]), the record of a moved file, and the check that
//! finds testimonies merged from several files before identities existed.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde_json::json;

use super::write::write_ingest_in;
use super::{NewTestimony, Result, Store, StoreError, audit};

/// A stored testimony as the identity rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownSource {
    /// Internal number.
    pub num: i64,
    /// Identifier.
    pub id: String,
    /// SHA-256 of its current original.
    pub sha256: String,
    /// The file it was last ingested from, as given.
    pub source_path: String,
    /// The canonical path of that file (absent for rows stored before
    /// identities were recorded).
    pub source_abs: Option<String>,
    /// The identifier it was merged into, if any.
    pub merged_into: Option<String>,
}

/// A testimony whose revisions came from files at different paths without
/// an explicit identifier or `--replace` saying so: probably two interviews
/// merged by an older tanu that matched files by name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MixedSources {
    /// Identifier.
    pub id: String,
    /// `(revision, path)` of every ingest or update, oldest first.
    pub revisions: Vec<(i64, String)>,
}

/// What [`Store::file_revision`] records.
enum FileEvent<'a> {
    /// The same bytes now live at `path`.
    Move { path: &'a str, abs: &'a str },
    /// The revisions from `path` became testimony `into`.
    Split { path: &'a str, into: &'a str },
}

/// The columns of [`KnownSource`], in [`row`]'s order.
macro_rules! known_source {
    ($($rest:literal),*) => {
        concat!("SELECT num, id, sha256, source_path, source_abs, merged_into ", $($rest),*)
    };
}

/// The testimony last ingested from a file (see
/// [`Store::testimony_from_file`]). `+merged_into` keeps SQLite off the
/// index on `merged_into`, which every live row matches: by that index,
/// each lookup read the whole table, once or twice for every file of an
/// ingest (17 s to re-scan 10,000 unchanged files, 3 s without).
const FROM_FILE: &str = known_source!(
    "FROM testimony WHERE +merged_into IS NULL \
     AND (source_abs = ?1 OR (source_abs IS NULL AND source_path = ?2)) \
     ORDER BY num LIMIT 1"
);

/// Testimonies whose current original has given bytes.
const WITH_BYTES: &str =
    known_source!("FROM testimony WHERE sha256 = ?1 AND merged_into IS NULL ORDER BY num");

/// A testimony by identifier, merged or not.
const WITH_ID: &str = known_source!("FROM testimony WHERE id = ?1");

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<KnownSource> {
    Ok(KnownSource {
        num: r.get(0)?,
        id: r.get(1)?,
        sha256: r.get(2)?,
        source_path: r.get(3)?,
        source_abs: r.get(4)?,
        merged_into: r.get(5)?,
    })
}

impl Store {
    /// The testimony last ingested from the file at `abs` (canonical path);
    /// rows from before identities were recorded match on `given`, the
    /// path as typed.
    pub fn testimony_from_file(&self, abs: &str, given: &str) -> Result<Option<KnownSource>> {
        Ok(self
            .conn
            .prepare_cached(FROM_FILE)?
            .query_row(params![abs, given], row)
            .optional()?)
    }

    /// Testimonies whose current original has these bytes.
    pub fn testimonies_with_bytes(&self, sha256: &str) -> Result<Vec<KnownSource>> {
        let mut stmt = self.conn.prepare_cached(WITH_BYTES)?;
        let rows = stmt.query_map([sha256], row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The testimony holding identifier `id`, merged or not.
    pub fn testimony_with_id(&self, id: &str) -> Result<Option<KnownSource>> {
        Ok(self
            .conn
            .prepare_cached(WITH_ID)?
            .query_row([id], row)
            .optional()?)
    }

    /// Records that testimony `id`'s file, unchanged, now lives at
    /// `path`: a `move` revision (same original) and an audit entry.
    pub fn record_move(&mut self, id: &str, path: &str, abs: &str, actor: &str) -> Result<()> {
        self.file_revision(id, actor, FileEvent::Move { path, abs })
    }

    /// Splits the revisions testimony `id` took from `path` off, in one
    /// transaction: `split_off` (made from that file's kept original) is
    /// stored as a new testimony, `back` (the latest original from another
    /// file), when given, becomes `id`'s new text, and a `split` revision
    /// on `id` records it.
    pub fn split_testimony(
        &mut self,
        id: &str,
        path: &str,
        split_off: &NewTestimony,
        back: Option<&NewTestimony>,
        actor: &str,
    ) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        write_ingest_in(&tx, split_off, actor, false, "split")?;
        if let Some(back) = back {
            write_ingest_in(&tx, back, actor, true, "split")?;
        }
        let into = split_off.id.as_str();
        file_revision_in(&tx, id, actor, FileEvent::Split { path, into })?;
        tx.commit()?;
        Ok(())
    }

    /// One transaction: a revision of `id` that keeps its text and original
    /// and records a file event, plus its audit entry.
    fn file_revision(&mut self, id: &str, actor: &str, event: FileEvent<'_>) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        file_revision_in(&tx, id, actor, event)?;
        tx.commit()?;
        Ok(())
    }
}

/// [`Store::file_revision`] inside a transaction the caller commits.
fn file_revision_in(
    tx: &Transaction<'_>,
    id: &str,
    actor: &str,
    event: FileEvent<'_>,
) -> Result<()> {
    let (num, revision, sha, old_path): (i64, i64, String, String) = tx
        .query_row(
            "SELECT num, revision, sha256, source_path FROM testimony WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
    let now = crate::dates::now_rfc3339();
    let revision = revision + 1;
    tx.execute(
        "UPDATE testimony SET revision = ?2, updated_at = ?3 WHERE num = ?1",
        params![num, revision, now],
    )?;
    let (kind, matched_by, path, summary, before, after) = match event {
        FileEvent::Move { path, abs } => {
            tx.execute(
                "UPDATE testimony SET source_path = ?2, source_abs = ?3 WHERE num = ?1",
                params![num, path, abs],
            )?;
            (
                "move",
                "sha256",
                path,
                format!("the same file moved from {old_path}"),
                Some(json!({ "source_path": old_path })),
                json!({ "source_path": path, "revision": revision }),
            )
        }
        FileEvent::Split { path, into } => (
            "split",
            "split",
            path,
            format!("the revisions from {path} split off into {into}"),
            None,
            json!({ "split_off": path, "into": into, "revision": revision }),
        ),
    };
    tx.execute(
            "INSERT INTO revision (testimony, number, at, actor, kind, sha256, source_path, summary, matched_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![num, revision, now, actor, kind, sha, path, summary, matched_by],
        )?;
    audit::append(tx, actor, kind, id, before.as_ref(), Some(&after), "")?;
    Ok(())
}

impl Store {
    /// Testimonies that took a new file from another path as an update
    /// without an explicit identifier (only an older tanu did that).
    pub fn mixed_sources(&self) -> Result<Vec<MixedSources>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.id, r.number, r.source_path, r.matched_by, r.kind
             FROM revision r JOIN testimony t ON t.num = r.testimony
             WHERE r.kind IN ('ingest', 'update', 'move', 'split') AND r.source_path IS NOT NULL
             ORDER BY t.num, r.number",
        )?;
        let rows: Vec<(String, i64, String, Option<String>, String)> = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut out: Vec<MixedSources> = Vec::new();
        let mut i = 0;
        while i < rows.len() {
            let id = &rows[i].0;
            let mut j = i;
            let mut suspicious = false;
            let mut revisions = Vec::new();
            let mut previous: Option<&str> = None;
            // Paths `tanu split` took out of this testimony no longer count.
            let split_off: Vec<&str> = rows[i..]
                .iter()
                .take_while(|r| &r.0 == id)
                .filter(|r| r.4 == "split")
                .map(|r| r.2.as_str())
                .collect();
            while j < rows.len() && &rows[j].0 == id {
                let (_, number, path, matched_by, kind) = &rows[j];
                if kind == "split" || split_off.contains(&path.as_str()) {
                    j += 1;
                    continue;
                }
                if kind != "move" {
                    revisions.push((*number, path.clone()));
                }
                if kind == "update" && matched_by.is_none() && previous.is_some_and(|p| p != path) {
                    suspicious = true;
                }
                previous = Some(path);
                j += 1;
            }
            if suspicious {
                out.push(MixedSources {
                    id: id.clone(),
                    revisions,
                });
            }
            i = j;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plan SQLite picks for `sql` on an archive's schema.
    fn plan(sql: &str) -> String {
        let mut conn = rusqlite::Connection::open_in_memory().expect("memory");
        super::super::migrate::migrate(&mut conn).expect("migrate");
        let mut stmt = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .expect("explain");
        // Unbound parameters are NULL; the plan does not depend on them.
        let mut rows = stmt.raw_query();
        let mut plan = Vec::new();
        while let Some(r) = rows.next().expect("row") {
            plan.push(r.get::<_, String>(3).expect("detail"));
        }
        plan.join("\n")
    }

    /// Every file of an ingest is looked up by these: each must go
    /// straight to its rows by an index, not read the table (which made
    /// re-scanning a collection quadratic in its size).
    #[test]
    fn the_lookups_of_every_ingested_file_use_their_indexes() {
        let from_file = plan(FROM_FILE);
        assert!(
            from_file.contains("testimony_source_abs")
                && from_file.contains("testimony_source_path")
                && !from_file.contains("testimony_merged")
                && !from_file.contains("SCAN"),
            "{from_file}"
        );
        let with_bytes = plan(WITH_BYTES);
        assert!(
            with_bytes.contains("testimony_sha256") && !with_bytes.contains("SCAN"),
            "{with_bytes}"
        );
        let with_id = plan(WITH_ID);
        assert!(!with_id.contains("SCAN"), "{with_id}");
    }
}
