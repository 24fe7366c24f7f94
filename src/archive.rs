//! The archive: a directory holding `tanu.sqlite` and `index/`, and the
//! operations on it. This is the library's front door; the CLI (and later
//! the HTTP server) only parse arguments and call these methods.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::access::{
    Role, Visibility, can_see, mark_spans, redact_index_point, redacted_phrases, spans_at,
};
use crate::export::ExportRecord;
use crate::facets::{FacetValue, TagFact};
use crate::identity::{MatchedBy, Recognised};
use crate::index::{IndexError, SearchIndex};
use crate::ingest::{IngestError, IngestOptions, prepare};
use crate::parse::IndexPoint;
use crate::search::{SearchError, SearchRequest, SearchResults};
use crate::store::{
    IngestOutcome, RevisionRow, SegmentRow, Store, StoreError, TagRow, TestimonyRow,
    TestimonySummary,
};
use crate::tag::Tagger;
use crate::vocab::{Facet, VocabError, Vocabulary};

/// The database file inside an archive directory.
pub const DB_FILE: &str = "tanu.sqlite";
/// The index directory inside an archive directory.
pub const INDEX_DIR: &str = "index";

/// At most this many files are prepared side by side during an ingest
/// (one per core): each lane is a thread decoding, repairing, parsing and
/// tagging the next file while the ingest stores the previous ones.
const MAX_PREPARE_LANES: usize = 4;

mod harvest;
pub use self::harvest::{HarvestItem, HarvestPage, HarvestQuery, HarvestSet};
mod readers;
pub use self::readers::{IndexStamp, MEDIA_DIR, MEDIA_TYPES, MediaFile};

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
    notes: Vec<String>,
}

/// The result of ingesting one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileReport {
    /// The file.
    pub path: PathBuf,
    /// The testimony identifier.
    pub id: String,
    /// `new`, `updated`, `unchanged` or `moved` (see [`crate::identity`]).
    pub outcome: &'static str,
    /// Why the file became this testimony, when it is not plain (a taken
    /// identifier, the copy it duplicates, where it moved from).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The encoding used.
    pub encoding: String,
    /// Segments stored.
    pub segments: usize,
    /// What the import repaired or kept aside, for the user to know (also
    /// recorded among the testimony's repairs).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl FileReport {
    /// A report for a file recognised without decoding it.
    fn quiet(path: &Path, id: String, outcome: &'static str, reason: Option<String>) -> FileReport {
        FileReport {
            path: path.to_path_buf(),
            id,
            outcome,
            reason,
            encoding: String::new(),
            segments: 0,
            warnings: Vec::new(),
        }
    }
}

/// What [`Archive::backup`] wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupReport {
    /// The backup directory (an archive).
    pub dest: PathBuf,
    /// Testimonies in the copy (merged records included).
    pub testimonies: usize,
    /// Size of the copied database in bytes.
    pub bytes: u64,
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
    /// The table of contents (OHMS index points); redacted passages they
    /// quote are replaced by `[…]` below archivist.
    pub index_points: Vec<IndexPoint>,
    /// Revisions (archivists only).
    pub revisions: Vec<RevisionRow>,
    /// Whether any passage was redacted for this view.
    pub redacted: bool,
    /// Records merged into this one (archivists only).
    pub merged: Vec<String>,
    /// Redactions, active and lifted (archivists only).
    pub redactions: Vec<crate::store::RedactionRow>,
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
        let mut index = SearchIndex::create(&dir.join(INDEX_DIR))?;
        // An empty archive's index is complete once built from it.
        index.rebuild(&store, &vocab, &mut |_, _| {})?;
        let tagger = Tagger::new(&vocab);
        Ok(Archive {
            dir: dir.to_path_buf(),
            store,
            index,
            vocab,
            tagger,
            notes: Vec::new(),
        })
    }

    /// Opens the archive in `dir`. A missing index is rebuilt from SQLite;
    /// changes not yet in the index (after a crash) are applied. An index
    /// that cannot be opened (damaged files, an interrupted commit Tantivy
    /// cannot get past) is rebuilt from SQLite, and [`Archive::notes`] says
    /// so: the index is derived, so an interrupted index commit never stops
    /// the archive from opening.
    pub fn open(dir: &Path) -> Result<Archive> {
        let db = dir.join(DB_FILE);
        if !db.is_file() {
            return Err(ArchiveError::NotAnArchive(dir.to_path_buf()));
        }
        let vocab = Vocabulary::builtin()?;
        let store = Store::open(&db, &vocab)?;
        let mut notes = Vec::new();
        let index = open_index(&dir.join(INDEX_DIR), &store, &vocab, &mut notes)?;
        let tagger = Tagger::new(&vocab);
        Ok(Archive {
            dir: dir.to_path_buf(),
            store,
            index,
            vocab,
            tagger,
            notes,
        })
    }

    /// What opening the archive did or could not do that the user should
    /// know (one line each): an index rebuilt from SQLite, changes that
    /// could not be applied to it yet.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Backs up the archive in `dir` to `dest` (a new or empty directory):
    /// a consistent copy of `tanu.sqlite` taken with SQLite's backup API
    /// while other processes go on ingesting and searching, checked
    /// (integrity, audit chain), written under a temporary name beside
    /// `dest` and renamed into place, so `dest` never holds half a backup.
    /// The search index is derived and not copied: opening the copy (which
    /// is the restore) rebuilds it.
    pub fn backup(dir: &Path, dest: &Path) -> Result<BackupReport> {
        let db = dir.join(DB_FILE);
        if !db.is_file() {
            return Err(ArchiveError::NotAnArchive(dir.to_path_buf()));
        }
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| ArchiveError::Io { path, source }
        };
        if dest.exists() {
            let mut entries = std::fs::read_dir(dest).map_err(io(dest))?;
            if entries.next().is_some() {
                return Err(ArchiveError::AlreadyExists(dest.to_path_buf()));
            }
        }
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "backup".into());
        let parent = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let tmp = parent.join(format!(".{name}.tanu-backup-{}", std::process::id()));
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp).map_err(io(&tmp))?;
        }
        std::fs::create_dir_all(&tmp).map_err(io(&tmp))?;
        let result = (|| -> Result<BackupReport> {
            let vocab = Vocabulary::builtin()?;
            let store = Store::open(&db, &vocab)?;
            let copy = tmp.join(DB_FILE);
            store.backup_to(&copy)?;
            let testimonies = store.testimony_ids()?.len();
            let file = std::fs::File::open(&copy).map_err(io(&copy))?;
            file.sync_all().map_err(io(&copy))?;
            let bytes = file.metadata().map_err(io(&copy))?.len();
            if dest.exists() {
                std::fs::remove_dir(dest).map_err(io(dest))?;
            }
            std::fs::rename(&tmp, dest).map_err(io(dest))?;
            if let Ok(d) = std::fs::File::open(&parent) {
                let _ = d.sync_all();
            }
            Ok(BackupReport {
                dest: dest.to_path_buf(),
                testimonies,
                bytes,
            })
        })();
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&tmp);
        }
        result
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
            // Not from under another process's writer (an ingest): its
            // lock would go with the directory.
            crate::index::ensure_no_writer(&index_dir)?;
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
                notes: Vec::new(),
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

    pub(crate) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    pub(crate) fn tagger(&self) -> &Tagger {
        &self.tagger
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
        let bytes = crate::limits::read_input(path).map_err(|source| IngestError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.ingest_bytes(path, bytes, opts, actor)
    }

    /// Ingests one file that may hold several testimonies: a tanu JSON
    /// export in JSON Lines (`export --all --format json`) restores each
    /// line in its own transaction. Any other file is [`Archive::ingest_file`].
    pub fn ingest_path(
        &mut self,
        path: &Path,
        opts: &IngestOptions,
        actor: &str,
    ) -> Vec<Result<FileReport, IngestError>> {
        let bytes = match crate::limits::read_input(path) {
            Ok(b) => b,
            Err(source) => {
                return vec![Err(IngestError::Io {
                    path: path.to_path_buf(),
                    source,
                })];
            }
        };
        if crate::export::json::is_export(&bytes) {
            return self.restore(path, &bytes, actor);
        }
        vec![self.ingest_bytes(path, bytes, opts, actor)]
    }

    /// Restores every testimony of a tanu JSON export (see
    /// [`crate::export::json`]).
    pub fn restore(
        &mut self,
        path: &Path,
        bytes: &[u8],
        actor: &str,
    ) -> Vec<Result<FileReport, IngestError>> {
        let parse_err = |line: usize, message: String| IngestError::Parse {
            path: path.to_path_buf(),
            source: crate::parse::ParseError { line, message },
        };
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                return vec![Err(parse_err(
                    1,
                    format!("a tanu export must be UTF-8: {e}"),
                ))];
            }
        };
        let mut out = Vec::new();
        for doc in crate::export::json::parse_documents(text) {
            let (line, doc) = match doc {
                Ok(d) => d,
                Err(e) => {
                    out.push(Err(parse_err(e.line, e.message)));
                    continue;
                }
            };
            let record = match crate::export::json::restore_record(doc) {
                Ok(r) => r,
                Err(m) => {
                    out.push(Err(parse_err(line, m)));
                    continue;
                }
            };
            if let Some(tag) = record
                .tags
                .iter()
                .find(|t| self.vocab.get(&t.value).is_none())
            {
                out.push(Err(parse_err(
                    line,
                    format!(
                        "tag {} `{}` is not in this tanu's vocabulary",
                        tag.facet, tag.value
                    ),
                )));
                continue;
            }
            let from = path.display().to_string();
            let report = self
                .store
                .write_restore(&record, actor, &from)
                .map_err(|source| IngestError::Store {
                    path: path.to_path_buf(),
                    source,
                })
                .map(|outcome| FileReport {
                    path: path.to_path_buf(),
                    id: record.testimony.id.clone(),
                    outcome: match outcome {
                        IngestOutcome::Unchanged => "unchanged",
                        _ => "new",
                    },
                    reason: Some("identifier in the tanu export".into()),
                    encoding: record.testimony.encoding.clone(),
                    segments: record.segments.len(),
                    warnings: Vec::new(),
                });
            out.push(report);
        }
        out
    }

    /// A testimony as an export carries it, for `role`: `None` when it does
    /// not exist or the role may not see it. Below archivist it is exactly
    /// what [`Archive::show`] gives; archivists also get redactions, earlier
    /// segment texts and every original file.
    pub fn record(&self, id: &str, role: Role) -> Result<Option<ExportRecord>> {
        let Some(view) = self.show(id, role)? else {
            return Ok(None);
        };
        let mut record = ExportRecord {
            view,
            redactions: Vec::new(),
            segment_revisions: Vec::new(),
            originals: Vec::new(),
            role,
        };
        if role == Role::Archivist {
            let num = record.view.testimony.num;
            record.redactions = self.store.redactions(num)?;
            record.segment_revisions = self.store.segment_revisions(num)?;
            let mut shas: Vec<String> = record
                .view
                .revisions
                .iter()
                .filter_map(|r| r.sha256.clone())
                .collect();
            shas.push(record.view.testimony.sha256.clone());
            let mut seen = std::collections::HashSet::new();
            shas.retain(|s| seen.insert(s.clone()));
            for sha in shas {
                if let Some(bytes) = self.store.original(&sha)? {
                    record.originals.push((sha, bytes));
                }
            }
        }
        Ok(Some(record))
    }

    /// Ingests bytes as if read from `path`.
    pub fn ingest_bytes(
        &mut self,
        path: &Path,
        bytes: Vec<u8>,
        opts: &IngestOptions,
        actor: &str,
    ) -> Result<FileReport, IngestError> {
        if crate::export::json::is_export(&bytes) {
            // A JSON export restores its testimonies; report the first
            // failure, or the first testimony (see `ingest_path` for all).
            let mut results = self.restore(path, &bytes, actor);
            if let Some(i) = results.iter().position(Result::is_err) {
                return results.swap_remove(i);
            }
            return results.into_iter().next().unwrap_or_else(|| {
                Err(IngestError::NoText {
                    path: path.to_path_buf(),
                })
            });
        }
        if let Some(report) = self.recognise_file(path, &bytes, opts, actor)? {
            return Ok(report);
        }
        let record = prepare(path, bytes, opts, &self.vocab, &self.tagger)?;
        store_prepared(
            &mut self.store,
            &mut self.index,
            &self.vocab,
            path,
            record,
            opts,
            actor,
        )
    }

    /// Ingests many files, two cores at a time: files already in the
    /// archive (same path and bytes, or moved) are recognised first without
    /// decoding; the rest are decoded, parsed and tagged on a worker thread
    /// while this one stores and indexes the previous ones (a queue of two
    /// prepared files bounds the memory). `done` gets each file's results
    /// as it finishes, in no promised order; the index is synced every
    /// `sync_every` stored files and at the end.
    pub fn ingest_all(
        &mut self,
        jobs: Vec<IngestJob>,
        actor: &str,
        sync_every: usize,
        mut done: impl FnMut(&Path, Vec<Result<FileReport, IngestError>>),
    ) -> Result<()> {
        let mut todo = Vec::new();
        for job in jobs {
            let bytes = match crate::limits::read_input(&job.path) {
                Ok(b) => b,
                Err(source) => {
                    let path = job.path.clone();
                    done(&job.path, vec![Err(IngestError::Io { path, source })]);
                    continue;
                }
            };
            if crate::export::json::is_export(&bytes) {
                let results = self.restore(&job.path, &bytes, actor);
                done(&job.path, results);
                continue;
            }
            match self.recognise_file(&job.path, &bytes, &job.opts, actor) {
                Ok(Some(report)) => done(&job.path, vec![Ok(report)]),
                Ok(None) => todo.push(job),
                Err(e) => done(&job.path, vec![Err(e)]),
            }
        }
        let Archive {
            store,
            index,
            vocab,
            tagger,
            ..
        } = self;
        let (vocab, tagger): (&Vocabulary, &Tagger) = (vocab, tagger);
        // Preparing (decode, repair, parse, tag) runs in lanes beside this
        // thread, which stores and stages for the index: file i is
        // prepared in lane i % lanes and taken from the lanes in turn, so
        // files are stored in the order given. Each lane holds at most one
        // prepared file ahead (back-pressure), so memory stays flat.
        let lanes = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, MAX_PREPARE_LANES)
            .min(todo.len().max(1));
        let mut work: Vec<Vec<IngestJob>> = (0..lanes).map(|_| Vec::new()).collect();
        for (i, job) in todo.into_iter().enumerate() {
            work[i % lanes].push(job);
        }
        std::thread::scope(|scope| -> Result<()> {
            let mut lane_rx = Vec::with_capacity(lanes);
            for jobs in work {
                let (tx, rx) = std::sync::mpsc::sync_channel(1);
                lane_rx.push(rx);
                scope.spawn(move || {
                    for job in jobs {
                        let prepared = crate::limits::read_input(&job.path)
                            .map_err(|source| IngestError::Io {
                                path: job.path.clone(),
                                source,
                            })
                            .and_then(|bytes| prepare(&job.path, bytes, &job.opts, vocab, tagger));
                        if tx.send((job, prepared)).is_err() {
                            break;
                        }
                    }
                });
            }
            let mut stored = 0usize;
            // A lane with nothing left means every file was taken: file i
            // is missing from lane i % lanes only when there are ≤ i files.
            while let Some(Ok((job, prepared))) = lane_rx.get(stored % lanes).map(|rx| rx.recv()) {
                let result = prepared.and_then(|record| {
                    store_prepared(store, index, vocab, &job.path, record, &job.opts, actor)
                });
                done(&job.path, vec![result]);
                stored += 1;
                if sync_every > 0 && stored.is_multiple_of(sync_every) {
                    sync(index, store, vocab)?;
                }
            }
            Ok(())
        })?;
        sync(index, store, vocab).map(drop)
    }

    /// Rules 1 and 2 of [`crate::identity`]: a file already stored
    /// (unchanged, or moved) is reported without being decoded.
    fn recognise_file(
        &mut self,
        path: &Path,
        bytes: &[u8],
        opts: &IngestOptions,
        actor: &str,
    ) -> Result<Option<FileReport>, IngestError> {
        // A sheet row can change what an unchanged file becomes, and
        // --replace asks for the name rule: both need the decoded file.
        if opts.sheet.is_some() || opts.replace {
            return Ok(None);
        }
        let given = path.display().to_string();
        let abs = crate::identity::canonical(path);
        let sha256 = crate::hash::sha256_hex(&[bytes]);
        let store_err = |source| IngestError::Store {
            path: path.to_path_buf(),
            source,
        };
        let early =
            crate::identity::recognise(&self.store, &given, &abs, &sha256).map_err(store_err)?;
        Ok(match early {
            Some(Recognised::Unchanged { id, reason }) => {
                Some(FileReport::quiet(path, id, "unchanged", Some(reason)))
            }
            Some(Recognised::Moved { id, from }) => {
                self.store
                    .record_move(&id, &given, &abs, actor)
                    .map_err(store_err)?;
                Some(FileReport::quiet(
                    path,
                    id,
                    "moved",
                    Some(format!("same bytes, moved from {from}")),
                ))
            }
            None => None,
        })
    }

    /// Applies pending changes to the index; returns testimonies reindexed.
    ///
    /// When another tanu process is writing the index (see
    /// [`IndexError::Busy`]), the changes stay in the outbox for it to
    /// apply and 0 is returned; [`Archive::pending_index_changes`] tells.
    pub fn sync_index(&mut self) -> Result<usize> {
        sync(&mut self.index, &self.store, &self.vocab)
    }

    /// How many stored changes are not yet in the search index (non-zero
    /// after [`Archive::sync_index`] only while another process writes it).
    pub fn pending_index_changes(&self) -> Result<usize> {
        Ok(self.store.outbox()?.len())
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

    /// How many testimonies `req` matches (its `total_testimonies`),
    /// without ranking them or building passages and facets: for counts
    /// per filter value beside a result page.
    pub fn count(&self, req: &SearchRequest) -> Result<usize> {
        Ok(crate::search::count(&self.index, &self.vocab, req)?)
    }

    /// The testimony `id` as `role` may see it; `None` both when it does
    /// not exist and when the role may not see it.
    pub fn show(&self, id: &str, role: Role) -> Result<Option<TestimonyView>> {
        let Some((testimony, tags)) = self.catalogue(id, role)? else {
            return Ok(None);
        };
        let t = &testimony;
        let mut segments = self.store.segments(t.num)?;
        let mut index_points = self.store.index_points(t.num)?;
        let mut redacted = false;
        if !role.sees_redacted() {
            let active = self.store.active_redaction_spans(t.num)?;
            let texts: Vec<(i64, &str)> = segments
                .iter()
                .map(|s| (s.ordinal, s.text.as_str()))
                .collect();
            let phrases = redacted_phrases(&texts, &active);
            for p in &mut index_points {
                redact_index_point(p, &phrases);
            }
            for seg in &mut segments {
                let spans = spans_at(&active, seg.ordinal);
                if !spans.is_empty() {
                    seg.text = mark_spans(&seg.text, &spans);
                    redacted = true;
                }
            }
        }
        let revisions = if role == Role::Archivist {
            self.store.revisions(t.num)?
        } else {
            Vec::new()
        };
        let merged = if role == Role::Archivist {
            self.store.merged_records(&t.id)?
        } else {
            Vec::new()
        };
        let redactions = if role == Role::Archivist {
            self.store.redactions(testimony.num)?
        } else {
            Vec::new()
        };
        Ok(Some(TestimonyView {
            testimony,
            tags,
            segments,
            index_points,
            revisions,
            redacted,
            merged,
            redactions,
        }))
    }

    /// The catalogue record of testimony `id` as `role` may see it: its
    /// metadata and tags exactly as [`Archive::show`] gives them, without
    /// the transcript, index points or history. `None` both when it does
    /// not exist and when the role may not see it.
    pub fn catalogue(&self, id: &str, role: Role) -> Result<Option<(TestimonyRow, Vec<TagRow>)>> {
        let Some(mut testimony) = self.store.testimony(id)? else {
            return Ok(None);
        };
        if testimony.merged_into.is_some() && role != Role::Archivist {
            return Ok(None);
        }
        let vis = Visibility {
            access: testimony.access,
            embargo_until: testimony.embargo_until.as_deref(),
            status: &testimony.status,
        };
        if !can_see(role, vis, crate::dates::today()) {
            return Ok(None);
        }
        let mut tags = self.store.tags(testimony.num)?;
        if role != Role::Archivist {
            // Below archivist: only confirmed tags, without evidence offsets
            // that could point into redacted text.
            tags.retain(|t| t.status == "confirmed");
            for tag in &mut tags {
                tag.evidence.clear();
                tag.decided_by = None;
                tag.note = None;
            }
            testimony.notes = None;
            testimony.source_path = String::new();
            testimony.edited_fields.clear();
            // tanu's own bookkeeping (which sheet row was applied) is internal.
            testimony.properties.retain(|k, _| !k.starts_with("tanu."));
        }
        Ok(Some((testimony, tags)))
    }

    /// Checks the archive: SQLite integrity, foreign keys, originals
    /// against their SHA-256, the audit chain, and the index against the
    /// database (no pending changes, the expected number of documents, the
    /// analyzer version).
    pub fn check(&self) -> Result<Vec<crate::store::CheckResult>> {
        use crate::store::CheckResult;
        let mut out = self.store.check()?;
        // A damaged database is named by the checks above; this one then
        // says it could not run rather than failing `check`.
        let mixed: Vec<String> = match self.store.mixed_sources() {
            Ok(mixed) => mixed
                .iter()
                .map(|m| {
                    let paths: Vec<String> = m
                        .revisions
                        .iter()
                        .map(|(n, p)| format!("r{n} {p}"))
                        .collect();
                    format!(
                        "{} took files from different paths ({}); if these are different interviews, `tanu split {} FILE` gives one its own testimony",
                        m.id,
                        paths.join(", "),
                        m.id
                    )
                })
                .collect(),
            Err(e) => vec![format!("could not be read: {e}")],
        };
        out.push(CheckResult::new(
            "testimony sources",
            mixed,
            "every testimony's revisions come from one file or name it explicitly".into(),
        ));
        let (pending, expected) = match self
            .store
            .outbox()
            .map_err(IndexError::from)
            .and_then(|o| Ok((o.len(), crate::index::expected_docs(&self.store)?)))
        {
            Ok(v) => v,
            Err(e) => {
                out.push(CheckResult::new(
                    "search index",
                    vec![format!("could not be compared with the database: {e}")],
                    String::new(),
                ));
                return Ok(out);
            }
        };
        let actual = self.index.searcher().num_docs();
        let mut problems = Vec::new();
        let mut waiting = String::new();
        if pending > 0 {
            // Committed changes waiting for the index are not damage: when
            // another process holds the writer, its next commit applies
            // them, and the next open that can take the writer does too.
            let other_writer = !self.index.has_writer()
                && matches!(
                    crate::index::ensure_no_writer(self.index.dir()),
                    Err(IndexError::Busy)
                );
            if other_writer {
                waiting = format!(
                    "; {pending} committed changes wait for the index (another tanu process is writing it and applies them)"
                );
            } else {
                problems.push(format!(
                    "{pending} committed changes could not be applied to the index; run `tanu reindex`"
                ));
            }
        } else if let Err(e) = self.index.verify() {
            problems.push(format!("{}; run `tanu reindex`", e.detail()));
        } else if expected != actual {
            problems.push(format!(
                "the index has {actual} documents, the database implies {expected}; run `tanu reindex`"
            ));
        }
        out.push(CheckResult::new(
            "search index",
            problems,
            format!(
                "{actual} documents, analyzer {}{waiting}",
                crate::analysis::ANALYZER_VERSION
            ),
        ));
        Ok(out)
    }

    /// The checks that can run on an archive that cannot be opened (a
    /// damaged `tanu.sqlite`): SQLite's integrity check, read-only.
    pub fn check_unopenable(dir: &Path) -> Vec<crate::store::CheckResult> {
        Store::check_file(&dir.join(DB_FILE))
    }

    /// Every value of a facet with the number of testimonies `role` may see
    /// that are tagged with it or with anything below it (see
    /// [`crate::facets`]). `facet` is [`Facet::Region`] (regions and their
    /// places), [`Facet::Wave`] or [`Facet::TransitCamp`]; with
    /// `include_suggested`, suggested tags count too and are reported
    /// separately.
    pub fn facet_values(
        &self,
        facet: Facet,
        role: Role,
        include_suggested: bool,
    ) -> Result<Vec<FacetValue>> {
        let mut all = self.facet_values_of(&[facet], role, include_suggested)?;
        Ok(all.pop().unwrap_or_default())
    }

    /// [`Archive::facet_values`] of several facets, in their order, from
    /// one read of the testimonies and their tags.
    pub fn facet_values_of(
        &self,
        facets: &[Facet],
        role: Role,
        include_suggested: bool,
    ) -> Result<Vec<Vec<FacetValue>>> {
        let visible: std::collections::HashSet<String> =
            self.list(role)?.into_iter().map(|t| t.id).collect();
        let rows = self.store.all_tag_values()?;
        let facts: Vec<TagFact<'_>> = rows
            .iter()
            .filter(|(id, ..)| visible.contains(id))
            .map(|(id, f, v, s)| (id.as_str(), f.as_str(), v.as_str(), s.as_str()))
            .collect();
        // Suggestions are unreviewed and may come from redacted text: only
        // archivists may count by them.
        let include_suggested = include_suggested && role == Role::Archivist;
        Ok(facets
            .iter()
            .map(|&facet| crate::facets::count(&self.vocab, facet, &facts, include_suggested))
            .collect())
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

/// A file to ingest with [`Archive::ingest_all`].
#[derive(Debug, Clone)]
pub struct IngestJob {
    /// The file.
    pub path: PathBuf,
    /// How to read it (its folder's metadata sheet, a forced encoding).
    pub opts: IngestOptions,
}

/// Applies pending changes to the index (see [`Archive::sync_index`]).
/// Returns the testimonies reindexed: 0 while another process writes.
fn sync(index: &mut SearchIndex, store: &Store, vocab: &Vocabulary) -> Result<usize> {
    match index.sync(store, vocab) {
        Ok(n) => Ok(n),
        Err(IndexError::Busy) => Ok(0),
        // The store has the changes and the outbox keeps them.
        Err(e @ IndexError::NotUpdated(_)) => Err(e.into()),
        Err(e) if e.is_io() => Err(IndexError::NotUpdated(e.to_string()).into()),
        Err(e) => Err(e.into()),
    }
}

/// Rules 3 and 4 of [`crate::identity`], then one store transaction and
/// the documents handed to the index writer.
fn store_prepared(
    store: &mut Store,
    index: &mut SearchIndex,
    vocab: &Vocabulary,
    path: &Path,
    mut record: crate::store::NewTestimony,
    opts: &IngestOptions,
    actor: &str,
) -> Result<FileReport, IngestError> {
    let abs = crate::identity::canonical(path);
    let store_err = |source| IngestError::Store {
        path: path.to_path_buf(),
        source,
    };
    let (id, matched_by, mut reason) = crate::identity::choose(
        &*store,
        path,
        &abs,
        &record.id,
        record.id_derived,
        &record.sha256,
        opts.replace,
    )
    .map_err(store_err)?;
    if id != record.id && record.title == record.id {
        record.title = id.clone();
    }
    record.id = id;
    record.source_abs = Some(abs);
    let outcome = store
        .write_ingest(&record, actor, opts.replace, matched_by.name())
        .map_err(store_err)?;
    if outcome != IngestOutcome::Unchanged {
        // Index it in the background now; `sync_index` commits. A
        // failure here only means sync does the work (the outbox has
        // the testimony), so it does not fail the ingest.
        let _ = index.stage(store, vocab, &record.id);
    }
    if reason.is_none() {
        reason = match (outcome, matched_by) {
            (IngestOutcome::Updated { .. }, MatchedBy::Id) => {
                Some("identifier given in the file".into())
            }
            (IngestOutcome::Updated { .. }, MatchedBy::Path) => {
                Some("same file, new content".into())
            }
            (IngestOutcome::Updated { .. }, MatchedBy::Replace) => Some("--replace".into()),
            (IngestOutcome::Updated { .. }, MatchedBy::Sha256) => {
                Some("same bytes, new metadata-sheet row".into())
            }
            (IngestOutcome::Unchanged, _) => Some("same identifier, same bytes".into()),
            _ => None,
        };
    }
    Ok(FileReport {
        path: path.to_path_buf(),
        id: record.id,
        outcome: match outcome {
            IngestOutcome::Ingested => "new",
            IngestOutcome::Unchanged => "unchanged",
            IngestOutcome::Updated { .. } => "updated",
        },
        reason,
        warnings: record
            .repairs
            .iter()
            .flat_map(|r| {
                let sheet = r.kind == "metadata-from-sheet";
                let notes = r.kind.ends_with("-import-notes");
                r.examples
                    .iter()
                    .filter(move |e| notes || (sheet && e.starts_with("replaced")))
            })
            .cloned()
            .collect(),
        encoding: record.encoding,
        segments: record.segments.len(),
    })
}

/// Opens the index of an archive (see [`Archive::open`]): creates and
/// rebuilds a missing one, applies the outbox, and rebuilds one that cannot
/// be opened or updated because its files are damaged. A failure to write
/// (a full disk) leaves the index as last committed and the changes in the
/// outbox, with a note.
fn open_index(
    index_dir: &Path,
    store: &Store,
    vocab: &Vocabulary,
    notes: &mut Vec<String>,
) -> Result<SearchIndex> {
    if !index_dir.join("meta.json").is_file() {
        if index_dir.exists() {
            // Not from under another process that is creating it.
            crate::index::ensure_no_writer(index_dir)?;
            remove_index_dir(index_dir)?;
        }
        let mut index = SearchIndex::create(index_dir)?;
        index.rebuild(store, vocab, &mut |_, _| {})?;
        return Ok(index);
    }
    // A commit of another process can remove files of the commit this
    // one started to open (Tantivy collects them at once): such an index
    // looks damaged for a moment. Only a second look that agrees makes
    // it a rebuild.
    let mut attempt = 0;
    let problem = loop {
        attempt += 1;
        break match SearchIndex::open(index_dir) {
            Ok(mut index) => match index.sync(store, vocab) {
                // Changes were waiting: an earlier commit was interrupted or
                // failed. Tantivy can commit part of a batch when one of its
                // indexing threads fails (a full disk): check that the index
                // holds what the rows imply.
                Ok(n) if n > 0 && index.has_writer() => match index_matches(&index, store) {
                    Ok(true) => return Ok(index),
                    Ok(false) => IndexError::Damaged(
                        "its number of documents does not match the database".into(),
                    ),
                    Err(e) => e,
                },
                // Another process is writing the index (an ingest) and
                // applies the outbox at its next commit; until then this
                // one reads the index as last committed.
                Ok(_) | Err(IndexError::Busy) => return Ok(index),
                Err(e) if e.is_io() => {
                    let pending = store.outbox()?.len();
                    notes.push(format!(
                        "the search index could not be updated ({e}); it answers as of its last update, and the {pending} waiting changes are applied at the next open"
                    ));
                    return Ok(index);
                }
                Err(e) => e,
            },
            Err(e @ IndexError::AnalyzerMismatch { .. }) => return Err(e.into()),
            // Files of the last commit missing or short: look again.
            Err(IndexError::Damaged(_)) if attempt < 2 => {
                std::thread::sleep(std::time::Duration::from_millis(200));
                continue;
            }
            Err(e) => e,
        };
    };
    // The index is derived from SQLite: rebuild it, unless another process
    // is writing it (then this one must wait for it to finish).
    crate::index::ensure_no_writer(index_dir)?;
    remove_index_dir(index_dir)?;
    let mut index = SearchIndex::create(index_dir)?;
    let n = index.rebuild(store, vocab, &mut |_, _| {})?;
    notes.push(format!(
        "the search index could not be used ({}); rebuilt it from {DB_FILE} ({n} testimonies)",
        problem.detail()
    ));
    Ok(index)
}

/// Whether the index holds as many documents as the rows imply (true when
/// another process has changed the rows since: it is not this check's
/// business then).
fn index_matches(index: &SearchIndex, store: &Store) -> Result<bool, IndexError> {
    store.read_snapshot(|| {
        if !store.outbox()?.is_empty() {
            return Ok(true);
        }
        Ok(crate::index::expected_docs(store)? == index.searcher().num_docs())
    })
}

fn remove_index_dir(index_dir: &Path) -> Result<()> {
    std::fs::remove_dir_all(index_dir).map_err(|source| ArchiveError::Io {
        path: index_dir.to_path_buf(),
        source,
    })
}
