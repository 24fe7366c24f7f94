//! A per-thread memo of [`word_forms`]: running text repeats its words
//! (a few hundred forms make up half of any transcript), and the forms of a
//! word depend on nothing but the word and its language, so indexing,
//! snippets and queries compute each form once per thread.
//!
//! Bounded: when a thread has seen [`MEMO_LIMIT`] distinct words, its memo
//! starts over, so memory stays flat however large the archive.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::{WordForms, word_forms};
use crate::hash::FxBuildHasher;
use crate::lang::Lang;

/// Distinct words remembered per thread (about 10 MB).
pub const MEMO_LIMIT: usize = 50_000;

type Map = HashMap<Box<str>, Rc<WordForms>, FxBuildHasher>;

#[derive(Default)]
struct Memo {
    by_lang: [Map; 4],
    len: usize,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Hu => 0,
        Lang::Ru => 1,
        Lang::De => 2,
        Lang::Other => 3,
    }
}

/// [`word_forms`]`(word, lang)`, remembered per thread.
pub fn cached_word_forms(word: &str, lang: Lang) -> Rc<WordForms> {
    let hit = MEMO.with(|m| m.borrow().by_lang[slot(lang)].get(word).cloned());
    if let Some(forms) = hit {
        return forms;
    }
    let forms = Rc::new(word_forms(word, lang));
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len >= MEMO_LIMIT {
            for map in &mut m.by_lang {
                map.clear();
            }
            m.len = 0;
        }
        m.len += 1;
        m.by_lang[slot(lang)].insert(word.into(), Rc::clone(&forms));
    });
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memo_returns_what_word_forms_computes() {
        for (w, lang) in [
            ("táborban", Lang::Hu),
            ("лагере", Lang::Ru),
            ("Lagern", Lang::De),
            ("és", Lang::Hu),
            ("1945", Lang::Other),
        ] {
            assert_eq!(*cached_word_forms(w, lang), word_forms(w, lang));
            assert_eq!(
                *cached_word_forms(w, lang),
                word_forms(w, lang),
                "second call"
            );
        }
        // The same text in another language is another entry.
        assert_ne!(
            cached_word_forms("táborban", Lang::Hu).stems,
            cached_word_forms("táborban", Lang::Other).stems
        );
    }

    #[test]
    fn memo_stays_bounded() {
        for i in 0..MEMO_LIMIT + 10 {
            cached_word_forms(&format!("szó{i}"), Lang::Hu);
        }
        MEMO.with(|m| assert!(m.borrow().len <= MEMO_LIMIT));
        assert_eq!(
            *cached_word_forms("szó3", Lang::Hu),
            word_forms("szó3", Lang::Hu)
        );
    }
}
