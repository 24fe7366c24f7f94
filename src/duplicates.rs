//! Likely duplicates among the testimonies, for the merge screen: two
//! records ingested from the same original (SHA-256 of any revision), with
//! the same title and narrator (compared folded: case, accents and spacing
//! ignored), or with nearly the same text.
//!
//! Nearly the same text: the Jaccard similarity of the sets of word
//! 3-shingles (three words in a row, folded) is at least
//! [`TEXT_THRESHOLD`]. Comparing every pair would be quadratic, so each
//! text gets a MinHash signature ([`HASHES`] minima under different
//! hash functions) whose bands put similar texts into the same bucket
//! (locality-sensitive hashing: 16 bands of 4 rows find a pair at 0.8 with
//! probability 0.9998); only pairs sharing a bucket are compared exactly.
//! Each text is read once for its signature; the shingles of a text
//! already known to be in a pair (the same original or name, or a bucket
//! another text is in) are kept from that reading, and only the other
//! texts of the candidate pairs are read again: memory stays at a
//! signature per testimony and the shingles of the candidates.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::archive::{Archive, Result};
use crate::store::DuplicateKeys;

/// The text similarity from which two testimonies are listed.
pub const TEXT_THRESHOLD: f64 = 0.8;
/// Words per shingle.
pub const SHINGLE_WORDS: usize = 3;
/// MinHash functions per signature.
pub const HASHES: usize = 64;
const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;

/// Two testimonies that are probably one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duplicate {
    /// One identifier (the smaller).
    pub a: String,
    /// The other.
    pub b: String,
    /// Titles of `a` and `b`.
    pub titles: (String, String),
    /// An original both were ingested from.
    pub same_original: Option<String>,
    /// Same title and narrator.
    pub same_title_narrator: bool,
    /// Jaccard similarity of their word shingles (0–1).
    pub similarity: f64,
}

/// A 64-bit hash that is the same on every machine and run (FNV-1a).
fn fnv(bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The SplitMix64 finaliser, to spread a combined hash.
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The hashed word 3-shingles of a text: each word lower-cased and folded
/// (accents, look-alike letters), hashed once; a shingle's hash combines
/// its words' in order. A text of fewer words is one shingle.
pub fn shingles(text: &str) -> Vec<u64> {
    shingles_with(text, &mut HashMap::new())
}

/// As [`shingles`], remembering each word's hash in `memo` (words repeat:
/// folding is the costly part).
fn shingles_with(text: &str, memo: &mut HashMap<String, u64>) -> Vec<u64> {
    let mut words: Vec<u64> = Vec::new();
    for w in crate::analysis::words(text) {
        let h = match memo.get(w.text) {
            Some(h) => *h,
            None => {
                let h = fnv(
                    crate::analysis::fold_word(&crate::analysis::lower_for_stemming(w.text))
                        .as_bytes(),
                );
                if memo.len() < 1_000_000 {
                    memo.insert(w.text.to_string(), h);
                }
                h
            }
        };
        words.push(h);
    }
    if words.is_empty() {
        return Vec::new();
    }
    let n = SHINGLE_WORDS.min(words.len());
    let mut out: Vec<u64> = words
        .windows(n)
        .map(|w| w.iter().fold(0u64, |h, x| mix(h.rotate_left(17) ^ x)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The Jaccard similarity of two sorted sets without repeats (0 for two
/// empty sets).
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// The `(a, b)` of the MinHash functions `h * a + b` (odd `a`).
const COEFFICIENTS: [(u64, u64); HASHES] = {
    let mut coef = [(0u64, 0u64); HASHES];
    let mut i = 0;
    while i < HASHES {
        let n = i as u64;
        coef[i] = (mix(n.wrapping_add(1)) | 1, mix(n.wrapping_add(0x5151)));
        i += 1;
    }
    coef
};

/// The MinHash signature of a shingle set: the minimum of each of
/// [`HASHES`] hash functions `h * a + b` ([`COEFFICIENTS`]; the shingle
/// hashes are already well mixed).
fn signature(set: &[u64]) -> [u64; HASHES] {
    let mut sig = [u64::MAX; HASHES];
    for &h in set {
        for (s, (a, b)) in sig.iter_mut().zip(&COEFFICIENTS) {
            let v = h.wrapping_mul(*a).wrapping_add(*b);
            if v < *s {
                *s = v;
            }
        }
    }
    sig
}

fn folded_key(s: &str) -> String {
    crate::analysis::fold(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Archive {
    /// The text of testimony `num` (its segments, in order).
    fn full_text(&self, num: i64) -> Result<String> {
        let segs = self.store().segments(num)?;
        let mut text = String::new();
        for s in segs {
            text.push_str(&s.text);
            text.push('\n');
        }
        Ok(text)
    }

    /// Likely duplicates among the testimonies not merged (archivists'
    /// business: it reads every text, hidden or not): same original first,
    /// then by text similarity.
    pub fn duplicates(&self) -> Result<Vec<Duplicate>> {
        let keys: Vec<DuplicateKeys> = self.store().duplicate_keys()?;
        let mut pairs: BTreeMap<(usize, usize), (Option<String>, bool)> = BTreeMap::new();
        let pair = |i: usize, j: usize| if i < j { (i, j) } else { (j, i) };
        // Same original.
        let mut by_sha: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            for sha in &k.originals {
                by_sha.entry(sha.as_str()).or_default().push(i);
            }
        }
        for (sha, group) in &by_sha {
            for (x, &i) in group.iter().enumerate() {
                for &j in &group[x + 1..] {
                    if i != j {
                        pairs.entry(pair(i, j)).or_default().0 = Some(sha.to_string());
                    }
                }
            }
        }
        // Same title and narrator.
        let mut by_name: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            let narrator = k.narrator.as_deref().map(folded_key).unwrap_or_default();
            if narrator.is_empty() {
                continue;
            }
            by_name
                .entry((folded_key(&k.title), narrator))
                .or_default()
                .push(i);
        }
        for group in by_name.values() {
            for (x, &i) in group.iter().enumerate() {
                for &j in &group[x + 1..] {
                    pairs.entry(pair(i, j)).or_default().1 = true;
                }
            }
        }
        // Nearly the same text: candidates from the MinHash bands. The
        // shingles of a text known to be compared are kept.
        let paired: HashSet<usize> = pairs.keys().flat_map(|&(i, j)| [i, j]).collect();
        let mut sets: HashMap<usize, Vec<u64>> = HashMap::new();
        let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
        let mut memo = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            let set = shingles_with(&self.full_text(k.num)?, &mut memo);
            let mut keep = paired.contains(&i);
            if set.len() >= 3 {
                let sig = signature(&set);
                for (band, rows) in sig.chunks(ROWS).enumerate() {
                    let mut h = 0u64;
                    for r in rows {
                        h = mix(h ^ r);
                    }
                    let bucket = buckets.entry((band, h)).or_default();
                    keep |= !bucket.is_empty();
                    bucket.push(i);
                }
            }
            if keep {
                sets.insert(i, set);
            }
        }
        let mut candidates: HashSet<(usize, usize)> = HashSet::new();
        for group in buckets.values() {
            for (x, &i) in group.iter().enumerate() {
                for &j in &group[x + 1..] {
                    candidates.insert(pair(i, j));
                }
            }
        }
        // Exact similarity of the candidates and of the pairs found above
        // (reading again only the first text of a bucket).
        let mut todo: Vec<(usize, usize)> = candidates.into_iter().collect();
        todo.extend(pairs.keys().copied());
        todo.sort_unstable();
        todo.dedup();
        let mut out = Vec::new();
        for (i, j) in todo {
            for n in [i, j] {
                if let std::collections::hash_map::Entry::Vacant(e) = sets.entry(n) {
                    e.insert(shingles_with(&self.full_text(keys[n].num)?, &mut memo));
                }
            }
            let similarity = jaccard(&sets[&i], &sets[&j]);
            let (same_original, same_title_narrator) =
                pairs.get(&(i, j)).cloned().unwrap_or_default();
            if same_original.is_none() && !same_title_narrator && similarity < TEXT_THRESHOLD {
                continue;
            }
            out.push(Duplicate {
                a: keys[i].id.clone(),
                b: keys[j].id.clone(),
                titles: (keys[i].title.clone(), keys[j].title.clone()),
                same_original,
                same_title_narrator,
                similarity,
            });
        }
        out.sort_by(|x, y| {
            y.same_original
                .is_some()
                .cmp(&x.same_original.is_some())
                .then(y.similarity.total_cmp(&x.similarity))
                .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
        });
        Ok(out)
    }
}

/// One piece of a compared text: the words as written (with the spacing
/// after them) and whether they differ from the other text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPiece {
    /// The text.
    pub text: String,
    /// Not in the other text at this place.
    pub changed: bool,
}

/// Which items of `a` and of `b` belong to a longest common subsequence
/// of the two (ties keep the earlier items of `a`): the core of every
/// word diff in tanu. Quadratic: callers bound the lengths.
pub(crate) fn common_subsequence<T: PartialEq>(a: &[T], b: &[T]) -> (Vec<bool>, Vec<bool>) {
    let (na, nb) = (a.len(), b.len());
    // lcs[i][j]: the LCS length of a[i..] and b[j..].
    let mut lcs = vec![0u32; (na + 1) * (nb + 1)];
    let at = |i: usize, j: usize| i * (nb + 1) + j;
    for i in (0..na).rev() {
        for j in (0..nb).rev() {
            lcs[at(i, j)] = if a[i] == b[j] {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let (mut same_a, mut same_b) = (vec![false; na], vec![false; nb]);
    let (mut i, mut j) = (0, 0);
    while i < na && j < nb {
        if a[i] == b[j] {
            same_a[i] = true;
            same_b[j] = true;
            i += 1;
            j += 1;
        } else if lcs[at(i + 1, j)] >= lcs[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    (same_a, same_b)
}

/// Marks the words of `a` and `b` that the other does not have at the
/// same place (a longest common subsequence of words, compared folded).
/// At most `max_words` words of each are compared; the rest is returned
/// unmarked.
pub fn diff_words(a: &str, b: &str, max_words: usize) -> (Vec<DiffPiece>, Vec<DiffPiece>) {
    let tokens = |s: &str| -> Vec<String> {
        s.split_inclusive(char::is_whitespace)
            .map(str::to_string)
            .collect()
    };
    let (ta, tb) = (tokens(a), tokens(b));
    let key =
        |t: &str| crate::analysis::fold(t.trim().trim_matches(|c: char| !c.is_alphanumeric()));
    let (na, nb) = (ta.len().min(max_words), tb.len().min(max_words));
    let ka: Vec<String> = ta[..na].iter().map(|t| key(t)).collect();
    let kb: Vec<String> = tb[..nb].iter().map(|t| key(t)).collect();
    let (same_a, same_b) = common_subsequence(&ka, &kb);
    let pieces = |t: &[String], same: &[bool]| -> Vec<DiffPiece> {
        let mut out: Vec<DiffPiece> = Vec::new();
        for (n, tok) in t.iter().enumerate() {
            let changed = n < same.len() && !same[n];
            match out.last_mut() {
                Some(last) if last.changed == changed => last.text.push_str(tok),
                _ => out.push(DiffPiece {
                    text: tok.clone(),
                    changed,
                }),
            }
        }
        out
    };
    (pieces(&ta, &same_a), pieces(&tb, &same_b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingles_ignore_case_accents_and_punctuation() {
        let a = shingles("Szolyvára vittek minket, onnan a Donbaszba.");
        let b = shingles("szolyvara VITTEK minket onnan a donbaszba");
        assert_eq!(a, b);
        assert_eq!(a.len(), 4);
        assert!((jaccard(&a, &b) - 1.0).abs() < 1e-9);
        assert_eq!(jaccard(&a, &shingles("egészen más szöveg ez itt")), 0.0);
    }

    #[test]
    fn signatures_agree_as_often_as_sets_overlap() {
        let base: Vec<String> = (0..400).map(|i| format!("szó{i}")).collect();
        let a = shingles(&base.join(" "));
        let mut changed = base.clone();
        for i in (0..400).step_by(40) {
            changed[i] = format!("más{i}");
        }
        let b = shingles(&changed.join(" "));
        let exact = jaccard(&a, &b);
        let (sa, sb) = (signature(&a), signature(&b));
        let est = sa.iter().zip(&sb).filter(|(x, y)| x == y).count() as f64 / HASHES as f64;
        assert!((exact - est).abs() < 0.2, "exact {exact}, estimated {est}");
    }

    #[test]
    fn word_diff_marks_only_what_differs() {
        let (a, b) = diff_words(
            "Negyvenöt januárjában vittek el minket Szolyvára.",
            "Negyvenöt februárjában vittek el minket Szolyvára.",
            100,
        );
        let changed = |p: &[DiffPiece]| -> Vec<String> {
            p.iter()
                .filter(|x| x.changed)
                .map(|x| x.text.trim().to_string())
                .collect()
        };
        assert_eq!(changed(&a), ["januárjában"]);
        assert_eq!(changed(&b), ["februárjában"]);
        let joined: String = a.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, "Negyvenöt januárjában vittek el minket Szolyvára.");
    }
}
