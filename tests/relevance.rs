//! The relevance suite: judged queries over `fixtures/transcripts/`
//! (`tests/relevance/queries.toml`), measured at testimony level.
//!
//! - recall@10: the fraction of a query's relevant testimonies among its
//!   first 10 results, averaged over queries (every query has at most 10
//!   relevant testimonies, so 1.0 is reachable);
//! - MRR: the mean of 1/rank of the first relevant result (0 when none is in
//!   the first 10).
//!
//! The suite fails below recall@10 0.95 or MRR 0.85 overall. It prints a
//! table per category and every query that is not perfect, with what came
//! back (`cargo test --test relevance -- --nocapture`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use tanu::Archive;
use tanu::access::Role;
use tanu::ingest::{IngestOptions, collect_files};
use tanu::search::SearchRequest;

const MIN_RECALL_AT_10: f64 = 0.95;
const MIN_MRR: f64 = 0.85;
const MIN_QUERIES: usize = 80;
const MIN_PER_CATEGORY: usize = 6;
const CATEGORIES: &[&str] = &[
    "inflection",
    "missing-accents",
    "legacy-encoding",
    "mojibake",
    "cross-script",
    "historical-name",
    "phrase",
    "typo",
    "prefix",
    "boolean",
    "filter",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Judgments {
    query: Vec<Judged>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Judged {
    q: String,
    category: String,
    relevant: Vec<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn judgments() -> Vec<Judged> {
    let path = root().join("tests/relevance/queries.toml");
    let text = std::fs::read_to_string(&path).expect("tests/relevance/queries.toml is readable");
    let j: Judgments = toml::from_str(&text).expect("queries.toml parses");
    j.query
}

/// An archive with every fixture transcript, built through the library.
fn fixture_archive(dir: &Path) -> Archive {
    let mut archive = Archive::init(dir).expect("init");
    let (files, _) = collect_files(&[root().join("fixtures/transcripts")]).expect("fixtures");
    assert!(files.len() >= 20, "{} fixture transcripts", files.len());
    for f in &files {
        archive
            .ingest_file(f, &IngestOptions::default(), "relevance suite")
            .unwrap_or_else(|e| panic!("ingesting {}: {e}", f.display()));
    }
    archive.sync_index().expect("index");
    archive
}

/// The top 10 testimony ids of every query, in order.
fn run_all(archive: &Archive, queries: &[Judged]) -> Vec<Vec<String>> {
    queries
        .iter()
        .map(|j| {
            let mut req = SearchRequest::new(j.q.clone());
            req.limit = 10;
            req.role = Role::Archivist;
            let res = archive
                .search(&req)
                .unwrap_or_else(|e| panic!("query {:?}: {e}", j.q));
            res.hits.into_iter().map(|h| h.id).collect()
        })
        .collect()
}

#[derive(Debug, Default, Clone, Copy)]
struct Score {
    n: usize,
    recall: f64,
    rr: f64,
}

impl Score {
    fn add(&mut self, recall: f64, rr: f64) {
        self.n += 1;
        self.recall += recall;
        self.rr += rr;
    }
    fn recall(&self) -> f64 {
        self.recall / self.n.max(1) as f64
    }
    fn mrr(&self) -> f64 {
        self.rr / self.n.max(1) as f64
    }
}

fn measure(j: &Judged, got: &[String]) -> (f64, f64) {
    let top: Vec<&String> = got.iter().take(10).collect();
    let found = j.relevant.iter().filter(|r| top.contains(r)).count();
    let recall = found as f64 / j.relevant.len() as f64;
    let rr = top
        .iter()
        .position(|id| j.relevant.contains(id))
        .map_or(0.0, |p| 1.0 / (p + 1) as f64);
    (recall, rr)
}

#[test]
fn judgments_are_well_formed() {
    let queries = judgments();
    assert!(
        queries.len() >= MIN_QUERIES,
        "{} judged queries, want at least {MIN_QUERIES}",
        queries.len()
    );
    // The identifiers the fixtures ingest as (without building an index).
    let known: BTreeSet<String> = {
        let vocab = tanu::vocab::Vocabulary::builtin().expect("vocabulary");
        let tagger = tanu::tag::Tagger::new(&vocab);
        let (files, _) = collect_files(&[root().join("fixtures/transcripts")]).expect("fixtures");
        files
            .iter()
            .map(|f| {
                let bytes = std::fs::read(f).expect("readable fixture");
                tanu::ingest::prepare(f, bytes, &IngestOptions::default(), &vocab, &tagger)
                    .unwrap_or_else(|e| panic!("{e}"))
                    .id
            })
            .collect()
    };
    let mut seen = BTreeSet::new();
    for j in &queries {
        assert!(
            CATEGORIES.contains(&j.category.as_str()),
            "{:?}: unknown category {:?}",
            j.q,
            j.category
        );
        assert!(seen.insert(j.q.clone()), "{:?} is judged twice", j.q);
        assert!(
            !j.relevant.is_empty() && j.relevant.len() <= 10,
            "{:?}: {} relevant testimonies (1 to 10, so recall@10 can reach 1)",
            j.q,
            j.relevant.len()
        );
        for id in &j.relevant {
            assert!(known.contains(id), "{:?}: no testimony {id:?}", j.q);
        }
        let unique: BTreeSet<&String> = j.relevant.iter().collect();
        assert_eq!(unique.len(), j.relevant.len(), "{:?}: duplicate ids", j.q);
    }
    for c in CATEGORIES {
        let n = queries.iter().filter(|j| j.category == *c).count();
        assert!(
            n >= MIN_PER_CATEGORY,
            "category {c}: {n} queries, want {MIN_PER_CATEGORY}"
        );
    }
}

#[test]
fn relevance_meets_targets() {
    let queries = judgments();
    let dir = tempfile::tempdir().expect("tempdir");
    let archive = fixture_archive(&dir.path().join("a"));
    let results = run_all(&archive, &queries);

    let mut per: BTreeMap<&str, Score> = BTreeMap::new();
    let mut all = Score::default();
    let mut imperfect = Vec::new();
    for (j, got) in queries.iter().zip(&results) {
        let (recall, rr) = measure(j, got);
        per.entry(j.category.as_str()).or_default().add(recall, rr);
        all.add(recall, rr);
        if recall < 1.0 || rr < 1.0 {
            imperfect.push((j, got, recall, rr));
        }
    }

    println!();
    println!(
        "{:<17} {:>7} {:>10} {:>7}",
        "category", "queries", "recall@10", "MRR"
    );
    for c in CATEGORIES {
        if let Some(s) = per.get(c) {
            println!("{:<17} {:>7} {:>10.3} {:>7.3}", c, s.n, s.recall(), s.mrr());
        }
    }
    println!(
        "{:<17} {:>7} {:>10.3} {:>7.3}",
        "overall",
        all.n,
        all.recall(),
        all.mrr()
    );
    if !imperfect.is_empty() {
        println!("\nqueries below recall@10 1.0 or MRR 1.0 (* = relevant):");
        for (j, got, recall, rr) in &imperfect {
            let shown: Vec<String> = got
                .iter()
                .map(|id| {
                    if j.relevant.contains(id) {
                        format!("*{id}")
                    } else {
                        id.clone()
                    }
                })
                .collect();
            let missed: Vec<&String> = j.relevant.iter().filter(|r| !got.contains(r)).collect();
            println!(
                "  [{}] {}  recall {:.2}  RR {:.2}\n      got: {}\n      missed: {}",
                j.category,
                j.q,
                recall,
                rr,
                if shown.is_empty() {
                    "nothing".to_string()
                } else {
                    shown.join(", ")
                },
                if missed.is_empty() {
                    "—".to_string()
                } else {
                    missed
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            );
        }
    }
    assert!(
        all.recall() >= MIN_RECALL_AT_10,
        "recall@10 {:.3} is below {MIN_RECALL_AT_10}",
        all.recall()
    );
    assert!(
        all.mrr() >= MIN_MRR,
        "MRR {:.3} is below {MIN_MRR}",
        all.mrr()
    );
}

#[test]
fn reindex_gives_identical_results() {
    let queries = judgments();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a");
    let before = {
        let archive = fixture_archive(&path);
        run_all(&archive, &queries)
    };
    let (archive, n) = Archive::open_for_reindex(&path, &mut |_, _| {}).expect("reindex");
    assert!(n >= 20, "reindexed {n} testimonies");
    let after = run_all(&archive, &queries);
    for ((j, b), a) in queries.iter().zip(&before).zip(&after) {
        assert_eq!(b, a, "{:?} answers differently after `tanu reindex`", j.q);
    }
    // And once more through a plain open of the rebuilt index.
    drop(archive);
    let reopened = Archive::open(&path).expect("open");
    assert_eq!(run_all(&reopened, &queries), before);
}

/// `Archive::count` (the per-language counts beside a result page) counts
/// exactly the testimonies a search reports, for every judged query and
/// boolean forms of them, every role, with and without a passage filter.
#[test]
fn counts_agree_with_search() {
    let queries = judgments();
    let dir = tempfile::tempdir().expect("tempdir");
    let archive = fixture_archive(&dir.path().join("a"));
    let mut texts: Vec<String> = queries.iter().map(|j| j.q.clone()).collect();
    texts.extend(
        [
            "láger -vagon",
            "NOT láger",
            "-лагерь Donbász",
            "(vagon OR эшелон) -Foksány",
            "láger vagon -tífusz",
            "\"a lágerben\" OR шахта",
        ]
        .map(String::from),
    );
    let mut nonzero = 0;
    for q in &texts {
        for role in [Role::Public, Role::Researcher, Role::Archivist] {
            for lang in [None, Some("hu"), Some("ru")] {
                let mut req = SearchRequest::new(q.as_str());
                req.role = role;
                if let Some(l) = lang {
                    req.filters.push(tanu::search::Filter {
                        field: "lang".into(),
                        value: l.into(),
                    });
                }
                let total = archive.search(&req).expect("search").total_testimonies;
                let counted = archive.count(&req).expect("count");
                assert_eq!(counted, total, "{q:?} as {role:?}, lang {lang:?}");
                nonzero += usize::from(total > 0);
            }
        }
    }
    assert!(nonzero > texts.len(), "most queries find something");
}
