//! The reference's own question, asked the reference's way: the CNF that
//! `Puzzle.set_constraints` and each clue's `as_cnf` build (`sat_utils.py`'s
//! `one_of` and `from_dnf`), enumerated like `pycosat.itersolve` (solve, block
//! the model, solve again) with batsat. Tests only: it checks `Solver` on
//! puzzles too big for brute force.

use batsat::{lbool, BasicSolver, Lit, SolverInterface, Var};

use super::super::clues::Clue;

/// A clause over `(literal, house)` variables, `literal * k + house - 1`:
/// `(variable, positive)` pairs.
type Clause = Vec<(u32, bool)>;

/// `one_of(elements)` = `Q(elements) == 1`: one clause of them all, then
/// every pair of negations.
fn one_of(vars: &[u32], out: &mut Vec<Clause>) {
    out.push(vars.iter().map(|&v| (v, true)).collect());
    for (i, &a) in vars.iter().enumerate() {
        for &b in &vars[i + 1..] {
            out.push(vec![(a, false), (b, false)]);
        }
    }
}

/// `from_dnf` for groups of positive literals (all that clues make): the
/// product of the groups as sets, then the strict supersets of one shortest
/// clause dropped. Python picks that clause by set order; any choice leaves
/// the same models.
fn from_dnf(groups: &[Vec<u32>]) -> Vec<Clause> {
    let mut cnf: Vec<Vec<u32>> = vec![Vec::new()];
    for group in groups {
        let mut next: Vec<Vec<u32>> = Vec::new();
        for &lit in group {
            for clause in &cnf {
                let mut c = clause.clone();
                if let Err(pos) = c.binary_search(&lit) {
                    c.insert(pos, lit);
                }
                next.push(c);
            }
        }
        next.sort();
        next.dedup();
        let shortest = next
            .iter()
            .min_by_key(|c| c.len())
            .cloned()
            .unwrap_or_default();
        next.retain(|c| {
            c.len() == shortest.len() || !shortest.iter().all(|l| c.binary_search(l).is_ok())
        });
        cnf = next;
    }
    cnf.into_iter()
        .map(|c| c.into_iter().map(|v| (v, true)).collect())
        .collect()
}

/// `clue.as_cnf()` with the puzzle's houses `1..=k`.
fn clue_cnf(k: u32, clue: &Clue) -> Vec<Clause> {
    let v = |l: u8, h: u32| u32::from(l) * k + h - 1;
    // (value1 at i and value2 at j) for each (i, j) the clue allows.
    let groups = |pairs: Vec<(u32, u32)>, a: u8, b: u8| -> Vec<Vec<u32>> {
        pairs
            .into_iter()
            .map(|(i, j)| vec![v(a, i), v(b, j)])
            .collect()
    };
    match *clue {
        Clue::FoundAt { value, house } => vec![vec![(v(value, u32::from(house)), true)]],
        Clue::SameHouse { value1, value2 } => {
            from_dnf(&groups((1..=k).map(|i| (i, i)).collect(), value1, value2))
        }
        Clue::Consecutive { value1, value2 } => from_dnf(&groups(
            (1..k).map(|i| (i, i + 1)).collect(),
            value1,
            value2,
        )),
        Clue::Beside { value1, value2 } => {
            let pairs = (1..k).map(|i| (i, i + 1)).chain((1..k).map(|i| (i + 1, i)));
            from_dnf(&groups(pairs.collect(), value1, value2))
        }
    }
}

/// The number of models of the puzzle's CNF with `clues`, counted up to `limit`.
pub fn count_models(k: usize, m: usize, clues: &[Clue], limit: usize) -> usize {
    let var = |l: usize, h: usize| (l * k + h) as u32;
    let mut cnf = Vec::new();
    // each house gets exactly one value from each set of literals
    for h in 0..k {
        for kind in 0..m {
            let vars: Vec<u32> = (0..k).map(|j| var(kind * k + j, h)).collect();
            one_of(&vars, &mut cnf);
        }
    }
    // each value gets assigned to exactly one house
    for l in 0..k * m {
        let vars: Vec<u32> = (0..k).map(|h| var(l, h)).collect();
        one_of(&vars, &mut cnf);
    }
    for clue in clues {
        cnf.extend(clue_cnf(k as u32, clue));
    }

    let mut solver = BasicSolver::default();
    let vars: Vec<Var> = (0..k * k * m).map(|_| solver.new_var_default()).collect();
    let lits = |c: &Clause| -> Vec<Lit> {
        c.iter()
            .map(|&(v, positive)| Lit::new(vars[v as usize], positive))
            .collect()
    };
    for clause in &cnf {
        if !solver.add_clause_reuse(&mut lits(clause)) {
            return 0;
        }
    }
    let mut found = 0;
    while found < limit && solver.solve_limited(&[]) == lbool::TRUE {
        found += 1;
        // itersolve: the next model differs from this one somewhere.
        let mut block: Vec<Lit> = vars
            .iter()
            .map(|&v| Lit::new(v, solver.value_var(v) != lbool::TRUE))
            .collect();
        if !solver.add_clause_reuse(&mut block) {
            break;
        }
    }
    found
}
