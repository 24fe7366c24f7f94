//! Measured tagging quality on three sets, side by side:
//!
//! - **development**: the fixtures in `fixtures/transcripts/` against the
//!   gold tags in `fixtures/gold/*.toml` (the text the rules were written
//!   against);
//! - **held-out**: `fixtures/heldout/*.txt` against
//!   `fixtures/heldout/gold.toml`, written independently of the rules and
//!   frozen before they changed (skipped with a note when absent); the
//!   wave rules were later tuned with it in view, so for waves it is seen;
//! - **held-out 2 (seen)**: `fixtures/heldout2/`, the same kind of set
//!   written by another hand and frozen before the wave redesign was
//!   merged; it measured the rules unseen once (2026-12-06: wave
//!   0.905/0.633), and the rules were then tuned on its misses by class
//!   (the `waves2` round), so it is a tuning set now, like the first;
//! - **held-out 3 (seen)**: `fixtures/heldout3/`, written by a third hand
//!   that read neither the rules nor the other sets' texts, frozen on
//!   2026-12-06 at 22:32, before the `waves2` round was merged; it
//!   measured that round unseen once (wave 0.938/0.500), and the rules
//!   were then tuned on its misses by class (the `waves3` round), so it is
//!   a tuning set now too; a fourth set written before that round measures
//!   it;
//! - **synthetic**: [`SYNTHETIC`] testimonies of [`tanu::corpus`], whose
//!   generator knows where each story takes its narrator
//!   ([`tanu::corpus::Truth`]). Its waves are not measured: the generator
//!   writes a wave into the header only, never into the text.
//!
//! Only suggestions count: the tagger is run on the parsed segments, so
//! header tags (which the tagger never reads) play no part.
//!
//! Matching, per facet:
//! - `wave`, `place`, `transit_camp`: a suggestion is correct when it is a
//!   gold value; a gold value is found when it is suggested.
//! - `region`: regions are hierarchical (`ukraine` ⊃ `donbas`). A
//!   suggested region is correct when it is a gold region **or an ancestor
//!   of one** (`ukraine` for gold `donbas`: true, only less specific; a
//!   search for `ukraine` finds it anyway). A more specific region than
//!   the gold one (`donbas` for gold `ukraine`) is wrong: the gold author
//!   chose the broader region for a reason. A gold region is found only
//!   when it is suggested exactly.
//! - Values listed in a gold entry's `optional_*` fields (the geography of
//!   a First World War story, which an archivist may or may not tag) are
//!   neither rewarded nor penalised.
//!
//! Precision = correct suggestions / suggestions, recall = found gold
//! values / gold values, summed over all testimonies (micro average); a
//! facet with no suggestions has precision 1.
//!
//! Besides the table: a calibration table (confidence bucket → share of
//! candidates that are correct, suggestions and low-confidence hints
//! together) and the testimonies whose gold names a place, region or
//! transit camp of the vocabulary but that got no suggestion at all.
//!
//! Bars: the development set at precision and recall ≥ 0.95 per facet
//! (asserted); on the held-out set, issue 16's bars (recall ≥ 0.85 per
//! facet, precision ≥ 0.90 for waves and transit camps) are printed as met
//! or not, and floors a little under its first measurement are asserted
//! ([`HELDOUT_FLOOR`]); on the second held-out set, now seen, floors a
//! little under its seen measurement ([`SEEN2_FLOOR`]); on the third, also
//! seen now, issue 16's bars are printed and floors a little under its
//! seen measurement are asserted ([`SEEN3_FLOOR`]); the fourth
//! (`fixtures/heldout4/`, frozen 2026-12-06 23:42) is seen too since the
//! waves4 round ([`SEEN4_FLOOR`]) and the fifth (`fixtures/heldout5/`,
//! frozen 2026-12-07 01:42) since the waves5 round ([`SEEN5_FLOOR`]),
//! the sixth (`fixtures/heldout6/`, frozen 2026-12-07 01:56) since the
//! waves6 round ([`SEEN6_FLOOR`]), the seventh (`fixtures/heldout7/`,
//! frozen 2026-12-07 02:11) since the waves7 round ([`SEEN7_FLOOR`]) and
//! the eighth (`fixtures/heldout8/`, frozen 2026-12-07 02:25) since the
//! waves8 round ([`SEEN8_FLOOR`]), the ninth (`fixtures/heldout9/`,
//! frozen 2026-12-07 02:53) since the home round ([`SEEN9_FLOOR`]), the
//! tenth (`fixtures/heldout10/`, frozen 06:43, measured unseen once) since
//! the German-home round ([`SEEN10_FLOOR`]) and the eleventh
//! (`fixtures/heldout11/`, frozen 07:26, measured unseen once) since the
//! birth-year round ([`SEEN11_FLOOR`]) and the twelfth
//! (`fixtures/heldout12/`, frozen 2026-12-07 07:43, measured unseen once)
//! since the generality round ([`SEEN12_FLOOR`]) and the thirteenth
//! (`fixtures/heldout13/`, measured unseen once) since the Transcarpathia
//! round ([`SEEN13_FLOOR`]) and the fourteenth (`fixtures/heldout14/`,
//! frozen 2026-12-07 10:34, measured unseen once) since the second
//! generality round ([`SEEN14_FLOOR`]) and the fifteenth
//! (`fixtures/heldout15/`, frozen 2026-12-07 12:07, measured unseen once)
//! since the third generality round ([`SEEN15_FLOOR`]) and the sixteenth
//! (`fixtures/heldout16/`, frozen 2026-12-07 12:53, measured unseen once)
//! since the fourth generality round ([`SEEN16_FLOOR`]) and the
//! seventeenth (`fixtures/heldout17/`, frozen 2026-12-07 15:20, measured
//! unseen once) since the fifth generality round ([`SEEN17_FLOOR`]) and the
//! eighteenth (`fixtures/heldout18/`, frozen 2026-12-07 18:10, measured
//! unseen twice) since the sixth generality round ([`SEEN18_FLOOR`]) and
//! the nineteenth (`fixtures/heldout19/`, frozen 2026-12-07 18:58,
//! measured unseen with three rounds' rules) since the seventh
//! ([`SEEN19_FLOOR`]) and the twentieth (`fixtures/heldout20/`, frozen
//! 2026-12-07 20:56, measured unseen with the sixth and the seventh
//! rounds' rules) since the eighth and ninth ([`SEEN20_FLOOR`]), and the
//! twenty-first (`fixtures/heldout21/`, frozen 2026-12-07 21:44, measured
//! unseen with the rules of three rounds) since the tenth
//! ([`SEEN21_FLOOR`]); the twenty-second (`fixtures/heldout22/`, frozen
//! 2026-12-07 22:43) was written apart while the tenth round was
//! tuned, never tuned on by a rule, floors a little under its first
//! measurement ([`SEEN22_FLOOR`]), seen since the table of wave words
//! was fitted with it among sets 1–22; the twenty-third
//! (`fixtures/heldout23/`, frozen 2026-12-08 00:30) was written while the
//! table of wave words was built and measured it fresh, floors a little
//! under that ([`SEEN23_FLOOR`]), seen since the twelfth round's study;
//! the twenty-fourth (`fixtures/heldout24/`,
//! frozen 2026-12-08 00:53, written after the table was committed) was
//! measured fresh and is seen since one of its misses showed a rule of
//! the eras ([`SEEN24_FLOOR`]); the twenty-fifth (`fixtures/heldout25/`,
//! frozen 2026-12-08 01:10, measured fresh, seen since the twelfth
//! round's study; [`SEEN25_FLOOR`]); the twenty-sixth
//! (`fixtures/heldout26/`, frozen 2026-12-08 01:38) is fresh, written
//! while the twelfth round was made ([`FRESH26_FLOOR`]); on every held-out
//! set issue 16's bars are printed. The sets are listed once, in
//! [`HELD_OUT`].
//!
//! Run with `cargo test --test tagging -- --nocapture` to see the tables
//! (`TAGGING_SYNTHETIC=50` measures fewer synthetic testimonies, for quick
//! turns while working on the rules).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use tanu::ingest::{IngestOptions, collect_files, prepare};
use tanu::parse::Segment;
use tanu::store::NewTag;
use tanu::tag::words::{Features, WaveWords};
use tanu::tag::{Narrator, Tagger};
use tanu::vocab::Vocabulary;

const DEV_MIN: f64 = 0.95;
/// The bars of issue 16 on the held-out set (printed as met or not).
const HELDOUT_MIN_RECALL: f64 = 0.85;
const HELDOUT_MIN_PRECISION: f64 = 0.90;
/// Floors on the second held-out set (`fixtures/heldout2/`, frozen
/// 2026-12-06). First measured unseen after the wave redesign was merged
/// (wave 0.905/0.633, region 0.886/0.939, place 0.905/0.950, transit camp
/// 0.972/0.897); the rules were then tuned on its misses by class, so it
/// is "seen" since (wave 1.000/1.000, region 0.943/1.000, place
/// 0.976/1.000, transit camp 0.975/1.000). The floors sit a little under
/// the seen measurement, so that no change makes it worse unnoticed.
const SEEN2_FLOOR: Floor = [
    ("wave", 0.95, 0.95),
    ("region", 0.9, 0.95),
    ("place", 0.95, 0.95),
    ("transit_camp", 0.95, 0.95),
];
/// Floors on the fourth held-out set (`fixtures/heldout4/`, frozen
/// 2026-12-06 23:42). Measured unseen with the rules of the waves3 round
/// (wave 0.917/0.733, region 0.966/1.000, place 0.938/1.000, transit camp
/// 0.941/0.941 — the same as with the rules from before that round); the
/// wave rules were then tuned on its misses by class (the waves4 round), so
/// it is "seen" since (wave 1.000/1.000). The floors sit a little under the
/// seen measurement.
const SEEN4_FLOOR: Floor = [
    ("wave", 0.95, 0.95),
    ("region", 0.93, 0.97),
    ("place", 0.9, 0.97),
    ("transit_camp", 0.9, 0.9),
];
/// Floors on the third held-out set (`fixtures/heldout3/`, frozen
/// 2026-12-06 22:32). Measured unseen once with the rules of the `waves2`
/// round (wave 0.938/0.500, region 0.882/0.968, place 0.909/0.938, transit
/// camp 0.921/0.814; with the rules from before that round wave
/// 0.900/0.300); the rules were then tuned on its misses by class (the
/// `waves3` round), so it is "seen" since (wave 0.963/0.867, after the
/// waves4 round 0.966/0.933, region
/// 0.886/1.000, place 0.914/1.000, transit camp 0.925/0.860). The floors
/// sit a little under the seen measurement, the wave recall under the
/// 0.867 of the table of wave words scored without this set (it vetoes
/// two right waves of the set, `h3-hu-24`, `h3-hude-12`, as it fixes 26
/// errors elsewhere).
const SEEN3_FLOOR: Floor = [
    ("wave", 0.95, 0.85),
    ("region", 0.86, 0.98),
    ("place", 0.9, 0.98),
    ("transit_camp", 0.9, 0.84),
];
/// Floors (facet, precision, recall) on the held-out set, asserted: a
/// little under its first measurement (2026-12-06, the rules frozen before
/// the set was read: wave 1.000/0.400, region 0.941/1.000, place
/// 0.952/0.976, transit camp 0.978/0.957), so that no change makes it
/// worse unnoticed. The wave rules were redesigned afterwards with this
/// set in view (it is "seen" for waves since: 1.000/1.000); its wave
/// floor is issue 16's bar.
const HELDOUT_FLOOR: Floor = [
    ("wave", 0.9, 0.85),
    ("region", 0.9, 0.95),
    ("place", 0.9, 0.95),
    ("transit_camp", 0.9, 0.9),
];
/// Floors (facet, precision, recall) asserted on a held-out set.
type Floor = [(&'static str, f64, f64); 4];
/// The held-out sets, oldest first: the label in the tables, the folder
/// under `fixtures/`, the floors asserted. "seen" means the rules were
/// tuned on the set's misses after its first measurement; "fresh" that no
/// rule was written with the set in view.
const HELD_OUT: [(&str, &str, Floor); 26] = [
    ("held-out", "heldout", HELDOUT_FLOOR),
    ("held-out 2 seen", "heldout2", SEEN2_FLOOR),
    ("held-out 3 seen", "heldout3", SEEN3_FLOOR),
    ("held-out 4 seen", "heldout4", SEEN4_FLOOR),
    ("held-out 5 seen", "heldout5", SEEN5_FLOOR),
    ("held-out 6 seen", "heldout6", SEEN6_FLOOR),
    ("held-out 7 seen", "heldout7", SEEN7_FLOOR),
    ("held-out 8 seen", "heldout8", SEEN8_FLOOR),
    ("held-out 9 seen", "heldout9", SEEN9_FLOOR),
    ("held-out 10 seen", "heldout10", SEEN10_FLOOR),
    ("held-out 11 seen", "heldout11", SEEN11_FLOOR),
    ("held-out 12 seen", "heldout12", SEEN12_FLOOR),
    ("held-out 13 seen", "heldout13", SEEN13_FLOOR),
    ("held-out 14 seen", "heldout14", SEEN14_FLOOR),
    ("held-out 15 seen", "heldout15", SEEN15_FLOOR),
    ("held-out 16 seen", "heldout16", SEEN16_FLOOR),
    ("held-out 17 seen", "heldout17", SEEN17_FLOOR),
    ("held-out 18 seen", "heldout18", SEEN18_FLOOR),
    ("held-out 19 seen", "heldout19", SEEN19_FLOOR),
    ("held-out 20 seen", "heldout20", SEEN20_FLOOR),
    ("held-out 21 seen", "heldout21", SEEN21_FLOOR),
    ("held-out 22 seen", "heldout22", SEEN22_FLOOR),
    ("held-out 23 seen", "heldout23", SEEN23_FLOOR),
    ("held-out 24 seen", "heldout24", SEEN24_FLOOR),
    ("held-out 25 seen", "heldout25", SEEN25_FLOOR),
    ("held-out 26 fresh", "heldout26", FRESH26_FLOOR),
];
/// The wave ids of the vocabulary, in its order.
fn wave_ids(vocab: &Vocabulary) -> Vec<&str> {
    vocab
        .entries()
        .iter()
        .filter(|e| e.facet == tanu::vocab::Facet::Wave)
        .map(|e| e.id.as_str())
        .collect()
}

/// The table of wave words of `cases` and their gold waves.
fn wave_words(vocab: &Vocabulary, cases: &[Case]) -> WaveWords {
    let features: Vec<Features> = cases
        .iter()
        .map(|c| Features::of_segments(&c.segments))
        .collect();
    WaveWords::train(
        &wave_ids(vocab),
        features
            .iter()
            .zip(cases)
            .map(|(f, c)| (f, c.gold.wave.as_slice())),
    )
}

/// The built-in table of wave words is the one the held-out sets of
/// [`HELD_OUT`] make; `TANU_WRITE_WAVE_WORDS=1` writes it. A new set
/// joins the table as soon as the table is written again, and is still
/// measured unseen: every set is scored by the table less its own counts.
#[test]
fn wave_words_table_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let vocab = Vocabulary::builtin().unwrap();
    let tagger = Tagger::new(&vocab);
    let cases: Vec<Case> = HELD_OUT
        .iter()
        .flat_map(|&(_, dir, _)| {
            heldout(&vocab, &tagger, root, dir)
                .unwrap_or_else(|| panic!("{dir}: the set has no gold.toml"))
        })
        .collect();
    let table = wave_words(&vocab, &cases).pruned().to_tsv();
    let path = root.join("schema/wave-words.tsv");
    if std::env::var_os("TANU_WRITE_WAVE_WORDS").is_some() {
        std::fs::write(&path, &table).unwrap();
        return;
    }
    let built_in = std::fs::read_to_string(&path).unwrap();
    assert!(
        built_in == table,
        "schema/wave-words.tsv is not what the held-out sets make; rewrite it with \
         `TANU_WRITE_WAVE_WORDS=1 cargo test --release --test tagging wave_words`"
    );
    assert_eq!(
        WaveWords::from_tsv(&table).unwrap(),
        *WaveWords::builtin(),
        "rebuild tanu after rewriting the table"
    );
}

/// Which sets the rules have seen, printed under the table.
const SEEN_NOTE: &str = "the wave rules were redesigned with the held-out set in view (it is \
     \"seen\" for waves since 2026-12-06) and the second held-out set is seen too (the rules \
     were tuned on its misses by class), and so is the third (frozen 2026-12-06 22:32; measured \
     unseen once, then tuned on in the waves3 round), and so is the fourth (frozen 2026-12-06 \
     23:42; tuned on in the waves4 round), the fifth (frozen 2026-12-07 01:42; tuned on in the \
     waves5 round), the sixth (frozen 2026-12-07 01:56; tuned on in the waves6 round) and the \
     seventh (frozen 2026-12-07 02:11; tuned on in the waves7 round) and the eighth (frozen \
     2026-12-07 02:25; measured twice unseen, the waves7 story default made a hint on its \
     result, then tuned on in the waves8 round), the ninth (frozen 2026-12-07 02:53; tuned on in \
     the home round) and the tenth (frozen 2026-12-07 06:43; measured unseen once, then tuned on \
     in the German-home round) and the eleventh (frozen 2026-12-07 07:26; measured unseen once, \
     then tuned on in the birth-year round) and the twelfth (frozen 2026-12-07 07:43; measured \
     unseen once, then tuned on by class in the generality round) and the thirteenth (frozen \
     2026-12-07; measured unseen once, then tuned on in the Transcarpathia round) and the \
     fourteenth (frozen 2026-12-07 10:34; measured unseen once, then tuned on by class in the \
     second generality round) and the fifteenth (frozen 2026-12-07 12:07; measured unseen once, \
     then tuned on in the third generality round, each change kept only with a gain on another \
     set) and the sixteenth (frozen 2026-12-07 12:53; measured unseen once, then tuned on by \
     mechanism in the fourth generality round, each change kept only with a gain on another \
     set and no loss on any) and the seventeenth (frozen 2026-12-07 15:20; measured unseen \
     once, then tuned on by mechanism in the fifth generality round, each change kept only \
     with a gain on another set and no loss on any) and the eighteenth (frozen 2026-12-07 \
     18:10; measured unseen twice (fourth and fifth rounds' rules), then tuned on by mechanism \
     in the sixth generality round (places, then waves), each change kept only with a gain on another set or as a \
     tested generalisation, and no loss on any) and the nineteenth (frozen 2026-12-07 18:58; \
     measured unseen with three rounds' rules, then tuned on by mechanism in the seventh \
     generality round, on the same terms) and the twentieth (frozen 2026-12-07 20:56; measured \
     unseen with the sixth and seventh rounds' rules, then tuned on in the eighth and ninth \
     rounds, on the same terms) and the twenty-first (frozen 2026-12-07 21:44; measured unseen \
     with the rules before the seventh round, after the eighth and after the ninth, then tuned \
     on in the tenth round, on the same terms); the twenty-second (frozen 2026-12-07 22:43) \
     was never tuned on by a rule, but the thresholds of the table of wave words were chosen \
     in a study of sets 1-22; the twenty-third (frozen 2026-12-08 00:30), the twenty-fourth (frozen 2026-12-08 00:53) \
     and the twenty-fifth (frozen 2026-12-08 01:10) were each measured fresh, and are seen \
     since: the twenty-fourth's one testimony without any suggestion showed the \
     interwar-background rule of the eras, and the thresholds of the twelfth round (the words \
     name a wave the rules missed) were chosen in a study of sets 1-25; the twenty-sixth \
     (frozen 2026-12-08 01:38) is fresh: written while the twelfth round was made. The table of \
     wave words learns from every set and scores each without its own counts";
/// Floors on the fifth held-out set (`fixtures/heldout5/`, frozen
/// 2026-12-07 01:42). Measured unseen with the rules of the waves3 round
/// (wave 0.913/0.750, region 0.844/0.964, place 0.897/0.963, transit camp
/// 0.952/0.930) and of the waves4 round (wave 0.917/0.786, the rest
/// unchanged); the wave rules were then tuned on its misses by class (the
/// waves5 round), so it is "seen" since (wave 1.000/0.964). The floors sit
/// a little under the seen measurement.
const SEEN5_FLOOR: Floor = [
    ("wave", 0.95, 0.9),
    ("region", 0.8, 0.93),
    ("place", 0.85, 0.93),
    ("transit_camp", 0.9, 0.9),
];
/// Floors on the sixth held-out set (`fixtures/heldout6/`, frozen
/// 2026-12-07 01:56). Measured unseen with the rules of the waves4 round
/// (wave 0.900/0.667, region 0.839/1.000, place 0.833/0.962, transit camp
/// 0.943/0.943) and of the waves5 round (wave 0.909/0.741); the wave rules
/// were then tuned on its misses by class (the waves6 round), so it is
/// "seen" since (wave 1.000/0.963). The floors sit a little under the seen
/// measurement.
const SEEN6_FLOOR: Floor = [
    ("wave", 0.95, 0.9),
    ("region", 0.8, 0.95),
    ("place", 0.8, 0.93),
    ("transit_camp", 0.9, 0.9),
];
/// Floors on the seventh held-out set (`fixtures/heldout7/`, frozen
/// 2026-12-07 02:11). Measured unseen with the rules of the waves5 and
/// waves6 rounds (wave 0.762/0.593, region 0.844/1.000, place
/// 0.839/1.000, transit camp 0.966/1.000); the wave rules were then tuned
/// on its misses (the waves7 round), so it is "seen" since (wave
/// 0.950/0.704, with the story default a hint). The floors sit a little
/// under the seen measurement.
const SEEN7_FLOOR: Floor = [
    ("wave", 0.9, 0.65),
    ("region", 0.8, 0.95),
    ("place", 0.8, 0.95),
    ("transit_camp", 0.9, 0.95),
];
/// Floors on the eighth held-out set (`fixtures/heldout8/`, frozen
/// 2026-12-07 02:25). Measured unseen with the rules of the waves6 round
/// (wave 0.913/0.808, region 0.800/0.923, place 0.880/0.880, transit camp
/// 0.897/0.897) and of the waves7 round (0.840/0.808 with its story
/// default a suggestion, 0.913/0.808 with it a hint, the form kept); the
/// wave rules were then tuned on its misses (the waves8 round), so it is
/// "seen" since (wave 1.000/0.923). The floors sit a little under the seen
/// measurement.
const SEEN8_FLOOR: Floor = [
    ("wave", 0.95, 0.9),
    ("region", 0.75, 0.9),
    ("place", 0.8, 0.85),
    ("transit_camp", 0.85, 0.85),
];
/// Floors on the ninth held-out set (`fixtures/heldout9/`, frozen
/// 2026-12-07 02:53, seen since the home round): a little under its
/// first measurement (the rules now measure wave 0.962/0.926 on it), with
/// the rules of the waves7 round (wave 0.870/0.741, region 0.839/1.000,
/// place 0.806/0.926, transit camp 0.958/0.885) and of the waves8 round,
/// written from the eighth set's misses before this one was read (the
/// same).
const SEEN9_FLOOR: Floor = [
    ("wave", 0.8, 0.7),
    ("region", 0.8, 0.95),
    ("place", 0.75, 0.9),
    ("transit_camp", 0.9, 0.85),
];
/// Floors on the tenth held-out set (`fixtures/heldout10/`, frozen
/// 2026-12-07 06:43, seen since the German-home round): written while the
/// home rules were being
/// made from the ninth set's misses, and first measured after they were
/// committed: a little under that measurement (wave 0.810/0.607, region
/// 0.844/0.964, place 0.903/0.966, transit camp 0.906/0.829; the rules
/// before the round measured wave 0.800/0.571 on it, the rest the same).
/// The wave floor was raised after the generality round (wave
/// 0.960/0.857).
const SEEN10_FLOOR: Floor = [
    ("wave", 0.9, 0.8),
    ("region", 0.8, 0.9),
    ("place", 0.85, 0.9),
    ("transit_camp", 0.85, 0.75),
];
/// Floors on the eleventh held-out set (`fixtures/heldout11/`, frozen
/// 2026-12-07 07:26, seen since the birth-year round): written while the German-home round was
/// being made from the tenth set's misses, first measured after it was
/// committed: a little under that measurement (wave 0.923/0.828, region
/// 0.923/0.889, place 0.903/0.903, transit camp 0.903/0.966; the rules
/// before the home rounds measured wave 0.909/0.690 on it, and so do
/// today's with the birthplace withheld). The wave floor was raised after
/// the generality round (wave 1.000/0.897).
const SEEN11_FLOOR: Floor = [
    ("wave", 0.9, 0.85),
    ("region", 0.85, 0.85),
    ("place", 0.85, 0.85),
    ("transit_camp", 0.85, 0.9),
];
/// Floors on the twelfth held-out set (`fixtures/heldout12/`, frozen
/// 2026-12-07 07:43, seen since the generality round): written in parallel
/// with the birth-year round, first measured unseen after it was
/// committed (wave 0.909/0.714, region 0.950/0.679, place 1.000/0.677,
/// transit camp 0.960/0.857: the same as the rules before the home
/// rounds, and as today's with the birthplace withheld); the rules were
/// then tuned on its misses by class, with general mechanisms (dates,
/// numerals, decisions between waves, the narrator taken away, elliptic
/// answers), so it is "seen" since (wave 0.963/0.929, region 0.955/0.750,
/// place 1.000/0.742). The floors sit a little under that measurement.
const SEEN12_FLOOR: Floor = [
    ("wave", 0.9, 0.85),
    ("region", 0.9, 0.7),
    ("place", 0.9, 0.7),
    ("transit_camp", 0.9, 0.8),
];
/// Floors on the thirteenth held-out set (`fixtures/heldout13/`, frozen
/// 2026-12-07): written in parallel with the generality round and first
/// measured unseen before it (wave 0.769/0.690, region 0.800/1.000, place
/// 0.784/1.000, transit camp 0.852/0.821); the generality round changed
/// none of these. Its misses were then read: the Transcarpathia round
/// (the November 1944 roundup there took Germans and Hungarians alike;
/// the recording place as the home when the birthplace says nothing) took
/// wave to 0.815/0.759. The floors sit a little under that.
const SEEN13_FLOOR: Floor = [
    ("wave", 0.75, 0.7),
    ("region", 0.75, 0.9),
    ("place", 0.7, 0.9),
    ("transit_camp", 0.8, 0.75),
];
/// Floors on the fourteenth held-out set (`fixtures/heldout14/`, frozen
/// 2026-12-07 10:34, seen since the second generality round): written in
/// parallel while the thirteenth was measured, first measured unseen with
/// the rules of the generality round (wave 0.875/0.724, region
/// 0.852/0.821, place 0.840/0.808, transit camp 0.833/0.800; the rules
/// before that round: wave 0.864/0.655, the rest the same; after the
/// Transcarpathia round: the same). Its misses were then read and the
/// rules tuned on them by class, with general mechanisms (the era of a
/// sentence, life spans and typed-up prefaces, a building of a stay, a
/// camp stay as a story of captivity, guards, third persons, denied
/// places, spellings of names, a judge, lists and orders of Germans, a
/// task demanded, the taking told before the return home), so it is
/// "seen" since (wave 0.963/0.897, region 1.000/1.000, place
/// 0.963/1.000, transit camp 1.000/1.000). The floors sit a little under
/// that.
const SEEN14_FLOOR: Floor = [
    ("wave", 0.9, 0.85),
    ("region", 0.9, 0.95),
    ("place", 0.9, 0.95),
    ("transit_camp", 0.9, 0.95),
];
/// Floors on the fifteenth held-out set (`fixtures/heldout15/`, frozen
/// 2026-12-07 12:07, seen since the third generality round): written
/// apart while the second generality round was made, measured unseen
/// with the rules before that round (wave 0.944/0.586, region
/// 0.893/0.893, place 0.833/0.926, transit camp 0.864/0.792) and after it
/// (the same, but transit camp precision 0.826: that round gained nothing
/// here). Its misses were then read and the rules tuned on them by
/// mechanism, each change kept only when it also turned a miss into a hit
/// on another set (the broken pretext of a roundup, the tribunal told as
/// a scene, a town said without its landscape, a noun name in `-ый`, the
/// prepositional adjective of a town before a camp word), so it is
/// "seen" since (wave 0.952/0.690, region 0.893/0.893, place 0.833/0.926,
/// transit camp 0.846/0.917). The floors sit a little under that.
const SEEN15_FLOOR: Floor = [
    ("wave", 0.9, 0.65),
    ("region", 0.85, 0.85),
    ("place", 0.8, 0.9),
    ("transit_camp", 0.8, 0.85),
];
/// Floors on the sixteenth held-out set (`fixtures/heldout16/`, frozen
/// 2026-12-07 12:53, seen since the fourth generality round): written
/// while the third generality round was made, measured unseen with the
/// rules of each round: before the second generality round wave
/// 0.769/0.769, region 0.774/0.923, place 0.800/0.889, transit camp
/// 0.889/0.857; after it wave 0.800/0.769, region 0.800/0.923, transit
/// camp 0.923/0.857; after the third wave 0.808/0.808, transit camp
/// 0.926/0.893, the rest the same. Its misses were then read and the rules
/// tuned on them by mechanism, each change kept only when it also turned a
/// miss into a hit on another set and lowered nothing anywhere (a list
/// read out with years of birth, the release announced, a port where the
/// ship was boarded, a number beside a season that is no date, a guard's
/// camp, a German barracks, the German he or she of a relative's story),
/// so it is "seen" since (wave 0.920/0.885, region 0.857/0.923, place
/// 0.857/0.889, transit camp 0.963/0.929). The floors sit a little under
/// that.
const SEEN16_FLOOR: Floor = [
    ("wave", 0.9, 0.85),
    ("region", 0.8, 0.9),
    ("place", 0.8, 0.85),
    ("transit_camp", 0.9, 0.9),
];
/// Floors on the seventeenth held-out set (`fixtures/heldout17/`, frozen
/// 2026-12-07 15:20, seen since the fifth generality round): written apart
/// while the fourth generality round was prepared, measured unseen with
/// the rules of the third round (wave 0.731/0.704, region 0.839/1.000,
/// place 0.812/1.000, transit camp 0.786/0.786) and of the fourth, tuned
/// on the sixteenth set (wave 0.792/0.704, region 0.867/1.000, place
/// 0.839/1.000, transit camp 0.793/0.821). Its misses were then read and
/// the rules tuned on them by mechanism, each change kept only with a gain
/// on another set or as a generalisation with unit tests of fresh text,
/// and lowering nothing anywhere (the question that takes the capture as
/// told, a unit the narrator was, a term read out by an officer, whom a
/// list took said in a relative clause, a number that is no task's
/// object), so it is "seen" since (wave 0.846/0.815, region 0.867/1.000,
/// place 0.839/1.000, transit camp 0.793/0.821). The floors sit a little
/// under that.
const SEEN17_FLOOR: Floor = [
    ("wave", 0.8, 0.8),
    ("region", 0.85, 0.95),
    ("place", 0.8, 0.95),
    ("transit_camp", 0.75, 0.8),
];
/// Floors on the eighteenth held-out set (`fixtures/heldout18/`, frozen
/// 2026-12-07 18:10, seen since the sixth generality round): written apart
/// while the fifth generality round was tuned, measured unseen with the
/// rules of the fourth round and of the fifth; both gave wave 0.630/0.607,
/// region 0.711/1.000, place 0.600/0.964, transit camp 0.800/0.933. Its
/// misses were then read and the rules tuned on them by mechanism, each
/// change kept only with a gain on another set or as a generalisation with
/// unit tests of fresh text, and lowering nothing anywhere (a station where
/// the train stood, others taken but not the narrator, a place heard of or
/// learned of later; then, for waves, a narrator who went to the Soviet
/// Union freely was not held), so it is "seen" since (wave 0.680/0.607,
/// region 0.750/1.000, place 0.675/0.964, transit camp 0.824/0.933). The
/// floors sit a little under that.
const SEEN18_FLOOR: Floor = [
    ("wave", 0.65, 0.55),
    ("region", 0.7, 0.95),
    ("place", 0.65, 0.9),
    ("transit_camp", 0.8, 0.9),
];
/// Floors on the nineteenth held-out set (`fixtures/heldout19/`, frozen
/// 2026-12-07 18:58): written apart while the sixth generality round was
/// tuned, measured unseen with the rules of the fifth round and of both
/// halves of the sixth (all three: wave 0.846/0.786, region 0.897/0.929,
/// place 0.871/0.931, transit camp 0.926/0.893), then tuned on by
/// mechanism in the seventh generality round (wave 0.958/0.821, the rest
/// unchanged). A little under that.
const SEEN19_FLOOR: Floor = [
    ("wave", 0.9, 0.78),
    ("region", 0.85, 0.9),
    ("place", 0.85, 0.9),
    ("transit_camp", 0.9, 0.85),
];
/// Floors on the twentieth held-out set (`fixtures/heldout20/`, frozen
/// 2026-12-07 20:56): written apart while the seventh generality round was
/// tuned, measured unseen with the rules before that round and after it
/// (both: wave 0.808/0.750, region 0.929/0.963, place 0.929/0.963, transit
/// camp 0.821/0.885), then tuned on in the eighth round (wave
/// 0.917/0.786, the rest unchanged) and the ninth (wave 0.964/0.964,
/// region and place 0.931/1.000, transit camp 0.833/0.962). A little
/// under that.
const SEEN20_FLOOR: Floor = [
    ("wave", 0.93, 0.93),
    ("region", 0.9, 0.97),
    ("place", 0.9, 0.97),
    ("transit_camp", 0.8, 0.93),
];
/// Floors on the twenty-first held-out set (`fixtures/heldout21/`, frozen
/// 2026-12-07 21:44): written apart after the eighth round and before
/// the ninth; measured with the rules before the seventh round, after the
/// eighth and after the ninth, the same all three times (wave
/// 0.714/0.741, region 0.743/1.000, place 0.735/0.962, transit camp
/// 0.788/0.929), then tuned on in the tenth round (wave 0.833/0.741, the
/// rest unchanged). A little under that.
const SEEN21_FLOOR: Floor = [
    ("wave", 0.8, 0.7),
    ("region", 0.7, 0.95),
    ("place", 0.7, 0.93),
    ("transit_camp", 0.75, 0.9),
];
/// Floors on the twenty-second held-out set (`fixtures/heldout22/`,
/// frozen 2026-12-07 22:43): written apart while the tenth round was
/// tuned and never tuned on; measured with the rules before the tenth
/// round and after it, the same both times (wave 0.800/0.741, region
/// 0.743/0.962, place 0.771/0.964, transit camp 0.818/0.931). A little
/// under that. Seen since the table of wave words, whose thresholds were
/// chosen in a study of sets 1–22 (no rule was tuned on it).
const SEEN22_FLOOR: Floor = [
    ("wave", 0.75, 0.7),
    ("region", 0.7, 0.93),
    ("place", 0.73, 0.93),
    ("transit_camp", 0.78, 0.9),
];
/// Floors on the twenty-third held-out set (`fixtures/heldout23/`,
/// frozen 2026-12-08 00:30): written apart while the table of wave words
/// was built, its thresholds fixed before; never tuned on. Measured with
/// the rules of the tenth round alone (wave 0.900/0.667) and with the
/// table (wave 0.913/0.778; region 0.964/1.000, place 0.966/1.000, transit
/// camp 0.957/0.957 both times). A little under that.
const SEEN23_FLOOR: Floor = [
    ("wave", 0.85, 0.72),
    ("region", 0.9, 0.95),
    ("place", 0.9, 0.95),
    ("transit_camp", 0.9, 0.9),
];
/// Floors on the twenty-fourth held-out set (`fixtures/heldout24/`,
/// frozen 2026-12-08 00:53): written apart after the table of wave words
/// was committed, never tuned on. Measured with the rules of the tenth
/// round alone and with the table, the same totals both times (wave
/// 0.783/0.667: one wrong wave vetoed, one wrong wave carried; region
/// 0.806/0.962, place 0.839/0.963, transit camp 0.769/0.870). A little
/// under that. Seen since its one testimony without any suggestion
/// (`h24-hu-14`) showed the interwar-background rule of the eras.
const SEEN24_FLOOR: Floor = [
    ("wave", 0.73, 0.62),
    ("region", 0.76, 0.92),
    ("place", 0.79, 0.92),
    ("transit_camp", 0.72, 0.82),
];
/// Floors on the twenty-fifth held-out set (`fixtures/heldout25/`,
/// frozen 2026-12-08 01:10): written apart while the word table was made
/// to weigh each language apart and the interwar-background rule of the
/// eras was written, never tuned on. Measured with the rules of the tenth
/// round alone (wave 0.818/0.667) and with both changes (wave
/// 0.900/0.667: two wrong prisoner-of-war waves vetoed; region
/// 0.900/1.000, place 0.903/1.000, transit camp 0.815/0.957 both times).
/// A little under that.
const SEEN25_FLOOR: Floor = [
    ("wave", 0.85, 0.62),
    ("region", 0.85, 0.95),
    ("place", 0.85, 0.95),
    ("transit_camp", 0.77, 0.9),
];
/// Floors on the twenty-sixth held-out set (`fixtures/heldout26/`,
/// frozen 2026-12-08 01:38): written apart while the twelfth round (the
/// words name a wave the rules missed) was made, never tuned on; its
/// writer was asked for narrators who begin with a family background of
/// the 1920s–30s, a voice the era rule of the twenty-fourth set concerns.
/// Measured with the rules of the tenth round alone (wave 0.750/0.667,
/// region 0.727/0.923, place 0.833/0.926, transit camp 0.821/0.920) and
/// after the twelfth round (wave 0.840/0.778, region 0.735/0.962, place
/// 0.839/0.963, transit camp 0.828/0.960). A little under that.
const FRESH26_FLOOR: Floor = [
    ("wave", 0.79, 0.72),
    ("region", 0.69, 0.92),
    ("place", 0.79, 0.92),
    ("transit_camp", 0.78, 0.92),
];
const FACETS: [&str; 4] = ["wave", "region", "place", "transit_camp"];
/// Synthetic testimonies measured (seed [`SYNTHETIC_SEED`]).
const SYNTHETIC: usize = 500;
const SYNTHETIC_SEED: u64 = 16;

#[derive(Deserialize)]
struct GoldFile {
    testimony: Vec<Gold>,
}

#[derive(Deserialize, Clone, Default)]
struct Gold {
    #[serde(default)]
    id: String,
    /// The file name, when a gold file names testimonies by file.
    #[serde(default)]
    file: Option<String>,
    #[serde(default)]
    wave: Vec<String>,
    #[serde(default)]
    region: Vec<String>,
    #[serde(default)]
    place: Vec<String>,
    #[serde(default)]
    transit_camp: Vec<String>,
    #[serde(default)]
    optional_region: Vec<String>,
    #[serde(default)]
    optional_place: Vec<String>,
    #[serde(default)]
    optional_wave: Vec<String>,
    #[serde(default)]
    optional_transit_camp: Vec<String>,
    /// Facets this gold says nothing about (the synthetic waves).
    #[serde(skip)]
    unmeasured: Vec<&'static str>,
}

impl Gold {
    fn values(&self, facet: &str) -> (&[String], &[String]) {
        match facet {
            "wave" => (&self.wave, &self.optional_wave),
            "region" => (&self.region, &self.optional_region),
            "place" => (&self.place, &self.optional_place),
            _ => (&self.transit_camp, &self.optional_transit_camp),
        }
    }

    fn names_a_place(&self) -> bool {
        !(self.region.is_empty() && self.place.is_empty() && self.transit_camp.is_empty())
    }
}

/// One testimony to measure.
struct Case {
    id: String,
    /// The header's `narrator_birthplace`, `narrator_birth_year` and
    /// `recording_place`, which the tagger weighs.
    birthplace: Option<String>,
    birth_year: Option<i64>,
    recording_place: Option<String>,
    segments: Vec<Segment>,
    gold: Gold,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    found: usize,
    gold: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.found as f64 / self.gold as f64
        }
    }
}

/// What one set measured.
#[derive(Default)]
struct Report {
    testimonies: usize,
    totals: BTreeMap<&'static str, Counts>,
    /// (confidence, correct) of every candidate, hints included.
    calibration: Vec<(f64, bool)>,
    errors: Vec<String>,
    /// Testimonies whose gold names a place but that got no suggestion.
    silent: Vec<String>,
}

/// The tagger's candidates: suggestions (`true`) and low-confidence hints
/// (`false`).
fn candidates(tagger: &Tagger, case: &Case) -> Vec<(NewTag, bool)> {
    let narrator = Narrator {
        birthplace: case.birthplace.as_deref(),
        birth_year: case.birth_year,
        lives_in: case.recording_place.as_deref(),
    };
    tagger
        .candidates(&narrator, &case.segments)
        .into_iter()
        .map(|t| {
            let suggested = t.confidence >= tanu::tag::SUGGEST;
            (t, suggested)
        })
        .collect()
}

fn measure(vocab: &Vocabulary, tagger: &Tagger, cases: &[Case]) -> Report {
    // Two threads (the test machines have two cores or more).
    let (a, b) = cases.split_at(cases.len() / 2);
    let (mut r, rb) = std::thread::scope(|s| {
        let h = s.spawn(|| measure_part(vocab, tagger, b));
        let ra = measure_part(vocab, tagger, a);
        (ra, h.join().unwrap())
    });
    r.testimonies += rb.testimonies;
    for (f, c) in rb.totals {
        let t = r.totals.entry(f).or_default();
        t.tp += c.tp;
        t.fp += c.fp;
        t.found += c.found;
        t.gold += c.gold;
    }
    r.calibration.extend(rb.calibration);
    r.errors.extend(rb.errors);
    r.silent.extend(rb.silent);
    r
}

fn measure_part(vocab: &Vocabulary, tagger: &Tagger, cases: &[Case]) -> Report {
    let mut r = Report {
        testimonies: cases.len(),
        ..Report::default()
    };
    for case in cases {
        let g = &case.gold;
        let all = candidates(tagger, case);
        let suggested: Vec<&NewTag> = all.iter().filter(|(_, s)| *s).map(|(t, _)| t).collect();
        if g.names_a_place() && suggested.is_empty() {
            r.silent.push(case.id.clone());
        }
        // Explanations only for errors (explaining costs a tagger run).
        let mentions = std::cell::OnceCell::new();
        let why = |v: &str| why(mentions.get_or_init(|| tagger.explain(&case.segments)), v);
        let correct = |facet: &str, v: &str| -> bool {
            let (req, _) = g.values(facet);
            if facet == "region" {
                req.iter()
                    .any(|x| vocab.lineage(x).contains(&v) || x.as_str() == v)
            } else {
                req.iter().any(|x| x == v)
            }
        };
        for (t, _) in &all {
            let facet = t.facet.name();
            if g.unmeasured.contains(&facet) {
                continue;
            }
            let (_, opt) = g.values(facet);
            if opt.contains(&t.value) {
                continue;
            }
            r.calibration
                .push((t.confidence, correct(facet, t.value.as_str())));
        }
        for facet in FACETS {
            if g.unmeasured.contains(&facet) {
                continue;
            }
            let got: BTreeSet<&str> = suggested
                .iter()
                .filter(|s| s.facet.name() == facet)
                .map(|s| s.value.as_str())
                .collect();
            let (req, opt) = g.values(facet);
            let c = r.totals.entry(facet).or_default();
            for v in &got {
                if opt.iter().any(|o| o == v) {
                    continue;
                }
                if correct(facet, v) {
                    c.tp += 1;
                } else {
                    c.fp += 1;
                    r.errors.push(format!(
                        "{}: {facet} {v} suggested, not in gold{}",
                        case.id,
                        why(v)
                    ));
                }
            }
            for v in req {
                c.gold += 1;
                if got.contains(v.as_str()) {
                    c.found += 1;
                } else {
                    r.errors
                        .push(format!("{}: {facet} {v} missed{}", case.id, why(v)));
                }
            }
        }
    }
    r
}

fn load_gold(files: &[PathBuf]) -> BTreeMap<String, Gold> {
    let mut out = BTreeMap::new();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        let doc: GoldFile =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        for mut g in doc.testimony {
            if g.id.is_empty()
                && let Some(file) = &g.file
            {
                g.id = Path::new(file)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
            }
            assert!(
                out.insert(g.id.clone(), g.clone()).is_none(),
                "{}: gold for {} given twice",
                f.display(),
                g.id
            );
        }
    }
    out
}

/// Checks that every gold value is in the vocabulary under its facet.
fn check_gold(vocab: &Vocabulary, gold: &BTreeMap<String, Gold>) {
    for g in gold.values() {
        for facet in FACETS {
            let (req, opt) = g.values(facet);
            for v in req.iter().chain(opt) {
                let e = vocab
                    .get(v)
                    .unwrap_or_else(|| panic!("gold {}: unknown {v}", g.id));
                assert_eq!(e.facet.name(), facet, "gold {}: {v} is not a {facet}", g.id);
            }
        }
    }
}

/// The transcripts of `dir` (recursively) with their gold, every gold
/// entry used once.
fn cases_from(
    vocab: &Vocabulary,
    tagger: &Tagger,
    dir: &Path,
    gold: &BTreeMap<String, Gold>,
) -> Vec<Case> {
    check_gold(vocab, gold);
    let (files, _) = collect_files(&[dir.to_path_buf()]).unwrap();
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let t = prepare(path, bytes, &IngestOptions::default(), vocab, tagger)
            .unwrap_or_else(|e| panic!("{e}"));
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let g = gold
            .get(&t.id)
            .or_else(|| gold.get(&stem))
            .unwrap_or_else(|| panic!("no gold entry for {} ({})", t.id, path.display()));
        seen.insert(g.id.clone());
        out.push(Case {
            id: t.id.clone(),
            birthplace: t.narrator_birthplace,
            birth_year: t.narrator_birth_year.map(i64::from),
            recording_place: t.recording_place,
            segments: t.segments,
            gold: g.clone(),
        });
    }
    let unused: Vec<_> = gold.keys().filter(|k| !seen.contains(*k)).collect();
    assert!(
        unused.is_empty(),
        "gold entries without a fixture: {unused:?}"
    );
    out
}

fn development(vocab: &Vocabulary, tagger: &Tagger, root: &Path) -> Vec<Case> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("fixtures/gold"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let gold = load_gold(&files);
    cases_from(vocab, tagger, &root.join("fixtures/transcripts"), &gold)
}

fn heldout(vocab: &Vocabulary, tagger: &Tagger, root: &Path, set: &str) -> Option<Vec<Case>> {
    let dir = root.join("fixtures").join(set);
    let gold = dir.join("gold.toml");
    if !gold.exists() {
        return None;
    }
    let gold = load_gold(&[gold]);
    Some(cases_from(vocab, tagger, &dir, &gold))
}

fn synthetic(vocab: &Vocabulary, tagger: &Tagger, n: usize) -> Vec<Case> {
    let generator = tanu::corpus::Generator::new(SYNTHETIC_SEED).unwrap();
    let half = n / 2;
    std::thread::scope(|s| {
        let h = s.spawn(|| synthetic_range(&generator, vocab, tagger, half..n));
        let mut out = synthetic_range(&generator, vocab, tagger, 0..half);
        out.extend(h.join().unwrap());
        out
    })
}

fn synthetic_range(
    generator: &tanu::corpus::Generator,
    vocab: &Vocabulary,
    tagger: &Tagger,
    range: std::ops::Range<usize>,
) -> Vec<Case> {
    range
        .map(|i| {
            let f = generator.testimony(i);
            let t = prepare(&f.path, f.bytes, &IngestOptions::default(), vocab, tagger)
                .unwrap_or_else(|e| panic!("{}: {e}", f.path.display()));
            Case {
                id: t.id.clone(),
                birthplace: t.narrator_birthplace,
                birth_year: t.narrator_birth_year.map(i64::from),
                recording_place: t.recording_place,
                segments: t.segments,
                gold: Gold {
                    id: t.id,
                    region: vec![f.truth.region],
                    place: f.truth.places,
                    transit_camp: vec![f.truth.transit_camp],
                    unmeasured: vec!["wave"],
                    ..Gold::default()
                },
            }
        })
        .collect()
}

fn cell(r: Option<&Report>, facet: &str) -> String {
    match r.and_then(|r| r.totals.get(facet)) {
        Some(c) => format!(
            "{:.3} {:.3} {:>4}",
            c.precision(),
            c.recall(),
            c.gold - c.found
        ),
        None => format!("{:^16}", "n/a"),
    }
}

/// Confidence buckets of the calibration table (lower bounds).
const BUCKETS: [f64; 7] = [0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9];

fn calibration(name: &str, r: &Report) {
    println!("\ncalibration, {name} (confidence → share correct, hints included):");
    for (k, lo) in BUCKETS.iter().enumerate() {
        let hi = BUCKETS.get(k + 1).copied().unwrap_or(1.01);
        let inside: Vec<bool> = r
            .calibration
            .iter()
            .filter(|(c, _)| *c >= *lo && *c < hi)
            .map(|(_, ok)| *ok)
            .collect();
        if inside.is_empty() {
            println!("  [{lo:.2}, {:.2})  {:>5}  -", hi.min(1.0), 0);
            continue;
        }
        let ok = inside.iter().filter(|x| **x).count();
        println!(
            "  [{lo:.2}, {:.2})  {:>5}  {:.3}",
            hi.min(1.0),
            inside.len(),
            ok as f64 / inside.len() as f64
        );
    }
}

#[test]
fn quality_on_three_sets() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let vocab = Vocabulary::builtin().unwrap();
    let tagger = Tagger::new(&vocab);

    let dev = measure(&vocab, &tagger, &development(&vocab, &tagger, root));
    // The held-out sets, oldest first: (label, folder, floors asserted).
    // Every set is scored by the table of wave words less its own counts,
    // so that the words' part of its result is unseen.
    let builtin = WaveWords::builtin();
    let sets: Vec<(&str, Option<Report>, Floor)> = HELD_OUT
        .iter()
        .map(|&(name, dir, floor)| {
            let report = heldout(&vocab, &tagger, root, dir).map(|c| {
                let own = wave_words(&vocab, &c);
                let unseen = Tagger::new(&vocab).with_wave_words(builtin.without(&own));
                measure(&vocab, &unseen, &c)
            });
            (name, report, floor)
        })
        .collect();
    let clock = std::time::Instant::now();
    // `TAGGING_SYNTHETIC=N` measures fewer (or more) while working on rules.
    let n = std::env::var("TAGGING_SYNTHETIC")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SYNTHETIC);
    let syn_cases = synthetic(&vocab, &tagger, n);
    let generated = clock.elapsed();
    let syn = measure(&vocab, &tagger, &syn_cases);
    let measured = clock.elapsed() - generated;

    // Every column: development, the held-out sets, synthetic.
    let mut columns: Vec<(&str, Option<&Report>)> = vec![("development", Some(&dev))];
    columns.extend(sets.iter().map(|(name, r, _)| (*name, r.as_ref())));
    columns.push(("synthetic", Some(&syn)));
    let counts: Vec<String> = columns
        .iter()
        .map(|(name, r)| {
            let n = r.map_or("absent".to_string(), |r| r.testimonies.to_string());
            format!("{name} {n}")
        })
        .collect();
    println!(
        "\ntagging quality (micro average; P R and FN = gold values missed):\n{} \
         (synthetic seed {SYNTHETIC_SEED})",
        counts.join(", ")
    );
    let row = |first: &str, cells: Vec<String>| {
        let cells: Vec<String> = cells.iter().map(|c| format!("{c:^16}")).collect();
        println!("{first:<13} {}", cells.join(" | "));
    };
    row(
        "facet",
        columns.iter().map(|(n, _)| n.to_string()).collect(),
    );
    row(
        "",
        columns
            .iter()
            .map(|_| "P     R       FN".to_string())
            .collect(),
    );
    for facet in FACETS {
        row(
            facet,
            columns.iter().map(|(_, r)| cell(*r, facet)).collect(),
        );
    }
    println!(
        "synthetic: generated and prepared in {:.1} s, tagged and measured in {:.1} s",
        generated.as_secs_f64(),
        measured.as_secs_f64()
    );
    println!("note: {SEEN_NOTE}");
    for (name, r) in &columns {
        if let Some(r) = r {
            calibration(name, r);
        } else {
            println!("note: the {name} set is absent (no gold.toml); skipped");
        }
    }
    for (name, r, _) in &sets {
        let Some(h) = r else { continue };
        println!("\nbars of issue 16 on the {name} set:");
        for facet in FACETS {
            let c = h.totals[facet];
            let p_bar = facet == "wave" || facet == "transit_camp";
            let met = c.recall() >= HELDOUT_MIN_RECALL
                && (!p_bar || c.precision() >= HELDOUT_MIN_PRECISION);
            println!(
                "  {facet:<13} recall {:.3} (≥ {HELDOUT_MIN_RECALL}){}: {}",
                c.recall(),
                if p_bar {
                    format!(
                        ", precision {:.3} (≥ {HELDOUT_MIN_PRECISION})",
                        c.precision()
                    )
                } else {
                    String::new()
                },
                if met { "met" } else { "NOT MET" }
            );
        }
    }
    for (name, r) in columns.iter().filter(|(name, _)| *name != "synthetic") {
        let Some(r) = r else { continue };
        println!(
            "\n{name}: testimonies naming a vocabulary place without any suggestion: {}",
            if r.silent.is_empty() {
                "none".to_string()
            } else {
                r.silent.join(", ")
            }
        );
        if !r.errors.is_empty() {
            println!("{name} errors:");
            for e in &r.errors {
                println!("  {e}");
            }
        }
    }
    println!(
        "\nsynthetic: {} testimonies without any suggestion; {} errors, first 15:",
        syn.silent.len(),
        syn.errors.len()
    );
    for e in syn.errors.iter().take(15) {
        println!("  {e}");
    }

    for facet in FACETS {
        let c = dev.totals[facet];
        assert!(
            c.precision() >= DEV_MIN && c.recall() >= DEV_MIN,
            "development {facet}: precision {:.3}, recall {:.3} < {DEV_MIN}",
            c.precision(),
            c.recall()
        );
    }
    for (name, set, floor) in &sets {
        let Some(h) = set else { continue };
        for &(facet, p, r) in floor {
            let c = h.totals[facet];
            assert!(
                c.precision() >= p && c.recall() >= r,
                "{name} {facet}: precision {:.3}, recall {:.3}, below the floor {p}, {r}",
                c.precision(),
                c.recall()
            );
        }
    }
}

/// The mentions of a value with their rules, to explain an error.
fn why(mentions: &[tanu::tag::Mention], value: &str) -> String {
    let parts: Vec<String> = mentions
        .iter()
        .filter(|m| m.value == value)
        .map(|m| format!("¶{} {:?} {} {:.1}", m.ordinal, m.matched, m.rule, m.weight))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" [{}]", parts.join("; "))
    }
}

#[test]
fn a_language_tanu_does_not_analyse_is_other() {
    // A Spanish interview (a child evacuated to the USSR in 1937) used to
    // be labelled Hungarian and stemmed as such.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let vocab = Vocabulary::builtin().unwrap();
    let tagger = Tagger::new(&vocab);
    let path = root.join("fixtures/languages/es-ninos-001.txt");
    let bytes = std::fs::read(&path).unwrap();
    let t = prepare(&path, bytes, &IngestOptions::default(), &vocab, &tagger).unwrap();
    assert!(t.segments.len() >= 6);
    for s in &t.segments {
        assert_eq!(s.lang, Some(tanu::lang::Lang::Other), "{}", s.text);
    }
    assert_eq!(t.languages, ["other"]);
    assert!(tagger.suggest(&Narrator::default(), &t.segments).is_empty());
}

mod common;

#[test]
fn hints_are_shown_to_archivists_and_never_stored() {
    let t = common::TestArchive::new();
    let file = t.write(
        "in/hint-001.txt",
        "Negyvenöt tavaszán a rokonoknál voltunk.\n\nEgyszer Kramatorszkban is jártunk.\n",
    );
    t.tanu().arg("ingest").arg(&file).assert().success();
    let lines = |args: &[&str]| -> Vec<serde_json::Value> {
        let out = t.tanu().args(args).output().unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let is_kramatorsk = |v: &serde_json::Value| v["data"]["value"] == "kramatorsk";
    assert!(!lines(&["review", "--json"]).iter().any(is_kramatorsk));
    let all = lines(&["review", "--all", "--json"]);
    let hint = all
        .iter()
        .find(|v| is_kramatorsk(v))
        .expect("a hint for Kramatorsk");
    assert_eq!(hint["type"], "hint");
    let c = hint["data"]["confidence"].as_f64().unwrap();
    assert!(c < tanu::tag::SUGGEST, "{c}");
    assert_eq!(hint["data"]["evidence"][0]["matched"], "Kramatorszkban");
    // Not a tag of the record, not a facet value.
    let out = t
        .tanu()
        .args(["show", "--json", "hint-001"])
        .output()
        .unwrap();
    let show = String::from_utf8(out.stdout).unwrap();
    assert!(
        show.contains("hint-001") && !show.contains("kramatorsk"),
        "{show}"
    );
    let values = lines(&["regions", "--suggested", "--json"]);
    assert!(values.iter().any(|v| v["type"] == "summary"), "{values:?}");
    for v in values.iter().filter(|v| v["type"] == "value") {
        assert_ne!(v["data"]["id"], "kramatorsk", "{v}");
        assert_ne!(v["data"]["id"], "donbas", "{v}");
    }
    // Archivists only.
    t.tanu()
        .args(["--role", "public", "review", "--all"])
        .assert()
        .code(2);
    // A hint weighed by the header's birthplace shows it as its evidence
    // (ordinal 0, rule `home`): a Kolozsvár woman taken in 1946, too late
    // for the Transylvanian roundups to be a suggestion.
    let file = t.write(
        "in/hint-002.txt",
        "id: hint-002\nnarrator_birthplace: Kolozsvár\nnarrator_birth_year: 1926\n---\n\
         Negyvenhat tavaszán az utcán megállítottak és elvittek.\n\n\
         Sztálinóba vittek, a bányába, ott voltam negyvenkilencig.\n",
    );
    t.tanu().arg("ingest").arg(&file).assert().success();
    let all = lines(&["review", "--all", "--json", "--testimony", "hint-002"]);
    let hint = all
        .iter()
        .find(|v| v["type"] == "hint" && v["data"]["value"] == "transylvania")
        .expect("a Transylvanian hint");
    let home = &hint["data"]["evidence"][0];
    assert_eq!(
        (&home["rule"], &home["matched"], &home["ordinal"]),
        (
            &serde_json::json!("home"),
            &serde_json::json!("Kolozsvár"),
            &serde_json::json!(0)
        ),
        "{hint}"
    );
}
