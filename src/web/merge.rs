//! Duplicates and merge for archivists: `/curate/merge` lists likely
//! duplicates ([`Archive::duplicates`]: same original, same title and
//! narrator, or nearly the same text), `/curate/merge/{a}/{b}` shows the
//! two side by side (catalogue records and opening passages, differences
//! marked) with the merge form, and a POST there merges as `tanu merge`
//! does ([`Archive::merge`], as the signed-in archivist, with a reason).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::Archive;
use crate::access::Role;
use crate::curate::Curator;
use crate::duplicates::{DiffPiece, diff_words};
use crate::store::TestimonyRow;

use super::auth::{csrf_token, with_csrf_cookie};
use super::auth::{genuine, refused};
use super::guard::{LangParam, archivist_page};
use super::html::{path_segment, query_string};
use super::i18n::{Msg, UiLang};
use super::{Failure, Shared, blocking, blocking_mut, failure_page, remember_lang, render};

/// Words of each opening passage compared.
const OPENING_WORDS: usize = 300;

/// The list's parameters (`merged`/`into` after a merge).
#[derive(Debug, Default, Deserialize)]
pub struct ListParams {
    #[serde(default)]
    hl: String,
    #[serde(default)]
    merged: String,
    #[serde(default)]
    into: String,
}

struct PairRow {
    a: String,
    b: String,
    a_title: String,
    b_title: String,
    href: String,
    reasons: Vec<String>,
    similarity: String,
}

#[derive(Template)]
#[template(path = "web/merge.html")]
struct ListPage {
    curates: bool,
    m: Msg,
    switch_href: String,
    who: String,
    pairs: Vec<PairRow>,
    notice: String,
}

/// `GET /curate/merge`.
pub async fn list(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(p): Query<ListParams>,
) -> Response {
    let (lang, who) = match archivist_page(&state, &headers, Some(&p.hl)).await {
        Ok(page) => page,
        Err(resp) => return resp,
    };
    let m = Msg { lang };
    let found = blocking(&state, |a| Ok(a.duplicates()?)).await;
    let dups = match found {
        Ok(d) => d,
        Err(f) => return failure_page(f, lang),
    };
    let pairs = dups
        .into_iter()
        .map(|d| {
            let mut reasons = Vec::new();
            if d.same_original.is_some() {
                reasons.push(m.get("dup_same_original").to_string());
            }
            if d.same_title_narrator {
                reasons.push(m.get("dup_same_title_narrator").to_string());
            }
            if d.similarity >= crate::duplicates::TEXT_THRESHOLD {
                reasons.push(m.get("dup_similar_text").to_string());
            }
            PairRow {
                href: format!(
                    "/curate/merge/{}/{}",
                    path_segment(&d.a),
                    path_segment(&d.b)
                ),
                similarity: format!("{:.0}%", d.similarity * 100.0),
                a_title: d.titles.0,
                b_title: d.titles.1,
                a: d.a,
                b: d.b,
                reasons,
            }
        })
        .collect();
    let notice = if p.merged.is_empty() || p.into.is_empty() {
        String::new()
    } else {
        m.fill(
            "merge_done",
            &[("drop", p.merged.clone()), ("keep", p.into.clone())],
        )
    };
    let resp = render(&ListPage {
        curates: true,
        m,
        switch_href: format!("/curate/merge?hl={}", lang.other().code()),
        who,
        pairs,
        notice,
    });
    remember_lang(resp, Some(&p.hl))
}

struct FieldRow {
    label: &'static str,
    a: String,
    b: String,
    differs: bool,
}

struct Side {
    id: String,
    title: String,
    href: String,
    opening: Vec<DiffPiece>,
    merged_into: String,
}

#[derive(Template)]
#[template(path = "web/merge_pair.html")]
struct PairPage {
    curates: bool,
    m: Msg,
    switch_href: String,
    who: String,
    csrf: String,
    action: String,
    a: Side,
    b: Side,
    fields: Vec<FieldRow>,
    error: String,
    reason: String,
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn fields(m: Msg, a: &TestimonyRow, b: &TestimonyRow, tags: (String, String)) -> Vec<FieldRow> {
    let segs = |t: &TestimonyRow| t.revision.to_string();
    let rows: Vec<(&'static str, String, String)> = vec![
        ("mergef_title", a.title.clone(), b.title.clone()),
        ("mergef_narrator", opt(&a.narrator), opt(&b.narrator)),
        (
            "mergef_birth_year",
            opt(&a.narrator_birth_year),
            opt(&b.narrator_birth_year),
        ),
        (
            "mergef_birthplace",
            opt(&a.narrator_birthplace),
            opt(&b.narrator_birthplace),
        ),
        (
            "mergef_interviewer",
            opt(&a.interviewer),
            opt(&b.interviewer),
        ),
        ("mergef_recorded", opt(&a.recorded), opt(&b.recorded)),
        (
            "mergef_recording_place",
            opt(&a.recording_place),
            opt(&b.recording_place),
        ),
        (
            "mergef_languages",
            a.languages.join(", "),
            b.languages.join(", "),
        ),
        (
            "mergef_keywords",
            a.keywords.join(", "),
            b.keywords.join(", "),
        ),
        ("mergef_tags", tags.0, tags.1),
        (
            "mergef_access",
            a.access.name().to_string(),
            b.access.name().to_string(),
        ),
        ("mergef_status", a.status.clone(), b.status.clone()),
        ("mergef_format", a.format.clone(), b.format.clone()),
        (
            "mergef_source_path",
            a.source_path.clone(),
            b.source_path.clone(),
        ),
        ("mergef_sha256", a.sha256.clone(), b.sha256.clone()),
        ("mergef_revision", segs(a), segs(b)),
    ];
    rows.into_iter()
        .map(|(k, x, y)| FieldRow {
            label: m.get(k),
            differs: x != y,
            a: x,
            b: y,
        })
        .collect()
}

/// Both records for the side-by-side view (`None` when either is missing).
type Pair = Option<(crate::TestimonyView, crate::TestimonyView)>;

fn load_pair(ar: &Archive, a: &str, b: &str) -> Result<Pair, Failure> {
    let x = ar.show(a, Role::Archivist)?;
    let y = ar.show(b, Role::Archivist)?;
    Ok(x.zip(y))
}

fn opening(v: &crate::TestimonyView) -> String {
    let mut out = String::new();
    let mut words = 0;
    for s in &v.segments {
        if words >= OPENING_WORDS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s.text);
        words += s.text.split_whitespace().count();
    }
    out
}

fn tag_list(v: &crate::TestimonyView) -> String {
    let mut t: Vec<String> = v
        .tags
        .iter()
        .filter(|t| t.status != "rejected")
        .map(|t| format!("{}:{}", t.facet, t.value))
        .collect();
    t.sort();
    t.join(", ")
}

#[allow(clippy::too_many_arguments)]
fn pair_page(
    lang: UiLang,
    who: String,
    headers: &HeaderMap,
    x: &crate::TestimonyView,
    y: &crate::TestimonyView,
    error: String,
    reason: String,
    status: StatusCode,
) -> Response {
    let m = Msg { lang };
    let Some(csrf) = csrf_token(headers) else {
        return failure_page(Failure::Internal("no randomness".into()), lang);
    };
    let (oa, ob) = diff_words(&opening(x), &opening(y), OPENING_WORDS + 50);
    let side = |v: &crate::TestimonyView, opening| Side {
        id: v.testimony.id.clone(),
        title: v.testimony.title.clone(),
        href: format!("/t/{}", path_segment(&v.testimony.id)),
        opening,
        merged_into: v.testimony.merged_into.clone().unwrap_or_default(),
    };
    let action = format!(
        "/curate/merge/{}/{}",
        path_segment(&x.testimony.id),
        path_segment(&y.testimony.id)
    );
    let page = PairPage {
        curates: true,
        m,
        switch_href: format!("{action}{}", query_string(&[("hl", lang.other().code())])),
        who,
        csrf: csrf.0.clone(),
        fields: fields(m, &x.testimony, &y.testimony, (tag_list(x), tag_list(y))),
        a: side(x, oa),
        b: side(y, ob),
        action,
        error,
        reason,
    };
    let mut resp = with_csrf_cookie(render(&page), &csrf.0, csrf.1);
    *resp.status_mut() = status;
    resp
}

/// `GET /curate/merge/{a}/{b}`.
pub async fn pair(
    State(state): State<Shared>,
    Path((a, b)): Path<(String, String)>,
    headers: HeaderMap,
    Query(p): Query<LangParam>,
) -> Response {
    let (lang, who) = match archivist_page(&state, &headers, Some(&p.hl)).await {
        Ok(page) => page,
        Err(resp) => return resp,
    };
    let loaded = blocking(&state, move |ar| load_pair(ar, &a, &b)).await;
    let resp = match loaded {
        Ok(Some((x, y))) => pair_page(
            lang,
            who,
            &headers,
            &x,
            &y,
            String::new(),
            String::new(),
            StatusCode::OK,
        ),
        Ok(None) => failure_page(Failure::NotFound, lang),
        Err(f) => failure_page(f, lang),
    };
    remember_lang(resp, Some(&p.hl))
}

/// The merge form's fields.
#[derive(Debug, Default, Deserialize)]
pub struct MergeForm {
    #[serde(default)]
    csrf: String,
    /// `a` or `b`: the record that stays.
    #[serde(default)]
    keep: String,
    #[serde(default)]
    reason: String,
}

/// `POST /curate/merge/{a}/{b}`: merges the other record into the one
/// kept, as the signed-in archivist.
pub async fn merge(
    State(state): State<Shared>,
    Path((a, b)): Path<(String, String)>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let (lang, who) = match archivist_page(&state, &headers, None).await {
        Ok(page) => page,
        Err(resp) => return resp,
    };
    let m = Msg { lang };
    // Read only after the check, so that anyone else gets the 404 whatever
    // they send.
    let f: MergeForm = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    if !genuine(&headers, &f.csrf) {
        return refused(lang);
    }
    let (keep, drop) = match f.keep.as_str() {
        "a" => (a.clone(), b.clone()),
        "b" => (b.clone(), a.clone()),
        _ => (String::new(), String::new()),
    };
    let reason = f.reason.trim().to_string();
    let problem = if keep.is_empty() {
        Some(m.get("merge_choose").to_string())
    } else if reason.is_empty() {
        Some(m.get("merge_reason_needed").to_string())
    } else {
        None
    };
    let name = who.clone();
    let (k, d, r) = (keep.clone(), drop.clone(), reason.clone());
    let result = blocking_mut(&state, move |ar| {
        let Some(shown) = load_pair(ar, &a, &b)? else {
            return Err(Failure::NotFound);
        };
        if problem.is_some() {
            return Ok((problem, Some(shown)));
        }
        let curator = Curator::new(Some(&name), Role::Archivist)
            .map_err(|e| Failure::Internal(e.to_string()))?;
        match ar.merge(&curator, &k, &d, &r) {
            Ok(_) => Ok((None, None)),
            // Shown again as they now stand.
            Err(e) => Ok((Some(e.to_string()), load_pair(ar, &a, &b)?)),
        }
    })
    .await;
    match result {
        Ok((None, _)) => (
            StatusCode::SEE_OTHER,
            [(
                header::LOCATION,
                format!(
                    "/curate/merge{}",
                    query_string(&[("merged", drop.as_str()), ("into", keep.as_str())])
                ),
            )],
        )
            .into_response(),
        Ok((Some(error), Some((x, y)))) => pair_page(
            lang,
            who,
            &headers,
            &x,
            &y,
            error,
            reason,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Ok((Some(_), None)) => failure_page(Failure::NotFound, lang),
        Err(f) => failure_page(f, lang),
    }
}
