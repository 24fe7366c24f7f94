//! `tanu ingest PATH...`

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use clap::Args;

use std::sync::Arc;

use tanu::IngestJob;
use tanu::ingest::{IngestOptions, collect, read_sheet, sheet_for};
use tanu::parse::sheet::Sheet;

use super::{Cli, print};

/// Testimonies are indexed in batches of this many files.
const INDEX_BATCH: usize = 200;

#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Files and folders to ingest (folders recursively).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Read every file in this encoding instead of detecting it
    /// (e.g. windows-1250, cp1251, koi8-r, cp866, iso-8859-2, utf-16le).
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
    /// Let a file with a different name replace a testimony with the same
    /// identifier (as a new revision).
    #[arg(long)]
    replace: bool,
    /// Print one JSON line per file and a summary line.
    #[arg(long)]
    json: bool,
}

pub fn run(cli: &Cli, args: &IngestArgs) -> anyhow::Result<ExitCode> {
    let encoding = match &args.encoding {
        Some(name) => match tanu::decode::encoding_for_label(name) {
            Some(e) => Some(e),
            None => bail!(
                "unknown encoding {name:?} (try windows-1250, windows-1251, koi8-r, cp866, iso-8859-2, utf-8)"
            ),
        },
        None => None,
    };
    let mut archive = super::open(cli)?;
    let collected = collect(&args.paths)?;
    let files = collected.files;
    let mut skipped = collected.skipped;
    let (mut ingested, mut unchanged, mut updated, mut moved, mut failed) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    // Metadata sheets first: a transcript whose folder has a broken sheet is
    // not ingested (it could otherwise go in public without its access level).
    let mut sheets: Vec<Arc<Sheet>> = Vec::new();
    let mut broken: Vec<PathBuf> = Vec::new();
    for path in &collected.sheets {
        match read_sheet(path, archive.vocabulary()) {
            Ok(Some(sheet)) => sheets.push(Arc::new(sheet)),
            Ok(None) => skipped += 1,
            Err(err) => {
                failed += 1;
                eprintln!("tanu: {err}");
                if args.json {
                    print::json_line(
                        "error",
                        &serde_json::json!({ "path": path, "error": err.to_string() }),
                    )?;
                }
                broken.push(path.clone());
            }
        }
    }
    let actor = super::actor(cli);
    let bar = print::progress("ingesting");
    if let Some(b) = &bar {
        b.set_length(files.len() as u64);
    }
    let mut jobs = Vec::with_capacity(files.len());
    for path in &files {
        if let Some(sheet) = broken
            .iter()
            .find(|s| s.parent().is_some_and(|d| path.starts_with(d)))
        {
            failed += 1;
            let msg = format!(
                "{}: not ingested, because the metadata sheet of its folder ({}) failed",
                path.display(),
                sheet.display()
            );
            eprintln!("tanu: {msg}");
            if args.json {
                print::json_line("error", &serde_json::json!({ "path": path, "error": msg }))?;
            }
            continue;
        }
        jobs.push(IngestJob {
            path: path.clone(),
            opts: IngestOptions {
                encoding,
                replace: args.replace,
                sheet: sheet_for(path, &sheets).cloned(),
            },
        });
    }
    let mut matched_rows: Vec<(PathBuf, usize)> = Vec::new();
    let mut position = 0u64;
    // The first failure to write to stdout (a closed pipe) ends the output.
    let mut output: anyhow::Result<()> = Ok(());
    let say = |bar: &Option<indicatif::ProgressBar>, line: String, to_stdout: bool| match bar {
        Some(b) => b.println(line),
        None if to_stdout => println!("{line}"),
        None => eprintln!("{line}"),
    };
    archive.ingest_all(jobs, &actor, INDEX_BATCH, |path, results| {
        for result in results {
            match result {
                Ok(report) => {
                    if let Some(sheet) = sheet_for(path, &sheets)
                        && let Some(row) = sheet.row_for(path, &report.id)
                    {
                        matched_rows.push((sheet.path.clone(), row.line));
                    }
                    if report.outcome != "unchanged" {
                        for w in &report.warnings {
                            let line =
                                format!("tanu: warning: {}: {}", path.display(), print::safe(w));
                            say(&bar, line, false);
                        }
                    }
                    match report.outcome {
                        "new" => ingested += 1,
                        "updated" => updated += 1,
                        "moved" => moved += 1,
                        _ => unchanged += 1,
                    }
                    if args.json {
                        if output.is_ok() {
                            output = print::json_line("file", &report);
                        }
                    } else {
                        say(&bar, outcome_line(&report), true);
                    }
                }
                Err(err) => {
                    failed += 1;
                    // One line per problem (a file may have several unknown tags).
                    for l in err.to_string().lines() {
                        say(&bar, format!("tanu: {l}"), false);
                    }
                    if args.json && output.is_ok() {
                        output = print::json_line(
                            "error",
                            &serde_json::json!({ "path": path, "error": err.to_string() }),
                        );
                    }
                }
            }
        }
        position += 1;
        if let Some(b) = &bar {
            b.set_position(position);
        }
    })?;
    output?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    for sheet in &sheets {
        for row in &sheet.rows {
            if !matched_rows.contains(&(sheet.path.clone(), row.line)) {
                let what = match (&row.file, &row.header.id) {
                    (Some(f), _) => format!("file `{}`", print::safe(f)),
                    (None, Some(id)) => format!("id `{}`", print::safe(id)),
                    (None, None) => "nothing".into(),
                };
                let msg = format!(
                    "{}:{}: no transcript ingested from its folder matches {what}",
                    sheet.path.display(),
                    row.line
                );
                eprintln!("tanu: warning: {msg}");
                if args.json {
                    print::json_line("warning", &serde_json::json!({ "message": msg }))?;
                }
            }
        }
    }
    if args.json {
        print::json_line(
            "summary",
            &serde_json::json!({
                "ingested": ingested, "unchanged": unchanged, "updated": updated, "moved": moved,
                "failed": failed,
                "skipped_other_extensions": skipped,
            }),
        )?;
    } else {
        let mut line = format!(
            "{ingested} ingested, {unchanged} unchanged, {updated} updated, {moved} moved, {failed} failed"
        );
        if skipped > 0 {
            line.push_str(&format!(" ({skipped} files with other extensions skipped)"));
        }
        println!("{line}");
    }
    super::note_pending_index(&archive);
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// One line per file: what it became and why, e.g.
/// `new        b-interju  b/interju.txt  (\`interju\` is taken by a/interju.txt)`.
fn outcome_line(report: &tanu::FileReport) -> String {
    let mut line = format!(
        "{:<9}  {}  {}",
        report.outcome,
        print::safe(&report.id),
        print::safe(&report.path.display().to_string())
    );
    if let Some(reason) = &report.reason {
        line.push_str(&format!("  ({})", print::safe(reason)));
    }
    line
}
