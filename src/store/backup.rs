//! Online backup of the database with SQLite's backup API.

use std::path::Path;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::{Result, Store, StoreError};

impl Store {
    /// Copies the database to `dest` (a new file) as one consistent
    /// snapshot, while other processes go on writing (the copy is taken in
    /// one read transaction, which in WAL mode blocks no writer), then
    /// checks the copy: SQLite's integrity check and the audit chain.
    /// Returns the number of pages copied.
    pub fn backup_to(&self, dest: &Path) -> Result<i64> {
        let mut to = Connection::open_with_flags(
            dest,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        to.busy_timeout(super::busy_timeout())?;
        let pages = {
            let backup = Backup::new(&self.conn, &mut to)?;
            // All pages in one step: one snapshot, never restarted by a
            // concurrent writer. SQLite retries busy/locked for us within
            // the busy timeout; a step that still finds the source busy is
            // reported as such.
            let started = std::time::Instant::now();
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    StepResult::More => {}
                    StepResult::Busy | StepResult::Locked => {
                        if started.elapsed() > super::busy_timeout() {
                            return Err(StoreError::Busy);
                        }
                        std::thread::sleep(std::time::Duration::from_millis(50));
                    }
                    _ => {}
                }
            }
            i64::from(backup.progress().pagecount)
        };
        // The copy stands alone: no WAL beside it.
        to.pragma_update(None, "journal_mode", "DELETE")?;
        let integrity: String = to.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if integrity != "ok" {
            return Err(StoreError::Corrupt(format!(
                "the backup copy fails SQLite's integrity check: {integrity}"
            )));
        }
        drop(to);
        let copy = Store {
            conn: Connection::open_with_flags(dest, OpenFlags::SQLITE_OPEN_READ_ONLY)?,
            base: None,
        };
        if let Err(p) = copy.audit_verify()? {
            return Err(StoreError::Corrupt(format!(
                "the backup copy's audit chain fails at entry {}: {}",
                p.seq, p.problem
            )));
        }
        Ok(pages)
    }
}
