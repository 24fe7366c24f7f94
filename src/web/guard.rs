//! The guard of the archivist-only screens of upload, jobs and merge: the
//! signed-in archivist; anyone else gets the 404 of an unknown page. Their
//! forms' CSRF tokens come from [`super::auth`], as every form's do.

use axum::http::HeaderMap;
use axum::response::Response;

use crate::access::Role;

use super::i18n::{self, UiLang};
use super::{Creds, Failure, Shared, blocking, failure_page, viewer};

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
