//! The little-endian base-128 integers (and zigzag signed ones) and the
//! flag bytes of the packed rows (`passages.rs`, `evidence.rs`).

/// Appends `v` as a varint.
pub(super) fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Appends `v` zigzag-encoded (small magnitudes of either sign are short).
pub(super) fn put_signed(out: &mut Vec<u8>, v: i64) {
    put(out, ((v << 1) ^ (v >> 63)) as u64);
}

/// The flag byte with the bit of every present field set.
pub(super) fn flags(fields: &[(bool, u8)]) -> u8 {
    fields
        .iter()
        .filter(|(present, _)| *present)
        .fold(0, |f, (_, bit)| f | bit)
}

/// Reads a packed row; every error is the reason it cannot be read.
pub(super) struct Reader<'a>(pub &'a [u8]);

/// The reason for a row that ends too early.
pub(super) const SHORT: &str = "cut short";

impl<'a> Reader<'a> {
    pub fn byte(&mut self) -> Result<u8, &'static str> {
        let (&b, rest) = self.0.split_first().ok_or(SHORT)?;
        self.0 = rest;
        Ok(b)
    }

    pub fn varint(&mut self) -> Result<u64, &'static str> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("a number is too long")
    }

    pub fn signed(&mut self) -> Result<i64, &'static str> {
        let v = self.varint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    /// A varint that is a length or a count of the bytes still to come.
    pub fn len(&mut self) -> Result<usize, &'static str> {
        usize::try_from(self.varint()?).map_err(|_| SHORT)
    }

    /// A count of items that each take at least a byte: one beyond the
    /// bytes left is a lie, not an allocation to make.
    pub fn count(&mut self) -> Result<usize, &'static str> {
        let n = self.len()?;
        if n > self.0.len() {
            return Err(SHORT);
        }
        Ok(n)
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], &'static str> {
        if self.0.len() < n {
            return Err(SHORT);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back_and_short_rows_are_refused() {
        let mut out = Vec::new();
        for v in [0u64, 1, 127, 128, 300, u64::MAX] {
            put(&mut out, v);
        }
        for v in [0i64, -1, 1, -64, 64, i64::MIN, i64::MAX] {
            put_signed(&mut out, v);
        }
        let mut r = Reader(&out);
        for v in [0u64, 1, 127, 128, 300, u64::MAX] {
            assert_eq!(r.varint(), Ok(v));
        }
        for v in [0i64, -1, 1, -64, 64, i64::MIN, i64::MAX] {
            assert_eq!(r.signed(), Ok(v));
        }
        assert_eq!(r.byte(), Err(SHORT));
        assert_eq!(Reader(&[0x80, 0x80]).varint(), Err(SHORT));
        assert!(Reader(&[0xff; 11]).varint().is_err());
        assert_eq!(Reader(&[5, 1, 2]).count(), Err(SHORT));
        assert_eq!(flags(&[(true, 1), (false, 2), (true, 8)]), 9);
    }
}
