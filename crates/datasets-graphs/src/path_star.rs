//! `path_star`: find the path from the centre of a star of paths to a goal leaf.

use std::collections::HashSet;

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::py_split;
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "path_star",
    category: "graphs",
    description: "Procedurally generates path-star graph problems",
    config_class: "PathStarConfig",
    build,
};

const PROMPT_HEAD: &str = "
Find a path from the start node to the goal node in the following path-star graph.
Respond with only the sequence of node labels in the path, including the start and goal nodes.
Separate node labels with a single space.

The graph is represented as a list of edges, where each edge is defined by two node labels.
The edges are separated by a vertical bar '|'. Then, the start and goal nodes are specified after a slash '/'.

Example:
|1 2|1 3|2 4|3 5/1 5 = 1 3 5

Solve the following task:
";

struct PathStar {
    seed: Seed,
    degree: i64,
    node_range: i64,
    min_path_length: i64,
    max_path_length: i64,
    reversed: bool,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = PathStar {
        seed: p.seed,
        degree: r.int("degree", 3),
        node_range: r.int("node_range", 100_000),
        min_path_length: r.int("min_path_length", 3),
        max_path_length: r.int("max_path_length", 5),
        reversed: r.bool("reversed", false),
    };
    let v = r.finish()?;
    v.ensure(d.degree >= 2, "degree must be at least 2")?;
    v.ensure(d.min_path_length >= 2, "min_path_length must be at least 2")?;
    v.ensure(
        d.min_path_length <= d.max_path_length,
        "min_path_length must be <= max_path_length",
    )?;
    v.ensure(
        d.node_range as i128 > d.degree as i128 * d.max_path_length as i128 + 1,
        "node_range must exceed degree * max_path_length + 1 for unique labels",
    )?;
    // The star has `degree` paths of up to `max_path_length` nodes each.
    v.ensure_item_size(
        count(d.degree).saturating_mul(count(d.max_path_length)),
        "degree * max_path_length",
    )?;
    v.done(d)
}

/// `" ".join(s.strip().split())`.
fn normalize(s: &str) -> String {
    py_split(s).collect::<Vec<_>>().join(" ")
}

impl Dataset for PathStar {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let center = rng.randrange_to(self.node_range)?;
        let path_length = rng.randint(self.min_path_length, self.max_path_length)?;

        let mut used = HashSet::from([center]);
        let mut paths = Vec::with_capacity(self.degree.min(1 << 10) as usize);
        for _ in 0..self.degree {
            let mut path = Vec::with_capacity(path_length.min(1 << 10) as usize);
            for _ in 0..path_length {
                let mut n = rng.randrange_to(self.node_range)?;
                while !used.insert(n) {
                    n = rng.randrange_to(self.node_range)?;
                }
                path.push(n);
            }
            paths.push(path);
        }
        let goal_path = rng.choice(&paths)?.clone();
        let goal = goal_path[goal_path.len() - 1];

        let mut edges: Vec<(i64, i64)> = paths.iter().map(|p| (center, p[0])).collect();
        for p in &paths {
            edges.extend(p.windows(2).map(|w| (w[0], w[1])));
        }
        rng.shuffle(&mut edges);

        let edges_str: String = edges.iter().map(|(u, v)| format!("|{u} {v}")).collect();
        let (start, end) = if self.reversed {
            (goal, center)
        } else {
            (center, goal)
        };
        let question = format!("{PROMPT_HEAD}{edges_str}/{start} {end} = \n");

        let mut path = vec![center];
        path.extend(&goal_path);
        let mut gold = path.clone();
        if self.reversed {
            gold.reverse();
        }
        let answer = gold
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(" ");
        Ok(Item {
            question,
            answer,
            metadata: meta! {
                "center" => center,
                "goal" => goal,
                "path_length" => path_length,
                // Always from the centre, even when the question is reversed.
                "goal_path" => path,
                "difficulty" => json!({
                    "degree": self.degree,
                    "node_range": self.node_range,
                    "path_length": [self.min_path_length, self.max_path_length],
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let answer = normalize(answer);
        if !answer.is_empty() && answer == normalize(&item.answer) {
            1.0
        } else {
            0.0
        }
    }
}
