//! "Did you mean …?" suggestions by edit distance.

/// Levenshtein distance between two strings, by characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The closest of `candidates` to `word`, if it is close enough to be a
/// plausible typo (distance at most a third of the word, and at least 1).
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let w = word.to_lowercase();
    let limit = (w.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(&w, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Like [`did_you_mean`], for candidates given as `(folded name, value)`.
pub fn closest<T>(word: &str, candidates: impl IntoIterator<Item = (String, T)>) -> Option<T> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|(name, v)| (edit_distance(word, &name), v))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_and_suggestions() {
        assert_eq!(edit_distance("narator", "narrator"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("foksány", "foksany"), 1);
        assert_eq!(
            did_you_mean("narator", ["id", "narrator", "title"]),
            Some("narrator")
        );
        assert_eq!(did_you_mean("zzzzzz", ["id", "narrator"]), None);
    }
}
