//! `tanu ingest PATH...`

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use clap::Args;

use tanu::batch::Batch;
use tanu::ingest::IngestOptions;

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
    let opts = IngestOptions {
        encoding,
        replace: args.replace,
        sheet: None,
    };
    let mut batch = Batch::plan(&args.paths, &opts, archive.vocabulary())?;
    let skipped = batch.skipped;
    let (mut ingested, mut unchanged, mut updated, mut moved, mut failed) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    // Refused before ingesting (see `Batch::plan`).
    for (path, msg) in &batch.failed {
        failed += 1;
        eprintln!("tanu: {msg}");
        if args.json {
            print::json_line("error", &serde_json::json!({ "path": path, "error": msg }))?;
        }
    }
    let actor = super::actor(cli);
    let jobs = std::mem::take(&mut batch.jobs);
    let bar = print::progress("ingesting");
    if let Some(b) = &bar {
        b.set_length(jobs.len() as u64);
    }
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
                    batch.ingested(path, &report);
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
    for row in batch.unmatched_rows() {
        let msg = row.warning(&row.sheet.display().to_string(), print::safe);
        eprintln!("tanu: warning: {msg}");
        if args.json {
            print::json_line("warning", &serde_json::json!({ "message": msg }))?;
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
