//! Read-side helpers of [`Archive`] for long-running readers (the web
//! server): seeing other processes' index commits, a testimony's
//! recording, and highlighting a whole text for a query.

use std::path::PathBuf;

use super::{Archive, INDEX_DIR, Result};
use crate::access::Role;
use crate::index::SearchIndex;

/// The subdirectory of an archive holding recordings: `media/{id}.{ext}`
/// is the recording of testimony `id`.
pub const MEDIA_DIR: &str = "media";

/// Recording formats tanu serves, by extension, with their MIME type (the
/// first file found in this order is the testimony's recording).
pub const MEDIA_TYPES: &[(&str, &str)] = &[
    ("opus", "audio/ogg"),
    ("ogg", "audio/ogg"),
    ("oga", "audio/ogg"),
    ("mp3", "audio/mpeg"),
    ("m4a", "audio/mp4"),
    ("wav", "audio/wav"),
    ("flac", "audio/flac"),
    ("webm", "video/webm"),
    ("mp4", "video/mp4"),
];

/// A testimony's recording on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaFile {
    /// The file.
    pub path: PathBuf,
    /// Its MIME type (from the extension).
    pub mime: &'static str,
}

/// What the last commit of the search index looked like on disk, to tell
/// whether another process has committed since (see
/// [`Archive::refresh_index`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexStamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

/// Read-side helpers for long-running readers (the web server).
impl Archive {
    /// The stamp of the index's last commit as it is on disk now.
    pub fn index_stamp(&self) -> Option<IndexStamp> {
        let meta = std::fs::metadata(self.dir.join(INDEX_DIR).join("meta.json")).ok()?;
        Some(IndexStamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }

    /// Makes this handle see the index as last committed by any process,
    /// when the commit on disk differs from `seen` (which is updated).
    /// The index is reopened read-only: a writer this handle held (from
    /// applying the outbox when it was opened) is released, so another
    /// process (an ingest) can take it. Returns whether it reopened.
    /// SQLite needs nothing: every read sees the last commit.
    pub fn refresh_index(&mut self, seen: &mut Option<IndexStamp>) -> Result<bool> {
        let now = self.index_stamp();
        if now.is_some() && *seen == now {
            return Ok(false);
        }
        // The old index (and any writer it held, after its merges) goes
        // when the new one is in place; on failure it stays.
        let dir = self.dir.join(INDEX_DIR);
        self.index = SearchIndex::open(&dir)?;
        *seen = now;
        Ok(true)
    }

    /// The recording of testimony `id`, if `role` may see the testimony and
    /// `media/{id}.{ext}` exists; `None` both when there is no recording and
    /// when the testimony is missing or hidden.
    pub fn media(&self, id: &str, role: Role) -> Result<Option<MediaFile>> {
        // Only ids as stored (checked by `show`), so no path can be built
        // from anything else.
        let Some(view) = self.show(id, role)? else {
            return Ok(None);
        };
        let id = &view.testimony.id;
        if !crate::parse::is_valid_identifier(id) {
            return Ok(None);
        }
        let dir = self.dir.join(MEDIA_DIR);
        for (ext, mime) in MEDIA_TYPES {
            let path = dir.join(format!("{id}.{ext}"));
            if path.is_file() {
                return Ok(Some(MediaFile { path, mime }));
            }
        }
        Ok(None)
    }

    /// The byte ranges of each text's words that `query` highlights (see
    /// [`crate::search::highlight_texts`]); `texts` are `(text, language
    /// code)`.
    pub fn highlight(
        &self,
        query: &str,
        texts: &[(&str, &str)],
    ) -> Result<Vec<Vec<(usize, usize)>>> {
        Ok(crate::search::highlight_texts(
            &self.index,
            &self.vocab,
            query,
            texts,
        )?)
    }
}
