//! Upload, ingest jobs and merge in the browser (`/curate/upload`,
//! `/curate/jobs`, `/curate/merge`), over real HTTP against `tanu serve`:
//! multipart uploads as a browser sends them, an archivist's session, and
//! everyone else getting the 404 of an unknown page.

mod common;
#[path = "common/http.rs"]
mod http;

use std::time::{Duration, Instant};

use common::TestArchive;
use http::{Response, Server, sign_in};

const KOVACS: &str = "\
id: up-kovacs-001
title: Kovács Jenő visszaemlékezése
narrator: Kovács Jenő
recorded: 1991-03-02
language: hu
---
[00:00:05] K: Hová vitték el önöket negyvenötben?
[00:00:09] N: Szolyvára hajtottak minket gyalog, onnan marhavagonban vittek a Donbaszba, a szénbányába. Negyvenhét őszén jöttem haza, harminckilenc kilóval.
";

const PETROV: &str = "\
id: up-petrov-002
title: Рассказ Ивана Петрова
narrator: Петров Иван
recorded: 1994-07-11
language: ru
---
[00:00:03] В: Где вы работали в лагере?
[00:00:07] О: Под Карагандой, на угольной шахте. Нас привезли из Мараморош-Сигета зимой сорок пятого, в товарных вагонах, без воды.
";

/// Line 4 names a region no gazetteer knows.
const BROKEN: &str = "\
id: up-rossz-003
title: Hibás átirat
language: hu
region: Atlantisz
---
[00:00:05] K: Hol dolgozott?
[00:00:07] N: Egy bányában, messze keleten.
";

const SHEET: &str = "file,interviewer\nkovacs.txt,Nagy Mária\n";

/// Serves the archive with the upload limits of the command line only
/// (`extra`), not of the environment.
fn serve(t: &TestArchive, extra: &[&str]) -> Server {
    let mut cmd = http::serve_command(&t.dir());
    cmd.args(extra)
        .env_remove("TANU_MAX_UPLOAD_MIB")
        .env_remove("TANU_MAX_UPLOAD_FILE_MIB");
    Server::spawn(cmd)
}

/// Upload and curation requests, only these tests make.
impl Server {
    fn upload(&self, cookie: &str, csrf: Option<&str>, files: &[(&str, &[u8])]) -> Response {
        self.upload_with(cookie, csrf, files, &[])
    }

    fn upload_with(
        &self,
        cookie: &str,
        csrf: Option<&str>,
        files: &[(&str, &[u8])],
        extra: &[(&str, &str)],
    ) -> Response {
        self.upload_form(cookie, csrf, &[], files, extra)
    }

    fn upload_form(
        &self,
        cookie: &str,
        csrf: Option<&str>,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
        extra: &[(&str, &str)],
    ) -> Response {
        let boundary = "----tanuTestBoundary7MA4YWxkTrZu0gW";
        let mut body = Vec::new();
        let csrf_field = csrf.map(|t| ("csrf", t));
        for (name, value) in csrf_field.iter().chain(fields) {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        for (name, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: text/plain\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let content_type = format!("multipart/form-data; boundary={boundary}");
        let mut h = vec![("Cookie", cookie)];
        h.extend_from_slice(extra);
        h.push(("Content-Type", &content_type));
        self.request_bytes("POST", "/curate/upload", &h, &body)
    }

    /// The CSRF token a curation form carries, with the cookie jar that
    /// goes with it.
    fn form_token(&self, path: &str, session: &str) -> (String, String) {
        let r = self.get_as(path, session);
        assert_eq!(r.status, 200, "{path}");
        let page = r.text();
        let token = page
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("csrf field")
            .to_string();
        if let Some(c) = r.set_cookie("tanu_csrf") {
            assert_eq!(c, token);
        }
        (
            token.clone(),
            format!("{session}; tanu_csrf={token}; tanu_lang=en"),
        )
    }

    /// Waits for a job to finish; returns its JSON.
    fn wait_job(&self, location: &str, jar: &str) -> serde_json::Value {
        let start = Instant::now();
        loop {
            let r = self.get_as(&format!("{location}.json"), jar);
            assert_eq!(r.status, 200);
            let j = r.json();
            if j["state"] != "queued" && j["state"] != "running" {
                return j;
            }
            assert!(
                start.elapsed() < Duration::from_secs(120),
                "job did not finish: {j}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

fn add_user(t: &TestArchive, name: &str, role: &str, password: &str) {
    t.tanu()
        .args(["user", "add", name, role, "--password-stdin"])
        .write_stdin(format!("{password}\n"))
        .assert()
        .success();
}

fn outcome_of<'a>(job: &'a serde_json::Value, path: &str) -> &'a serde_json::Value {
    job["job"]["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("{path} not in {job}"))
}

fn uploads_in(t: &TestArchive) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(t.dir().join("uploads"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn a_folder_is_uploaded_and_ingested_in_the_background() {
    let t = TestArchive::new();
    add_user(&t, "kiss", "archivist", "archivum-jelszo-7");
    let srv = serve(&t, &["--max-upload-mib", "2", "--max-upload-file-mib", "1"]);
    let me = sign_in(&srv, "kiss", "archivum-jelszo-7");
    let (token, jar) = srv.form_token("/curate/upload?hl=en", &me);
    let page = srv.get_as("/curate/upload", &jar).text();
    assert!(page.contains("webkitdirectory") && page.contains("multipart/form-data"));
    assert!(page.contains("/static/upload.js"));

    // A folder of three transcripts (one broken) and its metadata sheet.
    let r = srv.upload(
        &jar,
        Some(&token),
        &[
            ("interjuk/katalogus.csv", SHEET.as_bytes()),
            ("interjuk/kovacs.txt", KOVACS.as_bytes()),
            ("interjuk/petrov.txt", PETROV.as_bytes()),
            ("interjuk/rossz.txt", BROKEN.as_bytes()),
            ("interjuk/.DS_Store", b"\0\0\x01Bud1"),
            ("interjuk/fenykep.jpg", b"\xff\xd8\xff\xe0 not a transcript"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let location = r.header("location").expect("job page").to_string();
    assert!(location.starts_with("/curate/jobs/"), "{location}");
    let job = srv.wait_job(&location, &jar);
    assert_eq!(job["state"], "done", "{job}");
    let s = &job["summary"];
    assert_eq!(
        (&s["ingested"], &s["failed"], &s["unchanged"], &s["sheets"]),
        (&2.into(), &1.into(), &0.into(), &1.into()),
        "{job}"
    );
    assert_eq!(s["total"], 5, "the hidden file is not kept: {job}");
    assert_eq!(s["skipped"], 1, "{job}");
    assert_eq!(
        outcome_of(&job, "interjuk/fenykep.jpg")["outcomes"][0]["outcome"],
        "skipped"
    );
    let bad = outcome_of(&job, "interjuk/rossz.txt");
    assert_eq!(bad["outcomes"][0]["outcome"], "failed");
    let line = bad["outcomes"][0]["error"][0].as_str().expect("error line");
    assert!(
        line.starts_with("interjuk/rossz.txt:4: ") && line.contains("Atlantisz"),
        "{line}"
    );
    assert_eq!(
        outcome_of(&job, "interjuk/kovacs.txt")["outcomes"][0]["id"],
        "up-kovacs-001"
    );
    assert_eq!(job["job"]["by"], "kiss");

    // The job page shows the progress, the summary and the error line.
    let page = srv.get_as(&location, &jar);
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(
        html.contains("<progress id=\"overall\" max=\"5\" value=\"5\""),
        "{html}"
    );
    assert!(
        html.contains("interjuk/rossz.txt:4: unknown region"),
        "{html}"
    );
    assert!(html.contains("/static/jobs.js"));
    let list = srv.get_as("/curate/jobs", &jar).text();
    assert!(list.contains(&format!("href=\"{location}\"")), "{list}");

    // Searchable at once, with the sheet's value applied.
    let hits = srv.get_as("/api/v1/search?q=Szolyva", &jar).json();
    assert_eq!(hits["total_testimonies"], 1, "{hits}");
    let hits = srv
        .get_as("/api/v1/search?q=%D1%88%D0%B0%D1%85%D1%82%D0%B0", &jar)
        .json();
    assert_eq!(hits["total_testimonies"], 1, "Russian text too: {hits}");
    let rec = srv.get_as("/api/v1/testimonies/up-kovacs-001", &jar).text();
    assert!(rec.contains("Nagy Mária"), "{rec}");
    // The testimony names the staged file as its source, and the upload
    // acts as the archivist.
    let history = t
        .tanu()
        .args(["history", "up-kovacs-001"])
        .output()
        .expect("history");
    let history = String::from_utf8_lossy(&history.stdout).to_string();
    assert!(history.contains("kiss"), "{history}");
    assert!(
        history.contains("uploads/1/interjuk/kovacs.txt"),
        "{history}"
    );

    // The same files again: unchanged, also from another folder name.
    let r = srv.upload(
        &jar,
        Some(&token),
        &[
            ("interjuk/kovacs.txt", KOVACS.as_bytes()),
            ("masolat/petrov.txt", PETROV.as_bytes()),
        ],
    );
    assert_eq!(r.status, 303);
    let job2 = srv.wait_job(r.header("location").expect("job"), &jar);
    let s = &job2["summary"];
    assert_eq!(
        (&s["unchanged"], &s["ingested"], &s["updated"], &s["failed"]),
        (&2.into(), &0.into(), &0.into(), &0.into()),
        "{job2}"
    );
    let hits = srv.get_as("/api/v1/search?q=Szolyva", &jar).json();
    assert_eq!(hits["total_testimonies"], 1, "still one: {hits}");

    // A corrected copy under another name names the same testimony: as
    // with `tanu ingest`, it replaces it only when asked to.
    let corrected = KOVACS.replace("Negyvenhét őszén", "Negyvenhét tavaszán");
    let files: &[(&str, &[u8])] = &[("javitott/kovacs-javitott.txt", corrected.as_bytes())];
    let r = srv.upload(&jar, Some(&token), files);
    let job3 = srv.wait_job(r.header("location").expect("job"), &jar);
    let f = outcome_of(&job3, "javitott/kovacs-javitott.txt");
    assert_eq!(f["outcomes"][0]["outcome"], "failed", "{job3}");
    assert!(
        f["outcomes"][0]["error"][0].as_str().is_some_and(|e| e
            .starts_with("javitott/kovacs-javitott.txt: ")
            && e.contains("--replace")),
        "{job3}"
    );
    let r = srv.upload_form(&jar, Some(&token), &[("replace", "1")], files, &[]);
    let job4 = srv.wait_job(r.header("location").expect("job"), &jar);
    assert_eq!(job4["job"]["replace"], true);
    assert_eq!(job4["summary"]["updated"], 1, "{job4}");
    let hits = srv.get_as("/api/v1/search?q=tavasz%C3%A1n", &jar).json();
    assert_eq!(
        hits["total_testimonies"], 1,
        "the new revision is searchable: {hits}"
    );

    // A forced encoding, as `tanu ingest --encoding`; an unknown one is refused.
    let latin2: Vec<u8> = "id: up-latin2-004\ntitle: Őrök és fűtők\nlanguage: hu\n---\nŐszig a fűtőházban dolgoztunk, Sztálinóban.\n"
        .chars()
        .map(|c| match c {
            'Ő' => 0xD5,
            'ő' => 0xF5,
            'ű' => 0xFB,
            'á' => 0xE1,
            'é' => 0xE9,
            c => u8::try_from(u32::from(c)).expect("ASCII"),
        })
        .collect();
    let r = srv.upload_form(
        &jar,
        Some(&token),
        &[("encoding", "iso-8859-2")],
        &[("latin2.txt", &latin2)],
        &[],
    );
    let job5 = srv.wait_job(r.header("location").expect("job"), &jar);
    assert_eq!(job5["job"]["encoding"], "iso-8859-2");
    assert_eq!(job5["summary"]["ingested"], 1, "{job5}");
    let rec = srv.get_as("/api/v1/testimonies/up-latin2-004", &jar).text();
    assert!(rec.contains("Őrök és fűtők"), "{rec}");
    let r = srv.upload_form(
        &jar,
        Some(&token),
        &[("encoding", "klingon-8")],
        &[("x.txt", b"x")],
        &[],
    );
    assert_eq!(r.status, 400);
    assert!(
        r.text().contains("Unknown encoding klingon-8"),
        "{}",
        r.text()
    );
    let before = uploads_in(&t);

    // Names that would leave the staging folder are refused, and nothing
    // is kept.
    for name in [
        "../../kivul.txt",
        "interjuk/../../kivul.txt",
        "/tmp/kivul.txt",
        "..\\kivul.txt",
        "C:\\kivul.txt",
    ] {
        let r = srv.upload(
            &jar,
            Some(&token),
            &[("jo.txt", KOVACS.as_bytes()), (name, b"kivul")],
        );
        assert_eq!(r.status, 400, "{name}: {}", r.text());
        assert!(r.text().contains("refused"), "{name}");
    }
    assert!(!t.tmp.path().join("kivul.txt").exists());
    assert!(!t.dir().join("kivul.txt").exists());
    assert_eq!(uploads_in(&t), before, "refused uploads leave nothing");

    // Over the limits: one file over 1 MiB; files over 2 MiB together.
    let big = vec![b'a'; 1024 * 1024 + 10];
    let r = srv.upload(&jar, Some(&token), &[("nagy.txt", &big)]);
    assert_eq!(r.status, 413);
    assert!(
        r.text()
            .contains("nagy.txt is larger than the limit of 1 MiB per file"),
        "{}",
        r.text()
    );
    let part = vec![b'b'; 900 * 1024];
    let r = srv.upload(
        &jar,
        Some(&token),
        &[("a.txt", &part), ("b.txt", &part), ("c.txt", &part)],
    );
    assert_eq!(r.status, 413);
    assert!(
        r.text().contains("larger than the limit of 2 MiB"),
        "{}",
        r.text()
    );
    let huge = vec![b'c'; 3 * 1024 * 1024 + 10];
    let r = srv.upload(&jar, Some(&token), &[("d.txt", &huge)]);
    assert_eq!(r.status, 413, "a body over the limit is refused at once");
    assert_eq!(uploads_in(&t), before, "refused uploads leave nothing");

    // CSRF: no token, a wrong one, or another origin.
    let files: &[(&str, &[u8])] = &[("x.txt", KOVACS.as_bytes())];
    assert_eq!(srv.upload(&jar, None, files).status, 403);
    assert_eq!(
        srv.upload(&jar, Some("0123456789abcdef0123456789abcdef"), files)
            .status,
        403
    );
    assert_eq!(
        srv.upload(&me, Some(&token), files).status,
        403,
        "the token must match the cookie"
    );
    assert_eq!(
        srv.upload_with(
            &jar,
            Some(&token),
            files,
            &[("Origin", "http://evil.example")]
        )
        .status,
        403
    );
    assert_eq!(uploads_in(&t), before, "forged uploads leave nothing");
}

#[test]
fn only_archivists_see_the_curation_screens() {
    let t = TestArchive::new();
    add_user(&t, "kiss", "archivist", "archivum-jelszo-7");
    add_user(&t, "kutato", "researcher", "kutato-jelszo-9");
    let srv = serve(&t, &[]);
    let archivist = sign_in(&srv, "kiss", "archivum-jelszo-7");
    let (token, jar) = srv.form_token("/curate/upload", &archivist);
    let r = srv.upload(&jar, Some(&token), &[("k.txt", KOVACS.as_bytes())]);
    assert_eq!(r.status, 303);
    let job = r.header("location").expect("job").to_string();
    srv.wait_job(&job, &jar);
    let researcher = sign_in(&srv, "kutato", "kutato-jelszo-9");
    let unknown = srv.get_as("/no-such-page", "");
    assert_eq!(unknown.status, 404);
    let gets = [
        "/curate/upload".to_string(),
        "/curate/jobs".to_string(),
        job.clone(),
        format!("{job}.json"),
        "/curate/merge".to_string(),
        "/curate/merge/up-kovacs-001/up-kovacs-001".to_string(),
        // An unknown page ignores `hl`, so these must too.
        "/curate/upload?hl=en".to_string(),
        "/curate/merge?hl=en".to_string(),
        format!("{job}?hl=en"),
    ];
    for who in ["", researcher.as_str(), "tanu_session=0000"] {
        let with_csrf = if who.is_empty() {
            format!("tanu_csrf={token}")
        } else {
            format!("{who}; tanu_csrf={token}")
        };
        for path in &gets {
            let r = srv.get_as(path, who);
            assert_eq!(r.status, 404, "{path} as {who:?}");
            assert_eq!(r.body, unknown.body, "{path} answers like an unknown page");
        }
        let r = srv.upload(&with_csrf, Some(&token), &[("k2.txt", PETROV.as_bytes())]);
        assert_eq!(r.status, 404, "upload as {who:?}");
        assert_eq!(r.body, unknown.body);
        let r = srv.post_as(
            "/curate/merge/up-kovacs-001/up-petrov-002",
            &with_csrf,
            &format!("csrf={token}&keep=a&reason=x"),
        );
        assert_eq!(r.status, 404, "merge as {who:?}");
        assert_eq!(r.body, unknown.body);
        // Whatever the body: not a form, or not multipart.
        for (path, ct) in [
            (
                "/curate/merge/up-kovacs-001/up-petrov-002",
                "application/json",
            ),
            ("/curate/upload", "application/x-www-form-urlencoded"),
            ("/curate/upload", "multipart/form-data"),
        ] {
            let r = srv.request_bytes(
                "POST",
                path,
                &[("Cookie", &with_csrf), ("Content-Type", ct)],
                b"{\"x\":1}",
            );
            assert_eq!(
                (r.status, &r.body),
                (404, &unknown.body),
                "{path} {ct} as {who:?}"
            );
        }
    }
    assert_eq!(uploads_in(&t), ["1", "1.json"]);
    // Jobs survive a restart of the server.
    drop(srv);
    let srv = serve(&t, &[]);
    let archivist = sign_in(&srv, "kiss", "archivum-jelszo-7");
    let j = srv.get_as(&format!("{job}.json"), &archivist).json();
    assert_eq!(j["state"], "done");
    assert_eq!(j["summary"]["ingested"], 1);
}

/// A long Hungarian passage, and the same with two words changed.
const NEAR_A: &str = "\
id: dup-text-1
title: Szabó Ilona elbeszélése
narrator: Szabó Ilona
language: hu
---
[00:00:05] K: Mikor vitték el?
[00:00:09] N: Negyvennégy karácsonya után jöttek a faluba a katonák, és kidobolták, hogy háromnapi munkára kell menni, kukoricát törni. Az édesapámat és a két bátyámat is összeszedték, engem is, pedig tizenhét éves voltam. Szolyvára hajtottak minket gyalog, a hóban, ott egy nagy táborban tartottak bennünket hetekig. Sokan meghaltak tífuszban. Onnan marhavagonokban vittek tovább, huszonkét napig utaztunk, és a Donyec-medencébe, egy bányavidékre érkeztünk. A lágerben szalmán aludtunk, reggel hatkor indultunk a bányába, és este hétkor jöttünk vissza. Káposztalevest kaptunk és egy darab kenyeret. Negyvenhét nyarán engedtek haza, harminckilenc kilóval.
";

const NEAR_B: &str = "\
id: dup-text-2
title: Ilona néni története
narrator: Szabó Ilona (szül. Tóth)
language: hu
---
[00:00:05] K: Mikor vitték el?
[00:00:09] N: Negyvennégy karácsonya után jöttek a faluba a katonák, és kidobolták, hogy háromnapi munkára kell menni, kukoricát törni. Az édesapámat és a két bátyámat is összeszedték, engem is, pedig tizenhat éves voltam. Szolyvára hajtottak minket gyalog, a hóban, ott egy nagy táborban tartottak bennünket hetekig. Sokan meghaltak tífuszban. Onnan marhavagonokban vittek tovább, huszonkét napig utaztunk, és a Donyec-medencébe, egy bányavidékre érkeztünk. A lágerben deszkán aludtunk, reggel hatkor indultunk a bányába, és este hétkor jöttünk vissza. Káposztalevest kaptunk és egy darab kenyeret. Negyvenhét nyarán engedtek haza, harminckilenc kilóval.
";

/// Another testimony on the same subject: not a duplicate.
const OTHER: &str = "\
id: mas-001
title: Tóth Ferenc a munkatáborról
narrator: Tóth Ferenc
language: hu
---
[00:00:05] K: Hogyan került a táborba?
[00:00:09] N: Negyvenöt januárjában a községházára hívtak minden német nevű férfit. Engem is, pedig magyar voltam, csak a nagyapám volt sváb. Debrecenbe vittek, onnan Focşanin át Ukrajnába, egy építkezésre. Téglát hordtunk, utakat építettünk. Negyvenkilencben jöttem haza, a feleségem akkor már nem várt.
";

const SAME_NAME_1: &str = "\
id: dup-name-1
title: Egy bányász emlékei
narrator: Varga Péter
language: hu
---
[00:00:05] K: Hol dolgozott?
[00:00:09] N: Karagandában voltam, a szénbányában, negyvenhattól negyvenkilencig.
";

const SAME_NAME_2: &str = "\
id: dup-name-2
title: Egy  bányász  emlékei
narrator: varga péter
language: hu
---
[00:00:05] K: Emlékszik a hazaútra?
[00:00:09] N: Máramarosszigeten át jöttünk, ott kaptunk először fehér kenyeret.
";

const COPY: &str = "\
title: Kazetta 12, A oldal
narrator: Kelemen Rózsa
language: hu
---
[00:00:05] K: Mit dolgozott a lágerben?
[00:00:09] N: Krivoj Rogban ércbányában dolgoztunk, a nők is lementek a tárnába.
";

#[test]
fn duplicates_are_listed_compared_and_merged() {
    let t = TestArchive::new();
    add_user(&t, "kiss", "archivist", "archivum-jelszo-7");
    // The same original under two identifiers (two boxes, each sheet
    // naming its copy), the same title and narrator, nearly the same text,
    // and a different testimony.
    let files = [
        t.write("be/a/kazetta.txt", COPY),
        t.write("be/a/lap.csv", "file,id\nkazetta.txt,dup-orig-a\n"),
        t.write("be/b/kazetta.txt", COPY),
        t.write("be/b/lap.csv", "file,id\nkazetta.txt,dup-orig-b\n"),
        t.write("be/c/near-a.txt", NEAR_A),
        t.write("be/c/near-b.txt", NEAR_B),
        t.write("be/c/other.txt", OTHER),
        t.write("be/c/name-1.txt", SAME_NAME_1),
        t.write("be/c/name-2.txt", SAME_NAME_2),
    ];
    let _ = files;
    t.tanu().arg("ingest").arg(t.path("be")).assert().success();
    let srv = serve(&t, &[]);
    let me = sign_in(&srv, "kiss", "archivum-jelszo-7");

    let list = srv.get_as("/curate/merge?hl=en", &me);
    assert_eq!(list.status, 200);
    let html = list.text();
    let row = |a: &str, b: &str| {
        let href = format!("href=\"/curate/merge/{a}/{b}\"");
        let at = html
            .find(&href)
            .unwrap_or_else(|| panic!("{a}/{b} not listed:\n{html}"));
        let start = html[..at].rfind("<tr>").expect("row");
        html[start..at].to_string()
    };
    assert!(row("dup-orig-a", "dup-orig-b").contains("same original"));
    assert!(row("dup-name-1", "dup-name-2").contains("same title and narrator"));
    let near = row("dup-text-1", "dup-text-2");
    assert!(near.contains("nearly the same text"), "{near}");
    assert!(!near.contains("same title"), "{near}");
    assert!(
        !html.contains("mas-001"),
        "a different testimony is not listed"
    );
    assert_eq!(html.matches("href=\"/curate/merge/").count(), 3, "{html}");

    // Side by side, with the differences marked.
    let (token, jar) = srv.form_token("/curate/merge/dup-text-1/dup-text-2?hl=en", &me);
    let page = srv
        .get_as("/curate/merge/dup-text-1/dup-text-2", &jar)
        .text();
    assert!(
        page.contains("<ins class=\"chg\">tizenhét </ins>"),
        "{page}"
    );
    assert!(
        page.contains("<ins class=\"chg\">tizenhat </ins>"),
        "{page}"
    );
    assert!(page.contains("<ins class=\"chg\">szalmán </ins>"), "{page}");
    assert!(page.contains("class=\"differs\""));
    assert!(page.contains("Szabó Ilona (szül. Tóth)"));

    let before = srv.get_as("/api/v1/search?q=kukoric%C3%A1t", &jar).json();
    assert_eq!(before["total_testimonies"], 2, "{before}");

    // A merge needs the token, a choice and a reason.
    let url = "/curate/merge/dup-text-1/dup-text-2";
    let r = srv.post_as(url, &jar, "keep=a&reason=ugyanaz");
    assert_eq!(r.status, 403);
    let r = srv.post_as(url, &jar, &format!("csrf={token}&keep=a&reason="));
    assert_eq!(r.status, 422);
    assert!(r.text().contains("A merge needs a reason."), "{}", r.text());
    let r = srv.post_as(url, &jar, &format!("csrf={token}&reason=x"));
    assert_eq!(r.status, 422);
    let r = srv.post_as(
        url,
        &jar,
        &format!("csrf={token}&keep=a&reason=ugyanaz+az+interj%C3%BA,+k%C3%A9t+%C3%A1tirat"),
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let to = r.header("location").expect("location").to_string();
    assert_eq!(to, "/curate/merge?merged=dup-text-2&into=dup-text-1");
    let after = srv.get_as(&format!("{to}&hl=en"), &jar).text();
    assert!(after.contains("dup-text-2 was merged into dup-text-1."));
    assert!(!after.contains("href=\"/curate/merge/dup-text-1/dup-text-2\""));

    // Search shows one testimony; the merge is the archivist's, with the reason.
    let hits = srv.get_as("/api/v1/search?q=kukoric%C3%A1t", &jar).json();
    assert_eq!(hits["total_testimonies"], 1, "{hits}");
    assert_eq!(hits["hits"][0]["id"], "dup-text-1");
    let log = t.tanu().args(["audit", "log"]).output().expect("audit");
    let log = String::from_utf8_lossy(&log.stdout).to_string();
    let merge_line = log
        .lines()
        .find(|l| l.contains("merge") && l.contains("dup-text-1"))
        .unwrap_or_else(|| panic!("no merge in the audit log:\n{log}"));
    assert!(merge_line.contains("kiss"), "{merge_line}");
    assert!(log.contains("ugyanaz az interjú, két átirat"), "{log}");

    // Merging again is refused with the library's message.
    let r = srv.post_as(url, &jar, &format!("csrf={token}&keep=a&reason=megint"));
    assert_eq!(r.status, 422);
    assert!(r.text().contains("was merged into"), "{}", r.text());
}
