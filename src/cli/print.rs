//! Terminal output: colour and progress only on a terminal without
//! `NO_COLOR`; text from testimonies is printed as data (control characters
//! escaped), never as terminal markup.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// Whether to use colour on stdout.
pub fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A progress bar on stderr, when stderr is a terminal.
pub fn progress(message: &'static str) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(0);
    let style = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {wide_msg}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(message);
    Some(bar)
}

/// Makes text safe to print: control characters (ESC, NUL, …) are shown
/// as `\u{..}` escapes so that a transcript cannot drive the terminal.
pub fn safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
            // Bidirectional overrides could reorder what the reader sees.
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Renders a snippet with its highlights: bold yellow on a colour
/// terminal, `**…**` otherwise.
pub fn highlighted(text: &str, highlights: &[(usize, usize)], color: bool) -> String {
    let (open, close) = if color {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("**", "**")
    };
    let mut out = String::with_capacity(text.len() + highlights.len() * 8);
    let mut pos = 0;
    for &(a, b) in highlights {
        if a < pos || b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        out.push_str(&safe(&text[pos..a]));
        out.push_str(open);
        out.push_str(&safe(&text[a..b]));
        out.push_str(close);
        pos = b;
    }
    out.push_str(&safe(&text[pos..]));
    out
}

/// The sentence of `text` around the byte span `(a, b)`, cut to about
/// `max` characters around the span, with the span's position in the
/// excerpt. `None` when the span does not fit the text.
pub fn sentence_around(
    text: &str,
    (a, b): (usize, usize),
    max: usize,
) -> Option<(String, (usize, usize))> {
    if a > b || b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
        return None;
    }
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '…');
    // Start after the previous sentence end that is followed by a space.
    let mut start = 0;
    for (i, c) in text[..a].char_indices().rev() {
        if is_end(c) && text[i + c.len_utf8()..a].starts_with(char::is_whitespace) {
            start = i + c.len_utf8();
            break;
        }
    }
    let mut end = text.len();
    for (i, c) in text[b..].char_indices() {
        if is_end(c) {
            end = b + i + c.len_utf8();
            break;
        }
    }
    // Trim to `max` characters around the span.
    let half = max.saturating_sub(text[a..b].chars().count()) / 2;
    let mut lead = "";
    let mut tail = "";
    if text[start..a].chars().count() > half {
        start = text[..a]
            .char_indices()
            .rev()
            .nth(half.saturating_sub(1))
            .map_or(start, |(i, _)| i);
        lead = "…";
    }
    if text[b..end].chars().count() > half {
        end = text[b..]
            .char_indices()
            .nth(half)
            .map_or(end, |(i, _)| b + i);
        tail = "…";
    }
    let body = &text[start..end];
    let trimmed = body.trim_start();
    let cut = body.len() - trimmed.len();
    let excerpt = format!("{lead}{}{tail}", trimmed.trim_end());
    let off = lead.len() + (a - start).saturating_sub(cut);
    Some((excerpt, (off, off + (b - a))))
}

/// Formats milliseconds as `[HH:MM:SS]`, or an empty string.
pub fn timecode(ms: Option<i64>) -> String {
    match ms {
        Some(ms) if ms >= 0 => format!("[{}]", tanu::parse::format_timecode(ms as u64)),
        _ => String::new(),
    }
}

/// Bold, when colour is on.
pub fn bold(text: &str, color: bool) -> String {
    if color {
        format!("\x1b[1m{}\x1b[0m", safe(text))
    } else {
        safe(text)
    }
}

/// Prints one JSON Lines record `{"type": kind, "data": data}`.
pub fn json_line(kind: &str, data: &impl serde::Serialize) -> anyhow::Result<()> {
    use std::io::Write;
    let line = serde_json::to_string(&serde_json::json!({ "type": kind, "data": data }))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")?;
    Ok(())
}

/// `n` and its noun, in the singular for one (`1 suggestion`, `2
/// suggestions`).
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(safe("a\x1b[0mb\u{0}"), "a\\u{1b}[0mb\\u{0}");
        assert_eq!(highlighted("a tábor b", &[(2, 8)], false), "a **tábor** b");
        assert_eq!(highlighted("ab", &[(5, 9)], false), "ab");
    }

    #[test]
    fn evidence_sentences() {
        let text = "Másnap indultunk. Este értünk Gödöllőre, a táborba. Ott két hétig voltunk.";
        let a = text.find("Gödöllőre").unwrap();
        let (ex, (x, y)) = sentence_around(text, (a, a + "Gödöllőre".len()), 200).unwrap();
        assert_eq!(ex, "Este értünk Gödöllőre, a táborba.");
        assert_eq!(&ex[x..y], "Gödöllőre");
        let (ex, (x, y)) = sentence_around(text, (a, a + "Gödöllőre".len()), 16).unwrap();
        assert!(ex.starts_with('…') && ex.ends_with('…'), "{ex}");
        assert_eq!(&ex[x..y], "Gödöllőre");
        assert!(
            sentence_around(text, (1, 2), 50).is_none(),
            "not a char boundary"
        );
    }
}
