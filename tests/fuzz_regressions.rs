//! Every fuzz target (`tanu::fuzz`) over its seeds from `fixtures/` and
//! over `tests/fuzz/TARGET/`: the inputs the fuzzer once crashed on (each
//! finding stays here as a regression) and seeds that `fixtures/` lacks.
//! The long fuzz runs are outside `cargo test`: see RELIABILITY.md.

#[path = "common/corpus.rs"]
mod corpus;

use std::fs;
use std::path::{Path, PathBuf};

use corpus::Rng;

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seeds of `target`: fixtures with its extensions, then its own
/// directory under `tests/fuzz/`.
fn seeds(target: &str) -> Vec<PathBuf> {
    let mut fixtures = Vec::new();
    files_under(&root().join("fixtures"), &mut fixtures);
    let exts = tanu::fuzz::seed_extensions(target);
    let mut inputs: Vec<PathBuf> = fixtures
        .into_iter()
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| exts.contains(&e))
        })
        .collect();
    inputs.sort();
    let mut own = Vec::new();
    files_under(&root().join("tests/fuzz").join(target), &mut own);
    own.sort();
    inputs.extend(own);
    inputs
}

#[test]
fn every_target_runs_its_seeds_and_findings() {
    let mut total = 0;
    for target in tanu::fuzz::TARGETS {
        let inputs = seeds(target);
        assert!(!inputs.is_empty(), "no seeds for fuzz target {target}");
        for p in &inputs {
            let bytes = fs::read(p).unwrap();
            let ran = std::panic::catch_unwind(|| tanu::fuzz::run(target, &bytes));
            assert!(
                matches!(ran, Ok(true)),
                "fuzz target {target} failed on {}",
                p.display()
            );
        }
        total += inputs.len();
    }
    assert!(total > 100, "only {total} inputs");
}

#[test]
fn an_unknown_target_is_refused() {
    assert!(!tanu::fuzz::run("no-such-target", b"x"));
}

/// A short, deterministic smoke run of every target for CI: mutated seeds
/// (bit flips, byte runs, cuts, splices of two seeds, repeated slices),
/// `TANU_FUZZ_SMOKE` inputs per target (default 300). AFL++ does the long,
/// coverage-guided runs (`tests/scripts/fuzz.sh`).
#[test]
fn smoke_run_of_mutated_seeds() {
    let per_target: usize = std::env::var("TANU_FUZZ_SMOKE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let mut rng = Rng(0x7a6e_7521_0944_1955);
    for target in tanu::fuzz::TARGETS {
        let inputs: Vec<Vec<u8>> = seeds(target)
            .iter()
            .filter_map(|p| fs::read(p).ok())
            .filter(|b| b.len() <= 64 * 1024)
            .collect();
        assert!(!inputs.is_empty(), "no small seeds for {target}");
        for i in 0..per_target {
            let a = &inputs[below(&mut rng, inputs.len())];
            let b = &inputs[below(&mut rng, inputs.len())];
            let input = mutate(&mut rng, a, b);
            let ran = std::panic::catch_unwind(|| tanu::fuzz::run(target, &input));
            if !matches!(ran, Ok(true)) {
                let keep = std::env::temp_dir().join(format!("tanu-fuzz-{target}-{i}"));
                let _ = fs::write(&keep, &input);
                panic!(
                    "fuzz target {target} failed on a mutated input, kept in {}",
                    keep.display()
                );
            }
        }
    }
}

/// [`Rng::below`] for lengths and indexes.
fn below(rng: &mut Rng, n: usize) -> usize {
    rng.below(n as u64) as usize
}

fn mutate(rng: &mut Rng, a: &[u8], b: &[u8]) -> Vec<u8> {
    let mut out = a.to_vec();
    for _ in 0..=below(rng, 4) {
        let at = below(rng, out.len() + 1);
        match below(rng, 6) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << below(rng, 8);
            }
            1 => {
                let byte = [0u8, 0xff, b'\n', b'<', b'"', 0xc3, 0xd0, b':'][below(rng, 8)];
                out.splice(at..at, std::iter::repeat_n(byte, 1 + below(rng, 32)));
            }
            2 => out.truncate(at),
            3 => {
                let from = below(rng, b.len() + 1);
                out.splice(at..at, b[from..].iter().take(1 + below(rng, 256)).copied());
            }
            4 if !out.is_empty() => {
                let start = at.min(out.len() - 1);
                let end = (start + 1 + below(rng, 64)).min(out.len());
                let slice = out[start..end].to_vec();
                for _ in 0..below(rng, 64) {
                    out.extend_from_slice(&slice);
                }
            }
            _ => {
                let end = (at + below(rng, 64)).min(out.len());
                out.drain(at..end);
            }
        }
    }
    out
}
