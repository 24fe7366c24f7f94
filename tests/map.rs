//! The map at `/map` over real HTTP: circles and table rows counted for the
//! viewer's role (a restricted testimony counts for an archivist only),
//! links to the filtered search, the outline served by tanu itself and no
//! URL from elsewhere; in headless Chromium, no serious accessibility
//! violation and a circle reached and followed with the keyboard alone.

#[path = "common/browser.rs"]
mod browser;
mod common;
#[path = "common/http.rs"]
mod http;

use common::{TestArchive, fixture};
use http::{Server, sign_in};
use serde_json::json;

const PUBLIC_KARAGANDA: &str = "\
id: map-public-001
title: Szénbánya Karagandában
narrator: Molnár Ferenc
recorded: 1994-06-12
language: hu
access: public
region: Karaganda
---
[00:00:05] K: Hol dolgozott?
[00:00:09] N: Karagandában, a szénbányában, negyvenhattól.
";

const RESTRICTED: &str = "\
id: map-restricted-001
title: Titkos levelek Karagandából és Vorkutáról
narrator: Rejtett Személy
recorded: 1990-05-01
language: hu
access: restricted
region: Karaganda
place: Vorkuta
---
[00:00:05] K: Hová vitték?
[00:00:09] N: Előbb Karagandába, aztán Vorkutára.
";

fn archive() -> TestArchive {
    let t = TestArchive::new();
    let files = [
        fixture("transcripts/hu-mr-001.txt"),
        t.write("in/public.txt", PUBLIC_KARAGANDA),
        t.write("in/restricted.txt", RESTRICTED),
    ];
    t.tanu().arg("ingest").args(&files).assert().success();
    for id in ["hu-mr-001", "map-public-001", "map-restricted-001"] {
        t.tanu()
            .args(["--curator", "test", "status", id, "published"])
            .assert()
            .success();
    }
    t.tanu()
        .args(["user", "add", "levéltáros", "archivist", "--password-stdin"])
        .write_stdin("levéltári-jelszó-7\n")
        .assert()
        .success();
    t
}

/// The count in the table row whose link is `href`.
fn row_count(html: &str, href: &str) -> Option<usize> {
    let table = &html[html.find("<table class=\"maptable\"")?..];
    let row = &table[table.find(&format!("<a href=\"{href}\">"))?..];
    let row = &row[..row.find("</tr>")?];
    row.split("class=\"num\">")
        .nth(1)?
        .split('<')
        .next()?
        .trim()
        .parse()
        .ok()
}

/// The radius of the circle linking to `href` on the main map.
fn radius(html: &str, href: &str) -> Option<f64> {
    let at = html.find(&format!("<a href=\"{href}\"><title>"))?;
    html[at..]
        .split(" r=\"")
        .nth(1)?
        .split('"')
        .next()?
        .parse()
        .ok()
}

#[test]
fn counts_follow_the_viewer_and_circles_link_their_search() {
    let t = archive();
    let srv = Server::start(&t.dir(), &[]);

    let r = srv.get("/map?hl=en");
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-security-policy")
            .is_some_and(|c| c.contains("default-src 'self'"))
    );
    let public = r.text();
    assert!(public.contains("Places and transit camps on a map"));
    // The public sees one testimony naming Karaganda, none naming Vorkuta.
    assert_eq!(row_count(&public, "/search?region=karaganda"), Some(1));
    assert_eq!(row_count(&public, "/search?region=central-asia"), Some(1));
    assert_eq!(row_count(&public, "/search?region=vorkuta"), None);
    assert!(!public.contains("region=vorkuta"), "no circle for Vorkuta");
    // hu-mr-001: Donbas and the Szolyva transit camp.
    assert_eq!(row_count(&public, "/search?region=donbas"), Some(1));
    assert_eq!(row_count(&public, "/search?transit=svaliava"), Some(1));
    let r_public = radius(&public, "/search?region=karaganda").expect("Karaganda's circle");

    // An archivist sees the restricted testimony in the counts and sizes.
    let me = sign_in(&srv, "levéltáros", "levéltári-jelszó-7");
    let archivist = srv.get_with("/map?hl=en", &[("Cookie", &me)]).text();
    assert_eq!(row_count(&archivist, "/search?region=karaganda"), Some(2));
    assert_eq!(
        row_count(&archivist, "/search?region=central-asia"),
        Some(2)
    );
    assert_eq!(row_count(&archivist, "/search?region=vorkuta"), Some(1));
    let r_archivist = radius(&archivist, "/search?region=karaganda").expect("circle");
    assert!(r_archivist > r_public, "{r_archivist} > {r_public}");
    assert!(archivist.contains("levéltáros"), "signed in");

    // A circle's link is the filtered search, which finds the public
    // testimony (and, for the public, not the restricted one).
    let search = srv.get("/search?region=karaganda").text();
    assert!(search.contains("/t/map-public-001"), "{search}");
    assert!(!search.contains("map-restricted-001"));

    // The circles sit where the gazetteer puts them: Karaganda (73.1 E)
    // east of Donbas (37.8 E), and south of Vorkuta (67.5 N).
    let at = |html: &str, href: &str, attr: &str| -> f64 {
        let at = html
            .find(&format!("<a href=\"{href}\"><title>"))
            .expect(href);
        html[at..]
            .split(&format!(" {attr}=\""))
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse().ok())
            .expect(attr)
    };
    assert!(
        at(&public, "/search?region=karaganda", "cx") > at(&public, "/search?region=donbas", "cx")
    );
    assert!(
        at(&archivist, "/search?region=karaganda", "cy")
            > at(&archivist, "/search?region=vorkuta", "cy")
    );

    // Hungarian by default, with the same data.
    let hu = srv.get("/map").text();
    assert!(hu.contains("Helyek és gyűjtőtáborok térképen"));
    assert_eq!(row_count(&hu, "/search?region=karaganda"), Some(1));
    // The landing page links the map.
    assert!(srv.get("/").text().contains("href=\"/map\""));
}

#[test]
fn the_map_needs_nothing_from_elsewhere() {
    let t = archive();
    let srv = Server::start(&t.dir(), &[]);
    let html = srv.get("/map").text();
    for bad in ["http:", "https:", "src=\"//", "href=\"//", "url(//"] {
        assert!(!html.contains(bad), "{bad} on the map page");
    }
    // Every image the page uses is served here, as SVG that loads nothing.
    let mut images: Vec<&str> = html
        .split("<image href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    images.dedup();
    assert_eq!(images.len(), 2, "{images:?}");
    for path in images {
        assert!(path.starts_with("/static/"), "{path}");
        let r = srv.get(path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), Some("image/svg+xml"));
        let svg = r.text();
        assert!(svg.contains("Natural Earth"), "source noted in {path}");
        assert!(
            svg.matches("<path d=\"M").count() > 10,
            "outlines in {path}"
        );
        assert!(!svg.contains("href"), "{path} links nothing");
        // The only URL is the SVG namespace.
        assert_eq!(svg.matches("http").count(), 1, "{path}");
        assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    }
}

#[test]
fn the_map_in_a_browser_by_keyboard_and_for_axe() {
    let Some(b) = browser::Browser::start() else {
        return;
    };
    let t = archive();
    let srv = browser::WebServer::serve(&t.dir());
    for (name, path) in [("map", "/map?hl=hu"), ("map-en", "/map?hl=en")] {
        b.goto(&srv.url(path));
        b.screenshot(name);
        b.assert_accessible(name);
    }
    // Both outlines were loaded from tanu and drawn.
    let drawn = b.script(
        "return Array.from(document.querySelectorAll('svg image')).length",
        json!([]),
    );
    assert_eq!(drawn, json!(2));
    // Tab reaches a circle's link; Enter follows it to its search.
    let mut reached = None;
    for _ in 0..60 {
        b.press(&[browser::key::TAB]);
        let href = b.script(
            "const a = document.activeElement; \
             return a && a.closest('svg.mapsvg') ? a.getAttribute('href') : null;",
            json!([]),
        );
        if let Some(h) = href.as_str() {
            reached = Some(h.to_string());
            break;
        }
    }
    let href = reached.expect("Tab reaches a circle on the map");
    assert!(href.starts_with("/search?"), "{href}");
    b.press(&[browser::key::ENTER]);
    b.wait_for_url("/search?");
    assert!(b.url().ends_with(&href), "{} after {href}", b.url());
}
