//! `tanu serve`: the archive on the web.
//!
//! This module only translates HTTP requests into [`Archive`] calls and
//! their results into pages or JSON: no SQL, no index access, no access
//! decisions of its own (the role is that of the session's account, or
//! `public`; it never comes from a request parameter). One file per area: `search.rs`
//! (the search page), `reader.rs` (a testimony and its recording),
//! `browse.rs` (lists by wave, region and transit camp), `map.rs` (the
//! gazetteer on a map), `oai.rs` (OAI-PMH for harvesters), `api.rs` (JSON
//! under `/api/v1`), `i18n.rs` (messages in Hungarian and
//! English), `html.rs` (escaping and highlighting).
//!
//! `Archive` is synchronous and holds a SQLite connection, so the server
//! keeps a small [`Pool`] of opened archives and calls them from
//! `spawn_blocking`. Before each use a handle picks up index commits made
//! by other processes ([`Archive::refresh_index`]); SQLite reads always see
//! the last commit. The server never takes the index writer, so an ingest
//! in another process runs while it serves.

mod api;
mod auth;
mod browse;
// Curation in the browser (issue 12).
mod curate;
mod diff;
mod html;
pub mod i18n;
mod map;
mod oai;
mod reader;
mod search;
// Upload, jobs and merge (curation in the browser, issue 12 points 1 and 4).
mod guard;
mod jobs;
mod merge;
mod upload;
pub use self::upload::UploadLimits;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use askama::Template;
use axum::Router;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::access::Role;
use crate::{Archive, ArchiveError, IndexStamp};

use self::i18n::{Msg, UiLang};

/// The cookie holding a signed-in browser's session token.
pub(crate) const SESSION_COOKIE: &str = "tanu_session";

/// What a request brings to say who is asking: the session cookie, and on
/// the JSON API a bearer token. Never a parameter.
#[derive(Debug, Clone, Default)]
pub(crate) struct Creds {
    session: Option<String>,
    bearer: Option<String>,
}

impl Creds {
    /// The credentials of a request (`bearer`: whether an
    /// `Authorization: Bearer` token counts, as on the API).
    pub(crate) fn from_headers(headers: &HeaderMap, bearer: bool) -> Creds {
        Creds {
            session: cookie(headers, SESSION_COOKIE),
            bearer: if bearer {
                headers
                    .get(header::AUTHORIZATION)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.strip_prefix("Bearer "))
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
            } else {
                None
            },
        }
    }
}

/// A cookie's value.
pub(crate) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    for value in headers.get_all(header::COOKIE) {
        let Ok(v) = value.to_str() else { continue };
        for part in v.split(';') {
            if let Some((k, val)) = part.trim().split_once('=')
                && k == name
                && !val.is_empty()
            {
                return Some(val.to_string());
            }
        }
    }
    None
}

/// Who is asking.
pub(crate) struct Viewer {
    pub role: Role,
    pub name: Option<String>,
}

/// The viewer of a request: the account of a valid session or bearer
/// token, `public` otherwise (an expired or unknown token is public, not an
/// error).
pub(crate) fn viewer(a: &Archive, creds: &Creds) -> Result<Viewer, Failure> {
    let account = match (&creds.bearer, &creds.session) {
        (Some(t), _) => a
            .token_account(t)
            .map_err(|e| Failure::Internal(e.to_string()))?,
        (None, Some(t)) => a
            .session_account(t)
            .map_err(|e| Failure::Internal(e.to_string()))?,
        (None, None) => None,
    };
    Ok(match account {
        Some(acc) => Viewer {
            role: acc.role,
            name: Some(acc.name),
        },
        None => Viewer {
            role: Role::Public,
            name: None,
        },
    })
}

/// A failure to start or run the server.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// The archive could not be opened.
    #[error(transparent)]
    Archive(#[from] ArchiveError),
    /// The address could not be bound, or the runtime failed.
    #[error("{what}: {source}")]
    Io {
        /// What was being done.
        what: String,
        /// The error.
        source: std::io::Error,
    },
}

/// Opened archives, each used by one request at a time.
pub struct Pool {
    slots: Vec<Mutex<Slot>>,
    next: AtomicUsize,
}

struct Slot {
    archive: Archive,
    seen: Option<IndexStamp>,
}

impl Pool {
    /// Opens `size` handles on the archive in `dir`.
    pub fn open(dir: &Path, size: usize) -> Result<Pool, ArchiveError> {
        let mut slots = Vec::new();
        for _ in 0..size.max(1) {
            let mut archive = Archive::open(dir)?;
            let mut seen = None;
            // Reopened read-only: opening may have applied the outbox and
            // kept the index writer, which an ingest will want.
            archive.refresh_index(&mut seen)?;
            slots.push(Mutex::new(Slot { archive, seen }));
        }
        Ok(Pool {
            slots,
            next: AtomicUsize::new(0),
        })
    }

    /// Runs `f` on a free handle (waiting for one if all are busy), after
    /// letting it see the index as last committed.
    pub fn with<T>(&self, f: impl FnOnce(&Archive) -> T) -> Result<T, ArchiveError> {
        self.with_mut(|a| f(a))
    }

    /// As [`Pool::with`], for the few writes the server makes (sessions).
    pub fn with_mut<T>(&self, f: impl FnOnce(&mut Archive) -> T) -> Result<T, ArchiveError> {
        let n = self.slots.len();
        let start = self.next.fetch_add(1, Ordering::Relaxed) % n;
        let mut guard = match (0..n).find_map(|i| self.slots[(start + i) % n].try_lock().ok()) {
            Some(g) => g,
            None => self.slots[start]
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        };
        let Slot { archive, seen } = &mut *guard;
        archive.refresh_index(seen)?;
        Ok(f(archive))
    }
}

/// What the handlers share.
pub(crate) struct AppState {
    pool: Pool,
    /// One permit per handle of `pool`, handed out in arrival order: a
    /// request waits for whichever handle frees first, not behind a long
    /// search on the handle it happened to pick.
    turns: Arc<tokio::sync::Semaphore>,
    /// Failed sign-ins per account name, for throttling.
    failures: Mutex<std::collections::HashMap<String, Vec<std::time::Instant>>>,
    /// Upload jobs and their runner; the upload limits.
    jobs: jobs::Jobs,
    upload_limits: UploadLimits,
}

pub(crate) type Shared = Arc<AppState>;

/// Why a request failed, for its response.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Missing or hidden: one answer for both.
    NotFound,
    /// The archive failed (the detail goes to the server's log only).
    Internal(String),
}

impl From<ArchiveError> for Failure {
    fn from(e: ArchiveError) -> Failure {
        Failure::Internal(e.to_string())
    }
}

/// Waits, in arrival order, until an archive handle is free.
async fn take_turn(state: &Shared) -> Result<tokio::sync::OwnedSemaphorePermit, Failure> {
    state
        .turns
        .clone()
        .acquire_owned()
        .await
        .map_err(|e| Failure::Internal(format!("waiting for an archive handle: {e}")))
}

/// Runs `f` on an archive handle that may write (sessions), on a blocking
/// thread.
pub(crate) async fn blocking_mut<T: Send + 'static>(
    state: &Shared,
    f: impl FnOnce(&mut Archive) -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    let turn = take_turn(state).await?;
    let st = state.clone();
    match tokio::task::spawn_blocking(move || {
        let _turn = turn;
        st.pool.with_mut(f)
    })
    .await
    {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => Err(Failure::from(e)),
        Err(e) => Err(Failure::Internal(format!("request task failed: {e}"))),
    }
}

/// Runs `f` on an archive handle on a blocking thread.
pub(crate) async fn blocking<T: Send + 'static>(
    state: &Shared,
    f: impl FnOnce(&Archive) -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    blocking_mut(state, move |a| f(a)).await
}

#[derive(Template)]
#[template(path = "web/message.html")]
struct MessagePage {
    m: Msg,
    title: &'static str,
    body: &'static str,
    switch_href: String,
    who: String,
    curates: bool,
}

/// The HTML answer to a failure; a missing and a hidden testimony get the
/// same bytes.
pub(crate) fn failure_page(f: Failure, lang: UiLang) -> Response {
    let m = Msg { lang };
    let (status, title, body) = match f {
        Failure::NotFound => (
            StatusCode::NOT_FOUND,
            m.get("not_found_title"),
            m.get("not_found_body"),
        ),
        Failure::Internal(detail) => {
            eprintln!("tanu serve: {detail}");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                m.get("error_title"),
                m.get("error_body"),
            )
        }
    };
    let page = MessagePage {
        m,
        title,
        body,
        switch_href: format!("/?hl={}", lang.other().code()),
        who: String::new(),
        curates: false,
    };
    (status, render(&page)).into_response()
}

/// Renders a template as an HTML response.
pub(crate) fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(body) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response(),
        Err(e) => {
            eprintln!("tanu serve: rendering failed: {e}");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

/// Adds the cookie remembering the interface language when the request
/// chose it with `hl`.
pub(crate) fn remember_lang(mut resp: Response, hl: Option<&str>) -> Response {
    if let Some(l) = hl.and_then(UiLang::parse)
        && let Ok(v) = HeaderValue::from_str(&format!(
            "{}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            i18n::COOKIE,
            l.code()
        ))
    {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

async fn not_found(headers: HeaderMap) -> Response {
    failure_page(Failure::NotFound, i18n::choose(&headers, None))
}

const STYLE: &str = include_str!("../../assets/web/style.css");
const SCRIPT: &str = include_str!("../../assets/web/app.js");
const OPENAPI: &str = include_str!("../../assets/web/openapi.json");
const UPLOAD_SCRIPT: &str = include_str!("../../assets/web/upload.js");
const JOBS_SCRIPT: &str = include_str!("../../assets/web/jobs.js");

fn js(body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

async fn style() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLE,
    )
        .into_response()
}

async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        SCRIPT,
    )
        .into_response()
}

/// The Content-Security-Policy of every response: nothing from elsewhere,
/// no inline script or style.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; media-src 'self'; object-src 'none'; base-uri 'none'; \
    form-action 'self'; frame-ancestors 'none'";

/// The application: every route with its security headers.
pub(crate) fn router(state: Shared) -> Router {
    // Curation: upload and ingest jobs, duplicates and merge (archivists
    // only; everyone else gets the 404 of an unknown page). The upload's
    // body limit is the total upload limit, on that route only.
    let body_limit = usize::try_from(
        state
            .upload_limits
            .total
            .saturating_add(upload::MULTIPART_SLACK),
    )
    .unwrap_or(usize::MAX);
    let curation = Router::new()
        .route(
            "/curate/upload",
            get(upload::form)
                .post(upload::post)
                .layer(axum::extract::DefaultBodyLimit::max(body_limit)),
        )
        .route("/curate/jobs", get(jobs::list))
        .route("/curate/jobs/{id}", get(jobs::show))
        .route("/curate/merge", get(merge::list))
        .route("/curate/merge/{a}/{b}", get(merge::pair).post(merge::merge))
        .route("/static/upload.js", get(|| async { js(UPLOAD_SCRIPT) }))
        .route("/static/jobs.js", get(|| async { js(JOBS_SCRIPT) }));
    Router::new()
        .merge(curation)
        .route("/", get(search::page))
        .route("/search", get(search::page))
        .route("/browse/{facet}", get(browse::page))
        .route("/login", get(auth::login_form).post(auth::login))
        .route("/logout", get(auth::logout_form).post(auth::logout))
        .route("/t/{id}", get(reader::page))
        .route("/media/{id}", get(reader::media))
        .route("/api/v1/search", get(api::search))
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/testimonies", get(api::list))
        .route("/api/v1/testimonies/{id}", get(api::testimony))
        .route("/api/v1/facets/{facet}", get(api::facets))
        .route(
            "/api/v1/testimonies/{id}/export/{format}",
            get(api::export_one),
        )
        .route("/api/v1/export/{format}", get(api::export_all))
        // OAI-PMH and the map (web: oai, map.rs).
        .route("/oai", get(oai::get).post(oai::post))
        .route("/map", get(map::page))
        .route("/static/map-outline.svg", get(map::outline))
        .route("/static/map-inset.svg", get(map::inset_outline))
        .route("/static/style.css", get(style))
        .route("/static/app.js", get(script))
        // Curation in the browser (issue 12): `/curate/…`, archivists only.
        .merge(curate::routes())
        .fallback(not_found)
        .with_state(state)
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
}

/// Serves the archive in `dir` on `listen` (`127.0.0.1:8080`) until
/// Ctrl-C; `ready` is called with the bound address once it accepts
/// connections (port 0 picks a free port).
pub fn serve(dir: &Path, listen: &str, ready: impl FnOnce(SocketAddr)) -> Result<(), WebError> {
    serve_with(dir, listen, UploadLimits::default(), ready)
}

/// As [`serve`], with the upload limits.
pub fn serve_with(
    dir: &Path,
    listen: &str,
    upload_limits: UploadLimits,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), WebError> {
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 4);
    let pool = Pool::open(dir, workers)?;
    // Uploads are staged under the archive's absolute path, which the
    // testimonies then name as their source.
    let abs = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let jobs = jobs::Jobs::start(&abs).map_err(|e| WebError::Io {
        what: "starting the upload jobs".into(),
        source: std::io::Error::other(e.to_string()),
    })?;
    let state = Arc::new(AppState {
        turns: Arc::new(tokio::sync::Semaphore::new(pool.slots.len())),
        pool,
        failures: Mutex::new(std::collections::HashMap::new()),
        jobs,
        upload_limits,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(workers * 2)
        // As much stack as a CLI's main thread: searching recurses on the
        // query (bounded by the parser, see `search::query::MAX_NESTING`).
        .thread_stack_size(8 * 1024 * 1024)
        .enable_all()
        .build()
        .map_err(|source| WebError::Io {
            what: "starting the server".into(),
            source,
        })?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .map_err(|source| WebError::Io {
                what: format!("cannot listen on {listen}"),
                source,
            })?;
        let addr = listener.local_addr().map_err(|source| WebError::Io {
            what: format!("cannot listen on {listen}"),
            source,
        })?;
        ready(addr);
        axum::serve(listener, router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|source| WebError::Io {
                what: "serving".into(),
                source,
            })
    })
}
