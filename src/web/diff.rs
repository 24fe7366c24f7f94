//! A word-level diff of two texts, for showing the earlier texts of a
//! corrected passage: the longest common subsequence of their words
//! ([`crate::duplicates::common_subsequence`], compared exactly: an accent
//! fixed is a change), the rest marked as removed or inserted. Escaped here, like every text that
//! becomes HTML.

use super::html::escape;

/// One piece of a diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// In both texts.
    Same(String),
    /// Only in the earlier text.
    Gone(String),
    /// Only in the later text.
    Added(String),
}

/// Above this many word pairs the texts are shown as replaced whole
/// (a passage is a few sentences; this bounds the work on hostile input).
const MAX_CELLS: usize = 400_000;

/// The word-level diff from `old` to `new` (words are separated by
/// whitespace; the pieces join words with single spaces).
pub fn words(old: &str, new: &str) -> Vec<Piece> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let (n, m) = (a.len(), b.len());
    let mut out: Vec<Piece> = Vec::new();
    let push = |out: &mut Vec<Piece>, p: Piece| {
        let (word, same_kind) = match (&p, out.last_mut()) {
            (Piece::Same(w), Some(Piece::Same(l)))
            | (Piece::Gone(w), Some(Piece::Gone(l)))
            | (Piece::Added(w), Some(Piece::Added(l))) => (w.clone(), Some(l)),
            _ => (String::new(), None),
        };
        match same_kind {
            Some(l) => {
                l.push(' ');
                l.push_str(&word);
            }
            None => out.push(p),
        }
    };
    if n.saturating_mul(m) > MAX_CELLS {
        if !a.is_empty() {
            out.push(Piece::Gone(a.join(" ")));
        }
        if !b.is_empty() {
            out.push(Piece::Added(b.join(" ")));
        }
        return out;
    }
    // Between two shared words, what the old text had goes first.
    let (same_a, same_b) = crate::duplicates::common_subsequence(&a, &b);
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && !same_a[i] {
            push(&mut out, Piece::Gone(a[i].to_string()));
            i += 1;
        } else if j < m && !same_b[j] {
            push(&mut out, Piece::Added(b[j].to_string()));
            j += 1;
        } else {
            push(&mut out, Piece::Same(a[i].to_string()));
            i += 1;
            j += 1;
        }
    }
    out
}

/// The diff as HTML: removed words in `<del>`, inserted ones in `<ins>`.
pub fn html(old: &str, new: &str) -> String {
    words(old, new)
        .iter()
        .map(|p| match p {
            Piece::Same(w) => escape(w),
            Piece::Gone(w) => format!("<del>{}</del>", escape(w)),
            Piece::Added(w) => format!("<ins>{}</ins>", escape(w)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_words_are_marked_and_the_rest_kept() {
        assert_eq!(
            words(
                "Szolyván át vittek Sztalinóba",
                "Szolyván át vittek minket Sztálinóba"
            ),
            vec![
                Piece::Same("Szolyván át vittek".into()),
                Piece::Gone("Sztalinóba".into()),
                Piece::Added("minket Sztálinóba".into()),
            ]
        );
        assert_eq!(words("a b", "a b"), vec![Piece::Same("a b".into())]);
        assert_eq!(words("", "új"), vec![Piece::Added("új".into())]);
        assert!(words("", "").is_empty());
    }

    #[test]
    fn the_html_is_escaped() {
        assert_eq!(
            html("<b>régi</b> szöveg", "<i>új</i> szöveg"),
            "<del>&lt;b&gt;régi&lt;/b&gt;</del> <ins>&lt;i&gt;új&lt;/i&gt;</ins> szöveg"
        );
    }

    #[test]
    fn huge_texts_are_replaced_whole() {
        let old = "a ".repeat(1000);
        let new = "b ".repeat(1000);
        let d = words(&old, &new);
        assert_eq!(d.len(), 2);
    }
}
