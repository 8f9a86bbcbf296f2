//! `pycompat::{PySet, PyFrozenSet}` must iterate, hash and answer like
//! CPython 3.11 on the random set programs of tests/data/pyset.jsonl
//! (scripts/vectors/pyset_vectors.py --write-vectors).

#[path = "common/pyset_replay.rs"]
mod replay;

#[test]
fn set_programs_match_cpython() {
    let mut tally = replay::Tally::default();
    for line in include_str!("data/pyset.jsonl").lines() {
        replay::replay_line(line, &mut tally);
    }
    assert!(tally.ops > 7_000, "only {} ops", tally.ops);
    assert_eq!(tally.mismatches, 0, "{:#?}", tally.first);
}
