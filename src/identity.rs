//! Which testimony an ingested file is.
//!
//! An archive's files often share generic names (`interju.txt`,
//! `tape-01.txt`, `01.txt` in every box folder), so a file name is never
//! enough to say that a file is a new revision of a stored testimony. The
//! rules, in order:
//!
//! 1. **Same path, same bytes**: the file is unchanged; nothing is decoded.
//! 2. **Same bytes at another path**: if the file it was ingested from is
//!    gone, the file was *moved* (a `move` revision records the new path);
//!    if it is still there, this is a copy and is reported *unchanged*.
//! 3. **An explicit identifier** (the transcript header's `id:`, a WebVTT
//!    `NOTE id:`, an OHMS accession number, a metadata-sheet row's `id`, a
//!    tanu JSON export) names its testimony: the file updates it. As
//!    before, a file with another *file name* needs `--replace` to do so.
//! 4. **A derived identifier** (from the file name) never makes a file
//!    from another path an update: the same path with new bytes is an
//!    update of the testimony last ingested from that path; `--replace`
//!    makes it an update of the testimony with the derived identifier;
//!    otherwise the file is a new testimony, under the derived identifier
//!    when it is free, else qualified by its folders (`b/interju.txt` →
//!    `b-interju`, then `box-b-interju`, …), else numbered (`interju-2`).
//!
//! Paths are compared canonically (absolute, links resolved), so the same
//! file typed as `./a/x.txt` or `/archive/a/x.txt` is the same file.

use std::path::Path;

use crate::store::{KnownSource, Result, Store};

/// How a file was matched to a testimony, as recorded in its revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    /// Nothing matched: a new testimony.
    New,
    /// An explicit identifier in the file or its sheet row.
    Id,
    /// The file's path.
    Path,
    /// The file's bytes (a moved file).
    Sha256,
    /// `--replace`.
    Replace,
    /// `tanu split`.
    Split,
}

impl MatchedBy {
    /// The name stored in `revision.matched_by`.
    pub fn name(self) -> &'static str {
        match self {
            MatchedBy::New => "new",
            MatchedBy::Id => "id",
            MatchedBy::Path => "path",
            MatchedBy::Sha256 => "sha256",
            MatchedBy::Replace => "replace",
            MatchedBy::Split => "split",
        }
    }
}

/// The file's canonical path, or the path as given when it cannot be
/// resolved (bytes that did not come from a file).
pub fn canonical(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// What rules 1 and 2 decide from the path and the bytes alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recognised {
    /// The file is stored already: testimony `id`.
    Unchanged {
        /// The testimony.
        id: String,
        /// Why, for the report.
        reason: String,
    },
    /// The file of testimony `id` moved here from `from`.
    Moved {
        /// The testimony.
        id: String,
        /// Where it was ingested from before.
        from: String,
    },
}

/// Rules 1 and 2: recognises an unchanged or moved file by its path and
/// SHA-256, before anything is decoded.
pub fn recognise(
    store: &Store,
    given: &str,
    abs: &str,
    sha256: &str,
) -> Result<Option<Recognised>> {
    if let Some(k) = store.testimony_from_file(abs, given)? {
        if k.sha256 == sha256 {
            return Ok(Some(Recognised::Unchanged {
                id: k.id,
                reason: "same file, same bytes".into(),
            }));
        }
        return Ok(None);
    }
    let Some(k) = store.testimonies_with_bytes(sha256)?.into_iter().next() else {
        return Ok(None);
    };
    if still_there(&k) {
        Ok(Some(Recognised::Unchanged {
            reason: format!("same bytes as {}", k.source_path),
            id: k.id,
        }))
    } else {
        Ok(Some(Recognised::Moved {
            id: k.id,
            from: k.source_path,
        }))
    }
}

/// Whether the file a testimony was last ingested from still exists.
fn still_there(k: &KnownSource) -> bool {
    let p = k.source_abs.as_deref().unwrap_or(&k.source_path);
    Path::new(p).is_file()
}

/// Rules 3 and 4: the identifier a decoded file is stored under, how it
/// was matched, and a reason for the report when it is not the obvious one.
pub fn choose(
    store: &Store,
    path: &Path,
    abs: &str,
    id: &str,
    id_derived: bool,
    sha256: &str,
    replace: bool,
) -> Result<(String, MatchedBy, Option<String>)> {
    if !id_derived {
        return Ok((id.to_string(), MatchedBy::Id, None));
    }
    let given = path.display().to_string();
    if let Some(k) = store.testimony_from_file(abs, &given)? {
        return Ok((k.id, MatchedBy::Path, None));
    }
    if replace {
        return Ok((id.to_string(), MatchedBy::Replace, None));
    }
    // Same bytes, but something beside them changed (a sheet row).
    if let Some(k) = store.testimonies_with_bytes(sha256)?.into_iter().next() {
        return Ok((k.id, MatchedBy::Sha256, None));
    }
    let Some(owner) = store.testimony_with_id(id)? else {
        return Ok((id.to_string(), MatchedBy::New, None));
    };
    let reason = format!("`{id}` is taken by {}", owner.source_path);
    Ok((
        fresh_id(store, Path::new(abs), id)?,
        MatchedBy::New,
        Some(reason),
    ))
}

/// A free identifier for the file at `path` whose derived identifier `id`
/// is taken: qualified by its folders, else numbered.
pub fn fresh_id(store: &Store, path: &Path, id: &str) -> Result<String> {
    for candidate in candidates(path, id) {
        if store.testimony_with_id(&candidate)?.is_none() {
            return Ok(candidate);
        }
    }
    // Unreachable in practice: the numbered candidates never run out.
    Ok(format!("{id}-{}", std::process::id()))
}

/// The identifiers tried for a file whose derived identifier is taken:
/// qualified by one, two and three enclosing folders, then numbered.
fn candidates(path: &Path, id: &str) -> impl Iterator<Item = String> {
    let folders: Vec<String> = path
        .parent()
        .into_iter()
        .flat_map(|p| p.components().rev())
        .filter_map(|c| match c {
            std::path::Component::Normal(s) => s.to_str().map(crate::parse::slug),
            _ => None,
        })
        .filter(|s| s != "untitled")
        .take(3)
        .collect();
    let mut qualified = Vec::new();
    let mut prefix = String::new();
    for folder in &folders {
        prefix = if prefix.is_empty() {
            folder.clone()
        } else {
            format!("{folder}-{prefix}")
        };
        qualified.push(format!("{prefix}-{id}"));
    }
    let id = id.to_string();
    qualified
        .into_iter()
        .chain((2..).map(move |n| format!("{id}-{n}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_go_up_the_folders_then_count() {
        let got: Vec<String> = candidates(Path::new("/srv/Doboz 3/B/interju.txt"), "interju")
            .take(5)
            .collect();
        assert_eq!(
            got,
            [
                "b-interju",
                "doboz-3-b-interju",
                "srv-doboz-3-b-interju",
                "interju-2",
                "interju-3"
            ]
        );
    }

    #[test]
    fn a_file_at_the_root_is_numbered() {
        let got: Vec<String> = candidates(Path::new("/01.txt"), "01").take(2).collect();
        assert_eq!(got, ["01-2", "01-3"]);
    }
}
