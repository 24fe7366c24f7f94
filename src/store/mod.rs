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
mod check;
mod curate;
mod identity;
mod migrate;
mod read;
mod restore;
mod write;

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

pub use self::accounts::AccountRow;
pub use self::audit::{AuditEntry, AuditProblem};
pub use self::check::CheckResult;
pub use self::curate::{
    EDITABLE_FIELDS, ReviewEvidence, ReviewItem, STATUSES, SegmentText, TagDecision,
};
pub use self::identity::{KnownSource, MixedSources};
pub use self::migrate::SCHEMA_VERSION;
pub use self::read::{
    EvidenceRow, RedactionRow, RevisionRow, SegmentRevisionRow, SegmentRow, TagRow, TestimonyRow,
    TestimonySummary,
};
pub use self::restore::{RestoreRecord, RestoredRedaction};
pub use self::write::{IngestOutcome, NewEvidence, NewTag, NewTestimony};

use crate::vocab::Vocabulary;

/// A store failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
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
}

/// Shorthand for store results.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The SQLite database of an archive.
pub struct Store {
    conn: Connection,
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
        let mut store = Store { conn };
        store.configure()?;
        migrate::migrate(&mut store.conn)?;
        store.sync_vocabulary(vocab)?;
        Ok(store)
    }

    /// Opens an existing database, applying pending migrations and
    /// refreshing the vocabulary copy if the built-in one changed.
    pub fn open(path: &Path, vocab: &Vocabulary) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let mut store = Store { conn };
        store.configure()?;
        migrate::migrate(&mut store.conn)?;
        store.sync_vocabulary(vocab)?;
        Ok(store)
    }

    /// An in-memory store, for tests.
    pub fn in_memory(vocab: &Vocabulary) -> Result<Store> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
        };
        store.configure()?;
        migrate::migrate(&mut store.conn)?;
        store.sync_vocabulary(vocab)?;
        Ok(store)
    }

    fn configure(&self) -> Result<()> {
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.busy_timeout(std::time::Duration::from_secs(10))?;
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
