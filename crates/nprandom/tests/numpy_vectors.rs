//! Draws recorded from numpy itself (scripts/vectors/numpy_vectors.py, run
//! with the numpy reasoning-gym 0.1.25 installs) must be reproduced exactly.

use nprandom::{Generator, NpError, RandomState, SeedSequence};
use pyrandom::Seed;
use serde_json::Value;

const KNIGHT_KNAVE_PAIRS: [[&str; 2]; 7] = [
    ["a knight", "a knave"],
    ["a pioneer", "a laggard"],
    ["a saint", "a sinner"],
    ["a hero", "a villain"],
    ["an angel", "a devil"],
    ["an altruist", "an egoist"],
    ["a sage", "a fool"],
];
const TRUTH_OR_LIE: [&str; 2] = ["telling-truth", "lying"];

fn vectors() -> Value {
    serde_json::from_str(include_str!("data/vectors.json")).expect("vectors.json parses")
}

fn arr(v: &Value) -> &Vec<Value> {
    v.as_array().expect("an array")
}

fn int(v: &Value) -> i128 {
    match v {
        Value::String(s) => s.parse().expect("an int string"),
        _ => v.to_string().parse().expect("an int"),
    }
}

fn uint(v: &Value) -> u64 {
    u64::try_from(int(v)).expect("a u64")
}

fn seed(case: &Value) -> Seed {
    case["seed"]
        .as_str()
        .expect("seed")
        .parse()
        .expect("a seed")
}

fn rng(case: &Value) -> Generator {
    Generator::default_rng_from_python_int(&seed(case)).expect("non-negative seed")
}

fn float(v: &Value) -> f64 {
    v.as_str().expect("a float repr").parse().expect("a float")
}

fn ints(v: &Value) -> Vec<i128> {
    arr(v).iter().map(int).collect()
}

fn error(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        _ => {
            assert_eq!(v[0], "ValueError");
            Some(v[1].as_str().expect("message").to_string())
        }
    }
}

fn to_i128<T: Into<i128> + Copy>(v: &[T]) -> Vec<i128> {
    v.iter().map(|&x| x.into()).collect()
}

fn usizes(v: Vec<usize>) -> Vec<i128> {
    v.into_iter().map(|x| x as i128).collect()
}

fn generator_cases() -> Vec<Value> {
    arr(&vectors()["generator"]).clone()
}

#[test]
fn recorded_with_the_reference_numpy() {
    let v = vectors();
    assert_eq!(
        v["numpy"], "2.4.6",
        "regenerate the test expectations with the reference's numpy"
    );
}

#[test]
fn seed_sequence_pool_and_state() {
    for case in generator_cases() {
        let s = seed(&case);
        let seq = match s.as_i128() {
            Some(v) => SeedSequence::from_u128(v as u128),
            None => SeedSequence::from_biguint(s.to_bigint().magnitude()),
        };
        let pool: Vec<i128> = to_i128(&seq.pool());
        assert_eq!(pool, ints(&case["pool"]), "seed {s}");
        assert_eq!(
            to_i128(&seq.generate_state_u64(4)),
            ints(&case["state_u64"]),
            "seed {s}"
        );
        assert_eq!(
            to_i128(&seq.generate_state_u32(9)),
            ints(&case["state_u32"]),
            "seed {s}"
        );
    }
}

#[test]
fn default_rng_matches_u64_path() {
    for case in generator_cases() {
        if let Some(v) = seed(&case).as_i128().and_then(|v| u64::try_from(v).ok()) {
            let mut a = Generator::default_rng(v);
            let mut b = rng(&case);
            for _ in 0..10 {
                assert_eq!(
                    a.bit_generator().next_uint64(),
                    b.bit_generator().next_uint64()
                );
            }
        }
    }
}

#[test]
fn raw_and_random() {
    for case in generator_cases() {
        let mut g = rng(&case);
        for (i, want) in arr(&case["raw"]).iter().enumerate() {
            assert_eq!(
                g.bit_generator().next_uint64(),
                uint(want),
                "seed {} raw {i}",
                case["seed"]
            );
        }
        let mut g = rng(&case);
        for (i, want) in arr(&case["random"]).iter().enumerate() {
            assert_eq!(g.random(), float(want), "seed {} random {i}", case["seed"]);
        }
    }
}

#[test]
fn integers_every_branch() {
    for case in generator_cases() {
        let mut g = rng(&case);
        for (i, row) in arr(&case["integers"]).iter().enumerate() {
            let got = g.integers(int(&row[0]), int(&row[1]));
            assert_eq!(
                got.map(i128::from),
                Ok(int(&row[2])),
                "seed {} call {i} {row}",
                case["seed"]
            );
        }
        let mut g = rng(&case);
        for row in arr(&case["integers_size"]) {
            let n = row[2].as_u64().expect("size") as usize;
            let got = g
                .integers_size(int(&row[0]), int(&row[1]), n)
                .expect("in bounds");
            assert_eq!(to_i128(&got), ints(&row[3]), "seed {} {row}", case["seed"]);
        }
    }
}

#[test]
fn choice_without_replacement_floyd_and_tail() {
    for case in generator_cases() {
        let mut g = rng(&case);
        for row in arr(&case["choice_nr"]) {
            let (pop, n) = (uint(&row[0]) as usize, uint(&row[1]) as usize);
            let got = g.choice_without_replacement(pop, n).expect("n <= pop");
            assert_eq!(
                usizes(got),
                ints(&row[2]),
                "seed {} pop {pop} n {n}",
                case["seed"]
            );
        }
        let mut g = rng(&case);
        for row in arr(&case["choice_nr_list"]) {
            let n = uint(&row[0]) as usize;
            let got = g.choice_without_replacement(51, n).expect("n <= 51");
            assert_eq!(usizes(got), ints(&row[1]), "seed {} n {n}", case["seed"]);
        }
    }
}

#[test]
fn choice_of_rows() {
    for case in generator_cases() {
        let mut g = rng(&case);
        for want in arr(&case["choice_rows"]) {
            let row = g.choice(&KNIGHT_KNAVE_PAIRS).expect("non-empty");
            assert_eq!(
                &row[..],
                &arr(want)
                    .iter()
                    .map(|x| x.as_str().unwrap_or(""))
                    .collect::<Vec<_>>()[..]
            );
        }
    }
}

/// Runs one recorded Generator call against `g`.
fn replay(g: &mut Generator, op: &Value, ctx: &str) {
    let ops = arr(op);
    let name = ops[0].as_str().expect("op name");
    match name {
        "integers" => {
            let got = g.integers(int(&ops[1]), int(&ops[2])).expect("in bounds");
            assert_eq!(i128::from(got), int(&ops[3]), "{ctx} {op}");
        }
        "choice" => {
            let got = g.choice_index(uint(&ops[1]) as usize).expect("non-empty");
            assert_eq!(got as i128, int(&ops[2]), "{ctx} {op}");
        }
        "choice_nr" => {
            let got = g
                .choice_without_replacement(uint(&ops[1]) as usize, uint(&ops[2]) as usize)
                .expect("n <= pop");
            assert_eq!(usizes(got), ints(&ops[3]), "{ctx} {op}");
        }
        "choice_r" => {
            let got = g
                .choice_with_replacement(uint(&ops[1]) as usize, uint(&ops[2]) as usize)
                .expect("non-empty");
            assert_eq!(usizes(got), ints(&ops[3]), "{ctx} {op}");
        }
        "random" => assert_eq!(g.random(), float(&ops[1]), "{ctx} {op}"),
        "raw" => assert_eq!(g.bit_generator().next_uint64(), uint(&ops[1]), "{ctx} {op}"),
        "choice_row" => {
            let row = g.choice(&KNIGHT_KNAVE_PAIRS).expect("non-empty");
            assert_eq!(row[0], ops[1][0], "{ctx} {op}");
            assert_eq!(row[1], ops[1][1], "{ctx} {op}");
        }
        "choice_str" => {
            let got = g.choice(&TRUTH_OR_LIE).expect("non-empty");
            assert_eq!(*got, ops[1], "{ctx} {op}");
        }
        other => panic!("unknown op {other}"),
    }
}

#[test]
fn interleaved_calls_share_the_32_bit_buffer() {
    for case in generator_cases() {
        let mut g = rng(&case);
        for (i, op) in arr(&case["ops"]).iter().enumerate() {
            replay(&mut g, op, &format!("seed {} op {i}", case["seed"]));
        }
    }
}

#[test]
fn knights_knaves_call_shapes() {
    for case in generator_cases() {
        // The sampler's calls, then a fresh generator for the formatter's.
        let kk = arr(&case["knights_knaves"]);
        let (sampler, formatter) = kk.split_at(kk.len() - 7);
        let mut g = rng(&case);
        for op in sampler {
            replay(&mut g, op, &format!("seed {} sampler", case["seed"]));
        }
        let mut g = rng(&case);
        for op in formatter {
            replay(&mut g, op, &format!("seed {} formatter", case["seed"]));
        }
    }
}

#[test]
fn legacy_pool_matrix_and_randint() {
    for case in arr(&vectors()["legacy"]) {
        let s = seed(case);
        let mut rs = RandomState::seed_from_python_int(&s).expect("seed in range");
        for row in arr(&case["pool_matrix"]) {
            let shape: Vec<i64> = ints(&row[2]).into_iter().map(|d| d as i64).collect();
            let got = rs
                .randint(int(&row[0]), int(&row[1]), &shape)
                .expect("valid");
            assert_eq!(to_i128(&got), ints(&row[3]), "seed {s} {shape:?}");
        }
        let mut rs = RandomState::seed(u32::try_from(s.as_i128().unwrap_or(-1)).expect("u32 seed"));
        for row in arr(&case["randint"]) {
            let (lo, hi) = (int(&row[0]), int(&row[1]));
            let got = match &row[2] {
                Value::Null => vec![rs.randint_scalar(lo, hi).expect("valid")],
                shape => {
                    let shape: Vec<i64> = ints(shape).into_iter().map(|d| d as i64).collect();
                    rs.randint(lo, hi, &shape).expect("valid")
                }
            };
            assert_eq!(to_i128(&got), ints(&row[3]), "seed {s} {row}");
        }
        let mut rs = RandomState::seed_from_python_int(&s).expect("seed in range");
        let got = rs.randint(0, 1 << 32, &[30]).expect("valid");
        assert_eq!(to_i128(&got), ints(&case["raw32"]), "seed {s}");
    }
}

#[test]
fn value_errors() {
    let v = vectors();
    let e = &v["errors"];
    let msg = |r: Result<(), NpError>| r.err().map(|e| e.to_string());
    for row in arr(&e["default_rng"]) {
        let s: Seed = row[0].as_str().expect("seed").parse().expect("seed");
        let got = msg(Generator::default_rng_from_python_int(&s).map(|_| ()));
        assert_eq!(got, error(&row[1]), "default_rng({s})");
    }
    let mut g = Generator::default_rng(1);
    for row in arr(&e["integers"]) {
        let (lo, hi) = (int(&row[0]), int(&row[1]));
        assert_eq!(
            msg(g.integers(lo, hi).map(|_| ())),
            error(&row[2]),
            "integers({lo}, {hi})"
        );
    }
    assert_eq!(
        msg(g.choice::<&str>(&[]).map(|_| ())),
        error(&e["choice_empty"])
    );
    for row in arr(&e["choice_nr"]) {
        let (pop, n) = (uint(&row[0]) as usize, uint(&row[1]) as usize);
        let got = msg(g.choice_without_replacement(pop, n).map(|_| ()));
        assert_eq!(got, error(&row[2]), "choice({pop}, {n}, replace=False)");
    }
    for row in arr(&e["choice_r"]) {
        let (pop, n) = (uint(&row[0]) as usize, uint(&row[1]) as usize);
        let got = msg(g.choice_with_replacement(pop, n).map(|_| ()));
        assert_eq!(got, error(&row[2]), "choice({pop}, {n})");
    }
    for row in arr(&e["legacy_seed"]) {
        let s: Seed = row[0].as_str().expect("seed").parse().expect("seed");
        let got = msg(RandomState::seed_from_python_int(&s).map(|_| ()));
        assert_eq!(got, error(&row[1]), "np.random.seed({s})");
    }
    for row in arr(&e["legacy_randint"]) {
        let (lo, hi) = (int(&row[0]), int(&row[1]));
        let got = msg(RandomState::seed(0).randint_scalar(lo, hi).map(|_| ()));
        assert_eq!(got, error(&row[2]), "randint({lo}, {hi})");
    }
    for row in arr(&e["legacy_randint_empty"]) {
        let shape: Vec<i64> = ints(&row[2]).into_iter().map(|d| d as i64).collect();
        let got = RandomState::seed(0).randint(int(&row[0]), int(&row[1]), &shape);
        assert_eq!(
            got,
            Ok(vec![]),
            "randint({}, {}, {shape:?})",
            row[0],
            row[1]
        );
    }
}

#[test]
fn shapes_numpy_refuses() {
    let mut rs = RandomState::seed(0);
    assert_eq!(
        rs.randint(0, 10, &[-1, 2]),
        Err(NpError::NegativeDimensions)
    );
    assert_eq!(
        rs.randint(0, 10, &[-1, 0]),
        Err(NpError::NegativeDimensions)
    );
    assert_eq!(rs.randint(5, 5, &[-1, 2]), Err(NpError::LowNotBelowHigh));
    assert_eq!(
        rs.randint(0, 10, &[1 << 31, 1 << 31]),
        Err(NpError::ArrayTooBig)
    );
    // The int64 product wraps to 0: numpy takes the empty path, and np.empty refuses.
    assert_eq!(
        rs.randint(0, 10, &[1 << 40, 1 << 40]),
        Err(NpError::ArrayTooBig)
    );
}
