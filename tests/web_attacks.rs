//! The attacks issue 11 names, tried over real HTTP against `tanu serve`:
//! a hidden testimony's id guessed in every URL that takes one, session
//! fixation, path tricks in static and media paths, and oversized
//! requests. Each must answer like an unknown page or refuse cleanly: no
//! 5xx, nothing hidden in the body.

mod common;
#[path = "common/http.rs"]
mod http;

use common::{TestArchive, fixture};
use http::{Server, enc, sign_in};

const HIDDEN: &str = "\
id: web-titok-001
title: Zárolt visszaemlékezés Vorkutáról
narrator: Névtelen Tanú
recorded: 1991-02-11
language: hu
access: restricted
---
[00:00:04] K: Hová vitték?
[00:00:08] N: Vorkutára, a szénbányába. Ott halt meg a bátyám, Zsákai Imre.
";

fn archive() -> TestArchive {
    let t = TestArchive::new();
    let hidden = t.write("in/titok.txt", HIDDEN);
    t.tanu()
        .arg("ingest")
        .arg(fixture("transcripts/hu-mr-001.txt"))
        .arg(hidden)
        .assert()
        .success();
    for id in ["hu-mr-001", "web-titok-001"] {
        t.tanu()
            .args(["--curator", "test", "status", id, "published"])
            .assert()
            .success();
    }
    t.tanu()
        .args(["user", "add", "kutato", "researcher", "--password-stdin"])
        .write_stdin("titkos-jelszo-42\n")
        .assert()
        .success();
    t
}

#[test]
fn a_hidden_id_guessed_in_every_url_answers_like_an_unknown_one() {
    let t = archive();
    let srv = Server::start(&t.dir(), &[]);
    let urls = [
        "/t/{}",
        "/t/{}?p=1",
        "/t/{}?at=0:00:08",
        "/t/{}?q=Vorkuta",
        "/media/{}",
        "/api/v1/testimonies/{}",
        "/api/v1/testimonies/{}/export/json",
        "/api/v1/testimonies/{}/export/ohms",
        "/api/v1/testimonies/{}/export/vtt",
        "/curate/t/{}",
        "/curate/t/{}/history",
    ];
    for url in urls {
        let hidden = srv.get(&url.replace("{}", "web-titok-001"));
        let unknown = srv.get(&url.replace("{}", "nincs-ilyen-001"));
        assert_eq!(hidden.status, unknown.status, "{url}");
        assert!(hidden.status == 404, "{url}: {}", hidden.status);
        assert_eq!(hidden.body, unknown.body, "{url}: the bodies differ");
    }
    // OAI-PMH answers the two the same way too (the echoed identifier and
    // the response date aside).
    let oai = |id: &str| {
        srv.get(&format!(
            "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:tanu:{id}"
        ))
        .text()
        .replace(id, "ID")
        .lines()
        .filter(|l| !l.contains("responseDate"))
        .collect::<Vec<_>>()
        .join("\n")
    };
    assert_eq!(oai("web-titok-001"), oai("nincs-ilyen-001"));
    assert!(oai("web-titok-001").contains("idDoesNotExist"));
    // Nothing of it anywhere the public looks.
    for url in [
        "/search?q=Vorkuta",
        "/search?q=Zs%C3%A1kai",
        "/api/v1/search?q=Vorkuta",
        "/api/v1/export/json",
        "/api/v1/export/csv",
        "/map",
        "/browse/region",
        "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc",
    ] {
        let r = srv.get(url);
        assert!(r.status < 500, "{url}: {}", r.status);
        let text = String::from_utf8_lossy(&r.body);
        // (The query itself is echoed; the testimony's own text is not.)
        for leak in ["web-titok-001", "Névtelen Tanú", "Vorkutára", "Zárolt"] {
            assert!(!text.contains(leak), "{url} shows {leak}");
        }
    }
    // Signed in, the researcher sees it: the 404s above were access, not a
    // broken archive.
    let me = sign_in(&srv, "kutato", "titkos-jelszo-42");
    assert_eq!(
        srv.get_with("/t/web-titok-001", &[("Cookie", &me)]).status,
        200
    );
}

#[test]
fn a_session_chosen_by_someone_else_never_signs_in() {
    let t = archive();
    let srv = Server::start(&t.dir(), &[]);
    let planted = "tanu_session=a-tamado-altal-valasztott-token";
    // The planted cookie is not a session: the visitor is public.
    let r = srv.get_with("/t/web-titok-001", &[("Cookie", planted)]);
    assert_eq!(r.status, 404);
    // Signing in with it present gives a new session of the server's
    // choosing; the planted value stays worthless.
    let r = srv.get_with("/login", &[("Cookie", planted)]);
    let csrf = r.set_cookie("tanu_csrf").expect("CSRF cookie");
    let r = srv.post(
        "/login",
        &format!("name=kutato&password=titkos-jelszo-42&csrf={csrf}"),
        &[("Cookie", &format!("{planted}; tanu_csrf={csrf}"))],
    );
    assert_eq!(r.status, 303);
    let session = r.set_cookie("tanu_session").expect("a new session");
    assert_ne!(format!("tanu_session={session}"), planted);
    assert!(session.len() >= 32, "a short session token: {session}");
    let cookie_line = r
        .headers
        .iter()
        .find(|(k, v)| k == "set-cookie" && v.starts_with("tanu_session="))
        .map(|(_, v)| v.to_ascii_lowercase())
        .expect("session cookie");
    assert!(cookie_line.contains("httponly") && cookie_line.contains("samesite"));
    assert_eq!(
        srv.get_with("/t/web-titok-001", &[("Cookie", planted)])
            .status,
        404
    );
    assert_eq!(
        srv.get_with(
            "/t/web-titok-001",
            &[("Cookie", &format!("tanu_session={session}"))]
        )
        .status,
        200
    );
}

#[test]
fn path_tricks_and_oversized_requests_are_refused_cleanly() {
    let t = archive();
    std::fs::create_dir_all(t.dir().join("media")).expect("media dir");
    std::fs::write(t.dir().join("media/hu-mr-001.ogg"), vec![1u8; 64]).expect("media");
    let srv = Server::start(&t.dir(), &[]);
    let unknown = srv.get("/nincs-ilyen-oldal");
    assert_eq!(unknown.status, 404);
    for path in [
        "/static/../tanu.sqlite",
        "/static/..%2ftanu.sqlite",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/static/style.css/../../tanu.sqlite",
        "/media/..%2f..%2fetc%2fpasswd",
        "/media/%2e%2e%2ftanu.sqlite",
        "/media/hu-mr-001%00.ogg",
        "/t/..%2f..%2ftanu.sqlite",
        "/browse/..%2f..%2f",
    ] {
        let r = srv.get(path);
        assert!(r.status == 404 || r.status == 400, "{path}: {}", r.status);
        assert!(
            !r.body.windows(6).any(|w| w == b"SQLite") && !r.body.windows(5).any(|w| w == b"root:"),
            "{path} leaked a file"
        );
    }
    // A query of 20,000 characters: the query error, with its column.
    let long = "tábor ".repeat(3400);
    let r = srv.get(&format!("/api/v1/search?q={}", enc(&long)));
    assert_eq!(r.status, 400);
    assert!(r.text().contains("column"), "{}", r.text());
    let r = srv.get(&format!("/search?q={}", enc(&long)));
    assert!(r.status < 500, "{}", r.status);
    // A page number past the end, or not a number.
    for p in ["999999999999999999999", "-1", "x"] {
        let r = srv.get(&format!("/search?q=t%C3%A1bor&page={p}"));
        assert!(r.status < 500, "page={p}: {}", r.status);
    }
    // A 3 MB sign-in body is refused before anything reads it as a form.
    let r = srv.get("/login");
    let csrf = r.set_cookie("tanu_csrf").expect("CSRF cookie");
    let huge = format!(
        "name=kutato&password={}&csrf={csrf}",
        "x".repeat(3 * 1024 * 1024)
    );
    let r = srv.post("/login", &huge, &[("Cookie", &format!("tanu_csrf={csrf}"))]);
    assert!(r.status == 413 || r.status == 400, "{}", r.status);
    assert!(r.set_cookie("tanu_session").is_none());
    // Thousands of headers or a 100 KB header line do not take the server
    // down: it still answers afterwards.
    let big = "a".repeat(100 * 1024);
    let r = srv.get_with("/", &[("X-Nagy", &big)]);
    assert!(
        r.status == 431 || r.status == 400 || r.status == 200,
        "{}",
        r.status
    );
    assert_eq!(srv.get("/search?q=t%C3%A1bor").status, 200);
}
