//! Stage 2: repair and normalize decoded text.
//!
//! Input: decoded text. Output: the text tanu stores (NFC, `\n` line ends)
//! and the list of [`Repair`]s applied, which is recorded on the testimony so
//! an archivist can see what was changed. The original bytes are kept
//! elsewhere; nothing here is irreversible in the archive.
//!
//! Steps, in order:
//! 1. line endings → `\n`; form feeds → `\n`;
//! 2. invisible characters removed (zero-width space/joiners, word joiner,
//!    stray BOMs) and stray C0 control characters removed;
//! 3. mojibake reversed, word by word: UTF-8 read as Windows-1252/Latin-1
//!    (`hÃ¡borÃº` → `háború`, applied twice for double damage) or as
//!    Windows-1251 (`РЎС‚Р°Р»РёРЅРѕ` → `Сталино`);
//! 4. soft hyphens (U+00AD) removed — only now, because in UTF-8 read as
//!    Windows-1252 the second byte of `í` (C3 AD) *is* a soft hyphen, and
//!    removing it first would leave `papÃr` unrepairable;
//! 5. words hyphenated across line breaks joined (`depor-⏎taltak`);
//! 6. Unicode NFC;
//! 7. in Hungarian text only, the Latin-1 stand-ins õ/û/ô (Latin-1 has no
//!    ő/ű) become ő/ű — in the header and speaker labels too, so a label
//!    declared as `KÉRDEZÕ` still matches the body.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// One kind of change made to the text, how often, and an example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repair {
    /// Stable name of the repair, e.g. `mojibake-utf8-as-cp1252`.
    pub kind: String,
    /// How many places were changed.
    pub count: usize,
    /// Up to three examples, `before → after`.
    pub examples: Vec<String>,
}

impl std::fmt::Display for Repair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}×)", self.kind, self.count)?;
        if !self.examples.is_empty() {
            write!(f, ": {}", self.examples.join("; "))?;
        }
        Ok(())
    }
}

#[derive(Default)]
struct Log {
    repairs: Vec<Repair>,
}

impl Log {
    fn add(&mut self, kind: &str, example: Option<String>) {
        let entry = match self.repairs.iter_mut().find(|r| r.kind == kind) {
            Some(r) => r,
            None => {
                self.repairs.push(Repair {
                    kind: kind.to_string(),
                    count: 0,
                    examples: vec![],
                });
                self.repairs.last_mut().expect("just pushed")
            }
        };
        entry.count += 1;
        if let Some(ex) = example
            && entry.examples.len() < 3
        {
            entry.examples.push(ex);
        }
    }
}

/// Repairs and NFC-normalizes `text`; returns the text and what was done.
pub fn repair(text: &str) -> (String, Vec<Repair>) {
    let mut log = Log::default();
    let text = clean_characters(text, &mut log);
    // C1 controls (U+0080–U+009F) are kept until mojibake is reversed: in
    // UTF-8 read as Latin-1 they stand for bytes of real letters (Ő is
    // C5 90, and 0x90 has no Windows-1252 character).
    let text = reverse_mojibake(&text, &mut log);
    let text = remove_c1_controls(&text, &mut log);
    let text = remove_soft_hyphens(&text, &mut log);
    let text = join_hyphenations(&text, &mut log);
    // Most text is in NFC already; the quick check proves it without
    // decomposing and recomposing every character.
    let mut text: String = if unicode_normalization::is_nfc_quick(text.chars()) == IsNormalized::Yes
    {
        text
    } else {
        text.nfc().collect()
    };
    if text.contains(['õ', 'û', 'ô', 'Õ', 'Û', 'Ô']) && is_hungarian(&text) {
        let (fixed, n) = hungarian_stand_ins(&text);
        text = fixed;
        for _ in 0..n {
            log.add("hungarian-stand-in-replaced", None);
        }
        if let Some(r) = log
            .repairs
            .iter_mut()
            .find(|r| r.kind == "hungarian-stand-in-replaced")
        {
            r.examples = vec!["õ → ő".into(), "û → ű".into()];
        }
    }
    (text, log.repairs)
}

/// Whether `clean_characters` does anything with `c`.
fn needs_cleaning(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\r' | '\u{0C}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        | '\u{00AD}' => true,
        c => c.is_control() && !is_c1(c),
    }
}

fn clean_characters(text: &str, log: &mut Log) -> String {
    // Copy the runs of ordinary characters whole; look at the others.
    let Some(first) = text.find(needs_cleaning) else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{0C}' => out.push('\n'),
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {
                log.add(
                    "invisible-character-removed",
                    Some(format!("U+{:04X}", c as u32)),
                );
            }
            c if c.is_control() && c != '\n' && c != '\t' && !is_c1(c) => {
                log.add(
                    "control-character-removed",
                    Some(format!("U+{:04X}", c as u32)),
                );
            }
            c => out.push(c),
        }
    }
    out
}

/// Removes soft hyphens (after mojibake reversal; see the module docs).
fn remove_soft_hyphens(text: &str, log: &mut Log) -> String {
    if !text.contains('\u{00AD}') {
        return text.to_string();
    }
    text.chars()
        .filter(|&c| {
            if c == '\u{00AD}' {
                log.add("soft-hyphen-removed", None);
                false
            } else {
                true
            }
        })
        .collect()
}

fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9F}').contains(&c)
}

fn remove_c1_controls(text: &str, log: &mut Log) -> String {
    if !text.chars().any(is_c1) {
        return text.to_string();
    }
    text.chars()
        .filter(|&c| {
            if is_c1(c) {
                log.add(
                    "control-character-removed",
                    Some(format!("U+{:04X}", c as u32)),
                );
                false
            } else {
                true
            }
        })
        .collect()
}

/// A character → byte map (looked up for every letter of every non-ASCII
/// word, hence FxHash).
type ByteTable = HashMap<char, u8, crate::hash::FxBuildHasher>;

/// Maps each character of a single-byte encoding's upper half back to its
/// byte. Undefined bytes decode to the C1 control of the same value
/// (Latin-1 behaviour), which is how damaged files carry them.
fn reverse_table(enc: &'static encoding_rs::Encoding) -> ByteTable {
    let mut map = ByteTable::default();
    for b in 0x80u8..=0xFF {
        let byte = [b];
        let (s, _) = enc.decode_without_bom_handling(&byte);
        if let Some(c) = s.chars().next()
            && c != '\u{FFFD}'
        {
            map.insert(c, b);
        }
        map.entry(char::from(b)).or_insert(b);
    }
    map
}

fn cp1252_table() -> &'static ByteTable {
    static T: OnceLock<ByteTable> = OnceLock::new();
    T.get_or_init(|| reverse_table(encoding_rs::WINDOWS_1252))
}

fn cp1251_table() -> &'static ByteTable {
    static T: OnceLock<ByteTable> = OnceLock::new();
    T.get_or_init(|| reverse_table(encoding_rs::WINDOWS_1251))
}

/// Re-encodes `word` with `table` and reads the bytes as UTF-8; returns the
/// result when that is valid, shorter, and therefore the likely original.
fn unmangle(word: &str, table: &ByteTable) -> Option<String> {
    let mut bytes = Vec::with_capacity(word.len());
    let mut high = 0;
    for c in word.chars() {
        if c.is_ascii() {
            bytes.push(c as u8);
        } else {
            bytes.push(*table.get(&c)?);
            high += 1;
        }
    }
    if high < 2 {
        return None;
    }
    let fixed = String::from_utf8(bytes).ok()?;
    // The repair must read like text: `Её` is valid UTF-8 for `Ÿ` when read
    // back through Windows-1251, but it is a real word.
    let better = fixed.chars().all(crate::decode::is_plausible_char)
        || crate::decode::plausibility(&fixed).per_char
            > crate::decode::plausibility(word).per_char;
    (fixed.chars().count() < word.chars().count() && better).then_some(fixed)
}

fn looks_mangled_latin(c: char) -> bool {
    matches!(
        c,
        'Ã' | 'Å' | 'Ä' | 'Â' | 'â' | 'Ð' | 'Ñ' | 'Æ' | 'Ç' | 'Ê' | 'Ë'
    )
}

fn looks_mangled_cyrillic(word: &str) -> bool {
    // UTF-8 read as Windows-1251 turns every lead byte (C2–F4: В, Г, Д, Е,
    // Р, С, в…) into a letter followed by a continuation byte (80–BF:
    // punctuation, Ў, Ђ, µ, № …), which is rare inside real words. The
    // full-word UTF-8 check in `unmangle` rejects the rest. This catches
    // Cyrillic (`РЎС‚Р°Р»РёРЅРѕ`), Latin accents (`BalГЎzs`) and symbols
    // (`в„–`, `вЂ”`) alike.
    // Windows-1251 puts а–я at E0–FF and А–Я at C0–DF in alphabet
    // order, and the table adds the Latin-1 character of each byte, so the
    // lead bytes C2–F4 are exactly В (U+0412) to ф (U+0444) and Â (U+00C2)
    // to ô (U+00F4): only after one of those is the table asked about the
    // next character.
    let table = cp1251_table();
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if is_cp1251_lead(c)
            && let Some(&n) = chars.peek()
            && table.get(&n).is_some_and(|b| (0x80..=0xBF).contains(b))
        {
            return true;
        }
    }
    false
}

/// Whether `c` is a character whose Windows-1251 byte (in the repair
/// table) is a UTF-8 lead byte C2–F4.
fn is_cp1251_lead(c: char) -> bool {
    ('\u{0412}'..='\u{0444}').contains(&c) || ('\u{00C2}'..='\u{00F4}').contains(&c)
}

/// Whether [`repair_token`] could change `token` (or a part of it between
/// no-break spaces): most words show no sign of damage and are copied as
/// they are.
fn might_be_mangled(token: &str) -> bool {
    !token.is_ascii() && (token.chars().any(looks_mangled_latin) || looks_mangled_cyrillic(token))
}

/// Reverses mojibake in one token (twice for double damage).
fn repair_token(token: &str, log: &mut Log) -> String {
    let mut current = token.to_string();
    for _ in 0..2 {
        let fixed = if current.chars().any(looks_mangled_latin) {
            unmangle(&current, cp1252_table())
                .or_else(|| {
                    // A soft hyphen typed into already damaged text is not
                    // a byte of the original.
                    let plain = current.replace('\u{00AD}', "");
                    (plain.len() < current.len())
                        .then(|| unmangle(&plain, cp1252_table()))
                        .flatten()
                })
                .map(|f| (f, "mojibake-utf8-as-cp1252"))
        } else if looks_mangled_cyrillic(&current) {
            unmangle(&current, cp1251_table()).map(|f| (f, "mojibake-utf8-as-cp1251"))
        } else {
            None
        };
        match fixed {
            Some((f, kind)) => {
                log.add(kind, Some(format!("{current} → {f}")));
                current = f;
            }
            None => break,
        }
    }
    current
}

fn reverse_mojibake(text: &str, log: &mut Log) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    // A no-break space (A0) is a byte of damaged text as often as it is a
    // space: `Р` is D0 A0 in UTF-8, so every `Р` read as Windows-1251
    // becomes `Р` and a no-break space. Tokens therefore run across no-break
    // spaces; when the whole token is not damage, its parts are tried.
    let flush = |token: &str, out: &mut String, log: &mut Log| {
        if !might_be_mangled(token) {
            out.push_str(token);
            return;
        }
        let fixed = repair_token(token, log);
        if fixed != token || !token.contains('\u{00A0}') {
            out.push_str(&fixed);
            return;
        }
        for (i, part) in token.split('\u{00A0}').enumerate() {
            if i > 0 {
                out.push('\u{00A0}');
            }
            out.push_str(&repair_token(part, log));
        }
    };
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() && c != '\u{00A0}' {
            if let Some(s) = start.take() {
                flush(&text[s..i], &mut out, log);
            }
            out.push(c);
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        flush(&text[s..], &mut out, log);
    }
    out
}

fn join_hyphenations(text: &str, log: &mut Log) -> String {
    if !text.split('\n').any(|l| {
        let mut rev = l.trim_end().chars().rev();
        matches!(rev.next(), Some('-' | '\u{2010}')) && rev.next().is_some_and(char::is_alphabetic)
    }) {
        // No line ends in a hyphenated word: nothing to join.
        return text.to_string();
    }
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut i = 0;
    while i + 1 < lines.len() {
        let trimmed = lines[i].trim_end();
        let ends_hyphenated = {
            let mut rev = trimmed.chars().rev();
            matches!(rev.next(), Some('-' | '\u{2010}'))
                && rev.next().is_some_and(char::is_alphabetic)
        };
        let next = lines[i + 1].trim_start();
        if !(ends_hyphenated && next.chars().next().is_some_and(char::is_lowercase)) {
            i += 1;
            continue;
        }
        // Drop the hyphen, glue the next line on, and look at the result
        // again: it may end in another hyphenation.
        let head = &trimmed[..trimmed.len() - trimmed.chars().last().map_or(0, char::len_utf8)];
        let head_word: String = {
            let w: Vec<char> = head
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect();
            w.into_iter().rev().collect()
        };
        let tail_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        log.add(
            "hyphenation-joined",
            Some(format!("{head_word}- {tail_word} → {head_word}{tail_word}")),
        );
        let joined = format!("{head}{next}");
        lines[i] = joined;
        lines.remove(i + 1);
    }
    lines.join("\n")
}

/// Is the Latin-script part of `text` Hungarian? Only then may õ/û be
/// read as ő/ű (Estonian õ and French û are real letters).
fn is_hungarian(text: &str) -> bool {
    let sample: String = text.chars().take(20_000).collect();
    crate::lang::detect(&sample, None) == crate::lang::Lang::Hu
}

/// Replaces the Latin-1 stand-ins for ő/ű (õ, û, ô and capitals) in a
/// Hungarian text. Returns the new text and the number of replacements.
pub fn hungarian_stand_ins(text: &str) -> (String, usize) {
    let mut n = 0;
    let out = text
        .chars()
        .map(|c| {
            let r = match c {
                'õ' | 'ô' => 'ő',
                'Õ' | 'Ô' => 'Ő',
                'û' => 'ű',
                'Û' => 'Ű',
                c => return c,
            };
            n += 1;
            r
        })
        .collect();
    (out, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `looks_mangled_cyrillic` knows the characters of the Windows-1251
    /// lead bytes C2–F4 without asking the table.
    #[test]
    fn cp1251_lead_bytes_are_the_letters_ve_to_ef() {
        for (&c, &b) in cp1251_table() {
            assert_eq!((0xC2..=0xF4).contains(&b), is_cp1251_lead(c), "{c} {b:02X}");
        }
        for c in ('\u{0412}'..='\u{0444}').chain('\u{00C2}'..='\u{00F4}') {
            let b = cp1251_table().get(&c).copied();
            assert!(b.is_some_and(|b| (0xC2..=0xF4).contains(&b)), "{c}");
        }
        assert!(looks_mangled_cyrillic("РЎС‚Р°Р»РёРЅРѕ"));
        assert!(!looks_mangled_cyrillic("Сталино"));
        assert!(!might_be_mangled("tábor"));
        assert!(might_be_mangled("tÃ¡bor"));
    }

    fn kinds(r: &[Repair]) -> Vec<&str> {
        r.iter().map(|r| r.kind.as_str()).collect()
    }

    #[test]
    fn mojibake_once_and_twice() {
        let (t, r) = repair("A hÃ¡borÃº utÃ¡n, Å‘sszel jÃ¶ttÃ¼nk haza.");
        assert_eq!(t, "A háború után, ősszel jöttünk haza.");
        assert_eq!(kinds(&r), ["mojibake-utf8-as-cp1252"]);
        assert_eq!(r[0].count, 4);
        let once: String = "őrök".to_string();
        let twice = mangle(&mangle(&once));
        let (t, _) = repair(&format!("az {twice} jöttek"));
        assert_eq!(t, "az őrök jöttek");
    }

    fn mangle(s: &str) -> String {
        s.bytes()
            .map(|b| {
                let byte = [b];
                let (d, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
                let c = d.chars().next().unwrap();
                if c == '\u{FFFD}' { char::from(b) } else { c }
            })
            .collect()
    }

    #[test]
    fn cyrillic_mojibake() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("x");
        assert_eq!(&*bytes, b"x");
        let mangled: String = {
            let (d, _) =
                encoding_rs::WINDOWS_1251.decode_without_bom_handling("Сталино шахта".as_bytes());
            d.into_owned()
        };
        let (t, r) = repair(&mangled);
        assert_eq!(t, "Сталино шахта");
        assert_eq!(kinds(&r), ["mojibake-utf8-as-cp1251"]);
        // Latin letters and symbols inside such text are repaired too.
        let mangled: String = {
            let (d, _) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(
                "Балаж Иштван (Balázs István), лагерь № 223 — «мадьяр»".as_bytes(),
            );
            d.into_owned()
        };
        assert!(
            mangled.contains("BalГЎzs") && mangled.contains("в„–"),
            "{mangled}"
        );
        let (t, _) = repair(&mangled);
        assert_eq!(t, "Балаж Иштван (Balázs István), лагерь № 223 — «мадьяр»");
        // Real Russian is left alone.
        for real in [
            "Рост, Сталь, Россия, РСФСР.",
            "Семён, Сёмка, Січ, Всё, ещё, Её, Гёте, Дёмин, Р. С. Ёлкин",
        ] {
            let (t, r) = repair(real);
            assert_eq!((t.as_str(), r.len()), (real, 0));
        }
    }

    #[test]
    fn clean_text_is_untouched() {
        let s = "Él, Ágnes! Őt hívták; «Фокшаны» — Ÿ? ÁÉÍÓÖŐÚÜŰ áéíóöőúüű";
        let (t, r) = repair(s);
        assert_eq!(t, s);
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn invisibles_controls_line_endings() {
        let (t, r) = repair("vago\u{00AD}nok\u{200B}ban\r\nFok\u{0007}sány\rX\u{200D}");
        assert_eq!(t, "vagonokban\nFoksány\nX");
        assert_eq!(
            kinds(&r),
            [
                "invisible-character-removed",
                "control-character-removed",
                "soft-hyphen-removed",
            ]
        );
    }

    #[test]
    fn mojibake_of_i_acute_survives_soft_hyphen_removal() {
        // `í` is C3 AD in UTF-8; read as Windows-1252 that is `Ã` and a
        // soft hyphen, which must not be removed before the reversal.
        let damaged = mangle("papír, összekészített, kívülről, tíz");
        assert!(damaged.contains('\u{00AD}'));
        let (t, r) = repair(&damaged);
        assert_eq!(t, "papír, összekészített, kívülről, tíz");
        assert_eq!(kinds(&r), ["mojibake-utf8-as-cp1252"]);
        // A real soft hyphen inside a damaged word is dropped, the word
        // still repaired.
        let (t, _) = repair(&format!("{}\u{00AD}{}", mangle("hábo"), mangle("rúban")));
        assert_eq!(t, "háborúban");
    }

    #[test]
    fn hyphenation() {
        let (t, r) = repair(
            "minket depor-\ntaltak a vago-\n  nokban\nDonyec-\nMedence marad\n[00:01:00] N: x-\n[00:02:00]",
        );
        assert_eq!(
            t,
            "minket deportaltak a vagonokban\nDonyec-\nMedence marad\n[00:01:00] N: x-\n[00:02:00]"
        );
        assert_eq!(r[0].count, 2);
        assert_eq!(r[0].examples[0], "depor- taltak → deportaltak");
        let (t, _) = repair("egy-\nkettő-\nhárom");
        assert_eq!(t, "egykettőhárom");
    }

    #[test]
    fn nfc() {
        let (t, _) = repair("a\u{0301}llat");
        assert_eq!(t, "állat");
    }

    #[test]
    fn stand_ins_only_in_hungarian() {
        let (t, r) =
            repair("KÉRDEZÕ: Hogy került fogságba?\nÕk vitték el a férfiakat, a fûtés se volt.");
        assert_eq!(
            t,
            "KÉRDEZŐ: Hogy került fogságba?\nŐk vitték el a férfiakat, a fűtés se volt."
        );
        assert_eq!(kinds(&r), ["hungarian-stand-in-replaced"]);
        let fr = "Le dîner était sûr, côté jardin, and the rôle was played.";
        assert_eq!(repair(fr).0, fr);
    }

    #[test]
    fn stand_ins() {
        assert_eq!(
            hungarian_stand_ins("Õk fõztek, tûz"),
            ("Ők főztek, tűz".to_string(), 3)
        );
    }
}
