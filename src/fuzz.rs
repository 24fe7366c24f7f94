//! Fuzz targets: every function that reads outside input, behind one
//! entry point, so the fuzzer binary (`src/bin/tanu-fuzz.rs`, built with
//! the `fuzz` feature and cargo-afl) and the regression test
//! (`tests/fuzz_regressions.rs`, in `cargo test`) run the same code.
//!
//! A target returns nothing and must never panic, hang or allocate without
//! bound on any input; where a function promises more than "no panic" (a
//! decoded text is never empty, a parsed segment has text), the target
//! checks it with `assert!`, so a broken promise is a crash the fuzzer
//! reports like any other.

use std::path::Path;
use std::sync::OnceLock;

use crate::tag::Tagger;
use crate::vocab::Vocabulary;

/// The targets, by the name the fuzzer binary takes as its argument.
pub const TARGETS: &[&str] = &[
    "decode", "repair", "sniff", "tanu", "vtt", "srt", "ohms", "sheet", "restore", "query",
    "prepare",
];

/// The file extensions of `fixtures/` files that seed each target.
pub fn seed_extensions(target: &str) -> &'static [&'static str] {
    match target {
        "decode" | "repair" | "sniff" | "prepare" => &["txt", "vtt", "srt", "xml", "csv", "tsv"],
        "tanu" => &["txt"],
        "vtt" => &["vtt"],
        "srt" => &["srt"],
        "ohms" => &["xml"],
        "sheet" => &["csv", "tsv"],
        "restore" => &["json", "jsonl"],
        "query" => &["query"],
        _ => &[],
    }
}

fn shared() -> Option<&'static (Vocabulary, Tagger)> {
    static SHARED: OnceLock<Option<(Vocabulary, Tagger)>> = OnceLock::new();
    SHARED
        .get_or_init(|| {
            let vocab = Vocabulary::builtin().ok()?;
            let tagger = Tagger::new(&vocab);
            Some((vocab, tagger))
        })
        .as_ref()
}

/// Runs `target` on `data`. An unknown target name is a usage error of the
/// caller and returns `false`.
pub fn run(target: &str, data: &[u8]) -> bool {
    let text = || String::from_utf8_lossy(data);
    match target {
        "decode" => {
            if let Ok(d) = crate::decode::decode(data, None) {
                assert!(!d.text.is_empty(), "decode returned an empty text");
                assert!((0.0..=1.0).contains(&d.confidence));
            }
        }
        "repair" => {
            let (out, _) = crate::repair::repair(&text());
            assert!(
                !out.chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\t'),
                "repair left a control character"
            );
        }
        "sniff" => {
            let t = text();
            let _ = crate::parse::sniff(&t);
            let _ = crate::parse::identifier_from_file_name(&t);
            let _ = crate::parse::slug(&t);
        }
        "tanu" | "vtt" | "srt" | "ohms" => {
            let name = match target {
                "tanu" => "x.txt",
                "vtt" => "x.vtt",
                "srt" => "x.srt",
                _ => "x.xml",
            };
            let direct = match target {
                "vtt" => Some(crate::parse::vtt::parse(&text())),
                "srt" => Some(crate::parse::srt::parse(&text())),
                "ohms" => Some(crate::parse::ohms::parse(&text())),
                _ => None,
            };
            if let Some(Ok(t)) = direct {
                check_segments(&t);
            }
            if let Ok((_, t)) = crate::parse::parse(&text(), name) {
                check_segments(&t);
            }
        }
        "sheet" => {
            if let Some((vocab, _)) = shared() {
                let _ = crate::parse::sheet::parse(&text(), Path::new("x.csv"), vocab);
                let _ = crate::parse::sheet::parse(&text(), Path::new("x.tsv"), vocab);
            }
        }
        "restore" => {
            for (_, doc) in crate::export::json::parse_documents(&text())
                .into_iter()
                .flatten()
            {
                let _ = crate::export::json::restore_record(doc);
            }
        }
        "query" => {
            let _ = crate::search::query::parse(&text());
        }
        "prepare" => {
            if let Some((vocab, tagger)) = shared() {
                let opts = crate::ingest::IngestOptions::default();
                if let Ok(t) =
                    crate::ingest::prepare(Path::new("x.txt"), data.to_vec(), &opts, vocab, tagger)
                {
                    // The original bytes are kept exactly; no segment is empty.
                    assert!(t.bytes == data, "prepare did not keep the original bytes");
                    assert!(t.sha256 == crate::hash::sha256_hex(&[data]));
                    for s in &t.segments {
                        assert!(!s.text.is_empty(), "an empty segment was stored");
                    }
                }
            }
        }
        _ => return false,
    }
    true
}

fn check_segments(t: &crate::parse::Transcript) {
    for s in &t.segments {
        if let (Some(a), Some(b)) = (s.start_ms, s.end_ms) {
            assert!(a <= b, "segment ends before it starts");
        }
    }
}
