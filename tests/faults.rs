//! Faults an archive's operator meets, and backups: a damaged search
//! index (rebuilt on open), what an interrupted index commit leaves behind
//! (swept when the writer is taken), a damaged page in `tanu.sqlite`
//! (`check` names it), an original altered or missing (`check` names the
//! testimony), an archive that cannot be written, a full disk, and a
//! backup taken while an ingest runs.

#[path = "common/corpus.rs"]
mod corpus;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use corpus::{tanu, write_corpus};
use tanu::Archive;
use tanu::access::Role;
use tanu::ingest::IngestOptions;
use tanu::search::SearchRequest;

const QUERIES: &[&str] = &[
    "tífuszban",
    "шахте",
    "barakk",
    "\"háromnapi munkára\"",
    "visszaemlékezés",
];

/// An archive in `tmp/archive` with `n` testimonies, built through the
/// library (faster than the binary) and closed.
fn archive_with(tmp: &Path, n: usize) -> PathBuf {
    let dir = tmp.join("archive");
    let files = tmp.join("files");
    write_corpus(&files, "HU-F", n);
    let mut archive = Archive::init(&dir).expect("init");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&files)
        .expect("ls")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    for p in paths {
        archive
            .ingest_file(&p, &IngestOptions::default(), "test")
            .expect("ingest");
    }
    archive.sync_index().expect("sync");
    dir
}

type Answer = Vec<(usize, usize, BTreeSet<String>)>;

fn answers(archive: &Archive) -> Answer {
    QUERIES
        .iter()
        .map(|q| {
            let mut req = SearchRequest::new(*q);
            req.limit = 10_000;
            let r = archive.search(&req).expect("search");
            (
                r.total_testimonies,
                r.total_passages,
                r.hits.into_iter().map(|h| h.id).collect(),
            )
        })
        .collect()
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run tanu");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked at"), "tanu panicked: {err}");
    out
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn assert_clean(dir: &Path) {
    let archive = Archive::open(dir).expect("open");
    for r in archive.check().expect("check") {
        assert!(r.ok, "check {}: {}", r.name, r.detail);
    }
}

/// The index's files other than meta.json, largest first.
fn index_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<(u64, PathBuf)> = std::fs::read_dir(dir.join("index"))
        .expect("ls index")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or(".");
            !name.starts_with('.') && name != "meta.json"
        })
        .map(|p| (std::fs::metadata(&p).map_or(0, |m| m.len()), p))
        .collect();
    files.sort_by(|a, b| b.cmp(a));
    files.into_iter().map(|(_, p)| p).collect()
}

#[test]
fn a_damaged_index_is_found_on_open_and_rebuilt_from_sqlite() {
    type Damage = fn(&Path);
    let damages: &[(&str, Damage)] = &[
        ("truncated", |dir| {
            let f = &index_files(dir)[0];
            let len = std::fs::metadata(f).expect("len").len();
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(f)
                .expect("open");
            file.set_len(len / 2).expect("truncate");
        }),
        ("garbled", |dir| {
            let f = &index_files(dir)[0];
            let mut bytes = std::fs::read(f).expect("read");
            let mid = bytes.len() / 2;
            for b in bytes.iter_mut().skip(mid).take(64) {
                *b = !*b;
            }
            std::fs::write(f, bytes).expect("write");
        }),
        ("segment file deleted", |dir| {
            std::fs::remove_file(&index_files(dir)[0]).expect("rm");
        }),
        ("meta.json garbled", |dir| {
            std::fs::write(dir.join("index/meta.json"), b"{\"segments\": [tru").expect("write");
        }),
        ("meta.json emptied", |dir| {
            std::fs::write(dir.join("index/meta.json"), b"").expect("write");
        }),
    ];
    for (what, damage) in damages {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = archive_with(tmp.path(), 8);
        let before = answers(&Archive::open(&dir).expect("open"));
        damage(&dir);
        // The CLI says what happened, in one line, and answers.
        let out = run(tanu(&dir).args(["search", "barakk"]));
        let err = text(&out.stderr);
        assert!(out.status.success(), "{what}: search failed: {err}");
        let notes: Vec<&str> = err.lines().collect();
        assert_eq!(notes.len(), 1, "{what}: {err}");
        assert!(
            notes[0].starts_with("tanu: note: the search index could not be used")
                && notes[0].contains("rebuilt it from tanu.sqlite"),
            "{what}: {err}"
        );
        let archive = Archive::open(&dir).expect("open");
        assert!(archive.notes().is_empty(), "{what}: rebuilt twice");
        assert_eq!(answers(&archive), before, "{what}: answers changed");
        drop(archive);
        assert_clean(&dir);
    }
}

/// Issue 14: a commit killed after Tantivy created a segment's `.del` file
/// (or new segment files) but before `meta.json` named them made every later
/// commit fail with `FileAlreadyExists("….del")`. Here the debris is laid
/// out by hand: `.del` files for the next hundred operations of every live
/// segment, an unreferenced segment file and a temporary file.
/// Above 64 MiB an index is checked on open by its files' footers, not
/// their checksums. That check read the footer twice and failed on every
/// file, so every command on an archive of real size rebuilt its index
/// (3.5 minutes at 10,000 testimonies; 2026-12-06). The footer path,
/// reached here on a small index: a whole index opens without a rebuild,
/// a truncated file is still found.
#[test]
fn a_large_index_opens_by_its_footers_without_a_rebuild() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = archive_with(tmp.path(), 6);
    let search = |dir: &Path| {
        run(tanu(dir)
            .args(["search", "visszaemlékezés"])
            .env("TANU_TEST_FULL_VERIFY_BYTES", "0"))
    };
    let out = search(&dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).is_empty(),
        "rebuilt: {}",
        text(&out.stderr)
    );
    let found = text(&out.stdout);
    assert!(found.contains("HU-F-"), "{found}");

    let f = &index_files(&dir)[0];
    let len = std::fs::metadata(f).expect("len").len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(f)
        .and_then(|h| h.set_len(len / 2))
        .expect("truncate");
    let out = search(&dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("could not be used"),
        "the truncated file was not found: {}",
        text(&out.stderr)
    );
    assert_eq!(text(&out.stdout), found);
    assert_clean(&dir);
}

/// A rebuild killed before its commit left a fresh, empty index that looked
/// whole, with nothing waiting in the outbox: every later search found
/// nothing (seen on a 10,000-testimony archive, 2026-12-06). An index
/// created and never built is now refused on open and built again.
#[test]
fn an_index_left_empty_by_an_interrupted_rebuild_is_built_again() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = archive_with(tmp.path(), 6);
    let before = answers(&Archive::open(&dir).expect("open"));
    assert!(before.iter().any(|a| a.0 > 0), "the queries find something");
    // What a kill during `tanu reindex` (or a rebuild on open) leaves:
    // the new index made, its documents not yet committed.
    std::fs::remove_dir_all(dir.join("index")).expect("rm index");
    drop(tanu::index::SearchIndex::create(&dir.join("index")).expect("create"));

    let out = run(tanu(&dir).args(["search", "visszaemlékezés"]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("interrupted rebuild"),
        "one line says why: {}",
        text(&out.stderr)
    );
    assert_eq!(answers(&Archive::open(&dir).expect("open")), before);
    assert_clean(&dir);
    // A new, empty archive is complete as created: no note on first use.
    let fresh = tmp.path().join("fresh");
    drop(Archive::init(&fresh).expect("init"));
    let out = run(tanu(&fresh).args(["search", "tábor"]));
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
}

#[test]
fn debris_of_an_interrupted_index_commit_is_swept_when_the_writer_is_taken() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = archive_with(tmp.path(), 6);
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("index/meta.json")).expect("meta"))
            .expect("json");
    let opstamp = meta["opstamp"].as_u64().expect("opstamp");
    let segments: Vec<String> = meta["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| s["segment_id"].as_str().expect("id").replace('-', ""))
        .collect();
    assert!(!segments.is_empty());
    let mut debris = Vec::new();
    for seg in &segments {
        for op in opstamp + 1..=opstamp + 100 {
            debris.push(dir.join(format!("index/{seg}.{op}.del")));
        }
    }
    debris.push(dir.join("index/0123456789abcdef0123456789abcdef.idx"));
    debris.push(dir.join("index/0123456789abcdef0123456789abcdef.store"));
    debris.push(dir.join("index/.tmpQx7Kz1"));
    for d in &debris {
        std::fs::write(d, b"half").expect("debris");
    }

    // Curation commands commit to the index; none may trip on the debris.
    for id in ["HU-F-0000", "HU-F-0001", "HU-F-0002"] {
        let out = run(tanu(&dir).args(["status", id, "in_review"]));
        assert!(out.status.success(), "status {id}: {}", text(&out.stderr));
        assert!(
            !text(&out.stderr).contains("note"),
            "no rebuild needed: {}",
            text(&out.stderr)
        );
    }
    let out = run(tanu(&dir).args(["edit", "HU-F-0003", "--set", "title=Kökénybokor"]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    for d in &debris {
        assert!(!d.exists(), "{} was left behind", d.display());
    }
    let archive = Archive::open(&dir).expect("open");
    let mut req = SearchRequest::new("kökénybokor");
    req.limit = 100;
    let hits: Vec<String> = archive
        .search(&req)
        .expect("search")
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(hits, ["HU-F-0003"]);
    drop(archive);
    assert_clean(&dir);
}

#[test]
fn committed_changes_waiting_for_the_index_are_not_a_check_failure() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = archive_with(tmp.path(), 4);
    // Another process holds the index writer (an ingest) while a curator
    // changes a testimony: the change waits in the outbox.
    let holder = Archive::open(&dir).expect("open");
    let lock = hold_index_writer(&dir);
    let out = run(tanu(&dir).args(["status", "HU-F-0001", "in_review"]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = run(tanu(&dir).arg("check"));
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "check failed: {stdout}");
    assert!(
        stdout.contains("1 committed changes wait for the index"),
        "{stdout}"
    );
    drop(lock);
    drop(holder);
    // The next open that can take the writer applies them.
    let archive = Archive::open(&dir).expect("open");
    assert_eq!(archive.pending_index_changes().expect("pending"), 0);
    drop(archive);
    assert_clean(&dir);
}

/// Takes the index writer lock as another process's ingest would.
fn hold_index_writer(dir: &Path) -> tantivy::directory::DirectoryLock {
    use tantivy::directory::{Directory, INDEX_WRITER_LOCK, MmapDirectory};
    let d = MmapDirectory::open(dir.join("index")).expect("index dir");
    d.acquire_lock(&INDEX_WRITER_LOCK).expect("lock")
}

#[test]
fn a_damaged_database_page_is_named_and_nothing_panics() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = archive_with(tmp.path(), 30);
    let db = dir.join("tanu.sqlite");
    assert!(
        !dir.join("tanu.sqlite-wal").exists()
            || std::fs::metadata(dir.join("tanu.sqlite-wal")).map_or(0, |m| m.len()) == 0,
        "the WAL was not checkpointed"
    );
    // A leaf page of the transcript table, found before the damage.
    let victim: usize = {
        let archive = Archive::open(&dir).expect("open");
        archive
            .store()
            .connection()
            .query_row(
                "SELECT pageno FROM dbstat WHERE name = 'passages' AND pagetype = 'leaf'
                 ORDER BY pageno LIMIT 1",
                [],
                |r| r.get::<_, i64>(0),
            )
            .expect("dbstat") as usize
    };
    let mut bytes = std::fs::read(&db).expect("read db");
    let page = 4096;
    // Pages are numbered from 1.
    let start = (victim - 1) * page;
    for b in bytes.iter_mut().skip(start + 8).take(page - 16) {
        *b ^= 0x5a;
    }
    std::fs::write(&db, bytes).expect("write db");

    let out = run(tanu(&dir).arg("check"));
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "check: {stdout}{stderr}");
    assert!(
        stdout.contains("database integrity   FAIL") && stdout.contains("page"),
        "check does not name the page: {stdout}{stderr}"
    );
    // Every other command answers (or fails in one line), never panics.
    for args in [
        vec!["list"],
        vec!["search", "barakk"],
        vec!["show", "HU-F-0003"],
        vec!["status", "HU-F-0004", "in_review"],
    ] {
        let out = run(tanu(&dir).args(&args));
        if !out.status.success() {
            let err = text(&out.stderr);
            assert!(
                err.lines().count() <= 2 && err.starts_with("tanu:"),
                "{args:?}: {err}"
            );
        }
    }
}

#[test]
fn altered_passages_or_evidence_are_named_by_testimony_and_never_shown() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = archive_with(tmp.path(), 4);
    {
        let archive = Archive::open(&dir).expect("open");
        let conn = archive.store().connection();
        // One byte of HU-F-0001's compressed text flipped where SQLite
        // cannot see it (the page is sound), and a tag's evidence cut
        // short.
        let (num, mut bytes): (i64, Vec<u8>) = conn
            .query_row(
                "SELECT p.testimony, p.bytes FROM passages p JOIN testimony t ON t.num = p.testimony
                  WHERE t.id = 'HU-F-0001'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("passages");
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x21;
        conn.execute(
            "UPDATE passages SET bytes = ?2 WHERE testimony = ?1",
            rusqlite::params![num, bytes],
        )
        .expect("alter");
        conn.execute(
            "UPDATE tag SET evidence = substr(evidence, 1, length(evidence) - 1)
              WHERE num = (SELECT num FROM tag ORDER BY length(evidence) DESC LIMIT 1)",
            [],
        )
        .expect("alter evidence");
    }
    let out = run(tanu(&dir).arg("check"));
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("testimony HU-F-0001: the passages do not decompress (damaged)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("tag evidence         FAIL testimony HU-F-")
            && stdout.contains(": the evidence of ")
            && stdout.contains("(damaged): cut short"),
        "{stdout}"
    );
    // The damaged record answers with one line naming it; its neighbours
    // are shown as before.
    let out = run(tanu(&dir).args(["show", "HU-F-0001"]));
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.lines().count() == 1 && err.contains("passages of testimony"),
        "{err}"
    );
    let out = run(tanu(&dir).args(["show", "HU-F-0003"]));
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn an_altered_or_missing_original_is_named_by_testimony() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = archive_with(tmp.path(), 4);
    {
        let archive = Archive::open(&dir).expect("open");
        let conn = archive.store().connection();
        conn.execute(
            "UPDATE original SET bytes = CAST(CAST('forged ' AS BLOB) || bytes AS BLOB)
              WHERE sha256 = (SELECT sha256 FROM testimony WHERE id = 'HU-F-0001')",
            [],
        )
        .expect("alter");
        conn.execute_batch("PRAGMA foreign_keys = OFF")
            .expect("fk off");
        conn.execute(
            "DELETE FROM original WHERE sha256 = (SELECT sha256 FROM testimony WHERE id = 'HU-F-0002')",
            [],
        )
        .expect("delete");
    }
    let out = run(tanu(&dir).arg("check"));
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("testimony HU-F-0001: the original file") && stdout.contains("(altered)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("testimony HU-F-0002: the original file") && stdout.contains("is missing"),
        "{stdout}"
    );
    assert!(!stdout.contains("HU-F-0003:"), "{stdout}");
}

/// Mounts a tmpfs of `size` at `at` (needs root); `None` with the reason
/// printed when that is not possible here.
fn tmpfs(at: &Path, size: &str) -> Option<Mount> {
    std::fs::create_dir_all(at).ok()?;
    let out = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(at)
        .output();
    match out {
        Ok(o) if o.status.success() => Some(Mount(at.to_path_buf())),
        Ok(o) => {
            eprintln!(
                "SKIPPED: cannot mount a tmpfs ({}); this part needs root",
                text(&o.stderr).trim()
            );
            None
        }
        Err(e) => {
            eprintln!("SKIPPED: cannot run mount ({e})");
            None
        }
    }
}

struct Mount(PathBuf);

impl Mount {
    fn remount(&self, opts: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,{opts}")])
            .arg(&self.0)
            .status()
            .expect("mount")
            .success();
        assert!(ok, "remount {opts}");
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn an_unwritable_archive_gets_a_clear_message() {
    let tmp = tempfile::tempdir().expect("tmp");
    let Some(mount) = tmpfs(&tmp.path().join("ro"), "32m") else {
        return;
    };
    let dir = archive_with(&mount.0, 4);
    let before = answers(&Archive::open(&dir).expect("open"));
    mount.remount("ro");
    let out = run(tanu(&dir).args(["status", "HU-F-0001", "in_review"]));
    let err = text(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("read-only") || err.contains("cannot be written"),
        "unclear: {err}"
    );
    mount.remount("rw");
    let archive = Archive::open(&dir).expect("open");
    assert_eq!(answers(&archive), before);
    let list = archive.list(Role::Archivist).expect("list");
    assert!(list.iter().all(|t| t.status != "in_review"));
}

#[test]
fn a_full_disk_during_ingest_and_index_commit_loses_nothing_committed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let Some(mount) = tmpfs(&tmp.path().join("small"), "3m") else {
        return;
    };
    let dir = mount.0.join("archive");
    assert!(run(tanu(&dir).arg("init")).status.success());
    // Files outside the small filesystem; more than fits.
    let files = tmp.path().join("files");
    let expected = write_corpus(&files, "RU-FULL", 400);
    let out = run(tanu(&dir).args(["ingest", "--json"]).arg(&files));
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "400 files fit in 3 MB?");
    let reported: Vec<String> = stdout
        .lines()
        .filter(|l| l.contains("\"outcome\":\"new\""))
        .filter_map(|l| {
            l.split("\"id\":\"")
                .nth(1)?
                .split('"')
                .next()
                .map(str::to_string)
        })
        .collect();
    eprintln!(
        "full disk, ingest: {} ingested; stderr begins:\n{}\n… ends: {}",
        reported.len(),
        stderr.lines().take(2).collect::<Vec<_>>().join("\n"),
        stderr.lines().last().unwrap_or_default()
    );
    assert!(!reported.is_empty(), "nothing fitted");
    // Every failure is one clear line naming the disk.
    for line in stderr.lines() {
        assert!(
            line.contains("full") || line.contains("No space left"),
            "unclear failure: {line}"
        );
    }
    // What the ingest reported as stored is there after space is freed.
    mount.remount("size=64m");
    let archive = Archive::open(&dir).expect("open after freeing space");
    let stored: BTreeSet<String> = archive
        .list(Role::Archivist)
        .expect("list")
        .into_iter()
        .map(|t| t.id)
        .collect();
    for id in &reported {
        assert!(stored.contains(id), "{id} reported ingested but lost");
    }
    drop(archive);
    assert_clean(&dir);
    // Run again: the rest goes in.
    let out = run(tanu(&dir).arg("ingest").arg(&files));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let archive = Archive::open(&dir).expect("open");
    assert_eq!(
        archive.list(Role::Archivist).expect("list").len(),
        expected.len()
    );
    drop(archive);
    assert_clean(&dir);

    // Curation on a disk that fills up: fill it, then free a little more
    // room for each command, so that some fail in SQLite and some in the
    // index commit after SQLite committed.
    let filler = mount.0.join("filler");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).expect("filler");
        let chunk = vec![0u8; 64 * 1024];
        while f.write_all(&chunk).is_ok() {}
        let _ = f.sync_all();
    }
    let full = std::fs::metadata(&filler).expect("filler").len();
    let ids: Vec<&String> = expected.keys().collect();
    let mut saved = Vec::new();
    let mut kinds = BTreeSet::new();
    for (i, free_kb) in [4u64, 16, 32, 64, 96, 128, 192, 256, 384, 512, 768, 1024]
        .iter()
        .enumerate()
    {
        let f = std::fs::OpenOptions::new()
            .write(true)
            .open(&filler)
            .expect("filler");
        f.set_len(full.saturating_sub(free_kb * 1024))
            .expect("free");
        drop(f);
        let id = ids[i].as_str();
        let out = run(tanu(&dir).args(["status", id, "in_review"]));
        let err = text(&out.stderr);
        if out.status.success() {
            kinds.insert("ok");
            saved.push(id.to_string());
        } else {
            // A note from opening (the index could not be updated) may
            // come before the one error line.
            let lines: Vec<&str> = err
                .lines()
                .filter(|l| !l.starts_with("tanu: note:"))
                .collect();
            assert_eq!(lines.len(), 1, "{err}");
            if err.contains("saved, but the search index") {
                kinds.insert("saved, index behind");
                saved.push(id.to_string());
            } else {
                assert!(
                    err.contains("full") || err.contains("check the disk"),
                    "unclear: {err}"
                );
                kinds.insert("refused, disk full");
            }
        }
    }
    eprintln!("full disk, curation: {kinds:?}");
    std::fs::remove_file(&filler).expect("rm filler");
    let archive = Archive::open(&dir).expect("open");
    let in_review: BTreeSet<String> = archive
        .list(Role::Archivist)
        .expect("list")
        .into_iter()
        .filter(|t| t.status == "in_review")
        .map(|t| t.id)
        .collect();
    for id in &saved {
        assert!(in_review.contains(id), "{id}: saved but lost");
    }
    // Known and not fixed (RELIABILITY.md): a full disk under Tantivy's
    // background merges can leave a few deleted documents alive. Every
    // check of the database passes; `check` names the index and
    // `tanu reindex` cures it.
    for r in archive.check().expect("check") {
        if r.name == "search index" && !r.ok {
            eprintln!("KNOWN: {}", r.detail);
            assert!(r.detail.contains("run `tanu reindex`"), "{}", r.detail);
            let out = run(tanu(&dir).arg("reindex"));
            assert!(out.status.success(), "{}", text(&out.stderr));
        } else {
            assert!(r.ok, "check {}: {}", r.name, r.detail);
        }
    }
    drop(archive);
    assert_clean(&dir);
}

#[test]
fn a_backup_taken_during_an_ingest_opens_clean_with_the_same_answers() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = archive_with(tmp.path(), 10);
    let more = tmp.path().join("more");
    let expected = write_corpus(&more, "RU-BK", 40);
    let mut ingest = tanu(&dir)
        .arg("ingest")
        .arg(&more)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ingest");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let during = tmp.path().join("backups/during");
    let out = run(tanu(&dir).arg("backup").arg(&during));
    assert!(out.status.success(), "backup: {}", text(&out.stderr));
    let still_running = ingest.try_wait().expect("wait").is_none();
    assert!(ingest.wait().expect("ingest").success());
    eprintln!("backup taken while the ingest ran: {still_running}");

    // The copy is an archive: opening it is the restore.
    let copy = Archive::open(&during).expect("open the backup");
    for r in copy.check().expect("check") {
        assert!(r.ok, "backup check {}: {}", r.name, r.detail);
    }
    let source = Archive::open(&dir).expect("open");
    let all: std::collections::BTreeMap<String, i64> = source
        .list(Role::Archivist)
        .expect("list")
        .into_iter()
        .map(|t| (t.id, t.segments))
        .collect();
    for t in copy.list(Role::Archivist).expect("list") {
        assert_eq!(all.get(&t.id), Some(&t.segments), "{} differs", t.id);
        if let Some(n) = expected.get(&t.id) {
            assert_eq!(*n, t.segments);
        }
    }
    drop(copy);

    // After the ingest: a backup answers every search like the archive.
    let after = tmp.path().join("backups/after");
    let out = run(tanu(&dir).arg("backup").arg(&after));
    assert!(out.status.success(), "backup: {}", text(&out.stderr));
    let copy = Archive::open(&after).expect("open the backup");
    assert_eq!(answers(&copy), answers(&source));
    assert_eq!(
        copy.index().searcher().num_docs(),
        source.index().searcher().num_docs()
    );

    // A backup never lands in a directory that holds something, and
    // leaves no temporary directory behind.
    let out = run(tanu(&dir).arg("backup").arg(&after));
    assert!(!out.status.success());
    assert_eq!(
        text(&out.stderr).lines().count(),
        1,
        "{}",
        text(&out.stderr)
    );
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path().join("backups"))
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
