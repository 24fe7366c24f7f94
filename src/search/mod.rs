//! Stage 8: search.
//!
//! Input: a query string, filters and the caller's [`Role`]. Output:
//! [`SearchResults`] — testimonies ranked by their best passages, each
//! passage with timecode, speaker and a highlighted [`Snippet`], plus
//! optional facet counts (of testimonies, not passages).
//!
//! Flow: [`query::parse`] → compile to a Tantivy query over the analysed
//! views (plus the access filter of the role) → top passages and the set of
//! matching testimonies → hydrate from SQLite, re-checking access and
//! applying redactions → snippets. A malformed query is a [`QueryError`]
//! with a column, never a panic.

mod collect;
mod compile;
pub mod query;
mod snippet;

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;

use serde::Serialize;
use tantivy::Term;
use tantivy::collector::TopDocs;
use tantivy::columnar::Column;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, Occur, Query as TQuery, RangeQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use time::Date;

pub use self::compile::Highlighter;
pub use self::query::QueryError;
pub use self::snippet::Snippet;

use crate::access::{Role, Visibility, can_see};
use crate::index::{Fields, IndexError, SearchIndex};
use crate::lang::Lang;
use crate::store::{Store, StoreError};
use crate::vocab::Vocabulary;

/// A search failure.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query text is malformed.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// The index failed.
    #[error(transparent)]
    Index(#[from] IndexError),
    /// Tantivy failed while searching.
    #[error("search failed: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// SQLite failed while reading results.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A facet filter given outside the query (`--region donbas`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// `region`, `wave`, `transit`, `place`, `lang`, `speaker` or `id`.
    pub field: String,
    /// An id or alias.
    pub value: String,
}

/// What to search for and how.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// The query text.
    pub query: String,
    /// Maximum testimonies to return.
    pub limit: usize,
    /// Maximum passages per testimony.
    pub passages: usize,
    /// Filters besides the query.
    pub filters: Vec<Filter>,
    /// Whether to count facets.
    pub facets: bool,
    /// Whether suggested (unconfirmed) tags count for filters and facets.
    pub suggested: bool,
    /// Who is asking.
    pub role: Role,
    /// The date access is evaluated on.
    pub today: Date,
    /// Snippet length in characters.
    pub snippet_chars: usize,
}

impl SearchRequest {
    /// A request with defaults: 10 testimonies, 3 passages, archivist.
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            limit: 10,
            passages: 3,
            filters: Vec::new(),
            facets: false,
            suggested: false,
            role: Role::Archivist,
            today: crate::dates::today(),
            snippet_chars: 220,
        }
    }
}

/// One matching passage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// Segment ordinal.
    pub ordinal: i64,
    /// Start time (ms).
    pub start_ms: Option<i64>,
    /// End time (ms).
    pub end_ms: Option<i64>,
    /// Speaker label.
    pub speaker: Option<String>,
    /// Speaker name from the header, when declared.
    pub speaker_name: Option<String>,
    /// Language code.
    pub lang: String,
    /// Relevance score.
    pub score: f32,
    /// The highlighted snippet.
    pub snippet: Snippet,
}

/// One matching testimony.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TestimonyHit {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Narrator.
    pub narrator: Option<String>,
    /// Recording date.
    pub recorded: Option<String>,
    /// Relevance score (best passage, plus a little for more good ones).
    pub score: f32,
    /// How many passages of this testimony match.
    pub matching_passages: usize,
    /// The best passages, best first.
    pub passages: Vec<Passage>,
}

/// A facet value with its number of matching testimonies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FacetCount {
    /// `wave`, `region` or `transit_camp`.
    pub facet: String,
    /// Vocabulary id.
    pub id: String,
    /// Hungarian label.
    pub label: String,
    /// Depth in the hierarchy (0 = top level).
    pub depth: usize,
    /// The facet path.
    pub path: String,
    /// Matching testimonies with this value (or one below it).
    pub count: usize,
}

/// The results of a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Matching testimonies (visible to the caller).
    pub total_testimonies: usize,
    /// Matching passages.
    pub total_passages: usize,
    /// The ranked testimonies.
    pub hits: Vec<TestimonyHit>,
    /// Facet counts, when asked for.
    pub facets: Option<Vec<FacetCount>>,
}

/// Runs a search.
pub fn search(
    index: &SearchIndex,
    store: &Store,
    vocab: &Vocabulary,
    req: &SearchRequest,
) -> Result<SearchResults, SearchError> {
    let parsed = query::parse(&req.query)?;
    let fields = index.fields();
    let mut compiler = compile::Compiler {
        fields,
        vocab,
        suggested: req.suggested,
        highlight: Highlighter::default(),
    };
    let mut clauses: Vec<(Occur, Box<dyn TQuery>)> =
        vec![(Occur::Must, compiler.compile(&parsed, false)?)];
    for f in &req.filters {
        let field = if f.field == "transit_camp" {
            "transit"
        } else {
            f.field.as_str()
        };
        if !query::FIELDS.contains(&field) {
            return Err(QueryError {
                column: 1,
                message: format!("unknown filter `{}`", f.field),
            }
            .into());
        }
        clauses.push((Occur::Must, compiler.field(field, &f.value)?));
    }
    clauses.extend(access_clauses(fields, req.role, req.today));
    let full: Box<dyn TQuery> = Box::new(BooleanQuery::new(clauses));
    let highlight = compiler.highlight;

    let searcher = index.searcher();
    let facet_field = if req.suggested {
        "tags_suggested"
    } else {
        "tags"
    };
    let set_collector = collect::TestimonySet {
        facet_field: req.facets.then_some(facet_field),
    };
    let mut want = (req.limit * req.passages.max(1) * 8).max(200);
    let (mut top, testimonies) = searcher.search(
        &full,
        &(TopDocs::with_limit(want).order_by_score(), set_collector),
    )?;
    let total_passages: usize = testimonies.values().map(|t| t.passages).sum();
    let mut keys = DocKeys::new(&searcher);
    // Fetch more passages until enough testimonies are represented.
    loop {
        let distinct = keys.distinct_testimonies(&top)?;
        if distinct >= req.limit || top.len() < want || want >= total_passages {
            break;
        }
        want *= 4;
        top = searcher.search(&full, &TopDocs::with_limit(want).order_by_score())?;
    }

    // Group passages by testimony.
    let mut groups: HashMap<u64, Vec<(f32, i64)>> = HashMap::new();
    let mut order: Vec<u64> = Vec::new();
    for (score, addr) in &top {
        let (tnum, ordinal) = keys.get(*addr)?;
        let g = groups.entry(tnum).or_insert_with(|| {
            order.push(tnum);
            Vec::new()
        });
        if !g.iter().any(|(_, o)| *o == ordinal) {
            g.push((*score, ordinal));
        }
    }
    let mut ranked: Vec<(f32, u64)> = order
        .iter()
        .map(|t| {
            let g = &groups[t];
            let s = g.first().map_or(0.0, |p| p.0)
                + 0.3 * g.get(1).map_or(0.0, |p| p.0)
                + 0.1 * g.get(2).map_or(0.0, |p| p.0);
            (s, *t)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));

    let mut hits = Vec::new();
    for (score, tnum) in ranked {
        if hits.len() >= req.limit {
            break;
        }
        let Some(t) = store.testimony_by_num(tnum as i64)? else {
            continue;
        };
        let vis = Visibility {
            access: t.access,
            embargo_until: t.embargo_until.as_deref(),
            status: &t.status,
        };
        if !can_see(req.role, vis, req.today) {
            continue;
        }
        let redactions: Vec<(i64, (usize, usize))> = if req.role.sees_redacted() {
            Vec::new()
        } else {
            store
                .redactions(t.num)?
                .into_iter()
                .filter(|r| r.active)
                .map(|r| {
                    (
                        r.ordinal,
                        (r.span.0.max(0) as usize, r.span.1.max(0) as usize),
                    )
                })
                .collect()
        };
        let mut passages = Vec::new();
        for &(pscore, ordinal) in groups[&tnum].iter().take(req.passages) {
            let Some(seg) = store.segment(t.num, ordinal)? else {
                continue;
            };
            let spans: Vec<(usize, usize)> = redactions
                .iter()
                .filter(|(o, _)| *o == ordinal)
                .map(|(_, s)| *s)
                .collect();
            let text = if spans.is_empty() {
                seg.text.clone()
            } else {
                crate::access::mark_spans(&seg.text, &spans)
            };
            let lang = Lang::from_code(&seg.lang).unwrap_or(Lang::Other);
            let speaker_name = seg
                .speaker
                .as_ref()
                .and_then(|l| {
                    t.speakers
                        .iter()
                        .find(|s| s.label.to_lowercase() == l.to_lowercase())
                })
                .map(|s| s.name.clone());
            passages.push(Passage {
                ordinal,
                start_ms: seg.start_ms,
                end_ms: seg.end_ms,
                speaker: seg.speaker,
                speaker_name,
                lang: seg.lang,
                score: pscore,
                snippet: snippet::snippet(&text, lang, &highlight, req.snippet_chars),
            });
        }
        hits.push(TestimonyHit {
            id: t.id,
            title: t.title,
            narrator: t.narrator,
            recorded: t.recorded,
            score,
            matching_passages: testimonies
                .get(&tnum)
                .map_or(passages.len(), |s| s.passages),
            passages,
        });
    }
    let facets = req.facets.then(|| facet_counts(vocab, &testimonies));
    Ok(SearchResults {
        query: req.query.clone(),
        total_testimonies: testimonies.len(),
        total_passages,
        hits,
        facets,
    })
}

/// Reads the testimony number and ordinal of hits from the fast fields,
/// opening each segment's columns once.
struct DocKeys<'a> {
    searcher: &'a tantivy::Searcher,
    columns: Vec<Option<(Column<u64>, Column<u64>)>>,
}

impl<'a> DocKeys<'a> {
    fn new(searcher: &'a tantivy::Searcher) -> DocKeys<'a> {
        DocKeys {
            searcher,
            columns: vec![None; searcher.segment_readers().len()],
        }
    }

    /// `(testimony number, ordinal)` of a hit.
    fn get(&mut self, addr: tantivy::DocAddress) -> tantivy::Result<(u64, i64)> {
        let slot = &mut self.columns[addr.segment_ord as usize];
        if slot.is_none() {
            let ff = self.searcher.segment_reader(addr.segment_ord).fast_fields();
            *slot = Some((ff.u64("tnum")?, ff.u64("ordinal")?));
        }
        let Some((tnum, ordinal)) = slot else {
            return Ok((0, 0));
        };
        Ok((
            tnum.first(addr.doc_id).unwrap_or(0),
            ordinal.first(addr.doc_id).unwrap_or(0) as i64,
        ))
    }

    fn distinct_testimonies(
        &mut self,
        top: &[(f32, tantivy::DocAddress)],
    ) -> tantivy::Result<usize> {
        let mut seen = std::collections::HashSet::new();
        for (_, addr) in top {
            seen.insert(self.get(*addr)?.0);
        }
        Ok(seen.len())
    }
}

/// The clauses that restrict a search to what `role` may see; they do not
/// change scores.
fn access_clauses(f: &Fields, role: Role, today: Date) -> Vec<(Occur, Box<dyn TQuery>)> {
    let term = |field, text: &str| -> Box<dyn TQuery> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, text),
            IndexRecordOption::Basic,
        ))
    };
    let zero = |q: Box<dyn TQuery>| -> Box<dyn TQuery> { Box::new(ConstScoreQuery::new(q, 0.0)) };
    match role {
        Role::Archivist => vec![(Occur::MustNot, term(f.audience, "redacted"))],
        Role::Public | Role::Researcher => {
            let today_days = crate::dates::days_since_epoch(today);
            let embargo_over: Box<dyn TQuery> = Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_i64(f.embargo, i64::MIN)),
                Bound::Included(Term::from_field_i64(f.embargo, today_days)),
            ));
            let mut levels: Vec<(Occur, Box<dyn TQuery>)> = vec![
                (Occur::Should, term(f.access, "public")),
                (Occur::Should, embargo_over),
            ];
            if role == Role::Researcher {
                levels.push((Occur::Should, term(f.access, "restricted")));
            }
            vec![
                (Occur::Must, zero(term(f.status, "published"))),
                (Occur::Must, zero(Box::new(BooleanQuery::new(levels)))),
                (Occur::MustNot, term(f.audience, "archivist")),
            ]
        }
    }
}

fn facet_counts(vocab: &Vocabulary, testimonies: &collect::Testimonies) -> Vec<FacetCount> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for t in testimonies.values() {
        let mut paths: Vec<String> = Vec::new();
        for p in &t.facets {
            let parts: Vec<&str> = p.trim_start_matches('/').split('/').collect();
            for depth in 2..=parts.len() {
                let prefix = format!("/{}", parts[..depth].join("/"));
                if !paths.contains(&prefix) {
                    paths.push(prefix);
                }
            }
        }
        for p in paths {
            *counts.entry(p).or_insert(0) += 1;
        }
    }
    let mut out: Vec<FacetCount> = counts
        .into_iter()
        .filter_map(|(path, count)| {
            let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
            let id = parts.last()?;
            let entry = vocab.get(id)?;
            Some(FacetCount {
                facet: parts.first()?.to_string(),
                id: id.to_string(),
                label: entry.labels.hu.clone(),
                depth: parts.len() - 2,
                path: path.clone(),
                count,
            })
        })
        .collect();
    // Facet, then hierarchy order with larger counts first among siblings.
    out.sort_by(|a, b| a.facet.cmp(&b.facet).then(a.path.cmp(&b.path)));
    out
}
