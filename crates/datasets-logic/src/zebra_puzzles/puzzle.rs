//! `puzzle.py`: the puzzle's elements, literals and clues, and its text.
//!
//! The reference's CNF (`set_constraints`, `as_cnf`) is the solver's business
//! here: see `sat.rs`.

use dataset_core::Random;

use super::literals::Element;

/// One member of one element kind, as a puzzle literal.
pub struct Literal {
    /// Index of its kind in `Puzzle::element_classes`.
    pub element: usize,
    pub name: &'static str,
    pub value: &'static str,
}

pub struct Puzzle {
    pub element_classes: Vec<&'static Element>,
    /// `solution.keys()`: kind by kind, each kind's first `n_houses` members by value.
    pub literals: Vec<Literal>,
    pub n_houses: usize,
    /// `str()` of each clue added with `add_clue`.
    pub clues: Vec<String>,
}

impl Puzzle {
    pub fn add_clue(&mut self, clue: String) {
        self.clues.push(clue);
    }

    /// `__repr__`: the puzzle text. Like the reference it shuffles each kind's
    /// members and the sorted clues with the puzzle's generator, so each call
    /// draws from `rng` (the reference prints the puzzle three times).
    pub fn repr(&self, rng: &mut Random) -> String {
        let n = self.n_houses;
        let mut s = format!(
            "This is a logic puzzle. There are {n} houses (numbered 1 on the left, {n} on the \
             right), from the perspective of someone standing across the street from them. Each \
             has a different person in them. They have different characteristics:\n"
        );
        for (i, element) in self.element_classes.iter().enumerate() {
            let mut literals: Vec<&Literal> =
                self.literals.iter().filter(|l| l.element == i).collect();
            rng.shuffle(&mut literals);
            s.push_str(" - ");
            s.push_str(element.description);
            s.push_str(": ");
            for (j, literal) in literals.iter().enumerate() {
                if j > 0 {
                    s.push_str(", ");
                }
                s.push_str(&literal.name.replace('_', " "));
            }
            s.push('\n');
        }
        s.push('\n');
        let mut clues: Vec<&str> = self.clues.iter().map(String::as_str).collect();
        clues.sort_unstable();
        rng.shuffle(&mut clues);
        for (i, clue) in clues.iter().enumerate() {
            s.push_str(&format!("{}. {clue}\n", i + 1));
        }
        s
    }
}
