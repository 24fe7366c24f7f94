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

/// Case endings whose accent typewriters and phones drop (`Felvidekrol`,
/// `pincebol`); the Hungarian stemmer only knows them accented. Snowball
/// does not check vowel harmony, so the back-vowel form serves for both.
const UNACCENTED_ENDINGS: &[(&str, &str)] = &[
    ("kent", "ként"),
    ("rol", "ról"),
    ("tol", "tól"),
    ("bol", "ból"),
    ("nal", "nál"),
    ("nel", "nél"),
    ("ert", "ért"),
];

/// A Hungarian word written without accents, with its case ending
/// accented again (`felvidekrol` → `felvidekról`), when it ends in one.
pub fn reaccent_hungarian_ending(plain: &str) -> Option<String> {
    UNACCENTED_ENDINGS.iter().find_map(|(bare, accented)| {
        let head = plain.strip_suffix(bare)?;
        (head.chars().count() >= 3).then(|| format!("{head}{accented}"))
    })
}

/// Endings of Hungarian verbs in the past tense (`-t`/`-tt` and a personal
/// ending) and in the definite present (`-ják`, `-juk`), accent-folded so
/// that `-ták` and `-tak` are one, longest first. The Hungarian Snowball
/// stemmer removes noun endings only: `összeírtak`, `összeírták` and
/// `összeírják` keep three different stems, `hazatértünk` and `hazatérők`
/// two. Singular third persons (`-ta`, `-ott`) and bare `-t` are left out:
/// too many nouns end in them (`pilóta`, `helyett`, `út`).
const VERB_ENDINGS: &[&str] = &[
    "ttatok", "ttetek", "tatok", "tetek", "ttunk", "tunk", "ttuk", "tuk", "ttak", "ttek", "tak",
    "tek", "ttam", "ttem", "tam", "tem", "jak", "juk",
];

/// The stem of a folded Hungarian word read as a conjugated verb
/// (`osszeirtak` → `osszeir`, `hazatertunk` → `hazater`, `hallottak` →
/// `hallo`), when it ends in a verb ending and at least five letters are
/// left; `None` otherwise (`vittek`, `egyetem`, `halottak`: too short to
/// tell a verb from a noun).
pub fn hungarian_verb_stem(plain: &str) -> Option<String> {
    let ending = VERB_ENDINGS.iter().find(|e| plain.ends_with(*e))?;
    let head = &plain[..plain.len() - ending.len()];
    (head.chars().count() >= 5).then(|| head.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unaccented_endings_stem_like_accented_ones() {
        for (unaccented, accented) in [
            ("felvidekrol", "felvideken"),
            ("budaorsrol", "budaorson"),
            ("pincebol", "pincebe"),
            ("lagerbol", "lagerben"),
            ("kozseghazanal", "kozseghazan"),
        ] {
            let re = reaccent_hungarian_ending(unaccented).unwrap();
            assert_eq!(
                stem_word(&re, Lang::Hu),
                stem_word(accented, Lang::Hu),
                "{unaccented} → {re}"
            );
        }
        assert_eq!(reaccent_hungarian_ending("tabor"), None);
        assert_eq!(reaccent_hungarian_ending("bol"), None);
    }

    #[test]
    fn conjugated_verbs_meet_at_their_stem() {
        for (a, b) in [
            ("osszeirtak", "osszeirjak"),
            ("osszeirtak", "osszeirtuk"),
            ("hazatertunk", "hazatertek"),
            ("hallottam", "hallottak"),
            ("kitelepitettek", "kitelepitettuk"),
            ("elmondtak", "elmondjuk"),
        ] {
            let (sa, sb) = (hungarian_verb_stem(a), hungarian_verb_stem(b));
            assert!(sa.is_some() && sa == sb, "{a} {sa:?} / {b} {sb:?}");
        }
        assert_eq!(
            hungarian_verb_stem("hazatertunk").as_deref(),
            Some("hazater")
        );
        // Too short to be told from a noun, or no verb ending.
        for w in [
            "vittek", "kertek", "hetek", "egyetem", "halottak", "mondtak", "tabor", "vagonban",
            "tak",
        ] {
            assert_eq!(hungarian_verb_stem(w), None, "{w}");
        }
    }
}
