//! Stage 7: the Tantivy index, derived from SQLite.
//!
//! Input: stored rows (testimony, segments, tags, redactions). Output: one
//! Tantivy document per segment — per *audience* of a segment, when it has
//! redactions (a redacted copy for callers below archivist, the full text
//! for archivists) — carrying the testimony number, ordinal, language,
//! access level, workflow status, embargo date and tag facets, plus the five
//! analysed text views of [`crate::analysis`] — and, for an answer, the views
//! of the question before it (context fields, so that AND can reach into the
//! question) — and whether the segment is itself such a question.
//!
//! Every testimony also has a *catalogue record* document ([`record_text`]:
//! title, narrator, birthplace, interviewer, places, keywords, abstract;
//! `point` = [`RECORD_POINT`]), so that a name or a title finds it.
//!
//! Index points (an OHMS table of contents) are documents too: one per
//! point (two when a redacted passage is quoted in it), holding its title,
//! partial transcript, synopsis, keywords, subjects and place descriptions
//! with their translations, and the ordinal of the point in `point` (0 for
//! segment documents). `ordinal` holds the segment the point's time falls
//! in, so a hit on a point lands at that passage of the transcript.
//!
//! **Architecture Invariant:** documents are built from SQLite rows only
//! ([`SearchIndex::sync`] reads the `index_outbox`, [`SearchIndex::rebuild`]
//! reads everything). Each commit's payload records the analyzer version
//! and the last outbox entry applied; an index with another analyzer
//! version is refused.

mod docs;
pub mod killpoint;
mod merge;
mod tokenize;

pub use self::docs::{RECORD_POINT, expected_docs, question_before, record_text};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

use crate::analysis::{ANALYZER_VERSION, View};
use crate::store::Store;
use crate::vocab::Vocabulary;

/// Fails with [`IndexError::Busy`] when another process holds the writer
/// lock of the index in `dir` (a directory that cannot be opened as a
/// Tantivy directory has no writer).
pub fn ensure_no_writer(dir: &Path) -> Result<()> {
    use tantivy::directory::{Directory, INDEX_WRITER_LOCK, MmapDirectory, error::LockError};
    let Ok(directory) = MmapDirectory::open(dir) else {
        return Ok(());
    };
    match while_busy(
        || directory.acquire_lock(&INDEX_WRITER_LOCK),
        |e| matches!(e, LockError::LockBusy),
    ) {
        // Released when dropped, before the caller goes on.
        Ok(_lock) => Ok(()),
        Err(LockError::LockBusy) => Err(IndexError::Busy),
        Err(LockError::IoError(_)) => Ok(()),
    }
}

/// Tries `acquire` again for up to a second while it fails `busy`.
///
/// The lock is an `flock` on a file. A process that forks (to run another
/// program) while this one holds the lock gives the child a copy of the
/// descriptor until the child's `exec` closes it, so for that instant a
/// lock this process has just released still reads as held. Another
/// process's writer is still busy after the second.
fn while_busy<T, E>(
    mut acquire: impl FnMut() -> std::result::Result<T, E>,
    busy: impl Fn(&E) -> bool,
) -> std::result::Result<T, E> {
    let mut tries = 0;
    loop {
        match acquire() {
            Err(e) if tries < 20 && busy(&e) => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            other => return other,
        }
    }
}

/// Version of the index layout (fields and their options).
pub const INDEX_SCHEMA_VERSION: u32 = 6;

/// An index failure.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// Tantivy reported an error.
    #[error("search index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index was built by another analysis chain.
    #[error(
        "the search index was built with analyzer {found:?}, this tanu uses {expected:?}; run `tanu reindex`"
    )]
    AnalyzerMismatch {
        /// Version found in the index.
        found: String,
        /// Version of this build.
        expected: String,
    },
    /// Another tanu process (an ingest, a curator's command) holds the
    /// index writer. Its next commit applies every change waiting in the
    /// outbox, this process's included.
    #[error(
        "the search index is being updated by another tanu process; try again when it has finished"
    )]
    Busy,
    /// Committed changes could not be written to the index (a full disk):
    /// they wait in the outbox for the next process that can.
    #[error(
        "the changes are saved, but the search index could not be updated ({0}); it catches up when tanu next opens the archive with room to write"
    )]
    NotUpdated(String),
    /// The index directory holds no tanu index.
    #[error("{0} is not a tanu search index; run `tanu reindex`")]
    NotAnIndex(PathBuf),
    /// Reading from the store failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// A file of the index's last commit is missing, truncated or fails
    /// its checksum. The index is derived: `Archive::open` rebuilds it.
    #[error("the search index is damaged ({0}); run `tanu reindex`")]
    Damaged(String),
    /// Filesystem trouble.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

impl IndexError {
    /// Whether this is a failure to read or write files (a full disk, a
    /// permission), which rebuilding the index would not cure.
    pub fn is_io(&self) -> bool {
        matches!(
            self,
            IndexError::Io { .. }
                | IndexError::NotUpdated(_)
                | IndexError::Tantivy(tantivy::TantivyError::IoError(_))
                | IndexError::Tantivy(tantivy::TantivyError::OpenWriteError(
                    tantivy::directory::error::OpenWriteError::IoError { .. },
                ))
        ) || matches!(
            // Tantivy's indexing threads report their I/O errors as text.
            self,
            IndexError::Tantivy(tantivy::TantivyError::InternalError(m)) if m.contains("(os error ")
        ) || matches!(
            // An indexing thread failed (its I/O error is logged, not
            // returned).
            self,
            IndexError::Tantivy(tantivy::TantivyError::ErrorInThread(_))
        )
    }

    /// The problem, without the advice to reindex (for a note saying the
    /// index was rebuilt).
    pub fn detail(&self) -> String {
        match self {
            IndexError::Damaged(d) => d.clone(),
            IndexError::NotAnIndex(p) => format!("{} is not a tanu search index", p.display()),
            e => e.to_string(),
        }
    }
}

/// Shorthand for index results.
pub type Result<T, E = IndexError> = std::result::Result<T, E>;

/// The index's fields.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Testimony number (u64, fast).
    pub tnum: Field,
    /// Segment ordinal (u64, fast).
    pub ordinal: Field,
    /// Index point ordinal (u64, fast): 0 for segment documents.
    pub point: Field,
    /// 1 when the segment is a question answered by the next one (fast).
    pub asks: Field,
    /// Testimony identifier (raw string) for `id:` filters and deletes.
    pub tid: Field,
    /// Segment language code.
    pub lang: Field,
    /// Lower-cased speaker label.
    pub speaker: Field,
    /// `all`, `archivist` (full text of a redacted segment) or `redacted`
    /// (the copy with redactions removed).
    pub audience: Field,
    /// Access level of the testimony.
    pub access: Field,
    /// Workflow status of the testimony.
    pub status: Field,
    /// Embargo end, days since 1970 (i64::MAX when none).
    pub embargo: Field,
    /// Confirmed and header tags, as facet paths.
    pub tags: Field,
    /// All non-rejected tags, suggestions included.
    pub tags_suggested: Field,
    /// [`View::Stem`] terms.
    pub stem: Field,
    /// [`View::Plain`] terms.
    pub plain: Field,
    /// [`View::Xs`] terms.
    pub xs: Field,
    /// [`View::XsStem`] terms.
    pub xs_stem: Field,
    /// [`View::Exact`] terms.
    pub exact: Field,
    /// The views of the question a segment answers (see
    /// [`question_before`]), in [`View::ALL`] order: a query whose words
    /// are split between a question and its answer finds the answer.
    pub context: [Field; 5],
}

impl Fields {
    /// The text field of a view.
    pub fn view(&self, view: View) -> Field {
        match view {
            View::Stem => self.stem,
            View::Plain => self.plain,
            View::Xs => self.xs,
            View::XsStem => self.xs_stem,
            View::Exact => self.exact,
        }
    }

    /// The context field of a view.
    pub fn context_view(&self, view: View) -> Field {
        let i = View::ALL.iter().position(|v| *v == view).unwrap_or(0);
        self.context[i]
    }
}

fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    // Each view has its own tokenizer, which runs tanu's analysis (the
    // question context fields use the tokenizer of their view).
    // Phrases are searched in the stem, plain and cross-script views; the
    // exact view serves only the gazetteer's term lookups and needs no
    // positions (they were a fifth of the position file).
    let text = |view| {
        let record = if view == View::Exact {
            IndexRecordOption::WithFreqs
        } else {
            IndexRecordOption::WithFreqsAndPositions
        };
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenize::name(view))
                .set_index_option(record),
        )
    };
    let fields = Fields {
        tnum: b.add_u64_field("tnum", INDEXED | FAST | STORED),
        ordinal: b.add_u64_field("ordinal", FAST | STORED),
        point: b.add_u64_field("point", FAST | STORED),
        asks: b.add_u64_field("asks", FAST),
        tid: b.add_text_field("id", STRING),
        lang: b.add_text_field("lang", STRING),
        speaker: b.add_text_field("speaker", STRING),
        audience: b.add_text_field("audience", STRING),
        access: b.add_text_field("access", STRING),
        status: b.add_text_field("status", STRING),
        embargo: b.add_i64_field("embargo", INDEXED | FAST),
        tags: b.add_facet_field("tags", tantivy::schema::FacetOptions::default()),
        tags_suggested: b
            .add_facet_field("tags_suggested", tantivy::schema::FacetOptions::default()),
        stem: b.add_text_field("stem", text(View::Stem)),
        plain: b.add_text_field("plain", text(View::Plain)),
        xs: b.add_text_field("xs", text(View::Xs)),
        xs_stem: b.add_text_field("xs_stem", text(View::XsStem)),
        exact: b.add_text_field("exact", text(View::Exact)),
        context: [
            b.add_text_field("context_stem", text(View::Stem)),
            b.add_text_field("context_plain", text(View::Plain)),
            b.add_text_field("context_xs", text(View::Xs)),
            b.add_text_field("context_xs_stem", text(View::XsStem)),
            b.add_text_field("context_exact", text(View::Exact)),
        ],
    };
    (b.build(), fields)
}

/// The `applied_seq` of an index that [`SearchIndex::create`] made and no
/// [`SearchIndex::rebuild`] has completed yet; [`SearchIndex::open`]
/// refuses it as damaged, so an interrupted rebuild is redone.
const UNBUILT: i64 = -1;

/// What each commit records.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
struct Payload {
    analyzer: String,
    index_schema: u32,
    applied_seq: i64,
}

/// The search index of an archive.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    dir: PathBuf,
    applied_seq: i64,
    writer: Option<Writer>,
    /// Set when a write to the index failed: Tantivy's in-memory state may
    /// no longer match its files, so this process writes no more (the
    /// outbox keeps the changes for the next process).
    failed: Option<String>,
}

/// The open writer, kept from one sync to the next so that its indexing
/// and merging threads, and the memory they hold, serve the whole ingest
/// (a new writer per batch left the allocator with ever more per-thread
/// arenas); and the testimonies staged since the last commit, each with
/// the outbox head when its rows were read.
struct Writer {
    inner: IndexWriter<TantivyDocument>,
    staged: HashMap<String, (i64, u64)>,
}

impl SearchIndex {
    /// Creates an empty index in `dir` (created if missing, must be empty),
    /// marked unbuilt until [`SearchIndex::rebuild`] commits.
    pub fn create(dir: &Path) -> Result<SearchIndex> {
        std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let (schema, fields) = build_schema();
        let index = Index::create(
            killpoint::directory(dir)?,
            schema,
            tantivy::IndexSettings::default(),
        )?;
        tokenize::register(&index);
        let mut writer: IndexWriter<TantivyDocument> =
            index.writer_with_num_threads(1, 15_000_000)?;
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(&payload_json(UNBUILT));
        commit.commit()?;
        drop(writer);
        SearchIndex::from_index(index, fields, dir, UNBUILT)
    }

    /// Opens the index in `dir`, refusing one built by another analyzer
    /// and one whose files are damaged ([`IndexError::Damaged`]: a file of
    /// the last commit missing, truncated or failing its checksum).
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        let index = killpoint::directory(dir)
            .and_then(Index::open)
            .map_err(|_| IndexError::NotAnIndex(dir.to_path_buf()))?;
        let payload: Option<Payload> = index
            .load_metas()?
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok());
        let Some(payload) = payload else {
            return Err(IndexError::NotAnIndex(dir.to_path_buf()));
        };
        if payload.analyzer != ANALYZER_VERSION || payload.index_schema != INDEX_SCHEMA_VERSION {
            return Err(IndexError::AnalyzerMismatch {
                found: format!(
                    "{} (index schema {})",
                    payload.analyzer, payload.index_schema
                ),
                expected: format!("{ANALYZER_VERSION} (index schema {INDEX_SCHEMA_VERSION})"),
            });
        }
        if payload.applied_seq == UNBUILT {
            // Created, and killed before `rebuild` committed: it looks
            // whole but holds only what the rebuild had reached.
            return Err(IndexError::Damaged(format!(
                "{}: an interrupted rebuild left it incomplete",
                dir.display()
            )));
        }
        verify_files(&index, dir, false)?;
        let (_, fields) = build_schema();
        tokenize::register(&index);
        SearchIndex::from_index(index, fields, dir, payload.applied_seq)
            .map_err(|e| IndexError::Damaged(format!("{}: {e}", dir.display())))
    }

    fn from_index(
        index: Index,
        fields: Fields,
        dir: &Path,
        applied_seq: i64,
    ) -> Result<SearchIndex> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            dir: dir.to_path_buf(),
            applied_seq,
            writer: None,
            failed: None,
        })
    }

    /// The fields.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// A searcher over the last commit.
    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    /// The directory of the index.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Checks every file of the last commit against its checksum (for
    /// `tanu check`; opening checks only footers of a large index).
    pub fn verify(&self) -> Result<()> {
        verify_files(&self.index, &self.dir, true)
    }

    /// Whether this process holds the index writer (it took it at its last
    /// sync and keeps it for the next).
    pub fn has_writer(&self) -> bool {
        self.writer.is_some()
    }

    /// The last outbox entry applied.
    pub fn applied_seq(&self) -> i64 {
        self.applied_seq
    }

    fn writer(&self, purpose: Purpose) -> Result<IndexWriter<TantivyDocument>> {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4);
        let budget = match purpose {
            Purpose::Stage => STAGE_BUDGET * threads,
            Purpose::Rebuild => (STAGE_BUDGET * threads).max(REBUILD_BUDGET),
        };
        let busy = |e: &tantivy::TantivyError| {
            matches!(
                e,
                tantivy::TantivyError::LockFailure(
                    tantivy::directory::error::LockError::LockBusy,
                    _
                )
            )
        };
        match while_busy(|| self.index.writer_with_num_threads(threads, budget), busy) {
            Ok(w) => {
                // Holding the writer lock: no other process writes files.
                sweep(&self.index, &self.dir)?;
                w.set_merge_policy(Box::new(merge::BoundedMerges::default()));
                Ok(w)
            }
            Err(tantivy::TantivyError::LockFailure(
                tantivy::directory::error::LockError::LockBusy,
                _,
            )) => Err(IndexError::Busy),
            Err(e) => Err(e.into()),
        }
    }

    /// Adds the documents of testimony `id` as stored now, without
    /// committing: Tantivy's threads index them while the caller goes on
    /// (reading and storing the next file), and the next [`sync`] only
    /// commits them. Nothing is visible before that commit, and nothing is
    /// lost if it never comes: the outbox still holds the testimony.
    ///
    /// [`sync`]: SearchIndex::sync
    pub fn stage(&mut self, store: &Store, vocab: &Vocabulary, id: &str) -> Result<()> {
        let result = self.try_stage(store, vocab, id);
        if let Err(e) = &result {
            // Drop what was staged; sync will index it all from the outbox.
            self.writer = None;
            self.note_failure(e);
        }
        result
    }

    fn try_stage(&mut self, store: &Store, vocab: &Vocabulary, id: &str) -> Result<()> {
        // The head before reading the rows: if the testimony changes after
        // this, the outbox will hold a later entry and sync re-adds it.
        let head = store.outbox_head()?;
        let fields = self.fields;
        let w = self.open_writer()?;
        w.inner
            .delete_term(tantivy::Term::from_field_text(fields.tid, id));
        let mut added = 0;
        if let Some(t) = store.testimony(id)? {
            for doc in docs::testimony_docs(store, vocab, &fields, &t)? {
                w.inner.add_document(doc)?;
                added += 1;
            }
        }
        w.staged.insert(id.to_string(), (head, added));
        Ok(())
    }

    fn open_writer(&mut self) -> Result<&mut Writer> {
        if let Some(e) = &self.failed {
            return Err(IndexError::NotUpdated(format!(
                "an earlier index write of this process failed: {e}"
            )));
        }
        if self.writer.is_none() {
            self.writer = Some(Writer {
                inner: self.writer(Purpose::Stage)?,
                staged: HashMap::new(),
            });
        }
        self.writer
            .as_mut()
            .ok_or_else(|| IndexError::NotAnIndex(self.dir.clone()))
    }

    /// Applies the store's outbox: rebuilds the documents of every queued
    /// testimony (unless [`stage`] added them as they are now), commits,
    /// then clears the applied outbox entries. Returns the number of
    /// testimonies reindexed.
    ///
    /// [`stage`]: SearchIndex::stage
    pub fn sync(&mut self, store: &Store, vocab: &Vocabulary) -> Result<usize> {
        let result = self.try_sync(store, vocab);
        if let Err(e) = &result {
            // Whatever the writer holds is uncommitted; the outbox has it.
            self.writer = None;
            self.note_failure(e);
        }
        result
    }

    fn note_failure(&mut self, e: &IndexError) {
        if !matches!(e, IndexError::Busy | IndexError::NotUpdated(_)) && self.failed.is_none() {
            self.failed = Some(e.to_string());
        }
    }

    fn try_sync(&mut self, store: &Store, vocab: &Vocabulary) -> Result<usize> {
        let queued = store.outbox()?;
        let Some(&(last_seq, _)) = queued.last() else {
            if let Some(w) = self.writer.as_mut()
                && !w.staged.is_empty()
            {
                w.inner.rollback()?;
                w.staged.clear();
            }
            return Ok(0);
        };
        // The last outbox entry of each queued testimony.
        let mut latest: HashMap<&str, i64> = HashMap::new();
        for (seq, id) in &queued {
            latest.insert(id.as_str(), *seq);
        }
        let mut ids: Vec<&str> = latest.keys().copied().collect();
        ids.sort_unstable();
        let fields = self.fields;
        let w = self.open_writer()?;
        let staged = std::mem::take(&mut w.staged);
        // How many documents each testimony has after this commit.
        let mut want: Vec<(&str, u64)> = Vec::with_capacity(ids.len());
        for id in &ids {
            if let Some((head, n)) = staged.get(*id)
                && *head >= latest[id]
            {
                want.push((id, *n));
                continue;
            }
            w.inner
                .delete_term(tantivy::Term::from_field_text(fields.tid, id));
            let mut added = 0;
            if let Some(t) = store.testimony(id)? {
                for doc in docs::testimony_docs(store, vocab, &fields, &t)? {
                    w.inner.add_document(doc)?;
                    added += 1;
                }
            }
            want.push((id, added));
        }
        // Merges go on in the writer's threads while the caller ingests
        // on; dropping the index waits for them.
        let mut commit = w.inner.prepare_commit()?;
        commit.set_payload(&payload_json(last_seq));
        commit.commit()?;
        self.reader.reload()?;
        // Tantivy has been seen to report success for a commit that kept
        // old documents when the disk filled up under it: verify the
        // testimonies of this commit before the outbox lets them go.
        let searcher = self.reader.searcher();
        for (id, n) in want {
            let q = tantivy::query::TermQuery::new(
                tantivy::Term::from_field_text(fields.tid, id),
                IndexRecordOption::Basic,
            );
            let found = searcher.search(&q, &tantivy::collector::Count)? as u64;
            if found != n {
                return Err(IndexError::Damaged(format!(
                    "after a commit it holds {found} documents of {id}, not {n}"
                )));
            }
        }
        self.applied_seq = last_seq;
        store.clear_outbox(last_seq)?;
        Ok(ids.len())
    }

    /// Rebuilds the whole index from the store; `progress` is called after
    /// each testimony with (done, total).
    pub fn rebuild(
        &mut self,
        store: &Store,
        vocab: &Vocabulary,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<usize> {
        // Only one writer at a time: anything staged is redone below.
        self.close_writer();
        let head = store.outbox_head()?;
        let all = store.testimony_ids()?;
        let writer = self.writer(Purpose::Rebuild)?;
        writer.delete_all_documents()?;
        for (i, (num, _)) in all.iter().enumerate() {
            if let Some(t) = store.testimony_by_num(*num)? {
                for doc in docs::testimony_docs(store, vocab, &self.fields, &t)? {
                    writer.add_document(doc)?;
                }
            }
            progress(i + 1, all.len());
        }
        self.commit(writer, head)?;
        store.clear_outbox(head)?;
        Ok(all.len())
    }

    /// Waits for the open writer's merges and closes it.
    fn close_writer(&mut self) {
        if let Some(w) = self.writer.take() {
            let _ = w.inner.wait_merging_threads();
        }
    }

    fn commit(&mut self, mut writer: IndexWriter<TantivyDocument>, seq: i64) -> Result<()> {
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(&payload_json(seq));
        commit.commit()?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        self.applied_seq = seq;
        Ok(())
    }
}

impl Drop for SearchIndex {
    /// Lets the merges of the last syncs finish, so the index is left with
    /// few segments; uncommitted documents are dropped (the outbox keeps
    /// them).
    fn drop(&mut self) {
        if let Some(w) = self.writer.as_mut()
            && !w.staged.is_empty()
        {
            let _ = w.inner.rollback();
        }
        self.close_writer();
    }
}

/// What an index writer is opened for.
#[derive(Clone, Copy)]
enum Purpose {
    /// Staging the testimonies of an ingest or a curation between commits.
    Stage,
    /// Rebuilding the whole index ([`SearchIndex::rebuild`]).
    Rebuild,
}

/// Indexing memory per thread while staging: Tantivy flushes a segment
/// when a thread's share is full, so this bounds an ingest's heap.
const STAGE_BUDGET: usize = 64_000_000;

/// Indexing memory of a rebuild, all threads together. Fewer, larger
/// segments mean fewer flushes and merges: a 10,000-testimony reindex
/// took 0.86 times the time and 0.87 times the CPU with 512 MB against
/// 128 MB (2 threads), and 611 MiB at its peak instead of 331 MiB.
const REBUILD_BUDGET: usize = 512_000_000;

/// Up to this total size, opening an index checks every file's CRC32;
/// above it, opening checks each file's footer and `tanu check` the CRCs
/// (reading a 1.2 GB index for every command would cost seconds).
const FULL_VERIFY_BYTES: u64 = 64 * 1024 * 1024;

/// Checks that every file of the last commit is there and whole (its
/// footer readable: a truncated file fails) and, when `full` or the index
/// is small, passes its checksum (Tantivy writes a CRC32 in each file's
/// footer), so that a damaged file is found on open, not by a search.
fn verify_files(index: &Index, dir: &Path, full: bool) -> Result<()> {
    let metas = index
        .load_metas()
        .map_err(|e| IndexError::Damaged(format!("{}: {e}", dir.join("meta.json").display())))?;
    let mut files: Vec<PathBuf> = metas.list_segment_files().into_iter().collect();
    files.sort();
    for seg in &metas.segments {
        // The delete file is listed for every segment; it exists only when
        // the segment has deletions.
        if !seg.has_deletes() {
            let del = seg.relative_path(tantivy::index::SegmentComponent::Delete);
            files.retain(|f| *f != del);
        }
    }
    let total: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(dir.join(f)).ok())
        .map(|m| m.len())
        .sum();
    // Tests lower the threshold to reach the footer path on small indexes.
    let threshold = std::env::var("TANU_TEST_FULL_VERIFY_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(FULL_VERIFY_BYTES);
    let full = full || total <= threshold;
    for file in files {
        let path = dir.join(&file);
        if !path.is_file() {
            // Not every component is written for every segment; one that
            // is needed and missing fails the reader (below).
            continue;
        }
        if !full {
            use tantivy::directory::Directory;
            // The index's (managed) directory reads and checks the footer
            // itself and hands back the file without it: reading the
            // footer again from that rest failed on every file, so every
            // index over the size above was rebuilt on every open.
            index
                .directory()
                .open_read(&file)
                .map_err(|e| IndexError::Damaged(format!("{}: {e}", path.display())))?;
            continue;
        }
        match index.directory().validate_checksum(&file) {
            Ok(true) => {}
            Ok(false) => {
                return Err(IndexError::Damaged(format!(
                    "{} fails its checksum",
                    path.display()
                )));
            }
            Err(e) => {
                return Err(IndexError::Damaged(format!("{}: {e}", path.display())));
            }
        }
    }
    Ok(())
}

/// Removes what an interrupted commit or merge left in the index
/// directory: segment and `.del` files that `meta.json` does not reference,
/// and temporary files. Such a `.del` file used to stop every later commit
/// with `FileAlreadyExists` (the next commit of the same segment reuses its
/// name). Called only while holding the writer lock, so no other process
/// is creating files; readers only open files `meta.json` references.
fn sweep(index: &Index, dir: &Path) -> Result<()> {
    let metas = index.load_metas()?;
    let living: std::collections::HashSet<PathBuf> = metas.list_segment_files();
    let entries = std::fs::read_dir(dir).map_err(|source| IndexError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let orphan_temp = name.starts_with(".tmp");
        let segment_file = name.len() > 33
            && name.as_bytes()[32] == b'.'
            && name[..32].bytes().all(|b| b.is_ascii_hexdigit());
        if orphan_temp || (segment_file && !living.contains(Path::new(name))) {
            let path = entry.path();
            if let Err(source) = std::fs::remove_file(&path)
                && source.kind() != std::io::ErrorKind::NotFound
            {
                return Err(IndexError::Io { path, source });
            }
        }
    }
    Ok(())
}

fn payload_json(seq: i64) -> String {
    serde_json::to_string(&Payload {
        analyzer: ANALYZER_VERSION.to_string(),
        index_schema: INDEX_SCHEMA_VERSION,
        applied_seq: seq,
    })
    .unwrap_or_default()
}

/// Rewrites the analyzer version recorded in an index (tests of the
/// version check only).
#[doc(hidden)]
pub fn stamp_analyzer_for_tests(dir: &Path, analyzer: &str) -> Result<()> {
    let index = Index::open_in_dir(dir)?;
    let mut writer: IndexWriter<TantivyDocument> = index.writer_with_num_threads(1, 15_000_000)?;
    let mut commit = writer.prepare_commit()?;
    commit.set_payload(
        &serde_json::to_string(&Payload {
            analyzer: analyzer.into(),
            index_schema: INDEX_SCHEMA_VERSION,
            applied_seq: 0,
        })
        .unwrap_or_default(),
    );
    commit.commit()?;
    Ok(())
}
