//! Every fuzz target (`tanu::fuzz`) over its seeds from `fixtures/` and
//! over `tests/fuzz/TARGET/`: the inputs the fuzzer once crashed on (each
//! finding stays here as a regression) and seeds that `fixtures/` lacks.
//! The long fuzz runs are outside `cargo test`: see RELIABILITY.md.

use std::fs;
use std::path::{Path, PathBuf};

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

#[test]
fn every_target_runs_its_seeds_and_findings() {
    let mut fixtures = Vec::new();
    files_under(&root().join("fixtures"), &mut fixtures);
    let mut total = 0;
    for target in tanu::fuzz::TARGETS {
        let exts = tanu::fuzz::seed_extensions(target);
        let mut inputs: Vec<PathBuf> = fixtures
            .iter()
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| exts.contains(&e))
            })
            .cloned()
            .collect();
        files_under(&root().join("tests/fuzz").join(target), &mut inputs);
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
