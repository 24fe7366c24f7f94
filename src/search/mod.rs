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
//!
//! Boolean logic works on testimonies: each part of the query's top level
//! must match somewhere in a testimony (`Foksány vérhas` needs both words,
//! not in one passage), a `NOT` part excludes testimonies where it matches
//! anywhere the caller may see, and `lang:`/`speaker:` restrict the
//! passages every part is looked for in. The passages shown are ranked by
//! how many parts they hold, in themselves or in the question they answer.

mod collect;
mod compile;
pub mod query;
mod snippet;

use std::collections::{HashMap, HashSet};
use std::ops::Bound;

use serde::Serialize;
use tantivy::Term;
use tantivy::columnar::Column;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query as TQuery, RangeQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use time::Date;

pub use self::compile::Highlighter;
pub use self::query::{Query, QueryError};
pub use self::snippet::Snippet;

use crate::access::{Role, Visibility, can_see, spans_at};
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
    /// Ranked testimonies to skip before the first one returned (a later
    /// page). Their passages are not built.
    pub offset: usize,
    /// How many testimonies are ranked before `offset` and `limit` cut
    /// the page out; 0 means `offset + limit`. Pages cut from the same
    /// window come from one ranking, so none repeats or goes missing
    /// across them (a deeper ranking collects more passages and can
    /// order the testimonies differently).
    pub window: usize,
    /// The order of the returned testimonies.
    pub order: Order,
}

/// The order of search results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Best match first.
    #[default]
    Relevance,
    /// By recording date, oldest first; undated last; ties by identifier.
    /// Only the ranking window is sorted.
    Recorded,
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
            offset: 0,
            window: 0,
            order: Order::Relevance,
        }
    }

    /// Testimonies ranked before the page is cut out.
    fn depth(&self) -> usize {
        self.window.max(self.offset.saturating_add(self.limit))
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
    /// When the passage is an index point (a table-of-contents entry), its
    /// 1-based number; the snippet is then the point's title, synopsis and
    /// keywords, and `start_ms` its time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_point: Option<i64>,
    /// The passage is the testimony's catalogue record (title, narrator,
    /// birthplace, interviewer, places, keywords, abstract), not its text.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub record: bool,
    /// The question this passage answers, when it holds query words the
    /// passage does not (`Foksány vérhas` finding `Kitört a vérhas` after
    /// `Milyenek voltak a körülmények Foksányban?`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<Question>,
}

/// The question a passage answers, as shown with the passage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    /// Its speaker label.
    pub speaker: Option<String>,
    /// The highlighted question.
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
    /// Testimonies with a matching passage in each passage language (`hu`,
    /// `ru`, `de`, `other`), as the request with a `lang` filter of that
    /// language would count them. Given with facets when the query has no
    /// testimony-level boolean logic (parts AND-ed across passages, NOT),
    /// which a passage filter also narrows; otherwise ask [`count`].
    #[serde(skip)]
    pub languages: Option<Vec<(&'static str, usize)>>,
}

/// Runs a search.
pub fn search(
    index: &SearchIndex,
    store: &Store,
    vocab: &Vocabulary,
    req: &SearchRequest,
) -> Result<SearchResults, SearchError> {
    let _flight = InFlight::start();
    store.read_snapshot(|| search_in_snapshot(index, store, vocab, req))
}

/// A search compiled against one searcher: the passage query with its
/// filters and access clauses, and the testimonies the boolean logic keeps.
struct Planned {
    searcher: tantivy::Searcher,
    full: Box<dyn TQuery>,
    keep: Option<Keep>,
    highlight: Highlighter,
    facet_field: &'static str,
}

/// How many testimonies `req` matches, as [`search`] counts them in
/// `total_testimonies`, without ranking, passages or facets (a count per
/// filter value costs one pass that skips each testimony after its first
/// matching passage).
pub fn count(
    index: &SearchIndex,
    vocab: &Vocabulary,
    req: &SearchRequest,
) -> Result<usize, SearchError> {
    let _flight = InFlight::start();
    let plan = plan(index, vocab, req)?;
    let mut found = collect::testimonies_of(&plan.searcher, &*plan.full)?;
    if let Some(k) = &plan.keep {
        found.retain(|&t| k.keeps(t));
    }
    Ok(found.len())
}

fn search_in_snapshot(
    index: &SearchIndex,
    store: &Store,
    vocab: &Vocabulary,
    req: &SearchRequest,
) -> Result<SearchResults, SearchError> {
    let Planned {
        searcher,
        full,
        keep,
        highlight,
        facet_field,
    } = plan(index, vocab, req)?;
    let set_collector = collect::TestimonySet {
        facet_field: req.facets.then_some(facet_field),
    };
    let depth = req.depth();
    let mut want = depth
        .saturating_mul(req.passages.max(1))
        .saturating_mul(8)
        .clamp(200, MAX_COLLECTED);
    let (mut top, testimonies) = search_kept(
        &searcher,
        &full,
        keep.as_ref(),
        (collect::TopPassages::new(want), set_collector),
    )?;
    let total_passages: usize = testimonies.found.values().map(|t| t.passages).sum();
    let mut keys = DocKeys::new(&searcher);
    // Fetch more passages until enough testimonies are represented.
    let mut keyed = keys.all(&top)?;
    loop {
        let distinct = keyed.iter().map(|k| k.1.0).collect::<HashSet<u64>>().len();
        if distinct >= depth || top.len() < want || want >= total_passages.min(MAX_COLLECTED) {
            break;
        }
        want = want.saturating_mul(4).min(MAX_COLLECTED);
        top = search_kept(
            &searcher,
            &full,
            keep.as_ref(),
            collect::TopPassages::new(want),
        )?;
        keyed = keys.all(&top)?;
    }

    // Group passages by testimony.
    let mut groups: HashMap<u64, Vec<(f32, i64, u64)>, crate::hash::FxBuildHasher> =
        HashMap::default();
    let mut order: Vec<u64> = Vec::new();
    for &(score, (tnum, ordinal, point, asks)) in &keyed {
        // An interviewer's question names the topic in a few words and
        // would outrank the narrator's account of it; the answer counts
        // more.
        let score = if asks {
            score * QUESTION_WEIGHT
        } else if point == crate::index::RECORD_POINT {
            score * RECORD_WEIGHT
        } else {
            score
        };
        let g = groups.entry(tnum).or_insert_with(|| {
            order.push(tnum);
            Vec::new()
        });
        if !g.iter().any(|(_, o, p)| *o == ordinal && *p == point) {
            g.push((score, ordinal, point));
        }
    }
    // Ties are broken by position, not by how the index is laid out.
    for g in groups.values_mut() {
        g.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
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

    // The window: the visible testimonies in rank order, then the page.
    let mut window = Vec::new();
    for (score, tnum) in ranked {
        if window.len() >= depth {
            break;
        }
        let Some(t) = store.standing_by_num(tnum as i64)? else {
            continue;
        };
        let vis = Visibility {
            access: t.access,
            embargo_until: t.embargo_until.as_deref(),
            status: &t.status,
        };
        if can_see(req.role, vis, req.today) {
            window.push((score, tnum, t));
        }
    }
    if req.order == Order::Recorded {
        window.sort_by(|(_, _, a), (_, _, b)| {
            (a.recorded.is_none(), &a.recorded, &a.id).cmp(&(
                b.recorded.is_none(),
                &b.recorded,
                &b.id,
            ))
        });
    }
    let mut hits = Vec::new();
    for (score, tnum, standing) in window.into_iter().skip(req.offset).take(req.limit) {
        // The snapshot is the one the window was read in: the row is there.
        let Some(t) = store.testimony_by_num(standing.num)? else {
            continue;
        };
        let redactions = if req.role.sees_redacted() {
            Vec::new()
        } else {
            store.active_redaction_spans(t.num)?
        };
        let mut passages = Vec::new();
        let mut points: Option<Vec<crate::parse::IndexPoint>> = None;
        // The testimony's shown passages and the ones before them (a
        // question they may answer), read (decompressed) once for all.
        let shown: Vec<i64> = groups[&tnum]
            .iter()
            .take(req.passages)
            .filter(|&&(_, _, point)| point == 0)
            .map(|&(_, ordinal, _)| ordinal)
            .collect();
        let segments = if shown.is_empty() {
            Vec::new()
        } else {
            store.segments_where(t.num, &|o| shown.contains(&o) || shown.contains(&(o + 1)))?
        };
        for &(pscore, ordinal, point) in groups[&tnum].iter().take(req.passages) {
            if point == crate::index::RECORD_POINT {
                let text = crate::index::record_text(&t);
                let lang =
                    crate::lang::detect(&text, t.languages.first().map(|c| Lang::for_code(c)));
                passages.push(Passage {
                    ordinal,
                    start_ms: None,
                    end_ms: None,
                    speaker: None,
                    speaker_name: None,
                    lang: lang.code().to_string(),
                    score: pscore,
                    snippet: snippet::snippet(&text, lang, &highlight, req.snippet_chars),
                    index_point: None,
                    record: true,
                    question: None,
                });
                continue;
            }
            if point > 0 {
                if points.is_none() {
                    points = Some(visible_points(store, &t, &redactions)?);
                }
                let Some(p) = points.as_ref().and_then(|ps| ps.get(point as usize - 1)) else {
                    continue;
                };
                let text = point_text(p);
                let lang =
                    crate::lang::detect(&text, t.languages.first().map(|c| Lang::for_code(c)));
                passages.push(Passage {
                    ordinal,
                    start_ms: i64::try_from(p.start_ms).ok(),
                    end_ms: None,
                    speaker: None,
                    speaker_name: None,
                    lang: lang.code().to_string(),
                    score: pscore,
                    snippet: snippet::snippet(&text, lang, &highlight, req.snippet_chars),
                    index_point: Some(point as i64),
                    record: false,
                    question: None,
                });
                continue;
            }
            let Some(at) = segments.iter().position(|s| s.ordinal == ordinal) else {
                continue;
            };
            let seg = segments[at].clone();
            let prev = at.checked_sub(1).and_then(|i| segments.get(i));
            let text = crate::access::mark_spans(&seg.text, &spans_at(&redactions, ordinal));
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
            let question = prev.and_then(|prev| {
                asked_context(prev, &seg, &redactions, &highlight, req.snippet_chars)
            });
            passages.push(Passage {
                question,
                ordinal,
                start_ms: seg.start_ms,
                end_ms: seg.end_ms,
                speaker: seg.speaker,
                speaker_name,
                lang: seg.lang,
                score: pscore,
                snippet: snippet::snippet(&text, lang, &highlight, req.snippet_chars),
                index_point: None,
                record: false,
            });
        }
        hits.push(TestimonyHit {
            id: t.id,
            title: t.title,
            narrator: t.narrator,
            recorded: t.recorded,
            score,
            matching_passages: testimonies
                .found
                .get(&tnum)
                .map_or(passages.len(), |s| s.passages),
            passages,
        });
    }
    let facets = req.facets.then(|| facet_counts(vocab, &testimonies));
    let languages = match (&keep, testimonies.languages) {
        (None, Some(per)) => Some(Lang::ALL.iter().map(|l| l.code()).zip(per).collect()),
        _ => None,
    };
    Ok(SearchResults {
        languages,
        query: req.query.clone(),
        total_testimonies: testimonies.len(),
        total_passages,
        hits,
        facets,
    })
}

/// Compiles `req`: parses the query, splits it for testimony-level
/// boolean logic and works out the testimonies its parts keep.
fn plan(
    index: &SearchIndex,
    vocab: &Vocabulary,
    req: &SearchRequest,
) -> Result<Planned, SearchError> {
    let parsed = query::parse(&req.query)?;
    let fields = index.fields();
    let searcher = index.searcher();
    let mut compiler = compile::Compiler {
        fields,
        searcher: &searcher,
        vocab,
        context: false,
        // Suggestions are unreviewed and may come from redacted text: only
        // archivists may filter or count by them.
        suggested: req.suggested && req.role == Role::Archivist,
        highlight: Highlighter::default(),
    };
    // Boolean logic works on testimonies: every AND-ed clause must match
    // somewhere in a testimony (not necessarily in the same passage), and a
    // NOT-ed clause excludes testimonies where it matches anywhere the
    // caller may see. `lang:` and `speaker:` restrict passages.
    let parts = match parsed {
        Query::And(parts) => parts,
        q => vec![q],
    };
    let compile::TopLevel {
        mut positives,
        negatives,
        mut passage_filters,
        passage,
        text_parts,
    } = compiler.top_level(&parts)?;
    let mut passage = passage;
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
        // Every filter restricts passages; a testimony's tags are on all
        // of its passages (see `compile::TopLevel::passage_filters`).
        passage_filters.push(compiler.field(field, &f.value)?);
    }
    if negatives.is_empty() && positives.len() == 1 && (passage.is_none() || text_parts == 1) {
        // One part: its passages are exactly its testimonies' matches.
        passage = positives.pop();
    }
    let highlight = compiler.highlight;
    let restrict = |q: Box<dyn TQuery>, extra: Vec<(Occur, Box<dyn TQuery>)>| -> Box<dyn TQuery> {
        let mut clauses = vec![(Occur::Must, q)];
        clauses.extend(passage_filters.iter().map(|f| (Occur::Must, f.box_clone())));
        clauses.extend(access_clauses(fields, req.role, req.today));
        clauses.extend(extra);
        Box::new(BooleanQuery::new(clauses))
    };

    let facet_field = if req.suggested && req.role == Role::Archivist {
        "tags_suggested"
    } else {
        "tags"
    };
    let passage: Box<dyn TQuery> = passage.unwrap_or_else(|| Box::new(AllQuery));
    let full = restrict(passage, Vec::new());
    // The testimonies the boolean logic keeps, applied to the passages as
    // they are collected (a test of each passage's testimony number).
    let keep: Option<Keep> = if positives.is_empty() && negatives.is_empty() {
        None
    } else {
        // One positive part is the passage query itself: every passage it
        // finds is in one of its testimonies, so only NOT needs a pass.
        let mut allowed: Option<collect::TestimonyNumbers> = None;
        if positives.len() > 1 {
            for p in &positives {
                let keys =
                    collect::testimonies_of(&searcher, &*restrict(p.box_clone(), Vec::new()))?;
                allowed = Some(match allowed {
                    None => keys,
                    Some(a) => a.intersection(&keys).copied().collect(),
                });
            }
        }
        let mut denied = collect::TestimonyNumbers::default();
        for n in &negatives {
            denied.extend(collect::testimonies_of(
                &searcher,
                &*restrict(n.box_clone(), Vec::new()),
            )?);
        }
        Some(match allowed {
            Some(mut a) => {
                a.retain(|t| !denied.contains(t));
                Keep {
                    set: std::sync::Arc::new(a),
                    members: true,
                }
            }
            None => Keep {
                set: std::sync::Arc::new(denied),
                members: false,
            },
        })
    };
    Ok(Planned {
        searcher,
        full,
        keep,
        highlight,
        facet_field,
    })
}

/// The question `prev` (the passage before `seg`), if `seg` answers it and
/// the question holds matched words that `seg` lacks.
fn asked_context(
    prev: &crate::store::SegmentRow,
    seg: &crate::store::SegmentRow,
    redactions: &[(i64, (usize, usize))],
    highlight: &Highlighter,
    snippet_chars: usize,
) -> Option<Question> {
    if prev.ordinal + 1 != seg.ordinal || !crate::index::question_before(prev, seg) {
        return None;
    }
    let text = crate::access::mark_spans(&prev.text, &spans_at(redactions, prev.ordinal));
    let lang = Lang::from_code(&prev.lang).unwrap_or(Lang::Other);
    let matched = |text: &str, lang: Lang| -> std::collections::HashSet<String> {
        crate::analysis::words(text)
            .map(|w| {
                crate::analysis::cached_word_forms(w.text, crate::analysis::word_lang(w.text, lang))
            })
            .filter(|f| highlight.matches(f))
            .map(|f| f.plain.clone())
            .collect()
    };
    let in_question = matched(&text, lang);
    if in_question.is_empty() {
        return None;
    }
    let in_answer = matched(&seg.text, Lang::from_code(&seg.lang).unwrap_or(Lang::Other));
    if in_question.is_subset(&in_answer) {
        return None;
    }
    Some(Question {
        speaker: prev.speaker.clone(),
        snippet: snippet::snippet(&text, lang, highlight, snippet_chars),
    })
}

/// Which testimonies a search keeps after its testimony-level boolean
/// logic: the members of `set`, or (`members` false) all but them.
#[derive(Clone)]
struct Keep {
    set: std::sync::Arc<collect::TestimonyNumbers>,
    members: bool,
}

impl Keep {
    fn keeps(&self, t: u64) -> bool {
        self.set.contains(&t) == self.members
    }
}

/// Runs `collector` over the passages `query` finds in the testimonies
/// `keep` keeps.
fn search_kept<C: tantivy::collector::Collector + Send + Sync>(
    searcher: &tantivy::Searcher,
    query: &dyn TQuery,
    keep: Option<&Keep>,
    collector: C,
) -> tantivy::Result<C::Fruit> {
    match keep {
        None => search_segments(searcher, query, &collector),
        Some(k) => {
            let k = k.clone();
            let filter = collect::KeepRuns {
                inner: collector,
                keeps: move |t: u64| k.keeps(t),
            };
            search_segments(searcher, query, &filter)
        }
    }
}

/// Searches ([`search`], [`count`]) in flight in this process (see
/// [`search_segments`]).
static IN_FLIGHT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// One search in flight, for as long as it lives.
struct InFlight;

impl InFlight {
    fn start() -> InFlight {
        IN_FLIGHT.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        InFlight
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        IN_FLIGHT.fetch_sub(1, std::sync::atomic::Ordering::AcqRel);
    }
}

/// Runs `collector` over the segments: on every core (up to four) when no
/// other search is running, so that a lone slow query waits for its
/// longest segment rather than for all of them in turn; in the calling
/// thread when other searches are in flight, where spreading each search over the cores
/// would only add hand-offs between searches that already keep the cores
/// busy (measured: the API's p99 at 8 clients rose by a fifth). The
/// segments' fruits are merged in segment order either way, so the
/// answer is the same.
fn search_segments<C: tantivy::collector::Collector>(
    searcher: &tantivy::Searcher,
    query: &dyn TQuery,
    collector: &C,
) -> tantivy::Result<C::Fruit> {
    static POOL: std::sync::OnceLock<Option<tantivy::Executor>> = std::sync::OnceLock::new();
    let alone = IN_FLIGHT.load(std::sync::atomic::Ordering::Acquire) <= 1;
    let pool = POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        (cores > 1)
            .then(|| tantivy::Executor::multi_thread(cores, "tanu-search-").ok())
            .flatten()
    });
    match pool {
        Some(pool) if alone && searcher.segment_readers().len() > 1 => {
            let scoring = if collector.requires_scoring() {
                tantivy::query::EnableScoring::enabled_from_searcher(searcher)
            } else {
                tantivy::query::EnableScoring::disabled_from_searcher(searcher)
            };
            searcher.search_with_executor(query, collector, pool, scoring)
        }
        _ => searcher.search(query, collector),
    }
}

/// The most passages one search collects while it looks for enough
/// distinct testimonies (a bound on the work a deep page can ask for).
const MAX_COLLECTED: usize = 200_000;

/// Weight of a passage that is a question answered by the next passage.
const QUESTION_WEIGHT: f32 = 0.3;

/// Weight of a hit on a testimony's catalogue record. The record is short,
/// so a word in it scores high; it should lift the testimony without
/// hiding the passages that tell the story, which are shown first.
const RECORD_WEIGHT: f32 = 0.5;

/// The index points of `t` as a caller with these redactions sees them.
fn visible_points(
    store: &Store,
    t: &crate::store::TestimonyRow,
    redactions: &[(i64, (usize, usize))],
) -> Result<Vec<crate::parse::IndexPoint>, SearchError> {
    let mut points = store.index_points(t.num)?;
    if !redactions.is_empty() {
        let segments = store.segments(t.num)?;
        let texts: Vec<(i64, &str)> = segments
            .iter()
            .map(|s| (s.ordinal, s.text.as_str()))
            .collect();
        let phrases = crate::access::redacted_phrases(&texts, redactions);
        for p in &mut points {
            crate::access::redact_index_point(p, &phrases);
        }
    }
    Ok(points)
}

/// What a hit on an index point shows: its texts, one per line.
fn point_text(p: &crate::parse::IndexPoint) -> String {
    p.texts().join(" — ")
}

/// `(testimony number, ordinal, index point, asks)` of a hit.
type HitKeys = (u64, i64, u64, bool);

/// Reads the testimony number, ordinal, index point and question flag of
/// hits from the fast fields, opening each segment's columns once.
struct DocKeys<'a> {
    searcher: &'a tantivy::Searcher,
    /// Per segment: its runs (the testimony of a document) and the
    /// ordinal, point and asks columns.
    columns: Vec<Option<SegmentKeys>>,
}

/// A segment's runs and its ordinal, point and asks columns.
type SegmentKeys = (std::sync::Arc<collect::Runs>, [Column<u64>; 3]);

impl<'a> DocKeys<'a> {
    fn new(searcher: &'a tantivy::Searcher) -> DocKeys<'a> {
        DocKeys {
            searcher,
            columns: vec![None; searcher.segment_readers().len()],
        }
    }

    /// `(testimony number, ordinal, index point, asks)` of a hit.
    fn get(&mut self, addr: tantivy::DocAddress) -> tantivy::Result<HitKeys> {
        let slot = &mut self.columns[addr.segment_ord as usize];
        if slot.is_none() {
            let reader = self.searcher.segment_reader(addr.segment_ord);
            let ff = reader.fast_fields();
            *slot = Some((
                collect::runs(reader)?,
                [ff.u64("ordinal")?, ff.u64("point")?, ff.u64("asks")?],
            ));
        }
        let Some((runs, [ordinal, point, asks])) = slot else {
            return Ok((0, 0, 0, false));
        };
        let doc = addr.doc_id;
        Ok((
            runs.testimony_of(doc).unwrap_or(0),
            ordinal.first(doc).unwrap_or(0) as i64,
            point.first(doc).unwrap_or(0),
            asks.first(doc) == Some(1),
        ))
    }

    /// The keys of every hit, with its score.
    fn all(&mut self, top: &[(f32, tantivy::DocAddress)]) -> tantivy::Result<Vec<(f32, HitKeys)>> {
        top.iter()
            .map(|&(score, addr)| Ok((score, self.get(addr)?)))
            .collect()
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
    // The collector counted each path for itself and every ancestor below
    // its facet (`/region/donbas/makiivka` also counts for
    // `/region/donbas`), once per testimony.
    let counts = &testimonies.facets;
    let mut out: Vec<FacetCount> = counts
        .iter()
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
                count: *count,
            })
        })
        .collect();
    // Facet, then hierarchy order with larger counts first among siblings.
    out.sort_by(|a, b| a.facet.cmp(&b.facet).then(a.path.cmp(&b.path)));
    out
}

/// The byte ranges of each text's words that `query` highlights, as a
/// search's snippets mark them: for showing a whole testimony with the
/// searched words marked after a search. `texts` are `(text, language
/// code)`; a malformed query is its [`QueryError`].
pub fn highlight_texts(
    index: &SearchIndex,
    vocab: &Vocabulary,
    query: &str,
    texts: &[(&str, &str)],
) -> Result<Vec<Vec<(usize, usize)>>, SearchError> {
    let parsed = query::parse(query)?;
    let searcher = index.searcher();
    let mut compiler = compile::Compiler {
        fields: index.fields(),
        searcher: &searcher,
        vocab,
        context: false,
        suggested: false,
        highlight: Highlighter::default(),
    };
    let parts = match parsed {
        Query::And(parts) => parts,
        q => vec![q],
    };
    compiler.top_level(&parts)?;
    let hl = compiler.highlight;
    Ok(texts
        .iter()
        .map(|(text, lang)| {
            let lang = Lang::from_code(lang).unwrap_or(Lang::Other);
            snippet::snippet(text, lang, &hl, usize::MAX).highlights
        })
        .collect())
}
