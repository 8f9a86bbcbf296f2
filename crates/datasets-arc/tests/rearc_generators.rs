//! Each natively ported rearc generator must return what the Python one
//! does, with the same draws (tests/data/rearc_generators.json, from
//! scripts/vectors/rearc_generator_vectors.py).

use dataset_core::Random;
use datasets_arc::rearc::generators::{self, GenRng, TASK_IDS};
use serde_json::Value;

fn float(v: &Value) -> f64 {
    f64::from_bits(v.as_u64().expect("float bits"))
}

fn grid(v: &Value) -> Vec<Vec<i64>> {
    v.as_str()
        .expect("rows")
        .split('/')
        .map(|r| r.bytes().map(|b| i64::from(b - b'0')).collect())
        .collect()
}

#[test]
fn ported_generators_match_python() {
    let data: Value =
        serde_json::from_str(include_str!("data/rearc_generators.json")).expect("vectors");
    let data = data.as_object().expect("a map");
    let ported = generators::ported_generators();
    assert_eq!(
        ported,
        data.keys().map(String::as_str).collect::<Vec<_>>(),
        "vectors cover exactly the ported generators (rerun the script)"
    );
    // The table follows `get_generators`' order.
    let mut last = 0;
    for id in &ported {
        let at = TASK_IDS.iter().position(|t| t == id).expect("a task id");
        assert!(at >= last, "{id} out of order");
        last = at;
    }
    for (task, runs) in data {
        let gen = generators::generator(task).expect("ported");
        for run in runs.as_array().expect("runs") {
            let seed = run["seed"].as_i64().expect("seed");
            let (lb, ub) = (float(&run["range"][0]), float(&run["range"][1]));
            let at = format!("{task} seed {seed} ({lb}, {ub})");
            let mut rng = GenRng::new(Random::new(seed));
            let got = gen(&mut rng, lb, ub);
            if !run["error"].is_null() {
                assert!(got.is_err(), "{at}: Python raised {}", run["error"]);
                continue;
            }
            let ex = got.unwrap_or_else(|e| panic!("{at}: {e}"));
            assert_eq!(ex.input, grid(&run["input"]), "{at}: input");
            assert_eq!(ex.output, grid(&run["output"]), "{at}: output");
            // The grids print through board_format as any ARC board does.
            let board = generators::to_board(&ex.input).expect("colors 0..=9");
            assert_eq!(board.len(), ex.input.len(), "{at}: board");
            let samples: Vec<f64> = run["samples"]
                .as_array()
                .expect("samples")
                .iter()
                .map(float)
                .collect();
            assert_eq!(rng.difficulty_samples, samples, "{at}: difficulty samples");
            assert_eq!(rng.random(), float(&run["next"]), "{at}: draws");
            assert_eq!(
                generators::get_pso_difficulty(&ex),
                float(&run["pso"]),
                "{at}: pso difficulty"
            );
        }
    }
}
