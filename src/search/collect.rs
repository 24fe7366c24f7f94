//! A collector of the testimonies a query matches: how many passages each,
//! and (optionally) their tag facets, read once per testimony.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::hash::FxBuildHasher;

/// Matching testimonies by testimony number.
pub type Testimonies = HashMap<u64, TestimonyMatch, FxBuildHasher>;

/// What is known about one matching testimony.
#[derive(Debug, Clone, Default)]
pub struct TestimonyMatch {
    /// Matching passages.
    pub passages: usize,
    /// Facet paths of its tags (when asked for).
    pub facets: Vec<String>,
}

pub struct TestimonySet {
    pub facet_field: Option<&'static str>,
}

/// Per segment: the count per testimony and the facet ordinals of its
/// first matching document; ordinals become paths once, at harvest (a
/// segment has few distinct tags, and every matching document is seen).
pub struct TestimonySetSegment {
    tnum: Column<u64>,
    facets: Option<FacetReader>,
    found: HashMap<u64, (usize, Vec<u64>), FxBuildHasher>,
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
            tnum: reader.fast_fields().u64("tnum")?,
            facets,
            found: HashMap::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut fruits = fruits.into_iter();
        let mut all = fruits.next().unwrap_or_default();
        for fruit in fruits {
            for (t, m) in fruit {
                let e = all.entry(t).or_default();
                e.passages += m.passages;
                for f in m.facets {
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
        let Some(t) = self.tnum.first(doc) else {
            return;
        };
        let entry = self.found.entry(t).or_default();
        entry.0 += 1;
        if entry.0 == 1
            && let Some(reader) = &self.facets
        {
            entry.1.extend(reader.facet_ords(doc));
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut paths: HashMap<u64, Option<String>, FxBuildHasher> = HashMap::default();
        let mut facet = Facet::root();
        self.found
            .into_iter()
            .map(|(t, (passages, ords))| {
                let facets = ords
                    .into_iter()
                    .filter_map(|ord| {
                        paths
                            .entry(ord)
                            .or_insert_with(|| {
                                self.facets.as_ref().and_then(|r| {
                                    r.facet_from_ord(ord, &mut facet)
                                        .ok()
                                        .map(|_| facet.to_path_string())
                                })
                            })
                            .clone()
                    })
                    .collect();
                (t, TestimonyMatch { passages, facets })
            })
            .collect()
    }
}
