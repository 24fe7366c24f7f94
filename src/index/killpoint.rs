//! A test-only hook that kills the process in the middle of an index
//! commit, so that the crash tests (`tests/crash.rs`) can interrupt Tantivy
//! at the moments that matter: a segment file or a `.del` file created but
//! `meta.json` not yet rewritten, `meta.json` rewritten but the outbox not
//! yet cleared.
//!
//! When the environment variable [`KILL_VAR`] holds a number `N`, the index
//! directory counts its file writes (every file created, and every atomic
//! rewrite of `meta.json` or `.managed.json`, before and after) and the
//! process sends itself SIGKILL at the `N`th. Without the variable the
//! index uses Tantivy's `MmapDirectory` directly and this code is not on
//! the path.

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

/// The environment variable: kill the process at this file write into the
/// index directory (counted from 1).
pub const KILL_VAR: &str = "TANU_TEST_KILL_AT_INDEX_WRITE";

/// The directory to open an index with: `MmapDirectory`, wrapped in the
/// killing directory when [`KILL_VAR`] is set.
pub fn directory(dir: &Path) -> tantivy::Result<Box<dyn Directory>> {
    let inner = MmapDirectory::open(dir)?;
    match std::env::var(KILL_VAR)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
    {
        Some(at) if at > 0 => Ok(Box::new(Killing {
            inner,
            state: Arc::new(State {
                at,
                seen: AtomicU64::new(0),
            }),
        })),
        _ => Ok(Box::new(inner)),
    }
}

#[derive(Debug)]
struct State {
    at: u64,
    seen: AtomicU64,
}

impl State {
    fn tick(&self) {
        let n = self.seen.fetch_add(1, Ordering::SeqCst) + 1;
        if n == self.at {
            // SIGKILL: no destructor, no flush, exactly like `kill -9`.
            // SAFETY: getpid and kill have no preconditions.
            unsafe {
                libc::kill(libc::getpid(), libc::SIGKILL);
            }
        }
    }
}

#[derive(Debug, Clone)]
struct Killing {
    inner: MmapDirectory,
    state: Arc<State>,
}

impl Directory for Killing {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        // The file exists (empty) when the process dies here.
        let w = self.inner.open_write(path)?;
        self.state.tick();
        Ok(w)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.state.tick();
        self.inner.atomic_write(path, data)?;
        self.state.tick();
        Ok(())
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}
