//! The fuzzer binary: `tanu-fuzz TARGET` runs one of `tanu::fuzz::TARGETS`
//! under AFL++ (cargo-afl). Built only with the `fuzz` feature:
//!
//! ```text
//! cargo afl build --release --features fuzz --bin tanu-fuzz
//! cargo afl fuzz -i SEEDS -o OUT target/release/tanu-fuzz decode
//! ```
//!
//! `tests/scripts/fuzz.sh` seeds every target from `fixtures/` and runs
//! them in turn; RELIABILITY.md has the figures.

fn main() {
    let target = std::env::args().nth(1).unwrap_or_default();
    if target == "--list" {
        for t in tanu::fuzz::TARGETS {
            println!("{t}");
        }
        return;
    }
    if target == "--extensions" {
        let of = std::env::args().nth(2).unwrap_or_default();
        for e in tanu::fuzz::seed_extensions(&of) {
            println!("{e}");
        }
        return;
    }
    if !tanu::fuzz::TARGETS.contains(&target.as_str()) {
        eprintln!(
            "usage: tanu-fuzz TARGET (one of: {})",
            tanu::fuzz::TARGETS.join(", ")
        );
        std::process::exit(2);
    }
    afl::fuzz!(|data: &[u8]| {
        tanu::fuzz::run(&target, data);
    });
}
