//! How much does a decoded text look like Hungarian, Russian or German?
//!
//! A candidate decoding is scored by the average log-probability of its
//! letters under simple letter-frequency models (Latin letters under the
//! better of Hungarian and German, Cyrillic letters under Russian), with
//! penalties for what wrong decodings produce: control characters, stray
//! symbols, letters foreign to all three languages (õ, û, ð, þ…), and
//! capitals inside words (KOI8-R read as Windows-1251 swaps the case).

/// Letter frequencies (per mille, rounded) of Hungarian running text.
const HU: &[(char, f64)] = &[
    ('e', 98.0),
    ('a', 90.0),
    ('t', 72.0),
    ('l', 60.0),
    ('n', 55.0),
    ('s', 60.0),
    ('k', 50.0),
    ('r', 45.0),
    ('i', 45.0),
    ('z', 43.0),
    ('o', 40.0),
    ('m', 35.0),
    ('g', 34.0),
    ('á', 35.0),
    ('é', 34.0),
    ('y', 20.0),
    ('d', 20.0),
    ('b', 19.0),
    ('v', 19.0),
    ('h', 13.0),
    ('j', 11.0),
    ('ö', 10.0),
    ('ó', 10.0),
    ('f', 9.0),
    ('u', 9.0),
    ('p', 10.0),
    ('ő', 8.0),
    ('c', 6.0),
    ('í', 6.0),
    ('ü', 5.0),
    ('ú', 3.0),
    ('ű', 2.0),
    ('x', 0.2),
    ('w', 0.2),
    ('q', 0.05),
];

/// Letter frequencies (per mille) of German running text.
const DE: &[(char, f64)] = &[
    ('e', 160.0),
    ('n', 98.0),
    ('i', 75.0),
    ('s', 70.0),
    ('r', 70.0),
    ('a', 65.0),
    ('t', 61.0),
    ('d', 50.0),
    ('h', 47.0),
    ('u', 42.0),
    ('l', 34.0),
    ('c', 30.0),
    ('g', 30.0),
    ('m', 25.0),
    ('o', 25.0),
    ('b', 19.0),
    ('w', 19.0),
    ('f', 17.0),
    ('k', 12.0),
    ('z', 11.0),
    ('p', 8.0),
    ('v', 7.0),
    ('ü', 6.0),
    ('ä', 5.0),
    ('ö', 3.0),
    ('ß', 3.0),
    ('j', 3.0),
    ('y', 0.4),
    ('x', 0.3),
    ('q', 0.2),
];

/// Letter frequencies (per mille) of Russian running text.
const RU: &[(char, f64)] = &[
    ('о', 110.0),
    ('е', 84.0),
    ('а', 80.0),
    ('и', 73.0),
    ('н', 67.0),
    ('т', 63.0),
    ('с', 55.0),
    ('р', 47.0),
    ('в', 45.0),
    ('л', 44.0),
    ('к', 35.0),
    ('м', 32.0),
    ('д', 30.0),
    ('п', 28.0),
    ('у', 26.0),
    ('я', 20.0),
    ('ы', 19.0),
    ('ь', 17.0),
    ('г', 17.0),
    ('з', 16.0),
    ('б', 16.0),
    ('ч', 14.0),
    ('й', 12.0),
    ('х', 10.0),
    ('ж', 9.0),
    ('ш', 7.0),
    ('ю', 6.0),
    ('ц', 5.0),
    ('щ', 4.0),
    ('э', 3.0),
    ('ф', 3.0),
    ('ё', 2.0),
    ('ъ', 0.4),
    // Ukrainian letters occur in place names and quotations.
    ('і', 0.5),
    ('ї', 0.1),
    ('є', 0.1),
    ('ґ', 0.05),
];

/// Log-probability of a letter outside every model (õ, ð, þ, ў, …).
const FOREIGN_LETTER: f64 = -11.0;
/// Penalty for a control character or U+FFFD.
const CONTROL: f64 = -14.0;
/// Penalty for an unusual symbol (¤, ¦, box drawing, …).
const ODD_SYMBOL: f64 = -7.0;
/// Penalty for a capital letter following a small one inside a word.
const CASE_FLIP: f64 = -4.0;
/// Penalty for a switch between Latin and Cyrillic inside a word
/// (Hungarian read as KOI8-R gives `NegyvennИgy`).
const SCRIPT_SWITCH: f64 = -9.0;

/// The writing system of a character, as far as tanu cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters, including accented ones.
    Latin,
    /// Cyrillic letters.
    Cyrillic,
    /// Anything else (digits, punctuation, other scripts).
    Other,
}

/// The script of one character.
pub fn script_of(c: char) -> Script {
    match c {
        'A'..='Z' | 'a'..='z' => Script::Latin,
        '\u{00C0}'..='\u{024F}' if is_alphabetic(c) && c != '×' && c != '÷' => Script::Latin,
        '\u{1E00}'..='\u{1EFF}' => Script::Latin,
        '\u{0400}'..='\u{052F}' if is_alphabetic(c) => Script::Cyrillic,
        _ => Script::Other,
    }
}

/// `c.to_lowercase()` when that is one character, from a table for the
/// first 0x500 code points (Latin and Cyrillic); `None` when it is not one
/// character or `c` is beyond the table, and the caller asks `char`.
pub(crate) fn lower_simple(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0u32..0x500)
            .map(|u| {
                let c = char::from_u32(u).unwrap_or('\0');
                let mut l = c.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(one), None) => one,
                    _ => '\0',
                }
            })
            .collect()
    });
    match table.get(c as usize) {
        Some('\0') | None => None,
        Some(&l) => Some(l),
    }
}

/// `char::is_alphabetic`, with fast answers for ASCII, Latin-1 and
/// Latin Extended-A letters and basic Cyrillic (the same answers; the
/// general test searches a table).
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    if matches!(c, '\u{C0}'..='\u{17F}' | '\u{400}'..='\u{481}') {
        return c != '×' && c != '÷';
    }
    c.is_alphabetic()
}

/// The result of scoring a text.
#[derive(Debug, Clone, Copy)]
pub struct Score {
    /// Average log-probability per scored character; higher is better.
    /// Real Hungarian or Russian text scores around -3; mis-decoded text
    /// falls below -5.
    pub per_char: f64,
}

/// A letter model with its log-probabilities computed once and indexed by
/// code point for Latin and Cyrillic (a search and an `ln` per letter of
/// every candidate decoding were most of the cost of scoring).
struct Model {
    logs: Vec<(char, f64)>,
    /// U+0000–U+017F.
    latin: Vec<f64>,
    /// U+0400–U+047F.
    cyrillic: Vec<f64>,
}

impl Model {
    fn new(table: &'static [(char, f64)]) -> Model {
        let total: f64 = table.iter().map(|(_, f)| f).sum();
        let logs: Vec<(char, f64)> = table.iter().map(|&(c, f)| (c, (f / total).ln())).collect();
        let lookup = |c: char| {
            logs.iter()
                .find(|(l, _)| *l == c)
                .map_or(FOREIGN_LETTER, |(_, lp)| *lp)
        };
        let latin = (0u32..0x180)
            .map(|u| char::from_u32(u).map_or(FOREIGN_LETTER, lookup))
            .collect();
        let cyrillic = (0x400u32..0x480)
            .map(|u| char::from_u32(u).map_or(FOREIGN_LETTER, lookup))
            .collect();
        Model {
            logs,
            latin,
            cyrillic,
        }
    }

    fn log_p(&self, c: char) -> f64 {
        let u = c as usize;
        if u < 0x180 {
            return self.latin[u];
        }
        if (0x400..0x480).contains(&u) {
            return self.cyrillic[u - 0x400];
        }
        match self.logs.iter().find(|(l, _)| *l == c) {
            Some((_, lp)) => *lp,
            None => FOREIGN_LETTER,
        }
    }
}

fn models() -> &'static [Model; 3] {
    static MODELS: std::sync::OnceLock<[Model; 3]> = std::sync::OnceLock::new();
    MODELS.get_or_init(|| [Model::new(HU), Model::new(DE), Model::new(RU)])
}

fn is_ordinary_symbol(c: char) -> bool {
    c.is_ascii()
        || matches!(
            c,
            '«' | '»'
                | '„'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '‚'
                | '–'
                | '—'
                | '…'
                | '№'
                | '§'
                | '°'
                | '\u{00A0}'
                | '\u{0301}'
                | '·'
                | '•'
        )
}

/// Latin letters of names and loanwords outside the three models
/// (Romanian, Slavic, French and Latin-1 stand-ins).
const OTHER_LATIN: &str = "șțşţăâîçñàèìòùêôõûčšžřćłńśźżęąěůý";

/// Is `c` a character real Hungarian, Russian or German text (with its
/// foreign names) contains: ASCII, a letter of the three models or of
/// common foreign names, or an ordinary punctuation mark?
pub fn is_plausible_char(c: char) -> bool {
    if c.is_ascii() || c.is_whitespace() || is_ordinary_symbol(c) {
        return true;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    [HU, DE, RU]
        .iter()
        .any(|t| t.iter().any(|(l, _)| *l == lower))
        || OTHER_LATIN.contains(lower)
}

/// What [`score`] needs to know of one character, computed once per
/// character (or once per byte value of a single-byte encoding).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct CharInfo {
    script: Script,
    alphabetic: bool,
    upper: bool,
    lowercase: bool,
    /// Log-probabilities of the lower-case letter under the Hungarian,
    /// German and Russian models (only the ones its script uses count).
    ll: [f64; 3],
    /// The penalty a character of no script carries, if any.
    penalty: f64,
}

impl CharInfo {
    pub(crate) fn of(c: char) -> CharInfo {
        let [hu, de, ru] = models();
        let upper = if c.is_ascii() {
            c.is_ascii_uppercase()
        } else {
            c.is_uppercase()
        };
        let lower = lower_simple(c).unwrap_or_else(|| c.to_lowercase().next().unwrap_or(c));
        let script = script_of(c);
        let alphabetic = is_alphabetic(c);
        let ll = match script {
            Script::Latin => [hu.log_p(lower), de.log_p(lower), 0.0],
            Script::Cyrillic => [0.0, 0.0, ru.log_p(lower)],
            Script::Other => [0.0; 3],
        };
        let penalty = if script != Script::Other {
            0.0
        } else if (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}')) || c == '\u{FFFD}'
        {
            CONTROL
        } else if alphabetic {
            FOREIGN_LETTER
        } else if !is_ordinary_symbol(c) && !c.is_whitespace() {
            ODD_SYMBOL
        } else {
            0.0
        };
        CharInfo {
            script,
            alphabetic,
            upper,
            lowercase: c.is_lowercase(),
            ll,
            penalty,
        }
    }
}

/// Scores `text` (the first 64 KiB of characters are enough).
pub fn score(text: &str) -> Score {
    score_infos(text.chars().take(64 * 1024).map(CharInfo::of))
}

/// The [`score`] of `bytes` decoded by a single-byte encoding whose byte
/// values decode to the characters described by `table`, without decoding:
/// the same characters in the same order, so the same score to the bit.
pub(crate) fn score_bytes(bytes: &[u8], table: &[CharInfo; 256]) -> Score {
    score_infos(bytes.iter().take(64 * 1024).map(|&b| table[usize::from(b)]))
}

fn score_infos(chars: impl Iterator<Item = CharInfo>) -> Score {
    let (mut ll_hu, mut ll_de, mut ll_ru) = (0.0f64, 0.0f64, 0.0f64);
    let mut penalty = 0.0f64;
    let (mut latin, mut cyrillic, mut penalized) = (0usize, 0usize, 0usize);
    let mut prev_lower = false;
    let mut prev_script = Script::Other;
    for c in chars {
        match c.script {
            Script::Latin => {
                latin += 1;
                ll_hu += c.ll[0];
                ll_de += c.ll[1];
            }
            Script::Cyrillic => {
                cyrillic += 1;
                ll_ru += c.ll[2];
            }
            Script::Other => {
                if c.penalty != 0.0 {
                    penalty += c.penalty;
                    penalized += 1;
                }
            }
        }
        if c.script != Script::Other && prev_script != Script::Other && c.script != prev_script {
            penalty += SCRIPT_SWITCH;
            penalized += 1;
        }
        prev_script = if c.alphabetic {
            c.script
        } else {
            Script::Other
        };
        if c.alphabetic {
            if c.upper && prev_lower {
                penalty += CASE_FLIP;
                penalized += 1;
            }
            prev_lower = c.lowercase;
        } else {
            prev_lower = false;
        }
    }
    let total = ll_hu.max(ll_de) + ll_ru + penalty;
    let n = latin + cyrillic + penalized;
    Score {
        per_char: if n == 0 { 0.0 } else { total / n as f64 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_text_scores_above_mojibake() {
        let good = score("Elvittek minket a táborba, őszig dolgoztunk a bányában.").per_char;
        let bad = score("Elvittek minket a tĂˇborba, Ĺ‘szig dolgoztunk a bĂˇnyĂˇban.").per_char;
        assert!(good > -4.0 && bad < good - 1.0, "good {good}, bad {bad}");
        let ru = score("Нас забрали в лагерь, потом на шахту в Сталино.").per_char;
        let swapped = score("нАС ЗАБРАЛИ В ЛАГЕРЬ, ПОТОМ НА ШАХТУ В сТАЛИНО.").per_char;
        assert!(ru > swapped, "ru {ru}, swapped {swapped}");
    }

    #[test]
    fn fast_paths_agree_with_unicode() {
        for c in ('\0'..='\u{600}').chain(['\u{1E9E}', 'ґ', '\u{2019}']) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
        for c in '\0'..='\u{700}' {
            let mut l = c.to_lowercase();
            let expected = match (l.next(), l.next()) {
                (Some(one), None) if (c as u32) < 0x500 => Some(one),
                _ => None,
            };
            assert_eq!(lower_simple(c), expected, "{c:?}");
        }
        let m = Model::new(HU);
        for c in ('\0'..='\u{600}').chain(['ґ', 'ß']) {
            let slow = m
                .logs
                .iter()
                .find(|(l, _)| *l == c)
                .map_or(FOREIGN_LETTER, |(_, lp)| *lp);
            assert_eq!(m.log_p(c).to_bits(), slow.to_bits(), "{c:?}");
        }
    }

    #[test]
    fn scripts() {
        assert_eq!(script_of('ő'), Script::Latin);
        assert_eq!(script_of('Ж'), Script::Cyrillic);
        assert_eq!(script_of('ё'), Script::Cyrillic);
        assert_eq!(script_of('7'), Script::Other);
        assert_eq!(script_of('×'), Script::Other);
    }
}
