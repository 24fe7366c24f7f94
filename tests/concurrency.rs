//! Concurrent processes on one archive: two ingests at once, curation while
//! an ingest runs, many readers. Each command succeeds, or says in one line
//! that the archive is busy and what to do, after a bounded wait; no write
//! is lost and SQLite's `database is locked` never reaches the user.

#[path = "common/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use corpus::{tanu, write_corpus};
use tanu::Archive;
use tanu::access::Role;

fn spawn(mut cmd: std::process::Command) -> Child {
    cmd.stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn tanu")
}

/// A command's outcome must be success (or "nothing found" for a search),
/// or exactly one line saying the archive is busy.
fn assert_ok_or_busy(out: &Output, what: &str, nothing_found_ok: bool) -> bool {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("database is locked") && !err.contains("database error"),
        "{what}: raw SQLite error reached the user: {err}"
    );
    assert!(!err.contains("panicked"), "{what} panicked: {err}");
    match out.status.code() {
        Some(0) => true,
        Some(1) if nothing_found_ok => true,
        _ => {
            let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
            assert!(
                lines.len() == 1 && lines[0].contains("busy") && lines[0].contains("try again"),
                "{what}: failed with something other than one busy line: {err}"
            );
            false
        }
    }
}

fn assert_all_there(dir: &Path, expected: &BTreeMap<String, i64>) -> Archive {
    let archive = Archive::open(dir).expect("open");
    assert!(archive.notes().is_empty(), "{:?}", archive.notes());
    for r in archive.check().expect("check") {
        assert!(r.ok, "check {}: {}", r.name, r.detail);
    }
    let listed: BTreeMap<String, i64> = archive
        .list(Role::Archivist)
        .expect("list")
        .into_iter()
        .map(|t| (t.id, t.segments))
        .collect();
    for (id, segs) in expected {
        assert_eq!(listed.get(id), Some(segs), "{id} lost or half-written");
    }
    archive
}

#[test]
fn two_ingests_at_once_both_land() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("archive");
    assert!(tanu(&dir).arg("init").status().expect("init").success());
    let mut expected = write_corpus(&tmp.path().join("a"), "HU-A", 24);
    expected.extend(write_corpus(&tmp.path().join("b"), "RU-B", 24));
    let mut a = tanu(&dir);
    a.arg("ingest").arg(tmp.path().join("a"));
    let mut b = tanu(&dir);
    b.arg("ingest").arg(tmp.path().join("b"));
    let (a, b) = (spawn(a), spawn(b));
    let a = a.wait_with_output().expect("wait");
    let b = b.wait_with_output().expect("wait");
    // Both wait their turn for each file's transaction: both succeed.
    assert!(
        assert_ok_or_busy(&a, "ingest a", false),
        "ingest a was refused"
    );
    assert!(
        assert_ok_or_busy(&b, "ingest b", false),
        "ingest b was refused"
    );
    let archive = assert_all_there(&dir, &expected);
    // Every testimony is searchable: each file's narrator is in the index.
    let found = archive
        .search(&tanu::search::SearchRequest::new("visszaemlékezés"))
        .expect("search");
    assert_eq!(
        found.total_testimonies,
        expected.len(),
        "every testimony indexed"
    );
}

#[test]
fn curation_and_readers_during_an_ingest() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("archive");
    assert!(tanu(&dir).arg("init").status().expect("init").success());
    let first = write_corpus(&tmp.path().join("first"), "HU-C", 12);
    let mut ingest = tanu(&dir);
    ingest.arg("ingest").arg(tmp.path().join("first"));
    assert!(ingest.status().expect("ingest").success());
    let mut expected = first.clone();
    expected.extend(write_corpus(&tmp.path().join("more"), "RU-D", 40));

    let mut big = tanu(&dir);
    big.arg("ingest").arg(tmp.path().join("more"));
    let mut big = spawn(big);

    // While it runs: a curator edits every earlier testimony, and eight
    // readers search and list, until the ingest ends.
    let mut edited: BTreeMap<String, String> = BTreeMap::new();
    let mut readers_ok = 0;
    let mut busy = 0;
    let ids: Vec<&String> = first.keys().collect();
    let mut i = 0;
    loop {
        let done = big.try_wait().expect("wait").is_some();
        if i < ids.len() {
            let title = format!("Átírt cím {i}");
            let mut cmd = tanu(&dir);
            cmd.args(["edit", ids[i], "--set"])
                .arg(format!("title={title}"));
            let out = spawn(cmd).wait_with_output().expect("edit");
            if assert_ok_or_busy(&out, "edit", false) {
                edited.insert(ids[i].clone(), title);
            } else {
                busy += 1;
            }
            i += 1;
        }
        let readers: Vec<Child> = (0..8)
            .map(|r| {
                let mut cmd = tanu(&dir);
                match r % 3 {
                    0 => cmd.args(["search", "barakk"]),
                    1 => cmd.args(["list"]),
                    _ => cmd.args(["--role", "public", "search", "шахте"]),
                };
                spawn(cmd)
            })
            .collect();
        for r in readers {
            let out = r.wait_with_output().expect("reader");
            if assert_ok_or_busy(&out, "reader", true) {
                readers_ok += 1;
            } else {
                busy += 1;
            }
        }
        if done && i >= ids.len() {
            break;
        }
    }
    let out = big.wait_with_output().expect("ingest");
    assert!(assert_ok_or_busy(&out, "ingest", false));
    eprintln!("{readers_ok} reader runs succeeded, {busy} said busy");
    assert!(readers_ok > 0);

    let archive = assert_all_there(&dir, &expected);
    // No lost write: every edit that succeeded is there and searchable.
    let titles: BTreeMap<String, String> = archive
        .list(Role::Archivist)
        .expect("list")
        .into_iter()
        .map(|t| (t.id, t.title))
        .collect();
    for (id, title) in &edited {
        assert_eq!(&titles[id], title, "{id}: the edit was lost");
    }
    let found = archive
        .search(&tanu::search::SearchRequest::new("átírt"))
        .expect("search");
    assert_eq!(
        found.total_testimonies,
        edited.len(),
        "every edited title searchable"
    );
}

#[test]
fn a_writer_held_too_long_gives_one_busy_line_after_the_wait() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("archive");
    assert!(tanu(&dir).arg("init").status().expect("init").success());
    write_corpus(&tmp.path().join("c"), "HU-E", 2);
    let mut ingest = tanu(&dir);
    ingest.arg("ingest").arg(tmp.path().join("c"));
    assert!(ingest.status().expect("ingest").success());

    // Another process's long write transaction.
    let holder = Archive::open(&dir).expect("open");
    holder
        .store()
        .connection()
        .execute_batch("BEGIN IMMEDIATE")
        .expect("begin");

    let start = Instant::now();
    let mut cmd = tanu(&dir);
    cmd.env("TANU_BUSY_TIMEOUT", "1")
        .args(["status", "HU-E-0000", "in_review"]);
    let out = spawn(cmd).wait_with_output().expect("status");
    let waited = start.elapsed();
    assert!(!out.status.success(), "succeeded under a held write lock");
    assert!(!assert_ok_or_busy(&out, "status", false));
    assert!(
        waited >= Duration::from_millis(900) && waited < Duration::from_secs(8),
        "waited {waited:?}, not about the 1 s busy timeout"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    eprintln!("busy answer: {err}");

    // Readers are not held up by a writer.
    let mut list = tanu(&dir);
    list.env("TANU_BUSY_TIMEOUT", "1").arg("list");
    let out = spawn(list).wait_with_output().expect("list");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    holder
        .store()
        .connection()
        .execute_batch("ROLLBACK")
        .expect("rollback");
    drop(holder);
    let mut again = tanu(&dir);
    again.args(["status", "HU-E-0000", "in_review"]);
    let out = spawn(again).wait_with_output().expect("status");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
