//! Stage 5: suggested tags with evidence.
//!
//! Input: a testimony's segments. Output: [`NewTag`] suggestions for
//! places, regions, transit camps and deportation waves, each with the
//! evidence that produced it (segment ordinal, byte span, matched text,
//! alias or cue, rule) and a confidence. Suggestions are stored with
//! `source = suggested`, `status = suggested` until an archivist decides.
//!
//! The tagger is a set of documented rules, not a trained model:
//!
//! 1. [`text`]: words (with the folding of [`crate::analysis`]), sentences
//!    and clauses across the segments;
//! 2. [`era`]: the time each segment speaks of; only the deportation years
//!    1941–1955 count;
//! 3. [`matcher`]: vocabulary names and wave cues found across Hungarian
//!    and Russian inflection, scripts and spellings;
//! 4. [`places`]: each name mention weighed by its context (camp, work,
//!    route, locator, other person, rumour…) into place, region and
//!    transit-camp suggestions;
//! 5. [`waves`]: cues and rules (age brackets of Order 7161, soldier or
//!    civilian, dates) into wave suggestions.
//!
//! A testimony that is not a deportation narrative — fewer than
//! [`GATE`] captivity words (camp, prisoner, barracks, mine, wagon, lice,
//! dysentery…) in its deportation-era segments, like a museum curator's
//! account of looted paintings — gets no suggestion at all.
//!
//! Quality is measured by `tests/tagging.rs` against the gold tags in
//! `fixtures/gold/`.

mod era;
mod lexicon;
mod matcher;
mod places;
mod text;
mod waves;

use serde::Serialize;

use crate::parse::Segment;
use crate::store::NewTag;
use crate::vocab::Vocabulary;

use self::era::Era;
use self::lexicon::CAPTIVITY;
use self::matcher::Matcher;
use self::text::Doc;

/// Captivity words a testimony needs before anything is suggested.
pub const GATE: usize = 4;

/// Suggests tags from text.
pub struct Tagger {
    vocab: Vocabulary,
    names: Matcher,
    cues: Matcher,
}

/// Why a name mention counts or not (see [`Tagger::explain`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// `place`, `region` or `transit_camp`.
    pub facet: String,
    /// Vocabulary id.
    pub value: String,
    /// Segment ordinal (1-based).
    pub ordinal: i64,
    /// Byte span in the segment text.
    pub span: (usize, usize),
    /// The text that matched.
    pub matched: String,
    /// The rule that weighed it (`camp`, `route`, `other-person`…).
    pub rule: String,
    /// Its weight (0 for the rules that exclude a mention).
    pub weight: f64,
}

impl Tagger {
    /// Builds the matchers for `vocab`.
    pub fn new(vocab: &Vocabulary) -> Tagger {
        Tagger {
            vocab: vocab.clone(),
            names: Matcher::names(vocab),
            cues: Matcher::cues(vocab),
        }
    }

    /// Suggestions for the segments of one testimony.
    pub fn suggest(&self, segments: &[Segment]) -> Vec<NewTag> {
        let doc = Doc::new(segments);
        let eras = era::segment_eras(&doc);
        if !is_deportation_narrative(&doc, &eras) {
            return Vec::new();
        }
        let mentions = places::weigh(&doc, &eras, &self.names.find(&doc));
        let mut tags = places::suggest(&doc, &self.vocab, &mentions);
        if !tags.is_empty() || waves::narrator_held(&doc, &eras) {
            tags.extend(waves::suggest(
                &doc,
                &eras,
                &self.vocab,
                &self.cues.find(&doc),
            ));
        }
        tags
    }

    /// Every name mention with the rule that weighed it, for archivists
    /// asking why a place was (not) suggested.
    pub fn explain(&self, segments: &[Segment]) -> Vec<Mention> {
        let doc = Doc::new(segments);
        let eras = era::segment_eras(&doc);
        places::weigh(&doc, &eras, &self.names.find(&doc))
            .iter()
            .filter_map(|w| {
                let (facet, value) = places::entry_id(&self.vocab, w)?;
                let e = places::evidence(&doc, &w.m, w.rule);
                Some(Mention {
                    facet: facet.name().to_string(),
                    value,
                    ordinal: e.ordinal.unwrap_or(0),
                    span: e.span.unwrap_or((0, 0)),
                    matched: e.matched,
                    rule: w.rule.to_string(),
                    weight: w.weight,
                })
            })
            .collect()
    }
}

/// The deportation-narrative gate (see the module docs).
fn is_deportation_narrative(doc: &Doc<'_>, eras: &[Era]) -> bool {
    doc.tokens
        .iter()
        .filter(|t| eras[t.seg] == Era::Deportation && CAPTIVITY.has(&t.folded))
        .take(GATE)
        .count()
        >= GATE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::text::seg;

    #[test]
    fn evidence_points_into_the_segment() {
        let vocab = Vocabulary::builtin().unwrap();
        let segs = [
            seg("Negyvennégy novemberében vittek el."),
            seg("Foksányba vittek, a foksányi táborban tetű és vérhas volt, barakkban aludtunk."),
        ];
        let tags = Tagger::new(&vocab).suggest(&segs);
        let f = tags.iter().find(|t| t.value == "focsani").expect("focsani");
        assert_eq!(f.source, "suggested");
        assert!(f.confidence > 0.5 && f.confidence <= 0.97);
        for e in &f.evidence {
            assert_eq!(e.ordinal, Some(2), "1-based segment ordinal");
            let (a, b) = e.span.unwrap();
            assert_eq!(segs[1].text[a..b], e.matched);
        }
        assert!(
            f.evidence
                .iter()
                .any(|e| e.rule == "camp" && e.matched == "foksányi")
        );
    }

    #[test]
    fn places_imply_their_region() {
        let vocab = Vocabulary::builtin().unwrap();
        let segs = [seg(
            "Sztálinóba vittek minket, a lágerben, barakkban laktunk, a bányában dolgoztunk, tetű volt.",
        )];
        let tags = Tagger::new(&vocab).suggest(&segs);
        let region = tags.iter().find(|t| t.value == "donbas").expect("donbas");
        assert!(
            region
                .evidence
                .iter()
                .all(|e| e.rule == "in-region:donetsk")
        );
        assert!(
            tags.iter().all(|t| t.value != "ukraine"),
            "ancestors come from the facet path"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_valid_evidence(texts in proptest::collection::vec(
            "[a-zA-ZáéőűöüóíÁÉŐŰФокшаныСталиноéгдежз .,:;!?—«»\n0-9-]{0,120}", 1..4)
        ) {
            static TAGGER: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
            let tagger = TAGGER.get_or_init(|| Tagger::new(&Vocabulary::builtin().unwrap()));
            let mut segs: Vec<Segment> = texts.iter().map(|t| seg(t)).collect();
            segs.push(seg("Foksányba vittek, a táborban tetű, vérhas, barakk, láger volt."));
            for t in tagger.suggest(&segs) {
                proptest::prop_assert!((0.0..=1.0).contains(&t.confidence));
                for e in &t.evidence {
                    let o = e.ordinal.unwrap_or(0) as usize;
                    proptest::prop_assert!(o >= 1 && o <= segs.len());
                    let (a, b) = e.span.unwrap_or((0, 0));
                    proptest::prop_assert_eq!(&segs[o - 1].text[a..b], e.matched.as_str());
                }
            }
            tagger.explain(&segs);
        }
    }

    #[test]
    fn nothing_without_a_deportation_narrative() {
        let vocab = Vocabulary::builtin().unwrap();
        let segs = [seg(
            "A képeket Moszkvába vitték, a könyveket Nyizsnyij Novgorodba szállították.",
        )];
        assert!(Tagger::new(&vocab).suggest(&segs).is_empty());
    }
}
