//! Tantivy tokenizers for the four analysed views.
//!
//! A view field holds the segment's text behind its language code
//! (`hu\u{1F}Elvittek a táborba…`); the tokenizer of the view runs tanu's
//! analysis on it — [`words`], [`word_lang`] and the memoised
//! [`cached_word_forms`] — and yields exactly the terms and positions of
//! [`crate::analysis::analyze`] for that view. Analysis thus runs in
//! Tantivy's indexing threads, beside the postings it feeds, instead of
//! in the thread that reads SQLite; and no token list is serialised
//! between the two (Tantivy stores a pre-tokenized value as JSON).

use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

use crate::analysis::{View, Word, cached_word_forms, word_lang, words};
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
    }
}

/// Registers the four view tokenizers on an index.
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

pub(super) struct ViewStream<'a> {
    view: View,
    lang: Lang,
    words: Vec<Word<'a>>,
    next_word: usize,
    /// Terms of the current word not yet yielded (a word can have two
    /// stems), last first.
    pending: Vec<String>,
    token: Token,
}

impl Tokenizer for ViewTokenizer {
    type TokenStream<'a> = ViewStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ViewStream<'a> {
        let (lang, body) = match text.split_once(SEPARATOR) {
            Some((code, body)) => (Lang::from_code(code).unwrap_or(Lang::Other), body),
            None => (Lang::Other, text),
        };
        ViewStream {
            view: self.view,
            lang,
            words: words(body).collect(),
            next_word: 0,
            pending: Vec::new(),
            token: Token::default(),
        }
    }
}

impl TokenStream for ViewStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some(term) = self.pending.pop() {
                self.token.text.clear();
                self.token.text.push_str(&term);
                return true;
            }
            let Some(w) = self.words.get(self.next_word).copied() else {
                return false;
            };
            self.next_word += 1;
            let forms = cached_word_forms(w.text, word_lang(w.text, self.lang));
            self.token.offset_from = w.start;
            self.token.offset_to = w.end;
            self.token.position = w.position;
            self.token.position_length = 1;
            match self.view {
                View::Plain => self.pending.push(forms.plain.clone()),
                View::Xs => self.pending.push(forms.xs.clone()),
                View::Stem => self.pending.extend(forms.stems.iter().rev().cloned()),
                View::XsStem => self.pending.extend(forms.xs_stems.iter().rev().cloned()),
            }
        }
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
