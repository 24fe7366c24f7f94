//! Curation: identity, review and tag decisions, edits, corrections,
//! status, access levels and embargoes (with leak tests), redaction,
//! merging, history and the tamper-evident audit log.

mod common;

use common::{TestArchive, fixture};
use predicates::prelude::*;
use predicates::str::contains;

const CURATOR: &str = "Kiss Anna";

/// A one-testimony file with a word found nowhere else.
fn secret_file(id: &str, access: &str) -> String {
    format!(
        "id: {id}\ntitle: Titkos tanúvallomás\nnarrator: Rejtett Rozália\nlanguage: hu\naccess: {access}\n\
         region: Vorkuta\n---\n[00:00:01] K: Hova vitték?\n\
         [00:00:05] N: Vorkutára vittek, a zsuzsulkafalvi bányába, ott dolgoztam hat évig.\n"
    )
}

fn curated(t: &TestArchive) -> assert_cmd::Command {
    let mut cmd = t.tanu();
    cmd.arg("--curator").arg(CURATOR);
    cmd
}

fn publish(t: &TestArchive, id: &str) {
    curated(t)
        .args(["status", id, "published"])
        .assert()
        .success();
}

#[test]
fn writes_need_a_named_archivist() {
    let t = TestArchive::with_fixtures();
    t.tanu()
        .args(["status", "hu-mr-001", "published"])
        .assert()
        .code(2)
        .stderr(contains("--curator NAME or the TANU_CURATOR variable"));
    curated(&t)
        .args(["--role", "researcher", "status", "hu-mr-001", "published"])
        .assert()
        .code(2)
        .stderr(contains("only archivists"));
    let mut cmd = t.tanu();
    cmd.env("TANU_CURATOR", "Nagy Béla")
        .args(["status", "hu-mr-001", "in_review"])
        .assert()
        .success();
    let log = t.tanu().args(["audit", "log", "--json"]).output().unwrap();
    let text = String::from_utf8(log.stdout).unwrap();
    let last: serde_json::Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    assert_eq!(last["data"]["actor"], "Nagy Béla");
    assert_eq!(last["data"]["op"], "status");
}

#[test]
fn tag_decisions_survive_reingest() {
    let t = TestArchive::with_fixtures();
    // A header tag can be removed; the curator's decision wins over the file.
    curated(&t)
        .args([
            "tag",
            "remove",
            "hu-mr-001",
            "transit_camp",
            "Szolyva",
            "--note",
            "header was wrong",
        ])
        .assert()
        .success()
        .stdout(contains("removed transit_camp `svaliava` of hu-mr-001"));
    curated(&t)
        .args(["tag", "add", "hu-mr-001", "place", "Сталино"])
        .assert()
        .success()
        .stdout(contains("`donetsk`"));
    curated(&t)
        .args(["tag", "confirm", "hu-mr-001", "place", "Vorkuta"])
        .assert()
        .code(2)
        .stderr(contains("no place tag `vorkuta` to confirm"));
    curated(&t)
        .args(["tag", "add", "hu-mr-001", "region", "Atlantisz"])
        .assert()
        .code(2)
        .stderr(contains("unknown region"));

    // Re-ingest a changed file: decisions are kept.
    let text = std::fs::read_to_string(fixture("transcripts/hu-mr-001.txt")).unwrap();
    let path = t.write(
        "hu-mr-001.txt",
        text.replace("Nagydobronyban", "Nagydobronyban, Bereg megyében"),
    );
    t.tanu()
        .arg("ingest")
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("1 updated"));
    let show = t
        .tanu()
        .args(["show", "hu-mr-001", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    let tags = v["tags"].as_array().unwrap();
    let find = |value: &str| tags.iter().find(|t| t["value"] == value).cloned().unwrap();
    assert_eq!(find("svaliava")["status"], "rejected");
    assert_eq!(find("svaliava")["decided_by"], CURATOR);
    assert_eq!(find("donetsk")["status"], "confirmed");
    // Added by hand, or a confirmed suggestion of the tagger: either way a
    // curator's decision.
    assert_eq!(find("donetsk")["decided_by"], CURATOR);
    // Facets follow the decisions at once.
    assert!(
        t.search_ids(&["bánya", "--transit", "svaliava"])
            .iter()
            .all(|id| id != "hu-mr-001")
    );
    assert!(
        t.search_ids(&["bánya", "--region", "donetsk"])
            .contains(&"hu-mr-001".to_string())
    );
}

#[test]
fn review_queue_lists_suggestions_with_context() {
    let t = TestArchive::with_fixtures();
    let out = t.tanu().args(["review", "--json"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().count() >= 10,
        "the tagger suggests tags for the fixtures:\n{text}"
    );
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["type"], "suggestion");
        let d = &v["data"];
        assert!(d["testimony"].is_string() && d["facet"].is_string() && d["value"].is_string());
        for e in d["evidence"].as_array().unwrap() {
            let seg = e["text"].as_str().unwrap();
            let (a, b) = (
                e["span"][0].as_u64().unwrap() as usize,
                e["span"][1].as_u64().unwrap() as usize,
            );
            assert_eq!(&seg[a..b], e["matched"].as_str().unwrap());
        }
    }
    // The queue is for archivists.
    t.tanu()
        .args(["--role", "public", "review"])
        .assert()
        .code(2);
}

#[test]
fn metadata_edits_are_validated_and_kept_on_reingest() {
    let t = TestArchive::with_fixtures();
    for (set, err) in [
        ("narrator_birth_year=19x6", "not a year"),
        ("recorded=1991-13-01", "not YYYY"),
        ("narator=Kiss", "did you mean `narrator`"),
        ("access=public", "tanu access"),
        ("title=", "cannot be empty"),
        ("languages=klingon", "unknown language"),
    ] {
        curated(&t)
            .args(["edit", "hu-mr-002", "--set", set])
            .assert()
            .code(2)
            .stderr(contains(err));
    }
    curated(&t)
        .args([
            "edit",
            "hu-mr-002",
            "--set",
            "title=A hajósi asszonyok",
            "--set",
            "recorded=1996-03",
            "--reason",
            "typo",
        ])
        .assert()
        .success()
        .stdout(contains("revision 2"));
    t.tanu()
        .args(["show", "hu-mr-002"])
        .assert()
        .stdout(contains("A hajósi asszonyok").and(contains("1996-03")));
    // A re-ingested file does not overwrite the curator's title.
    let bytes = std::fs::read(fixture("transcripts/hu-mr-002.txt")).unwrap();
    let mut changed = bytes.clone();
    changed.extend_from_slice(b"\r\n\r\n[00:40:00] K: K\xf6sz\xf6n\xf6m.\r\n");
    let path = t.write("hu-mr-002.txt", changed);
    t.tanu()
        .arg("ingest")
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("1 updated"));
    t.tanu()
        .args(["show", "hu-mr-002"])
        .assert()
        .stdout(contains("A hajósi asszonyok").and(contains("Köszönöm")));
}

#[test]
fn corrections_keep_every_earlier_text() {
    let t = TestArchive::with_fixtures();
    let before = t
        .tanu()
        .args(["show", "hu-mr-001", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&before.stdout).unwrap();
    let old = v["segments"][3]["text"].as_str().unwrap().to_string();
    let ordinal = v["segments"][3]["ordinal"].as_i64().unwrap().to_string();
    curated(&t)
        .args([
            "correct",
            "hu-mr-001",
            &ordinal,
            "--text",
            "Ezt a mondatot a levéltáros javította ki.",
            "--reason",
            "hallás után",
        ])
        .assert()
        .success();
    let corrected = t.write(
        "fix.txt",
        "M\u{e1}sodszor jav\u{ed}tott sz\u{f6}veg.".as_bytes(),
    );
    curated(&t)
        .args(["correct", "hu-mr-001", &ordinal, "--file"])
        .arg(&corrected)
        .assert()
        .success();
    // Visible in search at once.
    assert_eq!(t.search_ids(&["\"másodszor javított\""]), ["hu-mr-001"]);
    assert!(t.search_ids(&["levéltáros"]).is_empty());
    let h = t
        .tanu()
        .args(["history", "hu-mr-001", "--json"])
        .output()
        .unwrap();
    let h: serde_json::Value = serde_json::from_slice(&h.stdout).unwrap();
    let texts: Vec<&str> = h["segment_texts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [old.as_str(), "Ezt a mondatot a levéltáros javította ki."]
    );
    assert_eq!(h["segment_texts"][0]["reason"], "hallás után");
    assert_eq!(h["segment_texts"][0]["actor"], CURATOR);
    let kinds: Vec<&str> = h["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["ingest", "correct", "correct"]);
    curated(&t)
        .args(["correct", "hu-mr-001", "999", "--text", "x"])
        .assert()
        .code(2)
        .stderr(contains("no segment 999"));
}

#[test]
fn workflow_status_is_settable_and_filterable() {
    let t = TestArchive::with_fixtures();
    curated(&t)
        .args(["status", "hu-mr-001", "in_review"])
        .assert()
        .success();
    publish(&t, "hu-mr-002");
    curated(&t)
        .args(["status", "hu-mr-002", "finished"])
        .assert()
        .code(2)
        .stderr(contains("unknown status"));
    let out = t
        .tanu()
        .args(["list", "--status", "published"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("hu-mr-002") && !text.contains("hu-mr-001") && text.contains("1 testimonies"),
        "{text}"
    );
}

/// The leak tests: a restricted testimony with a unique word is invisible
/// to the public everywhere, and looks exactly like a missing one.
#[test]
fn restricted_and_unpublished_testimonies_never_leak_to_the_public() {
    let t = TestArchive::with_fixtures();
    let restricted = t.write("secret.txt", secret_file("secret-001", "restricted"));
    t.tanu().arg("ingest").arg(&restricted).assert().success();
    publish(&t, "secret-001");
    publish(&t, "hu-gulag-005");
    curated(&t)
        .args(["tag", "add", "hu-gulag-005", "place", "Воркута"])
        .assert()
        .success();

    // Search: nothing, with grep's exit code 1.
    t.tanu()
        .args(["--role", "public", "search", "zsuzsulkafalvi"])
        .assert()
        .code(1);
    t.tanu()
        .args(["--role", "researcher", "search", "zsuzsulkafalvi"])
        .assert()
        .code(0);
    t.tanu().args(["search", "zsuzsulkafalvi"]).assert().code(0);
    // Nor by its narrator's name or its title (the catalogue record).
    for q in ["Rejtett Rozália", "\"Titkos tanúvallomás\""] {
        t.tanu()
            .args(["--role", "public", "search", q])
            .assert()
            .code(1);
        t.tanu().args(["search", q]).assert().code(0);
    }
    // Facet counts exclude it: Vorkuta has one public testimony, not two.
    let (_, summary) = t.search_json(&[
        "--role", "public", "Vorkuta", "--facets", "--region", "vorkuta",
    ]);
    assert_eq!(summary["total_testimonies"], 1, "{summary}");
    let facets = summary["facets"].as_array().unwrap();
    assert!(
        facets.iter().all(|f| f["count"].as_u64().unwrap() <= 1),
        "{facets:?}"
    );
    let (_, summary) = t.search_json(&["Vorkuta", "--facets", "--region", "vorkuta"]);
    assert_eq!(summary["total_testimonies"], 2);
    // Suggestions cannot be used to probe either.
    t.tanu()
        .args(["--role", "public", "search", "bánya", "--suggested"])
        .assert()
        .code(2)
        .stderr(contains("--suggested is for archivists"));

    // show: the same answer as for an id that does not exist.
    let hidden = t
        .tanu()
        .args(["--role", "public", "show", "secret-001"])
        .output()
        .unwrap();
    let missing = t
        .tanu()
        .args(["--role", "public", "show", "no-such-001"])
        .output()
        .unwrap();
    assert_eq!(hidden.status.code(), missing.status.code());
    assert_eq!(
        String::from_utf8(hidden.stderr)
            .unwrap()
            .replace("secret-001", "ID"),
        String::from_utf8(missing.stderr)
            .unwrap()
            .replace("no-such-001", "ID")
    );
    // list: absent. Unpublished ones (the rest of the fixtures) too.
    let list = t
        .tanu()
        .args(["--role", "public", "list"])
        .output()
        .unwrap();
    let text = String::from_utf8(list.stdout).unwrap();
    assert!(
        !text.contains("secret-001")
            && text.contains("hu-gulag-005")
            && text.contains("1 testimonies"),
        "{text}"
    );
    t.tanu()
        .args(["--role", "public", "search", "Foksány"])
        .assert()
        .code(1);

    // Sealed with an embargo in the past: public by itself.
    curated(&t)
        .args(["access", "secret-001", "sealed", "--embargo", "2001-01-01"])
        .assert()
        .success();
    t.tanu()
        .args(["--role", "public", "search", "zsuzsulkafalvi"])
        .assert()
        .code(0);
    curated(&t)
        .args(["access", "secret-001", "--embargo", "2999-01-01"])
        .assert()
        .success();
    t.tanu()
        .args(["--role", "public", "search", "zsuzsulkafalvi"])
        .assert()
        .code(1);
    t.tanu()
        .args(["--role", "researcher", "search", "zsuzsulkafalvi"])
        .assert()
        .code(1);
}

#[test]
fn redacted_passages_are_hidden_below_archivist() {
    let t = TestArchive::with_fixtures();
    publish(&t, "hu-mr-001");
    let show = t
        .tanu()
        .args(["show", "hu-mr-001", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    let seg = v["segments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"].as_str().unwrap().contains("Ugocsából"))
        .unwrap();
    let ordinal = seg["ordinal"].as_i64().unwrap().to_string();
    curated(&t)
        .args(["redact", "hu-mr-001", &ordinal, "--match", "Ugocsából"])
        .assert()
        .code(2);
    curated(&t)
        .args([
            "redact",
            "hu-mr-001",
            &ordinal,
            "--match",
            "Ugocsából",
            "--reason",
            "a living person's village",
        ])
        .assert()
        .success()
        .stdout(contains("#1"));
    curated(&t)
        .args([
            "redact",
            "hu-mr-001",
            &ordinal,
            "--match",
            "Budapesten",
            "--reason",
            "x",
        ])
        .assert()
        .code(2)
        .stderr(contains("does not occur"));
    for role in ["public", "researcher"] {
        t.tanu()
            .args(["--role", role, "search", "Ugocsából"])
            .assert()
            .code(1);
        let out = t
            .tanu()
            .args(["--role", role, "show", "hu-mr-001"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.contains("Ugocsából") && text.contains("Beregből, […], Ung megyéből"),
            "{role}"
        );
        // The rest of the passage is still found, with the redaction marked.
        let (hits, _) = t.search_json(&["--role", role, "Beregből"]);
        let snippet = hits[0]["passages"][0]["snippet"]["text"].as_str().unwrap();
        assert!(
            snippet.contains("[…]") && !snippet.contains("Ugocsából"),
            "{snippet}"
        );
    }
    t.tanu().args(["search", "Ugocsából"]).assert().code(0);
    t.tanu()
        .args(["show", "hu-mr-001"])
        .assert()
        .stdout(contains("#1 ¶").and(contains("a living person's village")));
    // A span in characters.
    curated(&t)
        .args([
            "redact",
            "hu-mr-001",
            "1",
            "--span",
            "0..5",
            "--reason",
            "test",
        ])
        .assert()
        .success();
    curated(&t)
        .args([
            "redact",
            "hu-mr-001",
            "1",
            "--span",
            "5..99999",
            "--reason",
            "test",
        ])
        .assert()
        .code(2);
    // Unredact, audited.
    curated(&t)
        .args(["unredact", "hu-mr-001", "1", "--reason", "consent given"])
        .assert()
        .success();
    t.tanu()
        .args(["--role", "public", "search", "Ugocsából"])
        .assert()
        .code(0);
    let log = t.tanu().args(["audit", "log"]).output().unwrap();
    let text = String::from_utf8(log.stdout).unwrap();
    assert!(text.contains("unredact") && text.contains("consent given"));
}

#[test]
fn merging_keeps_both_records_history() {
    let t = TestArchive::with_fixtures();
    curated(&t)
        .args(["tag", "add", "hu-mr-012", "place", "Minszk"])
        .assert()
        .success();
    curated(&t)
        .args([
            "merge",
            "hu-mr-007",
            "hu-mr-012",
            "--reason",
            "same interview",
        ])
        .assert()
        .success()
        .stdout(contains("merged hu-mr-012 into hu-mr-007"));
    // The dropped record leaves search and list; its tags join the kept one.
    assert!(
        !t.search_ids(&["Boriszov", "-n", "50"])
            .contains(&"hu-mr-012".to_string())
    );
    assert!(
        t.search_ids(&["Foksány", "--region", "minsk", "-n", "50"])
            .contains(&"hu-mr-007".to_string())
    );
    let list = String::from_utf8(t.tanu().arg("list").output().unwrap().stdout).unwrap();
    assert!(!list.contains("hu-mr-012"));
    // Its history and originals are still there.
    let h = t
        .tanu()
        .args(["history", "hu-mr-007", "--json"])
        .output()
        .unwrap();
    let h: serde_json::Value = serde_json::from_slice(&h.stdout).unwrap();
    assert_eq!(h["merged"][0], "hu-mr-012");
    let ops: Vec<&str> = h["log"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["op"].as_str().unwrap())
        .collect();
    assert!(
        ops.contains(&"merge")
            && ops.contains(&"merged-into")
            && ops.iter().filter(|o| **o == "ingest").count() == 2
    );
    t.tanu()
        .args(["show", "hu-mr-012"])
        .assert()
        .success()
        .stdout(contains("merged into:  hu-mr-007"));
    t.tanu()
        .args(["--role", "public", "show", "hu-mr-012"])
        .assert()
        .code(1);
    curated(&t)
        .args(["merge", "hu-mr-007", "hu-mr-012"])
        .assert()
        .code(2)
        .stderr(contains("was merged into"));
    curated(&t)
        .args(["merge", "hu-mr-007", "hu-mr-007"])
        .assert()
        .code(2);
    // Re-ingesting the dropped file unchanged is a no-op; a changed one is
    // refused with an explanation.
    t.tanu()
        .arg("ingest")
        .arg(fixture("transcripts/hu-mr-012.txt"))
        .assert()
        .success()
        .stdout(contains("1 unchanged"));
    let text = std::fs::read_to_string(fixture("transcripts/hu-mr-012.txt")).unwrap();
    let path = t.write("hu-mr-012.txt", text.replace("Boriszov", "Boriszovba"));
    t.tanu()
        .arg("ingest")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains("was merged into `hu-mr-007`"));
}

#[test]
fn the_audit_chain_detects_tampering() {
    let t = TestArchive::with_fixtures();
    publish(&t, "hu-mr-001");
    curated(&t)
        .args(["tag", "add", "hu-mr-001", "place", "Donyeck"])
        .assert()
        .success();
    t.tanu()
        .args(["audit", "verify"])
        .assert()
        .success()
        .stdout(contains("audit log intact"));
    let db = t.dir().join("tanu.sqlite");
    let open = || rusqlite::Connection::open(&db).unwrap();
    // The log refuses ordinary edits…
    assert!(
        open()
            .execute("UPDATE audit SET actor = 'Mallory' WHERE seq = 3", [])
            .is_err()
    );
    assert!(
        open()
            .execute("DELETE FROM audit WHERE seq = 3", [])
            .is_err()
    );
    // …and someone who drops the guards is caught.
    open()
        .execute_batch("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
        .unwrap();
    open()
        .execute("UPDATE audit SET actor = 'Mallory' WHERE seq = 3", [])
        .unwrap();
    t.tanu()
        .args(["audit", "verify"])
        .assert()
        .code(1)
        .stdout(contains("BROKEN at entry 3").and(contains("altered")));
}

#[test]
fn the_audit_chain_detects_deleted_and_reordered_entries() {
    let t = TestArchive::with_fixtures();
    publish(&t, "hu-mr-001");
    publish(&t, "hu-mr-002");
    let db = t.dir().join("tanu.sqlite");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
        .unwrap();
    let n: i64 = conn
        .query_row("SELECT max(seq) FROM audit", [], |r| r.get(0))
        .unwrap();

    // Swap the contents of two entries (reordering).
    conn.execute_batch(&format!(
        "UPDATE audit SET seq = -1 WHERE seq = {a}; UPDATE audit SET seq = {a} WHERE seq = {b};
         UPDATE audit SET seq = {b} WHERE seq = -1;",
        a = n - 1,
        b = n
    ))
    .unwrap();
    t.tanu()
        .args(["audit", "verify"])
        .assert()
        .code(1)
        .stdout(contains(format!("BROKEN at entry {}", n - 1)));
    conn.execute_batch(&format!(
        "UPDATE audit SET seq = -1 WHERE seq = {a}; UPDATE audit SET seq = {a} WHERE seq = {b};
         UPDATE audit SET seq = {b} WHERE seq = -1;",
        a = n - 1,
        b = n
    ))
    .unwrap();
    t.tanu().args(["audit", "verify"]).assert().success();

    // Delete one in the middle.
    conn.execute("DELETE FROM audit WHERE seq = 2", []).unwrap();
    t.tanu()
        .args(["audit", "verify"])
        .assert()
        .code(1)
        .stdout(contains("entry 2 is missing"));
}

#[test]
fn the_audit_chain_detects_a_truncated_log() {
    let t = TestArchive::with_fixtures();
    publish(&t, "hu-mr-001");
    let conn = rusqlite::Connection::open(t.dir().join("tanu.sqlite")).unwrap();
    conn.execute_batch("DROP TRIGGER audit_no_delete;").unwrap();
    conn.execute(
        "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)",
        [],
    )
    .unwrap();
    t.tanu()
        .args(["audit", "verify"])
        .assert()
        .code(1)
        .stdout(contains("removed from the end"));
}

#[test]
fn a_write_made_on_an_older_state_is_refused_and_changes_nothing() {
    use tanu::access::Role;
    use tanu::curate::Curator;
    let t = TestArchive::with_fixtures();
    let mut a = tanu::Archive::open(&t.dir()).unwrap();
    let anna = Curator::new(Some(CURATOR), Role::Archivist).unwrap();
    let bela = Curator::new(Some("Nagy Béla"), Role::Archivist).unwrap();
    let opened = a.change_stamp("hu-mr-001").unwrap();
    assert!(opened > 0, "the ingest is recorded");
    // Béla changes the record (as the CLI does, without a base).
    let sets = [("narrator".to_string(), "Molnár Rozália".to_string())];
    a.edit(&bela, "hu-mr-001", &sets, "spelling").unwrap();
    let now = a.change_stamp("hu-mr-001").unwrap();
    assert!(now > opened);
    // Anna's form was made before: refused, nothing written.
    let title = [("title".to_string(), "Anna címe".to_string())];
    let err = a
        .at_base(Some(opened), |a| a.edit(&anna, "hu-mr-001", &title, "mine"))
        .unwrap_err();
    assert_eq!(err.stale(), Some((opened, now)), "{err}");
    assert_eq!(a.change_stamp("hu-mr-001").unwrap(), now);
    let shown = a.show("hu-mr-001", Role::Archivist).unwrap().unwrap();
    assert_ne!(shown.testimony.title, "Anna címe");
    assert_eq!(shown.testimony.narrator.as_deref(), Some("Molnár Rozália"));
    // What she missed: Béla's edit, who and what.
    let missed = a.changes_since("hu-mr-001", opened).unwrap();
    assert_eq!(missed.len(), 1);
    assert_eq!(missed[0].actor, "Nagy Béla");
    assert_eq!(missed[0].op, "edit");
    // Every kind of write is checked, not only edits.
    let err = a
        .at_base(Some(opened), |a| {
            a.set_status(&anna, "hu-mr-001", "withdrawn", "")
        })
        .unwrap_err();
    assert!(err.stale().is_some());
    // The condition does not outlive its write: a refused validation
    // leaves the next unconditional write free.
    assert!(
        a.at_base(Some(opened), |a| a.set_status(
            &anna,
            "hu-mr-001",
            "nonsense",
            ""
        ))
        .is_err()
    );
    a.set_status(&anna, "hu-mr-001", "in_review", "").unwrap();
    // On the current stamp the write goes through.
    let fresh = a.change_stamp("hu-mr-001").unwrap();
    a.at_base(Some(fresh), |a| a.edit(&anna, "hu-mr-001", &title, "mine"))
        .unwrap();
    let shown = a.show("hu-mr-001", Role::Archivist).unwrap().unwrap();
    assert_eq!(shown.testimony.title, "Anna címe");
    // Another testimony's stamp is its own.
    assert_ne!(a.change_stamp("hu-mr-001").unwrap(), fresh);
}
