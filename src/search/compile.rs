//! Turning a parsed [`Query`] into a Tantivy query over the analysed views,
//! and collecting what to highlight.

use std::collections::{HashMap, HashSet};

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, FuzzyTermQuery, Occur, PhraseQuery,
    Query as TQuery, TermQuery,
};
use tantivy::schema::{Facet as TFacet, IndexRecordOption};

use super::query::{Query, QueryError, WordQuery};
use crate::analysis::{
    EXACT_SEPARATOR, View, WordForms, fold_word, lower_for_stemming, query_langs, word_forms,
    xs_key,
};
use crate::index::Fields;
use crate::vocab::{Entry, Facet, Vocabulary, inflection_prefix, names_word};

/// Weights of the views in a word query: an exact (plain) form counts most,
/// then the stem, then the cross-script keys.
const BOOST_PLAIN: f32 = 1.5;
const BOOST_STEM: f32 = 1.0;
const BOOST_XS: f32 = 0.6;
const BOOST_XS_STEM: f32 = 0.4;
/// Factor for the other names of a place the query names (gazetteer
/// expansion): `Donyeck` also finds `Sztálinó`, below the exact name.
const BOOST_EXPANSION: f32 = 0.5;
/// Factor for words found in the question a passage answers.
const BOOST_CONTEXT: f32 = 0.5;
/// At most this many inflected forms of one alias are searched.
const MAX_FORMS_PER_ALIAS: usize = 24;

/// Clauses of a word or phrase, and the (view, term) pairs already used
/// (so that an expansion does not count a term twice).
#[derive(Default)]
struct Clauses {
    should: Vec<(Occur, Box<dyn TQuery>)>,
    seen: HashSet<(View, String)>,
    phrases: HashSet<(View, Vec<(usize, String)>)>,
}

impl Clauses {
    fn into_query(self) -> Box<dyn TQuery> {
        if self.should.is_empty() {
            return Box::new(EmptyQuery);
        }
        Box::new(BooleanQuery::new(self.should))
    }
}

/// The terms of a phrase in one view, with their word offsets.
type PhraseTerms = Vec<(usize, String)>;

/// What a query looks for, for highlighting passages.
#[derive(Debug, Default, Clone)]
pub struct Highlighter {
    pub(super) plain: HashSet<String>,
    pub(super) stems: HashSet<String>,
    pub(super) xs: HashSet<String>,
    pub(super) xs_stems: HashSet<String>,
    /// Spellings (lower-cased, with accents) of place names.
    pub(super) exact: HashSet<String>,
    pub(super) prefixes: Vec<(String, String)>,
    pub(super) fuzzy: Vec<(String, u8)>,
}

impl Highlighter {
    fn add_forms(&mut self, f: &WordForms) {
        self.plain.insert(f.plain.clone());
        self.xs.insert(f.xs.clone());
        self.stems.extend(f.stems.iter().cloned());
        self.xs_stems.extend(f.xs_stems.iter().cloned());
    }

    /// Does a word of a passage (its forms) match the query?
    pub fn matches(&self, f: &WordForms) -> bool {
        self.plain.contains(&f.plain)
            || self.exact.contains(&f.lower)
            || self.xs.contains(&f.xs)
            || f.stems.iter().any(|s| self.stems.contains(s))
            || f.xs_stems.iter().any(|s| self.xs_stems.contains(s))
            || self
                .prefixes
                .iter()
                .any(|(p, x)| f.plain.starts_with(p.as_str()) || f.xs.starts_with(x.as_str()))
            || self
                .fuzzy
                .iter()
                .any(|(w, d)| crate::suggest::edit_distance(w, &f.plain) <= usize::from(*d))
    }

    /// Whether the query has anything positive to highlight.
    pub fn is_empty(&self) -> bool {
        self.plain.is_empty()
            && self.exact.is_empty()
            && self.prefixes.is_empty()
            && self.fuzzy.is_empty()
    }
}

/// A query's top level, split for testimony-level boolean logic (see
/// [`Compiler::top_level`]).
#[derive(Default)]
pub struct TopLevel {
    /// Parts that must each match somewhere in a testimony.
    pub positives: Vec<Box<dyn TQuery>>,
    /// Parts that must match nowhere in a testimony.
    pub negatives: Vec<Box<dyn TQuery>>,
    /// Restrictions of passages: `lang:` and `speaker:`, and the filters
    /// of testimonies (tags, `id:`), which all its passages carry.
    pub passage_filters: Vec<Box<dyn TQuery>>,
    /// The query that finds and ranks passages (`None`: only filters).
    pub passage: Option<Box<dyn TQuery>>,
    /// How many positive parts search text (the rest are field filters).
    pub text_parts: usize,
}

/// The clauses of several text parts `(own, in the question)`: each part
/// matches in the passage or (boosted by [`BOOST_CONTEXT`]) in the question
/// it answers, with `occur` (`Must`: every part; `Should`: any, ranked by
/// how many), and at least one part must be in the passage itself.
fn own_or_asked(
    text: Vec<(Box<dyn TQuery>, Box<dyn TQuery>)>,
    occur: Occur,
) -> Vec<(Occur, Box<dyn TQuery>)> {
    let mut any_own: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
    let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
    for (own, asked) in text {
        any_own.push((Occur::Should, own.box_clone()));
        let asked: Box<dyn TQuery> = Box::new(BoostQuery::new(asked, BOOST_CONTEXT));
        clauses.push((
            occur,
            Box::new(BooleanQuery::new(vec![
                (Occur::Should, own),
                (Occur::Should, asked),
            ])),
        ));
    }
    clauses.push((
        Occur::Must,
        Box::new(tantivy::query::ConstScoreQuery::new(
            Box::new(BooleanQuery::new(any_own)),
            0.0,
        )),
    ));
    clauses
}

/// How a prefix or fuzzy word is expanded into index terms.
#[derive(Clone, Copy)]
enum Expansion<'t> {
    Prefix(&'t str),
    Fuzzy(&'t str, u8),
}

/// At most this many index terms stand for one prefix or fuzzy word (the
/// most frequent ones), so that `a*` cannot make a query explode.
pub const MAX_EXPANSIONS: usize = 64;

pub(super) struct Compiler<'a> {
    pub fields: &'a Fields,
    pub vocab: &'a Vocabulary,
    /// The searcher, to find which inflected forms of an expanded name the
    /// index holds.
    pub searcher: &'a tantivy::Searcher,
    /// Whether terms go to the context fields (the question a passage
    /// answers) instead of the passage's own.
    pub context: bool,
    pub suggested: bool,
    pub highlight: Highlighter,
}

impl Compiler<'_> {
    /// Compiles the query; `negated` tracks NOT so that negated words are
    /// not highlighted.
    pub fn compile(&mut self, q: &Query, negated: bool) -> Result<Box<dyn TQuery>, QueryError> {
        Ok(match q {
            Query::Word(w) => self.word(w, negated),
            Query::Phrase(words) => self.phrase(words, negated),
            Query::Field(f, v) => self.field(f, v)?,
            Query::And(parts) => self.and(parts, negated)?,
            Query::Or(parts) => {
                let mut clauses = Vec::new();
                for p in parts {
                    clauses.push((Occur::Should, self.compile(p, negated)?));
                }
                Box::new(BooleanQuery::new(clauses))
            }
            Query::Not(inner) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(AllQuery) as Box<dyn TQuery>),
                (Occur::MustNot, self.compile(inner, !negated)?),
            ])),
        })
    }

    /// `a b c`: every part in the passage — or, for words, in the question
    /// the passage answers (`Foksány vérhas` finds the answer `Kitört a
    /// vérhas` to `Milyenek voltak a körülmények Foksányban?`), as long as
    /// one part is in the passage itself. Field filters and NOT apply to
    /// the passage.
    fn and(&mut self, parts: &[Query], negated: bool) -> Result<Box<dyn TQuery>, QueryError> {
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
        // (own, in the question) for each part that searches text.
        let mut text: Vec<(Box<dyn TQuery>, Box<dyn TQuery>)> = Vec::new();
        let mut i = 0;
        while i < parts.len() {
            // `Krivoj Rog` typed without quotes still names a place.
            if let Some((len, own)) = self.name_run(&parts[i..], negated) {
                let asked = self
                    .in_context(|c| c.name_run(&parts[i..], negated))
                    .map_or_else(|| Box::new(EmptyQuery) as Box<dyn TQuery>, |(_, q)| q);
                text.push((own, asked));
                i += len;
                continue;
            }
            let p = &parts[i];
            i += 1;
            match p {
                Query::Not(inner) => {
                    clauses.push((Occur::MustNot, self.compile(inner, !negated)?));
                }
                Query::Field(..) => clauses.push((Occur::Must, self.compile(p, negated)?)),
                other => {
                    let own = self.compile(other, negated)?;
                    let asked = self.in_context(|c| c.compile(other, negated))?;
                    text.push((own, asked));
                }
            }
        }
        if text.len() >= 2 && !self.context {
            clauses.extend(own_or_asked(text, Occur::Must));
        } else {
            clauses.extend(text.into_iter().map(|(own, _)| (Occur::Must, own)));
        }
        if !clauses.iter().any(|(o, _)| *o == Occur::Must) {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// Splits the top-level parts of a query (the parts of an implicit or
    /// explicit AND) into what [`crate::search`] needs for testimony-level
    /// boolean logic: the query of each positive part and of each NOT-ed
    /// part (each matched anywhere in a testimony), the passage filters
    /// (`lang:`, `speaker:`), and the passage query that finds and ranks the
    /// passages to show — any positive word in the passage, the others
    /// counting also when they are in the question the passage answers.
    /// Words that together name a place (`Krivoj Rog`) stay one part.
    pub fn top_level(&mut self, parts: &[Query]) -> Result<TopLevel, QueryError> {
        let mut top = TopLevel::default();
        let mut text: Vec<(Box<dyn TQuery>, Box<dyn TQuery>)> = Vec::new();
        let mut i = 0;
        while i < parts.len() {
            if let Some((len, own)) = self.name_run(&parts[i..], false) {
                let asked = self
                    .in_context(|c| c.name_run(&parts[i..], false))
                    .map_or_else(|| Box::new(EmptyQuery) as Box<dyn TQuery>, |(_, q)| q);
                top.positives.push(own.box_clone());
                text.push((own, asked));
                i += len;
                continue;
            }
            let p = &parts[i];
            i += 1;
            match p {
                Query::Not(inner) => top.negatives.push(self.compile(inner, true)?),
                // Tags and `id:` are on every passage of a testimony: as
                // passage filters they select exactly its testimonies,
                // without a pass over the index of their own.
                Query::Field(f, v) => top.passage_filters.push(self.field(f, v)?),
                other => {
                    let own = self.compile(other, false)?;
                    let asked = self.in_context(|c| c.compile(other, false))?;
                    top.positives.push(own.box_clone());
                    text.push((own, asked));
                }
            }
        }
        top.text_parts = text.len();
        top.passage = match text.len() {
            0 => None,
            1 => text.pop().map(|(own, _)| own),
            _ => Some(Box::new(BooleanQuery::new(own_or_asked(
                text,
                Occur::Should,
            )))),
        };
        Ok(top)
    }

    /// Compiles into the context fields, without highlighting (the
    /// question is not the passage).
    fn in_context<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = self.highlight.clone();
        let was = self.context;
        self.context = true;
        let out = f(self);
        self.context = was;
        self.highlight = saved;
        out
    }

    fn field_of(&self, view: View) -> tantivy::schema::Field {
        if self.context {
            self.fields.context_view(view)
        } else {
            self.fields.view(view)
        }
    }

    fn term(&self, view: View, text: &str) -> Term {
        Term::from_field_text(self.field_of(view), text)
    }

    fn term_query(&self, view: View, text: &str, boost: f32) -> Box<dyn TQuery> {
        let q = TermQuery::new(self.term(view, text), IndexRecordOption::WithFreqs);
        Box::new(BoostQuery::new(Box::new(q), boost))
    }

    fn word(&mut self, w: &WordQuery, negated: bool) -> Box<dyn TQuery> {
        if w.prefix {
            return self.prefix(&w.text, negated);
        }
        let mut c = Clauses::default();
        let entries = match w.fuzzy {
            None => self.vocab.named_by(&[w.text.as_str()]),
            // A misspelt place name still brings its other names.
            Some(d) => self.vocab.named_approximately(&w.text, d),
        };
        // A word that names a place is matched as a name, in the gazetteer
        // expansion: its own forms (exact endings, accents checked) and
        // the other names. Not stemmed, which makes `Csapon` find `csapat`
        // and `Baja` find `bajban`; not folded, which makes `Kazan` find
        // `kazán`.
        if w.fuzzy.is_some() || entries.is_empty() {
            self.word_clauses(&w.text, w.fuzzy, negated, &mut c);
        } else if !negated {
            for &lang in query_langs(&w.text) {
                let forms = word_forms(&w.text, lang);
                self.highlight.exact.insert(forms.lower);
            }
        }
        self.expand_entries(&entries, Some(w.text.as_str()), negated, &mut c);
        c.into_query()
    }

    /// `word*`: every plain and cross-script term starting with the word.
    fn prefix(&mut self, text: &str, negated: bool) -> Box<dyn TQuery> {
        let lower = lower_for_stemming(text);
        let plain = fold_word(&lower);
        let key = xs_key(&lower);
        let mut should = self.expanded(View::Plain, Expansion::Prefix(&plain), BOOST_PLAIN);
        if key.chars().count() >= 2 {
            should.extend(self.expanded(View::Xs, Expansion::Prefix(&key), BOOST_XS));
        }
        if !negated {
            self.highlight.prefixes.push((plain, key));
        }
        Box::new(BooleanQuery::new(should))
    }

    /// The index terms of `view` that a prefix or fuzzy word matches, as
    /// scored term queries. Expanding against the dictionary (instead of a
    /// constant-score automaton query) ranks by BM25 like any word and keeps
    /// results independent of how the index is split into segments.
    fn expanded(
        &self,
        view: View,
        how: Expansion<'_>,
        boost: f32,
    ) -> Vec<(Occur, Box<dyn TQuery>)> {
        let field = self.field_of(view);
        let mut found: HashMap<Vec<u8>, u64> = HashMap::new();
        for reader in self.searcher.segment_readers() {
            let Ok(inverted) = reader.inverted_index(field) else {
                continue;
            };
            let dict = inverted.terms();
            let mut add =
                |key: &[u8], df: u32| *found.entry(key.to_vec()).or_insert(0) += u64::from(df);
            match how {
                Expansion::Prefix(p) => {
                    let Ok(mut stream) = dict.range().ge(p.as_bytes()).into_stream() else {
                        continue;
                    };
                    while stream.advance() {
                        if !stream.key().starts_with(p.as_bytes()) {
                            break;
                        }
                        add(stream.key(), stream.value().doc_freq);
                    }
                }
                Expansion::Fuzzy(t, d) => {
                    let term = Term::from_field_text(field, t);
                    let Ok(automaton) = FuzzyTermQuery::new(term, d, true).automaton() else {
                        continue;
                    };
                    let Ok(mut stream) = dict.search(automaton).into_stream() else {
                        continue;
                    };
                    while stream.advance() {
                        add(stream.key(), stream.value().doc_freq);
                    }
                }
            }
        }
        let mut terms: Vec<(Vec<u8>, u64)> = found.into_iter().collect();
        terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms.truncate(MAX_EXPANSIONS);
        terms
            .into_iter()
            .filter_map(|(bytes, _)| String::from_utf8(bytes).ok())
            .map(|text| {
                let q = TermQuery::new(
                    Term::from_field_text(field, &text),
                    IndexRecordOption::WithFreqs,
                );
                (
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(q), boost)) as Box<dyn TQuery>,
                )
            })
            .collect()
    }

    /// The clauses of one word (all views, every language the word may be
    /// in).
    fn word_clauses(&mut self, text: &str, fuzzy: Option<u8>, negated: bool, c: &mut Clauses) {
        for &lang in query_langs(text) {
            let forms = word_forms(text, lang);
            if let Some(d) = fuzzy {
                for (view, term, boost) in [
                    (View::Plain, forms.plain.clone(), BOOST_PLAIN),
                    (View::Xs, forms.xs.clone(), BOOST_XS),
                ]
                .into_iter()
                .chain(
                    forms
                        .stems
                        .iter()
                        .map(|s| (View::Stem, s.clone(), BOOST_STEM)),
                )
                .chain(
                    // Inflected forms in the other script (`Караганде`).
                    forms
                        .xs_stems
                        .iter()
                        .map(|s| (View::XsStem, s.clone(), BOOST_XS_STEM)),
                ) {
                    if c.seen.insert((view, term.clone())) {
                        let expanded = self.expanded(view, Expansion::Fuzzy(&term, d), boost);
                        c.should.extend(expanded);
                    }
                }
                if !negated {
                    self.highlight.fuzzy.push((forms.plain.clone(), d));
                }
            } else {
                let views = std::iter::once((View::Plain, forms.plain.clone(), BOOST_PLAIN))
                    .chain(
                        forms
                            .stems
                            .iter()
                            .map(|s| (View::Stem, s.clone(), BOOST_STEM)),
                    )
                    .chain(std::iter::once((View::Xs, forms.xs.clone(), BOOST_XS)))
                    .chain(
                        forms
                            .xs_stems
                            .iter()
                            .map(|s| (View::XsStem, s.clone(), BOOST_XS_STEM)),
                    );
                for (view, term, boost) in views {
                    if !term.is_empty() && c.seen.insert((view, term.clone())) {
                        c.should
                            .push((Occur::Should, self.term_query(view, &term, boost)));
                    }
                }
            }
            if !negated {
                self.highlight.add_forms(&forms);
            }
        }
    }

    fn phrase(&mut self, words: &[String], negated: bool) -> Box<dyn TQuery> {
        let mut c = Clauses::default();
        self.phrase_clauses(words, negated, &mut c);
        let names: Vec<&str> = words.iter().map(String::as_str).collect();
        self.expand(&names, negated, &mut c);
        c.into_query()
    }

    /// A phrase in the plain, stem and cross-script stem views: the same
    /// words in order, in any inflection.
    fn phrase_clauses(&mut self, words: &[String], negated: bool, c: &mut Clauses) {
        let langs: Vec<_> = {
            let mut l: Vec<_> = words
                .iter()
                .flat_map(|w| query_langs(w).iter().copied())
                .collect();
            l.sort();
            l.dedup();
            l
        };
        for lang in langs {
            let forms: Vec<WordForms> = words
                .iter()
                .map(|w| word_forms(w, crate::analysis::word_lang(w, lang)))
                .collect();
            if !negated {
                for f in &forms {
                    self.highlight.add_forms(f);
                }
            }
            let per_view: [(View, f32, PhraseTerms); 4] = [
                (
                    View::Plain,
                    BOOST_PLAIN,
                    forms
                        .iter()
                        .enumerate()
                        .map(|(i, f)| (i, f.plain.clone()))
                        .collect(),
                ),
                (
                    // The same words in another script or romanization
                    // (`szkoro domoj` = `скоро домой`).
                    View::Xs,
                    BOOST_XS,
                    forms
                        .iter()
                        .enumerate()
                        .map(|(i, f)| (i, f.xs.clone()))
                        .collect(),
                ),
                (
                    View::Stem,
                    BOOST_STEM,
                    forms
                        .iter()
                        .enumerate()
                        .filter_map(|(i, f)| f.stems.first().map(|s| (i, s.clone())))
                        .collect(),
                ),
                (
                    View::XsStem,
                    BOOST_XS_STEM,
                    forms
                        .iter()
                        .enumerate()
                        .filter_map(|(i, f)| f.xs_stems.first().map(|s| (i, s.clone())))
                        .collect(),
                ),
            ];
            for (view, boost, terms) in per_view {
                if terms.is_empty() {
                    continue;
                }
                if let Some(q) = self.positional(view, terms, boost, c) {
                    c.should.push((Occur::Should, q));
                }
            }
        }
    }

    /// A term (one word) or phrase query over `view`, unless the same one
    /// is already among `c`.
    fn positional(
        &self,
        view: View,
        terms: PhraseTerms,
        boost: f32,
        c: &mut Clauses,
    ) -> Option<Box<dyn TQuery>> {
        if terms.len() == 1 {
            let term = terms[0].1.clone();
            if !c.seen.insert((view, term.clone())) {
                return None;
            }
            return Some(self.term_query(view, &term, boost));
        }
        if !c.phrases.insert((view, terms.clone())) {
            return None;
        }
        let base = terms[0].0;
        let q = PhraseQuery::new_with_offset(
            terms
                .iter()
                .map(|(i, t)| (i - base, self.term(view, t)))
                .collect(),
        );
        Some(Box::new(BoostQuery::new(Box::new(q), boost)))
    }

    /// Gazetteer expansion: when `words` name a place, region or transit
    /// camp of the vocabulary (`Sztálinóban`, `Донецк`, `Krivoj Rog`), its
    /// other names are searched too, with a lower weight and in every
    /// inflected form the index holds (`Сталино`, `Sztálinóba`, `Donezk`).
    fn expand(&mut self, words: &[&str], negated: bool, c: &mut Clauses) {
        let entries = self.vocab.named_by(words);
        self.expand_entries(&entries, None, negated, c);
    }

    /// Adds the names of `entries` (see [`Compiler::expand`]). A one-word
    /// alias that `query` (the typed word, if one) names itself counts
    /// fully; the other names count [`BOOST_EXPANSION`].
    fn expand_entries(
        &mut self,
        entries: &[&Entry],
        query: Option<&str>,
        negated: bool,
        c: &mut Clauses,
    ) {
        let query = query.map(lower_for_stemming);
        for entry in entries {
            for alias in &entry.aliases {
                let aw: Vec<String> = crate::analysis::words(alias)
                    .map(|w| lower_for_stemming(w.text))
                    .collect();
                let Some((last, head)) = aw.split_last() else {
                    continue;
                };
                let forms = self.inflected_forms(last);
                if head.is_empty() {
                    let own = query.as_deref().is_some_and(|q| names_word(q, last));
                    let boost = if own {
                        BOOST_PLAIN
                    } else {
                        BOOST_PLAIN * BOOST_EXPANSION
                    };
                    for (term, lower) in forms.iter().take(MAX_FORMS_PER_ALIAS) {
                        if c.seen.insert((View::Exact, term.clone())) {
                            c.should
                                .push((Occur::Should, self.term_query(View::Exact, term, boost)));
                            if !negated {
                                self.highlight.exact.insert(lower.clone());
                            }
                        }
                    }
                    continue;
                }
                // Several words: a phrase in the plain view, the last word in
                // each of its forms.
                let head: Vec<String> = head.iter().map(|w| fold_word(w)).collect();
                let mut lasts: Vec<String> = forms
                    .iter()
                    .map(|(term, _)| {
                        term.split(EXACT_SEPARATOR)
                            .next()
                            .unwrap_or_default()
                            .to_string()
                    })
                    .collect();
                lasts.dedup();
                for last in lasts.into_iter().take(MAX_FORMS_PER_ALIAS) {
                    let terms: PhraseTerms = head
                        .iter()
                        .cloned()
                        .chain(std::iter::once(last))
                        .enumerate()
                        .collect();
                    if let Some(q) = self.positional(
                        View::Plain,
                        terms.clone(),
                        BOOST_PLAIN * BOOST_EXPANSION,
                        c,
                    ) {
                        c.should.push((Occur::Should, q));
                        if !negated {
                            self.highlight
                                .plain
                                .extend(terms.into_iter().map(|(_, t)| t));
                        }
                    }
                }
            }
        }
    }

    /// The exact-view terms of the index (and their spelling) that are
    /// `alias_word` or one of its inflected forms, by the rules of
    /// [`crate::vocab::names_word`]: listed by the folded beginning of the
    /// name, checked on the spelling, so that `kazánban` is not a form of
    /// `Kazan` while `Sztalinoba` (typed without accents) is one of
    /// `Sztálinó`.
    fn inflected_forms(&self, alias_word: &str) -> Vec<(String, String)> {
        let prefix = inflection_prefix(alias_word);
        let mut upper = prefix.as_bytes().to_vec();
        upper.push(0xFF);
        let mut out: Vec<(String, String)> = Vec::new();
        for reader in self.searcher.segment_readers() {
            let Ok(inverted) = reader.inverted_index(self.field_of(View::Exact)) else {
                continue;
            };
            let Ok(mut stream) = inverted
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .lt(&upper)
                .into_stream()
            else {
                continue;
            };
            while stream.advance() {
                let Ok(term) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                let Some((_, lower)) = term.split_once(EXACT_SEPARATOR) else {
                    continue;
                };
                if !out.iter().any(|(t, _)| t == term) && names_word(lower, alias_word) {
                    out.push((term.to_string(), lower.to_string()));
                }
            }
        }
        out.sort();
        out
    }

    /// If the words at the start of `parts` (at least two, typed without
    /// quotes) name a multi-word place (`Krivoj Rog`), the query for them:
    /// all the words, or any name of the place. Returns how many parts it
    /// covers.
    fn name_run(&mut self, parts: &[Query], negated: bool) -> Option<(usize, Box<dyn TQuery>)> {
        let plain_words: Vec<&str> = parts
            .iter()
            .take(self.vocab.max_name_words())
            .map_while(|p| match p {
                Query::Word(w) if !w.prefix && w.fuzzy.is_none() => Some(w.text.as_str()),
                _ => None,
            })
            .collect();
        for len in (2..=plain_words.len()).rev() {
            let run = &plain_words[..len];
            if self.vocab.named_by(run).is_empty() {
                continue;
            }
            let mut all: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
            for p in &parts[..len] {
                if let Ok(q) = self.compile(p, negated) {
                    all.push((Occur::Must, q));
                }
            }
            let mut c = Clauses::default();
            c.should
                .push((Occur::Should, Box::new(BooleanQuery::new(all))));
            self.expand(run, negated, &mut c);
            return Some((len, c.into_query()));
        }
        None
    }

    /// `field:value` filters; they do not change scores.
    pub fn field(&mut self, field: &str, value: &str) -> Result<Box<dyn TQuery>, QueryError> {
        let err = |message: String| QueryError { column: 1, message };
        let q: Box<dyn TQuery> = match field {
            "region" | "place" | "wave" | "transit" | "transit_camp" => {
                let facets: &[Facet] = match field {
                    "region" => &[Facet::Region, Facet::Place],
                    "place" => &[Facet::Place, Facet::Region],
                    "wave" => &[Facet::Wave],
                    _ => &[Facet::TransitCamp],
                };
                let entry = self
                    .vocab
                    .resolve(facets, value)
                    .map_err(|e| err(e.to_string()))?;
                let path = TFacet::from_text(&self.vocab.facet_path(entry))
                    .map_err(|e| err(e.to_string()))?;
                let f = if self.suggested {
                    self.fields.tags_suggested
                } else {
                    self.fields.tags
                };
                Box::new(TermQuery::new(
                    Term::from_facet(f, &path),
                    IndexRecordOption::Basic,
                ))
            }
            "lang" => {
                let code = crate::lang::normalize_code(value)
                    .map(crate::lang::Lang::for_code)
                    .or_else(|| crate::lang::Lang::from_code(value))
                    .ok_or_else(|| {
                        err(format!(
                            "unknown language {value:?} (use hu, ru, de or other)"
                        ))
                    })?;
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.lang, code.code()),
                    IndexRecordOption::Basic,
                ))
            }
            "speaker" => Box::new(TermQuery::new(
                Term::from_field_text(self.fields.speaker, &value.to_lowercase()),
                IndexRecordOption::Basic,
            )),
            "id" => Box::new(TermQuery::new(
                Term::from_field_text(self.fields.tid, value),
                IndexRecordOption::Basic,
            )),
            other => return Err(err(format!("unknown field `{other}:`"))),
        };
        Ok(Box::new(tantivy::query::ConstScoreQuery::new(q, 0.0)))
    }
}
