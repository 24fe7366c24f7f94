//! Upload and merge in a real browser (headless Chromium through WebDriver,
//! see `common/browser.rs`): the archivist chooses files, the page's script
//! uploads them with a progress bar per file, the job page follows the
//! ingest by polling and ends with each file's outcome; then two records
//! are compared side by side and merged. Screenshots of each screen go to
//! `target/screenshots/curate-*.png`; axe-core checks each page.

#[path = "common/browser.rs"]
mod browser;
mod common;

use browser::{Browser, WebServer};
use common::TestArchive;

const KOVACS: &str = "\
id: br-kovacs-001
title: Kovács Jenő visszaemlékezése
narrator: Kovács Jenő
language: hu
---
[00:00:05] K: Hová vitték el önöket negyvenötben?
[00:00:09] N: Szolyvára hajtottak minket gyalog, onnan marhavagonban vittek a Donbaszba, a szénbányába. Negyvenhét őszén jöttem haza, harminckilenc kilóval, és anyám nem ismert meg a kapuban.
";

const KOVACS_COPY: &str = "\
id: br-kovacs-002
title: Kovács Jenő (második átirat)
narrator: Kovács Jenő
language: hu
---
[00:00:05] K: Hová vitték el önöket negyvenötben?
[00:00:09] N: Szolyvára hajtottak minket gyalog, onnan marhavagonban vittek a Donbaszba, a szénbányába. Negyvenhét nyarán jöttem haza, harminckilenc kilóval, és anyám nem ismert meg a kapuban.
";

const PETROV: &str = "\
id: br-petrov-003
title: Рассказ Ивана Петрова
narrator: Петров Иван
language: ru
---
[00:00:03] В: Где вы работали в лагере?
[00:00:07] О: Под Карагандой, на угольной шахте. Нас привезли из Сигета зимой сорок пятого.
";

const BROKEN: &str = "\
id: br-rossz-004
title: Hibás átirat
language: hu
region: Atlantisz
---
[00:00:05] K: Hol dolgozott?
[00:00:07] N: Egy bányában.
";

#[test]
fn an_archivist_uploads_follows_the_job_and_merges() {
    let Some(b) = Browser::start() else {
        return;
    };
    let t = TestArchive::new();
    t.tanu()
        .args(["user", "add", "kiss", "archivist", "--password-stdin"])
        .write_stdin("archivum-jelszo-7\n")
        .assert()
        .success();
    let files = [
        t.write("valasztott/kovacs.txt", KOVACS),
        t.write("valasztott/kovacs-2.txt", KOVACS_COPY),
        t.write("valasztott/petrov.txt", PETROV),
        t.write("valasztott/rossz.txt", BROKEN),
    ];
    let srv = WebServer::serve(&t.dir());
    b.sign_in(&srv, "kiss", "archivum-jelszo-7");

    b.goto(&srv.url("/curate/upload?hl=en"));
    b.assert_accessible("upload form");
    let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    b.type_into(&b.find("#files"), &paths.join("\n"));
    b.wait_until("the chosen files listed", |b| {
        b.find_all("#chosen li progress").len() == 4
    });
    b.screenshot("curate-upload-chosen");
    b.click(&b.find("#upload button[type=submit]"));
    b.wait_for_url("/curate/jobs/");
    b.wait_until("the job to finish", |b| {
        b.text_of("#job-state").is_some_and(|s| s == "done")
    });
    let summary = b.text_of("#summary").unwrap_or_default();
    assert!(summary.contains("new: 3"), "{summary}");
    assert!(summary.contains("failed: 1"), "{summary}");
    let error = b.text_of("pre.err").unwrap_or_default();
    assert!(
        error.starts_with("rossz.txt:4: unknown region") && error.contains("Atlantisz"),
        "{error}"
    );
    b.screenshot("curate-upload-job");
    b.assert_accessible("job page");
    b.goto(&srv.url("/curate/jobs"));
    assert_eq!(b.find_all("table.jobs tbody tr").len(), 1);
    b.assert_accessible("job list");

    // The two transcripts of Kovács Jenő are listed, compared and merged.
    b.goto(&srv.url("/curate/merge"));
    let links = b.find_all("a[href='/curate/merge/br-kovacs-001/br-kovacs-002']");
    assert_eq!(links.len(), 1, "the pair is listed");
    b.assert_accessible("duplicates");
    b.screenshot("curate-merge-list");
    b.click(&links[0]);
    b.wait_for_url("/curate/merge/br-kovacs-001/br-kovacs-002");
    let marked: Vec<String> = b
        .find_all("ins.chg")
        .iter()
        .map(|e| b.text(e).trim().to_string())
        .collect();
    assert_eq!(
        marked,
        ["őszén", "nyarán"],
        "the differing words are marked"
    );
    b.screenshot("curate-merge-pair");
    b.assert_accessible("side by side");
    b.click(&b.find("input[name=keep][value=a]"));
    b.type_into(&b.find("#reason"), "ugyanaz az interjú, két átirat");
    b.click(&b.find(".mergeform button[type=submit]"));
    b.wait_for_url("merged=br-kovacs-002");
    assert!(
        b.text_of(".notice")
            .is_some_and(|n| n.contains("br-kovacs-002 was merged into br-kovacs-001"))
    );
    b.goto(&srv.url("/search?q=Szolyva"));
    assert_eq!(b.find_all("ol.hits > li").len(), 1, "one testimony left");
}
