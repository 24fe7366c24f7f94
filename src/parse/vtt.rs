//! WebVTT captions → [`Transcript`].
//!
//! - Each cue becomes a segment with its start and end time; a cue with
//!   several voices (`<v Kovács János>…<v Szabó Anna>…`) becomes one
//!   segment per voice, all with the cue's times.
//! - `<v Name>` voice tags give the speaker; without one, a leading label
//!   (`N: …`) is recognised as in tanu transcripts.
//! - Styling tags (`<b>`, `<i>`, `<u>`, `<c.class>`, `<lang hu>`, `<ruby>`,
//!   `<rt>`, inline timestamps) are removed; character references
//!   (`&amp;`, `&lt;`, `&nbsp;`, `&#337;` …) are decoded; the lines of a cue
//!   are joined by spaces.
//! - A `NOTE` block before the first cue whose lines are all tanu header
//!   lines (`id: …`, `title: …`, see `docs/transcript-format.md`) is the
//!   testimony's metadata; other `NOTE` blocks go to the archivist notes.
//!   `STYLE` and `REGION` blocks are skipped. Header lines after `WEBVTT`
//!   (`Language: hu`) set the language; others are kept as properties
//!   (`vtt.kind`).
//! - Errors (with the line): a timing line that is not
//!   `[hh:]mm:ss.ttt --> [hh:]mm:ss.ttt`, a cue that ends before it starts,
//!   a cue that starts before the previous one.

use super::{Header, ParseError, Segment, Transcript, canonical_key, leading_label, parse_header};

/// Parses a WebVTT file.
pub fn parse(text: &str) -> Result<Transcript, ParseError> {
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let first = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .ok_or_else(|| ParseError::new(1, "empty WebVTT file"))?;
    let mut t = Transcript::default();
    let mut i = first + 1;
    // File header lines up to the first blank line.
    while i < lines.len() && !lines[i].trim().is_empty() {
        if lines[i].contains("-->") {
            break;
        }
        if let Some((k, v)) = lines[i].split_once(':') {
            let key = k.trim().to_lowercase();
            let value = v.trim();
            if key == "language" {
                match crate::lang::normalize_code(value) {
                    Some(code) => t.header.languages.push(code.to_string()),
                    None => {
                        t.header
                            .properties
                            .insert("vtt.language".into(), value.to_string());
                    }
                }
            } else if !value.is_empty() {
                t.header
                    .properties
                    .insert(format!("vtt.{key}"), value.to_string());
            }
        }
        i += 1;
    }
    let mut notes: Vec<String> = Vec::new();
    let mut header_seen = false;
    let mut last_start: Option<(u64, usize)> = None;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let block_start = i;
        let mut end = i;
        while end < lines.len() && !lines[end].trim().is_empty() {
            end += 1;
        }
        let block = &lines[block_start..end];
        i = end;
        let head = block[0].trim();
        if head == "NOTE" || head.starts_with("NOTE ") || head.starts_with("NOTE\t") {
            let mut body: Vec<&str> = Vec::new();
            let rest = head[4..].trim();
            if !rest.is_empty() {
                body.push(rest);
            }
            body.extend(block[1..].iter().copied());
            // A note is metadata when its first line has a tanu header key.
            let starts_with_key = body
                .first()
                .and_then(|l| l.split_once(':'))
                .is_some_and(|(k, _)| canonical_key(k).is_some());
            if !header_seen && t.segments.is_empty() && starts_with_key {
                let mut with_sep = body.clone();
                with_sep.push("---");
                // The note's first content line is `block_start + 1` (1-based)
                // or the line after it when `NOTE` stands alone.
                let offset = if rest.is_empty() {
                    block_start + 1
                } else {
                    block_start
                };
                match parse_header(&with_sep) {
                    Ok(Some((mut h, _))) => {
                        for tag in &mut h.tags {
                            tag.line += offset;
                        }
                        merge_header(&mut t.header, h);
                        header_seen = true;
                        continue;
                    }
                    Ok(None) => {}
                    Err(e) => return Err(ParseError::new(e.line + offset, e.message)),
                }
            }
            notes.push(body.join("\n"));
            continue;
        }
        if head == "STYLE" || head == "REGION" || head.starts_with("STYLE ") {
            continue;
        }
        // A cue: an optional identifier line, then the timing line.
        let (timing_idx, timing) = if block[0].contains("-->") {
            (0, block[0])
        } else if block.len() > 1 && block[1].contains("-->") {
            (1, block[1])
        } else {
            return Err(ParseError::new(
                block_start + 1,
                format!(
                    "expected a cue timing line `00:00:05.000 --> 00:00:09.000`, found {:?}",
                    short(block[0])
                ),
            ));
        };
        let lineno = block_start + timing_idx + 1;
        let (start, end_ms) = parse_timing(timing).map_err(|m| ParseError::new(lineno, m))?;
        if let Some((prev, prev_line)) = last_start
            && start < prev
        {
            return Err(ParseError::new(
                lineno,
                format!(
                    "cue starts at {} before the previous cue (line {prev_line}, {}); WebVTT cues must be in time order",
                    format_vtt_time(start),
                    format_vtt_time(prev)
                ),
            ));
        }
        last_start = Some((start, lineno));
        let payload = block[timing_idx + 1..].join("\n");
        let declared: Vec<String> = t.header.speakers.iter().map(|s| s.label.clone()).collect();
        for (voice, text) in voices(&payload) {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let (speaker, text) = match voice {
                Some(v) => (Some(v), text),
                None => match leading_label(&text, &declared) {
                    Some((label, rest)) => (Some(label), rest.to_string()),
                    None => (None, text),
                },
            };
            if text.is_empty() {
                continue;
            }
            t.segments.push(Segment {
                start_ms: Some(start),
                end_ms: Some(end_ms),
                speaker,
                text,
                lang: None,
                line: lineno,
            });
        }
    }
    if !notes.is_empty() {
        let joined = notes.join("\n\n");
        t.header.notes = Some(match t.header.notes.take() {
            Some(n) => format!("{n}\n\n{joined}"),
            None => joined,
        });
    }
    Ok(t)
}

fn merge_header(into: &mut Header, h: Header) {
    let languages = std::mem::take(&mut into.languages);
    let properties = std::mem::take(&mut into.properties);
    *into = h;
    for l in languages {
        if !into.languages.contains(&l) {
            into.languages.push(l);
        }
    }
    for (k, v) in properties {
        into.properties.entry(k).or_insert(v);
    }
}

fn short(s: &str) -> String {
    s.chars().take(40).collect()
}

/// Parses `start --> end [settings]`.
pub(crate) fn parse_timing(line: &str) -> Result<(u64, u64), String> {
    let (a, b) = line
        .split_once("-->")
        .ok_or_else(|| format!("not a cue timing line: {:?}", short(line)))?;
    let a = a.trim();
    let b = b.split_whitespace().next().unwrap_or("");
    let start = parse_vtt_time(a).ok_or_else(|| {
        format!("bad timecode {a:?} (WebVTT times are [hh:]mm:ss.ttt, e.g. 00:01:05.250)")
    })?;
    let end = parse_vtt_time(b).ok_or_else(|| {
        format!("bad timecode {b:?} (WebVTT times are [hh:]mm:ss.ttt, e.g. 00:01:05.250)")
    })?;
    if end < start {
        return Err(format!(
            "the cue ends ({}) before it starts ({})",
            format_vtt_time(end),
            format_vtt_time(start)
        ));
    }
    Ok((start, end))
}

/// Parses a WebVTT timestamp `[hh:]mm:ss.ttt` into milliseconds.
pub fn parse_vtt_time(s: &str) -> Option<u64> {
    let (main, frac) = s.split_once('.')?;
    if frac.len() != 3 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let parts: Vec<&str> = main.split(':').collect();
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    if !parts.iter().all(|p| digits(p)) {
        return None;
    }
    let (h, m, sec) = match parts.as_slice() {
        [h, m, s] if h.len() >= 2 && m.len() == 2 && s.len() == 2 => (
            h.parse::<u64>().ok()?,
            m.parse::<u64>().ok()?,
            s.parse::<u64>().ok()?,
        ),
        [m, s] if m.len() == 2 && s.len() == 2 => (0, m.parse().ok()?, s.parse().ok()?),
        _ => return None,
    };
    if m > 59 || sec > 59 || h > 999 {
        return None;
    }
    Some(((h * 60 + m) * 60 + sec) * 1000 + frac.parse::<u64>().ok()?)
}

/// Formats milliseconds as a WebVTT timestamp `hh:mm:ss.ttt`.
pub fn format_vtt_time(ms: u64) -> String {
    let s = ms / 1000;
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        s / 3600,
        (s / 60) % 60,
        s % 60,
        ms % 1000
    )
}

/// Splits a cue payload into voice runs and strips markup: `(speaker,
/// text)` in order; text before the first voice tag has no speaker.
pub(crate) fn voices(payload: &str) -> Vec<(Option<String>, String)> {
    let mut runs: Vec<(Option<String>, String)> = vec![(None, String::new())];
    let mut rest = payload;
    while let Some(lt) = rest.find('<') {
        push_text(&mut runs, &rest[..lt]);
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            // A lone `<` is text.
            push_text(&mut runs, "<");
            rest = after;
            continue;
        };
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        if name == "v" && !tag.starts_with('/') {
            // `<v Name>` or `<v.class Name>`.
            let speaker = tag
                .split_once(char::is_whitespace)
                .map(|(_, n)| decode_entities(n.trim()))
                .filter(|n| !n.is_empty());
            runs.push((speaker, String::new()));
        } else if name == "rt" && !tag.starts_with('/') {
            // Ruby text is an annotation of the base text: drop it.
            match rest.find("</rt>") {
                Some(close) => rest = &rest[close + 5..],
                None => rest = "",
            }
        }
        // Every other tag (b, i, u, c, lang, ruby, timestamps, </v>) is
        // styling and is dropped.
    }
    push_text(&mut runs, rest);
    runs.into_iter()
        .map(|(s, t)| (s, decode_entities(&t)))
        .filter(|(_, t)| !t.trim().is_empty())
        .collect()
}

fn push_text(runs: &mut [(Option<String>, String)], text: &str) {
    if let Some(last) = runs.last_mut() {
        last.1.push_str(text);
    }
}

/// Decodes the character references WebVTT allows in cue text.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "lrm" => Some('\u{200e}'),
                "rlm" => Some('\u{200f}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "WEBVTT - Kovács János, 1991\nLanguage: hu\nKind: captions\n\n\
        NOTE\nid: hu-vtt-1\ntitle: Próba\nregion: Donbasz\n\n\
        NOTE Átírta: Szabó Anna, 2003\n\n\
        STYLE\n::cue { color: yellow }\n\n\
        1\n00:00:05.000 --> 00:00:09.500 align:start\n<v Szabó Anna>Hol született?</v>\n\n\
        00:09.500 --> 00:00:15.000\n<v.n Kovács János><i>Nagydobronyban</i>,\n1926-ban &amp; ott nőttem fel.\n\n\
        00:00:15.000 --> 00:00:18.000\n<v Szabó Anna>És aztán?<v Kovács János>Aztán <b>elvittek</b>.\n";

    #[test]
    fn cues_voices_notes_and_metadata() {
        let t = parse(SAMPLE).unwrap();
        assert_eq!(t.header.id.as_deref(), Some("hu-vtt-1"));
        assert_eq!(t.header.title.as_deref(), Some("Próba"));
        assert_eq!(t.header.languages, ["hu"]);
        assert_eq!(t.header.tags.len(), 1);
        assert_eq!(t.header.tags[0].line, 8);
        assert_eq!(t.header.notes.as_deref(), Some("Átírta: Szabó Anna, 2003"));
        assert_eq!(
            t.header.properties.get("vtt.kind").map(String::as_str),
            Some("captions")
        );
        let segs: Vec<_> = t
            .segments
            .iter()
            .map(|s| {
                (
                    s.start_ms,
                    s.end_ms,
                    s.speaker.as_deref(),
                    s.text.as_str(),
                    s.line,
                )
            })
            .collect();
        assert_eq!(
            segs,
            [
                (
                    Some(5000),
                    Some(9500),
                    Some("Szabó Anna"),
                    "Hol született?",
                    16
                ),
                (
                    Some(9500),
                    Some(15000),
                    Some("Kovács János"),
                    "Nagydobronyban, 1926-ban & ott nőttem fel.",
                    19
                ),
                (
                    Some(15000),
                    Some(18000),
                    Some("Szabó Anna"),
                    "És aztán?",
                    23
                ),
                (
                    Some(15000),
                    Some(18000),
                    Some("Kovács János"),
                    "Aztán elvittek.",
                    23
                ),
            ]
        );
    }

    #[test]
    fn malformed_cues_name_the_line() {
        let e = parse("WEBVTT\n\n00:00:09.000 --> 00:00:05.000\nx\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("ends"), "{e}");
        let e = parse("WEBVTT\n\n1\n00:00:61.000 --> 00:01:05.000\nx\n").unwrap_err();
        assert_eq!(e.line, 4);
        assert!(e.message.contains("bad timecode"), "{e}");
        let e = parse("WEBVTT\n\n00:00:01,000 --> 00:00:02.000\nx\n").unwrap_err();
        assert!(e.message.contains("bad timecode"), "{e}");
        let e = parse("WEBVTT\n\nvalami szöveg\nmég\n").unwrap_err();
        assert_eq!(e.line, 3);
        let e = parse(
            "WEBVTT\n\n00:00:10.000 --> 00:00:12.000\nb\n\n00:00:05.000 --> 00:00:06.000\na\n",
        )
        .unwrap_err();
        assert_eq!(e.line, 6);
        let e = parse("WEBVTT\n\nNOTE\nid: x\nbirth_year: 19x6\n\n").unwrap_err();
        assert_eq!(e.line, 5, "{e}");
    }

    #[test]
    fn times_and_entities() {
        assert_eq!(parse_vtt_time("01:02:03.004"), Some(3_723_004));
        assert_eq!(parse_vtt_time("02:03.004"), Some(123_004));
        assert_eq!(parse_vtt_time("2:03.004"), None);
        assert_eq!(parse_vtt_time("00:02:03"), None);
        assert_eq!(format_vtt_time(3_723_004), "01:02:03.004");
        assert_eq!(
            decode_entities("a &lt;b&gt; &#337; &#x151; &x; &"),
            "a <b> ő ő &x; &"
        );
        assert_eq!(
            voices("<c.yellow>Igen</c>, <ruby>Szolyva<rt>Свалява</rt></ruby> <00:00:01.000>ott"),
            [(None, "Igen, Szolyva ott".to_string())]
        );
    }
}
