//! Hostile sizes: a 1 GB transcript, a single line just over the file
//! limit, a long single line under it, a testimony of too many segments,
//! deeply nested and entity-expanding XML, a sheet of too many rows. Each
//! is ingested or refused with one line naming the file, the rest of the
//! batch goes on, and the process's memory stays bounded (peak resident
//! size of the `tanu` processes, from `getrusage(RUSAGE_CHILDREN)`).
//!
//! The inputs sit just above the limits of `tanu::limits`, so the test
//! stays fast; bigger inputs are refused by the same checks.

#[path = "common/corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use corpus::{tanu, transcript};
use tanu::limits::{MAX_INPUT_BYTES, MAX_SEGMENTS, MAX_SHEET_ROWS, MAX_XML_DEPTH};

/// Peak resident size of any waited-for child, in MB.
fn children_peak_mb() -> f64 {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `ru` is a valid rusage to fill.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut ru) };
    ru.ru_maxrss as f64 / 1024.0
}

fn ingest(archive: &Path, what: &Path) -> (Output, Duration) {
    let t = Instant::now();
    let out = tanu(archive)
        .arg("ingest")
        .arg(what)
        .output()
        .expect("run tanu");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked at"), "tanu panicked: {err}");
    (out, t.elapsed())
}

/// A new archive, `archive` in a temporary directory.
fn init() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("archive");
    let out = tanu(&dir).arg("init").output().expect("init");
    assert!(out.status.success());
    (tmp, dir)
}

/// The one stderr line about `file`.
fn line_about(out: &Output, file: &str) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().filter(|l| l.contains(file)).collect();
    assert_eq!(lines.len(), 1, "one line about {file}: {err}");
    lines[0].to_string()
}

fn ids(archive: &Path) -> Vec<String> {
    let a = tanu::Archive::open(archive).expect("open");
    a.list(tanu::access::Role::Archivist)
        .expect("list")
        .into_iter()
        .map(|t| t.id)
        .collect()
}

#[test]
fn hostile_sizes_are_ingested_or_refused_in_one_line_with_bounded_memory() {
    let (tmp, dir) = init();
    let files = tmp.path().join("in");
    std::fs::create_dir_all(&files).expect("mkdir");

    // A normal testimony among them: it must go in.
    let (ok, _) = transcript("HU-LIM-OK", 3);
    std::fs::write(files.join("ok.txt"), ok).expect("write");

    // 1 GB (sparse: refused by its size, never read).
    let f = std::fs::File::create(files.join("huge.txt")).expect("huge");
    f.set_len(1 << 30).expect("sparse 1 GB");
    drop(f);

    // One line just over the file limit.
    let line: String =
        "A lágerben a kenyér volt minden. ".repeat((MAX_INPUT_BYTES as usize) / 34 + 2);
    std::fs::write(files.join("one-line.txt"), format!("{line}\n")).expect("write");

    // Too many segments.
    let mut many = String::from("id: HU-LIM-MANY\ntitle: Sok szakasz\nlanguage: hu\n---\n");
    for i in 0..=MAX_SEGMENTS {
        many.push_str(&format!(
            "[{:02}:{:02}:{:02}] N: Igen.\n",
            i / 3600 % 100,
            i / 60 % 60,
            i % 60
        ));
    }
    std::fs::write(files.join("many.txt"), many).expect("write");

    // XML nested past the limit, and the billion laughs.
    let depth = MAX_XML_DEPTH + 10;
    let nested = format!(
        "<?xml version=\"1.0\"?>\n<ROOT>{}{}</ROOT>\n",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    std::fs::write(files.join("nested.xml"), nested).expect("write");
    let mut laughs =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        laughs.push_str(&format!(
            " <!ENTITY lol{i} \"{}\">\n",
            format!(
                "&lol{};",
                if i == 1 {
                    String::new()
                } else {
                    (i - 1).to_string()
                }
            )
            .repeat(10)
        ));
    }
    laughs.push_str("]>\n<ROOT><record><title>&lol9;</title></record></ROOT>\n");
    std::fs::write(files.join("laughs.xml"), laughs).expect("write");

    let (out, took) = ingest(&dir, &files);
    let peak = children_peak_mb();
    eprintln!(
        "hostile batch: {:?}, peak RSS of a tanu process {peak:.0} MB\n{}",
        took,
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(2), "the batch reports failures");
    assert!(line_about(&out, "huge.txt").contains("over tanu's limit of 67 MB"));
    assert!(line_about(&out, "one-line.txt").contains("over tanu's limit"));
    assert!(
        line_about(&out, "many.txt")
            .contains(&format!("{} segments, over tanu's limit", MAX_SEGMENTS + 1))
    );
    assert!(line_about(&out, "nested.xml").contains("nested deeper than 256"));
    assert!(line_about(&out, "laughs.xml").contains("unknown entity &lol9;"));
    assert_eq!(ids(&dir), ["HU-LIM-OK"], "the rest of the batch went in");
    // Bound: nothing near the size of the refused inputs was held.
    assert!(peak < 400.0, "peak RSS {peak:.0} MB");
}

#[test]
fn a_long_single_line_under_the_limit_is_ingested_in_pieces() {
    let (tmp, dir) = init();
    // 1 MB of one paragraph: split at sentence ends into segments.
    let body = "Negyvennégy novemberében kidobolták, hogy minden férfinak jelentkeznie kell. "
        .repeat(1_000_000 / 80);
    let text = format!("id: HU-LIM-LONG\ntitle: Egy bekezdés\nlanguage: hu\n---\n{body}\n");
    let path = tmp.path().join("long.txt");
    std::fs::write(&path, text).expect("write");
    let (out, took) = ingest(&dir, &path);
    eprintln!("1 MB single line: {took:?}");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = tanu::Archive::open(&dir).expect("open");
    let t = &a.list(tanu::access::Role::Archivist).expect("list")[0];
    assert!(t.segments > 100, "split into {} segments", t.segments);
}

#[test]
fn a_sheet_over_the_row_limit_is_refused_in_one_line() {
    let (tmp, dir) = init();
    let files = tmp.path().join("in");
    std::fs::create_dir_all(&files).expect("mkdir");
    let mut sheet = String::from("id\tfile\ttitle\n");
    for i in 0..=MAX_SHEET_ROWS {
        sheet.push_str(&format!("HU-S-{i}\tf{i}.txt\tVisszaemlékezés {i}\n"));
    }
    std::fs::write(files.join("metadata.tsv"), sheet).expect("write");
    let (ok, _) = transcript("HU-S-1", 1);
    std::fs::write(files.join("f1.txt"), ok).expect("write");
    let (out, took) = ingest(&dir, &files);
    eprintln!(
        "sheet of {} rows: {took:?}\n{}",
        MAX_SHEET_ROWS + 1,
        String::from_utf8_lossy(&out.stderr)
    );
    // One line for the sheet (naming its line), one for the transcript it
    // held back; the sheet is read in linear time.
    assert!(line_about(&out, "metadata.tsv:").contains("over tanu's limit of 100000 rows"));
    assert!(line_about(&out, "f1.txt").contains("metadata sheet of its folder"));
    assert!(took < Duration::from_secs(60), "{took:?}");
}
