//! Text into HTML: escaping, highlighted passages, timecodes, links.
//!
//! Stored text is data: every piece of it goes through [`escape`], and
//! highlights are byte ranges turned into `<mark>` here, so no text can
//! bring markup of its own.

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` escaped, with the byte ranges `marks` wrapped in `<mark>`.
/// Ranges that overlap an earlier one, run past the text or do not fall on
/// character boundaries are ignored.
pub fn marked(text: &str, marks: &[(usize, usize)]) -> String {
    let mut ranges: Vec<(usize, usize)> = marks.to_vec();
    ranges.sort_unstable();
    let mut out = String::with_capacity(text.len() + 16);
    let mut pos = 0;
    for (s, e) in ranges {
        if s < pos || e <= s || text.get(s..e).is_none() {
            continue;
        }
        let (Some(before), Some(inner)) = (text.get(pos..s), text.get(s..e)) else {
            continue;
        };
        out.push_str(&escape(before));
        out.push_str("<mark>");
        out.push_str(&escape(inner));
        out.push_str("</mark>");
        pos = e;
    }
    out.push_str(&escape(text.get(pos..).unwrap_or_default()));
    out
}

/// Milliseconds as `H:MM:SS` (or `MM:SS` under an hour).
pub fn timecode(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// A query string from pairs, empty values left out (`?a=1&b=x%20y`, or
/// an empty string when nothing is left).
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    let kept: Vec<(&str, &str)> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .copied()
        .collect();
    if kept.is_empty() {
        return String::new();
    }
    match serde_urlencoded::to_string(&kept) {
        Ok(s) => format!("?{s}"),
        Err(_) => String::new(),
    }
}

/// A path segment percent-encoded (testimony ids are plain, but links are
/// built from stored values, so nothing is assumed).
pub fn path_segment(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_never_let_markup_through() {
        let text = "<script>alert('x')</script> & tábor";
        let at = text.find("tábor").unwrap_or(0);
        let html = marked(text, &[(at, at + "tábor".len()), (0, 8)]);
        assert_eq!(
            html,
            "<mark>&lt;script&gt;</mark>alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>tábor</mark>"
        );
        // Broken ranges are ignored, never a panic.
        let html = marked("ár", &[(1, 2), (0, 99), (3, 1)]);
        assert_eq!(html, "ár");
    }

    #[test]
    fn timecodes_and_links() {
        assert_eq!(timecode(3_000), "00:03");
        assert_eq!(timecode(3_723_000), "1:02:03");
        assert_eq!(
            query_string(&[("q", "Foksány \"x\"&y"), ("region", "")]),
            "?q=Foks%C3%A1ny+%22x%22%26y"
        );
        assert_eq!(query_string(&[("q", "")]), "");
        assert_eq!(path_segment("hu-mr-001"), "hu-mr-001");
        assert_eq!(path_segment("a/../b"), "a%2F..%2Fb");
    }
}
