//! The `tanu` command line. Argument parsing and printing live in
//! [`cli`]; every operation is a call into the `tanu` library.

mod cli;

fn main() -> std::process::ExitCode {
    // Like grep: when the reader of our output goes away (`tanu show … |
    // head`), stop quietly instead of failing on every later write.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any
    // thread is started has no other effect on the process.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    cli::main()
}
