//! Stage 3: text → [`Transcript`].
//!
//! Input: repaired, NFC text and the file name. Output: a [`Transcript`] —
//! header metadata and a list of [`Segment`]s with optional times and
//! speakers. Failures are [`ParseError`]s carrying the 1-based line number.
//!
//! The format is recognised by content, not by extension:
//! - tanu's own format (`docs/transcript-format.md`): a `key: value` header
//!   ended by `---`, then a body with `[HH:MM:SS]` timecodes and labels;
//! - plain text: no header, paragraphs become segments;
//! - WebVTT (`WEBVTT` first line, [`vtt`]) and SubRip (a cue number, then a
//!   `-->` timing line, [`srt`]): one segment per cue;
//! - OHMS XML 5.x and 6 (an XML document whose root is `ROOT`, [`ohms`]):
//!   record metadata, index points and the transcript.
//!
//! Metadata sheets (CSV/TSV, [`sheet`]) are not transcripts: the ingest of a
//! folder applies them to the transcripts beside them.

mod body;
mod header;
pub mod ohms;
pub mod sheet;
pub mod srt;
pub mod vtt;
pub(crate) mod xml;

use serde::{Deserialize, Serialize};

pub(crate) use self::body::leading_label;
pub use self::body::{format_timecode, parse_timecode};
pub use self::header::{Access, Header, HeaderTag, Speaker, known_header_keys};
pub(crate) use self::header::{canonical_key, parse_header};

use crate::lang::Lang;

/// Which input format a transcript was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// tanu's own text format with a header.
    Tanu,
    /// Plain text without a header.
    Plain,
    /// WebVTT captions.
    Vtt,
    /// SubRip (SRT) captions.
    Srt,
    /// OHMS XML (Oral History Metadata Synchronizer), 5.x or 6.
    Ohms,
}

impl Format {
    /// The stored name of the format.
    pub fn name(self) -> &'static str {
        match self {
            Format::Tanu => "tanu",
            Format::Plain => "plain",
            Format::Vtt => "vtt",
            Format::Srt => "srt",
            Format::Ohms => "ohms",
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
    /// The table of contents (OHMS index points), in document order.
    pub index_points: Vec<IndexPoint>,
    /// Documented repairs made while parsing (e.g. a cue with no end time).
    pub warnings: Vec<String>,
}

/// An entry of a recording's table of contents (an OHMS index point): a
/// time and a description of the passage that starts there. The `_alt`
/// fields are the OHMS translation twins.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct IndexPoint {
    /// Start time in milliseconds.
    pub start_ms: u64,
    /// Title of the passage.
    pub title: String,
    /// Title, translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_alt: Option<String>,
    /// The first words of the passage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial_transcript: Option<String>,
    /// The first words, translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial_transcript_alt: Option<String>,
    /// A summary of the passage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synopsis: Option<String>,
    /// The summary, translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synopsis_alt: Option<String>,
    /// Keywords.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// Keywords, translated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords_alt: Vec<String>,
    /// Subjects (controlled headings in the source archive).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    /// Subjects, translated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects_alt: Vec<String>,
    /// Places the passage is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gps: Vec<GpsPoint>,
    /// Links.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hyperlinks: Vec<Hyperlink>,
    /// The 1-based line in the source file (0 when not from a file).
    #[serde(skip)]
    pub line: usize,
}

/// A place an index point is about.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GpsPoint {
    /// Latitude, −90…90.
    pub lat: f64,
    /// Longitude, −180…180.
    pub lon: f64,
    /// Map zoom level, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zoom: Option<u32>,
    /// What the place is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The description, translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_alt: Option<String>,
}

/// A link attached to an index point.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Hyperlink {
    /// The address.
    pub url: String,
    /// Link text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Link text, translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_alt: Option<String>,
}

impl IndexPoint {
    /// Every text of the point, for search: title, partial transcript,
    /// synopsis, keywords, subjects and place descriptions, with their
    /// translations.
    pub fn texts(&self) -> Vec<&str> {
        let mut out: Vec<&str> = vec![self.title.as_str()];
        for o in [
            &self.title_alt,
            &self.partial_transcript,
            &self.partial_transcript_alt,
            &self.synopsis,
            &self.synopsis_alt,
        ] {
            out.extend(o.as_deref());
        }
        for list in [
            &self.keywords,
            &self.keywords_alt,
            &self.subjects,
            &self.subjects_alt,
        ] {
            out.extend(list.iter().map(String::as_str));
        }
        for g in &self.gps {
            out.extend(g.text.as_deref());
            out.extend(g.text_alt.as_deref());
        }
        out.retain(|t| !t.trim().is_empty());
        out
    }
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
    let (format, t) = match sniff(text) {
        Format::Vtt => (Format::Vtt, vtt::parse(text)?),
        Format::Srt => (Format::Srt, srt::parse(text)?),
        Format::Ohms => (Format::Ohms, ohms::parse(text)?),
        _ => return parse_text(text, file_name).and_then(within_limits),
    };
    let (format, mut t) = within_limits((format, t))?;
    if t.header.id.is_none() {
        t.header.id = Some(identifier_from_file_name(file_name));
        t.header.id_derived = true;
    }
    if t.header.title.is_none() {
        t.header.title = Some(title_from_file_name(file_name));
    }
    Ok((format, t))
}

/// Refuses a testimony of more than [`crate::limits::MAX_SEGMENTS`]
/// segments.
fn within_limits(parsed: (Format, Transcript)) -> Result<(Format, Transcript), ParseError> {
    let n = parsed.1.segments.len();
    if n > crate::limits::MAX_SEGMENTS {
        return Err(ParseError::new(
            1,
            format!(
                "{n} segments, over tanu's limit of {} for one testimony; split the file",
                crate::limits::MAX_SEGMENTS
            ),
        ));
    }
    Ok(parsed)
}

/// Recognises the format of `text` by its content. Returns
/// [`Format::Plain`] for anything that is not VTT, SRT or XML; the tanu
/// format and plain text are told apart by [`parse`] itself.
pub fn sniff(text: &str) -> Format {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with("WEBVTT")
        && t[6..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ' || c == '\t' || c == '\n' || c == '\r')
    {
        return Format::Vtt;
    }
    if t.starts_with("<?xml") || t.starts_with("<ROOT") || t.starts_with("<!--") {
        return Format::Ohms;
    }
    if srt::looks_like_srt(t) {
        return Format::Srt;
    }
    Format::Plain
}

fn parse_text(text: &str, file_name: &str) -> Result<(Format, Transcript), ParseError> {
    let lines: Vec<&str> = text.split('\n').collect();
    let (format, mut header, body_start) = match header::parse_header(&lines)? {
        Some((header, body_start)) => (Format::Tanu, header, body_start),
        None => (Format::Plain, Header::default(), 0),
    };
    if header.id.is_none() {
        header.id = Some(identifier_from_file_name(file_name));
        header.id_derived = true;
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
            index_points: Vec::new(),
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
    slug(stem)
}

/// Makes an identifier of any text: accents removed, lower-cased, runs of
/// other characters turned into `-` (`2019 OH 034` → `2019-oh-034`).
pub fn slug(text: &str) -> String {
    let folded = crate::analysis::fold(text);
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

/// A title made from a file name: the stem, `_` and `-` as spaces.
pub(crate) fn title_from_file_name(file_name: &str) -> String {
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// No input makes a format parser panic: each answers with a
        /// transcript or an error.
        #[test]
        fn format_parsers_never_panic(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "WEBVTT\n", "\n", "\n\n", "NOTE ", "id: x\n", "00:00:01.000 --> 00:00:02.000\n",
                    "00:00:0", " --> ", "<v Kiss Anna>", "</v>", "<b>", "&amp;", "&#99999999;", "&",
                    "1\n", "00:00:01,000 --> 00:00:02,000\n", "{\\an8}", "<", ">", "{", "[00:01:00]",
                    "<ROOT>", "</ROOT>", "<record id=\"1\">", "</record>", "<title>T</title>",
                    "<index><point><time>5</time>", "</point></index>", "<gps>1,2</gps>",
                    "<sync>1:|2(3)|", "</sync>", "<transcript>", "</transcript>", "<![CDATA[", "]]>",
                    "Szolyva", "ő", "Сталино", "\u{feff}", "\r\n", ":", ";", ",", "\t",
                ]),
                0..40,
            )
        ) {
            let text: String = parts.concat();
            let _ = parse(&text, "x.txt");
            let _ = vtt::parse(&text);
            let _ = srt::parse(&text);
            let _ = ohms::parse(&text);
            static VOCAB: std::sync::LazyLock<crate::vocab::Vocabulary> =
                std::sync::LazyLock::new(|| crate::vocab::Vocabulary::builtin().unwrap());
            let _ = sheet::parse(&format!("id,title\n{text}"), std::path::Path::new("m.csv"), &VOCAB);
        }
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
