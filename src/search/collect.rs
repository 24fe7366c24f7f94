//! A collector of the testimonies a query matches: how many passages each,
//! and (optionally) how many carry each tag facet.
//!
//! A testimony's passages are indexed together, so the documents a query
//! matches in a segment come in runs of one testimony: the collector
//! counts a run without a lookup. Every passage of a testimony carries the
//! testimony's tags, so the facet paths of a run (with their ancestors)
//! are read once per segment and process and numbered; a search then only
//! adds numbers. The language of each passage is read the same way, so
//! the set also knows the languages each testimony matched in.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::sync::{Arc, Mutex, OnceLock};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::index::SegmentId;
use tantivy::query::EnableScoring;
use tantivy::schema::Facet;
use tantivy::{DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

use crate::hash::FxBuildHasher;
use crate::lang::Lang;

/// The testimonies a query matched.
#[derive(Debug, Clone, Default)]
pub struct Testimonies {
    /// What is known about each, by testimony number.
    pub found: HashMap<u64, TestimonyMatch, FxBuildHasher>,
    /// Each facet path the matches carry, and every ancestor of one below
    /// its facet (`/region/donbas` for `/region/donbas/makiivka`), with the
    /// number of matched testimonies under it, each counted once.
    pub facets: Vec<(String, usize)>,
    /// Matched testimonies with a matching passage in each language, in
    /// the order of [`Lang::ALL`] (when facets were asked for).
    pub languages: Option<[usize; Lang::ALL.len()]>,
}

impl Testimonies {
    /// How many testimonies matched.
    pub fn len(&self) -> usize {
        self.found.len()
    }
}

/// What is known about one matching testimony.
#[derive(Debug, Clone, Default)]
pub struct TestimonyMatch {
    /// Matching passages.
    pub passages: usize,
    /// The first run it was found in: `(segment fruit, run)`.
    first: (usize, usize),
    /// Bit `i` set: it matched in `Lang::ALL[i]`.
    languages: u8,
}

pub struct TestimonySet {
    pub facet_field: Option<&'static str>,
}

/// Per segment: the runs a query hit, in document order, with the
/// passages it matched in each.
pub struct TestimonySetSegment {
    runs: Arc<Runs>,
    facets: Option<Arc<RunFacets>>,
    languages: Option<Arc<DocLanguages>>,
    /// The first document after the run being counted (0 before any).
    run_end: DocId,
    hits: Vec<RunHit>,
}

/// A run a query hit: the run, its matching passages, and the languages
/// they are in (a bit per [`Lang::ALL`] entry).
#[derive(Clone, Copy)]
struct RunHit {
    run: usize,
    passages: usize,
    languages: u8,
}

/// What one segment found: its runs and facets, and the runs hit.
pub struct SegmentHits {
    runs: Arc<Runs>,
    facets: Option<Arc<RunFacets>>,
    hits: Vec<RunHit>,
}

impl Collector for TestimonySet {
    type Fruit = Testimonies;
    type Child = TestimonySetSegment;

    fn for_segment(
        &self,
        _ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let runs = runs(reader)?;
        let (facets, languages) = match self.facet_field {
            Some(f) => (
                Some(run_facets(reader, f, &runs)?),
                Some(doc_languages(reader)?),
            ),
            None => (None, None),
        };
        Ok(TestimonySetSegment {
            runs,
            facets,
            languages,
            run_end: 0,
            hits: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentHits>) -> tantivy::Result<Self::Fruit> {
        let hits = fruits.iter().map(|f| f.hits.len()).sum();
        let mut found: HashMap<u64, TestimonyMatch, FxBuildHasher> =
            HashMap::with_capacity_and_hasher(hits, FxBuildHasher::default());
        let mut tally: Vec<usize> = Vec::new();
        let count = |tally: &mut Vec<usize>, id: u32| {
            let id = id as usize;
            if tally.len() <= id {
                tally.resize(id + 1, 0);
            }
            tally[id] += 1;
        };
        // The paths counted for a testimony found in runs with different
        // paths (its passages can be split between indexing threads and
        // segments, but they are tagged alike).
        let mut counted: HashMap<u64, Vec<u32>, FxBuildHasher> = HashMap::default();
        for (f, fruit) in fruits.iter().enumerate() {
            for &RunHit {
                run,
                passages,
                languages,
            } in &fruit.hits
            {
                let t = fruit.runs.tnums[run];
                let ids = fruit.paths_of(run);
                match found.entry(t) {
                    Entry::Vacant(e) => {
                        e.insert(TestimonyMatch {
                            passages,
                            first: (f, run),
                            languages,
                        });
                        for &id in ids {
                            count(&mut tally, id);
                        }
                    }
                    Entry::Occupied(mut e) => {
                        let m = e.get_mut();
                        m.passages += passages;
                        m.languages |= languages;
                        let (f0, r0) = m.first;
                        // Its runs carry the same tags unless it changed
                        // between them.
                        if !counted.contains_key(&t) && fruits[f0].paths_of(r0) == ids {
                            continue;
                        }
                        let seen = counted
                            .entry(t)
                            .or_insert_with(|| fruits[f0].paths_of(r0).to_vec());
                        for &id in ids {
                            if !seen.contains(&id) {
                                seen.push(id);
                                count(&mut tally, id);
                            }
                        }
                    }
                }
            }
        }
        let facets = if tally.is_empty() {
            Vec::new()
        } else {
            let names = path_names();
            tally
                .into_iter()
                .enumerate()
                .filter(|&(_, n)| n > 0)
                .filter_map(|(id, n)| Some((names.get(id)?.clone(), n)))
                .collect()
        };
        let languages = self.facet_field.map(|_| {
            let mut per = [0; Lang::ALL.len()];
            for m in found.values() {
                for (i, n) in per.iter_mut().enumerate() {
                    *n += usize::from(m.languages >> i & 1);
                }
            }
            per
        });
        Ok(Testimonies {
            found,
            facets,
            languages,
        })
    }
}

impl SegmentHits {
    /// The path numbers of `run` (none when facets were not asked for).
    fn paths_of(&self, run: usize) -> &[u32] {
        self.facets.as_ref().map_or(&[], |f| f.of(run))
    }
}

impl SegmentCollector for TestimonySetSegment {
    type Fruit = SegmentHits;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let language = self.languages.as_ref().map_or(0, |l| l.bit(doc));
        if doc < self.run_end
            && let Some(hit) = self.hits.last_mut()
        {
            hit.passages += 1;
            hit.languages |= language;
            return;
        }
        let hint = self.hits.last().map_or(0, |h| h.run + 1);
        let (run, end) = self.runs.run_from(hint, doc);
        if self.runs.tnums.get(run).is_none_or(|&t| t == NO_TESTIMONY) {
            self.run_end = 0;
            return;
        }
        self.hits.push(RunHit {
            run,
            passages: 1,
            languages: language,
        });
        self.run_end = end;
    }

    fn harvest(self) -> Self::Fruit {
        SegmentHits {
            runs: self.runs,
            facets: self.facets,
            hits: self.hits,
        }
    }
}

/// The testimony number of a document without one.
const NO_TESTIMONY: u64 = u64::MAX;

/// The runs of one testimony's documents in a segment: where each starts
/// and whose it is, in document order. A testimony's passages are added
/// together, so a segment has about one run per testimony (more after
/// merges or re-indexing; the runs are exact either way).
pub struct Runs {
    starts: Vec<DocId>,
    tnums: Vec<u64>,
    max_doc: DocId,
}

impl Runs {
    fn of(reader: &SegmentReader) -> tantivy::Result<Runs> {
        let tnum = reader.fast_fields().u64("tnum")?;
        let mut runs = Runs {
            starts: Vec::new(),
            tnums: Vec::new(),
            max_doc: reader.max_doc(),
        };
        for doc in 0..reader.max_doc() {
            let t = tnum.first(doc).unwrap_or(NO_TESTIMONY);
            if runs.tnums.last() != Some(&t) {
                runs.starts.push(doc);
                runs.tnums.push(t);
            }
        }
        Ok(runs)
    }

    /// The run of `doc` and the first document after it.
    fn run_at(&self, doc: DocId) -> (usize, DocId) {
        let i = self.starts.partition_point(|&s| s <= doc).saturating_sub(1);
        let end = self.starts.get(i + 1).copied().unwrap_or(self.max_doc);
        (i, end)
    }

    /// The testimony of `doc`, if it has one.
    pub fn testimony_of(&self, doc: DocId) -> Option<u64> {
        Some(self.at(doc).0).filter(|&t| t != NO_TESTIMONY)
    }

    /// The run of `doc` and the first document after it, trying `hint`
    /// first (documents come in order: the next run is often the one
    /// after the last).
    fn run_from(&self, hint: usize, doc: DocId) -> (usize, DocId) {
        let fits = |i: usize| {
            self.starts.get(i).is_some_and(|&s| s <= doc)
                && self.starts.get(i + 1).is_none_or(|&s| doc < s)
        };
        if fits(hint) {
            let end = self.starts.get(hint + 1).copied().unwrap_or(self.max_doc);
            return (hint, end);
        }
        self.run_at(doc)
    }

    /// The testimony of `doc` and the first document after its run.
    fn at(&self, doc: DocId) -> (u64, DocId) {
        let (i, end) = self.run_at(doc);
        (self.tnums.get(i).copied().unwrap_or(NO_TESTIMONY), end)
    }
}

/// The facet path numbers of each run of a segment: the paths of the
/// run's first live document and their ancestors below the facet, each
/// once.
pub struct RunFacets {
    /// Where each run's numbers start in `ids`; one more entry than runs.
    offsets: Vec<usize>,
    ids: Vec<u32>,
}

impl RunFacets {
    fn read(reader: &SegmentReader, field: &str, runs: &Runs) -> tantivy::Result<RunFacets> {
        let facets = reader.facet_reader(field)?;
        let mut out = RunFacets {
            offsets: vec![0],
            ids: Vec::new(),
        };
        // A segment has few distinct paths; each is named and numbered once.
        let mut by_ord: HashMap<u64, Vec<u32>, FxBuildHasher> = HashMap::default();
        let mut facet = Facet::root();
        let mut run_ids: Vec<u32> = Vec::new();
        // A run can begin with a deleted copy of its testimony (indexed
        // twice before one commit), tagged as it was: the tags are read
        // from the run's first live passage. Deletions only grow, and a
        // run whose live copy is deleted later is never collected again.
        let alive = reader.alive_bitset();
        for (i, &start) in runs.starts.iter().enumerate() {
            run_ids.clear();
            let end = runs.starts.get(i + 1).copied().unwrap_or(runs.max_doc);
            let Some(live) = (start..end).find(|&d| alive.is_none_or(|a| a.is_alive(d))) else {
                out.offsets.push(out.ids.len());
                continue;
            };
            for ord in facets.facet_ords(live) {
                let ids = match by_ord.entry(ord) {
                    Entry::Occupied(e) => e.into_mut(),
                    Entry::Vacant(e) => {
                        facets.facet_from_ord(ord, &mut facet)?;
                        e.insert(number_path(&facet.to_path_string()))
                    }
                };
                run_ids.extend_from_slice(ids);
            }
            run_ids.sort_unstable();
            run_ids.dedup();
            out.ids.extend_from_slice(&run_ids);
            out.offsets.push(out.ids.len());
        }
        Ok(out)
    }

    /// The path numbers of `run`.
    fn of(&self, run: usize) -> &[u32] {
        match (self.offsets.get(run), self.offsets.get(run + 1)) {
            (Some(&start), Some(&end)) => self.ids.get(start..end).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// The language of each document of a segment, as an index into
/// [`Lang::ALL`] (`u8::MAX`: none of them), read from the postings of the
/// `lang` field.
pub struct DocLanguages {
    of: Vec<u8>,
}

impl DocLanguages {
    fn read(reader: &SegmentReader) -> tantivy::Result<DocLanguages> {
        let mut of = vec![u8::MAX; reader.max_doc() as usize];
        let Ok(field) = reader.schema().get_field("lang") else {
            return Ok(DocLanguages { of });
        };
        let inverted = reader.inverted_index(field)?;
        for (i, lang) in Lang::ALL.iter().enumerate() {
            let term = tantivy::Term::from_field_text(field, lang.code());
            let Some(mut postings) =
                inverted.read_postings(&term, tantivy::schema::IndexRecordOption::Basic)?
            else {
                continue;
            };
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if let Some(slot) = of.get_mut(doc as usize) {
                    *slot = i as u8;
                }
                doc = postings.advance();
            }
        }
        Ok(DocLanguages { of })
    }

    /// The bit of `doc`'s language (0 when it has none of them).
    fn bit(&self, doc: DocId) -> u8 {
        match self.of.get(doc as usize) {
            Some(&i) if (i as usize) < Lang::ALL.len() => 1 << i,
            _ => 0,
        }
    }
}

/// Facet paths by number, one table per process. Paths come from the
/// vocabulary (an index holds no other), so the table stays small.
#[derive(Default)]
struct PathNames {
    names: Vec<String>,
    numbers: HashMap<String, u32>,
}

fn path_table() -> &'static Mutex<PathNames> {
    static TABLE: OnceLock<Mutex<PathNames>> = OnceLock::new();
    TABLE.get_or_init(Default::default)
}

/// The numbers of `path` and of its ancestors below the facet.
fn number_path(path: &str) -> Vec<u32> {
    // The table only grows; one left by a panic is still a valid table.
    let mut table = path_table().lock().unwrap_or_else(|e| e.into_inner());
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    (2..=parts.len())
        .map(|depth| {
            let prefix = format!("/{}", parts[..depth].join("/"));
            let next = table.names.len() as u32;
            if let Some(&n) = table.numbers.get(&prefix) {
                return n;
            }
            table.names.push(prefix.clone());
            table.numbers.insert(prefix, next);
            next
        })
        .collect()
}

/// A copy of the path table's names, by number.
fn path_names() -> Vec<String> {
    let table = path_table().lock().unwrap_or_else(|e| e.into_inner());
    table.names.clone()
}

/// What `make` builds for a segment, built once per segment and process
/// (segments never change; the cache is emptied when it grows past
/// [`SEGMENTS_CACHED`] entries as the index moves on).
fn cached<K: Hash + Eq + Clone, V>(
    cache: &'static OnceLock<Mutex<HashMap<K, Arc<V>>>>,
    key: K,
    make: impl FnOnce() -> tantivy::Result<V>,
) -> tantivy::Result<Arc<V>> {
    let cache = cache.get_or_init(Default::default);
    if let Some(v) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return Ok(v);
    }
    let v = Arc::new(make()?);
    if let Ok(mut c) = cache.lock() {
        if c.len() >= SEGMENTS_CACHED {
            c.clear();
        }
        c.insert(key, v.clone());
    }
    Ok(v)
}

/// The runs of a segment.
pub fn runs(reader: &SegmentReader) -> tantivy::Result<Arc<Runs>> {
    static CACHE: OnceLock<Mutex<HashMap<SegmentId, Arc<Runs>>>> = OnceLock::new();
    cached(&CACHE, reader.segment_id(), || Runs::of(reader))
}

/// The facet path numbers of each run of a segment, for `field`.
fn run_facets(
    reader: &SegmentReader,
    field: &'static str,
    runs: &Runs,
) -> tantivy::Result<Arc<RunFacets>> {
    type Key = (SegmentId, &'static str);
    static CACHE: OnceLock<Mutex<HashMap<Key, Arc<RunFacets>>>> = OnceLock::new();
    cached(&CACHE, (reader.segment_id(), field), || {
        RunFacets::read(reader, field, runs)
    })
}

/// The language of each document of a segment.
fn doc_languages(reader: &SegmentReader) -> tantivy::Result<Arc<DocLanguages>> {
    static CACHE: OnceLock<Mutex<HashMap<SegmentId, Arc<DocLanguages>>>> = OnceLock::new();
    cached(&CACHE, reader.segment_id(), || DocLanguages::read(reader))
}

/// Segments whose runs and facets are kept (an index has a few dozen at
/// most).
const SEGMENTS_CACHED: usize = 256;

/// The `limit` best-scoring passages, best first, ties to the lower
/// document address: what `TopDocs::with_limit(limit).order_by_score()`
/// finds (exactly that order; Tantivy's merge of segments can let a
/// passage tied at the cut go for one with a higher address). Each
/// segment starts from the score the segments before it
/// needed to enter the top `limit`, so a later segment keeps only what
/// can still enter (a fresh top `limit` per segment cost a search at
/// 10,000 testimonies an eighth of its time in sorting).
pub struct TopPassages {
    limit: usize,
    /// The lowest score among the best `limit` of the segments harvested
    /// so far, once they found that many.
    floor: Arc<Mutex<Option<Score>>>,
}

impl TopPassages {
    pub fn new(limit: usize) -> TopPassages {
        TopPassages {
            limit,
            floor: Arc::default(),
        }
    }
}

pub struct TopPassagesSegment {
    limit: usize,
    segment: SegmentOrdinal,
    floor: Arc<Mutex<Option<Score>>>,
    /// Other segments' floor: a passage scoring below it cannot enter (one
    /// scoring the same can, if its address is lower).
    before: Option<Score>,
    /// This segment's own floor: passages come in document order, so one
    /// scoring no more than it cannot enter.
    own: Option<Score>,
    best: Vec<(Score, DocId)>,
}

/// Better first: higher score, then lower document.
fn better(a: &(Score, DocId), b: &(Score, DocId)) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
}

impl TopPassagesSegment {
    /// Keeps the best `limit`; their lowest score.
    fn truncate(&mut self) -> Option<Score> {
        if self.limit == 0 {
            self.best.clear();
            return None;
        }
        if self.best.len() > self.limit {
            self.best.select_nth_unstable_by(self.limit - 1, better);
            self.best.truncate(self.limit);
        }
        if self.best.len() < self.limit {
            return None;
        }
        self.best.iter().map(|b| b.0).min_by(f32::total_cmp)
    }
}

impl Collector for TopPassages {
    type Fruit = Vec<(Score, tantivy::DocAddress)>;
    type Child = TopPassagesSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        _reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(TopPassagesSegment {
            limit: self.limit,
            segment,
            floor: self.floor.clone(),
            before: self.floor.lock().ok().and_then(|f| *f),
            own: None,
            best: Vec::with_capacity(self.limit.saturating_mul(2).min(1 << 16)),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all: Vec<(Score, tantivy::DocAddress)> = fruits.into_iter().flatten().collect();
        let order = |a: &(Score, tantivy::DocAddress), b: &(Score, tantivy::DocAddress)| {
            b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
        };
        if self.limit == 0 {
            all.clear();
        } else if all.len() > self.limit {
            all.select_nth_unstable_by(self.limit - 1, order);
            all.truncate(self.limit);
        }
        all.sort_unstable_by(order);
        Ok(all)
    }
}

impl SegmentCollector for TopPassagesSegment {
    type Fruit = Vec<(Score, tantivy::DocAddress)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if self.before.is_some_and(|f| score < f) || self.own.is_some_and(|f| score <= f) {
            return;
        }
        self.best.push((score, doc));
        if self.best.len() >= self.limit.saturating_mul(2).max(2) {
            self.own = self.truncate();
        }
    }

    fn harvest(mut self) -> Self::Fruit {
        if let Some(low) = self.truncate()
            && let Ok(mut floor) = self.floor.lock()
        {
            *floor = Some(floor.map_or(low, |f| f.max(low)));
        }
        let segment_ord = self.segment;
        self.best
            .into_iter()
            .map(|(score, doc_id)| {
                (
                    score,
                    tantivy::DocAddress {
                        segment_ord,
                        doc_id,
                    },
                )
            })
            .collect()
    }
}

/// `inner`, given only the passages of the testimonies `keeps` keeps: the
/// test runs once per run of a testimony's passages, not per passage.
pub struct KeepRuns<C, F> {
    pub inner: C,
    pub keeps: F,
}

pub struct KeepRunsSegment<S, F> {
    inner: S,
    keeps: F,
    runs: Arc<Runs>,
    /// The first document after the current run (0 before any), and
    /// whether the run is kept.
    run_end: DocId,
    kept: bool,
}

impl<C, F> Collector for KeepRuns<C, F>
where
    C: Collector,
    F: Fn(u64) -> bool + Clone + Send + Sync + 'static,
{
    type Fruit = C::Fruit;
    type Child = KeepRunsSegment<C::Child, F>;

    fn for_segment(
        &self,
        ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(KeepRunsSegment {
            inner: self.inner.for_segment(ord, reader)?,
            keeps: self.keeps.clone(),
            runs: runs(reader)?,
            run_end: 0,
            kept: false,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<Self::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<Self::Fruit> {
        self.inner.merge_fruits(fruits)
    }
}

impl<S, F> SegmentCollector for KeepRunsSegment<S, F>
where
    S: SegmentCollector,
    F: Fn(u64) -> bool + 'static,
{
    type Fruit = S::Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        if doc >= self.run_end {
            let (t, end) = self.runs.at(doc);
            self.kept = t != NO_TESTIMONY && (self.keeps)(t);
            self.run_end = end;
        }
        if self.kept {
            self.inner.collect(doc, score);
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.inner.harvest()
    }
}

/// A set of testimony numbers.
pub type TestimonyNumbers = HashSet<u64, FxBuildHasher>;

/// The testimonies with a passage `query` matches, without counting the
/// passages: the first match in a testimony skips the rest of its run.
pub fn testimonies_of(
    searcher: &tantivy::Searcher,
    query: &dyn tantivy::query::Query,
) -> tantivy::Result<TestimonyNumbers> {
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut out = TestimonyNumbers::default();
    for reader in searcher.segment_readers() {
        let runs = runs(reader)?;
        let alive = reader.alive_bitset();
        let mut scorer = weight.scorer(reader, 1.0)?;
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_some_and(|a| !a.is_alive(doc)) {
                doc = scorer.advance();
                continue;
            }
            let (t, end) = runs.at(doc);
            if t != NO_TESTIMONY {
                out.insert(t);
            }
            if end >= runs.max_doc {
                break;
            }
            doc = scorer.seek(end);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use tantivy::collector::Count;
    use tantivy::query::TermQuery;
    use tantivy::schema::{FAST, INDEXED, IndexRecordOption, STRING, Schema};
    use tantivy::{Index, IndexWriter, TantivyDocument, Term, doc};

    use super::*;

    /// An index of passages `(testimony, word)` in one segment, with the
    /// passages of testimony 2 deleted and added again at the end (as a
    /// correction re-indexes a testimony), so its documents are in a
    /// deleted run and a live one.
    fn index() -> (Index, tantivy::schema::Field) {
        let mut b = Schema::builder();
        let tnum = b.add_u64_field("tnum", INDEXED | FAST);
        let word = b.add_text_field("word", STRING);
        let index = Index::create_in_ram(b.build());
        let mut w: IndexWriter<TantivyDocument> = index.writer(15_000_000).unwrap();
        let passages = [
            (1, "láger"),
            (1, "kolhoz"),
            (1, "láger"),
            (2, "láger"),
            (2, "barakk"),
            (3, "kolhoz"),
            (3, "láger"),
            (3, "láger"),
        ];
        for (t, wd) in passages {
            w.add_document(doc!(tnum => t as u64, word => wd)).unwrap();
        }
        w.commit().unwrap();
        w.delete_term(Term::from_field_u64(tnum, 2));
        w.add_document(doc!(tnum => 2u64, word => "barakk"))
            .unwrap();
        w.commit().unwrap();
        (index, word)
    }

    /// The set of the `láger` passages with the `tags` facets, and its
    /// facet counts in path order.
    fn tagged(
        searcher: &tantivy::Searcher,
        word: tantivy::schema::Field,
    ) -> (Testimonies, Vec<(String, usize)>) {
        let set = TestimonySet {
            facet_field: Some("tags"),
        };
        let found = searcher.search(&term(word, "láger"), &set).unwrap();
        let mut facets = found.facets.clone();
        facets.sort();
        (found, facets)
    }

    fn term(field: tantivy::schema::Field, w: &str) -> TermQuery {
        TermQuery::new(Term::from_field_text(field, w), IndexRecordOption::Basic)
    }

    #[test]
    fn testimonies_of_skips_runs_but_not_deleted_passages() {
        let (index, word) = index();
        let searcher = index.reader().unwrap().searcher();
        let sorted = |s: TestimonyNumbers| {
            let mut v: Vec<u64> = s.into_iter().collect();
            v.sort();
            v
        };
        // Testimony 2's only `láger` passage was deleted.
        assert_eq!(
            sorted(testimonies_of(&searcher, &term(word, "láger")).unwrap()),
            [1, 3]
        );
        assert_eq!(
            sorted(testimonies_of(&searcher, &term(word, "barakk")).unwrap()),
            [2]
        );
        assert_eq!(
            sorted(testimonies_of(&searcher, &term(word, "kolhoz")).unwrap()),
            [1, 3]
        );
    }

    #[test]
    fn the_set_counts_every_live_passage_of_each_run() {
        let (index, word) = index();
        let searcher = index.reader().unwrap().searcher();
        let set = TestimonySet { facet_field: None };
        let found = searcher.search(&term(word, "láger"), &set).unwrap();
        let mut counts: Vec<(u64, usize)> =
            found.found.iter().map(|(t, m)| (*t, m.passages)).collect();
        counts.sort();
        assert_eq!(counts, [(1, 2), (3, 2)]);
        let all = searcher.search(&term(word, "láger"), &Count).unwrap();
        assert_eq!(all, 4);
    }

    #[test]
    fn facets_count_each_testimony_once_with_the_ancestors_of_its_paths() {
        let mut b = Schema::builder();
        let tnum = b.add_u64_field("tnum", INDEXED | FAST);
        let word = b.add_text_field("word", STRING);
        let tags = b.add_facet_field("tags", tantivy::schema::FacetOptions::default());
        let index = Index::create_in_ram(b.build());
        let mut w: IndexWriter<TantivyDocument> = index.writer(15_000_000).unwrap();
        let of = |t: u64| -> Vec<&'static str> {
            match t {
                1 => vec!["/region/donbas/makiivka", "/region/donbas/stalino"],
                2 => vec!["/region/urals", "/wave/malenkij-robot"],
                _ => vec!["/wave/malenkij-robot"],
            }
        };
        // Testimony 1's passages in two runs of one segment, as passages
        // split between indexing threads and merged again lie.
        for t in [1u64, 1, 2, 1, 3] {
            let mut d = doc!(tnum => t, word => "láger");
            for p in of(t) {
                d.add_facet(tags, Facet::from(p));
            }
            w.add_document(d).unwrap();
        }
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let (found, facets) = tagged(&searcher, word);
        assert_eq!(found.len(), 3);
        assert_eq!(found.found[&1].passages, 3);
        assert_eq!(
            facets,
            [
                ("/region/donbas".to_string(), 1),
                ("/region/donbas/makiivka".to_string(), 1),
                ("/region/donbas/stalino".to_string(), 1),
                ("/region/urals".to_string(), 1),
                ("/wave/malenkij-robot".to_string(), 2),
            ]
        );
    }

    #[test]
    fn kept_runs_reach_the_inner_collector_and_others_do_not() {
        let (index, word) = index();
        let searcher = index.reader().unwrap().searcher();
        let kept = KeepRuns {
            inner: (TestimonySet { facet_field: None }, Count),
            keeps: |t: u64| t != 1,
        };
        let (found, passages) = searcher.search(&term(word, "láger"), &kept).unwrap();
        let counts: Vec<(u64, usize)> = found.found.iter().map(|(t, m)| (*t, m.passages)).collect();
        assert_eq!(counts, [(3, 2)]);
        assert_eq!(passages, 2);
        // Testimony 2's live passage is in a later run than its deleted ones.
        let kept = KeepRuns {
            inner: Count,
            keeps: |t: u64| t == 2,
        };
        assert_eq!(searcher.search(&term(word, "barakk"), &kept).unwrap(), 1);
    }

    #[test]
    fn top_passages_are_the_best_by_score_then_address_ties_included() {
        use tantivy::collector::TopDocs;
        use tantivy::schema::TEXT;
        let mut b = Schema::builder();
        let text = b.add_text_field("text", TEXT);
        let index = Index::create_in_ram(b.build());
        let mut w: IndexWriter<TantivyDocument> =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        // Four segments of passages with few distinct lengths and counts
        // of the word, so many scores tie within and across segments.
        let mut n = 0u32;
        for segment in 0..4 {
            for i in 0..60 {
                n = n.wrapping_mul(1_103_515_245).wrapping_add(12_345 + segment);
                let hits = 1 + (n >> 16) % 3;
                let filler = (n >> 20) % 4;
                let mut body: Vec<&str> = vec!["láger"; hits as usize];
                body.extend(std::iter::repeat_n("és", filler as usize));
                if i % 7 == 0 {
                    body = vec!["kolhoz"];
                }
                w.add_document(doc!(text => body.join(" "))).unwrap();
            }
            w.commit().unwrap();
        }
        let searcher = index.reader().unwrap().searcher();
        assert!(searcher.segment_readers().len() >= 2);
        let q = TermQuery::new(
            Term::from_field_text(text, "láger"),
            IndexRecordOption::WithFreqs,
        );
        assert!(
            searcher
                .search(&q, &TopPassages::new(0))
                .unwrap()
                .is_empty()
        );
        // Every match, then the best k by score and lower address: what
        // TopDocs means (its merge can drop a lower address tied at the
        // cut; this is the order itself).
        let mut all = searcher
            .search(&q, &TopDocs::with_limit(1_000).order_by_score())
            .unwrap();
        assert!(all.len() > 100);
        all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        // Segments searched side by side (a lone search uses every core):
        // the floor another segment set may come from a later segment, and
        // a tie with it must still go to the lower address.
        let pool = tantivy::Executor::multi_thread(2, "test-search-").unwrap();
        for k in [1, 3, 7, 50, 199, 400] {
            let expected: Vec<_> = all.iter().take(k).copied().collect();
            let got = searcher.search(&q, &TopPassages::new(k)).unwrap();
            assert_eq!(got, expected, "limit {k}");
            for _ in 0..5 {
                let side_by_side = searcher
                    .search_with_executor(
                        &q,
                        &TopPassages::new(k),
                        &pool,
                        EnableScoring::enabled_from_searcher(&searcher),
                    )
                    .unwrap();
                assert_eq!(side_by_side, expected, "limit {k}, segments side by side");
            }
        }
    }

    #[test]
    fn facets_come_from_a_runs_live_copy_not_a_deleted_one_before_it() {
        let mut b = Schema::builder();
        let tnum = b.add_u64_field("tnum", INDEXED | FAST);
        let word = b.add_text_field("word", STRING);
        let tags = b.add_facet_field("tags", tantivy::schema::FacetOptions::default());
        let index = Index::create_in_ram(b.build());
        let mut w: IndexWriter<TantivyDocument> =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        let passage = |tag: &str| {
            let mut d = doc!(tnum => 7u64, word => "láger");
            d.add_facet(tags, Facet::from(tag));
            d
        };
        // Indexed, then indexed again with a corrected tag before the
        // commit: both copies lie side by side in one run, the first one
        // deleted.
        w.add_document(passage("/region/urals")).unwrap();
        w.delete_term(Term::from_field_u64(tnum, 7));
        w.add_document(passage("/region/donbas/makiivka")).unwrap();
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 1);
        let (found, facets) = tagged(&searcher, word);
        assert_eq!(found.found[&7].passages, 1);
        assert_eq!(
            facets,
            [
                ("/region/donbas".to_string(), 1),
                ("/region/donbas/makiivka".to_string(), 1),
            ]
        );
    }
}
