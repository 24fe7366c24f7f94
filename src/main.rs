//! The `tanu` command line. Argument parsing and printing live in
//! [`cli`]; every operation is a call into the `tanu` library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
