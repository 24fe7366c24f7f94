//! `cargo bench --bench relevance`: how well tanu and SQLite FTS5 find
//! what researchers look for, on judged queries.
//!
//! Ingests `fixtures/transcripts/` into a temporary tanu archive and the
//! same segments into FTS5 (`unicode61 remove_diacritics 2`, see
//! `support/fts5.rs`), runs every query of `tests/relevance/queries.toml`
//! on both (top 10 testimonies), and prints recall@10 and MRR per category
//! and overall.
//!
//! - recall@10: the share of a query's relevant testimonies among the top
//!   10, averaged over queries;
//! - MRR: the mean over queries of 1 / rank of the first relevant
//!   testimony (0 when none is in the top 10).
//!
//! FTS5 gets the query translated: words and phrases as typed, `*`,
//! `AND`/`OR`/`NOT` kept, fuzzy `~` dropped (the exact word is searched),
//! `region:`/`place:`/`wave:`/`transit:` applied through the tags, other
//! field filters dropped.
//!
//! `TANU_RELEVANCE_QUERIES` and `TANU_RELEVANCE_FIXTURES` point elsewhere;
//! `TANU_RELEVANCE_VERBOSE=1` prints each query's ranking.

#[path = "support/fts5.rs"]
mod fts5;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::Deserialize;
use tanu::Archive;
use tanu::ingest::{IngestOptions, collect_files};
use tanu::search::SearchRequest;
use tanu::vocab::Vocabulary;

#[derive(Debug, Deserialize)]
struct File {
    query: Vec<Judged>,
}

#[derive(Debug, Deserialize)]
struct Judged {
    q: String,
    category: String,
    relevant: Vec<String>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

/// recall@10 and reciprocal rank of one ranking.
fn metrics(ranked: &[String], relevant: &[String]) -> (f64, f64) {
    let top: Vec<&String> = ranked.iter().take(10).collect();
    let found = relevant.iter().filter(|r| top.contains(r)).count();
    let recall = if relevant.is_empty() {
        0.0
    } else {
        found as f64 / relevant.len() as f64
    };
    let rr = top
        .iter()
        .position(|id| relevant.contains(id))
        .map_or(0.0, |i| 1.0 / (i + 1) as f64);
    (recall, rr)
}

#[derive(Default)]
struct Sums {
    n: usize,
    tanu: (f64, f64),
    fts: (f64, f64),
}

fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let queries_path = std::env::var_os("TANU_RELEVANCE_QUERIES")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("tests/relevance/queries.toml"));
    let fixtures = std::env::var_os("TANU_RELEVANCE_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("fixtures/transcripts"));
    let verbose = std::env::var("TANU_RELEVANCE_VERBOSE").is_ok_and(|v| v == "1");
    let text = std::fs::read_to_string(&queries_path)
        .with_context(|| format!("reading {}", queries_path.display()))?;
    let judged: File =
        toml::from_str(&text).with_context(|| format!("parsing {}", queries_path.display()))?;
    if judged.query.is_empty() {
        bail!("{} has no [[query]]", queries_path.display());
    }

    let tmp = tempfile::tempdir()?;
    let archive_dir = tmp.path().join("archive");
    let mut archive = Archive::init(&archive_dir)?;
    let (files, _) = collect_files(std::slice::from_ref(&fixtures))?;
    let mut ids = Vec::new();
    for f in &files {
        match archive.ingest_file(f, &IngestOptions::default(), "relevance bench") {
            Ok(r) => ids.push(r.id),
            Err(e) => eprintln!("tanu: {e}"),
        }
    }
    archive.sync_index()?;
    for j in &judged.query {
        for r in &j.relevant {
            if !ids.contains(r) {
                bail!(
                    "query {:?}: relevant id {r:?} is not in {}",
                    j.q,
                    fixtures.display()
                );
            }
        }
    }
    let vocab = Vocabulary::builtin()?;
    let (fts, _) = fts5::Fts5::load(
        &archive_dir.join(tanu::DB_FILE),
        &tmp.path().join("fts5.sqlite"),
        &vocab,
    )?;

    let mut by_cat: BTreeMap<String, Sums> = BTreeMap::new();
    let mut all = Sums::default();
    let mut notes = Vec::new();
    for j in &judged.query {
        let tanu_ids: Vec<String> = {
            let mut req = SearchRequest::new(j.q.clone());
            req.limit = 10;
            archive
                .search(&req)
                .with_context(|| format!("tanu search {:?}", j.q))?
                .hits
                .into_iter()
                .map(|h| h.id)
                .collect()
        };
        let fts_ids: Vec<String> = {
            let parsed =
                tanu::search::query::parse(&j.q).with_context(|| format!("parsing {:?}", j.q))?;
            let t = fts5::translate(&parsed);
            for n in &t.notes {
                notes.push(format!("{}: {n}", j.q));
            }
            let paths: Vec<String> = t
                .filters
                .iter()
                .filter_map(|(f, v)| fts5::filter_path(&vocab, f, v))
                .collect();
            match &t.expr {
                Some(expr) => fts
                    .search(&fts5::Request {
                        expr,
                        paths,
                        limit: 10,
                        passages: 0,
                        facets: false,
                    })?
                    .hits
                    .into_iter()
                    .map(|h| h.id)
                    .collect(),
                None => Vec::new(),
            }
        };
        let t = metrics(&tanu_ids, &j.relevant);
        let f = metrics(&fts_ids, &j.relevant);
        if verbose {
            println!("{:?} [{}]", j.q, j.category);
            println!("  tanu: recall {:.2} rr {:.2}  {:?}", t.0, t.1, tanu_ids);
            println!("  FTS5: recall {:.2} rr {:.2}  {:?}", f.0, f.1, fts_ids);
        }
        for s in [by_cat.entry(j.category.clone()).or_default(), &mut all] {
            s.n += 1;
            s.tanu.0 += t.0;
            s.tanu.1 += t.1;
            s.fts.0 += f.0;
            s.fts.1 += f.1;
        }
    }

    println!(
        "relevance: {} judged queries ({}) over {} testimonies ({})",
        judged.query.len(),
        queries_path
            .strip_prefix(root)
            .unwrap_or(&queries_path)
            .display(),
        ids.len(),
        fixtures.strip_prefix(root).unwrap_or(&fixtures).display()
    );
    println!();
    println!("| category | queries | tanu recall@10 | FTS5 recall@10 | tanu MRR | FTS5 MRR |");
    println!("|---|---:|---:|---:|---:|---:|");
    let row = |name: &str, s: &Sums| {
        let n = s.n.max(1) as f64;
        println!(
            "| {name} | {} | {:.2} | {:.2} | {:.2} | {:.2} |",
            s.n,
            s.tanu.0 / n,
            s.fts.0 / n,
            s.tanu.1 / n,
            s.fts.1 / n
        );
    };
    for (cat, s) in &by_cat {
        row(cat, s);
    }
    row("**all**", &all);
    if !notes.is_empty() {
        println!();
        println!("FTS5 translation: {}", notes.join("; "));
    }
    Ok(())
}
