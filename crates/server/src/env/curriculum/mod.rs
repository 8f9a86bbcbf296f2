//! rgym's opt-in reset key `curriculum` (README "Curricula"): reasoning-gym's
//! curricula (`datasets::curriculum`) choosing the config of the dataset a
//! reset names, at fixed levels or at levels that follow the session's scores.
//!
//! * `{"levels": {attr: k, ...}}`: those attributes at those levels, the
//!   others at their default level; `{"level": k}`: every attribute at k, or
//!   at its last level when it has fewer. A composite takes
//!   `{"levels": {member: {attr: k}}}` (members not named at their default
//!   levels) or `{"level": k}` for every member.
//! * `{"adaptive": {"window", "raise_at", "lower_at", "start_level"}}`: start
//!   every attribute at `start_level` (or at levels given as `levels` takes
//!   them, which is how a client resumes a session); after each step, once the last `window`
//!   scores of items served at the current levels average `>= raise_at`,
//!   every attribute goes up a level where it can (`<= lower_at`: down), and
//!   that window starts again. A composite keeps levels and a window per
//!   member, fed by the scores of that member's items. The next reset
//!   rebuilds the dataset at the new levels (same name, seed, size; the
//!   cursor goes on); if that build is refused (some of the reference's own
//!   levels give configs its `validate()` refuses), the session stays on its
//!   dataset and the refused levels are not tried again.
//!
//! The fields the levels give are written over the reset's `dataset_config`
//! (a member's `config`), as `generate_configuration(defaults)` writes them.

use std::collections::VecDeque;
use std::sync::LazyLock;

use dataset_core::curriculum::{Curriculum, Levels};
use dataset_core::input::{echo, echo_json};
use dataset_core::{DatasetError, Item, Seed};
use serde_json::{Map, Value};

use crate::error::{EnvError, Reason};
use crate::metrics::metrics;
use crate::supervisor::DatasetKey;

/// The largest `window` a client may ask for (scores a member keeps).
pub const MAX_WINDOW: u64 = 1024;
pub const DEFAULT_WINDOW: u64 = 32;
pub const DEFAULT_RAISE_AT: f64 = 0.8;
pub const DEFAULT_LOWER_AT: f64 = 0.2;
/// Refused level sets remembered per member; past it, the oldest goes.
const MAX_REFUSED: usize = 64;

fn exec(msg: impl Into<String>) -> EnvError {
    EnvError::exec(Reason::InvalidParameter, msg)
}

/// When levels move: a session's `adaptive` settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub window: usize,
    pub raise_at: f64,
    pub lower_at: f64,
}

/// One dataset a curriculum drives: the reset's, or a composite's member.
#[derive(Debug, Clone)]
struct Member {
    name: String,
    /// Its spec's position in a composite's `datasets`.
    spec: Option<usize>,
    curriculum: &'static Curriculum,
    levels: Levels,
    /// The levels the session's dataset was built with.
    built: Levels,
    /// Scores of items served at `levels`, newest last (adaptive only).
    scores: VecDeque<f64>,
    /// Levels whose config was refused, never raised or lowered to again.
    refused: VecDeque<Levels>,
}

/// Dataset `name`'s curriculum, or the reference's `create_curriculum` error.
fn curriculum_of(name: &str) -> Result<&'static Curriculum, EnvError> {
    datasets::curriculum(name).ok_or_else(|| {
        if datasets::info(name).is_none() {
            EnvError::from(DatasetError::UnknownDataset(name.to_string()))
        } else {
            exec(format!(
                "No curriculum registered for dataset '{}'",
                echo(name)
            ))
        }
    })
}

impl Member {
    fn new(
        name: &str,
        spec: Option<usize>,
        curriculum: &'static Curriculum,
        levels: Levels,
    ) -> Member {
        Member {
            name: name.to_string(),
            spec,
            curriculum,
            built: levels.clone(),
            levels,
            scores: VecDeque::new(),
            refused: VecDeque::new(),
        }
    }

    fn levels_json(&self) -> Value {
        Value::Object(self.curriculum.levels_json(&self.levels))
    }

    /// A score of one of its items; whether its levels moved.
    fn record(&mut self, score: f64, rule: &Rule) -> bool {
        if self.levels != self.built {
            // The item was served at the levels before a move: it says
            // nothing about the new ones.
            return false;
        }
        self.scores.push_back(score);
        if self.scores.len() > rule.window {
            self.scores.pop_front();
        }
        if self.scores.len() < rule.window {
            return false;
        }
        let mean = self.scores.iter().sum::<f64>() / self.scores.len() as f64;
        let mut next = self.levels.clone();
        let moved = if mean >= rule.raise_at {
            self.curriculum.raise(&mut next)
        } else if mean <= rule.lower_at {
            self.curriculum.lower(&mut next)
        } else {
            false
        };
        if !moved || self.refused.contains(&next) {
            return false;
        }
        self.levels = next;
        self.scores.clear();
        true
    }
}

/// The curriculum of a session's dataset (or of one batch request).
#[derive(Debug, Clone)]
pub struct Curricular {
    name: String,
    seed: Seed,
    size: u64,
    /// The reset's config before the curriculum: `dataset_config`, or a
    /// composite's `{"datasets": specs}`.
    base: Map<String, Value>,
    members: Vec<Member>,
    adaptive: Option<Rule>,
}

/// The levels a `levels` or `level` form gives one dataset's curriculum.
fn fixed_levels(c: &Curriculum, form: &Form<'_>) -> Result<Levels, EnvError> {
    match form {
        Form::Level(k) => c.global_levels(k).map_err(exec),
        Form::Levels(chosen) => c.levels_of(chosen).map_err(exec),
    }
}

enum Form<'a> {
    Level(&'a Value),
    Levels(&'a Map<String, Value>),
}

impl Curricular {
    /// Reads a reset's `curriculum` value for the dataset it names (`config`
    /// as the reset gave it). `sessions`: whether `adaptive` may be asked
    /// for (not in the stateless batch routes).
    pub fn plan(
        value: &Value,
        name: &str,
        config: &Map<String, Value>,
        seed: &Seed,
        size: u64,
        sessions: bool,
    ) -> Result<Curricular, EnvError> {
        let Value::Object(obj) = value else {
            return Err(exec(format!(
                "curriculum must be an object, got {}",
                echo_json(value)
            )));
        };
        let forms = if sessions {
            "one of levels, level, adaptive"
        } else {
            "one of levels, level"
        };
        let mut keys = obj.keys();
        let (Some(key), None) = (keys.next(), keys.next()) else {
            return Err(exec(format!("curriculum takes {forms}")));
        };
        let v = &obj[key];
        let (form, adaptive) = match key.as_str() {
            "level" => (Form::Level(v), None),
            "levels" => match v {
                Value::Object(m) => (Form::Levels(m), None),
                other => {
                    return Err(exec(format!(
                        "curriculum levels must be an object, got {}",
                        echo_json(other)
                    )))
                }
            },
            "adaptive" if sessions => {
                let (rule, start) = read_rule(v)?;
                // A level for every attribute, or levels as `levels` takes
                // them (how a client resumes a session where it stood).
                let form = match start {
                    Value::Object(m) => Form::Levels(m),
                    k => Form::Level(k),
                };
                (form, Some(rule))
            }
            other => {
                return Err(exec(format!(
                    "curriculum takes {forms}, not '{}'",
                    echo(other)
                )))
            }
        };
        let members = if name == "composite" {
            composite_members(config, &form)?
        } else {
            let curriculum = curriculum_of(name)?;
            let levels = fixed_levels(curriculum, &form)?;
            vec![Member::new(name, None, curriculum, levels)]
        };
        Ok(Curricular {
            name: name.to_string(),
            seed: seed.clone(),
            size,
            base: config.clone(),
            members,
            adaptive,
        })
    }

    pub fn is_adaptive(&self) -> bool {
        self.adaptive.is_some()
    }

    /// The dataset at the current levels: its key and config.
    pub fn dataset(&self) -> (DatasetKey, Map<String, Value>) {
        let config = self.config();
        let key = DatasetKey::new(&self.name, &config, self.seed.clone(), self.size);
        (key, config)
    }

    fn config(&self) -> Map<String, Value> {
        let mut config = self.base.clone();
        for m in &self.members {
            match m.spec {
                None => {
                    config = m.curriculum.generate_configuration(&m.levels, &config);
                }
                Some(i) => {
                    let spec = config
                        .get_mut("datasets")
                        .and_then(|d| d.get_mut(i))
                        .and_then(Value::as_object_mut);
                    // Members are read from these very specs (objects).
                    if let Some(spec) = spec {
                        let own = match spec.get("config") {
                            Some(Value::Object(c)) => c.clone(),
                            _ => Map::new(),
                        };
                        let derived = m.curriculum.generate_configuration(&m.levels, &own);
                        spec.insert("config".into(), Value::Object(derived));
                    }
                }
            }
        }
        config
    }

    /// The levels have moved since the session's dataset was built.
    pub fn needs_rebuild(&self) -> bool {
        self.members.iter().any(|m| m.levels != m.built)
    }

    /// A reset served an item of the dataset at the current levels: they are
    /// the built ones now; the levels served go to the histogram.
    pub fn served(&mut self, item: &Item) {
        for m in &mut self.members {
            m.built = m.levels.clone();
        }
        if let Some(m) = self.member_of(item) {
            let m = &self.members[m];
            metrics()
                .curriculum_levels
                .with_label_values(&[m.name.as_str()])
                .observe(m.levels.max() as f64);
        }
    }

    /// The rebuild at the current levels was refused: back to the built
    /// levels, never to try the refused ones again.
    pub fn refused(&mut self) {
        for m in &mut self.members {
            if m.levels != m.built {
                let refused = std::mem::replace(&mut m.levels, m.built.clone());
                if m.refused.len() == MAX_REFUSED {
                    m.refused.pop_front();
                }
                m.refused.push_back(refused);
                m.scores.clear();
            }
        }
    }

    /// A step's score of `item` (adaptive only); whether levels moved.
    pub fn record(&mut self, item: &Item, score: f64) -> bool {
        let Some(rule) = self.adaptive else {
            return false;
        };
        match self.member_of(item) {
            Some(m) => self.members[m].record(score, &rule),
            None => false,
        }
    }

    /// The member whose item this is (a composite's by its source dataset).
    fn member_of(&self, item: &Item) -> Option<usize> {
        if self.name != "composite" {
            return Some(0);
        }
        let src = item.metadata.source_dataset()?;
        self.members.iter().position(|m| m.name == src)
    }

    /// What a reset reply shows: the levels and the config they gave
    /// (`refused`: the message of a rebuild that was refused).
    pub fn echo(&self, refused: Option<&str>) -> Value {
        let mut m = Map::new();
        let config = self.config();
        if self.name == "composite" {
            let levels: Map<String, Value> = self
                .members
                .iter()
                .map(|m| (m.name.clone(), m.levels_json()))
                .collect();
            m.insert("levels".into(), Value::Object(levels));
            let specs = config.get("datasets").cloned().unwrap_or(Value::Null);
            m.insert("dataset_specs".into(), specs);
        } else if let Some(member) = self.members.first() {
            m.insert("levels".into(), member.levels_json());
            m.insert("dataset_config".into(), Value::Object(config));
        }
        if let Some(msg) = refused {
            m.insert("refused".into(), Value::String(msg.to_string()));
        }
        Value::Object(m)
    }
}

/// A composite's members, from its specs (`config["datasets"]`), each at the
/// levels `form` gives it. Specs that are not objects naming a dataset are
/// left for the composite's build to refuse with its own message.
fn composite_members(
    config: &Map<String, Value>,
    form: &Form<'_>,
) -> Result<Vec<Member>, EnvError> {
    let specs = config
        .get("datasets")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut members = Vec::with_capacity(specs.len());
    for (i, spec) in specs.iter().enumerate() {
        let Some(name) = spec.get("name").and_then(Value::as_str) else {
            continue;
        };
        // The composite's own rule, checked here too: levels are per name.
        if members.iter().any(|m: &Member| m.name == name) {
            return Err(exec(
                "Duplicate dataset names are not allowed in CompositeDataset",
            ));
        }
        let curriculum = curriculum_of(name)?;
        let levels = match form {
            Form::Level(_) => fixed_levels(curriculum, form)?,
            Form::Levels(by_member) => match by_member.get(name) {
                None => curriculum.default_levels(),
                Some(Value::Object(chosen)) => fixed_levels(curriculum, &Form::Levels(chosen))?,
                Some(other) => {
                    return Err(exec(format!(
                        "curriculum levels of a composite are {{member: {{attribute: level}}}}; {} got {}",
                        echo(name),
                        echo_json(other)
                    )))
                }
            },
        };
        members.push(Member::new(name, Some(i), curriculum, levels));
    }
    if let Form::Levels(by_member) = form {
        if let Some(unknown) = by_member
            .keys()
            .find(|k| !members.iter().any(|m| &m.name == *k))
        {
            return Err(exec(format!(
                "curriculum levels name '{}', which is not a member of the composite",
                echo(unknown)
            )));
        }
    }
    Ok(members)
}

/// `adaptive`'s settings, each bounded, and its start level.
fn read_rule(v: &Value) -> Result<(Rule, &Value), EnvError> {
    let Value::Object(obj) = v else {
        return Err(exec(format!(
            "curriculum adaptive must be an object, got {}",
            echo_json(v)
        )));
    };
    if let Some(k) = obj.keys().find(|k| {
        !matches!(
            k.as_str(),
            "window" | "raise_at" | "lower_at" | "start_level"
        )
    }) {
        return Err(exec(format!(
            "curriculum adaptive takes window, raise_at, lower_at, start_level, not '{}'",
            echo(k)
        )));
    }
    let get = |k: &str| obj.get(k).filter(|v| !v.is_null());
    let window = match get("window") {
        None => DEFAULT_WINDOW,
        Some(w) => match w.as_u64() {
            Some(n @ 1..=MAX_WINDOW) => n,
            _ => {
                return Err(exec(format!(
                    "curriculum adaptive window must be an integer from 1 to {MAX_WINDOW}, got {}",
                    echo_json(w)
                )))
            }
        },
    };
    let number = |k: &str, default: f64| match get(k) {
        None => Ok(default),
        Some(x) => x
            .as_f64()
            .filter(|f| f.is_finite() && x.is_number())
            .ok_or_else(|| {
                exec(format!(
                    "curriculum adaptive {k} must be a number, got {}",
                    echo_json(x)
                ))
            }),
    };
    let raise_at = number("raise_at", DEFAULT_RAISE_AT)?;
    let lower_at = number("lower_at", DEFAULT_LOWER_AT)?;
    if lower_at >= raise_at {
        return Err(exec(format!(
            "curriculum adaptive lower_at ({lower_at}) must be below raise_at ({raise_at})"
        )));
    }
    // `start_level` is read as `level` is, by the curriculum; absent is 0.
    static START: LazyLock<Value> = LazyLock::new(|| Value::from(0));
    let start = get("start_level").unwrap_or(&START);
    Ok((
        Rule {
            window: window as usize,
            raise_at,
            lower_at,
        },
        start,
    ))
}

#[cfg(test)]
mod tests;
