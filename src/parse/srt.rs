//! SubRip (SRT) captions → [`Transcript`].
//!
//! A cue is an optional number line, a timing line
//! `00:00:05,000 --> 00:00:09,000` and text lines up to a blank line. Each
//! cue becomes a segment with its times; a leading label (`N: …`) gives the
//! speaker. Formatting tags (`<i>`, `<b>`, `<font …>`) and ASS overrides
//! (`{\an8}`) are removed. A `.` instead of `,` before the milliseconds is
//! accepted (many tools write it). SRT carries no metadata: the identifier
//! and title come from the file name, or from a metadata sheet.
//!
//! Errors (with the line): a bad timecode, a cue that ends before it
//! starts, a cue that starts before the previous one, a block without a
//! timing line.

use super::vtt::decode_entities;
use super::{ParseError, Segment, Transcript, leading_label};

/// Whether `text` (trimmed at the start) looks like SRT: a cue number and
/// a timing line, or a timing line first.
pub fn looks_like_srt(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    if first.contains("-->") {
        return is_timing_line(first);
    }
    first.chars().all(|c| c.is_ascii_digit()) && lines.next().is_some_and(is_timing_line)
}

fn is_timing_line(line: &str) -> bool {
    line.split_once("-->").is_some_and(|(a, _)| {
        let a = a.trim();
        a.len() >= 8
            && a.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | ',' | '.'))
    })
}

/// Parses an SRT file.
pub fn parse(text: &str) -> Result<Transcript, ParseError> {
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let mut t = Transcript::default();
    let mut last_start: Option<(u64, usize)> = None;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let block_start = i;
        while i < lines.len() && !lines[i].trim().is_empty() {
            i += 1;
        }
        let block = &lines[block_start..i];
        let timing_idx = if block[0].contains("-->") {
            0
        } else if block.len() > 1 && block[1].contains("-->") {
            1
        } else {
            return Err(ParseError::new(
                block_start + 1,
                format!(
                    "expected a cue number and a timing line `00:00:05,000 --> 00:00:09,000`, found {:?}",
                    block[0].chars().take(40).collect::<String>()
                ),
            ));
        };
        let lineno = block_start + timing_idx + 1;
        let (start, end) =
            parse_timing(block[timing_idx]).map_err(|m| ParseError::new(lineno, m))?;
        if let Some((prev, prev_line)) = last_start
            && start < prev
        {
            return Err(ParseError::new(
                lineno,
                format!(
                    "cue starts at {} before the previous cue (line {prev_line}, {})",
                    format_srt_time(start),
                    format_srt_time(prev)
                ),
            ));
        }
        last_start = Some((start, lineno));
        let raw = block[timing_idx + 1..].join(" ");
        let text = decode_entities(&strip_tags(&raw));
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let (speaker, text) = match leading_label(&text, &[]) {
            Some((label, rest)) => (Some(label), rest.to_string()),
            None => (None, text),
        };
        if text.is_empty() {
            continue;
        }
        t.segments.push(Segment {
            start_ms: Some(start),
            end_ms: Some(end),
            speaker,
            text,
            lang: None,
            line: lineno,
        });
    }
    Ok(t)
}

fn parse_timing(line: &str) -> Result<(u64, u64), String> {
    let (a, b) = line
        .split_once("-->")
        .ok_or_else(|| "not a timing line".to_string())?;
    let a = a.trim();
    let b = b.split_whitespace().next().unwrap_or("");
    let bad =
        |s: &str| format!("bad timecode {s:?} (SRT times are hh:mm:ss,mmm, e.g. 00:01:05,250)");
    let start = parse_srt_time(a).ok_or_else(|| bad(a))?;
    let end = parse_srt_time(b).ok_or_else(|| bad(b))?;
    if end < start {
        return Err(format!(
            "the cue ends ({}) before it starts ({})",
            format_srt_time(end),
            format_srt_time(start)
        ));
    }
    Ok((start, end))
}

/// Parses `hh:mm:ss,mmm` (or with `.`) into milliseconds.
pub fn parse_srt_time(s: &str) -> Option<u64> {
    let (main, frac) = s.split_once([',', '.'])?;
    if frac.is_empty() || frac.len() > 3 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let parts: Vec<&str> = main.split(':').collect();
    let [h, m, sec] = parts.as_slice() else {
        return None;
    };
    let num = |p: &str, max_len: usize| {
        (!p.is_empty() && p.len() <= max_len && p.chars().all(|c| c.is_ascii_digit()))
            .then(|| p.parse::<u64>().ok())
            .flatten()
    };
    let (h, m, sec) = (num(h, 3)?, num(m, 2)?, num(sec, 2)?);
    if m > 59 || sec > 59 {
        return None;
    }
    let ms = frac.parse::<u64>().ok()? * 10u64.pow(3 - frac.len() as u32);
    Some(((h * 60 + m) * 60 + sec) * 1000 + ms)
}

/// Formats milliseconds as an SRT timestamp `hh:mm:ss,mmm`.
pub fn format_srt_time(ms: u64) -> String {
    let s = ms / 1000;
    format!(
        "{:02}:{:02}:{:02},{:03}",
        s / 3600,
        (s / 60) % 60,
        s % 60,
        ms % 1000
    )
}

/// Removes `<…>` tags and `{\…}` ASS override blocks.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    loop {
        let next = rest.find(['<', '{']);
        let Some(pos) = next else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..pos]);
        let after = &rest[pos..];
        let (open, close) = if after.starts_with('<') {
            ('<', '>')
        } else {
            ('{', '}')
        };
        let is_markup = match open {
            '<' => after[1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '/'),
            _ => after[1..].starts_with('\\'),
        };
        match after.find(close).filter(|_| is_markup) {
            Some(end) => rest = &after[end + 1..],
            None => {
                out.push(open);
                rest = &after[1..];
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_with_labels_and_tags() {
        let text = "1\r\n00:00:05,000 --> 00:00:09,500\r\nK: Hol született?\r\n\r\n\
            2\r\n00:00:09,500 --> 00:00:15,000\r\n{\\an8}N: <i>Nagydobronyban</i>,\r\n1926-ban.\r\n\r\n\
            3\r\n00:00:15.000 --> 00:00:18,000\r\n<font color=\"red\">Szolyvára vittek</font> (3 &lt; 4)\r\n";
        assert!(looks_like_srt(text));
        let t = parse(text).unwrap();
        let s: Vec<_> = t
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
            s,
            [
                (Some(5000), Some(9500), Some("K"), "Hol született?", 2),
                (
                    Some(9500),
                    Some(15000),
                    Some("N"),
                    "Nagydobronyban, 1926-ban.",
                    6
                ),
                (
                    Some(15000),
                    Some(18000),
                    None,
                    "Szolyvára vittek (3 < 4)",
                    11
                ),
            ]
        );
    }

    #[test]
    fn malformed_cues_name_the_line() {
        let e = parse("1\n00:00:09,000 --> 00:00:05,000\nx\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("before it starts"), "{e}");
        let e =
            parse("1\n00:00:01,000 --> 00:00:02,000\nx\n\n2\n00:0a:01,000 --> 00:00:02,000\ny\n")
                .unwrap_err();
        assert_eq!(e.line, 6, "{e}");
        let e = parse("1\n00:00:01,000 --> 00:00:02,000\nx\n\n2\nnincs idő\n").unwrap_err();
        assert_eq!(e.line, 5, "{e}");
        assert!(!looks_like_srt("1945\nElvittek."));
        assert_eq!(parse_srt_time("01:02:03,4"), Some(3_723_400));
        assert_eq!(format_srt_time(3_723_004), "01:02:03,004");
    }
}
