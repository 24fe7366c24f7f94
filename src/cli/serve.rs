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
}

pub fn run(cli: &Cli, args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let dir = cli.archive.clone();
    tanu::web::serve(&dir, &args.listen, |addr| {
        // One line on stdout, so that scripts (and the tests) learn the
        // port; visitors are `public` whatever --role says.
        println!(
            "tanu: serving {} at http://{addr}/ (Ctrl-C stops)",
            dir.display()
        );
        let _ = std::io::stdout().flush();
    })
    .with_context(|| format!("serving {}", cli.archive.display()))?;
    Ok(ExitCode::SUCCESS)
}
