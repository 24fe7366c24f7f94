//! Case and accent folding, and look-alike letters across scripts.

use std::borrow::Cow;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::decode::{Script, script_of};

/// Lower-cases a word for the stemmers: removes stress marks (U+0301) and
/// other combining marks that are not part of a letter, turns ё into е, and
/// replaces look-alike letters from the other script (a Latin `o` inside a
/// Cyrillic word, a Cyrillic `а` inside a Latin word).
pub fn lower_for_stemming(word: &str) -> String {
    let fixed = fix_mixed_script(word);
    let mut out = String::with_capacity(fixed.len());
    for c in fixed.chars() {
        if is_combining_mark(c) {
            continue;
        }
        for l in c.to_lowercase() {
            out.push(if l == 'ё' { 'е' } else { l });
        }
    }
    out
}

/// Folds one lower-cased word: accents removed from Latin letters (á → a,
/// ő → o), Cyrillic ё → е and stress marks removed; й and other Cyrillic
/// letters kept.
pub fn fold_word(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        match c {
            'й' | 'ї' => out.push(c),
            'ё' => out.push('е'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ø' => out.push('o'),
            'ł' => out.push('l'),
            'đ' => out.push('d'),
            c if is_combining_mark(c) => {}
            c if c.is_ascii() => out.push(c),
            c => {
                let mut base = None;
                decompose_canonical(c, |d| {
                    if base.is_none() && !is_combining_mark(d) {
                        base = Some(d);
                    }
                });
                out.push(base.unwrap_or(c));
            }
        }
    }
    out
}

/// Lower-cases and folds any text (used for identifiers, alias matching and
/// comparisons). Look-alike letters are fixed word by word.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        out.push_str(&fold_word(&lower_for_stemming(word)));
    }
    out
}

const LATIN_TO_CYRILLIC: &[(char, char)] = &[
    ('a', 'а'),
    ('c', 'с'),
    ('e', 'е'),
    ('o', 'о'),
    ('p', 'р'),
    ('x', 'х'),
    ('y', 'у'),
    ('k', 'к'),
    ('A', 'А'),
    ('B', 'В'),
    ('C', 'С'),
    ('E', 'Е'),
    ('H', 'Н'),
    ('K', 'К'),
    ('M', 'М'),
    ('O', 'О'),
    ('P', 'Р'),
    ('T', 'Т'),
    ('X', 'Х'),
    ('Y', 'У'),
];

/// Replaces letters of the minority script in a mixed-script word by their
/// look-alikes in the majority script. Words in one script are returned
/// unchanged.
pub fn fix_mixed_script(word: &str) -> Cow<'_, str> {
    let (mut lat, mut cyr) = (0usize, 0usize);
    for c in word.chars() {
        match script_of(c) {
            Script::Latin => lat += 1,
            Script::Cyrillic => cyr += 1,
            Script::Other => {}
        }
    }
    if lat == 0 || cyr == 0 {
        return Cow::Borrowed(word);
    }
    let to_cyrillic = cyr >= lat;
    Cow::Owned(
        word.chars()
            .map(|c| {
                let pair = if to_cyrillic {
                    LATIN_TO_CYRILLIC
                        .iter()
                        .find(|(l, _)| *l == c)
                        .map(|(_, k)| *k)
                } else {
                    LATIN_TO_CYRILLIC
                        .iter()
                        .find(|(_, k)| *k == c)
                        .map(|(l, _)| *l)
                };
                pair.unwrap_or(c)
            })
            .collect(),
    )
}

/// Does the word mix Latin and Cyrillic letters?
pub fn is_mixed_script(word: &str) -> bool {
    matches!(fix_mixed_script(word), Cow::Owned(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold_word("háborúból"), "haborubol");
        assert_eq!(fold_word("őrök"), "orok");
        assert_eq!(fold_word("focșani"), "focsani");
        assert_eq!(fold_word("focşani"), "focsani");
        assert_eq!(fold_word("ёлка"), "елка");
        assert_eq!(fold_word("мой"), "мой");
        assert_eq!(fold("Sztálinó, ŐSZ"), "sztalino, osz");
    }

    #[test]
    fn stress_and_yo() {
        assert_eq!(lower_for_stemming("Фокша\u{301}ны"), "фокшаны");
        assert_eq!(lower_for_stemming("Всё"), "все");
    }

    #[test]
    fn look_alikes() {
        // Latin o and a inside a Cyrillic word.
        assert_eq!(fix_mixed_script("Cтaлинo"), "Сталино");
        // Cyrillic о inside a Latin word.
        assert_eq!(
            fix_mixed_script("Foksány".replace('o', "о").as_str()),
            "Foksány"
        );
        assert!(!is_mixed_script("Сталино"));
        assert!(is_mixed_script("Cтaлинo"));
    }
}
