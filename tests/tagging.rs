//! Measured tagging quality: the tagger's suggestions for every fixture in
//! `fixtures/transcripts/` against the gold tags in `fixtures/gold/*.toml`.
//!
//! Only suggestions count: the tagger is run on the parsed segments, so
//! header tags (which the tagger never reads) play no part.
//!
//! Matching, per facet:
//! - `wave`, `place`, `transit_camp`: a suggestion is correct when it is a
//!   gold value; a gold value is found when it is suggested.
//! - `region`: regions are hierarchical (`ukraine` ⊃ `donbas`). A
//!   suggested region is correct when it is a gold region **or an ancestor
//!   of one** (`ukraine` for gold `donbas`: true, only less specific; a
//!   search for `ukraine` finds it anyway). A more specific region than
//!   the gold one (`donbas` for gold `ukraine`) is wrong: the gold author
//!   chose the broader region for a reason. A gold region is found only
//!   when it is suggested exactly.
//! - Values listed in a gold entry's `optional_*` fields (the geography of
//!   a First World War story, which an archivist may or may not tag) are
//!   neither rewarded nor penalised.
//!
//! Precision = correct suggestions / suggestions, recall = found gold
//! values / gold values, summed over all testimonies (micro average); a
//! facet with no suggestions has precision 1. The test fails when any
//! facet is below precision 0.9 or recall 0.85.
//!
//! Run with `cargo test --test tagging -- --nocapture` to see the table.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;
use tanu::ingest::{IngestOptions, collect_files, prepare};
use tanu::tag::Tagger;
use tanu::vocab::Vocabulary;

const MIN_PRECISION: f64 = 0.9;
const MIN_RECALL: f64 = 0.85;
const FACETS: [&str; 4] = ["wave", "region", "place", "transit_camp"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldFile {
    testimony: Vec<Gold>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Gold {
    id: String,
    wave: Vec<String>,
    region: Vec<String>,
    place: Vec<String>,
    transit_camp: Vec<String>,
    #[serde(default)]
    optional_region: Vec<String>,
    #[serde(default)]
    optional_place: Vec<String>,
}

impl Gold {
    fn values(&self, facet: &str) -> (&[String], &[String]) {
        match facet {
            "wave" => (&self.wave, &[]),
            "region" => (&self.region, &self.optional_region),
            "place" => (&self.place, &self.optional_place),
            _ => (&self.transit_camp, &[]),
        }
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    found: usize,
    gold: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.found as f64 / self.gold as f64
        }
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn load_gold(dir: &Path) -> BTreeMap<String, Gold> {
    let mut out = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let doc: GoldFile =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        for g in doc.testimony {
            assert!(
                out.insert(g.id.clone(), g.clone()).is_none(),
                "{}: gold for {} given twice",
                f.display(),
                g.id
            );
        }
    }
    out
}

/// Whether `ancestor` is `id` or above it in the vocabulary.
fn is_ancestor_or_self(vocab: &Vocabulary, ancestor: &str, id: &str) -> bool {
    vocab.lineage(id).contains(&ancestor)
}

#[test]
fn suggestions_meet_the_quality_bar() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let vocab = Vocabulary::builtin().unwrap();
    let tagger = Tagger::new(&vocab);
    let gold = load_gold(&root.join("fixtures/gold"));
    for g in gold.values() {
        for facet in FACETS {
            let (req, opt) = g.values(facet);
            for v in req.iter().chain(opt) {
                let e = vocab
                    .get(v)
                    .unwrap_or_else(|| panic!("gold {}: unknown {v}", g.id));
                let want = if facet == "transit_camp" {
                    "transit_camp"
                } else {
                    facet
                };
                assert_eq!(e.facet.name(), want, "gold {}: {v} is not a {facet}", g.id);
            }
        }
    }

    let (files, _) = collect_files(&[root.join("fixtures/transcripts")]).unwrap();
    let mut totals: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut errors: Vec<String> = Vec::new();
    let mut seen = BTreeSet::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let t = prepare(path, bytes, &IngestOptions::default(), &vocab, &tagger)
            .unwrap_or_else(|e| panic!("{e}"));
        let g = gold
            .get(&t.id)
            .unwrap_or_else(|| panic!("no gold entry for {} ({})", t.id, path.display()));
        seen.insert(t.id.clone());
        let suggested = tagger.suggest(&t.segments);
        let mentions = tagger.explain(&t.segments);
        for facet in FACETS {
            let got: BTreeSet<&str> = suggested
                .iter()
                .filter(|s| s.facet.name() == facet)
                .map(|s| s.value.as_str())
                .collect();
            let (req, opt) = g.values(facet);
            let c = totals.entry(facet).or_default();
            for v in &got {
                if opt.iter().any(|o| o == v) {
                    continue;
                }
                let ok = if facet == "region" {
                    req.iter().any(|r| is_ancestor_or_self(&vocab, v, r))
                } else {
                    req.iter().any(|r| r == v)
                };
                if ok {
                    c.tp += 1;
                } else {
                    c.fp += 1;
                    errors.push(format!(
                        "{}: {facet} {v} suggested, not in gold{}",
                        t.id,
                        why(&mentions, v)
                    ));
                }
            }
            for r in req {
                c.gold += 1;
                if got.contains(r.as_str()) {
                    c.found += 1;
                } else {
                    errors.push(format!("{}: {facet} {r} missed{}", t.id, why(&mentions, r)));
                }
            }
        }
    }
    let unused: Vec<_> = gold.keys().filter(|k| !seen.contains(*k)).collect();
    assert!(
        unused.is_empty(),
        "gold entries without a fixture: {unused:?}"
    );

    println!(
        "\ntagging quality on {} fixtures (micro average):",
        files.len()
    );
    println!(
        "{:<13} {:>4} {:>4} {:>4} {:>5}  {:>9} {:>6} {:>6}",
        "facet", "TP", "FP", "FN", "gold", "precision", "recall", "F1"
    );
    for facet in FACETS {
        let c = totals[facet];
        println!(
            "{:<13} {:>4} {:>4} {:>4} {:>5}  {:>9.3} {:>6.3} {:>6.3}",
            facet,
            c.tp,
            c.fp,
            c.gold - c.found,
            c.gold,
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    if !errors.is_empty() {
        println!("\nerrors:");
        for e in &errors {
            println!("  {e}");
        }
    }
    for facet in FACETS {
        let c = totals[facet];
        assert!(
            c.precision() >= MIN_PRECISION,
            "{facet}: precision {:.3} < {MIN_PRECISION}",
            c.precision()
        );
        assert!(
            c.recall() >= MIN_RECALL,
            "{facet}: recall {:.3} < {MIN_RECALL}",
            c.recall()
        );
    }
}

/// The mentions of a value with their rules, to explain an error.
fn why(mentions: &[tanu::tag::Mention], value: &str) -> String {
    let parts: Vec<String> = mentions
        .iter()
        .filter(|m| m.value == value)
        .map(|m| format!("¶{} {:?} {} {:.1}", m.ordinal, m.matched, m.rule, m.weight))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" [{}]", parts.join("; "))
    }
}
