//! The web interface's one environment, shared by every browser (PROTOCOL.md
//! §8), separate from the `/ws` sessions, with what the page shows of it (the
//! current observation, the action log) and the channel that pushes each
//! change to `WS /ws/ui`.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{json, Map, Value};
use tokio::sync::{broadcast, Mutex, MutexGuard};

use crate::env::{Env, DEFAULT_DATASET, DEFAULT_SEED, DEFAULT_SIZE};

/// The environment and what the page shows of it.
pub struct Shared {
    pub env: Env,
    current_observation: Value,
    action_logs: Vec<Value>,
    is_reset: bool,
    /// For `/web/current`: after a step `current_observation` no longer
    /// holds the question, and a page opened then still has to show it.
    question: Value,
    /// The reset parameters that built the current dataset.
    dataset: Value,
}

pub struct WebEnv {
    shared: Mutex<Shared>,
    updates: broadcast::Sender<String>,
}

impl Default for WebEnv {
    fn default() -> Self {
        WebEnv::new()
    }
}

/// `datetime.now().isoformat()`-like UTC timestamp.
fn timestamp() -> String {
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let secs = d.as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:06}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        d.subsec_micros()
    )
}

impl WebEnv {
    pub fn new() -> WebEnv {
        WebEnv {
            shared: Mutex::new(Shared {
                env: Env::new(),
                current_observation: Value::Null,
                action_logs: Vec::new(),
                is_reset: true,
                question: Value::Null,
                dataset: Value::Null,
            }),
            updates: broadcast::channel(64).0,
        }
    }

    /// The shared state, one request at a time.
    pub async fn lock(&self) -> MutexGuard<'_, Shared> {
        self.shared.lock().await
    }

    /// The updates pushed after every reset and step.
    pub fn subscribe(&self) -> broadcast::Receiver<String> {
        self.updates.subscribe()
    }

    /// Tells every `WS /ws/ui` client the new state.
    pub fn publish(&self, s: &Shared) {
        // No subscribers is fine.
        let _ = self.updates.send(s.snapshot());
    }
}

impl Shared {
    /// The `state_update` message of `WS /ws/ui`.
    pub fn snapshot(&self) -> String {
        let st = self.env.state();
        json!({
            "type": "state_update",
            "episode_state": {
                "episode_id": st["episode_id"],
                "step_count": st["step_count"],
                "current_observation": self.current_observation,
                "action_logs": self.action_logs,
                "is_reset": self.is_reset,
            }
        })
        .to_string()
    }

    /// After a successful reset with `params`, whose reply was `envelope`.
    pub fn record_reset(&mut self, params: &Map<String, Value>, envelope: &Value) {
        self.current_observation = envelope["observation"].clone();
        self.action_logs.clear();
        self.is_reset = true;
        self.question = envelope["observation"]["question"].clone();
        if let Some(d) = built_dataset(params) {
            self.dataset = d;
        } else if self.dataset.is_null() {
            self.dataset = json!({
                "dataset_name": DEFAULT_DATASET,
                "seed": DEFAULT_SEED,
                "size": DEFAULT_SIZE,
            });
        }
    }

    /// After a step with `action`, whose reply was `envelope`.
    pub fn record_step(&mut self, action: Value, envelope: &Value) {
        let entry = json!({
            "timestamp": timestamp(),
            "action": action,
            "observation": envelope["observation"],
            "reward": envelope["reward"],
            "done": envelope["done"],
            "step_count": self.env.step_count(),
        });
        self.action_logs.push(entry);
        self.current_observation = envelope["observation"].clone();
        self.is_reset = false;
    }

    /// `{"question", "dataset"}` of the current episode (nulls before the
    /// first reset).
    pub fn current(&self) -> Value {
        json!({"question": self.question, "dataset": self.dataset})
    }
}

/// The parameters of a reset that builds a dataset, as the page shows them.
fn built_dataset(params: &Map<String, Value>) -> Option<Value> {
    params.get("dataset_name").filter(|v| !v.is_null())?;
    let keep = [
        "dataset_name",
        "dataset_config",
        "dataset_specs",
        "seed",
        "size",
    ];
    Some(Value::Object(
        params
            .iter()
            .filter(|(k, v)| keep.contains(&k.as_str()) && !v.is_null())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn timestamp_shape() {
        let t = super::timestamp();
        assert_eq!(t.len(), 26, "{t}");
        assert_eq!(&t[4..5], "-");
        assert_eq!(&t[10..11], "T");
    }
}
