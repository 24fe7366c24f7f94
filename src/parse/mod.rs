//! Stage 3: text → [`Transcript`].
//!
//! Input: repaired, NFC text and the file name. Output: a [`Transcript`] —
//! header metadata and a list of [`Segment`]s with optional times and
//! speakers. Failures are [`ParseError`]s carrying the 1-based line number.
//!
//! The format is recognised by content, not by extension:
//! - tanu's own format (`docs/transcript-format.md`): a `key: value` header
//!   ended by `---`, then a body with `[HH:MM:SS]` timecodes and labels;
//! - plain text: no header, paragraphs become segments.

mod body;
mod header;

use serde::{Deserialize, Serialize};

pub use self::body::{format_timecode, parse_timecode};
pub use self::header::{Access, Header, HeaderTag, Speaker, known_header_keys};

use crate::lang::Lang;

/// Which input format a transcript was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// tanu's own text format with a header.
    Tanu,
    /// Plain text without a header.
    Plain,
}

impl Format {
    /// The stored name of the format.
    pub fn name(self) -> &'static str {
        match self {
            Format::Tanu => "tanu",
            Format::Plain => "plain",
        }
    }
}

/// One passage of a transcript: what search results point at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    /// Start time in milliseconds, when the transcript has timecodes.
    pub start_ms: Option<u64>,
    /// End time in milliseconds (the next timecode), when known.
    pub end_ms: Option<u64>,
    /// The speaker label as written (`N`, `KÉRDEZŐ`), if any.
    pub speaker: Option<String>,
    /// The text, lines joined by spaces.
    pub text: String,
    /// The detected language (set after parsing by the pipeline).
    pub lang: Option<Lang>,
    /// The 1-based line where the segment starts in the source file.
    pub line: usize,
}

/// A parsed transcript.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Transcript {
    /// Metadata from the header (empty for plain text).
    pub header: Header,
    /// The segments, in order.
    pub segments: Vec<Segment>,
    /// Documented repairs made while parsing (e.g. a cue with no end time).
    pub warnings: Vec<String>,
}

/// A file that could not be parsed, with the line where it went wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl ParseError {
    pub(crate) fn new(line: usize, message: impl Into<String>) -> ParseError {
        ParseError {
            line,
            message: message.into(),
        }
    }
}

/// Parses `text` read from a file called `file_name` (used for the
/// identifier and title of header-less files).
pub fn parse(text: &str, file_name: &str) -> Result<(Format, Transcript), ParseError> {
    let lines: Vec<&str> = text.split('\n').collect();
    let (format, mut header, body_start) = match header::parse_header(&lines)? {
        Some((header, body_start)) => (Format::Tanu, header, body_start),
        None => (Format::Plain, Header::default(), 0),
    };
    if header.id.is_none() {
        header.id = Some(identifier_from_file_name(file_name));
    }
    if header.title.is_none() && format == Format::Plain {
        header.title = Some(title_from_file_name(file_name));
    }
    let labels: Vec<String> = header.speakers.iter().map(|s| s.label.clone()).collect();
    let segments = body::parse_body(&lines[body_start..], body_start, &labels)?;
    Ok((
        format,
        Transcript {
            header,
            segments,
            warnings: Vec::new(),
        },
    ))
}

/// Derives an identifier from a file name: the stem, accents removed,
/// lower-cased, runs of other characters turned into `-`.
/// `Kovács_János 1991.txt` → `kovacs-janos-1991`.
pub fn identifier_from_file_name(file_name: &str) -> String {
    let stem = std::path::Path::new(file_name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file_name);
    let folded = crate::analysis::fold(stem);
    let mut id = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let mut id = id.trim_end_matches('-').to_string();
    id.truncate(64);
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "untitled".to_string()
    } else {
        id
    }
}

fn title_from_file_name(file_name: &str) -> String {
    let stem = std::path::Path::new(file_name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file_name);
    stem.replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Is `id` a valid testimony identifier?
pub fn is_valid_identifier(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphanumeric())
        && id.len() <= 64
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        assert_eq!(
            identifier_from_file_name("Kovács_János 1991.txt"),
            "kovacs-janos-1991"
        );
        assert_eq!(
            identifier_from_file_name("/a/b/Budapesti_elhurcolas_1945.txt"),
            "budapesti-elhurcolas-1945"
        );
        assert_eq!(identifier_from_file_name("Сталино.txt"), "untitled");
        assert!(is_valid_identifier("hu-mr-001"));
        assert!(!is_valid_identifier("-x"));
        assert!(!is_valid_identifier("a b"));
        assert!(!is_valid_identifier(""));
    }

    #[test]
    fn full_file() {
        let text = "id: hu-1\ntitle: Próba\nlanguage: hu\nspeakers: K = Szabó Anna; N = Kiss Péter\n---\n\
            [00:00:05] K: Hol született?\n[00:00:09] N: Nagydobronyban.\nOtt nőttem fel.\n\n\
            Aztán jött a háború.\n[00:01:00] K: És azután?\n";
        let (format, t) = parse(text, "x.txt").unwrap();
        assert_eq!(format, Format::Tanu);
        assert_eq!(t.header.id.as_deref(), Some("hu-1"));
        assert_eq!(t.segments.len(), 4);
        assert_eq!(t.segments[1].text, "Nagydobronyban. Ott nőttem fel.");
        assert_eq!(t.segments[1].start_ms, Some(9000));
        assert_eq!(t.segments[1].end_ms, Some(60_000));
        assert_eq!(t.segments[2].speaker.as_deref(), Some("N"));
        assert_eq!(t.segments[2].start_ms, None);
        assert_eq!(t.segments[2].line, 10);
        assert_eq!(t.segments[3].speaker.as_deref(), Some("K"));
    }

    #[test]
    fn plain_file() {
        let (format, t) = parse(
            "Első bekezdés,\nfolytatás.\n\n\nMásodik: bekezdés.\n",
            "Kiss_Anna.txt",
        )
        .unwrap();
        assert_eq!(format, Format::Plain);
        assert_eq!(t.header.id.as_deref(), Some("kiss-anna"));
        assert_eq!(t.header.title.as_deref(), Some("Kiss Anna"));
        let texts: Vec<_> = t.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["Első bekezdés, folytatás.", "Második: bekezdés."]);
    }
}
