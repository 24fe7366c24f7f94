//! The guard of the archivist-only screens of upload, jobs and merge:
//! the signed-in archivist (anyone else gets the 404 of an unknown page)
//! and the CSRF token of their forms.

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;

use crate::access::Role;

use super::auth::{CSRF_COOKIE, new_token};
use super::i18n::{self, UiLang};
use super::{Creds, Failure, Shared, blocking, cookie, failure_page, viewer};

/// The interface language of a curation page (`?hl=`).
#[derive(Debug, Default, serde::Deserialize)]
pub struct LangParam {
    /// `hu` or `en`.
    #[serde(default)]
    pub hl: String,
}

/// The signed-in archivist's name, or the 404 of an unknown page.
pub(super) async fn archivist(state: &Shared, headers: &HeaderMap) -> Result<String, Failure> {
    let creds = Creds::from_headers(headers, false);
    let v = blocking(state, move |a| viewer(a, &creds)).await?;
    match (v.role, v.name) {
        (Role::Archivist, Some(name)) => Ok(name),
        _ => Err(Failure::NotFound),
    }
}

/// The start of every archivist page: its language (`hl`, when given) and
/// the signed-in archivist's name; anyone else gets the response to send,
/// the 404 exactly as for an unknown page (whose language ignores `hl`).
pub(super) async fn archivist_page(
    state: &Shared,
    headers: &HeaderMap,
    hl: Option<&str>,
) -> Result<(UiLang, String), Response> {
    let lang = i18n::choose(headers, hl);
    match archivist(state, headers).await {
        Ok(who) => Ok((lang, who)),
        Err(Failure::NotFound) => Err(failure_page(Failure::NotFound, i18n::choose(headers, None))),
        Err(f) => Err(failure_page(f, lang)),
    }
}

/// The CSRF token for a curation form: the browser's current one, or a
/// new one (then `Set-Cookie` must carry it: the second value is true).
pub(super) fn csrf_token(headers: &HeaderMap) -> Option<(String, bool)> {
    match cookie(headers, CSRF_COOKIE) {
        Some(t) if t.len() == 32 && t.bytes().all(|b| b.is_ascii_hexdigit()) => Some((t, false)),
        _ => new_token().map(|t| (t, true)),
    }
}

/// Sets the CSRF cookie on a form page when the token is new.
pub(super) fn with_csrf_cookie(mut resp: Response, token: &str, new: bool) -> Response {
    if new
        && let Ok(v) = HeaderValue::from_str(&format!(
            "{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
        ))
    {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}
