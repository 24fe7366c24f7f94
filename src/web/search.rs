//! The search page: `/` and `/search?q=…&region=…&wave=…&transit=…&lang=…&sort=…&page=…`.
//!
//! Every state is in the URL. The facet sidebar counts the testimonies the
//! viewer may see (the library's counts), a click adds a filter, and the
//! active filters are chips that remove themselves.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use crate::Archive;
use crate::search::{Filter, Order, QueryError, SearchError, SearchRequest, SearchResults};
use crate::vocab::Facet;

use super::html::{marked, path_segment, query_string, timecode};
use super::i18n::{self, Msg, UiLang};
use super::{
    ArchiveError, Creds, Failure, Shared, blocking, failure_page, remember_lang, render, viewer,
};
use crate::access::Role;

/// Testimonies per page.
pub const PAGE_SIZE: usize = 10;
/// The deepest page served (relevance ranking past it is not useful).
pub const MAX_PAGE: usize = 100;
/// Pages ranked together (see [`run`]).
pub const RANK_BLOCK: usize = 10;
/// At most this many testimonies are sorted by date.
pub const MAX_SORTED: usize = 1000;
/// The longest query served, in characters (every word of a query is a
/// search of its own, so a query of thousands is refused, not run).
pub const MAX_QUERY_CHARS: usize = 1000;

/// The parameters of a search, as in the URL.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Params {
    /// The query text.
    #[serde(default)]
    pub q: String,
    /// Region or place filter.
    #[serde(default)]
    pub region: String,
    /// Wave filter.
    #[serde(default)]
    pub wave: String,
    /// Transit camp filter.
    #[serde(default)]
    pub transit: String,
    /// Passage language filter.
    #[serde(default)]
    pub lang: String,
    /// `relevance` (default) or `date`.
    #[serde(default)]
    pub sort: String,
    /// 1-based page.
    #[serde(default)]
    pub page: String,
    /// Interface language (remembered in a cookie).
    #[serde(default)]
    pub hl: String,
}

/// The filter parameters, in URL order: `(param, request field)`.
pub const FILTERS: &[(&str, &str)] = &[
    ("region", "region"),
    ("wave", "wave"),
    ("transit", "transit"),
    ("lang", "lang"),
];

impl Params {
    fn filter(&self, name: &str) -> &str {
        match name {
            "region" => &self.region,
            "wave" => &self.wave,
            "transit" => &self.transit,
            "lang" => &self.lang,
            _ => "",
        }
    }

    fn filter_mut(&mut self, name: &str) -> Option<&mut String> {
        match name {
            "region" => Some(&mut self.region),
            "wave" => Some(&mut self.wave),
            "transit" => Some(&mut self.transit),
            "lang" => Some(&mut self.lang),
            _ => None,
        }
    }

    /// The page number (1 when absent or invalid).
    pub fn page(&self) -> usize {
        self.page
            .trim()
            .parse::<usize>()
            .unwrap_or(1)
            .clamp(1, MAX_PAGE)
    }

    /// Whether results are sorted by recording date.
    pub fn by_date(&self) -> bool {
        self.sort == "date"
    }

    fn is_empty(&self) -> bool {
        self.q.trim().is_empty() && FILTERS.iter().all(|(p, _)| self.filter(p).is_empty())
    }

    /// The URL of this state (without the interface language).
    pub fn href(&self) -> String {
        let page = if self.page() > 1 {
            self.page().to_string()
        } else {
            String::new()
        };
        let sort = if self.by_date() { "date" } else { "" };
        format!(
            "/search{}",
            query_string(&[
                ("q", self.q.as_str()),
                ("region", &self.region),
                ("wave", &self.wave),
                ("transit", &self.transit),
                ("lang", &self.lang),
                ("sort", sort),
                ("page", &page),
            ])
        )
    }

    /// The URL of this state changed by `f`, back on page 1.
    fn with(&self, f: impl FnOnce(&mut Params)) -> String {
        let mut p = self.clone();
        p.page = String::new();
        f(&mut p);
        p.href()
    }
}

/// The library request for these parameters: the query text and the
/// filters. With no query text, the first filter becomes the query (a
/// filter alone is a valid query).
pub fn request(p: &Params, role: Role) -> SearchRequest {
    let mut filters: Vec<Filter> = FILTERS
        .iter()
        .filter(|(param, _)| !p.filter(param).trim().is_empty())
        .map(|(param, field)| Filter {
            field: (*field).to_string(),
            value: p.filter(param).trim().to_string(),
        })
        .collect();
    let query = if p.q.trim().is_empty() && !filters.is_empty() {
        let f = filters.remove(0);
        format!("{}:\"{}\"", f.field, f.value.replace('"', ""))
    } else {
        p.q.clone()
    };
    let mut req = SearchRequest::new(query);
    req.filters = filters;
    req.role = role;
    req
}

/// Runs the search of `p` for its page: the results with only that page's
/// hits, and the number of pages.
pub fn run(
    archive: &Archive,
    p: &Params,
    facets: bool,
    role: Role,
) -> Result<(SearchResults, usize), ArchiveError> {
    let page = p.page();
    let mut req = request(p, role);
    if req.query.chars().count() > MAX_QUERY_CHARS {
        return Err(ArchiveError::Search(SearchError::Query(QueryError {
            column: MAX_QUERY_CHARS + 1,
            message: format!("the query is too long (at most {MAX_QUERY_CHARS} characters)"),
        })));
    }
    req.facets = facets;
    // The library ranks testimonies by the passages it collects, and it
    // collects more for a deeper ranking: pages cut from rankings of
    // different depths could repeat or skip a testimony. So every page of
    // a block of RANK_BLOCK pages is cut from the same window, and only
    // the page's passages are built.
    req.offset = (page - 1) * PAGE_SIZE;
    req.limit = PAGE_SIZE;
    if p.by_date() {
        req.order = Order::Recorded;
        req.window = MAX_SORTED;
    } else {
        req.window = page.div_ceil(RANK_BLOCK) * RANK_BLOCK * PAGE_SIZE;
    }
    let results = archive.search(&req)?;
    let shown = results.total_testimonies.min(if p.by_date() {
        MAX_SORTED
    } else {
        MAX_PAGE * PAGE_SIZE
    });
    let pages = shown.div_ceil(PAGE_SIZE).max(1);
    Ok((results, pages))
}

struct Chip {
    label: String,
    href: String,
}

struct FacetLink {
    label: String,
    count: usize,
    href: String,
    depth: usize,
    active: bool,
}

impl FacetLink {
    /// A facet value that filters the current search by `id` (or, when it
    /// is the active filter, shows it as such).
    fn new(p: &Params, param: &str, id: &str, label: String, count: usize, depth: usize) -> Self {
        FacetLink {
            label,
            count,
            href: p.with(|q| {
                if let Some(v) = q.filter_mut(param) {
                    *v = id.to_string();
                }
            }),
            depth: depth.min(4),
            active: p.filter(param) == id,
        }
    }
}

struct FacetGroup {
    title: &'static str,
    values: Vec<FacetLink>,
}

struct PassageView {
    href: String,
    time: String,
    speaker: String,
    kind: String,
    question_speaker: String,
    question_html: String,
    html: String,
}

struct HitView {
    href: String,
    title: String,
    meta: String,
    matching: String,
    passages: Vec<PassageView>,
}

struct BrowseRow {
    href: String,
    title: String,
    meta: String,
}

struct SortLink {
    label: &'static str,
    href: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "web/search.html")]
struct SearchPage {
    m: Msg,
    switch_href: String,
    q: String,
    hidden: Vec<(&'static str, String)>,
    error: Option<(String, String, String)>,
    summary: String,
    hits: Vec<HitView>,
    browse: Vec<BrowseRow>,
    facets: Vec<FacetGroup>,
    chips: Vec<Chip>,
    sorts: Vec<SortLink>,
    prev: String,
    next: String,
    page_label: String,
    no_results: bool,
    who: String,
    /// An archivist: the header links to the curation screens.
    curates: bool,
}

/// `GET /` and `GET /search`.
pub async fn page(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(p): Query<Params>,
) -> Response {
    let lang = i18n::choose(&headers, Some(&p.hl));
    let hl = p.hl.clone();
    let creds = Creds::from_headers(&headers, false);
    let result = blocking(&state, move |a| {
        let v = viewer(a, &creds)?;
        let mut page = build(a, &p, lang, v.role)?;
        page.who = v.name.unwrap_or_default();
        page.curates = v.role == Role::Archivist;
        Ok(page)
    })
    .await;
    let resp = match result {
        Ok(page) => render(&page),
        Err(f) => failure_page(f, lang),
    };
    remember_lang(resp, Some(&hl))
}

fn facet_title(m: Msg, facet: &str) -> &'static str {
    match facet {
        "wave" => m.get("facet_wave"),
        "region" => m.get("facet_region"),
        "transit_camp" => m.get("facet_transit_camp"),
        _ => m.get("facet_lang"),
    }
}

fn facet_param(facet: &str) -> &'static str {
    match facet {
        "wave" => "wave",
        "transit_camp" => "transit",
        _ => "region",
    }
}

fn lang_label(m: Msg, code: &str) -> String {
    match code {
        "hu" => m.get("lang_hu").to_string(),
        "ru" => m.get("lang_ru").to_string(),
        "de" => m.get("lang_de").to_string(),
        "other" => m.get("lang_other").to_string(),
        other => other.to_string(),
    }
}

/// A vocabulary value's label in the interface language.
pub(crate) fn vocab_label(a: &Archive, id: &str, lang: UiLang) -> String {
    match a.vocabulary().get(id) {
        Some(e) if lang == UiLang::En && !e.labels.en.is_empty() => e.labels.en.clone(),
        Some(e) => e.labels.hu.clone(),
        None => id.to_string(),
    }
}

/// A facet value's label in `lang` (Hungarian when it has no English one).
pub(crate) fn facet_label(v: &crate::facets::FacetValue, lang: UiLang) -> String {
    if lang == UiLang::En && !v.label_en.is_empty() {
        v.label_en.clone()
    } else {
        v.label.clone()
    }
}

/// A reader link for a testimony, carrying the query for highlighting.
pub(crate) fn reader_href(id: &str, q: &str, ordinal: Option<i64>) -> String {
    let base = format!("/t/{}", path_segment(id));
    match ordinal {
        Some(o) => {
            let p = o.to_string();
            format!("{base}{}#p{o}", query_string(&[("q", q), ("p", &p)]))
        }
        None => format!("{base}{}", query_string(&[("q", q)])),
    }
}

fn build(a: &Archive, p: &Params, lang: UiLang, role: Role) -> Result<SearchPage, Failure> {
    let m = Msg { lang };
    let mut page = SearchPage {
        m,
        switch_href: {
            let href = p.href();
            let sep = if href.contains('?') { '&' } else { '?' };
            format!("{href}{sep}hl={}", lang.other().code())
        },
        q: p.q.clone(),
        hidden: FILTERS
            .iter()
            .map(|(param, _)| (*param, p.filter(param).to_string()))
            .chain(std::iter::once((
                "sort",
                if p.by_date() {
                    "date".into()
                } else {
                    String::new()
                },
            )))
            .filter(|(_, v)| !v.is_empty())
            .collect(),
        error: None,
        summary: String::new(),
        hits: Vec::new(),
        browse: Vec::new(),
        facets: Vec::new(),
        chips: Vec::new(),
        sorts: Vec::new(),
        prev: String::new(),
        next: String::new(),
        page_label: String::new(),
        no_results: false,
        who: String::new(),
        curates: false,
    };
    for (param, _) in FILTERS {
        let v = p.filter(param);
        if v.is_empty() {
            continue;
        }
        let label = if *param == "lang" {
            lang_label(m, v)
        } else {
            vocab_label(a, v, lang)
        };
        page.chips.push(Chip {
            label: format!(
                "{}: {label}",
                m.get(if *param == "transit" {
                    "transit_camp"
                } else {
                    param
                })
            ),
            href: p.with(|q| {
                if let Some(f) = q.filter_mut(param) {
                    f.clear();
                }
            }),
        });
    }

    if p.is_empty() {
        landing(a, p, m, &mut page, role)?;
        return Ok(page);
    }

    let (results, pages) = match run(a, p, true, role) {
        Ok(r) => r,
        Err(ArchiveError::Search(SearchError::Query(e))) => {
            // The column counts characters of the query as typed (or of
            // the filter, when the filter was the query).
            let shown = request(p, role).query;
            let caret: String = " ".repeat(e.column.saturating_sub(1)) + "^";
            page.error = Some((
                format!(
                    "{} {}",
                    m.fill("query_error", &[("col", e.column.to_string())]),
                    e.message
                ),
                shown,
                caret,
            ));
            landing_facets(a, p, m, &mut page, role)?;
            return Ok(page);
        }
        Err(e) => return Err(e.into()),
    };
    page.summary = m.fill(
        "results_count",
        &[
            ("n", results.total_testimonies.to_string()),
            ("p", results.total_passages.to_string()),
        ],
    );
    page.no_results = results.total_testimonies == 0;
    let current = p.page();
    if pages > 1 {
        page.page_label = m.fill(
            "page_of",
            &[("page", current.to_string()), ("pages", pages.to_string())],
        );
    }
    if current > 1 {
        let mut q = p.clone();
        q.page = (current - 1).to_string();
        page.prev = q.href();
    }
    if current < pages {
        let mut q = p.clone();
        q.page = (current + 1).to_string();
        page.next = q.href();
    }
    page.sorts = vec![
        SortLink {
            label: m.get("sort_relevance"),
            href: p.with(|q| q.sort.clear()),
            active: !p.by_date(),
        },
        SortLink {
            label: m.get("sort_date"),
            href: p.with(|q| q.sort = "date".into()),
            active: p.by_date(),
        },
    ];
    let q_for_links = request(p, role).query;
    for hit in &results.hits {
        let meta: Vec<String> = [hit.narrator.clone(), hit.recorded.clone()]
            .into_iter()
            .flatten()
            .collect();
        page.hits.push(HitView {
            href: reader_href(&hit.id, &q_for_links, None),
            title: hit.title.clone(),
            meta: meta.join(" · "),
            matching: m.fill(
                "matching_passages",
                &[("n", hit.matching_passages.to_string())],
            ),
            passages: hit
                .passages
                .iter()
                .map(|ps| PassageView {
                    href: if ps.record || ps.index_point.is_some() {
                        reader_href(&hit.id, &q_for_links, None)
                    } else {
                        reader_href(&hit.id, &q_for_links, Some(ps.ordinal))
                    },
                    time: ps.start_ms.map(timecode).unwrap_or_default(),
                    speaker: ps
                        .speaker_name
                        .clone()
                        .or_else(|| ps.speaker.clone())
                        .unwrap_or_default(),
                    kind: if ps.record {
                        m.get("record_hit").to_string()
                    } else if ps.index_point.is_some() {
                        m.get("index_point_hit").to_string()
                    } else {
                        String::new()
                    },
                    question_speaker: ps
                        .question
                        .as_ref()
                        .and_then(|qn| qn.speaker.clone())
                        .unwrap_or_default(),
                    question_html: ps
                        .question
                        .as_ref()
                        .map(|qn| marked(&qn.snippet.text, &qn.snippet.highlights))
                        .unwrap_or_default(),
                    html: marked(&ps.snippet.text, &ps.snippet.highlights),
                })
                .collect(),
        });
    }
    // Facets of the matching testimonies, as the library counts them for
    // this role.
    let mut groups: Vec<FacetGroup> = Vec::new();
    for facet in ["wave", "region", "transit_camp"] {
        let param = facet_param(facet);
        let values: Vec<FacetLink> = results
            .facets
            .iter()
            .flatten()
            .filter(|f| f.facet == facet && f.count > 0)
            .map(|f| {
                FacetLink::new(
                    p,
                    param,
                    &f.id,
                    vocab_label(a, &f.id, lang),
                    f.count,
                    f.depth,
                )
            })
            .collect();
        if !values.is_empty() {
            groups.push(FacetGroup {
                title: facet_title(m, facet),
                values,
            });
        }
    }
    if let Some(g) = lang_facet(a, p, m, role, results.languages.as_deref())? {
        groups.push(g);
    }
    page.facets = groups;
    Ok(page)
}

/// The passage-language facet: testimonies with passages in each language
/// that match the rest of the search. `counted` are the counts the search
/// itself made, when it could; they hold when no language is chosen.
fn lang_facet(
    a: &Archive,
    p: &Params,
    m: Msg,
    role: Role,
    counted: Option<&[(&str, usize)]>,
) -> Result<Option<FacetGroup>, Failure> {
    if p.q.chars().count() > MAX_QUERY_CHARS {
        return Ok(None);
    }
    let counted = counted.filter(|_| p.lang.is_empty());
    let mut values = Vec::new();
    for code in crate::lang::Lang::ALL.map(|l| l.code()) {
        let known = counted.and_then(|c| c.iter().find(|(l, _)| *l == code));
        let total = if let Some(&(_, n)) = known {
            n
        } else {
            let mut probe = p.clone();
            probe.lang = code.to_string();
            probe.page = String::new();
            match a.count(&request(&probe, role)) {
                Ok(n) => n,
                Err(ArchiveError::Search(SearchError::Query(_))) => 0,
                Err(e) => return Err(e.into()),
            }
        };
        if total > 0 || p.lang == code {
            values.push(FacetLink {
                label: lang_label(m, code),
                count: total,
                href: p.with(|q| q.lang = code.to_string()),
                depth: 0,
                active: p.lang == code,
            });
        }
    }
    Ok((!values.is_empty()).then(|| FacetGroup {
        title: m.get("facet_lang"),
        values,
    }))
}

/// The page without a search: every facet of the whole archive and the
/// list of testimonies.
fn landing(
    a: &Archive,
    p: &Params,
    m: Msg,
    page: &mut SearchPage,
    role: Role,
) -> Result<(), Failure> {
    landing_facets(a, p, m, page, role)?;
    let mut list = a.list(role)?;
    list.sort_by(|x, y| x.title.cmp(&y.title));
    page.summary = m.get("all_testimonies").to_string();
    for t in list {
        let meta: Vec<String> = [t.narrator.clone(), t.recorded.clone()]
            .into_iter()
            .flatten()
            .chain(std::iter::once(
                t.languages
                    .iter()
                    .map(|l| lang_label(m, l))
                    .collect::<Vec<_>>()
                    .join(", "),
            ))
            .filter(|s| !s.is_empty())
            .collect();
        page.browse.push(BrowseRow {
            href: reader_href(&t.id, "", None),
            title: t.title,
            meta: meta.join(" · "),
        });
    }
    Ok(())
}

fn landing_facets(
    a: &Archive,
    p: &Params,
    m: Msg,
    page: &mut SearchPage,
    role: Role,
) -> Result<(), Failure> {
    let lang = m.lang;
    let all = a.facet_values_of(
        &[Facet::Wave, Facet::Region, Facet::TransitCamp],
        role,
        false,
    )?;
    for (values, name) in all.into_iter().zip(["wave", "region", "transit_camp"]) {
        let param = facet_param(name);
        let values: Vec<FacetLink> = values
            .into_iter()
            .filter(|v| v.count > 0)
            .map(|v| FacetLink::new(p, param, &v.id, facet_label(&v, lang), v.count, v.depth))
            .collect();
        if !values.is_empty() {
            page.facets.push(FacetGroup {
                title: facet_title(m, name),
                values,
            });
        }
    }
    if let Some(g) = lang_facet(a, p, m, role, None)? {
        page.facets.push(g);
    }
    Ok(())
}
