//! Finding vocabulary names and wave cues in text, across inflections.
//!
//! Words are compared in their folded form ([`crate::analysis::fold_word`]:
//! case and accents ignored, ș = ş, ё = е). A text word matches a name's
//! word when it is
//!
//! - the same folded word (`Foksány`, `Foksany`, `FOKSÁNY`);
//! - the word plus a Hungarian case ending (`Foksányba`, `Szolyván`,
//!   `Sztálinóból`, `Debrecennel`, `Temesvárott`) or an adjective ending
//!   (`foksányi`, `kolozsváriak`);
//! - for Cyrillic names, the name's stem (final vowel, soft sign or
//!   adjective ending removed) plus a Russian case or adjective ending
//!   (`Фокшанах`, `из Фокшан`, `Свалявы`, `Спасским`). Names in `-ино`
//!   (`Сталино`, `Ванино`) are indeclinable, as in standard usage, which
//!   also keeps `Сталино` apart from `Сталина`, `Сталином`;
//!   Stems of three letters are enough (`Чоп` → `из Чопа`, `в Чопе`):
//!   names match capitalised only;
//!   A foreign name is written with or without the soft sign
//!   (`в Фельдиоаре` for `Фелдиоара`): a word with a soft sign inside is
//!   also compared without it;
//!   A name in `-ый` may be a noun (`Стрый`): it is also declined on the
//!   stem without its `й` (`в Стрые`, `к Стрыю`), its adjective keeping
//!   the `й` (`в Стрыйском лагере`);
//!   The masculine prepositional of a town's adjective (`в свалявском
//!   лагере`, a suffix and `-ом`, `-ем`) counts before a camp word only:
//!   elsewhere it is a language or a people (`на украинском языке`), as a
//!   region's is everywhere (`в украинском лагере`, a camp of
//!   Ukrainians); `-ом` alone is the noun's instrumental;
//! - failing those, a single word with the same cross-script key
//!   ([`crate::analysis::xs_key`], at least five letters): `Фокшань` for
//!   `Foksány`;
//! - failing those, a misspelling of a single-word Latin name of at least
//!   seven letters that is no everyday word: the word, minus a Hungarian
//!   case or adjective ending, one edit (a letter added, dropped, changed,
//!   or two swapped; same first letter) from the name (`Makeevkában` for
//!   `Makejevka`, `Dnyepropetrovszk`), or the name with its `ly` written
//!   `j`, as it is said (`Szojvára`, `Szojvárul` for `Szolyva`). The name
//!   without its last letter is not a misspelling but the word it was
//!   made from (`Sztálin után` is the man, `Sztálinó` his town).
//!   Accentless typing needs no rule: words are compared folded. Dialect
//!   endings count as cases (`-rul`, `-bul`, `-tul` for `-ról`, `-ból`,
//!   `-tól`).
//!
//! The tagger does not use the search stemmers for names: it must know the
//! case a name is in (`Foksányba` is movement to it) and must not conflate
//! names with words (Snowball reduces both `Сталино` and `Сталина` to
//! `сталин`). Wave cues, which are ordinary words, are matched the same way
//! and, in Cyrillic, also by their Russian Snowball stem
//! (`немцев` = `немцы`), as the search does.
//!
//! A town named after its river is also matched by its first word, as it
//! is said (`Komszomolszkba` for `Komszomolszk-na-Amure`, `в Ростове` for
//! `Ростов-на-Дону`). A Hungarian town named with its landscape or river
//! before it is also matched without it (`Földvárra` for `Barcaföldvár`,
//! see `landscape_town`), as an ambiguous name: only in a place
//! construction, since the short name is shared (`Dunaföldvár`).
//!
//! In a multi-word Hungarian or German name only the last word inflects
//! (`Sztarij Szamborban`); in Russian every word may (`Кривом Роге`). At
//! each position the longest name wins (`Sztarij Szambor` over `Szambor`).
//!
//! Names are written with a capital letter in all three languages, so a
//! name matches only capitalised, except in an adjective (`foksányi`,
//! `карагандинских`). A name that is also an everyday word or a personal
//! name (the vocabulary's `ambiguous` list: `Gyula`, `Csap`, `Baja`,
//! `Molotov`) must also be in a place construction: a Hungarian locative
//! or directional case (`Gyulán`, `Csapra`), an adjective, or after a
//! preposition or a word for a town (`в Молотов`, `в городе Дьюла`).

use std::collections::HashMap;

use crate::hash::FxBuildHasher;

use crate::analysis::{stem_word, xs_key};
use crate::lang::Lang;
use crate::vocab::{Entry, Facet, Vocabulary};

use super::text::{Doc, Token};

/// What a pattern stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    /// A vocabulary entry (index into `Vocabulary::entries`).
    Entry(usize),
    /// A cue of a wave (entry index) with its deduplication key.
    Cue(usize, String),
}

/// How a matched word relates to the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Form {
    /// The name as is.
    Base,
    /// With a case ending (Hungarian suffix or Russian ending).
    Case(String),
    /// As an adjective (`foksányi`, `Спасским`).
    Adjective,
    /// Only the cross-script key matched.
    CrossScript,
}

#[derive(Debug, Clone)]
struct PatWord {
    folded: String,
    cyrillic: bool,
    /// For Cyrillic names: the declinable stem.
    stem: Option<String>,
    /// For Cyrillic cues: the Snowball stem.
    snowball: Option<String>,
}

#[derive(Debug, Clone)]
struct Pattern {
    words: Vec<PatWord>,
    target: Target,
    text: String,
    ambiguous: bool,
    /// The name of a region, whose adjective also names its people or
    /// language (`украинском`).
    region: bool,
    xs: Option<String>,
}

/// A match of a pattern in the text.
#[derive(Debug, Clone)]
pub(super) struct Match {
    /// What matched.
    pub target: Target,
    /// The alias or cue as written in the vocabulary.
    pub alias: String,
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// The form of the last word.
    pub form: Form,
}

/// A set of patterns (names or cues) with an index by first word.
pub(super) struct Matcher {
    patterns: Vec<Pattern>,
    by_key: HashMap<String, Vec<usize>, FxBuildHasher>,
    by_xs: HashMap<String, Vec<usize>, FxBuildHasher>,
    /// The names a misspelling may match, by first letter.
    fuzzy: HashMap<char, Vec<usize>, FxBuildHasher>,
    names: bool,
}

/// Hungarian case endings, folded.
pub(super) const HU_CASES: &[&str] = &[
    "ba", "be", "ban", "ben", "bol", "tol", "rol", "ra", "re", "n", "on", "en", "nal", "nel",
    "hoz", "hez", "ig", "ert", "kent", "nak", "nek", "t", "ot", "et", "at", "val", "vel", "ul",
    "ott", "ett", "rul", "bul", "tul",
];
/// The Hungarian cases of place and movement (in, into, out of, on, onto,
/// off, from, as far as, at).
pub(super) const HU_LOCATIVE: &[&str] = &[
    "ba", "be", "ban", "ben", "bol", "rol", "tol", "ra", "re", "n", "on", "en", "ig", "nal", "nel",
    "ott", "ett", "rul", "bul", "tul",
];
const HU_ADJ: &[&str] = &[
    "i", "iak", "iek", "iakat", "ieket", "iaknak", "ieknek", "iakkal", "iekkel", "ibol", "iban",
    "ivel", "ival",
];
const RU_NOUN: &[&str] = &[
    "", "а", "я", "у", "ю", "е", "и", "ы", "о", "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях",
    "ами", "ями", "ов", "ев", "ью", "ь", "ою", "ею",
];
const RU_ADJ_ENDINGS: &[&str] = &[
    "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему", "ым", "им", "ых", "их",
    "ыми", "ими", "ую", "юю", "ие", "ые",
];
/// Camp words a prepositional adjective of a name qualifies (`в
/// свалявском лагере`, `в стрыйской пересылке`).
const RU_CAMP_NOUN: &[&str] = &["лагер", "пересыл", "барак", "тюрьм"];
const RU_ADJ_INFIX: &[&str] = &["", "ск", "инск", "овск", "евск", "енск", "н", "нн"];
const GERMAN_ENDINGS: &[&str] = &["e", "en", "n", "s", "es", "er", "em"];
/// Words before an ambiguous name that make it a place.
const PLACE_INTRO: &[&str] = &[
    "в",
    "во",
    "на",
    "из",
    "под",
    "до",
    "через",
    "город",
    "городе",
    "города",
    "городом",
    "село",
    "селе",
    "станция",
    "станции",
    "in",
    "im",
    "nach",
    "aus",
    "bei",
    "stadt",
    "dorf",
    "varos",
    "varosban",
    "varosba",
];

fn hu_plural_cases() -> &'static [String] {
    static CASES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CASES.get_or_init(build_plural_cases)
}

fn build_plural_cases() -> Vec<String> {
    let mut out = Vec::new();
    for p in ["k", "ok", "ek", "ak"] {
        out.push(p.to_string());
        for c in [
            "at", "et", "ba", "be", "ban", "ben", "bol", "rol", "tol", "ra", "re", "nak", "nek",
            "kal", "kel", "hoz", "hez", "on", "en", "ig", "ert",
        ] {
            out.push(format!("{p}{c}"));
        }
    }
    out
}

impl Matcher {
    /// A matcher for the names of places, regions and transit camps (not
    /// camp groups).
    pub fn names(vocab: &Vocabulary) -> Matcher {
        let mut m = Matcher {
            patterns: Vec::new(),
            by_key: HashMap::default(),
            by_xs: HashMap::default(),
            fuzzy: HashMap::default(),
            names: true,
        };
        for (i, e) in vocab.entries().iter().enumerate() {
            if e.group || !matches!(e.facet, Facet::Place | Facet::Region | Facet::TransitCamp) {
                continue;
            }
            for alias in &e.aliases {
                m.add(alias, Target::Entry(i), e.ambiguous.contains(alias));
            }
            // Names said shorter than any alias, once each:
            let derived = |short: fn(&str) -> Option<String>| {
                let mut v: Vec<String> = e
                    .aliases
                    .iter()
                    .filter_map(|a| short(a))
                    .filter(|w| !e.aliases.contains(w))
                    .collect();
                v.sort();
                v.dedup();
                v
            };
            // a town named after its river (`Komszomolszk-na-Amure`,
            // `Ростов-на-Дону`, `Frankfurt an der Oder`) by its first word;
            let river = derived(river_town);
            for w in &river {
                m.add(w, Target::Entry(i), false);
            }
            // a Hungarian town named with its landscape before it
            // (`Barcaföldvár`, the Földvár of the Barcaság) without it
            // (`Földvárra vittek`); the short name is shared with other
            // towns (`Dunaföldvár`), so it is ambiguous: it needs a place
            // construction.
            for w in derived(landscape_town)
                .iter()
                .filter(|w| !river.contains(w))
            {
                m.add(w, Target::Entry(i), true);
            }
        }
        let entries = vocab.entries();
        for p in &mut m.patterns {
            if let Target::Entry(e) = p.target {
                p.region = entries.get(e).is_some_and(|e| e.facet == Facet::Region);
            }
        }
        m.index();
        m
    }

    /// A matcher for the wave cues and wave aliases.
    pub fn cues(vocab: &Vocabulary) -> Matcher {
        let mut m = Matcher {
            patterns: Vec::new(),
            by_key: HashMap::default(),
            by_xs: HashMap::default(),
            fuzzy: HashMap::default(),
            names: false,
        };
        for (i, e) in vocab.entries().iter().enumerate() {
            if e.facet != Facet::Wave {
                continue;
            }
            let mut seen: Vec<String> = Vec::new();
            for cue in e.cues.iter().chain(&e.weak_cues).chain(&e.aliases) {
                let key = cue_key(cue);
                if key.is_empty() || seen.contains(&key) {
                    continue;
                }
                seen.push(key.clone());
                m.add(cue, Target::Cue(i, key), false);
            }
        }
        m.index();
        m
    }

    fn add(&mut self, text: &str, target: Target, ambiguous: bool) {
        let lower = text.to_lowercase();
        let ws: Vec<_> = crate::analysis::words(&lower).collect();
        if ws.is_empty() {
            return;
        }
        let multi = ws.len() > 1;
        let words: Vec<PatWord> = ws
            .iter()
            .map(|w| {
                let folded = crate::analysis::fold_word(w.text).replace('ё', "е");
                let cyrillic = w
                    .text
                    .chars()
                    .any(|c| crate::decode::script_of(c) == crate::decode::Script::Cyrillic);
                let stem = if cyrillic { ru_stem(&folded) } else { None };
                let snowball = if cyrillic && !self.names {
                    let s = stem_word(&folded, Lang::Ru);
                    (s.chars().count() >= 4).then_some(s)
                } else {
                    None
                };
                PatWord {
                    folded,
                    cyrillic,
                    stem,
                    snowball,
                }
            })
            .collect();
        let xs = (self.names && !multi && !ambiguous)
            .then(|| xs_key(&lower))
            .filter(|k| k.chars().count() >= 5);
        self.patterns.push(Pattern {
            words,
            target,
            text: text.to_string(),
            ambiguous,
            region: false,
            xs,
        });
    }

    fn index(&mut self) {
        for (i, p) in self.patterns.iter().enumerate() {
            let w = &p.words[0];
            let mut keys = vec![w.folded.clone()];
            if let Some(s) = &w.stem {
                keys.push(s.clone());
                if s.contains('ь') {
                    keys.push(soft_less(s));
                }
            }
            if let Some(s) = &w.snowball {
                keys.push(format!("\u{1}{s}"));
            }
            for k in keys {
                let list = self.by_key.entry(k).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
            if let Some(x) = &p.xs {
                self.by_xs.entry(x.clone()).or_default().push(i);
            }
            if self.names
                && p.fuzzy()
                && let Some(c) = w.folded.chars().next()
            {
                self.fuzzy.entry(c).or_default().push(i);
            }
        }
    }

    /// All matches in the document, longest first at each position, not
    /// overlapping.
    pub fn find(&self, doc: &Doc<'_>) -> Vec<Match> {
        let mut out: Vec<Match> = Vec::new();
        // Candidates depend on the word alone; most words repeat.
        let mut memo: Vec<Option<Vec<usize>>> = vec![None; doc.words];
        let mut i = 0;
        while i < doc.tokens.len() {
            let mut best: Option<Match> = None;
            let t = &doc.tokens[i];
            let fresh;
            let candidates: &[usize] = match memo.get_mut(t.word) {
                Some(slot) => slot.get_or_insert_with(|| self.candidates(t)),
                None => {
                    fresh = self.candidates(t);
                    &fresh
                }
            };
            for &p in candidates {
                if let Some(m) = self.try_at(doc, i, p) {
                    let better = match &best {
                        None => true,
                        Some(b) => {
                            m.last > b.last
                                || (m.last == b.last
                                    && b.form == Form::CrossScript
                                    && m.form != Form::CrossScript)
                        }
                    };
                    if better {
                        best = Some(m);
                    }
                }
            }
            match best {
                Some(m) => {
                    i = m.last + 1;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    fn candidates(&self, t: &Token) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let w = t.folded.as_ref();
        let mut push = |list: Option<&Vec<usize>>| {
            for &p in list.into_iter().flatten() {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        };
        for (b, _) in w.char_indices().skip(2) {
            push(self.by_key.get(&w[..b]));
        }
        push(self.by_key.get(w));
        if t.cyrillic && self.names && w.contains('ь') {
            let soft = soft_less(w);
            for (b, _) in soft.char_indices().skip(2) {
                push(self.by_key.get(&soft[..b]));
            }
        }
        if t.cyrillic && !self.names {
            push(self.by_key.get(&format!("\u{1}{}", t.ru_stem)));
        }
        if self.names {
            push(self.by_xs.get(t.xs.as_ref()));
        }
        if self.names && out.is_empty() && t.capital && !t.cyrillic && w.len() >= FUZZY_MIN {
            // A misspelt name: one letter off (see [`fuzzy_form`]).
            let first = w.chars().next().and_then(|c| self.fuzzy.get(&c));
            for &i in first.into_iter().flatten() {
                let name = &self.patterns[i].words[0].folded;
                if w.len() + 1 >= name.len() && fuzzy_form(w, name).is_some() {
                    out.push(i);
                }
            }
        }
        out
    }

    fn try_at(&self, doc: &Doc<'_>, i: usize, pi: usize) -> Option<Match> {
        let p = &self.patterns[pi];
        let n = p.words.len();
        let last = i + n - 1;
        if last >= doc.tokens.len() {
            return None;
        }
        let mut form = Form::Base;
        for (k, pw) in p.words.iter().enumerate() {
            let t = &doc.tokens[i + k];
            if k > 0 {
                let prev = &doc.tokens[i + k - 1];
                let gap = doc.gap(i + k - 1, i + k);
                if prev.seg != t.seg
                    || prev.sentence != t.sentence
                    || gap.chars().any(|c| !c.is_whitespace() && c != '-')
                {
                    return None;
                }
            }
            let is_last = k + 1 == n;
            let fuzzy = self.names && p.fuzzy();
            form = match self.word_form(t, pw, is_last) {
                Some(f) => f,
                None if fuzzy && t.capital => fuzzy_form(&t.folded, &pw.folded)?,
                None if n == 1 && p.xs.as_deref() == Some(t.xs.as_ref()) => Form::CrossScript,
                // The masculine prepositional of a town's adjective before
                // a camp word (`в свалявском лагере`); elsewhere it is a
                // language or a people (`на украинском языке`), as a
                // region's adjective is even before a camp word (a camp of
                // Ukrainians), and `-ом` alone is the noun's instrumental.
                None if n == 1
                    && !p.region
                    && t.cyrillic
                    && pw.cyrillic
                    && prepositional_adjective(&t.folded, pw)
                    && doc.tokens.get(i + 1).is_some_and(|nx| {
                        nx.seg == t.seg && RU_CAMP_NOUN.iter().any(|c| nx.folded.starts_with(c))
                    }) =>
                {
                    Form::Adjective
                }
                None => return None,
            };
        }
        if self.names && !self.name_allowed(doc, i, p, &form) {
            return None;
        }
        Some(Match {
            target: p.target.clone(),
            alias: p.text.clone(),
            first: i,
            last,
            form,
        })
    }

    fn word_form(&self, t: &Token, pw: &PatWord, is_last: bool) -> Option<Form> {
        let w = t.folded.as_ref();
        if w == pw.folded {
            return Some(Form::Base);
        }
        if t.cyrillic && pw.cyrillic {
            // A name ending in `-ый` that is a noun, not an
            // adjective (`Стрый`): it keeps its `й` before the suffix of
            // its adjective (`в Стрыйском лагере`) and declines as a noun
            // on the stem without it (`в Стрые`, `к Стрыю`).
            // (Folding writes `й` as `и`.)
            if let Some(noun) = pw.folded.strip_suffix(['й', 'и'])
                && noun.ends_with('ы')
                && let Some(rest) = w.strip_prefix(noun)
            {
                if !rest.is_empty() && !["й", "и"].contains(&rest) && RU_NOUN.contains(&rest) {
                    return Some(Form::Case(rest.to_string()));
                }
                if rest.strip_prefix(['й', 'и']).is_some_and(is_ru_adjective) {
                    return Some(Form::Adjective);
                }
            }
            if let Some(stem) = &pw.stem
                && let Some(rest) = w.strip_prefix(stem.as_str())
            {
                if RU_NOUN.contains(&rest) {
                    return Some(Form::Case(rest.to_string()));
                }
                if is_ru_adjective(rest) {
                    return Some(Form::Adjective);
                }
            }
            // A foreign name is written with or without the soft sign
            // (`Фельдиоара`, `Фелдиоара`): compared without it.
            if let Some(stem) = &pw.stem
                && (w.contains('ь') || stem.contains('ь'))
                && let Some(rest) = soft_less(w).strip_prefix(soft_less(stem).as_str())
                && RU_NOUN.contains(&rest)
                && !rest.is_empty()
            {
                return Some(Form::Case(rest.to_string()));
            }
            if let Some(s) = &pw.snowball
                && *t.ru_stem == **s
            {
                return Some(Form::Case(String::new()));
            }
            return None;
        }
        if !t.cyrillic && !pw.cyrillic {
            // Hungarian and German inflect the last word of a name only;
            // cues may inflect every word.
            if self.names && !is_last {
                return None;
            }
            let rest = w.strip_prefix(pw.folded.as_str())?;
            if HU_CASES.contains(&rest) {
                return Some(Form::Case(rest.to_string()));
            }
            if HU_ADJ.contains(&rest) {
                return Some(Form::Adjective);
            }
            if let Some(c) = pw.folded.chars().last()
                && !"aeiou".contains(c)
                && (rest == format!("{c}al") || rest == format!("{c}el"))
            {
                return Some(Form::Case("val".into()));
            }
            if !self.names
                && (hu_plural_cases().iter().any(|s| s == rest) || GERMAN_ENDINGS.contains(&rest))
            {
                return Some(Form::Case(rest.to_string()));
            }
            return None;
        }
        // Different scripts: only through the whole-word key (`try_at`).
        None
    }

    fn name_allowed(&self, doc: &Doc<'_>, i: usize, p: &Pattern, form: &Form) -> bool {
        let t = &doc.tokens[i];
        if *form == Form::CrossScript && t.folded.chars().count() < 5 {
            return false;
        }
        if *form != Form::Adjective && !t.capital {
            return false;
        }
        if !p.ambiguous {
            return true;
        }
        if !t.capital || *form == Form::CrossScript {
            return false;
        }
        let introduced = i > 0 && {
            let prev = &doc.tokens[i - 1];
            prev.clause == t.clause && PLACE_INTRO.contains(&prev.folded.as_ref())
        };
        if t.cyrillic {
            return introduced;
        }
        match form {
            Form::Case(s) => HU_LOCATIVE.contains(&s.as_str()) || introduced,
            Form::Adjective => true,
            _ => introduced,
        }
    }
}

/// The first word of a town named after its river (`Komszomolszk-na-Amure`
/// → `Komszomolszk`, `Ростов-на-Дону` → `Ростов`, `Komsomolsk am Amur`),
/// when it has at least five letters.
fn river_town(alias: &str) -> Option<String> {
    let ws: Vec<_> = crate::analysis::words(alias).collect();
    let on = ["na", "на", "am", "an", "on"];
    (ws.len() >= 3
        && on.contains(&ws[1].text.to_lowercase().as_str())
        && ws[0].text.chars().count() >= 5)
        .then(|| ws[0].text.to_string())
}

/// The head of a Hungarian town name whose first member is a landscape
/// or river (`Barcaföldvár` → `Földvár`, `Tiszafüred` → `Füred`), when
/// the head has at least five letters.
fn landscape_town(alias: &str) -> Option<String> {
    const LANDSCAPES: &[&str] = &["barca", "duna", "tisza", "maros", "szamos", "körös"];
    if alias.contains([' ', '-']) {
        return None;
    }
    let lower = alias.to_lowercase();
    let rest = LANDSCAPES.iter().find_map(|l| lower.strip_prefix(l))?;
    let mut cs = rest.chars();
    let first = cs.next()?;
    (rest.chars().count() >= 5).then(|| first.to_uppercase().chain(cs).collect())
}

/// Shortest name (in bytes, folded) matched with a misspelling.
const FUZZY_MIN: usize = 7;

impl Pattern {
    /// Whether a misspelling of this name is matched: a single Latin word
    /// of at least [`FUZZY_MIN`] letters that is no everyday word.
    fn fuzzy(&self) -> bool {
        self.words.len() == 1
            && !self.ambiguous
            && !self.words[0].cyrillic
            && self.words[0].folded.len() >= FUZZY_MIN
    }
}

/// A misspelt name (`Makeevkában` for `Makejevka`, `Sztalinoba`,
/// `Foksanyba` are folded alike already): the word minus a Hungarian case
/// or adjective ending is one edit (a letter added, dropped, changed, or
/// two swapped) from the name, or the name with its `ly` written `j`, as
/// it is said (`Szojvára` for `Szolyva`).
fn fuzzy_form(word: &str, name: &str) -> Option<Form> {
    let endings = std::iter::once("")
        .chain(HU_CASES.iter().copied())
        .chain(HU_ADJ.iter().copied());
    for e in endings {
        // Byte lengths bound the edit: a folded letter is one or two bytes.
        if word.len() < e.len() + name.len().saturating_sub(2)
            || word.len() > e.len() + name.len() + 2
        {
            continue;
        }
        let Some(stem) = word.strip_suffix(e) else {
            continue;
        };
        // The name without its last letter is the word it was made from,
        // no misspelling of it (`Sztálin után` is the man, `Sztálinó` the
        // town named after him).
        if name
            .strip_prefix(stem)
            .is_some_and(|rest| rest.chars().count() == 1)
        {
            continue;
        }
        // `ly` is said and often written `j` (`Szojva` for `Szolyva`).
        let same_sound = stem.len() + 1 == name.len()
            && name.contains("ly")
            && stem.replace("ly", "j") == name.replace("ly", "j");
        if !same_sound && !one_edit(stem, name) {
            continue;
        }
        return Some(if e.is_empty() {
            Form::Base
        } else if HU_ADJ.contains(&e) {
            Form::Adjective
        } else {
            Form::Case(e.to_string())
        });
    }
    None
}

/// Whether `a` and `b` differ by exactly one edit (insertion, deletion,
/// substitution or the swap of two neighbours) and share their first
/// letter.
fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b || a.first() != b.first() {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    if ra.len() == rb.len() {
        ra[1..] == rb[1..]
            || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
    } else if ra.len() == rb.len() + 1 {
        ra[1..] == *rb
    } else if rb.len() == ra.len() + 1 {
        *ra == rb[1..]
    } else {
        false
    }
}

/// The declinable stem of a Cyrillic name word (see the module docs).
fn ru_stem(folded: &str) -> Option<String> {
    if folded.ends_with("ино") {
        return None;
    }
    let mut s = folded.to_string();
    if ["ий", "ый", "ой"].iter().any(|e| s.ends_with(e)) {
        s.truncate(s.len() - "ий".len());
    } else if let Some(c) = s.chars().last()
        && "аяоеиыуюьй".contains(c)
    {
        s.truncate(s.len() - c.len_utf8());
    }
    // Names are matched capitalised only, so three letters (`Чоп` →
    // `Чопа`, `Чопе`) are enough.
    (s.chars().count() >= 3).then_some(s)
}

/// A Cyrillic word without its soft signs inside (`фельдиоаре` →
/// `фелдиоаре`).
fn soft_less(w: &str) -> String {
    w.replace('ь', "")
}

/// Whether `w` is the masculine or neuter prepositional of the adjective
/// of name word `pw` (`свалявском`, `стрыйском`): its stem, or for a noun
/// in `-ый` the stem keeping the `й`, a suffix and `-ом` or `-ем`.
fn prepositional_adjective(w: &str, pw: &PatWord) -> bool {
    let after_suffix = |rest: &str| {
        RU_ADJ_INFIX.iter().any(|inf| {
            !inf.is_empty()
                && rest
                    .strip_prefix(inf)
                    .is_some_and(|e| e == "ом" || e == "ем")
        })
    };
    let noun = pw
        .folded
        .strip_suffix(['й', 'и'])
        .filter(|n| n.ends_with('ы'))
        .and_then(|n| w.strip_prefix(n))
        .and_then(|r| r.strip_prefix(['й', 'и']));
    pw.stem
        .as_deref()
        .and_then(|s| w.strip_prefix(s))
        .is_some_and(after_suffix)
        || noun.is_some_and(after_suffix)
}

fn is_ru_adjective(rest: &str) -> bool {
    RU_ADJ_INFIX.iter().any(|inf| {
        rest.strip_prefix(inf)
            .is_some_and(|e| RU_ADJ_ENDINGS.contains(&e))
    })
}

/// The deduplication key of a cue: its folded words (Cyrillic words by
/// their Russian stem), so that `военнопленный` and `военнопленные` count
/// once.
pub(super) fn cue_key(cue: &str) -> String {
    let lower = cue.to_lowercase();
    crate::analysis::words(&lower)
        .map(|w| {
            let f = crate::analysis::fold_word(w.text).replace('ё', "е");
            if f.chars()
                .any(|c| crate::decode::script_of(c) == crate::decode::Script::Cyrillic)
            {
                stem_word(&f, Lang::Ru)
            } else {
                f
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The entry of a match, if it is a name.
pub(super) fn entry_of<'v>(vocab: &'v Vocabulary, m: &Match) -> Option<&'v Entry> {
    match m.target {
        Target::Entry(i) => vocab.entries().get(i),
        Target::Cue(..) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::text::seg;

    fn found(text: &str) -> Vec<(String, String)> {
        let vocab = Vocabulary::builtin().unwrap();
        let m = Matcher::names(&vocab);
        let segs = [seg(text)];
        let doc = Doc::new(&segs);
        m.find(&doc)
            .iter()
            .map(|x| {
                let t = &doc.tokens;
                (
                    segs[0].text[t[x.first].start..t[x.last].end].to_string(),
                    entry_of(&vocab, x)
                        .map(|e| e.id.clone())
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    fn ids(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(_, id)| id).collect()
    }

    #[test]
    fn hungarian_inflections() {
        assert_eq!(
            ids("Foksányba vittek, Foksányban voltunk, a foksányi tábor, Szolyván, Sztálinóból."),
            ["focsani", "focsani", "focsani", "svaliava", "donetsk"]
        );
        assert_eq!(
            ids("Debrecennel, Temesvárra, Cegléden"),
            ["debrecen", "timisoara", "cegled"]
        );
        assert_eq!(
            ids("Sztarij Szamborban, Szamborba"),
            ["staryi-sambir", "sambir"]
        );
        assert_eq!(ids("a Göndöcs-kertbe"), ["gyula"]);
    }

    #[test]
    fn russian_inflections() {
        assert_eq!(
            ids("в Фокшанах, из Фокшан, в Сталино, Свалявы, Спасским лагерем, в Кривом Роге"),
            [
                "focsani",
                "focsani",
                "donetsk",
                "svaliava",
                "spassk",
                "kryvyi-rih"
            ]
        );
        assert!(ids("по приказу Сталина, со Сталином").is_empty());
    }

    #[test]
    fn romanian_letters_and_german() {
        assert_eq!(
            ids("Focșani, Focşani, Sighetu Marmației, Sighetu Marmaţiei, nach Makejewka"),
            [
                "focsani",
                "focsani",
                "sighetu-marmatiei",
                "sighetu-marmatiei",
                "makiivka"
            ]
        );
    }

    #[test]
    fn ambiguous_names_need_a_place_construction() {
        assert!(ids("Kovács Gyula bácsi").is_empty());
        assert_eq!(ids("Gyulán születtem"), ["gyula"]);
        assert!(ids("Немет Дьюла, расскажите").is_empty());
        assert_eq!(ids("в соседнем городе Дьюла"), ["gyula"]);
        assert!(ids("a csap alatt, nagy baja volt").is_empty());
        assert_eq!(ids("Csapra vittek"), ["chop"]);
        assert!(ids("Молотов — нарком").is_empty());
        assert_eq!(ids("В Молотове"), ["perm"]);
    }

    #[test]
    fn misspelt_and_accentless_names() {
        assert_eq!(
            ids("Makeevkaban dolgoztunk, Sztalinoba vittek, Dnyepropetrovszkban"),
            ["makiivka", "donetsk", "dnipro"]
        );
        assert!(one_edit("makeevka", "makejevka"));
        assert!(one_edit("makjeevka", "makejevka"));
        assert!(!one_edit("makevka", "makejevka"));
        assert!(ids("Makarovics volt a neve").is_empty());
    }

    #[test]
    fn cases_after_prepositions_and_short_names() {
        assert_eq!(
            ids("из Чопа, в Чопе, до Караганды, Темешвара, Temesvárott"),
            ["chop", "chop", "karaganda", "timisoara", "timisoara"]
        );
    }

    #[test]
    fn soft_sign_and_the_root_of_a_name() {
        assert_eq!(
            ids("в Фельдиоаре, в Фельдиоару"),
            ["feldioara", "feldioara"]
        );
        assert!(ids("Sztálin után, Sztalin halála").is_empty());
        assert_eq!(ids("Sztalinoba"), ["donetsk"]);
    }

    #[test]
    fn a_town_by_its_name_without_the_landscape() {
        assert_eq!(landscape_town("Barcaföldvár").as_deref(), Some("Földvár"));
        assert_eq!(landscape_town("Tiszalök"), None);
        assert_eq!(landscape_town("Brassó"), None);
        // In a place construction only: the short name is shared.
        assert_eq!(
            ids("Földvárra hajtottak, Földváron a lágerben"),
            ["feldioara", "feldioara"]
        );
        assert!(ids("Földvár Imre volt a brigádvezető.").is_empty());
    }

    #[test]
    fn a_noun_name_in_yj_declines_as_a_noun() {
        // `Стрый` is a noun: `в Стрые`, `к Стрыю` are its cases, and its
        // adjective keeps the `й`.
        let got = found("в Стрые, к Стрыю, в Стрыйском лагере");
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.iter().all(|(_, id)| id == "stryi"), "{got:?}");
    }

    #[test]
    fn the_prepositional_adjective_of_a_name() {
        assert_eq!(
            ids("в свалявском лагере, в Мукачевском лагере, в Стрыйском лагере"),
            ["svaliava", "mukachevo", "stryi"]
        );
        // Not before another word: a language; nor a region's adjective.
        assert!(ids("говорили на украинском языке").is_empty());
        assert!(ids("в украинском лагере").is_empty());
        // Adjectives of no vocabulary name match nothing.
        assert!(ids("офицерском, пионерском лагере").is_empty());
    }

    #[test]
    fn a_river_town_by_its_first_word() {
        assert_eq!(river_town("Ростов-на-Дону").as_deref(), Some("Ростов"));
        assert_eq!(river_town("Sighetu Marmației"), None);
        assert_eq!(
            ids("Komszomolszkban a hajógyárban, в Комсомольске"),
            ["komsomolsk", "komsomolsk"]
        );
    }

    #[test]
    fn cross_script_key() {
        assert_eq!(ids("по-венгерски Фокшань"), ["focsani"]);
    }
}
