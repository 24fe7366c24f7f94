//! The body of a transcript: timecodes, speaker labels, paragraphs.

use super::{ParseError, Segment};

/// Parses a `[..]` timecode at the start of `line`. Returns the time in
/// milliseconds and the rest of the line; `Ok(None)` when the line does
/// not start with something timecode-like (`[nevet]` is an annotation);
/// `Err` when it looks like a timecode but is impossible (`[00:61:00]`).
pub(crate) fn leading_timecode(line: &str) -> Result<Option<(u64, &str)>, String> {
    let t = line.trim_start();
    let Some(rest) = t.strip_prefix('[') else {
        return Ok(None);
    };
    let Some(end) = rest.find(']') else {
        return Ok(None);
    };
    let inside = &rest[..end];
    if inside.is_empty()
        || !inside
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | ','))
    {
        return Ok(None);
    }
    match parse_timecode(inside) {
        Some(ms) => Ok(Some((ms, &rest[end + 1..]))),
        None => Err(format!(
            "invalid timecode [{inside}] (use [HH:MM:SS] or [HH:MM:SS.mmm])"
        )),
    }
}

/// Parses `H:MM:SS`, `MM:SS`, with optional `.mmm` or `,mmm`, into
/// milliseconds. Minutes and seconds must be below 60.
pub fn parse_timecode(s: &str) -> Option<u64> {
    let s = s.trim();
    let (main, frac) = match s.find(['.', ',']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let parts: Vec<&str> = main.split(':').collect();
    let nums: Vec<u64> = parts
        .iter()
        .map(|p| {
            if p.is_empty() || p.len() > 3 {
                None
            } else {
                p.parse().ok()
            }
        })
        .collect::<Option<_>>()?;
    let (h, m, sec) = match nums.as_slice() {
        [h, m, s] => (*h, *m, *s),
        [m, s] => (0, *m, *s),
        _ => return None,
    };
    if m >= 60 || sec >= 60 || (parts.len() == 3 && parts[1].len() != 2) || parts.last()?.len() != 2
    {
        return None;
    }
    let ms = match frac {
        None => 0,
        Some(f) if !f.is_empty() && f.len() <= 3 && f.chars().all(|c| c.is_ascii_digit()) => {
            f.parse::<u64>().ok()? * 10u64.pow(3 - f.len() as u32)
        }
        Some(_) => return None,
    };
    Some(((h * 60 + m) * 60 + sec) * 1000 + ms)
}

/// Splits a speaker label off the start of `text`: a declared label
/// (any case) or a capitalised word/initials followed by a colon.
pub(crate) fn leading_label<'a>(text: &'a str, declared: &[String]) -> Option<(String, &'a str)> {
    let t = text.trim_start();
    let colon = t.find(':')?;
    let label = t[..colon].trim();
    let rest = &t[colon + 1..];
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) || label.is_empty() {
        return None;
    }
    if declared
        .iter()
        .any(|d| d.to_lowercase() == label.to_lowercase())
    {
        return Some((label.to_string(), rest.trim_start()));
    }
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let capitalised = label.chars().count() <= 30
        && letters >= 1
        && label
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | ' ' | '-') || c.is_ascii_digit())
        && label.split_whitespace().count() <= 3;
    capitalised.then(|| (label.to_string(), rest.trim_start()))
}

/// Parses body lines; `offset` is the index of the first body line in the
/// file, so that line numbers in errors and segments are the file's.
pub(super) fn parse_body(
    lines: &[&str],
    offset: usize,
    declared: &[String],
) -> Result<Vec<Segment>, ParseError> {
    let numbered: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (offset + i + 1, *l))
        .collect();
    parse_numbered_body(&numbered, declared)
}

/// Parses body lines that carry their own 1-based line numbers (formats
/// that embed a transcript, such as OHMS XML, split or insert lines).
pub(super) fn parse_numbered_body(
    lines: &[(usize, &str)],
    declared: &[String],
) -> Result<Vec<Segment>, ParseError> {
    let mut segments: Vec<Segment> = Vec::new();
    let mut current: Option<Segment> = None;
    let mut speaker: Option<String> = None;
    let mut last_time: Option<(u64, usize)> = None;

    let finish = |current: &mut Option<Segment>, segments: &mut Vec<Segment>| {
        if let Some(seg) = current.take()
            && !seg.text.is_empty()
        {
            segments.push(seg);
        }
    };

    for &(lineno, raw) in lines {
        let line = raw.trim_end();
        if line.trim().is_empty() {
            // A paragraph break ends a segment, unless only a timecode
            // has been seen so far.
            if current.as_ref().is_some_and(|s| !s.text.is_empty()) {
                finish(&mut current, &mut segments);
            }
            continue;
        }
        let (time, rest) = match leading_timecode(line) {
            Ok(Some((ms, rest))) => (Some(ms), rest),
            Ok(None) => (None, line),
            Err(msg) => return Err(ParseError::new(lineno, msg)),
        };
        if let Some(ms) = time {
            if let Some((prev, prev_line)) = last_time
                && ms < prev
            {
                return Err(ParseError::new(
                    lineno,
                    format!(
                        "timecode {} goes back before {} (line {prev_line})",
                        format_timecode(ms),
                        format_timecode(prev)
                    ),
                ));
            }
            last_time = Some((ms, lineno));
        }
        let (label, text) = match leading_label(rest, declared) {
            Some((label, text)) => (Some(label), text),
            None => (None, rest.trim()),
        };
        let starts_new = time.is_some() || label.is_some() || current.is_none();
        if starts_new {
            // A timecode alone on its line followed by a labelled line is
            // one segment.
            let reuse = current.as_ref().is_some_and(|s| s.text.is_empty()) && time.is_none();
            if !reuse {
                finish(&mut current, &mut segments);
                current = Some(Segment {
                    start_ms: time,
                    end_ms: None,
                    speaker: None,
                    text: String::new(),
                    lang: None,
                    line: lineno,
                });
            }
            if let Some(l) = label {
                speaker = Some(l);
            }
            if let Some(seg) = current.as_mut() {
                seg.speaker = speaker.clone();
            }
        }
        if let Some(seg) = current.as_mut() {
            // The line's words, single-spaced, appended to the segment.
            for w in text.split_whitespace() {
                if !seg.text.is_empty() {
                    seg.text.push(' ');
                }
                seg.text.push_str(w);
            }
        }
    }
    finish(&mut current, &mut segments);

    // End times: the next timecoded segment's start.
    let mut next_start: Option<u64> = None;
    for seg in segments.iter_mut().rev() {
        if seg.start_ms.is_some() {
            seg.end_ms = next_start;
            next_start = seg.start_ms;
        }
    }
    Ok(segments)
}

/// Formats milliseconds as `HH:MM:SS`.
pub fn format_timecode(ms: u64) -> String {
    let s = ms / 1000;
    format!("{:02}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timecodes() {
        assert_eq!(parse_timecode("00:01:02"), Some(62_000));
        assert_eq!(parse_timecode("1:01:02.5"), Some(3_662_500));
        assert_eq!(parse_timecode("01:02,250"), Some(62_250));
        assert_eq!(parse_timecode("00:61:00"), None);
        assert_eq!(parse_timecode("00:1:00"), None);
        assert_eq!(parse_timecode("12"), None);
        assert_eq!(leading_timecode("[nevet] igen").unwrap(), None);
        assert!(leading_timecode("[00:61:00] x").is_err());
        assert_eq!(format_timecode(3_662_500), "01:01:02");
    }

    #[test]
    fn labels() {
        let none: Vec<String> = vec![];
        assert_eq!(
            leading_label("KÉRDEZŐ: Hol?", &none),
            Some(("KÉRDEZŐ".into(), "Hol?"))
        );
        assert_eq!(
            leading_label("Ф.И.: Да", &none),
            Some(("Ф.И.".into(), "Да"))
        );
        assert_eq!(leading_label("Aztán: semmi", &none), None);
        assert_eq!(
            leading_label("Anna: igen", &["anna".to_string()]),
            Some(("Anna".into(), "igen"))
        );
        assert_eq!(leading_label("10:30-kor", &none), None);
        assert_eq!(leading_label("A NAGY HÁBORÚ ELŐTT ÉS UTÁN: x", &none), None);
    }

    #[test]
    fn backwards_time_is_an_error() {
        let lines = ["[00:05:00] A", "[00:03:10] B"];
        let e = parse_body(&lines, 10, &[]).unwrap_err();
        assert_eq!(e.line, 12);
        assert!(
            e.message.contains("00:03:10") && e.message.contains("line 11"),
            "{e}"
        );
    }

    #[test]
    fn timecode_on_its_own_line() {
        let lines = ["[00:00:10]", "N: Igen, emlékszem.", "K: És?"];
        let s = parse_body(&lines, 0, &[]).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(
            (s[0].start_ms, s[0].speaker.as_deref(), s[0].text.as_str()),
            (Some(10_000), Some("N"), "Igen, emlékszem.")
        );
        assert_eq!(s[1].start_ms, None);
    }
}
