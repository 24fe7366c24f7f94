//! Stage 5: suggested tags with evidence.
//!
//! Input: a testimony's segments and what its header says of the narrator
//! ([`Narrator`]: birthplace and birth year). Output: [`NewTag`] suggestions for
//! places, regions, transit camps and deportation waves, each with the
//! evidence that produced it (segment ordinal, byte span, matched text,
//! alias or cue, rule) and a confidence. Suggestions are stored with
//! `source = suggested`, `status = suggested` until an archivist decides.
//!
//! The tagger is a set of documented rules, and one small trained table
//! that seconds them on waves:
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
//! 5. [`waves`]: cues (full and weak), rules of the language (a few days'
//!    work, German names and lists, a unit of ours, surrender, a term in
//!    years) and the story (age brackets of Order 7161, soldier or
//!    civilian, the era of the taking), plus the narrator having been
//!    held, scored into wave suggestions;
//! 6. [`words`]: the words of the whole testimony, weighed by a naive
//!    Bayes table trained on the held-out sets' gold
//!    (`schema/wave-words.tsv`), veto a weak wave suggestion told in
//!    another wave's words and carry a hint told strongly in its own, and
//!    name the wave of a narrator the rules placed at a camp but gave no
//!    wave, when the words clearly lead.
//!
//! **Scoring, not gates.** Every candidate (wave, region, place, transit
//! camp) gets a confidence from all its evidence; nothing is thrown away by
//! a threshold on the whole testimony. A candidate at or above [`SUGGEST`]
//! is a suggestion (stored, `source = suggested`); one between [`HINT`]
//! and [`SUGGEST`] is a *hint*: never stored, never a facet or a public
//! tag, only listed to archivists by `tanu review --all` (recomputed from
//! the stored segments), so what the tagger was unsure of can still be
//! reviewed. Whether the narrator tells of captivity is evidence among the
//! others: captivity words (camp, prisoner, barracks, mine, wagon, lice,
//! dysentery…, compounds included) in deportation-era sentences of the
//! narrator raise a wave's score (see [`waves`]); a first-person stay in a
//! camp at a named place tells it too, and the other places are then
//! weighed as in a story of captivity (see [`places`]). Negatives stay untagged
//! by their own evidence, not by a gate: a museum curator's looted
//! paintings by the `objects` rule, a First World War captivity and 1956 by
//! [`era`], a father's or brother's deportation by `other-person`, a
//! Jewish labour serviceman's Bor and Flossenbürg by the German-camp rule
//! of [`waves`].
//!
//! Quality is measured by `tests/tagging.rs` against the gold tags in
//! `fixtures/gold/`.

mod era;
#[cfg(test)]
mod failure_classes;
mod lexicon;
mod matcher;
mod places;
mod text;
mod waves;
pub mod words;

use std::sync::Arc;

use serde::Serialize;

use crate::parse::Segment;
use crate::store::NewTag;
use crate::vocab::{Facet, Vocabulary};

use self::matcher::Matcher;
use self::text::Doc;
use self::words::WaveWords;

/// The header field that evidence outside the passages stands on: the
/// narrator's birthplace (rule `home`) or, when it names no home the rules
/// know, the recording place (rule `recorded-in`). The review (command line
/// and web) names and links the field from the evidence's rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderField {
    /// `narrator_birthplace` (rule `home`).
    Birthplace,
    /// `recording_place` (rule `recorded-in`).
    RecordingPlace,
}

impl HeaderField {
    /// The field of header evidence with `rule`.
    pub fn of_rule(rule: &str) -> HeaderField {
        if rule == HeaderField::RecordingPlace.rule() {
            HeaderField::RecordingPlace
        } else {
            HeaderField::Birthplace
        }
    }

    /// The rule of evidence on this field.
    pub fn rule(self) -> &'static str {
        match self {
            HeaderField::Birthplace => "home",
            HeaderField::RecordingPlace => "recorded-in",
        }
    }

    /// The field's name in a transcript header and the record's form.
    pub fn name(self) -> &'static str {
        match self {
            HeaderField::Birthplace => "narrator_birthplace",
            HeaderField::RecordingPlace => "recording_place",
        }
    }

    /// What the command line calls it.
    pub fn label(self) -> &'static str {
        match self {
            HeaderField::Birthplace => "birthplace",
            HeaderField::RecordingPlace => "recorded in",
        }
    }
}

/// Confidence at or above which a candidate is suggested.
pub const SUGGEST: f64 = 0.6;
/// Confidence at or above which a candidate below [`SUGGEST`] is a hint.
pub const HINT: f64 = 0.25;

/// Suggests tags from text.
pub struct Tagger {
    vocab: Vocabulary,
    names: Matcher,
    cues: Matcher,
    /// The second opinion on wave candidates ([`words`]).
    words: Arc<WaveWords>,
}

/// What a testimony's header says of its narrator that the tagger weighs
/// beside the text: the text often leaves it unsaid (a woman of Kolozsvár
/// tells of the street where the patrol stopped her, not of the town).
#[derive(Debug, Clone, Copy, Default)]
pub struct Narrator<'a> {
    /// Where the narrator was born (`narrator_birthplace`).
    pub birthplace: Option<&'a str>,
    /// When (`narrator_birth_year`): a narrator under fourteen when a
    /// wave ended was not taken in it, and one too young for every wave
    /// was held nowhere (the places told are someone else's).
    pub birth_year: Option<i64>,
    /// Where the testimony was recorded (`recording_place`). The
    /// Transcarpathians who came home lived on in the Soviet Union and were
    /// interviewed where they lived: when the birthplace says nothing, a
    /// Transcarpathian recording place stands for the home the men's
    /// roundup of 1944 took them from (rule `recorded-in`).
    pub lives_in: Option<&'a str>,
}

/// The youngest age at which the waves took people (the leventes and the
/// youngest of the first wave were fourteen to sixteen).
const TAKEN_FROM_AGE: i64 = 14;

impl Narrator<'_> {
    /// Whether the narrator was under [`TAKEN_FROM_AGE`] in `year` (not
    /// when the birth year is unknown).
    fn too_young_in(&self, year: i64) -> bool {
        self.birth_year
            .is_some_and(|born| year - born < TAKEN_FROM_AGE)
    }
}

/// The last year of a wave's period (`to = "1945-02"`).
fn period_end(e: &crate::vocab::Entry) -> Option<i64> {
    let (_, to) = e.period.as_ref()?;
    to.split('-').next()?.parse().ok()
}

/// A candidate the evidence does not carry to a suggestion: 0.6 of its
/// confidence, and a hint at most (a wave of a narrator never told to
/// have been held, a candidate about a narrator too young for it).
fn demoted(confidence: f64) -> f64 {
    ((confidence * 0.6).min(SUGGEST - 0.01) * 100.0).round() / 100.0
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
            words: WaveWords::builtin(),
        }
    }

    /// The tagger with another table of wave words than the built-in one
    /// (the tagging suite scores each held-out set with a table that did
    /// not learn from it).
    pub fn with_wave_words(mut self, words: WaveWords) -> Tagger {
        self.words = Arc::new(words);
        self
    }

    /// Suggestions for the segments of one testimony: the candidates at
    /// or above [`SUGGEST`].
    pub fn suggest(&self, narrator: &Narrator<'_>, segments: &[Segment]) -> Vec<NewTag> {
        self.candidates(narrator, segments)
            .into_iter()
            .filter(|t| t.confidence >= SUGGEST)
            .collect()
    }

    /// Low-confidence hints: the candidates from [`HINT`] up to (not
    /// including) [`SUGGEST`], for archivists only (`tanu review --all`).
    /// They are never stored.
    pub fn hints(&self, narrator: &Narrator<'_>, segments: &[Segment]) -> Vec<NewTag> {
        self.candidates(narrator, segments)
            .into_iter()
            .filter(|t| (HINT..SUGGEST).contains(&t.confidence))
            .collect()
    }

    /// Every candidate with its confidence, suggestions and hints alike.
    pub fn candidates(&self, narrator: &Narrator<'_>, segments: &[Segment]) -> Vec<NewTag> {
        let doc = Doc::new(segments);
        let eras = era::sentence_eras(&doc);
        let (narrative, mentions) = self.weigh(&doc, &eras);
        let mut tags = places::suggest(&doc, &self.vocab, &mentions, narrative);
        // A narrator born too late for every wave was held nowhere: the
        // places are someone else's (a grandchild's journey to the camp).
        let entries = self.vocab.entries();
        let waves_end = entries.iter().filter_map(period_end).max();
        if waves_end.is_some_and(|y| narrator.too_young_in(y)) {
            for t in &mut tags {
                t.confidence = demoted(t.confidence);
            }
        }
        // The narrator's best place or transit camp is evidence that the
        // narrator was held (a region only repeats its place).
        let held = tags
            .iter()
            .filter(|t| t.confidence >= SUGGEST)
            .max_by(|a, b| {
                let key = |t: &NewTag| (t.facet != Facet::Region, t.confidence);
                let (ka, kb) = (key(a), key(b));
                ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
            })
            .and_then(|t| t.evidence.first().cloned());
        // The narrator's transit camps: some lie where a wave took people
        // (Barcaföldvár, Brassó: Transylvania).
        let camps: Vec<&NewTag> = tags
            .iter()
            .filter(|t| t.facet == Facet::TransitCamp && t.confidence >= SUGGEST)
            .collect();
        let waves = waves::suggest(
            &doc,
            &eras,
            &self.vocab,
            &self.cues.find(&doc),
            held,
            &camps,
            narrator,
        );
        // The words of the whole testimony second the rules ([`words`]);
        // they may name a wave for a narrator placed at a camp.
        let placed = tags.iter().any(|t| {
            matches!(t.facet, Facet::Place | Facet::TransitCamp) && t.confidence >= SUGGEST
        });
        let waves = self.words.second_opinion(&doc, waves, placed);
        // Nor is a wave the narrator's if it ended before the narrator was
        // old enough to be taken (a Gulag sentence of 1950 can be a
        // teenager's; a 1944 roundup not a baby's).
        tags.extend(waves.into_iter().map(|mut t| {
            let end = entries
                .iter()
                .find(|e| e.id == t.value)
                .and_then(period_end);
            if end.is_some_and(|y| narrator.too_young_in(y)) {
                t.confidence = demoted(t.confidence);
            }
            t
        }));
        tags
    }

    /// Every name mention weighed, and whether the narrator tells of
    /// being held: by the captivity words ([`waves::narrator_held`]) or by
    /// a first-person stay in a camp at a named place
    /// ([`places::held_in_camp`]), which then weighs the other mentions as
    /// in a story of captivity.
    fn weigh(&self, doc: &Doc<'_>, eras: &[era::Era]) -> (bool, Vec<places::Weighed>) {
        let found = self.names.find(doc);
        let narrative = waves::narrator_held(doc, eras);
        let mentions = places::weigh(doc, eras, &found, narrative);
        if !narrative && places::held_in_camp(doc, &mentions) {
            return (true, places::weigh(doc, eras, &found, true));
        }
        (narrative, mentions)
    }

    /// Every name mention with the rule that weighed it, for archivists
    /// asking why a place was (not) suggested.
    pub fn explain(&self, segments: &[Segment]) -> Vec<Mention> {
        let doc = Doc::new(segments);
        let eras = era::sentence_eras(&doc);
        let (_, mentions) = self.weigh(&doc, &eras);
        mentions
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
        let tags = Tagger::new(&vocab).suggest(&Narrator::default(), &segs);
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
        let tags = Tagger::new(&vocab).suggest(&Narrator::default(), &segs);
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
            for t in tagger.suggest(&Narrator::default(), &segs) {
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
        assert!(
            Tagger::new(&vocab)
                .suggest(&Narrator::default(), &segs)
                .is_empty()
        );
    }
}
