//! Signing in and out: `/login` (a form; a session cookie on success) and
//! `/logout`. Both forms carry a CSRF token that must match the `tanu_csrf`
//! cookie set with the form (and a request from another origin is
//! refused); failed sign-ins are throttled per account name. The account's
//! role then comes from the session on every request (see `viewer`).

use std::time::{Duration, Instant};

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::i18n::{self, Msg, UiLang};
use super::{
    Creds, Failure, SESSION_COOKIE, Shared, blocking, blocking_mut, cookie, failure_page,
    remember_lang, render, viewer,
};

/// The cookie holding the CSRF token of the forms.
pub(crate) const CSRF_COOKIE: &str = "tanu_csrf";
/// Failed sign-ins of one name allowed within [`WINDOW`].
const MAX_FAILURES: usize = 5;
const WINDOW: Duration = Duration::from_secs(600);

#[derive(Template)]
#[template(path = "web/login.html")]
struct LoginPage {
    m: Msg,
    switch_href: String,
    who: String,
    csrf: String,
    error: &'static str,
    logout: bool,
    curates: bool,
}

/// The sign-in form's fields.
#[derive(Debug, Default, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
}

/// The interface language of a form page.
#[derive(Debug, Default, Deserialize)]
pub struct LangParam {
    #[serde(default)]
    hl: String,
}

/// The sign-out form's fields.
#[derive(Debug, Default, Deserialize)]
pub struct LogoutForm {
    #[serde(default)]
    csrf: String,
}

pub(crate) fn new_token() -> Option<String> {
    let mut buf = [0u8; 16];
    getrandom::fill(&mut buf).ok()?;
    Some(buf.iter().map(|b| format!("{b:02x}")).collect())
}

/// The CSRF token for a page's forms: the browser's current one, or a new
/// one (the second value is true: [`with_csrf_cookie`] must set it).
/// `None` without randomness.
pub(crate) fn csrf_token(headers: &HeaderMap) -> Option<(String, bool)> {
    match cookie(headers, CSRF_COOKIE) {
        Some(t) if t.len() == 32 && t.bytes().all(|b| b.is_ascii_hexdigit()) => Some((t, false)),
        _ => new_token().map(|t| (t, true)),
    }
}

/// Sets the CSRF cookie on a form page when its token is new.
pub(crate) fn with_csrf_cookie(mut resp: Response, token: &str, fresh: bool) -> Response {
    if fresh
        && let Ok(v) = HeaderValue::from_str(&format!(
            "{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
        ))
    {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

/// A form page with a fresh CSRF token in the page and its cookie.
fn form_page(
    lang: UiLang,
    who: String,
    error: &'static str,
    logout: bool,
    status: StatusCode,
) -> Response {
    let Some(csrf) = new_token() else {
        return failure_page(Failure::Internal("no randomness".into()), lang);
    };
    let page = LoginPage {
        m: Msg { lang },
        switch_href: format!(
            "/{}?hl={}",
            if logout { "logout" } else { "login" },
            lang.other().code()
        ),
        who,
        csrf: csrf.clone(),
        error,
        logout,
        curates: false,
    };
    let mut resp = render(&page);
    *resp.status_mut() = status;
    with_csrf_cookie(resp, &csrf, true)
}

/// Whether a form post is genuine: its token matches the cookie, and it
/// comes from this site (when the browser says where from).
pub(crate) fn genuine(headers: &HeaderMap, token: &str) -> bool {
    let same_token = cookie(headers, CSRF_COOKIE).is_some_and(|c| !token.is_empty() && c == token);
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let same_origin = match headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) {
        None => true,
        Some(origin) => host.is_some_and(|h| {
            origin
                .split_once("://")
                .is_some_and(|(_, rest)| rest.trim_end_matches('/') == h)
        }),
    };
    same_token && same_origin
}

/// Whether the request reached a TLS-terminating proxy in front of tanu
/// (which says so in `X-Forwarded-Proto`): the session cookie is then
/// `Secure`.
pub(crate) fn behind_tls(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"))
}

pub(crate) fn refused(lang: UiLang) -> Response {
    let m = Msg { lang };
    (
        StatusCode::FORBIDDEN,
        format!("{}: {}", m.get("forbidden_title"), m.get("forbidden_body")),
    )
        .into_response()
}

/// `GET /login`.
pub async fn login_form(headers: HeaderMap, Query(p): Query<LangParam>) -> Response {
    let lang = i18n::choose(&headers, Some(&p.hl));
    let resp = form_page(lang, String::new(), "", false, StatusCode::OK);
    remember_lang(resp, Some(&p.hl))
}

/// `POST /login`.
pub async fn login(
    State(state): State<Shared>,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> Response {
    let lang = i18n::choose(&headers, None);
    if !genuine(&headers, &f.csrf) {
        return refused(lang);
    }
    let key = f.name.trim().to_lowercase();
    {
        let mut failures = state
            .failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let list = failures.entry(key.clone()).or_default();
        list.retain(|t| t.elapsed() < WINDOW);
        if list.len() >= MAX_FAILURES {
            return form_page(
                lang,
                String::new(),
                Msg { lang }.get("login_throttled"),
                false,
                StatusCode::TOO_MANY_REQUESTS,
            );
        }
    }
    let (name, password) = (f.name.trim().to_string(), f.password);
    let result = blocking_mut(&state, move |a| {
        let account = a
            .authenticate(&name, &password)
            .map_err(|e| Failure::Internal(e.to_string()))?;
        match account {
            Some(acc) => Ok(Some(
                a.create_session(&acc)
                    .map_err(|e| Failure::Internal(e.to_string()))?,
            )),
            None => Ok(None),
        }
    })
    .await;
    match result {
        Ok(Some(token)) => {
            if let Ok(mut failures) = state.failures.lock() {
                failures.remove(&key);
            }
            let mut resp = (StatusCode::SEE_OTHER, [(header::LOCATION, "/")]).into_response();
            if let Ok(v) = HeaderValue::from_str(&format!(
                "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{}",
                if behind_tls(&headers) { "; Secure" } else { "" }
            )) {
                resp.headers_mut().append(header::SET_COOKIE, v);
            }
            resp
        }
        Ok(None) => {
            if let Ok(mut failures) = state.failures.lock() {
                failures.entry(key).or_default().push(Instant::now());
            }
            form_page(
                lang,
                String::new(),
                Msg { lang }.get("login_failed"),
                false,
                StatusCode::UNAUTHORIZED,
            )
        }
        Err(f) => failure_page(f, lang),
    }
}

/// `GET /logout`: the sign-out form.
pub async fn logout_form(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(p): Query<LangParam>,
) -> Response {
    let lang = i18n::choose(&headers, Some(&p.hl));
    let creds = Creds::from_headers(&headers, false);
    let who = blocking(&state, move |a| {
        Ok(viewer(a, &creds)?.name.unwrap_or_default())
    })
    .await
    .unwrap_or_default();
    let resp = form_page(lang, who, "", true, StatusCode::OK);
    remember_lang(resp, Some(&p.hl))
}

/// `POST /logout`.
pub async fn logout(
    State(state): State<Shared>,
    headers: HeaderMap,
    Form(f): Form<LogoutForm>,
) -> Response {
    let lang = i18n::choose(&headers, None);
    if !genuine(&headers, &f.csrf) {
        return refused(lang);
    }
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        let ended = blocking_mut(&state, move |a| {
            a.end_session(&token)
                .map_err(|e| Failure::Internal(e.to_string()))
        })
        .await;
        if let Err(f) = ended {
            return failure_page(f, lang);
        }
    }
    let mut resp = (StatusCode::SEE_OTHER, [(header::LOCATION, "/")]).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
    )) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}
