//! The `key: value` header of a tanu transcript.

use serde::{Deserialize, Serialize};

use super::ParseError;
use crate::vocab::Facet;

/// Who may see a testimony.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Access {
    /// Anyone.
    #[default]
    Public,
    /// Researchers and archivists.
    Restricted,
    /// Archivists only.
    Sealed,
}

impl Access {
    /// The stored name.
    pub fn name(self) -> &'static str {
        match self {
            Access::Public => "public",
            Access::Restricted => "restricted",
            Access::Sealed => "sealed",
        }
    }

    /// Parses a stored or typed name (English or Hungarian).
    pub fn parse(value: &str) -> Option<Access> {
        Some(match value.trim().to_lowercase().as_str() {
            "public" | "nyilvános" | "nyilvanos" | "open" => Access::Public,
            "restricted" | "korlátozott" | "korlatozott" | "researcher" | "researchers" => {
                Access::Restricted
            }
            "sealed" | "zárolt" | "zarolt" | "closed" => Access::Sealed,
            _ => return None,
        })
    }
}

/// A speaker label and who it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The label used in the body (`K`, `N`, `И`).
    pub label: String,
    /// Who that is (`Szabó Anna (kérdező)`).
    pub name: String,
}

/// A tag given in the header, to be checked against the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderTag {
    /// Which vocabulary.
    pub facet: Facet,
    /// The value as written (an id or any alias).
    pub value: String,
    /// The header line it came from.
    pub line: usize,
}

/// Testimony metadata from a header.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Header {
    /// Stable identifier.
    pub id: Option<String>,
    /// Whether `id` was made from the file name (no identifier in the file).
    pub id_derived: bool,
    /// Title.
    pub title: Option<String>,
    /// Narrator's name.
    pub narrator: Option<String>,
    /// Narrator's year of birth.
    pub birth_year: Option<i32>,
    /// Narrator's birthplace.
    pub birthplace: Option<String>,
    /// Interviewer.
    pub interviewer: Option<String>,
    /// Recording date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub recorded: Option<String>,
    /// Recording place.
    pub recording_place: Option<String>,
    /// Language codes, the first being the default for segments.
    pub languages: Vec<String>,
    /// Access level.
    pub access: Option<Access>,
    /// Embargo date `YYYY-MM-DD`.
    pub embargo: Option<String>,
    /// Tags to validate against the vocabulary.
    pub tags: Vec<HeaderTag>,
    /// Free keywords.
    pub keywords: Vec<String>,
    /// Declared speaker labels.
    pub speakers: Vec<Speaker>,
    /// Provenance.
    pub source: Option<String>,
    /// Archivist notes.
    pub notes: Option<String>,
    /// Abstract of the interview (OHMS `description`, Dublin Core
    /// `description`).
    pub summary: Option<String>,
    /// Rights statement.
    pub rights: Option<String>,
    /// Source fields tanu has no column for, kept verbatim (`ohms.duration`).
    pub properties: std::collections::BTreeMap<String, String>,
    /// Subjects and keywords from other formats (OHMS `subject`, `keyword`):
    /// they become vocabulary tags when they resolve and keywords otherwise,
    /// never an error. `(value, line, rule)`.
    pub soft_tags: Vec<(String, usize, &'static str)>,
}

/// Canonical header keys and the spellings accepted for them.
const KEYS: &[(&str, &[&str])] = &[
    ("id", &["id", "identifier", "azonosító", "azonosito"]),
    ("title", &["title", "cím", "cim"]),
    (
        "narrator",
        &["narrator", "elbeszélő", "elbeszelo", "interviewee"],
    ),
    (
        "narrator_birth_year",
        &[
            "narrator_birth_year",
            "birth_year",
            "születési_év",
            "szuletesi_ev",
        ],
    ),
    (
        "narrator_birthplace",
        &[
            "narrator_birthplace",
            "birthplace",
            "születési_hely",
            "szuletesi_hely",
        ],
    ),
    ("interviewer", &["interviewer", "kérdező", "kerdezo"]),
    (
        "recorded",
        &[
            "recorded",
            "recording_date",
            "date",
            "felvétel_dátuma",
            "felvetel_datuma",
        ],
    ),
    (
        "recording_place",
        &["recording_place", "felvétel_helye", "felvetel_helye"],
    ),
    ("language", &["language", "languages", "nyelv"]),
    ("access", &["access", "hozzáférés", "hozzaferes"]),
    (
        "embargo",
        &["embargo", "embargo_until", "zárolva", "zarolva"],
    ),
    ("wave", &["wave", "hullám", "hullam"]),
    ("region", &["region", "régió", "regio"]),
    (
        "transit_camp",
        &["transit_camp", "transit", "gyűjtőtábor", "gyujtotabor"],
    ),
    ("place", &["place", "helyszín", "helyszin"]),
    ("keywords", &["keywords", "kulcsszavak"]),
    ("speakers", &["speakers", "beszélők", "beszelok"]),
    ("source", &["source", "forrás", "forras"]),
    ("notes", &["notes", "megjegyzés", "megjegyzes"]),
    (
        "summary",
        &[
            "summary",
            "description",
            "abstract",
            "összefoglaló",
            "osszefoglalo",
        ],
    ),
    ("rights", &["rights", "jogok"]),
];

/// Keys that may repeat; their values accumulate.
const REPEATABLE: &[&str] = &[
    "wave",
    "region",
    "transit_camp",
    "place",
    "language",
    "keywords",
];

/// Every accepted header key spelling, for documentation and suggestions.
pub fn known_header_keys() -> impl Iterator<Item = &'static str> {
    KEYS.iter()
        .flat_map(|(_, spellings)| spellings.iter().copied())
}

pub(crate) fn canonical_key(raw: &str) -> Option<&'static str> {
    let k: String = raw
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect();
    KEYS.iter()
        .find(|(_, spellings)| spellings.contains(&k.as_str()))
        .map(|(canon, _)| *canon)
}

/// Splits `key: value` if the line looks like a header line: a short key of
/// letters, spaces, `_` or `-`, then a colon.
fn split_key_value(line: &str) -> Option<(&str, &str)> {
    let (k, v) = line.split_once(':')?;
    let key = k.trim();
    let plausible = !key.is_empty()
        && key.chars().count() <= 30
        && !line.starts_with(char::is_whitespace)
        && key
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '_' | '-'));
    plausible.then_some((key, v.trim()))
}

fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.chars().all(|c| c == '-')
}

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

/// Finds and parses the header. `Ok(None)` means the file has no header.
pub(crate) fn parse_header(lines: &[&str]) -> Result<Option<(Header, usize)>, ParseError> {
    let first = lines
        .iter()
        .position(|l| !l.trim().is_empty() && !is_comment(l));
    let Some(first) = first else { return Ok(None) };
    // A header is a block of `key: value` lines closed by `---`, or starts
    // with two known keys (so that a header missing its `---` is reported,
    // while a plain transcript opening with `KÉRDEZŐ: …` is not a header).
    let is_key_line = |l: &str| split_key_value(l).is_some_and(|(k, _)| canonical_key(k).is_some());
    let mut content = lines
        .iter()
        .enumerate()
        .skip(first)
        .filter(|(_, l)| !l.trim().is_empty() && !is_comment(l));
    let two_known_keys = content.next().is_some_and(|(_, l)| is_key_line(l))
        && content.next().is_some_and(|(_, l)| is_key_line(l));
    let separator = lines
        .iter()
        .take(first + 60)
        .position(|l| is_separator(l))
        .filter(|&s| s > first);
    let block_of_keys = separator.is_some_and(|sep| {
        lines[first..sep].iter().all(|l| {
            l.trim().is_empty()
                || is_comment(l)
                || split_key_value(l).is_some()
                || l.starts_with([' ', '\t'])
        })
    });
    if !two_known_keys && !block_of_keys {
        return Ok(None);
    }
    let Some(separator) = separator else {
        // Report the first line that is not part of a header, if any.
        for (i, l) in lines.iter().enumerate().skip(first) {
            if l.trim().is_empty() || is_comment(l) || l.starts_with([' ', '\t']) {
                continue;
            }
            if split_key_value(l).is_none() {
                let shown: String = l.chars().take(40).collect();
                return Err(ParseError::new(
                    i + 1,
                    format!(
                        "header line is not `key: value`: {shown:?} (and no `---` line closes the header)"
                    ),
                ));
            }
        }
        return Err(ParseError::new(
            first + 1,
            "the header has no closing `---` line (a header is `key: value` lines, then a line of three dashes)",
        ));
    };

    let mut fields: Vec<(&'static str, String, usize)> = Vec::new();
    for (i, line) in lines.iter().enumerate().take(separator).skip(first) {
        let lineno = i + 1;
        if line.trim().is_empty() || is_comment(line) {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            match fields.last_mut() {
                Some((_, value, _)) => {
                    value.push(' ');
                    value.push_str(line.trim());
                    continue;
                }
                None => {
                    return Err(ParseError::new(
                        lineno,
                        "an indented continuation line before any header key",
                    ));
                }
            }
        }
        let Some((key, value)) = split_key_value(line) else {
            let shown: String = line.chars().take(40).collect();
            return Err(ParseError::new(
                lineno,
                format!("header line is not `key: value`: {shown:?}"),
            ));
        };
        let Some(canon) = canonical_key(key) else {
            let hint = crate::suggest::did_you_mean(key, known_header_keys())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            return Err(ParseError::new(
                lineno,
                format!("unknown header key `{key}`{hint}"),
            ));
        };
        if !REPEATABLE.contains(&canon) && fields.iter().any(|(k, _, _)| *k == canon) {
            return Err(ParseError::new(
                lineno,
                format!("header key `{canon}` appears twice"),
            ));
        }
        fields.push((canon, value.to_string(), lineno));
    }

    let mut h = Header::default();
    for (key, value, line) in fields {
        if value.is_empty() {
            continue;
        }
        let text = Some(value.clone());
        match key {
            "id" => {
                if !super::is_valid_identifier(&value) {
                    return Err(ParseError::new(
                        line,
                        format!(
                            "invalid id {value:?}: use letters, digits, '.', '_', '-' (up to 64, starting with a letter or digit)"
                        ),
                    ));
                }
                h.id = text;
            }
            "title" => h.title = text,
            "narrator" => h.narrator = text,
            "narrator_birth_year" => {
                let year: i32 = value
                    .parse()
                    .ok()
                    .filter(|y| (1850..=2030).contains(y))
                    .ok_or_else(|| {
                        ParseError::new(
                            line,
                            format!("birth year {value:?} is not a year between 1850 and 2030"),
                        )
                    })?;
                h.birth_year = Some(year);
            }
            "narrator_birthplace" => h.birthplace = text,
            "interviewer" => h.interviewer = text,
            "recorded" => {
                h.recorded =
                    Some(crate::dates::normalize_partial_date(&value).ok_or_else(|| {
                        ParseError::new(
                            line,
                            format!("recording date {value:?} is not YYYY, YYYY-MM or YYYY-MM-DD"),
                        )
                    })?)
            }
            "recording_place" => h.recording_place = text,
            "language" => {
                for part in value
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                {
                    let code = crate::lang::normalize_code(part).ok_or_else(|| {
                        ParseError::new(
                            line,
                            format!("unknown language {part:?} (use hu, ru, de, uk, ro, en)"),
                        )
                    })?;
                    if !h.languages.iter().any(|l| l == code) {
                        h.languages.push(code.to_string());
                    }
                }
            }
            "access" => {
                h.access = Some(Access::parse(&value).ok_or_else(|| {
                    ParseError::new(
                        line,
                        format!(
                            "unknown access level {value:?} (use public, restricted or sealed)"
                        ),
                    )
                })?)
            }
            "embargo" => {
                h.embargo = Some(
                    crate::dates::parse_date(&value)
                        .map(|d| d.to_string())
                        .ok_or_else(|| {
                            ParseError::new(
                                line,
                                format!("embargo {value:?} is not a date YYYY-MM-DD"),
                            )
                        })?,
                )
            }
            "wave" | "region" | "transit_camp" | "place" => {
                let facet = Facet::from_name(key).unwrap_or(Facet::Place);
                for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    h.tags.push(HeaderTag {
                        facet,
                        value: part.to_string(),
                        line,
                    });
                }
            }
            "keywords" => h.keywords.extend(
                value
                    .split(',')
                    .map(|k| k.trim().to_string())
                    .filter(|k| !k.is_empty()),
            ),
            "speakers" => {
                for part in value.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                    let (label, name) = part.split_once('=').ok_or_else(|| {
                        ParseError::new(line, format!("speaker {part:?} is not `LABEL = Name`"))
                    })?;
                    let label = label.trim().trim_end_matches(':').to_string();
                    if label.is_empty() || label.chars().count() > 30 {
                        return Err(ParseError::new(
                            line,
                            format!("speaker label {label:?} must be 1–30 characters"),
                        ));
                    }
                    h.speakers.push(Speaker {
                        label,
                        name: name.trim().to_string(),
                    });
                }
            }
            "source" => h.source = text,
            "notes" => h.notes = text,
            "summary" => h.summary = text,
            "rights" => h.rights = text,
            _ => {}
        }
    }
    Ok(Some((h, separator + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Result<Option<(Header, usize)>, ParseError> {
        let lines: Vec<&str> = text.split('\n').collect();
        parse_header(&lines)
    }

    #[test]
    fn keys_and_values() {
        let (h, body) = header(
            "# comment\nID: hu-7\nCím: Egy cím\n  folytatva\nBirth Year: 1926\nnyelv: magyar, orosz\n\
             wave: malenkij-robot\nregion: Donbas, Urál\naccess: korlátozott\nembargo: 2030-01-01\n\
             recorded: 1991-5-2\n---\nbody",
        )
        .unwrap()
        .unwrap();
        assert_eq!(body, 12);
        assert_eq!(h.id.as_deref(), Some("hu-7"));
        assert_eq!(h.title.as_deref(), Some("Egy cím folytatva"));
        assert_eq!(h.birth_year, Some(1926));
        assert_eq!(h.languages, ["hu", "ru"]);
        assert_eq!(h.tags.len(), 3);
        assert_eq!(h.tags[2].value, "Urál");
        assert_eq!(h.tags[2].line, 8);
        assert_eq!(h.access, Some(Access::Restricted));
        assert_eq!(h.embargo.as_deref(), Some("2030-01-01"));
        assert_eq!(h.recorded.as_deref(), Some("1991-05-02"));
    }

    #[test]
    fn errors_name_the_line() {
        let e = header("id: x\ntitle: t\nnarator: Kiss\n---\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(
            e.message.contains("did you mean `narrator`"),
            "{}",
            e.message
        );
        let e = header("id: x\ntitle: t\nnarrator Kiss Péter\n").unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        assert!(e.message.contains("---"));
        let e = header("id: x\ntitle: t\n\nSzöveg: itt.").unwrap_err();
        assert_eq!(e.line, 1, "{e}");
        let e = header("id: x\ntitle: t\nnarrator Kiss Péter\n---\n").unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        assert!(
            header("id: x\nbirth_year: 19x6\n---\n")
                .unwrap_err()
                .message
                .contains("birth year")
        );
        assert!(
            header("id: x\naccess: secret\n---\n")
                .unwrap_err()
                .message
                .contains("access level")
        );
        assert!(
            header("id: a b\n---\n")
                .unwrap_err()
                .message
                .contains("invalid id")
        );
        assert!(
            header("id: a\nid: b\n---\n")
                .unwrap_err()
                .message
                .contains("twice")
        );
        assert!(
            header("idd: a\ntitle: b\n---\n")
                .unwrap_err()
                .message
                .contains("did you mean `id`")
        );
    }

    #[test]
    fn no_header() {
        assert!(
            header("Egyszer volt, hol nem volt.\n---\nmég")
                .unwrap()
                .is_none()
        );
        assert!(
            header("KÉRDEZŐ: Hol született?\nN: Itt.")
                .unwrap()
                .is_none()
        );
        assert!(header("").unwrap().is_none());
    }
}
