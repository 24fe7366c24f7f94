//! `tanu serve`: the archive on the web (see `tanu::web`).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::Cli;

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    listen: String,
    /// The largest upload an archivist may send at once, in MiB.
    #[arg(
        long,
        default_value_t = 1024,
        value_name = "MIB",
        env = "TANU_MAX_UPLOAD_MIB"
    )]
    max_upload_mib: u64,
    /// The largest file in an upload, in MiB (at most 64, the most tanu
    /// ingests from one file).
    #[arg(
        long,
        default_value_t = 64,
        value_name = "MIB",
        env = "TANU_MAX_UPLOAD_FILE_MIB"
    )]
    max_upload_file_mib: u64,
}

pub fn run(cli: &Cli, args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let dir = cli.archive.clone();
    let limits = tanu::web::UploadLimits {
        total: args.max_upload_mib.saturating_mul(1024 * 1024),
        file: args
            .max_upload_file_mib
            .saturating_mul(1024 * 1024)
            .min(tanu::limits::MAX_INPUT_BYTES),
    };
    tanu::web::serve_with(&dir, &args.listen, limits, |addr| {
        // One line on stdout, so that scripts (and the tests) learn the
        // port; visitors are `public` (whatever --role says) until they
        // sign in.
        println!(
            "tanu: serving {} at http://{addr}/ (Ctrl-C stops)",
            dir.display()
        );
        let _ = std::io::stdout().flush();
    })
    .with_context(|| format!("serving {}", cli.archive.display()))?;
    Ok(ExitCode::SUCCESS)
}
