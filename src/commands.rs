//! The dataset subcommands: `list`, `describe`, `generate`, `score`.
//!
//! Contract (tools outside the project call these): results on stdout as JSON
//! Lines; any error is one line on stderr, a non-zero exit, and nothing on stdout.

use std::fs::File;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use clap::{Args, ValueEnum};
use dataset_core::config::{describe as describe_config, ConfigDoc};
use dataset_core::input::{self, IntError};
use dataset_core::{jsonl, DatasetInfo, Seed, Seeded};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use serde_json::{json, Map, Value};

mod golden {
    include!(concat!(env!("OUT_DIR"), "/golden.rs"));
}

/// How far a dataset is known to match reasoning-gym, from the golden files
/// present when this binary was built (see `build.rs`).
pub fn parity(name: &str) -> &'static str {
    if golden::GOLDEN.contains(&name) {
        "golden"
    } else if golden::GOLDEN_RGYM.contains(&name) {
        "native"
    } else {
        "unverified"
    }
}

fn parity_meaning(parity: &str) -> &'static str {
    match parity {
        "golden" => "matches reasoning-gym 0.1.25 item for item on tests/golden",
        "native" => "rgym-only dataset (no Python reference); output pinned by tests/golden-rgym",
        _ => "no golden file: not checked against reasoning-gym",
    }
}

#[derive(Args)]
pub struct ListArgs {
    /// Print a JSON array instead of a table.
    #[arg(long, conflicts_with = "markdown")]
    json: bool,
    /// Print a Markdown table (the README's dataset table).
    #[arg(long)]
    markdown: bool,
}

#[derive(Args)]
pub struct DescribeArgs {
    /// Dataset name (see `rgym list`).
    dataset: String,
    /// Print JSON instead of text.
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
    /// Virtual size of the dataset: 1 to 2^64 - 1.
    #[arg(long, allow_hyphen_values = true)]
    size: String,
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
    /// Write to FILE instead of stdout; it appears only once complete.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// jsonl: one item per line; json: one JSON array.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Jsonl,
    Json,
}

#[derive(Args)]
pub struct ScoreArgs {
    #[command(flatten)]
    ds: DatasetArgs,
}

type CliResult = Result<(), String>;

pub fn list(args: &ListArgs) -> CliResult {
    let all = datasets::registry();
    let out = if args.json {
        let rows: Vec<Value> = all
            .iter()
            .map(|d| json!({"name": d.name, "category": d.category, "parity": parity(d.name), "description": d.description}))
            .collect();
        Value::Array(rows).to_string() + "\n"
    } else if args.markdown {
        markdown_table(all)
    } else {
        text_table(all)
    };
    write_stdout(out.as_bytes())
}

fn text_table(all: &[DatasetInfo]) -> String {
    let header = ("NAME", "CATEGORY", "PARITY");
    let name_w = all
        .iter()
        .map(|d| d.name.len())
        .chain([header.0.len()])
        .max()
        .unwrap_or(0);
    let cat_w = all
        .iter()
        .map(|d| d.category.len())
        .chain([header.1.len()])
        .max()
        .unwrap_or(0);
    let par_w = all
        .iter()
        .map(|d| parity(d.name).len())
        .chain([header.2.len()])
        .max()
        .unwrap_or(0);
    let mut out = format!(
        "{:name_w$}  {:cat_w$}  {:par_w$}  DESCRIPTION\n",
        header.0, header.1, header.2
    );
    for d in all {
        out.push_str(&format!(
            "{:name_w$}  {:cat_w$}  {:par_w$}  {}\n",
            d.name,
            d.category,
            parity(d.name),
            d.description
        ));
    }
    out
}

/// The README's dataset table: one row per dataset, `|` escaped so that a
/// description cannot break the table.
pub fn markdown_table(all: &[DatasetInfo]) -> String {
    let mut out =
        String::from("| Dataset | Category | Parity | Description |\n|---|---|---|---|\n");
    for d in all {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            d.name,
            d.category,
            parity(d.name),
            d.description.replace('|', "\\|")
        ));
    }
    out
}

fn write_stdout(bytes: &[u8]) -> CliResult {
    io::stdout().write_all(bytes).map_err(|e| e.to_string())
}

pub fn describe(args: &DescribeArgs) -> CliResult {
    let info = datasets::info(&args.dataset).ok_or_else(|| {
        dataset_core::DatasetError::UnknownDataset(args.dataset.clone()).to_string()
    })?;
    let doc = describe_config(info);
    let out = if args.json {
        describe_json(info, &doc).to_string() + "\n"
    } else {
        describe_text(info, &doc)
    };
    write_stdout(out.as_bytes())
}

fn describe_json(info: &DatasetInfo, doc: &ConfigDoc) -> Value {
    let mut v = json!({
        "name": info.name,
        "category": info.category,
        "description": info.description,
        "parity": parity(info.name),
        "config_class": info.config_class,
        "fields": doc.fields_json(),
        "rules": doc.rules,
    });
    if let Some(e) = &doc.error {
        v["defaults_error"] = e.as_str().into();
    }
    v
}

fn describe_text(info: &DatasetInfo, doc: &ConfigDoc) -> String {
    let p = parity(info.name);
    let mut out = format!(
        "{} ({}): {}\nparity: {p} ({})\nconfig: {} (--config JSON, or dataset_config in reset)\n",
        info.name,
        info.category,
        info.description,
        parity_meaning(p),
        info.config_class
    );
    if info.name == "composite" {
        // Its one field is a list the recorder cannot see into.
        out.push_str(
            "note: datasets is a non-empty list of {\"name\", \"weight\" (default 1), \"config\" (default {})};\n      \
             sub-dataset i gets seed + i + 1 and the composite's size unless its config sets them\n",
        );
    } else if let Some(e) = &doc.error {
        out.push_str(&format!(
            "note: the defaults alone do not build ({e}), so what follows may be incomplete\n"
        ));
    }
    out.push_str("\nfields:\n");
    if doc.fields.is_empty() {
        out.push_str("  (none)\n");
    }
    let name_w = doc.fields.iter().map(|f| f.name.len()).max().unwrap_or(0);
    let ty_w = doc.fields.iter().map(|f| f.ty.len()).max().unwrap_or(0);
    for f in &doc.fields {
        let default = match &f.default {
            Some(d) => format!("default {d}"),
            None => "default set by the dataset".into(),
        };
        out.push_str(&format!(
            "  {:name_w$}  {:ty_w$}  {default}\n",
            f.name, f.ty
        ));
    }
    out.push_str(
        "  (seed and size are given apart: --seed/--size, or seed=/size= in reset; seed: any integer; size: 1 to 2^64 - 1)\n",
    );
    out.push_str("\nrules:\n");
    if doc.rules.is_empty() {
        out.push_str("  (none)\n");
    }
    for r in &doc.rules {
        out.push_str(&format!("  - {r}\n"));
    }
    out
}

fn open(args: &DatasetArgs) -> Result<Seeded, String> {
    let seed = input::int_text(&args.seed).map_err(|e| match e {
        IntError::NotAnInt => format!(
            "--seed must be an integer, got {:?}",
            input::echo(&args.seed)
        ),
        e => format!("--seed: {e}"),
    })?;
    let size = match input::int_text(&args.size).map(|n| n.as_i128()) {
        Ok(Some(n)) if n > 0 && n <= i128::from(u64::MAX) => n as u64,
        _ => return Err(format!("--{}", input::SIZE_RULE)),
    };
    let config: Map<String, Value> = match &args.config {
        None => Map::new(),
        Some(text) => match input::parse_json(text) {
            Ok(Value::Object(m)) => m,
            Ok(_) => return Err("--config must be a JSON object".into()),
            Err(e) => return Err(format!("--config is not valid JSON: {e}")),
        },
    };
    datasets::create_with(&args.dataset, &config, Some(seed), Some(size)).map_err(|e| e.to_string())
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
    let bar = progress_bar(args.output.is_some(), end - args.start);
    let result = match &args.output {
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
            write_items(&ds, args.start..end, args.format, &mut out, &bar)
        }
        Some(path) => write_file(path, |out| {
            write_items(&ds, args.start..end, args.format, out, &bar)
        }),
    };
    bar.finish_and_clear();
    result
}

/// Drawn on stderr only when a person watches it and the items do not go to
/// that same terminal; otherwise hidden, so scripts see no stray output.
fn progress_bar(to_file: bool, len: u64) -> ProgressBar {
    let watched = io::stderr().is_terminal() && (to_file || !io::stdout().is_terminal());
    if !watched {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{elapsed_precise} [{wide_bar}] {human_pos}/{human_len} items, eta {eta}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Writes through a sibling temporary file renamed into place at the end, so
/// that a failed export never leaves a truncated FILE behind.
fn write_file(path: &Path, fill: impl FnOnce(&mut BufWriter<File>) -> CliResult) -> CliResult {
    let name = path
        .file_name()
        .ok_or_else(|| format!("--output {}: not a file name", path.display()))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".rgym-{}.tmp", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let file = File::create(&tmp).map_err(|e| format!("--output {}: {e}", path.display()))?;
    let mut out = BufWriter::with_capacity(1 << 16, file);
    let result = fill(&mut out).and_then(|()| {
        let file = out.into_inner().map_err(|e| e.error().to_string())?;
        file.sync_all().map_err(|e| e.to_string())?;
        std::fs::rename(&tmp, path).map_err(|e| format!("--output {}: {e}", path.display()))
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Items per unit of work handed to a rendering thread: enough to amortise
/// the hand-off, small enough that the writer is never far behind.
const CHUNK: u64 = 1024;

/// Rendered chunks a worker may have waiting for the writer.
const AHEAD: usize = 4;

/// Items seeded ahead at a time (see `render_items`): a multiple of the lane
/// count whose states (2.5 KiB each) stay in cache until their items use them.
const PREFETCH: u64 = 32;

fn write_items(
    ds: &Seeded,
    range: std::ops::Range<u64>,
    format: Format,
    out: &mut impl Write,
    bar: &ProgressBar,
) -> CliResult {
    let io = |e: io::Error| e.to_string();
    let json = format == Format::Json;
    if json {
        out.write_all(b"[").map_err(io)?;
    }
    let first = range.start;
    let chunks = (range.end - range.start).div_ceil(CHUNK);
    let chunk = |k: u64| {
        let start = first + k * CHUNK;
        start..range.end.min(start + CHUNK)
    };
    // Items are independent (each is Random(seed + index)), so every core
    // renders chunks (worker w takes chunks w, w + workers, ...) while this
    // thread writes them back in order as they arrive; rendered buffers go
    // back to their worker for reuse.
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get() as u64)
        .clamp(1, chunks.max(1));
    std::thread::scope(|scope| {
        let lanes: Vec<_> = (0..workers)
            .map(|w| {
                let (done_tx, done_rx) = mpsc::sync_channel::<Result<Vec<u8>, String>>(AHEAD);
                let (free_tx, free_rx) = mpsc::channel::<Vec<u8>>();
                let handle = scope.spawn(move || {
                    let mut seeder = Seeder::new(ds);
                    for k in (w..chunks).step_by(workers as usize) {
                        let mut buf = free_rx.try_recv().unwrap_or_default();
                        buf.clear();
                        let rendered =
                            render_items(ds, chunk(k), first, json, &mut buf, &mut seeder)
                                .map(|()| buf);
                        let failed = rendered.is_err();
                        // A closed channel means the writer stopped: so do we.
                        if done_tx.send(rendered).is_err() || failed {
                            break;
                        }
                    }
                });
                (handle, done_rx, free_tx)
            })
            .collect();
        let mut result = Ok(());
        for k in 0..chunks {
            let (_, done, free) = &lanes[(k % workers) as usize];
            let buf = match done.recv() {
                Ok(Ok(buf)) => buf,
                Ok(Err(e)) => {
                    result = Err(e);
                    break;
                }
                Err(_) => {
                    result = Err("a generator panicked".to_string());
                    break;
                }
            };
            if let Err(e) = out.write_all(&buf) {
                result = Err(io(e));
                break;
            }
            bar.inc(chunk(k).end - chunk(k).start);
            let _ = free.send(buf);
        }
        // Close the channels before joining: a worker blocked on a full one
        // (after an error or a failed write) then stops instead of hanging.
        let (handles, channels): (Vec<_>, Vec<_>) = lanes
            .into_iter()
            .map(|(handle, done, free)| (handle, (done, free)))
            .unzip();
        drop(channels);
        for handle in handles {
            if handle.join().is_err() && result.is_ok() {
                result = Err("a generator panicked".to_string());
            }
        }
        result
    })?;
    if json {
        out.write_all(b"\n]\n").map_err(io)?;
    }
    out.flush().map_err(io)
}

/// Seeds items ahead with `pyrandom::prefetch`, which seeds many `Random`s at
/// once several times faster than one by one; the generators' own `item_rng`
/// calls then find their state ready. Turns itself off for a dataset whose
/// items do not seed from `seed + index` (a round without a hit).
struct Seeder {
    seed: Seed,
    on: bool,
    rounds: u64,
}

impl Seeder {
    fn new(ds: &Seeded) -> Self {
        Seeder {
            seed: ds.seed.clone(),
            on: true,
            rounds: 0,
        }
    }

    /// Seeds items `start..start + n`, about to be generated on this thread.
    fn round(&mut self, start: u64, n: u64) {
        if !self.on {
            return;
        }
        if self.rounds > 0 && pyrandom::prefetch_hits() == 0 {
            self.on = false;
            pyrandom::clear_prefetch();
            return;
        }
        self.rounds += 1;
        pyrandom::prefetch(&self.seed, start, n as usize);
    }
}

/// Appends the JSON Lines (or JSON array elements) of the items in `range` to `buf`.
fn render_items(
    ds: &Seeded,
    range: std::ops::Range<u64>,
    first: u64,
    json: bool,
    buf: &mut Vec<u8>,
    seeder: &mut Seeder,
) -> Result<(), String> {
    // One item overwritten row after row: datasets that implement
    // `generate_into` then allocate nothing per row.
    let mut item = dataset_core::Item::default();
    let mut start = range.start;
    while start < range.end {
        let stop = range.end.min(start + PREFETCH);
        seeder.round(start, stop - start);
        for index in start..stop {
            ds.get_into(index, &mut item)
                .map_err(|e| format!("item {index}: {e}"))?;
            if json {
                buf.extend_from_slice(if index == first { b"\n" } else { b",\n" });
            }
            // The bytes serde_json writes for {index, question, answer, metadata}.
            jsonl::write_item_row(buf, index, &item.question, ds.answer(&item), &item.metadata);
            if !json {
                buf.push(b'\n');
            }
        }
        start = stop;
    }
    Ok(())
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
        // Lone surrogates (`"\ud800"`) are read as Python's json reads them.
        let row: Value =
            input::parse_json(&line).map_err(|e| format!("line {}: invalid JSON: {e}", n + 1))?;
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
