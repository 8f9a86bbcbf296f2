//! `sat_utils.py` and `has_unique_solution`'s use of `pycosat.itersolve`: does
//! a set of clues leave exactly one solution?
//!
//! The reference encodes the puzzle as CNF (each house holds exactly one
//! member of each kind, each member is in exactly one house, each clue's DNF
//! over houses turned into CNF) and asks pycosat for a first and a second
//! model. Every variable is a `(literal, house)` pair constrained by the
//! exactly-one rules, so a model is exactly one permutation of the houses per
//! kind that meets every clue, and "no second model" is a property of the
//! clause set, not of the solver. This module answers the same question with
//! a small exact search specialised to those permutation constraints: a
//! domain of houses per literal (a bit mask), arc consistency for the binary
//! clues, single-value reasoning for the permutations, and branching on the
//! smallest domain, counting models up to two. It is complete (branching
//! splits the space, and a branch ends only where every domain is a single
//! house that meets every clue), so it gives the reference's answer on every
//! clue set.

use super::clues::Clue;

/// At most 7 houses and 7 kinds.
const MAX_LITERALS: usize = 49;

type Domains = [u8; MAX_LITERALS];

#[derive(Clone, Copy)]
enum Link {
    /// Same house.
    Same,
    /// The second is directly right of the first.
    Next,
    /// Next to each other.
    Beside,
}

/// Reusable scratch for the checks of one puzzle.
pub struct Solver {
    n_houses: usize,
    n_kinds: usize,
    full: u8,
    links: Vec<(Link, usize, usize)>,
}

impl Solver {
    /// A solver for `n_houses` houses (≤ 7) and `n_kinds` kinds (≤ 7); literal
    /// `kind * n_houses + j` is the `j`-th member of a kind.
    pub fn new(n_houses: usize, n_kinds: usize) -> Solver {
        Solver {
            n_houses,
            n_kinds,
            full: ((1u16 << n_houses) - 1) as u8,
            links: Vec::new(),
        }
    }

    /// `has_unique_solution`: exactly one assignment meets all of `clues`.
    pub fn has_unique_solution<'a>(&mut self, clues: impl IntoIterator<Item = &'a Clue>) -> bool {
        self.count_solutions(clues, 2) == 1
    }

    /// The number of assignments that meet every clue, counted up to `limit`.
    pub fn count_solutions<'a>(
        &mut self,
        clues: impl IntoIterator<Item = &'a Clue>,
        limit: usize,
    ) -> usize {
        let n = self.n_houses * self.n_kinds;
        let mut domains: Domains = [0; MAX_LITERALS];
        domains[..n].fill(self.full);
        self.links.clear();
        for clue in clues {
            match *clue {
                Clue::FoundAt { value, house } => {
                    // A house out of range empties the domain: no model.
                    domains[usize::from(value)] &=
                        1u8.checked_shl(u32::from(house).wrapping_sub(1)).unwrap_or(0);
                }
                Clue::SameHouse { value1, value2 } => {
                    self.links.push((Link::Same, value1.into(), value2.into()))
                }
                Clue::Consecutive { value1, value2 } => {
                    self.links.push((Link::Next, value1.into(), value2.into()))
                }
                Clue::Beside { value1, value2 } => {
                    self.links.push((Link::Beside, value1.into(), value2.into()))
                }
            }
        }
        let mut found = 0;
        self.search(domains, limit, &mut found);
        found
    }

    fn search(&self, mut domains: Domains, limit: usize, found: &mut usize) {
        if !self.propagate(&mut domains) {
            return;
        }
        // Branch on the open literal with the fewest houses left.
        let n = self.n_houses * self.n_kinds;
        let mut best: Option<(usize, u32)> = None;
        for (i, &d) in domains[..n].iter().enumerate() {
            let size = d.count_ones();
            if size > 1 && best.is_none_or(|(_, s)| size < s) {
                best = Some((i, size));
                if size == 2 {
                    break;
                }
            }
        }
        let Some((literal, _)) = best else {
            *found += 1;
            return;
        };
        let mut rest = domains[literal];
        while rest != 0 {
            let house = rest & rest.wrapping_neg();
            rest &= rest - 1;
            let mut branch = domains;
            branch[literal] = house;
            self.search(branch, limit, found);
            if *found >= limit {
                return;
            }
        }
    }

    /// Narrow the domains to a fixpoint; false when some literal has no house left.
    fn propagate(&self, domains: &mut Domains) -> bool {
        let k = self.n_houses;
        loop {
            let mut changed = false;
            for &(link, a, b) in &self.links {
                let (da, db) = (domains[a], domains[b]);
                let (na, nb) = match link {
                    Link::Same => (da & db, da & db),
                    Link::Next => (da & (db >> 1), db & (da << 1)),
                    Link::Beside => (da & ((db << 1) | (db >> 1)), db & ((da << 1) | (da >> 1))),
                };
                if na == 0 || nb == 0 {
                    return false;
                }
                if na != da || nb != db {
                    domains[a] = na;
                    domains[b] = nb;
                    changed = true;
                }
            }
            for group in domains[..k * self.n_kinds].chunks_exact_mut(k) {
                // A literal down to one house takes it from the others.
                let mut fixed = 0u8;
                for &d in group.iter() {
                    if d.is_power_of_two() {
                        if fixed & d != 0 {
                            return false;
                        }
                        fixed |= d;
                    }
                }
                for d in group.iter_mut() {
                    if !d.is_power_of_two() {
                        let nd = *d & !fixed;
                        if nd == 0 {
                            return false;
                        }
                        if nd != *d {
                            *d = nd;
                            changed = true;
                        }
                    }
                }
                // A house only one literal can take is that literal's.
                let (mut once, mut twice) = (0u8, 0u8);
                for &d in group.iter() {
                    twice |= once & d;
                    once |= d;
                }
                if once != self.full {
                    return false;
                }
                let single = once & !twice;
                for d in group.iter_mut() {
                    let s = *d & single;
                    if s != 0 && s != *d {
                        if !s.is_power_of_two() {
                            return false;
                        }
                        *d = s;
                        changed = true;
                    }
                }
            }
            if !changed {
                return true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every assignment (a permutation of the houses per kind), by brute force.
    fn brute_force(k: usize, m: usize, clues: &[Clue]) -> usize {
        let mut perms: Vec<Vec<u8>> = Vec::new();
        let mut p: Vec<u8> = (1..=k as u8).collect();
        permutations(&mut p, 0, &mut perms);
        let mut count = 0;
        let mut choice = vec![0usize; m];
        loop {
            let pos = |l: u8| perms[choice[l as usize / k]][l as usize % k];
            let ok = clues.iter().all(|c| match *c {
                Clue::FoundAt { value, house } => pos(value) == house,
                Clue::SameHouse { value1, value2 } => pos(value1) == pos(value2),
                Clue::Consecutive { value1, value2 } => pos(value1) + 1 == pos(value2),
                Clue::Beside { value1, value2 } => pos(value1).abs_diff(pos(value2)) == 1,
            });
            count += usize::from(ok);
            let mut i = 0;
            while i < m {
                choice[i] += 1;
                if choice[i] < perms.len() {
                    break;
                }
                choice[i] = 0;
                i += 1;
            }
            if i == m {
                return count;
            }
        }
    }

    fn permutations(p: &mut Vec<u8>, i: usize, out: &mut Vec<Vec<u8>>) {
        if i == p.len() {
            out.push(p.clone());
            return;
        }
        for j in i..p.len() {
            p.swap(i, j);
            permutations(p, i + 1, out);
            p.swap(i, j);
        }
    }

    /// Exact counts against brute force over random clue sets (xorshift draws).
    #[test]
    fn counts_match_brute_force() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        for (k, m) in [(2, 2), (3, 2), (3, 3), (4, 2), (4, 3), (2, 5)] {
            let n = (k * m) as u64;
            for _ in 0..150 {
                let clues: Vec<Clue> = (0..next(2 * n) + 1)
                    .map(|_| {
                        let (a, b) = (next(n) as u8, next(n) as u8);
                        match next(4) {
                            0 => Clue::FoundAt { value: a, house: next(k as u64) as u8 + 1 },
                            1 => Clue::SameHouse { value1: a, value2: b },
                            2 => Clue::Consecutive { value1: a, value2: b },
                            _ => Clue::Beside { value1: a, value2: b },
                        }
                    })
                    .collect();
                let want = brute_force(k, m, &clues);
                let mut solver = Solver::new(k, m);
                assert_eq!(solver.count_solutions(&clues, usize::MAX), want, "{k}x{m} {clues:?}");
                assert_eq!(solver.has_unique_solution(&clues), want == 1);
            }
        }
    }
}
