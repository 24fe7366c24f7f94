//! `tanu serve` over real HTTP: the binary serves a temporary archive on an
//! ephemeral port, and a small HTTP/1.1 client asks what a browser would.

mod common;
#[path = "common/http.rs"]
mod http;

use std::process::Command;

use common::{TestArchive, fixture};
use http::{Server, enc};

const RESTRICTED: &str = "\
id: web-restricted-001
title: Titkos visszaemlékezés Karagandáról
narrator: Rejtett Személy
recorded: 1990-05-01
language: hu
access: restricted
---
[00:00:05] K: Hol volt a tábor?
[00:00:09] N: Karagandában, a szénbányában dolgoztunk, titkosbányász voltam.
";

const UNPUBLISHED: &str = "\
id: web-draft-001
title: Piszkozat a titkosbányászokról
language: hu
access: public
---
[00:00:05] K: Ki volt ott?
[00:00:09] N: A titkosbányász brigád, negyvenhatban.
";

const HOSTILE: &str = "\
id: web-hostile-001
title: <script>alert(\"cím\")</script> Levél a vöröskereszttel
narrator: <b>Kovács</b> \"Jenő\" & társa
recorded: 1993-02-11
language: hu
access: public
---
[00:00:04] K: Mit írt a levélben? <script>alert(1)</script>
[00:00:10] N: Azt írtam: <img src=x onerror=alert(2)> hazajövök, anyám. A levél a vöröskereszttel ment.
";

/// An archive with three fixture testimonies and the test's own, all
/// published except the draft.
fn archive() -> TestArchive {
    let t = TestArchive::new();
    let files = [
        fixture("transcripts/hu-mr-001.txt"),
        fixture("transcripts/hu-pow-004.txt"),
        fixture("transcripts/ru-001.txt"),
        t.write("in/restricted.txt", RESTRICTED),
        t.write("in/draft.txt", UNPUBLISHED),
        t.write("in/hostile.txt", HOSTILE),
    ];
    t.tanu().arg("ingest").args(&files).assert().success();
    for id in [
        "hu-mr-001",
        "hu-pow-004",
        "ru-001",
        "web-restricted-001",
        "web-hostile-001",
    ] {
        t.tanu()
            .args(["--curator", "test", "status", id, "published"])
            .assert()
            .success();
    }
    t
}

#[test]
fn search_page_results_facets_errors_and_json() {
    let t = archive();
    let srv = Server::start(&t.dir(), &[]);

    // Results grouped by testimony, with highlighted passages and timecodes.
    let r = srv.get(&format!("/search?q={}", enc("Nagydobronyban")));
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-type")
            .is_some_and(|c| c.starts_with("text/html"))
    );
    let csp = r.header("content-security-policy").unwrap_or_default();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    let html = r.text();
    assert!(
        html.contains("href=\"/t/hu-mr-001?q="),
        "a hit links the reader"
    );
    assert!(html.contains("<mark>"), "highlighted words");
    assert!(html.contains("class=\"time\">"), "timecodes");
    // The facet sidebar counts, and a facet link puts the filter in the URL.
    assert!(html.contains("region=donbas"), "region facet link: {html}");

    // A facet filter from the URL restricts, and shows as a removable chip.
    let r = srv.get("/search?q=munk%C3%A1ra&region=donbas");
    assert_eq!(r.status, 200);
    let html = r.text();
    assert!(
        html.contains("class=\"chip\" href=\"/search?q=munk%C3%A1ra\""),
        "chip removes the filter"
    );
    let api = srv
        .get("/api/v1/search?q=munk%C3%A1ra&region=donbas")
        .json();
    let ids: Vec<&str> = api["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h["id"].as_str())
        .collect();
    assert!(ids.contains(&"hu-mr-001"), "{ids:?}");
    assert!(!ids.contains(&"ru-001"), "{ids:?}");

    // The question a passage answers is shown above it when it holds
    // searched words.
    let html = srv
        .get(&format!("/search?q={}", enc("novemberben kisbíró")))
        .text();
    assert!(
        html.contains("És mi történt <mark>novemberben</mark>?"),
        "question above the answer: {html}"
    );
    assert!(html.contains("<mark>kisbíró</mark>"));

    // A query error shows its column, on the page and in JSON.
    let r = srv.get(&format!("/search?q={}", enc("tábor AND")));
    assert_eq!(r.status, 200);
    let html = r.text();
    assert!(html.contains("role=\"alert\""), "{html}");
    assert!(
        html.contains("10. oszlopnál"),
        "column in the message: {html}"
    );
    let r = srv.get(&format!("/api/v1/search?q={}", enc("tábor AND")));
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["column"], 10);

    // A hostile query is an error, not the end of the server.
    let deep = format!("{}tábor", "(".repeat(3000));
    let r = srv.get(&format!("/api/v1/search?q={}", enc(&deep)));
    assert_eq!(r.status, 400);
    assert_eq!(srv.get("/").status, 200, "the server lives on");
    let long = "tábor ".repeat(300);
    let r = srv.get(&format!("/api/v1/search?q={}", enc(&long)));
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["column"], 1001);

    // English by Accept-Language, and the switch remembers it in a cookie.
    let r = srv.get_with("/", &[("Accept-Language", "en-GB,en;q=0.9")]);
    assert!(r.text().contains("<html lang=\"en\">"));
    let r = srv.get("/?hl=en");
    assert!(
        r.header("set-cookie")
            .is_some_and(|c| c.contains("tanu_lang=en"))
    );
    assert!(r.text().contains("Deportation wave"));
    let r = srv.get_with("/", &[("Cookie", "tanu_lang=en")]);
    assert!(r.text().contains("Deportation wave"));

    // Sorting by date is in the URL and orders by recording date.
    let api = srv.get("/api/v1/search?q=lang%3Ahu&sort=date").json();
    let dates: Vec<&str> = api["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h["recorded"].as_str())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert!(dates.len() >= 2 && dates == sorted, "{dates:?}");
}

#[test]
fn reader_shows_record_transcript_highlights_and_citation() {
    let t = archive();
    let srv = Server::start(&t.dir(), &[]);
    let r = srv.get(&format!("/t/hu-mr-001?q={}&p=2", enc("Nagydobronyban")));
    assert_eq!(r.status, 200);
    let html = r.text();
    assert!(html.contains("Három napi munkára vittek el"), "title");
    assert!(html.contains("Kardos Gáspár"), "narrator");
    assert!(html.contains("id=\"p2\""), "passage anchors");
    assert!(
        html.contains("<mark>Nagydobronyban</mark>"),
        "searched word highlighted"
    );
    assert!(html.contains("00:08"), "timecodes");
    assert!(
        html.contains("<span class=\"speaker\">Kardos Gáspár</span>"),
        "speaker names"
    );
    // The selected passage is cited with its link and timecode.
    assert!(html.contains("class=\"citation\""), "citation block");
    assert!(html.contains("/t/hu-mr-001?p=2#p2"), "permalink");
    // Tags link to their filtered search.
    assert!(
        html.contains("href=\"/search?wave=malenkij-robot\""),
        "{html}"
    );
    // `?at=` selects the passage spoken at that time.
    let html = srv.get("/t/hu-mr-001?at=0:35").text();
    assert!(html.contains("class=\"seg selected\" id=\"p4\""), "{html}");
    let api = srv.get("/api/v1/testimonies/hu-mr-001").json();
    assert_eq!(api["testimony"]["id"], "hu-mr-001");
    assert!(api["segments"].as_array().is_some_and(|s| s.len() > 3));
}

#[test]
fn hidden_testimonies_answer_like_missing_ones_everywhere() {
    let t = archive();
    std::fs::create_dir_all(t.dir().join("media")).expect("media dir");
    std::fs::write(t.dir().join("media/web-restricted-001.ogg"), vec![7u8; 500]).expect("media");
    std::fs::write(t.dir().join("media/web-draft-001.ogg"), vec![7u8; 500]).expect("media");
    let srv = Server::start(&t.dir(), &[]);
    for hidden in ["web-restricted-001", "web-draft-001"] {
        for (prefix, missing) in [
            ("/t/", "/t/no-such-id"),
            ("/api/v1/testimonies/", "/api/v1/testimonies/no-such-id"),
            ("/media/", "/media/no-such-id"),
        ] {
            let a = srv.get(&format!("{prefix}{hidden}"));
            let b = srv.get(missing);
            assert_eq!(a.status, 404, "{prefix}{hidden}");
            assert_eq!(a.status, b.status);
            assert_eq!(a.body, b.body, "{prefix}{hidden} differs from a missing id");
            assert_eq!(a.header("content-type"), b.header("content-type"));
        }
    }
    // Nor does search, facet counts, the list or the landing page reveal them.
    let list = srv.get("/api/v1/testimonies").json();
    let ids: Vec<&str> = list
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|t| t["id"].as_str())
        .collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert!(!ids.contains(&"web-restricted-001") && !ids.contains(&"web-draft-001"));
    let html = srv.get("/browse/region").text();
    assert!(html.contains("href=\"/search?region=donbas\""), "{html}");
    assert_eq!(srv.get("/browse/nothing").status, 404);
    let waves = srv.get("/api/v1/facets/wave").json();
    assert!(waves.as_array().is_some_and(|w| !w.is_empty()), "{waves}");
    let api = srv.get("/api/v1/search?q=titkosb%C3%A1ny%C3%A1sz").json();
    assert_eq!(api["total_testimonies"], 0, "{api}");
    let html = srv.get("/").text();
    assert!(!html.contains("Titkos") && !html.contains("Piszkozat"));
    let html = srv.get("/search?q=Karaganda").text();
    assert!(!html.contains("web-restricted-001"));
    // Path tricks get the same answer.
    let a = srv.get("/media/..%2Ftanu.sqlite");
    assert_eq!(a.status, 404);
    assert_eq!(a.body, srv.get("/media/no-such-id").body);
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let t = archive();
    let srv = Server::start(&t.dir(), &[]);
    for path in [
        "/".to_string(),
        format!("/search?q={}", enc("vöröskereszttel")),
        format!("/t/web-hostile-001?q={}&p=2", enc("vöröskereszttel")),
        format!("/search?q={}", enc("<script>alert(1)</script>\"")),
    ] {
        let r = srv.get(&path);
        assert_eq!(r.status, 200, "{path}");
        let html = r.text();
        assert!(!html.contains("<script>alert"), "{path}: {html}");
        assert!(!html.contains("<img src=x"), "{path}");
        assert!(!html.contains("<b>Kovács"), "{path}");
    }
    let html = srv
        .get(&format!("/t/web-hostile-001?q={}", enc("vöröskereszttel")))
        .text();
    assert!(
        html.contains("&lt;script&gt;alert("),
        "escaped, not dropped"
    );
    assert!(html.contains("<mark>vöröskereszttel</mark>"), "{html}");
    // A query that is itself markup comes back as text.
    let html = srv
        .get(&format!("/search?q={}", enc("\"><script>x")))
        .text();
    assert!(!html.contains("<script>x"));
}

#[test]
fn media_is_served_with_ranges() {
    let t = archive();
    std::fs::create_dir_all(t.dir().join("media")).expect("media dir");
    let bytes: Vec<u8> = (0..1000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(t.dir().join("media/hu-mr-001.ogg"), &bytes).expect("media");
    let srv = Server::start(&t.dir(), &[]);
    let r = srv.get_with("/media/hu-mr-001", &[("Range", "bytes=100-199")]);
    assert_eq!(r.status, 206);
    assert_eq!(r.header("content-range"), Some("bytes 100-199/1000"));
    assert_eq!(r.header("content-type"), Some("audio/ogg"));
    assert_eq!(r.body, bytes[100..200].to_vec());
    let r = srv.get("/media/hu-mr-001");
    assert_eq!(r.status, 200);
    assert_eq!(r.body, bytes);
    // The reader has a player whose lines seek it.
    let html = srv.get("/t/hu-mr-001").text();
    assert!(html.contains("<audio id=\"player\""), "player");
    assert!(
        html.contains("class=\"play\" data-t=\"8.000\""),
        "seek buttons"
    );
    let js = srv.get("/static/app.js");
    assert_eq!(js.status, 200);
    assert!(js.text().contains("currentTime"));
}

#[test]
fn server_sees_other_processes_commits_and_lets_them_write() {
    let t = archive();
    let srv = Server::start(&t.dir(), &[]);
    let before = srv.get("/api/v1/search?q=Kopejszk").json();
    let n = before["total_testimonies"].as_u64().unwrap_or(0);
    // An ingest in another process while the server runs: it takes the
    // index writer (the server holds none) and commits.
    t.tanu()
        .arg("ingest")
        .arg(fixture("transcripts/Budapesti_elhurcolas_1945.txt"))
        .assert()
        .success();
    t.tanu()
        .args([
            "--curator",
            "test",
            "status",
            "budapesti-elhurcolas-1945",
            "published",
        ])
        .assert()
        .success();
    let after = srv.get("/api/v1/search?q=Kopejszk").json();
    assert_eq!(after["total_testimonies"].as_u64(), Some(n + 1), "{after}");
    assert!(srv.get("/t/budapesti-elhurcolas-1945").status == 200);
}

#[test]
fn server_keeps_serving_while_another_process_holds_the_index_writer() {
    let t = archive();
    let srv = Server::start(&t.dir(), &[]);
    // This test process plays the long ingest: a staged, uncommitted
    // testimony keeps the index writer open.
    let mut writer = tanu::Archive::open(&t.dir()).expect("open");
    writer
        .ingest_file(
            &fixture("transcripts/hu-mr-007.txt"),
            &tanu::ingest::IngestOptions::default(),
            "test",
        )
        .expect("ingest");
    // Meanwhile the server answers, from the last commit.
    let r = srv.get("/api/v1/search?q=Kirovabad");
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["total_testimonies"], 0);
    assert_eq!(srv.get("/").status, 200);
    // A curator publishes it meanwhile: the change waits in the outbox...
    t.tanu()
        .args(["--curator", "test", "status", "hu-mr-007", "published"])
        .assert()
        .success();
    // ...until the writer commits; then the server shows it, unrestarted.
    writer.sync_index().expect("commit");
    let r = srv.get("/api/v1/search?q=Kirovabad").json();
    assert_eq!(r["total_testimonies"], 1, "{r}");
    assert_eq!(r["hits"][0]["id"], "hu-mr-007");
}

#[test]
fn demo_serves_a_published_archive_with_a_recording_and_a_restricted_testimony() {
    let t = TestArchive::uninitialised();
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("tanu"));
    cmd.args(["demo", "--dir"])
        .arg(t.path("demo"))
        .args(["--serve", "--listen", "127.0.0.1:0"]);
    let srv = Server::spawn(cmd);
    let all = srv.get("/api/v1/search?q=Foks%C3%A1ny").json();
    assert!(all["total_testimonies"].as_u64().unwrap_or(0) >= 5, "{all}");
    // Pagination: two pages of distinct testimonies, linked both ways.
    let p1 = srv.get("/api/v1/search?q=lang%3Ahu").json();
    let p2 = srv.get("/api/v1/search?q=lang%3Ahu&page=2").json();
    assert_eq!(p1["pages"], 2, "{p1}");
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v["hits"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|h| h["id"].as_str().map(String::from))
            .collect()
    };
    let (a1, a2) = (ids(&p1), ids(&p2));
    assert_eq!(a1.len(), 10);
    assert!(
        !a2.is_empty() && a2.iter().all(|id| !a1.contains(id)),
        "{a1:?} {a2:?}"
    );
    assert_eq!(
        p1["total_testimonies"].as_u64(),
        Some((a1.len() + a2.len()) as u64)
    );
    let html = srv.get("/search?q=lang%3Ahu").text();
    assert!(
        html.contains("rel=\"next\" href=\"/search?q=lang%3Ahu&#38;page=2\""),
        "{html}"
    );
    let html = srv.get("/search?q=lang%3Ahu&page=2").text();
    assert!(html.contains("rel=\"prev\" href=\"/search?q=lang%3Ahu\""));
    // The restricted testimony is not there for the public.
    let a = srv.get("/t/hu-gulag-005");
    assert_eq!(a.status, 404);
    assert_eq!(a.body, srv.get("/t/no-such-id").body);
    // The demo researcher sees it.
    let token = csrf(&srv, "/login", "");
    let r = srv.post(
        "/login",
        &format!("name=kutato&password=kutato-demo&csrf={token}"),
        &[("Cookie", &format!("tanu_csrf={token}"))],
    );
    let me = format!(
        "tanu_session={}",
        r.set_cookie("tanu_session").expect("session")
    );
    assert_eq!(
        srv.get_with("/t/hu-gulag-005", &[("Cookie", &me)]).status,
        200
    );
    // The recording plays from a passage: the reader has the player, and
    // the file answers range requests.
    let html = srv.get("/t/hu-mr-001").text();
    assert!(html.contains("type=\"audio/ogg\""), "player");
    let r = srv.get_with("/media/hu-mr-001", &[("Range", "bytes=0-99")]);
    assert_eq!(r.status, 206);
    assert_eq!(&r.body[..4], b"OggS");
}

/// The fields a schema of the OpenAPI document requires are in `value`.
fn check_required(
    doc: &serde_json::Value,
    schema: &serde_json::Value,
    value: &serde_json::Value,
    at: &str,
) {
    let schema = match schema["$ref"].as_str() {
        Some(r) => {
            let name = r.rsplit('/').next().unwrap_or_default();
            &doc["components"]["schemas"][name]
        }
        None => schema,
    };
    if let Some(items) = schema.get("items") {
        for v in value
            .as_array()
            .unwrap_or_else(|| panic!("{at}: not an array"))
        {
            check_required(doc, items, v, at);
        }
    }
    for field in schema["required"].as_array().into_iter().flatten() {
        let f = field.as_str().unwrap_or_default();
        assert!(value.get(f).is_some(), "{at}: `{f}` missing in {value}");
    }
    if let Some(props) = schema["properties"].as_object() {
        for (k, sub) in props {
            if let Some(v) = value.get(k).filter(|v| !v.is_null()) {
                check_required(doc, sub, v, &format!("{at}.{k}"));
            }
        }
    }
}

#[test]
fn openapi_document_matches_the_real_answers() {
    let t = archive();
    let srv = Server::start(&t.dir(), &[]);
    let doc = srv.get("/api/v1/openapi.json").json();
    let paths = doc["paths"].as_object().expect("paths");
    let examples = [
        ("/api/v1/search", "/api/v1/search?q=Nagydobronyban", "200"),
        ("/api/v1/search", "/api/v1/search?q=%28", "400"),
        ("/api/v1/testimonies", "/api/v1/testimonies", "200"),
        (
            "/api/v1/testimonies/{id}",
            "/api/v1/testimonies/hu-mr-001",
            "200",
        ),
        (
            "/api/v1/testimonies/{id}",
            "/api/v1/testimonies/web-restricted-001",
            "404",
        ),
        ("/api/v1/facets/{facet}", "/api/v1/facets/region", "200"),
        ("/api/v1/facets/{facet}", "/api/v1/facets/nothing", "404"),
        ("/media/{id}", "/media/web-restricted-001", "404"),
        (
            "/api/v1/testimonies/{id}/export/{format}",
            "/api/v1/testimonies/hu-mr-001/export/json",
            "200",
        ),
        (
            "/api/v1/testimonies/{id}/export/{format}",
            "/api/v1/testimonies/web-restricted-001/export/dc",
            "404",
        ),
        ("/api/v1/export/{format}", "/api/v1/export/csv", "200"),
        ("/api/v1/export/{format}", "/api/v1/export/vtt", "422"),
    ];
    for (path, url, status) in examples {
        let op = &paths[path]["get"];
        assert!(op.is_object(), "{path} is documented");
        let r = srv.get(url);
        assert_eq!(r.status.to_string(), status, "{url}");
        let resp = &op["responses"][status];
        assert!(resp.is_object(), "{path} documents {status}");
        if let Some(schema) = resp["content"]["application/json"].get("schema") {
            check_required(&doc, schema, &r.json(), url);
        }
    }
    // Every documented path is served.
    for path in paths.keys() {
        assert!(
            examples.iter().any(|(p, ..)| p == path),
            "{path} has no example here"
        );
    }
}

/// A fresh CSRF token: its cookie value (the form carries the same).
/// An `Authorization` value with a new API token of `user`.
fn bearer(t: &TestArchive, user: &str) -> String {
    let out = t
        .tanu()
        .args(["token", "add", user])
        .output()
        .expect("token");
    format!("Bearer {}", String::from_utf8_lossy(&out.stdout).trim())
}

fn csrf(srv: &Server, path: &str, cookie: &str) -> String {
    let r = srv.get_with(path, &[("Cookie", cookie)]);
    let token = r.set_cookie("tanu_csrf").expect("CSRF cookie");
    assert!(
        r.text()
            .contains(&format!("name=\"csrf\" value=\"{token}\""))
    );
    token
}

#[test]
fn researchers_sign_in_to_see_restricted_testimonies_and_out_again() {
    let t = archive();
    t.tanu()
        .args(["user", "add", "kutato", "researcher", "--password-stdin"])
        .write_stdin("titkos-jelszo-42\n")
        .assert()
        .success();
    let srv = Server::start(&t.dir(), &[]);
    let good = "name=kutato&password=titkos-jelszo-42";

    // Forged posts are refused: no token, a wrong one, another origin.
    let token = csrf(&srv, "/login", "");
    let jar = format!("tanu_csrf={token}");
    for (body, origin) in [
        (good.to_string(), None),
        (format!("{good}&csrf=wrong"), None),
        (format!("{good}&csrf={token}"), Some("http://evil.example")),
    ] {
        let mut h = vec![("Cookie", jar.as_str())];
        if let Some(o) = origin {
            h.push(("Origin", o));
        }
        let r = srv.post("/login", &body, &h);
        assert_eq!(r.status, 403, "{body} {origin:?}");
        assert!(r.set_cookie("tanu_session").is_none());
    }
    // A wrong password is refused.
    let r = srv.post(
        "/login",
        &format!("name=kutato&password=nem-az&csrf={token}"),
        &[("Cookie", &jar)],
    );
    assert_eq!(r.status, 401);
    assert!(r.set_cookie("tanu_session").is_none());

    // Signed in, the researcher sees the restricted testimony everywhere.
    let r = srv.post(
        "/login",
        &format!("{good}&csrf={token}"),
        &[("Cookie", &jar)],
    );
    assert_eq!(r.status, 303);
    let session = r.set_cookie("tanu_session").expect("session cookie");
    assert!(
        r.headers
            .iter()
            .any(|(k, v)| k == "set-cookie" && v.contains("HttpOnly"))
    );
    let me = format!("tanu_session={session}");
    let r = srv.get_with("/t/web-restricted-001", &[("Cookie", &me)]);
    assert_eq!(r.status, 200);
    assert!(r.text().contains("kutato"), "signed-in name in the header");
    let api = srv
        .get_with(
            "/api/v1/search?q=titkosb%C3%A1ny%C3%A1sz",
            &[("Cookie", &me)],
        )
        .json();
    assert_eq!(api["total_testimonies"], 1, "{api}");
    // Unpublished stays hidden from researchers; the public still sees
    // nothing, and a made-up session is the public.
    assert_eq!(
        srv.get_with("/t/web-draft-001", &[("Cookie", &me)]).status,
        404
    );
    assert_eq!(srv.get("/t/web-restricted-001").status, 404);
    let fake = srv.get_with("/t/web-restricted-001", &[("Cookie", "tanu_session=0000")]);
    assert_eq!(fake.status, 404);

    // Signing out ends the session.
    let token = csrf(&srv, "/logout", &me);
    let r = srv.post(
        "/logout",
        &format!("csrf={token}"),
        &[("Cookie", &format!("{me}; tanu_csrf={token}"))],
    );
    assert_eq!(r.status, 303);
    let r = srv.get_with("/t/web-restricted-001", &[("Cookie", &me)]);
    assert_eq!(r.status, 404, "the old session no longer works");

    // A disabled account's session ends too.
    let token = csrf(&srv, "/login", "");
    let jar = format!("tanu_csrf={token}");
    let r = srv.post(
        "/login",
        &format!("{good}&csrf={token}"),
        &[("Cookie", &jar)],
    );
    let me = format!(
        "tanu_session={}",
        r.set_cookie("tanu_session").expect("session")
    );
    assert_eq!(
        srv.get_with("/t/web-restricted-001", &[("Cookie", &me)])
            .status,
        200
    );
    t.tanu()
        .args(["user", "disable", "kutato"])
        .assert()
        .success();
    assert_eq!(
        srv.get_with("/t/web-restricted-001", &[("Cookie", &me)])
            .status,
        404
    );
    t.tanu()
        .args(["user", "enable", "kutato"])
        .assert()
        .success();

    // Scripts use a bearer token on the API (pages ignore it).
    let bearer = bearer(&t, "kutato");
    let r = srv.get_with(
        "/api/v1/testimonies/web-restricted-001",
        &[("Authorization", &bearer)],
    );
    assert_eq!(r.status, 200);
    let r = srv.get_with("/t/web-restricted-001", &[("Authorization", &bearer)]);
    assert_eq!(r.status, 404);
    let r = srv.get_with(
        "/api/v1/testimonies/web-restricted-001",
        &[("Authorization", "Bearer not-a-token")],
    );
    assert_eq!(r.status, 404);

    // Guessing is throttled: after five failures even the right password waits.
    for _ in 0..5 {
        let r = srv.post(
            "/login",
            &format!("name=kutato&password=x&csrf={token}"),
            &[("Cookie", &jar)],
        );
        assert_eq!(r.status, 401);
    }
    let r = srv.post(
        "/login",
        &format!("{good}&csrf={token}"),
        &[("Cookie", &jar)],
    );
    assert_eq!(r.status, 429);
    assert!(r.set_cookie("tanu_session").is_none());
}

/// Every export format over the API, for the caller's role: a hidden
/// testimony answers exactly like an unknown one, redacted text and the
/// originals stay on the server below archivist, a token's role counts.
#[test]
fn exports_over_the_api_follow_the_callers_role() {
    let t = archive();
    t.tanu()
        .args(["--curator", "test", "redact", "hu-mr-001", "2"])
        .args([
            "--match",
            "ezerkilencszázhuszonhárom",
            "--reason",
            "személyes adat",
        ])
        .assert()
        .success();
    let srv = Server::start(&t.dir(), &[]);
    for format in ["json", "csv", "ohms", "vtt", "dc"] {
        let r = srv.get(&format!("/api/v1/testimonies/hu-mr-001/export/{format}"));
        assert_eq!(r.status, 200, "{format}");
        assert!(
            r.header("content-disposition")
                .is_some_and(|d| d.contains("hu-mr-001.")),
            "{format}"
        );
        let text = r.text();
        assert!(
            !text.contains("ezerkilencszázhuszonhárom"),
            "{format} leaks redacted text"
        );
        if ["json", "ohms", "vtt"].contains(&format) {
            // The formats that carry the transcript mark where text was.
            assert!(text.contains("[…]"), "{format} lacks the redaction mark");
        }
        let hidden = srv.get(&format!(
            "/api/v1/testimonies/web-restricted-001/export/{format}"
        ));
        let unknown = srv.get(&format!("/api/v1/testimonies/nincs-ilyen/export/{format}"));
        assert_eq!(
            (hidden.status, hidden.text()),
            (unknown.status, unknown.text())
        );
        assert_eq!(hidden.status, 404);
    }
    let doc = srv.get("/api/v1/testimonies/hu-mr-001/export/json").json();
    assert_eq!(doc["role"], "public");
    assert!(doc["originals"].as_array().is_none_or(|o| o.is_empty()));
    assert_eq!(
        srv.get("/api/v1/testimonies/hu-mr-001/export/pdf").status,
        404
    );

    // All at once: JSON Lines and CSV hold what the role may see.
    let all = srv.get("/api/v1/export/json");
    assert_eq!(all.header("content-type"), Some("application/x-ndjson"));
    let ids: Vec<String> = all
        .text()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"))
        .map(|d| d["testimony"]["id"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(ids.contains(&"hu-mr-001".to_string()), "{ids:?}");
    assert!(
        !ids.iter()
            .any(|i| i == "web-restricted-001" || i == "web-draft-001"),
        "{ids:?}"
    );
    let csv = srv.get("/api/v1/export/csv").text();
    assert!(csv.contains("hu-mr-001") && !csv.contains("web-restricted-001"));
    assert!(
        !csv.contains("Karagand"),
        "the restricted testimony's title leaked"
    );

    // A researcher's token sees the restricted testimony, not the redaction.
    t.tanu()
        .args(["user", "add", "kutato", "researcher", "--password-stdin"])
        .write_stdin("titkos-jelszo-42\n")
        .assert()
        .success();
    let bearer = bearer(&t, "kutato");
    let r = srv.get_with(
        "/api/v1/testimonies/web-restricted-001/export/json",
        &[("Authorization", &bearer)],
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["role"], "researcher");
    let r = srv.get_with("/api/v1/export/csv", &[("Authorization", &bearer)]);
    assert!(r.text().contains("web-restricted-001"));
    let r = srv.get_with(
        "/api/v1/testimonies/hu-mr-001/export/json",
        &[("Authorization", &bearer)],
    );
    assert!(!r.text().contains("ezerkilencszázhuszonhárom"));
}
