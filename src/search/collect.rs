//! A collector of the testimonies a query matches: how many passages each,
//! and (optionally) their tag facets, read once per testimony.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

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

pub struct TestimonySetSegment {
    tnum: Column<u64>,
    facets: Option<FacetReader>,
    found: HashMap<u64, TestimonyMatch>,
}

impl Collector for TestimonySet {
    type Fruit = HashMap<u64, TestimonyMatch>;
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
            found: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all: HashMap<u64, TestimonyMatch> = HashMap::new();
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
    type Fruit = HashMap<u64, TestimonyMatch>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let Some(t) = self.tnum.first(doc) else {
            return;
        };
        let entry = self.found.entry(t).or_default();
        entry.passages += 1;
        if entry.passages == 1
            && let Some(reader) = &self.facets
        {
            let mut facet = Facet::root();
            for ord in reader.facet_ords(doc) {
                if reader.facet_from_ord(ord, &mut facet).is_ok() {
                    entry.facets.push(facet.to_path_string());
                }
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.found
    }
}
