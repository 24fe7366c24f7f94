//! Upload jobs: the runner that ingests them in the background, one at a
//! time, on a thread of its own with its own [`crate::Archive`] (so a job
//! goes on when its page is closed, and requests keep their handles), and
//! the pages `/curate/jobs` (every job) and `/curate/jobs/{id}` (one job's
//! files with their progress and outcomes; `/curate/jobs/{id}.json` is the
//! same as JSON, which the page's script polls to move its progress bars;
//! without the script the page refreshes itself while the job runs).
//!
//! Jobs are kept in memory for the pages and recorded in
//! `<archive>/uploads/<id>.json` (see [`crate::upload`]) at each step (at
//! most once a second while running), so the list survives a restart; a
//! job the server was running when it stopped is shown `interrupted`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use askama::Template;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use crate::upload::{Job, JobState, Summary, UploadError};

use super::guard::{LangParam, archivist_page};
use super::i18n::Msg;
use super::{Failure, Shared, failure_page, remember_lang, render};

/// The upload jobs of the served archive.
pub(crate) struct Jobs {
    dir: PathBuf,
    jobs: Arc<Mutex<BTreeMap<u64, Job>>>,
    queue: Mutex<Sender<u64>>,
}

impl Jobs {
    /// Loads the recorded jobs of the archive in `dir` and starts the
    /// runner thread.
    pub(crate) fn start(dir: &Path) -> Result<Jobs, UploadError> {
        let mut map = BTreeMap::new();
        for job in Job::load_all(dir)? {
            map.insert(job.id, job);
        }
        let jobs = Arc::new(Mutex::new(map));
        let (tx, rx) = channel::<u64>();
        let shared = jobs.clone();
        let archive_dir = dir.to_path_buf();
        std::thread::Builder::new()
            .name("tanu-upload-jobs".into())
            .spawn(move || {
                for id in rx {
                    let job = shared
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .get(&id)
                        .cloned();
                    if let Some(job) = job {
                        run_one(&archive_dir, &shared, job);
                    }
                }
            })
            .map_err(|source| UploadError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        Ok(Jobs {
            dir: dir.to_path_buf(),
            jobs,
            queue: Mutex::new(tx),
        })
    }

    /// The archive directory.
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    /// Records a new job and queues it.
    pub(crate) fn submit(&self, job: Job) -> Result<(), UploadError> {
        job.save(&self.dir)?;
        let id = job.id;
        self.jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(id, job);
        let sent = self
            .queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .send(id);
        if sent.is_err() {
            // The runner is gone (it cannot be, short of a bug): say so on
            // the job rather than leave it queued for ever.
            self.update(id, |j| {
                j.state = JobState::Failed;
                j.error = Some("the job runner stopped".into());
            });
        }
        Ok(())
    }

    fn update(&self, id: u64, f: impl FnOnce(&mut Job)) {
        let mut map = self.jobs.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(j) = map.get_mut(&id) {
            f(j);
            let _ = j.save(&self.dir);
        }
    }

    /// One job.
    pub(crate) fn get(&self, id: u64) -> Option<Job> {
        self.jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&id)
            .cloned()
    }

    /// Every job as `row` shows it, newest first (the jobs are not
    /// copied, with their files, for a line each).
    pub(crate) fn list<T>(&self, row: impl FnMut(&Job) -> T) -> Vec<T> {
        self.jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .values()
            .rev()
            .map(row)
            .collect()
    }
}

/// Runs one job, publishing its progress and recording it.
fn run_one(dir: &Path, shared: &Mutex<BTreeMap<u64, Job>>, job: Job) {
    let id = job.id;
    let mut saved = Instant::now();
    let mut publish = |j: &Job| {
        shared
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(j.id, j.clone());
        if saved.elapsed() >= Duration::from_secs(1) || j.state.finished() {
            let _ = j.save(dir);
            saved = Instant::now();
        }
    };
    let backup = job.clone();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::upload::run(dir, job, &mut publish)
    }));
    let done = match outcome {
        Ok(j) => j,
        Err(_) => {
            let mut j = backup;
            j.state = JobState::Failed;
            j.error = Some("the ingest stopped on an internal error".into());
            j
        }
    };
    let _ = done.save(dir);
    shared
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(id, done);
}

/// A file's row on the job page.
struct FileView {
    path: String,
    bytes: u64,
    done: bool,
    outcomes: Vec<OutcomeView>,
}

struct OutcomeView {
    outcome: String,
    label: &'static str,
    id: String,
    href: String,
    reason: String,
    error: Vec<String>,
    warnings: Vec<String>,
}

#[derive(Template)]
#[template(path = "web/job.html")]
struct JobPage {
    curates: bool,
    m: Msg,
    switch_href: String,
    who: String,
    job: Job,
    state: &'static str,
    running: bool,
    s: Summary,
    files: Vec<FileView>,
}

struct JobRow {
    id: u64,
    by: String,
    created: String,
    state: &'static str,
    s: Summary,
}

#[derive(Template)]
#[template(path = "web/jobs.html")]
struct JobsPage {
    curates: bool,
    m: Msg,
    switch_href: String,
    who: String,
    jobs: Vec<JobRow>,
}

fn state_label(m: Msg, s: JobState) -> &'static str {
    m.get(match s {
        JobState::Queued => "job_queued",
        JobState::Running => "job_running",
        JobState::Done => "job_done",
        JobState::Failed => "job_failed",
        JobState::Interrupted => "job_interrupted",
    })
}

fn outcome_label(m: Msg, o: &str) -> &'static str {
    m.get(match o {
        "new" => "outcome_new",
        "updated" => "outcome_updated",
        "unchanged" => "outcome_unchanged",
        "moved" => "outcome_moved",
        "failed" => "outcome_failed",
        "sheet" => "outcome_sheet",
        _ => "outcome_skipped",
    })
}

/// `GET /curate/jobs`.
pub async fn list(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(p): Query<LangParam>,
) -> Response {
    let (lang, who) = match archivist_page(&state, &headers, Some(&p.hl)).await {
        Ok(page) => page,
        Err(resp) => return resp,
    };
    let m = Msg { lang };
    let jobs = state.jobs.list(|j| JobRow {
        id: j.id,
        state: state_label(m, j.state),
        s: j.summary(),
        by: j.by.clone(),
        created: j.created.clone(),
    });
    let resp = render(&JobsPage {
        curates: true,
        m,
        switch_href: format!("/curate/jobs?hl={}", lang.other().code()),
        who,
        jobs,
    });
    remember_lang(resp, Some(&p.hl))
}

/// `GET /curate/jobs/{id}` and `/curate/jobs/{id}.json`.
pub async fn show(
    State(state): State<Shared>,
    UrlPath(id): UrlPath<String>,
    headers: HeaderMap,
    Query(p): Query<LangParam>,
) -> Response {
    let (lang, who) = match archivist_page(&state, &headers, Some(&p.hl)).await {
        Ok(page) => page,
        Err(resp) => return resp,
    };
    let m = Msg { lang };
    let (num, json) = match id.strip_suffix(".json") {
        Some(n) => (n, true),
        None => (id.as_str(), false),
    };
    let Some(job) = num.parse::<u64>().ok().and_then(|n| state.jobs.get(n)) else {
        return failure_page(Failure::NotFound, lang);
    };
    if json {
        let body = serde_json::json!({
            "id": job.id,
            "state": job.state,
            "summary": job.summary(),
            "job": job,
        });
        return ([(header::CACHE_CONTROL, "no-store")], axum::Json(body)).into_response();
    }
    let running = !job.state.finished();
    let files = job
        .files
        .iter()
        .map(|f| FileView {
            path: f.path.clone(),
            bytes: f.bytes,
            done: !f.outcomes.is_empty(),
            outcomes: f
                .outcomes
                .iter()
                .map(|o| OutcomeView {
                    outcome: o.outcome.clone(),
                    label: outcome_label(m, &o.outcome),
                    id: o.id.clone().unwrap_or_default(),
                    href: format!(
                        "/t/{}",
                        super::html::path_segment(o.id.as_deref().unwrap_or_default())
                    ),
                    reason: o.reason.clone().unwrap_or_default(),
                    error: o.error.clone(),
                    warnings: o.warnings.clone(),
                })
                .collect(),
        })
        .collect();
    let mut resp = render(&JobPage {
        curates: true,
        m,
        switch_href: format!("/curate/jobs/{}?hl={}", job.id, lang.other().code()),
        who,
        state: state_label(m, job.state),
        running,
        s: job.summary(),
        files,
        job,
    });
    resp.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    remember_lang(resp, Some(&p.hl))
}
