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

use dataset_core::input::echo_json;
use dataset_core::{Item, Seed};
use extract::AnswerFormat;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::error::{EnvError, Reason};
use crate::metrics::metrics;
use crate::protocol::{loc, string_type};
// The wire shapes live with the other wire shapes; re-exported because the
// env builds them (and callers of the env name them from here).
pub use crate::protocol::{Envelope, Observation};
use crate::supervisor::{DatasetKey, SharedDataset, Supervisor};

mod build;
pub(crate) mod curriculum;

pub(crate) use build::{plan_build, Build};
use curriculum::Curricular;

pub const DEFAULT_DATASET: &str = "leg_counting";
pub const DEFAULT_SEED: i64 = 42;
pub const DEFAULT_SIZE: u64 = 1000;

/// The reset parameters the reference's `reset` signature accepts, and
/// rgym's opt-in `answer_format`, `index` and `curriculum`; any other key is
/// dropped.
const RESET_KEYS: [&str; 9] = [
    "dataset_name",
    "dataset_config",
    "dataset_specs",
    "seed",
    "size",
    "episode_id",
    "answer_format",
    "index",
    "curriculum",
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
    /// The current item's index, once a reset has named an `index`: from
    /// then on reset replies and the state report where the session stands.
    reported_index: Option<u64>,
    /// The curriculum the session's dataset was derived by (opt-in
    /// `curriculum`), until a reset names another dataset.
    curriculum: Option<Box<Curricular>>,
    /// What the last reset reply showed of it (`None`: nothing).
    curriculum_echo: Option<Value>,
}

impl Default for Env {
    fn default() -> Self {
        Env::new()
    }
}

/// A validated reset, ready to run.
pub struct ResetJob {
    build: Option<Box<Build>>,
    dataset: Option<Arc<SharedDataset>>,
    cursor: u64,
    episode_id: Option<String>,
    answer_format: Option<AnswerFormat>,
    /// The item to serve instead of the cursor's (opt-in `index`).
    index: Option<u64>,
    /// Serve from index 0, not the cursor: the reset names a dataset (any
    /// such reset restarts it), or the session has none yet.
    restart: bool,
    /// The reset names a dataset: it replaces the session's curriculum.
    names_dataset: bool,
    /// The curriculum the reset asks for, which `build` was derived by.
    curriculum: Option<Box<Curricular>>,
    /// `build` is the session's adaptive curriculum at its new levels: if
    /// it is refused, the reset serves from `dataset` instead.
    rebuild: bool,
}

pub struct ResetOutcome {
    dataset: Arc<SharedDataset>,
    index: u64,
    item: Arc<Item>,
    episode_id: String,
    answer_format: Option<AnswerFormat>,
    /// The reset named an `index`.
    indexed: bool,
    names_dataset: bool,
    curriculum: Option<Box<Curricular>>,
    /// Why the adaptive rebuild was refused, when it was.
    refused: Option<String>,
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

fn invalid(msg: impl Into<String>) -> EnvError {
    EnvError::exec(Reason::InvalidParameter, msg)
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
            reported_index: None,
            curriculum: None,
            curriculum_echo: None,
        }
    }

    /// `{"episode_id", "step_count"}`, and where the session stands once it
    /// has reset with an `index`: the current item's `index` and the
    /// `cursor` the next reset without parameters serves.
    pub fn state(&self) -> Value {
        let mut state = json!({"episode_id": self.episode_id, "step_count": self.step_count});
        if let (Some(index), Some(ds)) = (self.reported_index, &self.dataset) {
            let cursor = if self.cursor >= ds.size() {
                0
            } else {
                self.cursor
            };
            state["index"] = json!(index);
            state["cursor"] = json!(cursor);
        }
        state
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
                    .map_err(|e: extract::UnknownFormat| invalid(e.to_string()))?,
            ),
            Some(other) => {
                return Err(invalid(format!(
                    "answer_format must be a string, got {}",
                    echo_json(other)
                )))
            }
        };
        let index = match get("index") {
            None => None,
            Some(v) => Some(v.as_u64().ok_or_else(|| {
                invalid(format!(
                    "index must be a non-negative integer, got {}",
                    echo_json(v)
                ))
            })?),
        };
        let mut build = match get("dataset_name") {
            None => None,
            Some(name) => Some(Box::new(plan_build(name, &get)?)),
        };
        let names_dataset = build.is_some();
        let mut curriculum = None;
        let mut rebuild = false;
        match (get("curriculum"), &mut build) {
            (Some(v), Some(b)) => {
                let k = &b.key;
                let c = Curricular::plan(v, &k.name, &b.config, &k.seed, k.size, true)?;
                let (key, config) = c.dataset();
                **b = Build { key, config };
                curriculum = Some(Box::new(c));
            }
            (Some(_), None) => {
                return Err(EnvError::exec(
                    Reason::MissingParameter,
                    "curriculum needs dataset_name in the same reset",
                ))
            }
            (None, None) => {
                // An adaptive curriculum whose levels moved: the same
                // dataset at the new levels, the cursor going on.
                if let Some(c) = self.curriculum.as_ref().filter(|c| c.needs_rebuild()) {
                    let (key, config) = c.dataset();
                    build = Some(Box::new(Build { key, config }));
                    rebuild = true;
                }
            }
            (None, Some(_)) => {}
        }
        Ok(ResetJob {
            restart: names_dataset || self.dataset.is_none(),
            build,
            dataset: self.dataset.clone(),
            cursor: self.cursor,
            episode_id,
            answer_format,
            index,
            names_dataset,
            curriculum,
            rebuild,
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
        if o.indexed || self.reported_index.is_some() {
            self.reported_index = Some(o.index);
        }
        // A reset naming a dataset ends the session's curriculum (or starts
        // its own); replies show it when the reset asked for one, and every
        // reset of an adaptive one.
        let asked = o.curriculum.is_some();
        if o.names_dataset {
            self.curriculum = o.curriculum;
        }
        self.curriculum_echo = None;
        if let Some(c) = &mut self.curriculum {
            if o.refused.is_some() {
                c.refused();
            }
            c.served(&o.item);
            if asked || c.is_adaptive() {
                self.curriculum_echo = Some(c.echo(o.refused.as_deref()));
            }
        }
        let index = self.reported_index;
        let item = self.current.insert(o.item);
        let mut envelope = Envelope::reset(&item.question);
        envelope.index = index;
        envelope.curriculum = self.curriculum_echo.as_ref();
        envelope
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

    /// Finishes a step started at `started`: records its latency, and its
    /// score for an adaptive curriculum.
    pub fn finish_step(
        &mut self,
        res: Result<StepOutcome, EnvError>,
        started: Instant,
    ) -> Result<StepOutcome, EnvError> {
        metrics()
            .step_latency
            .observe(started.elapsed().as_secs_f64());
        if let (
            Ok(StepOutcome {
                scored: Some((score, item, _)),
                ..
            }),
            Some(c),
        ) = (&res, &mut self.curriculum)
        {
            c.record(item, *score);
        }
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
        self.finish_step(res, started)
    }
}

impl ResetJob {
    /// The dataset and index this reset reads, if no build is needed.
    fn target(&self, sup: &Supervisor) -> Option<Arc<SharedDataset>> {
        match (&self.build, &self.dataset) {
            (Some(b), _) => sup.lookup(&b.key),
            (None, Some(d)) => Some(d.clone()),
            (None, None) => sup.lookup(&default_key()),
        }
    }

    /// The index this reset serves from `dataset`: the one it names, else
    /// the cursor (0 for a reset naming a dataset: it restarts it), wrapped
    /// around at the dataset's end.
    fn index_in(&self, dataset: &SharedDataset) -> Result<u64, EnvError> {
        let size = dataset.size();
        match self.index {
            Some(i) if i >= size => Err(invalid(format!(
                "index must be below the dataset's size ({size}), got {i}"
            ))),
            Some(i) => Ok(i),
            None if self.restart => Ok(0),
            None if self.cursor >= size => Ok(0),
            None => Ok(self.cursor),
        }
    }

    fn outcome(self, dataset: Arc<SharedDataset>, index: u64, item: Arc<Item>) -> ResetOutcome {
        ResetOutcome {
            dataset,
            index,
            item,
            episode_id: self.episode_id.unwrap_or_else(new_episode_id),
            answer_format: self.answer_format,
            indexed: self.index.is_some(),
            names_dataset: self.names_dataset,
            curriculum: self.curriculum,
            refused: None,
        }
    }

    /// The outcome without waiting, when the dataset is live and the item
    /// cached or cheap; otherwise the job back, for [`ResetJob::run`].
    pub fn run_now(self, sup: &Supervisor) -> Now<ResetOutcome, ResetJob> {
        let Some(dataset) = self.target(sup) else {
            return Now::Later(self);
        };
        let index = match self.index_in(&dataset) {
            Ok(i) => i,
            Err(e) => return Now::Done(Err(e)),
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
                Err(EnvError::exec(
                    Reason::Timeout,
                    format!(
                        "the reset took longer than the {:.3}s limit",
                        limit.as_secs_f64()
                    ),
                ))
            })
    }

    async fn build_and_generate(mut self, sup: &Supervisor) -> Result<ResetOutcome, EnvError> {
        let mut refused = None;
        let dataset = match self.target(sup) {
            Some(d) => d,
            None => match self.build.take() {
                Some(b) => match (sup.acquire(b.key, b.config).await, &self.dataset) {
                    (Ok(d), _) => d,
                    // The new levels' config is refused: stay where we are.
                    (Err(EnvError::Execution(_, msg)), Some(d)) if self.rebuild => {
                        refused = Some(msg);
                        d.clone()
                    }
                    (Err(e), _) => return Err(e),
                },
                None => sup.acquire(default_key(), Map::new()).await?,
            },
        };
        let index = self.index_in(&dataset)?;
        let item = sup.generate(dataset.clone(), index).await?;
        let mut outcome = self.outcome(dataset, index, item);
        outcome.refused = refused;
        Ok(outcome)
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
            index: None,
            curriculum: None,
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
