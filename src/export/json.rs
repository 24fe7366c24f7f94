//! The complete record as JSON: tanu's backup format.
//!
//! One JSON object per testimony (JSON Lines for `export --all`):
//!
//! ```json
//! {"tanu_export": 1, "exported_at": "2026-11-27T10:00:00Z", "role": "archivist",
//!  "testimony": {…metadata, status, format, encoding, repairs, timestamps…},
//!  "segments": [{"ordinal": 1, "start_ms": 5000, "end_ms": 9000, "speaker": "K",
//!                "lang": "hu", "text": "…"}],
//!  "tags": [{"facet": "region", "value": "donbas", "source": "header",
//!            "status": "confirmed", "confidence": 1.0, "evidence": […], …}],
//!  "index_points": […], "revisions": […], "redactions": […],
//!  "segment_revisions": […],
//!  "originals": [{"sha256": "…", "size": 1234, "base64": "…"}]}
//! ```
//!
//! Importing an archivist's export (`tanu ingest`, recognised by the
//! `tanu_export` key) recreates the record exactly — same metadata, status,
//! texts, tags and decisions, history and originals — so an export of the
//! imported record equals the first one except for `exported_at`. Exports
//! made for the public or researcher role are not complete (redacted text,
//! no originals) and are refused by import.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use super::ExportRecord;
use crate::access::Role;
use crate::parse::{IndexPoint, ParseError};
use crate::store::{
    RestoreRecord, RestoredRedaction, RevisionRow, SegmentRevisionRow, SegmentRow, TagRow,
    TestimonyRow,
};

/// The version of the export document this tanu writes.
pub const EXPORT_VERSION: u32 = 1;

/// An original file, base64-encoded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OriginalDoc {
    /// SHA-256 of the bytes.
    pub sha256: String,
    /// Size in bytes.
    pub size: usize,
    /// The bytes, standard base64.
    pub base64: String,
}

/// One exported testimony.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportDoc {
    /// Document version ([`EXPORT_VERSION`]).
    pub tanu_export: u32,
    /// When the export was made (the one field that differs between two
    /// exports of the same record).
    pub exported_at: String,
    /// The role the export was made for.
    pub role: Role,
    /// Metadata.
    pub testimony: TestimonyRow,
    /// The transcript.
    pub segments: Vec<SegmentRow>,
    /// Tags.
    pub tags: Vec<TagRow>,
    /// Index points.
    #[serde(default)]
    pub index_points: Vec<IndexPoint>,
    /// Revisions (archivist exports).
    #[serde(default)]
    pub revisions: Vec<RevisionRow>,
    /// Redactions (archivist exports).
    #[serde(default)]
    pub redactions: Vec<RestoredRedaction>,
    /// Earlier texts of corrected segments (archivist exports).
    #[serde(default)]
    pub segment_revisions: Vec<SegmentRevisionRow>,
    /// Original files (archivist exports).
    #[serde(default)]
    pub originals: Vec<OriginalDoc>,
}

/// Builds the export document of a record.
pub fn document(r: &ExportRecord) -> ExportDoc {
    let v = &r.view;
    ExportDoc {
        tanu_export: EXPORT_VERSION,
        exported_at: crate::dates::now_rfc3339(),
        role: r.role,
        testimony: v.testimony.clone(),
        segments: v.segments.clone(),
        tags: v.tags.clone(),
        index_points: v.index_points.clone(),
        revisions: v.revisions.clone(),
        redactions: r
            .redactions
            .iter()
            .map(|d| RestoredRedaction {
                ordinal: d.ordinal,
                span: d.span,
                reason: d.reason.clone(),
                actor: d.actor.clone(),
                at: d.at.clone(),
                active: d.active,
            })
            .collect(),
        segment_revisions: r.segment_revisions.clone(),
        originals: r
            .originals
            .iter()
            .map(|(sha, bytes)| OriginalDoc {
                sha256: sha.clone(),
                size: bytes.len(),
                base64: STANDARD.encode(bytes),
            })
            .collect(),
    }
}

/// The record as one line of JSON.
pub fn to_json(r: &ExportRecord) -> String {
    serde_json::to_string(&document(r)).unwrap_or_default()
}

/// Whether `bytes` hold a tanu JSON export (one document, or JSON Lines).
pub fn is_export(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let head = &b[start..b.len().min(start + 64)];
    head.starts_with(b"{") && {
        let h = String::from_utf8_lossy(head);
        h.replace([' ', '\t', '\n', '\r'], "")
            .starts_with("{\"tanu_export\"")
    }
}

/// Parses every document of an export file: a single (possibly
/// pretty-printed) object, or JSON Lines. Each document comes with its
/// 1-based line.
pub fn parse_documents(text: &str) -> Vec<Result<(usize, ExportDoc), ParseError>> {
    let text = text.trim_start_matches('\u{feff}');
    let mut out = Vec::new();
    let stream = serde_json::Deserializer::from_str(text).into_iter::<ExportDoc>();
    let mut stream = stream;
    loop {
        let offset = stream.byte_offset();
        let line = text[..offset.min(text.len())].matches('\n').count() + 1;
        // The document starts at the first non-blank character.
        let rest = &text[offset.min(text.len())..];
        let doc_line = line
            + rest[..rest.len() - rest.trim_start().len()]
                .matches('\n')
                .count();
        match stream.next() {
            None => break,
            Some(Ok(doc)) => out.push(Ok((doc_line, doc))),
            Some(Err(e)) => {
                out.push(Err(ParseError::new(
                    e.line().max(1),
                    format!("not a valid tanu export: {e}"),
                )));
                break;
            }
        }
    }
    out
}

/// Checks a document and turns it into a record to restore.
pub fn restore_record(doc: ExportDoc) -> Result<RestoreRecord, String> {
    if doc.tanu_export > EXPORT_VERSION {
        return Err(format!(
            "export version {} was written by a newer tanu (this one reads {EXPORT_VERSION})",
            doc.tanu_export
        ));
    }
    if doc.role != Role::Archivist {
        return Err(format!(
            "this export was made for the {} role: it lacks the originals and hides redacted or \
             internal text, so it cannot recreate the record (export as archivist for backups)",
            doc.role.name()
        ));
    }
    if !crate::parse::is_valid_identifier(&doc.testimony.id) {
        return Err(format!("invalid testimony id {:?}", doc.testimony.id));
    }
    let mut originals = Vec::new();
    for o in &doc.originals {
        let bytes = STANDARD
            .decode(o.base64.as_bytes())
            .map_err(|e| format!("original {} is not valid base64: {e}", o.sha256))?;
        originals.push((o.sha256.clone(), bytes));
    }
    Ok(RestoreRecord {
        testimony: doc.testimony,
        segments: doc.segments,
        tags: doc.tags,
        index_points: doc.index_points,
        revisions: doc.revisions,
        redactions: doc.redactions,
        segment_revisions: doc.segment_revisions,
        originals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_exports() {
        assert!(is_export(
            b"\xef\xbb\xbf\n {\n  \"tanu_export\": 1, \"x\": 2}"
        ));
        assert!(!is_export(b"{\"id\": 1}"));
        assert!(!is_export(b"id: x\n---\n"));
    }

    #[test]
    fn broken_documents_name_the_line() {
        let docs = parse_documents("{\"tanu_export\": 1,\n \"role\": \"archivist\"\n");
        assert_eq!(docs.len(), 1);
        let e = docs[0].as_ref().unwrap_err();
        assert!(e.message.contains("not a valid tanu export"), "{e}");
        assert_eq!(e.line, 3);
    }
}
