//! `tanu export ID|--all --format json|csv|ohms|vtt|dc [--out PATH]`

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Args;

use tanu::export::ExportFormat;

use super::{Cli, print};

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The testimony to export.
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    id: Option<String>,
    /// Export every testimony the role may see.
    #[arg(long)]
    all: bool,
    /// json (complete record, for backups), csv (one row per testimony),
    /// ohms (OHMS XML 5.4), vtt (WebVTT) or dc (Dublin Core XML).
    #[arg(long, value_parser = parse_format)]
    format: ExportFormat,
    /// Where to write: a file (or, with --all and ohms/vtt/dc, a folder that
    /// gets one file per testimony). Default: standard output.
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
}

fn parse_format(s: &str) -> Result<ExportFormat, String> {
    ExportFormat::parse(s)
        .ok_or_else(|| format!("unknown format {s:?} (use json, csv, ohms, vtt or dc)"))
}

fn write_to(out: Option<&Path>, text: &str) -> anyhow::Result<()> {
    match out {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes())?;
            Ok(())
        }
    }
}

pub fn run(cli: &Cli, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let archive = super::open(cli)?;
    let vocab = archive.vocabulary();
    if let Some(id) = &args.id {
        let Some(record) = archive.record(id, cli.role)? else {
            eprintln!("tanu: no testimony with id `{}`", print::safe(id));
            return Ok(ExitCode::from(1));
        };
        let text = tanu::export::render(args.format, &record, vocab)?;
        let out = match &args.out {
            Some(dir) if dir.is_dir() => Some(dir.join(format!(
                "{}.{}",
                record.view.testimony.id,
                args.format.extension()
            ))),
            other => other.clone(),
        };
        write_to(out.as_deref(), &text)?;
        return Ok(ExitCode::SUCCESS);
    }

    let ids: Vec<String> = archive.list(cli.role)?.into_iter().map(|t| t.id).collect();
    let per_file = !args.format.holds_many();
    let mut failed = 0;
    if per_file {
        let Some(dir) = &args.out else {
            bail!(
                "--all --format {} writes one file per testimony: give a folder with --out DIR",
                args.format.extension()
            );
        };
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let mut written = 0;
        for id in &ids {
            let Some(record) = archive.record(id, cli.role)? else {
                continue;
            };
            match tanu::export::render(args.format, &record, vocab) {
                Ok(text) => {
                    let path = dir.join(format!("{id}.{}", args.format.extension()));
                    write_to(Some(&path), &text)?;
                    written += 1;
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("tanu: {e}");
                }
            }
        }
        println!(
            "exported {written} testimonies to {}{}",
            dir.display(),
            if failed > 0 {
                format!(" ({failed} failed)")
            } else {
                String::new()
            }
        );
    } else {
        let mut records = Vec::new();
        for id in &ids {
            if let Some(r) = archive.record(id, cli.role)? {
                records.push(r);
            }
        }
        let text = tanu::export::render_many(args.format, &records).unwrap_or_default();
        write_to(args.out.as_deref(), &text)?;
        if let Some(out) = &args.out {
            println!(
                "exported {} testimonies to {}",
                records.len(),
                out.display()
            );
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
