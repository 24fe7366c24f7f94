//! One row per testimony, in the columns of a metadata sheet
//! ([`crate::parse::sheet`]): an exported table can be edited in a
//! spreadsheet and ingested back beside the transcripts. Lists are joined
//! by `, ` (tags are their vocabulary ids, confirmed ones only); `file` is
//! the file the testimony was last ingested from (archivists only).

use super::ExportRecord;

/// The columns, in order.
pub const COLUMNS: &[&str] = &[
    "id",
    "file",
    "title",
    "narrator",
    "narrator_birth_year",
    "narrator_birthplace",
    "interviewer",
    "recorded",
    "recording_place",
    "language",
    "access",
    "embargo",
    "wave",
    "region",
    "transit_camp",
    "place",
    "keywords",
    "speakers",
    "source",
    "notes",
    "summary",
    "rights",
];

/// The header fields of a record, as `(column, value)` in [`COLUMNS`]
/// order (empty values included).
pub fn header_fields(r: &ExportRecord) -> Vec<(&'static str, String)> {
    let t = &r.view.testimony;
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    let tags = |facet: &str| {
        r.view
            .tags
            .iter()
            .filter(|g| g.facet == facet && g.status == "confirmed")
            .map(|g| g.value.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let file = std::path::Path::new(&t.source_path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    COLUMNS
        .iter()
        .map(|&c| {
            let value = match c {
                "id" => t.id.clone(),
                "file" => file.clone(),
                "title" => t.title.clone(),
                "narrator" => o(&t.narrator),
                "narrator_birth_year" => t
                    .narrator_birth_year
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
                "narrator_birthplace" => o(&t.narrator_birthplace),
                "interviewer" => o(&t.interviewer),
                "recorded" => o(&t.recorded),
                "recording_place" => o(&t.recording_place),
                "language" => t.languages.join(", "),
                "access" => t.access.name().to_string(),
                "embargo" => o(&t.embargo_until),
                "wave" | "region" | "transit_camp" | "place" => tags(c),
                "keywords" => t.keywords.join(", "),
                "speakers" => t
                    .speakers
                    .iter()
                    .map(|s| format!("{} = {}", s.label, s.name))
                    .collect::<Vec<_>>()
                    .join("; "),
                "source" => o(&t.source),
                "notes" => o(&t.notes),
                "summary" => o(&t.summary),
                "rights" => o(&t.rights),
                _ => String::new(),
            };
            (c, value)
        })
        .collect()
}

/// A CSV table of `records` with a header row.
pub fn to_csv<'a>(records: impl IntoIterator<Item = &'a ExportRecord>) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = w.write_record(COLUMNS);
    for r in records {
        let row: Vec<String> = header_fields(r).into_iter().map(|(_, v)| v).collect();
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
