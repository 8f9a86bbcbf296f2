//! `sorted(xs)` / `list.sort()` step for step: CPython 3.11's timsort with
//! the powersort merge policy.
//!
//! For a total order any stable sort gives the same result, but a scorer
//! that sorts what a model sent may meet NaN, where `<` is no order at all;
//! then the result depends on exactly which comparisons are made, so this
//! makes the same ones as `Objects/listobject.c`.

const MIN_GALLOP: usize = 7;

/// `sorted(items, reverse=reverse)` where `lt(a, b)` is `a < b`.
pub fn py_sorted_by<T: Clone>(
    items: &[T],
    reverse: bool,
    mut lt: impl FnMut(&T, &T) -> bool,
) -> Vec<T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    py_sort_indices(&mut order, reverse, &mut |a, b| lt(&items[a], &items[b]));
    order.into_iter().map(|i| items[i].clone()).collect()
}

/// Sorts `v` (indices into the caller's data) as `list.sort(reverse=...)` would.
fn py_sort_indices(v: &mut [usize], reverse: bool, lt: &mut dyn FnMut(usize, usize) -> bool) {
    if v.len() < 2 {
        return;
    }
    // Reversing before and after keeps the sort stable under `reverse=True`.
    if reverse {
        v.reverse();
    }
    let mut ms = MergeState {
        v,
        lt,
        pending: Vec::new(),
        min_gallop: MIN_GALLOP,
        tmp: Vec::new(),
    };
    let n = ms.v.len();
    let minrun = compute_minrun(n);
    let mut lo = 0;
    let mut remaining = n;
    while remaining > 0 {
        let (mut run, descending) = ms.count_run(lo, lo + remaining);
        if descending {
            ms.v[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = remaining.min(minrun);
            ms.binarysort(lo, lo + force, lo + run);
            run = force;
        }
        ms.found_new_run(run);
        ms.pending.push(Run {
            base: lo,
            len: run,
            power: 0,
        });
        lo += run;
        remaining -= run;
    }
    ms.force_collapse();
    if reverse {
        ms.v.reverse();
    }
}

fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Powersort's node power of the boundary between runs `[s1, s1+n1)` and
/// `[s1+n1, s1+n1+n2)` in a list of length `n`.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct MergeState<'a> {
    v: &'a mut [usize],
    lt: &'a mut dyn FnMut(usize, usize) -> bool,
    pending: Vec<Run>,
    min_gallop: usize,
    tmp: Vec<usize>,
}

impl MergeState<'_> {
    fn lt(&mut self, a: usize, b: usize) -> bool {
        (self.lt)(a, b)
    }

    /// Length of the run at `lo`, and whether it is strictly descending.
    fn count_run(&mut self, lo: usize, hi: usize) -> (usize, bool) {
        if lo + 1 == hi {
            return (1, false);
        }
        let mut n = 2;
        let descending = self.lt(self.v[lo + 1], self.v[lo]);
        let mut i = lo + 2;
        while i < hi {
            let less = self.lt(self.v[i], self.v[i - 1]);
            if less != descending {
                break;
            }
            i += 1;
            n += 1;
        }
        (n, descending)
    }

    /// Binary insertion of `v[start..hi]` into the sorted `v[lo..start]`.
    fn binarysort(&mut self, lo: usize, hi: usize, start: usize) {
        let mut start = if start == lo { start + 1 } else { start };
        while start < hi {
            let pivot = self.v[start];
            let (mut l, mut r) = (lo, start);
            loop {
                let p = l + ((r - l) >> 1);
                if self.lt(pivot, self.v[p]) {
                    r = p;
                } else {
                    l = p + 1;
                }
                if l >= r {
                    break;
                }
            }
            self.v.copy_within(l..start, l + 1);
            self.v[l] = pivot;
            start += 1;
        }
    }

    fn found_new_run(&mut self, n2: usize) {
        let Some(last) = self.pending.last().copied() else {
            return;
        };
        let power = powerloop(last.base, last.len, n2, self.v.len());
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            self.merge_at(self.pending.len() - 2);
        }
        if let Some(top) = self.pending.last_mut() {
            top.power = power;
        }
    }

    fn force_collapse(&mut self) {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(n);
        }
    }

    /// `k` with `a[k-1] < key <= a[k]` in `v[a..a+n]`, searching from `a+hint`.
    fn gallop_left(&mut self, key: usize, a: usize, n: usize, hint: usize) -> usize {
        let (mut lastofs, mut ofs);
        if self.lt(self.v[a + hint], key) {
            let maxofs = n - hint;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(self.v[a + hint + ofs], key) {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            lastofs += hint;
            ofs += hint;
        } else {
            let maxofs = hint + 1;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(self.v[a + hint - ofs], key) {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            // `hint - ofs` may be -1; offsets are kept shifted by one to stay unsigned.
            lastofs = hint + 1 - ofs;
            ofs = hint - k;
            return self.binary_left(key, a, lastofs, ofs);
        }
        self.binary_left(key, a, lastofs + 1, ofs)
    }

    /// The final binary search of `gallop_left`, `lo` being `lastofs + 1`.
    fn binary_left(&mut self, key: usize, a: usize, mut lo: usize, mut ofs: usize) -> usize {
        while lo < ofs {
            let m = lo + ((ofs - lo) >> 1);
            if self.lt(self.v[a + m], key) {
                lo = m + 1;
            } else {
                ofs = m;
            }
        }
        ofs
    }

    /// `k` with `a[k-1] <= key < a[k]` in `v[a..a+n]`, searching from `a+hint`.
    fn gallop_right(&mut self, key: usize, a: usize, n: usize, hint: usize) -> usize {
        let (mut lastofs, mut ofs) = (0, 1);
        let lo;
        if self.lt(key, self.v[a + hint]) {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if self.lt(key, self.v[a + hint - ofs]) {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            lo = hint + 1 - ofs;
            ofs = hint - k;
        } else {
            let maxofs = n - hint;
            while ofs < maxofs {
                if self.lt(key, self.v[a + hint + ofs]) {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            lo = lastofs + hint + 1;
            ofs += hint;
        }
        let mut lo = lo;
        while lo < ofs {
            let m = lo + ((ofs - lo) >> 1);
            if self.lt(key, self.v[a + m]) {
                ofs = m;
            } else {
                lo = m + 1;
            }
        }
        ofs
    }

    fn merge_at(&mut self, i: usize) {
        let (a, b) = (self.pending[i], self.pending[i + 1]);
        self.pending[i].len = a.len + b.len;
        self.pending.remove(i + 1);
        let (mut base_a, mut na, base_b, mut nb) = (a.base, a.len, b.base, b.len);
        let k = self.gallop_right(self.v[base_b], base_a, na, 0);
        base_a += k;
        na -= k;
        if na == 0 {
            return;
        }
        nb = self.gallop_left(self.v[base_a + na - 1], base_b, nb, nb - 1);
        if nb == 0 {
            return;
        }
        if na <= nb {
            self.merge_lo(base_a, na, base_b, nb);
        } else {
            self.merge_hi(base_a, na, base_b, nb);
        }
    }

    /// Merges `v[pa..pa+na]` and the adjacent `v[pb..pb+nb]`, `na <= nb`,
    /// with `a` copied aside.
    fn merge_lo(&mut self, pa: usize, mut na: usize, mut pb: usize, mut nb: usize) {
        self.tmp.clear();
        self.tmp.extend_from_slice(&self.v[pa..pa + na]);
        let mut ta = 0; // next of a, in tmp
        let mut dest = pa;
        let mut min_gallop = self.min_gallop;
        self.v[dest] = self.v[pb];
        dest += 1;
        pb += 1;
        nb -= 1;
        'done: {
            if nb == 0 {
                break 'done;
            }
            if na == 1 {
                return self.lo_copy_b(dest, pb, nb, ta);
            }
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    if self.lt(self.v[pb], self.tmp[ta]) {
                        self.v[dest] = self.v[pb];
                        dest += 1;
                        pb += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            break 'done;
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        self.v[dest] = self.tmp[ta];
                        dest += 1;
                        ta += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            return self.lo_copy_b(dest, pb, nb, ta);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= usize::from(min_gallop > 1);
                    self.min_gallop = min_gallop;
                    let k = self.gallop_right_tmp(self.v[pb], ta, na);
                    acount = k;
                    if k > 0 {
                        self.v[dest..dest + k].copy_from_slice(&self.tmp[ta..ta + k]);
                        dest += k;
                        ta += k;
                        na -= k;
                        if na == 1 {
                            return self.lo_copy_b(dest, pb, nb, ta);
                        }
                        if na == 0 {
                            break 'done;
                        }
                    }
                    self.v[dest] = self.v[pb];
                    dest += 1;
                    pb += 1;
                    nb -= 1;
                    if nb == 0 {
                        break 'done;
                    }
                    let k = self.gallop_left(self.tmp[ta], pb, nb, 0);
                    bcount = k;
                    if k > 0 {
                        self.v.copy_within(pb..pb + k, dest);
                        dest += k;
                        pb += k;
                        nb -= k;
                        if nb == 0 {
                            break 'done;
                        }
                    }
                    self.v[dest] = self.tmp[ta];
                    dest += 1;
                    ta += 1;
                    na -= 1;
                    if na == 1 {
                        return self.lo_copy_b(dest, pb, nb, ta);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        }
        if na > 0 {
            self.v[dest..dest + na].copy_from_slice(&self.tmp[ta..ta + na]);
        }
    }

    /// `merge_lo`'s ending: the rest of `b`, then the last element of `a`.
    fn lo_copy_b(&mut self, dest: usize, pb: usize, nb: usize, ta: usize) {
        self.v.copy_within(pb..pb + nb, dest);
        self.v[dest + nb] = self.tmp[ta];
    }

    /// `gallop_right` (hint 0) over the copy of run `a` in `tmp`.
    fn gallop_right_tmp(&mut self, key: usize, ta: usize, na: usize) -> usize {
        if self.lt(key, self.tmp[ta]) {
            return 0;
        }
        let (mut lastofs, mut ofs) = (0usize, 1usize);
        while ofs < na {
            if self.lt(key, self.tmp[ta + ofs]) {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(na);
        let mut lo = lastofs + 1;
        while lo < ofs {
            let m = lo + ((ofs - lo) >> 1);
            if self.lt(key, self.tmp[ta + m]) {
                ofs = m;
            } else {
                lo = m + 1;
            }
        }
        ofs
    }

    /// `gallop_left` (hint `nb - 1`) over the copy of run `b` in `tmp`.
    fn gallop_left_tmp(&mut self, key: usize, nb: usize) -> usize {
        let hint = nb - 1;
        if self.lt(self.tmp[hint], key) {
            return nb;
        }
        let (mut lastofs, mut ofs) = (0usize, 1usize);
        while ofs <= hint {
            if self.lt(self.tmp[hint - ofs], key) {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(hint + 1);
        // `hint - ofs` may be -1: keep the lower bound already incremented.
        let mut lo = hint + 1 - ofs;
        let mut hi = hint - lastofs;
        while lo < hi {
            let m = lo + ((hi - lo) >> 1);
            if self.lt(self.tmp[m], key) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        hi
    }

    /// Merges `v[pa..pa+na]` and the adjacent `v[pb..pb+nb]`, `na >= nb`,
    /// from the right, with `b` copied aside.
    fn merge_hi(&mut self, pa: usize, mut na: usize, pb: usize, mut nb: usize) {
        self.tmp.clear();
        self.tmp.extend_from_slice(&self.v[pb..pb + nb]);
        // Cursors point one past the element they name, so they stay unsigned.
        let mut dest = pb + nb; // v[dest - 1] is the next slot to fill
        let mut ea = pa + na; // v[ea - 1] is the last of a
        let mut eb = nb; // tmp[eb - 1] is the last of b
        let mut min_gallop = self.min_gallop;
        self.v[dest - 1] = self.v[ea - 1];
        dest -= 1;
        ea -= 1;
        na -= 1;
        'done: {
            if na == 0 {
                break 'done;
            }
            if nb == 1 {
                return self.hi_copy_a(dest, ea, na, eb);
            }
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    if self.lt(self.tmp[eb - 1], self.v[ea - 1]) {
                        self.v[dest - 1] = self.v[ea - 1];
                        dest -= 1;
                        ea -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            break 'done;
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        self.v[dest - 1] = self.tmp[eb - 1];
                        dest -= 1;
                        eb -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            return self.hi_copy_a(dest, ea, na, eb);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= usize::from(min_gallop > 1);
                    self.min_gallop = min_gallop;
                    let k = na - self.gallop_right(self.tmp[eb - 1], pa, na, na - 1);
                    acount = k;
                    if k > 0 {
                        dest -= k;
                        ea -= k;
                        self.v.copy_within(ea..ea + k, dest);
                        na -= k;
                        if na == 0 {
                            break 'done;
                        }
                    }
                    self.v[dest - 1] = self.tmp[eb - 1];
                    dest -= 1;
                    eb -= 1;
                    nb -= 1;
                    if nb == 1 {
                        return self.hi_copy_a(dest, ea, na, eb);
                    }
                    let k = nb - self.gallop_left_tmp(self.v[ea - 1], nb);
                    bcount = k;
                    if k > 0 {
                        dest -= k;
                        eb -= k;
                        self.v[dest..dest + k].copy_from_slice(&self.tmp[eb..eb + k]);
                        nb -= k;
                        if nb == 1 {
                            return self.hi_copy_a(dest, ea, na, eb);
                        }
                        if nb == 0 {
                            break 'done;
                        }
                    }
                    self.v[dest - 1] = self.v[ea - 1];
                    dest -= 1;
                    ea -= 1;
                    na -= 1;
                    if na == 0 {
                        break 'done;
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        }
        if nb > 0 {
            self.v[dest - nb..dest].copy_from_slice(&self.tmp[..nb]);
        }
    }

    /// `merge_hi`'s ending: the rest of `a` moves right, the first of `b` goes first.
    fn hi_copy_a(&mut self, dest: usize, ea: usize, na: usize, eb: usize) {
        self.v.copy_within(ea - na..ea, dest - na);
        self.v[dest - na - 1] = self.tmp[eb - 1];
    }
}
