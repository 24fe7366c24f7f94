//! Curation in the browser over real HTTP: `tanu serve` on a temporary
//! archive, an archivist made with the CLI signs in, and every screen
//! under `/curate` is used as a browser would (forms posted with the
//! session and CSRF cookies). What the archivist does must be visible to
//! the public (search, reader) as soon as the answer arrives; what is
//! redacted never is; non-archivists never see a curation screen.

#[path = "common/browser.rs"]
mod browser;
mod common;
#[path = "common/http.rs"]
mod http;

use common::{TestArchive, fixture};
use http::{Server, enc, sign_in_csrf};
use serde_json::json;

/// A testimony with a neighbour's name to redact (once, and a word that
/// occurs twice in one passage).
const NEIGHBOUR: &str = "\
id: cur-001
title: Szolyvától a Donbaszig
narrator: Szabó Ilona
narrator_birth_year: 1926
recorded: 1992-03-14
language: hu
access: public
---
[00:00:04] K: Hova vitték önöket?
[00:00:09] N: Szolyván át vittek minket, onnan marhavagonban a Donbaszba, Sztálinóba.
[00:00:21] N: Velünk volt a szomszédasszony, Bakos Jolán is, ő a bányában halt meg negyvenhatban.
[00:00:33] N: A láger mellett volt a láger kórháza, de orvosság nem volt benne.
[00:00:41] N: Жили мы в бараке, а кормили баландой.
";

const ARCHIVIST: (&str, &str) = ("kiss.anna", "gondozo-jelszo-17");
const RESEARCHER: (&str, &str) = ("kutato", "kutato-jelszo-23");

/// Serves the archive; every request asks for the English interface.
fn serve(t: &TestArchive) -> Server {
    Server::start(&t.dir(), &[]).with_header("Accept-Language", "en")
}

/// Curation requests, only these tests make.
impl Server {
    /// Signs in; the cookies of the session (session and CSRF token).
    fn login(&self, (name, password): (&str, &str)) -> Session {
        let (session, csrf) = sign_in_csrf(self, name, password);
        Session {
            cookie: format!("{session}; tanu_csrf={csrf}"),
            csrf,
        }
    }
}

struct Session {
    cookie: String,
    csrf: String,
}

impl Session {
    /// Posts a form as this session, with its CSRF token.
    fn post(&self, srv: &Server, path: &str, fields: &[(&str, &str)]) -> http::Response {
        let mut pairs = vec![("csrf", self.csrf.as_str())];
        pairs.extend_from_slice(fields);
        srv.post_as(path, &self.cookie, &form(&pairs))
    }
}

/// The whole edit form of `hu-mr-001` as a browser sends it: `title` and
/// `narrator` as given, the other fields as the fixture has them, then
/// the reason when there is one.
fn edit_hu_mr_001(
    s: &Session,
    srv: &Server,
    base: &str,
    title: &str,
    narrator: &str,
    reason: Option<&str>,
) -> http::Response {
    let mut fields = vec![
        ("base", base),
        ("title", title),
        ("narrator", narrator),
        ("narrator_birth_year", "1923"),
        ("recorded", "1991-08-14"),
        ("languages", "hu"),
        ("narrator_birthplace", "Nagydobrony"),
        ("interviewer", "Pásztor Erzsébet"),
        ("recording_place", "Nagydobrony"),
    ];
    fields.extend(reason.map(|r| ("reason", r)));
    s.post(srv, "/curate/t/hu-mr-001/edit", &fields)
}

/// A form body from pairs.
fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The change stamp a page's forms carry.
fn base_of(page: &str) -> String {
    let (_, rest) = page
        .split_once("name=\"base\" value=\"")
        .expect("a form with its base");
    rest.split('"').next().expect("base value").to_string()
}

/// Two published testimonies, an archivist and a researcher.
fn archive() -> TestArchive {
    let t = TestArchive::new();
    let files = [
        fixture("transcripts/hu-mr-001.txt"),
        t.write("in/cur-001.txt", NEIGHBOUR),
    ];
    t.tanu().arg("ingest").args(&files).assert().success();
    for id in ["hu-mr-001", "cur-001"] {
        t.tanu()
            .args(["--curator", "test", "status", id, "published"])
            .assert()
            .success();
    }
    for ((name, pw), role) in [(ARCHIVIST, "archivist"), (RESEARCHER, "researcher")] {
        t.tanu()
            .args(["user", "add", name, role, "--password-stdin"])
            .write_stdin(format!("{pw}\n"))
            .assert()
            .success();
    }
    t
}

/// Suggestions waiting for `id`, as the CLI lists them: (facet, value).
fn waiting(t: &TestArchive, id: &str) -> Vec<(String, String)> {
    let out = t
        .tanu()
        .args(["review", "--testimony", id, "--json"])
        .output()
        .expect("tanu review");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["type"] == "suggestion")
        .map(|v| {
            (
                v["data"]["facet"].as_str().unwrap_or("").to_string(),
                v["data"]["value"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// How many audit entries the archive has.
fn audit_len(t: &TestArchive) -> usize {
    let out = t
        .tanu()
        .args(["audit", "log", "--json"])
        .output()
        .expect("tanu audit log");
    String::from_utf8_lossy(&out.stdout).lines().count()
}

fn hits(srv: &Server, query: &str) -> String {
    let r = srv.get_as(&format!("/search?{query}"), "");
    assert_eq!(r.status, 200, "{query}");
    r.text()
}

#[test]
fn only_archivists_see_curation_and_every_change_needs_the_csrf_token() {
    let t = archive();
    let srv = serve(&t);
    let researcher = srv.login(RESEARCHER);
    let archivist = srv.login(ARCHIVIST);
    let unknown = srv.get_as("/no-such-page", "");
    assert_eq!(unknown.status, 404);
    let gets = [
        "/curate",
        "/curate/review",
        "/curate/review?t=hu-mr-001",
        "/curate/review/bulk?facet=transit_camp&value=chop",
        "/curate/t/hu-mr-001",
        "/curate/t/hu-mr-001/history",
        "/curate/t/no-such-id",
        "/curate/audit",
        "/curate/review/decide",
    ];
    let posts = [
        "/curate/review/decide",
        "/curate/review/add",
        "/curate/review/bulk",
        "/curate/t/hu-mr-001/edit",
        "/curate/t/hu-mr-001/correct",
        "/curate/t/hu-mr-001/redact",
        "/curate/t/hu-mr-001/unredact",
        "/curate/t/hu-mr-001/status",
        "/curate/t/hu-mr-001/access",
        "/curate/t/hu-mr-001/history",
        "/curate",
    ];
    let before = audit_len(&t);
    for (who, cookie, csrf) in [
        ("the public", String::new(), String::new()),
        (
            "a researcher",
            researcher.cookie.clone(),
            researcher.csrf.clone(),
        ),
        (
            "an expired session",
            format!(
                "tanu_session=0123456789abcdef; tanu_csrf={}",
                archivist.csrf
            ),
            archivist.csrf.clone(),
        ),
    ] {
        for path in gets {
            let r = srv.get_as(path, &cookie);
            assert_eq!(r.status, 404, "{who} GET {path}");
            assert_eq!(r.text(), unknown.text(), "{who} GET {path}");
            assert!(r.set_cookie("tanu_csrf").is_none(), "{who} GET {path}");
        }
        for path in posts {
            let body = form(&[
                ("csrf", &csrf),
                ("base", "1"),
                ("t", "hu-mr-001"),
                ("facet", "region"),
                ("value", "vorkuta"),
                ("decision", "confirm"),
                ("status", "withdrawn"),
                ("title", "Feltört"),
            ]);
            let r = srv.post_as(path, &cookie, &body);
            assert_eq!(r.status, 404, "{who} POST {path}");
            assert_eq!(r.text(), unknown.text(), "{who} POST {path}");
            // Even a body that is not a form at all.
            let r = srv.post_as(path, &cookie, "%%%\u{0}<>");
            assert_eq!(r.status, 404, "{who} POST {path} garbage");
        }
    }
    assert_eq!(audit_len(&t), before, "nothing was changed");

    // The archivist sees every screen, and the site header links to them.
    for path in &gets[..6] {
        let r = srv.get_as(path, &archivist.cookie);
        assert_eq!(r.status, 200, "archivist GET {path}");
        assert!(r.text().contains("href=\"/curate/review\""), "{path}");
    }
    // A method a screen does not take, and an unknown action, are unknown.
    assert_eq!(
        srv.get_as("/curate/review/decide", &archivist.cookie)
            .status,
        404
    );
    assert_eq!(
        archivist
            .post(&srv, "/curate/t/hu-mr-001/delete", &[])
            .status,
        404
    );
    let home = srv.get_as("/", &archivist.cookie).text();
    assert!(home.contains("href=\"/curate\""), "header link");
    let reader = srv.get_as("/t/hu-mr-001", &archivist.cookie).text();
    assert!(
        reader.contains("href=\"/curate/t/hu-mr-001\""),
        "reader link"
    );
    assert!(
        !srv.get_as("/", &researcher.cookie)
            .text()
            .contains("/curate")
    );
    assert!(!srv.get_as("/t/hu-mr-001", "").text().contains("/curate"));

    // The archivist's posts without the token, with a wrong one, or from
    // another site are refused, and change nothing.
    let page = srv.get_as("/curate/t/hu-mr-001", &archivist.cookie).text();
    let base = base_of(&page);
    let session_only = archivist
        .cookie
        .split("; ")
        .next()
        .expect("session cookie")
        .to_string();
    for (cookie, token) in [
        (archivist.cookie.clone(), ""),
        (archivist.cookie.clone(), "0000ffff0000ffff0000ffff0000ffff"),
        (session_only.clone(), archivist.csrf.as_str()),
    ] {
        let r = srv.post_as(
            "/curate/t/hu-mr-001/status",
            &cookie,
            &form(&[("csrf", token), ("base", &base), ("status", "withdrawn")]),
        );
        assert_eq!(r.status, 403, "token {token:?}");
    }
    let body = form(&[
        ("csrf", &archivist.csrf),
        ("base", &base),
        ("status", "withdrawn"),
    ]);
    let r = srv.request(
        "POST",
        "/curate/t/hu-mr-001/status",
        &[
            ("Origin", "http://evil.example"),
            ("Cookie", &archivist.cookie),
        ],
        &body,
    );
    assert_eq!(r.status, 403, "another origin");
    assert_eq!(audit_len(&t), before, "nothing was changed");
    assert_eq!(
        srv.get_as("/t/hu-mr-001", "").status,
        200,
        "still published"
    );
}

#[test]
fn the_review_queue_confirms_rejects_adds_and_decides_in_bulk() {
    let t = archive();
    let srv = serve(&t);
    let a = srv.login(ARCHIVIST);
    let queue = waiting(&t, "hu-mr-001");
    assert!(queue.len() >= 4, "fixture suggestions: {queue:?}");
    let total = |srv: &Server| -> usize {
        let page = srv.get_as("/curate/review", &a.cookie).text();
        let (before, _) = page
            .split_once(" suggestions wait for review.")
            .or_else(|| page.split_once(" suggestion waits for review."))
            .expect("the count of what is left");
        before
            .rsplit(['>', ' '])
            .next()
            .and_then(|n| n.parse().ok())
            .expect("a number")
    };
    let left = total(&srv);

    // Grouped by testimony, with evidence in context and links into the
    // reader at the passage.
    let page = srv.get_as("/curate/review?t=hu-mr-001", &a.cookie).text();
    assert!(page.contains("Három napi munkára vittek el"));
    assert!(
        page.contains("href=\"/t/hu-mr-001?p=29#p29\""),
        "reader link"
    );
    assert!(page.contains(">08:45</a>"), "timecode of passage 29");
    assert!(page.contains("<mark>Máramarosszigetre</mark>"));
    assert!(page.contains("class=\"keys\""), "keyboard help");
    // One testimony: its possible tags (hints, never stored) too, each
    // with an add button.
    let (_, hints) = page
        .split_once("Possible tags")
        .expect("the possible tags of hu-mr-001");
    assert!(hints.contains("action=\"/curate/review/add\""));

    // Confirm one: visible in public search at once.
    let r = a.post(
        &srv,
        "/curate/review/decide",
        &[
            ("back", "/curate/review?t=hu-mr-001"),
            ("t", "hu-mr-001"),
            ("facet", "transit_camp"),
            ("value", "staryi-sambir"),
            ("decision", "confirm"),
        ],
    );
    assert_eq!(r.status, 303);
    assert!(
        r.header("location")
            .is_some_and(|l| l.starts_with("/curate/review?t=hu-mr-001&done=confirm:1"))
    );
    assert!(hits(&srv, "transit=staryi-sambir").contains("Három napi munkára vittek el"));
    // Reject one: it leaves the queue and never reaches the public.
    let r = a.post(
        &srv,
        "/curate/review/decide",
        &[
            ("t", "hu-mr-001"),
            ("facet", "place"),
            ("value", "donetsk"),
            ("decision", "reject"),
        ],
    );
    assert_eq!(r.status, 303);
    let now = waiting(&t, "hu-mr-001");
    assert!(
        !now.iter()
            .any(|(_, v)| v == "staryi-sambir" || v == "donetsk")
    );
    assert_eq!(now.len(), queue.len() - 2);
    assert_eq!(total(&srv), left - 2, "the count of what is left");
    // Deciding it again (another curator was faster) is shown, not lost.
    let r = a.post(
        &srv,
        "/curate/review/decide",
        &[
            ("t", "hu-mr-001"),
            ("facet", "place"),
            ("value", "donetsk"),
            ("decision", "confirm"),
        ],
    );
    assert_eq!(r.status, 409);
    assert!(r.text().contains("The change was not made"));

    // Add a tag by facet and value (an alias): searchable at once.
    let r = a.post(
        &srv,
        "/curate/review/add",
        &[
            ("back", "/curate/review"),
            ("t", "cur-001"),
            ("facet", "region"),
            ("value", "Vorkuta"),
        ],
    );
    assert_eq!(r.status, 303);
    assert!(hits(&srv, "region=vorkuta").contains("Szolyvától a Donbaszig"));
    // An unknown value is refused beside the form, the input kept.
    let r = a.post(
        &srv,
        "/curate/review/add",
        &[
            ("back", "/curate/review"),
            ("t", "cur-001"),
            ("facet", "region"),
            ("value", "Nincsilyenhely"),
            ("note", "próba"),
        ],
    );
    assert_eq!(r.status, 422);
    let body = r.text();
    assert!(body.contains("value=\"Nincsilyenhely\""), "input kept");
    assert!(body.contains("class=\"ferr\""), "error beside the form");

    // Bulk: the list first, exactly what will change; then the decision.
    let (facet, value) = waiting(&t, "hu-mr-001")
        .into_iter()
        .next()
        .expect("a suggestion left");
    let preview = srv
        .get_as(
            &format!("/curate/review/bulk?facet={facet}&value={value}"),
            &a.cookie,
        )
        .text();
    let key = format!("name=\"item\" value=\"hu-mr-001|{facet}|{value}\"");
    assert!(preview.contains(&key), "{preview}");
    assert_eq!(preview.matches("name=\"item\"").count(), 1);
    assert!(waiting(&t, "hu-mr-001").contains(&(facet.clone(), value.clone())));
    let r = a.post(
        &srv,
        "/curate/review/bulk",
        &[
            ("item", &format!("hu-mr-001|{facet}|{value}")),
            ("decision", "confirm"),
        ],
    );
    assert_eq!(r.status, 303);
    assert!(!waiting(&t, "hu-mr-001").contains(&(facet.clone(), value.clone())));
    let param = if facet == "transit_camp" {
        "transit"
    } else {
        facet.as_str()
    };
    if facet != "place" {
        assert!(hits(&srv, &format!("{param}={value}")).contains("Három napi munkára"));
    }
    // A bulk list with one item decided meanwhile changes nothing at all.
    let rest = waiting(&t, "hu-mr-001");
    let (f2, v2) = rest.first().cloned().expect("another suggestion");
    let r = a.post(
        &srv,
        "/curate/review/bulk",
        &[
            ("item", &format!("hu-mr-001|{f2}|{v2}")),
            ("item", &format!("hu-mr-001|{facet}|{value}")),
            ("decision", "reject"),
        ],
    );
    assert_eq!(r.status, 409);
    assert!(
        waiting(&t, "hu-mr-001").contains(&(f2, v2)),
        "all or nothing"
    );

    // Every decision is in the audit log as the signed-in archivist.
    let out = t
        .tanu()
        .args(["audit", "log", "--json"])
        .output()
        .expect("audit");
    let log = String::from_utf8_lossy(&out.stdout).to_string();
    for op in ["tag.confirm", "tag.reject", "tag.add"] {
        assert!(
            log.lines()
                .any(|l| l.contains(op) && l.contains("\"actor\":\"kiss.anna\"")),
            "{op} by kiss.anna"
        );
    }
}

#[test]
fn record_edits_corrections_redactions_status_and_access() {
    let t = archive();
    let srv = serve(&t);
    let a = srv.login(ARCHIVIST);
    let page = srv.get_as("/curate/t/cur-001", &a.cookie).text();
    let base = base_of(&page);

    // Field-level validation: each error beside its field, input kept,
    // nothing written.
    let before = audit_len(&t);
    let r = a.post(
        &srv,
        "/curate/t/cur-001/edit",
        &[
            ("base", &base),
            ("title", "Szolyvától a Donbaszig"),
            ("narrator", "Szabó Ilona"),
            ("narrator_birth_year", "18x7"),
            ("recorded", "1992-13-40"),
            ("languages", "hu"),
        ],
    );
    assert_eq!(r.status, 422);
    let body = r.text();
    assert!(body.contains("value=\"18x7\""), "typed year kept");
    assert!(body.contains("value=\"1992-13-40\""), "typed date kept");
    assert!(body.contains("id=\"e-narrator_birth_year\""));
    assert!(body.contains("A year between 1850 and 2030"));
    assert!(body.contains("id=\"e-recorded\""));
    assert_eq!(audit_len(&t), before);

    // A valid edit: in the reader and in search when the answer arrives.
    let r = a.post(
        &srv,
        "/curate/t/cur-001/edit",
        &[
            ("base", &base),
            ("title", "Szolyvától a Donbaszig, Kukoricagóré"),
            ("narrator", "Szabó Ilona"),
            ("narrator_birth_year", "1927"),
            ("recorded", "1992-03-14"),
            ("languages", "hu, ru"),
            ("reason", "a felvétel kísérőlapja szerint"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let reader = srv.get_as("/t/cur-001", "").text();
    assert!(reader.contains("Kukoricagóré") && reader.contains("1927"));
    assert!(hits(&srv, "q=Kukoricag%C3%B3r%C3%A9").contains("/t/cur-001"));

    // Correct a passage in place with a reason; the earlier text is shown
    // as a diff.
    let page = srv.get_as("/curate/t/cur-001", &a.cookie).text();
    let base = base_of(&page);
    let r = a.post(
        &srv,
        "/curate/t/cur-001/correct",
        &[
            ("base", &base),
            ("ordinal", "4"),
            (
                "text",
                "A láger mellett volt a láger kórháza, de gyógyszer nem volt benne.",
            ),
            ("reason", "hallás után javítva"),
        ],
    );
    assert_eq!(r.status, 303);
    assert!(hits(&srv, "q=gy%C3%B3gyszer").contains("/t/cur-001"));
    let page = srv.get_as("/curate/t/cur-001", &a.cookie).text();
    assert!(page.contains("<del>orvosság</del> <ins>gyógyszer</ins>"));
    assert!(page.contains("hallás után javítva"));
    // An empty correction is refused beside the passage.
    let r = a.post(
        &srv,
        "/curate/t/cur-001/correct",
        &[("base", &base_of(&page)), ("ordinal", "4"), ("text", "   ")],
    );
    assert_eq!(r.status, 422);
    assert!(r.text().contains("id=\"ce-4\""));

    // Redact without a script: the exact text, which must occur once.
    let page = srv.get_as("/curate/t/cur-001", &a.cookie).text();
    let base = base_of(&page);
    let r = a.post(
        &srv,
        "/curate/t/cur-001/redact",
        &[
            ("base", &base),
            ("ordinal", "4"),
            ("text", "láger"),
            ("reason", "próba"),
        ],
    );
    assert_eq!(r.status, 422, "ambiguous");
    let body = r.text();
    assert!(body.contains("occurs 2 times"));
    assert!(body.contains("id=\"rd-text\" name=\"text\" value=\"láger\""));
    let r = a.post(
        &srv,
        "/curate/t/cur-001/redact",
        &[
            ("base", &base),
            ("ordinal", "3"),
            ("text", "Bakos Jolán"),
            ("reason", ""),
        ],
    );
    assert_eq!(r.status, 422, "a reason is required");
    assert!(r.text().contains("A redaction needs a reason"));
    let r = a.post(
        &srv,
        "/curate/t/cur-001/redact",
        &[
            ("base", &base),
            ("ordinal", "3"),
            ("text", "Bakos Jolán"),
            ("reason", "élő hozzátartozó kérésére"),
        ],
    );
    assert_eq!(r.status, 303);
    // By a selection: the exact characters (the script sends code-point
    // offsets; "szomszédasszony" starts after 18 characters).
    let passage =
        "Velünk volt a szomszédasszony, Bakos Jolán is, ő a bányában halt meg negyvenhatban.";
    let start = passage.find("szomszédasszony").expect("word");
    let s = passage[..start].chars().count();
    let e = s + "szomszédasszony".chars().count();
    let page = srv.get_as("/curate/t/cur-001", &a.cookie).text();
    let r = a.post(
        &srv,
        "/curate/t/cur-001/redact",
        &[
            ("base", &base_of(&page)),
            ("ordinal", "3"),
            ("start", &s.to_string()),
            ("end", &e.to_string()),
            ("text", "szomszédasszony"),
            ("reason", "azonosítható"),
        ],
    );
    assert_eq!(r.status, 303);
    // The redacted words reach no public surface: not the reader, not the
    // JSON, and searching for them finds nothing.
    for path in [
        "/t/cur-001",
        "/api/v1/testimonies/cur-001",
        "/t/cur-001?p=3",
    ] {
        let body = srv.get_as(path, "").text();
        assert!(
            !body.contains("Bakos") && !body.contains("szomszédasszony"),
            "{path} leaks"
        );
    }
    assert!(
        hits(&srv, "q=halt").contains("/t/cur-001"),
        "the passage is found"
    );
    for q in [
        "Bakos",
        "Jol%C3%A1n",
        "szomsz%C3%A9dasszony",
        "%22Bakos%20Jol%C3%A1n%22",
    ] {
        assert!(!hits(&srv, &format!("q={q}")).contains("/t/cur-001"), "{q}");
        let api = srv.get_as(&format!("/api/v1/search?q={q}"), "").text();
        assert!(!api.contains("cur-001"), "API {q}");
    }
    let reader = srv.get_as("/t/cur-001", "").text();
    assert!(reader.contains("[…]"));
    // The archivist lists both, with their exact text, and lifts one.
    let page = srv.get_as("/curate/t/cur-001", &a.cookie).text();
    assert!(page.contains("<td>Bakos Jolán</td>"));
    assert!(page.contains("<td>szomszédasszony</td>"));
    let (_, after) = page
        .split_once("name=\"redaction\" value=\"")
        .expect("a lift form");
    let num = after.split('"').next().expect("number").to_string();
    let r = a.post(
        &srv,
        "/curate/t/cur-001/unredact",
        &[
            ("base", &base_of(&page)),
            ("redaction", &num),
            ("reason", "tévedés"),
        ],
    );
    assert_eq!(r.status, 303);
    let reader = srv.get_as("/t/cur-001", "").text();
    assert_eq!(
        usize::from(reader.contains("Bakos Jolán"))
            + usize::from(reader.contains("szomszédasszony")),
        1,
        "one redaction lifted, one in force"
    );

    // Status: withdrawn is gone for the public at once, then back.
    let page = srv.get_as("/curate/t/cur-001", &a.cookie).text();
    let r = a.post(
        &srv,
        "/curate/t/cur-001/status",
        &[("base", &base_of(&page)), ("status", "withdrawn")],
    );
    assert_eq!(r.status, 303);
    assert_eq!(srv.get_as("/t/cur-001", "").status, 404);
    assert!(!hits(&srv, "q=Kukoricag%C3%B3r%C3%A9").contains("/t/cur-001"));
    let page = srv.get_as("/curate/t/cur-001", &a.cookie).text();
    let r = a.post(
        &srv,
        "/curate/t/cur-001/status",
        &[("base", &base_of(&page)), ("status", "published")],
    );
    assert_eq!(r.status, 303);
    assert_eq!(srv.get_as("/t/cur-001", "").status, 200);

    // Access and embargo: an impossible date is refused beside the field.
    let page = srv.get_as("/curate/t/cur-001", &a.cookie).text();
    let base = base_of(&page);
    let r = a.post(
        &srv,
        "/curate/t/cur-001/access",
        &[
            ("base", &base),
            ("level", "public"),
            ("embargo", "2031-02-30"),
        ],
    );
    assert_eq!(r.status, 422);
    let body = r.text();
    assert!(body.contains("id=\"e-emb\"") && body.contains("value=\"2031-02-30\""));
    let r = a.post(
        &srv,
        "/curate/t/cur-001/access",
        &[
            ("base", &base),
            ("level", "restricted"),
            ("embargo", "2999-01-01"),
            ("reason", "a család kérésére"),
        ],
    );
    assert_eq!(r.status, 303);
    assert_eq!(
        srv.get_as("/t/cur-001", "").status,
        404,
        "restricted until 2999"
    );
    assert!(!hits(&srv, "q=Kukoricag%C3%B3r%C3%A9").contains("/t/cur-001"));
    let researcher = srv.login(RESEARCHER);
    assert_eq!(srv.get_as("/t/cur-001", &researcher.cookie).status, 200);
    let page = srv.get_as("/curate/t/cur-001", &a.cookie).text();
    assert!(page.contains("value=\"2999-01-01\""));
    let r = a.post(
        &srv,
        "/curate/t/cur-001/access",
        &[
            ("base", &base_of(&page)),
            ("level", "public"),
            ("embargo", ""),
        ],
    );
    assert_eq!(r.status, 303);
    assert_eq!(srv.get_as("/t/cur-001", "").status, 200, "public again");

    // History: every revision, decision and who/when/why.
    let h = srv.get_as("/curate/t/cur-001/history", &a.cookie).text();
    for want in [
        "edit",
        "correct",
        "redact",
        "unredact",
        "status",
        "access",
        "kiss.anna",
        "a felvétel kísérőlapja szerint",
        "élő hozzátartozó kérésére",
        "<del>orvosság</del>",
    ] {
        assert!(h.contains(want), "history shows {want}");
    }
    assert!(!h.contains("Bakos"), "the log records where, not what");

    // The audit log, verified, filtered by curator and date.
    let log = srv.get_as("/curate/audit", &a.cookie).text();
    assert!(log.contains("class=\"verify ok\""));
    let mine = srv
        .get_as("/curate/audit?curator=kiss.anna", &a.cookie)
        .text();
    assert!(mine.contains("<td>kiss.anna</td>") && !mine.contains("<td>test</td>"));
    let future = srv
        .get_as("/curate/audit?from=2999-01-01", &a.cookie)
        .text();
    assert!(future.contains("0 entries match"));
    let bad = srv
        .get_as("/curate/audit?from=2024-02-31", &a.cookie)
        .text();
    assert!(bad.contains("id=\"e-from\""));
}

#[test]
fn a_write_on_a_record_changed_meanwhile_is_refused_and_nothing_is_lost() {
    let t = archive();
    let srv = serve(&t);
    let anna = srv.login(ARCHIVIST);
    // A second archivist, in another browser.
    t.tanu()
        .args(["user", "add", "nagy.bela", "archivist", "--password-stdin"])
        .write_stdin("bela-jelszava-99\n")
        .assert()
        .success();
    let bela = srv.login(("nagy.bela", "bela-jelszava-99"));

    let annas_page = srv.get_as("/curate/t/hu-mr-001", &anna.cookie).text();
    let annas_base = base_of(&annas_page);
    let belas_page = srv.get_as("/curate/t/hu-mr-001", &bela.cookie).text();
    assert_eq!(base_of(&belas_page), annas_base);

    // Béla saves first.
    let r = edit_hu_mr_001(
        &bela,
        &srv,
        &annas_base,
        "Három napi munkára vittek el",
        "Kardos Gáspár bácsi",
        Some("Béla javítása"),
    );
    assert_eq!(r.status, 303);

    // Anna's form was made before: refused, with what changed, her input
    // kept.
    let annas_title = "Három nap helyett három év";
    let r = edit_hu_mr_001(
        &anna,
        &srv,
        &annas_base,
        annas_title,
        "Kardos Gáspár",
        Some("Anna javítása"),
    );
    assert_eq!(r.status, 409);
    let body = r.text();
    assert!(body.contains("Someone else changed this testimony"));
    assert!(body.contains("<td>nagy.bela</td>"), "who");
    assert!(
        body.contains("narrator: Kardos Gáspár → Kardos Gáspár bácsi"),
        "what"
    );
    assert!(body.contains("Béla javítása"), "why");
    assert!(
        body.contains(&format!("value=\"{annas_title}\"")),
        "Anna's input kept"
    );
    assert!(body.contains("value=\"Anna javítása\""));
    // The narrator she left as it was shows Béla's value, so sending the
    // form again does not undo his change.
    assert!(body.contains("id=\"f-narrator\" name=\"narrator\" value=\"Kardos Gáspár bácsi\""));
    let public = srv.get_as("/t/hu-mr-001", "").text();
    assert!(!public.contains(annas_title) && public.contains("Kardos Gáspár bácsi"));
    // A field both changed keeps hers, with his value beside it.
    let r = edit_hu_mr_001(
        &anna,
        &srv,
        &annas_base,
        "Három napi munkára vittek el",
        "Kardos G.",
        None,
    );
    assert_eq!(r.status, 409);
    let both = r.text();
    assert!(both.contains("name=\"narrator\" value=\"Kardos G.\""));
    assert!(both.contains("Someone else changed this too; it is now: Kardos Gáspár bácsi"));
    // A correction, redaction or status made on the old state is refused
    // the same way; the text she typed comes back.
    let r = anna.post(
        &srv,
        "/curate/t/hu-mr-001/correct",
        &[
            ("base", &annas_base),
            ("ordinal", "1"),
            ("text", "Gáspár bácsi, mondja el, hol született!"),
        ],
    );
    assert_eq!(r.status, 409);
    assert!(
        r.text()
            .contains(">Gáspár bácsi, mondja el, hol született!</textarea>")
    );
    let r = anna.post(
        &srv,
        "/curate/t/hu-mr-001/status",
        &[("base", &annas_base), ("status", "withdrawn")],
    );
    assert_eq!(r.status, 409);
    assert_eq!(srv.get_as("/t/hu-mr-001", "").status, 200);

    // Sending the kept form again (it now carries the current state)
    // applies it.
    let new_base = base_of(&body);
    assert_ne!(new_base, annas_base);
    let r = edit_hu_mr_001(
        &anna,
        &srv,
        &new_base,
        annas_title,
        "Kardos Gáspár bácsi",
        None,
    );
    assert_eq!(r.status, 303);
    assert!(srv.get_as("/t/hu-mr-001", "").text().contains(annas_title));
    // The CLI, which states no base, keeps working.
    t.tanu()
        .args([
            "--curator",
            "Kiss Anna",
            "edit",
            "hu-mr-001",
            "--set",
            "interviewer=Pásztor E.",
        ])
        .assert()
        .success();
}

#[test]
fn in_a_browser_keys_decide_suggestions_and_a_selection_is_redacted_exactly() {
    let Some(b) = browser::Browser::start() else {
        // CI sets TANU_REQUIRE_BROWSER (and installs Chromium): there the
        // test cannot be skipped.
        assert!(
            std::env::var_os("TANU_REQUIRE_BROWSER").is_none(),
            "chromedriver is required (TANU_REQUIRE_BROWSER is set)"
        );
        return;
    };
    let t = archive();
    let web = browser::WebServer::serve(&t.dir());
    let srv = serve(&t);
    b.sign_in(&web, ARCHIVIST.0, ARCHIVIST.1);
    let current_value = |b: &browser::Browser| {
        b.script(
            "return document.querySelector('li.item.current input[name=value]').value",
            json!([]),
        )
        .as_str()
        .expect("a current suggestion")
        .to_string()
    };

    // The review queue: "c" confirms the current suggestion, "j" moves to
    // the next, "r" rejects it; the page comes back at the next one.
    b.goto(&web.url("/curate/review?t=hu-mr-001"));
    b.screenshot("curate-review");
    let first = current_value(&b);
    assert!(waiting(&t, "hu-mr-001").iter().any(|(_, v)| *v == first));
    b.press(&["c"]);
    b.wait_for_url("done=confirm");
    assert!(!waiting(&t, "hu-mr-001").iter().any(|(_, v)| *v == first));
    let current = current_value(&b);
    let second = b.script(
        "var items = document.querySelectorAll('ol.items > li.item:not(.hint)');\
         return items.length > 1 ? items[1].querySelector('input[name=value]').value : null",
        json!([]),
    );
    let second = second.as_str().expect("two suggestions left").to_string();
    assert_ne!(current, second);
    b.press(&["j", "r"]);
    b.wait_for_url("done=reject");
    let left = waiting(&t, "hu-mr-001");
    assert!(!left.iter().any(|(_, v)| *v == second), "{second} rejected");
    assert!(
        left.iter().any(|(_, v)| *v == current),
        "the skipped one waits"
    );

    // Redaction by selecting words in the transcript: the script fills in
    // the passage and the exact characters; the archivist gives a reason.
    b.goto(&web.url("/curate/t/cur-001"));
    b.script(
        "var p = document.querySelector('p.text[data-ordinal=\"3\"]');\
         var n = p.firstChild, i = n.data.indexOf('Bakos Jolán');\
         var r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 'Bakos Jolán'.length);\
         var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);\
         document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));",
        json!([]),
    );
    let filled = b.script(
        "return [document.getElementById('rd-ord').value, document.getElementById('rd-start').value,\
         document.getElementById('rd-end').value, document.getElementById('rd-text').value]",
        json!([]),
    );
    let passage =
        "Velünk volt a szomszédasszony, Bakos Jolán is, ő a bányában halt meg negyvenhatban.";
    let start = passage[..passage.find("Bakos").expect("name")]
        .chars()
        .count();
    assert_eq!(
        filled,
        json!([
            "3",
            start.to_string(),
            (start + 11).to_string(),
            "Bakos Jolán"
        ])
    );
    b.screenshot("curate-redact");
    b.type_into(&b.find("#rd-reason"), "a család kérésére");
    b.click(&b.find("#redact-form button[type=submit]"));
    b.wait_for_url("done=redact");
    let page = srv
        .get_as("/curate/t/cur-001", &srv.login(ARCHIVIST).cookie)
        .text();
    assert!(
        page.contains("<td>Bakos Jolán</td>"),
        "exactly the selected words"
    );
    let public = srv.get_as("/t/cur-001", "").text();
    assert!(!public.contains("Bakos") && public.contains("[…]"));
    assert!(!hits(&srv, "q=Bakos").contains("/t/cur-001"));

    // Every curation screen: looked at, and no serious or critical
    // accessibility violation.
    let mut failures = Vec::new();
    for (name, path) in [
        ("curate-list", "/curate"),
        ("curate-queue", "/curate/review"),
        ("curate-queue-one", "/curate/review?t=hu-mr-001"),
        ("curate-bulk", "/curate/review/bulk?rule=camp"),
        ("curate-record", "/curate/t/cur-001"),
        ("curate-history", "/curate/t/cur-001/history"),
        ("curate-audit", "/curate/audit?from=2000-02-31"),
    ] {
        b.goto(&web.url(path));
        b.screenshot(name);
        if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| b.assert_accessible(name)))
            .is_err()
        {
            failures.push(name);
        }
    }
    assert!(failures.is_empty(), "axe-core violations on {failures:?}");
}

/// A short account whose wave only the narrator's birthplace tells (a
/// Transcarpathian village, a girl of seventeen in 1944).
const HOME: &str = "\
id: cur-002
title: A bánya
narrator: Fedor Mária
narrator_birth_year: 1927
narrator_birthplace: Nagybereg
recorded: 2004-05-12
language: hu
---
K: Hol dolgozott?
N: Sztálinóban, a bányában. Négy évig voltam ott a lágerben, 1948 nyarán jöttem haza.
K: Nehéz volt?
N: Nagyon. Sokan meghaltak mellőlem.
";

#[test]
fn evidence_from_the_header_links_to_its_field_in_the_record() {
    let t = archive();
    let file = t.write("in/cur-002.txt", HOME);
    t.tanu().arg("ingest").arg(&file).assert().success();
    // The command line counts it as English counts one.
    let out = t
        .tanu()
        .args(["review", "--testimony", "cur-002", "--facet", "wave"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    assert!(out.contains("home"), "{out}");
    assert!(out.ends_with("\n1 suggestion to review\n"), "{out}");
    let srv = serve(&t);
    let a = srv.login(ARCHIVIST);
    let page = srv.get_as("/curate/review?t=cur-002", &a.cookie).text();
    // The wave's evidence names the birthplace and opens the header field
    // an archivist would correct, not the public reader.
    let link = "href=\"/curate/t/cur-002#f-narrator_birthplace\"";
    assert!(page.contains(link), "{page}");
    assert!(page.contains("Nagybereg"), "{page}");
    let record = srv.get_as("/curate/t/cur-002", &a.cookie).text();
    assert!(
        record.contains("id=\"f-narrator_birthplace\"") && record.contains("value=\"Nagybereg\""),
        "{record}"
    );
}
