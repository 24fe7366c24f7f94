//! Tags and facets through the command line: header-tag validation,
//! suggested tags in `show`, facet filters and counts in `search`, and
//! `tanu regions` / `waves` / `transit-camps` with access control.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// `tanu --archive DIR` without the caller's environment.
fn tanu(archive: &Path) -> Command {
    let mut cmd = Command::cargo_bin("tanu").unwrap();
    cmd.env_remove("TANU_ARCHIVE")
        .env_remove("TANU_CURATOR")
        .env("NO_COLOR", "1")
        .arg("--archive")
        .arg(archive);
    cmd
}

/// A new archive with the named fixtures ingested.
fn archive_with(names: &[&str]) -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("archive");
    tanu(&dir).arg("init").assert().success();
    let files: Vec<PathBuf> = names
        .iter()
        .map(|n| fixtures().join("transcripts").join(n))
        .collect();
    tanu(&dir).arg("ingest").args(&files).assert().success();
    (tmp, dir)
}

fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn hit_ids(out: &[u8]) -> Vec<String> {
    json_lines(out)
        .iter()
        .filter(|v| v["type"] == "hit")
        .map(|v| v["data"]["id"].as_str().unwrap().to_string())
        .collect()
}

fn facet_count(summary: &serde_json::Value, facet: &str, id: &str) -> Option<u64> {
    summary["data"]["facets"]
        .as_array()?
        .iter()
        .find(|f| f["facet"] == facet && f["id"] == id)
        .and_then(|f| f["count"].as_u64())
}

#[test]
fn unknown_header_tags_name_file_line_and_suggestion() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("a");
    tanu(&dir).arg("init").assert().success();
    tanu(&dir)
        .arg("ingest")
        .arg(fixtures().join("hostile/unknown-tag.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown-tag.txt:9: unknown region \"Atlantisz\"",
        ))
        .stderr(predicate::str::contains(
            "unknown-tag.txt:10: unknown transit_camp \"Foksani\"; did you mean `focsani` (Foksány)?",
        ));
    // Nothing of the file was stored.
    tanu(&dir)
        .args(["list", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("hostile-unknown-tag").not());
}

#[test]
fn header_tags_accept_any_alias_and_script() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("a");
    tanu(&dir).arg("init").assert().success();
    let file = tmp.path().join("t.txt");
    std::fs::write(
        &file,
        "id: alias-test\nlanguage: hu\nwave: Order 7161\nregion: Донбасс\ntransit_camp: Focşani\n---\n\
         Egy mondat a táborról.\n",
    )
    .unwrap();
    tanu(&dir).arg("ingest").arg(&file).assert().success();
    tanu(&dir)
        .args(["show", "alias-test"])
        .assert()
        .success()
        .stdout(predicate::str::contains("order-7161"))
        .stdout(predicate::str::contains("donbas"))
        .stdout(predicate::str::contains("focsani"))
        .stdout(predicate::str::contains(
            "[source: header, status: confirmed]",
        ))
        .stdout(predicate::str::contains("header line 5: Focşani (header)"));
}

#[test]
fn show_displays_suggestions_with_source_status_and_evidence() {
    let (_tmp, dir) = archive_with(&["hu-mr-013.txt", "ru-008.txt"]);
    let out = tanu(&dir)
        .args(["show", "hu-mr-013"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("transit_camp stryi")
            && text.contains("[source: suggested, status: suggested, confidence"),
        "{text}"
    );
    // The evidence is the sentence with the match, its paragraph and timecode.
    assert!(
        text.contains(
            "¶10 [00:03:01] camp = Sztrij: **Sztrijben** egy régi laktanyában tartottak bennünket"
        ),
        "{text}"
    );
    // Foksány is only a rumour and the brother's camp here.
    assert!(!text.contains("focsani"), "{text}");

    // The JSON view carries every evidence row with its span.
    let out = tanu(&dir)
        .args(["show", "ru-008", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let tags = v["tags"].as_array().unwrap();
    let perechyn = tags.iter().find(|t| t["value"] == "perechyn").unwrap();
    assert_eq!(perechyn["source"], "suggested");
    let ev = perechyn["evidence"].as_array().unwrap();
    assert!(
        ev.iter()
            .any(|e| e["matched"] == "Перечине" && e["rule"] == "camp")
    );
    let seg = v["segments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["ordinal"] == ev[0]["ordinal"])
        .unwrap();
    let (a, b) = (
        ev[0]["span"][0].as_u64().unwrap() as usize,
        ev[0]["span"][1].as_u64().unwrap() as usize,
    );
    assert_eq!(&seg["text"].as_str().unwrap()[a..b], ev[0]["matched"]);
}

#[test]
fn region_filter_includes_places_and_takes_aliases_in_any_script() {
    let (_tmp, dir) = archive_with(&[
        "hu-mr-001.txt",
        "hu-mr-002.txt",
        "ru-001.txt",
        "Budapesti_elhurcolas_1945.txt",
        "hu-pow-004.txt",
    ]);
    // Confirmed and header tags only: hu-mr-001 has `region: Donbas`.
    let out = tanu(&dir)
        .args(["search", "bánya", "--region", "donbas", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(hit_ids(&out), ["hu-mr-001"]);
    // With suggestions: the Donbas places (Makejevka, Sztálinó) count for
    // the region, whatever the script of the filter.
    for region in ["donbas", "Донбасс", "Donyec-medence", "ukraine"] {
        let out = tanu(&dir)
            .args([
                "search",
                "bánya OR шахта",
                "--suggested",
                "--json",
                "--region",
                region,
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let mut ids = hit_ids(&out);
        ids.sort();
        assert_eq!(
            ids,
            ["hu-mr-001", "hu-mr-002", "ru-001"],
            "--region {region}"
        );
    }
    // Facet counts come with the results.
    let out = tanu(&dir)
        .args([
            "search",
            "tábor OR лагерь",
            "--suggested",
            "--facets",
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines = json_lines(&out);
    let summary = lines.last().unwrap();
    assert_eq!(facet_count(summary, "region", "donbas"), Some(3));
    assert_eq!(facet_count(summary, "region", "ukraine"), Some(3));
    assert_eq!(facet_count(summary, "region", "urals"), Some(1));
    assert_eq!(facet_count(summary, "transit_camp", "focsani"), Some(2));
    assert_eq!(facet_count(summary, "wave", "pow"), Some(1));
    // The text output marks the facets.
    tanu(&dir)
        .args([
            "search",
            "bánya",
            "--region",
            "donbas",
            "--facets",
            "--suggested",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "facets (confirmed and suggested tags):",
        ))
        .stdout(predicate::str::contains("donbas — Donyec-medence (2)"));
}

#[test]
fn facet_fields_work_inside_the_query() {
    let (_tmp, dir) = archive_with(&[
        "Budapesti_elhurcolas_1945.txt",
        "Kolozsvari_ferfiak_1944.txt",
        "hu-pow-004.txt",
        "ru-002.txt",
    ]);
    let ids = |q: &str| {
        let out = tanu(&dir)
            .args(["search", q, "--suggested", "--json"])
            .assert()
            .get_output()
            .stdout
            .clone();
        let mut v = hit_ids(&out);
        v.sort();
        v
    };
    assert_eq!(
        ids("bánya region:urals"),
        ["budapesti-elhurcolas-1945", "kolozsvari-ferfiak-1944"]
    );
    assert_eq!(ids("region:Урал AND wave:pow"), ["ru-002"]);
    assert_eq!(
        ids("transit:Фокшаны AND wave:transylvania"),
        ["kolozsvari-ferfiak-1944"]
    );
    assert_eq!(ids("region:caucasus"), ["hu-pow-004"]);
    // The --transit filter takes the Romanian spelling with a cedilla.
    let out = tanu(&dir)
        .args([
            "search",
            "láger OR лагерь",
            "--suggested",
            "--json",
            "--transit",
            "Focşani",
            "--wave",
            "pow",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut v = hit_ids(&out);
    v.sort();
    assert_eq!(v, ["hu-pow-004", "ru-002"]);
}

/// Publishes every testimony (there is no curation command for it yet, so
/// the test writes the workflow status the way a curation operation
/// would) and rebuilds the index.
fn publish_all(dir: &Path) {
    let conn = rusqlite::Connection::open(dir.join("tanu.sqlite")).unwrap();
    conn.execute("UPDATE testimony SET status = 'published'", [])
        .unwrap();
    drop(conn);
    tanu(dir).arg("reindex").assert().success();
}

#[test]
fn facet_counts_respect_the_role() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("a");
    tanu(&dir).arg("init").assert().success();
    let write = |name: &str, access: &str, region: &str| {
        let p = tmp.path().join(name);
        std::fs::write(
            &p,
            format!(
                "id: {name}\nlanguage: hu\naccess: {access}\nregion: {region}\nwave: malenkij-robot\n---\n\
                 Sztálinóba vittek minket. A lágerben, barakkban laktunk, a bányában dolgoztunk, \
                 a norma nagy volt, tetű és vérhas volt.\n"
            ),
        )
        .unwrap();
        p
    };
    let files = [
        write("open", "public", "Donbasz"),
        write("closed", "restricted", "Донбасс"),
        write("sealed", "sealed", "donetsk"),
    ];
    tanu(&dir).arg("ingest").args(&files).assert().success();
    let donbas = |role: &str, extra: &[&str]| -> (u64, u64) {
        let out = tanu(&dir)
            .args(["--role", role, "regions", "--json"])
            .args(extra)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let lines = json_lines(&out);
        let v = lines
            .iter()
            .find(|v| v["type"] == "value" && v["data"]["id"] == "donbas");
        v.map_or((0, 0), |v| {
            (
                v["data"]["count"].as_u64().unwrap(),
                v["data"]["suggested"].as_u64().unwrap(),
            )
        })
    };
    // Nothing is published yet: the public sees nothing at all.
    assert_eq!(donbas("public", &[]), (0, 0));
    assert_eq!(donbas("archivist", &[]).0, 3);
    publish_all(&dir);
    assert_eq!(
        donbas("public", &[]).0,
        1,
        "restricted and sealed are not counted"
    );
    assert_eq!(
        donbas("researcher", &[]).0,
        2,
        "restricted counts for researchers"
    );
    assert_eq!(donbas("archivist", &[]).0, 3);
    // The suggested Sztálinó (donetsk) of the open and closed testimonies
    // counts for Donbas only with --suggested, and is marked.
    let out = tanu(&dir)
        .args(["regions", "--suggested"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("donetsk"), "{text}");
    assert!(text.contains("suggested tags included"), "{text}");
    // Below archivist, suggestions are not available at all: they are
    // unreviewed and may come from redacted text.
    tanu(&dir)
        .args(["--role", "public", "regions", "--suggested"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--suggested is for archivists"));
    // Zero counts are hidden unless --all.
    let plain = tanu(&dir)
        .args(["--role", "public", "regions"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let plain = String::from_utf8(plain).unwrap();
    assert!(
        plain.contains("donbas") && !plain.contains("siberia"),
        "{plain}"
    );
    tanu(&dir)
        .args(["--role", "public", "regions", "--all"])
        .assert()
        .success()
        .stdout(predicate::str::contains("siberia"));
    // Waves and transit camps, with their aliases.
    tanu(&dir)
        .args(["--role", "researcher", "waves"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"malenkij-robot .*\s2\n").unwrap());
    tanu(&dir)
        .args(["camps", "--all"])
        .assert()
        .success()
        .stdout(predicate::str::contains("focsani"));
    // The public search facets agree with the counts.
    let out = tanu(&dir)
        .args(["--role", "public", "search", "bánya", "--facets", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines = json_lines(&out);
    assert_eq!(
        facet_count(lines.last().unwrap(), "region", "donbas"),
        Some(1)
    );
}

/// The language counts a search makes with its facets are the counts of
/// the same request with a `lang` filter of each language (what the web's
/// language facet shows), for every role; where the query's boolean logic
/// works on whole testimonies the search leaves them to `count`.
#[test]
fn language_counts_of_a_search_match_a_count_per_language() {
    use tanu::Archive;
    use tanu::search::{Filter, SearchRequest};
    let names: Vec<String> = std::fs::read_dir(fixtures().join("transcripts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let (_tmp, dir) = archive_with(&names.iter().map(String::as_str).collect::<Vec<_>>());
    tanu(&dir)
        .args(["access", "hu-mr-001", "restricted", "--curator", "teszt"])
        .assert()
        .success();
    publish_all(&dir);
    let archive = Archive::open(&dir).unwrap();
    let mut compared = 0;
    for role in ["public", "researcher", "archivist"] {
        for query in [
            "láger",
            "лагерь",
            "Lager",
            "\"Sztálinó\"",
            "Foksány region:donbas",
            "lang:ru barak*",
            "vagon",
        ] {
            let mut req = SearchRequest::new(query);
            req.role = tanu::access::Role::parse(role).unwrap();
            req.facets = true;
            let results = archive.search(&req).unwrap();
            let languages = results
                .languages
                .expect("a one-part query counts its languages");
            for (code, n) in languages {
                let mut probe = req.clone();
                probe.facets = false;
                probe.filters.push(Filter {
                    field: "lang".into(),
                    value: code.into(),
                });
                assert_eq!(n, archive.count(&probe).unwrap(), "{role} {query} {code}");
                compared += usize::from(n > 0);
            }
        }
        // Testimony-level logic: a passage filter narrows its parts too.
        let mut req = SearchRequest::new("láger AND vagon");
        req.facets = true;
        assert!(archive.search(&req).unwrap().languages.is_none());
    }
    assert!(compared >= 15, "only {compared} non-empty language counts");
}
