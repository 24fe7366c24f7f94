//! The passages (segments) of a testimony as stored in `passages`: one row
//! per testimony holding all its passages in one zstd frame.
//!
//! A testimony's text was stored a row per passage, each row holding its
//! text as it is: the largest table of an archive, bigger than the raw
//! files themselves. Passages are always read by testimony (a page, a
//! reindex, a search's shown hits), so the whole transcript is one frame:
//! compressed together the passages share their words, about 4.5× smaller
//! on the benchmark corpus, where a frame per passage would give ~2×.
//! Reading one passage decompresses its testimony's frame (~0.1 ms for a
//! long one); callers that need several passages of one testimony read
//! them once.
//!
//! The frame carries zstd's checksum and the row the size of the encoded
//! passages, so a damaged row is refused, never handed out as text.
//!
//! Encoding (before compression), per passage in reading order: ordinal
//! (i64 LE), flags (u8: 1 start, 2 end, 4 speaker), start and end (i64 LE)
//! when flagged, then speaker (when flagged), language and text, each a
//! u32 LE length and UTF-8 bytes. The first byte is the format version.

use rusqlite::{OptionalExtension, Transaction, params};

use super::read::SegmentRow;

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

/// The encoded (uncompressed) form of `segments`.
fn encode_raw(segments: &[PassageRef<'_>]) -> Vec<u8> {
    let text: usize = segments.iter().map(|s| s.text.len() + 24).sum();
    let mut out = Vec::with_capacity(1 + text);
    out.push(FORMAT);
    let put_str = |out: &mut Vec<u8>, s: &str| {
        // A passage is far below 4 GiB: the parser caps files long before.
        out.extend_from_slice(&u32::try_from(s.len()).unwrap_or(u32::MAX).to_le_bytes());
        out.extend_from_slice(s.as_bytes());
    };
    for s in segments {
        out.extend_from_slice(&s.ordinal.to_le_bytes());
        let mut flags = 0;
        for (present, flag) in [
            (s.start_ms.is_some(), HAS_START),
            (s.end_ms.is_some(), HAS_END),
            (s.speaker.is_some(), HAS_SPEAKER),
        ] {
            if present {
                flags |= flag;
            }
        }
        out.push(flags);
        for v in [s.start_ms, s.end_ms].into_iter().flatten() {
            out.extend_from_slice(&v.to_le_bytes());
        }
        if let Some(sp) = s.speaker {
            put_str(&mut out, sp);
        }
        put_str(&mut out, s.lang);
        put_str(&mut out, s.text);
    }
    out
}

/// Reads `encode_raw`'s output back.
fn decode_raw(bytes: &[u8]) -> Result<Vec<SegmentRow>, PassagesProblem> {
    struct Cursor<'a>(&'a [u8]);
    impl<'a> Cursor<'a> {
        fn take(&mut self, n: usize) -> Result<&'a [u8], PassagesProblem> {
            if self.0.len() < n {
                return Err(PassagesProblem::Malformed("cut short"));
            }
            let (head, rest) = self.0.split_at(n);
            self.0 = rest;
            Ok(head)
        }
        fn i64(&mut self) -> Result<i64, PassagesProblem> {
            let b = self.take(8)?;
            Ok(i64::from_le_bytes(
                b.try_into()
                    .map_err(|_| PassagesProblem::Malformed("cut short"))?,
            ))
        }
        fn string(&mut self) -> Result<String, PassagesProblem> {
            let b = self.take(4)?;
            let n = u32::from_le_bytes(
                b.try_into()
                    .map_err(|_| PassagesProblem::Malformed("cut short"))?,
            );
            let s = self.take(n as usize)?;
            String::from_utf8(s.to_vec()).map_err(|_| PassagesProblem::Malformed("not UTF-8"))
        }
    }
    let mut c = Cursor(bytes);
    if c.take(1)? != [FORMAT] {
        return Err(PassagesProblem::Malformed("unknown format"));
    }
    let mut out = Vec::new();
    while !c.0.is_empty() {
        let ordinal = c.i64()?;
        let flags = c.take(1)?[0];
        if flags & !(HAS_START | HAS_END | HAS_SPEAKER) != 0 {
            return Err(PassagesProblem::Malformed("unknown flags"));
        }
        let start_ms = if flags & HAS_START != 0 {
            Some(c.i64()?)
        } else {
            None
        };
        let end_ms = if flags & HAS_END != 0 {
            Some(c.i64()?)
        } else {
            None
        };
        let speaker = if flags & HAS_SPEAKER != 0 {
            Some(c.string()?)
        } else {
            None
        };
        let lang = c.string()?;
        let text = c.string()?;
        out.push(SegmentRow {
            ordinal,
            start_ms,
            end_ms,
            speaker,
            lang,
            text,
        });
    }
    Ok(out)
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
    let size = usize::try_from(size).map_err(|_| PassagesProblem::Malformed("negative size"))?;
    let raw = match codec {
        "none" => std::borrow::Cow::Borrowed(stored),
        "zstd" => std::borrow::Cow::Owned(
            zstd::bulk::decompress(stored, size)
                .map_err(|e| PassagesProblem::Undecodable(e.to_string()))?,
        ),
        other => return Err(PassagesProblem::UnknownCodec(other.to_string())),
    };
    if raw.len() != size {
        return Err(PassagesProblem::Malformed("not the stored size"));
    }
    decode_raw(&raw)
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
    let row: Option<(String, Vec<u8>, i64)> = conn
        .prepare_cached("SELECT codec, bytes, size FROM passages WHERE testimony = ?1")?
        .query_row([num], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((codec, bytes, size)) = row else {
        return Ok(Vec::new());
    };
    decode(&codec, &bytes, size)
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
        assert_eq!(decode(codec, &bytes, size), Ok(segs));
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
