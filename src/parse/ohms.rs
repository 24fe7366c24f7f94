//! OHMS XML (the Oral History Metadata Synchronizer of the Louie B. Nunn
//! Center) → [`Transcript`]. Versions 5.x and 6 are read; the mapping of
//! every element is documented in `docs/formats.md`.
//!
//! - One `<record>` per file (a file with several is refused: split it).
//! - Record metadata → header fields; `subject` and `keyword` → vocabulary
//!   tags when they resolve, keywords otherwise; `userestrict` 1 → access
//!   `restricted`; every other element is kept verbatim as a property
//!   `ohms.<element>` so that nothing is lost.
//! - `<index><point>` → [`IndexPoint`]s, with the `_alt` translation twins,
//!   GPS points (the 5.4 `<gpspoints>` form and the older `<gps>` directly
//!   in the point) and hyperlinks.
//! - The transcript: OHMS 6 `vtt_transcript` (WebVTT inside the XML) if
//!   present, else `transcript`, whose `[HH:MM:SS]` (or `{HH:MM:SS}`) marks,
//!   also in mid-line, start timed segments and whose labels give speakers:
//!   capitalised ones (`KOVÁCS:`) and the names of the interviewees and
//!   interviewers (`Molnár Eszter:`). A transcript without marks is timed from the
//!   legacy `<sync>` data (`1:|13(3)|19(14)`: every 1 minute, the
//!   transcript line where that minute starts), anchored at line starts as
//!   the OHMS viewer does (the word offsets in parentheses are not used).
//!
//! Errors (with the line): broken XML, a root other than `ROOT`, a missing
//! `<record>` or `<title>`, an index point without a valid `<time>`, bad GPS
//! coordinates, a date that is not a date, unreadable sync data.

use std::collections::BTreeMap;

use super::xml::{Element, parse_document};
use super::{GpsPoint, Hyperlink, IndexPoint, ParseError, Transcript, body, format_timecode};

/// Parses an OHMS XML document.
pub fn parse(text: &str) -> Result<Transcript, ParseError> {
    let root = parse_document(text)?;
    if root.name != "ROOT" {
        return Err(ParseError::new(
            root.line,
            format!(
                "an XML file, but not OHMS: its root element is <{}>, OHMS XML starts with <ROOT>",
                root.name
            ),
        ));
    }
    let records: Vec<&Element> = root.all("record").collect();
    let rec = match records.as_slice() {
        [] => {
            return Err(ParseError::new(
                root.line,
                "missing required element <record> inside <ROOT>",
            ));
        }
        [one] => *one,
        [_, second, ..] => {
            return Err(ParseError::new(
                second.line,
                format!(
                    "this OHMS file holds {} records; tanu reads one testimony per file (split the file)",
                    records.len()
                ),
            ));
        }
    };
    let mut t = Transcript::default();
    let mut props: BTreeMap<String, String> = BTreeMap::new();
    for (k, v) in &rec.attrs {
        if k == "id" || k == "dt" {
            props.insert(format!("ohms.record_{k}"), v.clone());
        }
    }
    let title = rec.child("title").ok_or_else(|| {
        ParseError::new(
            rec.line,
            "missing required element <title> in the OHMS <record>",
        )
    })?;
    let title_text = title.text.trim();
    if title_text.is_empty() {
        return Err(ParseError::new(
            title.line,
            "the OHMS <title> is empty (it is required)",
        ));
    }
    let h = &mut t.header;
    h.title = Some(title_text.to_string());
    let mut narrators: Vec<String> = Vec::new();
    let mut interviewers: Vec<String> = Vec::new();
    let mut transcript_el: Option<&Element> = None;
    let mut vtt_el: Option<&Element> = None;
    let mut sync: Option<&Element> = None;
    for child in &rec.children {
        let value = child.text.trim();
        match child.name.as_str() {
            "title" => {}
            "version" => {
                if !value.starts_with('5') && !value.starts_with('6') && !value.is_empty() {
                    t.warnings.push(format!(
                        "line {}: OHMS version {value} is not 5.x or 6; read as 5.4",
                        child.line
                    ));
                }
                add(&mut props, "version", value);
            }
            "date" => {
                let raw = child.attr("value").unwrap_or(value).trim();
                if !raw.is_empty() {
                    let format = child.attr("format").unwrap_or("");
                    h.recorded = Some(parse_ohms_date(raw, format).ok_or_else(|| {
                        ParseError::new(
                            child.line,
                            format!(
                                "OHMS date {raw:?} is not a date (expected yyyy-mm-dd or mm/dd/yyyy)"
                            ),
                        )
                    })?);
                }
            }
            "accession" if !value.is_empty() => {
                if super::is_valid_identifier(value) {
                    h.id = Some(value.to_string());
                } else {
                    h.id = Some(super::slug(value));
                    add(&mut props, "accession", value);
                }
            }
            "subject" if !value.is_empty() => {
                h.soft_tags
                    .push((value.to_string(), child.line, "ohms-subject"))
            }
            "keyword" if !value.is_empty() => {
                h.soft_tags
                    .push((value.to_string(), child.line, "ohms-keyword"))
            }
            "interviewee" if !value.is_empty() => narrators.push(value.to_string()),
            "interviewer" if !value.is_empty() => interviewers.push(value.to_string()),
            "language" if !value.is_empty() => {
                for part in value
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                {
                    match crate::lang::normalize_code(part) {
                        Some(code) if !h.languages.iter().any(|l| l == code) => {
                            h.languages.push(code.to_string());
                        }
                        Some(_) => {}
                        None => {
                            t.warnings.push(format!(
                                "line {}: language {part:?} is not one tanu knows; kept as property ohms.language",
                                child.line
                            ));
                            add(&mut props, "language", part);
                        }
                    }
                }
            }
            "description" if !value.is_empty() => h.summary = Some(value.to_string()),
            "rights" if !value.is_empty() => h.rights = Some(value.to_string()),
            "userestrict" => match value {
                "1" => h.access = Some(super::Access::Restricted),
                "0" | "" => {}
                other => {
                    return Err(ParseError::new(
                        child.line,
                        format!("<userestrict> must be 0 or 1, not {other:?}"),
                    ));
                }
            },
            "index" => {
                for point in child.all("point") {
                    t.index_points.push(index_point(point)?);
                }
            }
            "transcript" => transcript_el = Some(child),
            "vtt_transcript" => vtt_el = Some(child),
            "sync" => {
                sync = Some(child);
                add(&mut props, "sync", value);
            }
            _ => flatten(&mut props, child, &format!("ohms.{}", child.name)),
        }
    }
    if !narrators.is_empty() {
        t.header.narrator = Some(narrators.join("; "));
    }
    if !interviewers.is_empty() {
        t.header.interviewer = Some(interviewers.join("; "));
    }
    for p in &t.index_points {
        for k in p.keywords.iter().chain(&p.subjects) {
            t.header
                .soft_tags
                .push((k.clone(), p.line, "ohms-index-point"));
        }
    }

    let vtt_text = vtt_el.filter(|e| !e.text.trim().is_empty());
    if let Some(el) = vtt_text {
        let offset = el.text_line.saturating_sub(1);
        let inner = super::vtt::parse(&el.text).map_err(|e| {
            ParseError::new(
                e.line + offset,
                format!("in <vtt_transcript>: {}", e.message),
            )
        })?;
        t.segments = inner
            .segments
            .into_iter()
            .map(|mut s| {
                s.line += offset;
                s
            })
            .collect();
        if let Some(el) = transcript_el.filter(|e| !e.text.trim().is_empty()) {
            // Both forms: keep the plain one verbatim rather than lose it.
            props.insert("ohms.transcript".into(), el.text.clone());
        }
    } else if let Some(el) = transcript_el {
        let sync_value = sync.map(|s| (s.text.trim(), s.line));
        // The interviewees' and interviewers' names are speaker labels too
        // (`Molnár Eszter: …`), besides capitalised ones (`KOVÁCS: …`).
        let declared: Vec<String> = narrators.iter().chain(&interviewers).cloned().collect();
        t.segments = transcript_segments(el, sync_value, &declared, &mut t.warnings)?;
    }
    for (k, v) in props {
        t.header.properties.insert(k, v);
    }
    Ok(t)
}

fn add(props: &mut BTreeMap<String, String>, name: &str, value: &str) {
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    let key = format!("ohms.{name}");
    match props.get_mut(&key) {
        Some(existing) => {
            existing.push_str("; ");
            existing.push_str(value);
        }
        None => {
            props.insert(key, value.to_string());
        }
    }
}

/// Keeps an element without a tanu field as properties: its text under
/// `prefix`, its children under `prefix.child`.
fn flatten(props: &mut BTreeMap<String, String>, el: &Element, prefix: &str) {
    let key = prefix.trim_start_matches("ohms.");
    add(props, key, &el.text);
    for c in &el.children {
        flatten(props, c, &format!("{prefix}.{}", c.name));
    }
}

fn parse_ohms_date(raw: &str, format: &str) -> Option<String> {
    let us = format.to_lowercase().starts_with("mm/dd") || raw.contains('/');
    if us {
        let parts: Vec<&str> = raw.split('/').collect();
        if let [m, d, y] = parts.as_slice() {
            return crate::dates::normalize_partial_date(&format!("{y}-{m}-{d}"));
        }
        return None;
    }
    crate::dates::normalize_partial_date(raw)
}

fn opt(el: &Element, name: &str) -> Option<String> {
    el.text_of(name)
}

fn list(el: &Element, name: &str) -> Vec<String> {
    el.text_of(name)
        .map(|v| {
            v.split(';')
                .map(|k| k.trim().to_string())
                .filter(|k| !k.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn index_point(p: &Element) -> Result<IndexPoint, ParseError> {
    let time_el = p.child("time").ok_or_else(|| {
        ParseError::new(
            p.line,
            "an index point without <time> (seconds from the start)",
        )
    })?;
    let raw = time_el.text.trim();
    let seconds: f64 = raw
        .parse()
        .ok()
        .filter(|s: &f64| s.is_finite() && *s >= 0.0 && *s < 1e7)
        .ok_or_else(|| {
            ParseError::new(
                time_el.line,
                format!("index point <time> {raw:?} is not a number of seconds"),
            )
        })?;
    let mut gps = Vec::new();
    for g in p.all("gpspoints") {
        gps.extend(gps_point(g)?);
    }
    // Before 5.4, the GPS fields stood directly in the point.
    gps.extend(gps_point(p)?);
    let mut hyperlinks = Vec::new();
    for holder in p.all("hyperlinks").chain(std::iter::once(p)) {
        if let Some(url) = opt(holder, "hyperlink") {
            hyperlinks.push(Hyperlink {
                url,
                text: opt(holder, "hyperlink_text"),
                text_alt: opt(holder, "hyperlink_text_alt"),
            });
        }
    }
    Ok(IndexPoint {
        start_ms: (seconds * 1000.0).round() as u64,
        title: opt(p, "title").unwrap_or_default(),
        title_alt: opt(p, "title_alt"),
        partial_transcript: opt(p, "partial_transcript"),
        partial_transcript_alt: opt(p, "partial_transcript_alt"),
        synopsis: opt(p, "synopsis"),
        synopsis_alt: opt(p, "synopsis_alt"),
        keywords: list(p, "keywords"),
        keywords_alt: list(p, "keywords_alt"),
        subjects: list(p, "subjects"),
        subjects_alt: list(p, "subjects_alt"),
        gps,
        hyperlinks,
        line: p.line,
    })
}

/// The GPS point held directly in `el` (`gps`, `gps_zoom`, `gps_text`,
/// `gps_text_alt`), if it has coordinates.
fn gps_point(el: &Element) -> Result<Option<GpsPoint>, ParseError> {
    let Some(gps_el) = el.child("gps") else {
        return Ok(None);
    };
    let raw = gps_el.text.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let bad = || {
        ParseError::new(
            gps_el.line,
            format!("GPS {raw:?} is not `latitude, longitude` in degrees (e.g. 48.55, 23.00)"),
        )
    };
    let (a, b) = raw.split_once([',', ';']).ok_or_else(bad)?;
    let lat: f64 = a.trim().parse().map_err(|_| bad())?;
    let lon: f64 = b.trim().parse().map_err(|_| bad())?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(bad());
    }
    let zoom = match el.text_of("gps_zoom") {
        Some(z) => Some(z.parse::<u32>().map_err(|_| {
            ParseError::new(
                el.child("gps_zoom").map_or(gps_el.line, |z| z.line),
                format!("<gps_zoom> {z:?} is not a whole number"),
            )
        })?),
        None => None,
    };
    Ok(Some(GpsPoint {
        lat,
        lon,
        zoom,
        text: el.text_of("gps_text"),
        text_alt: el.text_of("gps_text_alt"),
    }))
}

/// Splits the OHMS 5 transcript into segments, with times from its marks
/// or, when it has none, from the legacy sync data.
fn transcript_segments(
    el: &Element,
    sync: Option<(&str, usize)>,
    declared: &[String],
    warnings: &mut Vec<String>,
) -> Result<Vec<super::Segment>, ParseError> {
    let first_line = el.text_line;
    let raw: Vec<&str> = el.text.split('\n').collect();
    let mut lines: Vec<(usize, String)> = raw
        .iter()
        .enumerate()
        .map(|(i, l)| (first_line + i, l.trim_end_matches('\r').to_string()))
        .collect();
    let has_marks = lines.iter().any(|(_, l)| find_mark(l, 0).is_some());
    if !has_marks && let Some((value, sync_line)) = sync.filter(|(v, _)| !v.is_empty()) {
        let anchors = parse_sync(value).ok_or_else(|| {
            ParseError::new(
                sync_line,
                format!(
                    "legacy <sync> data {:?} is not `minutes:|line(word)|line(word)…`",
                    value.chars().take(40).collect::<String>()
                ),
            )
        })?;
        let mut placed = 0;
        for (ms, line_idx) in anchors {
            match lines.get_mut(line_idx) {
                Some((_, l)) => {
                    *l = format!("[{}] {}", format_timecode(ms), l.trim_start());
                    placed += 1;
                }
                None => warnings.push(format!(
                    "line {sync_line}: sync point {} refers to transcript line {line_idx}, past its end; ignored",
                    format_timecode(ms)
                )),
            }
        }
        if placed > 0 {
            warnings.push(format!(
                "transcript timed from legacy <sync> data ({placed} minute marks, at line starts)"
            ));
        }
    }
    // Marks in mid-line start a new segment there.
    let mut split: Vec<(usize, String)> = Vec::with_capacity(lines.len());
    for (n, line) in lines {
        let mut marks = Vec::new();
        let mut from = 0;
        while let Some(m) = find_mark(&line, from) {
            from = m.1;
            marks.push(m);
        }
        let Some(first) = marks.first() else {
            split.push((n, line));
            continue;
        };
        if !line[..first.0].trim().is_empty() {
            split.push((n, line[..first.0].to_string()));
        }
        for (i, (_, end, tc)) in marks.iter().enumerate() {
            let upto = marks.get(i + 1).map_or(line.len(), |m| m.0);
            split.push((n, format!("[{tc}] {}", &line[*end..upto])));
        }
    }
    let numbered: Vec<(usize, &str)> = split.iter().map(|(n, l)| (*n, l.as_str())).collect();
    body::parse_numbered_body(&numbered, declared)
}

/// Finds a `[HH:MM:SS]` or `{HH:MM:SS}` mark starting at or after byte
/// `from`: `(start, end, timecode)`.
fn find_mark(line: &str, from: usize) -> Option<(usize, usize, String)> {
    let mut i = from.min(line.len());
    while let Some(off) = line.get(i..)?.find(['[', '{']) {
        let start = i + off;
        let close = if line[start..].starts_with('[') {
            ']'
        } else {
            '}'
        };
        if let Some(len) = line[start + 1..].find(close) {
            let inner = &line[start + 1..start + 1 + len];
            if inner.contains(':')
                && inner
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | ','))
                && super::parse_timecode(inner).is_some()
            {
                return Some((start, start + len + 2, inner.to_string()));
            }
        }
        i = start + 1;
    }
    None
}

/// Parses legacy sync data `N:|l(w)|l(w)…` into `(time ms, line index)`.
/// The first anchor (minute 0) is line 0.
fn parse_sync(value: &str) -> Option<Vec<(u64, usize)>> {
    let (chunk, rest) = value.split_once(':')?;
    let minutes: u64 = chunk.trim().parse().ok().filter(|m| *m > 0)?;
    let mut out = Vec::new();
    for (k, part) in rest.split('|').enumerate() {
        let part = part.trim();
        let line_part = part.split('(').next().unwrap_or("").trim();
        if line_part.is_empty() {
            if k == 0 {
                continue;
            }
            return None;
        }
        let line: usize = line_part.parse().ok()?;
        let ms = (k as u64).checked_mul(minutes)?.checked_mul(60_000)?;
        out.push((ms, line));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<ROOT xmlns="https://www.weareavp.com/nunncenter/ohms">
  <record id="12" dt="2024-03-01">
    <version>5.4</version>
    <date value="1991-05-12" format="yyyy-mm-dd"/>
    <title>Elvittek három napi munkára</title>
    <accession>hu-ohms-1</accession>
    <collection_name>Málenkij robot</collection_name>
    <subject>Donbasz</subject>
    <keyword>bánya</keyword>
    <interviewee>Kovács János</interviewee>
    <interviewer>Szabó Anna</interviewer>
    <language>Hungarian</language>
    <index>
      <point>
        <time>65</time>
        <title>Szolyva</title>
        <title_alt>Svaliava</title_alt>
        <keywords>gyűjtőtábor; Szolyva</keywords>
        <gpspoints>
          <gps>48.55, 23.00</gps>
          <gps_zoom>12</gps_zoom>
          <gps_text>Szolyva</gps_text>
        </gpspoints>
      </point>
      <point>
        <time>130</time>
        <title>A bánya</title>
        <gps>48.0, 37.8</gps>
        <gps_text>Sztálinó</gps_text>
      </point>
    </index>
    <transcript>
[00:00:05] KÉRDEZŐ: Hol született?
[00:00:09] KOVÁCS: Nagydobronyban. [00:01:05] Aztán Szolyvára vittek.
    </transcript>
    <userestrict>1</userestrict>
  </record>
</ROOT>"#;

    #[test]
    fn record_index_and_transcript() {
        let t = parse(DOC).unwrap();
        let h = &t.header;
        assert_eq!(h.id.as_deref(), Some("hu-ohms-1"));
        assert_eq!(h.recorded.as_deref(), Some("1991-05-12"));
        assert_eq!(h.narrator.as_deref(), Some("Kovács János"));
        assert_eq!(h.languages, ["hu"]);
        assert_eq!(h.access, Some(crate::parse::Access::Restricted));
        assert_eq!(
            h.properties.get("ohms.collection_name").map(String::as_str),
            Some("Málenkij robot")
        );
        assert_eq!(
            h.properties.get("ohms.record_id").map(String::as_str),
            Some("12")
        );
        assert!(
            h.soft_tags
                .iter()
                .any(|(v, l, _)| v == "Donbasz" && *l == 9)
        );
        assert_eq!(t.index_points.len(), 2);
        let p = &t.index_points[0];
        assert_eq!(p.start_ms, 65_000);
        assert_eq!(p.title_alt.as_deref(), Some("Svaliava"));
        assert_eq!(p.keywords, ["gyűjtőtábor", "Szolyva"]);
        assert_eq!(p.gps[0].zoom, Some(12));
        assert_eq!(p.line, 15);
        assert_eq!(t.index_points[1].gps[0].text.as_deref(), Some("Sztálinó"));
        let s: Vec<_> = t
            .segments
            .iter()
            .map(|s| (s.start_ms, s.speaker.as_deref(), s.text.as_str(), s.line))
            .collect();
        assert_eq!(
            s,
            [
                (Some(5000), Some("KÉRDEZŐ"), "Hol született?", 34),
                (Some(9000), Some("KOVÁCS"), "Nagydobronyban.", 35),
                (Some(65_000), Some("KOVÁCS"), "Aztán Szolyvára vittek.", 35),
            ]
        );
    }

    #[test]
    fn legacy_sync_times_line_starts() {
        let doc = "<ROOT><record id=\"1\" dt=\"2020-01-01\"><title>T</title>\
            <sync>1:|2(3)|3(1)</sync><transcript>NAGY: Első sor.\nmásodik sor\nharmadik sor\nnegyedik sor</transcript>\
            </record></ROOT>";
        let t = parse(doc).unwrap();
        let s: Vec<_> = t
            .segments
            .iter()
            .map(|s| (s.start_ms, s.text.as_str()))
            .collect();
        assert_eq!(
            s,
            [
                (None, "Első sor. második sor"),
                (Some(60_000), "harmadik sor"),
                (Some(120_000), "negyedik sor"),
            ]
        );
        assert!(t.warnings.iter().any(|w| w.contains("legacy")));
        assert_eq!(
            parse_sync("1:|13(3)|19(14)"),
            Some(vec![(60_000, 13), (120_000, 19)])
        );
        assert_eq!(parse_sync("x"), None);
        assert_eq!(parse_sync("99999999999999999:|1|2"), None);
    }

    #[test]
    fn ohms6_vtt_transcript() {
        let doc = "<ROOT><record id=\"1\" dt=\"2020-01-01\"><version>6.0</version><title>T</title>\n\
            <vtt_transcript><![CDATA[WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Kovács János>Igen.\n]]></vtt_transcript>\
            </record></ROOT>";
        let t = parse(doc).unwrap();
        assert_eq!(t.segments.len(), 1);
        assert_eq!(t.segments[0].speaker.as_deref(), Some("Kovács János"));
        assert_eq!(t.segments[0].line, 4);
    }

    #[test]
    fn malformed_documents() {
        let e = parse("<ROOT><record id=\"1\"><date value=\"x\"/></record></ROOT>").unwrap_err();
        assert!(e.message.contains("<title>"), "{e}");
        let e = parse("<html><body/></html>").unwrap_err();
        assert!(e.message.contains("not OHMS"), "{e}");
        let e = parse("<ROOT>\n<record><title>T</title>\n<index><point><time>egy</time></point></index></record></ROOT>")
            .unwrap_err();
        assert_eq!(e.line, 3);
        let e = parse("<ROOT><record><title>T</title><index><point><time>1</time>\n<gps>91, 10</gps></point></index></record></ROOT>")
            .unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse("<ROOT><record><title>T</title>\n<date value=\"13/45/1991\" format=\"mm/dd/yyyy\"/></record></ROOT>")
            .unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(
            parse_ohms_date("5/12/1991", "mm/dd/yyyy").as_deref(),
            Some("1991-05-12")
        );
    }
}
