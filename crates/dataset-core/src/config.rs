//! Reading a dataset config from JSON the way a reasoning-gym config dataclass
//! would be built from keyword arguments.
//!
//! Errors surface in Python's order: an unknown key is reported first (the
//! dataclass `__init__` raises `TypeError` before anything else runs), then a
//! value of the wrong type, then the dataset's own `validate()` rules. So the
//! readers below never fail on the spot: they return the default and remember
//! the problem, and [`ConfigReader::finish`] reports it.
//!
//! A build has three phases, and the types keep them in order: the reader
//! reads every field; [`ConfigReader::finish`] consumes it and, if the keys
//! and types are right, gives the [`Validator`], the only way to apply the
//! `validate()` rules ([`Validator::ensure`]) and rgym's size bound
//! ([`Validator::ensure_item_size`]); [`Validator::done`] consumes that in
//! turn and makes the [`Built`] dataset a [`BuildFn`](crate::BuildFn) must
//! return. So no rule can run before every field is read, no field can be
//! read after the rules, and no builder can skip `finish`.
//!
//! [`describe`] documents a dataset's config without any per-dataset code: it
//! builds the dataset from an empty config while the reader records every
//! field it is asked for (name, type, default) and [`Validator::ensure`] records every
//! rule. With all defaults valid, every rule runs, so the record is complete.

use std::cell::RefCell;
use std::collections::HashSet;

use serde_json::{Map, Value};

use std::sync::Arc;

use crate::{input, Dataset, DatasetError, DatasetInfo, Result, Seed};

/// A config field as `rgym describe` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDoc {
    pub name: &'static str,
    /// The Python annotation (`int`, `Optional[float]`, `list[str]`), or `any`
    /// for a field the dataset parses itself.
    pub ty: &'static str,
    /// `None` when the dataset derives the default itself (an `any` field).
    pub default: Option<Value>,
}

/// What [`describe`] found out about a dataset's config.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConfigDoc {
    /// In the order the dataset reads them (the dataclass field order).
    pub fields: Vec<FieldDoc>,
    /// The `validate()` messages, each once, in the order they are checked.
    pub rules: Vec<String>,
    /// Building with every default failed (`composite` needs its `datasets`),
    /// so the record may stop short.
    pub error: Option<String>,
}

impl FieldDoc {
    /// `{"name", "type", "default"}`, as `rgym describe --json` and the web
    /// page show a field; `default` is absent (not null: null is a real
    /// default) when the dataset derives it.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("name".into(), self.name.into());
        m.insert("type".into(), self.ty.into());
        if let Some(d) = &self.default {
            m.insert("default".into(), d.clone());
        }
        Value::Object(m)
    }
}

impl ConfigDoc {
    /// Every field as [`FieldDoc::to_json`].
    pub fn fields_json(&self) -> Vec<Value> {
        self.fields.iter().map(FieldDoc::to_json).collect()
    }

    /// The config object of every known default, field by field.
    pub fn defaults(&self) -> Map<String, Value> {
        self.fields
            .iter()
            .filter_map(|f| Some((f.name.to_string(), f.default.clone()?)))
            .collect()
    }
}

thread_local! {
    // Per thread, so that describing never disturbs datasets built elsewhere.
    static RECORDING: RefCell<Option<ConfigDoc>> = const { RefCell::new(None) };
}

fn record(f: impl FnOnce(&mut ConfigDoc)) {
    RECORDING.with(|r| {
        if let Some(doc) = r.borrow_mut().as_mut() {
            f(doc)
        }
    });
}

/// `default` is only called while recording: builds outside `describe` pay
/// for a thread-local check, not for cloning defaults.
fn record_field(
    name: &'static str,
    ty: &'static str,
    default: impl FnOnce() -> Option<Value>,
    overwrite: bool,
) {
    record(|doc| match doc.fields.iter_mut().find(|f| f.name == name) {
        Some(f) if overwrite => {
            *f = FieldDoc {
                name,
                ty,
                default: default(),
            }
        }
        Some(_) => {}
        None => doc.fields.push(FieldDoc {
            name,
            ty,
            default: default(),
        }),
    });
}

/// What `rgym describe --json` and the web page's `GET /web/datasets/{name}`
/// say of a dataset, in one key order: `name`, `category`, `description`,
/// `parity` (the CLI knows it, from the golden files), `config_class`,
/// `fields`, `rules`, `defaults` (the config object the page pre-fills;
/// fields whose default the dataset derives are left out), and
/// `defaults_error` when the defaults alone do not build.
pub fn describe_json(
    info: &DatasetInfo,
    doc: &ConfigDoc,
    parity: Option<&str>,
    with_defaults: bool,
) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), info.name.into());
    m.insert("category".into(), info.category.into());
    m.insert("description".into(), info.description.into());
    if let Some(p) = parity {
        m.insert("parity".into(), p.into());
    }
    m.insert("config_class".into(), info.config_class.into());
    m.insert("fields".into(), doc.fields_json().into());
    m.insert("rules".into(), doc.rules.clone().into());
    if with_defaults {
        m.insert("defaults".into(), doc.defaults().into());
    }
    if let Some(e) = &doc.error {
        m.insert("defaults_error".into(), e.as_str().into());
    }
    Value::Object(m)
}

/// The config fields, defaults and validation rules of a dataset, found by
/// building it with seed 0, size 500 and an empty config.
pub fn describe(info: &DatasetInfo) -> ConfigDoc {
    struct Stop;
    impl Drop for Stop {
        // A panicking builder must not leave this thread recording.
        fn drop(&mut self) {
            RECORDING.with(|r| r.borrow_mut().take());
        }
    }
    RECORDING.with(|r| *r.borrow_mut() = Some(ConfigDoc::default()));
    let stop = Stop;
    let built = crate::build_dataset(info, &Map::new(), Some(Seed::from(0u8)), Some(500));
    let mut doc = RECORDING
        .with(|r| r.borrow_mut().take())
        .unwrap_or_default();
    drop(stop);
    if let Err(e) = built {
        doc.error = Some(e.to_string());
    }
    doc
}

pub struct ConfigReader<'a> {
    class: &'static str,
    config: &'a Map<String, Value>,
    read: HashSet<&'a str>,
    type_error: Option<String>,
}

/// `assert cond, msg` of a config's `validate()` ([`Validator::ensure`]).
fn ensure(cond: bool, msg: impl Into<String>) -> Result<()> {
    if RECORDING.with(|r| r.borrow().is_some()) {
        let msg = msg.into();
        record(|doc| {
            if !doc.rules.contains(&msg) {
                doc.rules.push(msg.clone());
            }
        });
        return if cond {
            Ok(())
        } else {
            Err(DatasetError::InvalidConfig(msg))
        };
    }
    if cond {
        Ok(())
    } else {
        Err(DatasetError::InvalidConfig(msg.into()))
    }
}

/// rgym's bound on one item, beyond reasoning-gym's `validate()`: how many
/// elements (grid cells, list entries, terms, digits, characters...) the
/// largest item of a config may hold.
///
/// Why: a config is client input, and Rust aborts the whole process when an
/// allocation fails, so `{"max_rows": 1000000000}` must be refused before it
/// is generated, not discovered by the allocator (or by a thread that burns
/// a core for minutes after the request timed out). reasoning-gym has no such
/// bound, but at this size its generators run out of memory or time as well;
/// every config it handles in practice stays well below it.
pub const MAX_ITEM_ELEMENTS: u128 = 1 << 22;

/// The `validate()` phase of a build: what [`ConfigReader::finish`] hands
/// over once every field is read and the keys and types are right (see the
/// module docs for why the phases are types).
pub struct Validator {
    _finished: (),
}

/// A dataset that went through every phase of its build, as only
/// [`Validator::done`] makes one.
pub struct Built(pub(crate) Arc<dyn Dataset>);

impl Validator {
    /// `assert cond, msg` of a config's `validate()`: the same message, the
    /// same order.
    pub fn ensure(&self, cond: bool, msg: impl Into<String>) -> Result<()> {
        ensure(cond, msg)
    }

    /// Refuses a config whose items could hold more than [`MAX_ITEM_ELEMENTS`]
    /// elements. `elements` is the caller's upper bound, computed from the config
    /// with saturating arithmetic; `what` names the fields it comes from
    /// (`"max_rows * max_cols"`). Call it after the `validate()` rules, so that
    /// Python's own messages keep their order.
    pub fn ensure_item_size(&self, elements: u128, what: &str) -> Result<()> {
        ensure(
            elements <= MAX_ITEM_ELEMENTS,
            format!(
                "{what} must be at most {MAX_ITEM_ELEMENTS} (rgym's limit on the size of one item)"
            ),
        )
    }

    /// The end of the build: `dataset`, valid.
    pub fn done(self, dataset: impl Dataset + 'static) -> Result<Built> {
        Ok(Built(Arc::new(dataset)))
    }
}

/// `n` as a count for [`Validator::ensure_item_size`]: negative values count as zero
/// (they have been refused, or mean "none", by then).
pub fn count(n: i64) -> u128 {
    n.max(0) as u128
}

impl<'a> ConfigReader<'a> {
    pub fn new(class: &'static str, config: &'a Map<String, Value>) -> Self {
        ConfigReader {
            class,
            config,
            read: HashSet::new(),
            type_error: None,
        }
    }

    /// The value given for `name`, if any; `null` counts as given (Python `None`).
    pub fn raw(&mut self, name: &'static str) -> Option<&'a Value> {
        record_field(name, "any", || None, false);
        let (key, value) = self.config.get_key_value(name)?;
        self.read.insert(key.as_str());
        Some(value)
    }

    fn bad(&mut self, name: &str, what: &str) {
        if self.type_error.is_none() {
            self.type_error = Some(format!("{}: {name} must be {what}", self.class));
        }
    }

    fn typed<T: Clone + Into<Value>>(
        &mut self,
        name: &'static str,
        ty: &'static str,
        default: T,
        what: &str,
        conv: impl Fn(&Value) -> Option<T>,
    ) -> T {
        let given = self.raw(name);
        record_field(name, ty, || Some(default.clone().into()), true);
        match given {
            None => default,
            Some(v) => match conv(v) {
                Some(t) => t,
                None => {
                    self.bad(name, what);
                    default
                }
            },
        }
    }

    pub fn int(&mut self, name: &'static str, default: i64) -> i64 {
        self.typed(name, "int", default, "an integer", as_int)
    }

    /// An `Optional[int]` field: JSON `null` is `None`.
    pub fn opt_int(&mut self, name: &'static str, default: Option<i64>) -> Option<i64> {
        self.typed(name, "Optional[int]", default, "an integer or null", |v| {
            if v.is_null() {
                Some(None)
            } else {
                as_int(v).map(Some)
            }
        })
    }

    /// A `float` field. Ints are accepted, as Python would accept them.
    pub fn float(&mut self, name: &'static str, default: f64) -> f64 {
        self.typed(name, "float", default, "a number", |v| {
            if v.is_boolean() {
                None
            } else {
                v.as_f64()
            }
        })
    }

    /// A `float` field, with the JSON number as given, for datasets that echo
    /// it back: Python keeps an int given for a float field an int (`5`, not
    /// `5.0`) in questions and metadata.
    pub fn float_as_given(&mut self, name: &'static str, default: f64) -> (f64, Value) {
        let x = self.float(name, default);
        let given = self
            .raw(name)
            .filter(|v| v.is_number())
            .cloned()
            .unwrap_or_else(|| Value::from(x));
        (x, given)
    }

    pub fn opt_float(&mut self, name: &'static str, default: Option<f64>) -> Option<f64> {
        self.typed(name, "Optional[float]", default, "a number or null", |v| {
            if v.is_null() {
                Some(None)
            } else {
                v.as_f64().map(Some)
            }
        })
    }

    pub fn bool(&mut self, name: &'static str, default: bool) -> bool {
        self.typed(name, "bool", default, "a boolean", Value::as_bool)
    }

    pub fn string(&mut self, name: &'static str, default: &str) -> String {
        self.typed(name, "str", default.to_string(), "a string", |v| {
            v.as_str().map(str::to_string)
        })
    }

    pub fn opt_string(&mut self, name: &'static str, default: Option<&str>) -> Option<String> {
        self.typed(
            name,
            "Optional[str]",
            default.map(str::to_string),
            "a string or null",
            |v| {
                if v.is_null() {
                    Some(None)
                } else {
                    v.as_str().map(|s| Some(s.to_string()))
                }
            },
        )
    }

    pub fn str_list(&mut self, name: &'static str, default: &[&str]) -> Vec<String> {
        let default = default.iter().map(|s| s.to_string()).collect();
        self.typed(name, "list[str]", default, "a list of strings", |v| {
            v.as_array()?
                .iter()
                .map(|x| x.as_str().map(str::to_string))
                .collect()
        })
    }

    pub fn int_list(&mut self, name: &'static str, default: &[i64]) -> Vec<i64> {
        self.typed(
            name,
            "list[int]",
            default.to_vec(),
            "a list of integers",
            |v| v.as_array()?.iter().map(as_int).collect(),
        )
    }

    pub fn float_list(&mut self, name: &'static str, default: &[f64]) -> Vec<f64> {
        self.typed(
            name,
            "list[float]",
            default.to_vec(),
            "a list of numbers",
            |v| v.as_array()?.iter().map(Value::as_f64).collect(),
        )
    }

    /// The `seed` field. reasoning-gym draws a random seed when it is absent;
    /// rgym refuses, so that every item is reproducible.
    /// Any integer, as Python's `Random(seed + idx)` takes any int.
    pub fn seed(&mut self) -> Result<Seed> {
        match self.raw("seed") {
            None | Some(Value::Null) => Err(DatasetError::InvalidConfig("seed is required".into())),
            Some(v) => input::read_seed(v).map_err(DatasetError::InvalidConfig),
        }
    }

    /// The `size` field: a positive integer (reasoning-gym hangs on `size <= 0`)
    /// that fits 64 bits, else [`input::SIZE_RULE`].
    pub fn size(&mut self, default: u64) -> Result<u64> {
        match self.raw("size") {
            None | Some(Value::Null) => Ok(default),
            Some(v) => input::read_size(v).map_err(|e| DatasetError::InvalidConfig(e.into())),
        }
    }

    /// Ends reading: reports, in Python's order, an unknown key or a wrongly
    /// typed value, else hands over the [`Validator`] for the `validate()` rules.
    pub fn finish(self) -> Result<Validator> {
        if let Some(unknown) = self.config.keys().find(|k| !self.read.contains(k.as_str())) {
            return Err(DatasetError::InvalidConfig(format!(
                "{}.__init__() got an unexpected keyword argument '{}'",
                self.class,
                input::echo(unknown)
            )));
        }
        match self.type_error {
            Some(e) => Err(DatasetError::InvalidConfig(e)),
            None => Ok(Validator { _finished: () }),
        }
    }
}

/// A JSON integer as Python would see it (`true` is 1; `3.0` is not an
/// int), when it fits an `i64`: [`input::json_int`]'s rule, the one rule
/// for what counts as an int wherever rgym reads one (seeds, sizes, config
/// fields, HTTP bodies).
pub fn as_int(v: &Value) -> Option<i64> {
    let n = input::json_int(v).ok()?.as_i128()?;
    i64::try_from(n).ok()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::{Item, Params};

    struct Fake;
    impl Dataset for Fake {
        fn generate(&self, _: u64) -> Result<Item> {
            Err(DatasetError::Generation("unused".into()))
        }
    }

    fn build(mut r: ConfigReader, _: Params) -> Result<Built> {
        let lo = r.int("lo", 3);
        let hi = r.opt_float("hi", None);
        let custom = r.raw("custom").cloned();
        let _again = r.raw("lo");
        let v = r.finish()?;
        v.ensure(lo > 0, "lo must be positive")?;
        v.ensure(hi.is_none_or(|h| h >= lo as f64), "hi must be >= lo")?;
        v.ensure(lo > 0, "lo must be positive")?;
        let _ = custom;
        v.done(Fake)
    }

    const INFO: DatasetInfo = DatasetInfo {
        name: "fake",
        category: "test",
        description: "",
        config_class: "FakeConfig",
        build,
    };

    #[test]
    fn config_ints_follow_the_one_int_rule() {
        let int = |text: &str| as_int(&serde_json::from_str(text).unwrap());
        assert_eq!(int("42"), Some(42));
        assert_eq!(int("-7"), Some(-7));
        assert_eq!(int("true"), Some(1));
        assert_eq!(int("false"), Some(0));
        assert_eq!(int("9223372036854775807"), Some(i64::MAX));
        for not in ["3.0", "1e3", "\"3\"", "null", "[1]", "9223372036854775808"] {
            assert_eq!(int(not), None, "{not}");
        }
    }

    #[test]
    fn describe_json_has_one_key_order() {
        let doc = describe(&INFO);
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(
            keys(&describe_json(&INFO, &doc, Some("golden"), false)),
            [
                "name",
                "category",
                "description",
                "parity",
                "config_class",
                "fields",
                "rules"
            ]
        );
        let page = describe_json(&INFO, &doc, None, true);
        assert_eq!(
            keys(&page),
            [
                "name",
                "category",
                "description",
                "config_class",
                "fields",
                "rules",
                "defaults"
            ]
        );
        assert_eq!(page["defaults"], json!({"lo": 3, "hi": null}));
    }

    #[test]
    fn describe_records_fields_defaults_and_rules_once() {
        let doc = describe(&INFO);
        let fields: Vec<_> = doc
            .fields
            .iter()
            .map(|f| (f.name, f.ty, f.default.clone()))
            .collect();
        assert_eq!(
            fields,
            [
                ("lo", "int", Some(json!(3))),
                ("hi", "Optional[float]", Some(Value::Null)),
                ("custom", "any", None),
            ]
        );
        assert_eq!(doc.rules, ["lo must be positive", "hi must be >= lo"]);
        assert_eq!(doc.error, None);
        // Recording is over: a failing rule no longer records anything.
        assert!(ensure(false, "x").is_err());
        assert!(RECORDING.with(|r| r.borrow().is_none()));
    }
}
