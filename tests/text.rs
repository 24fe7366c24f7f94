//! Hungarian and Russian text done right, end to end: decoding, repair,
//! normalization, languages per segment, folding and the analyzer version
//! check — on the fixtures in `fixtures/transcripts/`, their UTF-8 twins in
//! `fixtures/expected/`, and small hostile inputs.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tanu::Archive;
use tanu::access::Role;
use tanu::decode::{decode, encoding_for_label};
use tanu::ingest::IngestOptions;
use tanu::repair::repair;
use tanu::search::SearchRequest;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn transcript(name: &str) -> PathBuf {
    root().join("fixtures/transcripts").join(name)
}

fn twin(name: &str) -> String {
    std::fs::read_to_string(root().join("fixtures/expected").join(name))
        .unwrap_or_else(|e| panic!("twin {name}: {e}"))
        .replace("\r\n", "\n")
}

fn tanu(archive: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tanu"));
    c.arg("--archive").arg(archive).env("NO_COLOR", "1");
    c
}

/// Every fixture with a UTF-8 twin: (file, how it was damaged or encoded,
/// the encodings whose decoding is right). Hungarian text decodes
/// identically in Windows-1250 and ISO-8859-2, so the text is asserted and
/// either name accepted.
const TWINS: &[(&str, &[&str])] = &[
    (
        "Kolozsvari_ferfiak_1944.txt",
        &["windows-1250", "ISO-8859-2"],
    ),
    ("de-001.txt", &["windows-1252"]),
    ("hu-gulag-005.txt", &["UTF-16LE"]),
    ("hu-mr-002.txt", &["windows-1250", "ISO-8859-2"]),
    ("hu-mr-007.txt", &["UTF-8"]),
    ("hu-pow-004.txt", &["windows-1250", "ISO-8859-2"]),
    ("hu-pow-008.txt", &["windows-1250", "ISO-8859-2"]),
    ("hu-pow-013.txt", &["UTF-8"]),
    ("hu-typewriter-009.txt", &["UTF-8"]),
    ("ru-002.txt", &["windows-1251"]),
    ("ru-003.txt", &["KOI8-R"]),
    ("ru-004-cp866.txt", &["IBM866"]),
    ("ru-005-iso8859-5.txt", &["ISO-8859-5"]),
    ("ru-006-maccyrillic.txt", &["x-mac-cyrillic"]),
    ("ru-007-mojibake.txt", &["UTF-8"]),
];

/// Every twin's file is listed in `TWINS` and vice versa.
#[test]
fn every_twin_is_checked() {
    let mut on_disk: Vec<String> = std::fs::read_dir(root().join("fixtures/expected"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = TWINS.iter().map(|(f, _)| f.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

/// Decoding and repair give exactly the twin. Line ends are compared as
/// `\n` (CRLF files are normalised by design); only for the typewriter
/// transcript are lines compared after joining, because joining words
/// hyphenated across line breaks (`depor-⏎taltak`) changes where lines end.
#[test]
fn fixtures_decode_and_repair_to_their_twins() {
    for (file, encodings) in TWINS {
        let bytes = std::fs::read(transcript(file)).unwrap();
        let d = decode(&bytes, None).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(
            encodings.contains(&d.encoding),
            "{file}: decoded as {}, want one of {encodings:?}",
            d.encoding
        );
        if d.method == "detected" {
            assert!(
                d.confidence >= 0.8,
                "{file}: confidence {} for {}",
                d.confidence,
                d.encoding
            );
        } else {
            assert_eq!(d.confidence, 1.0, "{file}");
        }
        let (text, _) = repair(&d.text);
        let want = twin(file);
        if *file == "hu-typewriter-009.txt" {
            let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(words(&text), words(&want), "{file}");
        } else {
            assert_eq!(text.trim_end(), want.trim_end(), "{file}");
        }
    }
}

/// The stored segments are the twin's segments, exactly.
#[test]
fn stored_segments_equal_the_twins_segments() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Archive::init(&dir.path().join("a")).unwrap();
    for (file, _) in TWINS {
        let report = a
            .ingest_file(&transcript(file), &IngestOptions::default(), "test")
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let view = a.show(&report.id, Role::Archivist).unwrap().unwrap();
        let stored: Vec<&str> = view.segments.iter().map(|s| s.text.as_str()).collect();
        let (_, parsed) = tanu::parse::parse(&twin(file), file).unwrap();
        let want: Vec<&str> = parsed.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(stored, want, "{file}");
        for s in &stored {
            assert!(
                !s.contains(['\u{AD}', '\u{200B}', 'Ã', 'õ', 'û']) && !s.contains("Р‘"),
                "{file}: damage left in {s:?}"
            );
        }
    }
}

/// What was changed is recorded on the testimony and shown.
#[test]
fn repairs_and_encodings_are_recorded_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("a");
    tanu(&archive).arg("init").assert().success();
    tanu(&archive)
        .arg("ingest")
        .arg(root().join("fixtures/transcripts"))
        .assert()
        .success();
    for (id, needles) in [
        (
            "hu-mr-007",
            &[
                "UTF-8 with confidence 1.00",
                "mojibake-utf8-as-cp1252",
                "Ã¡",
            ][..],
        ),
        (
            "ru-007",
            &[
                "mojibake-utf8-as-cp1251",
                "РљРёСЂРѕРІР°Р±Р°Рґ, → Кировабад,",
            ][..],
        ),
        (
            "hu-typewriter-009",
            &[
                "hyphenation-joined",
                "de- portaltak → deportaltak",
                "soft-hyphen-removed",
                "invisible-character-removed",
                "U+200B",
            ][..],
        ),
        ("hu-pow-013", &["hungarian-stand-in-replaced", "õ → ő"][..]),
        (
            "ru-003",
            &["KOI8-R with confidence 0.99", "repairs:      none"][..],
        ),
        ("ru-004", &["IBM866 with confidence"][..]),
        (
            "ru-006-maccyrillic",
            &["x-mac-cyrillic with confidence"][..],
        ),
        ("hu-gulag-005", &["UTF-16LE with confidence 1.00"][..]),
        ("mixed-001", &["languages:    hu, ru"][..]),
    ] {
        let out = tanu(&archive).args(["show", id]).assert().success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        for n in needles {
            assert!(text.contains(n), "`tanu show {id}` lacks {n:?}:\n{text}");
        }
    }
    let out = tanu(&archive)
        .args(["show", "hu-typewriter-009", "--json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let t = &v["testimony"];
    assert_eq!(t["encoding"], "UTF-8");
    assert_eq!(t["encoding_confidence"], 1.0);
    let kinds: Vec<&str> = t["repairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "invisible-character-removed",
            "soft-hyphen-removed",
            "hyphenation-joined"
        ]
    );
    assert_eq!(t["repairs"][2]["count"], 9);
}

/// `--encoding` overrides detection; a wrong forced UTF-8 is a clear error
/// and stores nothing.
#[test]
fn forced_encodings() {
    let koi8 = std::fs::read(transcript("ru-003.txt")).unwrap();
    let right = decode(&koi8, None).unwrap();
    let forced = decode(&koi8, encoding_for_label("windows-1251")).unwrap();
    assert_eq!((forced.encoding, forced.method), ("windows-1251", "forced"));
    assert_ne!(forced.text, right.text);
    assert!(!forced.text.contains("Колыма"));

    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("a");
    tanu(&archive).arg("init").assert().success();
    tanu(&archive)
        .args(["ingest", "--encoding", "cp1251"])
        .arg(transcript("ru-003.txt"))
        .assert()
        .success();
    tanu(&archive)
        .args(["show", "ru-003"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "windows-1251 with confidence 1.00",
        ));
    // Read in the wrong encoding, Колыма is not there to be found.
    tanu(&archive).args(["search", "Колыма"]).assert().code(1);

    tanu(&archive)
        .args(["ingest", "--encoding", "utf-8"])
        .arg(transcript("hu-pow-004.txt"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("hu-pow-004.txt")
                .and(predicate::str::contains("not valid UTF-8"))
                .and(predicate::str::contains("offset")),
        );
    tanu(&archive).args(["show", "hu-pow-004"]).assert().code(1);
    tanu(&archive)
        .args(["ingest", "--encoding", "klingon"])
        .arg(transcript("hu-pow-004.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown encoding"));
}

/// õ/û become ő/ű only in Hungarian text.
#[test]
fn stand_ins_are_replaced_in_hungarian_only() {
    for text in [
        "Õhtul läksime Tõnu juurde, sõbrad olid kõik kodus ja sõime üheskoos.",
        "Im Sommer fuhren wir an die Côte d'Azur, und Tõnu kam aus Tallinn mit.",
        "Это было в Тарту, там жил Tõnu, эстонец, он всё понимал.",
    ] {
        let (fixed, repairs) = repair(text);
        assert_eq!(fixed, text);
        assert!(repairs.is_empty(), "{repairs:?}");
    }
    let (fixed, _) = repair("Õk is fõztek, a tûz mellett ültünk, õsszel jött a hír.");
    assert_eq!(
        fixed,
        "Ők is főztek, a tűz mellett ültünk, ősszel jött a hír."
    );

    // And through the archive: an Estonian file keeps its õ.
    let dir = tempfile::tempdir().unwrap();
    let mut a = Archive::init(&dir.path().join("a")).unwrap();
    a.ingest_bytes(
        Path::new("eesti.txt"),
        "Õhtul läksime Tõnu juurde, sõbrad olid kõik kodus.\n"
            .as_bytes()
            .to_vec(),
        &IngestOptions::default(),
        "test",
    )
    .unwrap();
    let v = a.show("eesti", Role::Archivist).unwrap().unwrap();
    assert!(v.segments[0].text.starts_with("Õhtul läksime Tõnu"));
    assert!(v.testimony.repairs.is_empty());
}

/// Stored text is NFC, whatever the file had.
#[test]
fn stored_text_is_nfc() {
    use unicode_normalization::UnicodeNormalization;
    let dir = tempfile::tempdir().unwrap();
    let mut a = Archive::init(&dir.path().join("a")).unwrap();
    let nfd: String = "Sztálinóba vittek, a tőzegen dolgoztunk. Всё"
        .nfd()
        .collect();
    assert_ne!(nfd, "Sztálinóba vittek, a tőzegen dolgoztunk. Всё");
    a.ingest_bytes(
        Path::new("nfd.txt"),
        nfd.into_bytes(),
        &IngestOptions::default(),
        "test",
    )
    .unwrap();
    a.sync_index().unwrap();
    let v = a.show("nfd", Role::Archivist).unwrap().unwrap();
    assert_eq!(
        v.segments[0].text,
        "Sztálinóba vittek, a tőzegen dolgoztunk. Всё"
    );
    let hits = a.search(&SearchRequest::new("tőzegen")).unwrap().hits;
    assert_eq!(hits.len(), 1);
}

/// mixed-001 alternates a Russian interviewer and a Hungarian narrator;
/// each segment gets its own language.
#[test]
fn languages_alternate_segment_by_segment() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Archive::init(&dir.path().join("a")).unwrap();
    a.ingest_file(&transcript("mixed-001.txt"), &IngestOptions::default(), "t")
        .unwrap();
    let v = a.show("mixed-001", Role::Archivist).unwrap().unwrap();
    let langs: Vec<(&str, &str)> = v
        .segments
        .iter()
        .map(|s| (s.speaker.as_deref().unwrap_or(""), s.lang.as_str()))
        .collect();
    assert!(langs.len() >= 20);
    for (speaker, lang) in &langs {
        let want = if *speaker == "И" { "ru" } else { "hu" };
        assert_eq!(*lang, want, "{langs:?}");
    }
    // Each language is searched with its own stemmer: a Russian word in a
    // Russian question, a Hungarian one in an answer.
    a.sync_index().unwrap();
    let res = a.search(&SearchRequest::new("шахтах lang:ru")).unwrap();
    assert_eq!(res.hits[0].passages[0].lang, "ru");
    let res = a.search(&SearchRequest::new("bányákban lang:hu")).unwrap();
    assert_eq!(res.hits[0].passages[0].lang, "hu");
}

fn small_archive(dir: &Path, texts: &[(&str, &str)]) -> Archive {
    let mut a = Archive::init(dir).unwrap();
    for (id, text) in texts {
        a.ingest_bytes(
            Path::new(&format!("{id}.txt")),
            format!("id: {id}\n---\n{text}\n").into_bytes(),
            &IngestOptions::default(),
            "test",
        )
        .unwrap();
    }
    a.sync_index().unwrap();
    a
}

fn ids(a: &Archive, q: &str) -> Vec<String> {
    a.search(&SearchRequest::new(q))
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

/// A Cyrillic word typed with a Latin look-alike letter (and the reverse)
/// is found by the word in one script.
#[test]
fn look_alike_letters_are_fixed_for_search() {
    let dir = tempfile::tempdir().unwrap();
    // "шахтa" ends in a Latin a, "Cталино" starts with a Latin C, "Foksаny"
    // has a Cyrillic а.
    let a = small_archive(
        &dir.path().join("a"),
        &[
            (
                "phone",
                "Нас отправили на шахтy в Cталино, потом в Foksаny.",
            ),
            ("clean", "Мы жили в бараке у леса."),
        ],
    );
    for q in ["шахту", "шахта", "Сталино", "Foksány", "Фокшаны"] {
        assert_eq!(ids(&a, q), ["phone"], "{q}");
    }
    let v = a.show("phone", Role::Archivist).unwrap().unwrap();
    assert!(
        v.testimony
            .repairs
            .iter()
            .any(|r| r.kind == "mixed-script-words-normalized-for-search" && r.count == 3),
        "{:?}",
        v.testimony.repairs
    );
}

/// Stress marks and ё are folded, in the text and in the query.
#[test]
fn stress_marks_and_yo_are_folded() {
    let dir = tempfile::tempdir().unwrap();
    let a = small_archive(
        &dir.path().join("a"),
        &[
            (
                "stress",
                "Потом нас повезли в Фокша\u{301}ны, там был лагерь.",
            ),
            ("yo", "Она дала мне тёплое пальто, и мы пошли пешком."),
            ("ye", "Он пошел домой в теплое утро."),
        ],
    );
    assert_eq!(ids(&a, "Фокшаны"), ["stress"]);
    assert_eq!(ids(&a, "Фокша\u{301}нах"), ["stress"]);
    let mut warm = ids(&a, "тёплое");
    warm.sort();
    assert_eq!(warm, ["ye", "yo"]);
    let mut warm = ids(&a, "теплое");
    warm.sort();
    assert_eq!(warm, ["ye", "yo"]);
    assert_eq!(ids(&a, "пошёл"), ["ye"]);
    // Prefixes are not stemmed: the folding alone makes these meet.
    let mut warm = ids(&a, "тёпл*");
    warm.sort();
    assert_eq!(warm, ["ye", "yo"]);
    assert_eq!(ids(&a, "Фокша\u{301}н*"), ["stress"]);
    assert_eq!(ids(&a, "\"теплое утро\""), ["ye"]);
}

/// An index built by another analyzer is refused until `tanu reindex`.
#[test]
fn other_analyzer_versions_are_refused_until_reindex() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("a");
    tanu(&archive).arg("init").assert().success();
    tanu(&archive)
        .arg("ingest")
        .arg(transcript("ru-001.txt"))
        .assert()
        .success();
    tanu(&archive)
        .args(["search", "Сваляве"])
        .assert()
        .success();
    tanu::index::stamp_analyzer_for_tests(&archive.join(tanu::INDEX_DIR), "tanu-analysis-0")
        .unwrap();
    match Archive::open(&archive) {
        Err(e) => assert!(e.to_string().contains("run `tanu reindex`"), "{e}"),
        Ok(_) => panic!("an index of another analyzer version was opened"),
    }
    tanu(&archive)
        .args(["search", "Сваляве"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("tanu-analysis-0")
                .and(predicate::str::contains("run `tanu reindex`")),
        );
    tanu(&archive)
        .arg("reindex")
        .assert()
        .success()
        .stdout(predicate::str::contains("reindexed 1 testimonies"));
    tanu(&archive)
        .args(["search", "Сваляве"])
        .assert()
        .success()
        .stdout(predicate::str::contains("ru-001"));
}
