//! Files uploaded through the web, and the ingest jobs that take them in.
//!
//! An upload is staged in `<archive>/uploads/<job>/`, keeping the relative
//! paths the browser sent (a chosen folder keeps its subfolders, so its
//! metadata sheet describes its transcripts as on the archivist's disk);
//! [`staged_path`] refuses names that could leave that folder. The job's
//! record is `<archive>/uploads/<job>.json` ([`Job`], written with
//! [`Job::save`]), so finished jobs stay listed after a restart.
//!
//! [`run`] ingests a staged folder as `tanu ingest` does ([`Batch`]), into
//! an [`Archive`] of its own, and records each file's outcome as the
//! ingest reports it. The staged files stay where they are: they are the
//! files the testimonies were ingested from (like a folder given to
//! `tanu ingest`), so the identity rules see a re-upload of the same bytes
//! as unchanged (rule 2 of [`crate::identity`]: the same bytes are still at
//! the first path). The originals are also kept in `tanu.sqlite`, so
//! deleting an old job's folder loses nothing; a later upload of the same
//! bytes is then recorded as a move.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::archive::{Archive, ArchiveError};
use crate::batch::Batch;
use crate::ingest::IngestOptions;

/// The folder of staged uploads inside an archive.
pub const UPLOADS_DIR: &str = "uploads";

/// The longest relative path accepted, in bytes.
const MAX_NAME_BYTES: usize = 1024;

/// Why an upload or a job failed.
#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    /// A file name that could leave the staging folder or is not a name.
    #[error("the file name {name:?} is refused: {why}")]
    BadName {
        /// The name as sent (control characters escaped by `Debug`).
        name: String,
        /// Why.
        why: &'static str,
    },
    /// The same relative path twice in one upload.
    #[error("{0} was sent twice in one upload")]
    Twice(String),
    /// Filesystem trouble.
    #[error("{}: {source}", path.display())]
    Io {
        /// Path.
        path: PathBuf,
        /// Error.
        source: std::io::Error,
    },
    /// The archive could not be opened or written.
    #[error(transparent)]
    Archive(#[from] ArchiveError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> UploadError + '_ {
    move |source| UploadError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What to do with one uploaded name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Staged {
    /// Store it at this relative path.
    Keep(PathBuf),
    /// A hidden file (`.DS_Store`, a `.git` folder): not stored, as
    /// `tanu ingest` skips hidden files in folders.
    Hidden,
}

/// The relative path an uploaded file is stored at: the name the browser
/// sent (with `/` or `\` between folders), refused when it holds `..`, is
/// absolute, has a drive letter, a NUL or another control character, or is
/// empty or overlong.
pub fn staged_path(name: &str) -> Result<Staged, UploadError> {
    let bad = |why| UploadError::BadName {
        name: name.to_string(),
        why,
    };
    if name.len() > MAX_NAME_BYTES {
        return Err(bad("it is too long"));
    }
    if name.chars().any(char::is_control) {
        return Err(bad("it holds a control character"));
    }
    let unified = name.replace('\\', "/");
    if unified.starts_with('/') {
        return Err(bad("it is an absolute path"));
    }
    let mut out = PathBuf::new();
    let mut hidden = false;
    for part in unified.split('/') {
        match part {
            "" | "." => continue,
            ".." => return Err(bad("it leads out of its folder (`..`)")),
            p if p.len() > 255 => return Err(bad("a part of it is too long")),
            p if p.contains(':') => return Err(bad("it holds a drive letter or `:`")),
            p => {
                if p.starts_with('.') {
                    hidden = true;
                }
                out.push(p);
            }
        }
    }
    // Belt and braces: only plain names may remain.
    if out.as_os_str().is_empty() || !out.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(bad("it is not a file name"));
    }
    Ok(if hidden {
        Staged::Hidden
    } else {
        Staged::Keep(out)
    })
}

/// A new job's staging folder, `<archive>/uploads/<id>/`.
#[derive(Debug)]
pub struct Staging {
    /// The job number.
    pub id: u64,
    /// The folder.
    pub root: PathBuf,
    written: HashSet<PathBuf>,
}

impl Staging {
    /// Creates the staging folder of a new job, numbered after the
    /// highest job found in the archive.
    pub fn create(archive_dir: &Path) -> Result<Staging, UploadError> {
        let uploads = archive_dir.join(UPLOADS_DIR);
        std::fs::create_dir_all(&uploads).map_err(io(&uploads))?;
        let mut id = job_numbers(&uploads)?.into_iter().max().unwrap_or(0) + 1;
        loop {
            let root = uploads.join(id.to_string());
            match std::fs::create_dir(&root) {
                Ok(()) => {
                    return Ok(Staging {
                        id,
                        root,
                        written: Default::default(),
                    });
                }
                // Another upload took the number meanwhile.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => id += 1,
                Err(e) => return Err(io(&root)(e)),
            }
        }
    }

    /// Where the file at relative path `rel` (from [`staged_path`]) goes;
    /// its folders are created. The same path twice is refused.
    pub fn file_path(&mut self, rel: &Path) -> Result<PathBuf, UploadError> {
        if !self.written.insert(rel.to_path_buf()) {
            return Err(UploadError::Twice(rel.display().to_string()));
        }
        let path = self.root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        Ok(path)
    }

    /// Removes the folder (a refused upload).
    pub fn discard(self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// The numbers of the jobs in `uploads` (folders and records).
fn job_numbers(uploads: &Path) -> Result<Vec<u64>, UploadError> {
    let mut out = Vec::new();
    let rd = match std::fs::read_dir(uploads) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(io(uploads)(e)),
    };
    for e in rd {
        let e = e.map_err(io(uploads))?;
        let name = e.file_name().to_string_lossy().into_owned();
        let stem = name.strip_suffix(".json").unwrap_or(&name);
        if let Ok(n) = stem.parse::<u64>() {
            out.push(n);
        }
    }
    Ok(out)
}

/// Where a job is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    /// Waiting for the job before it.
    Queued,
    /// Ingesting.
    Running,
    /// Every file has its outcome.
    Done,
    /// The job could not run (the archive could not be opened); see
    /// [`Job::error`].
    Failed,
    /// The server stopped while the job ran; files without an outcome were
    /// not ingested (upload them again: those ingested are then unchanged).
    Interrupted,
}

impl JobState {
    /// `queued`, `running`, `done`, `failed` or `interrupted`.
    pub fn name(self) -> &'static str {
        match self {
            JobState::Queued => "queued",
            JobState::Running => "running",
            JobState::Done => "done",
            JobState::Failed => "failed",
            JobState::Interrupted => "interrupted",
        }
    }

    /// Whether the job will not change any more.
    pub fn finished(self) -> bool {
        matches!(
            self,
            JobState::Done | JobState::Failed | JobState::Interrupted
        )
    }
}

/// One outcome of one file (a tanu JSON export can hold several
/// testimonies, so a file can have several).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileOutcome {
    /// `new`, `updated`, `unchanged`, `moved` (as `tanu ingest` reports),
    /// `failed`, `sheet` (a metadata sheet, read) or `skipped` (another
    /// extension, or a table that is not a metadata sheet).
    pub outcome: String,
    /// The testimony.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Why it became this testimony, when not plain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The error, one line per problem, as `tanu ingest` prints it
    /// (`folder/file.txt:12: message`, the path relative to the upload).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub error: Vec<String>,
    /// Repairs and import notes worth knowing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// One uploaded file of a job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobFile {
    /// The path relative to the upload (`folder/file.txt`).
    pub path: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Its outcomes; empty while it waits.
    #[serde(default)]
    pub outcomes: Vec<FileOutcome>,
}

/// How many files came out how.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Files done.
    pub done: usize,
    /// Files in the job.
    pub total: usize,
    /// New testimonies.
    pub ingested: usize,
    /// Unchanged.
    pub unchanged: usize,
    /// Updated.
    pub updated: usize,
    /// Moved.
    pub moved: usize,
    /// Failed.
    pub failed: usize,
    /// Skipped (other extensions).
    pub skipped: usize,
    /// Metadata sheets read.
    pub sheets: usize,
}

/// An upload job and what became of its files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    /// The job number.
    pub id: u64,
    /// The archivist who uploaded (the actor of the ingest).
    pub by: String,
    /// When the upload arrived.
    pub created: String,
    /// When the ingest began.
    #[serde(default)]
    pub started: Option<String>,
    /// When it ended.
    #[serde(default)]
    pub finished: Option<String>,
    /// Where it is.
    pub state: JobState,
    /// Why the job could not run.
    #[serde(default)]
    pub error: Option<String>,
    /// The files, in upload order.
    pub files: Vec<JobFile>,
    /// Warnings about the whole upload (sheet rows no transcript took).
    #[serde(default)]
    pub notes: Vec<String>,
    /// The encoding every file is read in (`tanu ingest --encoding`);
    /// detected when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Whether a file with another name may replace a testimony with the
    /// same identifier (`tanu ingest --replace`).
    #[serde(default)]
    pub replace: bool,
}

impl Job {
    /// A queued job for the files staged in `staging`.
    pub fn new(staging: &Staging, by: &str, files: Vec<JobFile>) -> Job {
        Job {
            id: staging.id,
            by: by.to_string(),
            created: crate::dates::now_rfc3339(),
            started: None,
            finished: None,
            state: JobState::Queued,
            error: None,
            files,
            notes: Vec::new(),
            encoding: None,
            replace: false,
        }
    }

    /// The counts of the job so far.
    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            total: self.files.len(),
            ..Summary::default()
        };
        for f in &self.files {
            if !f.outcomes.is_empty() {
                s.done += 1;
            }
            for o in &f.outcomes {
                match o.outcome.as_str() {
                    "new" => s.ingested += 1,
                    "unchanged" => s.unchanged += 1,
                    "updated" => s.updated += 1,
                    "moved" => s.moved += 1,
                    "failed" => s.failed += 1,
                    "sheet" => s.sheets += 1,
                    _ => s.skipped += 1,
                }
            }
        }
        s
    }

    /// Total bytes uploaded.
    pub fn bytes(&self) -> u64 {
        self.files.iter().map(|f| f.bytes).sum()
    }

    /// Writes the record to `<archive>/uploads/<id>.json` (through a
    /// temporary file, so a crash leaves the old record or the new one).
    pub fn save(&self, archive_dir: &Path) -> Result<(), UploadError> {
        let uploads = archive_dir.join(UPLOADS_DIR);
        let path = uploads.join(format!("{}.json", self.id));
        let tmp = uploads.join(format!(".{}.json.tmp", self.id));
        let json = serde_json::to_vec_pretty(self)
            .map_err(|e| io(&path)(std::io::Error::other(e.to_string())))?;
        std::fs::write(&tmp, json).map_err(io(&tmp))?;
        std::fs::rename(&tmp, &path).map_err(io(&path))
    }

    /// Every job recorded in the archive, oldest first. A job that was
    /// queued or running is `interrupted` (the server that ran it stopped);
    /// unreadable records are skipped.
    pub fn load_all(archive_dir: &Path) -> Result<Vec<Job>, UploadError> {
        let uploads = archive_dir.join(UPLOADS_DIR);
        let mut ids = job_numbers(&uploads)?;
        ids.sort_unstable();
        ids.dedup();
        let mut out = Vec::new();
        for id in ids {
            let path = uploads.join(format!("{id}.json"));
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let Ok(mut job) = serde_json::from_slice::<Job>(&bytes) else {
                continue;
            };
            if !job.state.finished() {
                job.state = JobState::Interrupted;
            }
            out.push(job);
        }
        Ok(out)
    }
}

/// The path of `path` relative to the staging folder, with `/`.
fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// An error's lines with the staging folder taken off their paths.
fn error_lines(root: &Path, message: &str) -> Vec<String> {
    let prefix = format!("{}/", root.display());
    message
        .lines()
        .map(|l| l.strip_prefix(&prefix).unwrap_or(l).to_string())
        .collect()
}

/// Ingests the staged files of `job` into the archive in `archive_dir`
/// (opened for this job, so the caller's handles stay free), as `actor`.
/// `progress` sees the job after each file. Returns the job with every
/// file's outcome; a job that could not run is `failed` with its error.
pub fn run(archive_dir: &Path, mut job: Job, progress: &mut dyn FnMut(&Job)) -> Job {
    job.state = JobState::Running;
    job.started = Some(crate::dates::now_rfc3339());
    progress(&job);
    if let Err(e) = ingest(archive_dir, &mut job, progress) {
        job.state = JobState::Failed;
        job.error = Some(e.to_string());
    } else {
        job.state = JobState::Done;
    }
    job.finished = Some(crate::dates::now_rfc3339());
    progress(&job);
    job
}

fn ingest(
    archive_dir: &Path,
    job: &mut Job,
    progress: &mut dyn FnMut(&Job),
) -> Result<(), UploadError> {
    let root = archive_dir.join(UPLOADS_DIR).join(job.id.to_string());
    let mut archive = Archive::open(archive_dir)?;
    let encoding = match &job.encoding {
        Some(label) => {
            Some(
                crate::decode::encoding_for_label(label).ok_or_else(|| UploadError::Io {
                    path: root.clone(),
                    source: std::io::Error::other(format!("unknown encoding {label:?}")),
                })?,
            )
        }
        None => None,
    };
    let opts = IngestOptions {
        encoding,
        replace: job.replace,
        sheet: None,
    };
    let mut batch =
        Batch::plan(std::slice::from_ref(&root), &opts, archive.vocabulary()).map_err(|e| {
            UploadError::Io {
                path: root.clone(),
                source: std::io::Error::other(e.to_string()),
            }
        })?;
    // Each file's place in the job, as the batch names it.
    let at: HashMap<String, usize> = job
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.path.clone(), i))
        .collect();
    for (path, msg) in &batch.failed {
        if let Some(f) = at.get(&relative(&root, path)).map(|&i| &mut job.files[i]) {
            f.outcomes.push(FileOutcome {
                outcome: "failed".into(),
                id: None,
                reason: None,
                error: error_lines(&root, msg),
                warnings: Vec::new(),
            });
        }
    }
    let sheets: HashSet<String> = batch
        .sheets
        .iter()
        .map(|s| relative(&root, &s.path))
        .collect();
    let todo: HashSet<String> = batch
        .jobs
        .iter()
        .map(|j| relative(&root, &j.path))
        .collect();
    for f in &mut job.files {
        if sheets.contains(&f.path) {
            f.outcomes.push(FileOutcome {
                outcome: "sheet".into(),
                id: None,
                reason: None,
                error: Vec::new(),
                warnings: Vec::new(),
            });
        } else if f.outcomes.is_empty() && !todo.contains(&f.path) {
            f.outcomes.push(FileOutcome {
                outcome: "skipped".into(),
                id: None,
                reason: None,
                error: Vec::new(),
                warnings: Vec::new(),
            });
        }
    }
    progress(job);
    let jobs = std::mem::take(&mut batch.jobs);
    let actor = job.by.clone();
    let archive_prefix = format!("{}/", archive_dir.display());
    archive.ingest_all(jobs, &actor, 50, |path, results| {
        let rel = relative(&root, path);
        let mut outcomes = Vec::new();
        for result in results {
            outcomes.push(match result {
                Ok(report) => {
                    batch.ingested(path, &report);
                    FileOutcome {
                        outcome: report.outcome.to_string(),
                        id: Some(report.id),
                        // Paths inside the archive are shown from it
                        // (`same bytes as uploads/1/a.txt`).
                        reason: report.reason.map(|r| r.replace(&archive_prefix, "")),
                        error: Vec::new(),
                        warnings: if report.outcome == "unchanged" {
                            Vec::new()
                        } else {
                            report.warnings
                        },
                    }
                }
                Err(err) => FileOutcome {
                    outcome: "failed".into(),
                    id: None,
                    reason: None,
                    error: error_lines(&root, &err.to_string()),
                    warnings: Vec::new(),
                },
            });
        }
        if let Some(&i) = at.get(&rel) {
            job.files[i].outcomes = outcomes;
        }
        progress(job);
    })?;
    for row in batch.unmatched_rows() {
        job.notes
            .push(row.warning(&relative(&root, &row.sheet), str::to_string));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_stay_inside_their_folder() {
        let keep = |n: &str| match staged_path(n) {
            Ok(Staged::Keep(p)) => p,
            other => panic!("{n:?}: {other:?}"),
        };
        assert_eq!(keep("interjuk/kiss.txt"), Path::new("interjuk/kiss.txt"));
        assert_eq!(keep("a\\b\\c.txt"), Path::new("a/b/c.txt"));
        assert_eq!(keep("./a//b.txt"), Path::new("a/b.txt"));
        assert_eq!(keep("Воспоминания/рассказ.txt").components().count(), 2);
        for bad in [
            "../etc/passwd",
            "a/../../b.txt",
            "..\\..\\x.txt",
            "/etc/passwd",
            "\\\\server\\share\\x.txt",
            "C:\\Windows\\x.txt",
            "a\0b.txt",
            "a\nb.txt",
            "",
            "./",
        ] {
            assert!(
                matches!(staged_path(bad), Err(UploadError::BadName { .. })),
                "{bad:?} accepted"
            );
        }
        assert_eq!(staged_path("a/.DS_Store").ok(), Some(Staged::Hidden));
        assert_eq!(staged_path(".git/config").ok(), Some(Staged::Hidden));
    }

    #[test]
    fn jobs_are_recorded_and_a_running_one_is_interrupted_after_a_restart() {
        let tmp = tempfile::tempdir().unwrap();
        let mut a = Staging::create(tmp.path()).unwrap();
        let b = Staging::create(tmp.path()).unwrap();
        assert_eq!((a.id, b.id), (1, 2));
        let rel = match staged_path("doboz/kiss.txt").unwrap() {
            Staged::Keep(p) => p,
            Staged::Hidden => unreachable!(),
        };
        let path = a.file_path(&rel).unwrap();
        assert!(path.starts_with(&a.root) && path.parent().unwrap().is_dir());
        assert!(matches!(a.file_path(&rel), Err(UploadError::Twice(_))));
        let file = JobFile {
            path: "doboz/kiss.txt".into(),
            bytes: 10,
            outcomes: Vec::new(),
        };
        let mut done = Job::new(&a, "Kiss Anna", vec![file.clone()]);
        done.state = JobState::Done;
        done.save(tmp.path()).unwrap();
        let mut running = Job::new(&b, "Kiss Anna", vec![file]);
        running.state = JobState::Running;
        running.save(tmp.path()).unwrap();
        let loaded = Job::load_all(tmp.path()).unwrap();
        assert_eq!(loaded.len(), 2);
        assert_eq!(loaded[0], done);
        assert_eq!(loaded[1].state, JobState::Interrupted);
        // A refused upload leaves nothing, and the next number goes on.
        b.discard();
        let c = Staging::create(tmp.path()).unwrap();
        assert_eq!(c.id, 3, "job 2's record keeps its number");
    }

    #[test]
    fn summary_counts_outcomes() {
        let o = |s: &str| FileOutcome {
            outcome: s.into(),
            id: None,
            reason: None,
            error: Vec::new(),
            warnings: Vec::new(),
        };
        let f = |outcomes: Vec<FileOutcome>| JobFile {
            path: "x".into(),
            bytes: 3,
            outcomes,
        };
        let job = Job {
            id: 1,
            by: "a".into(),
            created: String::new(),
            started: None,
            finished: None,
            state: JobState::Running,
            error: None,
            files: vec![
                f(vec![o("new")]),
                f(vec![o("failed")]),
                f(vec![]),
                f(vec![o("unchanged"), o("new")]),
            ],
            notes: Vec::new(),
            encoding: None,
            replace: false,
        };
        let s = job.summary();
        assert_eq!((s.done, s.total), (3, 4));
        assert_eq!((s.ingested, s.unchanged, s.failed), (2, 1, 1));
        assert_eq!(job.bytes(), 12);
    }
}
