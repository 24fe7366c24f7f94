//! Shared helpers for the integration tests: a temporary archive and a
//! `tanu` command pointed at it, with no `TANU_*` variables leaking in from
//! the environment.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The repository root (where `fixtures/` lives).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture path, relative to `fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    repo().join("fixtures").join(rel)
}

/// A temporary directory holding an archive at `archive/`.
pub struct TestArchive {
    pub tmp: TempDir,
}

impl TestArchive {
    /// A fresh, initialised archive.
    pub fn new() -> TestArchive {
        let t = TestArchive::uninitialised();
        t.tanu().arg("init").assert().success();
        t
    }

    /// A temporary directory without an archive in it yet.
    pub fn uninitialised() -> TestArchive {
        TestArchive {
            tmp: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// An archive with every demo fixture ingested.
    pub fn with_fixtures() -> TestArchive {
        let t = TestArchive::new();
        t.tanu()
            .args(["ingest"])
            .arg(fixture("transcripts"))
            .assert()
            .success();
        t
    }

    /// The archive directory.
    pub fn dir(&self) -> PathBuf {
        self.tmp.path().join("archive")
    }

    /// A scratch path inside the temporary directory.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    /// Writes a file into the temporary directory and returns its path.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, bytes).expect("write");
        p
    }

    /// `tanu --archive DIR` with a clean environment.
    pub fn tanu(&self) -> Command {
        tanu_at(&self.dir())
    }

    /// Runs `tanu search QUERY --json` and returns the hit lines' data and
    /// the summary's data.
    pub fn search_json(&self, args: &[&str]) -> (Vec<serde_json::Value>, serde_json::Value) {
        let out = self
            .tanu()
            .arg("search")
            .args(args)
            .arg("--json")
            .output()
            .expect("run");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        let mut hits = Vec::new();
        let mut summary = serde_json::Value::Null;
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            match v["type"].as_str() {
                Some("hit") => hits.push(v["data"].clone()),
                Some("summary") => summary = v["data"].clone(),
                other => panic!("unexpected record type {other:?}"),
            }
        }
        (hits, summary)
    }

    /// The ids of the testimonies a search returns, in rank order.
    pub fn search_ids(&self, args: &[&str]) -> Vec<String> {
        self.search_json(args)
            .0
            .iter()
            .map(|h| h["id"].as_str().unwrap_or_default().to_string())
            .collect()
    }
}

/// `tanu --archive DIR` with a clean environment, for any directory.
pub fn tanu_at(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("tanu").expect("tanu binary");
    cmd.env_remove("TANU_ARCHIVE")
        .env_remove("TANU_CURATOR")
        .env("NO_COLOR", "1");
    cmd.arg("--archive").arg(dir);
    cmd
}

/// Copies a directory tree (for fixtures that a test modifies).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).expect("copy");
        }
    }
}
