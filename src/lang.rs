//! Languages: the codes tanu knows and per-segment language detection.
//!
//! A testimony may mix languages segment by segment (a Russian-speaking
//! interviewer, a Hungarian narrator). Each segment's language is detected
//! from its text — script first (Cyrillic is Russian for search purposes),
//! then Hungarian/German/other by function words and letters — with the
//! header's language (or the previous segment's) as the prior that decides
//! short or ambiguous segments ("Igen.", "Да.", "1945").

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::decode::{Script, script_of};
use crate::hash::FxBuildHasher;

/// A language tanu analyses. Text in other languages is indexed unstemmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Hungarian.
    Hu,
    /// Russian (also used for Ukrainian and Belarusian text).
    Ru,
    /// German.
    De,
    /// Anything else.
    Other,
}

impl Lang {
    /// Every language, in the order facets list them.
    pub const ALL: [Lang; 4] = [Lang::Hu, Lang::Ru, Lang::De, Lang::Other];

    /// The ISO 639-1 code (`other` for [`Lang::Other`]).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Hu => "hu",
            Lang::Ru => "ru",
            Lang::De => "de",
            Lang::Other => "other",
        }
    }

    /// Parses a code as stored (`hu`, `ru`, `de`, `other`).
    pub fn from_code(code: &str) -> Option<Lang> {
        Some(match code {
            "hu" => Lang::Hu,
            "ru" => Lang::Ru,
            "de" => Lang::De,
            "other" => Lang::Other,
            _ => return None,
        })
    }

    /// The analysing language for a header language code (`uk` and `be`
    /// are analysed as Russian).
    pub fn for_code(code: &str) -> Lang {
        match code {
            "hu" => Lang::Hu,
            "ru" | "uk" | "be" => Lang::Ru,
            "de" => Lang::De,
            _ => Lang::Other,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Normalizes a language as written in a header (`hu`, `HUN`, `magyar`,
/// `Hungarian`, `русский`, …) to a code, or `None` if unknown.
pub fn normalize_code(value: &str) -> Option<&'static str> {
    let v = value.trim().to_lowercase();
    Some(match v.as_str() {
        "hu" | "hun" | "hungarian" | "magyar" | "венгерский" | "ungarisch" => "hu",
        "ru" | "rus" | "russian" | "orosz" | "русский" | "russisch" => "ru",
        "de" | "deu" | "ger" | "german" | "német" | "nemet" | "немецкий" | "deutsch" => {
            "de"
        }
        "uk" | "ukr" | "ukrainian" | "ukrán" | "ukran" | "украинский" | "українська" => {
            "uk"
        }
        "ro" | "ron" | "rum" | "romanian" | "román" | "roman" | "румынский" | "română" => {
            "ro"
        }
        "en" | "eng" | "english" | "angol" | "английский" | "englisch" => "en",
        "be" | "bel" | "belarusian" | "belorusz" | "белорусский" => "be",
        "sk" | "slk" | "slovak" | "szlovák" | "szlovak" => "sk",
        _ => return None,
    })
}

const HU_WORDS: &[&str] = &[
    "a", "az", "és", "hogy", "nem", "is", "egy", "volt", "meg", "de", "csak", "már", "ott",
    "akkor", "mert", "ami", "aki", "van", "sem", "itt", "mi", "én", "ők", "mint", "után", "minket",
    "nekünk", "igen", "aztán", "hát", "vagy", "még", "úgy", "nagyon", "ez", "azt", "el", "ki",
    "be", "fel", "le", "oda", "voltunk", "mondta", "mikor", "amikor", "hol", "hova", "ahol",
    "nincs", "mindig", "sok", "kellett", "lett",
];
const DE_WORDS: &[&str] = &[
    "und", "die", "der", "das", "nicht", "ich", "wir", "ist", "war", "mit", "auf", "sie", "es",
    "ein", "eine", "zu", "den", "dem", "auch", "uns", "wurde", "wurden", "nach", "hat", "haben",
    "von", "mein", "meine", "ja", "waren", "hatten", "man", "aber", "noch", "dann", "so", "wo",
    "wie", "im", "zum", "zur", "sind", "mussten",
];
const EN_WORDS: &[&str] = &[
    "the", "and", "was", "were", "of", "to", "we", "they", "that", "with", "for", "is", "it", "my",
    "our", "had", "have", "this", "from", "there", "what", "when", "where", "who",
];
/// Function words of languages tanu does not analyse (Spanish, Italian,
/// French, Portuguese, Romanian, Polish, Slovak), without those that are
/// also Hungarian (`a`, `de`, `el`, `mi`, `le`, accentless `en`): text in
/// them is `other`, not Hungarian stemmed wrongly. Letters of those
/// languages (ñ, ç, ł, ř…) count too, but not õ and û, the stand-ins of
/// ő and ű in Hungarian text from Latin-1 code pages, nor Romanian ș, ț,
/// ă, which Hungarian testimonies write in place names.
const OTHER_WORDS: &[&str] = &[
    "que", "la", "los", "las", "y", "del", "por", "con", "para", "una", "un", "su", "nos", "pero",
    "como", "fue", "era", "eran", "estaba", "cuando", "donde", "también", "muy", "porque", "sin",
    "hasta", "desde", "nosotros", "ellos", "había", "años", "lo", "il", "che", "di", "della",
    "non", "sono", "per", "nel", "gli", "questo", "anche", "les", "des", "est", "qui", "pas",
    "nous", "dans", "avec", "pour", "une", "était", "ils", "não", "com", "uma", "os", "foi", "și",
    "în", "că", "este", "cu", "din", "care", "fost", "się", "nie", "jest", "że", "był", "było",
    "sa", "som", "sme", "bol", "boli",
];

/// The function-word lists as sets (looked up for every word of a text).
fn word_sets() -> &'static [HashSet<&'static str, FxBuildHasher>; 4] {
    static SETS: OnceLock<[HashSet<&'static str, FxBuildHasher>; 4]> = OnceLock::new();
    SETS.get_or_init(|| {
        [HU_WORDS, DE_WORDS, EN_WORDS, OTHER_WORDS].map(|list| list.iter().copied().collect())
    })
}

/// Detects the language of `text`, falling back to `prior` when the text
/// is too short or too ambiguous to tell.
pub fn detect(text: &str, prior: Option<Lang>) -> Lang {
    let (mut latin, mut cyrillic) = (0usize, 0usize);
    let (mut hu, mut de, mut en) = (0.0f64, 0.0f64, 0.0f64);
    let mut words = 0usize;
    for c in text.chars() {
        match script_of(c) {
            Script::Latin => {
                latin += 1;
                match c {
                    'ő' | 'ű' | 'Ő' | 'Ű' => hu += 2.0,
                    'á' | 'é' | 'í' | 'ó' | 'ú' | 'Á' | 'É' | 'Í' | 'Ó' | 'Ú' => {
                        hu += 0.5
                    }
                    'ä' | 'ß' | 'Ä' => de += 2.0,
                    'ñ' | 'Ñ' | 'ç' | 'ã' | 'ł' | 'ř' | 'ě' | 'è' | 'à' | 'ò' | 'ê' => {
                        en += 2.0
                    }
                    _ => {}
                }
            }
            Script::Cyrillic => cyrillic += 1,
            Script::Other => {
                if matches!(c, '¿' | '¡') {
                    en += 2.0;
                }
            }
        }
    }
    if cyrillic > latin && cyrillic >= 2 {
        return Lang::Ru;
    }
    if latin < 2 {
        return prior.unwrap_or(Lang::Other);
    }
    let [hu_words, de_words, en_words, other_words] = word_sets();
    let mut w = String::new();
    for word in text
        .split(|c: char| !crate::decode::is_alphabetic(c))
        .filter(|w| !w.is_empty())
    {
        words += 1;
        w.clear();
        if word.contains('Σ') {
            // str::to_lowercase knows the final sigma.
            w.push_str(&word.to_lowercase());
        } else {
            for c in word.chars() {
                match crate::decode::lower_simple(c) {
                    Some(l) => w.push(l),
                    None => w.extend(c.to_lowercase()),
                }
            }
        }
        if hu_words.contains(w.as_str()) {
            hu += 1.0;
        }
        if de_words.contains(w.as_str()) {
            de += 1.0;
        }
        if en_words.contains(w.as_str()) || other_words.contains(w.as_str()) {
            en += 1.0;
        }
        // One pass over the byte pairs instead of nine substring searches
        // (all the patterns are ASCII, so bytes match where chars would).
        let b = w.as_bytes();
        let (mut hu_pair, mut de_pair) = (false, false);
        for (i, pair) in b.windows(2).enumerate() {
            match pair {
                b"sz" | b"gy" | b"cs" | b"zs" | b"ny" => hu_pair = true,
                b"ei" | b"ie" => de_pair = true,
                b"sc" if b.get(i + 2) == Some(&b'h') => de_pair = true,
                _ => {}
            }
        }
        if hu_pair {
            hu += 0.3;
        }
        if de_pair || w.ends_with("ung") {
            de += 0.3;
        }
    }
    let best = [(Lang::Hu, hu), (Lang::De, de), (Lang::Other, en)]
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((Lang::Other, 0.0));
    let second = [hu, de, en]
        .into_iter()
        .filter(|s| *s < best.1)
        .fold(0.0f64, f64::max);
    let decisive = best.1 >= 1.5 && best.1 >= second * 1.5 && words >= 2;
    match (decisive, prior) {
        (true, _) => best.0,
        (false, Some(p)) => p,
        (false, None) if best.1 > 0.0 => best.0,
        (false, None) => Lang::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_languages() {
        assert_eq!(
            detect(
                "Negyvennégy novemberében elvittek minket a táborba, és ott voltunk.",
                None
            ),
            Lang::Hu
        );
        assert_eq!(
            detect("Нас забрали в ноябре сорок четвёртого.", Some(Lang::Hu)),
            Lang::Ru
        );
        assert_eq!(
            detect(
                "Im Jänner 1945 wurden wir nach Russland verschleppt und mussten arbeiten.",
                None
            ),
            Lang::De
        );
        assert_eq!(
            detect("We were taken to the camp and we worked there.", None),
            Lang::Other
        );
    }

    #[test]
    fn languages_tanu_does_not_analyse_are_other() {
        // Accented Romance text used to score as Hungarian (á, é, ó…).
        for text in [
            "¿Cómo llegó su familia a Veracruz? Mi abuelo trabajó en el puerto durante años, \
             y después nos mudamos a la capital con mis tías.",
            "Mio padre è tornato dalla Russia nel quarantasei, ma non parlava mai della prigionia.",
            "Bunicul meu a fost deportat în Uniunea Sovietică și a lucrat în mină trei ani.",
        ] {
            for prior in [None, Some(Lang::Hu)] {
                assert_eq!(detect(text, prior), Lang::Other, "{text}");
            }
        }
        // Hungarian typed without accents is still Hungarian.
        assert_eq!(
            detect(
                "Negyvennegy novembereben elvittek minket, es ott voltunk a taborban.",
                None
            ),
            Lang::Hu
        );
    }

    /// `detect` as first written (before the fast paths), to prove that
    /// the fast version decides the same.
    fn detect_reference(text: &str, prior: Option<Lang>) -> Lang {
        let (mut latin, mut cyrillic) = (0usize, 0usize);
        let (mut hu, mut de, mut en) = (0.0f64, 0.0f64, 0.0f64);
        let mut words = 0usize;
        for c in text.chars() {
            match script_of(c) {
                Script::Latin => {
                    latin += 1;
                    match c {
                        'ő' | 'ű' | 'Ő' | 'Ű' => hu += 2.0,
                        'á' | 'é' | 'í' | 'ó' | 'ú' | 'Á' | 'É' | 'Í' | 'Ó' | 'Ú' => {
                            hu += 0.5
                        }
                        'ä' | 'ß' | 'Ä' => de += 2.0,
                        'ñ' | 'Ñ' | 'ç' | 'ã' | 'ł' | 'ř' | 'ě' | 'è' | 'à' | 'ò' | 'ê' => {
                            en += 2.0
                        }
                        _ => {}
                    }
                }
                Script::Cyrillic => cyrillic += 1,
                Script::Other => {
                    if matches!(c, '¿' | '¡') {
                        en += 2.0;
                    }
                }
            }
        }
        if cyrillic > latin && cyrillic >= 2 {
            return Lang::Ru;
        }
        if latin < 2 {
            return prior.unwrap_or(Lang::Other);
        }
        for word in text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            words += 1;
            let w = word.to_lowercase();
            if HU_WORDS.contains(&w.as_str()) {
                hu += 1.0;
            }
            if DE_WORDS.contains(&w.as_str()) {
                de += 1.0;
            }
            if EN_WORDS.contains(&w.as_str()) || OTHER_WORDS.contains(&w.as_str()) {
                en += 1.0;
            }
            if ["sz", "gy", "cs", "zs", "ny"].iter().any(|p| w.contains(p)) {
                hu += 0.3;
            }
            if w.contains("sch") || w.ends_with("ung") || w.contains("ei") || w.contains("ie") {
                de += 0.3;
            }
        }
        let best = [(Lang::Hu, hu), (Lang::De, de), (Lang::Other, en)]
            .into_iter()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap_or((Lang::Other, 0.0));
        let second = [hu, de, en]
            .into_iter()
            .filter(|s| *s < best.1)
            .fold(0.0f64, f64::max);
        let decisive = best.1 >= 1.5 && best.1 >= second * 1.5 && words >= 2;
        match (decisive, prior) {
            (true, _) => best.0,
            (false, Some(p)) => p,
            (false, None) if best.1 > 0.0 => best.0,
            (false, None) => Lang::Other,
        }
    }

    #[test]
    fn fast_detect_decides_like_the_reference() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/transcripts");
        let mut texts: Vec<String> = Vec::new();
        for e in std::fs::read_dir(dir).unwrap() {
            let bytes = std::fs::read(e.unwrap().path()).unwrap();
            let text = crate::decode::decode(&bytes, None).unwrap().text;
            texts.extend(text.split("\n\n").map(str::to_string));
        }
        texts.extend(
            [
                "Schule und Übung, eine Erinnerung",
                "ΣΟΦΙΑ ΣΟΦΟΣ és a szénbánya",
                "Gyula, Zsuzsa, Csaba and the ny of the nyelv",
                "",
                "Ich bin Hans Meier, wir wohnten im Dorf.",
            ]
            .map(str::to_string),
        );
        let g = crate::corpus::Generator::new(11).unwrap();
        for i in 0..4 {
            texts.extend(g.testimony(i).text.split("\n\n").map(str::to_string));
        }
        assert!(texts.len() > 500);
        for t in &texts {
            for prior in [None, Some(Lang::Hu), Some(Lang::De), Some(Lang::Ru)] {
                assert_eq!(detect(t, prior), detect_reference(t, prior), "{t}");
            }
        }
    }

    #[test]
    fn prior_decides_short_segments() {
        assert_eq!(detect("Igen.", Some(Lang::Hu)), Lang::Hu);
        assert_eq!(detect("1945.", Some(Lang::Ru)), Lang::Ru);
        assert_eq!(detect("Foksány.", Some(Lang::De)), Lang::De);
        assert_eq!(detect("Да.", Some(Lang::Hu)), Lang::Ru);
    }

    #[test]
    fn header_codes() {
        assert_eq!(normalize_code("Magyar"), Some("hu"));
        assert_eq!(normalize_code("русский"), Some("ru"));
        assert_eq!(normalize_code("klingon"), None);
        assert_eq!(Lang::for_code("uk"), Lang::Ru);
    }
}
