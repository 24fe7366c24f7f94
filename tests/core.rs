//! End-to-end tests of the archive core: init, ingest, search, show, list,
//! reindex, exit codes and hostile inputs, all through the `tanu` binary.

mod common;

use common::{TestArchive, fixture};
use predicates::prelude::*;
use predicates::str::contains;

#[test]
fn init_creates_an_archive_and_refuses_twice() {
    let t = TestArchive::uninitialised();
    t.tanu()
        .arg("init")
        .assert()
        .success()
        .stdout(contains("created an empty archive"));
    assert!(t.dir().join("tanu.sqlite").is_file());
    assert!(t.dir().join("index").join("meta.json").is_file());
    t.tanu()
        .arg("init")
        .assert()
        .code(2)
        .stderr(contains("already exists"));
}

#[test]
fn commands_refuse_a_directory_that_is_not_an_archive() {
    let t = TestArchive::uninitialised();
    std::fs::create_dir_all(t.dir()).unwrap();
    std::fs::write(t.dir().join("notes.txt"), "hello").unwrap();
    for args in [
        vec!["list"],
        vec!["search", "tábor"],
        vec!["show", "x"],
        vec!["reindex"],
    ] {
        t.tanu()
            .args(&args)
            .assert()
            .code(2)
            .stderr(contains("is not a tanu archive").and(contains("tanu init")));
    }
    // The environment variable names the archive too.
    let mut cmd = assert_cmd::Command::cargo_bin("tanu").unwrap();
    cmd.env("TANU_ARCHIVE", t.dir())
        .arg("list")
        .assert()
        .code(2)
        .stderr(contains("not a tanu archive"));
}

#[test]
fn ingest_reports_each_bad_file_and_goes_on() {
    let t = TestArchive::new();
    // The transcript-format hostile files (`hostile/formats/` is covered by
    // tests/formats.rs).
    let hostile: Vec<std::path::PathBuf> = std::fs::read_dir(fixture("hostile"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    let out = t
        .tanu()
        .arg("ingest")
        .arg(fixture("transcripts"))
        .args(&hostile)
        .arg(fixture("hostile/duplicate"))
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let good = std::fs::read_dir(fixture("transcripts")).unwrap().count();
    // The demo corpus, plus the hostile files that are valid after repair
    // (control characters removed; the first of two duplicates).
    assert!(
        stdout.contains(&format!(
            "{} ingested, 0 unchanged, 0 updated, 0 moved, 9 failed",
            good + 2
        )),
        "{stdout}\n{stderr}"
    );
    for (file, why) in [
        ("empty.txt", "the file is empty"),
        ("blank.txt", "the file is empty"),
        ("binary.bin", "binary file"),
        ("truncated-utf16.txt", "invalid UTF-16"),
        ("malformed-header.txt:4", "not `key: value`"),
        ("unknown-key.txt:3", "did you mean `narrator`"),
        ("unknown-tag.txt:9", "Atlantisz"),
        ("bad-timecode.txt:16", "goes back before"),
        ("b.txt", "already used by the testimony ingested from a.txt"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("no error for {file}:\n{stderr}"));
        assert!(line.starts_with("tanu: ") && line.contains(why), "{line}");
    }
    // Everything good is searchable.
    assert!(t.search_ids(&["Foksány", "-n", "50"]).len() >= 8);
}

#[test]
fn reingest_is_idempotent_and_changes_become_revisions() {
    let t = TestArchive::with_fixtures();
    t.tanu()
        .arg("ingest")
        .arg(fixture("transcripts"))
        .assert()
        .success()
        .stdout(
            contains("0 ingested")
                .and(contains("0 updated"))
                .and(contains("0 failed")),
        );

    // A corrected file with the same identifier becomes revision 2.
    let original = std::fs::read_to_string(fixture("transcripts/hu-mr-001.txt")).unwrap();
    let changed = original.replace("Nagydobronyban", "Nagydobronyban (Bereg megye)");
    let path = t.write("hu-mr-001.txt", &changed);
    t.tanu()
        .arg("ingest")
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("1 updated"));
    let show = t
        .tanu()
        .args(["show", "hu-mr-001", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(v["testimony"]["revision"], 2);
    let revs = v["revisions"].as_array().unwrap();
    assert_eq!(revs.len(), 2);
    assert_ne!(revs[0]["sha256"], revs[1]["sha256"]);
    assert!(
        t.search_ids(&["\"Bereg megye\""])
            .contains(&"hu-mr-001".to_string())
    );
    // Both originals are kept, byte for byte (stored compressed: read
    // through the store, which checks each against its SHA-256).
    let archive = tanu::Archive::open(&t.dir()).unwrap();
    let shas: Vec<String> = archive
        .store()
        .connection()
        .prepare(
            "SELECT o.sha256 FROM original o JOIN revision r ON r.sha256 = o.sha256
             WHERE r.testimony = (SELECT num FROM testimony WHERE id = 'hu-mr-001') ORDER BY r.number",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let originals: Vec<Vec<u8>> = shas
        .iter()
        .map(|sha| archive.store().original(sha).unwrap().unwrap())
        .collect();
    drop(archive);
    assert_eq!(originals.len(), 2);
    assert!(
        originals[0] == original.as_bytes() && originals[1] == changed.as_bytes(),
        "originals differ"
    );
    // The same bytes again: unchanged.
    t.tanu()
        .arg("ingest")
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("1 unchanged"));
}

#[test]
fn search_exit_codes_and_json_lines() {
    let t = TestArchive::with_fixtures();
    t.tanu()
        .args(["search", "Foksány"])
        .assert()
        .code(0)
        .stdout(contains("testimonies,"));
    t.tanu()
        .args(["search", "qwxzyzzyva"])
        .assert()
        .code(1)
        .stdout(contains("0 testimonies"));
    t.tanu()
        .args(["search", "\"három napi"])
        .assert()
        .code(2)
        .stderr(contains("invalid query at column 1: unclosed quote"));
    t.tanu()
        .args(["search", "tábor AND"])
        .assert()
        .code(2)
        .stderr(contains("column 10"));

    let (hits, summary) = t.search_json(&["táborban", "-n", "3", "--passages", "2"]);
    assert_eq!(hits.len(), 3);
    assert!(summary["total_testimonies"].as_u64().unwrap() >= 3);
    for hit in &hits {
        assert!(hit["title"].is_string() && hit["id"].is_string());
        let passages = hit["passages"].as_array().unwrap();
        assert!(!passages.is_empty() && passages.len() <= 2);
        for p in passages {
            let text = p["snippet"]["text"].as_str().unwrap();
            let marks = p["snippet"]["highlights"].as_array().unwrap();
            assert!(
                !marks.is_empty(),
                "a passage without a highlighted match: {text}"
            );
            for m in marks {
                let (a, b) = (
                    m[0].as_u64().unwrap() as usize,
                    m[1].as_u64().unwrap() as usize,
                );
                assert!(
                    text[a..b].to_lowercase().starts_with("tábor"),
                    "{}",
                    &text[a..b]
                );
            }
        }
    }
    // Hits are grouped: one entry per testimony.
    let ids: Vec<&str> = hits.iter().map(|h| h["id"].as_str().unwrap()).collect();
    let mut dedup = ids.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(dedup.len(), ids.len());
}

#[test]
fn human_search_output_has_timecodes_speakers_and_highlights() {
    let t = TestArchive::with_fixtures();
    t.tanu()
        .args(["search", "\"három napi munkára\"", "-n", "1"])
        .assert()
        .success()
        .stdout(contains("hu-mr-001").and(
            contains("[00:").and(contains("N (Kardos Gáspár):").and(contains("**munkára**"))),
        ));
}

#[test]
fn names_and_titles_find_the_catalogue_record() {
    let t = TestArchive::with_fixtures();
    // The narrator's name is in no passage of hu-mr-007 (the interviewer
    // says "Ilonka néni"): only the catalogue record has it, and the
    // transcript's header arrived as mojibake.
    let (hits, _) = t.search_json(&["Szűcs Ilona"]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["id"], "hu-mr-007");
    let passages = hits[0]["passages"].as_array().unwrap();
    let record = passages
        .iter()
        .find(|p| p["record"] == true)
        .expect("the record is among the passages");
    assert!(
        record["snippet"]["text"]
            .as_str()
            .unwrap()
            .contains("Gyula")
    );
    // Without accents, and with a word of the text: the record and the
    // passages together satisfy AND, and the story comes first.
    let (hits, _) = t.search_json(&["Szucs Ilona Foksány", "--passages", "20"]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    let passages = hits[0]["passages"].as_array().unwrap();
    assert!(passages.iter().any(|p| p["record"] == true), "{passages:?}");
    assert!(
        passages.iter().any(|p| p["record"].is_null()),
        "{passages:?}"
    );
    // A word of a title finds it too; where the text also has the word,
    // the text's passage is shown before the record.
    let (hits, _) = t.search_json(&["Kirovabadig", "-n", "50"]);
    assert!(hits.iter().any(|h| h["id"] == "hu-mr-007"), "{hits:?}");
    let (hits, _) = t.search_json(&["Sztálinóban maradtam"]);
    assert_eq!(hits[0]["id"], "mixed-001");
    assert!(hits[0]["passages"][0]["record"].is_null(), "{}", hits[0]);
    t.tanu()
        .args(["search", "Szűcs Ilona"])
        .assert()
        .success()
        .stdout(contains("record: ").and(contains("**Szűcs** **Ilona** (Gyula)")));
    // Not a passage of the transcript: `show` and exports are unchanged,
    // and `check` counts the record documents.
    t.tanu().arg("check").assert().success();
}

#[test]
fn boolean_queries() {
    let t = TestArchive::with_fixtures();
    let both = t.search_ids(&["Foksány AND Kazany", "-n", "50"]);
    assert_eq!(both, ["hu-pow-008"]);
    let either = t.search_ids(&["Kazany OR Boriszov", "-n", "50"]);
    assert!(either.contains(&"hu-pow-008".into()) && either.contains(&"hu-mr-012".into()));
    let without = t.search_ids(&["Foksány NOT Kazany", "-n", "50"]);
    assert!(!without.contains(&"hu-pow-008".into()) && without.contains(&"hu-mr-012".into()));
}

#[test]
fn show_and_list() {
    let t = TestArchive::with_fixtures();
    t.tanu()
        .args(["show", "hu-mr-002"])
        .assert()
        .success()
        .stdout(
            contains("hu-mr-002 — A német nevűeket összeírták")
                .and(contains("windows-1250"))
                .and(contains("narrator:     Fekete Jánosné Stadler Teréz"))
                .and(contains("[00:00:"))
                .and(contains("S.T.: ")),
        );
    t.tanu()
        .args(["show", "no-such-id"])
        .assert()
        .code(1)
        .stderr(contains("no testimony with id `no-such-id`"));
    let out = t
        .tanu()
        .args(["show", "hu-mr-001", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["testimony"]["narrator_birth_year"], 1923);
    assert_eq!(v["segments"][0]["start_ms"], 3000);
    assert!(
        v["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["value"] == "svaliava" && t["source"] == "header")
    );
    let list = t.tanu().arg("list").output().unwrap();
    let text = String::from_utf8(list.stdout).unwrap();
    let n = std::fs::read_dir(fixture("transcripts")).unwrap().count();
    assert!(text.contains(&format!("{n} testimonies")), "{text}");
    assert!(text.contains("budapesti-elhurcolas-1945"));
}

/// The result lists of a few queries, to compare before and after.
fn result_snapshot(t: &TestArchive) -> Vec<String> {
    [
        "tábor",
        "Сталино",
        "\"három napi munkára\"",
        "depor*",
        "Foksáni~",
        "lágerben AND tífusz",
        "haboru",
    ]
    .iter()
    .map(|q| {
        let out = t
            .tanu()
            .args(["search", q, "--json", "-n", "20"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    })
    .collect()
}

#[test]
fn reindex_and_a_deleted_index_give_identical_results() {
    let t = TestArchive::with_fixtures();
    let before = result_snapshot(&t);
    t.tanu()
        .arg("reindex")
        .assert()
        .success()
        .stdout(contains("reindexed"));
    assert_eq!(result_snapshot(&t), before);
    std::fs::remove_dir_all(t.dir().join("index")).unwrap();
    assert_eq!(
        result_snapshot(&t),
        before,
        "a missing index is rebuilt from SQLite"
    );
}

#[test]
fn a_change_not_yet_indexed_is_applied_on_the_next_open() {
    // Simulates a crash between the SQLite commit and the index commit: the
    // library stores the file but the process ends before `sync_index`.
    let t = TestArchive::new();
    {
        let mut archive = tanu::Archive::open(&t.dir()).unwrap();
        archive
            .ingest_file(
                &fixture("transcripts/hu-mr-012.txt"),
                &Default::default(),
                "test",
            )
            .unwrap();
        assert_eq!(archive.store().outbox().unwrap().len(), 1);
    }
    assert_eq!(t.search_ids(&["Boriszov"]), ["hu-mr-012"]);
    let archive = tanu::Archive::open(&t.dir()).unwrap();
    assert!(archive.store().outbox().unwrap().is_empty());
}

#[test]
fn a_two_megabyte_line_is_split_into_passages() {
    let t = TestArchive::new();
    let words = [
        "Foksányban",
        "dolgoztunk",
        "a",
        "bányában,",
        "sok",
        "tífusz",
        "volt.",
    ];
    let mut line = String::from("id: long-line\ntitle: Egy sor\nlanguage: hu\n---\n");
    let mut i = 0;
    while line.len() < 2 * 1024 * 1024 {
        line.push_str(words[i % words.len()]);
        line.push(' ');
        i += 1;
    }
    let path = t.write("long.txt", line);
    t.tanu()
        .arg("ingest")
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("1 ingested"));
    let out = t
        .tanu()
        .args(["show", "long-line", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let segs = v["segments"].as_array().unwrap();
    assert!(segs.len() > 500, "{}", segs.len());
    assert!(
        segs.iter()
            .all(|s| s["text"].as_str().unwrap().chars().count() <= 4000)
    );
    assert!(
        v["testimony"]["repairs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["kind"] == "long-paragraph-split")
    );
    let (hits, _) = t.search_json(&["tífusz", "--passages", "1"]);
    assert!(
        hits[0]["passages"][0]["snippet"]["text"]
            .as_str()
            .unwrap()
            .chars()
            .count()
            < 400
    );
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let t = TestArchive::new();
    let path = t.write(
        "x.txt",
        "id: esc\n---\nN: Veszély\u{1b}[31m piros \u{7} csengő\u{0} vége.\n",
    );
    t.tanu().arg("ingest").arg(&path).assert().success();
    let out = t.tanu().args(["show", "esc"]).output().unwrap();
    assert!(!out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07) && !out.stdout.contains(&0));
    t.tanu()
        .args(["show", "esc"])
        .assert()
        .stdout(contains("control-character-removed"));
}

#[test]
fn demo_builds_an_archive_and_shows_searches() {
    let t = TestArchive::uninitialised();
    let demo_dir = t.path("demo");
    t.tanu()
        .args(["demo", "--dir"])
        .arg(&demo_dir)
        .assert()
        .success()
        .stdout(
            contains("Built a demo archive")
                .and(contains("$ tanu search 'Сталино'"))
                .and(contains("Sztálinó")),
        );
    assert!(demo_dir.join("tanu.sqlite").is_file());
    // Running it again replaces the previous demo.
    t.tanu()
        .args(["demo", "--dir"])
        .arg(&demo_dir)
        .assert()
        .success();
}

#[test]
fn check_verifies_database_originals_audit_and_index() {
    let t = TestArchive::with_fixtures();
    t.tanu().arg("check").assert().success().stdout(
        contains("database integrity   ok")
            .and(contains("originals match"))
            .and(contains("search index")),
    );
    // A damaged original is named.
    let db = rusqlite::Connection::open(t.dir().join("tanu.sqlite")).unwrap();
    db.execute("UPDATE original SET bytes = X'00' WHERE rowid = 1", [])
        .unwrap();
    t.tanu()
        .arg("check")
        .assert()
        .code(1)
        .stdout(contains("original files       FAIL"));
}

#[test]
fn another_process_writing_the_index_blocks_nobody() {
    let t = TestArchive::with_fixtures();
    // Hold the index writer as a running ingest in another process would.
    let index = tantivy::Index::open_in_dir(t.dir().join("index")).unwrap();
    let writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();

    // A curator's change is saved; it waits for the writer's next commit.
    t.tanu()
        .args(["--curator", "Kiss Anna", "status", "hu-mr-001", "in_review"])
        .assert()
        .success()
        .stderr(contains(
            "another tanu process is updating the search index",
        ));
    // Searching and reading go on meanwhile.
    t.tanu().args(["search", "Sztálinó"]).assert().success();
    t.tanu().args(["show", "hu-mr-001"]).assert().success();
    // check names the waiting change, which is not damage (issue 14);
    // reindex refuses in one line.
    t.tanu()
        .arg("check")
        .assert()
        .success()
        .stdout(contains("1 committed changes wait for the index"));
    t.tanu()
        .arg("reindex")
        .assert()
        .code(2)
        .stderr(contains("being updated by another tanu process"));

    // When the writer is gone, the next command applies the change.
    drop(writer);
    t.tanu().arg("check").assert().success();
    let (hits, _) = t.search_json(&["Sztálinó", "-n", "50"]);
    assert!(hits.iter().any(|h| h["id"] == "hu-mr-001"), "{hits:?}");
}

/// A page cut from a ranking window (`offset`, `window`) holds exactly the
/// testimonies of that window's ranking at its place, with their passages;
/// the date order sorts the window, undated last.
#[test]
fn pages_are_cut_from_one_ranking_window() {
    use tanu::search::{Order, SearchRequest};
    let t = TestArchive::with_fixtures();
    let a = tanu::Archive::open(&t.dir()).unwrap();
    // A word most fixtures share, so there are several pages of 2.
    let mut full = SearchRequest::new("tábor OR лагерь OR Lager OR vagon");
    full.limit = 40;
    let all = a.search(&full).unwrap();
    assert!(all.hits.len() >= 6, "{}", all.hits.len());
    let mut seen = Vec::new();
    for page in 0..all.hits.len().div_ceil(2) {
        let mut r = full.clone();
        r.offset = page * 2;
        r.limit = 2;
        r.window = 40;
        let got = a.search(&r).unwrap();
        assert_eq!(got.total_testimonies, all.total_testimonies);
        let ids: Vec<&str> = got.hits.iter().map(|h| h.id.as_str()).collect();
        let want: Vec<&str> = all
            .hits
            .iter()
            .skip(page * 2)
            .take(2)
            .map(|h| h.id.as_str())
            .collect();
        assert_eq!(ids, want, "page {page}");
        for (h, w) in got.hits.iter().zip(all.hits.iter().skip(page * 2)) {
            assert_eq!(h.passages, w.passages, "passages of {}", h.id);
        }
        seen.extend(ids.iter().map(|s| s.to_string()));
    }
    seen.sort();
    seen.dedup();
    assert_eq!(
        seen.len(),
        all.hits.len(),
        "a testimony repeated or went missing"
    );

    let mut by_date = full.clone();
    by_date.order = Order::Recorded;
    let dated = a.search(&by_date).unwrap();
    let keys: Vec<(bool, Option<String>)> = dated
        .hits
        .iter()
        .map(|h| (h.recorded.is_none(), h.recorded.clone()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(
        keys.iter().any(|k| !k.0),
        "no dated testimony among the hits"
    );
}
