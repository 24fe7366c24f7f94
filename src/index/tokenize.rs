//! Tantivy tokenizers for the five analysed views.
//!
//! A view field holds the segment's text behind its language code
//! (`hu\u{1F}Elvittek a táborba…`); the tokenizer of the view runs tanu's
//! analysis on it — [`words`], [`word_lang`] and the memoised
//! [`cached_word_forms`] — and yields exactly the terms and positions of
//! [`crate::analysis::analyze`] for that view. Analysis thus runs in
//! Tantivy's indexing threads, beside the postings it feeds, instead of
//! in the thread that reads SQLite; and no token list is serialised
//! between the two (Tantivy stores a pre-tokenized value as JSON). The
//! view fields of a segment are analysed once.

use std::cell::RefCell;
use std::rc::Rc;

use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

use crate::analysis::{View, WordForms, cached_word_forms, word_lang, words};
use crate::lang::Lang;

/// Separates the language code from the text in a view field.
const SEPARATOR: char = '\u{1F}';

/// The value of a view field for a segment's text in `lang`.
pub(super) fn field_text(lang: Lang, text: &str) -> String {
    let code = lang.code();
    let mut s = String::with_capacity(code.len() + 1 + text.len());
    s.push_str(code);
    s.push(SEPARATOR);
    s.push_str(text);
    s
}

/// The tokenizer name of a view's field.
pub(super) fn name(view: View) -> &'static str {
    match view {
        View::Stem => "tanu-stem",
        View::Plain => "tanu-plain",
        View::Xs => "tanu-xs",
        View::XsStem => "tanu-xs-stem",
        View::Exact => "tanu-exact",
    }
}

/// Registers the view tokenizers on an index.
pub(super) fn register(index: &tantivy::Index) {
    for view in View::ALL {
        index
            .tokenizers()
            .register(name(view), TextAnalyzer::from(ViewTokenizer { view }));
    }
}

/// Yields the terms of one view.
#[derive(Clone)]
pub(super) struct ViewTokenizer {
    view: View,
}

/// A word of a segment: byte span, position and forms.
type Analysed = Vec<(usize, usize, usize, Rc<WordForms>)>;

thread_local! {
    /// The field value last analysed in this thread and its words: Tantivy
    /// tokenizes the four view fields of a document one after the other,
    /// and they hold the same value, so three of four analyses are reused.
    static LAST: RefCell<(String, Rc<Analysed>)> = RefCell::default();
}

fn analysed(value: &str) -> Rc<Analysed> {
    if let Some(hit) = LAST.with(|l| {
        let l = l.borrow();
        (l.0 == value).then(|| Rc::clone(&l.1))
    }) {
        return hit;
    }
    let (lang, body) = match value.split_once(SEPARATOR) {
        Some((code, body)) => (Lang::from_code(code).unwrap_or(Lang::Other), body),
        None => (Lang::Other, value),
    };
    let words: Rc<Analysed> = Rc::new(
        words(body)
            .map(|w| {
                let forms = cached_word_forms(w.text, word_lang(w.text, lang));
                (w.start, w.end, w.position, forms)
            })
            .collect(),
    );
    LAST.with(|l| {
        let mut l = l.borrow_mut();
        l.0.clear();
        l.0.push_str(value);
        l.1 = Rc::clone(&words);
    });
    words
}

pub(super) struct ViewStream {
    view: View,
    words: Rc<Analysed>,
    next_word: usize,
    /// Index of the next term of the current word (a word can have two
    /// stems, or none).
    next_term: usize,
    token: Token,
}

impl Tokenizer for ViewTokenizer {
    type TokenStream<'a> = ViewStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ViewStream {
        ViewStream {
            view: self.view,
            words: analysed(text),
            next_word: 0,
            next_term: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for ViewStream {
    fn advance(&mut self) -> bool {
        while let Some((start, end, position, forms)) = self.words.get(self.next_word) {
            let terms: &[String] = match self.view {
                View::Plain => std::slice::from_ref(&forms.plain),
                View::Xs => std::slice::from_ref(&forms.xs),
                View::Stem => &forms.stems,
                View::XsStem => &forms.xs_stems,
                View::Exact => std::slice::from_ref(&forms.exact),
            };
            if let Some(term) = terms.get(self.next_term) {
                self.next_term += 1;
                self.token.text.clear();
                self.token.text.push_str(term);
                self.token.offset_from = *start;
                self.token.offset_to = *end;
                self.token.position = *position;
                self.token.position_length = 1;
                return true;
            }
            self.next_word += 1;
            self.next_term = 0;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn tokens(view: View, lang: Lang, text: &str) -> Vec<(String, usize)> {
        let mut t = ViewTokenizer { view };
        let value = field_text(lang, text);
        let mut stream = t.token_stream(&value);
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().text.clone(), stream.token().position));
        }
        out
    }

    #[test]
    fn tokens_are_the_terms_of_analyze() {
        for (lang, text) in [
            (
                Lang::Hu,
                "Elvittek a táborba, és ott a háborúban Sztálinóban dolgoztunk.",
            ),
            (
                Lang::Ru,
                "Нас забрали в лагерь, потом на шахту в Сталино; Фокша\u{301}ны.",
            ),
            (Lang::De, "Wir wurden ins Lager gebracht, nach Stalino."),
            (Lang::Hu, "Foksányba vittek (Фокшаны), 1945-ben a és az"),
            (Lang::Other, "\u{301} x ZZ"),
            (Lang::Hu, ""),
        ] {
            let a = analyze(text, lang);
            for view in View::ALL {
                let expected: Vec<(String, usize)> = a
                    .view(view)
                    .iter()
                    .map(|t| (t.text.clone(), t.position))
                    .collect();
                assert_eq!(tokens(view, lang, text), expected, "{view:?} {text}");
            }
        }
    }
}
