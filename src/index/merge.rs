//! Which segments the index writer merges: Tantivy's log-sized levels, but
//! never a merge bigger than [`MAX_MERGE_DOCS`].
//!
//! A merge reads every file of its segments through the memory map, and
//! the pages it touches count towards the ingesting process's resident
//! memory until the merged segments are dropped. With unbounded levels the
//! biggest merge grows with the archive (at 10,000 testimonies one merge
//! read 1.7 million passages, about 800 MB of index files, and lifted the
//! ingest's peak from 330 MiB to 1 GiB). Bounded merges keep that peak
//! flat in the size of the archive; the price is a few more segments,
//! each a few hundred thousand passages, which a search walks in turn.
//!
//! A candidate within the bound is Tantivy's own, unchanged (same
//! segments, same order), so a small archive merges exactly as before.
//! Deleted passages of segments past half the bound (a re-ingested or
//! corrected testimony leaves its old ones) stay in their segment, hidden,
//! until `tanu reindex`; a bounded rewrite of such segments, tried first,
//! made more merges run while curation commands were killed, and the
//! crash test then found an index that needed a rebuild.

use tantivy::SegmentMeta;
use tantivy::indexer::{LogMergePolicy, MergeCandidate, MergePolicy};

/// At most this many documents (passages) go into one merge.
pub const MAX_MERGE_DOCS: u32 = 256_000;

/// [`LogMergePolicy`]'s candidates, each cut down to its smallest segments
/// that fit in [`MAX_MERGE_DOCS`].
#[derive(Debug)]
pub struct BoundedMerges {
    log: LogMergePolicy,
    max_docs: u32,
}

impl BoundedMerges {
    pub fn new(max_docs: u32) -> BoundedMerges {
        let mut log = LogMergePolicy::default();
        // A segment of half the bound or more has no partner left to grow
        // with; leaving it out keeps it from filling every level.
        log.set_max_docs_before_merge((max_docs / 2) as usize);
        BoundedMerges { log, max_docs }
    }
}

impl Default for BoundedMerges {
    fn default() -> BoundedMerges {
        BoundedMerges::new(MAX_MERGE_DOCS)
    }
}

impl MergePolicy for BoundedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        self.log
            .compute_merge_candidates(segments)
            .into_iter()
            .filter_map(|c| bound(c, segments, self.max_docs))
            .collect()
    }
}

/// `c` itself when its documents add up to at most `max`; otherwise its
/// smallest segments that do, or `None` when fewer than two are left.
fn bound(c: MergeCandidate, segments: &[SegmentMeta], max: u32) -> Option<MergeCandidate> {
    let mut metas: Vec<&SegmentMeta> =
        c.0.iter()
            .filter_map(|id| segments.iter().find(|s| s.id() == *id))
            .collect();
    let whole: u64 = metas.iter().map(|s| u64::from(s.max_doc())).sum();
    if whole <= u64::from(max) {
        return Some(c);
    }
    metas.sort_by_key(|s| s.max_doc());
    let mut total = 0u64;
    let mut kept = Vec::new();
    for s in metas {
        total += u64::from(s.max_doc());
        if total > u64::from(max) {
            break;
        }
        kept.push(s.id());
    }
    (kept.len() >= 2).then_some(MergeCandidate(kept))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::index::SegmentId;
    use tantivy::{Index, schema::Schema};

    fn metas(sizes: &[u32]) -> Vec<SegmentMeta> {
        let index = Index::create_in_ram(Schema::builder().build());
        sizes
            .iter()
            .map(|&n| index.new_segment_meta(SegmentId::generate_random(), n))
            .collect()
    }

    fn sizes_of(c: &MergeCandidate, segs: &[SegmentMeta]) -> Vec<u32> {
        let mut v: Vec<u32> =
            c.0.iter()
                .map(|id| {
                    segs.iter()
                        .find(|s| s.id() == *id)
                        .map_or(0, |s| s.max_doc())
                })
                .collect();
        v.sort();
        v
    }

    #[test]
    fn small_segments_merge_as_tantivy_would() {
        let segs = metas(&[9_000; 8]);
        let c = BoundedMerges::new(256_000).compute_merge_candidates(&segs);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].0.len(), 8);
    }

    #[test]
    fn no_merge_is_bigger_than_the_bound() {
        // Eight segments of a level that the log policy would merge into
        // one of 960,000 documents.
        let segs = metas(&[120_000; 8]);
        let policy = BoundedMerges::new(256_000);
        let c = policy.compute_merge_candidates(&segs);
        assert!(!c.is_empty());
        for cand in &c {
            let total: u32 = sizes_of(cand, &segs).iter().sum();
            assert!(total <= 256_000, "a merge of {total} documents");
            assert!(cand.0.len() >= 2);
        }
        // Segments of half the bound or more are left alone.
        let big = metas(&[130_000; 8]);
        assert!(policy.compute_merge_candidates(&big).is_empty());
    }

    #[test]
    fn the_smallest_segments_of_a_level_go_first() {
        // One level (sizes within a factor of 2^0.75) of 424,000 documents.
        let segs = metas(&[
            60_000, 58_000, 56_000, 54_000, 52_000, 50_000, 48_000, 46_000,
        ]);
        let c = BoundedMerges::new(256_000).compute_merge_candidates(&segs);
        assert_eq!(c.len(), 1);
        assert_eq!(
            sizes_of(&c[0], &segs),
            vec![46_000, 48_000, 50_000, 52_000, 54_000]
        );
    }

    #[test]
    fn a_candidate_within_the_bound_is_tantivys_own() {
        let segs = metas(&[9_000, 12_000, 8_000, 11_000, 9_500, 10_000, 8_500, 10_500]);
        let ours = BoundedMerges::new(256_000).compute_merge_candidates(&segs);
        let theirs = LogMergePolicy::default().compute_merge_candidates(&segs);
        assert_eq!(ours.len(), theirs.len());
        for (a, b) in ours.iter().zip(&theirs) {
            assert_eq!(a.0, b.0);
        }
    }
}
