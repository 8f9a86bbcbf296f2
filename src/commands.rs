//! The dataset subcommands: `list`, `generate`, `score`.
//!
//! Contract (tools outside the project call these): results on stdout as JSON
//! Lines; any error is one line on stderr, a non-zero exit, and nothing on stdout.

use std::io::{self, BufRead, BufWriter, Write};

use clap::Args;
use dataset_core::Seeded;
use serde::Serialize;
use serde_json::{Map, Value};

#[derive(Args)]
pub struct ListArgs {
    /// Print a JSON array instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct DatasetArgs {
    /// Dataset name (see `rgym list`).
    dataset: String,
    /// Seed: any integer; item i is built from Random(seed + i).
    #[arg(long, allow_hyphen_values = true)]
    seed: String,
    /// Virtual size of the dataset.
    #[arg(long)]
    size: u64,
    /// The dataset's config as a JSON object (for composite: {"datasets": [{"name", "weight", "config"}]}).
    #[arg(long)]
    config: Option<String>,
}

#[derive(Args)]
pub struct GenerateArgs {
    #[command(flatten)]
    ds: DatasetArgs,
    /// First index.
    #[arg(long, default_value_t = 0)]
    start: u64,
    /// Number of items (default: size - start).
    #[arg(long)]
    count: Option<u64>,
}

#[derive(Args)]
pub struct ScoreArgs {
    #[command(flatten)]
    ds: DatasetArgs,
}

type CliResult = Result<(), String>;

pub fn list(args: &ListArgs) -> CliResult {
    let all = datasets::registry();
    let mut out = String::new();
    if args.json {
        let rows: Vec<Value> = all
            .iter()
            .map(|d| serde_json::json!({"name": d.name, "category": d.category, "description": d.description}))
            .collect();
        out = Value::Array(rows).to_string();
        out.push('\n');
    } else {
        let width = all.iter().map(|d| d.name.len()).max().unwrap_or(0);
        for d in all {
            out.push_str(&format!(
                "{:width$}  {:12}  {}\n",
                d.name, d.category, d.description
            ));
        }
    }
    io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| e.to_string())
}

fn open(args: &DatasetArgs) -> Result<Seeded, String> {
    let seed: i128 = args
        .seed
        .trim()
        .parse()
        .map_err(|_| format!("--seed must be an integer, got {:?}", args.seed))?;
    if args.size == 0 {
        return Err("--size must be positive".into());
    }
    let config: Map<String, Value> = match &args.config {
        None => Map::new(),
        Some(text) => match serde_json::from_str(text) {
            Ok(Value::Object(m)) => m,
            Ok(_) => return Err("--config must be a JSON object".into()),
            Err(e) => return Err(format!("--config is not valid JSON: {e}")),
        },
    };
    datasets::create_with(&args.dataset, &config, Some(seed), Some(args.size))
        .map_err(|e| e.to_string())
}

#[derive(Serialize)]
struct ItemRow<'a> {
    index: u64,
    question: &'a str,
    answer: &'a str,
    metadata: &'a Map<String, Value>,
}

pub fn generate(args: &GenerateArgs) -> CliResult {
    let ds = open(&args.ds)?;
    if args.start >= ds.size {
        return Err(format!(
            "--start {} is out of range for size {}",
            args.start, ds.size
        ));
    }
    let count = args.count.unwrap_or(ds.size - args.start);
    let end = args
        .start
        .checked_add(count)
        .filter(|&e| e <= ds.size)
        .ok_or_else(|| {
            format!(
                "--start {} + --count {count} exceeds size {}",
                args.start, ds.size
            )
        })?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    for index in args.start..end {
        let item = ds.get(index).map_err(|e| format!("item {index}: {e}"))?;
        let row = ItemRow {
            index,
            question: &item.question,
            answer: &item.answer,
            metadata: &item.metadata,
        };
        serde_json::to_writer(&mut out, &row).map_err(|e| e.to_string())?;
        out.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

#[derive(Serialize)]
struct ScoreRow {
    index: u64,
    score: f64,
}

pub fn score(args: &ScoreArgs) -> CliResult {
    let ds = open(&args.ds)?;
    // Output is held back until all input is scored, so that an error leaves
    // stdout empty as the contract says.
    let mut out = Vec::new();
    for (n, line) in io::stdin().lock().lines().enumerate() {
        let line = line.map_err(|e| format!("stdin: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let row: Value = serde_json::from_str(&line)
            .map_err(|e| format!("line {}: invalid JSON: {e}", n + 1))?;
        let index = row
            .get("index")
            .and_then(Value::as_u64)
            .ok_or_else(|| format!("line {}: \"index\" must be a non-negative integer", n + 1))?;
        let answer = match row.get("answer") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.as_str()),
            Some(_) => {
                return Err(format!(
                    "line {}: \"answer\" must be a string or null",
                    n + 1
                ))
            }
        };
        let item = ds.get(index).map_err(|e| format!("line {}: {e}", n + 1))?;
        let score = ds.score(answer, &item);
        serde_json::to_writer(&mut out, &ScoreRow { index, score }).map_err(|e| e.to_string())?;
        out.push(b'\n');
    }
    io::stdout().write_all(&out).map_err(|e| e.to_string())
}
