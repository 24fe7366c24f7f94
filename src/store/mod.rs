//! Stage 6: the SQLite store, tanu's source of truth.
//!
//! Input: parsed, tagged testimonies and curation operations. Output: rows
//! in `tanu.sqlite`. Every public write method is one transaction that also
//! appends an audit entry and queues the testimony in `index_outbox`, so a
//! crash leaves either the old state or the new one, and the index catches
//! up from the outbox on the next open.
//!
//! **Architecture Invariant:** nothing outside this module writes SQL.

mod accounts;
mod audit;
mod backup;
mod blob;
mod check;
mod curate;
mod duplicates;
mod evidence;
mod harvest;
mod identity;
mod migrate;
mod passages;
mod read;
mod restore;
mod varint;
mod write;

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

pub use self::accounts::AccountRow;
pub use self::audit::{AuditEntry, AuditProblem};
pub use self::blob::BlobProblem;
pub use self::check::CheckResult;
pub use self::curate::{
    EDITABLE_FIELDS, ReviewEvidence, ReviewItem, STATUSES, SegmentText, TagDecision,
};
pub use self::duplicates::DuplicateKeys;
pub use self::evidence::{EvidenceProblem, EvidenceRef};
pub use self::identity::{KnownSource, MixedSources};
pub use self::migrate::SCHEMA_VERSION;
pub use self::passages::PassagesProblem;
pub use self::read::{
    EvidenceRow, RedactionRow, RevisionRow, SegmentRevisionRow, SegmentRow, Standing, TagRow,
    TestimonyRow, TestimonySummary,
};
pub use self::restore::{RestoreRecord, RestoredRedaction};
pub use self::write::{IngestOutcome, NewEvidence, NewTag, NewTestimony};

use crate::vocab::Vocabulary;

/// A store failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    /// Another process held the database for longer than the wait
    /// ([`busy_timeout`]).
    #[error(
        "the archive is busy: another tanu process has been writing it for over {:.0} s; try again when it has finished",
        busy_timeout().as_secs_f64()
    )]
    Busy,
    /// The database file is damaged.
    #[error(
        "tanu.sqlite is damaged ({0}); run `tanu check` to see where, and restore the archive from a backup"
    )]
    Corrupt(String),
    /// The database cannot be written (a read-only filesystem, file
    /// permissions).
    #[error(
        "the archive cannot be written ({0}): check that its directory and tanu.sqlite are writable and the filesystem is not read-only"
    )]
    ReadOnly(String),
    /// The disk is full; the transaction was rolled back.
    #[error("the disk holding the archive is full ({0}); nothing of this change was stored")]
    Full(String),
    /// SQLite could not read or write the file (a failing or full disk).
    #[error(
        "tanu.sqlite could not be read or written ({0}); check the disk (full, failing or removed); a change in progress was not stored"
    )]
    Disk(String),
    /// The database was written by a newer tanu.
    #[error(
        "the archive has schema version {found}, newer than this tanu ({supported}); upgrade tanu"
    )]
    TooNew {
        /// Version in the file.
        found: i64,
        /// Highest version this build knows.
        supported: i64,
    },
    /// A stored original file is damaged: it does not decompress, or its
    /// bytes do not match its SHA-256. It is never returned.
    #[error(
        "the original file {}… {problem}; run `tanu check` to see which testimony, and restore the archive from a backup",
        &sha256[..12.min(sha256.len())]
    )]
    DamagedOriginal {
        /// The SHA-256 it is stored under.
        sha256: String,
        /// What is wrong.
        problem: blob::BlobProblem,
    },
    /// A JSON column could not be read.
    #[error("corrupt JSON in column {column}: {message}")]
    Json {
        /// Which column.
        column: &'static str,
        /// The parser's message.
        message: String,
    },
    /// An identifier is taken by another file.
    #[error(
        "identifier `{id}` is already used by the testimony ingested from {existing}; \
         use `--replace` to make {new} a new revision of it"
    )]
    IdentifierTaken {
        /// The identifier.
        id: String,
        /// File name of the stored testimony.
        existing: String,
        /// File name being ingested.
        new: String,
    },
    /// A testimony that is not there.
    #[error("no testimony with id `{0}`")]
    NotFound(String),
    /// An operation that makes no sense in the current state.
    #[error("{0}")]
    Conflict(String),
    /// A write made on an earlier state of the testimony: someone changed
    /// it since (see [`Store::expect_base`]). Nothing was written.
    #[error(
        "testimony `{id}` was changed by someone else (change {current}) since you opened it (change {base}); reload it and make your change again"
    )]
    Stale {
        /// The testimony.
        id: String,
        /// The change stamp the write was made on.
        base: i64,
        /// The testimony's change stamp now.
        current: i64,
    },
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                StoreError::Corrupt(e.to_string())
            }
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly(e.to_string()),
            Some(ErrorCode::DiskFull) => StoreError::Full(e.to_string()),
            Some(ErrorCode::SystemIoFailure) => StoreError::Disk(e.to_string()),
            _ => StoreError::Sqlite(e),
        }
    }
}

/// How long a command waits for another process's write transaction
/// before it answers that the archive is busy: 10 s, or the seconds in
/// `TANU_BUSY_TIMEOUT`.
pub fn busy_timeout() -> std::time::Duration {
    std::env::var("TANU_BUSY_TIMEOUT")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0 && *s <= 86_400.0)
        .map_or(
            std::time::Duration::from_secs(10),
            std::time::Duration::from_secs_f64,
        )
}

/// Shorthand for store results.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The SQLite database of an archive.
pub struct Store {
    conn: Connection,
    /// The change stamp the next curation write was made on (see
    /// [`Store::expect_base`]); taken by that write.
    base: Option<i64>,
}

impl Store {
    /// Creates a new database at `path` (which must not exist) with the
    /// current schema and the built-in vocabulary.
    pub fn create(path: &Path, vocab: &Vocabulary) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let mut store = Store { conn, base: None };
        store.configure()?;
        migrate::migrate(&mut store.conn)?;
        store.sync_vocabulary(vocab)?;
        Ok(store)
    }

    /// Opens an existing database, applying pending migrations and
    /// refreshing the vocabulary copy if the built-in one changed.
    pub fn open(path: &Path, vocab: &Vocabulary) -> Result<Store> {
        // SQLite cannot open an existing WAL database whose directory it
        // cannot write (it needs the -wal and -shm files beside it).
        let cannot_open = |e: rusqlite::Error| {
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) && path.is_file() {
                StoreError::ReadOnly(e.to_string())
            } else {
                StoreError::from(e)
            }
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(cannot_open)?;
        let mut store = Store { conn, base: None };
        store.configure_or(cannot_open)?;
        migrate::migrate(&mut store.conn)?;
        store.sync_vocabulary(vocab)?;
        Ok(store)
    }

    /// An in-memory store, for tests.
    pub fn in_memory(vocab: &Vocabulary) -> Result<Store> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            base: None,
        };
        store.configure()?;
        migrate::migrate(&mut store.conn)?;
        store.sync_vocabulary(vocab)?;
        Ok(store)
    }

    fn configure(&mut self) -> Result<()> {
        self.configure_or(StoreError::from)
    }

    fn configure_or(&mut self, map: impl Fn(rusqlite::Error) -> StoreError) -> Result<()> {
        // First, so that even switching to WAL waits for another process.
        self.conn.busy_timeout(busy_timeout()).map_err(&map)?;
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(&map)?;
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(&map)?;
        self.conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(&map)?;
        // A deferred transaction that reads and then writes cannot wait
        // for another writer (SQLite answers busy at once); taking the
        // write lock at BEGIN lets every transaction wait its turn.
        self.conn
            .set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        Ok(())
    }

    /// The schema version recorded in the database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// The raw connection, for tests that tamper with the database.
    #[doc(hidden)]
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn sync_vocabulary(&mut self, vocab: &Vocabulary) -> Result<()> {
        let stored: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'vocabulary_version'",
                [],
                |r| r.get(0),
            )
            .ok();
        if stored.as_deref() == Some(vocab.version()) {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM vocabulary_alias", [])?;
        tx.execute("DELETE FROM vocabulary", [])?;
        {
            let mut ins = tx.prepare(
                "INSERT INTO vocabulary (id, facet, parent, label_hu, label_ru, label_en, lat, lon, verified, note, path)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            let mut alias =
                tx.prepare("INSERT OR IGNORE INTO vocabulary_alias (id, alias) VALUES (?1, ?2)")?;
            for e in vocab.entries() {
                ins.execute(rusqlite::params![
                    e.id,
                    e.facet.name(),
                    e.parent,
                    e.labels.hu,
                    e.labels.ru,
                    e.labels.en,
                    e.coords.map(|c| c.0),
                    e.coords.map(|c| c.1),
                    e.verified,
                    e.note,
                    vocab.facet_path(e),
                ])?;
                for a in &e.aliases {
                    alias.execute(rusqlite::params![e.id, a])?;
                }
            }
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('vocabulary_version', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [vocab.version()],
        )?;
        tx.commit()?;
        Ok(())
    }
}

pub(crate) fn json_column<T: serde::de::DeserializeOwned>(
    column: &'static str,
    text: &str,
) -> Result<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Json {
        column,
        message: e.to_string(),
    })
}
