//! [`Seed`]: a Python `int` used as a dataset seed.
//!
//! reasoning-gym seeds item `idx` with `Random(seed + idx)`, and a Python int
//! has no bounds, so neither does a seed. Nearly every seed fits an `i128`,
//! though, and that is the path items take: the value is held inline and
//! `seed + idx` is one checked addition (the lanes' prefetch is keyed by it).
//! Larger seeds hold a shared `BigInt`, so cloning any seed is cheap.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::Random;

/// A seed of any size. Equal values are equal seeds (and hash alike): a value
/// that fits an `i128` is always held as one.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Seed(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    Small(i128),
    /// Never a value that fits `i128`.
    Big(Arc<BigInt>),
}

impl Seed {
    /// The value, when it fits an `i128`.
    #[inline]
    pub fn as_i128(&self) -> Option<i128> {
        match &self.0 {
            Repr::Small(v) => Some(*v),
            Repr::Big(_) => None,
        }
    }

    pub fn to_bigint(&self) -> BigInt {
        match &self.0 {
            Repr::Small(v) => BigInt::from(*v),
            Repr::Big(b) => (**b).clone(),
        }
    }

    /// `seed + n`, exactly.
    pub fn plus(&self, n: u64) -> Seed {
        match self.plus_i128(n) {
            Some(v) => Seed(Repr::Small(v)),
            None => Seed::from(self.to_bigint() + n),
        }
    }

    /// `seed + n` when the sum fits an `i128` (the fast path of [`crate::item_rng`]).
    #[inline]
    pub fn plus_i128(&self, n: u64) -> Option<i128> {
        match &self.0 {
            Repr::Small(v) => v.checked_add(i128::from(n)),
            Repr::Big(_) => None,
        }
    }

    /// `Random(seed)`.
    pub fn rng(&self) -> Random {
        match &self.0 {
            Repr::Small(v) => Random::from_i128(*v),
            Repr::Big(b) => Random::from_bigint(b),
        }
    }

    pub fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Small(v) => *v < 0,
            Repr::Big(b) => b.sign() == num_bigint::Sign::Minus,
        }
    }

    /// Decimal digits of |seed| (what Python's int/str conversion limit counts).
    pub fn digits(&self) -> usize {
        let s = self.to_string();
        s.len() - usize::from(s.starts_with('-'))
    }

    /// A decimal integer: an optional sign, then ASCII digits (no spaces, no
    /// underscores), as a JSON integer literal or a CLI argument writes one.
    /// No length limit here: callers reading client text apply Python's.
    pub fn parse(text: &str) -> Option<Seed> {
        let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if let Ok(v) = text.parse::<i128>() {
            return Some(Seed(Repr::Small(v)));
        }
        BigInt::from_str(text).ok().map(Seed::from)
    }
}

impl Default for Seed {
    fn default() -> Self {
        Seed(Repr::Small(0))
    }
}

impl From<BigInt> for Seed {
    fn from(b: BigInt) -> Self {
        match b.to_i128() {
            Some(v) => Seed(Repr::Small(v)),
            None => Seed(Repr::Big(Arc::new(b))),
        }
    }
}

macro_rules! from_small {
    ($($t:ty),*) => {$(
        impl From<$t> for Seed {
            #[inline]
            fn from(v: $t) -> Self {
                Seed(Repr::Small(i128::from(v)))
            }
        }
    )*};
}
from_small!(i8, i16, i32, i64, i128, u8, u16, u32, u64);

impl From<u128> for Seed {
    fn from(v: u128) -> Self {
        match i128::try_from(v) {
            Ok(v) => Seed(Repr::Small(v)),
            Err(_) => Seed::from(BigInt::from(v)),
        }
    }
}

/// [`Seed::parse`] failed: the text is not a decimal integer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseSeedError;

impl fmt::Display for ParseSeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a decimal integer")
    }
}

impl std::error::Error for ParseSeedError {}

impl FromStr for Seed {
    type Err = ParseSeedError;

    fn from_str(text: &str) -> Result<Self, ParseSeedError> {
        Seed::parse(text).ok_or(ParseSeedError)
    }
}

impl fmt::Display for Seed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Small(v) => fmt::Display::fmt(v, f),
            Repr::Big(b) => fmt::Display::fmt(b, f),
        }
    }
}

impl fmt::Debug for Seed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// A JSON integer, digit for digit (serde_json's `arbitrary_precision` keeps
/// every digit of a number).
impl serde::Serialize for Seed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Repr::Small(v) => s.serialize_i128(*v),
            Repr::Big(b) => match serde_json::Number::from_str(&b.to_string()) {
                Ok(n) => n.serialize(s),
                Err(e) => Err(serde::ser::Error::custom(e)),
            },
        }
    }
}

/// From a JSON integer of any size; a float (`1.0`, `1e3`) is refused.
impl<'de> serde::Deserialize<'de> for Seed {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = serde_json::Number::deserialize(d)?;
        Seed::parse(n.as_str())
            .ok_or_else(|| serde::de::Error::custom(format!("not an integer: {n}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(text: &str) -> Seed {
        Seed::parse(text).unwrap()
    }

    #[test]
    fn one_repr_per_value() {
        let max = Seed::from(i128::MAX);
        assert!(max.as_i128().is_some());
        let over = max.plus(1);
        assert_eq!(over.as_i128(), None);
        assert_eq!(over.to_string(), "170141183460469231731687303715884105728");
        // A BigInt that fits is held small, so it equals (and hashes as) the i128.
        assert_eq!(Seed::from(BigInt::from(-5)), Seed::from(-5i64));
        assert_eq!(
            Seed::from(BigInt::from(i128::MIN)).as_i128(),
            Some(i128::MIN)
        );
        assert_eq!(big("-0"), Seed::from(0u8));
        assert_eq!(big("+12"), Seed::from(12u8));
        assert_eq!(Seed::from(u128::MAX).to_string(), u128::MAX.to_string());
        assert_eq!(big(&u128::MAX.to_string()), Seed::from(u128::MAX));
    }

    #[test]
    fn exact_addition_across_the_i128_edge() {
        let s = Seed::from(i128::MAX - 2);
        assert_eq!(s.plus_i128(2), Some(i128::MAX));
        assert_eq!(s.plus_i128(3), None);
        assert_eq!(
            s.plus(u64::MAX).to_bigint(),
            BigInt::from(i128::MAX - 2) + u64::MAX
        );
        let neg = big("-170141183460469231731687303715884105729"); // i128::MIN - 1
        assert_eq!(neg.as_i128(), None);
        assert_eq!(neg.plus(1), Seed::from(i128::MIN));
        let huge = big(&format!("1{}", "0".repeat(60)));
        assert_eq!(huge.plus(7).to_string(), format!("1{}7", "0".repeat(59)));
        assert_eq!(huge.digits(), 61);
        assert_eq!(big("-123").digits(), 3);
        assert!(neg.is_negative() && Seed::from(-1).is_negative());
        assert!(!huge.is_negative() && !Seed::from(0u8).is_negative());
    }

    #[test]
    fn parse_refuses_what_is_not_a_decimal_integer() {
        for bad in [
            "", "-", "+", "1.0", "1e3", " 1", "1 ", "1_000", "0x10", "--1", "١",
        ] {
            assert_eq!(Seed::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn rng_is_random_of_the_value() {
        let mut a = Seed::from(12345u32).rng();
        let mut b = Random::new(12345);
        assert_eq!(a.next_u32(), b.next_u32());
        let two_200: BigInt = BigInt::from(1u8) << 200;
        let mut a = Seed::from(two_200.clone()).rng();
        let mut b = Random::from_bigint(&two_200);
        assert_eq!(a.next_u32(), b.next_u32());
    }

    #[test]
    fn serde_is_a_json_integer() {
        for text in [
            "0",
            "-5",
            "170141183460469231731687303715884105728",
            "-1606938044258990275541962092341162602522202993782792835301376",
        ] {
            let s = big(text);
            assert_eq!(serde_json::to_string(&s).unwrap(), text);
            assert_eq!(serde_json::to_value(&s).unwrap().to_string(), text);
            let back: Seed = serde_json::from_str(text).unwrap();
            assert_eq!(back, s);
        }
        assert!(serde_json::from_str::<Seed>("1.0").is_err());
        assert!(serde_json::from_str::<Seed>("\"1\"").is_err());
    }
}
