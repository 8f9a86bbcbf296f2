//! The registry: every dataset by name, and `composite`, which mixes them.
//!
//! Category crates (`datasets-arithmetic`, ...) each export a `DATASETS` slice;
//! this crate only collects them, so adding a dataset never touches the server.
//! Curricula are data beside them (`curricula/`, see [`curriculum`]).

use std::sync::OnceLock;

use dataset_core::{DatasetError, DatasetInfo, Result, Seed, Seeded};
use serde_json::{Map, Value};

pub mod composite;
mod curricula;

pub use curricula::{curriculum, with_curriculum};

pub use dataset_core;
/// figlet_font's fonts, which rgym does not ship (`figlet_fonts_dir`).
pub use datasets_cognition::figlet_font::set_fonts_dir as set_figlet_fonts_dir;
/// The optional Python provider (`python_provider`).
pub use pyprovider;

/// The datasets whose items come from the Python provider rather than from
/// Rust (pyprovider's docs say why each): refused while it is off.
pub const PYTHON_PROVIDED: &[&str] = &["acre", "codeio"];

/// Whether `name`'s items come from the Python provider.
pub fn python_provided(name: &str) -> bool {
    PYTHON_PROVIDED.contains(&name)
}

/// Natively ported datasets whose items are nevertheless taken from
/// reasoning-gym through the Python provider (`python_provider_datasets`):
/// for users who want the reference's own strings where rgym fixes a
/// documented form (intermediate_integration's antiderivatives). The config
/// is still read and validated natively and the native scorer scores.
static PROVIDER_PREFERRED: OnceLock<Vec<&'static str>> = OnceLock::new();

/// Sets [`PROVIDER_PREFERRED`] once per process: each name must be a
/// registered native dataset. A second call with the same names is a no-op.
pub fn set_provider_preferred(names: &[String]) -> std::result::Result<(), String> {
    let mut chosen = Vec::new();
    for name in names {
        let info = info(name).ok_or_else(|| not_registered(name))?;
        if info.name == "composite" || python_provided(info.name) {
            return Err(format!(
                "python_provider_datasets: {} has no native port to replace",
                info.name
            ));
        }
        chosen.push(info.name);
    }
    chosen.sort_unstable();
    chosen.dedup();
    let set = PROVIDER_PREFERRED.get_or_init(|| chosen.clone());
    if *set == chosen {
        Ok(())
    } else {
        Err("python_provider_datasets was already set in this process".into())
    }
}

/// `RGYM_PYTHON_PROVIDER_DATASETS`'s text as names: comma-separated, blanks
/// ignored (the server's settings and the CLI read it alike).
pub fn name_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `name`'s items come from the provider by the user's choice.
pub fn provider_preferred(name: &str) -> bool {
    PROVIDER_PREFERRED
        .get()
        .is_some_and(|set| set.contains(&name))
}

/// Every registered dataset, sorted by name.
pub fn registry() -> &'static [DatasetInfo] {
    static ALL: OnceLock<Vec<DatasetInfo>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: Vec<DatasetInfo> = [
            datasets_arithmetic::DATASETS,
            datasets_algorithmic::DATASETS,
            datasets_arc::DATASETS,
            datasets_code::DATASETS,
            datasets_cognition::DATASETS,
            datasets_graphs::DATASETS,
            datasets_induction::DATASETS,
            datasets_games::DATASETS,
            datasets_rgym::DATASETS,
            datasets_probability::DATASETS,
            datasets_geometry::DATASETS,
            datasets_algebra::DATASETS,
            datasets_logic::DATASETS,
            &[composite::INFO],
        ]
        .concat();
        all.sort_by_key(|d| d.name);
        all
    })
}

/// The registry entry for `name`.
pub fn info(name: &str) -> Option<&'static DatasetInfo> {
    let all = registry();
    all.binary_search_by_key(&name, |d| d.name)
        .ok()
        .map(|i| &all[i])
}

/// "Dataset 'x' not registered" (`DatasetError::UnknownDataset`'s message,
/// the reference's), followed by "; did you mean a, b?" where registered
/// names are close to `name` ([`suggest`]): a name far from every dataset
/// gets the reference's message unchanged.
pub fn not_registered(name: &str) -> String {
    let message = DatasetError::UnknownDataset(name.to_string()).to_string();
    match suggest(name).as_slice() {
        [] => message,
        names => format!("{message}; did you mean {}?", names.join(", ")),
    }
}

/// Registered names close to `name`, nearest first (at most three): for
/// "did you mean" hints where `name` is not registered. Close means a
/// case-insensitive edit distance of at most a third of the name (at least
/// 1, at most 3), or one name being a prefix of the other.
pub fn suggest(name: &str) -> Vec<&'static str> {
    let wanted: Vec<char> = name.to_lowercase().chars().take(64).collect();
    let bound = (wanted.len() / 3).clamp(1, 3);
    let mut close: Vec<(usize, &'static str)> = registry()
        .iter()
        .filter_map(|d| {
            let candidate: Vec<char> = d.name.chars().collect();
            let distance = levenshtein(&wanted, &candidate);
            let prefix = wanted.len() >= 3
                && (candidate.starts_with(&wanted) || wanted.starts_with(&candidate));
            (distance <= bound || prefix).then_some((distance, d.name))
        })
        .collect();
    close.sort();
    close.into_iter().take(3).map(|(_, n)| n).collect()
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// `reasoning_gym.create_dataset(name, **config)`; `config` holds `seed`
/// (required) and `size` (default 500) along with the dataset's own fields.
pub fn create(name: &str, config: &Map<String, Value>) -> Result<Seeded> {
    create_with(name, config, None, None)
}

/// `reasoning_gym.create_dataset(name, seed=seed, size=size, **config)`, with
/// `seed`/`size` given beside the config (the server's and the CLI's form).
pub fn create_with(
    name: &str,
    config: &Map<String, Value>,
    seed: Option<Seed>,
    size: Option<u64>,
) -> Result<Seeded> {
    let info = info(name).ok_or_else(|| DatasetError::UnknownDataset(name.to_string()))?;
    let seeded = dataset_core::build_with(info, config, seed, size)?;
    if !provider_preferred(info.name) {
        return Ok(seeded);
    }
    let config = config.clone();
    Ok(seeded.map_dataset(move |native, params| {
        std::sync::Arc::new(pyprovider::ProviderDataset::new(
            info.name,
            config,
            &params,
            move |answer, item| native.score(answer, item),
        ))
    }))
}
