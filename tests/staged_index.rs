//! Documents are handed to the index writer as each file is ingested and
//! committed by `sync_index`: what a search sees must be exactly what is
//! in SQLite after the sync, whatever happened in between.

use std::path::Path;

use tanu::Archive;
use tanu::ingest::IngestOptions;
use tanu::search::SearchRequest;

fn transcript(id: &str, body: &str) -> Vec<u8> {
    format!(
        "id: {id}\ntitle: Próba\nlanguage: hu\n---\n[00:00:01] K: Hol volt?\n[00:00:05] N: {body}\n"
    )
    .into_bytes()
}

fn ids(archive: &Archive, q: &str) -> Vec<String> {
    let mut ids: Vec<String> = archive
        .search(&SearchRequest::new(q))
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn staged_documents_appear_only_after_sync_and_stay_current() {
    let dir = tempfile::tempdir().unwrap();
    let mut archive = Archive::init(&dir.path().join("a")).unwrap();
    let opts = IngestOptions::default();
    let replace = IngestOptions {
        replace: true,
        ..IngestOptions::default()
    };
    archive
        .ingest_bytes(
            Path::new("a.txt"),
            transcript("t-1", "Sztálinóban voltam a bányában."),
            &opts,
            "test",
        )
        .unwrap();
    archive
        .ingest_bytes(
            Path::new("b.txt"),
            transcript("t-2", "Foksányban vártunk sokáig."),
            &opts,
            "test",
        )
        .unwrap();
    // Staged, not committed: nothing is searchable yet.
    assert!(ids(&archive, "bányában").is_empty());
    // A new version of t-1 replaces the staged one before the commit.
    archive
        .ingest_bytes(
            Path::new("a.txt"),
            transcript("t-1", "Kerekes Jóska meghalt a kórházban."),
            &opts,
            "test",
        )
        .unwrap();
    // The same bytes again change nothing.
    archive
        .ingest_bytes(
            Path::new("b.txt"),
            transcript("t-2", "Foksányban vártunk sokáig."),
            &replace,
            "test",
        )
        .unwrap();
    assert_eq!(archive.sync_index().unwrap(), 2);
    assert!(
        ids(&archive, "bányában").is_empty(),
        "the old version is gone"
    );
    assert_eq!(ids(&archive, "kórház"), ["t-1"]);
    assert_eq!(ids(&archive, "Foksány"), ["t-2"]);
    // Nothing left to apply.
    assert_eq!(archive.sync_index().unwrap(), 0);
}

#[test]
fn staged_documents_never_committed_are_indexed_on_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a");
    {
        let mut archive = Archive::init(&path).unwrap();
        archive
            .ingest_bytes(
                Path::new("a.txt"),
                transcript("t-1", "Sztálinóban voltam a bányában."),
                &IngestOptions::default(),
                "test",
            )
            .unwrap();
        // Dropped without sync_index, as after a crash.
    }
    let archive = Archive::open(&path).unwrap();
    assert_eq!(ids(&archive, "bánya"), ["t-1"]);
}
