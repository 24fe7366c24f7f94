//! Command-line arguments and dispatch.
//!
//! Exit codes follow grep: 0 success (for `search`: something found),
//! 1 nothing found, 2 an error (for `ingest`: any file failed).

mod curate;
mod demo;
mod export;
mod facets;
mod generate;
mod ingest;
mod print;
mod read;
mod search;
mod serve;
mod users;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use tanu::Archive;
use tanu::access::Role;

/// tanu — an archive for oral-history testimonies.
#[derive(Parser, Debug)]
#[command(name = "tanu", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// The archive directory.
    #[arg(
        long,
        global = true,
        env = "TANU_ARCHIVE",
        default_value = "tanu-archive",
        value_name = "DIR"
    )]
    archive: PathBuf,

    /// The role to act in: public, researcher or archivist.
    #[arg(long, global = true, default_value = "archivist", value_parser = parse_role)]
    role: Role,

    /// Who is making changes (required for curation commands).
    #[arg(long, global = true, env = "TANU_CURATOR", value_name = "NAME")]
    curator: Option<String>,

    #[command(subcommand)]
    command: Command,
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s)
        .ok_or_else(|| format!("unknown role {s:?} (use public, researcher or archivist)"))
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Create a new, empty archive.
    Init,
    /// Ingest transcript files and folders (recursively).
    Ingest(ingest::IngestArgs),
    /// Search testimonies.
    Search(search::SearchArgs),
    /// Show one testimony: metadata, tags and transcript.
    Show(read::ShowArgs),
    /// List testimonies.
    List(read::ListArgs),
    /// Export testimonies as JSON, CSV, OHMS XML, WebVTT or Dublin Core.
    Export(export::ExportArgs),
    /// Camp regions and places with their number of testimonies (a tree).
    #[command(visible_alias = "region")]
    Regions(facets::FacetArgs),
    /// Deportation waves with their number of testimonies.
    #[command(visible_alias = "wave")]
    Waves(facets::FacetArgs),
    /// Transit camps with their number of testimonies, by country.
    #[command(name = "transit-camps", visible_aliases = ["camps", "transit"])]
    TransitCamps(facets::FacetArgs),
    /// Rebuild the search index from the database.
    Reindex,
    /// Back up the archive to a new directory (a consistent copy, taken
    /// while other commands go on; open the copy to restore).
    Backup {
        /// The backup directory (must not exist, or be empty).
        dest: PathBuf,
    },
    /// Check the archive: database integrity, originals, audit chain, index.
    Check {
        /// Print JSON Lines.
        #[arg(long)]
        json: bool,
    },
    /// Build a demo archive from the fixtures and run example searches.
    Demo(demo::DemoArgs),
    /// List suggested tags waiting for review, with their evidence.
    Review(curate::ReviewArgs),
    /// Confirm, reject, add or remove a tag.
    Tag(curate::TagArgs),
    /// Edit metadata fields.
    Edit(curate::EditArgs),
    /// Correct the text of a segment (the earlier text is kept).
    Correct(curate::CorrectArgs),
    /// Set the workflow status (new, in_review, published, withdrawn).
    Status(curate::StatusArgs),
    /// Set the access level and/or embargo date.
    Access(curate::AccessArgs),
    /// Redact text in a segment (hidden below archivist).
    Redact(curate::RedactArgs),
    /// Lift a redaction.
    Unredact(curate::UnredactArgs),
    /// Merge a duplicate record into another.
    Merge(curate::MergeArgs),
    /// Give the revisions a testimony took from another file (see `tanu
    /// check`) a testimony of their own.
    Split(curate::SplitArgs),
    /// Manage the accounts that sign in to the web archive.
    User(users::UserArgs),
    /// Manage API tokens for scripts.
    Token(users::TokenArgs),
    /// Re-run tag suggestions on stored text (keeps decisions).
    Retag(curate::RetagArgs),
    /// Show every revision and decision of a testimony.
    History(curate::HistoryArgs),
    /// Verify or print the tamper-evident audit log.
    Audit(curate::AuditArgs),
    /// Write a synthetic archive of transcript files (for benchmarks).
    Generate(generate::GenerateArgs),
    /// Serve the archive on the web (search, reader, JSON API) to the public role.
    Serve(serve::ServeArgs),
}

/// Runs the CLI and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("tanu: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Tells when the changes just made wait in the outbox because another
/// tanu process holds the index writer (it applies them at its next commit).
pub(crate) fn note_pending_index(archive: &Archive) {
    if archive.pending_index_changes().is_ok_and(|n| n > 0) {
        eprintln!(
            "tanu: note: another tanu process is updating the search index; \
             the change is saved and becomes searchable when that process commits"
        );
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Command::Init => {
            Archive::init(&cli.archive)?;
            println!("created an empty archive in {}", cli.archive.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest(args) => ingest::run(&cli, args),
        Command::Search(args) => search::run(&cli, args),
        Command::Show(args) => read::show(&cli, args),
        Command::List(args) => read::list(&cli, args),
        Command::Export(args) => export::run(&cli, args),
        Command::Regions(args) => facets::run(&cli, tanu::vocab::Facet::Region, args),
        Command::Waves(args) => facets::run(&cli, tanu::vocab::Facet::Wave, args),
        Command::TransitCamps(args) => facets::run(&cli, tanu::vocab::Facet::TransitCamp, args),
        Command::Reindex => {
            let bar = print::progress("reindexing");
            let (_, n) = Archive::open_for_reindex(&cli.archive, &mut |done, total| {
                if let Some(b) = &bar {
                    b.set_length(total as u64);
                    b.set_position(done as u64);
                }
            })
            .with_context(|| format!("reindexing {}", cli.archive.display()))?;
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            println!(
                "reindexed {n} testimonies from {}",
                cli.archive.join(tanu::DB_FILE).display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Backup { dest } => {
            let report = Archive::backup(&cli.archive, dest)
                .with_context(|| format!("backing up {}", cli.archive.display()))?;
            println!(
                "backed up {} testimonies ({:.1} MB) to {}; integrity and audit chain verified",
                report.testimonies,
                report.bytes as f64 / 1e6,
                report.dest.display()
            );
            println!(
                "to restore, use the copy as the archive (`tanu --archive {} check`); its search index is rebuilt when first opened",
                report.dest.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo(args) => demo::run(args),
        Command::Check { json } => {
            let results = match Archive::open(&cli.archive) {
                Ok(archive) => {
                    for note in archive.notes() {
                        eprintln!("tanu: note: {}", print::safe(note));
                    }
                    archive.check()?
                }
                // A damaged database: say where, as far as SQLite can.
                Err(e @ tanu::ArchiveError::Store(tanu::store::StoreError::Corrupt(_))) => {
                    eprintln!("tanu: {e}");
                    Archive::check_unopenable(&cli.archive)
                }
                Err(e) => return Err(e.into()),
            };
            for r in &results {
                if *json {
                    print::json_line("check", r)?;
                } else {
                    println!(
                        "{:<20} {:<4} {}",
                        r.name,
                        if r.ok { "ok" } else { "FAIL" },
                        print::safe(&r.detail)
                    );
                }
            }
            Ok(if results.iter().all(|r| r.ok) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Review(args) => curate::review(&cli, args),
        Command::Tag(args) => curate::tag(&cli, args),
        Command::Edit(args) => curate::edit(&cli, args),
        Command::Correct(args) => curate::correct(&cli, args),
        Command::Status(args) => curate::status(&cli, args),
        Command::Access(args) => curate::access(&cli, args),
        Command::Redact(args) => curate::redact(&cli, args),
        Command::Unredact(args) => curate::unredact(&cli, args),
        Command::Merge(args) => curate::merge(&cli, args),
        Command::Split(args) => curate::split(&cli, args),
        Command::User(args) => users::user(&cli, args),
        Command::Token(args) => users::token(&cli, args),
        Command::Retag(args) => curate::retag(&cli, args),
        Command::History(args) => curate::history(&cli, args),
        Command::Audit(args) => curate::audit(&cli, args),
        Command::Generate(args) => generate::run(args),
        Command::Serve(args) => serve::run(&cli, args),
    }
}

/// Opens the archive named on the command line.
fn open(cli: &Cli) -> anyhow::Result<Archive> {
    let archive = Archive::open(&cli.archive)?;
    for note in archive.notes() {
        eprintln!("tanu: note: {}", print::safe(note));
    }
    Ok(archive)
}

/// The actor recorded for an ingest: the curator if given, else the OS user.
fn actor(cli: &Cli) -> String {
    cli.curator
        .clone()
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| {
            let user = std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_else(|_| "unknown".into());
            format!("{user} (system user)")
        })
}
