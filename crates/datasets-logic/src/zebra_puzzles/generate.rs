//! `generate.py`: plant a solution, list every true clue, reduce them to a
//! minimal uniquely solving set, and ask who lives in the first house.

use dataset_core::{Random, Result, Weight};

use super::clues::Clue;
use super::literals::{Element, ELEMENTS, NAME};
use super::puzzle::{Literal, Puzzle};
use super::sat::Solver;

/// What the dataset reads of `wrap_up_dict`'s dict: its first question.
pub struct Instance {
    pub question: String,
    pub answer: String,
}

/// Every clue the generator made, sorted as Python's `sorted(clues)` sorts
/// them (by `str()`), so a clue is its rank and a set of clues is a mask over
/// ranks that iterates in sorted order.
struct Clues {
    clues: Vec<Clue>,
    texts: Vec<String>,
}

/// A subset of `Clues`, by rank.
#[derive(Clone)]
struct ClueSet {
    present: Vec<bool>,
    len: usize,
}

impl ClueSet {
    fn remove(&mut self, rank: usize) -> bool {
        let was = std::mem::replace(&mut self.present[rank], false);
        self.len -= usize::from(was);
        was
    }

    fn add(&mut self, rank: usize) {
        let was = std::mem::replace(&mut self.present[rank], true);
        self.len += usize::from(!was);
    }

    /// `sorted(clues)`, as ranks.
    fn sorted_into(&self, out: &mut Vec<usize>) {
        out.clear();
        out.extend((0..self.present.len()).filter(|&r| self.present[r]));
    }
}

/// The state `reduce_clues` works with: the puzzle's generator, the solver and
/// the clue universe.
struct Reducer<'a> {
    rng: &'a mut Random,
    solver: Solver,
    clues: &'a Clues,
    sorted: Vec<usize>,
    weights: Vec<Weight>,
}

impl Reducer<'_> {
    fn has_unique_solution(&mut self, set: &ClueSet) -> bool {
        let clues = &self.clues.clues;
        self.solver.has_unique_solution(
            set.present
                .iter()
                .zip(clues)
                .filter_map(|(&p, c)| p.then_some(c)),
        )
    }

    /// `try_to_remove` (with no `must_have`): remove up to `n` clues drawn by
    /// weight, and keep them removed if the puzzle stays uniquely solvable.
    fn try_to_remove(&mut self, set: &mut ClueSet, n: usize) -> Result<()> {
        set.sorted_into(&mut self.sorted);
        self.weights.clear();
        self.weights
            .extend(self.sorted.iter().map(|&r| weight(&self.clues.clues[r])));
        let picks = self.rng.choices_weighted_indices(&self.weights, n)?;
        let mut candidates = Vec::with_capacity(picks.len());
        for i in picks {
            let rank = self.sorted[i];
            if set.remove(rank) {
                candidates.push(rank);
            }
        }
        // With nothing removed the set is the one already known to be uniquely
        // solvable (the reference asks the solver again and hears yes).
        if !candidates.is_empty() && !self.has_unique_solution(set) {
            // we needed at least one of those, add them all back
            for rank in candidates {
                set.add(rank);
            }
        }
        Ok(())
    }

    /// `reduce_individually`: try removing each clue once, in a random order.
    fn reduce_individually(&mut self, set: &mut ClueSet) -> Result<()> {
        set.sorted_into(&mut self.sorted);
        let sorted = std::mem::take(&mut self.sorted);
        let order = self.rng.sample_indices(sorted.len() as u64, sorted.len())?;
        for i in order {
            let rank = sorted[i as usize];
            set.remove(rank);
            if !self.has_unique_solution(set) {
                set.add(rank);
            }
        }
        self.sorted = sorted;
        Ok(())
    }

    /// `reduce_clues`: batch removal of 10%, 5%, then single clues while any
    /// succeeds, then one-by-one passes until none can go. The second set it
    /// returns (the clues the passes removed) is never used.
    fn reduce_clues(&mut self, all: &ClueSet) -> Result<ClueSet> {
        // "a stupid way to shuffle the set": only the draws matter.
        self.rng.sample_indices(all.len as u64, all.len)?;
        let mut minimal = all.clone();
        loop {
            let before = minimal.len;
            self.try_to_remove(&mut minimal, before / 10)?;
            if before > minimal.len {
                continue;
            }
            let before = minimal.len;
            self.try_to_remove(&mut minimal, before / 20)?;
            if before != minimal.len {
                continue;
            }
            let before = minimal.len;
            self.try_to_remove(&mut minimal, 1)?;
            if before == minimal.len {
                break;
            }
        }
        loop {
            let before = minimal.len;
            self.reduce_individually(&mut minimal)?;
            if minimal.len == before {
                break;
            }
        }
        Ok(minimal)
    }
}

/// `try_to_remove`'s `weight`: relative odds of a kind being drawn for removal
/// (`consecutive` is not in its table and gets the int default 1).
fn weight(clue: &Clue) -> Weight {
    match clue {
        Clue::FoundAt { .. } | Clue::SameHouse { .. } => Weight::Float(0.75),
        Clue::Beside { .. } => Weight::Float(1.2),
        Clue::Consecutive { .. } => Weight::Int(1),
    }
}

/// `generate_solution_dict`: each kind's first `n` members by value, placed by
/// a fresh shuffle of the same house list. Returns the literals and their
/// houses, in the dict's order.
fn generate_solution_dict(
    rng: &mut Random,
    selected_elements: &[&'static Element],
    n: usize,
) -> (Vec<Literal>, Vec<u8>) {
    let mut house_ids: Vec<u8> = (1..=n as u8).collect();
    let mut literals = Vec::with_capacity(n * selected_elements.len());
    let mut solution = Vec::with_capacity(n * selected_elements.len());
    for (element_index, element) in selected_elements.iter().enumerate() {
        rng.shuffle(&mut house_ids);
        let attributes = element.sorted_members();
        for (&(name, value), &house) in attributes.iter().zip(&house_ids) {
            literals.push(Literal {
                element: element_index,
                name,
                value,
            });
            solution.push(house);
        }
    }
    (literals, solution)
}

/// Literals at `house`, in the solution's order.
fn items_at(solution: &[u8], house: u8) -> impl Iterator<Item = u8> + '_ {
    (0..solution.len() as u8).filter(move |&l| solution[usize::from(l)] == house)
}

/// `generate_found_at`.
fn generate_found_at(solution: &[u8], clues: &mut Vec<Clue>) {
    for (value, &house) in (0u8..).zip(solution) {
        clues.push(Clue::FoundAt { value, house });
    }
}

/// `generate_same_house`: every ordered pair of two literals in one house.
fn generate_same_house(solution: &[u8], n_houses: u8, clues: &mut Vec<Clue>) {
    for house in 1..=n_houses {
        for value1 in items_at(solution, house) {
            for value2 in items_at(solution, house).filter(|&v| v != value1) {
                clues.push(Clue::SameHouse { value1, value2 });
            }
        }
    }
}

/// `generate_consecutive_beside`: for each pair across neighbouring houses,
/// taken in sorted order (by the literals' values), a coin picks `consecutive`
/// or `beside`.
fn generate_consecutive_beside(
    rng: &mut Random,
    puzzle: &Puzzle,
    solution: &[u8],
    clues: &mut Vec<Clue>,
) -> Result<()> {
    let by_value = |house: u8| {
        let mut items: Vec<u8> = items_at(solution, house).collect();
        items.sort_by_key(|&l| puzzle.literals[usize::from(l)].value);
        items
    };
    for left in 1..puzzle.n_houses as u8 {
        let items_right = by_value(left + 1);
        for value1 in by_value(left) {
            for &value2 in &items_right {
                clues.push(if rng.randint(0, 1)? == 0 {
                    Clue::Consecutive { value1, value2 }
                } else {
                    Clue::Beside { value1, value2 }
                });
            }
        }
    }
    Ok(())
}

/// `question_generation`, which shuffles a copy of each column's values for
/// every (house, column) question; the dataset reads only the first question,
/// the name of house 1's person (`row[1]`, from `str(literal)`'s member name).
fn question_generation(rng: &mut Random, puzzle: &Puzzle, solution: &[u8]) -> Instance {
    let n = puzzle.n_houses;
    let mut options = [0u8; 7];
    for _row in 0..n {
        for _col in &puzzle.element_classes {
            rng.shuffle(&mut options[..n]);
        }
    }
    // Name is the first kind: literals 0..n.
    let name = (0..n)
        .find(|&l| solution[l] == 1)
        .map_or("", |l| puzzle.literals[l].name);
    Instance {
        question: "What is Name of the person who lives in House 1?".to_string(),
        answer: name.replace('_', " "),
    }
}

/// `generate_puzzle(rng, K, M)`.
pub fn generate_puzzle(rng: &mut Random, k: usize, m: usize) -> Result<(Instance, Puzzle)> {
    let mut elements = ELEMENTS;
    rng.shuffle(&mut elements);
    let mut random_elements = vec![&NAME];
    random_elements.extend(elements.iter().take(m - 1).copied());
    let (literals, solution) = generate_solution_dict(rng, &random_elements, k);

    let mut puzzle = Puzzle {
        element_classes: random_elements,
        literals,
        n_houses: k,
        clues: Vec::new(),
    };
    // `context = str(puzzle)`: unused, but it draws.
    puzzle.repr(rng);

    let mut all = Vec::new();
    generate_found_at(&solution, &mut all);
    generate_same_house(&solution, k as u8, &mut all);
    generate_consecutive_beside(rng, &puzzle, &solution, &mut all)?;

    let values: Vec<&str> = puzzle.literals.iter().map(|l| l.value).collect();
    let mut ranked: Vec<(String, Clue)> = all.into_iter().map(|c| (c.repr(&values), c)).collect();
    ranked.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let (texts, clues): (Vec<String>, Vec<Clue>) = ranked.into_iter().unzip();
    let universe = Clues { clues, texts };
    let everything = ClueSet {
        present: vec![true; universe.clues.len()],
        len: universe.clues.len(),
    };

    let reduced = Reducer {
        rng: &mut *rng,
        solver: Solver::new(k, m),
        clues: &universe,
        sorted: Vec::new(),
        weights: Vec::new(),
    }
    .reduce_clues(&everything)?;
    // `extra_clues = set(rng.sample(list(clues - reduced), ...))`: never shown.
    let extra = everything.len - reduced.len;
    rng.sample_indices(extra as u64, extra.min(30))?;
    for (rank, text) in universe.texts.into_iter().enumerate() {
        if reduced.present[rank] {
            puzzle.add_clue(text);
        }
    }

    // `wrap_up_dict`: its questions, then `all_in_one["puzzle"] = str(puzzle)`.
    let instance = question_generation(rng, &puzzle, &solution);
    puzzle.repr(rng);
    Ok((instance, puzzle))
}
