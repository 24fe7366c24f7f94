//! SHA-256 as lower-case hex, for original files and the audit chain.

use sha2::{Digest, Sha256};

/// The SHA-256 of `parts`, concatenated, as 64 lower-case hex digits.
pub fn sha256_hex(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

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
}
