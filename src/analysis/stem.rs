//! Snowball stemmers (the `frostem` crate, pinned to an exact version in
//! `Cargo.toml`: a changed stemmer silently changes index terms).

use std::sync::OnceLock;

use frostem::{Algorithm, Stemmer};

use crate::lang::Lang;

struct Stemmers {
    hu: Stemmer,
    ru: Stemmer,
    de: Stemmer,
}

fn stemmers() -> &'static Stemmers {
    static S: OnceLock<Stemmers> = OnceLock::new();
    S.get_or_init(|| Stemmers {
        hu: Stemmer::new(Algorithm::Hungarian),
        ru: Stemmer::new(Algorithm::Russian),
        de: Stemmer::new(Algorithm::German),
    })
}

/// Stems a lower-cased word in `lang`; other languages are returned as is.
/// Words shorter than three letters and numbers are never stemmed.
pub fn stem_word(lower: &str, lang: Lang) -> String {
    if lower.chars().count() < 3 || lower.chars().any(|c| c.is_ascii_digit()) {
        return lower.to_string();
    }
    let s = stemmers();
    let stemmed = match lang {
        Lang::Hu => s.hu.stem(lower),
        Lang::Ru => s.ru.stem(lower),
        Lang::De => s.de.stem(lower),
        Lang::Other => return lower.to_string(),
    };
    if stemmed.is_empty() {
        lower.to_string()
    } else {
        stemmed.into_owned()
    }
}
