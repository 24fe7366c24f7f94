//! The ingest pipeline for one file: bytes → [`NewTestimony`].
//!
//! decode → repair/normalize → parse → language per segment → split
//! overlong paragraphs → validate header tags and suggest tags → a record
//! ready for [`crate::store::Store::write_ingest`]. Pure: no I/O besides what
//! the caller passes in, so every stage is testable on bytes.

use std::path::{Path, PathBuf};

use crate::decode::{DecodeError, decode};
use crate::lang::{Lang, detect};
use crate::parse::sheet::Sheet;
use crate::parse::{ParseError, Segment, parse};
use crate::repair::{Repair, repair};
use crate::store::{NewEvidence, NewTag, NewTestimony};
use crate::tag::Tagger;
use crate::vocab::{Facet, UnknownValue, Vocabulary};

/// Paragraphs longer than this many characters are split into several
/// segments at sentence ends, so that a search hit points at a passage.
pub const MAX_SEGMENT_CHARS: usize = 4000;

/// Why one file could not be ingested.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The bytes are not text.
    #[error("{}: {source}", path.display())]
    Decode {
        /// The file.
        path: PathBuf,
        /// Why.
        source: DecodeError,
    },
    /// The text is not a valid transcript.
    #[error("{}:{}: {}", path.display(), source.line, source.message)]
    Parse {
        /// The file.
        path: PathBuf,
        /// Where and why.
        source: ParseError,
    },
    /// Header tags not in the vocabulary: every unknown value of the file,
    /// one per line (`path:line: unknown region "Atlantisz"`), each with
    /// the closest known value when there is one.
    #[error("{}", unknown_tags_message(path, unknown))]
    UnknownTags {
        /// The file.
        path: PathBuf,
        /// The header line and the unknown value (with a suggestion).
        unknown: Vec<(usize, UnknownValue)>,
    },
    /// The file parsed but holds no text.
    #[error("{}: no transcript text found (only a header?)", path.display())]
    NoText {
        /// The file.
        path: PathBuf,
    },
    /// Storing failed.
    #[error("{}: {source}", path.display())]
    Store {
        /// The file.
        path: PathBuf,
        /// Why.
        source: crate::store::StoreError,
    },
}

fn unknown_tags_message(path: &Path, unknown: &[(usize, UnknownValue)]) -> String {
    unknown
        .iter()
        .map(|(line, v)| format!("{}:{line}: {v}", path.display()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Options for reading a file.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Force an encoding instead of detecting it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Allow a file with another name to replace an existing identifier.
    pub replace: bool,
    /// The metadata sheet of the file's folder, if there is one: its row
    /// for the file (by file name or identifier) is applied to the header.
    pub sheet: Option<std::sync::Arc<Sheet>>,
}

/// Turns the bytes of `path` into a record to store.
pub fn prepare(
    path: &Path,
    bytes: Vec<u8>,
    opts: &IngestOptions,
    vocab: &Vocabulary,
    tagger: &Tagger,
) -> Result<NewTestimony, IngestError> {
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("untitled");
    let decoded = decode(&bytes, opts.encoding).map_err(|source| IngestError::Decode {
        path: path.into(),
        source,
    })?;
    let (text, mut repairs) = repair(&decoded.text);
    let (format, transcript) = parse(&text, file_name).map_err(|source| IngestError::Parse {
        path: path.into(),
        source,
    })?;
    let mut header = transcript.header;
    let mut sheet_tags: Vec<NewTag> = Vec::new();
    if let Some(sheet) = &opts.sheet {
        let id = header
            .id
            .clone()
            .unwrap_or_else(|| crate::parse::identifier_from_file_name(file_name));
        if let Some(row) = sheet.row_for(path, &id) {
            // An identifier or title made from the file name is not the
            // transcript's own: the sheet's replaces it without a warning.
            if row.header.id.is_some()
                && header.id.as_deref() == Some(id.as_str())
                && id == crate::parse::identifier_from_file_name(file_name)
            {
                header.id = None;
            }
            if row.header.title.is_some()
                && header.title == Some(crate::parse::title_from_file_name(file_name))
            {
                header.title = None;
            }
            let changed = row.apply(&mut header);
            if row.header.id.is_some() {
                header.id_derived = false;
            }
            let sheet_name = sheet.path.file_name().map_or_else(
                || sheet.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let mut examples = vec![format!(
                "{sheet_name} line {}: {}",
                row.line,
                row.keys.join(", ")
            )];
            examples.extend(changed.into_iter().map(|c| format!("replaced {c}")));
            header.properties.insert(
                "tanu.metadata_sheet".into(),
                format!("{sheet_name} line {} (row sha256 {})", row.line, row.digest),
            );
            repairs.push(Repair {
                kind: "metadata-from-sheet".into(),
                count: row.keys.len(),
                examples,
            });
            for (facet, value, written) in &row.tags {
                sheet_tags.push(NewTag {
                    facet: *facet,
                    value: value.clone(),
                    source: "header",
                    confidence: 1.0,
                    evidence: vec![NewEvidence {
                        ordinal: None,
                        span: None,
                        matched: written.clone(),
                        alias: None,
                        rule: format!("metadata-sheet {sheet_name}"),
                        line: Some(row.line),
                    }],
                });
            }
        }
    }
    if !transcript.warnings.is_empty() {
        repairs.push(Repair {
            kind: format!("{}-import-notes", format.name()),
            count: transcript.warnings.len(),
            examples: transcript.warnings.clone(),
        });
    }
    let index_points = transcript.index_points;
    let prior = header.languages.first().map(|c| Lang::for_code(c));
    let mut segments = split_long_segments(transcript.segments, &mut repairs);
    let mut previous = prior;
    for seg in &mut segments {
        let lang = detect(&seg.text, prior.or(previous));
        seg.lang = Some(lang);
        previous = Some(lang);
    }
    if segments.is_empty() && index_points.is_empty() {
        return Err(IngestError::NoText { path: path.into() });
    }
    let mixed = segments
        .iter()
        .flat_map(|s| crate::analysis::words(&s.text))
        .filter(|w| crate::analysis::is_mixed_script(w.text))
        .count();
    if mixed > 0 {
        repairs.push(Repair {
            kind: "mixed-script-words-normalized-for-search".into(),
            count: mixed,
            examples: vec![
                "look-alike Latin/Cyrillic letters are matched as the word's own script".into(),
            ],
        });
    }

    let mut tags: Vec<NewTag> = Vec::new();
    let mut unknown: Vec<(usize, UnknownValue)> = Vec::new();
    for ht in &header.tags {
        let facets: &[Facet] = match ht.facet {
            Facet::Region => &[Facet::Region, Facet::Place],
            Facet::Place => &[Facet::Place, Facet::Region],
            f => std::slice::from_ref(match f {
                Facet::Wave => &Facet::Wave,
                _ => &Facet::TransitCamp,
            }),
        };
        let entry = match vocab.resolve(facets, &ht.value) {
            Ok(e) => e,
            Err(e) => {
                unknown.push((ht.line, e));
                continue;
            }
        };
        if tags.iter().any(|t| t.value == entry.id) {
            continue;
        }
        tags.push(NewTag {
            facet: entry.facet,
            value: entry.id.clone(),
            source: "header",
            confidence: 1.0,
            evidence: vec![NewEvidence {
                ordinal: None,
                span: None,
                matched: ht.value.clone(),
                alias: None,
                rule: "header".into(),
                line: Some(ht.line),
            }],
        });
    }
    if !unknown.is_empty() {
        return Err(IngestError::UnknownTags {
            path: path.into(),
            unknown,
        });
    }
    for t in sheet_tags {
        match tags.iter_mut().find(|x| x.value == t.value) {
            Some(existing) => existing.evidence.extend(t.evidence),
            None => tags.push(t),
        }
    }
    // Subjects and keywords of other formats: tags when they name a
    // vocabulary entry, keywords otherwise (never an error).
    for (value, line, rule) in &header.soft_tags {
        let facets = [Facet::Wave, Facet::TransitCamp, Facet::Region, Facet::Place];
        match vocab.resolve(&facets, value) {
            Ok(entry) if !entry.group => {
                let evidence = NewEvidence {
                    ordinal: None,
                    span: None,
                    matched: value.clone(),
                    alias: None,
                    rule: (*rule).to_string(),
                    line: Some(*line),
                };
                match tags.iter_mut().find(|t| t.value == entry.id) {
                    Some(existing) => existing.evidence.push(evidence),
                    None => tags.push(NewTag {
                        facet: entry.facet,
                        value: entry.id.clone(),
                        source: "header",
                        confidence: 1.0,
                        evidence: vec![evidence],
                    }),
                }
            }
            _ if *rule != "ohms-index-point" && !header.keywords.contains(value) => {
                header.keywords.push(value.clone());
            }
            _ => {}
        }
    }
    let narrator = crate::tag::Narrator {
        birthplace: header.birthplace.as_deref(),
        birth_year: header.birth_year.map(i64::from),
        lives_in: header.recording_place.as_deref(),
    };
    for s in tagger.suggest(&narrator, &segments) {
        if let Some(existing) = tags
            .iter_mut()
            .find(|t| t.value == s.value && t.facet == s.facet)
        {
            existing.evidence.extend(s.evidence);
        } else {
            tags.push(s);
        }
    }

    let id = header
        .id
        .clone()
        .unwrap_or_else(|| crate::parse::identifier_from_file_name(file_name));
    let sha256 = crate::hash::sha256_hex(&[&bytes]);
    Ok(NewTestimony {
        title: header.title.clone().unwrap_or_else(|| id.clone()),
        id,
        narrator: header.narrator,
        narrator_birth_year: header.birth_year,
        narrator_birthplace: header.birthplace,
        interviewer: header.interviewer,
        recorded: header.recorded,
        recording_place: header.recording_place,
        languages: if header.languages.is_empty() {
            let mut l: Vec<String> = segments
                .iter()
                .filter_map(|s| s.lang)
                .map(|l| l.code().to_string())
                .collect();
            l.sort();
            l.dedup();
            // `other` says that tanu does not analyse the text; beside a
            // language it does, it is noise (names, a quoted line).
            if l.len() > 1 {
                l.retain(|c| c != "other");
            }
            l
        } else {
            header.languages
        },
        access: header.access.unwrap_or_default(),
        embargo_until: header.embargo,
        keywords: header.keywords,
        speakers: header.speakers,
        source: header.source,
        notes: header.notes,
        summary: header.summary,
        rights: header.rights,
        properties: header.properties,
        index_points,
        format: format.name().to_string(),
        source_path: path.display().to_string(),
        source_abs: None,
        id_derived: header.id_derived,
        bytes,
        sha256,
        encoding: decoded.encoding.to_string(),
        encoding_confidence: f64::from(decoded.confidence),
        repairs,
        segments,
        tags,
    })
}

/// Splits paragraphs longer than [`MAX_SEGMENT_CHARS`] at sentence ends
/// (or spaces) into pieces of about half that size, recording the repair.
fn split_long_segments(segments: Vec<Segment>, repairs: &mut Vec<Repair>) -> Vec<Segment> {
    let mut out = Vec::with_capacity(segments.len());
    let mut split = 0;
    for seg in segments {
        if seg.text.chars().count() <= MAX_SEGMENT_CHARS {
            out.push(seg);
            continue;
        }
        let pieces = split_text(&seg.text, MAX_SEGMENT_CHARS / 2);
        split += 1;
        let n = pieces.len();
        for (i, p) in pieces.into_iter().enumerate() {
            out.push(Segment {
                start_ms: if i == 0 { seg.start_ms } else { None },
                end_ms: if i + 1 == n { seg.end_ms } else { None },
                speaker: seg.speaker.clone(),
                text: p,
                lang: seg.lang,
                line: seg.line,
            });
        }
    }
    if split > 0 {
        repairs.push(Repair {
            kind: "long-paragraph-split".into(),
            count: split,
            examples: vec![format!(
                "paragraphs over {MAX_SEGMENT_CHARS} characters split at sentence ends"
            )],
        });
    }
    out
}

fn split_text(text: &str, target: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while rest.chars().count() > target * 2 {
        // Byte index of the `target`-th character.
        let limit = rest
            .char_indices()
            .nth(target * 2)
            .map_or(rest.len(), |(i, _)| i);
        let window = &rest[..limit];
        let min = rest.char_indices().nth(target / 2).map_or(0, |(i, _)| i);
        let cut = window[min..]
            .match_indices(['.', '!', '?', '…'])
            .map(|(i, m)| min + i + m.len())
            .filter(|&i| rest[i..].starts_with(char::is_whitespace))
            .min_by_key(|&i| {
                i.abs_diff(window.char_indices().nth(target).map_or(limit, |(j, _)| j))
            })
            .or_else(|| window[min..].rfind(char::is_whitespace).map(|i| min + i))
            .unwrap_or(limit);
        let cut = if cut == 0 { limit } else { cut };
        out.push(rest[..cut].trim().to_string());
        rest = rest[cut..].trim_start();
    }
    if !rest.trim().is_empty() {
        out.push(rest.trim().to_string());
    }
    out
}

/// Expands files and folders into the files to ingest, in a stable order.
/// Folders are walked recursively; hidden entries are skipped, and inside
/// folders only transcript-like extensions are taken. Returns the files
/// and the number of files skipped for their extension (metadata sheets
/// among them: see [`collect`]).
pub fn collect_files(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, usize), IngestError> {
    let c = collect(paths)?;
    Ok((c.files, c.skipped + c.sheets.len()))
}

/// What [`collect`] found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Collected {
    /// Transcript files, in a stable order.
    pub files: Vec<PathBuf>,
    /// Candidate metadata sheets (`.csv`, `.tsv`), to read with
    /// [`read_sheet`].
    pub sheets: Vec<PathBuf>,
    /// Files skipped for their extension.
    pub skipped: usize,
}

/// Like [`collect_files`], keeping CSV/TSV files apart as candidate
/// metadata sheets.
pub fn collect(paths: &[PathBuf]) -> Result<Collected, IngestError> {
    let mut c = Collected::default();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|source| IngestError::Io {
            path: p.clone(),
            source,
        })?;
        if meta.is_dir() {
            walk(p, &mut c)?;
        } else if crate::parse::sheet::has_sheet_extension(p) {
            c.sheets.push(p.clone());
        } else {
            c.files.push(p.clone());
        }
    }
    Ok(c)
}

/// Reads a candidate metadata sheet (any encoding). `Ok(None)`: a table
/// that is not a metadata sheet (no `id` or `file` column).
pub fn read_sheet(path: &Path, vocab: &Vocabulary) -> Result<Option<Sheet>, IngestError> {
    let bytes = crate::limits::read_input(path).map_err(|source| IngestError::Io {
        path: path.into(),
        source,
    })?;
    let decoded = decode(&bytes, None).map_err(|source| IngestError::Decode {
        path: path.into(),
        source,
    })?;
    crate::parse::sheet::parse(&decoded.text, path, vocab).map_err(|source| IngestError::Parse {
        path: path.into(),
        source,
    })
}

/// The sheet that describes `path`: the one in the nearest folder above it.
pub fn sheet_for<'a>(
    path: &Path,
    sheets: &'a [std::sync::Arc<Sheet>],
) -> Option<&'a std::sync::Arc<Sheet>> {
    sheets
        .iter()
        .filter(|s| path.starts_with(&s.dir))
        .max_by_key(|s| s.dir.components().count())
}

/// File extensions taken from folders.
pub const TRANSCRIPT_EXTENSIONS: &[&str] = &["txt", "text", "tanu", "vtt", "srt", "xml", "json"];

fn walk(dir: &Path, c: &mut Collected) -> Result<(), IngestError> {
    let rd = std::fs::read_dir(dir).map_err(|source| IngestError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut entries: Vec<PathBuf> = Vec::new();
    for e in rd {
        let e = e.map_err(|source| IngestError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        entries.push(e.path());
    }
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, c)?;
        } else if crate::parse::sheet::has_sheet_extension(&path) {
            c.sheets.push(path);
        } else {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_lowercase)
                .unwrap_or_default();
            if TRANSCRIPT_EXTENSIONS.contains(&ext.as_str()) {
                c.files.push(path);
            } else {
                c.skipped += 1;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_splits_at_sentences() {
        let sentence = "Elvittek minket a táborba, és ott dolgoztunk sokáig a bányában. ";
        let text = sentence.repeat(200);
        let pieces = split_text(text.trim(), 2000);
        assert!(pieces.len() >= 5, "{}", pieces.len());
        for p in &pieces {
            assert!(p.ends_with('.'), "{p}");
            assert!(p.chars().count() <= 4000);
        }
        assert_eq!(pieces.join(" "), text.trim());
        let words = "szó ".repeat(5000);
        let pieces = split_text(words.trim(), 2000);
        assert!(pieces.iter().all(|p| p.chars().count() <= 4000));
        assert_eq!(pieces.join(" "), words.trim());
    }
}
