//! WebVTT transcript.
//!
//! The metadata go in a `NOTE` block of tanu header lines (which tanu's
//! WebVTT import reads back); each timed segment is a cue, with its speaker
//! as a voice tag (`<v K>`). Segments without a time of their own join the
//! cue before them as further lines (the first ones, before any time, start
//! at 00:00:00.000), so no time is invented for them; segments sharing the
//! same times (the voices of one cue) share a cue. A cue without an end
//! time (the last one) lasts as long as its text takes to read at about 15
//! characters a second (2 to 30 seconds). A testimony with no timecode at
//! all cannot be a WebVTT file: that is an [`ExportError::NoTimecodes`].

use super::{ExportError, ExportRecord};
use crate::parse::vtt::format_vtt_time;

struct Cue {
    start: u64,
    end: Option<u64>,
    lines: Vec<String>,
    chars: usize,
}

/// The record as a WebVTT file.
pub fn to_vtt(r: &ExportRecord) -> Result<String, ExportError> {
    let v = &r.view;
    let t = &v.testimony;
    if !v.segments.iter().any(|s| s.start_ms.is_some()) {
        return Err(ExportError::NoTimecodes(t.id.clone()));
    }
    let mut out = String::from("WEBVTT\n\nNOTE\n");
    for (key, value) in super::csv::header_fields(r) {
        if value.is_empty() || key == "file" {
            continue;
        }
        // A NOTE ends at a blank line and may not contain `-->`.
        let value = value.replace("-->", "→");
        let mut lines = value.lines().map(str::trim).filter(|l| !l.is_empty());
        if let Some(first) = lines.next() {
            out.push_str(&format!("{key}: {first}\n"));
            for more in lines {
                out.push_str(&format!("  {more}\n"));
            }
        }
    }
    out.push('\n');

    let mut cues: Vec<Cue> = Vec::new();
    for s in &v.segments {
        let line = match &s.speaker {
            Some(sp) => format!("<v {}>{}", escape(sp), escape(&s.text)),
            None => escape(&s.text),
        };
        let chars = s.text.chars().count();
        let start = s.start_ms.and_then(|x| u64::try_from(x).ok());
        let end = s.end_ms.and_then(|x| u64::try_from(x).ok());
        match (start, cues.last_mut()) {
            (Some(st), Some(last)) if last.start == st && last.end == end => {
                last.lines.push(line);
                last.chars += chars;
            }
            (Some(st), _) => cues.push(Cue {
                start: st,
                end,
                lines: vec![line],
                chars,
            }),
            (None, Some(last)) => {
                last.lines.push(line);
                last.chars += chars;
            }
            (None, None) => cues.push(Cue {
                start: 0,
                end: None,
                lines: vec![line],
                chars,
            }),
        }
    }
    let n = cues.len();
    for i in 0..n {
        let next_start = cues.get(i + 1).map(|c| c.start);
        let cue = &cues[i];
        let reading = (cue.chars as u64 * 1000 / 15).clamp(2000, 30_000);
        let end = match (cue.end, next_start) {
            (Some(e), _) if e >= cue.start => e,
            (_, Some(ns)) if ns > cue.start => ns,
            _ => cue.start + reading,
        };
        out.push_str(&format!(
            "{} --> {}\n{}\n\n",
            format_vtt_time(cue.start),
            format_vtt_time(end),
            cue.lines.join("\n")
        ));
    }
    Ok(out)
}

/// Escapes cue text: `&`, `<`, `>` (which also keeps `-->` out of it).
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\n', " ")
}
