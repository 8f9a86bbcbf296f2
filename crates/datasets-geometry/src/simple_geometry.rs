//! `simple_geometry`: the missing interior angle of a convex polygon.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use pycompat::{float_repr, format_fixed, round_ndigits};
use serde_json::{json, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "simple_geometry",
    category: "geometry",
    description: "Find the missing interior angle of a convex polygon",
    config_class: "SimpleGeometryConfig",
    build,
};

const TEMPLATES: [&str; 3] = [
    "Given a convex polygon with {n_sides} sides, its first {n_minus_1} interior angles \
     are: {angle_list}. What is the measure of the remaining interior angle (in degrees)?\
     Return only the angle as your answer.\
     Do not give the units in your answer.",
    "A convex polygon has {n_sides} sides. The measures of \
     the first {n_minus_1} interior angles are: {angle_list}. \
     Find the measure of the last interior angle.\
     Return only the angle as your answer.\
     Do not give the units in your answer.",
    "Consider a convex {n_sides}-gon whose first {n_minus_1} interior angles \
     are: {angle_list}. Determine the measure of the remaining angle.\
     Return only the angle as your answer.\
     Do not give the units in your answer.",
];

const MAX_ATTEMPTS: usize = 100;

/// The reference lists every angle in the question; past this many sides an
/// item is megabytes long, and the work grows without bound.
const MAX_SIDES: i64 = 1_000_000;

struct SimpleGeometry {
    seed: Seed,
    min_sides: i64,
    max_sides: i64,
    min_angle: i64,
    max_angle: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = SimpleGeometry {
        seed: p.seed,
        min_sides: r.int("min_sides", 3),
        max_sides: r.int("max_sides", 6),
        min_angle: r.int("min_angle", 10),
        max_angle: r.int("max_angle", 170),
    };
    let v = r.finish()?;
    v.ensure(d.min_sides >= 3, "min_sides must be at least 3 (triangle).")?;
    v.ensure(
        d.max_sides >= d.min_sides,
        "max_sides must be >= min_sides.",
    )?;
    v.ensure(
        0 < d.min_angle && d.min_angle < 180,
        "min_angle must be in (0, 180).",
    )?;
    v.ensure(d.max_angle <= 179, "max_angle should be less than 180.")?;
    v.ensure(
        d.max_angle >= d.min_angle,
        "max_angle must be >= min_angle.",
    )?;
    v.done(d)
}

impl SimpleGeometry {
    /// `n_sides - 1` angles whose sum stays below `total`, retried as the reference does.
    fn valid_angles(&self, rng: &mut Random, n_sides: i64, total: i64) -> Result<Vec<f64>> {
        for _ in 0..MAX_ATTEMPTS {
            let angles = (1..n_sides)
                .map(|_| Ok(rng.randint(self.min_angle, self.max_angle)? as f64))
                .collect::<Result<Vec<f64>>>()?;
            if angles.iter().sum::<f64>() < total as f64 {
                return Ok(angles);
            }
        }
        Err(DatasetError::Generation(format!(
            "Could not generate valid angles for an {n_sides}-gon \
             with total sum {total} within {MAX_ATTEMPTS} attempts."
        )))
    }
}

impl Dataset for SimpleGeometry {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let n_sides = rng.randint(self.min_sides, self.max_sides)?;
        if n_sides > MAX_SIDES {
            return Err(DatasetError::Generation(format!(
                "simple_geometry: {n_sides} sides is more than rgym generates ({MAX_SIDES})"
            )));
        }
        let total_sum = 180 * (n_sides - 2);
        let known = self.valid_angles(&mut rng, n_sides, total_sum)?;
        let sum_known: f64 = known.iter().sum();
        let missing = total_sum as f64 - sum_known;
        let angle_list = known
            .iter()
            .map(|a| format!("{}°", format_fixed(*a, 1)))
            .collect::<Vec<_>>()
            .join(", ");
        let question = rng
            .choice(&TEMPLATES)?
            .replace("{n_sides}", &n_sides.to_string())
            .replace("{n_minus_1}", &(n_sides - 1).to_string())
            .replace("{angle_list}", &angle_list);
        // One decimal, shown as an int when it is one.
        let rounded = round_ndigits(missing, 1);
        let (answer, rounded_json) = if (rounded - rounded.round_ties_even()).abs() < 1e-6 {
            let int = rounded as i64;
            (int.to_string(), Value::from(int))
        } else {
            (float_repr(rounded), Value::from(rounded))
        };
        Ok(Item {
            question,
            answer,
            metadata: meta! {
                "n_sides" => n_sides,
                "known_angles" => known,
                "sum_of_known_angles" => sum_known,
                "missing_angle_raw" => missing,
                "missing_angle_rounded" => rounded_json,
                "total_interior_sum" => total_sum,
                "difficulty" => json!({
                    "sides": [self.min_sides, self.max_sides],
                }),
            },
        })
    }
}
