//! `tanu user add|list|disable|enable|passwd` and `tanu token add`: the
//! accounts of the web archive.

use std::io::BufRead;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::{Cli, print};

#[derive(Args, Debug)]
pub struct UserArgs {
    #[command(subcommand)]
    command: UserCommand,
}

#[derive(Subcommand, Debug)]
enum UserCommand {
    /// Create an account (asks for its password, or reads it from stdin).
    Add {
        /// Sign-in name.
        name: String,
        /// `researcher` (default) or `archivist`.
        #[arg(default_value = "researcher", value_name = "ROLE")]
        account_role: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the accounts.
    List {
        /// One JSON line per account.
        #[arg(long)]
        json: bool,
    },
    /// Refuse sign-in to an account (its sessions end).
    Disable {
        /// Sign-in name.
        name: String,
    },
    /// Allow sign-in again.
    Enable {
        /// Sign-in name.
        name: String,
    },
    /// Set a new password (the account's sessions end).
    Passwd {
        /// Sign-in name.
        name: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Args, Debug)]
pub struct TokenArgs {
    #[command(subcommand)]
    command: TokenCommand,
}

#[derive(Subcommand, Debug)]
enum TokenCommand {
    /// Create an API token for an account's scripts (printed once).
    Add {
        /// Sign-in name.
        name: String,
        /// What the token is for.
        #[arg(long, default_value = "")]
        label: String,
    },
}

fn password(stdin: bool) -> anyhow::Result<String> {
    if stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        return Ok(line.trim_end_matches(['\n', '\r']).to_string());
    }
    let first = rpassword::prompt_password("password: ")?;
    let again = rpassword::prompt_password("again: ")?;
    if first != again {
        anyhow::bail!("the two passwords differ");
    }
    Ok(first)
}

fn archivist(cli: &Cli) -> anyhow::Result<()> {
    if cli.role != tanu::access::Role::Archivist {
        anyhow::bail!(
            "only archivists manage accounts (this command runs with --role {})",
            cli.role.name()
        );
    }
    Ok(())
}

pub fn user(cli: &Cli, args: &UserArgs) -> anyhow::Result<ExitCode> {
    archivist(cli)?;
    let actor = super::actor(cli);
    let mut archive = super::open(cli)?;
    match &args.command {
        UserCommand::Add {
            name,
            account_role,
            password_stdin,
        } => {
            let pw = password(*password_stdin)?;
            archive.add_user(name, account_role, &pw, &actor)?;
            println!(
                "account {} created ({})",
                print::safe(name),
                print::safe(account_role)
            );
        }
        UserCommand::List { json } => {
            for u in archive.users()? {
                if *json {
                    print::json_line("user", &u)?;
                } else {
                    println!(
                        "{:<24} {:<10} {}{}",
                        print::safe(&u.name),
                        u.role,
                        u.created_at,
                        if u.disabled { "  disabled" } else { "" }
                    );
                }
            }
        }
        UserCommand::Disable { name } => {
            archive.set_user_disabled(name, true, &actor)?;
            println!("account {} disabled", print::safe(name));
        }
        UserCommand::Enable { name } => {
            archive.set_user_disabled(name, false, &actor)?;
            println!("account {} enabled", print::safe(name));
        }
        UserCommand::Passwd {
            name,
            password_stdin,
        } => {
            let pw = password(*password_stdin)?;
            archive.set_password(name, &pw, &actor)?;
            println!(
                "password of {} changed; its sessions ended",
                print::safe(name)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn token(cli: &Cli, args: &TokenArgs) -> anyhow::Result<ExitCode> {
    archivist(cli)?;
    let actor = super::actor(cli);
    let mut archive = super::open(cli)?;
    match &args.command {
        TokenCommand::Add { name, label } => {
            let token = archive.add_token(name, label, &actor)?;
            eprintln!("tanu: the token is shown once; keep it secret");
            println!("{token}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
