//! The web archive as people use it: headless Chromium through WebDriver
//! (see `common/browser.rs`) against `tanu demo --serve`. One browser and
//! one server for the whole binary; the scenarios run in sequence, each
//! with fresh cookies. Screenshots of every main page are saved under
//! `target/screenshots/`.

#[path = "common/browser.rs"]
mod browser;

use browser::{Browser, WebServer, key, run_scenarios};
use serde_json::json;

/// A word only the demo's restricted testimony (hu-gulag-005) holds.
const RESTRICTED_WORD: &str = "paragrafus";
const RESTRICTED_ID: &str = "hu-gulag-005";

#[test]
fn the_archive_in_a_browser() {
    let started = std::time::Instant::now();
    let Some(b) = Browser::start() else {
        return;
    };
    eprintln!("browser started in {:.1?}", started.elapsed());
    let started = std::time::Instant::now();
    let tmp = tempfile::tempdir().expect("temp dir");
    let srv = WebServer::demo(&tmp.path().join("demo"));
    eprintln!("demo built and served in {:.1?}", started.elapsed());
    let started = std::time::Instant::now();
    run_scenarios(
        &b,
        &[
            ("search_and_facets", &|b| search_and_facets(b, &srv)),
            ("passage_at_its_timecode", &|b| passage_at_timecode(b, &srv)),
            ("language_switch", &|b| language_switch(b, &srv)),
            ("researcher_signs_in_and_out", &|b| sign_in_and_out(b, &srv)),
            ("keyboard_only", &|b| keyboard_only(b, &srv)),
            ("player_follows_the_transcript", &|b| player(b, &srv)),
            ("accessibility", &|b| accessibility(b, &srv)),
        ],
    );
    eprintln!("browser scenarios took {:.1?}", started.elapsed());
}

/// The number of results on the page.
fn hits(b: &Browser) -> usize {
    b.find_all("ol.hits > li.hit").len()
}

/// Every count in the facet sidebar, in order.
fn facet_counts(b: &Browser) -> Vec<String> {
    b.find_all("aside.facets .facet .count")
        .iter()
        .map(|c| b.text(c))
        .collect()
}

fn html_lang(b: &Browser) -> String {
    b.script("return document.documentElement.lang", json!([]))
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Whether the focused element matches a CSS selector.
fn focused(b: &Browser, css: &str) -> bool {
    b.script(
        "const a = document.activeElement; return !!a && a.matches(arguments[0]);",
        json!([css]),
    ) == true
}

/// Searches from the landing page as a person does: type, click the button.
fn search(b: &Browser, srv: &WebServer, q: &str) {
    b.goto(&srv.url("/"));
    let box_ = b.find("#q");
    b.type_into(&box_, q);
    b.click(&b.find("form.searchbar button[type=submit]"));
    b.wait_for_url("/search?q=");
}

fn search_and_facets(b: &Browser, srv: &WebServer) {
    search(b, srv, "tábor");
    let total = hits(b);
    assert!(total >= 3, "several testimonies speak of a camp: {total}");
    assert!(
        b.find_all("ol.hits mark").len() >= total,
        "the searched word is highlighted in every result"
    );
    assert!(b.try_find("section.chips").is_none(), "no filter yet");
    b.screenshot("search-results");
    let before = facet_counts(b);

    // A facet value that narrows the results (count below the total).
    let (link, count) = b
        .find_all("aside.facets .facet li")
        .iter()
        .filter_map(|li| {
            let link = b.find_all_in(li, "a").into_iter().next()?;
            let count = b.find_all_in(li, ".count").into_iter().next()?;
            let n: usize = b.text(&count).trim().parse().ok()?;
            Some((link, n))
        })
        .find(|(_, c)| *c > 0 && *c < total)
        .unwrap_or_else(|| panic!("no facet value narrows {total} results"));
    let label = b.text(&link);
    b.click(&link);
    b.wait_until("the chip of the chosen filter", |b| {
        b.try_find("section.chips a.chip").is_some()
    });
    let chip = b.find("section.chips a.chip");
    assert!(
        b.text(&chip).contains(&label),
        "the chip names {label:?}: {:?}",
        b.text(&chip)
    );
    assert!(b.url().contains("q=t%C3%A1bor"), "the query is kept");
    assert_eq!(hits(b), count, "the results are those the facet counted");
    assert_ne!(facet_counts(b), before, "the counts follow the filter");
    let summary = b.text(&b.find("p.summary"));
    assert!(
        summary.starts_with(&format!("{count} ")),
        "the summary counts the filtered results: {summary:?}"
    );
    if count == 1 && html_lang(b) == "en" {
        assert!(summary.starts_with("1 testimony,"), "{summary:?}");
    }
    assert_eq!(
        b.text(&b.find("aside.facets li.active a")),
        label,
        "the chosen value is marked in the sidebar"
    );
    b.screenshot("search-facet");

    // Removing the chip brings every result back.
    b.click(&chip);
    b.wait_until("the chip to go", |b| b.try_find("section.chips").is_none());
    assert_eq!(hits(b), total);
    assert_eq!(facet_counts(b), before);
}

fn passage_at_timecode(b: &Browser, srv: &WebServer) {
    // From a result: the passage link opens the reader at that passage.
    search(b, srv, "Nagydobronyban");
    let at = b
        .find_all("ol.hits .passage a.at")
        .into_iter()
        .find(|a| !b.find_all_in(a, ".time").is_empty())
        .expect("a result passage with a timecode");
    let time = b.text(&b.find_all_in(&at, ".time")[0]);
    assert!(time.contains(':'), "the result shows a timecode: {time:?}");
    let href = b.attr(&at, "href").unwrap_or_default();
    let anchor = href
        .rsplit_once('#')
        .map(|(_, a)| a.to_string())
        .unwrap_or_else(|| panic!("a passage link has an anchor: {href}"));
    b.click(&at);
    b.wait_for_url("/t/hu-mr-001");
    let target = b.script(
        "const t = document.querySelector(':target'); return t ? t.id : null;",
        json!([]),
    );
    assert_eq!(target, json!(anchor), "the passage is the page's target");
    let seg = b.find(&format!("#{anchor}"));
    assert!(
        b.attr(&seg, "class")
            .is_some_and(|c| c.split(' ').any(|c| c == "selected")),
        "the passage is marked as chosen"
    );
    assert!(b.text(&seg).contains(&time), "the passage shows {time}");
    assert!(
        !b.find_all(&format!("#{anchor} mark")).is_empty(),
        "the searched word is highlighted in it"
    );
    assert_in_view(b, &anchor);
    assert!(b.try_find("section.citation").is_some(), "a citation");
    b.screenshot("reader-from-result");

    // `?at=` opens the passage spoken at that time, scrolled into view.
    b.goto(&srv.url("/t/hu-mr-001?at=0:35"));
    let selected = b.find_all(".seg.selected");
    assert_eq!(selected.len(), 1, "one passage chosen");
    let id = b.attr(&selected[0], "id").unwrap_or_default();
    assert_eq!(id, "p4", "the passage spoken at 0:35");
    assert_in_view(b, &id);
    let other = b.find(".seg:not(.selected)");
    let (bg, plain) = (
        b.css(&selected[0], "background-color"),
        b.css(&other, "background-color"),
    );
    assert_ne!(bg, plain, "the chosen passage is highlighted");
    assert!(
        b.try_find("audio#player").is_some(),
        "the recording's player"
    );
    b.screenshot("reader-at-time");
}

/// The element `id` is within the viewport.
fn assert_in_view(b: &Browser, id: &str) {
    let inside = b.script(
        "const r = document.getElementById(arguments[0]).getBoundingClientRect();
         return r.top >= 0 && r.top < window.innerHeight;",
        json!([id]),
    );
    assert_eq!(inside, true, "#{id} is scrolled into view");
}

fn language_switch(b: &Browser, srv: &WebServer) {
    b.goto(&srv.url("/?hl=hu"));
    assert_eq!(html_lang(b), "hu");
    let button = b.text(&b.find("form.searchbar button"));
    assert_eq!(button, "Keresés");
    b.click(&b.find("header a.switch"));
    b.wait_until("the English page", |b| html_lang(b) == "en");
    assert_eq!(b.text(&b.find("form.searchbar button")), "Search");
    assert_eq!(b.text(&b.find("header a.switch")), "Magyar");
    // The choice is remembered on the next page, a search.
    search(b, srv, "tábor");
    assert_eq!(html_lang(b), "en");
    assert!(b.title().contains("tábor"));
    b.screenshot("search-results-en");
    // And switched back from a results page, keeping the search.
    b.click(&b.find("header a.switch"));
    b.wait_until("the Hungarian page", |b| html_lang(b) == "hu");
    assert!(b.url().contains("q=t%C3%A1bor"), "{}", b.url());
    assert_eq!(b.text(&b.find("form.searchbar button")), "Keresés");
}

/// The ids of the testimonies on a results page.
fn result_ids(b: &Browser) -> Vec<String> {
    b.find_all("ol.hits h3 a")
        .iter()
        .filter_map(|a| b.attr(a, "href"))
        .map(|h| {
            h.split("/t/")
                .nth(1)
                .and_then(|r| r.split(['?', '#']).next())
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

fn sign_in_and_out(b: &Browser, srv: &WebServer) {
    // The public does not find the restricted testimony, nor open it.
    search(b, srv, RESTRICTED_WORD);
    assert_eq!(result_ids(b), Vec::<String>::new());
    assert!(b.try_find("p.none").is_some(), "no results, said so");
    b.goto(&srv.url(&format!("/t/{RESTRICTED_ID}")));
    assert!(b.try_find(".reader").is_none(), "no reader for the public");

    // Sign in from the header link.
    b.goto(&srv.url("/?hl=en"));
    b.click(&b.find("header.site a.account"));
    b.wait_for_url("/login");
    b.screenshot("login");
    b.type_into(&b.find("#name"), "kutato");
    b.type_into(&b.find("#password"), "kutato-demo");
    b.click(&b.find("form.login button[type=submit]"));
    b.wait_until("signed in", |b| {
        b.text_of("header.site .account")
            .is_some_and(|t| t.contains("kutato"))
    });

    // Now the search finds it and the reader opens it.
    search(b, srv, RESTRICTED_WORD);
    assert_eq!(result_ids(b), vec![RESTRICTED_ID.to_string()]);
    b.click(&b.find("ol.hits h3 a"));
    b.wait_for_url(&format!("/t/{RESTRICTED_ID}"));
    assert!(
        b.text(&b.find("h1")).contains("Huszonöt évet kaptam"),
        "the restricted testimony's title"
    );
    b.screenshot("reader-restricted-signed-in");

    // Sign out: the header link leads to a form with one button.
    b.click(&b.find("header.site .account a[href='/logout']"));
    b.wait_for_url("/logout");
    b.click(&b.find("form.login button[type=submit]"));
    b.wait_until("signed out", |b| {
        !b.url().contains("/logout") && b.try_find("header.site a.account[href='/login']").is_some()
    });
    search(b, srv, RESTRICTED_WORD);
    assert_eq!(result_ids(b), Vec::<String>::new(), "hidden again");
    b.goto(&srv.url(&format!("/t/{RESTRICTED_ID}")));
    assert!(
        b.try_find(".reader").is_none(),
        "no reader after signing out"
    );
}

/// Presses Tab until the focus is on `css`, at most `limit` times; returns
/// how many presses it took.
fn tab_to(b: &Browser, css: &str, limit: usize) -> usize {
    for n in 1..=limit {
        b.press(&[key::TAB]);
        if focused(b, css) {
            return n;
        }
    }
    panic!(
        "{limit} presses of Tab did not reach `{css}` on {}",
        b.url()
    );
}

/// The focused element shows a visible outline.
fn assert_focus_visible(b: &Browser, what: &str) {
    let a = b.active();
    let style = b.css(&a, "outline-style");
    let width = b.css(&a, "outline-width");
    assert!(
        style != "none" && width != "0px",
        "{what} shows the focus: outline {style} {width}"
    );
}

fn keyboard_only(b: &Browser, srv: &WebServer) {
    b.goto(&srv.url("/?hl=en"));
    // The first Tab shows the skip link.
    b.press(&[key::TAB]);
    assert!(focused(b, "a.skip"), "the skip link comes first");
    assert_focus_visible(b, "the skip link");
    let inside = b.script(
        "const r = document.activeElement.getBoundingClientRect();
         return r.left >= 0 && r.top >= 0 && r.width > 0;",
        json!([]),
    );
    assert_eq!(inside, true, "the focused skip link is on screen");

    // From the top of the page, Tab reaches the search box in a few steps.
    b.goto(&srv.url("/"));
    let n = tab_to(b, "input#q", 8);
    assert_focus_visible(b, "the search box");
    b.screenshot("keyboard-search-box");
    b.press(&["t", "á", "b", "o", "r", key::ENTER]);
    b.wait_for_url("/search?q=t%C3%A1bor");
    assert!(hits(b) >= 3);

    // The skip link leads past the filters into the results.
    b.press(&[key::TAB]);
    assert!(focused(b, "a.skip"));
    b.press(&[key::ENTER]);
    b.press(&[key::TAB]);
    assert!(
        focused(b, "main *"),
        "after the skip link, Tab moves inside the results"
    );
    let steps = 1 + tab_to(b, "ol.hits h3 a", 10);
    let link = b.active();
    let href = b.attr(&link, "href").unwrap_or_default();
    assert_focus_visible(b, "a result link");
    b.screenshot("keyboard-result-link");
    b.press(&[key::ENTER]);
    b.wait_for_url("/t/");
    assert!(
        href.ends_with(b.url().split_once("/t/").map(|x| x.1).unwrap_or("-")),
        "Enter opened the focused result: {href} vs {}",
        b.url()
    );
    eprintln!("keyboard: {n} Tabs to the search box, {steps} after the skip link to a result");

    // A facet is chosen and its chip removed with the keyboard alone.
    b.goto(&srv.url("/search?q=t%C3%A1bor"));
    let total = hits(b);
    tab_to(b, "aside.facets .facet a", 15);
    b.press(&[key::ENTER]);
    b.wait_until("the chip", |b| b.try_find("section.chips a.chip").is_some());
    assert!(hits(b) < total, "the facet narrowed the results");
    tab_to(b, "a.chip", 15);
    assert_focus_visible(b, "the chip");
    b.press(&[key::ENTER]);
    b.wait_until("the chip to go", |b| b.try_find("section.chips").is_none());
    assert_eq!(hits(b), total);

    // "/" brings the focus back to the search box from anywhere.
    b.goto(&srv.url("/search?q=t%C3%A1bor"));
    b.press(&["/"]);
    assert!(focused(b, "input#q"), "/ focuses the search box");
}

fn accessibility(b: &Browser, srv: &WebServer) {
    let pages = [
        ("landing", "/?hl=hu"),
        ("results", "/search?q=t%C3%A1bor&hl=hu"),
        (
            "results-filtered",
            "/search?q=t%C3%A1bor&wave=malenkij-robot",
        ),
        ("results-error", "/search?q=t%C3%A1bor%20AND"),
        ("reader", "/t/hu-mr-001?q=Nagydobronyban&p=2#p2"),
        ("browse", "/browse/region"),
        ("map", "/map"),
        ("login", "/login"),
        ("not-found", "/t/no-such-testimony"),
        ("landing-en", "/?hl=en"),
        ("reader-en", "/t/ru-001"),
    ];
    let mut failures = Vec::new();
    for (name, path) in pages {
        b.goto(&srv.url(path));
        b.screenshot(&format!("page-{name}"));
        let result =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| b.assert_accessible(name)));
        if result.is_err() {
            failures.push(name);
        }
    }
    // Signed in: the restricted reader and the sign-out form.
    b.sign_in(srv, "kutato", "kutato-demo");
    for (name, path) in [
        ("reader-signed-in", format!("/t/{RESTRICTED_ID}")),
        ("logout", "/logout".to_string()),
    ] {
        b.goto(&srv.url(&path));
        b.screenshot(&format!("page-{name}"));
        let result =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| b.assert_accessible(name)));
        if result.is_err() {
            failures.push(name);
        }
    }
    b.sign_out(srv);
    b.goto(&srv.url(&format!("/t/{RESTRICTED_ID}")));
    assert!(b.try_find(".reader").is_none(), "signed out again");

    // The same pages on a phone, to look at.
    b.resize(390, 844);
    for (name, path) in [
        ("landing", "/?hl=hu"),
        ("results", "/search?q=t%C3%A1bor&wave=malenkij-robot"),
        ("reader", "/t/hu-mr-001?at=0:35"),
    ] {
        b.goto(&srv.url(path));
        let wide = b.script(
            "return document.documentElement.scrollWidth > window.innerWidth + 1",
            json!([]),
        );
        assert_eq!(wide, false, "{name} fits a phone's width");
        b.screenshot(&format!("phone-{name}"));
        if name == "results" {
            let chip_first = b.script(
                "const top = s => document.querySelector(s).getBoundingClientRect().top;
                 return top('.chip') < top('ol.hits');",
                json!([]),
            );
            assert_eq!(
                chip_first, true,
                "on a phone the chosen filter shows above the results"
            );
        }
        let phone = format!("phone-{name}");
        let result =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| b.assert_accessible(&phone)));
        if result.is_err() {
            failures.push(name);
        }
    }
    assert!(failures.is_empty(), "axe-core violations on {failures:?}");
}

fn player(b: &Browser, srv: &WebServer) {
    b.goto(&srv.url("/t/hu-mr-001"));
    let button = b.find("#p4 button.play");
    let t: f64 = b
        .attr(&button, "data-t")
        .and_then(|t| t.parse().ok())
        .expect("the passage's time");
    b.click(&button);
    b.wait_until("the recording to play from the passage", |b| {
        b.script(
            "const p = document.getElementById('player'); return [p.currentTime, p.paused];",
            json!([]),
        )
        .as_array()
        .is_some_and(|v| {
            v[0].as_f64().is_some_and(|now| now >= t && now < t + 5.0) && v[1] == false
        })
    });
    b.wait_until("the passage being played to be marked", |b| {
        b.try_find("#p4.playing").is_some()
    });
    b.screenshot("reader-playing");
    b.script("document.getElementById('player').pause()", json!([]));
}
