//! The SQLite FTS5 baseline of the benches (`benches/support/fts5.rs`):
//! its query translation and a load-and-search round trip, so that the
//! numbers it produces come from a baseline that works.

#[path = "../benches/support/fts5.rs"]
mod fts5;

use tanu::Archive;
use tanu::ingest::{IngestOptions, collect_files};
use tanu::vocab::Vocabulary;

fn tr(q: &str) -> fts5::Translated {
    fts5::translate(&tanu::search::query::parse(q).unwrap())
}

#[test]
fn queries_translate_to_fts5_syntax() {
    assert_eq!(tr("tábor").expr.as_deref(), Some("\"tábor\""));
    assert_eq!(tr("depor*").expr.as_deref(), Some("\"depor\" *"));
    assert_eq!(
        tr("\"három napi munkára\"").expr.as_deref(),
        Some("\"három napi munkára\"")
    );
    assert_eq!(
        tr("(bánya OR erdő) kenyér -tífusz").expr.as_deref(),
        Some("(((\"bánya\" OR \"erdő\") AND \"kenyér\") NOT (\"tífusz\"))")
    );
    let t = tr("Foksány~ region:donbas");
    assert_eq!(t.expr.as_deref(), Some("\"Foksány\""));
    assert_eq!(
        t.filters,
        vec![("region".to_string(), "donbas".to_string())]
    );
    assert_eq!(t.notes.len(), 1, "{:?}", t.notes);
    let t = tr("NOT tábor");
    assert_eq!(t.expr, None);
    assert!(!t.notes.is_empty());
    assert_eq!(tr("lang:ru лагерь").expr.as_deref(), Some("\"лагерь\""));
}

#[test]
fn fts5_finds_ranks_snippets_and_filters_the_fixtures() {
    let dir = tempfile::tempdir().unwrap();
    let mut archive = Archive::init(&dir.path().join("a")).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (files, _) = collect_files(&[root.join("fixtures/transcripts")]).unwrap();
    for f in &files {
        archive
            .ingest_file(f, &IngestOptions::default(), "test")
            .unwrap();
    }
    archive.sync_index().unwrap();
    let vocab = Vocabulary::builtin().unwrap();
    let (fts, stats) = fts5::Fts5::load(
        &dir.path().join("a").join(tanu::DB_FILE),
        &dir.path().join("fts.sqlite"),
        &vocab,
    )
    .unwrap();
    assert_eq!(stats.testimonies, files.len());
    assert!(stats.segments > 300);
    let search = |expr: &str, paths: Vec<String>, facets: bool| {
        fts.search(&fts5::Request {
            expr,
            paths,
            limit: 10,
            passages: 3,
            facets,
        })
        .unwrap()
    };
    // Accents and case folded (remove_diacritics 2): `foksanyban` finds
    // Foksányban.
    let r = search("\"foksanyban\"", vec![], true);
    assert!(r.total_testimonies >= 4, "{}", r.total_testimonies);
    assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score));
    let snippet = &r.hits[0].passages[0].1;
    assert!(
        snippet.contains('\u{2}') && snippet.contains('\u{3}'),
        "{snippet}"
    );
    // Facets count testimonies per tag path, ancestors included.
    let r = search("\"Nagydobronyban\"", vec![], true);
    let facets = r.facets.unwrap();
    assert!(
        facets
            .iter()
            .any(|(p, n)| p == "/region/ukraine" && *n >= 1),
        "{facets:?}"
    );
    // No stemming: the fixtures only say Foksányba, Foksányban, Foksányból
    // and foksányi, so the bare name finds nothing, its prefix finds them.
    assert_eq!(search("\"Foksány\"", vec![], false).total_testimonies, 0);
    assert!(search("\"Foksány\" *", vec![], false).total_testimonies >= 4);
    // A region filter keeps only testimonies tagged below that region.
    let donbas = fts5::filter_path(&vocab, "region", "Donbasz").unwrap();
    assert_eq!(donbas, "/region/ukraine/donbas");
    let all = search("\"a\"", vec![], false).total_testimonies;
    let filtered = search("\"a\"", vec![donbas], false).total_testimonies;
    assert!(filtered > 0 && filtered < all, "{filtered} of {all}");
}
