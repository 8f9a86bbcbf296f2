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
//! clue set. The tests check the counts against brute force on small puzzles
//! and against the reference's CNF under batsat (`reference_cnf`) up to 7 x 7.
//!
//! Why not a SAT crate: measured on the whole generator (items/s, default
//! config 4 x 4, release build, 2 shared cores; every back end made identical
//! items, checked on 1,840 items from 3 x 7 to 7 x 7):
//!
//! | back end | 4 x 4 | 7 x 7 |
//! |---|---|---|
//! | reference (pycosat) | 11 | 0.13 |
//! | batsat 0.6, reference CNF, fresh solver and blocked first model per query (itersolve's way) | 240 | 3 |
//! | batsat, one incremental solver per puzzle, clues behind selector literals | 380 | - |
//! | the same with the planted solution blocked once (one solve per query) | 570 | 3 |
//! | varisat 0.2.2, incremental as above | 260 | - |
//! | this search | 6,200 | 450 |
//!
//! A CDCL solver spends its time on clause machinery that these tiny,
//! fully structured instances do not need (beside clues alone are 2^12
//! clauses at 7 houses), and stays well short of 100 times the reference;
//! this search is over 500 times it at 4 x 4 and over 3,000 at 7 x 7.

use super::clues::Clue;

#[cfg(test)]
mod reference_cnf;

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
                    domains[usize::from(value)] &= 1u8
                        .checked_shl(u32::from(house).wrapping_sub(1))
                        .unwrap_or(0);
                }
                Clue::SameHouse { value1, value2 } => {
                    self.links.push((Link::Same, value1.into(), value2.into()))
                }
                Clue::Consecutive { value1, value2 } => {
                    self.links.push((Link::Next, value1.into(), value2.into()))
                }
                Clue::Beside { value1, value2 } => {
                    self.links
                        .push((Link::Beside, value1.into(), value2.into()))
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
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        for (k, m) in [(2, 2), (3, 2), (3, 3), (4, 2), (4, 3), (2, 5)] {
            let n = (k * m) as u64;
            for _ in 0..150 {
                let clues: Vec<Clue> = (0..next(2 * n) + 1)
                    .map(|_| {
                        let (a, b) = (next(n) as u8, next(n) as u8);
                        match next(4) {
                            0 => Clue::FoundAt {
                                value: a,
                                house: next(k as u64) as u8 + 1,
                            },
                            1 => Clue::SameHouse {
                                value1: a,
                                value2: b,
                            },
                            2 => Clue::Consecutive {
                                value1: a,
                                value2: b,
                            },
                            _ => Clue::Beside {
                                value1: a,
                                value2: b,
                            },
                        }
                    })
                    .collect();
                let want = brute_force(k, m, &clues);
                let mut solver = Solver::new(k, m);
                assert_eq!(
                    solver.count_solutions(&clues, usize::MAX),
                    want,
                    "{k}x{m} {clues:?}"
                );
                assert_eq!(solver.has_unique_solution(&clues), want == 1);
            }
        }
    }
    /// A xorshift stream, so that the tests need no generator of their own.
    fn xorshift(seed: u64) -> impl FnMut(u64) -> u64 {
        let mut state = seed;
        move |n| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        }
    }

    /// Every clue `generate_puzzle` could make of a random planted solution
    /// (both `consecutive` and `beside` for each neighbouring pair), so that
    /// subsets of it are satisfiable and often close to unique, as the
    /// reduction's are.
    fn planted_clues(k: usize, m: usize, next: &mut impl FnMut(u64) -> u64) -> Vec<Clue> {
        let mut house = vec![0u8; k * m];
        for kind in 0..m {
            let mut perm: Vec<u8> = (1..=k as u8).collect();
            for i in (1..k).rev() {
                perm.swap(i, next(i as u64 + 1) as usize);
            }
            house[kind * k..(kind + 1) * k].copy_from_slice(&perm);
        }
        let mut clues = Vec::new();
        for (a, &ha) in (0u8..).zip(&house) {
            clues.push(Clue::FoundAt {
                value: a,
                house: ha,
            });
            for (b, &hb) in (0u8..).zip(&house) {
                if a != b && ha == hb {
                    clues.push(Clue::SameHouse {
                        value1: a,
                        value2: b,
                    });
                }
                if ha + 1 == hb {
                    clues.push(Clue::Consecutive {
                        value1: a,
                        value2: b,
                    });
                    clues.push(Clue::Beside {
                        value1: a,
                        value2: b,
                    });
                }
            }
        }
        clues
    }

    /// The same counts as the reference's CNF under a CDCL solver, on sizes
    /// brute force cannot reach: subsets of a planted solution's clues (kept
    /// with odds from 1/16 to 15/16, most of them one or a few solutions away
    /// from unique), some with a random, possibly false clue added.
    #[test]
    fn counts_match_the_reference_cnf() {
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        for (k, m, sets) in [
            (4, 4, 100),
            (5, 5, 60),
            (6, 3, 30),
            (3, 7, 30),
            (7, 2, 30),
            (7, 7, 40),
        ] {
            let n = (k * m) as u64;
            for _ in 0..sets {
                let keep = next(8) + 1;
                let mut clues: Vec<Clue> = planted_clues(k, m, &mut next)
                    .into_iter()
                    .filter(|_| next(2 * n) < keep)
                    .collect();
                if next(3) == 0 {
                    let (a, b) = (next(n) as u8, next(n) as u8);
                    clues.push(match next(4) {
                        0 => Clue::FoundAt {
                            value: a,
                            house: next(k as u64) as u8 + 1,
                        },
                        1 => Clue::SameHouse {
                            value1: a,
                            value2: b,
                        },
                        2 => Clue::Consecutive {
                            value1: a,
                            value2: b,
                        },
                        _ => Clue::Beside {
                            value1: a,
                            value2: b,
                        },
                    });
                }
                let want = reference_cnf::count_models(k, m, &clues, 3);
                let mut solver = Solver::new(k, m);
                assert_eq!(solver.count_solutions(&clues, 3), want, "{k}x{m} {clues:?}");
                assert_eq!(solver.has_unique_solution(&clues), want == 1);
            }
        }
    }
}
