//! Upload and ingest for archivists: `/curate/upload` (a form: many files or
//! a folder with its metadata sheet, by choosing or dragging them), streamed
//! chunk by chunk into `<archive>/uploads/<job>/` (see [`crate::upload`])
//! within a total and a per-file limit, then handed to the job runner
//! ([`super::jobs`]), which ingests in the background.
//!
//! Like every `/curate/…` page, anyone but a signed-in archivist gets the
//! 404 of an unknown page, for GET and POST alike; the form carries the
//! CSRF token, and the ingest acts as the signed-in account.

use askama::Template;
use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tokio::io::AsyncWriteExt;

use crate::upload::{Job, JobFile, Staged, Staging, staged_path};

use super::auth::{csrf_token, with_csrf_cookie};
use super::auth::{genuine, refused};
use super::guard::{LangParam, archivist_page};
use super::i18n::{Msg, UiLang};
use super::{Failure, Shared, failure_page, remember_lang, render};

/// The largest upload and file `tanu serve` takes (`--max-upload-mib`,
/// `--max-upload-file-mib`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadLimits {
    /// All files of one upload together, in bytes.
    pub total: u64,
    /// One file, in bytes (at most [`crate::limits::MAX_INPUT_BYTES`],
    /// which the ingest refuses anyway).
    pub file: u64,
}

impl Default for UploadLimits {
    fn default() -> UploadLimits {
        UploadLimits {
            total: 1024 * 1024 * 1024,
            file: crate::limits::MAX_INPUT_BYTES,
        }
    }
}

/// Room for the multipart headers around the files, on top of the total.
pub(crate) const MULTIPART_SLACK: u64 = 1024 * 1024;

fn mib(bytes: u64) -> String {
    format!("{}", bytes.div_ceil(1024 * 1024))
}

#[derive(Template)]
#[template(path = "web/upload.html")]
struct UploadPage {
    curates: bool,
    m: Msg,
    switch_href: String,
    who: String,
    csrf: String,
    error: String,
    limits: String,
}

fn page(
    lang: UiLang,
    who: String,
    csrf: (String, bool),
    error: String,
    status: StatusCode,
    limits: UploadLimits,
) -> Response {
    let m = Msg { lang };
    let limits = m.fill(
        "upload_limits",
        &[("total", mib(limits.total)), ("file", mib(limits.file))],
    );
    let resp = render(&UploadPage {
        curates: true,
        m,
        switch_href: format!("/curate/upload?hl={}", lang.other().code()),
        who,
        csrf: csrf.0.clone(),
        error,
        limits,
    });
    let mut resp = with_csrf_cookie(resp, &csrf.0, csrf.1);
    *resp.status_mut() = status;
    resp
}

/// `GET /curate/upload`.
pub async fn form(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(p): Query<LangParam>,
) -> Response {
    let (lang, who) = match archivist_page(&state, &headers, Some(&p.hl)).await {
        Ok(page) => page,
        Err(resp) => return resp,
    };
    let Some(csrf) = csrf_token(&headers) else {
        return failure_page(Failure::Internal("no randomness".into()), lang);
    };
    let resp = page(
        lang,
        who,
        csrf,
        String::new(),
        StatusCode::OK,
        state.upload_limits,
    );
    remember_lang(resp, Some(&p.hl))
}

/// Runs file work off the async threads; its error fails the request.
async fn off_thread<T: Send + 'static, E: std::fmt::Display + Send + 'static>(
    f: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Result<T, Failure> {
    match tokio::task::spawn_blocking(f).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(Failure::Internal(e.to_string())),
        Err(e) => Err(Failure::Internal(e.to_string())),
    }
}

/// Why an upload was refused, for the form shown again.
enum Refusal {
    Forged,
    Status(StatusCode, String),
    Internal(String),
}

/// `POST /curate/upload`: streams the files to a new staging folder and
/// queues the job; answers with a redirect to the job's page.
pub async fn post(State(state): State<Shared>, req: Request) -> Response {
    let headers = req.headers().clone();
    let (lang, who) = match archivist_page(&state, &headers, None).await {
        Ok(page) => page,
        Err(resp) => return resp,
    };
    let m = Msg { lang };
    let limits = state.upload_limits;
    let again = |status, error: String| match csrf_token(&headers) {
        Some(csrf) => page(lang, who.clone(), csrf, error, status, limits),
        None => failure_page(Failure::Internal("no randomness".into()), lang),
    };
    let too_large = m.fill("upload_too_large", &[("total", mib(limits.total))]);
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits.total + MULTIPART_SLACK) {
        return again(StatusCode::PAYLOAD_TOO_LARGE, too_large);
    }
    let multipart = match Multipart::from_request(req, &()).await {
        Ok(mp) => mp,
        Err(_) => return again(StatusCode::BAD_REQUEST, m.get("upload_not_form").into()),
    };
    let dir = state.jobs.dir().to_path_buf();
    let staging = match off_thread(move || Staging::create(&dir)).await {
        Ok(s) => s,
        Err(f) => return failure_page(f, lang),
    };
    match receive(multipart, staging, &headers, limits, m).await {
        Ok((staging, files, options)) => {
            if files.is_empty() {
                staging.discard();
                return again(StatusCode::BAD_REQUEST, m.get("upload_nothing").into());
            }
            let mut job = Job::new(&staging, &who, files);
            job.encoding = options.encoding;
            job.replace = options.replace;
            let id = job.id;
            let jobs = state.clone();
            match off_thread(move || jobs.jobs.submit(job)).await {
                Ok(()) => (
                    StatusCode::SEE_OTHER,
                    [(header::LOCATION, format!("/curate/jobs/{id}"))],
                )
                    .into_response(),
                Err(f) => failure_page(f, lang),
            }
        }
        Err(Refusal::Forged) => refused(lang),
        Err(Refusal::Status(status, msg)) => again(status, msg),
        Err(Refusal::Internal(e)) => failure_page(Failure::Internal(e), lang),
    }
}

/// The ingest options of the form (as `tanu ingest --encoding`,
/// `--replace`).
#[derive(Default)]
struct Options {
    encoding: Option<String>,
    replace: bool,
}

/// Reads the form: the CSRF token first, then the options and every file,
/// written to the staging folder chunk by chunk. On any refusal the folder
/// is removed.
async fn receive(
    mut mp: Multipart,
    mut staging: Staging,
    headers: &HeaderMap,
    limits: UploadLimits,
    m: Msg,
) -> Result<(Staging, Vec<JobFile>, Options), Refusal> {
    let mut options = Options::default();
    let result = async {
        let mut files: Vec<JobFile> = Vec::new();
        let mut total = 0u64;
        let mut checked = false;
        let too_large = || {
            Refusal::Status(
                StatusCode::PAYLOAD_TOO_LARGE,
                m.fill("upload_too_large", &[("total", mib(limits.total))]),
            )
        };
        let broken = |e: axum::extract::multipart::MultipartError| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                too_large()
            } else {
                Refusal::Status(StatusCode::BAD_REQUEST, m.get("upload_not_form").into())
            }
        };
        while let Some(mut field) = mp.next_field().await.map_err(broken)? {
            let name = field.name().unwrap_or_default().to_string();
            if !checked {
                // The token comes first (it is the form's first field), so
                // a forged post is refused before any file is written.
                if name != "csrf" {
                    return Err(Refusal::Forged);
                }
                let token = field.text().await.map_err(broken)?;
                if !genuine(headers, &token) {
                    return Err(Refusal::Forged);
                }
                checked = true;
                continue;
            }
            let Some(file_name) = field.file_name().map(str::to_string) else {
                let value = field.text().await.map_err(broken)?;
                match name.as_str() {
                    "encoding" if !value.trim().is_empty() => {
                        if crate::decode::encoding_for_label(&value).is_none() {
                            return Err(Refusal::Status(
                                StatusCode::BAD_REQUEST,
                                m.fill("upload_bad_encoding", &[("name", value)]),
                            ));
                        }
                        options.encoding = Some(value.trim().to_string());
                    }
                    "replace" => options.replace = !value.is_empty(),
                    _ => {}
                }
                continue;
            };
            if file_name.is_empty() {
                // An input with nothing chosen sends an empty part.
                while field.chunk().await.map_err(broken)?.is_some() {}
                continue;
            }
            let rel = match staged_path(&file_name) {
                Ok(Staged::Keep(rel)) => rel,
                Ok(Staged::Hidden) => {
                    while field.chunk().await.map_err(broken)?.is_some() {}
                    continue;
                }
                Err(e) => {
                    return Err(Refusal::Status(
                        StatusCode::BAD_REQUEST,
                        m.fill("upload_bad_name", &[("error", e.to_string())]),
                    ));
                }
            };
            let path = staging.file_path(&rel).map_err(|e| match e {
                crate::upload::UploadError::Twice(_) => Refusal::Status(
                    StatusCode::BAD_REQUEST,
                    m.fill("upload_twice", &[("name", rel.display().to_string())]),
                ),
                e => Refusal::Internal(e.to_string()),
            })?;
            let mut out = tokio::fs::File::create(&path)
                .await
                .map_err(|e| Refusal::Internal(format!("{}: {e}", path.display())))?;
            let mut size = 0u64;
            while let Some(chunk) = field.chunk().await.map_err(broken)? {
                size += chunk.len() as u64;
                total += chunk.len() as u64;
                if size > limits.file {
                    return Err(Refusal::Status(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        m.fill(
                            "upload_file_too_large",
                            &[
                                ("name", rel.display().to_string()),
                                ("file", mib(limits.file)),
                            ],
                        ),
                    ));
                }
                if total > limits.total {
                    return Err(too_large());
                }
                out.write_all(&chunk)
                    .await
                    .map_err(|e| Refusal::Internal(format!("{}: {e}", path.display())))?;
            }
            out.flush()
                .await
                .map_err(|e| Refusal::Internal(format!("{}: {e}", path.display())))?;
            files.push(JobFile {
                path: rel.to_string_lossy().replace('\\', "/"),
                bytes: size,
                outcomes: Vec::new(),
            });
        }
        if !checked {
            return Err(Refusal::Forged);
        }
        Ok(files)
    }
    .await;
    match result {
        Ok(files) => Ok((staging, files, options)),
        Err(r) => {
            let _ = tokio::task::spawn_blocking(move || staging.discard()).await;
            Err(r)
        }
    }
}
