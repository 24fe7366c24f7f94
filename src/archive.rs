//! The archive: a directory holding `tanu.sqlite` and `index/`, and the
//! operations on it. This is the library's front door; the CLI (and later
//! the HTTP server) only parse arguments and call these methods.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::access::{Role, Visibility, can_see, mark_spans};
use crate::index::{IndexError, SearchIndex};
use crate::ingest::{IngestError, IngestOptions, prepare};
use crate::search::{SearchError, SearchRequest, SearchResults};
use crate::store::{
    IngestOutcome, RevisionRow, SegmentRow, Store, StoreError, TagRow, TestimonyRow,
    TestimonySummary,
};
use crate::tag::Tagger;
use crate::vocab::{VocabError, Vocabulary};

/// The database file inside an archive directory.
pub const DB_FILE: &str = "tanu.sqlite";
/// The index directory inside an archive directory.
pub const INDEX_DIR: &str = "index";

/// An archive-level failure.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The directory is not a tanu archive.
    #[error("{} is not a tanu archive (no {DB_FILE}); create one with `tanu init`", .0.display())]
    NotAnArchive(PathBuf),
    /// `init` on an existing archive or a non-empty directory.
    #[error("{} already exists and is not empty; `tanu init` needs a new or empty directory", .0.display())]
    AlreadyExists(PathBuf),
    /// Filesystem trouble.
    #[error("{}: {source}", path.display())]
    Io {
        /// Path.
        path: PathBuf,
        /// Error.
        source: std::io::Error,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The index failed.
    #[error(transparent)]
    Index(#[from] IndexError),
    /// The vocabulary is broken.
    #[error(transparent)]
    Vocab(#[from] VocabError),
    /// A search failed.
    #[error(transparent)]
    Search(#[from] SearchError),
}

/// Shorthand for archive results.
pub type Result<T, E = ArchiveError> = std::result::Result<T, E>;

/// An open archive.
pub struct Archive {
    dir: PathBuf,
    store: Store,
    index: SearchIndex,
    vocab: Vocabulary,
    tagger: Tagger,
}

/// The result of ingesting one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileReport {
    /// The file.
    pub path: PathBuf,
    /// The testimony identifier.
    pub id: String,
    /// `ingested`, `unchanged` or `updated`.
    pub outcome: &'static str,
    /// The encoding used.
    pub encoding: String,
    /// Segments stored.
    pub segments: usize,
}

/// Everything `show` displays, already filtered for the caller's role.
#[derive(Debug, Clone, Serialize)]
pub struct TestimonyView {
    /// Metadata.
    pub testimony: TestimonyRow,
    /// Tags with source, status and evidence.
    pub tags: Vec<TagRow>,
    /// The transcript (redacted spans replaced by `[…]` below archivist).
    pub segments: Vec<SegmentRow>,
    /// Revisions (archivists only).
    pub revisions: Vec<RevisionRow>,
    /// Whether any passage was redacted for this view.
    pub redacted: bool,
}

impl Archive {
    /// Creates a new archive in `dir` (created if missing; must be empty).
    pub fn init(dir: &Path) -> Result<Archive> {
        let io = |source| ArchiveError::Io {
            path: dir.to_path_buf(),
            source,
        };
        if dir.exists() {
            let mut entries = std::fs::read_dir(dir).map_err(io)?;
            if entries.next().is_some() {
                return Err(ArchiveError::AlreadyExists(dir.to_path_buf()));
            }
        }
        std::fs::create_dir_all(dir).map_err(io)?;
        let vocab = Vocabulary::builtin()?;
        let store = Store::create(&dir.join(DB_FILE), &vocab)?;
        let index = SearchIndex::create(&dir.join(INDEX_DIR))?;
        let tagger = Tagger::new(&vocab);
        Ok(Archive {
            dir: dir.to_path_buf(),
            store,
            index,
            vocab,
            tagger,
        })
    }

    /// Opens the archive in `dir`. A missing index is rebuilt from SQLite;
    /// changes not yet in the index (after a crash) are applied.
    pub fn open(dir: &Path) -> Result<Archive> {
        let db = dir.join(DB_FILE);
        if !db.is_file() {
            return Err(ArchiveError::NotAnArchive(dir.to_path_buf()));
        }
        let vocab = Vocabulary::builtin()?;
        let store = Store::open(&db, &vocab)?;
        let index_dir = dir.join(INDEX_DIR);
        let missing = !index_dir.join("meta.json").is_file();
        let mut index = if missing {
            SearchIndex::create(&index_dir)?
        } else {
            SearchIndex::open(&index_dir)?
        };
        if missing {
            index.rebuild(&store, &vocab, &mut |_, _| {})?;
        } else {
            index.sync(&store, &vocab)?;
        }
        let tagger = Tagger::new(&vocab);
        Ok(Archive {
            dir: dir.to_path_buf(),
            store,
            index,
            vocab,
            tagger,
        })
    }

    /// Opens the archive without opening the index (for `reindex`, which
    /// must work when the index is refused).
    pub fn open_for_reindex(
        dir: &Path,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(Archive, usize)> {
        let db = dir.join(DB_FILE);
        if !db.is_file() {
            return Err(ArchiveError::NotAnArchive(dir.to_path_buf()));
        }
        let vocab = Vocabulary::builtin()?;
        let store = Store::open(&db, &vocab)?;
        let index_dir = dir.join(INDEX_DIR);
        if index_dir.exists() {
            std::fs::remove_dir_all(&index_dir).map_err(|source| ArchiveError::Io {
                path: index_dir.clone(),
                source,
            })?;
        }
        let mut index = SearchIndex::create(&index_dir)?;
        let n = index.rebuild(&store, &vocab, progress)?;
        let tagger = Tagger::new(&vocab);
        Ok((
            Archive {
                dir: dir.to_path_buf(),
                store,
                index,
                vocab,
                tagger,
            },
            n,
        ))
    }

    /// The archive directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The vocabulary.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocab
    }

    /// The store (read access for reports and tests).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The search index.
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Ingests one file into SQLite (one transaction) and hands its
    /// documents to the index writer; they become searchable at the next
    /// [`Archive::sync_index`], which callers batch.
    pub fn ingest_file(
        &mut self,
        path: &Path,
        opts: &IngestOptions,
        actor: &str,
    ) -> Result<FileReport, IngestError> {
        let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.ingest_bytes(path, bytes, opts, actor)
    }

    /// Ingests bytes as if read from `path`.
    pub fn ingest_bytes(
        &mut self,
        path: &Path,
        bytes: Vec<u8>,
        opts: &IngestOptions,
        actor: &str,
    ) -> Result<FileReport, IngestError> {
        let record = prepare(path, bytes, opts, &self.vocab, &self.tagger)?;
        let outcome = self
            .store
            .write_ingest(&record, actor, opts.replace)
            .map_err(|source| IngestError::Store {
                path: path.to_path_buf(),
                source,
            })?;
        if outcome != IngestOutcome::Unchanged {
            // Index it in the background now; `sync_index` commits. A
            // failure here only means sync does the work (the outbox has
            // the testimony), so it does not fail the ingest.
            let _ = self.index.stage(&self.store, &self.vocab, &record.id);
        }
        Ok(FileReport {
            path: path.to_path_buf(),
            id: record.id,
            outcome: match outcome {
                IngestOutcome::Ingested => "ingested",
                IngestOutcome::Unchanged => "unchanged",
                IngestOutcome::Updated { .. } => "updated",
            },
            encoding: record.encoding,
            segments: record.segments.len(),
        })
    }

    /// Applies pending changes to the index; returns testimonies reindexed.
    pub fn sync_index(&mut self) -> Result<usize> {
        Ok(self.index.sync(&self.store, &self.vocab)?)
    }

    /// Searches.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        Ok(crate::search::search(
            &self.index,
            &self.store,
            &self.vocab,
            req,
        )?)
    }

    /// The testimony `id` as `role` may see it; `None` both when it does
    /// not exist and when the role may not see it.
    pub fn show(&self, id: &str, role: Role) -> Result<Option<TestimonyView>> {
        let Some(t) = self.store.testimony(id)? else {
            return Ok(None);
        };
        let today = crate::dates::today();
        let vis = Visibility {
            access: t.access,
            embargo_until: t.embargo_until.as_deref(),
            status: &t.status,
        };
        if !can_see(role, vis, today) {
            return Ok(None);
        }
        let mut segments = self.store.segments(t.num)?;
        let mut redacted = false;
        if !role.sees_redacted() {
            let redactions = self.store.redactions(t.num)?;
            for seg in &mut segments {
                let spans: Vec<(usize, usize)> = redactions
                    .iter()
                    .filter(|r| r.active && r.ordinal == seg.ordinal)
                    .map(|r| (r.span.0.max(0) as usize, r.span.1.max(0) as usize))
                    .collect();
                if !spans.is_empty() {
                    seg.text = mark_spans(&seg.text, &spans);
                    redacted = true;
                }
            }
        }
        let mut tags = self.store.tags(t.num)?;
        let revisions = if role == Role::Archivist {
            self.store.revisions(t.num)?
        } else {
            Vec::new()
        };
        if role != Role::Archivist {
            // Below archivist: only confirmed tags, without evidence offsets
            // that could point into redacted text.
            tags.retain(|t| t.status == "confirmed");
            for tag in &mut tags {
                tag.evidence.clear();
                tag.decided_by = None;
                tag.note = None;
            }
        }
        let mut testimony = t;
        if role != Role::Archivist {
            testimony.notes = None;
            testimony.source_path = String::new();
        }
        Ok(Some(TestimonyView {
            testimony,
            tags,
            segments,
            revisions,
            redacted,
        }))
    }

    /// The testimonies `role` may see.
    pub fn list(&self, role: Role) -> Result<Vec<TestimonySummary>> {
        let today = crate::dates::today();
        Ok(self
            .store
            .list()?
            .into_iter()
            .filter(|s| {
                can_see(
                    role,
                    Visibility {
                        access: s.access,
                        embargo_until: s.embargo_until.as_deref(),
                        status: &s.status,
                    },
                    today,
                )
            })
            .collect())
    }
}
