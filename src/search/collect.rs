//! A collector of the testimonies a query matches: how many passages each,
//! and (optionally) their tag facets, read once per testimony.
//!
//! A testimony's passages are indexed together, so the documents a query
//! matches in a segment come in runs of one testimony: the collector
//! counts a run without a lookup and touches its map once per run. Facet
//! paths are numbered: a testimony carries the numbers of its paths, and
//! each path's text is built once per segment.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::index::SegmentId;
use tantivy::query::EnableScoring;
use tantivy::schema::Facet;
use tantivy::{DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

use crate::hash::FxBuildHasher;

/// The testimonies a query matched.
#[derive(Debug, Clone, Default)]
pub struct Testimonies {
    /// What is known about each, by testimony number.
    pub found: HashMap<u64, TestimonyMatch, FxBuildHasher>,
    /// The facet paths the matches carry, by the numbers in
    /// [`TestimonyMatch::facets`].
    pub paths: Vec<String>,
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
    /// Numbers of the facet paths of its tags (when asked for), into
    /// [`Testimonies::paths`].
    pub facets: Vec<u32>,
}

pub struct TestimonySet {
    pub facet_field: Option<&'static str>,
}

/// Per segment: the run of documents of the testimony being counted, then
/// the count per testimony and the facet ordinals of its first matching
/// document (a segment has few distinct tags; ordinals become paths once,
/// at harvest).
pub struct TestimonySetSegment {
    runs: Arc<Runs>,
    facets: Option<FacetReader>,
    /// The testimony of the current run, its matches so far, and the
    /// first document after the run.
    run: Option<(u64, usize)>,
    run_end: DocId,
    found: HashMap<u64, (usize, Vec<u64>), FxBuildHasher>,
}

impl TestimonySetSegment {
    /// Adds the current run to the counts.
    fn flush(&mut self) {
        self.run_end = 0;
        if let Some((t, n)) = self.run.take()
            && let Some(entry) = self.found.get_mut(&t)
        {
            entry.0 += n;
        }
    }
}

impl Collector for TestimonySet {
    type Fruit = Testimonies;
    type Child = TestimonySetSegment;

    fn for_segment(
        &self,
        _ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let facets = match self.facet_field {
            Some(f) => Some(reader.facet_reader(f)?),
            None => None,
        };
        Ok(TestimonySetSegment {
            runs: runs(reader)?,
            facets,
            run: None,
            run_end: 0,
            found: HashMap::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut fruits = fruits.into_iter();
        let mut all = fruits.next().unwrap_or_default();
        let mut numbers: HashMap<String, u32> = all
            .paths
            .iter()
            .enumerate()
            .map(|(i, p)| (p.clone(), i as u32))
            .collect();
        for fruit in fruits {
            // This segment's path numbers in the merged numbering.
            let renumber: Vec<u32> = fruit
                .paths
                .into_iter()
                .map(|p| {
                    let next = all.paths.len() as u32;
                    *numbers.entry(p.clone()).or_insert_with(|| {
                        all.paths.push(p);
                        next
                    })
                })
                .collect();
            for (t, m) in fruit.found {
                let e = all.found.entry(t).or_default();
                e.passages += m.passages;
                for f in m.facets {
                    let f = renumber[f as usize];
                    if !e.facets.contains(&f) {
                        e.facets.push(f);
                    }
                }
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for TestimonySetSegment {
    type Fruit = Testimonies;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if doc < self.run_end
            && let Some((_, n)) = &mut self.run
        {
            *n += 1;
            return;
        }
        self.flush();
        let (t, end) = self.runs.at(doc);
        if t == u64::MAX {
            return;
        }
        self.run = Some((t, 1));
        self.run_end = end;
        if !self.found.contains_key(&t) {
            let ords = match &self.facets {
                Some(reader) => reader.facet_ords(doc).collect(),
                None => Vec::new(),
            };
            self.found.insert(t, (0, ords));
        }
    }

    fn harvest(mut self) -> Self::Fruit {
        self.flush();
        let mut numbers: HashMap<u64, Option<u32>, FxBuildHasher> = HashMap::default();
        let mut paths = Vec::new();
        let mut facet = Facet::root();
        let reader = self.facets.as_ref();
        let found = self
            .found
            .into_iter()
            .map(|(t, (passages, ords))| {
                let facets = ords
                    .into_iter()
                    .filter_map(|ord| {
                        *numbers.entry(ord).or_insert_with(|| {
                            let r = reader?;
                            r.facet_from_ord(ord, &mut facet).ok()?;
                            paths.push(facet.to_path_string());
                            Some(paths.len() as u32 - 1)
                        })
                    })
                    .collect();
                (t, TestimonyMatch { passages, facets })
            })
            .collect();
        Testimonies { found, paths }
    }
}

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
            let t = tnum.first(doc).unwrap_or(u64::MAX);
            if runs.tnums.last() != Some(&t) {
                runs.starts.push(doc);
                runs.tnums.push(t);
            }
        }
        Ok(runs)
    }

    /// The testimony of `doc` and the first document after its run.
    fn at(&self, doc: DocId) -> (u64, DocId) {
        let i = self.starts.partition_point(|&s| s <= doc).saturating_sub(1);
        let end = self.starts.get(i + 1).copied().unwrap_or(self.max_doc);
        (self.tnums.get(i).copied().unwrap_or(u64::MAX), end)
    }
}

/// The runs of a segment, worked out once per segment and process
/// (segments never change; a few stale entries are dropped as the index
/// moves on).
pub fn runs(reader: &SegmentReader) -> tantivy::Result<Arc<Runs>> {
    static CACHE: OnceLock<Mutex<HashMap<SegmentId, Arc<Runs>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let id = reader.segment_id();
    if let Some(r) = cache.lock().ok().and_then(|c| c.get(&id).cloned()) {
        return Ok(r);
    }
    let r = Arc::new(Runs::of(reader)?);
    if let Ok(mut c) = cache.lock() {
        if c.len() >= RUNS_CACHED {
            c.clear();
        }
        c.insert(id, r.clone());
    }
    Ok(r)
}

/// Segments whose runs are kept (an index has a few dozen at most).
const RUNS_CACHED: usize = 256;

/// The testimonies with a passage `query` matches, without counting the
/// passages: the first match in a testimony skips the rest of its run.
pub fn testimonies_of(
    searcher: &tantivy::Searcher,
    query: &dyn tantivy::query::Query,
) -> tantivy::Result<HashSet<u64>> {
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut out = HashSet::new();
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
            out.insert(t);
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

    fn term(field: tantivy::schema::Field, w: &str) -> TermQuery {
        TermQuery::new(Term::from_field_text(field, w), IndexRecordOption::Basic)
    }

    #[test]
    fn testimonies_of_skips_runs_but_not_deleted_passages() {
        let (index, word) = index();
        let searcher = index.reader().unwrap().searcher();
        let sorted = |s: HashSet<u64>| {
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
}
