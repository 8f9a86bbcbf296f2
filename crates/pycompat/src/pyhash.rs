//! CPython's `hash()` of ints and tuples, and the iteration order of a `set`
//! built by adding elements one at a time (`set(iterable)`, `set.add`).
//!
//! For elements whose hash does not depend on `PYTHONHASHSEED` (ints, tuples of
//! ints, ...) the order of `list(set(...))` is fully determined by CPython's
//! open-addressing table (`Objects/setobject.c`): linear probes of 9 slots,
//! then `i = i * 5 + 1 + (perturb >>= 5)`, and a resize to the smallest power
//! of two above `4 * used` once the table is 60% full.

const MODULUS: u64 = (1 << 61) - 1;
const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;

/// `hash(n)` for an int.
pub fn py_int_hash(n: i64) -> i64 {
    let m = (n.unsigned_abs() % MODULUS) as i64;
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
    // Slots hold (index into items, hash).
    let mut table: Vec<Option<(usize, i64)>> = vec![None; MIN_SIZE];
    let mut mask = MIN_SIZE - 1;
    let mut fill = 0usize;
    for (idx, item) in items.iter().enumerate() {
        let h = hash(item);
        let mut inserted = false;
        for i in probe_order(h, mask) {
            match table[i] {
                None => {
                    table[i] = Some((idx, h));
                    inserted = true;
                    break;
                }
                Some((k, kh)) if kh == h && items[k] == *item => break,
                Some(_) => {}
            }
        }
        if !inserted {
            continue;
        }
        fill += 1;
        if fill * 5 < mask * 3 {
            continue;
        }
        let minused = if fill > 50_000 { fill * 2 } else { fill * 4 };
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let mut new_table = vec![None; size];
        let new_mask = size - 1;
        for &(k, kh) in table.iter().flatten() {
            insert_clean(&mut new_table, new_mask, k, kh);
        }
        table = new_table;
        mask = new_mask;
    }
    table.into_iter().flatten().map(|(k, _)| k).collect()
}

/// `set_insert_clean`: insertion into a table with no equal element and no dummies.
fn insert_clean(table: &mut [Option<(usize, i64)>], mask: usize, idx: usize, h: i64) {
    // The table is at most 60% full, so the (endless) probe finds a free slot.
    if let Some(i) = probe_order(h, mask).find(|&i| table[i].is_none()) {
        table[i] = Some((idx, h));
    }
}

/// The slots CPython's set looks at for hash `h`, in order (`set_add_entry`,
/// `set_insert_clean`): runs of `LINEAR_PROBES + 1` slots from `i` (a single
/// slot where the run would pass the table's end), then
/// `i = i * 5 + 1 + (perturb >>= 5)`. Endless; callers stop at a hit.
fn probe_order(h: i64, mask: usize) -> impl Iterator<Item = usize> {
    let mut perturb = h as u64;
    let mut start = (h as u64 as usize) & mask;
    let mut offset = 0;
    std::iter::from_fn(move || {
        let probes = if start + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        if offset > probes {
            perturb >>= PERTURB_SHIFT;
            start = (start
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
            offset = 0;
        }
        offset += 1;
        Some(start + offset - 1)
    })
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
