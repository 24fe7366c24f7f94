//! The limits on what tanu reads, so that memory stays bounded whatever a
//! file holds. A file over a limit is refused with a one-line message
//! naming it; the rest of a batch goes on.
//!
//! Memory: tanu holds a file, its decoded and repaired text and its
//! segments at once, a small multiple of the file's size (measured in
//! RELIABILITY.md), so [`MAX_INPUT_BYTES`] bounds an ingest's memory.

use std::io::Read;
use std::path::Path;

/// The largest file tanu reads (transcript, export or sheet): 64 MiB. A
/// ten-hour interview transcribed is about 1 MB of text.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// The most segments one testimony may have.
pub const MAX_SEGMENTS: usize = 200_000;

/// The most rows a metadata sheet may have.
pub const MAX_SHEET_ROWS: usize = 100_000;

/// The deepest XML nesting tanu reads (OHMS goes five levels deep).
pub const MAX_XML_DEPTH: usize = 256;

/// Reads a file of at most [`MAX_INPUT_BYTES`]; a larger one (or one that
/// grows past the limit while read, like a device) is refused without
/// being read whole.
pub fn read_input(path: &Path) -> std::io::Result<Vec<u8>> {
    let too_large = |size: u64| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "the file is {:.1} MB, over tanu's limit of {} MB for one file; split it",
                size as f64 / 1e6,
                MAX_INPUT_BYTES / 1_000_000
            ),
        )
    };
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > MAX_INPUT_BYTES {
        return Err(too_large(len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}
