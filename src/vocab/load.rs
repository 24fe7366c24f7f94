//! Reading and checking the vocabulary TOML files.

use std::collections::HashSet;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use super::{Entry, Facet, Labels, Vocabulary};

/// The vocabulary files compiled into the binary.
pub(super) const BUILTIN: &[(&str, &str)] = &[
    (
        "waves.toml",
        include_str!("../../schema/vocabulary/waves.toml"),
    ),
    (
        "regions.toml",
        include_str!("../../schema/vocabulary/regions.toml"),
    ),
    (
        "places.toml",
        include_str!("../../schema/vocabulary/places.toml"),
    ),
    (
        "transit-camps.toml",
        include_str!("../../schema/vocabulary/transit-camps.toml"),
    ),
];

/// A vocabulary file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VocabError {
    /// Not valid TOML or missing fields.
    #[error("vocabulary file {file}: {message}")]
    Syntax {
        /// File name.
        file: String,
        /// What the TOML parser said.
        message: String,
    },
    /// Valid TOML, inconsistent content.
    #[error("vocabulary: {0}")]
    Invalid(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    facet: String,
    #[serde(default)]
    entry: Vec<EntryDoc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelsDoc {
    hu: String,
    ru: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryDoc {
    id: String,
    parent: Option<String>,
    label: LabelsDoc,
    #[serde(default)]
    aliases: Vec<String>,
    coords: Option<[f64; 2]>,
    #[serde(default = "yes")]
    verified: bool,
    #[serde(default)]
    note: String,
    #[serde(default)]
    group: bool,
    #[serde(default)]
    cues: Vec<String>,
    #[serde(default)]
    weak_cues: Vec<String>,
    from: Option<String>,
    to: Option<String>,
    #[serde(default)]
    kind: Vec<String>,
    #[serde(default)]
    ambiguous: Vec<String>,
    #[allow(dead_code)]
    country: Option<String>,
}

fn yes() -> bool {
    true
}

pub(super) fn hash_sources(sources: &[(&str, &str)]) -> String {
    let mut parts: Vec<&[u8]> = Vec::new();
    for (name, text) in sources {
        parts.extend([name.as_bytes(), b"\0", text.as_bytes(), b"\0"]);
    }
    crate::hash::sha256_hex(&parts)[..16].to_string()
}

pub(super) fn parse_sources(sources: &[(&str, &str)]) -> Result<Vec<Entry>, VocabError> {
    let mut entries = Vec::new();
    for (file, text) in sources {
        let doc: FileDoc = toml::from_str(text).map_err(|e| VocabError::Syntax {
            file: file.to_string(),
            message: e.to_string(),
        })?;
        let facet = Facet::from_name(&doc.facet).ok_or_else(|| VocabError::Syntax {
            file: file.to_string(),
            message: format!("unknown facet {:?}", doc.facet),
        })?;
        for d in doc.entry {
            let nfc = |s: &str| s.nfc().collect::<String>();
            let labels = Labels {
                hu: nfc(&d.label.hu),
                ru: nfc(&d.label.ru),
                en: nfc(&d.label.en),
            };
            let mut aliases: Vec<String> = Vec::new();
            for a in [&labels.hu, &labels.ru, &labels.en]
                .into_iter()
                .chain(d.aliases.iter())
            {
                let a = nfc(a.trim());
                if !a.is_empty() && !aliases.contains(&a) {
                    aliases.push(a);
                }
            }
            let period = match (d.from, d.to) {
                (Some(f), Some(t)) => Some((f, t)),
                _ => None,
            };
            entries.push(Entry {
                facet,
                id: d.id,
                parent: d.parent,
                labels,
                aliases,
                coords: d.coords.map(|[a, b]| (a, b)),
                verified: d.verified,
                note: d.note,
                group: d.group,
                cues: d.cues.iter().map(|c| nfc(c)).collect(),
                weak_cues: d.weak_cues.iter().map(|c| nfc(c)).collect(),
                period,
                kind: d.kind,
                ambiguous: d.ambiguous.iter().map(|a| nfc(a.trim())).collect(),
            });
        }
    }
    Ok(entries)
}

pub(super) fn check(v: &Vocabulary) -> Result<(), VocabError> {
    let mut seen = HashSet::new();
    for e in &v.entries {
        let id_ok = !e.id.is_empty()
            && e.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !e.id.starts_with('-');
        if !id_ok {
            return Err(VocabError::Invalid(format!(
                "bad id {:?} (lowercase ASCII, digits, '-')",
                e.id
            )));
        }
        if !seen.insert(e.id.as_str()) {
            return Err(VocabError::Invalid(format!("id {:?} is used twice", e.id)));
        }
        if let Some(p) = &e.parent {
            let parent = v
                .get(p)
                .ok_or_else(|| VocabError::Invalid(format!("{}: unknown parent {p:?}", e.id)))?;
            let ok = match e.facet {
                Facet::Region | Facet::Place => parent.facet == Facet::Region,
                Facet::TransitCamp => parent.facet == Facet::TransitCamp,
                Facet::Wave => parent.facet == Facet::Wave,
            };
            if !ok {
                return Err(VocabError::Invalid(format!(
                    "{}: parent {p:?} is a {}",
                    e.id, parent.facet
                )));
            }
        }
        if let Some(a) = e.ambiguous.iter().find(|a| !e.aliases.contains(a)) {
            return Err(VocabError::Invalid(format!(
                "{}: ambiguous name {a:?} is not one of its labels or aliases",
                e.id
            )));
        }
        if let Some((lat, lon)) = e.coords
            && (!(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon))
        {
            return Err(VocabError::Invalid(format!(
                "{}: coordinates out of range",
                e.id
            )));
        }
        if v.lineage(&e.id).len() > 8 {
            return Err(VocabError::Invalid(format!(
                "{}: parent chain too deep or cyclic",
                e.id
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_files() {
        let bad = [("x.toml", "facet = \"region\"\n[[entry]]\nid = \"a\"\n")];
        assert!(matches!(
            Vocabulary::from_sources(&bad),
            Err(VocabError::Syntax { .. })
        ));
        let orphan = [(
            "x.toml",
            "facet = \"region\"\n[[entry]]\nid = \"a\"\nparent = \"nowhere\"\nlabel = { hu = \"a\", ru = \"а\", en = \"a\" }\n",
        )];
        let e = Vocabulary::from_sources(&orphan).unwrap_err();
        assert!(e.to_string().contains("unknown parent"), "{e}");
        let ambiguous = [(
            "x.toml",
            "facet = \"place\"\n[[entry]]\nid = \"a\"\nlabel = { hu = \"Gyula\", ru = \"Дьюла\", en = \"Gyula\" }\nambiguous = [\"Gyla\"]\n",
        )];
        let e = Vocabulary::from_sources(&ambiguous).unwrap_err();
        assert!(e.to_string().contains("ambiguous name \"Gyla\""), "{e}");
        let dup = [(
            "x.toml",
            "facet = \"wave\"\n[[entry]]\nid = \"a\"\nlabel = { hu = \"a\", ru = \"а\", en = \"a\" }\n\
             [[entry]]\nid = \"a\"\nlabel = { hu = \"b\", ru = \"б\", en = \"b\" }\n",
        )];
        assert!(
            Vocabulary::from_sources(&dup)
                .unwrap_err()
                .to_string()
                .contains("twice")
        );
    }
}
