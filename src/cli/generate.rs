//! `tanu generate`: a synthetic archive of transcript files, for
//! benchmarks and for trying tanu at scale without real testimonies.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::print;

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// Testimonies to generate.
    #[arg(long, value_name = "N")]
    count: usize,
    /// The seed: the same seed and count give the same files, byte for byte.
    #[arg(long, default_value_t = 1, value_name = "S")]
    seed: u64,
    /// The directory to write (created if missing; must be empty).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

pub fn run(args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    let bar = print::progress("generating");
    let summary =
        tanu::corpus::write_corpus(args.seed, args.count, &args.out, &mut |done, total| {
            if let Some(b) = &bar {
                b.set_length(total as u64);
                b.set_position(done as u64);
            }
        })?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let encodings: Vec<String> = summary
        .encodings
        .iter()
        .map(|(e, n)| format!("{e} {n}"))
        .collect();
    let languages: Vec<String> = summary
        .languages
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    println!(
        "wrote {} synthetic transcripts ({:.1} MB, {} words) to {}",
        summary.files,
        summary.bytes as f64 / 1e6,
        summary.words,
        args.out.display()
    );
    println!("languages: {}", languages.join(", "));
    println!("encodings: {}", encodings.join(", "));
    Ok(ExitCode::SUCCESS)
}
