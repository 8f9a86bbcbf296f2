//! CPython 3.11's `set` and `frozenset`, table and all.
//!
//! Code that picks from a set (`rng.choice(tuple(s))`, `sorted` with ties,
//! `max(set(xs), key=xs.count)`) depends on the order CPython iterates it in,
//! which is the order of its open-addressing table. For elements whose hash
//! does not depend on `PYTHONHASHSEED` (ints, tuples of them, frozensets of
//! those) that order is a function of the operations that built the set, so a
//! port that keeps CPython's table — mask, fill, used, dummies, the `pop`
//! finger — and performs each operation the way `Objects/setobject.c` does
//! (v3.11.7) iterates in the same order. Every construction path matters:
//! `frozenset(a_set)` copies the table (verbatim when the sizes match, by
//! re-insertion otherwise), `frozenset(generator)` adds one element at a time,
//! `a | b` copies `a` and merges `b`, `a - b` walks whichever side is cheaper,
//! and so on; each method names the Python expression it reproduces.
//!
//! Element equality is Python's `==`: `PartialEq` of ints and tuples, and set
//! equality for frozensets. Frozensets are shared (`Rc`), so that `frozenset(fs)`
//! and `fs.copy()` return the same object as in CPython; which of two equal
//! frozensets a set keeps matters, because their own orders may differ.
//!
//! Python to Rust, for porters (`T` any [`PyHashable`]):
//!
//! | Python | here |
//! |---|---|
//! | `set(gen)`, `{x, y}`, `{f(x) for x in it}` | `it.collect::<PySet<T>>()` (one add each) |
//! | `frozenset(gen)`, `frozenset(a_list)`, `type(fs)(gen)` | `it.collect::<PyFrozenSet<T>>()` |
//! | `frozenset(a_set)`, `frozenset({...})` | `a_set.freeze()` (a `set_merge` copy) |
//! | `frozenset(fs)`, `fs.copy()` | `fs.clone()` (the same object) |
//! | `set(s)`, `s.copy()` | `PySet::from_set(&s)`, `s.copy()` |
//! | `a \| b`, `a & b`, `a - b`, `a ^ b` (both sets) | `&a \| &b`, ... or `a.union(&b)`, ... (mixed types) |
//! | `a.union(a_list)`, `.intersection(..)`, ... | `a.union_iter(items)`, ... |
//! | `s \|= t`, `s -= t`, `s &= t`, `s ^= t` | `s.update(&t)`, `s.difference_update(&t)`, ... |
//! | `s.update(gen)` | `s.update_iter(gen)` |
//! | `s.add(x)`, `s.discard(x)`, `s.pop()` | the same names |
//! | `x in s`, `len(s)`, `tuple(s)`, `for x in s` | `s.contains(&x)`, `s.len()`, `s.to_vec()`, `s.iter()` |
//! | `a <= b`, `a.issubset(b)`, `a == b` | `a.issubset(&b)`, `a == b` |
//! | `hash(fs)` | `fs.py_hash()` |
//!
//! A set holds one Rust type; a Python set mixing, say, ints and tuples needs
//! an enum implementing [`PyHashable`]. `PyFrozenSet` is `Rc`-shared, so
//! neither type is `Send`: build and use them within one item's generation.
//!
//! Checked against CPython by `scripts/vectors/pyset_vectors.py`.

use std::cell::OnceCell;
use std::fmt;
use std::rc::Rc;

use crate::pyhash::{py_int_hash, TupleHasher};

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;
/// The hash CPython stores in a slot whose key was deleted (`dummy`); no
/// object hashes to -1, so a probe never mistakes it for a match.
const DUMMY_HASH: i64 = -1;

/// A copy of `Copy` slots as one `memcpy`. (`to_vec` clones them one by one:
/// std no longer specialises it for `Copy`; `copied().collect()` of a
/// slice is a single copy.)
#[allow(clippy::iter_cloned_collect)]
fn copy_all<E: Copy>(slots: &[E]) -> Vec<E> {
    slots.iter().copied().collect()
}

/// An element type whose Python `hash()` and `==` this crate reproduces.
pub trait PyHashable: Clone + PartialEq {
    /// Python's `hash(self)`.
    fn py_hash(&self) -> i64;

    /// A copy of a table's slots (copying a set, `frozenset(s)`, the first
    /// step of `s - t`): a clone of each by default; ints and tuples of ints,
    /// which are `Copy`, copy them all at once.
    #[doc(hidden)]
    fn copy_slots(slots: &[Entry<Self>]) -> Vec<Entry<Self>> {
        slots.to_vec()
    }
}

macro_rules! int_hashable {
    ($($t:ty),*) => {$(
        impl PyHashable for $t {
            #[inline]
            fn py_hash(&self) -> i64 {
                py_int_hash(*self as i64)
            }

            fn copy_slots(slots: &[Entry<Self>]) -> Vec<Entry<Self>> {
                copy_all(slots)
            }
        }
    )*};
}
int_hashable!(i64, i32, i16, i8, u8, u16, u32);

impl PyHashable for usize {
    #[inline]
    fn py_hash(&self) -> i64 {
        // usize values above i64::MAX do not occur in the ports; hash them as
        // the Python int they stand for anyway (modulo 2**61 - 1).
        match i64::try_from(*self) {
            Ok(n) => py_int_hash(n),
            Err(_) => ((*self as u64) % ((1 << 61) - 1)) as i64,
        }
    }

    fn copy_slots(slots: &[Entry<Self>]) -> Vec<Entry<Self>> {
        copy_all(slots)
    }
}

impl PyHashable for bool {
    #[inline]
    fn py_hash(&self) -> i64 {
        i64::from(*self)
    }

    fn copy_slots(slots: &[Entry<Self>]) -> Vec<Entry<Self>> {
        copy_all(slots)
    }
}

/// Tuples of `Copy` elements (the locations and cells sets hold; no port
/// puts a list or a set in a tuple it hashes), so that they copy at once.
macro_rules! tuple_hashable {
    ($(($($n:tt $t:ident),+)),*) => {$(
        impl<$($t: PyHashable + Copy),+> PyHashable for ($($t,)+) {
            #[inline]
            fn py_hash(&self) -> i64 {
                let mut h = TupleHasher::new();
                $(h.item(self.$n.py_hash());)+
                h.finish()
            }

            fn copy_slots(slots: &[Entry<Self>]) -> Vec<Entry<Self>> {
                copy_all(slots)
            }
        }
    )*};
}
tuple_hashable!(
    (0 A),
    (0 A, 1 B),
    (0 A, 1 B, 2 C),
    (0 A, 1 B, 2 C, 3 D)
);

/// Variable-length tuples (a grid row, a grid as a tuple of rows).
impl<T: PyHashable> PyHashable for Vec<T> {
    fn py_hash(&self) -> i64 {
        let mut h = TupleHasher::new();
        for x in self {
            h.item(x.py_hash());
        }
        h.finish()
    }
}

impl<T: PyHashable> PyHashable for Rc<[T]> {
    fn py_hash(&self) -> i64 {
        let mut h = TupleHasher::new();
        for x in self.iter() {
            h.item(x.py_hash());
        }
        h.finish()
    }
}

/// One slot of the table. Empty: no key, hash 0. Dummy (deleted): no key,
/// hash -1 (CPython's `dummy` key with `hash == -1`). Public only for
/// [`PyHashable::copy_slots`].
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Entry<T> {
    hash: i64,
    key: Option<T>,
}

impl<T> Entry<T> {
    const EMPTY: Self = Entry { hash: 0, key: None };
}

/// CPython's `PySetObject` minus the object header: the table behind both
/// [`PySet`] and [`PyFrozenSet`].
pub struct SetTable<T> {
    /// Number of active and dummy slots.
    fill: usize,
    /// Number of active slots.
    used: usize,
    /// Slot count minus one (a power of two minus one).
    mask: usize,
    /// Where `pop` resumes its scan.
    finger: usize,
    /// The slots; empty until the first insertion, standing for CPython's
    /// 8-slot `smalltable` (which lives inside the object and so costs no
    /// allocation): many sets are copied or merged into at once, which
    /// resizes them past 8 slots before anything is stored.
    entries: Vec<Entry<T>>,
}

impl<T: PyHashable> Clone for SetTable<T> {
    fn clone(&self) -> Self {
        SetTable {
            entries: T::copy_slots(&self.entries),
            ..*self
        }
    }
}

impl<T: PyHashable> Default for SetTable<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: PyHashable> SetTable<T> {
    /// `make_new_set` with no iterable: the 8-slot small table (its slots
    /// allocated on first use).
    fn new() -> Self {
        SetTable {
            fill: 0,
            used: 0,
            mask: MIN_SIZE - 1,
            finger: 0,
            entries: Vec::new(),
        }
    }

    /// The small table's slots, before the first store into it.
    #[inline]
    fn allocate_small(&mut self) {
        if self.entries.is_empty() {
            self.allocate_small_now();
        }
    }

    #[inline(never)]
    fn allocate_small_now(&mut self) {
        self.entries = vec![Entry::EMPTY; MIN_SIZE];
    }

    #[inline]
    fn len(&self) -> usize {
        self.used
    }

    /// `set_lookkey`: the slot holding `key`, if any. Dummies are passed over;
    /// an empty slot ends the search.
    fn find(&self, key: &T, hash: i64) -> Option<usize> {
        if self.fill == 0 {
            // All slots empty (or not yet allocated).
            return None;
        }
        let mask = self.mask;
        let entries = &self.entries[..=mask];
        let mut perturb = hash as u64 as usize;
        let mut i = perturb & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for (j, e) in (i..).zip(&entries[i..=i + probes]) {
                match &e.key {
                    Some(k) if e.hash == hash && k == key => return Some(j),
                    Some(_) => {}
                    // Empty (hash 0) ends the search; a dummy (hash -1) does not.
                    None if e.hash == 0 => return None,
                    None => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
        }
    }

    #[inline]
    fn contains_entry(&self, key: &T, hash: i64) -> bool {
        self.find(key, hash).is_some()
    }

    /// `set_add_entry`: probe for `key`; if absent, store it in the last
    /// dummy met on the way, else in the empty slot that ended the probe, and
    /// resize once 60% of the slots are filled.
    #[inline]
    fn add_entry(&mut self, key: T, hash: i64) {
        self.allocate_small();
        // The table is at most 60% full, so the first slot is usually empty:
        // the probe loop would stop there too. That case is inlined into the
        // callers; the probe loop is not.
        let i = hash as u64 as usize & self.mask;
        if let Some(e) = self.entries.get(i) {
            if e.key.is_none() && e.hash == 0 {
                self.store_in_empty(i, key, hash);
                return;
            }
        }
        self.add_entry_probe(key, hash);
    }

    /// The rest of `set_add_entry`, after a first probe that met a key or a
    /// dummy.
    #[inline(never)]
    fn add_entry_probe(&mut self, key: T, hash: i64) {
        let mask = self.mask;
        let mut perturb = hash as u64 as usize;
        let mut i = perturb & mask;
        let mut freeslot: Option<usize> = None;
        // Sliced to the mask so the probes' bounds checks can go.
        let entries = &self.entries[..=mask];
        let empty = 'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for (j, e) in (i..).zip(&entries[i..=i + probes]) {
                match &e.key {
                    // Already present: the set keeps its own object.
                    Some(k) if e.hash == hash && *k == key => return,
                    Some(_) => {}
                    None if e.hash == 0 => break 'probe j,
                    // A dummy (hash -1). CPython remembers the *last* one
                    // on the probe path, not the first.
                    None => freeslot = Some(j),
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
        };
        if let Some(f) = freeslot {
            // Reusing a dummy changes neither fill nor the need to resize.
            self.used += 1;
            self.entries[f] = Entry {
                hash,
                key: Some(key),
            };
            return;
        }
        self.store_in_empty(empty, key, hash);
    }

    /// The end of `set_add_entry` at an empty slot (`found_unused`): one
    /// more filled slot, and a resize once 60% of the slots are filled.
    #[inline]
    fn store_in_empty(&mut self, slot: usize, key: T, hash: i64) {
        self.fill += 1;
        self.used += 1;
        self.entries[slot] = Entry {
            hash,
            key: Some(key),
        };
        if self.fill * 5 < self.mask * 3 {
            return;
        }
        self.resize(self.grow_target());
    }

    /// The `minused` `set_add_entry` and `set_difference_update` resize to.
    #[inline]
    fn grow_target(&self) -> usize {
        if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    #[inline]
    fn add(&mut self, key: T) {
        let h = key.py_hash();
        self.add_entry(key, h);
    }

    /// `set_table_resize`: a table of the smallest power of two (at least 8)
    /// above `minused`, filled with the active entries in old-table order by
    /// `set_insert_clean`. An 8-slot table without dummies that would stay at
    /// 8 slots is left alone.
    fn resize(&mut self, minused: usize) {
        let newsize = table_size_for(minused);
        if newsize == MIN_SIZE && self.mask + 1 == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.entries, vec![Entry::EMPTY; newsize]);
        self.mask = newsize - 1;
        self.fill = self.used;
        for e in old {
            if let Some(k) = e.key {
                insert_clean(&mut self.entries, self.mask, k, e.hash);
            }
        }
    }

    /// `set_discard_entry`: the slot becomes a dummy; the table never shrinks here.
    fn discard_entry(&mut self, key: &T, hash: i64) -> bool {
        match self.find(key, hash) {
            Some(j) => {
                self.entries[j] = Entry {
                    hash: DUMMY_HASH,
                    key: None,
                };
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// `set_pop`: the first active slot at or after the finger, wrapping.
    fn pop(&mut self) -> Option<T> {
        if self.used == 0 {
            return None;
        }
        let mut j = self.finger & self.mask;
        while self.entries[j].key.is_none() {
            j += 1;
            if j > self.mask {
                j = 0;
            }
        }
        let key = std::mem::replace(
            &mut self.entries[j],
            Entry {
                hash: DUMMY_HASH,
                key: None,
            },
        )
        .key;
        self.used -= 1;
        self.finger = j + 1;
        key
    }

    /// `set_clear_internal`: back to an empty 8-slot table (the finger stays).
    fn clear(&mut self) {
        self.entries = Vec::new();
        self.mask = MIN_SIZE - 1;
        self.fill = 0;
        self.used = 0;
    }

    /// Active entries in table order, with their hashes.
    #[inline]
    fn active(&self) -> impl Iterator<Item = (&T, i64)> + '_ {
        self.entries
            .iter()
            .filter_map(|e| e.key.as_ref().map(|k| (k, e.hash)))
    }

    /// `set_merge` (`so.update(other)` for a set or frozenset `other`).
    /// The caller handles `other is so` (a no-op in CPython).
    fn merge(&mut self, other: &SetTable<T>) {
        if other.used == 0 {
            return;
        }
        // One big resize up front, expecting few common keys.
        if (self.fill + other.used) * 5 >= self.mask * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask == other.mask && other.fill == other.used {
            // Empty target, same size, no dummies: slot-for-slot copy. Both
            // tables' other slots are empty (`fill == used` leaves no
            // dummies), so copying every slot is the same copy, in one go.
            self.entries = T::copy_slots(&other.entries);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        self.allocate_small();
        if self.fill == 0 {
            // Empty target: no duplicates or dummies, so insert without lookups.
            self.fill = other.used;
            self.used = other.used;
            for (k, h) in other.active() {
                insert_clean(&mut self.entries, self.mask, k.clone(), h);
            }
            return;
        }
        for (k, h) in other.active() {
            self.add_entry(k.clone(), h);
        }
    }

    /// `set_update_internal` with an iterable that is not a set or dict.
    fn update_iter<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for k in items {
            self.add(k);
        }
    }

    /// `make_new_set(type, other)` for a set or frozenset `other`: the copy
    /// `set(s)`, `frozenset(a_set)`, `s.copy()` and the binary operators make.
    fn copy_of(other: &SetTable<T>) -> Self {
        // `merge` into an empty table sizes it for `2 * used` (no resize
        // below 5 entries); when that is `other`'s own size and `other` has
        // no dummies, the slot-for-slot copy is the whole table, cloned at
        // once instead of allocated empty and filled slot by slot.
        if other.used > 0 && other.fill == other.used {
            let size = if other.used * 5 >= (MIN_SIZE - 1) * 3 {
                table_size_for(other.used * 2)
            } else {
                MIN_SIZE
            };
            if size == other.mask + 1 {
                return SetTable {
                    fill: other.fill,
                    used: other.used,
                    mask: other.mask,
                    finger: 0,
                    entries: T::copy_slots(&other.entries),
                };
            }
        }
        let mut t = SetTable::new();
        t.merge(other);
        t
    }

    /// `set_intersection(so, other)` for a set or frozenset `other`, `other`
    /// not being `so`: walks the smaller of the two (`other` on a tie) and
    /// adds the hits, with the walked set's objects.
    fn intersection(so: &SetTable<T>, other: &SetTable<T>) -> Self {
        let (big, small) = if other.len() > so.len() {
            (other, so)
        } else {
            (so, other)
        };
        let mut result = SetTable::new();
        for (k, h) in small.active() {
            if big.contains_entry(k, h) {
                result.add_entry(k.clone(), h);
            }
        }
        result
    }

    /// `set_intersection(so, iterable)`: walks the iterable.
    fn intersection_iter<I: IntoIterator<Item = T>>(so: &SetTable<T>, items: I) -> Self {
        let mut result = SetTable::new();
        for k in items {
            let h = k.py_hash();
            if so.contains_entry(&k, h) {
                result.add_entry(k, h);
            }
        }
        result
    }

    /// `set_difference(so, other)` for a set or frozenset `other`.
    fn difference(so: &SetTable<T>, other: &SetTable<T>) -> Self {
        if (so.len() >> 2) > other.len() {
            // Much bigger than other: copy so and discard other's elements.
            let mut result = SetTable::copy_of(so);
            result.difference_update(other);
            return result;
        }
        let mut result = SetTable::new();
        for (k, h) in so.active() {
            if !other.contains_entry(k, h) {
                result.add_entry(k.clone(), h);
            }
        }
        result
    }

    /// [`SetTable::difference`] against a set known only by its size and
    /// membership test: CPython's choice between the two walks reads
    /// `len(other)` alone, and copy-then-discard leaves the same dummies
    /// whether it discards `other`'s elements or `so`'s ones `other` holds.
    fn difference_where(so: &SetTable<T>, other_len: usize, in_other: impl Fn(&T) -> bool) -> Self {
        if (so.len() >> 2) > other_len {
            // The copy's slots of the common keys become dummies, as each
            // discard would leave them.
            let mut result = SetTable::copy_of(so);
            for e in result.entries.iter_mut() {
                if e.key.as_ref().is_some_and(&in_other) {
                    *e = Entry {
                        hash: DUMMY_HASH,
                        key: None,
                    };
                    result.used -= 1;
                }
            }
            result.purge_dummies_after_difference();
            return result;
        }
        let mut result = SetTable::new();
        for (k, h) in so.active() {
            if !in_other(k) {
                result.add_entry(k.clone(), h);
            }
        }
        result
    }

    /// `set_difference_update_internal(so, other)` for a set or frozenset
    /// `other` that is not `so`.
    fn difference_update(&mut self, other: &SetTable<T>) {
        // CPython walks intersection(so, other) instead when other is more
        // than 8 times larger; discards leave the same dummies in any order.
        for (k, h) in other.active() {
            self.discard_entry(k, h);
        }
        self.purge_dummies_after_difference();
    }

    /// `set_difference_update_internal(so, iterable)`.
    fn difference_update_iter<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for k in items {
            let h = k.py_hash();
            self.discard_entry(&k, h);
        }
        self.purge_dummies_after_difference();
    }

    /// The end of `set_difference_update_internal`: more than a quarter of
    /// the slots dummies means a rebuild.
    fn purge_dummies_after_difference(&mut self) {
        if self.fill - self.used <= self.mask / 4 {
            return;
        }
        self.resize(self.grow_target());
    }

    /// `set_symmetric_difference_update(so, other)` for a set or frozenset
    /// `other` that is not `so`: walk other, discarding what so has and
    /// adding what it lacks.
    fn symmetric_difference_update(&mut self, other: &SetTable<T>) {
        for (k, h) in other.active() {
            if !self.discard_entry(k, h) {
                self.add_entry(k.clone(), h);
            }
        }
    }

    /// `set_issubset` for a set or frozenset `other`.
    fn issubset(&self, other: &SetTable<T>) -> bool {
        if self.len() > other.len() {
            return false;
        }
        self.active().all(|(k, h)| other.contains_entry(k, h))
    }

    /// `frozenset_hash`: order-independent, a function of the active hashes.
    fn frozenset_hash(&self) -> i64 {
        frozenset_hash_of(self.active().map(|(_, h)| h))
    }
}

/// CPython's `frozenset_hash` of a frozenset of distinct elements with these
/// hashes, in any order: what `hash(frozenset(xs))` is, for code that knows
/// the elements' hashes without building the set.
pub fn frozenset_hash_of(hashes: impl IntoIterator<Item = i64>) -> i64 {
    let (mut hash, mut used): (u64, u64) = (0, 0);
    // CPython xors every slot's hash in, then cancels the empty and dummy
    // slots out again; only the active ones remain.
    for h in hashes {
        hash ^= shuffle_bits(h as u64);
        used += 1;
    }
    hash ^= (used + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        hash = 590_923_713;
    }
    hash as i64
}

#[inline]
fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
}

/// The table size `set_table_resize` picks: the smallest power of two, at
/// least 8, above `minused`.
fn table_size_for(minused: usize) -> usize {
    let mut size = MIN_SIZE;
    while size <= minused {
        size <<= 1;
    }
    size
}

/// `set_insert_clean`: into a table with no dummies and no equal key, so the
/// first empty slot on the probe path takes it.
fn insert_clean<T>(entries: &mut [Entry<T>], mask: usize, key: T, hash: i64) {
    let mut perturb = hash as u64 as usize;
    let mut i = perturb & mask;
    loop {
        let probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        if let Some(e) = entries[i..=i + probes].iter_mut().find(|e| e.key.is_none()) {
            *e = Entry {
                hash,
                key: Some(key),
            };
            return;
        }
        perturb >>= PERTURB_SHIFT;
        i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
    }
}

/// What `set` and `frozenset` have in common: reading, and being the other
/// operand of an operation.
pub trait AnySet<T: PyHashable> {
    #[doc(hidden)]
    fn table(&self) -> &SetTable<T>;

    /// The Python object's address, for `a is b`: the table's, except for a
    /// frozenset whose table is shared with others (see
    /// [`PyFrozenSet::into_shared`]).
    #[doc(hidden)]
    fn object(&self) -> *const () {
        std::ptr::from_ref(self.table()).cast()
    }

    /// `len(s)`.
    fn len(&self) -> usize {
        self.table().len()
    }

    /// `len(s) == 0`.
    fn is_empty(&self) -> bool {
        self.table().len() == 0
    }

    /// `x in s`.
    fn contains(&self, x: &T) -> bool {
        self.table().contains_entry(x, x.py_hash())
    }

    /// `iter(s)`: CPython's order.
    fn iter<'a>(&'a self) -> impl Iterator<Item = &'a T> + 'a
    where
        T: 'a,
    {
        self.table().entries.iter().filter_map(|e| e.key.as_ref())
    }

    /// `list(s)` / `tuple(s)`.
    fn to_vec(&self) -> Vec<T> {
        // Sized up front: the filtering iterator has no useful size hint.
        let mut v = Vec::with_capacity(self.len());
        v.extend(self.iter().cloned());
        v
    }

    /// `s.issubset(other)` / `s <= other` for a set or frozenset `other`.
    fn issubset(&self, other: &impl AnySet<T>) -> bool {
        self.table().issubset(other.table())
    }

    /// `s.issubset(iterable)`: CPython builds `set(iterable)` first.
    fn issubset_iter<I: IntoIterator<Item = T>>(&self, items: I) -> bool {
        let mut t = SetTable::new();
        t.update_iter(items);
        self.table().issubset(&t)
    }

    /// `s.issuperset(other)` / `s >= other`.
    fn issuperset(&self, other: &impl AnySet<T>) -> bool {
        other.table().issubset(self.table())
    }

    /// `s.isdisjoint(other)`.
    fn isdisjoint(&self, other: &impl AnySet<T>) -> bool {
        let (a, b) = (self.table(), other.table());
        let (big, small) = if a.len() > b.len() { (a, b) } else { (b, a) };
        !small.active().any(|(k, h)| big.contains_entry(k, h))
    }

    /// Python's `==` between sets: same elements.
    fn set_eq(&self, other: &impl AnySet<T>) -> bool {
        // A set is equal to itself: spares comparing shared frozensets
        // element by element.
        same(self, other) || (self.len() == other.len() && self.table().issubset(other.table()))
    }
}

/// A reference to a set reads as the set.
impl<T: PyHashable, S: AnySet<T>> AnySet<T> for &S {
    #[inline]
    fn table(&self) -> &SetTable<T> {
        (**self).table()
    }

    #[inline]
    fn object(&self) -> *const () {
        (**self).object()
    }
}

/// True when `a` and `b` are the same Python object (`a is b`).
#[inline]
fn same<T: PyHashable>(a: &(impl AnySet<T> + ?Sized), b: &(impl AnySet<T> + ?Sized)) -> bool {
    a.object() == b.object()
}

/// Python's `set`.
pub struct PySet<T> {
    t: SetTable<T>,
}

impl<T: PyHashable> Clone for PySet<T> {
    fn clone(&self) -> Self {
        PySet { t: self.t.clone() }
    }
}

/// Python's `frozenset`: immutable and shared, its hash computed once.
#[derive(Clone)]
pub struct PyFrozenSet<T>(Rc<Frozen<T>>);

struct Frozen<T> {
    t: Body<T>,
    hash: OnceCell<i64>,
}

/// A frozenset's table: its own, or one it shares with other frozensets
/// (distinct Python objects with equal tables, as a cache hands out: the
/// table never changes, so sharing it is copying it for free).
enum Body<T> {
    Own(SetTable<T>),
    Shared(Rc<SetTable<T>>),
}

impl<T: PyHashable> AnySet<T> for PySet<T> {
    #[inline]
    fn table(&self) -> &SetTable<T> {
        &self.t
    }
}

impl<T: PyHashable> AnySet<T> for PyFrozenSet<T> {
    #[inline]
    fn table(&self) -> &SetTable<T> {
        match &self.0.t {
            Body::Own(t) => t,
            Body::Shared(t) => t,
        }
    }

    #[inline]
    fn object(&self) -> *const () {
        Rc::as_ptr(&self.0).cast()
    }
}

/// The operations both types have, each returning the left operand's type as
/// CPython's `make_new_set_basetype(Py_TYPE(so), ...)` does.
macro_rules! set_ops {
    ($ty:ident) => {
        impl<T: PyHashable> $ty<T> {
            /// `a | b` / `a.union(b)` for a set or frozenset `b`: copy `a`,
            /// then merge `b` (unless `b is a`).
            pub fn union(&self, other: &impl AnySet<T>) -> Self {
                let mut t = SetTable::copy_of(self.table());
                if !same(self, other) {
                    t.merge(other.table());
                }
                Self::wrap(t)
            }

            /// `a.union(iterable)`: copy `a`, then add one by one.
            pub fn union_iter<I: IntoIterator<Item = T>>(&self, items: I) -> Self {
                let mut t = SetTable::copy_of(self.table());
                t.update_iter(items);
                Self::wrap(t)
            }

            /// `a & b` / `a.intersection(b)` for a set or frozenset `b`.
            pub fn intersection(&self, other: &impl AnySet<T>) -> Self {
                if same(self, other) {
                    return Self::wrap(SetTable::copy_of(self.table()));
                }
                Self::wrap(SetTable::intersection(self.table(), other.table()))
            }

            /// `a.intersection(iterable)`: walks the iterable.
            pub fn intersection_iter<I: IntoIterator<Item = T>>(&self, items: I) -> Self {
                Self::wrap(SetTable::intersection_iter(self.table(), items))
            }

            /// `a - b` / `a.difference(b)` for a set or frozenset `b`.
            pub fn difference(&self, other: &impl AnySet<T>) -> Self {
                Self::wrap(SetTable::difference(self.table(), other.table()))
            }

            /// `a - b` for a set or frozenset `b` of `other_len` elements that
            /// is only known through `in_other` (membership): the same table
            /// as [`Self::difference`], for callers that never build `b`.
            pub fn difference_where(
                &self,
                other_len: usize,
                in_other: impl Fn(&T) -> bool,
            ) -> Self {
                Self::wrap(SetTable::difference_where(
                    self.table(),
                    other_len,
                    in_other,
                ))
            }

            /// `type(a)(e for e in a if keep(e))`: the kept elements added one
            /// by one, in `a`'s order, to a new set, with the hashes `a`
            /// already holds (the values CPython computes again).
            pub fn filter(&self, keep: impl Fn(&T) -> bool) -> Self {
                let mut t = SetTable::new();
                for (k, h) in self.table().active() {
                    if keep(k) {
                        t.add_entry(k.clone(), h);
                    }
                }
                Self::wrap(t)
            }

            /// `a.difference(iterable)`: copy `a`, then discard one by one.
            pub fn difference_iter<I: IntoIterator<Item = T>>(&self, items: I) -> Self {
                let mut t = SetTable::copy_of(self.table());
                t.difference_update_iter(items);
                Self::wrap(t)
            }

            /// `a ^ b` / `a.symmetric_difference(b)` for a set or frozenset
            /// `b`: copy `b`, then walk `a` toggling.
            pub fn symmetric_difference(&self, other: &impl AnySet<T>) -> Self {
                let mut t = SetTable::copy_of(other.table());
                t.symmetric_difference_update(self.table());
                Self::wrap(t)
            }

            /// `a.symmetric_difference(iterable)`: `set(iterable)`, then the same.
            pub fn symmetric_difference_iter<I: IntoIterator<Item = T>>(&self, items: I) -> Self {
                let mut t = SetTable::new();
                t.update_iter(items);
                t.symmetric_difference_update(self.table());
                Self::wrap(t)
            }

            /// CPython's table size (`mask + 1`), for tests and diagnostics.
            pub fn table_size(&self) -> usize {
                self.table().mask + 1
            }
        }

        impl<T: PyHashable, S: AnySet<T>> PartialEq<S> for $ty<T> {
            fn eq(&self, other: &S) -> bool {
                self.set_eq(other)
            }
        }

        impl<T: PyHashable + fmt::Debug> fmt::Debug for $ty<T> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}(", stringify!($ty))?;
                f.debug_set().entries(self.iter()).finish()?;
                write!(f, ")")
            }
        }

        impl<T: PyHashable> std::ops::BitOr for &$ty<T> {
            type Output = $ty<T>;
            fn bitor(self, other: Self) -> $ty<T> {
                self.union(other)
            }
        }

        impl<T: PyHashable> std::ops::BitAnd for &$ty<T> {
            type Output = $ty<T>;
            fn bitand(self, other: Self) -> $ty<T> {
                self.intersection(other)
            }
        }

        impl<T: PyHashable> std::ops::Sub for &$ty<T> {
            type Output = $ty<T>;
            fn sub(self, other: Self) -> $ty<T> {
                self.difference(other)
            }
        }

        impl<T: PyHashable> std::ops::BitXor for &$ty<T> {
            type Output = $ty<T>;
            fn bitxor(self, other: Self) -> $ty<T> {
                self.symmetric_difference(other)
            }
        }
    };
}

set_ops!(PySet);
set_ops!(PyFrozenSet);

impl<T: PyHashable> Default for PySet<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: PyHashable> PySet<T> {
    #[inline]
    fn wrap(t: SetTable<T>) -> Self {
        PySet { t }
    }

    /// `set()`.
    pub fn new() -> Self {
        PySet { t: SetTable::new() }
    }

    /// `set(s)` / `s.copy()` for a set or frozenset `s`: a copy through
    /// `set_merge` (which may lay the table out differently from `s`'s).
    pub fn from_set(s: &impl AnySet<T>) -> Self {
        PySet {
            t: SetTable::copy_of(s.table()),
        }
    }

    /// `s.copy()`.
    pub fn copy(&self) -> Self {
        Self::from_set(self)
    }

    /// `s.add(x)`.
    pub fn add(&mut self, x: T) {
        self.t.add(x);
    }

    /// `s.discard(x)`; true if `x` was there (`s.remove(x)` raises otherwise).
    pub fn discard(&mut self, x: &T) -> bool {
        self.t.discard_entry(x, x.py_hash())
    }

    /// `s.pop()`; `None` where CPython raises `KeyError`.
    pub fn pop(&mut self) -> Option<T> {
        self.t.pop()
    }

    /// `s.clear()`.
    pub fn clear(&mut self) {
        self.t.clear();
    }

    /// `s |= other` / `s.update(other)` for a set or frozenset `other`
    /// (`s |= s` does nothing in CPython, and cannot be written here).
    pub fn update(&mut self, other: &impl AnySet<T>) {
        self.t.merge(other.table());
    }

    /// `s.update(iterable)` (generators, lists, tuples): add one by one.
    pub fn update_iter<I: IntoIterator<Item = T>>(&mut self, items: I) {
        self.t.update_iter(items);
    }

    /// `s -= other` / `s.difference_update(other)` for a set or frozenset.
    pub fn difference_update(&mut self, other: &impl AnySet<T>) {
        self.t.difference_update(other.table());
    }

    /// `s.difference_update(iterable)`.
    pub fn difference_update_iter<I: IntoIterator<Item = T>>(&mut self, items: I) {
        self.t.difference_update_iter(items);
    }

    /// `s &= other` / `s.intersection_update(other)`: `s` takes over the
    /// table of `s & other` (`set_swap_bodies`; the pop finger stays).
    pub fn intersection_update(&mut self, other: &impl AnySet<T>) {
        let t = SetTable::intersection(&self.t, other.table());
        self.take_body(t);
    }

    /// `s.intersection_update(iterable)`.
    pub fn intersection_update_iter<I: IntoIterator<Item = T>>(&mut self, items: I) {
        let t = SetTable::intersection_iter(&self.t, items);
        self.take_body(t);
    }

    fn take_body(&mut self, t: SetTable<T>) {
        let finger = self.t.finger;
        self.t = t;
        self.t.finger = finger;
    }

    /// `s ^= other` / `s.symmetric_difference_update(other)`.
    pub fn symmetric_difference_update(&mut self, other: &impl AnySet<T>) {
        self.t.symmetric_difference_update(other.table());
    }

    /// `s.symmetric_difference_update(iterable)`: CPython makes
    /// `set(iterable)` first and walks that.
    pub fn symmetric_difference_update_iter<I: IntoIterator<Item = T>>(&mut self, items: I) {
        let mut t = SetTable::new();
        t.update_iter(items);
        self.t.symmetric_difference_update(&t);
    }

    /// `frozenset(s)`: a copy through `set_merge`.
    pub fn freeze(&self) -> PyFrozenSet<T> {
        PyFrozenSet::from_set(self)
    }

    /// This set's table, moved as it is into a frozenset. Not `frozenset(s)`
    /// (a copy that may lay the table out anew: that is [`freeze`](Self::freeze)),
    /// but the frozenset CPython builds by the same steps on a frozenset's
    /// table: `fs_a | fs_b` is `PySet::from_set(&fs_a)` updated by `fs_b`,
    /// then this; and where the copy would be slot for slot anyway (an
    /// 8-slot table, no dummies) it is `frozenset(s)` without the copy.
    pub fn into_frozen_table(self) -> PyFrozenSet<T> {
        PyFrozenSet::wrap(self.t)
    }
}

/// `set(iterable)` / a set display or comprehension: add one by one.
impl<T: PyHashable> FromIterator<T> for PySet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut t = SetTable::new();
        t.update_iter(items);
        PySet { t }
    }
}

/// `frozenset(iterable)` (a generator, list or tuple): add one by one.
impl<T: PyHashable> FromIterator<T> for PyFrozenSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut t = SetTable::new();
        t.update_iter(items);
        Self::wrap(t)
    }
}

impl<T: PyHashable> Default for PyFrozenSet<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: PyHashable> PyFrozenSet<T> {
    #[inline]
    fn wrap(t: SetTable<T>) -> Self {
        PyFrozenSet(Rc::new(Frozen {
            t: Body::Own(t),
            hash: OnceCell::new(),
        }))
    }

    /// `frozenset()`.
    pub fn new() -> Self {
        Self::wrap(SetTable::new())
    }

    /// `frozenset(a_set)`: a copy through `set_merge`. (For a frozenset
    /// argument CPython returns the argument itself: use `clone`.)
    pub fn from_set(s: &PySet<T>) -> Self {
        Self::wrap(SetTable::copy_of(s.table()))
    }

    /// `frozenset(fs)` and `fs.copy()`: the same object.
    pub fn copy(&self) -> Self {
        self.clone()
    }

    /// `fs is other`.
    pub fn is(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// A new frozenset object (not `is` this one) with this one's table,
    /// slot for slot, and its hash if computed: what rebuilding it by the
    /// same steps would give, for caches of frozensets made over and over.
    pub fn duplicate(&self) -> Self {
        let t = match &self.0.t {
            Body::Own(t) => Body::Own(t.clone()),
            Body::Shared(t) => Body::Shared(Rc::clone(t)),
        };
        PyFrozenSet(Rc::new(Frozen {
            t,
            hash: self.0.hash.clone(),
        }))
    }

    /// This frozenset with its table behind a shared pointer, so that its
    /// [`duplicate`](Self::duplicate)s share the table instead of copying
    /// it: for caches that hand out many copies of one set.
    pub fn into_shared(self) -> Self {
        let Frozen { t, hash } = match Rc::try_unwrap(self.0) {
            Ok(f) => f,
            Err(rc) => return PyFrozenSet(rc).duplicate().into_shared(),
        };
        let t = match t {
            Body::Own(t) => Body::Shared(Rc::new(t)),
            shared @ Body::Shared(_) => shared,
        };
        PyFrozenSet(Rc::new(Frozen { t, hash }))
    }

    /// `set(fs)`.
    pub fn thaw(&self) -> PySet<T> {
        PySet::from_set(self)
    }
}

impl<T: PyHashable> PyHashable for PyFrozenSet<T> {
    /// `hash(fs)`, cached like CPython's `so->hash`.
    fn py_hash(&self) -> i64 {
        *self.0.hash.get_or_init(|| self.table().frozenset_hash())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dummy_slot_is_reused() {
        // s = {8, 16}; s.discard(8); s.add(24); list(s) == [24, 16]
        let mut s: PySet<i64> = [8, 16].into_iter().collect();
        assert!(s.discard(&8));
        s.add(24);
        assert_eq!(s.to_vec(), [24, 16]);
    }

    #[test]
    fn frozenset_hashes_match_cpython() {
        let empty: PyFrozenSet<i64> = PyFrozenSet::new();
        // hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({(0, 1)}))
        assert_eq!(empty.py_hash(), 133146708735736);
        let f: PyFrozenSet<i64> = [1, 2, 3].into_iter().collect();
        assert_eq!(f.py_hash(), -272375401224217160);
        let g: PyFrozenSet<(i64, i64)> = [(0, 1)].into_iter().collect();
        assert_eq!(g.py_hash(), -2348104621870042711);
    }

    #[test]
    fn difference_where_is_difference() {
        // Both of set_difference's walks (over `a`, or a copy of `a` when it
        // is over four times `b`): the same table as `a - b`, in order.
        let mut x: u64 = 1;
        let mut next = move |n: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((x >> 33) % n) as i64
        };
        let mut copies = 0;
        for _ in 0..2000 {
            let a: PySet<(i64, i64)> = (0..next(60)).map(|_| (next(9), next(9))).collect();
            let b: PySet<(i64, i64)> = (0..next(40)).map(|_| (next(12), next(12))).collect();
            copies += usize::from((a.len() >> 2) > b.len());
            let want = a.difference(&b);
            let got = a.difference_where(b.len(), |k| b.contains(k));
            assert_eq!(got.to_vec(), want.to_vec());
            assert_eq!(got.table_size(), want.table_size());
        }
        assert!((100..1900).contains(&copies), "{copies} copies of 2000");
    }

    #[test]
    fn shared_duplicates_are_other_objects() {
        // `x & x` is a copy of x; `x & y` for an equal y builds a new table
        // by insertion, of another size here (128 slots against 64). A duplicate sharing x's table
        // must be `y`, not `x`.
        let x: PyFrozenSet<(i64, i64)> = (0..20).map(|i| (i, i * 7 % 5)).collect();
        let own = x.duplicate();
        let shared = x.duplicate().into_shared();
        let copy = shared.duplicate();
        assert!(!copy.is(&shared) && copy.set_eq(&shared));
        let self_and = x.intersection(&x);
        let other_and = x.intersection(&own);
        assert_ne!(self_and.table_size(), other_and.table_size());
        for (a, b) in [(&shared, &copy), (&copy, &shared)] {
            let and = a.intersection(b);
            assert_eq!(and.table_size(), other_and.table_size());
            assert_eq!(and.to_vec(), other_and.to_vec());
        }
        assert_eq!(
            shared.intersection(&shared).table_size(),
            self_and.table_size()
        );
        assert_eq!(copy.to_vec(), x.to_vec());
        assert_eq!(copy.py_hash(), x.py_hash());
    }

    #[test]
    fn copy_of_a_grown_set_has_a_smaller_table() {
        // set(range(5)) grows to 32 slots; frozenset(it) needs only 16.
        let s: PySet<i64> = (0..5).collect();
        assert_eq!(s.table_size(), 32);
        assert_eq!(s.freeze().table_size(), 16);
    }
}
