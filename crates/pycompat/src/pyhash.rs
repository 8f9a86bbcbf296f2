//! CPython's `hash()` of ints and tuples, and the iteration order of a `set`
//! built by adding elements one at a time (`set(iterable)`, `set.add`).
//!
//! For elements whose hash does not depend on `PYTHONHASHSEED` (ints, tuples of
//! ints, ...) the order of `list(set(...))` is fully determined by CPython's
//! open-addressing table, which `crate::pyset` keeps.

use crate::pyset::{AnySet, PyHashable, PySet};

const MODULUS: u64 = (1 << 61) - 1;
const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// `hash(n)` for an int.
#[inline]
pub fn py_int_hash(n: i64) -> i64 {
    let u = n.unsigned_abs();
    // Grid coordinates and colors are far below the modulus: skip the division.
    let m = if u < MODULUS { u } else { u % MODULUS } as i64;
    let h = if n < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(t)` for a tuple whose items hash to `item_hashes` (CPython 3.8+ xxHash scheme).
pub fn py_tuple_hash(item_hashes: &[i64]) -> i64 {
    let mut h = TupleHasher::new();
    for &x in item_hashes {
        h.item(x);
    }
    h.finish()
}

/// `tuplehash` one item at a time, so nested tuples hash without collecting
/// their items' hashes first.
#[derive(Clone, Copy)]
pub(crate) struct TupleHasher {
    acc: u64,
    len: u64,
}

impl TupleHasher {
    #[inline]
    pub(crate) fn new() -> Self {
        TupleHasher {
            acc: XXPRIME_5,
            len: 0,
        }
    }

    #[inline]
    pub(crate) fn item(&mut self, h: i64) {
        self.acc = self.acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(XXPRIME_1);
        self.len += 1;
    }

    #[inline]
    pub(crate) fn finish(self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (XXPRIME_5 ^ 3_527_539));
        if acc == u64::MAX {
            1_546_275_796
        } else {
            acc as i64
        }
    }
}

/// `list(set(items))` as indices into `items`: the first of equal elements is
/// kept, and the kept ones come in CPython's table order. `hash` must be the
/// element's Python `hash()`; equal elements must hash equal.
pub fn py_set_order<T: PartialEq>(items: &[T], hash: impl Fn(&T) -> i64) -> Vec<usize> {
    let set: PySet<Indexed<'_, T>> = items
        .iter()
        .enumerate()
        .map(|(i, item)| Indexed {
            i,
            items,
            hash: hash(item),
        })
        .collect();
    set.iter().map(|x| x.i).collect()
}

/// An element of `items` standing in a set by its index, with the hash the
/// caller computed and the items' own `==`.
struct Indexed<'a, T> {
    i: usize,
    items: &'a [T],
    hash: i64,
}

impl<T> Clone for Indexed<'_, T> {
    fn clone(&self) -> Self {
        Indexed { ..*self }
    }
}

impl<T: PartialEq> PartialEq for Indexed<'_, T> {
    fn eq(&self, other: &Self) -> bool {
        self.items[self.i] == other.items[other.i]
    }
}

impl<T: PartialEq> PyHashable for Indexed<'_, T> {
    fn py_hash(&self) -> i64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair_hash(&(a, b): &(i64, i64)) -> i64 {
        py_tuple_hash(&[py_int_hash(a), py_int_hash(b)])
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(pair_hash(&(3, 5)), 7586885779985432798);
        assert_eq!(pair_hash(&(0, 0)), -8458139203682520985);
        assert_eq!(py_tuple_hash(&[]), 5740354900026072187);
        assert_eq!(
            py_tuple_hash(&[py_int_hash(1), py_int_hash(2), py_int_hash(3)]),
            529344067295497451
        );
        assert_eq!(py_int_hash(-1), -2);
        assert_eq!(py_int_hash(1 << 61), 1);
        assert_eq!(py_int_hash(-(1 << 61) + 1), 0);
    }

    #[test]
    fn set_order_matches_cpython() {
        // {5, 1, 9, 33, 17, 8, 100, -3}
        let ints = [5, 1, 9, 33, 17, 8, 100, -3];
        let order: Vec<i64> = py_set_order(&ints, |&n| py_int_hash(n))
            .into_iter()
            .map(|i| ints[i])
            .collect();
        assert_eq!(order, [1, 33, 100, 5, 8, 9, 17, -3]);

        // r = random.Random(7); [(r.randint(0, 9), r.randint(0, 9)) for _ in range(40)]
        #[rustfmt::skip]
        let pairs = [
            (5, 2), (6, 0), (1, 8), (1, 5), (9, 0), (8, 3), (0, 1), (6, 6), (1, 3), (1, 8),
            (6, 0), (9, 1), (3, 9), (0, 9), (9, 6), (0, 3), (0, 8), (2, 4), (6, 2), (8, 1),
            (9, 4), (8, 2), (1, 9), (9, 3), (5, 1), (8, 1), (9, 0), (9, 3), (7, 8), (6, 5),
            (7, 9), (7, 5), (4, 3), (2, 3), (1, 9), (4, 8), (7, 5), (7, 4), (9, 1), (1, 8),
        ];
        #[rustfmt::skip]
        let expected = [
            (4, 3), (5, 1), (8, 3), (0, 8), (1, 3), (1, 9), (7, 4), (6, 2), (6, 5), (3, 9),
            (4, 8), (8, 2), (9, 1), (9, 4), (0, 1), (2, 4), (1, 5), (1, 8), (7, 9), (5, 2),
            (9, 0), (9, 3), (8, 1), (9, 6), (0, 3), (0, 9), (2, 3), (6, 0), (6, 6), (7, 5),
            (7, 8),
        ];
        let order: Vec<(i64, i64)> = py_set_order(&pairs, pair_hash)
            .into_iter()
            .map(|i| pairs[i])
            .collect();
        assert_eq!(order, expected);
    }
}
