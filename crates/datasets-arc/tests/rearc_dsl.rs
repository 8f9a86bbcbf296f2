//! rearc's DSL functions must return what the Python DSL returns, in
//! CPython's iteration order (tests/data/rearc_dsl.json, from
//! scripts/vectors/rearc_dsl_vectors.py).

use datasets_arc::rearc::dsl::{self, Cell, Grid, Loc, Object};
use pycompat::AnySet;
use serde_json::Value;

fn int(v: &Value) -> i64 {
    v.as_i64().expect("an int")
}

fn loc(v: &Value) -> Loc {
    (int(&v[0]), int(&v[1]))
}

fn locs(v: &Value) -> Vec<Loc> {
    v.as_array().expect("a list").iter().map(loc).collect()
}

fn cells(v: &Value) -> Vec<Cell> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|c| (int(&c[0]), loc(&c[1])))
        .collect()
}

#[test]
fn dsl_matches_python_order() {
    let rows: Vec<Value> =
        serde_json::from_str(include_str!("data/rearc_dsl.json")).expect("vectors");
    assert!(rows.len() >= 50);
    for (n, row) in rows.iter().enumerate() {
        let grid: Grid = row["grid"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r.as_array().expect("row").iter().map(int).collect())
            .collect();
        assert_eq!(
            dsl::mostcolor(&grid),
            int(&row["mostcolor"]),
            "grid {n}: mostcolor"
        );
        assert_eq!(
            dsl::asindices(&grid).to_vec(),
            locs(&row["asindices"]),
            "grid {n}"
        );
        for (flags, want) in row["objects"].as_object().expect("objects") {
            let f: Vec<bool> = flags.bytes().map(|b| b == b'1').collect();
            let got: Vec<Vec<Cell>> = dsl::objects(&grid, f[0], f[1], f[2])
                .iter()
                .map(|o| o.to_vec())
                .collect();
            let want: Vec<Vec<Cell>> = want.as_array().expect("list").iter().map(cells).collect();
            assert_eq!(got, want, "grid {n}: objects{flags}");
        }
        let c = int(&row["ofcolor"][0]);
        assert_eq!(
            dsl::ofcolor(&grid, c).to_vec(),
            locs(&row["ofcolor"][1]),
            "grid {n}"
        );
        for pair in row["neighbors"].as_array().expect("neighbors") {
            assert_eq!(
                dsl::neighbors(loc(&pair[0])).to_vec(),
                locs(&pair[1]),
                "grid {n}"
            );
        }
        let first: Object = dsl::objects(&grid, true, false, false)
            .iter()
            .next()
            .expect("an object")
            .clone();
        let d = loc(&row["shift"][0]);
        assert_eq!(
            dsl::shift_object(&first, d).to_vec(),
            cells(&row["shift"][1]),
            "grid {n}"
        );
        let idx = dsl::toindices(&first);
        assert_eq!(idx.to_vec(), locs(&row["toindices"]), "grid {n}: toindices");
        assert_eq!(
            dsl::shift_indices(&idx, d).to_vec(),
            locs(&row["shift"][2]),
            "grid {n}"
        );
        let c = int(&row["recolor"][0]);
        assert_eq!(
            dsl::recolor(c, &idx).to_vec(),
            cells(&row["recolor"][1]),
            "grid {n}"
        );
    }
}
