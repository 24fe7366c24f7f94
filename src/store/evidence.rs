//! A tag's evidence as stored in `tag.evidence`: one packed list per tag.
//!
//! Evidence was a row per matched word (2.6 million rows, 195 MB with
//! their index, at 10,000 testimonies): each repeating its tag number and
//! the same few strings (the matched word, the alias, the rule) dozens of
//! times. It is only ever read, written and deleted by tag, so each tag
//! now holds its list: the distinct strings once, then per item a flags
//! byte, the numbers as variable-length integers and the strings as
//! indexes into that table (13 bytes an item at 10,000 testimonies, the
//! string tables included; a row took about 57).
//!
//! Layout: format byte (1); count of strings, each a length and UTF-8
//! bytes; count of items, each: flags (1 ordinal, 2 span, 4 alias, 8
//! line), ordinal, span start, span length, line (each when flagged,
//! zigzag varints), then the indexes of matched, alias (when flagged) and
//! rule. Items are kept in reading order (passage, then span start; header
//! evidence, with no passage, first).

use super::read::EvidenceRow;
use super::varint::{self, Reader};
use super::write::NewEvidence;

const FORMAT: u8 = 1;

const HAS_ORDINAL: u8 = 1;
const HAS_SPAN: u8 = 2;
const HAS_ALIAS: u8 = 4;
const HAS_LINE: u8 = 8;

/// Why a stored evidence list cannot be read. Completes "the evidence of
/// tag … ".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("is not an evidence list (damaged): {0}")]
pub struct EvidenceProblem(&'static str);

/// One piece of evidence, borrowed from a stored list ([`EvidenceRow`]) or
/// from the tagger ([`NewEvidence`]).
#[derive(Debug, Clone, Copy)]
pub struct EvidenceRef<'a> {
    /// Segment ordinal (None for the header).
    pub ordinal: Option<i64>,
    /// Byte span in the segment text.
    pub span: Option<(i64, i64)>,
    /// The matched text.
    pub matched: &'a str,
    /// The vocabulary alias or cue.
    pub alias: Option<&'a str>,
    /// The rule.
    pub rule: &'a str,
    /// Header line, for header tags.
    pub line: Option<i64>,
}

impl<'a> From<&'a EvidenceRow> for EvidenceRef<'a> {
    fn from(e: &'a EvidenceRow) -> EvidenceRef<'a> {
        EvidenceRef {
            ordinal: e.ordinal,
            span: e.span,
            matched: &e.matched,
            alias: e.alias.as_deref(),
            rule: &e.rule,
            line: e.line,
        }
    }
}

impl<'a> From<&'a NewEvidence> for EvidenceRef<'a> {
    fn from(e: &'a NewEvidence) -> EvidenceRef<'a> {
        EvidenceRef {
            ordinal: e.ordinal,
            span: e.span.map(|(a, b)| (a as i64, b as i64)),
            matched: &e.matched,
            alias: e.alias.as_deref(),
            rule: &e.rule,
            line: e.line.map(|l| l as i64),
        }
    }
}

/// The stored form of `items`, sorted into reading order.
pub(super) fn encode<'a, T>(items: &'a [T]) -> Vec<u8>
where
    &'a T: Into<EvidenceRef<'a>>,
{
    let mut order: Vec<EvidenceRef<'a>> = items.iter().map(Into::into).collect();
    // Stable: items at one place keep the order the tagger gave them.
    order.sort_by_key(|e| (e.ordinal, e.span.map(|s| s.0)));
    let mut strings: Vec<&str> = Vec::new();
    let refs: Vec<(u64, Option<u64>, u64)> = {
        let mut index: std::collections::HashMap<&str, u64> = std::collections::HashMap::new();
        let mut intern = |s| {
            *index.entry(s).or_insert_with(|| {
                strings.push(s);
                (strings.len() - 1) as u64
            })
        };
        order
            .iter()
            .map(|e| (intern(e.matched), e.alias.map(&mut intern), intern(e.rule)))
            .collect()
    };
    let mut out = vec![FORMAT];
    varint::put(&mut out, strings.len() as u64);
    for s in &strings {
        varint::put(&mut out, s.len() as u64);
        out.extend_from_slice(s.as_bytes());
    }
    varint::put(&mut out, order.len() as u64);
    for (e, (m, a, r)) in order.iter().zip(refs) {
        out.push(varint::flags(&[
            (e.ordinal.is_some(), HAS_ORDINAL),
            (e.span.is_some(), HAS_SPAN),
            (a.is_some(), HAS_ALIAS),
            (e.line.is_some(), HAS_LINE),
        ]));
        if let Some(o) = e.ordinal {
            varint::put_signed(&mut out, o);
        }
        if let Some((start, end)) = e.span {
            varint::put_signed(&mut out, start);
            varint::put_signed(&mut out, end.wrapping_sub(start));
        }
        if let Some(l) = e.line {
            varint::put_signed(&mut out, l);
        }
        varint::put(&mut out, m);
        if let Some(a) = a {
            varint::put(&mut out, a);
        }
        varint::put(&mut out, r);
    }
    out
}

/// Reads `encode`'s output back.
pub(super) fn decode(bytes: &[u8]) -> Result<Vec<EvidenceRow>, EvidenceProblem> {
    decode_fields(bytes).map_err(EvidenceProblem)
}

fn decode_fields(bytes: &[u8]) -> Result<Vec<EvidenceRow>, &'static str> {
    let mut c = Reader(bytes);
    if c.byte()? != FORMAT {
        return Err("unknown format");
    }
    let n = c.count()?;
    let mut strings = Vec::with_capacity(n);
    for _ in 0..n {
        let len = c.len()?;
        strings.push(std::str::from_utf8(c.take(len)?).map_err(|_| "not UTF-8")?);
    }
    let string = |i: usize| -> Result<String, &'static str> {
        strings
            .get(i)
            .map(|s| s.to_string())
            .ok_or("a string index is out of range")
    };
    let items = c.count()?;
    let mut out = Vec::with_capacity(items);
    for _ in 0..items {
        let flags = c.byte()?;
        if flags & !(HAS_ORDINAL | HAS_SPAN | HAS_ALIAS | HAS_LINE) != 0 {
            return Err("unknown flags");
        }
        let ordinal = (flags & HAS_ORDINAL != 0).then(|| c.signed()).transpose()?;
        let span = if flags & HAS_SPAN != 0 {
            let start = c.signed()?;
            let len = c.signed()?;
            Some((start, start.wrapping_add(len)))
        } else {
            None
        };
        let line = (flags & HAS_LINE != 0).then(|| c.signed()).transpose()?;
        let matched = string(c.len()?)?;
        let alias = (flags & HAS_ALIAS != 0)
            .then(|| c.len().and_then(string))
            .transpose()?;
        let rule = string(c.len()?)?;
        out.push(EvidenceRow {
            ordinal,
            span,
            matched,
            alias,
            rule,
            line,
        });
    }
    if !c.0.is_empty() {
        return Err("bytes after the last item");
    }
    Ok(out)
}

/// The evidence of tag `tag`, from its stored list.
pub(super) fn read(tag: i64, packed: &[u8]) -> super::Result<Vec<EvidenceRow>> {
    decode(packed)
        .map_err(|p| super::StoreError::Corrupt(format!("the evidence of tag #{tag} {p}")))
}

/// Version 9's data step: every tag's `tag_evidence` rows become its
/// `evidence` list, a tag at a time; then the table goes.
pub(super) fn pack_rows(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<u64> {
    let tags: Vec<i64> = tx
        .prepare("SELECT DISTINCT tag FROM tag_evidence ORDER BY tag")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut rows = tx.prepare(
        "SELECT ordinal, span_start, span_end, matched, alias, rule, line FROM tag_evidence
          WHERE tag = ?1 ORDER BY ordinal, span_start, rowid",
    )?;
    let mut write = tx.prepare("UPDATE tag SET evidence = ?2 WHERE num = ?1")?;
    for &tag in &tags {
        let items: Vec<EvidenceRow> = rows
            .query_map([tag], |r| {
                let (a, b): (Option<i64>, Option<i64>) = (r.get(1)?, r.get(2)?);
                Ok(EvidenceRow {
                    ordinal: r.get(0)?,
                    span: a.zip(b),
                    matched: r.get(3)?,
                    alias: r.get(4)?,
                    rule: r.get(5)?,
                    line: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        write.execute(rusqlite::params![tag, encode(&items)])?;
    }
    drop((rows, write));
    tx.execute_batch("DROP TABLE tag_evidence")?;
    Ok(tags.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(
        ordinal: Option<i64>,
        span: Option<(i64, i64)>,
        matched: &str,
        alias: Option<&str>,
        rule: &str,
    ) -> EvidenceRow {
        EvidenceRow {
            ordinal,
            span,
            matched: matched.into(),
            alias: alias.map(Into::into),
            rule: rule.into(),
            line: ordinal.is_none().then_some(7),
        }
    }

    fn sample() -> Vec<EvidenceRow> {
        vec![
            item(
                Some(4),
                Some((120, 134)),
                "Sztálinóba",
                Some("sztálinó"),
                "destination",
            ),
            item(None, None, "Donbasz", None, "header"),
            item(Some(2), Some((0, 12)), "Сталино", Some("сталино"), "camp"),
            item(
                Some(4),
                Some((12, 26)),
                "Sztálinóban",
                Some("sztálinó"),
                "camp",
            ),
            item(Some(0), None, "Nagyszőlős", None, "home"),
            item(
                Some(4),
                Some((120, 134)),
                "Sztálinóba",
                Some("sztálinó"),
                "first-person",
            ),
        ]
    }

    #[test]
    fn evidence_is_packed_small_and_read_back_in_reading_order() {
        let items = sample();
        let bytes = encode(&items);
        let back = decode(&bytes).expect("decodes");
        let mut expected = items.clone();
        expected.sort_by_key(|e| (e.ordinal, e.span.map(|s| s.0)));
        assert_eq!(back, expected);
        // Header evidence first; items at one place in the tagger's order.
        assert_eq!(back[0].rule, "header");
        assert_eq!(back[4].rule, "destination");
        assert_eq!(back[5].rule, "first-person");
        // Each string once: far smaller than the rows it replaces.
        let many: Vec<EvidenceRow> = (0..50)
            .map(|i| {
                item(
                    Some(i),
                    Some((i * 3, i * 3 + 10)),
                    "Gyuláról",
                    Some("gyula"),
                    "camp",
                )
            })
            .collect();
        let packed = encode(&many);
        // About 8 bytes an item, where a row took about 57.
        assert!(packed.len() < 50 * 10, "{} bytes", packed.len());
        assert_eq!(decode(&packed).expect("decodes"), many);
        assert_eq!(decode(&encode::<EvidenceRow>(&[])), Ok(Vec::new()));
    }

    #[test]
    fn damaged_lists_are_refused_not_misread() {
        let bytes = encode(&sample());
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n]).is_err(), "cut at {n}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
        assert_eq!(decode(&[2, 0, 0]), Err(EvidenceProblem("unknown format")));
        // A string index past the table, and a huge count.
        assert!(decode(&[1, 1, 1, b'a', 1, 0, 5, 0]).is_err());
        assert!(decode(&[1, 0xff, 0xff, 0xff, 0xff, 0x0f]).is_err());
        assert!(decode(&[1, 1, 2, 0xff, 0xfe, 0]).is_err());
    }
}
