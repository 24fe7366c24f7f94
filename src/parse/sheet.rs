//! Metadata sheets: a CSV or TSV table with one row per testimony, as
//! archives keep their catalogues in spreadsheets.
//!
//! The first row names the columns. A table is a metadata sheet when one of
//! its columns is `id` or `file` (each row names its transcript by either);
//! every other column must be a tanu header key (any spelling the header
//! accepts, Hungarian included: `title`/`cím`, `narrator_birth_year`/`birth
//! year`, …, see `docs/formats.md`). An unknown column, a row naming no
//! transcript, a repeated id or file, or a bad value (a birth year that is
//! not a year, an unknown access level, an unknown region) fails the sheet
//! with its file and line. Values are checked exactly as header values are.
//!
//! CSV cells are separated by `,` or `;` (whichever the header row uses;
//! spreadsheets in Hungarian locales write `;`), TSV cells by tabs. In list
//! cells (`keywords`, `wave`, `region`, `transit_camp`, `place`) `;` and `,`
//! both separate values.

use std::path::{Path, PathBuf};

use super::{Header, ParseError, canonical_key, parse_header};
use crate::vocab::{Facet, Vocabulary};

/// Spellings of the column that names a transcript by file.
const FILE_COLUMNS: &[&str] = &["file", "file_name", "filename", "fájl", "fajl", "fájlnév"];

/// Keys whose values are lists.
const LIST_KEYS: &[&str] = &["keywords", "wave", "region", "transit_camp", "place"];

/// A metadata sheet read from a file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// The sheet file.
    pub path: PathBuf,
    /// The folder whose transcripts it describes (the sheet's folder).
    pub dir: PathBuf,
    /// Its rows.
    pub rows: Vec<SheetRow>,
}

/// One row: metadata for one transcript.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SheetRow {
    /// 1-based line in the sheet file.
    pub line: usize,
    /// The `file` cell: a file name, or a path relative to the sheet.
    pub file: Option<String>,
    /// The values, checked, as a header (its `id` is the `id` cell).
    pub header: Header,
    /// The canonical keys of the non-empty cells, in column order.
    pub keys: Vec<&'static str>,
    /// Tags as `(facet, vocabulary id, value as written)`, resolved.
    pub tags: Vec<(Facet, String, String)>,
    /// SHA-256 of the row's cells: a changed row makes a new revision of a
    /// transcript whose bytes did not change.
    pub digest: String,
}

/// Whether `path` has a sheet extension (`.csv`, `.tsv`).
pub fn has_sheet_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"))
}

fn column_key(name: &str) -> Option<&'static str> {
    let n = name
        .trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .replace([' ', '-'], "_");
    if FILE_COLUMNS.contains(&n.as_str()) {
        return Some("file");
    }
    canonical_key(&n)
}

/// Reads a sheet from its text. `Ok(None)`: the table is not a metadata
/// sheet (no `id` or `file` column).
pub fn parse(text: &str, path: &Path, vocab: &Vocabulary) -> Result<Option<Sheet>, ParseError> {
    let text = text.trim_start_matches('\u{feff}');
    let first_line = text.lines().next().unwrap_or("");
    let tsv = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
        || first_line.contains('\t');
    let delimiter = if tsv {
        b'\t'
    } else if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let Some(head) = records.next() else {
        return Ok(None);
    };
    let head = head.map_err(csv_error)?;
    let names: Vec<String> = head.iter().map(|c| c.trim().to_string()).collect();
    let keys: Vec<Option<&'static str>> = names.iter().map(|n| column_key(n)).collect();
    if !keys.iter().any(|k| matches!(k, Some("id") | Some("file"))) {
        return Ok(None);
    }
    for (name, key) in names.iter().zip(&keys) {
        if key.is_none() && !name.is_empty() {
            let all = FILE_COLUMNS
                .iter()
                .copied()
                .chain(super::known_header_keys());
            let hint = crate::suggest::did_you_mean(name, all)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            return Err(ParseError::new(
                1,
                format!("unknown column `{name}`{hint} (see docs/formats.md for the columns)"),
            ));
        }
    }
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k
            && keys[..i].contains(&Some(k))
        {
            return Err(ParseError::new(1, format!("column `{k}` appears twice")));
        }
    }
    let mut rows: Vec<SheetRow> = Vec::new();
    let mut seen: std::collections::HashMap<(bool, Option<String>), usize> =
        std::collections::HashMap::new();
    for rec in records {
        let rec = rec.map_err(csv_error)?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        if rows.len() >= crate::limits::MAX_SHEET_ROWS {
            return Err(ParseError::new(
                line,
                format!(
                    "over tanu's limit of {} rows for one metadata sheet; split it",
                    crate::limits::MAX_SHEET_ROWS
                ),
            ));
        }
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rec.len() > names.len() {
            return Err(ParseError::new(
                line,
                format!(
                    "{} cells, but the header row names {} columns",
                    rec.len(),
                    names.len()
                ),
            ));
        }
        let mut file = None;
        let mut cells: Vec<(&'static str, String)> = Vec::new();
        for (cell, key) in rec.iter().zip(&keys) {
            let Some(key) = *key else { continue };
            let mut value = cell.split_whitespace().collect::<Vec<_>>().join(" ");
            if value.is_empty() {
                continue;
            }
            if key == "file" {
                file = Some(value);
                continue;
            }
            if LIST_KEYS.contains(&key) {
                value = value.replace(';', ",");
            }
            cells.push((key, value));
        }
        let header_lines: Vec<String> = cells
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .chain(std::iter::once("---".to_string()))
            .collect();
        let refs: Vec<&str> = header_lines.iter().map(String::as_str).collect();
        let header = match parse_header(&refs) {
            Ok(Some((h, _))) => h,
            Ok(None) => Header::default(),
            Err(e) => {
                let column = cells.get(e.line.saturating_sub(1)).map_or("?", |c| c.0);
                return Err(ParseError::new(
                    line,
                    format!("column `{column}`: {}", e.message),
                ));
            }
        };
        if file.is_none() && header.id.is_none() {
            return Err(ParseError::new(
                line,
                "the row names no transcript: fill in its `id` or `file` cell",
            ));
        }
        // Looked up, not searched: a long sheet must not take quadratic time.
        let named = match &file {
            Some(f) => (true, Some(f.clone())),
            None => (false, header.id.clone()),
        };
        if let Some(prev) = seen.get(&named) {
            return Err(ParseError::new(
                line,
                format!("this row names the same transcript as line {prev}"),
            ));
        }
        seen.insert(named, line);
        let mut tags = Vec::new();
        for ht in &header.tags {
            let facets: &[Facet] = match ht.facet {
                Facet::Region => &[Facet::Region, Facet::Place],
                Facet::Place => &[Facet::Place, Facet::Region],
                Facet::Wave => &[Facet::Wave],
                Facet::TransitCamp => &[Facet::TransitCamp],
            };
            let entry = vocab
                .resolve(facets, &ht.value)
                .map_err(|e| ParseError::new(line, format!("column `{}`: {e}", ht.facet.name())))?;
            tags.push((entry.facet, entry.id.clone(), ht.value.clone()));
        }
        let digest =
            crate::hash::sha256_hex(&[rec.iter().collect::<Vec<_>>().join("\u{1f}").as_bytes()]);
        rows.push(SheetRow {
            line,
            digest,
            file,
            keys: cells.iter().map(|(k, _)| *k).collect(),
            header,
            tags,
        });
    }
    Ok(Some(Sheet {
        path: path.to_path_buf(),
        dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
        rows,
    }))
}

fn csv_error(e: csv::Error) -> ParseError {
    let line = e.position().map_or(1, |p| p.line() as usize);
    ParseError::new(line, format!("not a readable CSV/TSV table: {e}"))
}

impl Sheet {
    /// The row for a transcript at `path` whose identifier (from its own
    /// header or file name) is `id`: the row naming its file (as a path
    /// relative to the sheet's folder, or just the file name), else the
    /// row with its identifier and no file.
    pub fn row_for(&self, path: &Path, id: &str) -> Option<&SheetRow> {
        let rel = path.strip_prefix(&self.dir).unwrap_or(path);
        let rel = rel.to_string_lossy().replace('\\', "/");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.rows
            .iter()
            .find(|r| r.file.as_deref().is_some_and(|f| f == rel || f == name))
            .or_else(|| {
                self.rows
                    .iter()
                    .find(|r| r.file.is_none() && r.header.id.as_deref() == Some(id))
            })
    }
}

impl SheetRow {
    /// Applies the row to a transcript's header: every value the row gives
    /// replaces the transcript's (the sheet is the catalogue, so it wins);
    /// keywords and notes are added to the transcript's. Returns what was
    /// replaced, `key: old → new`.
    pub fn apply(&self, h: &mut Header) -> Vec<String> {
        let r = &self.header;
        let mut changed = Vec::new();
        let mut set = |key: &str, slot: &mut Option<String>, value: &Option<String>| {
            if let Some(v) = value {
                if let Some(old) = slot.as_ref()
                    && old != v
                {
                    changed.push(format!("{key}: {old:?} → {v:?}"));
                }
                *slot = Some(v.clone());
            }
        };
        set("id", &mut h.id, &r.id);
        set("title", &mut h.title, &r.title);
        set("narrator", &mut h.narrator, &r.narrator);
        set("narrator_birthplace", &mut h.birthplace, &r.birthplace);
        set("interviewer", &mut h.interviewer, &r.interviewer);
        set("recorded", &mut h.recorded, &r.recorded);
        set(
            "recording_place",
            &mut h.recording_place,
            &r.recording_place,
        );
        set("embargo", &mut h.embargo, &r.embargo);
        set("source", &mut h.source, &r.source);
        set("summary", &mut h.summary, &r.summary);
        set("rights", &mut h.rights, &r.rights);
        if let Some(y) = r.birth_year {
            if let Some(old) = h.birth_year.filter(|o| *o != y) {
                changed.push(format!("narrator_birth_year: {old} → {y}"));
            }
            h.birth_year = Some(y);
        }
        if let Some(a) = r.access {
            if let Some(old) = h.access.filter(|o| *o != a) {
                changed.push(format!("access: {} → {}", old.name(), a.name()));
            }
            h.access = Some(a);
        }
        if !r.languages.is_empty() {
            if !h.languages.is_empty() && h.languages != r.languages {
                changed.push(format!(
                    "language: {} → {}",
                    h.languages.join(", "),
                    r.languages.join(", ")
                ));
            }
            h.languages = r.languages.clone();
        }
        if !r.speakers.is_empty() {
            h.speakers = r.speakers.clone();
        }
        // Notes accumulate: the transcript's own notes stay, the sheet's follow.
        if let Some(n) = &r.notes {
            h.notes = Some(match h.notes.take() {
                Some(old) if old != *n => format!("{old}\n\n{n}"),
                _ => n.clone(),
            });
        }
        for k in &r.keywords {
            if !h.keywords.contains(k) {
                h.keywords.push(k.clone());
            }
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        Vocabulary::builtin().unwrap()
    }

    #[test]
    fn rows_columns_and_matching() {
        let text = "fájl;id;Cím;birth year;access;region;keywords\n\
            kovacs.srt;hu-srt-1;Elvittek;1926;restricted;Donbasz;bánya, tífusz\n\
            ;hu-mr-001;Más cím;;;;\n";
        let s = parse(text, Path::new("/a/metadata.csv"), &vocab())
            .unwrap()
            .unwrap();
        assert_eq!(s.rows.len(), 2);
        let r = &s.rows[0];
        assert_eq!(r.line, 2);
        assert_eq!(r.file.as_deref(), Some("kovacs.srt"));
        assert_eq!(r.header.birth_year, Some(1926));
        assert_eq!(r.tags[0].1, "donbas");
        assert_eq!(r.header.keywords, ["bánya", "tífusz"]);
        let found = s.row_for(Path::new("/a/kovacs.srt"), "kovacs").unwrap();
        assert_eq!(found.line, 2);
        assert_eq!(
            s.row_for(Path::new("/a/b/x.txt"), "hu-mr-001")
                .unwrap()
                .line,
            3
        );
        assert!(s.row_for(Path::new("/a/y.txt"), "y").is_none());

        let mut h = Header {
            title: Some("Régi".into()),
            keywords: vec!["bánya".into()],
            ..Header::default()
        };
        let changed = found.apply(&mut h);
        assert_eq!(h.id.as_deref(), Some("hu-srt-1"));
        assert_eq!(h.title.as_deref(), Some("Elvittek"));
        assert_eq!(h.keywords, ["bánya", "tífusz"]);
        assert_eq!(changed, ["title: \"Régi\" → \"Elvittek\""]);
    }

    #[test]
    fn tsv_and_non_sheets() {
        let s = parse("id\ttitle\nx-1\tEgy\n", Path::new("m.tsv"), &vocab())
            .unwrap()
            .unwrap();
        assert_eq!(s.rows[0].header.title.as_deref(), Some("Egy"));
        assert!(
            parse("név,év\nKiss,1926\n", Path::new("adatok.csv"), &vocab())
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn errors_name_the_line_and_column() {
        let v = vocab();
        let e = parse("id,title,narator\nx,y,z\n", Path::new("m.csv"), &v).unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("did you mean `narrator`"), "{e}");
        let e = parse("id,birth_year\nx,1926\ny,19x6\n", Path::new("m.csv"), &v).unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("birth_year"), "{e}");
        let e = parse("id,region\nx,Atlantisz\n", Path::new("m.csv"), &v).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("region"), "{e}");
        let e = parse("id,title\nx,a\nx,b\n", Path::new("m.csv"), &v).unwrap_err();
        assert_eq!(e.line, 3);
        let e = parse("file,title\n,a\n", Path::new("m.csv"), &v).unwrap_err();
        assert!(e.message.contains("names no transcript"), "{e}");
    }
}
