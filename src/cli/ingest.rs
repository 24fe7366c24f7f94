//! `tanu ingest PATH...`

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use clap::Args;

use tanu::ingest::{IngestOptions, collect_files};

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
    let (files, skipped) = collect_files(&args.paths)?;
    let opts = IngestOptions {
        encoding,
        replace: args.replace,
    };
    let actor = super::actor(cli);
    let bar = print::progress("ingesting");
    if let Some(b) = &bar {
        b.set_length(files.len() as u64);
    }
    let (mut ingested, mut unchanged, mut updated, mut failed) = (0usize, 0usize, 0usize, 0usize);
    for (i, path) in files.iter().enumerate() {
        match archive.ingest_file(path, &opts, &actor) {
            Ok(report) => {
                match report.outcome {
                    "ingested" => ingested += 1,
                    "updated" => updated += 1,
                    _ => unchanged += 1,
                }
                if args.json {
                    print::json_line("file", &report)?;
                }
            }
            Err(err) => {
                failed += 1;
                // One line per problem (a file may have several unknown tags).
                for l in err.to_string().lines() {
                    let line = format!("tanu: {l}");
                    match &bar {
                        Some(b) => b.println(line),
                        None => eprintln!("{line}"),
                    }
                }
                if args.json {
                    print::json_line(
                        "error",
                        &serde_json::json!({ "path": path, "error": err.to_string() }),
                    )?;
                }
            }
        }
        if (i + 1) % INDEX_BATCH == 0 {
            archive.sync_index()?;
        }
        if let Some(b) = &bar {
            b.set_position(i as u64 + 1);
        }
    }
    archive.sync_index()?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if args.json {
        print::json_line(
            "summary",
            &serde_json::json!({
                "ingested": ingested, "unchanged": unchanged, "updated": updated, "failed": failed,
                "skipped_other_extensions": skipped,
            }),
        )?;
    } else {
        let mut line = format!(
            "{ingested} ingested, {unchanged} unchanged, {updated} updated, {failed} failed"
        );
        if skipped > 0 {
            line.push_str(&format!(" ({skipped} files with other extensions skipped)"));
        }
        println!("{line}");
    }
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
