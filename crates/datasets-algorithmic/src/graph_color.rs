//! `graph_color`: color a random graph so that no edge joins equal colors.

use std::collections::HashMap;

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use pycompat::{json_loads, py_set, PyValue};
use serde_json::{json, Map, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "graph_color",
    category: "algorithmic",
    description: "Color the vertices of a graph so that adjacent vertices differ",
    config_class: "GraphColorConfig",
    build,
};

/// Edge draws allowed across the retry loop. The reference redraws graphs
/// until greedy coloring succeeds: forever when it never can (no colors), and
/// for minutes when it rarely does (two colors, dense graphs: 290 million
/// draws, four minutes of reference time, seen). This many is a quarter of an
/// hour of reference time.
const MAX_EDGE_DRAWS: u64 = 1_000_000_000;

struct GraphColor {
    seed: Seed,
    num_colors: i64,
    min_num_vertices: i64,
    max_num_vertices: i64,
    edge_probability: f64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let num_colors = r.int("num_colors", 3);
    let min_num_vertices = r.int("min_num_vertices", 10);
    let max_num_vertices = r.int("max_num_vertices", 10);
    let edge_probability = r.float("edge_probability", 0.1);
    let v = r.finish()?;
    v.ensure(
        edge_probability < 1.0,
        "edge_probability must be less than 1",
    )?;
    // The colors are listed; every pair of vertices may be an edge.
    let vertices = dataset_core::config::count(max_num_vertices);
    v.ensure_item_size(
        dataset_core::config::count(num_colors)
            .saturating_add(vertices.saturating_mul(vertices.saturating_sub(1)) / 2),
        "num_colors + max_num_vertices * (max_num_vertices - 1) / 2",
    )?;
    v.done(GraphColor {
        seed: p.seed,
        num_colors,
        min_num_vertices,
        max_num_vertices,
        edge_probability,
    })
}

/// Each pair `i < j` is an edge with probability `p`, drawn in order.
fn random_edges(rng: &mut Random, n: usize, p: f64) -> Vec<(usize, usize)> {
    let mut edges = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            if rng.random() < p {
                edges.push((i, j));
            }
        }
    }
    edges
}

/// Each vertex in turn takes the first color no colored neighbour has;
/// `None` when some vertex finds none left.
fn greedy_coloring(n: usize, edges: &[(usize, usize)], num_colors: i64) -> Option<Vec<i64>> {
    let mut adjacency = vec![Vec::new(); n];
    for &(u, v) in edges {
        adjacency[u].push(v);
        adjacency[v].push(u);
    }
    let mut coloring: Vec<Option<i64>> = vec![None; n];
    for v in 0..n {
        let used: Vec<i64> = adjacency[v].iter().filter_map(|&u| coloring[u]).collect();
        coloring[v] = Some((1..=num_colors).find(|c| !used.contains(c))?);
    }
    coloring.into_iter().collect()
}

/// How `verify_graph_coloring_solution` ends for an answer.
enum Verdict {
    Valid,
    /// It returned `(False, reason)`.
    Invalid,
    /// It raised something other than the `KeyError` it catches.
    Raised,
}

/// `get_color(vertex)`: `Ok(None)` is the `KeyError` of an uncolored vertex,
/// `Err` any other exception (`in` or indexing on the wrong type).
fn get_color(coloring: &PyValue, vertex: i64) -> std::result::Result<Option<PyValue>, ()> {
    let key = PyValue::Int(vertex.into());
    if coloring.py_contains(&key).ok_or(())? {
        return subscript(coloring, &key).map(Some);
    }
    let text = PyValue::Str(vertex.to_string());
    if coloring.py_contains(&text).ok_or(())? {
        return subscript(coloring, &text).map(Some);
    }
    Ok(None)
}

/// `container[key]` where the key is known to be `in` the container.
fn subscript(container: &PyValue, key: &PyValue) -> std::result::Result<PyValue, ()> {
    match (container, key) {
        (PyValue::Dict(_), _) => container.dict_get(key).cloned().ok_or(()),
        (PyValue::List(items), PyValue::Int(i)) => {
            let i = i64::try_from(i).map_err(|_| ())?;
            let len = items.len() as i64;
            let at = if i < 0 { i + len } else { i };
            usize::try_from(at)
                .ok()
                .and_then(|at| items.get(at))
                .cloned()
                .ok_or(())
        }
        _ => Err(()),
    }
}

fn verify(puzzle: &Value, coloring: &PyValue) -> Verdict {
    let ints = |v: &Value| -> Vec<i64> {
        v.as_array()
            .map(|a| a.iter().filter_map(Value::as_i64).collect())
            .unwrap_or_default()
    };
    let vertices = ints(&puzzle["vertices"]);
    let allowed = py_set(
        ints(&puzzle["color_options"])
            .into_iter()
            .map(|c| PyValue::Int(c.into()))
            .collect(),
    )
    .map(PyValue::Set)
    .unwrap_or(PyValue::None);
    let edges: Vec<(i64, i64)> = puzzle["edges"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| Some((e.get(0)?.as_i64()?, e.get(1)?.as_i64()?)))
                .collect()
        })
        .unwrap_or_default();
    let mut colors = Vec::with_capacity(vertices.len());
    for &v in &vertices {
        match get_color(coloring, v) {
            Ok(Some(c)) => colors.push((v, c)),
            Ok(None) => return Verdict::Invalid,
            Err(()) => return Verdict::Raised,
        }
    }
    for (_, color) in &colors {
        match allowed.py_contains(color) {
            Some(true) => {}
            Some(false) => return Verdict::Invalid,
            None => return Verdict::Raised,
        }
    }
    let color_of: HashMap<i64, &PyValue> = colors.iter().map(|(v, c)| (*v, c)).collect();
    for (u, v) in edges {
        match (color_of.get(&u), color_of.get(&v)) {
            (Some(a), Some(b)) if a.py_eq(b) => return Verdict::Invalid,
            (Some(_), Some(_)) => {}
            _ => return Verdict::Invalid,
        }
    }
    Verdict::Valid
}

impl Dataset for GraphColor {
    /// Any proper colouring is right, so reasoning-gym gives no answer.
    fn answer_is_none(&self) -> bool {
        true
    }

    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let draw = |rng: &mut Random| rng.randint(self.min_num_vertices, self.max_num_vertices);
        let mut num_vertices = draw(&mut rng)?;
        let give_up = || {
            Err(DatasetError::Generation(
                "no graph could be colored with the given colors".into(),
            ))
        };
        if self.num_colors < 1 && self.min_num_vertices >= 1 {
            // No vertex can ever be colored: the reference loops forever.
            return give_up();
        }
        let mut draws: u64 = 0;
        let (n, edges, solution) = loop {
            let n = usize::try_from(num_vertices).unwrap_or(0);
            draws = draws.saturating_add((n as u64).saturating_mul(n.saturating_sub(1) as u64) / 2);
            if draws > MAX_EDGE_DRAWS {
                return give_up();
            }
            let edges = random_edges(&mut rng, n, self.edge_probability);
            let solution = greedy_coloring(n, &edges, self.num_colors);
            // An empty coloring counts as failure for the redraw but ends the loop.
            if solution.as_ref().is_none_or(Vec::is_empty) {
                num_vertices = draw(&mut rng)?;
            }
            if let Some(solution) = solution {
                break (n, edges, solution);
            }
        };
        let vertices: Vec<usize> = (0..n).collect();
        let color_options: Vec<i64> = (1..=self.num_colors).collect();
        let edges_str = edges
            .iter()
            .map(|(u, v)| format!("({u}, {v})"))
            .collect::<Vec<_>>()
            .join(", ");
        let list = |items: &[String]| format!("[{}]", items.join(", "));
        let question = format!(
            "Please provide a coloring for this graph such that every vertex is not connected to a vertex of the same color. The graph has these properties:

Vertices: {}
Edges: [{edges_str}]
Possible colors: {}

Return your solution as a JSON map of vertices to colors. (For example: {{\"0\": 1, \"1\": 2, \"2\": 3}}.)
",
            list(&vertices.iter().map(usize::to_string).collect::<Vec<_>>()),
            list(&color_options.iter().map(i64::to_string).collect::<Vec<_>>()),
        );
        let possible_answer: Map<String, Value> = solution
            .iter()
            .enumerate()
            .map(|(v, &c)| (v.to_string(), json!(c)))
            .collect();
        Ok(Item {
            question,
            // reasoning-gym gives no answer (None): any valid coloring is right.
            answer: String::new(),
            metadata: meta! {
                "possible_answer" => possible_answer,
                "puzzle" => json!({
                    "vertices": vertices,
                    "edges": edges.iter().map(|&(u, v)| [u, v]).collect::<Vec<_>>(),
                    "num_colors": self.num_colors,
                    "color_options": color_options,
                }),
                "num_vertices" => num_vertices,
                "difficulty" => json!({
                    "num_vertices": [self.min_num_vertices, self.max_num_vertices],
                    "num_colors": self.num_colors,
                }),
            },
        })
    }

    /// 1.0 for a valid coloring, 0.01 for JSON that is not one, 0.0 otherwise.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let Ok(coloring) = json_loads(answer) else {
            return 0.0;
        };
        let puzzle = item.metadata.get("puzzle").unwrap_or(&Value::Null);
        match verify(puzzle, &coloring) {
            Verdict::Valid => 1.0,
            Verdict::Invalid => 0.01,
            Verdict::Raised => 0.0,
        }
    }
}
