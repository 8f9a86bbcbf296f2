//! The export engine: items `start..end` of a dataset as JSON Lines (or one
//! JSON array), rendered on every core and written in index order, so the
//! output is byte-identical to a serial run.
//!
//! `rgym generate` writes through it, the criterion benches measure its row
//! path ([`Renderer`]), and a batch API can reuse it; none of them copies it.
//!
//! How it is fast: items are independent (each is `Random(seed + index)`), so
//! worker `w` renders chunks `w, w + workers, ...` of [`CHUNK`] items while
//! the calling thread writes the chunks back in order as they arrive;
//! rendered buffers go back to their worker for reuse. Each worker seeds its
//! items' generators ahead in lanes ([`pyrandom::prefetch`]) and writes every
//! row over one reused [`Item`] (`Dataset::generate_into`), with serde_json's
//! exact bytes ([`crate::jsonl::write_item_row`]).

use std::io::{self, Write};
use std::ops::Range;
use std::sync::mpsc;

use crate::{jsonl, DatasetError, Item, Seed, Seeded};

/// Items per unit of work handed to a rendering thread: enough to amortise
/// the hand-off, small enough that the writer is never far behind.
pub const CHUNK: u64 = 1024;

/// Rendered chunks a worker may have waiting for the writer.
const AHEAD: usize = 4;

/// Items seeded ahead at a time: a multiple of the lane count whose states
/// (2.5 KiB each) stay in cache until their items use them.
pub const PREFETCH: u64 = 32;

/// How the rows are framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One `{"index", "question", "answer", "metadata"}` object per line.
    JsonLines,
    /// The same objects as the elements of one JSON array.
    JsonArray,
}

/// One scored answer, as `rgym score` writes it and `POST /v1/score`
/// returns it.
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct ScoreRow {
    pub index: u64,
    pub score: f64,
    /// Only when an answer format was chosen: the text that was scored
    /// (`null`: the format found none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extracted_answer: Option<Option<String>>,
}

/// Why an export stopped.
#[derive(Debug)]
pub enum ExportError {
    /// Generating item `index` failed (as the reference would raise).
    Item { index: u64, error: DatasetError },
    /// Writing the output failed.
    Io(io::Error),
    /// A generator panicked: a bug.
    Panicked,
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Item { index, error } => write!(f, "item {index}: {error}"),
            ExportError::Io(e) => write!(f, "{e}"),
            ExportError::Panicked => f.write_str("a generator panicked"),
        }
    }
}

impl std::error::Error for ExportError {}

/// Writes items `range` of `ds` to `out` in `format`, calling `progress` with
/// the number of items written after each chunk. Uses every core.
pub fn write_items(
    ds: &Seeded,
    range: Range<u64>,
    format: Format,
    out: &mut impl Write,
    mut progress: impl FnMut(u64),
) -> Result<(), ExportError> {
    let io = ExportError::Io;
    let array = format == Format::JsonArray;
    if array {
        out.write_all(b"[").map_err(io)?;
    }
    let first = range.start;
    let chunks = (range.end - range.start).div_ceil(CHUNK);
    let chunk = |k: u64| {
        let start = first + k * CHUNK;
        start..range.end.min(start + CHUNK)
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get() as u64)
        .clamp(1, chunks.max(1));
    std::thread::scope(|scope| {
        let lanes: Vec<_> = (0..workers)
            .map(|w| {
                let (done_tx, done_rx) = mpsc::sync_channel::<Result<Vec<u8>, ExportError>>(AHEAD);
                let (free_tx, free_rx) = mpsc::channel::<Vec<u8>>();
                let handle = scope.spawn(move || {
                    let mut renderer = Renderer::new(ds, format, first);
                    for k in (w..chunks).step_by(workers as usize) {
                        let mut buf = free_rx.try_recv().unwrap_or_default();
                        buf.clear();
                        let rendered = renderer.render(chunk(k), &mut buf).map(|()| buf);
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
                    result = Err(ExportError::Panicked);
                    break;
                }
            };
            if let Err(e) = out.write_all(&buf) {
                result = Err(io(e));
                break;
            }
            progress(chunk(k).end - chunk(k).start);
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
                result = Err(ExportError::Panicked);
            }
        }
        result
    })?;
    if array {
        out.write_all(b"\n]\n").map_err(io)?;
    }
    out.flush().map_err(io)
}

/// Renders rows on one thread: seeds ahead, generates over one reused item,
/// appends each row's bytes. What every worker of [`write_items`] runs, and
/// what a benchmark of the row path measures.
pub struct Renderer<'a> {
    ds: &'a Seeded,
    format: Format,
    /// The export's first index: its row opens the array without a comma.
    first: u64,
    seeder: Seeder,
    item: Item,
}

impl<'a> Renderer<'a> {
    pub fn new(ds: &'a Seeded, format: Format, first: u64) -> Renderer<'a> {
        Renderer {
            ds,
            format,
            first,
            seeder: Seeder::new(&ds.seed),
            // One item overwritten row after row: datasets that implement
            // `generate_into` then allocate nothing per row.
            item: Item::default(),
        }
    }

    /// Appends the rows of the items in `range` to `buf`.
    pub fn render(&mut self, range: Range<u64>, buf: &mut Vec<u8>) -> Result<(), ExportError> {
        let array = self.format == Format::JsonArray;
        let mut start = range.start;
        while start < range.end {
            let stop = range.end.min(start + PREFETCH);
            self.seeder.round(start, stop - start);
            for index in start..stop {
                self.ds
                    .get_into(index, &mut self.item)
                    .map_err(|error| ExportError::Item { index, error })?;
                let item = &self.item;
                if array {
                    buf.extend_from_slice(if index == self.first { b"\n" } else { b",\n" });
                }
                jsonl::write_item_row(
                    buf,
                    index,
                    &item.question,
                    self.ds.answer(item),
                    &item.metadata,
                );
                if !array {
                    buf.push(b'\n');
                }
            }
            start = stop;
        }
        Ok(())
    }
}

impl Drop for Renderer<'_> {
    fn drop(&mut self) {
        // States seeded ahead but never used must not outlive the export on
        // this thread (a later caller with another seed would not find them,
        // but they hold memory).
        pyrandom::clear_prefetch();
    }
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
    fn new(seed: &Seed) -> Self {
        Seeder {
            seed: seed.clone(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Params, Result};
    use std::sync::Arc;

    /// Items from `Random(seed + idx)`, as every dataset draws them; item
    /// `fail_at` fails as a generator would.
    struct Draws {
        seed: Seed,
        fail_at: Option<u64>,
    }

    /// The registry entry `Seeded` keeps beside `Draws` (its name heads
    /// every item's metadata); the tests build `Draws` themselves.
    const INFO: DatasetInfo = DatasetInfo {
        name: "draws",
        category: "test",
        description: "Random draws",
        config_class: "DrawsConfig",
        build,
    };

    fn build(r: ConfigReader, p: Params) -> Result<Built> {
        r.finish()?.done(Draws {
            seed: p.seed,
            fail_at: None,
        })
    }

    impl Dataset for Draws {
        fn generate(&self, idx: u64) -> Result<Item> {
            if Some(idx) == self.fail_at {
                return Err(DatasetError::Generation("no item here".into()));
            }
            let mut rng = item_rng(&self.seed, idx);
            let n = rng.randint(1, 1_000_000)?;
            Ok(Item {
                question: format!("What is {n} \"doubled\"?"),
                answer: (2 * n).to_string(),
                metadata: meta! {"n" => n},
            })
        }
    }

    fn seeded(fail_at: Option<u64>) -> Seeded {
        let seed = Seed::from(42);
        Seeded {
            info: &INFO,
            dataset: Arc::new(Draws {
                seed: seed.clone(),
                fail_at,
            }),
            seed,
            size: 1 << 20,
        }
    }

    /// The parallel engine writes exactly what a serial loop over `get`
    /// writes, in both formats, across chunk boundaries and from any start.
    #[test]
    fn parallel_output_equals_a_serial_loop() {
        let ds = seeded(None);
        for (range, format) in [
            (0..1, Format::JsonLines),
            (5..CHUNK * 2 + 7, Format::JsonLines),
            (3..CHUNK + 40, Format::JsonArray),
        ] {
            let mut out = Vec::new();
            let mut counted = 0;
            write_items(&ds, range.clone(), format, &mut out, |n| counted += n).expect("export");
            assert_eq!(counted, range.end - range.start);
            let array = format == Format::JsonArray;
            let mut want = Vec::new();
            if array {
                want.push(b'[');
            }
            for index in range.clone() {
                let item = ds.get(index).expect("item");
                if array {
                    want.extend_from_slice(if index == range.start { b"\n" } else { b",\n" });
                }
                let row = serde_json::to_vec(&item.to_json(index)).expect("json");
                want.extend_from_slice(&row);
                if !array {
                    want.push(b'\n');
                }
            }
            if array {
                want.extend_from_slice(b"\n]\n");
            }
            assert_eq!(
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&want)
            );
        }
    }

    #[test]
    fn an_item_error_names_its_index_and_stops_the_export() {
        let ds = seeded(Some(1500));
        let mut out = Vec::new();
        let err = write_items(&ds, 0..4000, Format::JsonLines, &mut out, |_| {})
            .expect_err("item 1500 fails");
        assert!(
            matches!(err, ExportError::Item { index: 1500, .. }),
            "{err}"
        );
        assert_eq!(err.to_string(), "item 1500: no item here");
        // What was written is whole rows, in order, all before the failure.
        let text = String::from_utf8_lossy(&out);
        assert!(text.lines().count() <= 1500);
        for (i, line) in text.lines().enumerate() {
            assert!(line.starts_with(&format!("{{\"index\":{i},")), "{line}");
        }
    }
}
