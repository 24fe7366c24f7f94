//! The words of each wave's stories: a second opinion on the wave rules.
//!
//! The rules of [`super::waves`] read a testimony sentence by sentence;
//! on text nobody tuned them for, what they miss is mostly the way a story
//! is told (a list read from the pulpit, a cellar, a driver out of petrol).
//! A testimony's vocabulary as a whole says something the sentences do
//! not: which words the testimonies of each wave use. This module keeps
//! that as a naive Bayes table ([`WaveWords`]) trained on the gold of the
//! held-out sets (`schema/wave-words.tsv`, written by the tagging suite:
//! `TANU_WRITE_WAVE_WORDS=1 cargo test --release --test tagging`), and
//! [`WaveWords::second_opinion`] turns its score into three narrow
//! changes of the rules' wave candidates:
//!
//! - a **weak suggestion** (confidence under [`VETO_BELOW`]) whose words
//!   are those of other waves' stories (score under [`VETO_SCORE`])
//!   becomes a hint, with evidence `unlike-words` (the words weighing most
//!   against it);
//! - a **hint** whose words are strongly those of its wave's stories
//!   (score over [`PROMOTE_SCORE`]), beside no wave the rules are sure of,
//!   becomes a suggestion at
//!   [`super::SUGGEST`], with evidence `words` (the words weighing most
//!   for it).
//!
//! - a testimony whose narrator the rules placed at a camp (a place or
//!   transit camp suggested) but to which they gave no wave gets the wave
//!   its words name, when that wave scores over [`PROPOSE_SCORE`], leads
//!   the next by [`PROPOSE_MARGIN`] and the testimony's language is
//!   weighed apart for it: a suggestion at [`super::SUGGEST`], evidence
//!   `words`. This is the one case where the table makes a candidate; it
//!   was added after the twenty-fifth set, from the same kind of
//!   leave-one-set-out study over sets 1–25 (27 of 28 such waves right),
//!   with its thresholds fixed before the twenty-sixth set was read.
//!
//! A word is its folded form cut to [`PREFIX`] characters (a crude stem
//! that holds across Hungarian and Russian endings); a four-digit number is
//! a year. Only presence counts, once per testimony. Words found in fewer
//! than [`MIN_DOCS`] training testimonies are left out.
//!
//! **Each language apart.** The table counts per language of the
//! testimony (the language of most of its text), and a testimony is
//! weighed by its own language's counts when that language has
//! [`MIN_LANGUAGE_DOCS`] testimonies of the wave and as many of others:
//! half the German accounts are of Order 7161, so counted together every
//! German word (`und`, `wir`, `Lager`) spoke for that wave and carried
//! it onto a German prisoner of war or a German negative. A language with
//! too few accounts of a wave is weighed by all languages together.
//!
//! The thresholds were fixed before the twenty-third held-out set was
//! written, from a leave-one-set-out study of sets 1–22 (each set scored
//! by a table trained without it): on sets 13–22 the pair removed 8 wrong
//! waves and no right one, and promoted hints for 12 right waves and 4
//! wrong ones. Switching a weak suggestion to the table's best wave was
//! tried in the same study and broke 16 for 3 fixed; it is not done.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, OnceLock};

use crate::hash::FxBuildHasher;
use crate::lang::Lang;
use crate::parse::Segment;
use crate::store::{NewEvidence, NewTag};
use crate::vocab::Facet;

use super::text::Doc;

/// Characters of a word's folded form that make its feature.
pub const PREFIX: usize = 6;
/// Training testimonies a word must occur in to count.
pub const MIN_DOCS: u32 = 3;
/// A suggestion below this confidence can be vetoed by its words.
pub const VETO_BELOW: f64 = 0.9;
/// The score under which the words veto a weak suggestion.
pub const VETO_SCORE: f64 = -10.0;
/// The score over which the words carry a hint to a suggestion.
pub const PROMOTE_SCORE: f64 = 40.0;
/// The score over which the words name the wave of a testimony the rules
/// gave none though they placed its narrator at a camp.
pub const PROPOSE_SCORE: f64 = 30.0;
/// How far that wave's score must lead the next wave's.
pub const PROPOSE_MARGIN: f64 = 20.0;
/// The confidence a vetoed suggestion keeps: a hint.
const VETOED: f64 = 0.5;
/// Testimonies of a wave, and of the others, a language needs for its
/// testimonies to be weighed by its own counts ([`WaveWords`]).
pub const MIN_LANGUAGE_DOCS: u32 = 10;
/// How many words the evidence of an opinion shows.
const EVIDENCE_WORDS: usize = 3;

/// The first line of the table: the column names.
const FIRST_COLUMN: &str = "feature";
/// The row of document counts.
const DOCUMENTS_ROW: &str = "(documents)";

/// Why a table could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WordsError {
    /// The first line is not `feature\tlang\tall\t<wave>…`.
    #[error("wave words line 1: expected a `{FIRST_COLUMN}\\tlang\\tall\\t<wave>…` header")]
    Header,
    /// A line with the wrong number of columns, language or count.
    #[error("wave words line {0}: expected a word, a language and {1} counts")]
    Row(usize, usize),
    /// No `(documents)` row.
    #[error("wave words: no `{DOCUMENTS_ROW}` row")]
    NoDocuments,
}

/// Per word: in how many training testimonies it occurs, and in how many
/// of each wave's, per language of the testimony.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WaveWords {
    /// Wave ids, in column order.
    waves: Vec<String>,
    /// Training testimonies, and of each wave, per language.
    docs: Counts,
    words: HashMap<Box<str>, Counts, FxBuildHasher>,
}

/// `[all, wave 1, wave 2, …]` for each language of [`Lang::ALL`], one
/// block after the other.
type Counts = Vec<u32>;

/// A testimony's features (see the module documentation), in byte order,
/// each with the first token that has it, and the language most of its
/// words are in.
#[derive(Clone)]
pub struct Features {
    words: Vec<(String, usize)>,
    /// Index in [`Lang::ALL`].
    lang: usize,
}

impl Features {
    /// The features of a testimony read into tokens.
    pub(super) fn of(doc: &Doc<'_>) -> Features {
        let mut words = BTreeMap::new();
        let mut seen = vec![false; doc.words];
        for (i, t) in doc.tokens.iter().enumerate() {
            if std::mem::replace(&mut seen[t.word], true) {
                continue;
            }
            if let Some(f) = feature(&t.folded) {
                words.entry(f).or_insert(i);
            }
        }
        // The language of the most text (ties: the first of `Lang::ALL`).
        let mut bytes = [0usize; Lang::ALL.len()];
        for s in doc.segments {
            let l = s.lang.unwrap_or(Lang::Other);
            if let Some(i) = Lang::ALL.iter().position(|x| *x == l) {
                bytes[i] += s.text.len();
            }
        }
        let lang = (0..bytes.len())
            .rev()
            .max_by_key(|&i| bytes[i])
            .unwrap_or(0);
        Features {
            words: words.into_iter().collect(),
            lang,
        }
    }

    /// The features of a testimony's segments.
    pub fn of_segments(segments: &[Segment]) -> Features {
        Features::of(&Doc::new(segments))
    }

    /// The features, in order.
    fn names(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|(f, _)| f.as_str())
    }
}

/// The feature of a folded word: its first [`PREFIX`] characters, `Y` and
/// the year for a four-digit number, nothing for other numbers.
fn feature(folded: &str) -> Option<String> {
    if folded.is_empty() {
        return None;
    }
    if folded.chars().all(|c| c.is_ascii_digit()) {
        return (folded.len() == 4).then(|| format!("Y{folded}"));
    }
    Some(folded.chars().take(PREFIX).collect())
}

impl WaveWords {
    /// The table built into tanu (`schema/wave-words.tsv`); empty, and so
    /// without effect, if it cannot be read (a test checks that it can).
    pub fn builtin() -> Arc<WaveWords> {
        static BUILTIN: OnceLock<Arc<WaveWords>> = OnceLock::new();
        Arc::clone(BUILTIN.get_or_init(|| {
            Arc::new(
                WaveWords::from_tsv(include_str!("../../schema/wave-words.tsv"))
                    .unwrap_or_default(),
            )
        }))
    }

    /// Counts per language block.
    fn block(&self) -> usize {
        self.waves.len() + 1
    }

    /// Counts the features of `cases` (features and the gold waves) for
    /// the waves `waves`, every word kept.
    pub fn train<'a>(
        waves: &[&str],
        cases: impl IntoIterator<Item = (&'a Features, &'a [String])>,
    ) -> WaveWords {
        let block = waves.len() + 1;
        let width = block * Lang::ALL.len();
        let mut t = WaveWords {
            waves: waves.iter().map(|w| w.to_string()).collect(),
            docs: vec![0; width],
            words: HashMap::default(),
        };
        for (features, gold) in cases {
            let base = features.lang * block;
            let columns: Vec<usize> = std::iter::once(base)
                .chain(
                    waves
                        .iter()
                        .enumerate()
                        .filter(|(_, w)| gold.iter().any(|g| g == *w))
                        .map(|(i, _)| base + i + 1),
                )
                .collect();
            for &c in &columns {
                t.docs[c] += 1;
            }
            for f in features.names() {
                let counts = t.words.entry(f.into()).or_insert_with(|| vec![0; width]);
                for &c in &columns {
                    counts[c] += 1;
                }
            }
        }
        t
    }

    /// The table without the words of fewer than [`MIN_DOCS`] testimonies.
    pub fn pruned(mut self) -> WaveWords {
        let block = self.block();
        self.words.retain(|_, c| total(c, block) >= MIN_DOCS);
        self
    }

    /// The table without what `part` counted (a held-out set scored by a
    /// table that did not learn from it). Counts never go below zero; a
    /// part with other waves takes nothing away.
    pub fn without(&self, part: &WaveWords) -> WaveWords {
        let mut t = self.clone();
        if part.waves != self.waves || part.docs.len() != self.docs.len() {
            return t;
        }
        let sub = |mine: &mut Counts, theirs: &Counts| {
            for (m, p) in mine.iter_mut().zip(theirs) {
                *m = m.saturating_sub(*p);
            }
        };
        sub(&mut t.docs, &part.docs);
        for (word, theirs) in &part.words {
            if let Some(mine) = t.words.get_mut(word) {
                sub(mine, theirs);
            }
        }
        t
    }

    fn columns(&self) -> impl Iterator<Item = &str> {
        self.waves.iter().map(String::as_str)
    }

    /// How strongly the features speak for `wave` (log odds: above zero
    /// for, below against); `None` for a wave the table does not know or
    /// an empty table.
    #[cfg(test)]
    fn score(&self, wave: &str, features: &Features) -> Option<f64> {
        let (score, _) = self.weigh(&self.read(features.clone()), self.column(wave)?, false)?;
        Some(score)
    }

    /// The counts (of wave column `w`, of the others) a testimony in
    /// language `lang` is weighed by: its language's when `apart` (see
    /// [`WaveWords::language_apart`]), else every language's together.
    fn counts(&self, apart: bool, lang: usize, w: usize, counts: &Counts) -> (f64, f64) {
        let block = self.block();
        let (all, pos) = if apart {
            let own = |i: usize| counts.get(lang * block + i).copied().unwrap_or(0);
            (own(0), own(w))
        } else {
            (
                total(counts, block),
                counts.iter().skip(w).step_by(block).sum(),
            )
        };
        (f64::from(pos), f64::from(all.saturating_sub(pos)))
    }

    /// Whether a testimony in language `lang` is weighed by its own
    /// language's counts for wave column `w`: when that language has
    /// [`MIN_LANGUAGE_DOCS`] testimonies of the wave and as many of others
    /// (so that the words of a language are not counted as the words of
    /// the wave most of its testimonies tell).
    fn language_apart(&self, lang: usize, w: usize) -> bool {
        let block = self.block();
        let all = self.docs.get(lang * block).copied().unwrap_or(0);
        let pos = self.docs.get(lang * block + w).copied().unwrap_or(0);
        pos >= MIN_LANGUAGE_DOCS && all - pos >= MIN_LANGUAGE_DOCS
    }

    /// A testimony's words looked up in the table, once for every wave.
    fn read(&self, features: Features) -> Reading<'_> {
        let block = self.block();
        let rows = features
            .words
            .iter()
            .enumerate()
            .filter_map(|(i, (f, _))| {
                let c = self.words.get(f.as_str())?;
                (total(c, block) >= MIN_DOCS).then_some((c, i))
            })
            .collect();
        Reading { features, rows }
    }

    /// The score of wave column `w` and, with `parts`, each word's part in
    /// it, weighed by how common the word is on the side it speaks for
    /// (for the evidence).
    fn weigh(&self, r: &Reading<'_>, w: usize, parts: bool) -> Option<(f64, Vec<(f64, usize)>)> {
        let lang = r.features.lang;
        let apart = self.language_apart(lang, w);
        let (pos, neg) = self.counts(apart, lang, w, &self.docs);
        if pos == 0.0 || neg <= 0.0 {
            return None;
        }
        let mut score = ((pos + 1.0) / (neg + 1.0)).ln();
        let mut shown = Vec::new();
        // Without the parts, the ratios are multiplied and their logarithm
        // taken every few words (each ratio lies within a few thousand of
        // one, so sixteen of them stay far inside an f64): a logarithm a
        // word was most of this function's time.
        let mut product = 1.0;
        for (i, &(c, f)) in r.rows.iter().enumerate() {
            let (p, n) = self.counts(apart, lang, w, c);
            let ratio = ((p + 0.5) / (pos + 1.0)) / ((n + 0.5) / (neg + 1.0));
            if parts {
                let part = ratio.ln();
                score += part;
                // What the word shows an archivist: its part, times how
                // common it is on its side (a word of half the wave's
                // stories says more than one of three).
                let weight = if part > 0.0 { p / pos } else { n / neg };
                shown.push((part * weight, f));
            } else {
                product *= ratio;
                if i % 16 == 15 {
                    score += product.ln();
                    product = 1.0;
                }
            }
        }
        score += product.ln();
        Some((score, shown))
    }

    /// The column of a wave id.
    fn column(&self, wave: &str) -> Option<usize> {
        Some(self.columns().position(|c| c == wave)? + 1)
    }

    /// The table as text: a header line, the document counts of each
    /// language, then one line per word and language it occurs in, in
    /// byte order.
    pub fn to_tsv(&self) -> String {
        let mut out = String::from(
            "# Which words the testimonies of each wave use: in how many held-out\n\
             # testimonies of each language each word (its folded form cut to six\n\
             # characters; Y and a year) occurs, and in how many of each wave's.\n\
             # Written by `TANU_WRITE_WAVE_WORDS=1 cargo test --release --test tagging`\n\
             # from the gold of the held-out sets; do not edit. See src/tag/words.rs.\n",
        );
        let block = self.block();
        let rows = |out: &mut String, first: &str, counts: &[u32]| {
            for (lang, c) in Lang::ALL.iter().zip(counts.chunks(block)) {
                if c.first().is_some_and(|all| *all > 0) {
                    out.push_str(first);
                    out.push('\t');
                    out.push_str(lang.code());
                    for n in c {
                        out.push('\t');
                        out.push_str(&n.to_string());
                    }
                    out.push('\n');
                }
            }
        };
        out.push_str(FIRST_COLUMN);
        out.push_str("\tlang\tall");
        for w in &self.waves {
            out.push('\t');
            out.push_str(w);
        }
        out.push('\n');
        rows(&mut out, DOCUMENTS_ROW, &self.docs);
        let sorted: BTreeSet<&str> = self.words.keys().map(|k| &**k).collect();
        for w in sorted {
            rows(&mut out, w, &self.words[w]);
        }
        out
    }

    /// Reads [`WaveWords::to_tsv`]'s text.
    pub fn from_tsv(text: &str) -> Result<WaveWords, WordsError> {
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
        let (_, header) = lines.next().ok_or(WordsError::Header)?;
        let mut columns = header.split('\t');
        if columns.next() != Some(FIRST_COLUMN)
            || columns.next() != Some("lang")
            || columns.next() != Some("all")
        {
            return Err(WordsError::Header);
        }
        let waves: Vec<String> = columns.map(str::to_string).collect();
        let block = waves.len() + 1;
        let width = block * Lang::ALL.len();
        let mut t = WaveWords {
            waves,
            docs: Vec::new(),
            words: HashMap::default(),
        };
        for (i, line) in lines {
            let bad = || WordsError::Row(i + 1, block);
            let mut cells = line.split('\t');
            let word = cells.next().unwrap_or_default();
            let lang = cells
                .next()
                .and_then(Lang::from_code)
                .and_then(|l| Lang::ALL.iter().position(|x| *x == l))
                .ok_or_else(bad)?;
            let counts: Counts = cells
                .map(|c| c.parse::<u32>())
                .collect::<Result<_, _>>()
                .map_err(|_| bad())?;
            // Every wave's count is part of the total.
            if word.is_empty()
                || counts.len() != block
                || counts[1..].iter().any(|c| *c > counts[0])
            {
                return Err(bad());
            }
            let row = if word == DOCUMENTS_ROW {
                if t.docs.is_empty() {
                    t.docs = vec![0; width];
                }
                &mut t.docs
            } else {
                t.words.entry(word.into()).or_insert_with(|| vec![0; width])
            };
            row[lang * block..(lang + 1) * block].copy_from_slice(&counts);
        }
        if t.docs.is_empty() {
            return Err(WordsError::NoDocuments);
        }
        Ok(t)
    }
}

/// A testimony's words found in a table (see [`WaveWords::read`]): the
/// row of each feature the table counts, by its index in the features.
struct Reading<'t> {
    features: Features,
    rows: Vec<(&'t Counts, usize)>,
}

/// In how many testimonies of any language a word occurs (`block`
/// counts a language).
fn total(counts: &Counts, block: usize) -> u32 {
    counts.iter().step_by(block).sum()
}

impl WaveWords {
    /// The wave candidates of the rules, seconded by the words (see the
    /// module documentation): weak suggestions vetoed, strong hints
    /// carried and, when the rules `placed` the narrator at a camp but
    /// suggested no wave, the wave the words name. The testimony's words
    /// are read only when a candidate is within their reach.
    pub(super) fn second_opinion(
        &self,
        doc: &Doc<'_>,
        mut waves: Vec<NewTag>,
        placed: bool,
    ) -> Vec<NewTag> {
        let reading = std::cell::OnceCell::new();
        let read = || self.read(Features::of(doc));
        // The waves the rules are sure of (no change below moves a wave
        // across that line).
        let sure: Vec<String> = waves
            .iter()
            .filter(|t| t.confidence >= VETO_BELOW)
            .map(|t| t.value.clone())
            .collect();
        for t in waves.iter_mut() {
            if !(super::HINT..VETO_BELOW).contains(&t.confidence) {
                continue;
            }
            let beside_sure = sure.iter().any(|w| *w != t.value);
            let r = reading.get_or_init(read);
            if let Some((c, evidence)) = self.opinion(doc, r, &t.value, t.confidence, beside_sure) {
                t.confidence = c;
                t.evidence.splice(0..0, evidence);
            }
        }
        if placed && waves.iter().all(|t| t.confidence < super::SUGGEST) {
            let r = reading.get_or_init(read);
            if let Some((wave, evidence)) = self.proposal(doc, r) {
                match waves.iter_mut().find(|t| t.value == wave) {
                    Some(t) => {
                        t.confidence = super::SUGGEST;
                        t.evidence.splice(0..0, evidence);
                    }
                    None => waves.push(NewTag {
                        facet: Facet::Wave,
                        value: wave,
                        source: "suggested",
                        confidence: super::SUGGEST,
                        evidence,
                    }),
                }
            }
        }
        waves
    }

    /// The new confidence of a wave candidate of confidence `confidence`,
    /// with the evidence for the change, if the words change it;
    /// `beside_sure` when the rules are sure of another wave (confidence
    /// [`VETO_BELOW`] or more), which the words of a story of one wave
    /// do not second-guess: a list of German names read out in January
    /// uses many words of the first wave's roundups too.
    fn opinion(
        &self,
        doc: &Doc<'_>,
        r: &Reading<'_>,
        wave: &str,
        confidence: f64,
        beside_sure: bool,
    ) -> Option<(f64, Vec<NewEvidence>)> {
        let vetoable = (super::SUGGEST..VETO_BELOW).contains(&confidence);
        let promotable = (super::HINT..super::SUGGEST).contains(&confidence) && !beside_sure;
        if !vetoable && !promotable {
            return None;
        }
        let w = self.column(wave)?;
        let (score, _) = self.weigh(r, w, false)?;
        let (new, rule, against) = if vetoable && score < VETO_SCORE {
            (VETOED, "unlike-words", true)
        } else if promotable && score > PROMOTE_SCORE {
            (super::SUGGEST, "words", false)
        } else {
            return None;
        };
        let (_, parts) = self.weigh(r, w, true)?;
        Some((new, shown_words(doc, r, parts, against, rule)))
    }

    /// The wave the words name for a testimony the rules gave no wave
    /// though they placed its narrator at a camp: the best wave's score
    /// over [`PROPOSE_SCORE`], ahead of the next by [`PROPOSE_MARGIN`], in
    /// a language weighed apart for it (counted together, a language's
    /// words speak for the wave most of its accounts tell). With the
    /// evidence, rule `words`.
    fn proposal(&self, doc: &Doc<'_>, r: &Reading<'_>) -> Option<(String, Vec<NewEvidence>)> {
        let mut scored: Vec<(f64, usize)> = (1..self.block())
            .filter_map(|w| Some((self.weigh(r, w, false)?.0, w)))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (best, w) = *scored.first()?;
        let next = scored.get(1).map_or(f64::NEG_INFINITY, |s| s.0);
        if best <= PROPOSE_SCORE
            || best - next <= PROPOSE_MARGIN
            || !self.language_apart(r.features.lang, w)
        {
            return None;
        }
        let wave = self.waves.get(w - 1)?;
        let (_, parts) = self.weigh(r, w, true)?;
        Some((wave.clone(), shown_words(doc, r, parts, false, "words")))
    }
}

/// The evidence of an opinion: the common words weighing most in the
/// direction of the change (`against` the wave or for it), each where the
/// testimony first says it.
fn shown_words(
    doc: &Doc<'_>,
    r: &Reading<'_>,
    mut parts: Vec<(f64, usize)>,
    against: bool,
    rule: &str,
) -> Vec<NewEvidence> {
    // Ties in feature order (the features are sorted).
    parts.sort_by(|a, b| {
        let (x, y) = if against { (a.0, b.0) } else { (b.0, a.0) };
        x.total_cmp(&y).then(a.1.cmp(&b.1))
    });
    parts
        .iter()
        .take(EVIDENCE_WORDS)
        .filter(|(part, _)| if against { *part < 0.0 } else { *part > 0.0 })
        .filter_map(|&(_, f)| r.features.words.get(f).map(|(_, token)| *token))
        .map(|i| {
            let t = &doc.tokens[i];
            let text = &doc.segments[t.seg].text;
            NewEvidence {
                ordinal: Some(t.seg as i64 + 1),
                span: Some((t.start, t.end)),
                matched: text.get(t.start..t.end).unwrap_or_default().to_string(),
                alias: None,
                rule: rule.to_string(),
                line: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::text::seg;

    fn features(text: &str) -> Features {
        Features::of_segments(&[seg(text)])
    }

    /// A small table: three testimonies of one wave, three of another.
    fn table() -> WaveWords {
        let cases = [
            (
                "Elvittek málenkij robotra, három napra, krumpliszedésre.",
                "a",
            ),
            ("Három napi munkára vittek a krumplihoz.", "a"),
            ("Krumplit szedni vittek el három napra.", "a"),
            ("Hadifogságba estem a fronton, a századommal.", "b"),
            ("A század a fronton esett fogságba.", "b"),
            ("Fogságba kerültem a fronton, katona voltam.", "b"),
        ];
        let feats: Vec<(Features, Vec<String>)> = cases
            .iter()
            .map(|(t, w)| (features(t), vec![w.to_string()]))
            .collect();
        WaveWords::train(&["a", "b"], feats.iter().map(|(f, g)| (f, g.as_slice())))
    }

    /// Words are folded and cut; a year is a year; other numbers are
    /// nothing.
    #[test]
    fn features_are_folded_prefixes_and_years() {
        let f = features("Negyvennégyben, 1944-ben vittek el, 12 napra.");
        let names: Vec<&str> = f.names().collect();
        assert!(names.contains(&"negyve"), "{names:?}");
        assert!(names.contains(&"Y1944"), "{names:?}");
        assert!(!names.iter().any(|n| n.starts_with('1')), "{names:?}");
    }

    /// The words of a wave's stories score for it, those of another's
    /// against it; a table read back is the same table.
    #[test]
    fn scores_follow_the_training_and_the_text_round_trips() {
        let t = table();
        let potato = features("Krumpliszedésre vittek, három napra mondták.");
        let front = features("A fronton estem fogságba.");
        assert!(t.score("a", &potato).unwrap() > 0.0);
        assert!(t.score("a", &front).unwrap() < 0.0);
        assert!(t.score("b", &front).unwrap() > 0.0);
        assert_eq!(t.score("c", &front), None);
        let back = WaveWords::from_tsv(&t.to_tsv()).unwrap();
        assert_eq!(back, t);
    }

    /// A table without a set's counts is the table trained without it.
    #[test]
    fn without_a_part_is_training_without_it() {
        let all = table();
        let part = {
            let f = features("Hadifogságba estem a fronton, a századommal.");
            let g = vec!["b".to_string()];
            WaveWords::train(&["a", "b"], [(&f, g.as_slice())])
        };
        let rest = all.without(&part);
        // The test segments have no language: the last block.
        let other = |c: &Counts| c[3 * 3..].to_vec();
        assert_eq!(other(&rest.docs), vec![5, 3, 2]);
        assert_eq!(other(&rest.words["hadifo"]), vec![0, 0, 0]);
        assert_eq!(other(&rest.words["fronto"]), vec![2, 0, 2]);
        assert_eq!(total(&rest.words["fronto"], rest.block()), 2);
    }

    fn in_lang(text: &str, lang: Lang) -> Features {
        let mut s = seg(text);
        s.lang = Some(lang);
        Features::of_segments(&[s])
    }

    /// The words of a language are not the words of the wave most of its
    /// testimonies tell: German accounts of wave `a` and `b` alike use
    /// `und wir die`, which weigh for `a` only when every language is
    /// counted together (there `a` is all German).
    #[test]
    fn a_language_is_weighed_apart() {
        let cases: Vec<(Features, Vec<String>)> = (0..15)
            .map(|_| (in_lang("Die Liste, und wir die Namen.", Lang::De), "a"))
            .chain((0..10).map(|_| {
                (
                    in_lang("Die Gefangenschaft, und wir Soldaten.", Lang::De),
                    "b",
                )
            }))
            .chain((0..20).map(|_| (in_lang("Fogságba estünk, katonák voltunk.", Lang::Hu), "b")))
            .map(|(f, w)| (f, vec![w.to_string()]))
            .collect();
        let t = WaveWords::train(&["a", "b"], cases.iter().map(|(f, g)| (f, g.as_slice())));
        let plain = in_lang("Und wir die Kinder.", Lang::De);
        let apart = t.score("a", &plain).unwrap();
        // Only the prior (15 of 25 German accounts) and words of neither.
        assert!(apart.abs() < 1.0, "{apart}");
        // Counted together (as for a language with too few accounts),
        // the same words would make it `a`.
        let block = t.block();
        let mut pooled = t.clone();
        for c in std::iter::once(&mut pooled.docs).chain(pooled.words.values_mut()) {
            let sums: Vec<u32> = (0..block)
                .map(|i| c.iter().skip(i).step_by(block).sum())
                .collect();
            c.iter_mut().for_each(|x| *x = 0);
            c[3 * block..].copy_from_slice(&sums);
        }
        let together = pooled
            .score("a", &in_lang("Und wir die Kinder.", Lang::Other))
            .unwrap();
        assert!(together > apart + 2.0, "{together} {apart}");
        // The words of the story still count within the language.
        let list = t
            .score("a", &in_lang("Die Liste der Namen.", Lang::De))
            .unwrap();
        assert!(list > apart + 3.0, "{list} {apart}");
    }

    /// A damaged table is an error naming its line, not a panic.
    #[test]
    fn a_damaged_table_is_an_error() {
        assert_eq!(WaveWords::from_tsv(""), Err(WordsError::Header));
        let head = "feature\tlang\tall\ta\n(documents)\thu\t2\t1\n";
        assert_eq!(
            WaveWords::from_tsv(&format!("{head}szo\thu\t1\n")),
            Err(WordsError::Row(3, 2))
        );
        assert_eq!(
            WaveWords::from_tsv(&format!("{head}szo\thu\t1\t2\n")),
            Err(WordsError::Row(3, 2))
        );
        assert_eq!(
            WaveWords::from_tsv(&format!("{head}szo\txx\t1\t1\n")),
            Err(WordsError::Row(3, 2))
        );
        assert_eq!(
            WaveWords::from_tsv("feature\tlang\tall\ta\nszo\thu\t1\t1\n"),
            Err(WordsError::NoDocuments)
        );
        assert_eq!(
            WaveWords::from_tsv("feature\tall\ta\n(documents)\t2\t1\n"),
            Err(WordsError::Header)
        );
    }

    /// Twenty testimonies of each of two waves, each telling its wave in
    /// the same twelve words.
    const A_WORDS: &str = "Kidoboltak, összeszedtek az iskola udvarán, gyalog mentünk \
         Szolyvára, krumpliszedésre mondták, három napra, a barakkban tetvek, \
         szalmán aludtunk.";
    const B_WORDS: &str = "Katona voltam, a századunk a fronton harcolt, felemelt kézzel \
         fegyvert letettük, hadifogoly lettem, a tiszt kihallgatott.";

    fn story_table() -> WaveWords {
        let cases: Vec<(Features, Vec<String>)> = (0..20)
            .flat_map(|_| [(A_WORDS, "a"), (B_WORDS, "b")])
            .map(|(t, w)| (features(t), vec![w.to_string()]))
            .collect();
        WaveWords::train(&["a", "b"], cases.iter().map(|(f, g)| (f, g.as_slice())))
    }

    fn opinion(
        text: &str,
        wave: &str,
        confidence: f64,
        beside_strong: bool,
    ) -> Option<(f64, Vec<String>, String)> {
        let segments = [seg(text)];
        let doc = Doc::new(&segments);
        let f = Features::of(&doc);
        let t = story_table();
        let (c, ev) = t.opinion(&doc, &t.read(f), wave, confidence, beside_strong)?;
        let rule = ev.first().map(|e| e.rule.clone()).unwrap_or_default();
        Some((c, ev.into_iter().map(|e| e.matched).collect(), rule))
    }

    /// A hint told in its wave's words becomes a suggestion, shown by
    /// those words; not beside a wave the rules are sure of.
    #[test]
    fn the_words_carry_a_hint() {
        let (c, words, rule) = opinion(A_WORDS, "a", 0.4, false).unwrap();
        assert_eq!(c, crate::tag::SUGGEST);
        assert_eq!(rule, "words");
        assert!(
            !words.is_empty() && words.len() <= EVIDENCE_WORDS,
            "{words:?}"
        );
        assert!(
            words.iter().all(|w| A_WORDS.contains(w.as_str())),
            "{words:?}"
        );
        assert!(opinion(A_WORDS, "a", 0.4, true).is_none());
        // Nor a hint told in another wave's words, nor below the hints.
        assert!(opinion(B_WORDS, "a", 0.4, false).is_none());
        assert!(opinion(A_WORDS, "a", 0.2, false).is_none());
    }

    /// A weak suggestion told in another wave's words becomes a hint; a
    /// sure one stays.
    #[test]
    fn the_words_veto_a_weak_suggestion() {
        let (c, words, rule) = opinion(B_WORDS, "a", 0.7, false).unwrap();
        assert!((crate::tag::HINT..crate::tag::SUGGEST).contains(&c), "{c}");
        assert_eq!(rule, "unlike-words");
        assert!(
            words.iter().all(|w| B_WORDS.contains(w.as_str())),
            "{words:?}"
        );
        assert!(opinion(B_WORDS, "a", 0.95, false).is_none());
        assert!(opinion(A_WORDS, "a", 0.7, false).is_none());
    }

    /// A testimony the rules gave no wave: the words name one when it
    /// leads clearly, in a language weighed apart.
    #[test]
    fn the_words_propose_a_wave_only_when_it_leads() {
        let t = story_table();
        let propose = |text: &str, t: &WaveWords| {
            let segments = [seg(text)];
            let doc = Doc::new(&segments);
            let f = Features::of(&doc);
            t.proposal(&doc, &t.read(f))
                .map(|(w, ev)| (w, ev.iter().map(|e| e.rule.clone()).collect::<Vec<_>>()))
        };
        let (wave, rules) = propose(A_WORDS, &t).unwrap();
        assert_eq!(wave, "a");
        assert!(
            !rules.is_empty() && rules.iter().all(|r| r == "words"),
            "{rules:?}"
        );
        assert_eq!(propose(B_WORDS, &t).unwrap().0, "b");
        // Both stories' words: neither leads.
        assert_eq!(propose(&format!("{A_WORDS} {B_WORDS}"), &t), None);
        // Too few accounts of the language to weigh it apart.
        let few: Vec<(Features, Vec<String>)> = (0..5)
            .flat_map(|_| [(A_WORDS, "a"), (B_WORDS, "b")])
            .map(|(t, w)| (features(t), vec![w.to_string()]))
            .collect();
        let few = WaveWords::train(&["a", "b"], few.iter().map(|(f, g)| (f, g.as_slice())));
        assert_eq!(propose(A_WORDS, &few), None);
    }

    /// The table built into tanu reads, and knows every wave.
    #[test]
    fn the_builtin_table_reads() {
        WaveWords::from_tsv(include_str!("../../schema/wave-words.tsv")).unwrap();
        let t = WaveWords::builtin();
        let vocab = crate::vocab::Vocabulary::builtin().unwrap();
        for e in vocab.entries() {
            if e.facet == crate::vocab::Facet::Wave {
                assert!(t.columns().any(|c| c == e.id), "{}", e.id);
            }
        }
        assert!(t.words.len() > 1000, "{}", t.words.len());
    }
}
