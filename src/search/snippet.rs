//! Snippets: a window of a passage around the words that matched, with
//! the matches marked by byte ranges (never by markup in the text).

use serde::Serialize;

use super::compile::Highlighter;
use crate::analysis::{cached_word_forms, word_lang, words};
use crate::lang::Lang;

/// A piece of a passage with highlighted ranges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The text of the window (with `…` where it was cut).
    pub text: String,
    /// Byte ranges of `text` that matched the query.
    pub highlights: Vec<(usize, usize)>,
}

/// Builds a snippet of at most about `max_chars` characters around the
/// densest run of matches.
pub fn snippet(text: &str, lang: Lang, hl: &Highlighter, max_chars: usize) -> Snippet {
    let matches: Vec<(usize, usize)> = words(text)
        .filter(|w| hl.matches(&cached_word_forms(w.text, word_lang(w.text, lang))))
        .map(|w| (w.start, w.end))
        .collect();
    let total_chars = text.chars().count();
    if total_chars <= max_chars {
        return Snippet {
            text: text.to_string(),
            highlights: matches,
        };
    }
    // Choose the window start (in bytes) that covers the most matches.
    let max_bytes_guess = max_chars * 2;
    let mut best = (0usize, matches.first().map_or(0, |m| m.0));
    let mut j = 0;
    for (i, &(s, _)) in matches.iter().enumerate() {
        j = j.max(i);
        while j < matches.len() && matches[j].1 <= s + max_bytes_guess {
            j += 1;
        }
        if j - i > best.0 {
            best = (j - i, s);
        }
    }
    let best_start = best.1;
    // Back up a little for context, to a word boundary.
    let context = max_chars / 4;
    let mut start = best_start;
    let mut backed = 0;
    for (i, c) in text[..best_start].char_indices().rev() {
        if backed >= context {
            break;
        }
        start = i;
        backed += 1;
        let _ = c;
    }
    while start > 0 && start < text.len() && !text[..start].ends_with(char::is_whitespace) {
        let prev = text[..start].chars().next_back().map_or(0, char::len_utf8);
        if prev == 0 || backed > context + 20 {
            break;
        }
        start -= prev;
        backed += 1;
    }
    let mut end = start;
    for (n, (i, c)) in text[start..].char_indices().enumerate() {
        if n >= max_chars {
            break;
        }
        end = start + i + c.len_utf8();
    }
    // Finish the last word.
    while end < text.len() && !text[end..].starts_with(char::is_whitespace) {
        end += text[end..].chars().next().map_or(1, char::len_utf8);
        if end - start > max_chars * 4 {
            break;
        }
    }
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < text.len() { "…" } else { "" };
    let body = text[start..end].trim();
    let trimmed_front = text[start..end].len() - text[start..end].trim_start().len();
    let offset = start + trimmed_front;
    let highlights = matches
        .iter()
        .filter(|(a, b)| *a >= offset && *b <= offset + body.len())
        .map(|(a, b)| (a - offset + lead.len(), b - offset + lead.len()))
        .collect();
    Snippet {
        text: format!("{lead}{body}{tail}"),
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::word_forms;

    fn hl(words: &[&str]) -> Highlighter {
        let mut h = Highlighter::default();
        for w in words {
            let f = word_forms(w, Lang::Hu);
            h.plain.insert(f.plain);
            h.stems.extend(f.stems);
        }
        h
    }

    #[test]
    fn short_passages_are_whole() {
        let s = snippet(
            "Elvittek a táborba, ott voltunk a táborban.",
            Lang::Hu,
            &hl(&["tábor"]),
            200,
        );
        let marked: Vec<&str> = s.highlights.iter().map(|&(a, b)| &s.text[a..b]).collect();
        assert_eq!(marked, ["táborba", "táborban"]);
    }

    #[test]
    fn long_passages_are_cut_around_matches() {
        let filler = "egy kettő három négy öt hat hét nyolc kilenc tíz ".repeat(40);
        let text = format!("{filler}Aztán Foksányba vittek minket. {filler}");
        let s = snippet(&text, Lang::Hu, &hl(&["Foksány"]), 120);
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert!(s.text.chars().count() < 200, "{}", s.text.chars().count());
        let marked: Vec<&str> = s.highlights.iter().map(|&(a, b)| &s.text[a..b]).collect();
        assert_eq!(marked, ["Foksányba"]);
    }
}
