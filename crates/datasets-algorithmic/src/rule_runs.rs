//! The loop `string_splitting` and `string_synthesis` share: reasoning-gym
//! applies the first applicable rule to a tuple of counts, again and again,
//! until a state comes back (no rule applied, or a cycle) or the iteration
//! limit is reached, and keeps every state on the way.

use std::collections::HashSet;

/// Every state from `start` until a repeat or `max_iterations` steps.
/// `rule` is the dataset's "first applicable rule, applied once".
pub(crate) fn run_rules<const N: usize>(
    start: [i64; N],
    max_iterations: i64,
    rule: fn([i64; N]) -> [i64; N],
) -> Vec<[i64; N]> {
    let mut states = vec![start];
    let mut seen = HashSet::from([start]);
    let mut counts = start;
    for _ in 0..max_iterations {
        let next = rule(counts);
        if !seen.insert(next) {
            break;
        }
        states.push(next);
        counts = next;
    }
    states
}
