//! Which testimony an ingested file becomes (issue 15): a file name is
//! never enough to make a file from another path an update.

mod common;

use common::{TestArchive, fixture};
use serde_json::Value;

const FOKSANY: &str = "Foksányba vittek minket 1945 januárjában, a táborban tetű volt és tífusz.\n\n\
                       Két évig dolgoztunk a bányában, aztán hazaengedtek.\n";
const SZOLYVA: &str = "Szolyván voltam a gyűjtőtáborban, onnan vagonban vittek tovább.\n\n\
                       Donbaszba kerültünk, Makejevkán raktuk a követ egész télen.\n";

/// `tanu ingest --json PATHS…`: the `file` records and the summary.
fn ingest(t: &TestArchive, paths: &[&std::path::Path], extra: &[&str]) -> (Vec<Value>, Value) {
    let out = t
        .tanu()
        .arg("ingest")
        .args(extra)
        .arg("--json")
        .args(paths)
        .output()
        .expect("run tanu");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut files = Vec::new();
    let mut summary = Value::Null;
    for line in text.lines() {
        let v: Value = serde_json::from_str(line).expect("JSON line");
        match v["type"].as_str() {
            Some("file") => files.push(v["data"].clone()),
            Some("summary") => summary = v["data"].clone(),
            _ => {}
        }
    }
    (files, summary)
}

/// The identifiers `tanu list` shows, sorted.
fn ids(t: &TestArchive) -> Vec<String> {
    let out = t.tanu().args(["list", "--json"]).output().expect("run");
    let mut ids: Vec<String> = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("JSON line");
            v["data"]["id"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn same_named_files_in_two_folders_are_two_testimonies() {
    let t = TestArchive::new();
    let a = t.write("a/interju.txt", FOKSANY);
    let b = t.write("b/interju.txt", SZOLYVA);
    let out = t
        .tanu()
        .arg("ingest")
        .arg(t.path("a"))
        .arg(t.path("b"))
        .output()
        .expect("run");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("2 ingested, 0 unchanged, 0 updated, 0 moved, 0 failed"),
        "{stdout}"
    );
    // One line per file says what it became and why.
    let line = stdout
        .lines()
        .find(|l| l.contains("b-interju"))
        .unwrap_or_else(|| panic!("no line for b/interju.txt:\n{stdout}"));
    assert!(line.starts_with("new"), "{line}");
    assert!(line.contains("`interju` is taken by"), "{line}");
    assert!(line.contains(&a.display().to_string()), "{line}");

    assert_eq!(ids(&t), ["b-interju", "interju"]);
    assert_eq!(t.search_ids(&["Foksány"]), ["interju"]);
    assert_eq!(t.search_ids(&["Szolyva"]), ["b-interju"]);

    // A third `interju.txt` one folder deeper takes two folder names.
    t.write(
        "c/b/interju.txt",
        "Tehervagonban vittek Focsaniba, ott ültünk három hétig.\n",
    );
    let (files, _) = ingest(&t, &[&t.path("c")], &[]);
    assert_eq!(files[0]["outcome"], "new");
    assert_eq!(files[0]["id"], "c-b-interju");
    // Re-ingesting everything changes nothing.
    let (files, summary) = ingest(&t, &[&a, &b, &t.path("c")], &[]);
    assert_eq!(summary["unchanged"], 3, "{files:?}");
    assert_eq!(summary["ingested"], 0);
    t.tanu().arg("check").assert().success();
}

#[test]
fn the_same_file_twice_is_unchanged_and_an_edit_is_an_update() {
    let t = TestArchive::new();
    let a = t.write("a/interju.txt", FOKSANY);
    let b = t.write("b/interju.txt", SZOLYVA);
    ingest(&t, &[&a, &b], &[]);
    let (files, summary) = ingest(&t, &[&b], &[]);
    assert_eq!(files[0]["outcome"], "unchanged");
    assert_eq!(files[0]["id"], "b-interju");
    assert_eq!(summary["unchanged"], 1);

    // Editing b/interju.txt updates b-interju, not `interju`.
    std::fs::write(
        &b,
        format!("{SZOLYVA}\nHuszonhét kiló voltam, amikor hazajöttem.\n"),
    )
    .unwrap();
    let (files, summary) = ingest(&t, &[&b], &[]);
    assert_eq!(files[0]["outcome"], "updated", "{files:?}");
    assert_eq!(files[0]["id"], "b-interju");
    assert_eq!(files[0]["reason"], "same file, new content");
    assert_eq!(summary["updated"], 1);
    assert_eq!(t.search_ids(&["huszonhét"]), ["b-interju"]);
    assert_eq!(t.search_ids(&["Foksány"]), ["interju"]);

    // The same path typed another way is the same file.
    let out = t
        .tanu()
        .current_dir(t.path("b"))
        .args(["ingest", "--json", "./interju.txt"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\"outcome\":\"unchanged\""), "{text}");
}

#[test]
fn a_moved_file_is_recognised_and_a_copy_is_no_duplicate() {
    let t = TestArchive::new();
    let a = t.write("a/interju.txt", FOKSANY);
    ingest(&t, &[&a], &[]);

    // Moved (and renamed): the same bytes, the old path gone.
    std::fs::create_dir_all(t.path("doboz-7")).unwrap();
    let moved = t.path("doboz-7/kazetta-01.txt");
    std::fs::rename(&a, &moved).unwrap();
    let (files, summary) = ingest(&t, &[&moved], &[]);
    assert_eq!(files[0]["outcome"], "moved", "{files:?}");
    assert_eq!(files[0]["id"], "interju");
    assert!(
        files[0]["reason"]
            .as_str()
            .unwrap()
            .contains("a/interju.txt"),
        "{files:?}"
    );
    assert_eq!(summary["moved"], 1);
    assert_eq!(ids(&t), ["interju"]);

    // Now an edit at the new path updates it.
    std::fs::write(&moved, format!("{FOKSANY}\nA tetű mindenhol ott volt.\n")).unwrap();
    let (files, _) = ingest(&t, &[&moved], &[]);
    assert_eq!(files[0]["outcome"], "updated", "{files:?}");
    assert_eq!(files[0]["id"], "interju");

    // A copy elsewhere, the original still there: unchanged, no duplicate.
    let copy = t.write("masolat/valami.txt", std::fs::read(&moved).unwrap());
    let (files, _) = ingest(&t, &[&copy], &[]);
    assert_eq!(files[0]["outcome"], "unchanged", "{files:?}");
    assert_eq!(files[0]["id"], "interju");
    assert!(
        files[0]["reason"]
            .as_str()
            .unwrap()
            .contains("same bytes as")
    );
    assert_eq!(ids(&t), ["interju"]);

    // History tells where each revision came from and how it was matched.
    let out = t.tanu().args(["history", "interju"]).output().unwrap();
    let history = String::from_utf8(out.stdout).unwrap();
    assert!(history.contains("move"), "{history}");
    assert!(history.contains("matched by sha256"), "{history}");
    assert!(history.contains("matched by path"), "{history}");
    t.tanu().arg("check").assert().success();
}

/// A file whose content names its testimony updates it from any folder, in
/// every format that can carry an identifier.
#[test]
fn explicit_identifiers_update_their_testimony_from_any_folder() {
    let t = TestArchive::new();
    let tanu_text = "id: hu-tanu-900\ntitle: Szolyvai napok\nlanguage: hu\n---\n\
                     [00:00:05] N: Szolyván gyűjtöttek össze minket, onnan Sztálinóba vittek.\n";
    let vtt = std::fs::read_to_string(fixture("formats/captions/hu-vtt-014.vtt")).unwrap();
    let ohms = std::fs::read_to_string(fixture("formats/ohms/hu-ohms-013.xml")).unwrap();
    let srt = std::fs::read_to_string(fixture("formats/captions/Varga_Istvan_1995.srt")).unwrap();
    let sheet = std::fs::read_to_string(fixture("formats/captions/metadata.csv")).unwrap();
    t.write("elso/vallomas.txt", tanu_text);
    t.write("elso/hu-vtt-014.vtt", &vtt);
    t.write("elso/hu-ohms-013.xml", &ohms);
    t.write("elso/Varga_Istvan_1995.srt", &srt);
    t.write("elso/metadata.csv", &sheet);
    let (files, summary) = ingest(&t, &[&t.path("elso")], &[]);
    assert_eq!(summary["ingested"], 4, "{files:?}");

    // The same file names in another folder, each with new content.
    t.write(
        "masodik/vallomas.txt",
        format!("{tanu_text}[00:01:00] N: A bányában dolgoztam két évig.\n"),
    );
    t.write(
        "masodik/hu-vtt-014.vtt",
        format!("{vtt}\n\n00:59:00.000 --> 00:59:04.000\nKésőbb hozzáírt mondat a kazettáról.\n"),
    );
    t.write(
        "masodik/hu-ohms-013.xml",
        ohms.replacen(
            "<title>Három napra vittek el, három évig voltunk oda</title>",
            "<title>Három napra vittek el (javított cím)</title>",
            1,
        ),
    );
    t.write(
        "masodik/Varga_Istvan_1995.srt",
        format!("{srt}\n6\n00:01:03,000 --> 00:01:07,000\nV: Az apám már nem élt.\n"),
    );
    t.write("masodik/metadata.csv", &sheet);
    let (files, summary) = ingest(&t, &[&t.path("masodik")], &[]);
    assert_eq!(summary["updated"], 4, "{files:?}");
    assert_eq!(summary["ingested"], 0, "{files:?}");
    let mut updated: Vec<&str> = files.iter().map(|f| f["id"].as_str().unwrap()).collect();
    updated.sort();
    assert_eq!(
        updated,
        ["hu-ohms-013", "hu-srt-017", "hu-tanu-900", "hu-vtt-014"]
    );
    for f in &files {
        assert_eq!(f["reason"], "identifier given in the file", "{f}");
    }
    assert_eq!(ids(&t).len(), 4);

    // A tanu JSON export names its testimony too: restoring it into a new
    // archive from any folder keeps the identifier, and again is unchanged.
    let out = t
        .tanu()
        .args(["export", "hu-tanu-900", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let other = TestArchive::new();
    let json = other.write("barmi/export.json", &out.stdout);
    let (files, _) = ingest(&other, &[&json], &[]);
    assert_eq!(files[0]["id"], "hu-tanu-900", "{files:?}");
    assert_eq!(files[0]["outcome"], "new");
    let (files, _) = ingest(&other, &[&json], &[]);
    assert_eq!(files[0]["outcome"], "unchanged");
}

/// An archive that an older tanu filled by file name has a testimony whose
/// revisions came from two interviews; `check` finds it, `split` separates
/// them, and nothing is lost.
#[test]
fn check_finds_an_earlier_merge_and_split_undoes_it() {
    let t = TestArchive::new();
    let a = t.write("a/interju.txt", FOKSANY);
    let b = t.write("b/interju.txt", SZOLYVA);
    ingest(&t, &[&a], &[]);
    // `--replace` is how one asks for the name rule today; an older tanu
    // did this silently. Make the revisions look like it did.
    let (files, _) = ingest(&t, &[&b], &["--replace"]);
    assert_eq!(files[0]["outcome"], "updated", "{files:?}");
    t.tanu().arg("check").assert().success();
    let db = rusqlite::Connection::open(t.dir().join("tanu.sqlite")).unwrap();
    db.execute("UPDATE revision SET matched_by = NULL", [])
        .unwrap();
    db.execute("UPDATE testimony SET source_abs = NULL", [])
        .unwrap();
    drop(db);

    let out = t.tanu().arg("check").output().unwrap();
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(!out.status.success(), "{report}");
    let line = report
        .lines()
        .find(|l| l.contains("testimony sources"))
        .unwrap_or_else(|| panic!("{report}"));
    assert!(
        line.contains("interju took files from different paths"),
        "{line}"
    );
    assert!(line.contains(&b.display().to_string()), "{line}");
    assert_eq!(t.search_ids(&["Foksány"]), Vec::<String>::new());

    t.tanu()
        .args(["--curator", "Tóth Ilona", "split", "interju"])
        .arg(&b)
        .assert()
        .success()
        .stdout(predicates::str::contains("b-interju"));
    assert_eq!(ids(&t), ["b-interju", "interju"]);
    assert_eq!(t.search_ids(&["Foksány"]), ["interju"]);
    assert_eq!(t.search_ids(&["Szolyva"]), ["b-interju"]);
    t.tanu().arg("check").assert().success();
    // Both histories are kept: interju still lists the revision from b.
    let out = t.tanu().args(["history", "interju"]).output().unwrap();
    let history = String::from_utf8(out.stdout).unwrap();
    assert!(history.contains("split off into b-interju"), "{history}");
    // Re-ingesting b/interju.txt now finds its own testimony.
    let (files, _) = ingest(&t, &[&b], &[]);
    assert_eq!(files[0]["id"], "b-interju", "{files:?}");
    assert_eq!(files[0]["outcome"], "unchanged");
}

#[test]
fn split_refuses_what_it_cannot_do() {
    let t = TestArchive::new();
    let a = t.write("a/interju.txt", FOKSANY);
    ingest(&t, &[&a], &[]);
    let out = t
        .tanu()
        .args(["--curator", "Tóth Ilona", "split", "interju"])
        .arg(t.path("nincs/interju.txt"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("has no revision from"), "{err}");
    let out = t
        .tanu()
        .args(["--curator", "Tóth Ilona", "split", "interju"])
        .arg(&a)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("nothing to split"), "{err}");
}

/// One batch, many files naming the same testimony with `--replace`: files
/// are prepared side by side (one lane a core), yet stored in the order
/// given, so each is a new revision of the one before and the last one's
/// text is what stays.
#[test]
fn a_batch_is_stored_in_the_order_given_however_it_is_prepared() {
    let t = TestArchive::new();
    let days = [
        "hétfőn",
        "kedden",
        "szerdán",
        "csütörtökön",
        "pénteken",
        "szombaton",
        "vasárnap",
    ];
    let mut paths = Vec::new();
    for (i, day) in days.iter().enumerate() {
        paths.push(t.write(
            &format!("kotet/{}.txt", i + 1),
            format!(
                "id: hu-rend-001\ntitle: Napló\nlanguage: hu\n---\n\
                 [00:00:0{i}] N: A {}. változat: {day} vittek el Szolyvára.\n",
                i + 1
            ),
        ));
    }
    let refs: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
    let (files, summary) = ingest(&t, &refs, &["--replace"]);
    assert_eq!(summary["ingested"], 1, "{files:?}");
    assert_eq!(summary["updated"], days.len() - 1, "{files:?}");
    let order: Vec<&str> = files
        .iter()
        .map(|f| f["path"].as_str().unwrap_or_default())
        .collect();
    let given: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    assert_eq!(order, given, "reported in the order given");
    let outcomes: Vec<&str> = files
        .iter()
        .map(|f| f["outcome"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(outcomes[0], "new");
    assert!(
        outcomes[1..].iter().all(|o| *o == "updated"),
        "{outcomes:?}"
    );
    let out = t
        .tanu()
        .args(["show", "hu-rend-001"])
        .output()
        .expect("run");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("A 7. változat: vasárnap"), "{shown}");
    assert!(!shown.contains("A 6. változat"), "{shown}");
}
