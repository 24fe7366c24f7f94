//! Text analysis shared by indexing, querying, tagging and snippets.
//!
//! tanu analyses text itself (instead of registering Tantivy tokenizers) so
//! that one segment can carry per-token language decisions, and so that
//! queries, snippets and the tagger use exactly the same functions as the
//! index. Every word yields terms in five **views**:
//!
//! | view | what | example `Sztálinóból` |
//! |---|---|---|
//! | [`View::Stem`] | language stemmer (Hungarian, Russian, German) then accent fold; stopwords dropped | `sztalino` |
//! | [`View::Plain`] | lower-cased, accent-folded, unstemmed | `sztalinobol` |
//! | [`View::Xs`] | cross-script key of the plain form | `stalinobol` |
//! | [`View::XsStem`] | cross-script key of the stem | `stalino` |
//! | [`View::Exact`] | the folded form, then the word lower-cased with its accents ([`exact_term`]) | `sztalinobol\u{1}sztálinóból` |
//!
//! The exact view serves the gazetteer expansion of search: the forms of a
//! place name are listed by their folded beginning, then checked letter by
//! letter, so that the name `Kazan` does not find the word `kazánban`.
//!
//! The cross-script key ([`xs_key`]) transliterates Cyrillic and collapses
//! the Hungarian, English/ISO and German romanizations onto one spelling,
//! so Сталино, Sztálinó, Sztalino and Stalino meet.
//!
//! **Architecture Invariant:** the index records [`ANALYZER_VERSION`]; any
//! change to the functions here that changes a term must bump it, and an
//! index built with another version is refused until `tanu reindex`.

mod fold;
mod memo;
mod stem;
mod stopwords;
mod translit;

use crate::decode::{Script, script_of};
use crate::lang::Lang;

pub use self::fold::{fold, fold_word, is_mixed_script, lower_for_stemming};
pub use self::memo::cached_word_forms;
pub use self::stem::stem_word;
pub use self::stopwords::is_stopword;
pub use self::translit::xs_key;

/// Identifies the analysis chain. Stored in the index; a mismatch makes
/// tanu refuse the index and ask for `tanu reindex`.
pub const ANALYZER_VERSION: &str = "tanu-analysis-3; frostem=1.20260821.8";

/// The analysed views of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// Stemmed in the word's language, then accent-folded.
    Stem,
    /// Accent-folded, unstemmed.
    Plain,
    /// Cross-script key, unstemmed.
    Xs,
    /// Cross-script key of the stem.
    XsStem,
    /// Folded form and spelling with accents ([`exact_term`]).
    Exact,
}

/// Separates the folded form from the spelling in a [`View::Exact`] term.
pub const EXACT_SEPARATOR: char = '\u{1}';

/// The [`View::Exact`] term of a word: its folded form, a separator, and
/// the word lower-cased with its accents (`kazan\u{1}kazán`). Sorted by the
/// folded form, so every spelling of a name is found by one prefix.
/// Made once per word by [`word_forms`] (and so remembered with its other
/// forms): formatting it for every occurrence was a twelfth of indexing.
pub fn exact_term(f: &WordForms) -> &str {
    &f.exact
}

impl View {
    /// All views, in index field order.
    pub const ALL: [View; 5] = [View::Stem, View::Plain, View::Xs, View::XsStem, View::Exact];
}

/// A word as found in the text: byte span and word position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset after its end.
    pub end: usize,
    /// Word index (0, 1, 2, …).
    pub position: usize,
}

/// An analysed term with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The term text.
    pub text: String,
    /// Byte span of the source word.
    pub start: usize,
    /// Byte end of the source word.
    pub end: usize,
    /// Word position (shared by alternatives of one word).
    pub position: usize,
}

/// Splits text into words: runs of letters, digits and combining marks.
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    let mut position = 0;
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (start, c) = iter.next()?;
            if !is_word_char(c) {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(i, c)) = iter.peek() {
                if is_word_char(c) {
                    end = i + c.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            let word = Word {
                text: &text[start..end],
                start,
                end,
                position,
            };
            position += 1;
            return Some(word);
        }
    })
}

fn is_word_char(c: char) -> bool {
    // Fast paths for the scripts of our texts; the same answers as the
    // general test below (checked in the tests), without its table search.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if matches!(c, '\u{C0}'..='\u{17F}' | '\u{400}'..='\u{481}') {
        return c != '×' && c != '÷';
    }
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// The language whose stemmer applies to a word: Cyrillic words are
/// Russian whatever the segment; Latin words follow the segment (Hungarian
/// when the segment is Russian or other).
pub fn word_lang(word: &str, segment: Lang) -> Lang {
    let cyr = word
        .chars()
        .filter(|&c| script_of(c) == Script::Cyrillic)
        .count();
    let lat = word
        .chars()
        .filter(|&c| script_of(c) == Script::Latin)
        .count();
    if cyr > lat {
        Lang::Ru
    } else if lat == 0 {
        Lang::Other
    } else {
        match segment {
            Lang::De => Lang::De,
            Lang::Hu | Lang::Ru | Lang::Other => Lang::Hu,
        }
    }
}

/// The analysed forms of one word in one language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WordForms {
    /// The word lower-cased, with its accents (stress marks removed, ё → е,
    /// look-alike letters fixed).
    pub lower: String,
    /// Stem-view terms (one, or two when the word has accents and stemming
    /// the unaccented form gives another stem). Empty for stopwords.
    pub stems: Vec<String>,
    /// Plain-view term.
    pub plain: String,
    /// Cross-script key of the plain form.
    pub xs: String,
    /// Cross-script keys of the stems.
    pub xs_stems: Vec<String>,
    /// [`View::Exact`] term ([`exact_term`]).
    pub exact: String,
}

/// Analyses one word as a word of `lang` (see [`word_lang`]).
pub fn word_forms(word: &str, lang: Lang) -> WordForms {
    let lower = fold::lower_for_stemming(word);
    let plain = fold_word(&lower);
    let xs = xs_key(&lower);
    let exact = format!("{plain}{EXACT_SEPARATOR}{lower}");
    let mut forms = WordForms {
        plain,
        xs,
        lower: lower.clone(),
        exact,
        ..WordForms::default()
    };
    if is_stopword(&lower, lang) {
        return forms;
    }
    let stemmed = fold_word(&stem_word(&lower, lang));
    forms.stems.push(stemmed);
    let push = |forms: &mut WordForms, s: String| {
        if !s.is_empty() && !forms.stems.contains(&s) {
            forms.stems.push(s);
        }
    };
    // A word typed without its accents stems differently sometimes
    // (`haboruban` vs `háborúban`); index both so either query finds it.
    if lang == Lang::Hu || lang == Lang::De {
        let alt = stem_word(&forms.plain, lang);
        push(&mut forms, alt);
    }
    // Without accents the stemmer does not see the ending at all
    // (`Felvidekrol`): accent the ending again and stem that too.
    if lang == Lang::Hu
        && let Some(re) = stem::reaccent_hungarian_ending(&forms.plain)
    {
        let alt = fold_word(&stem_word(&re, lang));
        push(&mut forms, alt);
    }
    // Snowball strips what looks like an ending from bare words too
    // (`vagon` → `vag`, `Debrecen` → `debrec`, `Молотов` → `молот`), while
    // their inflected forms keep it (`vagonban` → `vagon`). Keep the
    // unstemmed word beside a stem at most two letters shorter, as search
    // engines keep the original token, so either form finds the other.
    let plain_len = forms.plain.chars().count();
    let keep_whole = forms.stems.iter().any(|s| {
        forms.plain.starts_with(s.as_str()) && (1..=2).contains(&(plain_len - s.chars().count()))
    });
    if keep_whole {
        let whole = forms.plain.clone();
        push(&mut forms, whole);
    }
    for s in &forms.stems {
        let k = xs_key(s);
        if !forms.xs_stems.contains(&k) {
            forms.xs_stems.push(k);
        }
    }
    // Snowball knows noun endings only: a conjugated verb also gets the
    // stem without its tense and person (`összeírtak`, `összeírják` →
    // `osszeir`; `hazatértünk` → `hazater`, which `hazatérők` has). In the
    // stem view only: cross-script keys merge double letters and `j`, which
    // would make `hallottuk` meet `halottak`.
    if lang == Lang::Hu
        && let Some(v) = stem::hungarian_verb_stem(&forms.plain)
    {
        push(&mut forms, v);
    }
    forms
}

/// Index-time analysis of a segment: the terms of every view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analyzed {
    /// [`View::Stem`] terms.
    pub stem: Vec<Term>,
    /// [`View::Plain`] terms.
    pub plain: Vec<Term>,
    /// [`View::Xs`] terms.
    pub xs: Vec<Term>,
    /// [`View::XsStem`] terms.
    pub xs_stem: Vec<Term>,
    /// [`View::Exact`] terms.
    pub exact: Vec<Term>,
}

impl Analyzed {
    /// The terms of one view.
    pub fn view(&self, view: View) -> &[Term] {
        match view {
            View::Stem => &self.stem,
            View::Plain => &self.plain,
            View::Xs => &self.xs,
            View::XsStem => &self.xs_stem,
            View::Exact => &self.exact,
        }
    }
}

/// Analyses a segment's text in its language.
pub fn analyze(text: &str, lang: Lang) -> Analyzed {
    let mut out = Analyzed::default();
    for w in words(text) {
        let forms = cached_word_forms(w.text, word_lang(w.text, lang));
        let term = |t: &str| Term {
            text: t.to_string(),
            start: w.start,
            end: w.end,
            position: w.position,
        };
        for s in &forms.stems {
            out.stem.push(term(s));
        }
        out.plain.push(term(&forms.plain));
        out.xs.push(term(&forms.xs));
        for k in &forms.xs_stems {
            out.xs_stem.push(term(k));
        }
        out.exact.push(term(exact_term(&forms)));
    }
    out
}

/// The languages a query word might be in: Cyrillic → Russian; Latin →
/// Hungarian and German, or Hungarian alone when the word has a letter
/// German does not write (`á é í ó ú ő ű`): the German stemmer would only
/// add stems no German text has (`vérhs~` → `verh`, a letter from `vert`).
pub fn query_langs(word: &str) -> &'static [Lang] {
    match word_lang(word, Lang::Hu) {
        Lang::Ru => &[Lang::Ru],
        Lang::Other => &[Lang::Other],
        _ if word
            .chars()
            .flat_map(char::to_lowercase)
            .any(|c| "áéíóúőű".contains(c)) =>
        {
            &[Lang::Hu]
        }
        _ => &[Lang::Hu, Lang::De],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_char_fast_paths_agree_with_unicode() {
        for c in ('\0'..='\u{600}').chain(['\u{1E00}', '\u{2019}', '\u{301}']) {
            let general = c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
            assert_eq!(is_word_char(c), general, "{c:?}");
        }
    }

    #[test]
    fn words_and_offsets() {
        let ws: Vec<_> = words("«Фокша́ны», Foksány-ba 1945-ben!").collect();
        let texts: Vec<_> = ws.iter().map(|w| w.text).collect();
        assert_eq!(texts, ["Фокша\u{301}ны", "Foksány", "ba", "1945", "ben"]);
        assert_eq!(ws[1].position, 1);
        assert_eq!(
            &"«Фокша́ны», Foksány-ba 1945-ben!"[ws[1].start..ws[1].end],
            "Foksány"
        );
    }

    #[test]
    fn hungarian_inflections_share_a_stem() {
        let stem = |w: &str| word_forms(w, Lang::Hu).stems[0].clone();
        let base = stem("tábor");
        for w in ["táborban", "táborból", "táborba", "Táborban"] {
            assert_eq!(stem(w), base, "{w}");
        }
        assert!(
            word_forms("táborokba", Lang::Hu).stems.contains(&base)
                || stem("táborokba").starts_with("tabor")
        );
        assert_eq!(stem("Foksányba"), stem("Foksány"));
    }

    #[test]
    fn russian_inflections_and_yo() {
        let stem = |w: &str| word_forms(w, Lang::Ru).stems[0].clone();
        assert_eq!(stem("лагере"), stem("лагерь"));
        assert_eq!(stem("лагеря"), stem("лагерь"));
        assert_eq!(stem("шахте"), stem("шахта"));
        assert_eq!(
            word_forms("Её", Lang::Ru).plain,
            word_forms("ее", Lang::Ru).plain
        );
        assert_eq!(word_forms("Фокша\u{301}ны", Lang::Ru).plain, "фокшаны");
    }

    #[test]
    fn bare_and_inflected_forms_share_a_stem_term() {
        let shares = |a: &str, b: &str, lang: Lang| {
            let (fa, fb) = (word_forms(a, lang), word_forms(b, lang));
            fa.stems.iter().any(|s| fb.stems.contains(s))
        };
        // Snowball cuts -on/-en from bare nouns, not from inflected ones.
        for (bare, inflected) in [
            ("vagon", "vagonban"),
            ("Marhavagon", "marhavagonokban"),
            ("Debrecen", "Debrecenbe"),
            ("Sziget", "szigeten"),
        ] {
            assert!(shares(bare, inflected, Lang::Hu), "{bare} / {inflected}");
        }
        assert!(shares("Молотов", "Молотове", Lang::Ru));
        // German segments keep Hungarian names whole for Hungarian queries.
        assert!(
            shares("Budaörs", "Budaörsről", Lang::De) || {
                let de = word_forms("Budaörs", Lang::De);
                word_forms("Budaörsről", Lang::Hu)
                    .stems
                    .iter()
                    .any(|s| de.stems.contains(s))
            }
        );
        // Endings typed without accents are found.
        assert!(shares("Felvidekrol", "Felvidék", Lang::Hu));
        assert!(shares("pincebol", "pincében", Lang::Hu));
        // Conjugated verbs meet at the verb's stem, which Snowball's
        // noun endings do not reach.
        assert!(shares("összeírtak", "összeírják", Lang::Hu));
        assert!(shares("hazatértünk", "hazatérők", Lang::Hu));
        assert!(shares("osszeirtak", "összeírják", Lang::Hu));
        assert!(!shares("kertek", "kérem", Lang::Hu));
        // The verb stem stays out of the cross-script view, whose keys
        // merge double letters (`hallottuk` would meet `halottak`).
        let f = word_forms("összeírtak", Lang::Hu);
        assert!(f.stems.contains(&"osszeir".to_string()));
        assert!(!f.xs_stems.contains(&xs_key("osszeir")));
    }

    #[test]
    fn query_words_with_hungarian_letters_are_not_german() {
        assert_eq!(query_langs("vérhs"), [Lang::Hu]);
        assert_eq!(query_langs("Foksány"), [Lang::Hu]);
        assert_eq!(query_langs("Budaörs"), [Lang::Hu, Lang::De]);
        assert_eq!(query_langs("Wochen"), [Lang::Hu, Lang::De]);
        assert_eq!(query_langs("лагерь"), [Lang::Ru]);
    }

    #[test]
    fn stopwords_have_no_stem() {
        assert!(word_forms("és", Lang::Hu).stems.is_empty());
        assert!(word_forms("и", Lang::Ru).stems.is_empty());
        assert_eq!(word_forms("és", Lang::Hu).plain, "es");
    }

    #[test]
    fn cross_script_keys_meet() {
        let key = |w: &str| word_forms(w, word_lang(w, Lang::Hu)).xs;
        assert_eq!(key("Сталино"), key("Sztálinó"));
        assert_eq!(key("Stalino"), key("Sztalino"));
        let xs_stem = |w: &str| word_forms(w, word_lang(w, Lang::Hu)).xs_stems;
        let a = xs_stem("Фокшанах");
        let b = xs_stem("Foksányban");
        assert!(a.iter().any(|k| b.contains(k)), "{a:?} vs {b:?}");
    }

    #[test]
    fn segment_analysis_keeps_positions() {
        let a = analyze("Elvittek a táborba", Lang::Hu);
        assert_eq!(
            a.plain.iter().map(|t| t.position).collect::<Vec<_>>(),
            [0, 1, 2]
        );
        assert!(
            a.stem.iter().all(|t| t.position != 1),
            "stopword `a` dropped from stems"
        );
    }
}
