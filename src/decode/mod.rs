//! Stage 1: bytes → text.
//!
//! Input: the raw bytes of a transcript file. Output: a [`Decoded`] text with
//! the encoding that produced it and a confidence in `0.0..=1.0`.
//!
//! The order of decisions:
//! 1. a byte-order mark (UTF-8, UTF-16 LE/BE) decides;
//! 2. bytes that are valid UTF-8 are UTF-8 (pure ASCII included);
//! 3. a NUL-heavy file without a BOM is tried as BOM-less UTF-16, else refused
//!    as binary;
//! 4. otherwise every legacy candidate (Windows-1250, ISO-8859-2,
//!    Windows-1251, KOI8-R, CP866, ISO-8859-5, Mac Cyrillic, Windows-1252) is
//!    decoded and scored by how much the result looks like Hungarian, Russian
//!    or German text ([`plausibility`]); `chardetng`'s guess gets a small
//!    bonus. Detection libraries alone mistake short Hungarian text for
//!    Windows-1252, which turns every ő into õ.
//!
//! Failures: an empty file, a binary file, and invalid UTF-16 (odd length,
//! unpaired surrogates) are [`DecodeError`]s; nothing is guessed for them.

mod plausibility;

use encoding_rs::Encoding;

pub use self::plausibility::{Script, script_of};
pub(crate) use self::plausibility::{
    is_alphabetic, is_plausible_char, lower_simple, score as plausibility,
};

/// The legacy encodings tanu considers when a file is neither UTF-8 nor
/// marked by a byte-order mark, in order of preference on a tie.
pub const LEGACY_CANDIDATES: &[&Encoding] = &[
    encoding_rs::WINDOWS_1250,
    encoding_rs::ISO_8859_2,
    encoding_rs::WINDOWS_1251,
    encoding_rs::KOI8_R,
    encoding_rs::IBM866,
    encoding_rs::ISO_8859_5,
    encoding_rs::X_MAC_CYRILLIC,
    encoding_rs::WINDOWS_1252,
];

/// Decoded text and how it was obtained.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text, exactly as decoded (not yet repaired or normalized).
    pub text: String,
    /// The WHATWG name of the encoding, e.g. `windows-1250`, `UTF-16LE`.
    pub encoding: &'static str,
    /// How sure the decoder is, from 0 to 1. A BOM or valid UTF-8 gives 1.
    pub confidence: f32,
    /// How the encoding was chosen (`bom`, `utf-8`, `detected`, `forced`).
    pub method: &'static str,
}

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DecodeError {
    /// The file has no bytes, or only a byte-order mark.
    #[error("the file is empty")]
    Empty,
    /// The bytes are not text in any supported encoding.
    #[error("this looks like a binary file, not a transcript ({reason})")]
    Binary {
        /// What gave it away.
        reason: String,
    },
    /// UTF-16 that cannot be decoded without loss.
    #[error("invalid UTF-16 at byte {offset}: {reason} (is the file truncated?)")]
    InvalidUtf16 {
        /// Byte offset of the first bad code unit.
        offset: usize,
        /// What is wrong there.
        reason: &'static str,
    },
    /// A forced encoding produced undecodable bytes.
    #[error("the bytes are not valid {encoding} (first bad byte at offset {offset})")]
    Malformed {
        /// The encoding that was forced.
        encoding: &'static str,
        /// Offset of the first bad byte.
        offset: usize,
    },
}

/// Looks up an encoding by any label `encoding_rs` knows (`cp1250`,
/// `windows-1251`, `koi8-r`, `cp866`, `latin2`, `utf-16le`, …).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let label = label.trim();
    let fixed = match label.to_ascii_lowercase().as_str() {
        "cp1250" | "cp-1250" => "windows-1250",
        "cp1251" | "cp-1251" => "windows-1251",
        "cp1252" | "cp-1252" => "windows-1252",
        "cp866" | "dos-866" => "ibm866",
        "mac-cyrillic" | "maccyrillic" | "mac_cyrillic" => "x-mac-cyrillic",
        "utf8" => "utf-8",
        "utf16" | "utf-16" => "utf-16le",
        _ => label,
    }
    .to_string();
    Encoding::for_label(fixed.as_bytes())
}

/// Decodes `bytes`, detecting the encoding unless `forced` is given.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if let Some(encoding) = forced {
        return decode_forced(bytes, encoding);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if body.iter().all(|b| b.is_ascii_whitespace()) && encoding == encoding_rs::UTF_8 {
            return Err(DecodeError::Empty);
        }
        let text = if encoding == encoding_rs::UTF_8 {
            match std::str::from_utf8(body) {
                Ok(s) => s.to_string(),
                Err(e) => {
                    return Err(DecodeError::Malformed {
                        encoding: "UTF-8",
                        offset: bom_len + e.valid_up_to(),
                    });
                }
            }
        } else {
            decode_utf16_strict(body, encoding == encoding_rs::UTF_16BE, bom_len)?
        };
        if text.trim().is_empty() {
            return Err(DecodeError::Empty);
        }
        check_not_binary(&text)?;
        return Ok(Decoded {
            text,
            encoding: encoding.name(),
            confidence: 1.0,
            method: "bom",
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        check_not_binary(s)?;
        return Ok(Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            confidence: 1.0,
            method: "utf-8",
        });
    }
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    if nuls * 8 > bytes.len() {
        // Text in UTF-16 without a BOM has a NUL in every other byte for
        // Latin script; try both byte orders before calling it binary.
        for be in [false, true] {
            if let Ok(text) = decode_utf16_strict(bytes, be, 0)
                && check_not_binary(&text).is_ok()
                && plausibility::score(&text).per_char > -9.0
            {
                let name = if be { "UTF-16BE" } else { "UTF-16LE" };
                return Ok(Decoded {
                    text,
                    encoding: name,
                    confidence: 0.8,
                    method: "detected",
                });
            }
        }
        return Err(DecodeError::Binary {
            reason: format!("{nuls} NUL bytes"),
        });
    }
    detect_legacy(bytes)
}

fn decode_forced(bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded, DecodeError> {
    let (body, bom_len) = match Encoding::for_bom(bytes) {
        Some((bom_enc, len)) if bom_enc == encoding => (&bytes[len..], len),
        _ => (bytes, 0),
    };
    let text = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        decode_utf16_strict(body, encoding == encoding_rs::UTF_16BE, bom_len)?
    } else {
        match encoding.decode_without_bom_handling_and_without_replacement(body) {
            Some(t) => t.into_owned(),
            None => {
                let (t, _) = encoding.decode_without_bom_handling(body);
                let offset = t.find('\u{FFFD}').unwrap_or(0);
                return Err(DecodeError::Malformed {
                    encoding: encoding.name(),
                    offset: bom_len + offset,
                });
            }
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        confidence: 1.0,
        method: "forced",
    })
}

/// Decodes UTF-16 refusing odd lengths and unpaired surrogates, which are
/// what a truncated or damaged file looks like.
fn decode_utf16_strict(body: &[u8], big_endian: bool, base: usize) -> Result<String, DecodeError> {
    if !body.len().is_multiple_of(2) {
        return Err(DecodeError::InvalidUtf16 {
            offset: base + body.len() - 1,
            reason: "odd number of bytes, the last character is cut",
        });
    }
    let units = body.chunks_exact(2).map(|c| {
        if big_endian {
            u16::from_be_bytes([c[0], c[1]])
        } else {
            u16::from_le_bytes([c[0], c[1]])
        }
    });
    let mut out = String::with_capacity(body.len() / 2);
    for (i, r) in char::decode_utf16(units).enumerate() {
        match r {
            Ok(c) => out.push(c),
            Err(_) => {
                return Err(DecodeError::InvalidUtf16 {
                    offset: base + i * 2,
                    reason: "unpaired surrogate",
                });
            }
        }
    }
    Ok(out)
}

/// Refuses text that is mostly control characters: binary data that
/// happened to decode.
fn check_not_binary(text: &str) -> Result<(), DecodeError> {
    let mut total = 0usize;
    let mut controls = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        if (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}')) || c == '\u{FFFD}' {
            controls += 1;
        }
    }
    // A stray control character or three is damage to repair; binary data
    // has them everywhere.
    if total > 0 && ((controls > 8 && controls * 10 > total) || controls * 3 > total) {
        return Err(DecodeError::Binary {
            reason: format!("{controls} control characters in the first {total}"),
        });
    }
    Ok(())
}

/// `chardetng`'s guess adds [`GUESS_BONUS`] to its candidate's score.
const GUESS_BONUS: f64 = 0.05;

/// What every byte value decodes to in each of [`LEGACY_CANDIDATES`] (all
/// single-byte encodings: one byte, one character), and what the scorer
/// needs to know of that character.
struct ByteTables {
    chars: Vec<[char; 256]>,
    infos: Vec<[plausibility::CharInfo; 256]>,
}

fn byte_tables() -> &'static ByteTables {
    static TABLES: std::sync::OnceLock<ByteTables> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let chars: Vec<[char; 256]> = LEGACY_CANDIDATES
            .iter()
            .map(|enc| {
                let mut t = ['\u{FFFD}'; 256];
                for (b, slot) in t.iter_mut().enumerate() {
                    let byte = [b as u8];
                    let (text, _) = enc.decode_without_bom_handling(&byte);
                    let mut cs = text.chars();
                    if let (Some(c), None) = (cs.next(), cs.next()) {
                        *slot = c;
                    }
                }
                t
            })
            .collect();
        let infos = chars
            .iter()
            .map(|t| t.map(plausibility::CharInfo::of))
            .collect();
        ByteTables { chars, infos }
    })
}

/// One scored candidate: its score and its index in [`LEGACY_CANDIDATES`].
type Candidate = (f64, usize);

/// Whether candidates `a` and `b` decode `bytes` to the same text: they
/// agree on every byte value that occurs (`present`).
fn same_text(a: usize, b: usize, present: &[bool; 256]) -> bool {
    let t = &byte_tables().chars;
    (0..256).all(|v| !present[v] || t[a][v] == t[b][v])
}

/// Whether `chardetng`'s guess can change the outcome of [`detect_legacy`]
/// for these raw scores. It cannot when the best candidate is the only
/// one with its text and every other text scores at least 0.4 lower: the
/// winner stays the winner, its confidence is 0.99 (a margin of 0.327
/// reaches the cap) and it is not binary. Feeding the detector the whole
/// file was a third of the cost of decoding a legacy file.
fn guess_matters(raw: &[Candidate], present: &[bool; 256]) -> bool {
    let Some((bi, best)) =
        raw.iter()
            .enumerate()
            .fold(None, |acc: Option<(usize, f64)>, (i, (s, _))| match acc {
                Some((_, b)) if b >= *s => acc,
                _ => Some((i, *s)),
            })
    else {
        return true;
    };
    let winner = raw[bi].1;
    best < -9.0
        || raw
            .iter()
            .enumerate()
            .any(|(i, (s, e))| i != bi && (same_text(*e, winner, present) || *s > best - 0.4))
}

/// Scores every legacy candidate from byte tables (no candidate is decoded
/// to be scored: the score of the first 64 KiB is the same to the bit as
/// that of the decoded text) and decodes only the winner.
fn detect_legacy(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let tables = byte_tables();
    let mut present = [false; 256];
    for &b in bytes {
        present[usize::from(b)] = true;
    }
    let mut scored: Vec<Candidate> = (0..LEGACY_CANDIDATES.len())
        .map(|i| {
            (
                plausibility::score_bytes(bytes, &tables.infos[i]).per_char,
                i,
            )
        })
        .collect();
    if guess_matters(&scored, &present) {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
        for (s, i) in &mut scored {
            if LEGACY_CANDIDATES[*i] == guess {
                *s += GUESS_BONUS;
            }
        }
    }
    // Stable sort keeps the preference order of LEGACY_CANDIDATES on ties.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    // `swap_remove`, as the first version did: the runner-up search below
    // then starts from the lowest score (kept so that stored confidences
    // do not change).
    let (best, winner) = scored.swap_remove(0);
    let encoding = LEGACY_CANDIDATES[winner];
    let text = encoding.decode_without_bom_handling(bytes).0.into_owned();
    check_not_binary(&text)?;
    // Confidence from the margin over the best candidate that decodes to a
    // different text (Windows-1250 and ISO-8859-2 agree on Hungarian).
    let runner_up = scored
        .iter()
        .find(|(_, i)| !same_text(*i, winner, &present))
        .map(|(s, _)| *s);
    let confidence = match runner_up {
        None => 0.99,
        Some(second) => {
            let margin = (best - second).max(0.0);
            (0.5 + margin * 1.5).min(0.99)
        }
    };
    if best < -9.0 {
        return Err(DecodeError::Binary {
            reason: "no supported encoding yields readable text".into(),
        });
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        confidence: confidence as f32,
        method: "detected",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `detect_legacy` as first written, always asking `chardetng`.
    fn detect_legacy_reference(bytes: &[u8]) -> Result<Decoded, DecodeError> {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
        let mut scored: Vec<(f64, &'static Encoding, String)> = LEGACY_CANDIDATES
            .iter()
            .map(|&enc| {
                let (text, _) = enc.decode_without_bom_handling(bytes);
                let mut s = plausibility::score(&text).per_char;
                if enc == guess {
                    s += 0.05;
                }
                (s, enc, text.into_owned())
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (best, encoding, text) = scored.swap_remove(0);
        check_not_binary(&text)?;
        let runner_up = scored
            .iter()
            .find(|(_, _, t)| *t != text)
            .map(|(s, _, _)| *s);
        let confidence = match runner_up {
            None => 0.99,
            Some(second) => (0.5 + (best - second).max(0.0) * 1.5).min(0.99),
        };
        if best < -9.0 {
            return Err(DecodeError::Binary {
                reason: "no supported encoding yields readable text".into(),
            });
        }
        Ok(Decoded {
            text,
            encoding: encoding.name(),
            confidence: confidence as f32,
            method: "detected",
        })
    }

    #[test]
    fn skipping_the_guess_changes_nothing() {
        let mut inputs: Vec<Vec<u8>> = Vec::new();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for sub in ["transcripts", "hostile"] {
            for e in std::fs::read_dir(dir.join(sub)).unwrap() {
                let p = e.unwrap().path();
                if p.is_file() {
                    inputs.push(std::fs::read(p).unwrap());
                }
            }
        }
        let g = crate::corpus::Generator::new(2).unwrap();
        for i in 0..40 {
            let f = g.testimony(i);
            if f.encoding != "UTF-8" && !f.encoding.starts_with("UTF-16") {
                inputs.push(f.bytes.clone());
            }
            // Short pieces are where scores come close.
            let text = f.text.chars().take(60).collect::<String>();
            for enc in [
                encoding_rs::WINDOWS_1250,
                encoding_rs::WINDOWS_1251,
                encoding_rs::KOI8_R,
            ] {
                inputs.push(enc.encode(&text).0.into_owned());
            }
        }
        inputs.extend([
            b"Gy\xf5r".to_vec(),
            b"\xe0\xe1\xe2".to_vec(),
            vec![0xC1, 0xE1, 0x20, 0xF5],
        ]);
        let mut legacy = 0;
        for bytes in &inputs {
            if std::str::from_utf8(bytes).is_ok()
                || bytes.iter().filter(|&&b| b == 0).count() * 8 > bytes.len()
            {
                continue;
            }
            legacy += 1;
            assert_eq!(detect_legacy(bytes), detect_legacy_reference(bytes));
        }
        assert!(legacy > 40, "{legacy}");
    }

    #[test]
    fn byte_table_scores_are_the_decoded_scores_to_the_bit() {
        // Arbitrary bytes (every value, long runs, past the 64 KiB cut).
        let mut x: u32 = 0x2545_F491;
        for len in [0usize, 1, 7, 300, 5_000, 70_000] {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    (x >> 24) as u8
                })
                .collect();
            for (i, e) in LEGACY_CANDIDATES.iter().enumerate() {
                let text = e.decode_without_bom_handling(&bytes).0;
                let slow = plausibility::score(&text).per_char;
                let fast = plausibility::score_bytes(&bytes, &byte_tables().infos[i]).per_char;
                assert_eq!(slow.to_bits(), fast.to_bits(), "{} len {len}", e.name());
            }
        }
    }

    fn enc(text: &str, e: &'static Encoding) -> Vec<u8> {
        let (bytes, _, unmappable) = e.encode(text);
        assert!(!unmappable, "test text not encodable in {}", e.name());
        bytes.into_owned()
    }

    const HU: &str = "Negyvennégy novemberében elvittek bennünket háromnapi munkára. \
        Őszintén szólva senki sem hitte, hogy évekig tart. A táborban tífusz volt, \
        sokan meghaltak, a fűtés semmi, a kenyér kevés.";
    const RU: &str = "В ноябре сорок четвёртого нас забрали на три дня, на маленькую работу. \
        В лагере был тиф, многие умерли. Потом эшелон повёз нас на Донбасс, в Сталино, \
        на шахту. Вернулась я только в сорок шестом году.";

    #[test]
    fn bom_and_utf8() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(HU.as_bytes());
        let d = decode(&b, None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.method),
            (HU, "UTF-8", "bom")
        );
        let d = decode(RU.as_bytes(), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (RU, "UTF-8"));
        let mut b = vec![0xFE, 0xFF];
        for u in HU.encode_utf16() {
            b.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&b, None).unwrap().text, HU);
    }

    #[test]
    fn short_hungarian_is_windows_1250_not_1252() {
        let d = decode(&enc(HU, encoding_rs::WINDOWS_1250), None).unwrap();
        assert_eq!(d.text, HU);
        assert!(
            d.encoding == "windows-1250" || d.encoding == "ISO-8859-2",
            "{}",
            d.encoding
        );
        let short = "Ő is fűtött, ők is";
        let d = decode(&enc(short, encoding_rs::WINDOWS_1250), None).unwrap();
        assert_eq!(d.text, short);
    }

    #[test]
    fn russian_legacy_encodings() {
        for e in [
            encoding_rs::WINDOWS_1251,
            encoding_rs::KOI8_R,
            encoding_rs::IBM866,
            encoding_rs::ISO_8859_5,
            encoding_rs::X_MAC_CYRILLIC,
        ] {
            let d = decode(&enc(RU, e), None).unwrap();
            assert_eq!(d.text, RU, "decoding {}", e.name());
            assert_eq!(d.encoding, e.name());
        }
    }

    #[test]
    fn german_windows_1252() {
        let de = "Im Jänner 1945 wurden wir verschleppt, ins Arbeitslager nach Stalino. \
            Die Kälte, der Hunger, die Grube: große Not, müde Füße.";
        let d = decode(&enc(de, encoding_rs::WINDOWS_1252), None).unwrap();
        assert_eq!(d.text, de);
    }

    #[test]
    fn hostile_inputs_are_errors() {
        assert_eq!(decode(b"", None), Err(DecodeError::Empty));
        assert_eq!(decode(b"  \n\r\n ", None), Err(DecodeError::Empty));
        assert_eq!(decode(&[0xEF, 0xBB, 0xBF], None), Err(DecodeError::Empty));
        let bin: Vec<u8> = (0..3000u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(matches!(
            decode(&bin, None),
            Err(DecodeError::Binary { .. })
        ));
        let mut b = vec![0xFF, 0xFE];
        for u in "Foksány".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        b.push(0x41);
        assert!(matches!(
            decode(&b, None),
            Err(DecodeError::InvalidUtf16 { .. })
        ));
        let mut b = vec![0xFF, 0xFE, 0x41, 0x00];
        b.extend_from_slice(&0xD800u16.to_le_bytes());
        assert!(matches!(
            decode(&b, None),
            Err(DecodeError::InvalidUtf16 { offset: 4, .. })
        ));
    }

    #[test]
    fn forced_encoding() {
        let bytes = enc(RU, encoding_rs::KOI8_R);
        let d = decode(&bytes, encoding_for_label("koi8-r")).unwrap();
        assert_eq!((d.text.as_str(), d.method), (RU, "forced"));
        assert!(matches!(
            decode(&[0x66, 0xC3], encoding_for_label("utf8")),
            Err(DecodeError::Malformed { offset: 1, .. })
        ));
        assert_eq!(encoding_for_label("cp866"), Some(encoding_rs::IBM866));
        assert_eq!(encoding_for_label("nonsense"), None);
    }

    #[test]
    fn utf16_without_bom() {
        let mut b = Vec::new();
        for u in HU.encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&b, None).unwrap().text, HU);
    }
}
