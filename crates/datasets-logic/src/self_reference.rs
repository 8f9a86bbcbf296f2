//! `self_reference`: count the consistent truth assignments of seven
//! statements that talk about how many of them are true.
//!
//! The puzzle is drawn around an intended count of true statements, but the
//! answer is whatever the brute force over all 2^7 assignments finds, so the
//! intended assignment (which the reference never shows) is not rebuilt here.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "self_reference",
    category: "logic",
    description: "Count the solutions of a self-referential truth puzzle",
    config_class: "SelfReferenceConfig",
    build,
};

/// The number of statements, `n` of `generate_dynamic_puzzle`.
const N: i64 = 7;

struct SelfReference {
    seed: Seed,
    difficulty: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let difficulty = r.int("difficulty", 5);
    let v = r.finish()?;
    v.ensure(
        (1..=10).contains(&difficulty),
        "difficulty must be between 1 and 10",
    )?;
    v.done(SelfReference {
        seed: p.seed,
        difficulty,
    })
}

fn is_prime(n: i64) -> bool {
    n >= 2 && (2..n).take_while(|i| i * i <= n).all(|i| n % i != 0)
}

fn is_composite(n: i64) -> bool {
    n > 1 && !is_prime(n)
}

/// The numeric parameters of statements 1-4, `puzzle["parameters"]`.
struct Parameters {
    a: i64,
    b: i64,
    c: i64,
    d: i64,
}

/// `generate_dynamic_puzzle`: the draws that fix the parameters.
fn generate_dynamic_puzzle(rng: &mut Random) -> Result<Parameters> {
    let t = *rng.choice(&[1, 2, 3, 4, 5, 6])?;
    let forced_true = i64::from(is_prime(t)) + i64::from(is_composite(N - t));
    let k = t - forced_true;
    let (t, intended) = if (0..=5).contains(&k) {
        let mut intended = [false; 5];
        if k > 0 {
            for i in rng.sample_indices(5, k as usize)? {
                intended[i as usize] = true;
            }
        }
        (t, intended)
    } else {
        // The reference's fallback (T = 6 is the only way here): no draw.
        (4, [true, true, true, true, false])
    };

    // choose_at_least_param
    let a = if intended[0] {
        rng.randint(1, t)?
    } else if t + 1 > N {
        N
    } else {
        rng.randint(t + 1, N)?
    };
    // choose_at_most_param
    let b = if intended[1] {
        rng.randint(N - t, N)?
    } else {
        rng.randint(0, (N - t - 1).max(0))?
    };
    // choose_exactly_true_param / choose_exactly_false_param: any count but the right one.
    let mut exactly = |right: i64, intended: bool| -> Result<i64> {
        if intended {
            return Ok(right);
        }
        let choices: Vec<i64> = (0..=N).filter(|&x| x != right).collect();
        Ok(*rng.choice(&choices)?)
    };
    let c = exactly(t, intended[2])?;
    let d = exactly(N - t, intended[3])?;
    Ok(Parameters { a, b, c, d })
}

/// `verify_solution_dynamic`: every statement's truth equals its claim.
fn verify_solution_dynamic(p: &Parameters, solution: [bool; 7]) -> bool {
    let t = solution.iter().filter(|&&s| s).count() as i64;
    let f = N - t;
    let claims = [
        t >= p.a,
        f <= p.b,
        t == p.c,
        f == p.d,
        solution[2] != solution[3],
        is_prime(t),
        is_composite(f),
    ];
    solution == claims
}

/// `solve_puzzle_dynamic`, counted.
fn count_solutions(p: &Parameters) -> usize {
    (0u32..1 << N)
        .filter(|i| verify_solution_dynamic(p, std::array::from_fn(|j| (i >> j) & 1 == 1)))
        .count()
}

impl Dataset for SelfReference {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let p = generate_dynamic_puzzle(&mut rng)?;
        let statements = [
            format!(
                "Statement 1: 'At least {} of these 7 statements are true.'",
                p.a
            ),
            format!(
                "Statement 2: 'At most {} of these 7 statements are false.'",
                p.b
            ),
            format!(
                "Statement 3: 'Exactly {} of these 7 statements are true.'",
                p.c
            ),
            format!(
                "Statement 4: 'Exactly {} of these 7 statements are false.'",
                p.d
            ),
            "Statement 5: 'Either Statement 3 or Statement 4 is true, but not both.'".into(),
            "Statement 6: 'The number of true statements is a prime number.'".into(),
            "Statement 7: 'The number of false statements is a composite number.'".into(),
        ];
        let mut question = String::from(
            "Given the truthfulness of these statements, please tell me the number of possible solutions: \n",
        );
        for s in &statements {
            question.push_str(" - ");
            question.push_str(s);
            question.push('\n');
        }
        Ok(Item {
            question,
            answer: count_solutions(&p).to_string(),
            metadata: meta! {
                "difficulty" => json!({"difficulty": self.difficulty}),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        if answer == Some(item.answer.as_str()) {
            1.0
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use dataset_core::testing::{accepted, dataset, refused};

    use super::*;

    #[test]
    fn difficulty_bounds() {
        for d in [0, 11, -3, 1_000_000_000] {
            assert_eq!(
                refused(&INFO, json!({ "difficulty": d })),
                "difficulty must be between 1 and 10"
            );
        }
        accepted(&INFO, json!({"difficulty": 1}));
        accepted(&INFO, json!({"difficulty": 10}));
    }

    #[test]
    fn primes_and_composites() {
        let primes: Vec<i64> = (-2..30).filter(|&n| is_prime(n)).collect();
        assert_eq!(primes, [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
        let composites: Vec<i64> = (0..10).filter(|&n| is_composite(n)).collect();
        assert_eq!(composites, [4, 6, 8, 9]);
    }

    #[test]
    fn answer_is_the_count_of_consistent_assignments() {
        let ds = dataset(&INFO, json!({"seed": 3, "size": 100}));
        for i in 0..100 {
            let item = ds.get(i).unwrap();
            let count: usize = item.answer.parse().unwrap();
            assert!(count <= 128, "{count}");
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
            assert_eq!(ds.score(Some(&format!(" {}", item.answer)), &item), 0.0);
            assert_eq!(ds.score(Some(&format!("{count}.0")), &item), 0.0);
            assert_eq!(ds.score(None, &item), 0.0);
        }
    }

    #[test]
    fn known_counts() {
        // Counts from the reference's solve_puzzle_dynamic. (1, 7, 0, 0):
        // statements 1 and 2 hold and 3-5 cannot, so T = 2 + s6 + s7, and no
        // choice of s6, s7 agrees with "T is prime" / "F is composite".
        for ((a, b, c, d), count) in [((1, 7, 0, 0), 0), ((3, 4, 3, 4), 2), ((1, 7, 2, 5), 0)] {
            assert_eq!(count_solutions(&Parameters { a, b, c, d }), count);
        }
    }
}
