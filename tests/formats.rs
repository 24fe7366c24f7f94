//! Real-world formats in and out, through the binary: OHMS XML, WebVTT,
//! SRT and metadata sheets in; JSON, CSV, OHMS, WebVTT and Dublin Core out,
//! for each role; and the round trips.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const FORMATS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/formats");
const HOSTILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/hostile/formats");

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn tanu(archive: &Path, args: &[&str]) -> Out {
    let out = Command::new(env!("CARGO_BIN_EXE_tanu"))
        .env_remove("TANU_ARCHIVE")
        .env_remove("TANU_CURATOR")
        .env("NO_COLOR", "1")
        .arg("--archive")
        .arg(archive)
        .args(args)
        .output()
        .expect("run tanu");
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn archive_with(paths: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    assert_eq!(tanu(&archive, &["init"]).code, 0);
    let mut args = vec!["ingest"];
    args.extend_from_slice(paths);
    let out = tanu(&archive, &args);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    (dir, archive)
}

fn show_json(archive: &Path, id: &str, role: &str) -> Value {
    let out = tanu(archive, &["--role", role, "show", id, "--json"]);
    assert_eq!(out.code, 0, "{id}: {}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap()
}

/// Publishes testimonies and redacts a passage, through the store API
/// (the curation commands live on another branch).
fn curate(archive: &Path, publish: &[&str], redact: Option<(&str, &str)>) {
    let vocab = tanu::vocab::Vocabulary::builtin().unwrap();
    let mut store = tanu::store::Store::open(&archive.join(tanu::DB_FILE), &vocab).unwrap();
    for id in publish {
        store
            .set_status(id, "published", "test curator", "publish for the test")
            .unwrap();
    }
    if let Some((id, phrase)) = redact {
        let t = store.testimony(id).unwrap().unwrap();
        let seg = store
            .segments(t.num)
            .unwrap()
            .into_iter()
            .find(|s| s.text.contains(phrase))
            .expect("the phrase is in a segment");
        let start = seg.text.find(phrase).unwrap();
        store
            .redact(
                id,
                seg.ordinal,
                &[(start, start + phrase.len())],
                "test curator",
                "names a living person",
            )
            .unwrap();
    }
}

#[test]
fn every_format_is_imported_with_its_metadata() {
    let (_d, a) = archive_with(&[FORMATS]);
    let list = tanu(&a, &["list"]).stdout;
    assert!(list.contains("7 testimonies"), "{list}");

    // OHMS 5.4: record metadata, index points with GPS and translations.
    let v = show_json(&a, "hu-ohms-013", "archivist");
    let t = &v["testimony"];
    assert_eq!(t["format"], "ohms");
    assert_eq!(t["narrator"], "Tóth Ilona");
    assert_eq!(t["recorded"], "1992-08-17");
    assert_eq!(
        t["properties"]["ohms.collection_name"],
        "Kárpátaljai málenkij robot interjúk"
    );
    assert!(t["rights"].as_str().unwrap().contains("Beregszászi"));
    let points = v["index_points"].as_array().unwrap();
    assert_eq!(points.len(), 5);
    assert_eq!(points[2]["start_ms"], 150_000);
    assert_eq!(
        points[2]["title_alt"],
        "On foot to the Svaliava collection camp"
    );
    assert_eq!(points[2]["gps"][1]["lat"], 48.55);
    assert_eq!(points[2]["gps"][1]["text_alt"], "Svaliava collection camp");
    assert_eq!(
        points[2]["hyperlinks"][0]["url"],
        "https://example.org/szolyva-emlekpark"
    );
    let tags: Vec<&str> = v["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["value"].as_str().unwrap())
        .collect();
    assert!(
        tags.contains(&"svaliava") && tags.contains(&"malenkij-robot"),
        "{tags:?}"
    );
    // A subject that is not in the vocabulary is kept as a keyword.
    assert!(
        t["keywords"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k == "Kényszermunka")
    );
    let segs = v["segments"].as_array().unwrap();
    // The mid-line [00:03:40] mark starts a segment of its own.
    assert!(
        segs.iter()
            .any(|s| s["start_ms"] == 220_000 && s["speaker"] == "TÓTH")
    );

    // Legacy OHMS: the sync data times the transcript; old GPS form.
    let v = show_json(&a, "hu-ohms-015", "archivist");
    let segs = v["segments"].as_array().unwrap();
    let timed: Vec<(i64, &str)> = segs
        .iter()
        .filter_map(|s| Some((s["start_ms"].as_i64()?, s["text"].as_str()?)))
        .collect();
    assert_eq!(timed.len(), 2, "{timed:?}");
    assert_eq!(timed[0], (60_000, "Mikor vitték el őket?"));
    assert_eq!(timed[1].0, 120_000);
    assert_eq!(
        v["index_points"][0]["gps"][0]["text_alt"],
        "Nagymányok (Großmanok)"
    );
    assert_eq!(v["testimony"]["recorded"], "1990-03-14");

    // OHMS 6: the WebVTT transcript inside the XML.
    let v = show_json(&a, "hu-ohms-016", "archivist");
    assert_eq!(v["segments"][2]["speaker"], "Fazekas Lajos");
    assert_eq!(v["segments"][2]["end_ms"], 58_250);

    // WebVTT: NOTE metadata, voices, styling stripped, comments kept.
    let v = show_json(&a, "hu-vtt-014", "archivist");
    assert_eq!(v["testimony"]["narrator"], "Kiss Mária");
    let segs = v["segments"].as_array().unwrap();
    assert_eq!(segs.len(), 6);
    assert_eq!(segs[1]["speaker"], "Kiss Mária");
    assert!(
        segs[1]["text"]
            .as_str()
            .unwrap()
            .contains("„davaj, malenkij robot”")
    );
    assert_eq!(segs[4]["text"].as_str().unwrap().matches('<').count(), 1); // &lt;sír&gt;
    let notes = v["testimony"]["notes"].as_str().unwrap();
    assert!(
        notes.contains("zaj van") && notes.contains("1:1 átirata"),
        "{notes}"
    );
    // …and the sheet added its keywords.
    assert!(
        v["testimony"]["keywords"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k == "Cegléd")
    );

    // SRT with its metadata from metadata.csv.
    let v = show_json(&a, "hu-srt-017", "archivist");
    let t = &v["testimony"];
    assert_eq!(t["format"], "srt");
    assert_eq!(t["title"], "Az Urálban, a fakitermelésen");
    assert_eq!(t["access"], "restricted");
    assert_eq!(t["narrator_birth_year"], 1927);
    assert_eq!(v["segments"][0]["speaker"], "K");
    assert_eq!(v["segments"][1]["start_ms"], 5200);
    assert!(
        v["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["value"] == "urals")
    );

    // A header-less transcript described by a Hungarian-headed TSV.
    let v = show_json(&a, "hu-plain-019", "archivist");
    assert_eq!(v["testimony"]["access"], "sealed");
    assert_eq!(v["testimony"]["embargo_until"], "2040-01-01");
    assert_eq!(v["testimony"]["recorded"], "2001-05");

    // Ingesting again changes nothing.
    let again = tanu(&a, &["ingest", FORMATS]);
    assert!(
        again.stdout.contains("0 ingested, 7 unchanged"),
        "{}",
        again.stdout
    );

    // The human `show` lists index points.
    let human = tanu(&a, &["show", "hu-ohms-013"]).stdout;
    assert!(human.contains("index points:"), "{human}");
    assert!(
        human.contains("[00:02:30] Gyalog Szolyvára, a gyűjtőtáborba"),
        "{human}"
    );
    assert!(
        human.contains("GPS 48.55000, 23.00000 Szolyva, gyűjtőtábor"),
        "{human}"
    );
}

#[test]
fn editing_the_sheet_makes_a_new_revision() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    for f in ["Varga_Istvan_1995.srt", "metadata.csv"] {
        std::fs::copy(Path::new(FORMATS).join("captions").join(f), folder.join(f)).unwrap();
    }
    let a = dir.path().join("a");
    tanu(&a, &["init"]);
    let first = tanu(&a, &["ingest", folder.to_str().unwrap()]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    // Two rows describe transcripts that are not in this folder.
    assert!(
        first.stderr.contains("metadata.csv:3: no transcript"),
        "{}",
        first.stderr
    );
    let sheet = std::fs::read_to_string(folder.join("metadata.csv")).unwrap();
    std::fs::write(
        folder.join("metadata.csv"),
        sheet.replace("Az Urálban, a fakitermelésen", "Fakitermelés az Urálban"),
    )
    .unwrap();
    let second = tanu(&a, &["ingest", folder.to_str().unwrap()]);
    assert!(second.stdout.contains("1 updated"), "{}", second.stdout);
    assert_eq!(
        show_json(&a, "hu-srt-017", "archivist")["testimony"]["title"],
        "Fakitermelés az Urálban"
    );
}

#[test]
fn malformed_inputs_fail_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    tanu(&a, &["init"]);
    let out = tanu(&a, &["ingest", HOSTILE]);
    assert_eq!(out.code, 2);
    for expected in [
        "broken.xml:10: broken XML",
        "missing-title.xml:3: missing required element <title>",
        "bad-index-time.xml:8: index point <time> \"1:05\"",
        "bad-gps.xml:11: GPS \"Sztálinó mellett\"",
        "not-ohms.xml:2: an XML file, but not OHMS",
        "cue-ends-before-start.vtt:6: the cue ends (00:00:05.000) before it starts",
        "bad-timecode.vtt:6: bad timecode \"00:00:61.000\"",
        "cue-ends-before-start.srt:6: the cue ends",
        "bad-timecode.srt:6: bad timecode \"0:0:9\"",
        "sheet-unknown-column/metadata.csv:1: unknown column `narator`; did you mean `narrator`?",
        "sheet-bad-value/metadata.tsv:3: column `narrator_birth_year`",
        "Kovacs.srt: not ingested, because the metadata sheet",
        "Kiss.srt: not ingested, because the metadata sheet",
    ] {
        assert!(
            out.stderr.contains(expected),
            "missing {expected:?} in\n{}",
            out.stderr
        );
    }
    assert!(!out.stderr.contains("panicked"));
    assert!(out.stdout.contains("0 ingested"), "{}", out.stdout);
    assert!(tanu(&a, &["list"]).stdout.contains("0 testimonies"));
}

#[test]
fn search_finds_index_points() {
    let (_d, a) = archive_with(&[&format!("{FORMATS}/ohms")]);
    let out = tanu(&a, &["search", "town crier", "--json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let hit: Value = serde_json::from_str(out.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(hit["data"]["id"], "hu-ohms-013");
    let p = &hit["data"]["passages"][0];
    assert_eq!(p["index_point"], 2);
    assert_eq!(p["start_ms"], 61_000);
    // Index point keywords, across inflection: "gyűjtőtáborba" → gyűjtőtábor.
    let out = tanu(&a, &["search", "kisbíró"]);
    assert!(out.stdout.contains("index point 2"), "{}", out.stdout);
    // The index holds exactly the documents the points imply.
    let out = tanu(&a, &["check"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
}

fn export_all(archive: &Path, role: &str, format: &str) -> String {
    if matches!(format, "json" | "csv") {
        let out = tanu(
            archive,
            &["--role", role, "export", "--all", "--format", format],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        return out.stdout;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = tanu(
        archive,
        &[
            "--role",
            role,
            "export",
            "--all",
            "--format",
            format,
            "--out",
            dir.path().to_str().unwrap(),
        ],
    );
    assert!(out.code == 0 || out.code == 2, "{}", out.stderr);
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            format!(
                "=== {}\n{}",
                p.file_name().unwrap().to_string_lossy(),
                std::fs::read_to_string(p).unwrap()
            )
        })
        .collect()
}

#[test]
fn exports_respect_roles_and_redaction() {
    let (_d, a) = archive_with(&[FORMATS]);
    curate(
        &a,
        &["hu-ohms-013", "hu-srt-017", "hu-plain-019", "hu-vtt-014"],
        Some(("hu-ohms-013", "gyalogoltunk Szolyváig")),
    );
    // A point quoting the redacted passage is indexed twice; check knows.
    let out = tanu(&a, &["check"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    for format in ["json", "csv", "ohms", "vtt", "dc"] {
        let public = export_all(&a, "public", format);
        assert!(public.contains("hu-ohms-013"), "{format}: {public}");
        assert!(public.contains("hu-vtt-014"), "{format}");
        for hidden in [
            "hu-srt-017",   // restricted
            "Varga István", // its narrator
            "hu-plain-019", // sealed, embargo until 2040
            "Németh Anna",
            "hu-ohms-015",            // not published
            "gyalogoltunk Szolyváig", // redacted, also quoted by an index point
        ] {
            assert!(
                !public.contains(hidden),
                "{format}: a public export contains {hidden:?}"
            );
        }
        if format != "csv" && format != "dc" {
            assert!(public.contains("[…]"), "{format}: no redaction marker");
        }
        let researcher = export_all(&a, "researcher", format);
        assert!(researcher.contains("hu-srt-017"), "{format}");
        assert!(!researcher.contains("hu-plain-019"), "{format}");
        assert!(!researcher.contains("gyalogoltunk Szolyváig"), "{format}");
        let archivist = export_all(&a, "archivist", format);
        assert!(archivist.contains("hu-plain-019"), "{format}");
        assert!(archivist.contains("hu-ohms-015"), "{format}");
        if matches!(format, "json" | "ohms" | "vtt") {
            assert!(archivist.contains("gyalogoltunk Szolyváig"), "{format}");
        }
    }
    // The public JSON holds no originals and no archivist notes.
    let out = tanu(
        &a,
        &[
            "--role",
            "public",
            "export",
            "hu-vtt-014",
            "--format",
            "json",
        ],
    );
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["role"], "public");
    assert_eq!(doc["originals"].as_array().unwrap().len(), 0);
    assert!(doc["testimony"]["notes"].is_null());
    // A hidden testimony answers like a missing one.
    let out = tanu(
        &a,
        &[
            "--role",
            "public",
            "export",
            "hu-srt-017",
            "--format",
            "ohms",
        ],
    );
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("no testimony with id `hu-srt-017`"));
    // A public export cannot be imported as a backup.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("public.json");
    std::fs::write(&file, export_all(&a, "public", "json")).unwrap();
    let b = dir.path().join("b");
    tanu(&b, &["init"]);
    let out = tanu(&b, &["ingest", file.to_str().unwrap()]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("public.json:1: this export was made for the public role"),
        "{}",
        out.stderr
    );
}

#[test]
fn ohms_export_follows_the_schema() {
    let (_d, a) = archive_with(&[
        FORMATS,
        concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/transcripts"),
    ]);
    let all = export_all(&a, "archivist", "ohms");
    let docs: Vec<&str> = all.split("=== ").filter(|d| !d.is_empty()).collect();
    assert!(docs.len() >= 20);
    for d in docs {
        let (name, xml) = d.split_once('\n').unwrap();
        let problems = tanu::export::ohms::schema_problems(xml);
        assert!(problems.is_empty(), "{name}: {problems:?}");
    }
}

fn without_exported_at(mut v: Value) -> Value {
    v.as_object_mut().unwrap().remove("exported_at");
    v
}

#[test]
fn json_round_trip_recreates_the_record() {
    let (dir, a) = archive_with(&[
        FORMATS,
        concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/transcripts"),
    ]);
    curate(
        &a,
        &["hu-ohms-013"],
        Some(("hu-ohms-013", "gyalogoltunk Szolyváig")),
    );
    // A second revision, so that history and two originals travel.
    let changed = dir.path().join("hu-vtt-014.vtt");
    let vtt = std::fs::read_to_string(Path::new(FORMATS).join("captions/hu-vtt-014.vtt")).unwrap();
    std::fs::write(&changed, vtt.replace("kétszáz", "háromszáz")).unwrap();
    let out = tanu(&a, &["ingest", "--replace", changed.to_str().unwrap()]);
    assert!(
        out.stdout.contains("1 updated"),
        "{}{}",
        out.stdout,
        out.stderr
    );

    let first = export_all(&a, "archivist", "json");
    let backup = dir.path().join("backup.jsonl");
    std::fs::write(&backup, &first).unwrap();
    let b = dir.path().join("b");
    tanu(&b, &["init"]);
    let out = tanu(&b, &["ingest", backup.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let n = first.lines().count();
    assert!(
        out.stdout.contains(&format!("{n} ingested")),
        "{}",
        out.stdout
    );
    let second = export_all(&b, "archivist", "json");
    let parse = |s: &str| -> Vec<Value> {
        s.lines()
            .map(|l| without_exported_at(serde_json::from_str(l).unwrap()))
            .collect()
    };
    let (x, y) = (parse(&first), parse(&second));
    assert_eq!(x.len(), y.len());
    for (p, q) in x.iter().zip(&y) {
        assert_eq!(
            p, q,
            "{} differs after the round trip",
            p["testimony"]["id"]
        );
    }
    let vtt_doc = x
        .iter()
        .find(|d| d["testimony"]["id"] == "hu-vtt-014")
        .unwrap();
    assert_eq!(vtt_doc["revisions"].as_array().unwrap().len(), 2);
    assert_eq!(vtt_doc["originals"].as_array().unwrap().len(), 2);
    // The restored archive searches: index points, and redaction still holds.
    let out = tanu(&b, &["search", "town crier"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = tanu(&b, &["--role", "public", "show", "hu-ohms-013"]);
    assert!(!out.stdout.contains("gyalogoltunk Szolyváig") && out.stdout.contains("[…]"));
    // Restoring again is a no-op.
    let out = tanu(&b, &["ingest", backup.to_str().unwrap()]);
    assert!(
        out.stdout.contains(&format!("0 ingested, {n} unchanged")),
        "{}",
        out.stdout
    );
}

fn segments_of(v: &Value) -> Vec<(Value, Value, String)> {
    v["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["start_ms"].clone(),
                s["speaker"].clone(),
                s["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn ohms_round_trip_keeps_index_points_and_timecodes() {
    for (file, id) in [
        ("ohms/hu-ohms-013.xml", "hu-ohms-013"),
        ("ohms/hu-ohms-015-legacy.xml", "hu-ohms-015"),
        ("ohms/hu-ohms-016-v6.xml", "hu-ohms-016"),
    ] {
        let (dir, a) = archive_with(&[&format!("{FORMATS}/{file}")]);
        let out = tanu(&a, &["export", id, "--format", "ohms"]);
        assert_eq!(out.code, 0);
        assert_eq!(
            tanu::export::ohms::schema_problems(&out.stdout),
            Vec::<String>::new()
        );
        let exported = dir.path().join(format!("{id}.xml"));
        std::fs::write(&exported, &out.stdout).unwrap();
        let b = dir.path().join("b");
        tanu(&b, &["init"]);
        let out = tanu(&b, &["ingest", exported.to_str().unwrap()]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let (x, y) = (
            show_json(&a, id, "archivist"),
            show_json(&b, id, "archivist"),
        );
        assert_eq!(x["index_points"], y["index_points"], "{id}");
        assert!(!x["index_points"].as_array().unwrap().is_empty());
        assert_eq!(segments_of(&x), segments_of(&y), "{id}");
        for key in [
            "title",
            "narrator",
            "interviewer",
            "recorded",
            "summary",
            "rights",
            "access",
        ] {
            assert_eq!(x["testimony"][key], y["testimony"][key], "{id} {key}");
        }
        assert_eq!(
            x["testimony"]["properties"]["ohms.collection_name"],
            y["testimony"]["properties"]["ohms.collection_name"]
        );
    }
}

#[test]
fn vtt_round_trip_keeps_cues() {
    for (file, id) in [
        ("captions/hu-vtt-014.vtt", "hu-vtt-014"),
        ("ohms/hu-ohms-016-v6.xml", "hu-ohms-016"),
    ] {
        let (dir, a) = archive_with(&[&format!("{FORMATS}/{file}")]);
        let out = tanu(&a, &["export", id, "--format", "vtt"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(out.stdout.starts_with("WEBVTT\n"));
        let exported = dir.path().join(format!("{id}.vtt"));
        std::fs::write(&exported, &out.stdout).unwrap();
        let b = dir.path().join("b");
        tanu(&b, &["init"]);
        let out = tanu(&b, &["ingest", exported.to_str().unwrap()]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let (x, y) = (
            show_json(&a, id, "archivist"),
            show_json(&b, id, "archivist"),
        );
        let cues = |v: &Value| -> Vec<(Value, Value, Value, Value)> {
            v["segments"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    (
                        s["start_ms"].clone(),
                        s["end_ms"].clone(),
                        s["speaker"].clone(),
                        s["text"].clone(),
                    )
                })
                .collect()
        };
        assert_eq!(cues(&x), cues(&y), "{id}");
        assert_eq!(x["testimony"]["title"], y["testimony"]["title"]);
        assert_eq!(x["testimony"]["narrator"], y["testimony"]["narrator"]);
    }
    // A transcript without any timecode cannot become WebVTT.
    let (_d, a) = archive_with(&[concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/transcripts/Budapesti_elhurcolas_1945.txt"
    )]);
    let out = tanu(
        &a,
        &["export", "budapesti-elhurcolas-1945", "--format", "vtt"],
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("has no timecodes"), "{}", out.stderr);
}

#[test]
fn csv_export_is_a_metadata_sheet_and_dc_describes() {
    let (dir, a) = archive_with(&[FORMATS]);
    let csv = export_all(&a, "archivist", "csv");
    let path = dir.path().join("metadata.csv");
    std::fs::write(&path, &csv).unwrap();
    let vocab = tanu::vocab::Vocabulary::builtin().unwrap();
    let sheet = tanu::parse::sheet::parse(&csv, &path, &vocab)
        .unwrap()
        .unwrap();
    assert_eq!(sheet.rows.len(), 7);
    let row = sheet
        .rows
        .iter()
        .find(|r| r.header.id.as_deref() == Some("hu-srt-017"))
        .unwrap();
    assert_eq!(row.file.as_deref(), Some("Varga_Istvan_1995.srt"));
    assert_eq!(row.header.birth_year, Some(1927));
    assert!(row.tags.iter().any(|t| t.1 == "urals"));

    let out = tanu(&a, &["export", "hu-ohms-013", "--format", "dc"]);
    let dc = out.stdout;
    for expected in [
        "<oai_dc:dc ",
        "<dc:identifier>hu-ohms-013</dc:identifier>",
        "<dc:title>Három napra vittek el, három évig voltunk oda</dc:title>",
        "<dc:creator>Tóth Ilona</dc:creator>",
        "<dc:date>1992-08-17</dc:date>",
        "<dc:language>hu</dc:language>",
        "<dc:coverage>Szolyva</dc:coverage>",
        "<dc:rights>access: public</dc:rights>",
    ] {
        assert!(dc.contains(expected), "missing {expected} in\n{dc}");
    }
}
