//! The export engine: items `start..end` of a dataset as JSON Lines (or one
//! JSON array), rendered on every core and written in index order, so the
//! output is byte-identical to a serial run.
//!
//! `rgym generate` writes through it, the criterion benches measure its row
//! path ([`Renderer`]), and a batch API can reuse it; none of them copies it.
//!
//! How it is fast: items are independent (each is `Random(seed + index)`), so
//! the workers claim chunks of consecutive items in turn while the calling
//! thread writes the chunks back in index order; rendered buffers go back to
//! a shared pool for reuse. Chunks are claimed as OpenMP's `guided` schedule
//! hands them out (a share of what is left, between [`MIN_CHUNK`] and
//! [`CHUNK`] items), so the workers finish together even where items cost
//! very different amounts (rearc's vary tenfold): a fixed split of
//! 1,024-item chunks left one core idle for up to a chunk at the end. Each worker seeds its
//! items' generators ahead in lanes ([`pyrandom::prefetch`]) and writes every
//! row over one reused [`Item`] (`Dataset::generate_into`), with serde_json's
//! exact bytes ([`crate::jsonl::write_item_row`]).

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;
use std::sync::{mpsc, Mutex};

use crate::{jsonl, DatasetError, Item, Seed, Seeded};

/// Items per unit of work handed to a rendering thread: enough to amortise
/// the hand-off, small enough that the writer is never far behind.
pub const CHUNK: u64 = 1024;

/// The smallest chunk a worker claims: the end of an export, where a
/// smaller chunk would cost more in hand-offs than it saves in waiting.
pub const MIN_CHUNK: u64 = PREFETCH;

/// Buffers per worker: chunks claimed, rendered or waiting for the writer.
/// They bound what the writer holds while an earlier chunk is still being
/// rendered.
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
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get() as u64)
        .clamp(1, (range.end - range.start).div_ceil(MIN_CHUNK).max(1));
    let claims = Mutex::new(Claims {
        next: range.start,
        end: range.end,
        workers,
    });
    // The buffer pool: a worker takes a buffer before it claims a chunk and
    // the writer puts it back once written, so at most `workers * AHEAD`
    // chunks are out at once. The earliest unwritten chunk is always among
    // them (chunks are claimed in order), so the writer never waits on a
    // chunk nobody renders.
    let (free_tx, free_rx) = mpsc::channel::<Vec<u8>>();
    for _ in 0..workers as usize * AHEAD {
        let _ = free_tx.send(Vec::new());
    }
    let free_rx = Mutex::new(free_rx);
    let (done_tx, done_rx) = mpsc::channel::<(Range<u64>, Result<Vec<u8>, ExportError>)>();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let done_tx = done_tx.clone();
                let (claims, free_rx) = (&claims, &free_rx);
                scope.spawn(move || {
                    let mut renderer = Renderer::new(ds, format, first);
                    loop {
                        // A closed pool or channel means the writer stopped:
                        // so do we. (The pool's lock is let go before
                        // rendering: bound here, not in a `while let`.)
                        let taken = lock(free_rx).recv();
                        let Ok(mut buf) = taken else {
                            break;
                        };
                        let Some(chunk) = lock(claims).claim() else {
                            break;
                        };
                        buf.clear();
                        // A panic is reported at its chunk, in order, like an
                        // item's error; the worker stops there.
                        let rendered =
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                renderer.render(chunk.clone(), &mut buf)
                            }))
                            .unwrap_or(Err(ExportError::Panicked))
                            .map(|()| buf);
                        let failed = rendered.is_err();
                        if done_tx.send((chunk, rendered)).is_err() || failed {
                            break;
                        }
                    }
                })
            })
            .collect();
        drop(done_tx);
        // Chunks that arrived before an earlier one, by first index: at most
        // the pool's size.
        let mut early = BTreeMap::new();
        let mut next = range.start;
        let mut result = Ok(());
        'write: while next < range.end {
            let (chunk, rendered) = match early.remove(&next) {
                Some(ready) => ready,
                None => match done_rx.recv() {
                    Ok((chunk, rendered)) if chunk.start != next => {
                        early.insert(chunk.start, (chunk, rendered));
                        continue;
                    }
                    Ok(ready) => ready,
                    Err(_) => {
                        result = Err(ExportError::Panicked);
                        break 'write;
                    }
                },
            };
            let buf = match rendered {
                Ok(buf) => buf,
                Err(e) => {
                    result = Err(e);
                    break;
                }
            };
            if let Err(e) = out.write_all(&buf) {
                result = Err(io(e));
                break;
            }
            progress(chunk.end - chunk.start);
            next = chunk.end;
            let _ = free_tx.send(buf);
        }
        // Close the pool and the channel before joining: a worker waiting for
        // a buffer, or with a chunk to hand in after an error, then stops
        // instead of hanging.
        drop((free_tx, done_rx, early));
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

/// The chunks of an export, claimed in index order: a share of what is
/// left (half of it split among the workers), clamped to
/// [`MIN_CHUNK`]..=[`CHUNK`] items.
struct Claims {
    next: u64,
    end: u64,
    workers: u64,
}

impl Claims {
    fn claim(&mut self) -> Option<Range<u64>> {
        let left = self.end - self.next;
        if left == 0 {
            return None;
        }
        let n = (left / (2 * self.workers))
            .clamp(MIN_CHUNK, CHUNK)
            .min(left);
        let chunk = self.next..self.next + n;
        self.next = chunk.end;
        Some(chunk)
    }
}

/// A lock held only for a claim or a take from the pool, neither of which
/// panics: a poisoned one is still consistent.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
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

    /// Guided claims cover the range once, in order, each chunk within
    /// `MIN_CHUNK..=CHUNK` but the last, and shrink towards the end.
    #[test]
    fn claims_cover_the_range_in_shrinking_chunks() {
        for (start, end, workers) in [
            (0, 10_000, 2),
            (7, 7 + CHUNK * 9 + 5, 4),
            (3, 20, 8),
            (0, 1, 1),
        ] {
            let mut claims = Claims {
                next: start,
                end,
                workers,
            };
            let mut next = start;
            let mut sizes = Vec::new();
            while let Some(chunk) = claims.claim() {
                assert_eq!(chunk.start, next);
                next = chunk.end;
                sizes.push(chunk.end - chunk.start);
            }
            assert_eq!(next, end);
            let last = sizes.pop().expect("a chunk");
            assert!(last <= CHUNK);
            assert!(
                sizes.iter().all(|&n| (MIN_CHUNK..=CHUNK).contains(&n)),
                "{sizes:?}"
            );
            assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
        }
        let mut claims = Claims {
            next: 0,
            end: 10_000,
            workers: 2,
        };
        assert_eq!(claims.claim(), Some(0..CHUNK));
    }

    /// A panicking generator stops the export with `Panicked` after the
    /// rows before its chunk, and no worker is left waiting.
    #[test]
    fn a_panic_is_reported_and_stops_the_export() {
        struct Panics;
        impl Dataset for Panics {
            fn generate(&self, idx: u64) -> Result<Item> {
                assert!(idx != 2500, "a bug at item 2500");
                Ok(Item {
                    question: idx.to_string(),
                    answer: String::new(),
                    metadata: meta! {},
                })
            }
        }
        let seed = Seed::from(1);
        let ds = Seeded {
            info: &INFO,
            dataset: Arc::new(Panics),
            seed,
            size: 1 << 20,
        };
        let mut out = Vec::new();
        let err = write_items(&ds, 0..6000, Format::JsonLines, &mut out, |_| {})
            .expect_err("item 2500 panics");
        assert!(matches!(err, ExportError::Panicked), "{err}");
        let text = String::from_utf8_lossy(&out);
        assert!(text.lines().count() <= 2500);
        for (i, line) in text.lines().enumerate() {
            assert!(line.starts_with(&format!("{{\"index\":{i},")), "{line}");
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
