//! `syllogism`: does a categorical conclusion follow from two premises (or
//! from the inversion of one of them)? Answer `Yes` or `No`.
//!
//! The reference compares `Term` objects by identity; the three terms of an
//! item are distinct entries of `DEFAULT_TERMS`, so their indices stand for
//! them. Its sets of terms and of quantifiers are only counted and tested for
//! membership, so no hash order shows.

use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use serde::Serialize;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "syllogism",
    category: "logic",
    description: "Decide whether a categorical conclusion follows from two premises",
    config_class: "SyllogismConfig",
    build,
};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Quantifier {
    All,
    No,
    Some,
    SomeNot,
}

use Quantifier::{All, No, SomeNot};

impl Quantifier {
    /// The member's value, as `quantifier.value` prints it.
    fn value(self) -> &'static str {
        match self {
            All => "All",
            No => "No",
            Quantifier::Some => "Some",
            SomeNot => "Some ... are not",
        }
    }

    fn is_negative(self) -> bool {
        matches!(self, No | SomeNot)
    }

    fn is_particular(self) -> bool {
        matches!(self, Quantifier::Some | SomeNot)
    }

    fn is_universal(self) -> bool {
        matches!(self, All | No)
    }

    /// `distribution(q)`: whether (subject, predicate) are distributed.
    fn distribution(self) -> (bool, bool) {
        match self {
            All => (true, false),
            No => (true, true),
            Quantifier::Some => (false, false),
            SomeNot => (false, true),
        }
    }
}

/// `DEFAULT_TERMS`: (name, plural). Only the plural reaches the text.
const DEFAULT_TERMS: [(&str, &str); 36] = [
    ("mortal", "mortals"),
    ("human", "humans"),
    ("child", "children"),
    ("adult", "adults"),
    ("parent", "parents"),
    ("grandparent", "grandparents"),
    ("philosopher", "philosophers"),
    ("student", "students"),
    ("teacher", "teachers"),
    ("doctor", "doctors"),
    ("scientist", "scientists"),
    ("artist", "artists"),
    ("musician", "musicians"),
    ("writer", "writers"),
    ("programmer", "programmers"),
    ("engineer", "engineers"),
    ("lawyer", "lawyers"),
    ("chef", "chefs"),
    ("animal", "animals"),
    ("mammal", "mammals"),
    ("dog", "dogs"),
    ("cat", "cats"),
    ("bird", "birds"),
    ("fish", "fish"),
    ("reptile", "reptiles"),
    ("insect", "insects"),
    ("butterfly", "butterflies"),
    ("bee", "bees"),
    ("ant", "ants"),
    ("spider", "spiders"),
    ("horse", "horses"),
    ("elephant", "elephants"),
    ("lion", "lions"),
    ("tiger", "tigers"),
    ("whale", "whales"),
    ("dolphin", "dolphins"),
];

/// A term: its index in `DEFAULT_TERMS`.
type Term = usize;

/// `(quantifier, subject, predicate)`.
type Statement = (Quantifier, Term, Term);

struct Syllogism {
    seed: Seed,
    /// `_get_allowed_quantifiers()`, in its order.
    quantifiers: Vec<Quantifier>,
    /// Those other than `SOME_NOT`, in the same order (a list comprehension
    /// the reference builds at each draw).
    quantifiers_not_some_not: Vec<Quantifier>,
    invalid_ratio: f64,
    inversion_probability: f64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let allow_all = r.bool("allow_all", true);
    let allow_no = r.bool("allow_no", true);
    let allow_some = r.bool("allow_some", true);
    let allow_some_not = r.bool("allow_some_not", true);
    let invalid_ratio = r.float("invalid_ratio", 0.3);
    let inversion_probability = r.float("inversion_probability", 0.3);
    let v = r.finish()?;
    v.ensure(
        allow_all || allow_no || allow_some || allow_some_not,
        "At least one quantifier type must be allowed",
    )?;
    v.ensure(
        (0.0..=1.0).contains(&invalid_ratio),
        "invalid_ratio must be between 0.0 and 1.0",
    )?;
    v.ensure(
        (0.0..=1.0).contains(&inversion_probability),
        "inversion_probability must be between 0.0 and 1.0",
    )?;
    let quantifiers = [
        (allow_all, All),
        (allow_no, No),
        (allow_some, Quantifier::Some),
        (allow_some_not, SomeNot),
    ]
    .into_iter()
    .filter_map(|(allowed, q)| allowed.then_some(q))
    .collect::<Vec<_>>();
    v.done(Syllogism {
        seed: p.seed,
        quantifiers_not_some_not: quantifiers
            .iter()
            .copied()
            .filter(|&q| q != SomeNot)
            .collect(),
        quantifiers,
        invalid_ratio,
        inversion_probability,
    })
}

/// `_format_quantifier_statement`.
/// `_format_quantifier_statement`, appended to `out`; the range it took.
fn push_statement(out: &mut String, (q, subject, predicate): Statement) -> std::ops::Range<usize> {
    let start = out.len();
    let (s, p) = (DEFAULT_TERMS[subject].1, DEFAULT_TERMS[predicate].1);
    out.push_str(if q == SomeNot { "Some" } else { q.value() });
    out.push(' ');
    out.push_str(s);
    out.push_str(if q == SomeNot { " are not " } else { " are " });
    out.push_str(p);
    start..out.len()
}

/// `set(terms)` of at most four terms, as the distinct terms in first-seen
/// order, on the stack: validity is checked up to 100 times per item.
#[derive(Clone, Copy)]
struct TermSet {
    terms: [Term; 4],
    len: usize,
}

impl TermSet {
    fn of(terms: &[Term]) -> TermSet {
        let mut set = TermSet {
            terms: [0; 4],
            len: 0,
        };
        for &t in terms.iter().take(4) {
            if !set.contains(t) {
                set.terms[set.len] = t;
                set.len += 1;
            }
        }
        set
    }

    fn as_slice(&self) -> &[Term] {
        &self.terms[..self.len]
    }

    fn contains(&self, t: Term) -> bool {
        self.as_slice().contains(&t)
    }

    /// `a == b` for two sets.
    fn same(&self, other: &TermSet) -> bool {
        self.len == other.len && self.as_slice().iter().all(|&t| other.contains(t))
    }
}

/// `_is_valid_syllogism`: classical (Aristotelian) validity with the
/// distribution rule.
fn is_valid_syllogism(premise1: Statement, premise2: Statement, conclusion: Statement) -> bool {
    let (q1, p1_subj, p1_pred) = premise1;
    let (q2, p2_subj, p2_pred) = premise2;
    let (q3, c_subj, c_pred) = conclusion;

    // A unique middle term, three terms in all, and the conclusion uses the
    // other two.
    let premise1_terms = TermSet::of(&[p1_subj, p1_pred]);
    let premise2_terms = TermSet::of(&[p2_subj, p2_pred]);
    let mut common = premise1_terms
        .as_slice()
        .iter()
        .filter(|&&t| premise2_terms.contains(t));
    let (Some(&middle), None) = (common.next(), common.next()) else {
        return false;
    };
    let all_terms = TermSet::of(&[p1_subj, p1_pred, p2_subj, p2_pred]);
    if all_terms.len != 3 {
        return false;
    }
    let mut other_two = [0; 2];
    for (slot, &t) in other_two
        .iter_mut()
        .zip(all_terms.as_slice().iter().filter(|&&t| t != middle))
    {
        *slot = t;
    }
    if !TermSet::of(&[c_subj, c_pred]).same(&TermSet::of(&other_two)) {
        return false;
    }

    // Major and minor premise.
    let contains = |(_, s, p): Statement, term: Term| s == term || p == term;
    let (major, minor) = if contains(premise1, c_pred) {
        (premise1, premise2)
    } else if contains(premise2, c_pred) {
        (premise2, premise1)
    } else {
        return false;
    };
    if !contains(minor, c_subj) {
        return false;
    }

    // Quick checks ("no two negatives", ...).
    if q1.is_negative() && q2.is_negative() {
        return false;
    }
    if q1.is_particular() && q2.is_particular() {
        return false;
    }
    if q3.is_universal() && (q1.is_particular() || q2.is_particular()) {
        return false;
    }
    if q3.is_negative() && !(q1.is_negative() || q2.is_negative()) {
        return false;
    }

    // Distribution.
    let (dist_c_subj, dist_c_pred) = q3.distribution();
    let (q_major, major_subj, major_pred) = major;
    let (dist_major_subj, dist_major_pred) = q_major.distribution();
    let (q_minor, minor_subj, minor_pred) = minor;
    let (dist_minor_subj, dist_minor_pred) = q_minor.distribution();
    if dist_c_subj {
        if c_subj == minor_subj {
            if !dist_minor_subj {
                return false;
            }
        } else if c_subj == minor_pred && !dist_minor_pred {
            return false;
        }
    }
    if dist_c_pred {
        if c_pred == major_subj {
            if !dist_major_subj {
                return false;
            }
        } else if c_pred == major_pred && !dist_major_pred {
            return false;
        }
    }
    if (q1.is_negative() || q2.is_negative()) && !q3.is_negative() {
        return false;
    }
    true
}

/// `_check_logical_equivalence`: the conclusion is the premise inverted.
fn check_logical_equivalence(premise: Statement, conclusion: Statement) -> bool {
    let (p_quant, p_subj, p_pred) = premise;
    let (c_quant, c_subj, c_pred) = conclusion;
    let inverted = p_subj == c_pred && p_pred == c_subj;
    match p_quant {
        No => c_quant == No && inverted,
        All | Quantifier::Some => c_quant == Quantifier::Some && inverted,
        SomeNot => false,
    }
}

/// The item from its three statements: the question, `Yes`/`No`, and the
/// metadata (`selected_premise` only in the inversion branch).
fn write_item(item: &mut Item, d: Drawn) {
    let q = &mut item.question;
    q.clear();
    q.push_str("Consider these statements:\n1. ");
    let premise1 = push_statement(q, d.premise1);
    q.push_str("\n2. ");
    let premise2 = push_statement(q, d.premise2);
    q.push_str("\n\nDoes it logically follow that:\n");
    let conclusion = push_statement(q, d.conclusion);
    q.push_str("?\n(Answer Yes or No)");
    item.answer.clear();
    item.answer.push_str(if d.is_valid { "Yes" } else { "No" });
    // The metadata's statements are the question's own text.
    let q = &item.question;
    item.metadata.set_from_serialize(&Meta {
        premise1: &q[premise1],
        premise2: &q[premise2],
        selected_premise: d.selected_premise,
        conclusion: &q[conclusion],
        is_valid: d.is_valid,
        kind: d.kind,
    });
}

/// What an item is made of, before it is written.
struct Drawn {
    premise1: Statement,
    premise2: Statement,
    /// Only in the inversion branch.
    selected_premise: Option<u8>,
    conclusion: Statement,
    is_valid: bool,
    kind: &'static str,
}

/// The item's own metadata, in the reference dict's order.
#[derive(Serialize)]
struct Meta<'a> {
    premise1: &'a str,
    premise2: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    selected_premise: Option<u8>,
    conclusion: &'a str,
    is_valid: bool,
    #[serde(rename = "type")]
    kind: &'static str,
}

impl Syllogism {
    /// `rng.choice([q for q in quantifiers if q != Quantifier.SOME_NOT])`.
    fn choose_not_some_not(&self, rng: &mut Random) -> Result<Quantifier> {
        Ok(*rng.choice(&self.quantifiers_not_some_not)?)
    }

    /// The inversion branch of `_generate_syllogism`: does the conclusion
    /// follow from inverting one premise?
    fn generate_inversion(
        &self,
        rng: &mut Random,
        terms: [Term; 3],
        item: &mut Item,
    ) -> Result<()> {
        let quantifier1 = *rng.choice(&self.quantifiers)?;
        let quantifier2 = *rng.choice(&self.quantifiers)?;
        let [term1, term2, term3] = terms;
        let mut premise1 = (quantifier1, term1, term2);
        let mut premise2 = (quantifier2, term2, term3);
        let (mut premise, selected) = if rng.random() < 0.5 {
            (premise1, 1)
        } else {
            (premise2, 2)
        };
        let target_valid = rng.random() > self.invalid_ratio;
        let (quantifier, a, b) = premise;
        let conclusion = if target_valid {
            match quantifier {
                No => (No, b, a),
                All | Quantifier::Some => (Quantifier::Some, b, a),
                SomeNot => {
                    // The premise itself is rewritten with another quantifier.
                    let new_quantifier = self.choose_not_some_not(rng)?;
                    premise = (new_quantifier, a, b);
                    if selected == 1 {
                        premise1 = premise;
                    } else {
                        premise2 = premise;
                    }
                    match new_quantifier {
                        No => (No, b, a),
                        All => (Quantifier::Some, b, a),
                        _ => (new_quantifier, b, a),
                    }
                }
            }
        } else {
            let q = match quantifier {
                No => *rng.choice(&[All, Quantifier::Some])?,
                All | Quantifier::Some => *rng.choice(&[All, No])?,
                SomeNot => self.choose_not_some_not(rng)?,
            };
            (q, b, a)
        };
        write_item(
            item,
            Drawn {
                premise1,
                premise2,
                selected_premise: Some(selected),
                conclusion,
                is_valid: check_logical_equivalence(premise, conclusion),
                kind: "inversion",
            },
        );
        Ok(())
    }

    /// The traditional branch of `_generate_syllogism`: up to 100 draws for a
    /// syllogism whose validity is the one aimed at, else `All`/`All`/`All`.
    fn generate_traditional(
        &self,
        rng: &mut Random,
        terms: [Term; 3],
        item: &mut Item,
    ) -> Result<()> {
        let target_valid = rng.random() > self.invalid_ratio;
        let mut found = None;
        for _ in 0..100 {
            let premise1 = (*rng.choice(&self.quantifiers)?, terms[0], terms[1]);
            let premise2 = (*rng.choice(&self.quantifiers)?, terms[1], terms[2]);
            let conclusion = (*rng.choice(&self.quantifiers)?, terms[0], terms[2]);
            let is_valid = is_valid_syllogism(premise1, premise2, conclusion);
            if is_valid == target_valid {
                found = Some((premise1, premise2, conclusion, is_valid));
                break;
            }
        }
        let (premise1, premise2, conclusion, is_valid) = found.unwrap_or((
            (All, terms[0], terms[1]),
            (All, terms[1], terms[2]),
            (All, terms[0], terms[2]),
            true,
        ));
        write_item(
            item,
            Drawn {
                premise1,
                premise2,
                selected_premise: None,
                conclusion,
                is_valid,
                kind: "syllogism",
            },
        );
        Ok(())
    }
}

impl Dataset for Syllogism {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    /// `_generate_syllogism`, written over a reused item.
    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let picked = rng.sample_indices(DEFAULT_TERMS.len() as u64, 3)?;
        let terms = [picked[0], picked[1], picked[2]].map(|t| t as Term);
        if rng.random() < self.inversion_probability {
            self.generate_inversion(&mut rng, terms, item)
        } else {
            self.generate_traditional(&mut rng, terms, item)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{accepted, dataset, refused};
    use serde_json::json;

    #[test]
    fn validate_refuses_as_python() {
        let none = json!({"allow_all": false, "allow_no": false, "allow_some": false,
                          "allow_some_not": false, "invalid_ratio": 2.0});
        assert_eq!(
            refused(&INFO, none),
            "At least one quantifier type must be allowed"
        );
        assert_eq!(
            refused(
                &INFO,
                json!({"invalid_ratio": -0.1, "inversion_probability": 3})
            ),
            "invalid_ratio must be between 0.0 and 1.0"
        );
        assert_eq!(
            refused(&INFO, json!({"inversion_probability": 1.5})),
            "inversion_probability must be between 0.0 and 1.0"
        );
        accepted(
            &INFO,
            json!({"invalid_ratio": 1, "inversion_probability": 0}),
        );
    }

    #[test]
    fn classical_moods() {
        let (s, m, p) = (0, 1, 2);
        // Barbara: All S are M, All M are P ⊢ All S are P.
        assert!(is_valid_syllogism((All, s, m), (All, m, p), (All, s, p)));
        // Celarent in this figure: All S are M, No M are P ⊢ No S are P.
        assert!(is_valid_syllogism((All, s, m), (No, m, p), (No, s, p)));
        // Two negatives, two particulars, an undistributed conclusion term.
        assert!(!is_valid_syllogism((No, s, m), (No, m, p), (No, s, p)));
        let some = Quantifier::Some;
        assert!(!is_valid_syllogism(
            (some, s, m),
            (some, m, p),
            (some, s, p)
        ));
        assert!(!is_valid_syllogism((All, s, m), (some, m, p), (All, s, p)));
        // A conclusion over the middle term.
        assert!(!is_valid_syllogism((All, s, m), (All, m, p), (All, s, m)));
    }

    #[test]
    fn only_some_not_cannot_invert_validly() {
        // The reference draws from an empty list there: IndexError.
        let ds = dataset(
            &INFO,
            json!({"allow_all": false, "allow_no": false, "allow_some": false,
                   "invalid_ratio": 0.5, "inversion_probability": 1.0, "seed": 3, "size": 10}),
        );
        let err = (0..10)
            .find_map(|i| ds.get(i).err())
            .expect("some item fails");
        assert_eq!(err.to_string(), "Cannot choose from an empty sequence");
    }

    #[test]
    fn answers_match_metadata() {
        let ds = dataset(&INFO, json!({"seed": 5, "size": 50}));
        for i in 0..50 {
            let item = ds.get(i).unwrap();
            let valid = item.metadata.get("is_valid").and_then(|v| v.as_bool());
            assert_eq!(valid, Some(item.answer == "Yes"));
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
        }
    }
}
