//! Each natively ported rearc generator must return what the Python one
//! does, with the same draws (tests/data/rearc_generators/<part>.json.z,
//! zlib-compressed JSON from scripts/vectors/rearc_generator_vectors.py).
//! The parts replay on threads of their own: each is minutes of work in a
//! debug build.

use dataset_core::Random;
use datasets_arc::rearc::generators::{self, GenRng, Generator, PARTS, TASK_IDS};
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
fn ported_generators_follow_task_order() {
    // The parts concatenated follow `get_generators`' order.
    let mut last = 0;
    for id in generators::ported_generators() {
        let at = TASK_IDS.iter().position(|t| *t == id).expect("a task id");
        assert!(at >= last, "{id} out of order");
        last = at;
    }
}

#[test]
fn ported_generators_match_python() {
    std::thread::scope(|s| {
        // REARC_PARTS=part2,part3 replays only those parts (while porting).
        let only = std::env::var("REARC_PARTS").ok();
        let checks: Vec<_> = PARTS
            .iter()
            .filter(|(part, _)| {
                only.as_ref()
                    .is_none_or(|o| o.split(',').any(|p| p == *part))
            })
            .map(|&(part, table)| s.spawn(move || check_part(part, table)))
            .collect();
        for check in checks {
            if let Err(panic) = check.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
}

fn check_part(part: &str, table: &[(&str, Generator)]) {
    // REARC_VECTORS_DIR replays extra seeds written there by the vector
    // script (REARC_OUT), instead of the committed files.
    let extra = std::env::var("REARC_VECTORS_DIR").ok();
    let dir = extra
        .clone()
        .unwrap_or_else(|| format!("{}/tests/data/rearc_generators", env!("CARGO_MANIFEST_DIR")));
    let path = format!("{dir}/{part}.json.z");
    let Ok(packed) = std::fs::read(&path) else {
        assert!(
            table.is_empty() || extra.is_some(),
            "{part}: no vectors at {path} (rerun the script)"
        );
        return;
    };
    let json = miniz_oxide::inflate::decompress_to_vec_zlib(&packed).expect("zlib");
    let data: Value = serde_json::from_slice(&json).expect("vectors");
    let data = data.as_object().expect("a map");
    if extra.is_none() {
        assert_eq!(
            table.iter().map(|&(id, _)| id).collect::<Vec<_>>(),
            data.keys().map(String::as_str).collect::<Vec<_>>(),
            "{part}: vectors cover exactly the part's generators (rerun the script)"
        );
    }
    for (task, runs) in data {
        let gen = table
            .iter()
            .find(|(id, _)| id == task)
            .unwrap_or_else(|| panic!("{part}: {task} is not ported here"))
            .1;
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
            let mut board = String::new();
            let opts = datasets_arc::board_format::BoardFormattingOptions::default();
            datasets_arc::board_format::write_board(
                &mut board,
                ex.input.iter().map(Vec::as_slice),
                &opts,
            )
            .expect("colors 0..=9");
            assert_eq!(board.lines().count(), ex.input.len(), "{at}: board");
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
