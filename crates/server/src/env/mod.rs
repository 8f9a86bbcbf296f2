//! One environment instance: the reset/step/state semantics of PROTOCOL.md
//! §3.
//!
//! Every operation has the same shape, written once here for every
//! transport: *start* validates the request and answers on the spot when it
//! can (a live dataset whose item is cached or cheap), or hands back a *job*
//! for the slow part (building a dataset, generating or scoring on the worker
//! pool), which runs without borrowing the env; *finish* commits a
//! successful outcome and records the latency. A job that fails leaves the
//! env exactly as it was, which is how a failed reset keeps the previous
//! dataset, cursor, item and episode. HTTP and the web page await the job in
//! place ([`Env::reset`], [`Env::step`]); the session actor awaits it off the
//! actor so that its other frames (pings) are still answered.

use std::sync::Arc;
use std::time::Instant;

use dataset_core::input::{echo_json, read_seed, read_size};
use dataset_core::{Item, Seed};
use extract::AnswerFormat;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::error::EnvError;
use crate::metrics::metrics;
use crate::protocol::{loc, string_type};
// The wire shapes live with the other wire shapes; re-exported because the
// env builds them (and callers of the env name them from here).
pub use crate::protocol::{Envelope, Observation};
use crate::supervisor::{DatasetKey, SharedDataset, Supervisor};

pub const DEFAULT_DATASET: &str = "leg_counting";
pub const DEFAULT_SEED: i64 = 42;
pub const DEFAULT_SIZE: u64 = 1000;

/// The reset parameters the reference's `reset` signature accepts, and
/// rgym's opt-in `answer_format`; any other key is dropped.
const RESET_KEYS: [&str; 7] = [
    "dataset_name",
    "dataset_config",
    "dataset_specs",
    "seed",
    "size",
    "episode_id",
    "answer_format",
];

pub struct Env {
    dataset: Option<Arc<SharedDataset>>,
    /// Index of the next item a reset takes.
    cursor: u64,
    current: Option<Arc<Item>>,
    episode_id: String,
    step_count: u64,
    /// How a step's answer is pulled out of the completion, once a reset has
    /// asked for it; kept until a reset changes it. While `None` steps score
    /// the answer as sent and the reply has no `extracted_answer`.
    answer_format: Option<AnswerFormat>,
}

impl Default for Env {
    fn default() -> Self {
        Env::new()
    }
}

/// A dataset to get or build: its key, and the config (without seed/size)
/// to build it from.
#[derive(Debug)]
struct Build {
    key: DatasetKey,
    config: Map<String, Value>,
}

/// A validated reset, ready to run.
pub struct ResetJob {
    build: Option<Box<Build>>,
    dataset: Option<Arc<SharedDataset>>,
    cursor: u64,
    episode_id: Option<String>,
    answer_format: Option<AnswerFormat>,
}

pub struct ResetOutcome {
    dataset: Arc<SharedDataset>,
    index: u64,
    item: Arc<Item>,
    episode_id: String,
    answer_format: Option<AnswerFormat>,
}

pub struct StepJob {
    target: Option<(Arc<SharedDataset>, Arc<Item>)>,
    /// What is scored: the completion, or what the session's answer format
    /// pulled out of it (`None`: nothing found, scored as Python's `None`).
    answer: Option<String>,
    /// Whether the reply shows `extracted_answer` (a format was chosen).
    extracting: bool,
}

pub struct StepOutcome {
    /// Score, the item, and whether reasoning-gym gives it an answer at all.
    scored: Option<(f64, Arc<Item>, bool)>,
    /// `Some` when the session chose an answer format: what was scored.
    extracted: Option<Option<String>>,
}

/// Where a reset or step stands once started: answered on the spot (refused,
/// or the item cached or cheap), or a job to await before finishing.
pub enum Now<T, J> {
    Done(Result<T, EnvError>),
    Later(J),
}

impl Now<ResetOutcome, ResetJob> {
    /// The outcome, awaiting the job if there is one.
    pub async fn outcome(self, sup: &Supervisor) -> Result<ResetOutcome, EnvError> {
        match self {
            Now::Done(res) => res,
            Now::Later(job) => job.run(sup).await,
        }
    }
}

impl Now<StepOutcome, StepJob> {
    /// The outcome, awaiting the job if there is one.
    pub async fn outcome(self, sup: &Supervisor) -> Result<StepOutcome, EnvError> {
        match self {
            Now::Done(res) => res,
            Now::Later(job) => job.run(sup).await,
        }
    }
}

fn new_episode_id() -> String {
    Uuid::new_v4().to_string()
}

fn exec(msg: &str) -> EnvError {
    EnvError::Execution(msg.to_string())
}

impl Env {
    pub fn new() -> Env {
        Env {
            dataset: None,
            cursor: 0,
            current: None,
            episode_id: new_episode_id(),
            step_count: 0,
            answer_format: None,
        }
    }

    /// `{"episode_id", "step_count"}`.
    pub fn state(&self) -> Value {
        json!({"episode_id": self.episode_id, "step_count": self.step_count})
    }

    pub fn episode_id(&self) -> &str {
        &self.episode_id
    }

    pub fn step_count(&self) -> u64 {
        self.step_count
    }

    /// Validates reset parameters (PROTOCOL.md §3.1) without touching the env.
    pub fn plan_reset(&self, params: &Map<String, Value>) -> Result<ResetJob, EnvError> {
        // Unknown keys are dropped and `null` means absent.
        let get = |k: &str| {
            debug_assert!(RESET_KEYS.contains(&k));
            params.get(k).filter(|v| !v.is_null())
        };
        let episode_id = match get("episode_id") {
            None => None,
            Some(Value::String(s)) => Some(s.clone()).filter(|s| !s.is_empty()),
            Some(other) => {
                return Err(EnvError::Validation(vec![string_type(
                    loc(&["episode_id"]),
                    other.clone(),
                )]))
            }
        };
        let answer_format = match get("answer_format") {
            None => None,
            Some(Value::String(s)) => Some(
                s.parse()
                    .map_err(|e: extract::UnknownFormat| exec(&e.to_string()))?,
            ),
            Some(other) => {
                return Err(EnvError::Execution(format!(
                    "answer_format must be a string, got {}",
                    echo_json(other)
                )))
            }
        };
        let build = match get("dataset_name") {
            None => None,
            Some(name) => Some(Box::new(plan_build(name, &get)?)),
        };
        Ok(ResetJob {
            build,
            dataset: self.dataset.clone(),
            cursor: self.cursor,
            episode_id,
            answer_format,
        })
    }

    /// Applies a reset and gives its observation envelope.
    pub fn commit_reset(&mut self, o: ResetOutcome) -> Envelope<'_> {
        self.dataset = Some(o.dataset);
        self.cursor = o.index + 1;
        self.episode_id = o.episode_id;
        self.step_count = 0;
        if o.answer_format.is_some() {
            self.answer_format = o.answer_format;
        }
        let item = self.current.insert(o.item);
        Envelope::reset(&item.question)
    }

    /// Counts the step (always, even without an item) and prepares scoring.
    pub fn begin_step(&mut self, answer: String) -> StepJob {
        self.step_count += 1;
        let answer = match self.answer_format {
            None => Some(answer),
            Some(f) => f.extract(&answer).map(str::to_owned),
        };
        StepJob {
            target: match (&self.dataset, &self.current) {
                (Some(d), Some(i)) => Some((d.clone(), i.clone())),
                _ => None,
            },
            answer,
            extracting: self.answer_format.is_some(),
        }
    }

    /// Starts a reset: validates it, and answers at once when the dataset is
    /// live and the item cached or cheap.
    pub fn start_reset(
        &self,
        params: &Map<String, Value>,
        sup: &Supervisor,
    ) -> Now<ResetOutcome, ResetJob> {
        match self.plan_reset(params) {
            Ok(job) => job.run_now(sup),
            Err(e) => Now::Done(Err(e)),
        }
    }

    /// Finishes a reset started at `started`: commits it if it succeeded
    /// and records its latency; the reply's envelope or the error.
    pub fn finish_reset(
        &mut self,
        res: Result<ResetOutcome, EnvError>,
        started: Instant,
    ) -> Result<Envelope<'_>, EnvError> {
        let reply = res.map(|o| self.commit_reset(o));
        metrics()
            .reset_latency
            .observe(started.elapsed().as_secs_f64());
        reply
    }

    /// A whole reset, for callers that can hold the env while it waits
    /// (HTTP, the web page).
    pub async fn reset(
        &mut self,
        params: &Map<String, Value>,
        sup: &Supervisor,
    ) -> Result<Envelope<'_>, EnvError> {
        let started = Instant::now();
        let res = self.start_reset(params, sup).outcome(sup).await;
        self.finish_reset(res, started)
    }

    /// Starts a step: counts it, and scores at once when there is nothing to
    /// score or the dataset scores cheaply.
    pub fn start_step(&mut self, answer: String, sup: &Supervisor) -> Now<StepOutcome, StepJob> {
        self.begin_step(answer).run_now(sup)
    }

    /// Finishes a step started at `started`: records its latency.
    pub fn finish_step(
        res: Result<StepOutcome, EnvError>,
        started: Instant,
    ) -> Result<StepOutcome, EnvError> {
        metrics()
            .step_latency
            .observe(started.elapsed().as_secs_f64());
        res
    }

    /// A whole step, for callers that can hold the env while it waits.
    pub async fn step(
        &mut self,
        answer: String,
        sup: &Supervisor,
    ) -> Result<StepOutcome, EnvError> {
        let started = Instant::now();
        let res = self.start_step(answer, sup).outcome(sup).await;
        Env::finish_step(res, started)
    }
}

fn plan_build<'a>(
    name: &Value,
    get: &impl Fn(&str) -> Option<&'a Value>,
) -> Result<Build, EnvError> {
    let (Some(seed), Some(size)) = (get("seed"), get("size")) else {
        return Err(exec(
            "seed and size must be provided when dataset_name is specified",
        ));
    };
    let Value::String(name) = name else {
        return Err(EnvError::Execution(format!(
            "dataset_name must be a string, got {}",
            echo_json(name)
        )));
    };
    // Any JSON integer: Python's `Random(seed + idx)` takes any int.
    let seed = read_seed(seed).map_err(EnvError::Execution)?;
    // Checked before anything is replaced: the reference hangs on size <= 0.
    let size = read_size(size).map_err(exec)?;
    let config = if name == "composite" {
        let specs = get("dataset_specs")
            .ok_or_else(|| exec("dataset_specs must be provided for composite datasets"))?;
        match specs {
            Value::Array(a) if a.is_empty() => {
                return Err(exec("dataset_specs cannot be empty for composite datasets"))
            }
            Value::Array(_) => {}
            _ => return Err(exec("dataset_specs must be a list of dataset specs")),
        }
        let mut config = Map::new();
        config.insert("datasets".into(), specs.clone());
        config
    } else {
        match get("dataset_config") {
            None => Map::new(),
            Some(Value::Object(m)) => m.clone(),
            Some(other) => {
                return Err(EnvError::Execution(format!(
                    "dataset_config must be an object, got {}",
                    echo_json(other)
                )))
            }
        }
    };
    Ok(Build {
        key: DatasetKey::new(name, &config, seed, size),
        config,
    })
}

impl ResetJob {
    /// The dataset and index this reset reads, if no build is needed.
    fn target(&self, sup: &Supervisor) -> Option<(Arc<SharedDataset>, u64)> {
        let (dataset, cursor) = match (&self.build, &self.dataset) {
            // Any reset naming a dataset restarts it at index 0.
            (Some(b), _) => (sup.lookup(&b.key)?, 0),
            (None, Some(d)) => (d.clone(), self.cursor),
            (None, None) => (sup.lookup(&default_key())?, 0),
        };
        let index = if cursor >= dataset.size() { 0 } else { cursor };
        Some((dataset, index))
    }

    fn outcome(self, dataset: Arc<SharedDataset>, index: u64, item: Arc<Item>) -> ResetOutcome {
        ResetOutcome {
            dataset,
            index,
            item,
            episode_id: self.episode_id.unwrap_or_else(new_episode_id),
            answer_format: self.answer_format,
        }
    }

    /// The outcome without waiting, when the dataset is live and the item
    /// cached or cheap; otherwise the job back, for [`ResetJob::run`].
    pub fn run_now(self, sup: &Supervisor) -> Now<ResetOutcome, ResetJob> {
        let Some((dataset, index)) = self.target(sup) else {
            return Now::Later(self);
        };
        match sup.generate_now(&dataset, index) {
            None => Now::Later(self),
            Some(item) => Now::Done(item.map(|item| self.outcome(dataset, index, item))),
        }
    }

    /// Builds (if need be) and generates, answering within the time limit
    /// as a whole: a build that waited for a worker must not give the
    /// generation after it a limit of its own.
    pub async fn run(self, sup: &Supervisor) -> Result<ResetOutcome, EnvError> {
        let limit = sup.limit();
        tokio::time::timeout(limit, self.build_and_generate(sup))
            .await
            .unwrap_or_else(|_| {
                Err(EnvError::Execution(format!(
                    "the reset took longer than the {:.3}s limit",
                    limit.as_secs_f64()
                )))
            })
    }

    async fn build_and_generate(mut self, sup: &Supervisor) -> Result<ResetOutcome, EnvError> {
        let (dataset, index) = match self.target(sup) {
            Some(t) => t,
            None => {
                let dataset = match self.build.take() {
                    Some(b) => sup.acquire(b.key, b.config).await?,
                    None => sup.acquire(default_key(), Map::new()).await?,
                };
                (dataset, 0)
            }
        };
        let item = sup.generate(dataset.clone(), index).await?;
        Ok(self.outcome(dataset, index, item))
    }
}

fn default_key() -> DatasetKey {
    DatasetKey::new(
        DEFAULT_DATASET,
        &Map::new(),
        Seed::from(DEFAULT_SEED),
        DEFAULT_SIZE,
    )
}

impl StepJob {
    /// The outcome without waiting, when there is nothing to score or the
    /// dataset scores cheaply; otherwise the job back.
    pub fn run_now(self, sup: &Supervisor) -> Now<StepOutcome, StepJob> {
        let Some((dataset, item)) = &self.target else {
            return Now::Done(Ok(self.outcome(None)));
        };
        match sup.score_now(dataset, item, self.answer.as_deref()) {
            None => Now::Later(self),
            Some(score) => {
                let scored = (score, item.clone(), dataset.seeded.answer(item).is_some());
                Now::Done(Ok(self.outcome(Some(scored))))
            }
        }
    }

    pub async fn run(mut self, sup: &Supervisor) -> Result<StepOutcome, EnvError> {
        let scored = match self.target.take() {
            None => None,
            Some((dataset, item)) => {
                let has_answer = dataset.seeded.answer(&item).is_some();
                let answer = self.answer.clone();
                let score = sup.score(dataset, item.clone(), answer).await?;
                Some((score, item, has_answer))
            }
        };
        Ok(self.outcome(scored))
    }

    fn outcome(self, scored: Option<(f64, Arc<Item>, bool)>) -> StepOutcome {
        StepOutcome {
            scored,
            extracted: self.extracting.then_some(self.answer),
        }
    }
}

impl StepOutcome {
    /// The observation envelope, borrowing the item.
    pub fn envelope(&self) -> Envelope<'_> {
        let observation = match &self.scored {
            None => Observation::default(),
            Some((score, item, has_answer)) => Observation {
                question: None,
                score: Some(*score),
                correct_answer: has_answer.then_some(item.answer.as_str()),
                dataset_metadata: (!item.metadata.is_empty()).then_some(&item.metadata),
            },
        };
        Envelope {
            reward: observation.score.unwrap_or(0.0),
            observation,
            done: true,
            extracted_answer: self.extracted.as_ref().map(Option::as_deref),
        }
    }

    pub fn score(&self) -> Option<f64> {
        self.scored.as_ref().map(|(s, _, _)| *s)
    }
}

/// The no-item step reply a fresh env gives (`POST /step`).
pub fn empty_step_envelope() -> Value {
    StepOutcome {
        scored: None,
        extracted: None,
    }
    .envelope()
    .to_value()
}

#[cfg(test)]
mod tests;
