//! Exports: what archives can load elsewhere.
//!
//! Input: [`ExportRecord`]s from [`crate::Archive::record`], which goes
//! through the access layer exactly like `show`: a caller below archivist
//! gets only the testimonies its role may see, with redacted passages
//! replaced by `[…]` (in index points too), no archivist notes, only
//! confirmed tags, no revisions and no original files. Output: text in one
//! of the [`ExportFormat`]s:
//!
//! - [`json`]: the complete record, tanu's backup format; importing it
//!   (`tanu ingest x.json`) recreates the record;
//! - [`csv`]: one row per testimony, in the columns of a metadata sheet (so
//!   an exported table can be edited and ingested back);
//! - [`ohms`]: OHMS XML 5.4, with index points and a timecoded transcript;
//! - [`vtt`]: a WebVTT transcript, metadata in a `NOTE`;
//! - [`dc`]: Dublin Core (OAI-DC) XML.

pub mod csv;
pub mod dc;
pub mod json;
pub mod ohms;
pub mod vtt;

use serde::Serialize;

use crate::TestimonyView;
use crate::store::{RedactionRow, SegmentRevisionRow};

/// The formats tanu exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The complete record as JSON (JSON Lines for several).
    Json,
    /// A CSV table, one row per testimony.
    Csv,
    /// OHMS XML 5.4.
    Ohms,
    /// WebVTT.
    Vtt,
    /// Dublin Core XML.
    Dc,
}

impl ExportFormat {
    /// Parses `json`, `csv`, `ohms`, `vtt` or `dc`.
    pub fn parse(s: &str) -> Option<ExportFormat> {
        Some(match s.trim().to_lowercase().as_str() {
            "json" => ExportFormat::Json,
            "csv" => ExportFormat::Csv,
            "ohms" | "ohms-xml" => ExportFormat::Ohms,
            "vtt" | "webvtt" => ExportFormat::Vtt,
            "dc" | "dublin-core" => ExportFormat::Dc,
            _ => return None,
        })
    }

    /// The file extension of one exported testimony.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Ohms => "ohms.xml",
            ExportFormat::Vtt => "vtt",
            ExportFormat::Dc => "dc.xml",
        }
    }
}

/// A testimony as an export carries it: what `show` gives the role, and,
/// for archivists only, what a complete backup needs besides.
#[derive(Debug, Clone, Serialize)]
pub struct ExportRecord {
    /// The record as the role sees it.
    pub view: TestimonyView,
    /// Redactions (archivists only).
    pub redactions: Vec<RedactionRow>,
    /// Earlier texts of corrected segments (archivists only).
    pub segment_revisions: Vec<SegmentRevisionRow>,
    /// Every original file of every revision: `(sha256, bytes)`
    /// (archivists only).
    pub originals: Vec<(String, Vec<u8>)>,
    /// The role the export is made for.
    pub role: crate::access::Role,
}

/// An export that cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// WebVTT needs times.
    #[error("`{0}` has no timecodes; a WebVTT export needs at least one timed passage")]
    NoTimecodes(String),
}

impl ExportFormat {
    /// The media type of the format, as HTTP names it.
    pub fn media_type(self) -> &'static str {
        match self {
            ExportFormat::Json => "application/json",
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Ohms | ExportFormat::Dc => "application/xml; charset=utf-8",
            ExportFormat::Vtt => "text/vtt; charset=utf-8",
        }
    }

    /// Whether several testimonies go in one file of this format (JSON
    /// Lines, one CSV table); the others are one file per testimony.
    pub fn holds_many(self) -> bool {
        matches!(self, ExportFormat::Json | ExportFormat::Csv)
    }
}

/// One testimony in `format`.
pub fn render(
    format: ExportFormat,
    r: &ExportRecord,
    vocab: &crate::vocab::Vocabulary,
) -> Result<String, ExportError> {
    Ok(match format {
        ExportFormat::Json => json::to_json(r) + "\n",
        ExportFormat::Csv => csv::to_csv([r]),
        ExportFormat::Ohms => ohms::to_ohms(r, vocab),
        ExportFormat::Vtt => vtt::to_vtt(r)?,
        ExportFormat::Dc => dc::to_dc(r, vocab),
    })
}

/// Several testimonies in one file: JSON Lines or one CSV table; `None`
/// for the formats that hold one testimony per file.
pub fn render_many(format: ExportFormat, records: &[ExportRecord]) -> Option<String> {
    match format {
        ExportFormat::Csv => Some(csv::to_csv(records)),
        ExportFormat::Json => Some(records.iter().map(|r| json::to_json(r) + "\n").collect()),
        _ => None,
    }
}

/// The English name of a language code, as OHMS and catalogues write it.
pub(crate) fn language_name(code: &str) -> &str {
    match code {
        "hu" => "Hungarian",
        "ru" => "Russian",
        "de" => "German",
        "uk" => "Ukrainian",
        "ro" => "Romanian",
        "en" => "English",
        "be" => "Belarusian",
        "sk" => "Slovak",
        other => other,
    }
}
