//! A batch of files as `tanu ingest` and the web upload take them: the
//! files and folders are collected, the metadata sheets read first, and a
//! transcript whose folder has a broken sheet is not ingested (it could
//! otherwise go in public without its access level). [`Batch::plan`] gives
//! the [`IngestJob`]s for [`crate::Archive::ingest_all`] and the failures
//! found before ingesting; after the ingest, [`Batch::unmatched_rows`]
//! names the sheet rows no ingested transcript took.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::archive::{FileReport, IngestJob};
use crate::ingest::{IngestError, IngestOptions, collect, read_sheet, sheet_for};
use crate::parse::sheet::Sheet;
use crate::vocab::Vocabulary;

/// Files ready to ingest, with what was refused before ingesting.
#[derive(Debug)]
pub struct Batch {
    /// The transcripts to ingest, each with its folder's sheet.
    pub jobs: Vec<IngestJob>,
    /// The metadata sheets read.
    pub sheets: Vec<Arc<Sheet>>,
    /// Files refused before ingesting, in order: a broken sheet (its
    /// error, as the ingest reports errors: `path:line: message`), then
    /// every transcript of its folder.
    pub failed: Vec<(PathBuf, String)>,
    /// Files with other extensions in the folders, and tables that are not
    /// metadata sheets.
    pub skipped: usize,
    matched: Vec<(PathBuf, usize)>,
}

/// A sheet row no ingested transcript took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmatchedRow {
    /// The sheet.
    pub sheet: PathBuf,
    /// The row's line.
    pub line: usize,
    /// The row's `file` cell.
    pub file: Option<String>,
    /// The row's `id` cell.
    pub id: Option<String>,
}

impl UnmatchedRow {
    /// The warning about the row, naming its sheet as `sheet` and its
    /// cells as `shown` gives them (made safe for a terminal, say).
    pub fn warning(&self, sheet: &str, shown: impl Fn(&str) -> String) -> String {
        let what = match (&self.file, &self.id) {
            (Some(f), _) => format!("file `{}`", shown(f)),
            (None, Some(id)) => format!("id `{}`", shown(id)),
            (None, None) => "nothing".into(),
        };
        format!(
            "{sheet}:{}: no transcript ingested from its folder matches {what}",
            self.line
        )
    }
}

impl Batch {
    /// Collects `paths` (folders recursively) and reads their sheets.
    /// `opts` applies to every file (its `sheet` is set per file). Fails
    /// only when a path cannot be read.
    pub fn plan(
        paths: &[PathBuf],
        opts: &IngestOptions,
        vocab: &Vocabulary,
    ) -> Result<Batch, IngestError> {
        let collected = collect(paths)?;
        let mut skipped = collected.skipped;
        let mut sheets: Vec<Arc<Sheet>> = Vec::new();
        let mut broken: Vec<PathBuf> = Vec::new();
        let mut failed = Vec::new();
        for path in &collected.sheets {
            match read_sheet(path, vocab) {
                Ok(Some(sheet)) => sheets.push(Arc::new(sheet)),
                Ok(None) => skipped += 1,
                Err(err) => {
                    failed.push((path.clone(), err.to_string()));
                    broken.push(path.clone());
                }
            }
        }
        let mut jobs = Vec::with_capacity(collected.files.len());
        for path in collected.files {
            if let Some(sheet) = broken
                .iter()
                .find(|s| s.parent().is_some_and(|d| path.starts_with(d)))
            {
                let msg = format!(
                    "{}: not ingested, because the metadata sheet of its folder ({}) failed",
                    path.display(),
                    sheet.display()
                );
                failed.push((path, msg));
                continue;
            }
            let mut o = opts.clone();
            o.sheet = sheet_for(&path, &sheets).cloned();
            jobs.push(IngestJob { path, opts: o });
        }
        Ok(Batch {
            jobs,
            sheets,
            failed,
            skipped,
            matched: Vec::new(),
        })
    }

    /// Notes which sheet row (if any) an ingested file took.
    pub fn ingested(&mut self, path: &Path, report: &FileReport) {
        if let Some(sheet) = sheet_for(path, &self.sheets)
            && let Some(row) = sheet.row_for(path, &report.id)
        {
            self.matched.push((sheet.path.clone(), row.line));
        }
    }

    /// The sheet rows no ingested transcript took (after the ingest).
    pub fn unmatched_rows(&self) -> Vec<UnmatchedRow> {
        let mut out = Vec::new();
        for sheet in &self.sheets {
            for row in &sheet.rows {
                if !self.matched.contains(&(sheet.path.clone(), row.line)) {
                    out.push(UnmatchedRow {
                        sheet: sheet.path.clone(),
                        line: row.line,
                        file: row.file.clone(),
                        id: row.header.id.clone(),
                    });
                }
            }
        }
        out
    }
}
