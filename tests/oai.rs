//! OAI-PMH 2.0 at `/oai` over real HTTP: every verb, the protocol's
//! errors, resumption across pages (the server runs with a page size of
//! 2), hidden testimonies absent everywhere and answered like unknown
//! ones, hostile text escaped; then a real harvester (Python `sickle` in
//! `target/oai-venv`, made by `.ci/run`) harvests the public catalogue.

mod common;
#[path = "common/http.rs"]
mod http;

use common::{TestArchive, fixture};
use http::{Server, enc};
use quick_xml::events::Event;

const RESTRICTED: &str = "\
id: oai-restricted-001
title: Titkos napló a karagandai szénbányáról
narrator: Rejtettné Szabó Ilona
recorded: 1992-04-03
language: hu
access: restricted
region: Karaganda
wave: malenkij-robot
---
[00:00:05] K: Hová vitték?
[00:00:09] N: Karagandába, a szénbányába, negyvenötben.
";

const SEALED: &str = "\
id: oai-sealed-001
title: Lepecsételt vallomás Vorkutáról
narrator: Zárolt Személy
language: hu
access: sealed
embargo: 2099-01-01
region: donbas
---
[00:00:05] N: Vorkután voltam, ezt senkinek nem mondtam el.
";

const DRAFT: &str = "\
id: oai-draft-001
title: Piszkozat a szolyvai gyűjtőtáborról
language: hu
access: public
transit_camp: Szolyva
---
[00:00:05] N: Szolyván gyűjtöttek össze minket.
";

/// Restricted once, public since its embargo ended.
const OPENED: &str = "\
id: oai-opened-001
title: Emlékek a Donyec-medencéből
narrator: Nyitott Mária
recorded: 1989-10-02
language: hu
access: restricted
embargo: 2001-01-01
region: donbas
---
[00:00:05] N: A Donyec-medencében dolgoztunk a bányában.
";

/// Markup, an ampersand, a CDATA end and control characters in the
/// catalogue: the XML must stay well-formed and say exactly this text.
const HOSTILE: &str = "\
id: oai-hostile-001
title: <b>Levél</b> & \"idézet\" ]]> a vöröskereszttel \u{1}\u{7}vége
narrator: Kovács & <Társa>
summary: Egy levél <script>alert(1)</script> & a hazatérés \u{0b}története.
recorded: 1993-02-11
language: hu
access: public
---
[00:00:04] K: Mit írt a levélben?
[00:00:10] N: Azt írtam: hazajövök, anyám.
";

/// The testimonies the public may see.
const PUBLIC: [&str; 5] = [
    "hu-mr-001",
    "hu-pow-004",
    "oai-hostile-001",
    "oai-opened-001",
    "ru-001",
];
/// Those it may not (restricted, sealed, unpublished).
const HIDDEN: [&str; 3] = ["oai-restricted-001", "oai-sealed-001", "oai-draft-001"];

fn archive() -> TestArchive {
    let t = TestArchive::new();
    let files = [
        fixture("transcripts/hu-mr-001.txt"),
        fixture("transcripts/hu-pow-004.txt"),
        fixture("transcripts/ru-001.txt"),
        t.write("in/restricted.txt", RESTRICTED),
        t.write("in/sealed.txt", SEALED),
        t.write("in/draft.txt", DRAFT),
        t.write("in/opened.txt", OPENED),
        t.write("in/hostile.txt", HOSTILE),
    ];
    t.tanu().arg("ingest").args(&files).assert().success();
    // hu-mr-001 has a recording (its bytes do not matter here).
    std::fs::create_dir_all(t.dir().join("media")).expect("media dir");
    std::fs::write(t.dir().join("media/hu-mr-001.opus"), b"OggS").expect("recording");
    for id in PUBLIC
        .iter()
        .chain(&["oai-restricted-001", "oai-sealed-001"])
    {
        t.tanu()
            .args(["--curator", "test", "status", id, "published"])
            .assert()
            .success();
    }
    t
}

fn start(t: &TestArchive) -> Server {
    Server::start(&t.dir(), &[("TANU_OAI_PAGE", "2")])
}

/// Checks that `xml` is well-formed XML 1.0 as a strict parser sees it:
/// balanced elements, only the predefined entities and character
/// references, no control characters. Returns the text of every element
/// named `name` (entities resolved).
fn texts(xml: &str, name: &str) -> Vec<String> {
    for c in xml.chars() {
        let ok =
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}');
        assert!(ok, "character U+{:04X} is not allowed in XML 1.0", c as u32);
    }
    let mut r = quick_xml::Reader::from_str(xml);
    r.config_mut().check_end_names = true;
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut inside: Option<String> = None;
    loop {
        match r.read_event() {
            Err(e) => panic!("broken XML: {e}\n{xml}"),
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                depth += 1;
                if e.name().as_ref() == name {
                    inside = Some(String::new());
                }
            }
            Ok(Event::End(e)) => {
                depth -= 1;
                if e.name().as_ref() == name
                    && let Some(s) = inside.take()
                {
                    out.push(s);
                }
            }
            Ok(Event::Text(t)) => {
                if let Some(s) = inside.as_mut() {
                    s.push_str(&t.xml10_content());
                }
            }
            Ok(Event::GeneralRef(g)) => {
                if let Ok(Some(c)) = g.resolve_char_ref() {
                    if let Some(s) = inside.as_mut() {
                        s.push(c);
                    }
                    continue;
                }
                let n = g.xml10_content().to_string();
                let c = match n.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => panic!("undefined entity &{n}; in\n{xml}"),
                };
                if let Some(s) = inside.as_mut() {
                    s.push_str(c);
                }
            }
            Ok(Event::CData(_)) => panic!("no CDATA expected"),
            Ok(_) => {}
        }
    }
    assert_eq!(depth, 0, "unbalanced XML");
    out
}

fn oai(srv: &Server, query: &str) -> String {
    let r = srv.get(&format!("/oai?{query}"));
    assert_eq!(r.status, 200, "{query}");
    assert!(
        r.header("content-type")
            .is_some_and(|c| c.starts_with("text/xml")),
        "{query}"
    );
    let body = r.text();
    assert!(body.contains("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\""));
    assert_eq!(texts(&body, "responseDate").len(), 1);
    body
}

/// The error code of a response, if it is an error.
fn error_code(xml: &str) -> Option<String> {
    let at = xml.find("<error code=\"")? + "<error code=\"".len();
    Some(xml[at..].split('"').next()?.to_string())
}

/// Every identifier of a list, following resumption tokens; checks the
/// tokens' cursor and completeListSize on the way.
fn harvest(srv: &Server, verb: &str, args: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut body = oai(srv, &format!("verb={verb}&{args}"));
    let mut pages = 0;
    loop {
        pages += 1;
        assert!(pages < 50, "endless list");
        assert_eq!(error_code(&body), None, "{body}");
        let page: Vec<String> = texts(&body, "identifier")
            .into_iter()
            .filter(|i| i.starts_with("oai:"))
            .collect();
        assert!(page.len() <= 2, "page size 2: {page:?}");
        let before = ids.len();
        ids.extend(page);
        let Some(at) = body.find("<resumptionToken") else {
            assert_eq!(pages, 1, "a list that had pages ends with an empty token");
            break;
        };
        let tag = &body[at..body[at..].find('>').map_or(body.len(), |e| at + e)];
        assert!(tag.contains(&format!("cursor=\"{before}\"")), "{tag}");
        let size: usize = tag
            .split("completeListSize=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse().ok())
            .expect("completeListSize");
        let token = texts(&body, "resumptionToken").pop().unwrap_or_default();
        if token.is_empty() {
            assert_eq!(size, ids.len(), "completeListSize is the whole list");
            break;
        }
        body = oai(srv, &format!("verb={verb}&resumptionToken={}", enc(&token)));
    }
    ids
}

fn oai_ids(ids: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = ids.iter().map(|i| format!("oai:tanu:{i}")).collect();
    v.sort();
    v
}

/// A response without the parts that differ by request (the date and the
/// echoed identifier).
fn normalised(xml: &str, id: &str) -> String {
    let start = xml.find("<responseDate>").unwrap_or(0);
    let end = xml.find("</responseDate>").unwrap_or(0);
    format!("{}{}", &xml[..start], &xml[end..]).replace(id, "ID")
}

#[test]
fn every_verb_pages_and_errors_with_hidden_records_absent() {
    let t = archive();
    let srv = start(&t);
    let base = format!("{}/oai", srv.base());
    let mut seen = String::new();

    // Identify.
    let body = oai(&srv, "verb=Identify");
    assert_eq!(texts(&body, "baseURL"), std::slice::from_ref(&base));
    assert_eq!(texts(&body, "protocolVersion"), ["2.0"]);
    assert_eq!(texts(&body, "deletedRecord"), ["no"]);
    assert_eq!(texts(&body, "granularity"), ["YYYY-MM-DDThh:mm:ssZ"]);
    let earliest = texts(&body, "earliestDatestamp").pop().expect("earliest");
    assert_eq!(earliest.len(), 20, "{earliest}");
    assert!(body.contains("<request verb=\"Identify\">"));
    seen.push_str(&body);

    // ListMetadataFormats, for the repository and for one record.
    let body = oai(&srv, "verb=ListMetadataFormats");
    assert_eq!(texts(&body, "metadataPrefix"), ["oai_dc"]);
    let body = oai(
        &srv,
        "verb=ListMetadataFormats&identifier=oai:tanu:hu-mr-001",
    );
    assert_eq!(texts(&body, "metadataPrefix"), ["oai_dc"]);

    // ListSets: waves, regions and camps by vocabulary id.
    let body = oai(&srv, "verb=ListSets");
    let sets = texts(&body, "setSpec");
    for s in [
        "wave",
        "wave:malenkij-robot",
        "region",
        "region:donbas",
        "region:central-asia",
        "transit:svaliava",
    ] {
        assert!(sets.iter().any(|x| x == s), "{s} in {sets:?}");
    }
    assert!(
        !sets.iter().any(|x| x.contains("karaganda")),
        "places are not sets"
    );

    // ListIdentifiers and ListRecords across pages give the public set.
    let listed = harvest(&srv, "ListIdentifiers", "metadataPrefix=oai_dc");
    assert_eq!(listed, oai_ids(&PUBLIC), "sorted by identifier, each once");
    let records = harvest(&srv, "ListRecords", "metadataPrefix=oai_dc");
    assert_eq!(records, listed);

    // The same over POST.
    let r = srv.post("/oai", "verb=ListIdentifiers&metadataPrefix=oai_dc", &[]);
    assert_eq!(r.status, 200);
    assert_eq!(texts(&r.text(), "identifier")[..2], oai_ids(&PUBLIC)[..2]);

    // A set: Donbas holds the two public testimonies that name it (one of
    // them opened by its embargo's end), not the sealed one.
    let donbas = harvest(
        &srv,
        "ListIdentifiers",
        "metadataPrefix=oai_dc&set=region:donbas",
    );
    assert_eq!(donbas, oai_ids(&["hu-mr-001", "oai-opened-001"]));
    let ukraine = harvest(
        &srv,
        "ListIdentifiers",
        "metadataPrefix=oai_dc&set=region:ukraine",
    );
    assert!(
        ukraine.contains(&"oai:tanu:hu-mr-001".to_string()),
        "a region's set holds its subregions' testimonies"
    );
    // Only the restricted testimony names Karaganda: the public's set of
    // Central Asia is empty.
    let body = oai(
        &srv,
        "verb=ListIdentifiers&metadataPrefix=oai_dc&set=region:central-asia",
    );
    assert_eq!(
        error_code(&body).as_deref(),
        Some("noRecordsMatch"),
        "{body}"
    );
    // Headers carry their sets.
    let body = oai(
        &srv,
        "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:tanu:hu-mr-001",
    );
    let sets = texts(&body, "setSpec");
    for s in [
        "wave:malenkij-robot",
        "region:donbas",
        "region:ukraine",
        "transit:svaliava",
    ] {
        assert!(sets.iter().any(|x| x == s), "{s} in {sets:?}");
    }

    // GetRecord: oai_dc with the reader's URL, labels as subjects, the
    // access level; datestamps in the declared granularity.
    assert_eq!(
        texts(&body, "dc:identifier"),
        [format!("{}/t/hu-mr-001", srv.base())]
    );
    assert_eq!(texts(&body, "dc:creator"), ["Kardos Gáspár"]);
    let subjects = texts(&body, "dc:subject");
    assert!(subjects.iter().any(|s| s == "Donbas"), "{subjects:?}");
    assert!(
        subjects.iter().any(|s| s.starts_with("Málenkij robot")),
        "{subjects:?}"
    );
    assert!(texts(&body, "dc:rights").contains(&"access: public".to_string()));
    assert_eq!(texts(&body, "dc:type")[0], "Sound", "it has a recording");
    let stamp = texts(&body, "datestamp").pop().expect("datestamp");
    assert!(
        stamp.len() == 20 && stamp.ends_with('Z') && stamp >= earliest,
        "{stamp}"
    );
    seen.push_str(&body);

    // Hostile catalogue text: escaped, control characters gone, the text
    // itself intact.
    let body = oai(
        &srv,
        "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:tanu:oai-hostile-001",
    );
    let title = texts(&body, "dc:title").pop().expect("title");
    assert!(
        title.starts_with("<b>Levél</b> & \"idézet\" ]]> a vöröskereszttel"),
        "{title:?}"
    );
    assert!(title.ends_with("vége"), "{title:?}");
    assert_eq!(texts(&body, "dc:creator"), ["Kovács & <Társa>"]);
    assert!(!texts(&body, "dc:type").contains(&"Sound".to_string()));
    let description = texts(&body, "dc:description").pop().expect("abstract");
    assert!(
        description.contains("<script>alert(1)</script> & a hazatérés"),
        "{description:?}"
    );
    assert!(
        !body.contains("<script>") && !body.contains("<b>"),
        "{body}"
    );

    // Dates: a range after everything and one before it match nothing;
    // one around now matches all; both granularities work.
    for q in [
        "from=2100-01-01",
        "until=2000-01-01",
        "from=2000-01-01T00:00:00Z&until=2000-12-31T23:59:59Z",
    ] {
        let body = oai(
            &srv,
            &format!("verb=ListIdentifiers&metadataPrefix=oai_dc&{q}"),
        );
        assert_eq!(error_code(&body).as_deref(), Some("noRecordsMatch"), "{q}");
    }
    let from = format!("from={}", enc(&earliest));
    assert_eq!(
        harvest(
            &srv,
            "ListIdentifiers",
            &format!("metadataPrefix=oai_dc&{from}&until=2100-01-01T00:00:00Z")
        ),
        oai_ids(&PUBLIC)
    );
    assert_eq!(
        harvest(
            &srv,
            "ListRecords",
            &format!("metadataPrefix=oai_dc&from={}", &earliest[..10])
        ),
        oai_ids(&PUBLIC)
    );

    // The protocol's errors.
    for (q, code) in [
        ("", "badVerb"),
        ("verb=Harvest", "badVerb"),
        ("verb=Identify&verb=ListSets", "badVerb"),
        ("verb=Identify&extra=1", "badArgument"),
        ("verb=ListRecords", "badArgument"),
        (
            "verb=ListRecords&metadataPrefix=oai_dc&set=a&set=b",
            "badArgument",
        ),
        (
            "verb=ListRecords&metadataPrefix=oai_dc&from=2001-13-01",
            "badArgument",
        ),
        (
            "verb=ListRecords&metadataPrefix=oai_dc&from=2001-01-01&until=2001-01-01T00:00:00Z",
            "badArgument",
        ),
        (
            "verb=ListRecords&metadataPrefix=oai_dc&from=2002-01-01&until=2001-01-01",
            "badArgument",
        ),
        (
            "verb=GetRecord&identifier=oai:tanu:hu-mr-001",
            "badArgument",
        ),
        (
            "verb=ListRecords&resumptionToken=bm9wZQ",
            "badResumptionToken",
        ),
        (
            "verb=ListIdentifiers&resumptionToken=%3C%26%3E",
            "badResumptionToken",
        ),
        ("verb=ListSets&resumptionToken=abc", "badResumptionToken"),
        (
            "verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc",
            "badArgument",
        ),
        (
            "verb=ListRecords&metadataPrefix=marc21",
            "cannotDisseminateFormat",
        ),
        (
            "verb=GetRecord&metadataPrefix=mods&identifier=oai:tanu:hu-mr-001",
            "cannotDisseminateFormat",
        ),
        (
            "verb=ListRecords&metadataPrefix=oai_dc&set=region:atlantis",
            "noRecordsMatch",
        ),
        (
            "verb=GetRecord&metadataPrefix=oai_dc&identifier=hu-mr-001",
            "idDoesNotExist",
        ),
    ] {
        let body = oai(&srv, q);
        assert_eq!(error_code(&body).as_deref(), Some(code), "{q}: {body}");
        if code == "badVerb" || code == "badArgument" {
            assert!(
                body.contains(&format!("<request>{base}</request>")),
                "no attributes after {code}"
            );
        }
    }
    let body = oai(&srv, "verb=ListRecords&resumptionToken=bm9wZQ");
    assert!(
        body.contains("<request verb=\"ListRecords\" resumptionToken=\"bm9wZQ\">"),
        "a bad token is echoed: {body}"
    );
    // A ListIdentifiers token is not a ListRecords token.
    let first = oai(&srv, "verb=ListIdentifiers&metadataPrefix=oai_dc");
    let token = texts(&first, "resumptionToken").pop().expect("token");
    let body = oai(
        &srv,
        &format!("verb=ListRecords&resumptionToken={}", enc(&token)),
    );
    assert_eq!(error_code(&body).as_deref(), Some("badResumptionToken"));

    // Hidden testimonies answer exactly like unknown identifiers.
    let unknown = |verb: &str, id: &str| {
        let q = match verb {
            "GetRecord" => format!("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:tanu:{id}"),
            _ => format!("verb=ListMetadataFormats&identifier=oai:tanu:{id}"),
        };
        oai(&srv, &q)
    };
    for verb in ["GetRecord", "ListMetadataFormats"] {
        let nothing = unknown(verb, "oai-nonexistent-001");
        assert_eq!(error_code(&nothing).as_deref(), Some("idDoesNotExist"));
        for id in HIDDEN {
            let body = unknown(verb, id);
            assert_eq!(
                normalised(&body, id),
                normalised(&nothing, "oai-nonexistent-001"),
                "{verb} {id}"
            );
        }
    }

    // Nothing of the hidden testimonies appears in anything listed.
    for verb in ["ListRecords", "ListIdentifiers"] {
        let mut body = oai(&srv, &format!("verb={verb}&metadataPrefix=oai_dc"));
        loop {
            seen.push_str(&body);
            let token = texts(&body, "resumptionToken").pop().unwrap_or_default();
            if token.is_empty() {
                break;
            }
            body = oai(
                &srv,
                &format!("verb={verb}&resumptionToken={}", enc(&token)),
            );
        }
    }
    for secret in [
        "oai-restricted",
        "oai-sealed",
        "oai-draft",
        "Titkos napló",
        "Rejtettné",
        "Vorkutáról",
        "Zárolt",
        "Piszkozat",
    ] {
        assert!(!seen.contains(secret), "{secret} leaked");
    }
    assert!(
        seen.contains("Nyitott Mária"),
        "the opened testimony is harvested"
    );
}

/// The Python interpreter of the harvester's virtualenv (made by `.ci/run`).
fn harvester() -> Option<std::path::PathBuf> {
    let py = common::repo().join("target/oai-venv/bin/python");
    let ok = py.is_file()
        && std::process::Command::new(&py)
            .args(["-c", "import sickle"])
            .status()
            .is_ok_and(|s| s.success());
    ok.then_some(py)
}

#[test]
fn sickle_harvests_exactly_the_public_catalogue() {
    let Some(py) = harvester() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have the harvester: python3 -m venv target/oai-venv && target/oai-venv/bin/pip install sickle"
        );
        eprintln!("SKIPPED: no target/oai-venv with sickle (see .ci/run)");
        return;
    };
    let t = archive();
    let srv = start(&t);
    let out = std::process::Command::new(py)
        .arg(common::repo().join("tests/scripts/harvest.py"))
        .arg(format!("{}/oai", srv.base()))
        .args([
            "region:donbas",
            "wave:malenkij-robot",
            "region:central-asia",
        ])
        .output()
        .expect("run the harvester");
    assert!(
        out.status.success(),
        "harvester failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).expect("harvester JSON");
    assert_eq!(got["identify"]["protocolVersion"], "2.0");
    assert_eq!(got["identify"]["granularity"], "YYYY-MM-DDThh:mm:ssZ");
    assert_eq!(got["formats"], serde_json::json!(["oai_dc"]));
    let sets: Vec<&str> = got["sets"]
        .as_array()
        .expect("sets")
        .iter()
        .filter_map(|s| s.as_str())
        .collect();
    assert!(sets.contains(&"region:donbas") && sets.contains(&"wave:malenkij-robot"));

    // Every page followed (page size 2): the identifiers are the public
    // set, over GET and over POST.
    let records = got["records"].as_array().expect("records");
    let mut ids: Vec<String> = records
        .iter()
        .filter_map(|r| r["id"].as_str().map(String::from))
        .collect();
    ids.sort();
    assert_eq!(ids, oai_ids(&PUBLIC));
    let mut post: Vec<String> = got["post_ids"]
        .as_array()
        .expect("post")
        .iter()
        .filter_map(|r| r.as_str().map(String::from))
        .collect();
    post.sort();
    assert_eq!(post, oai_ids(&PUBLIC));

    // The records as the harvester parsed them.
    let hostile = records
        .iter()
        .find(|r| r["id"] == "oai:tanu:oai-hostile-001")
        .expect("hostile record");
    let title = hostile["title"][0].as_str().expect("title");
    assert!(
        title.starts_with("<b>Levél</b> & \"idézet\" ]]>"),
        "{title}"
    );
    let mr = records
        .iter()
        .find(|r| r["id"] == "oai:tanu:hu-mr-001")
        .expect("hu-mr-001");
    assert_eq!(mr["identifier"][0], format!("{}/t/hu-mr-001", srv.base()));
    assert!(
        mr["sets"]
            .as_array()
            .expect("sets")
            .iter()
            .any(|s| s == "region:donbas")
    );

    // Sets as the harvester asked for them.
    assert_eq!(
        got["by_set"]["region:donbas"],
        serde_json::json!(oai_ids(&["hu-mr-001", "oai-opened-001"]))
    );
    assert!(
        got["by_set"]["wave:malenkij-robot"]
            .as_array()
            .expect("wave")
            .iter()
            .all(|i| i != "oai:tanu:oai-restricted-001")
    );
    assert_eq!(got["by_set"]["region:central-asia"], serde_json::json!([]));
}

#[test]
fn a_curation_change_brings_a_record_into_the_next_incremental_harvest() {
    let t = archive();
    let srv = start(&t);
    let stamp = |id: &str| {
        let body = oai(
            &srv,
            &format!("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:tanu:{id}"),
        );
        texts(&body, "datestamp").pop().expect("datestamp")
    };
    let before = stamp("ru-001");
    let latest = PUBLIC.iter().map(|id| stamp(id)).max().expect("stamps");
    // Datestamps are to the second: the change must fall in a later one.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    t.tanu()
        .args([
            "--curator",
            "test",
            "tag",
            "add",
            "ru-001",
            "place",
            "karaganda",
        ])
        .assert()
        .success();
    let after = stamp("ru-001");
    assert!(after > before && after > latest, "{before} → {after}");
    // An incremental harvest from the change gets only the changed record,
    // now in the sets of its new place's region.
    let from = format!("metadataPrefix=oai_dc&from={}", enc(&after));
    assert_eq!(harvest(&srv, "ListRecords", &from), oai_ids(&["ru-001"]));
    let body = oai(&srv, &format!("verb=ListIdentifiers&{from}"));
    assert!(texts(&body, "setSpec").contains(&"region:central-asia".to_string()));
    // And a harvest up to the second before it does not.
    let until = format!("metadataPrefix=oai_dc&until={}", enc(&latest));
    let upto = harvest(&srv, "ListIdentifiers", &until);
    assert!(!upto.contains(&"oai:tanu:ru-001".to_string()), "{upto:?}");
    assert_eq!(upto.len(), PUBLIC.len() - 1);
}
