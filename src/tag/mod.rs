//! Stage 5: suggested tags with evidence.
//!
//! Input: a testimony's segments. Output: [`NewTag`] suggestions for
//! places, regions, transit camps and deportation waves, each with the
//! evidence that produced it.

use crate::parse::Segment;
use crate::store::NewTag;
use crate::vocab::Vocabulary;

/// Suggests tags from text.
pub struct Tagger {
    _private: (),
}

impl Tagger {
    /// Builds the matchers for `vocab`.
    pub fn new(_vocab: &Vocabulary) -> Tagger {
        Tagger { _private: () }
    }

    /// Suggestions for the segments of one testimony.
    pub fn suggest(&self, _segments: &[Segment]) -> Vec<NewTag> {
        Vec::new()
    }
}
