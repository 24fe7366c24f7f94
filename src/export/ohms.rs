//! OHMS XML 5.4.
//!
//! The elements follow the order and cardinality of the published OHMS 5.4
//! schema (`ohms.xsd`, namespace `https://www.weareavp.com/nunncenter/ohms`);
//! [`RECORD_ELEMENTS`] and [`POINT_ELEMENTS`] are that order, and the tests
//! check the output against rules derived from the schema (see
//! `docs/formats.md`, "How the OHMS export is validated").
//!
//! Mapping: `accession` is the tanu id; `record/@id` (an integer in the
//! schema) is the OHMS record id the testimony came with, else its number
//! in this archive; `record/@dt` is the export date; `date` is the
//! recording date; `subject` the labels of confirmed tags; `keyword` the
//! keywords; `interviewee`/`interviewer` the narrator and interviewer (one
//! element per `;`-separated name); `language` the English names of the
//! languages; `description` the summary; `userestrict` 1 for restricted or
//! sealed testimonies; the transcript one paragraph per segment,
//! `[HH:MM:SS] SPEAKER: text`. Properties kept from an OHMS import
//! (`ohms.collection_name`, `ohms.media_url`…) go back to their elements,
//! except the legacy `sync` data, which described the old transcript's lines
//! (the timecodes are in the transcript now).

use super::{ExportRecord, language_name};
use crate::parse::format_timecode;
use crate::parse::xml::escape;
use crate::vocab::Vocabulary;

/// The OHMS namespace.
pub const NAMESPACE: &str = "https://www.weareavp.com/nunncenter/ohms";

/// The children of `record` in schema order: `(name, may repeat)`.
pub const RECORD_ELEMENTS: &[(&str, bool)] = &[
    ("version", false),
    ("date", false),
    ("date_nonpreferred_format", false),
    ("cms_record_id", false),
    ("title", false),
    ("accession", false),
    ("duration", false),
    ("collection_id", false),
    ("collection_name", false),
    ("series_id", false),
    ("series_name", false),
    ("repository", false),
    ("funding", false),
    ("repository_url", false),
    ("subject", true),
    ("keyword", true),
    ("interviewee", true),
    ("interviewer", true),
    ("format", true),
    ("file_name", false),
    ("sync", false),
    ("sync_alt", false),
    ("transcript_alt_lang", false),
    ("translate", false),
    ("media_id", false),
    ("media_url", false),
    ("mediafile", false),
    ("kembed", false),
    ("language", false),
    ("user_notes", false),
    ("index", false),
    ("type", false),
    ("description", false),
    ("rel", false),
    ("transcript", false),
    ("transcript_alt", false),
    ("rights", false),
    ("fmt", false),
    ("usage", false),
    ("userestrict", false),
    ("xmllocation", false),
    ("xmlfilename", false),
    ("collection_link", false),
    ("series_link", false),
];

/// The children of an index `point` in schema order.
pub const POINT_ELEMENTS: &[(&str, bool)] = &[
    ("time", false),
    ("title", false),
    ("title_alt", false),
    ("partial_transcript", false),
    ("partial_transcript_alt", false),
    ("synopsis", false),
    ("synopsis_alt", false),
    ("keywords", false),
    ("keywords_alt", false),
    ("subjects", false),
    ("subjects_alt", false),
    ("gpspoints", true),
    ("hyperlinks", true),
];

/// Record elements filled from properties kept at import, verbatim.
const FROM_PROPERTIES: &[&str] = &[
    "date_nonpreferred_format",
    "cms_record_id",
    "duration",
    "collection_id",
    "collection_name",
    "series_id",
    "series_name",
    "repository",
    "funding",
    "repository_url",
    "format",
    "file_name",
    "sync_alt",
    "transcript_alt_lang",
    "translate",
    "media_id",
    "media_url",
    "kembed",
    "user_notes",
    "type",
    "rel",
    "transcript_alt",
    "fmt",
    "usage",
    "xmllocation",
    "xmlfilename",
    "collection_link",
    "series_link",
];

const MEDIAFILE: &[&str] = &[
    "host",
    "avalon_target_domain",
    "host_account_id",
    "host_player_id",
    "host_clip_id",
    "clip_format",
];

/// The record as an OHMS 5.4 document.
pub fn to_ohms(r: &ExportRecord, vocab: &Vocabulary) -> String {
    let v = &r.view;
    let t = &v.testimony;
    let props = &t.properties;
    let prop = |name: &str| props.get(&format!("ohms.{name}")).map(String::as_str);
    let record_id = prop("record_id")
        .and_then(|id| id.trim().parse::<i32>().ok())
        .unwrap_or_else(|| i32::try_from(t.num).unwrap_or(0));
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<ROOT xmlns=\"{NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NAMESPACE}/ohms.xsd\">\n"
    ));
    out.push_str(&format!(
        "  <record id=\"{record_id}\" dt=\"{}\">\n",
        crate::dates::today()
    ));
    let el = |out: &mut String, name: &str, value: &str| {
        out.push_str(&format!("    <{name}>{}</{name}>\n", escape(value)));
    };
    for &(name, _) in RECORD_ELEMENTS {
        match name {
            "version" => el(&mut out, name, "5.4"),
            "date" => out.push_str(&format!(
                "    <date value=\"{}\" format=\"yyyy-mm-dd\"/>\n",
                escape(t.recorded.as_deref().unwrap_or(""))
            )),
            "title" => el(&mut out, name, &t.title),
            "accession" => el(&mut out, name, &t.id),
            "subject" => {
                for tag in v.tags.iter().filter(|g| g.status == "confirmed") {
                    let label = vocab
                        .get(&tag.value)
                        .map_or(tag.value.as_str(), |e| e.labels.hu.as_str());
                    el(&mut out, name, label);
                }
            }
            "keyword" => {
                for k in &t.keywords {
                    el(&mut out, name, k);
                }
            }
            "interviewee" | "interviewer" => {
                let who = if name == "interviewee" {
                    &t.narrator
                } else {
                    &t.interviewer
                };
                for n in who.iter().flat_map(|w| w.split(';')).map(str::trim) {
                    if !n.is_empty() {
                        el(&mut out, name, n);
                    }
                }
            }
            "language" if !t.languages.is_empty() => {
                let names: Vec<&str> = t.languages.iter().map(|c| language_name(c)).collect();
                el(&mut out, name, &names.join(", "));
            }
            "mediafile" => {
                let parts: Vec<(&str, &str)> = MEDIAFILE
                    .iter()
                    .filter_map(|p| prop(&format!("mediafile.{p}")).map(|v| (*p, v)))
                    .filter(|(p, v)| match *p {
                        "host" => [
                            "Avalon",
                            "Aviary",
                            "Brightcove",
                            "Kaltura",
                            "SoundCloud",
                            "Vimeo",
                            "YouTube",
                            "Other",
                        ]
                        .contains(v),
                        "clip_format" => ["audio", "video"].contains(v),
                        _ => true,
                    })
                    .collect();
                if !parts.is_empty() {
                    out.push_str("    <mediafile>\n");
                    for (p, value) in parts {
                        out.push_str(&format!("      <{p}>{}</{p}>\n", escape(value)));
                    }
                    out.push_str("    </mediafile>\n");
                }
            }
            "index" if !v.index_points.is_empty() => {
                out.push_str("    <index>\n");
                for p in &v.index_points {
                    point(&mut out, p);
                }
                out.push_str("    </index>\n");
            }
            "description" => {
                if let Some(s) = &t.summary {
                    el(&mut out, name, s);
                }
            }
            "transcript" if !v.segments.is_empty() => {
                el(&mut out, name, &transcript(r));
            }
            "rights" => {
                if let Some(s) = &t.rights {
                    el(&mut out, name, s);
                }
            }
            "userestrict" => el(
                &mut out,
                name,
                if t.access == crate::parse::Access::Public {
                    "0"
                } else {
                    "1"
                },
            ),
            "format" => {
                for f in prop(name).iter().flat_map(|f| f.split("; ")) {
                    el(&mut out, name, f);
                }
            }
            "translate" => {
                if let Some(x) = prop(name).filter(|x| *x == "0" || *x == "1") {
                    el(&mut out, name, x);
                }
            }
            "fmt" => {
                if let Some(x) = prop(name).filter(|x| *x == "audio" || *x == "video") {
                    el(&mut out, name, x);
                }
            }
            other if FROM_PROPERTIES.contains(&other) => {
                if let Some(value) = prop(other) {
                    el(&mut out, other, value);
                }
            }
            _ => {}
        }
    }
    out.push_str("  </record>\n</ROOT>\n");
    out
}

fn point(out: &mut String, p: &crate::parse::IndexPoint) {
    out.push_str("      <point>\n");
    let el = |out: &mut String, name: &str, value: &str| {
        out.push_str(&format!("        <{name}>{}</{name}>\n", escape(value)));
    };
    let opt = |out: &mut String, name: &str, value: &Option<String>| {
        if let Some(v) = value {
            el(out, name, v);
        }
    };
    let list = |out: &mut String, name: &str, value: &[String]| {
        if !value.is_empty() {
            el(out, name, &value.join("; "));
        }
    };
    el(out, "time", &(p.start_ms / 1000).to_string());
    el(out, "title", &p.title);
    opt(out, "title_alt", &p.title_alt);
    opt(out, "partial_transcript", &p.partial_transcript);
    opt(out, "partial_transcript_alt", &p.partial_transcript_alt);
    opt(out, "synopsis", &p.synopsis);
    opt(out, "synopsis_alt", &p.synopsis_alt);
    list(out, "keywords", &p.keywords);
    list(out, "keywords_alt", &p.keywords_alt);
    list(out, "subjects", &p.subjects);
    list(out, "subjects_alt", &p.subjects_alt);
    for g in &p.gps {
        out.push_str("        <gpspoints>\n");
        out.push_str(&format!("          <gps>{}, {}</gps>\n", g.lat, g.lon));
        // `gps_zoom` is required by the schema; empty is allowed.
        out.push_str(&format!(
            "          <gps_zoom>{}</gps_zoom>\n",
            g.zoom.map(|z| z.to_string()).unwrap_or_default()
        ));
        if let Some(x) = &g.text {
            out.push_str(&format!("          <gps_text>{}</gps_text>\n", escape(x)));
        }
        if let Some(x) = &g.text_alt {
            out.push_str(&format!(
                "          <gps_text_alt>{}</gps_text_alt>\n",
                escape(x)
            ));
        }
        out.push_str("        </gpspoints>\n");
    }
    for h in &p.hyperlinks {
        out.push_str("        <hyperlinks>\n");
        out.push_str(&format!(
            "          <hyperlink>{}</hyperlink>\n",
            escape(&h.url)
        ));
        if let Some(x) = &h.text {
            out.push_str(&format!(
                "          <hyperlink_text>{}</hyperlink_text>\n",
                escape(x)
            ));
        }
        if let Some(x) = &h.text_alt {
            out.push_str(&format!(
                "          <hyperlink_text_alt>{}</hyperlink_text_alt>\n",
                escape(x)
            ));
        }
        out.push_str("        </hyperlinks>\n");
    }
    out.push_str("      </point>\n");
}

/// The transcript text: one paragraph per segment, with its timecode and
/// speaker label.
fn transcript(r: &ExportRecord) -> String {
    let mut out = String::from("\n");
    for s in &r.view.segments {
        if let Some(ms) = s.start_ms.and_then(|m| u64::try_from(m).ok()) {
            if ms % 1000 == 0 {
                out.push_str(&format!("[{}] ", format_timecode(ms)));
            } else {
                out.push_str(&format!("[{}.{:03}] ", format_timecode(ms), ms % 1000));
            }
        }
        if let Some(sp) = &s.speaker {
            out.push_str(&format!("{sp}: "));
        }
        out.push_str(&s.text);
        out.push_str("\n\n");
    }
    out
}

/// Checks `xml` against the rules of the published OHMS 5.4 schema and
/// returns what breaks them (empty: valid). The rules are transcribed from
/// `ohms.xsd` 5.4 independently of the exporter's tables: the root `ROOT`
/// in the OHMS namespace; one or more `record`s with an integer `id` and a
/// date `dt`; record children only from the schema, in its sequence order,
/// single ones at most once, `version` (a decimal), `date` and `title`
/// required; `translate` and `userestrict` 0 or 1; `fmt` and
/// `mediafile/clip_format` audio or video; `mediafile/host` from its list;
/// `index` holding only `point`s whose children follow their sequence, with
/// an integer `time`; `gpspoints` as `gps?, gps_zoom, gps_text?,
/// gps_text_alt?` with `gps_zoom` empty or an integer; `hyperlinks` as
/// `hyperlink?, hyperlink_text?, hyperlink_text_alt?`; no text-only element
/// holding child elements.
pub fn schema_problems(xml: &str) -> Vec<String> {
    use crate::parse::xml::{Element, parse_document};
    const RECORD: &[&str] = &[
        "version",
        "date",
        "date_nonpreferred_format",
        "cms_record_id",
        "title",
        "accession",
        "duration",
        "collection_id",
        "collection_name",
        "series_id",
        "series_name",
        "repository",
        "funding",
        "repository_url",
        "subject*",
        "keyword*",
        "interviewee*",
        "interviewer*",
        "format*",
        "file_name",
        "sync",
        "sync_alt",
        "transcript_alt_lang",
        "translate",
        "media_id",
        "media_url",
        "mediafile",
        "kembed",
        "language",
        "user_notes",
        "index",
        "type",
        "description",
        "rel",
        "transcript",
        "transcript_alt",
        "rights",
        "fmt",
        "usage",
        "userestrict",
        "xmllocation",
        "xmlfilename",
        "collection_link",
        "series_link",
    ];
    const POINT: &[&str] = &[
        "time",
        "title",
        "title_alt",
        "partial_transcript",
        "partial_transcript_alt",
        "synopsis",
        "synopsis_alt",
        "keywords",
        "keywords_alt",
        "subjects",
        "subjects_alt",
        "gpspoints*",
        "hyperlinks*",
    ];
    const GPS: &[&str] = &["gps", "gps_zoom", "gps_text", "gps_text_alt"];
    const LINKS: &[&str] = &["hyperlink", "hyperlink_text", "hyperlink_text_alt"];
    const HOSTS: &[&str] = &[
        "Avalon",
        "Aviary",
        "Brightcove",
        "Kaltura",
        "SoundCloud",
        "Vimeo",
        "YouTube",
        "Other",
    ];
    const MEDIAFILE: &[&str] = &[
        "host",
        "avalon_target_domain",
        "host_account_id",
        "host_player_id",
        "host_clip_id",
        "clip_format",
    ];

    fn sequence(el: &Element, order: &[&str], out: &mut Vec<String>) {
        let mut pos = 0;
        let mut seen: Vec<&str> = Vec::new();
        for c in &el.children {
            let Some(i) = order.iter().position(|o| o.trim_end_matches('*') == c.name) else {
                out.push(format!(
                    "line {}: <{}> is not allowed in <{}>",
                    c.line, c.name, el.name
                ));
                continue;
            };
            if i < pos {
                out.push(format!(
                    "line {}: <{}> comes after <{}>, but the schema orders it before",
                    c.line,
                    c.name,
                    order[pos].trim_end_matches('*')
                ));
            }
            if !order[i].ends_with('*') && seen.contains(&order[i]) {
                out.push(format!(
                    "line {}: <{}> may appear only once",
                    c.line, c.name
                ));
            }
            seen.push(order[i]);
            pos = pos.max(i);
        }
    }
    fn leaf(el: &Element, out: &mut Vec<String>) {
        if let Some(c) = el.children.first() {
            out.push(format!(
                "line {}: <{}> holds text only, not <{}>",
                c.line, el.name, c.name
            ));
        }
    }
    let mut out = Vec::new();
    let root = match parse_document(xml) {
        Ok(r) => r,
        Err(e) => return vec![format!("line {}: {}", e.line, e.message)],
    };
    if root.name != "ROOT" {
        out.push(format!("the root element is <{}>, not <ROOT>", root.name));
    }
    if root.attr("xmlns") != Some(NAMESPACE) {
        out.push(format!("<ROOT> is not in the namespace {NAMESPACE}"));
    }
    let records: Vec<&Element> = root.all("record").collect();
    if records.is_empty() {
        out.push("no <record>".into());
    }
    for c in root.children.iter().filter(|c| c.name != "record") {
        out.push(format!(
            "line {}: <{}> is not allowed in <ROOT>",
            c.line, c.name
        ));
    }
    for rec in records {
        if rec.attr("id").and_then(|i| i.parse::<i32>().ok()).is_none() {
            out.push(format!("line {}: record/@id must be an integer", rec.line));
        }
        if rec.attr("dt").and_then(crate::dates::parse_date).is_none() {
            out.push(format!("line {}: record/@dt must be a date", rec.line));
        }
        sequence(rec, RECORD, &mut out);
        for required in ["version", "date", "title"] {
            if rec.child(required).is_none() {
                out.push(format!("line {}: <{required}> is required", rec.line));
            }
        }
        for c in &rec.children {
            let text = c.text.trim();
            match c.name.as_str() {
                "version" if text.parse::<f64>().is_err() => {
                    out.push(format!("line {}: <version> must be a decimal", c.line));
                }
                "translate" | "userestrict" if text != "0" && text != "1" => {
                    out.push(format!("line {}: <{}> must be 0 or 1", c.line, c.name));
                }
                "fmt" if text != "audio" && text != "video" => {
                    out.push(format!("line {}: <fmt> must be audio or video", c.line));
                }
                "mediafile" => {
                    for m in &c.children {
                        let t = m.text.trim();
                        if !MEDIAFILE.contains(&m.name.as_str()) {
                            out.push(format!(
                                "line {}: <{}> is not allowed in <mediafile>",
                                m.line, m.name
                            ));
                        } else if m.name == "host" && !HOSTS.contains(&t) {
                            out.push(format!("line {}: <host> {t:?} is not a known host", m.line));
                        } else if m.name == "clip_format" && t != "audio" && t != "video" {
                            out.push(format!(
                                "line {}: <clip_format> must be audio or video",
                                m.line
                            ));
                        }
                        if c.all(&m.name).count() > 1 {
                            out.push(format!(
                                "line {}: <{}> may appear only once",
                                m.line, m.name
                            ));
                        }
                    }
                }
                "index" => {
                    for p in &c.children {
                        if p.name != "point" {
                            out.push(format!(
                                "line {}: <{}> is not allowed in <index>",
                                p.line, p.name
                            ));
                            continue;
                        }
                        sequence(p, POINT, &mut out);
                        if let Some(t) = p.child("time")
                            && t.text.trim().parse::<i32>().is_err()
                        {
                            out.push(format!("line {}: <time> must be an integer", t.line));
                        }
                        for g in p.all("gpspoints") {
                            sequence(g, GPS, &mut out);
                            match g.child("gps_zoom") {
                                None => out.push(format!(
                                    "line {}: <gps_zoom> is required in <gpspoints>",
                                    g.line
                                )),
                                Some(z) => {
                                    let z = z.text.trim();
                                    if !z.is_empty() && z.parse::<i64>().is_err() {
                                        out.push(format!(
                                            "line {}: <gps_zoom> must be empty or an integer",
                                            g.line
                                        ));
                                    }
                                }
                            }
                            g.children.iter().for_each(|x| leaf(x, &mut out));
                        }
                        for h in p.all("hyperlinks") {
                            sequence(h, LINKS, &mut out);
                            h.children.iter().for_each(|x| leaf(x, &mut out));
                        }
                        p.children
                            .iter()
                            .filter(|x| x.name != "gpspoints" && x.name != "hyperlinks")
                            .for_each(|x| leaf(x, &mut out));
                    }
                }
                _ => leaf(c, &mut out),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_check_can_fail() {
        let ok = format!(
            "<ROOT xmlns=\"{NAMESPACE}\"><record id=\"1\" dt=\"2024-01-01\"><version>5.4</version>\
             <date value=\"\" format=\"yyyy-mm-dd\"/><title>T</title><index><point><time>3</time>\
             <gpspoints><gps>1, 2</gps><gps_zoom/></gpspoints></point></index><userestrict>0</userestrict>\
             </record></ROOT>"
        );
        assert_eq!(schema_problems(&ok), Vec::<String>::new());
        for (bad, why) in [
            ("<title>T</title>", "<title> is required"),
            ("<version>5.4</version>", "<version> is required"),
            ("<userestrict>0</userestrict>", "<userestrict>"),
            ("dt=\"2024-01-01\"", "@dt"),
            ("<gps_zoom/>", "<gps_zoom> is required"),
        ] {
            let replacement = match why {
                "<userestrict>" => "<userestrict>2</userestrict>",
                "@dt" => "dt=\"tegnap\"",
                _ => "",
            };
            let doc = ok.replace(bad, replacement);
            let problems = schema_problems(&doc);
            assert!(
                problems.iter().any(|p| p.contains(why)),
                "{why}: {problems:?}"
            );
        }
        let misordered = ok.replace("<title>T</title>", "").replace(
            "<userestrict>0</userestrict>",
            "<userestrict>0</userestrict><title>T</title>",
        );
        assert!(
            schema_problems(&misordered)
                .iter()
                .any(|p| p.contains("orders it before"))
        );
        let legacy = include_str!("../../fixtures/formats/ohms/hu-ohms-015-legacy.xml");
        let problems = schema_problems(legacy);
        assert!(
            problems
                .iter()
                .any(|p| p.contains("<gps> is not allowed in <point>")),
            "{problems:?}"
        );
    }
}
