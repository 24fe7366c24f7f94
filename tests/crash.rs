//! Crash consistency: ingests and curation commands killed with SIGKILL at
//! random moments — by a timer, and from inside the index commit through
//! the test hook `TANU_TEST_KILL_AT_INDEX_WRITE` (see `src/index/killpoint.rs`)
//! — and then, with no repair command:
//!
//! - the archive opens (no rebuild needed: an interrupted index commit is
//!   cleaned up when the writer is taken) and `check` is clean,
//! - the audit chain verifies,
//! - every command that returned success is fully there, and a killed one
//!   left either all of its change or none of it,
//! - the index answers exactly like one rebuilt from SQLite,
//! - running the interrupted ingest again completes it.
//!
//! The seed is printed; `TANU_CRASH_SEED=N` repeats a run.

#[path = "common/corpus.rs"]
mod corpus;

use corpus::{Rng, transcript};

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tanu::Archive;
use tanu::search::SearchRequest;

const KILL_VAR: &str = "TANU_TEST_KILL_AT_INDEX_WRITE";

fn tanu(archive: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tanu"));
    cmd.env_remove("TANU_ARCHIVE")
        .env_remove(KILL_VAR)
        .env("TANU_CURATOR", "crash-test")
        .env("NO_COLOR", "1")
        .arg("--archive")
        .arg(archive)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq)]
enum End {
    Succeeded,
    Killed,
}

/// Runs `cmd`, killing it either after `after` or from inside its index
/// commit at file write `at` (when given). A command that fails without
/// being killed fails the test: nothing here should fail.
fn run_and_kill(mut cmd: Command, after: Duration, at: Option<u64>, what: &str) -> End {
    if let Some(k) = at {
        cmd.env(KILL_VAR, k.to_string());
    }
    let mut child = cmd.spawn().expect("spawn tanu");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            if status.success() {
                return End::Succeeded;
            }
            // Killed by its own hook: SIGKILL.
            use std::os::unix::process::ExitStatusExt;
            if status.signal() == Some(9) {
                return End::Killed;
            }
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                use std::io::Read;
                let _ = e.read_to_string(&mut err);
            }
            panic!("{what} failed without being killed ({status}): {err}");
        }
        if at.is_none() && start.elapsed() >= after {
            let _ = child.kill();
            let status = child.wait().expect("wait");
            return if status.success() {
                End::Succeeded
            } else {
                End::Killed
            };
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// Opens the archive as any command would and asserts it is whole: no
/// rebuild was needed, `check` is clean, the audit chain verifies.
fn assert_whole(dir: &Path, when: &str) -> Archive {
    let archive = Archive::open(dir).unwrap_or_else(|e| panic!("{when}: open failed: {e}"));
    assert!(
        archive.notes().is_empty(),
        "{when}: opening needed a repair: {:?}",
        archive.notes()
    );
    for r in archive.check().expect("check") {
        assert!(r.ok, "{when}: check {} FAIL: {}", r.name, r.detail);
    }
    assert!(
        archive.store().audit_verify().expect("audit").is_ok(),
        "{when}: audit chain broken"
    );
    archive
}

fn hit_ids(archive: &Archive, q: &str) -> BTreeSet<String> {
    answer(archive, q).2
}

/// Testimonies and passages found, and the testimonies.
fn answer(archive: &Archive, q: &str) -> (usize, usize, BTreeSet<String>) {
    let mut req = SearchRequest::new(q);
    req.limit = 10_000;
    let r = archive
        .search(&req)
        .unwrap_or_else(|e| panic!("search {q}: {e}"));
    (
        r.total_testimonies,
        r.total_passages,
        r.hits.into_iter().map(|h| h.id).collect(),
    )
}

/// The index answers like one rebuilt from SQLite: same number of
/// documents, same testimonies for every query.
fn assert_index_equals_rebuilt(dir: &Path, scratch: &Path, queries: &[String]) {
    let copy = scratch.join("rebuilt");
    let _ = std::fs::remove_dir_all(&copy);
    std::fs::create_dir_all(&copy).expect("mkdir");
    for f in ["tanu.sqlite", "tanu.sqlite-wal"] {
        if dir.join(f).exists() {
            std::fs::copy(dir.join(f), copy.join(f)).expect("copy db");
        }
    }
    let archive = Archive::open(dir).expect("open");
    let (rebuilt, _) = Archive::open_for_reindex(&copy, &mut |_, _| {}).expect("reindex copy");
    assert_eq!(
        archive.index().searcher().num_docs(),
        rebuilt.index().searcher().num_docs(),
        "documents in the index vs rebuilt from SQLite"
    );
    for q in queries {
        let here = answer(&archive, q);
        assert!(here.0 > 0, "query {q:?} finds nothing");
        assert_eq!(
            here,
            answer(&rebuilt, q),
            "query {q:?}: index vs rebuilt from SQLite"
        );
    }
}

fn seed() -> u64 {
    let seed = std::env::var("TANU_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        });
    eprintln!("crash test seed: {seed} (TANU_CRASH_SEED={seed} repeats it)");
    seed
}

const ROUNDS_INGEST: usize = 24;
const FILES_PER_ROUND: usize = 4;
/// Kills wanted in all; the curation batch goes on until there are.
const KILLS: usize = 60;

#[test]
fn killed_ingests_and_curation_lose_nothing_and_leave_no_debris() {
    let mut rng = Rng(seed());
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("archive");
    let status = tanu(&dir).arg("init").status().expect("init");
    assert!(status.success());

    // Rounds of fresh files, so every killed ingest has real work to do.
    let mut expected_segments: BTreeMap<String, i64> = BTreeMap::new();
    let mut rounds: Vec<(PathBuf, Vec<String>)> = Vec::new();
    for r in 0..ROUNDS_INGEST {
        let rd = tmp.path().join(format!("in/round{r:02}"));
        std::fs::create_dir_all(&rd).expect("mkdir");
        let mut ids = Vec::new();
        for f in 0..FILES_PER_ROUND {
            let id = format!("HU-CR-{r:02}{f}");
            let (text, segs) = transcript(&id, r * FILES_PER_ROUND + f);
            std::fs::write(rd.join(format!("{id}.txt")), text).expect("write");
            expected_segments.insert(id.clone(), segs as i64);
            ids.push(id);
        }
        rounds.push((rd, ids));
    }

    // How long one round takes when nothing kills it.
    let t0 = Instant::now();
    let first = run_and_kill(
        {
            let mut c = tanu(&dir);
            c.arg("ingest").arg(&rounds[0].0);
            c
        },
        Duration::from_secs(600),
        None,
        "ingest round 0",
    );
    assert_eq!(first, End::Succeeded);
    let span = t0.elapsed().as_millis() as u64 + 1;
    eprintln!("one ingest round takes {span} ms");

    // 1. Ingests killed at random moments.
    let mut kills = 0;
    let mut in_commit = 0;
    let mut must_exist: BTreeSet<String> = rounds[0].1.iter().cloned().collect();
    for (r, (rd, ids)) in rounds.iter().enumerate().skip(1) {
        let hook = r % 2 == 0;
        let at = hook.then(|| 1 + rng.below(60));
        let after = Duration::from_millis(rng.below(span));
        let mut cmd = tanu(&dir);
        cmd.arg("ingest").arg(rd);
        let end = run_and_kill(cmd, after, at, &format!("ingest round {r}"));
        if end == End::Killed {
            kills += 1;
            in_commit += usize::from(at.is_some());
        } else {
            must_exist.extend(ids.iter().cloned());
        }
        let archive = assert_whole(&dir, &format!("after ingest round {r} ({end:?})"));
        // Nothing half-written: a testimony is there with all its segments
        // or not at all.
        let listed = archive.list(tanu::access::Role::Archivist).expect("list");
        for t in &listed {
            assert_eq!(
                Some(&t.segments),
                expected_segments.get(&t.id),
                "{} is stored with a different number of segments",
                t.id
            );
        }
        let present: BTreeSet<String> = listed.into_iter().map(|t| t.id).collect();
        for id in &must_exist {
            assert!(
                present.contains(id),
                "{id} was ingested successfully but is missing"
            );
        }
    }
    eprintln!("ingest kills: {kills}");

    // The interrupted work completes when run again.
    let mut again = tanu(&dir);
    again.arg("ingest").arg(tmp.path().join("in"));
    assert_eq!(
        run_and_kill(again, Duration::from_secs(600), None, "ingest again"),
        End::Succeeded
    );
    let archive = assert_whole(&dir, "after ingesting everything again");
    let listed = archive.list(tanu::access::Role::Archivist).expect("list");
    assert_eq!(listed.len(), expected_segments.len(), "every file ingested");
    let titles: BTreeMap<String, String> = listed.into_iter().map(|t| (t.id, t.title)).collect();
    drop(archive);

    let mut queries: Vec<String> = vec![
        "tífuszban".into(),
        "шахте".into(),
        "Szolyva".into(),
        "kenyér AND barakk".into(),
        "\"háromnapi munkára\"".into(),
        "visszaemlékezés".into(),
    ];
    assert_index_equals_rebuilt(&dir, tmp.path(), &queries);

    // 2. A batch of curation commands, each on its own testimony, killed
    // at random moments: an edit of the title (a word found only there)
    // or a status change.
    let ids: Vec<&String> = titles.keys().collect();
    let words = [
        "almafa",
        "bodzafa",
        "cseresznye",
        "diófa",
        "egres",
        "fügefa",
        "gesztenye",
        "hárs",
        "ibolya",
        "jácint",
        "kökény",
        "levendula",
        "mályva",
        "nárcisz",
        "orgona",
        "pipacs",
    ];
    let mut curation_span = 0u64;
    let mut outcomes: Vec<(String, String, End)> = Vec::new();
    for (j, id) in ids.iter().enumerate() {
        if kills >= KILLS {
            break;
        }
        let mut cmd = tanu(&dir);
        let change = if j % 2 == 0 {
            let title = format!("{} {}", words[j / 2 % words.len()], j);
            cmd.args(["edit", id, "--set"])
                .arg(format!("title={title}"));
            format!("title={title}")
        } else {
            cmd.args(["status", id, "in_review"]);
            "status=in_review".to_string()
        };
        // The first command of each kind measures how long one takes.
        let (after, at) = if j < 2 {
            (Duration::from_secs(600), None)
        } else if j % 3 == 0 {
            (Duration::ZERO, Some(1 + rng.below(40)))
        } else {
            (Duration::from_millis(rng.below(curation_span.max(1))), None)
        };
        let t = Instant::now();
        let end = run_and_kill(cmd, after, at, &format!("curation {j}"));
        if j < 2 {
            curation_span = curation_span.max(t.elapsed().as_millis() as u64 + 1);
            assert_eq!(end, End::Succeeded);
        } else if end == End::Killed {
            kills += 1;
            in_commit += usize::from(at.is_some());
        }
        outcomes.push((id.to_string(), change, end));
        if j % 4 == 3 {
            drop(assert_whole(&dir, &format!("after curation {j}")));
        }
    }
    eprintln!(
        "total kills: {kills} ({in_commit} from inside an index write); one curation command takes {curation_span} ms"
    );
    assert!(
        kills >= 50,
        "only {kills} commands were killed; need at least 50"
    );
    assert!(
        in_commit >= 10,
        "only {in_commit} kills inside the index commit"
    );

    // Every command that succeeded is fully there; a killed one left all
    // of its change or none of it.
    let archive = assert_whole(&dir, "after the curation batch");
    let now: BTreeMap<String, (String, String)> = archive
        .list(tanu::access::Role::Archivist)
        .expect("list")
        .into_iter()
        .map(|t| (t.id, (t.title, t.status)))
        .collect();
    for (id, change, end) in &outcomes {
        let (title, status) = &now[id];
        let applied = match change.split_once('=') {
            Some(("title", t)) => {
                assert!(
                    title == t || title == &titles[id],
                    "{id}: title is {title:?}, neither the old nor the new one"
                );
                title == t
            }
            _ => status == "in_review",
        };
        if *end == End::Succeeded {
            assert!(
                applied,
                "{id}: `{change}` returned success but is not there"
            );
        }
        if applied && change.starts_with("title=") {
            let word = change["title=".len()..]
                .split(' ')
                .next()
                .unwrap_or_default();
            queries.push(word.to_string());
            assert!(
                hit_ids(&archive, word).contains(id),
                "{id}: the new title {word:?} is not searchable"
            );
        }
    }
    drop(archive);
    assert_index_equals_rebuilt(&dir, tmp.path(), &queries);
}
