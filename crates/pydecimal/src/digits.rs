//! A coefficient as its decimal digits, as `_pydecimal` keeps `_int`.
//!
//! Scorers parse, compare and round answers of any length a client sends;
//! on decimal digits each of those is linear, where converting a long text to
//! a binary big integer is not. Multiplication and division go through
//! `num-bigint`; addition, comparison and rounding stay on the digits.

use std::cmp::Ordering;

use num_bigint::BigUint;

/// Digit values 0..=9, most significant first, without leading zeros (zero is `[0]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Digits(Vec<u8>);

impl Digits {
    pub(crate) fn zero() -> Digits {
        Digits(vec![0])
    }

    pub(crate) fn one() -> Digits {
        Digits(vec![1])
    }

    /// From digit values in any form (leading zeros allowed, empty is zero).
    pub(crate) fn from_values(mut v: Vec<u8>) -> Digits {
        let lead = v.iter().take_while(|&&d| d == 0).count();
        if lead == v.len() {
            return Digits::zero();
        }
        v.drain(..lead);
        Digits(v)
    }

    /// From ASCII digits.
    pub(crate) fn from_ascii(s: &[u8]) -> Digits {
        Digits::from_values(s.iter().map(|b| b - b'0').collect())
    }

    pub(crate) fn from_biguint(n: &BigUint) -> Digits {
        Digits::from_ascii(n.to_string().as_bytes())
    }

    pub(crate) fn to_biguint(&self) -> BigUint {
        to_biguint(&self.0)
    }

    pub(crate) fn len(&self) -> u64 {
        self.0.len() as u64
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.0 == [0]
    }

    pub(crate) fn values(&self) -> &[u8] {
        &self.0
    }

    /// `self * 10**n`.
    pub(crate) fn shifted(&self, n: usize) -> Digits {
        if self.is_zero() {
            return Digits::zero();
        }
        let mut v = Vec::with_capacity(self.0.len() + n);
        v.extend_from_slice(&self.0);
        v.resize(self.0.len() + n, 0);
        Digits(v)
    }

    /// The last `n` digits (`self % 10**n`).
    pub(crate) fn low(&self, n: usize) -> Digits {
        let start = self.0.len().saturating_sub(n);
        Digits::from_values(self.0[start..].to_vec())
    }

    /// `self + 1`.
    pub(crate) fn incremented(&self) -> Digits {
        let mut v = self.0.clone();
        for d in v.iter_mut().rev() {
            if *d == 9 {
                *d = 0;
            } else {
                *d += 1;
                return Digits(v);
            }
        }
        v.insert(0, 1);
        Digits(v)
    }

    /// `self // 10` (the last digit dropped).
    pub(crate) fn without_last(&self) -> Digits {
        Digits::from_values(self.0[..self.0.len() - 1].to_vec())
    }

    pub(crate) fn last(&self) -> u8 {
        self.0.last().copied().unwrap_or(0)
    }

    /// `self * 10**sa + other * 10**sb`.
    pub(crate) fn add_shifted(&self, sa: usize, other: &Digits, sb: usize) -> Digits {
        let (a, b) = (self.shifted(sa).0, other.shifted(sb).0);
        let n = a.len().max(b.len());
        let mut out = Vec::with_capacity(n + 1);
        let mut carry = 0;
        for i in 0..n {
            let x = digit_from_end(&a, i) + digit_from_end(&b, i) + carry;
            out.push(x % 10);
            carry = x / 10;
        }
        out.push(carry);
        out.reverse();
        Digits::from_values(out)
    }

    /// `self * 10**sa - other * 10**sb`, which must not be negative.
    pub(crate) fn sub_shifted(&self, sa: usize, other: &Digits, sb: usize) -> Digits {
        let (a, b) = (self.shifted(sa).0, other.shifted(sb).0);
        let mut out = Vec::with_capacity(a.len());
        let mut borrow = 0;
        for i in 0..a.len() {
            let mut x = digit_from_end(&a, i) as i8 - digit_from_end(&b, i) as i8 - borrow;
            borrow = if x < 0 {
                x += 10;
                1
            } else {
                0
            };
            out.push(x as u8);
        }
        out.reverse();
        Digits::from_values(out)
    }
}

fn digit_from_end(v: &[u8], i: usize) -> u8 {
    if i < v.len() {
        v[v.len() - 1 - i]
    } else {
        0
    }
}

/// Compares two digit sequences aligned at their most significant digit,
/// the shorter one padded with zeros (for numbers of the same magnitude).
pub(crate) fn cmp_aligned(a: &Digits, b: &Digits) -> Ordering {
    let n = a.0.len().max(b.0.len());
    for i in 0..n {
        let x = a.0.get(i).copied().unwrap_or(0);
        let y = b.0.get(i).copied().unwrap_or(0);
        if x != y {
            return x.cmp(&y);
        }
    }
    Ordering::Equal
}

/// Digit values to an integer; halves are converted separately so that long
/// coefficients stay well below the quadratic cost of digit-by-digit work.
fn to_biguint(v: &[u8]) -> BigUint {
    if v.len() <= 2_000 {
        let text: Vec<u8> = v.iter().map(|d| d + b'0').collect();
        return BigUint::parse_bytes(&text, 10).unwrap_or_default();
    }
    let (hi, lo) = v.split_at(v.len() / 2);
    to_biguint(hi) * num_traits::pow(BigUint::from(10u32), lo.len()) + to_biguint(lo)
}
