//! Who may see what.
//!
//! A caller states a [`Role`]. Visibility of a testimony depends on its
//! access level, its embargo date and its workflow status:
//!
//! | role | sees |
//! |---|---|
//! | `public` | published testimonies whose access is `public`, or whose embargo date has passed |
//! | `researcher` | published testimonies that are `public` or `restricted`, or whose embargo has passed |
//! | `archivist` | everything, including redacted text |
//!
//! Redacted spans are hidden from every role below archivist, in search
//! results, snippets, `show` and exports; the index holds a redacted copy
//! of such segments for them.
//!
//! **Architecture Invariant:** these rules are applied in the library, both
//! as a filter inside the search query (so counts and facets never include
//! hidden testimonies) and again when results are read from SQLite. A
//! hidden testimony is reported exactly like one that does not exist.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::parse::Access;

/// The role a caller acts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Anyone on the internet.
    Public,
    /// A registered researcher.
    Researcher,
    /// An archivist of the collection (the local CLI's default).
    #[default]
    Archivist,
}

impl Role {
    /// Parses `public`, `researcher` or `archivist`.
    pub fn parse(s: &str) -> Option<Role> {
        Some(match s.trim().to_lowercase().as_str() {
            "public" => Role::Public,
            "researcher" => Role::Researcher,
            "archivist" => Role::Archivist,
            _ => return None,
        })
    }

    /// The name.
    pub fn name(self) -> &'static str {
        match self {
            Role::Public => "public",
            Role::Researcher => "researcher",
            Role::Archivist => "archivist",
        }
    }

    /// Whether this role sees redacted text.
    pub fn sees_redacted(self) -> bool {
        self == Role::Archivist
    }
}

/// The facts about a testimony that decide its visibility.
#[derive(Debug, Clone, Copy)]
pub struct Visibility<'a> {
    /// Access level.
    pub access: Access,
    /// Embargo date, `YYYY-MM-DD`.
    pub embargo_until: Option<&'a str>,
    /// Workflow status.
    pub status: &'a str,
}

/// The access level in force on `today`: an expired embargo makes a
/// restricted or sealed testimony public.
pub fn effective_access(access: Access, embargo_until: Option<&str>, today: Date) -> Access {
    match embargo_until.and_then(crate::dates::parse_date) {
        Some(end) if end <= today => Access::Public,
        _ => access,
    }
}

/// May `role` see a testimony with these facts on `today`?
pub fn can_see(role: Role, v: Visibility<'_>, today: Date) -> bool {
    if role == Role::Archivist {
        return true;
    }
    if v.status != "published" {
        return false;
    }
    match effective_access(v.access, v.embargo_until, today) {
        Access::Public => true,
        Access::Restricted => role == Role::Researcher,
        Access::Sealed => false,
    }
}

/// Replaces byte spans of `text` with spaces (for the index's redacted
/// copy). Spans are clamped to character boundaries.
pub fn blank_spans(text: &str, spans: &[(usize, usize)]) -> String {
    replace_spans(text, spans, |_| " ".to_string())
}

/// The spans of segment `ordinal` among a testimony's redaction spans
/// (`(ordinal, span)`, as `Store::active_redaction_spans` gives them).
pub fn spans_at(spans: &[(i64, (usize, usize))], ordinal: i64) -> Vec<(usize, usize)> {
    spans
        .iter()
        .filter(|(o, _)| *o == ordinal)
        .map(|(_, s)| *s)
        .collect()
}

/// Replaces byte spans of `text` with a visible marker (for display).
pub fn mark_spans(text: &str, spans: &[(usize, usize)]) -> String {
    replace_spans(text, spans, |_| "[…]".to_string())
}

/// The passages hidden by redactions: the redacted text of each active
/// span (`segments` are `(ordinal, text)`, `spans` `(ordinal, span)`).
/// Phrases shorter than three characters are left out: they would blank
/// unrelated words elsewhere.
pub fn redacted_phrases(segments: &[(i64, &str)], spans: &[(i64, (usize, usize))]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (ordinal, (a, b)) in spans {
        let Some((_, text)) = segments.iter().find(|(o, _)| o == ordinal) else {
            continue;
        };
        let a = floor_boundary(text, (*a).min(text.len()));
        let b = ceil_boundary(text, (*b).min(text.len()));
        if a >= b {
            continue;
        }
        let phrase = text[a..b].trim();
        if phrase.chars().count() >= 3 && !out.iter().any(|p| p == phrase) {
            out.push(phrase.to_string());
        }
    }
    // Longest first, so that a phrase containing another is replaced whole.
    out.sort_by_key(|p| std::cmp::Reverse(p.len()));
    out
}

/// Replaces every occurrence of the redacted `phrases` in `text` with the
/// display marker `[…]` — for texts that copy transcript passages, such as
/// an index point's partial transcript.
pub fn mark_phrases(text: &str, phrases: &[String]) -> String {
    let mut out = text.to_string();
    for p in phrases {
        if out.contains(p.as_str()) {
            out = out.replace(p.as_str(), "[…]");
        }
    }
    out
}

/// Applies [`mark_phrases`] to every text of an index point.
pub fn redact_index_point(p: &mut crate::parse::IndexPoint, phrases: &[String]) {
    if phrases.is_empty() {
        return;
    }
    let m = |t: &mut String| *t = mark_phrases(t, phrases);
    m(&mut p.title);
    for o in [
        &mut p.title_alt,
        &mut p.partial_transcript,
        &mut p.partial_transcript_alt,
        &mut p.synopsis,
        &mut p.synopsis_alt,
    ]
    .into_iter()
    .flatten()
    {
        m(o);
    }
    for list in [
        &mut p.keywords,
        &mut p.keywords_alt,
        &mut p.subjects,
        &mut p.subjects_alt,
    ] {
        list.iter_mut().for_each(m);
    }
    for g in &mut p.gps {
        g.text.iter_mut().for_each(m);
        g.text_alt.iter_mut().for_each(m);
    }
}

fn replace_spans(text: &str, spans: &[(usize, usize)], with: impl Fn(&str) -> String) -> String {
    let mut spans: Vec<(usize, usize)> = spans
        .iter()
        .map(|&(a, b)| {
            (
                floor_boundary(text, a.min(text.len())),
                ceil_boundary(text, b.min(text.len())),
            )
        })
        .filter(|(a, b)| a < b)
        .collect();
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (a, b) in spans {
        if b <= pos {
            continue;
        }
        let a = a.max(pos);
        out.push_str(&text[pos..a]);
        out.push_str(&with(&text[a..b]));
        pos = b;
    }
    out.push_str(&text[pos..]);
    out
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn vis(
        access: Access,
        embargo: Option<&'static str>,
        status: &'static str,
    ) -> Visibility<'static> {
        Visibility {
            access,
            embargo_until: embargo,
            status,
        }
    }

    #[test]
    fn roles_and_levels() {
        let today = date!(2026 - 11 - 27);
        let public = vis(Access::Public, None, "published");
        let restricted = vis(Access::Restricted, None, "published");
        let sealed = vis(Access::Sealed, Some("2030-01-01"), "published");
        let unpublished = vis(Access::Public, None, "in_review");
        assert!(can_see(Role::Public, public, today));
        assert!(!can_see(Role::Public, restricted, today));
        assert!(can_see(Role::Researcher, restricted, today));
        assert!(!can_see(Role::Researcher, sealed, today));
        assert!(!can_see(Role::Public, unpublished, today));
        assert!(!can_see(Role::Researcher, unpublished, today));
        for v in [public, restricted, sealed, unpublished] {
            assert!(can_see(Role::Archivist, v, today));
        }
    }

    #[test]
    fn embargo_expires_by_itself() {
        let sealed = vis(Access::Sealed, Some("2026-11-27"), "published");
        assert!(!can_see(Role::Public, sealed, date!(2026 - 11 - 26)));
        assert!(can_see(Role::Public, sealed, date!(2026 - 11 - 27)));
    }

    #[test]
    fn spans() {
        let t = "Kovács Péter feljelentett minket.";
        assert_eq!(mark_spans(t, &[(0, 15)]), "[…]feljelentett minket.");
        assert_eq!(blank_spans("ab", &[(1, 99)]), "a ");
        // Inside a multi-byte character: widened to whole characters.
        assert_eq!(mark_spans("ős", &[(1, 2)]), "[…]s");
        assert_eq!(mark_spans("abc", &[(2, 1)]), "abc");
    }

    #[test]
    fn phrases_redact_copies_of_a_passage() {
        let segs = [(1, "Kovács Péter feljelentett minket."), (2, "Igen.")];
        let phrases = redacted_phrases(&segs, &[(1, (0, 14)), (2, (0, 1)), (9, (0, 4))]);
        assert_eq!(phrases, ["Kovács Péter"]);
        let mut p = crate::parse::IndexPoint {
            title: "Kovács Péter feljelent".into(),
            partial_transcript: Some("… Kovács Péter feljelentett".into()),
            keywords: vec!["Kovács Péter".into(), "Szolyva".into()],
            ..Default::default()
        };
        redact_index_point(&mut p, &phrases);
        assert_eq!(p.title, "[…] feljelent");
        assert_eq!(p.partial_transcript.as_deref(), Some("… […] feljelentett"));
        assert_eq!(p.keywords, ["[…]", "Szolyva"]);
    }
}
