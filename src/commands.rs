//! The dataset subcommands: `list`, `describe`, `generate`, `score`.
//!
//! Contract (tools outside the project call these): results on stdout as JSON
//! Lines; any error is one line on stderr, a non-zero exit, and nothing on stdout.

use std::fs::File;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use dataset_core::config::{describe as describe_config, describe_json, ConfigDoc};
use dataset_core::curriculum::{Curriculum, Kind};
use dataset_core::input::{self, IntError};
use dataset_core::{export, DatasetInfo, Item, Seeded};
use extract::AnswerFormat;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{json, Map, Value};

mod golden {
    include!(concat!(env!("OUT_DIR"), "/golden.rs"));
}

/// How far a dataset is known to match reasoning-gym, from the golden files
/// present when this binary was built (see `build.rs`).
pub fn parity(name: &str) -> &'static str {
    if datasets::python_provided(name) {
        "provider"
    } else if golden::SEMANTIC.contains(&name) {
        "semantic"
    } else if golden::GOLDEN.contains(&name) {
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
        "semantic" => {
            "reasoning-gym 0.1.25 is not deterministic here (Python's hash seed); rgym fixes \
             its own order, matches every stable part and scores like it on tests/golden"
        }
        "native" => "rgym-only dataset (no Python reference); output pinned by tests/golden-rgym",
        "provider" => {
            "made by reasoning-gym 0.1.25 itself, in rgym's Python provider (off unless \
             python_provider is set), its global RNGs seeded per item; scored natively"
        }
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
    /// Score what this format extracts from each answer, and write it as
    /// `extracted_answer` beside the score: raw (the answer as given),
    /// answer_tag (reasoning-gym's extract_answer: the last <answer>…</answer>,
    /// stripped; none is None), boxed (the last \boxed{…}), auto (answer_tag,
    /// else boxed, else the stripped text). Without it, answers are scored as given.
    #[arg(long, value_name = "FORMAT", value_parser = parse_answer_format)]
    answer_format: Option<AnswerFormat>,
    /// JSON Lines of {"index", "answer"} to score; standard input when absent
    /// or "-".
    answers: Option<PathBuf>,
    /// Score every good line and report each bad one on stderr with its line
    /// number (exit status 1 if there was one), instead of stopping at the
    /// first bad line with nothing on stdout.
    #[arg(long)]
    keep_going: bool,
}

fn parse_answer_format(s: &str) -> Result<AnswerFormat, String> {
    s.parse().map_err(|e: extract::UnknownFormat| e.to_string())
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

pub fn write_stdout(bytes: &[u8]) -> CliResult {
    io::stdout().write_all(bytes).map_err(|e| e.to_string())
}

pub fn describe(args: &DescribeArgs) -> CliResult {
    let info = datasets::info(&args.dataset).ok_or_else(|| unknown_dataset(&args.dataset))?;
    let doc = describe_config(info);
    let curriculum = datasets::curriculum(info.name);
    let sample = sample_item(info);
    let out = if args.json {
        let mut json = describe_json(info, &doc, Some(parity(info.name)), false);
        if let Some(m) = json.as_object_mut() {
            if let Some(c) = curriculum {
                m.insert("curriculum".into(), c.to_json());
            }
            m.insert("sample".into(), sample.to_json());
        }
        json.to_string() + "\n"
    } else {
        let mut text = describe_text(info, &doc);
        if let Some(c) = curriculum {
            text.push_str(&describe_curriculum(c));
        }
        text.push_str(&sample.to_text());
        text
    };
    write_stdout(out.as_bytes())
}

/// The seed and index of `describe`'s sample item.
const SAMPLE_SEED: u8 = 42;

/// `describe`'s sample: item 0 of the default config at seed 42, and what
/// the scorer gives its own answer, or why there is none.
enum Sample {
    Item { item: Item, score: f64 },
    Unavailable(String),
}

fn sample_item(info: &DatasetInfo) -> Sample {
    if info.name == "composite" {
        return Sample::Unavailable(
            "composite has no default config: it mixes the datasets it is given".into(),
        );
    }
    let built = datasets::create_with(
        info.name,
        &Map::new(),
        Some(dataset_core::Seed::from(SAMPLE_SEED)),
        Some(1),
    );
    let ds = match built {
        Ok(ds) => ds,
        Err(e) => return Sample::Unavailable(e.to_string()),
    };
    match ds.get(0) {
        Ok(item) => {
            let answer = (!item.answer.is_empty()).then_some(item.answer.as_str());
            let score = ds.score(answer, &item);
            Sample::Item { item, score }
        }
        Err(e) => Sample::Unavailable(e.to_string()),
    }
}

impl Sample {
    fn to_json(&self) -> Value {
        match self {
            Sample::Item { item, score } => json!({
                "seed": SAMPLE_SEED,
                "index": 0,
                "question": item.question,
                "answer": item.answer,
                "score_of_answer": score,
            }),
            Sample::Unavailable(why) => json!({ "unavailable": why }),
        }
    }

    fn to_text(&self) -> String {
        let indent = |text: &str| {
            text.lines()
                .map(|l| format!("  | {l}\n"))
                .collect::<String>()
        };
        match self {
            Sample::Item { item, score } => {
                let mut out = format!(
                    "\nsample (default config, seed {SAMPLE_SEED}, index 0):\n  question:\n{}",
                    indent(&item.question)
                );
                if item.answer.is_empty() {
                    out.push_str(
                        "  answer: none in the reference: the scorer checks the answer given \
                         (a plan, a solution) against the puzzle itself\n",
                    );
                } else {
                    out.push_str(&format!("  answer:\n{}", indent(&item.answer)));
                    out.push_str(&format!(
                        "  the scorer gives this answer {score} (send the answer text alone; \
                         `answer_format` in reset or `rgym score --answer-format` extract it \
                         from a completion)\n"
                    ));
                }
                out
            }
            Sample::Unavailable(why) => format!("\nsample: unavailable here ({why})\n"),
        }
    }
}

/// A curriculum's attributes and levels, after the rules.
fn describe_curriculum(c: &Curriculum) -> String {
    let mut out = format!(
        "\ncurriculum: {} (reasoning-gym's; in reset: curriculum={{\"level\": k}} or {{\"levels\": {{attribute: k}}}})\n",
        c.name
    );
    for a in &c.attributes {
        let fields = match &a.kind {
            Kind::Scalar { field } => format!("{field} = levels[k]"),
            Kind::Range {
                lower_field,
                upper_field,
                ensure_interval,
            } => {
                let upto = if *ensure_interval {
                    "levels[k + 1] (capped)"
                } else {
                    "levels[k]"
                };
                format!("{lower_field}..{upper_field} = levels[0]..{upto}")
            }
        };
        out.push_str(&format!("  {}: {fields}", a.name));
        if let Some(d) = &a.description {
            out.push_str(&format!(" ({d})"));
        }
        let levels: Vec<String> = a.levels.iter().map(Value::to_string).collect();
        out.push_str(&format!(
            "\n    {} levels: {}\n",
            levels.len(),
            levels.join(", ")
        ));
    }
    out
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
    datasets::create_with(&args.dataset, &config, Some(seed), Some(size)).map_err(|e| match e {
        dataset_core::DatasetError::UnknownDataset(name) => unknown_dataset(&name),
        e => e.to_string(),
    })
}

/// "Dataset 'x' not registered", with the nearest registered names.
fn unknown_dataset(name: &str) -> String {
    if datasets::suggest(name).is_empty() {
        format!(
            "{} (`rgym list` shows the datasets)",
            datasets::not_registered(name)
        )
    } else {
        datasets::not_registered(name)
    }
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

/// The rows through the library's export engine, counted on the bar.
fn write_items(
    ds: &Seeded,
    range: std::ops::Range<u64>,
    format: Format,
    out: &mut impl Write,
    bar: &ProgressBar,
) -> CliResult {
    let format = match format {
        Format::Jsonl => export::Format::JsonLines,
        Format::Json => export::Format::JsonArray,
    };
    export::write_items(ds, range, format, out, |n| bar.inc(n)).map_err(|e| e.to_string())
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

pub fn score(args: &ScoreArgs) -> CliResult {
    let ds = open(&args.ds)?;
    let input: Box<dyn BufRead> = match &args.answers {
        Some(path) if path.as_os_str() != "-" => Box::new(io::BufReader::new(
            File::open(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        _ => Box::new(io::stdin().lock()),
    };
    // Output is held back until all input is scored, so that an error leaves
    // stdout empty as the contract says (unless --keep-going).
    let mut out = Vec::new();
    // Answers come grouped by item: keep the last one made, as some items
    // take a while to generate (search-built puzzles).
    let mut last: Option<(u64, Item)> = None;
    let mut bad = 0usize;
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| format!("reading answers: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        match score_line(&ds, args.answer_format, &line, &mut last) {
            Ok(row) => {
                serde_json::to_writer(&mut out, &row).map_err(|e| e.to_string())?;
                out.push(b'\n');
            }
            Err(e) if args.keep_going => {
                eprintln!("rgym: line {}: {e}", n + 1);
                bad += 1;
            }
            Err(e) => return Err(format!("line {}: {e}", n + 1)),
        }
    }
    io::stdout().write_all(&out).map_err(|e| e.to_string())?;
    match bad {
        0 => Ok(()),
        1 => Err("1 line could not be scored".into()),
        n => Err(format!("{n} lines could not be scored")),
    }
}

/// One `{"index", "answer"}` line scored. A JSON number as the answer is
/// scored as its JSON text (`42`, `-0.5`, `1e3` as written), since models'
/// answers often arrive as numbers once parsed.
fn score_line(
    ds: &Seeded,
    format: Option<AnswerFormat>,
    line: &str,
    last: &mut Option<(u64, Item)>,
) -> Result<export::ScoreRow, String> {
    // Lone surrogates (`"\ud800"`) are read as Python's json reads them.
    let row: Value = input::parse_json(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let index = row
        .get("index")
        .and_then(Value::as_u64)
        .ok_or("\"index\" must be a non-negative integer")?;
    let number;
    let answer = match row.get("answer") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.as_str()),
        Some(Value::Number(n)) => {
            number = n.to_string();
            Some(number.as_str())
        }
        Some(_) => return Err("\"answer\" must be a string, a number or null".into()),
    };
    let item = match last.take() {
        Some((i, item)) if i == index => item,
        _ => ds.get(index).map_err(|e| e.to_string())?,
    };
    let (answer, extracted_answer) = match format {
        None => (answer, None),
        Some(format) => {
            let found = answer.and_then(|a| format.extract(a));
            (found, Some(found.map(str::to_owned)))
        }
    };
    let score = ds.score(answer, &item);
    *last = Some((index, item));
    Ok(export::ScoreRow {
        index,
        score,
        extracted_answer,
    })
}
