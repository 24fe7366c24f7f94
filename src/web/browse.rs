//! Browsing by facet: `/browse/{wave|region|transit}` lists every value
//! with the number of testimonies the viewer may see (the region tree with
//! its places), each linking to its filtered search.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use crate::vocab::Facet;

use super::html::query_string;
use super::i18n::{self, Msg};
use super::search::facet_label;
use super::{Creds, Failure, Shared, blocking, failure_page, remember_lang, render, viewer};

/// The browse page's parameters.
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    /// Interface language.
    #[serde(default)]
    pub hl: String,
}

struct Entry {
    label: String,
    count: usize,
    href: String,
    depth: usize,
}

#[derive(Template)]
#[template(path = "web/browse.html")]
struct BrowsePage {
    m: Msg,
    switch_href: String,
    title: &'static str,
    entries: Vec<Entry>,
    who: String,
    curates: bool,
}

/// `GET /browse/{facet}`.
pub async fn page(
    State(state): State<Shared>,
    Path(name): Path<String>,
    headers: HeaderMap,
    Query(p): Query<Params>,
) -> Response {
    let lang = i18n::choose(&headers, Some(&p.hl));
    let m = Msg { lang };
    let found = match name.as_str() {
        "wave" => Some((Facet::Wave, "wave", "facet_wave")),
        "region" => Some((Facet::Region, "region", "facet_region")),
        "transit" => Some((Facet::TransitCamp, "transit", "facet_transit_camp")),
        _ => None,
    };
    let Some((facet, param, title)) = found else {
        return failure_page(Failure::NotFound, lang);
    };
    let creds = Creds::from_headers(&headers, false);
    let result = blocking(&state, move |a| {
        let v = viewer(a, &creds)?;
        Ok((
            a.facet_values(facet, v.role, false)?,
            (
                v.name.unwrap_or_default(),
                v.role == crate::access::Role::Archivist,
            ),
        ))
    })
    .await;
    let resp = match result {
        Ok((values, (who, curates))) => render(&BrowsePage {
            m,
            who,
            curates,
            switch_href: format!("/browse/{name}?hl={}", lang.other().code()),
            title: m.get(title),
            entries: values
                .into_iter()
                .filter(|v| v.count > 0)
                .map(|v| Entry {
                    label: facet_label(&v, lang),
                    count: v.count,
                    href: format!("/search{}", query_string(&[(param, v.id.as_str())])),
                    depth: v.depth.min(4),
                })
                .collect(),
        }),
        Err(f) => failure_page(f, lang),
    };
    remember_lang(resp, Some(&p.hl))
}
