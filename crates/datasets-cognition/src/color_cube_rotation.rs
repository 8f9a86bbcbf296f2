//! `color_cube_rotation`: the colour of a cube face after a series of rotations.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::py_strip;
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "color_cube_rotation",
    category: "cognition",
    description: "Generates color cube rotation reasoning tasks",
    config_class: "ColorCubeRotationConfig",
    build,
};

/// The `Color` enum in definition order: the cube is painted from a shuffle of it.
const COLORS: [&str; 16] = [
    "red", "green", "blue", "yellow", "white", "orange", "purple", "pink", "brown", "gray", "cyan",
    "magenta", "gold", "silver", "indigo", "violet",
];

/// The `Side` enum in definition order; a cube's faces are indexed by it.
const SIDES: [&str; 6] = ["top", "right", "front", "left", "back", "bottom"];
const TOP: usize = 0;
const RIGHT: usize = 1;
const FRONT: usize = 2;
const LEFT: usize = 3;
const BACK: usize = 4;
const BOTTOM: usize = 5;

const FIRST_ROTATION: &str =
    "The cube is rotated so that the side which was before at the {side} is now at the top.";
const LATER_ROTATIONS: [&str; 4] = [
    "Then the cube is rotated to bring the {side} side to the top.",
    "After that the cube is turned to make the {side} face the top.",
    "Now the cube is rotated to place its {side} side at the top.",
    "Next, the {side} side is rotated to become the top face.",
];

struct ColorCubeRotation {
    seed: Seed,
    min_rotations: i64,
    max_rotations: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = ColorCubeRotation {
        seed: p.seed,
        min_rotations: r.int("min_rotations", 1),
        max_rotations: r.int("max_rotations", 3),
    };
    let v = r.finish()?;
    v.ensure(d.min_rotations > 0, "min_rotations must be positive")?;
    v.ensure(
        d.max_rotations >= d.min_rotations,
        "max_rotations must be >= min_rotations",
    )?;
    // One sentence of the story per rotation.
    v.ensure_item_size(count(d.max_rotations), "max_rotations")?;
    v.done(d)
}

/// Turns the cube so that face `from` ends on top. Each rotation is a 4-cycle
/// `top <- a <- b <- c <- top` of the faces around one axis, except bottom,
/// which swaps top/bottom and front/back.
fn rotate_to_top(faces: &mut [usize; 6], from: usize) {
    let old = *faces;
    let cycle = |faces: &mut [usize; 6], [a, b, c]: [usize; 3]| {
        faces[TOP] = old[a];
        faces[a] = old[b];
        faces[b] = old[c];
        faces[c] = old[TOP];
    };
    match from {
        FRONT => cycle(faces, [FRONT, BOTTOM, BACK]),
        RIGHT => cycle(faces, [RIGHT, BOTTOM, LEFT]),
        BACK => cycle(faces, [BACK, BOTTOM, FRONT]),
        LEFT => cycle(faces, [LEFT, BOTTOM, RIGHT]),
        BOTTOM => {
            faces[TOP] = old[BOTTOM];
            faces[BOTTOM] = old[TOP];
            faces[FRONT] = old[BACK];
            faces[BACK] = old[FRONT];
        }
        _ => {}
    }
}

impl Dataset for ColorCubeRotation {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let mut colors: Vec<usize> = (0..COLORS.len()).collect();
        rng.shuffle(&mut colors);
        let initial: [usize; 6] = std::array::from_fn(|i| colors[i]);
        let mut faces = initial;

        let num_rotations = rng.randint(self.min_rotations, self.max_rotations)?;
        // Every side but the top can be brought to the top.
        let movable = [RIGHT, FRONT, LEFT, BACK, BOTTOM];
        let mut rotations = Vec::with_capacity(num_rotations.min(1 << 16) as usize);
        for _ in 0..num_rotations {
            let from = *rng.choice(&movable)?;
            rotations.push(from);
            rotate_to_top(&mut faces, from);
        }
        let target = rng.randbelow(SIDES.len() as u64) as usize;

        let mut story = vec!["A cube has:".to_string()];
        story.extend(
            SIDES
                .iter()
                .zip(initial)
                .map(|(side, c)| format!("- a {} {side} side", COLORS[c])),
        );
        for (i, &from) in rotations.iter().enumerate() {
            let template = if i == 0 {
                FIRST_ROTATION
            } else {
                rng.choice(&LATER_ROTATIONS)?
            };
            story.push(format!("\n{}", template.replace("{side}", SIDES[from])));
        }
        story.push(format!(
            "\nWhat is now the color of the {} side of the cube?",
            SIDES[target]
        ));
        story.push("Provide only the color as your final answer.".to_string());

        let initial_state: serde_json::Map<String, serde_json::Value> = SIDES
            .iter()
            .zip(initial)
            .map(|(side, c)| (side.to_string(), COLORS[c].into()))
            .collect();
        Ok(Item {
            question: story.join("\n"),
            answer: COLORS[faces[target]].to_string(),
            metadata: meta! {
                "initial_state" => initial_state,
                "rotations" => rotations.iter().map(|&s| SIDES[s]).collect::<Vec<_>>(),
                "target_side" => SIDES[target],
                "num_rotations" => num_rotations,
                "difficulty" => json!({
                    "rotations": [self.min_rotations, self.max_rotations],
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        match answer {
            None => 0.0,
            Some(a) if py_strip(a).to_lowercase() == py_strip(&item.answer).to_lowercase() => 1.0,
            Some(_) => 0.01,
        }
    }
}
