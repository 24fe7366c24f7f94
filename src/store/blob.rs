//! Original files as stored in `original`: compressed with zstd when that
//! makes them smaller (`codec = 'zstd'`), else kept as they are
//! (`codec = 'none'`), and verified against their SHA-256 and size on every
//! read, so a damaged or altered blob is never handed out as an original.

use std::borrow::Cow;
use std::io::Read;

/// The zstd level for originals. Measured on `tanu generate --count 500`
/// (42 MB of transcripts, files compressed one by one): level 1 gives
/// 3.65× at 330 MB/s, 3 gives 4.0× at 285 MB/s, 6 gives 4.26× at 86 MB/s,
/// 9 gives 4.47× at 51 MB/s, 12 gives 4.51× at 17 MB/s. Level 3 is the
/// knee: a further 10 % of the originals' size would cost ingest three to
/// six times the compression time.
const ZSTD_LEVEL: i32 = 3;

/// The stored form of `bytes`: `(codec, stored bytes)`.
pub(super) fn encode(bytes: &[u8]) -> (&'static str, Cow<'_, [u8]>) {
    match zstd::bulk::compress(bytes, ZSTD_LEVEL) {
        Ok(packed) if packed.len() < bytes.len() => ("zstd", Cow::Owned(packed)),
        // Incompressible (or empty, or a compressor failure, which only an
        // allocation failure could cause): stored as it is.
        _ => ("none", Cow::Borrowed(bytes)),
    }
}

/// What is wrong with a stored original. The texts complete "the original
/// file … " in `tanu check` and in errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BlobProblem {
    /// The codec column names no codec this tanu knows.
    #[error("is stored with an unknown codec `{0}`")]
    UnknownCodec(String),
    /// The zstd frame cannot be decompressed.
    #[error("does not decompress (altered): {0}")]
    Undecodable(String),
    /// The bytes (after decompression) are not those the hash names.
    #[error("does not match its SHA-256 or size (altered)")]
    Mismatch,
}

/// The original bytes of a stored blob, checked against `sha256` and
/// `size`. Never reads more than `size + 1` decompressed bytes, so a forged
/// blob cannot make a read allocate more than the file it claims to be.
pub(super) fn decode(
    codec: &str,
    stored: Vec<u8>,
    size: i64,
    sha256: &str,
) -> Result<Vec<u8>, BlobProblem> {
    let bytes = match codec {
        "none" => stored,
        "zstd" => {
            let limit = u64::try_from(size).unwrap_or(0).saturating_add(1);
            let decoder = zstd::stream::read::Decoder::with_buffer(stored.as_slice())
                .map_err(|e| BlobProblem::Undecodable(e.to_string()))?;
            let mut out = Vec::new();
            decoder
                .take(limit)
                .read_to_end(&mut out)
                .map_err(|e| BlobProblem::Undecodable(e.to_string()))?;
            out
        }
        other => return Err(BlobProblem::UnknownCodec(other.to_string())),
    };
    if bytes.len() as i64 != size || crate::hash::sha256_hex(&[&bytes]) != sha256 {
        return Err(BlobProblem::Mismatch);
    }
    Ok(bytes)
}

/// Compresses every original still stored as it is (archives written before
/// schema version 7), in the caller's transaction. Each blob is checked
/// against its SHA-256 first: a damaged one is left as it is, for
/// `tanu check` to name. Returns how many were compressed.
pub(super) fn compress_stored(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<u64> {
    let shas: Vec<String> = tx
        .prepare("SELECT sha256 FROM original WHERE codec = 'none' ORDER BY sha256")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut read = tx.prepare("SELECT bytes, size FROM original WHERE sha256 = ?1")?;
    let mut write = tx.prepare("UPDATE original SET bytes = ?2, codec = ?3 WHERE sha256 = ?1")?;
    let mut n = 0;
    for sha in shas {
        // One blob in memory at a time.
        let (bytes, size): (Vec<u8>, i64) =
            read.query_row([&sha], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let Ok(bytes) = decode("none", bytes, size, &sha) else {
            continue;
        };
        if let (codec @ "zstd", packed) = encode(&bytes) {
            write.execute(rusqlite::params![sha, packed.as_ref(), codec])?;
            n += 1;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "[00:00:08] N: Itt születtem, Nagydobronyban, ezerkilencszázhuszonhárom \
        februárjában. Ebben a házban nőttem fel. Az apám földműves volt, volt négy hold földünk. \
        [00:00:29] K: Mire emlékszik negyvennégy őszéből? Нас погнали пешком до Самбора. \
        [00:00:33] N: Október végén jöttek be az oroszok. Október végén jöttek be az oroszok.";

    fn sha(b: &[u8]) -> String {
        crate::hash::sha256_hex(&[b])
    }

    #[test]
    fn text_is_compressed_and_read_back_exactly() {
        let raw = TEXT.repeat(20).into_bytes();
        let (codec, stored) = encode(&raw);
        assert_eq!(codec, "zstd");
        assert!(
            stored.len() * 4 < raw.len(),
            "{} of {}",
            stored.len(),
            raw.len()
        );
        let back = decode(codec, stored.into_owned(), raw.len() as i64, &sha(&raw));
        assert_eq!(back.as_deref(), Ok(raw.as_slice()));
    }

    #[test]
    fn incompressible_and_empty_files_are_kept_as_they_are() {
        // Bytes of a SHA-256 chain: no redundancy for zstd to find.
        let mut raw = Vec::new();
        let mut h = sha(b"seed");
        for _ in 0..64 {
            raw.extend_from_slice(&h.as_bytes()[..32]);
            h = sha(h.as_bytes());
        }
        let raw: Vec<u8> = raw
            .chunks(2)
            .map(|c| c[0].wrapping_mul(31) ^ c[1])
            .collect();
        let (codec, stored) = encode(&raw);
        assert_eq!(codec, "none");
        assert_eq!(stored.as_ref(), raw.as_slice());
        let (codec, stored) = encode(b"");
        assert_eq!((codec, stored.as_ref()), ("none", &b""[..]));
        assert_eq!(decode("none", Vec::new(), 0, &sha(b"")), Ok(Vec::new()));
    }

    #[test]
    fn damaged_blobs_are_named_not_returned() {
        let raw = TEXT.as_bytes();
        let (_, stored) = encode(raw);
        let stored = stored.into_owned();
        let size = raw.len() as i64;
        // A forged prefix breaks the frame.
        let mut forged = b"forged ".to_vec();
        forged.extend_from_slice(&stored);
        assert!(matches!(
            decode("zstd", forged, size, &sha(raw)),
            Err(BlobProblem::Undecodable(_))
        ));
        // A truncated frame.
        let cut = stored[..stored.len() / 2].to_vec();
        assert!(matches!(
            decode("zstd", cut, size, &sha(raw)),
            Err(BlobProblem::Undecodable(_))
        ));
        // A valid frame of other bytes.
        let other = encode(&TEXT.replace("oroszok", "németek").into_bytes())
            .1
            .into_owned();
        assert_eq!(
            decode("zstd", other, size, &sha(raw)),
            Err(BlobProblem::Mismatch)
        );
        // A size that lies: never more than size + 1 bytes are produced.
        assert_eq!(
            decode("zstd", stored.clone(), 10, &sha(raw)),
            Err(BlobProblem::Mismatch)
        );
        assert_eq!(
            decode("lz4", stored, size, &sha(raw)),
            Err(BlobProblem::UnknownCodec("lz4".into()))
        );
        assert_eq!(
            decode("none", b"X".to_vec(), size, &sha(raw)),
            Err(BlobProblem::Mismatch)
        );
    }

    #[test]
    fn a_bomb_stops_at_the_claimed_size() {
        let zeros = vec![0u8; 8_000_000];
        let packed = zstd::bulk::compress(&zeros, 3).expect("compress");
        assert!(packed.len() < 2_000);
        // Claims 100 bytes: decoding stops after 101, far from 8 MB.
        assert_eq!(
            decode("zstd", packed, 100, &sha(&zeros[..100])),
            Err(BlobProblem::Mismatch)
        );
    }
}
