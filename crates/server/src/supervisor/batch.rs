//! Batches for the stateless batch API (`POST /v1/generate`, `POST /v1/score`):
//! many items of one dataset in one job on the worker pool, under one time
//! limit.
//!
//! Rows are rendered by the export engine (`dataset_core::export::Renderer`),
//! so `/v1/generate` answers the bytes `rgym generate` writes. Batches read
//! the item cache but do not fill it: a trainer's batch of thousands of items
//! would otherwise push out what the sessions are reusing.

use std::ops::Range;
use std::sync::Arc;

use dataset_core::export::{ExportError, Format, Renderer, ScoreRow};
use extract::AnswerFormat;

use super::{run_limited, SharedDataset, Supervisor};
use crate::error::{EnvError, Reason};

/// Items rendered between two checks of the reply's size.
const SIZE_CHECK_EVERY: u64 = 64;

/// One answer of a `/v1/score` batch.
pub struct Answer {
    pub index: u64,
    pub answer: Option<String>,
}

fn export_error(e: ExportError) -> EnvError {
    match e {
        ExportError::Item { index, error } => {
            EnvError::exec(Reason::GenerationFailed, format!("item {index}: {error}"))
        }
        other => EnvError::exec(Reason::Internal, other.to_string()),
    }
}

impl Supervisor {
    /// The rows of items `range` (each `< size`, checked by the caller) as
    /// `format` frames them, on the worker pool within the time limit; more
    /// than `max_bytes` of them is an error naming the limit.
    pub async fn render_batch(
        &self,
        ds: Arc<SharedDataset>,
        range: Range<u64>,
        format: Format,
        max_bytes: usize,
    ) -> Result<Vec<u8>, EnvError> {
        // Not timed into the dataset's per-call costs: a batch is many
        // items' worth of CPU and must not make one item look slow.
        let costs = ds.costs.clone();
        run_limited(
            &self.shared.pool,
            Some(&costs.generation),
            self.shared.limit,
            "generating the batch",
            move || {
                let mut buf = Vec::new();
                let mut renderer = Renderer::new(&ds.seeded, format, range.start);
                let mut start = range.start;
                while start < range.end {
                    let stop = range.end.min(start + SIZE_CHECK_EVERY);
                    renderer
                        .render(start..stop, &mut buf)
                        .map_err(export_error)?;
                    if buf.len() > max_bytes {
                        return Err(EnvError::exec(
                            Reason::TooLarge,
                            format!(
                                "the batch passes max_reply_bytes ({max_bytes} bytes) at item {}; \
                             ask for fewer items",
                                stop - 1
                            ),
                        ));
                    }
                    start = stop;
                }
                Ok(buf)
            },
        )
        .await?
    }

    /// Scores each answer against its item (from the item cache, or
    /// generated), extracting the answer first when a format is given, on
    /// the worker pool within the time limit. The scores are the session
    /// path's: the same `Seeded::score`, the same histogram.
    pub async fn score_batch(
        &self,
        ds: Arc<SharedDataset>,
        answers: Vec<Answer>,
        format: Option<AnswerFormat>,
    ) -> Result<Vec<ScoreRow>, EnvError> {
        let shared = self.shared.clone();
        let costs = ds.costs.clone();
        run_limited(
            &self.shared.pool,
            Some(&costs.scoring),
            self.shared.limit,
            "scoring the batch",
            move || {
                answers
                    .into_iter()
                    .map(|Answer { index, answer }| {
                        let item = match shared.cached(&ds, index) {
                            Some(item) => item,
                            None => Arc::new(ds.seeded.get(index).map_err(|e| {
                                EnvError::exec(
                                    Reason::GenerationFailed,
                                    format!("item {index}: {e}"),
                                )
                            })?),
                        };
                        let (scored, extracted_answer) = match format {
                            None => (answer.as_deref(), None),
                            Some(f) => {
                                let found = answer.as_deref().and_then(|a| f.extract(a));
                                (found, Some(found.map(str::to_owned)))
                            }
                        };
                        let score = ds.seeded.score(scored, &item);
                        ds.scores_for(&item).observe(score);
                        Ok(ScoreRow {
                            index,
                            score,
                            extracted_answer,
                        })
                    })
                    .collect::<Result<Vec<_>, EnvError>>()
            },
        )
        .await?
    }
}
