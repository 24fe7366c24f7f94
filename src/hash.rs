//! SHA-256 as lower-case hex, for original files and the audit chain; and
//! a fast hasher for in-memory maps of words.

use std::hash::{BuildHasherDefault, Hasher};

use sha2::{Digest, Sha256};

/// The SHA-256 of `parts`, concatenated, as 64 lower-case hex digits.
pub fn sha256_hex(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// FxHash (rustc's hasher) for maps keyed by words of our own text: the
/// keys are short and not chosen by an attacker to collide, and SipHash
/// costs more than the lookup it serves.
#[derive(Default)]
pub struct FxHasher(u64);

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes a step, the last step zero-padded. The tail is
        // assembled byte by byte: copying it into a buffer was a call to
        // `memcpy` for every word hashed.
        let mut rest = bytes;
        while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*chunk));
            rest = tail;
        }
        if !rest.is_empty() {
            let word = rest
                .iter()
                .enumerate()
                .fold(0u64, |w, (i, &b)| w | u64::from(b) << (8 * i));
            self.add(word);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`FxHasher`]s.
pub type FxBuildHasher = BuildHasherDefault<FxHasher>;

#[cfg(test)]
mod tests {
    #[test]
    fn known_vector() {
        assert_eq!(
            super::sha256_hex(&[b"abc"]),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            super::sha256_hex(&[b"a", b"bc"]),
            super::sha256_hex(&[b"abc"])
        );
    }

    /// The hash of a word is the same as before the tail was assembled
    /// without a buffer (maps keep their order, so outputs that list a
    /// map's entries stay byte-identical).
    #[test]
    fn fx_hash_is_unchanged() {
        use std::hash::{BuildHasher, Hasher};
        fn reference(bytes: &[u8]) -> u64 {
            let mut h = 0u64;
            for chunk in bytes.chunks(8) {
                let mut buf = [0u8; 8];
                buf[..chunk.len()].copy_from_slice(chunk);
                h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(super::FX_SEED);
            }
            h
        }
        let build = super::FxBuildHasher::default();
        for word in [
            "",
            "a",
            "láger",
            "táborban",
            "hadifogolytáborban",
            "Сталино",
            "пересыльном",
            "1944",
            "0123456789abcdef",
            "0123456789abcdefg",
        ] {
            let mut h = build.build_hasher();
            h.write(word.as_bytes());
            assert_eq!(h.finish(), reference(word.as_bytes()), "{word}");
        }
    }
}
