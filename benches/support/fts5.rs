//! The SQLite FTS5 baseline the benches compare tanu with.
//!
//! The same text tanu indexes — the decoded, repaired segments, read back
//! from the tanu archive's store (one compressed row per testimony) — goes into one FTS5 table with
//! the `unicode61 remove_diacritics 2` tokenizer (case and accents folded,
//! no stemming, no cross-script key). Tags go into a plain table with every
//! ancestor of each facet path, so a region filter is one indexed lookup.
//!
//! A search does what tanu's does, the way an application on FTS5 would:
//! one pass over all matching segments with `bm25()`, grouped by testimony
//! in Rust (best passage + 0.3 × second + 0.1 × third, as tanu ranks), the
//! top testimonies hydrated, `snippet()` for their best passages, and the
//! facet counts of all matching testimonies when asked for.
//!
//! Queries are tanu queries translated by [`translate`]: words and phrases
//! quoted as typed, `*` kept, `AND`/`OR`/`NOT` kept (a `NOT` needs a
//! positive part in FTS5), fuzzy `~` dropped (exact word), region, place,
//! wave and transit filters applied through the tag table, other field
//! filters dropped. FTS5 cannot bridge inflections or scripts: that is part
//! of the comparison.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

use rusqlite::{Connection, OpenFlags, params};
use tanu::search::query::Query;
use tanu::vocab::{Facet, Vocabulary};

/// Per testimony: passages matched and the best three (score, rowid, ordinal).
type Group = (usize, Vec<(f64, i64, i64)>);

/// An FTS5 database built from a tanu archive.
pub struct Fts5 {
    conn: Connection,
}

/// What loading cost.
#[derive(Debug, Clone, Default)]
pub struct LoadStats {
    pub testimonies: usize,
    pub segments: usize,
    pub text_bytes: u64,
    /// Reading the segments from tanu's SQLite and inserting them.
    pub load_secs: f64,
    /// `INSERT INTO seg(seg) VALUES('optimize')`.
    pub optimize_secs: f64,
}

/// A tanu query as FTS5 sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Translated {
    /// The FTS5 `MATCH` expression; `None` when nothing searchable is left
    /// (a pure negation).
    pub expr: Option<String>,
    /// `(field, value)` filters to apply through the tag table.
    pub filters: Vec<(String, String)>,
    /// What was dropped or approximated.
    pub notes: Vec<String>,
}

/// A search on the FTS5 side.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub expr: &'a str,
    /// Facet paths every hit's testimony must carry.
    pub paths: Vec<String>,
    pub limit: usize,
    pub passages: usize,
    pub facets: bool,
}

/// One ranked testimony.
#[derive(Debug, Clone)]
pub struct Hit {
    pub id: String,
    pub score: f64,
    /// `(ordinal, snippet)` of the best passages.
    pub passages: Vec<(i64, String)>,
}

/// The results of a search.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub total_testimonies: usize,
    pub total_passages: usize,
    pub hits: Vec<Hit>,
    pub facets: Option<Vec<(String, usize)>>,
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Translates a parsed tanu query to FTS5 syntax.
pub fn translate(q: &Query) -> Translated {
    let mut t = Translated::default();
    t.expr = expr(q, &mut t, true);
    t
}

fn expr(q: &Query, t: &mut Translated, top: bool) -> Option<String> {
    match q {
        Query::Word(w) => {
            if w.fuzzy.is_some() {
                t.notes
                    .push(format!("`{}~`: fuzzy dropped, exact word", w.text));
            }
            let mut s = quote(&w.text);
            if w.prefix {
                s.push_str(" *");
            }
            Some(s)
        }
        Query::Phrase(words) => Some(quote(&words.join(" "))),
        Query::Field(f, v) => {
            if top
                && matches!(
                    f.as_str(),
                    "region" | "place" | "wave" | "transit" | "transit_camp"
                )
            {
                t.filters.push((f.clone(), v.clone()));
            } else {
                t.notes.push(format!("`{f}:{v}` dropped"));
            }
            None
        }
        Query::Not(inner) => {
            t.notes
                .push("a query of only NOT cannot run in FTS5".into());
            let _ = inner;
            None
        }
        Query::And(parts) => {
            let mut pos = Vec::new();
            let mut neg = Vec::new();
            for p in parts {
                match p {
                    Query::Not(inner) => {
                        if let Some(e) = expr(inner, t, false) {
                            neg.push(e);
                        }
                    }
                    other => {
                        if let Some(e) = expr(other, t, top) {
                            pos.push(e);
                        }
                    }
                }
            }
            if pos.is_empty() {
                if !neg.is_empty() {
                    t.notes
                        .push("a query of only NOT cannot run in FTS5".into());
                }
                return None;
            }
            let mut s = if pos.len() == 1 {
                pos.remove(0)
            } else {
                format!("({})", pos.join(" AND "))
            };
            if !neg.is_empty() {
                s = format!("({s} NOT ({}))", neg.join(" OR "));
            }
            Some(s)
        }
        Query::Or(parts) => {
            let alts: Vec<String> = parts.iter().filter_map(|p| expr(p, t, false)).collect();
            match alts.len() {
                0 => None,
                1 => alts.into_iter().next(),
                _ => Some(format!("({})", alts.join(" OR "))),
            }
        }
    }
}

/// The facet path a tanu filter `field:value` selects, resolved like
/// tanu resolves it (any alias, any script).
pub fn filter_path(vocab: &Vocabulary, field: &str, value: &str) -> Option<String> {
    let facets: &[Facet] = match field {
        "region" => &[Facet::Region, Facet::Place],
        "place" => &[Facet::Place, Facet::Region],
        "wave" => &[Facet::Wave],
        _ => &[Facet::TransitCamp],
    };
    let entry = vocab.resolve(facets, value).ok()?;
    Some(vocab.facet_path(entry))
}

impl Fts5 {
    /// Builds `path` (replaced if present) from the tanu database `tanu_db`.
    pub fn load(
        tanu_db: &Path,
        path: &Path,
        vocab: &Vocabulary,
    ) -> rusqlite::Result<(Fts5, LoadStats)> {
        for suffix in ["", "-wal", "-shm"] {
            let p = format!("{}{suffix}", path.display());
            let _ = std::fs::remove_file(p);
        }
        let started = Instant::now();
        let src = Connection::open_with_flags(tanu_db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.execute_batch(
            "CREATE TABLE testimony (tnum INTEGER PRIMARY KEY, id TEXT NOT NULL, title TEXT NOT NULL);
             CREATE TABLE tag (tnum INTEGER NOT NULL, path TEXT NOT NULL);
             CREATE VIRTUAL TABLE seg USING fts5(
                 text, tnum UNINDEXED, ordinal UNINDEXED,
                 tokenize = 'unicode61 remove_diacritics 2');",
        )?;
        let mut stats = LoadStats::default();
        let tx = conn.transaction()?;
        {
            let mut ins_t =
                tx.prepare("INSERT INTO testimony (tnum, id, title) VALUES (?1, ?2, ?3)")?;
            let mut rows = src.prepare("SELECT num, id, title FROM testimony")?;
            let mut r = rows.query([])?;
            while let Some(row) = r.next()? {
                let (num, id, title): (i64, String, String) =
                    (row.get(0)?, row.get(1)?, row.get(2)?);
                ins_t.execute(params![num, id, title])?;
                stats.testimonies += 1;
            }
            let mut ins_tag = tx.prepare("INSERT INTO tag (tnum, path) VALUES (?1, ?2)")?;
            let mut rows =
                src.prepare("SELECT testimony, value FROM tag WHERE status = 'confirmed'")?;
            let mut r = rows.query([])?;
            while let Some(row) = r.next()? {
                let (num, value): (i64, String) = (row.get(0)?, row.get(1)?);
                let Some(entry) = vocab.get(&value) else {
                    continue;
                };
                // Every ancestor, so a region filter finds its places.
                let full = vocab.facet_path(entry);
                let parts: Vec<&str> = full.trim_start_matches('/').split('/').collect();
                for depth in 2..=parts.len() {
                    ins_tag.execute(params![num, format!("/{}", parts[..depth].join("/"))])?;
                }
            }
        }
        tx.commit()?;
        // Segments in batches, like tanu's ingest commits. They are read
        // through tanu's store (one compressed row per testimony); the
        // time spent reading them is not FTS5's and is left out.
        let store = tanu::store::Store::open(tanu_db, vocab)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        let nums: Vec<i64> = src
            .prepare("SELECT num FROM testimony ORDER BY num")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut reading = std::time::Duration::ZERO;
        let mut tx = conn.transaction()?;
        for (i, num) in nums.into_iter().enumerate() {
            if i > 0 && i % 200 == 0 {
                tx.commit()?;
                tx = conn.transaction()?;
            }
            let read_at = Instant::now();
            let segments = store
                .segments(num)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
            reading += read_at.elapsed();
            for seg in segments {
                stats.text_bytes += seg.text.len() as u64;
                stats.segments += 1;
                tx.prepare_cached("INSERT INTO seg (text, tnum, ordinal) VALUES (?1, ?2, ?3)")?
                    .execute(params![seg.text, num, seg.ordinal])?;
            }
        }
        tx.commit()?;
        conn.execute_batch(
            "CREATE INDEX tag_path ON tag (path, tnum); CREATE INDEX tag_tnum ON tag (tnum);",
        )?;
        stats.load_secs = (started.elapsed() - reading).as_secs_f64();
        let started = Instant::now();
        conn.execute("INSERT INTO seg (seg) VALUES ('optimize')", [])?;
        conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")?;
        stats.optimize_secs = started.elapsed().as_secs_f64();
        Fts5::configure(&conn)?;
        Ok((Fts5 { conn }, stats))
    }

    fn configure(conn: &Connection) -> rusqlite::Result<()> {
        // Give FTS5 the same footing as Tantivy's memory-mapped index.
        conn.pragma_update(None, "mmap_size", 1i64 << 36)?;
        conn.pragma_update(None, "cache_size", -65536)?;
        Ok(())
    }

    /// Runs a search.
    pub fn search(&self, req: &Request<'_>) -> rusqlite::Result<Results> {
        let mut sql =
            String::from("SELECT rowid, tnum, ordinal, bm25(seg) FROM seg WHERE seg MATCH ?1");
        for i in 0..req.paths.len() {
            sql.push_str(&format!(
                " AND tnum IN (SELECT tnum FROM tag WHERE path = ?{})",
                i + 2
            ));
        }
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut params: Vec<&dyn rusqlite::ToSql> = vec![&req.expr];
        for p in &req.paths {
            params.push(p);
        }
        let mut rows = stmt.query(params.as_slice())?;
        let mut groups: HashMap<i64, Group> = HashMap::new();
        let mut total_passages = 0;
        while let Some(row) = rows.next()? {
            let (rowid, tnum, ordinal, bm25): (i64, i64, i64, f64) =
                (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
            total_passages += 1;
            let score = -bm25;
            let g = groups.entry(tnum).or_insert_with(|| (0, Vec::new()));
            g.0 += 1;
            let best = &mut g.1;
            if best.len() < 3 || score > best[best.len() - 1].0 {
                let at = best.partition_point(|b| b.0 >= score);
                best.insert(at, (score, rowid, ordinal));
                best.truncate(3);
            }
        }
        let mut ranked: Vec<(f64, i64)> = groups
            .iter()
            .map(|(t, (_, b))| {
                let s = b.first().map_or(0.0, |p| p.0)
                    + 0.3 * b.get(1).map_or(0.0, |p| p.0)
                    + 0.1 * b.get(2).map_or(0.0, |p| p.0);
                (s, *t)
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut hits = Vec::new();
        let mut id_stmt = self
            .conn
            .prepare_cached("SELECT id FROM testimony WHERE tnum = ?1")?;
        let mut snip = self.conn.prepare_cached(
            "SELECT snippet(seg, 0, char(2), char(3), '…', 32) FROM seg WHERE seg MATCH ?1 AND rowid = ?2",
        )?;
        for &(score, tnum) in ranked.iter().take(req.limit) {
            let id: String = id_stmt.query_row([tnum], |r| r.get(0))?;
            let mut passages = Vec::new();
            for &(_, rowid, ordinal) in groups[&tnum].1.iter().take(req.passages) {
                let s: String = snip.query_row(params![req.expr, rowid], |r| r.get(0))?;
                passages.push((ordinal, s));
            }
            hits.push(Hit {
                id,
                score,
                passages,
            });
        }
        let facets = if req.facets {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT path FROM tag WHERE tnum = ?1")?;
            let mut counts: HashMap<String, usize> = HashMap::new();
            for tnum in groups.keys() {
                let mut rows = stmt.query([tnum])?;
                let mut seen = HashSet::new();
                while let Some(r) = rows.next()? {
                    let p: String = r.get(0)?;
                    if seen.insert(p.clone()) {
                        *counts.entry(p).or_insert(0) += 1;
                    }
                }
            }
            let mut v: Vec<(String, usize)> = counts.into_iter().collect();
            v.sort();
            Some(v)
        } else {
            None
        };
        Ok(Results {
            total_testimonies: groups.len(),
            total_passages,
            hits,
            facets,
        })
    }

    /// Bytes of the database file.
    pub fn size(path: &Path) -> u64 {
        ["", "-wal", "-shm"]
            .iter()
            .filter_map(|s| std::fs::metadata(format!("{}{s}", path.display())).ok())
            .map(|m| m.len())
            .sum()
    }
}
