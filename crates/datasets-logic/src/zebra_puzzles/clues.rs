//! `clues.py`: the clue kinds a generated puzzle can have, and how each reads.
//!
//! `generate_puzzle` only ever makes `found_at`, `same_house`, `consecutive`
//! and `beside` clues (its `clue_types`), so the module's other kinds
//! (`not_at`, `left_of`, `right_of`, `one_between`, `two_between`) are left out.
//! A literal is its index in the puzzle's literal list; a house counts from 1.

/// A clue. Python orders clues by `str()` alone (`Clue.__lt__`), so no derived
/// ordering here: the generator sorts by `repr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clue {
    /// `found_at(value, house)`: the literal is in that house.
    FoundAt { value: u8, house: u8 },
    /// `same_house(value1, value2)`: both in one house.
    SameHouse { value1: u8, value2: u8 },
    /// `consecutive(value1, value2)`: `value1` directly left of `value2`.
    Consecutive { value1: u8, value2: u8 },
    /// `beside(value1, value2)`: next to each other, either side.
    Beside { value1: u8, value2: u8 },
}

const HOUSES: [&str; 8] = [
    "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
];

impl Clue {
    /// `__repr__` (what `str()` gives), with `_capitalize_first` as every one of
    /// these kinds has it. `values[i]` is literal `i`'s `.value`.
    pub fn repr(&self, values: &[&str]) -> String {
        let v = |i: u8| values.get(usize::from(i)).copied().unwrap_or("");
        let text = match *self {
            Clue::FoundAt { value, house } => format!(
                "{} is in the {} house.",
                v(value),
                HOUSES.get(usize::from(house)).copied().unwrap_or("")
            ),
            Clue::SameHouse { value1, value2 } => format!("{} is {}.", v(value1), v(value2)),
            Clue::Consecutive { value1, value2 } => {
                format!("{} is directly left of {}.", v(value1), v(value2))
            }
            Clue::Beside { value1, value2 } => {
                format!("{} and {} are next to each other.", v(value1), v(value2))
            }
        };
        capitalize_first(text)
    }
}

/// `_capitalize_first`: upper-case the first character only (every literal's
/// value is ASCII).
fn capitalize_first(mut text: String) -> String {
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}
