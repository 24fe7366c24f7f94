//! The passages (segments) of a testimony as stored in `passages`: one row
//! per testimony holding all its passages in one zstd frame.
//!
//! A testimony's text was stored a row per passage, each row holding its
//! text as it is: the largest table of an archive, bigger than the raw
//! files themselves. Passages are always read by testimony (a page, a
//! reindex, a search's shown hits), so the whole transcript is one frame:
//! compressed together the passages share their words, 4.3× smaller on
//! the 10,000-testimony benchmark corpus, where a frame per passage would
//! give ~2×.
//! Reading one passage decompresses its testimony's frame (~0.1 ms for a
//! long one); callers that need several passages of one testimony read
//! them once.
//!
//! The frame carries zstd's checksum and the row the size of the encoded
//! passages, so a damaged row is refused, never handed out as text.
//!
//! Encoding (before compression): the format version (1); the count of
//! passages; per passage in reading order its numbers: the ordinal (as the
//! step from the one before), flags (1 start, 2 end, 4 speaker), the start
//! (as the step from the last start) and the end (from its start) when
//! flagged, and the byte lengths of its speaker (when flagged), language
//! and text, all zigzag/plain varints; then every passage's speaker,
//! language and text in one UTF-8 run.

use rusqlite::{OptionalExtension, Transaction, params};

use super::read::SegmentRow;
use super::varint::{self, Reader, SHORT};

/// The zstd level: the originals' (see `blob.rs`), for the same reasons.
const ZSTD_LEVEL: i32 = 3;

/// The first byte of an encoding.
const FORMAT: u8 = 1;

const HAS_START: u8 = 1;
const HAS_END: u8 = 2;
const HAS_SPEAKER: u8 = 4;

/// What is wrong with a stored transcript. The texts complete "the
/// passages of … " in `tanu check` and in errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PassagesProblem {
    /// The codec column names no codec this tanu knows.
    #[error("are stored with an unknown codec `{0}`")]
    UnknownCodec(String),
    /// The zstd frame cannot be decompressed, or its checksum fails.
    #[error("do not decompress (damaged): {0}")]
    Undecodable(String),
    /// The decompressed bytes are not a list of passages.
    #[error("are not a list of passages (damaged): {0}")]
    Malformed(&'static str),
}

/// One passage to store, borrowed from a stored row or a parsed file.
#[derive(Debug, Clone, Copy)]
pub(super) struct PassageRef<'a> {
    pub ordinal: i64,
    pub start_ms: Option<i64>,
    pub end_ms: Option<i64>,
    pub speaker: Option<&'a str>,
    pub lang: &'a str,
    pub text: &'a str,
}

impl<'a> From<&'a SegmentRow> for PassageRef<'a> {
    fn from(s: &'a SegmentRow) -> PassageRef<'a> {
        PassageRef {
            ordinal: s.ordinal,
            start_ms: s.start_ms,
            end_ms: s.end_ms,
            speaker: s.speaker.as_deref(),
            lang: &s.lang,
            text: &s.text,
        }
    }
}

/// The encoded (uncompressed) form of `segments`: the numbers of every
/// passage first, then all their strings in one run, so that zstd sees the
/// text as the running text it is.
fn encode_raw(segments: &[PassageRef<'_>]) -> Vec<u8> {
    let text: usize = segments.iter().map(|s| s.text.len() + 3).sum();
    let mut out = Vec::with_capacity(16 + 12 * segments.len() + text);
    out.push(FORMAT);
    varint::put(&mut out, segments.len() as u64);
    let (mut ordinal, mut start) = (0i64, 0i64);
    for s in segments {
        varint::put_signed(&mut out, s.ordinal.wrapping_sub(ordinal));
        ordinal = s.ordinal;
        out.push(varint::flags(&[
            (s.start_ms.is_some(), HAS_START),
            (s.end_ms.is_some(), HAS_END),
            (s.speaker.is_some(), HAS_SPEAKER),
        ]));
        if let Some(v) = s.start_ms {
            varint::put_signed(&mut out, v.wrapping_sub(start));
            start = v;
        }
        if let Some(v) = s.end_ms {
            varint::put_signed(&mut out, v.wrapping_sub(start));
        }
        if let Some(sp) = s.speaker {
            varint::put(&mut out, sp.len() as u64);
        }
        varint::put(&mut out, s.lang.len() as u64);
        varint::put(&mut out, s.text.len() as u64);
    }
    for s in segments {
        if let Some(sp) = s.speaker {
            out.extend_from_slice(sp.as_bytes());
        }
        out.extend_from_slice(s.lang.as_bytes());
        out.extend_from_slice(s.text.as_bytes());
    }
    out
}

/// Reads `encode_raw`'s output back: the passages whose ordinal `keep`
/// accepts (every string of those is validated; the others are skipped by
/// their lengths, which must still add up).
fn decode_raw(
    bytes: &[u8],
    keep: &dyn Fn(i64) -> bool,
) -> Result<Vec<SegmentRow>, PassagesProblem> {
    decode_fields(bytes, keep).map_err(PassagesProblem::Malformed)
}

fn decode_fields(
    bytes: &[u8],
    keep: &dyn Fn(i64) -> bool,
) -> Result<Vec<SegmentRow>, &'static str> {
    let mut c = Reader(bytes);
    if c.byte()? != FORMAT {
        return Err("unknown format");
    }
    let n = c.count()?;
    struct Head {
        ordinal: i64,
        start_ms: Option<i64>,
        end_ms: Option<i64>,
        speaker: Option<usize>,
        lang: usize,
        text: usize,
    }
    let mut heads = Vec::with_capacity(n);
    let (mut ordinal, mut start) = (0i64, 0i64);
    for _ in 0..n {
        ordinal = ordinal.wrapping_add(c.signed()?);
        let flags = c.byte()?;
        if flags & !(HAS_START | HAS_END | HAS_SPEAKER) != 0 {
            return Err("unknown flags");
        }
        let start_ms = if flags & HAS_START != 0 {
            start = start.wrapping_add(c.signed()?);
            Some(start)
        } else {
            None
        };
        let end_ms = if flags & HAS_END != 0 {
            Some(start.wrapping_add(c.signed()?))
        } else {
            None
        };
        let speaker = if flags & HAS_SPEAKER != 0 {
            Some(c.len()?)
        } else {
            None
        };
        heads.push(Head {
            ordinal,
            start_ms,
            end_ms,
            speaker,
            lang: c.len()?,
            text: c.len()?,
        });
    }
    // The strings, in one run after the numbers. A kept passage's strings
    // are validated one by one (SIMD: the text is most of what a read
    // does); the others are only stepped over.
    let strings = c.0;
    let mut at = 0usize;
    let mut next = |len: usize, keep: bool| -> Result<Option<String>, &'static str> {
        let end = at.checked_add(len).ok_or(SHORT)?;
        let s = strings.get(at..end).ok_or(SHORT)?;
        at = end;
        if !keep {
            return Ok(None);
        }
        simdutf8::basic::from_utf8(s)
            .map(|s| Some(s.to_string()))
            .map_err(|_| "not UTF-8")
    };
    let mut out = Vec::new();
    for h in heads {
        let kept = keep(h.ordinal);
        let speaker = match h.speaker {
            Some(n) => next(n, kept)?,
            None => None,
        };
        let lang = next(h.lang, kept)?;
        let text = next(h.text, kept)?;
        if let (true, Some(lang), Some(text)) = (kept, lang, text) {
            out.push(SegmentRow {
                ordinal: h.ordinal,
                start_ms: h.start_ms,
                end_ms: h.end_ms,
                speaker,
                lang,
                text,
            });
        }
    }
    if at != strings.len() {
        return Err("bytes after the last passage");
    }
    Ok(out)
}

thread_local! {
    /// A decompression context per thread: making one costs as much as
    /// decompressing a short testimony.
    static DECOMPRESSOR: std::cell::RefCell<Option<zstd::bulk::Decompressor<'static>>> =
        const { std::cell::RefCell::new(None) };
}

/// The zstd frame `stored`, decompressed into at most `size` bytes.
fn decompress(stored: &[u8], size: usize) -> Result<Vec<u8>, PassagesProblem> {
    let undecodable = |e: std::io::Error| PassagesProblem::Undecodable(e.to_string());
    DECOMPRESSOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        let d = match &mut *slot {
            Some(d) => d,
            empty => empty.insert(zstd::bulk::Decompressor::new().map_err(undecodable)?),
        };
        d.decompress(stored, size).map_err(undecodable)
    })
}

/// The stored form of `segments`: `(codec, size of the encoding, bytes)`.
pub(super) fn encode(segments: &[PassageRef<'_>]) -> (&'static str, i64, Vec<u8>) {
    let raw = encode_raw(segments);
    let size = raw.len() as i64;
    let packed = zstd::bulk::Compressor::new(ZSTD_LEVEL).and_then(|mut c| {
        c.set_parameter(zstd::zstd_safe::CParameter::ChecksumFlag(true))?;
        c.compress(&raw)
    });
    match packed {
        Ok(packed) if packed.len() < raw.len() => ("zstd", size, packed),
        // Only an allocation failure makes the compressor fail; a tiny
        // transcript may not shrink. Either is stored as it is.
        _ => ("none", size, raw),
    }
}

/// The passages of a stored row. Never decompresses more than `size`
/// bytes, so a forged row cannot make a read allocate more than it claims.
pub(super) fn decode(
    codec: &str,
    stored: &[u8],
    size: i64,
) -> Result<Vec<SegmentRow>, PassagesProblem> {
    decode_where(codec, stored, size, &|_| true)
}

/// [`decode`], keeping only the passages whose ordinal `keep` accepts.
fn decode_where(
    codec: &str,
    stored: &[u8],
    size: i64,
    keep: &dyn Fn(i64) -> bool,
) -> Result<Vec<SegmentRow>, PassagesProblem> {
    let size = usize::try_from(size).map_err(|_| PassagesProblem::Malformed("negative size"))?;
    let raw = match codec {
        "none" => std::borrow::Cow::Borrowed(stored),
        "zstd" => std::borrow::Cow::Owned(decompress(stored, size)?),
        other => return Err(PassagesProblem::UnknownCodec(other.to_string())),
    };
    if raw.len() != size {
        return Err(PassagesProblem::Malformed("not the stored size"));
    }
    decode_raw(&raw, keep)
}

/// Stores `segments` as the passages of testimony `num`, replacing any.
pub(super) fn write(
    tx: &Transaction<'_>,
    num: i64,
    segments: &[PassageRef<'_>],
) -> rusqlite::Result<()> {
    let (codec, size, bytes) = encode(segments);
    tx.prepare_cached(
        "INSERT INTO passages (testimony, segments, size, codec, bytes) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (testimony) DO UPDATE SET segments = excluded.segments, size = excluded.size,
            codec = excluded.codec, bytes = excluded.bytes",
    )?
    .execute(params![num, segments.len() as i64, size, codec, bytes])?;
    Ok(())
}

/// The passages of testimony `num` (none when it has no row).
pub(super) fn read(conn: &rusqlite::Connection, num: i64) -> super::Result<Vec<SegmentRow>> {
    read_where(conn, num, &|_| true)
}

/// The passages of testimony `num` whose ordinal `keep` accepts.
pub(super) fn read_where(
    conn: &rusqlite::Connection,
    num: i64,
    keep: &dyn Fn(i64) -> bool,
) -> super::Result<Vec<SegmentRow>> {
    let row: Option<(String, Vec<u8>, i64)> = conn
        .prepare_cached("SELECT codec, bytes, size FROM passages WHERE testimony = ?1")?
        .query_row([num], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((codec, bytes, size)) = row else {
        return Ok(Vec::new());
    };
    decode_where(&codec, &bytes, size, keep)
        .map_err(|p| super::StoreError::Corrupt(format!("the passages of testimony #{num} {p}")))
}

/// Version 8's data step: every testimony's `segment` rows become its
/// `passages` row, one testimony in memory at a time; then the `segment`
/// table goes.
pub(super) fn pack_segments(tx: &Transaction<'_>) -> rusqlite::Result<u64> {
    let nums: Vec<i64> = tx
        .prepare("SELECT DISTINCT testimony FROM segment ORDER BY testimony")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut rows = tx.prepare(
        "SELECT ordinal, start_ms, end_ms, speaker, lang, text FROM segment
          WHERE testimony = ?1 ORDER BY ordinal",
    )?;
    for &num in &nums {
        let segments: Vec<SegmentRow> = rows
            .query_map([num], |r| {
                Ok(SegmentRow {
                    ordinal: r.get(0)?,
                    start_ms: r.get(1)?,
                    end_ms: r.get(2)?,
                    speaker: r.get(3)?,
                    lang: r.get(4)?,
                    text: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let refs: Vec<PassageRef<'_>> = segments.iter().map(PassageRef::from).collect();
        write(tx, num, &refs)?;
    }
    drop(rows);
    tx.execute_batch("DROP TABLE segment")?;
    Ok(nums.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(ordinal: i64, text: &str) -> SegmentRow {
        SegmentRow {
            ordinal,
            start_ms: (ordinal % 2 == 0).then_some(ordinal * 31_000),
            end_ms: (ordinal % 3 == 0).then_some(ordinal * 31_000 + 9_000),
            speaker: (ordinal != 2).then(|| if ordinal % 2 == 0 { "K" } else { "N" }.to_string()),
            lang: if text.contains('Н') { "ru" } else { "hu" }.to_string(),
            text: text.to_string(),
        }
    }

    fn refs(segs: &[SegmentRow]) -> Vec<PassageRef<'_>> {
        segs.iter().map(PassageRef::from).collect()
    }

    fn transcript() -> Vec<SegmentRow> {
        let lines = [
            "Negyvennégy novemberében kidobolták, hogy minden férfi menjen háromnapi munkára.",
            "És mi történt azután?",
            "Нас погнали пешком до Самбора, там держали две недели, потом в вагоны.",
            "",
            "A Donbászba vittek, Sztálinó mellé, a bányába. Negyvenkilencben jöttem haza.",
        ];
        (0..60)
            .map(|i| seg(i + 1, lines[i as usize % lines.len()]))
            .collect()
    }

    #[test]
    fn passages_are_compressed_and_read_back_exactly() {
        let segs = transcript();
        let (codec, size, bytes) = encode(&refs(&segs));
        assert_eq!(codec, "zstd");
        assert!(bytes.len() * 4 < size as usize, "{} of {size}", bytes.len());
        assert_eq!(decode(codec, &bytes, size).as_ref(), Ok(&segs));
        // Some passages only: the same rows, the others skipped.
        let some = decode_where(codec, &bytes, size, &|o| o % 7 == 3).expect("decodes");
        let expected: Vec<SegmentRow> = segs
            .iter()
            .filter(|s| s.ordinal % 7 == 3)
            .cloned()
            .collect();
        assert_eq!(some, expected);
        // No passages at all is a valid transcript too.
        let (codec, size, bytes) = encode(&[]);
        assert_eq!(decode(codec, &bytes, size), Ok(Vec::new()));
    }

    #[test]
    fn damaged_rows_are_named_not_returned() {
        let segs = transcript();
        let (codec, size, bytes) = encode(&refs(&segs));
        // A flipped byte inside the frame: zstd's checksum or its decoder
        // refuses it.
        let mut flipped = bytes.clone();
        let mid = flipped.len() / 2;
        flipped[mid] ^= 0x40;
        assert!(decode(codec, &flipped, size).is_err());
        // A size that lies, either way.
        assert!(decode(codec, &bytes, size - 1).is_err());
        assert!(decode(codec, &bytes, size + 1).is_err());
        assert!(decode(codec, &bytes, -5).is_err());
        assert_eq!(
            decode("lz4", &bytes, size),
            Err(PassagesProblem::UnknownCodec("lz4".into()))
        );
        // Uncompressed but cut short, or not UTF-8, or an unknown format.
        let raw = encode_raw(&refs(&segs));
        for n in [0, 1, 5, 9, 10, 14, raw.len() - 1] {
            assert!(
                decode("none", &raw[..n], n as i64).is_err() || n == 1,
                "{n} bytes"
            );
        }
        let mut bad = encode_raw(&refs(&[seg(1, "ab")]));
        let last = bad.len() - 1;
        bad[last] = 0xff;
        assert_eq!(
            decode("none", &bad, bad.len() as i64),
            Err(PassagesProblem::Malformed("not UTF-8"))
        );
        assert_eq!(
            decode("none", &[9], 1),
            Err(PassagesProblem::Malformed("unknown format"))
        );
    }
}
