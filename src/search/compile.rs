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
use crate::analysis::{View, WordForms, fold_word, query_langs, word_forms, xs_key};
use crate::index::Fields;
use crate::vocab::{Facet, Vocabulary};

/// Weights of the views in a word query: an exact (plain) form counts most,
/// then the stem, then the cross-script keys.
const BOOST_PLAIN: f32 = 1.5;
const BOOST_STEM: f32 = 1.0;
const BOOST_XS: f32 = 0.6;
const BOOST_XS_STEM: f32 = 0.4;

/// The terms of a phrase in one view, with their word offsets.
type PhraseTerms = Vec<(usize, String)>;

/// What a query looks for, for highlighting passages.
#[derive(Debug, Default, Clone)]
pub struct Highlighter {
    pub(super) plain: HashSet<String>,
    pub(super) stems: HashSet<String>,
    pub(super) xs: HashSet<String>,
    pub(super) xs_stems: HashSet<String>,
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
        self.plain.is_empty() && self.prefixes.is_empty() && self.fuzzy.is_empty()
    }
}

/// How a prefix or fuzzy word is expanded into index terms.
enum Expansion<'t> {
    Prefix(&'t str),
    Fuzzy(&'t str, u8),
}

/// At most this many index terms stand for one prefix or fuzzy word (the
/// most frequent ones), so that `a*` cannot make a query explode.
pub const MAX_EXPANSIONS: usize = 64;

pub(super) struct Compiler<'a> {
    pub fields: &'a Fields,
    pub searcher: &'a tantivy::Searcher,
    pub vocab: &'a Vocabulary,
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
            Query::And(parts) => {
                let mut clauses = Vec::new();
                let mut positive = false;
                for p in parts {
                    match p {
                        Query::Not(inner) => {
                            clauses.push((Occur::MustNot, self.compile(inner, !negated)?))
                        }
                        other => {
                            positive = true;
                            clauses.push((Occur::Must, self.compile(other, negated)?));
                        }
                    }
                }
                if !positive {
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Box::new(BooleanQuery::new(clauses))
            }
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

    fn term(&self, view: View, text: &str) -> Term {
        Term::from_field_text(self.fields.view(view), text)
    }

    fn term_query(&self, view: View, text: &str, boost: f32) -> Box<dyn TQuery> {
        let q = TermQuery::new(self.term(view, text), IndexRecordOption::WithFreqs);
        Box::new(BoostQuery::new(Box::new(q), boost))
    }

    fn word(&mut self, w: &WordQuery, negated: bool) -> Box<dyn TQuery> {
        let mut should: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
        let lower = w.text.to_lowercase();
        if w.prefix {
            let plain = fold_word(&lower);
            let key = xs_key(&lower);
            should.extend(self.expanded(View::Plain, Expansion::Prefix(&plain), BOOST_PLAIN));
            if key.chars().count() >= 2 {
                should.extend(self.expanded(View::Xs, Expansion::Prefix(&key), BOOST_XS));
            }
            if !negated {
                self.highlight.prefixes.push((plain, key));
            }
            return Box::new(BooleanQuery::new(should));
        }
        let mut seen: HashSet<(View, String)> = HashSet::new();
        for &lang in query_langs(&w.text) {
            let forms = word_forms(&w.text, lang);
            if let Some(d) = w.fuzzy {
                let views = [
                    (View::Plain, forms.plain.clone(), BOOST_PLAIN),
                    (View::Xs, forms.xs.clone(), BOOST_XS),
                ]
                .into_iter()
                .chain(
                    forms
                        .stems
                        .iter()
                        .map(|s| (View::Stem, s.clone(), BOOST_STEM)),
                );
                for (view, text, boost) in views {
                    if seen.insert((view, text.clone())) {
                        should.extend(self.expanded(view, Expansion::Fuzzy(&text, d), boost));
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
                for (view, text, boost) in views {
                    if !text.is_empty() && seen.insert((view, text.clone())) {
                        should.push((Occur::Should, self.term_query(view, &text, boost)));
                    }
                }
            }
            if !negated {
                self.highlight.add_forms(&forms);
            }
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
        let field = self.fields.view(view);
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
                    let Ok(automaton) =
                        FuzzyTermQuery::new(self.term(view, t), d, true).automaton()
                    else {
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
            .map(|text| (Occur::Should, self.term_query(view, &text, boost)))
            .collect()
    }

    fn phrase(&mut self, words: &[String], negated: bool) -> Box<dyn TQuery> {
        let mut alternatives: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
        let langs: Vec<_> = {
            let mut l: Vec<_> = words
                .iter()
                .flat_map(|w| query_langs(w).iter().copied())
                .collect();
            l.sort();
            l.dedup();
            l
        };
        let mut seen: HashSet<(View, Vec<(usize, String)>)> = HashSet::new();
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
            let per_view: [(View, f32, PhraseTerms); 3] = [
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
                if terms.is_empty() || !seen.insert((view, terms.clone())) {
                    continue;
                }
                let q: Box<dyn TQuery> = if terms.len() == 1 {
                    Box::new(TermQuery::new(
                        self.term(view, &terms[0].1),
                        IndexRecordOption::WithFreqs,
                    ))
                } else {
                    let base = terms[0].0;
                    Box::new(PhraseQuery::new_with_offset(
                        terms
                            .iter()
                            .map(|(i, t)| (i - base, self.term(view, t)))
                            .collect(),
                    ))
                };
                alternatives.push((Occur::Should, Box::new(BoostQuery::new(q, boost))));
            }
        }
        if alternatives.is_empty() {
            return Box::new(EmptyQuery);
        }
        Box::new(BooleanQuery::new(alternatives))
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
