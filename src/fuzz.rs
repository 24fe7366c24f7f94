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
    "prepare", "http",
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
        "http" => &["http"],
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
        "http" => http(data),
        _ => return false,
    }
    true
}

/// The server of the `http` target: `web::serve` on a small archive of
/// `fixtures/transcripts`, started on first use (after AFL++'s fork, so
/// its threads live in the process that runs the inputs).
fn server() -> Option<std::net::SocketAddr> {
    static ADDR: OnceLock<Option<std::net::SocketAddr>> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("tanu-fuzz-http-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut a = crate::Archive::init(&dir).ok()?;
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/transcripts");
        let mut files: Vec<_> = std::fs::read_dir(fixtures)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files.iter().take(8) {
            let _ = a.ingest_file(f, &Default::default(), "fuzz");
        }
        a.sync_index().ok()?;
        drop(a);
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = crate::web::serve(&dir, "127.0.0.1:0", |addr| {
                let _ = tx.send(addr);
            });
        });
        rx.recv_timeout(std::time::Duration::from_secs(30)).ok()
    })
}

/// Sends `data` as raw bytes of an HTTP request and reads the answer:
/// the server must answer (or close) without a 5xx and without hanging.
fn http(data: &[u8]) {
    use std::io::{Read, Write};
    let Some(addr) = server() else { return };
    let Ok(mut conn) = std::net::TcpStream::connect(addr) else {
        return;
    };
    let _ = conn.set_read_timeout(Some(std::time::Duration::from_secs(5)));
    let _ = conn.write_all(data);
    let _ = conn.shutdown(std::net::Shutdown::Write);
    let mut answer = Vec::new();
    let read = conn.take(8 << 20).read_to_end(&mut answer);
    if let Err(e) = read {
        assert!(
            e.kind() != std::io::ErrorKind::WouldBlock && e.kind() != std::io::ErrorKind::TimedOut,
            "the server did not answer within 5 s"
        );
    }
    // Every answer on the connection (keep-alive may carry several).
    let text = String::from_utf8_lossy(&answer);
    for status in text
        .match_indices("HTTP/1.1 ")
        .filter(|(i, _)| *i == 0 || text[..*i].ends_with('\n'))
        .filter_map(|(i, _)| text.get(i + 9..i + 12))
    {
        assert!(!status.starts_with('5'), "the server answered {status}");
    }
}

fn check_segments(t: &crate::parse::Transcript) {
    for s in &t.segments {
        if let (Some(a), Some(b)) = (s.start_ms, s.end_ms) {
            assert!(a <= b, "segment ends before it starts");
        }
    }
}
