//! Curation in the browser, under `/curate/…`, for archivists only: the
//! review queue (`/curate/review`, with bulk decisions shown before they
//! are made), a testimony's record and transcript (`/curate/t/{id}`: edit,
//! correct, redact, lift, status, access), its history
//! (`/curate/t/{id}/history`) and the audit log (`/curate/audit`).
//!
//! Every other viewer gets exactly the page of an unknown URL, for every
//! method. Every change is a POST carrying the CSRF token, made through the
//! same [`Archive`] methods as the CLI as the signed-in archivist (the
//! curator's name is the account's, never a form field). Forms on a
//! testimony carry its change stamp ([`Archive::change_stamp`]); a write
//! made on an older state is refused inside its transaction and the page
//! shows what changed since, with the archivist's input kept.
//!
//! Forms are read from the raw body and query (not with extractors), so
//! that a malformed request from a non-archivist still gets the 404.

use std::collections::{BTreeSet, HashMap};

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::auth::{csrf_token, genuine, refused, with_csrf_cookie};
use super::html::{escape, path_segment, query_string, timecode};
use super::i18n::{self, Msg, UiLang};
use super::search::vocab_label;
use super::{
    Creds, Failure, Shared, blocking, blocking_mut, diff, failure_page, remember_lang, render,
    viewer,
};
use crate::Archive;
use crate::access::Role;
use crate::curate::{CurateError, Curator, RedactTarget, field_value};
use crate::store::{AuditEntry, ReviewItem, STATUSES, StoreError, TagDecision};

/// The curation routes (merged into the application's router). A method a
/// route does not take answers like an unknown page.
pub(crate) fn routes() -> Router<Shared> {
    Router::new()
        .route("/curate", get(index).fallback(not_found))
        .route("/curate/review", get(review).fallback(not_found))
        .route("/curate/review/decide", post(decide).fallback(not_found))
        .route("/curate/review/add", post(add_tag).fallback(not_found))
        .route(
            "/curate/review/bulk",
            get(bulk_preview).post(bulk_apply).fallback(not_found),
        )
        .route("/curate/t/{id}", get(record).fallback(not_found))
        .route("/curate/t/{id}/history", get(history).fallback(not_found))
        .route(
            "/curate/t/{id}/{action}",
            post(record_post).fallback(not_found),
        )
        .route("/curate/audit", get(audit).fallback(not_found))
        .route("/static/curate.js", get(script))
        .route("/static/curate.css", get(style))
}

const SCRIPT: &str = include_str!("../../assets/web/curate.js");
const STYLE: &str = include_str!("../../assets/web/curate.css");

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

async fn not_found(headers: HeaderMap) -> Response {
    failure_page(Failure::NotFound, i18n::choose(&headers, None))
}

// ---------------------------------------------------------------------------
// Requests: fields, the archivist, the CSRF token.

/// Form or query fields in order (a name may repeat).
#[derive(Debug, Clone, Default)]
pub(super) struct Fields(Vec<(String, String)>);

impl Fields {
    pub(super) fn parse(s: &str) -> Fields {
        Fields(serde_urlencoded::from_str::<Vec<(String, String)>>(s).unwrap_or_default())
    }

    pub(super) fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    pub(super) fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub(super) fn int(&self, name: &str) -> Option<i64> {
        self.get(name).trim().parse().ok()
    }
}

/// What every curation handler needs from its request.
struct Ask {
    /// The page's language (`hl`, cookie, Accept-Language).
    lang: UiLang,
    /// The language of the 404 (as for an unknown page: no `hl`).
    nf_lang: UiLang,
    creds: Creds,
    /// The CSRF token for the page's forms, and whether it is new (then
    /// it is set as a cookie).
    csrf: String,
    fresh: bool,
    hl: String,
}

impl Ask {
    fn new(headers: &HeaderMap, hl: &str) -> Ask {
        // Without randomness the page has no token: its forms are refused.
        let (csrf, fresh) = csrf_token(headers).unwrap_or_default();
        Ask {
            lang: i18n::choose(headers, Some(hl)),
            nf_lang: i18n::choose(headers, None),
            creds: Creds::from_headers(headers, false),
            csrf,
            fresh,
            hl: hl.to_string(),
        }
    }

    /// The response: a failure as its page (a refused viewer's 404 exactly
    /// as for an unknown URL), a page with the CSRF cookie when new.
    fn finish(&self, r: Result<Response, Failure>) -> Response {
        match r {
            Ok(resp) => remember_lang(
                with_csrf_cookie(resp, &self.csrf, self.fresh),
                Some(&self.hl),
            ),
            Err(Failure::NotFound) => failure_page(Failure::NotFound, self.nf_lang),
            Err(f) => failure_page(f, self.lang),
        }
    }
}

/// The signed-in archivist as a curator; anyone else is not found.
pub(super) fn desk(a: &Archive, creds: &Creds) -> Result<Curator, Failure> {
    let v = viewer(a, creds)?;
    if v.role != Role::Archivist {
        return Err(Failure::NotFound);
    }
    Curator::new(v.name.as_deref(), v.role).map_err(|_| Failure::NotFound)
}

/// The archivist a curation page is made for.
pub(super) struct Desk {
    pub(super) cur: Curator,
    pub(super) lang: UiLang,
    /// The CSRF token for the page's forms.
    pub(super) csrf: String,
}

impl Desk {
    pub(super) fn m(&self) -> Msg {
        Msg { lang: self.lang }
    }

    /// The name in the page's header.
    pub(super) fn who(&self) -> String {
        self.cur.name().to_string()
    }
}

/// A curation page (`GET`): `make` gets the archive, the archivist and
/// the query's fields (`hl` chooses the language); anyone but an
/// archivist gets the 404 of an unknown page.
pub(super) async fn page(
    state: Shared,
    headers: HeaderMap,
    query: Option<String>,
    make: impl FnOnce(&Archive, Desk, Fields) -> Result<Response, Failure> + Send + 'static,
) -> Response {
    let f = Fields::parse(query.as_deref().unwrap_or(""));
    let ask = Ask::new(&headers, f.get("hl"));
    let (lang, creds, csrf) = (ask.lang, ask.creds.clone(), ask.csrf.clone());
    let r = blocking(&state, move |a| {
        let d = Desk {
            cur: desk(a, &creds)?,
            lang,
            csrf,
        };
        make(a, d, f)
    })
    .await;
    ask.finish(r)
}

/// A curation change (`POST`): as [`page`] with the form's fields, and a
/// form without the CSRF token is refused (after the archivist check, so
/// anyone else still gets the 404).
pub(super) async fn change(
    state: Shared,
    headers: HeaderMap,
    body: String,
    make: impl FnOnce(&mut Archive, Desk, Fields) -> Result<Response, Failure> + Send + 'static,
) -> Response {
    let f = Fields::parse(&body);
    let ask = Ask::new(&headers, "");
    let ok = genuine(&headers, f.get("csrf"));
    let (lang, creds, csrf) = (ask.lang, ask.creds.clone(), ask.csrf.clone());
    let r = blocking_mut(&state, move |a| {
        let d = Desk {
            cur: desk(a, &creds)?,
            lang,
            csrf,
        };
        if !ok {
            return Ok(refused(lang));
        }
        make(a, d, f)
    })
    .await;
    ask.finish(r)
}

fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response()
}

fn with_status(mut resp: Response, status: StatusCode) -> Response {
    *resp.status_mut() = status;
    resp
}

fn internal(e: impl std::fmt::Display) -> Failure {
    Failure::Internal(e.to_string())
}

/// A library error as a failure of the request (a missing testimony is
/// not found; refusals are shown on the page by the callers).
fn curate_failure(e: CurateError) -> Failure {
    match e {
        CurateError::Store(StoreError::NotFound(_)) => Failure::NotFound,
        other => internal(other),
    }
}

/// The same page (`href`, with its query) in the other language.
fn switch(lang: UiLang, href: &str) -> String {
    let sep = if href.contains('?') { '&' } else { '?' };
    format!("{href}{sep}hl={}", lang.other().code())
}

/// A short stable anchor for a review item.
fn anchor(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("i{h:016x}")
}

/// `2026-12-06T16:03:26Z` as `2026-12-06 16:03`.
fn when(at: &str) -> String {
    let s = at.replacen('T', " ", 1);
    s.chars().take(16).collect()
}

fn facet_label(m: Msg, facet: &str) -> &'static str {
    m.get(match facet {
        "wave" => "wave",
        "transit_camp" => "transit_camp",
        "place" => "place",
        _ => "region",
    })
}

/// A testimony's curation URL.
fn record_href(id: &str) -> String {
    format!("/curate/t/{}", path_segment(id))
}

/// A passage in the reader, at its time when it has one.
fn passage_href(id: &str, ordinal: i64) -> String {
    format!(
        "/t/{}{}#p{ordinal}",
        path_segment(id),
        query_string(&[("p", &ordinal.to_string())])
    )
}

// ---------------------------------------------------------------------------
// Changes (audit entries) as people read them.

/// One recorded change: who, when, what, why.
struct Change {
    seq: i64,
    at: String,
    actor: String,
    op: String,
    target: String,
    href: String,
    details: Vec<String>,
    /// For a correction: the passage's text before and after, as a word
    /// diff (HTML, escaped).
    diff: String,
    reason: String,
}

fn short(v: &serde_json::Value) -> String {
    let s = match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "—".to_string(),
        other => other.to_string(),
    };
    if s.chars().count() > 140 {
        format!("{}…", s.chars().take(140).collect::<String>())
    } else {
        s
    }
}

/// What an entry changed, one line per field: `field: before → after`.
fn details(before: Option<&serde_json::Value>, after: Option<&serde_json::Value>) -> Vec<String> {
    let empty = serde_json::Map::new();
    // One level of nesting is lifted (a tag decision's before has the
    // tag's state under `tag`), so each field compares with its after.
    let obj = |v: Option<&serde_json::Value>| match v {
        Some(serde_json::Value::Object(o)) => {
            let mut flat = serde_json::Map::new();
            for (k, v) in o {
                match v {
                    serde_json::Value::Object(inner) => {
                        for (ik, iv) in inner {
                            flat.entry(ik.clone()).or_insert_with(|| iv.clone());
                        }
                    }
                    other => {
                        flat.insert(k.clone(), other.clone());
                    }
                }
            }
            Some(flat)
        }
        _ => None,
    };
    let (b, a) = (obj(before), obj(after));
    if b.is_none() && a.is_none() {
        return after.map(|v| vec![short(v)]).unwrap_or_default();
    }
    let (b, a) = (b.unwrap_or_else(|| empty.clone()), a.unwrap_or(empty));
    let keys: BTreeSet<&String> = b.keys().chain(a.keys()).collect();
    let mut out = Vec::new();
    for k in keys {
        match (b.get(k), a.get(k)) {
            (Some(x), Some(y)) if x == y => out.push(format!("{k}: {}", short(y))),
            (Some(x), Some(y)) => out.push(format!("{k}: {} → {}", short(x), short(y))),
            (None, Some(y)) => out.push(format!("{k}: {}", short(y))),
            (Some(x), None) => out.push(format!("{k}: {}", short(x))),
            (None, None) => {}
        }
    }
    out
}

fn change_view(e: &AuditEntry) -> Change {
    let testimony = !e.target.contains(':');
    let text = |v: &Option<serde_json::Value>| {
        v.as_ref()
            .and_then(|v| v.get("text"))
            .and_then(|t| t.as_str())
            .map(str::to_string)
    };
    let (diff, details) = match (text(&e.before), text(&e.after)) {
        (Some(old), Some(new)) => {
            let strip = |v: &Option<serde_json::Value>| {
                v.as_ref().map(|v| {
                    let mut v = v.clone();
                    if let Some(o) = v.as_object_mut() {
                        o.remove("text");
                    }
                    v
                })
            };
            (
                diff::html(&old, &new),
                details(strip(&e.before).as_ref(), strip(&e.after).as_ref()),
            )
        }
        _ => (String::new(), details(e.before.as_ref(), e.after.as_ref())),
    };
    Change {
        diff,
        seq: e.seq,
        at: when(&e.at),
        actor: e.actor.clone(),
        op: e.op.clone(),
        target: e.target.clone(),
        href: if testimony {
            record_href(&e.target)
        } else {
            String::new()
        },
        details,
        reason: e.reason.clone(),
    }
}

// ---------------------------------------------------------------------------
// `/curate`: the testimonies, with what waits for review.

struct Row {
    id: String,
    title: String,
    href: String,
    reader: String,
    status: String,
    access: String,
    embargo: String,
    waiting: usize,
    review: String,
}

#[derive(Template)]
#[template(path = "web/curate_index.html")]
struct IndexPage {
    m: Msg,
    switch_href: String,
    who: String,
    curates: bool,
    rows: Vec<Row>,
    waiting_text: String,
}

async fn index(State(state): State<Shared>, headers: HeaderMap, RawQuery(q): RawQuery) -> Response {
    page(state, headers, q, |a, d, _| {
        let m = d.m();
        let queue = a.review(None, None).map_err(curate_failure)?;
        let mut waiting_for: HashMap<&str, usize> = HashMap::new();
        for i in &queue {
            *waiting_for.entry(i.testimony.as_str()).or_default() += 1;
        }
        let rows = a
            .list(Role::Archivist)?
            .into_iter()
            .map(|t| {
                let waiting = waiting_for.get(t.id.as_str()).copied().unwrap_or(0);
                Row {
                    href: record_href(&t.id),
                    reader: format!("/t/{}", path_segment(&t.id)),
                    review: format!("/curate/review{}", query_string(&[("t", &t.id)])),
                    status: m.get(&format!("status_{}", t.status)).to_string(),
                    access: m.get(&format!("access_{}", t.access.name())).to_string(),
                    embargo: t.embargo_until.clone().unwrap_or_default(),
                    id: t.id,
                    title: t.title,
                    waiting,
                }
            })
            .collect();
        Ok(render(&IndexPage {
            m,
            switch_href: switch(d.lang, "/curate"),
            who: d.who(),
            curates: true,
            rows,
            waiting_text: m.fill("waiting_n", &[("n", queue.len().to_string())]),
        }))
    })
    .await
}

// ---------------------------------------------------------------------------
// The review queue.

struct Evidence {
    html: String,
    href: String,
    time: String,
    rule: String,
    rule_href: String,
}

struct Item {
    anchor: String,
    next: String,
    testimony: String,
    facet: String,
    facet_label: &'static str,
    value: String,
    label: String,
    confidence: String,
    evidence: Vec<Evidence>,
    bulk_href: String,
}

#[derive(Default)]
struct Group {
    id: String,
    title: String,
    href: String,
    only_href: String,
    items: Vec<Item>,
    hints: Vec<Item>,
    add_facet: String,
    add_value: String,
    add_note: String,
    add_error: String,
}

#[derive(Template)]
#[template(path = "web/curate_review.html")]
struct ReviewPage {
    m: Msg,
    switch_href: String,
    who: String,
    curates: bool,
    csrf: String,
    groups: Vec<Group>,
    /// Suggestions waiting in the whole archive, and shown here.
    left_text: String,
    facet: String,
    testimony: String,
    back: String,
    notice: String,
    error: String,
    facets: Vec<(&'static str, &'static str)>,
}

/// What a review page shows: its filters.
#[derive(Default, Clone)]
struct ReviewView {
    facet: String,
    testimony: String,
    done: String,
}

impl ReviewView {
    fn from(f: &Fields) -> ReviewView {
        ReviewView {
            facet: f.get("facet").trim().to_string(),
            testimony: f.get("t").trim().to_string(),
            done: f.get("done").trim().to_string(),
        }
    }

    /// The view a return address ([`review_back`]) shows.
    fn back(back: &str) -> ReviewView {
        ReviewView::from(&Fields::parse(back.split_once('?').map_or("", |(_, q)| q)))
    }

    fn href(&self) -> String {
        format!(
            "/curate/review{}",
            query_string(&[("facet", &self.facet), ("t", &self.testimony)])
        )
    }
}

/// What the add form of one testimony was sent with, and its error.
#[derive(Default)]
struct AddKept {
    testimony: String,
    facet: String,
    value: String,
    note: String,
    error: String,
}

/// The byte range of the sentence(s) of `text` holding bytes `a..b`: from
/// after the sentence end before `a` to the sentence end after `b`.
fn sentence_around(text: &str, a: usize, b: usize) -> (usize, usize) {
    let ends = |i: usize| {
        let bytes = text.as_bytes();
        matches!(bytes.get(i), Some(b'.' | b'!' | b'?' | b'\n'))
            && bytes.get(i + 1).is_none_or(|c| c.is_ascii_whitespace())
    };
    let start = (0..a.min(text.len()))
        .rev()
        .find(|&i| ends(i))
        .map_or(0, |i| i + 1);
    let end = (b.min(text.len())..text.len())
        .find(|&i| ends(i))
        .map_or(text.len(), |i| i + 1);
    // Leading whitespace after the previous sentence.
    let start = start + text[start..].len() - text[start..].trim_start().len();
    (start, end.max(start))
}

/// The evidence of a suggestion: each passage once, as the sentences
/// holding its matches, the matches marked, the rules that fired.
fn evidence_views(m: Msg, testimony: &str, ev: &[crate::store::ReviewEvidence]) -> Vec<Evidence> {
    // The header's birthplace (rule `home`) or recording place (rule
    // `recorded-in`) first, as the header says it.
    let mut out: Vec<Evidence> = ev
        .iter()
        .filter(|e| !e.in_passage())
        .map(|e| {
            let field = crate::tag::HeaderField::of_rule(&e.rule).name();
            Evidence {
                html: format!(
                    "{}: {}",
                    super::html::escape(m.get(field_label(field))),
                    super::html::escape(&e.matched)
                ),
                // The header field itself, in the catalogue record, where
                // the archivist can check or correct it.
                href: format!("{}#f-{field}", record_href(testimony)),
                time: m.get("catalogue_record").to_string(),
                rule_href: format!(
                    "/curate/review/bulk{}",
                    query_string(&[("rule", e.rule.as_str())])
                ),
                rule: e.rule.clone(),
            }
        })
        .collect();
    out.extend(passage_views(testimony, ev));
    out
}

/// The passage evidence of a suggestion (see [`evidence_views`]); evidence
/// in no passage is left to the caller.
fn passage_views(testimony: &str, ev: &[crate::store::ReviewEvidence]) -> Vec<Evidence> {
    // (ordinal, start_ms, text, excerpt, marks, rules)
    type Acc<'a> = (
        i64,
        Option<i64>,
        &'a str,
        (usize, usize),
        Vec<(usize, usize)>,
        Vec<String>,
    );
    let mut acc: Vec<Acc<'_>> = Vec::new();
    for e in ev.iter().filter(|e| e.in_passage()) {
        let span = e
            .span
            .and_then(|(a, b)| Some((usize::try_from(a).ok()?, usize::try_from(b).ok()?)))
            .filter(|(a, b)| a < b && e.text.get(*a..*b).is_some());
        let (x, y) = match span {
            Some((a, b)) => sentence_around(&e.text, a, b),
            None => (0, e.text.len()),
        };
        match acc.iter_mut().find(|c| c.0 == e.ordinal) {
            Some(c) => {
                c.3 = (c.3.0.min(x), c.3.1.max(y));
                c.4.extend(span);
                if !c.5.contains(&e.rule) {
                    c.5.push(e.rule.clone());
                }
            }
            None => acc.push((
                e.ordinal,
                e.start_ms,
                e.text.as_str(),
                (x, y),
                span.into_iter().collect(),
                vec![e.rule.clone()],
            )),
        }
    }
    acc.into_iter()
        .map(|(ordinal, start_ms, text, (x, y), marks, rules)| {
            let inner = text.get(x..y).unwrap_or(text);
            let shifted: Vec<(usize, usize)> = marks
                .iter()
                .filter(|(a, b)| *a >= x && *b <= y)
                .map(|(a, b)| (a - x, b - x))
                .collect();
            let mut html = super::html::marked(inner, &shifted);
            if x > 0 {
                html = format!("… {html}");
            }
            if y < text.len() {
                html.push_str(" …");
            }
            let rule = rules.join(", ");
            Evidence {
                html,
                href: passage_href(testimony, ordinal),
                time: start_ms.map(timecode).unwrap_or_default(),
                rule_href: format!(
                    "/curate/review/bulk{}",
                    query_string(&[("rule", rules.first().map_or("", |r| r.as_str()))])
                ),
                rule,
            }
        })
        .collect()
}

fn item_view(a: &Archive, m: Msg, it: &ReviewItem) -> Item {
    Item {
        anchor: anchor(&[&it.testimony, &it.facet, &it.value]),
        next: String::new(),
        testimony: it.testimony.clone(),
        facet: it.facet.clone(),
        facet_label: facet_label(m, &it.facet),
        value: it.value.clone(),
        label: vocab_label(a, &it.value, m.lang),
        confidence: format!("{:.0} %", it.confidence * 100.0),
        evidence: evidence_views(m, &it.testimony, &it.evidence),
        bulk_href: format!(
            "/curate/review/bulk{}",
            query_string(&[("facet", &it.facet), ("value", &it.value)])
        ),
    }
}

/// At most this many testimonies on one review page.
const MAX_GROUPS: usize = 25;

fn review_page(
    a: &Archive,
    d: Desk,
    view: &ReviewView,
    add: AddKept,
    error: String,
) -> Result<ReviewPage, Failure> {
    let m = d.m();
    let facet = match view.facet.as_str() {
        "wave" | "region" | "place" | "transit_camp" => Some(view.facet.as_str()),
        _ => None,
    };
    let testimony = Some(view.testimony.as_str()).filter(|t| !t.is_empty());
    let all = a.review(None, None).map_err(curate_failure)?;
    let mut items: Vec<&ReviewItem> = all
        .iter()
        .filter(|i| facet.is_none_or(|f| i.facet == f))
        .filter(|i| testimony.is_none_or(|t| i.testimony == t))
        .collect();
    items.sort_by(|x, y| {
        y.confidence
            .partial_cmp(&x.confidence)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    // Groups in the order of their most confident suggestion.
    let mut groups: Vec<Group> = Vec::new();
    for it in &items {
        let view_item = item_view(a, m, it);
        match groups.iter_mut().find(|g| g.id == it.testimony) {
            Some(g) => g.items.push(view_item),
            None => groups.push(Group {
                id: it.testimony.clone(),
                title: it.title.clone(),
                href: record_href(&it.testimony),
                only_href: format!("/curate/review{}", query_string(&[("t", &it.testimony)])),
                items: vec![view_item],
                ..Group::default()
            }),
        }
    }
    // One testimony: its possible tags too (the tagger's candidates below
    // the suggestion threshold, never stored), and its add form even with
    // nothing left to review.
    if let Some(t) = testimony {
        let Some(shown) = a.show(t, Role::Archivist)? else {
            return Err(Failure::NotFound);
        };
        if groups.is_empty() {
            groups.push(Group {
                id: shown.testimony.id.clone(),
                title: shown.testimony.title.clone(),
                href: record_href(&shown.testimony.id),
                ..Group::default()
            });
        }
        let hints = a.review_hints(facet, Some(t)).map_err(curate_failure)?;
        if let Some(g) = groups.first_mut() {
            g.hints = hints.iter().map(|h| item_view(a, m, h)).collect();
            g.only_href = String::new();
        }
    }
    // A page holds the most confident testimonies' suggestions; the rest
    // come as these are decided (or through the filters).
    let all_groups = groups.len();
    groups.truncate(MAX_GROUPS);
    let shown_items: usize = groups.iter().map(|g| g.items.len()).sum();
    // Keyboard and no-JS flow: after deciding an item, the page comes back
    // at the next one.
    let anchors: Vec<String> = groups
        .iter()
        .flat_map(|g| g.items.iter().map(|i| i.anchor.clone()))
        .collect();
    let mut k = 0;
    for g in &mut groups {
        for it in &mut g.items {
            it.next = anchors.get(k + 1).cloned().unwrap_or_default();
            k += 1;
        }
        if g.id == add.testimony {
            g.add_facet = add.facet.clone();
            g.add_value = add.value.clone();
            g.add_note = add.note.clone();
            g.add_error = add.error.clone();
        }
    }
    let notice = match view.done.split_once(':') {
        Some((op @ ("confirm" | "reject" | "add"), n)) if n.chars().all(|c| c.is_ascii_digit()) => {
            m.fill(&format!("done_{op}"), &[("n", n.to_string())])
        }
        _ => String::new(),
    };
    Ok(ReviewPage {
        m,
        switch_href: switch(d.lang, &view.href()),
        who: d.who(),
        curates: true,
        csrf: d.csrf,
        left_text: if shown_items == all.len() {
            m.fill("waiting_n", &[("n", all.len().to_string())])
        } else {
            format!(
                "{} · {}",
                m.fill("waiting_n", &[("n", all.len().to_string())]),
                if all_groups > MAX_GROUPS {
                    m.fill(
                        "shown_of_testimonies",
                        &[
                            ("n", shown_items.to_string()),
                            ("shown", MAX_GROUPS.to_string()),
                            ("all", all_groups.to_string()),
                        ],
                    )
                } else {
                    m.fill("shown_n", &[("n", shown_items.to_string())])
                }
            )
        },
        groups,
        facet: view.facet.clone(),
        testimony: view.testimony.clone(),
        back: view.href(),
        notice,
        error,
        facets: vec![
            ("wave", m.get("wave")),
            ("region", m.get("region")),
            ("place", m.get("place")),
            ("transit_camp", m.get("transit_camp")),
        ],
    })
}

async fn review(
    State(state): State<Shared>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    page(state, headers, q, |a, d, f| {
        let view = ReviewView::from(&f);
        Ok(render(&review_page(
            a,
            d,
            &view,
            AddKept::default(),
            String::new(),
        )?))
    })
    .await
}

/// A return address inside the review queue (never elsewhere).
fn review_back(back: &str) -> String {
    if back.starts_with("/curate/review")
        && !back.contains("//")
        && !back.contains('\\')
        && !back.chars().any(char::is_control)
    {
        back.split('#')
            .next()
            .unwrap_or("/curate/review")
            .to_string()
    } else {
        "/curate/review".to_string()
    }
}

fn with_done(back: &str, done: &str) -> String {
    let sep = if back.contains('?') { '&' } else { '?' };
    format!("{back}{sep}done={done}")
}

/// `POST /curate/review/decide`: confirm or reject one suggestion.
async fn decide(State(state): State<Shared>, headers: HeaderMap, body: String) -> Response {
    change(state, headers, body, |a, d, f| {
        let back = review_back(f.get("back"));
        let decision = match f.get("decision") {
            "confirm" => TagDecision::Confirm,
            "reject" => TagDecision::Reject,
            _ => return Err(Failure::NotFound),
        };
        let id = f.get("t").to_string();
        let one = [(
            id.clone(),
            f.get("facet").to_string(),
            f.get("value").to_string(),
        )];
        match a.decide_tags(&d.cur, &one, decision, f.get("note")) {
            Ok(_) => {
                let next = f.get("next");
                let to = with_done(&back, &format!("{}:1", f.get("decision")));
                Ok(see_other(&if next.is_empty() {
                    to
                } else {
                    format!("{to}#{}", path_segment(next))
                }))
            }
            Err(CurateError::Store(StoreError::NotFound(_))) => Err(Failure::NotFound),
            Err(e @ (CurateError::Index(_) | CurateError::Store(_))) if !is_refusal(&e) => {
                Err(internal(e))
            }
            Err(e) => {
                let view = ReviewView::back(&back);
                let error = format!("{} {e}", d.m().get("refused_change"));
                let page = review_page(a, d, &view, AddKept::default(), error)?;
                Ok(with_status(render(&page), StatusCode::CONFLICT))
            }
        }
    })
    .await
}

/// Whether a library error is a refusal to show on the page (rather than a
/// failure of the archive).
fn is_refusal(e: &CurateError) -> bool {
    matches!(
        e,
        CurateError::Invalid(_)
            | CurateError::Unknown(_)
            | CurateError::Store(StoreError::Conflict(_) | StoreError::Stale { .. })
    )
}

/// `POST /curate/review/add`: add a tag by facet and value.
async fn add_tag(State(state): State<Shared>, headers: HeaderMap, body: String) -> Response {
    change(state, headers, body, |a, d, f| {
        let back = review_back(f.get("back"));
        let id = f.get("t").trim().to_string();
        let (facet, value, note) = (f.get("facet"), f.get("value").trim(), f.get("note"));
        let result = if value.is_empty() {
            Err(CurateError::Invalid(
                d.m().get("err_value_empty").to_string(),
            ))
        } else {
            a.decide_tag(&d.cur, &id, facet, value, TagDecision::Add, note)
        };
        match result {
            Ok(_) => Ok(see_other(&with_done(&back, "add:1"))),
            Err(CurateError::Store(StoreError::NotFound(_))) => Err(Failure::NotFound),
            Err(e) if !is_refusal(&e) => Err(internal(e)),
            Err(e) => {
                let mut view = ReviewView::back(&back);
                let kept = AddKept {
                    testimony: id,
                    facet: facet.to_string(),
                    value: value.to_string(),
                    note: note.to_string(),
                    error: e.to_string(),
                };
                if view.testimony.is_empty()
                    && a.review(None, Some(&kept.testimony))
                        .is_ok_and(|q| q.is_empty())
                {
                    // The testimony has no suggestion left: show it alone,
                    // or its form (and the kept input) would be gone.
                    view.testimony = kept.testimony.clone();
                }
                let page = review_page(a, d, &view, kept, String::new())?;
                Ok(with_status(render(&page), StatusCode::UNPROCESSABLE_ENTITY))
            }
        }
    })
    .await
}

// ---------------------------------------------------------------------------
// Bulk decisions: the list first, then the decision on exactly that list.

struct BulkRow {
    key: String,
    testimony: String,
    title: String,
    href: String,
    facet_label: &'static str,
    label: String,
    confidence: String,
    evidence: Vec<Evidence>,
}

#[derive(Template)]
#[template(path = "web/curate_bulk.html")]
struct BulkPage {
    m: Msg,
    switch_href: String,
    who: String,
    curates: bool,
    csrf: String,
    what: String,
    rows: Vec<BulkRow>,
    facet: String,
    value: String,
    rule: String,
    error: String,
    count_text: String,
    confirm_label: String,
    reject_label: String,
}

fn bulk_page(a: &Archive, d: Desk, f: &Fields, error: String) -> Result<BulkPage, Failure> {
    let (m, lang) = (d.m(), d.lang);
    let (facet, value, rule) = (
        f.get("facet").trim(),
        f.get("value").trim(),
        f.get("rule").trim(),
    );
    let unfiltered = (value.is_empty() || facet.is_empty()) && rule.is_empty();
    if unfiltered && error.is_empty() {
        return Err(Failure::NotFound);
    }
    let all = a.review(None, None).map_err(curate_failure)?;
    let chosen: Vec<&ReviewItem> = all
        .iter()
        .filter(|i| {
            if unfiltered {
                false
            } else if rule.is_empty() {
                i.facet == facet && i.value == value
            } else {
                i.evidence.iter().any(|e| e.rule == rule)
            }
        })
        .collect();
    let what = if rule.is_empty() {
        m.fill(
            "bulk_of_value",
            &[
                ("facet", facet_label(m, facet).to_string()),
                ("value", vocab_label(a, value, lang)),
            ],
        )
    } else {
        m.fill("bulk_of_rule", &[("rule", rule.to_string())])
    };
    let n = [("n", chosen.len().to_string())];
    let rows = chosen
        .iter()
        .map(|it| {
            let v = item_view(a, m, it);
            BulkRow {
                key: format!("{}|{}|{}", it.testimony, it.facet, it.value),
                testimony: it.testimony.clone(),
                title: it.title.clone(),
                href: record_href(&it.testimony),
                facet_label: v.facet_label,
                label: v.label,
                confidence: v.confidence,
                evidence: v.evidence,
            }
        })
        .collect();
    let q = query_string(&[("facet", facet), ("value", value), ("rule", rule)]);
    Ok(BulkPage {
        m,
        switch_href: switch(lang, &format!("/curate/review/bulk{q}")),
        who: d.who(),
        curates: true,
        csrf: d.csrf,
        what,
        rows,
        facet: facet.to_string(),
        value: value.to_string(),
        rule: rule.to_string(),
        error,
        count_text: m.fill("bulk_n", &n),
        confirm_label: m.fill("bulk_confirm", &n),
        reject_label: m.fill("bulk_reject", &n),
    })
}

async fn bulk_preview(
    State(state): State<Shared>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    page(state, headers, q, |a, d, f| {
        Ok(render(&bulk_page(a, d, &f, String::new())?))
    })
    .await
}

/// `POST /curate/review/bulk`: the decision on exactly the items listed
/// (`item=testimony|facet|value`), in one transaction.
async fn bulk_apply(State(state): State<Shared>, headers: HeaderMap, body: String) -> Response {
    change(state, headers, body, |a, d, f| {
        let decision = match f.get("decision") {
            "confirm" => TagDecision::Confirm,
            "reject" => TagDecision::Reject,
            _ => return Err(Failure::NotFound),
        };
        let items: Vec<(String, String, String)> = f
            .all("item")
            .into_iter()
            .filter_map(|k| {
                let mut p = k.splitn(3, '|');
                Some((
                    p.next()?.to_string(),
                    p.next()?.to_string(),
                    p.next()?.to_string(),
                ))
            })
            .collect();
        match a.decide_tags(&d.cur, &items, decision, f.get("note")) {
            Ok(n) => Ok(see_other(&format!(
                "/curate/review?done={}:{n}",
                f.get("decision")
            ))),
            Err(e)
                if !is_refusal(&e) && !matches!(e, CurateError::Store(StoreError::NotFound(_))) =>
            {
                Err(internal(e))
            }
            Err(e) => {
                let error = format!("{} {e}", d.m().get("refused_nothing_changed"));
                let page = bulk_page(a, d, &f, error)?;
                Ok(with_status(render(&page), StatusCode::CONFLICT))
            }
        }
    })
    .await
}

// ---------------------------------------------------------------------------
// A testimony's record and transcript.

/// The editable fields of the record: (field, label key, multi-line).
const EDIT_FIELDS: &[(&str, &str, bool)] = &[
    ("title", "field_title", false),
    ("narrator", "narrator", false),
    ("narrator_birth_year", "birth_year", false),
    ("narrator_birthplace", "birthplace", false),
    ("interviewer", "interviewer", false),
    ("recorded", "recorded", false),
    ("recording_place", "recording_place", false),
    ("languages", "languages", false),
    ("keywords", "keywords", false),
    ("source", "source", false),
    ("notes", "field_notes", true),
];

/// The label key of an editable field.
fn field_label(name: &str) -> &'static str {
    EDIT_FIELDS
        .iter()
        .find(|(n, ..)| *n == name)
        .map_or("?", |(_, label, _)| label)
}

struct EditField {
    name: &'static str,
    label: &'static str,
    value: String,
    error: String,
    long: bool,
    hint: &'static str,
}

struct Earlier {
    at: String,
    actor: String,
    reason: String,
    diff: String,
}

/// The texts passage `ordinal` had, oldest first, each as the word diff
/// to the text that replaced it (the last to its text `now`).
fn steps(texts: &[crate::store::SegmentText], ordinal: i64, now: &str) -> Vec<Earlier> {
    let rows: Vec<&crate::store::SegmentText> =
        texts.iter().filter(|x| x.ordinal == ordinal).collect();
    rows.iter()
        .enumerate()
        .map(|(i, row)| Earlier {
            at: when(&row.at),
            actor: row.actor.clone(),
            reason: row.reason.clone(),
            diff: diff::html(&row.text, rows.get(i + 1).map_or(now, |n| n.text.as_str())),
        })
        .collect()
}

struct SegView {
    ordinal: i64,
    time: String,
    href: String,
    speaker: String,
    lang: String,
    html: String,
    draft: String,
    reason: String,
    error: String,
    open: bool,
    earlier: Vec<Earlier>,
}

struct RedactionView {
    num: i64,
    ordinal: i64,
    href: String,
    text: String,
    reason: String,
    by: String,
    lifted: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "web/curate_record.html")]
struct RecordPage {
    m: Msg,
    switch_href: String,
    who: String,
    curates: bool,
    csrf: String,
    id: String,
    title: String,
    action: String,
    reader: String,
    history: String,
    review: String,
    base: i64,
    status: String,
    access: String,
    embargo: String,
    merged_into: String,
    notice: String,
    general: String,
    stale: Vec<Change>,
    fields: Vec<EditField>,
    edit_reason: String,
    statuses: Vec<(&'static str, &'static str)>,
    status_value: String,
    status_reason: String,
    levels: Vec<(&'static str, &'static str)>,
    access_value: String,
    embargo_value: String,
    embargo_error: String,
    access_reason: String,
    segments: Vec<SegView>,
    redactions: Vec<RedactionView>,
    redact_ordinal: String,
    redact_text: String,
    redact_start: String,
    redact_end: String,
    redact_reason: String,
    redact_error: String,
    redact_reason_error: String,
    lift_error: String,
    waiting: usize,
}

/// What the archivist sent with a refused form, to show it again.
#[derive(Default)]
struct Kept {
    /// Which form (`edit`, `correct`, …).
    form: String,
    values: Fields,
    /// Errors beside fields: `(field, message)`.
    errors: Vec<(String, String)>,
    /// An error about the whole form.
    general: String,
    /// What changed since the form was made, for a stale write.
    stale: Vec<Change>,
    /// A success notice (`done=` after a redirect).
    done: String,
}

impl Kept {
    fn error(&self, field: &str) -> String {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, e)| e.clone())
            .unwrap_or_default()
    }

    fn value(&self, form: &str, field: &str, current: String) -> String {
        if self.form == form {
            self.values.get(field).to_string()
        } else {
            current
        }
    }
}

/// The text of a passage with its active redactions marked (for the
/// archivist; its text content is the passage's exact text, so a selection
/// in it counts the same characters as the library).
fn redacted_html(text: &str, spans: &[(i64, usize, usize)]) -> String {
    let mut spans: Vec<(i64, usize, usize)> = spans.to_vec();
    spans.sort_by_key(|s| s.1);
    let mut out = String::new();
    let mut pos = 0;
    for (num, s, e) in spans {
        let (Some(before), Some(inner)) = (text.get(pos..s), text.get(s..e)) else {
            continue;
        };
        if s < pos {
            continue;
        }
        out.push_str(&escape(before));
        out.push_str(&format!(
            "<span class=\"redacted\" title=\"#{num}\">{}</span>",
            escape(inner)
        ));
        pos = e;
    }
    out.push_str(&escape(text.get(pos..).unwrap_or_default()));
    out
}

fn current_value(t: &crate::store::TestimonyRow, field: &str) -> String {
    match field {
        "title" => t.title.clone(),
        "narrator" => t.narrator.clone().unwrap_or_default(),
        "narrator_birth_year" => t
            .narrator_birth_year
            .map(|y| y.to_string())
            .unwrap_or_default(),
        "narrator_birthplace" => t.narrator_birthplace.clone().unwrap_or_default(),
        "interviewer" => t.interviewer.clone().unwrap_or_default(),
        "recorded" => t.recorded.clone().unwrap_or_default(),
        "recording_place" => t.recording_place.clone().unwrap_or_default(),
        "languages" => t.languages.join(", "),
        "keywords" => t.keywords.join(", "),
        "source" => t.source.clone().unwrap_or_default(),
        "notes" => t.notes.clone().unwrap_or_default(),
        _ => String::new(),
    }
}

fn record_page(a: &Archive, d: Desk, id: &str, kept: Kept) -> Result<RecordPage, Failure> {
    let m = d.m();
    let Some(view) = a.show(id, Role::Archivist)? else {
        return Err(Failure::NotFound);
    };
    let t = &view.testimony;
    let base = a.change_stamp(&t.id).map_err(curate_failure)?;
    let history = a.history(&t.id).map_err(curate_failure)?;
    let fields = EDIT_FIELDS
        .iter()
        .map(|(name, label, long)| EditField {
            name,
            label: m.get(label),
            value: kept.value("edit", name, current_value(t, name)),
            error: kept.error(name),
            long: *long,
            hint: match *name {
                "narrator_birth_year" => m.get("hint_year"),
                "recorded" => m.get("hint_partial_date"),
                "languages" => m.get("hint_languages"),
                "keywords" => m.get("hint_keywords"),
                _ => "",
            },
        })
        .collect();
    let correcting = if kept.form == "correct" {
        kept.values.int("ordinal")
    } else {
        None
    };
    let segments = view
        .segments
        .iter()
        .map(|s| {
            let spans: Vec<(i64, usize, usize)> = view
                .redactions
                .iter()
                .filter(|r| r.active && r.ordinal == s.ordinal)
                .filter_map(|r| {
                    Some((
                        r.num,
                        usize::try_from(r.span.0).ok()?,
                        usize::try_from(r.span.1).ok()?,
                    ))
                })
                .collect();
            // The texts this passage had, newest first.
            let mut earlier = steps(&history.segment_texts, s.ordinal, &s.text);
            earlier.reverse();
            let mine = correcting == Some(s.ordinal);
            SegView {
                ordinal: s.ordinal,
                time: s.start_ms.map(timecode).unwrap_or_default(),
                href: passage_href(&t.id, s.ordinal),
                speaker: s.speaker.clone().unwrap_or_default(),
                lang: s.lang.clone(),
                html: redacted_html(&s.text, &spans),
                draft: if mine {
                    kept.values.get("text").to_string()
                } else {
                    s.text.clone()
                },
                reason: if mine {
                    kept.values.get("reason").to_string()
                } else {
                    String::new()
                },
                error: if mine {
                    kept.error("text")
                } else {
                    String::new()
                },
                open: mine,
                earlier,
            }
        })
        .collect();
    let redactions = view
        .redactions
        .iter()
        .map(|r| RedactionView {
            num: r.num,
            ordinal: r.ordinal,
            href: format!("#p{}", r.ordinal),
            text: r.redacted_text.clone(),
            reason: r.reason.clone(),
            by: format!("{}, {}", r.actor, when(&r.at)),
            lifted: r
                .lifted
                .as_ref()
                .map(|(who, at, why)| {
                    format!(
                        "{who}, {}{}",
                        when(at),
                        if why.is_empty() {
                            String::new()
                        } else {
                            format!(": {why}")
                        }
                    )
                })
                .unwrap_or_default(),
            active: r.active,
        })
        .collect();
    let notice = match kept.done.as_str() {
        d @ ("edit" | "correct" | "redact" | "unredact" | "status" | "access") => {
            m.get(&format!("saved_{d}")).to_string()
        }
        _ => String::new(),
    };
    let waiting = a
        .review(None, Some(&t.id))
        .map(|q| q.len())
        .unwrap_or_default();
    let rf = |field: &str| {
        if kept.form == "redact" {
            kept.values.get(field).to_string()
        } else {
            String::new()
        }
    };
    Ok(RecordPage {
        m,
        switch_href: switch(d.lang, &record_href(&t.id)),
        who: d.who(),
        curates: true,
        csrf: d.csrf,
        id: t.id.clone(),
        title: t.title.clone(),
        action: record_href(&t.id),
        reader: format!("/t/{}", path_segment(&t.id)),
        history: format!("{}/history", record_href(&t.id)),
        review: format!("/curate/review{}", query_string(&[("t", &t.id)])),
        base,
        // Shown in the interface's language, as the list shows them.
        status: m.get(&format!("status_{}", t.status)).to_string(),
        access: m.get(&format!("access_{}", t.access.name())).to_string(),
        embargo: t.embargo_until.clone().unwrap_or_default(),
        merged_into: t.merged_into.clone().unwrap_or_default(),
        notice,
        general: kept.general.clone(),
        fields,
        edit_reason: kept.value("edit", "reason", String::new()),
        statuses: STATUSES
            .iter()
            .map(|s| (*s, m.get(&format!("status_{s}"))))
            .collect(),
        status_value: kept.value("status", "status", t.status.clone()),
        status_reason: kept.value("status", "reason", String::new()),
        levels: ["public", "restricted", "sealed"]
            .iter()
            .map(|l| (*l, m.get(&format!("access_{l}"))))
            .collect(),
        access_value: kept.value("access", "level", t.access.name().to_string()),
        embargo_value: kept.value(
            "access",
            "embargo",
            t.embargo_until.clone().unwrap_or_default(),
        ),
        embargo_error: kept.error("embargo"),
        access_reason: kept.value("access", "reason", String::new()),
        segments,
        redactions,
        redact_ordinal: rf("ordinal"),
        redact_text: rf("text"),
        redact_start: rf("start"),
        redact_end: rf("end"),
        redact_reason: rf("reason"),
        redact_error: kept.error("redact"),
        redact_reason_error: kept.error("redact_reason"),
        lift_error: kept.error("lift"),
        stale: kept.stale,
        waiting,
    })
}

async fn record(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    page(state, headers, q, move |a, d, f| {
        let kept = Kept {
            done: f.get("done").to_string(),
            ..Kept::default()
        };
        Ok(render(&record_page(a, d, &id, kept)?))
    })
    .await
}

/// The localized message for a field the library refused.
fn field_error(m: Msg, field: &str, e: &CurateError) -> String {
    match field {
        "title" => m.get("err_title_empty").to_string(),
        "narrator_birth_year" => m.get("err_birth_year").to_string(),
        "recorded" => m.get("err_recorded").to_string(),
        "languages" => format!("{} ({e})", m.get("err_languages")),
        _ => e.to_string(),
    }
}

/// `POST /curate/t/{id}/{action}`: one change of the record or transcript.
async fn record_post(
    State(state): State<Shared>,
    Path((id, action)): Path<(String, String)>,
    headers: HeaderMap,
    body: String,
) -> Response {
    // An unknown action is an unknown page, for everyone and before the
    // CSRF check.
    if !matches!(
        action.as_str(),
        "edit" | "correct" | "redact" | "unredact" | "status" | "access"
    ) {
        return not_found(headers).await;
    }
    change(state, headers, body, move |a, d, f| {
        let (m, cur) = (d.m(), &d.cur);
        let Some(view) = a.show(&id, Role::Archivist)? else {
            return Err(Failure::NotFound);
        };
        let id = view.testimony.id.clone();
        let mut kept = Kept {
            form: action.clone(),
            values: f.clone(),
            ..Kept::default()
        };
        let Some(base) = f.int("base") else {
            kept.general = m.get("err_no_base").to_string();
            let page = record_page(a, d, &id, kept)?;
            return Ok(with_status(render(&page), StatusCode::UNPROCESSABLE_ENTITY));
        };
        let reason = f.get("reason").trim().to_string();
        // Validation the page can show beside the fields, before writing.
        let write: Result<(), CurateError> = match action.as_str() {
            "edit" => {
                let mut sets = Vec::new();
                for (name, ..) in EDIT_FIELDS {
                    let sent = f.get(name).trim();
                    if sent == current_value(&view.testimony, name).trim() {
                        continue;
                    }
                    match field_value(&id, name, sent) {
                        Ok(_) => sets.push((name.to_string(), sent.to_string())),
                        Err(e) => kept
                            .errors
                            .push((name.to_string(), field_error(m, name, &e))),
                    }
                }
                if !kept.errors.is_empty() {
                    Err(CurateError::Invalid(m.get("err_fields").to_string()))
                } else if sets.is_empty() {
                    Err(CurateError::Invalid(
                        m.get("err_nothing_changed").to_string(),
                    ))
                } else {
                    a.at_base(Some(base), |a| a.edit(cur, &id, &sets, &reason))
                        .map(|_| ())
                }
            }
            "correct" => match f.int("ordinal") {
                Some(o) if view.segments.iter().any(|s| s.ordinal == o) => {
                    let text = f.get("text");
                    if text.trim().is_empty() {
                        kept.errors
                            .push(("text".into(), m.get("err_text_empty").into()));
                        Err(CurateError::Invalid(m.get("err_fields").to_string()))
                    } else {
                        a.at_base(Some(base), |a| a.correct(cur, &id, o, text, &reason))
                            .map(|_| ())
                    }
                }
                _ => Err(CurateError::Invalid(m.get("err_no_passage").to_string())),
            },
            "redact" => redact(a, m, cur, &id, &view, &f, base, &reason, &mut kept),
            "unredact" => match f.int("redaction") {
                Some(n) => a.at_base(Some(base), |a| a.unredact(cur, &id, n, &reason)),
                None => Err(CurateError::Invalid(m.get("err_no_redaction").to_string())),
            },
            "status" => {
                let status = f.get("status");
                if STATUSES.contains(&status) {
                    a.at_base(Some(base), |a| a.set_status(cur, &id, status, &reason))
                } else {
                    Err(CurateError::Invalid(m.get("err_status").to_string()))
                }
            }
            _ => {
                let level = f.get("level");
                let embargo = f.get("embargo").trim();
                if !embargo.is_empty() && crate::dates::parse_date(embargo).is_none() {
                    kept.errors
                        .push(("embargo".into(), m.get("err_embargo").into()));
                    Err(CurateError::Invalid(m.get("err_fields").to_string()))
                } else {
                    a.at_base(Some(base), |a| {
                        a.set_access(cur, &id, Some(level), Some(embargo), &reason)
                    })
                }
            }
        };
        match write {
            Ok(()) => Ok(see_other(&format!(
                "{}?done={action}#{}",
                record_href(&id),
                match action.as_str() {
                    "correct" | "redact" => format!("p{}", f.int("ordinal").unwrap_or_default()),
                    "unredact" => "redactions".to_string(),
                    other => other.to_string(),
                }
            ))),
            Err(e) if e.stale().is_some() => {
                let missed = a.changes_since(&id, base).map_err(curate_failure)?;
                kept.stale = missed.iter().map(change_view).collect();
                kept.general = m.get("err_stale").to_string();
                if action == "edit" {
                    merge_edit(m, &mut kept, &missed, a, &id)?;
                }
                let page = record_page(a, d, &id, kept)?;
                Ok(with_status(render(&page), StatusCode::CONFLICT))
            }
            Err(CurateError::Store(StoreError::NotFound(_))) => Err(Failure::NotFound),
            Err(e) if !is_refusal(&e) => Err(internal(e)),
            Err(e) => {
                if kept.errors.is_empty() {
                    let field = match action.as_str() {
                        "correct" => "text",
                        "redact" => "redact",
                        "unredact" => "lift",
                        _ => "",
                    };
                    if field.is_empty() {
                        kept.general = format!("{} {e}", m.get("refused_change"));
                    } else {
                        kept.errors.push((field.to_string(), e.to_string()));
                    }
                } else {
                    kept.general = e.to_string();
                }
                let page = record_page(a, d, &id, kept)?;
                Ok(with_status(render(&page), StatusCode::UNPROCESSABLE_ENTITY))
            }
        }
    })
    .await
}

/// The edit form after a stale write: a field the archivist left as it was
/// when the form was made takes the value someone else gave it since (so
/// sending the form again does not undo their change); a field both
/// changed keeps the archivist's input, with the other value beside it.
fn merge_edit(
    m: Msg,
    kept: &mut Kept,
    missed: &[AuditEntry],
    a: &Archive,
    id: &str,
) -> Result<(), Failure> {
    let Some(now) = a.show(id, Role::Archivist)? else {
        return Err(Failure::NotFound);
    };
    for (name, ..) in EDIT_FIELDS {
        // The value when the form was made: the first later edit's
        // "before" of this field.
        let Some(then) = missed
            .iter()
            .filter(|e| e.op == "edit")
            .find_map(|e| e.before.as_ref()?.get(*name).map(|v| shown(name, v)))
        else {
            continue;
        };
        let current = current_value(&now.testimony, name);
        let sent = kept.values.get(name).trim().to_string();
        if sent == then.trim() {
            kept.values.0.retain(|(k, _)| k != name);
            kept.values.0.push((name.to_string(), current));
        } else if sent != current.trim() {
            kept.errors.push((
                name.to_string(),
                m.fill("conflict_field", &[("now", current)]),
            ));
        }
    }
    Ok(())
}

/// A stored field value (as the audit log has it) as the form shows it.
fn shown(field: &str, v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) if matches!(field, "languages" | "keywords") => {
            serde_json::from_str::<Vec<String>>(s).map_or_else(|_| s.clone(), |l| l.join(", "))
        }
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A redaction from the form: a selection's exact character offsets (the
/// script fills `start`/`end`), or without a script, text that must occur
/// exactly once in the passage.
#[allow(clippy::too_many_arguments)]
fn redact(
    a: &mut Archive,
    m: Msg,
    cur: &Curator,
    id: &str,
    view: &crate::TestimonyView,
    f: &Fields,
    base: i64,
    reason: &str,
    kept: &mut Kept,
) -> Result<(), CurateError> {
    let invalid = |kept: &mut Kept, field: &str, msg: String| {
        kept.errors.push((field.to_string(), msg));
        Err(CurateError::Invalid(m.get("err_fields").to_string()))
    };
    let Some(seg) = f
        .int("ordinal")
        .and_then(|o| view.segments.iter().find(|s| s.ordinal == o))
    else {
        return invalid(kept, "redact", m.get("err_no_passage").to_string());
    };
    if reason.is_empty() {
        return invalid(
            kept,
            "redact_reason",
            m.get("err_redact_reason").to_string(),
        );
    }
    let text = f.get("text");
    let target = match (f.int("start"), f.int("end")) {
        (Some(s), Some(e)) if s >= 0 && e > s => {
            let (s, e) = (s as usize, e as usize);
            let chosen: String = seg.text.chars().skip(s).take(e - s).collect();
            if chosen.chars().count() != e - s || (!text.is_empty() && chosen != text) {
                return invalid(kept, "redact", m.get("err_selection_moved").to_string());
            }
            RedactTarget::Span(s, e)
        }
        _ => {
            if text.trim().is_empty() {
                return invalid(kept, "redact", m.get("err_redact_text").to_string());
            }
            let found: Vec<usize> = seg.text.match_indices(text).map(|(i, _)| i).collect();
            match found.as_slice() {
                [] => return invalid(kept, "redact", m.get("err_redact_absent").to_string()),
                [at] => {
                    let s = seg.text[..*at].chars().count();
                    RedactTarget::Span(s, s + text.chars().count())
                }
                many => {
                    return invalid(
                        kept,
                        "redact",
                        m.fill("err_redact_ambiguous", &[("n", many.len().to_string())]),
                    );
                }
            }
        }
    };
    a.at_base(Some(base), |a| {
        a.redact(cur, id, seg.ordinal, &target, reason)
    })
    .map(|_| ())
}

// ---------------------------------------------------------------------------
// History and audit.

struct Revision {
    number: i64,
    at: String,
    actor: String,
    kind: String,
    summary: String,
    source: String,
}

struct PassageHistory {
    ordinal: i64,
    href: String,
    steps: Vec<Earlier>,
}

#[derive(Template)]
#[template(path = "web/curate_history.html")]
struct HistoryPage {
    m: Msg,
    switch_href: String,
    who: String,
    curates: bool,
    id: String,
    title: String,
    record: String,
    merged: Vec<String>,
    merged_into: String,
    revisions: Vec<Revision>,
    passages: Vec<PassageHistory>,
    log: Vec<Change>,
}

async fn history(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    page(state, headers, q, move |a, d, _| {
        let Some(view) = a.show(&id, Role::Archivist)? else {
            return Err(Failure::NotFound);
        };
        let h = a.history(&view.testimony.id).map_err(curate_failure)?;
        let mut passages: Vec<PassageHistory> = Vec::new();
        let ordinals: BTreeSet<i64> = h.segment_texts.iter().map(|s| s.ordinal).collect();
        for o in ordinals {
            let now = view
                .segments
                .iter()
                .find(|s| s.ordinal == o)
                .map_or("", |s| s.text.as_str());
            passages.push(PassageHistory {
                ordinal: o,
                href: passage_href(&h.id, o),
                steps: steps(&h.segment_texts, o, now),
            });
        }
        Ok(render(&HistoryPage {
            m: d.m(),
            switch_href: switch(d.lang, &format!("{}/history", record_href(&h.id))),
            who: d.who(),
            curates: true,
            title: view.testimony.title.clone(),
            record: record_href(&h.id),
            merged: h.merged.clone(),
            merged_into: h.merged_into.clone().unwrap_or_default(),
            revisions: h
                .revisions
                .iter()
                .map(|r| Revision {
                    number: r.number,
                    at: when(&r.at),
                    actor: r.actor.clone(),
                    kind: r.kind.clone(),
                    summary: r.summary.clone(),
                    source: r.source_path.clone().unwrap_or_default(),
                })
                .collect(),
            passages,
            log: h.log.iter().rev().map(change_view).collect(),
            id: h.id,
        }))
    })
    .await
}

/// At most this many audit entries on one page (the newest).
const AUDIT_PAGE: usize = 500;

#[derive(Template)]
#[template(path = "web/curate_audit.html")]
struct AuditPage {
    m: Msg,
    switch_href: String,
    who: String,
    curates: bool,
    verified: bool,
    verify_text: String,
    curators: Vec<String>,
    curator: String,
    from: String,
    to: String,
    from_error: String,
    to_error: String,
    entries: Vec<Change>,
    matched_text: String,
}

async fn audit(State(state): State<Shared>, headers: HeaderMap, RawQuery(q): RawQuery) -> Response {
    page(state, headers, q, |a, d, f| {
        let m = d.m();
        let (verified, verify_text) = match a.audit_verify().map_err(curate_failure)? {
            Ok((n, head)) => (
                true,
                m.fill("audit_ok", &[("n", n.to_string()), ("head", head)]),
            ),
            Err(p) => (
                false,
                m.fill(
                    "audit_bad",
                    &[("seq", p.seq.to_string()), ("problem", p.problem)],
                ),
            ),
        };
        let date = |name: &str| -> (String, Option<String>, String) {
            let v = f.get(name).trim().to_string();
            if v.is_empty() {
                return (v, None, String::new());
            }
            match crate::dates::parse_date(&v) {
                Some(d) => (v, Some(d.to_string()), String::new()),
                None => (v, None, m.get("err_date").to_string()),
            }
        };
        let (from, from_day, from_error) = date("from");
        let (to, to_day, to_error) = date("to");
        let curator = f.get("curator").trim().to_string();
        // The whole log once: its curators for the choice, then the
        // entries chosen (`from` compares as the store does, `at >= day`).
        let log = a.audit_log(None).map_err(curate_failure)?;
        let curators: BTreeSet<&str> = log.iter().map(|e| e.actor.as_str()).collect();
        let chosen: Vec<&AuditEntry> = log
            .iter()
            .filter(|e| from_day.as_deref().is_none_or(|d| e.at.as_str() >= d))
            .filter(|e| curator.is_empty() || e.actor == curator)
            .filter(|e| {
                to_day
                    .as_deref()
                    .is_none_or(|d| e.at.get(..10).is_some_and(|day| day <= d))
            })
            .collect();
        let matched = chosen.len();
        let query = query_string(&[("curator", &curator), ("from", &from), ("to", &to)]);
        Ok(render(&AuditPage {
            m,
            switch_href: switch(d.lang, &format!("/curate/audit{query}")),
            who: d.who(),
            curates: true,
            verified,
            verify_text,
            curators: curators.into_iter().map(str::to_string).collect(),
            curator,
            from,
            to,
            from_error,
            to_error,
            entries: chosen
                .iter()
                .rev()
                .take(AUDIT_PAGE)
                .map(|e| change_view(e))
                .collect(),
            matched_text: if matched > AUDIT_PAGE {
                m.fill(
                    "audit_matched_newest",
                    &[
                        ("n", matched.to_string()),
                        ("shown", AUDIT_PAGE.to_string()),
                    ],
                )
            } else {
                m.fill("audit_matched", &[("n", matched.to_string())])
            },
        }))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_marks_keep_the_exact_text() {
        let text = "Kovács <Jenő> vitt el minket";
        let html = redacted_html(text, &[(3, 0, "Kovács".len())]);
        assert_eq!(
            html,
            "<span class=\"redacted\" title=\"#3\">Kovács</span> &lt;Jenő&gt; vitt el minket"
        );
        // Spans off character boundaries or outside are left out.
        assert_eq!(redacted_html("őr", &[(1, 1, 2)]), "őr");
        assert_eq!(redacted_html("őr", &[(1, 0, 9)]), "őr");
    }

    #[test]
    fn evidence_is_the_sentence_around_the_match() {
        let text = "Nagydobronyban születtem. Szolyván át vittek minket! Aztán Sztálinóba.";
        let a = text.find("Szolyván").unwrap();
        let (x, y) = sentence_around(text, a, a + "Szolyván".len());
        assert_eq!(&text[x..y], "Szolyván át vittek minket!");
        assert_eq!(sentence_around("ő", 0, 2), (0, 2));
        let ev = vec![crate::store::ReviewEvidence {
            ordinal: 4,
            start_ms: Some(65_000),
            text: text.to_string(),
            span: Some((a as i64, (a + 9) as i64)),
            matched: "Szolyván".into(),
            rule: "camp".into(),
        }];
        let v = passage_views("hu-1", &ev);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].html, "… <mark>Szolyván</mark> át vittek minket! …");
        assert_eq!(v[0].time, "01:05");
        assert_eq!(v[0].href, "/t/hu-1?p=4#p4");
        // The header's birthplace comes first, escaped, linked to the
        // testimony rather than a passage.
        let mut with_home = vec![crate::store::ReviewEvidence {
            ordinal: 0,
            start_ms: None,
            text: String::new(),
            span: None,
            matched: "Kolozsvár <i>".into(),
            rule: "home".into(),
        }];
        with_home.extend(ev);
        let v = evidence_views(Msg { lang: UiLang::En }, "hu-1", &with_home);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].html, "Birthplace: Kolozsvár &lt;i&gt;");
        // The header field itself, in the catalogue record.
        assert_eq!(
            (v[0].href.as_str(), v[0].rule.as_str(), v[0].time.as_str()),
            (
                "/curate/t/hu-1#f-narrator_birthplace",
                "home",
                "Catalogue record"
            )
        );
        assert_eq!(v[1].href, "/t/hu-1?p=4#p4");
    }

    #[test]
    fn audit_details_name_each_changed_field() {
        let b = serde_json::json!({ "narrator": "Kis Anna", "title": "Régi" });
        let a = serde_json::json!({ "narrator": "Kiss Anna", "title": "Régi" });
        assert_eq!(
            details(Some(&b), Some(&a)),
            vec!["narrator: Kis Anna → Kiss Anna", "title: Régi"]
        );
        assert_eq!(details(None, None), Vec::<String>::new());
        let b = serde_json::json!({ "facet": "place", "value": "chop",
            "tag": { "source": "suggested", "status": "suggested" } });
        let a = serde_json::json!({ "facet": "place", "value": "chop", "status": "rejected" });
        assert_eq!(
            details(Some(&b), Some(&a)),
            vec![
                "facet: place",
                "source: suggested",
                "status: suggested → rejected",
                "value: chop"
            ]
        );
    }

    #[test]
    fn review_returns_stay_in_the_queue() {
        assert_eq!(review_back("/curate/review?t=a"), "/curate/review?t=a");
        assert_eq!(review_back("https://evil.example/"), "/curate/review");
        assert_eq!(review_back("/curate/review//evil"), "/curate/review");
        assert_eq!(review_back("/curate/review#x"), "/curate/review");
        assert_eq!(
            review_back("/curate/review\r\nSet-Cookie: x=1"),
            "/curate/review"
        );
    }

    #[test]
    fn keys_made_at_run_time_are_in_the_catalogue() {
        let mut keys: Vec<String> = Vec::new();
        for op in ["confirm", "reject", "add"] {
            keys.push(format!("done_{op}"));
        }
        for d in ["edit", "correct", "redact", "unredact", "status", "access"] {
            keys.push(format!("saved_{d}"));
        }
        for s in STATUSES {
            keys.push(format!("status_{s}"));
        }
        for l in ["public", "restricted", "sealed"] {
            keys.push(format!("access_{l}"));
        }
        for (_, label, _) in EDIT_FIELDS {
            keys.push(label.to_string());
        }
        for k in keys {
            assert!(
                i18n::MESSAGES.iter().any(|(key, ..)| *key == k),
                "{k} is not in the catalogue"
            );
        }
    }

    #[test]
    fn the_language_switch_keeps_the_query() {
        assert_eq!(switch(UiLang::Hu, "/curate"), "/curate?hl=en");
        assert_eq!(
            switch(UiLang::En, "/curate/audit?curator=kiss.anna"),
            "/curate/audit?curator=kiss.anna&hl=hu"
        );
    }

    #[test]
    fn fields_repeat_and_default_to_empty() {
        let f = Fields::parse("item=a%7Cb%7Cc&item=d|e|f&base=12&x");
        assert_eq!(f.all("item"), vec!["a|b|c", "d|e|f"]);
        assert_eq!(f.int("base"), Some(12));
        assert_eq!(f.get("missing"), "");
    }
}
