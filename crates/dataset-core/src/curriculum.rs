//! reasoning-gym's curricula (`reasoning_gym/coaching`): named attributes of
//! a dataset's config, each a list of levels from easy to hard, and
//! `BaseCurriculum.generate_configuration`, which turns a level per attribute
//! into config fields.
//!
//! A curriculum is data here (`crates/datasets/curricula/<name>.json`, written
//! from the reference by `scripts/vectors/curricula.py`); this module reads
//! it and gives its semantics:
//!
//! * a *scalar* attribute sets its one field to the level's value;
//! * a *range* attribute sets a lower and an upper field from the levels of
//!   the default `DefaultCurriculumContext` (mode `INCLUSIVE`): the first
//!   level and level k (level k + 1 when `ensure_interval`, so that the range
//!   is never one value), capped at the last level; the lower field gets the
//!   smaller of the two, the upper the larger, as Python's `min`/`max` pick;
//! * the fields are written over the given config (`defaults`), so a curriculum
//!   field always wins over the same field of the dataset config.
//!
//! Levels are checked with the reference's messages (`validate_level`,
//! `get_attribute`).

use serde::Deserialize;
use serde_json::{Map, Number, Value};

use crate::input::echo_json;

/// One dataset's curriculum.
#[derive(Debug, Clone)]
pub struct Curriculum {
    /// The registered dataset it belongs to.
    pub dataset: String,
    /// The reference's curriculum class (`LegCountingCurriculum`): what its
    /// error messages name.
    pub name: String,
    pub config_class: String,
    /// In definition order, which is the order fields are written in.
    pub attributes: Vec<Attribute>,
}

#[derive(Debug, Clone)]
pub struct Attribute {
    pub name: String,
    pub description: Option<String>,
    pub default_level: usize,
    /// Never empty.
    pub levels: Vec<Value>,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `ScalarAttributeDefinition`: one field, the level's value.
    Scalar { field: String },
    /// `RangeAttributeDefinition`: numeric levels, a lower and an upper field.
    Range {
        lower_field: String,
        upper_field: String,
        ensure_interval: bool,
    },
}

/// A level for each attribute of one curriculum, indexed like its
/// attributes (`BaseCurriculum._current_levels` with the defaults filled in).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Levels(Vec<usize>);

impl Levels {
    pub fn as_slice(&self) -> &[usize] {
        &self.0
    }

    /// The highest level of any attribute (`get_max_level`).
    pub fn max(&self) -> usize {
        self.0.iter().copied().max().unwrap_or(0)
    }
}

// The data file's shape; unknown keys are refused so that a reference
// release with new attribute fields cannot be read half-way.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    dataset: String,
    curriculum: String,
    config_class: String,
    #[allow(dead_code)] // Provenance, for readers of the file.
    reasoning_gym: String,
    attributes: Vec<FileAttribute>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileAttribute {
    name: String,
    kind: String,
    default_level: usize,
    description: Option<String>,
    levels: Vec<Value>,
    field_name: Option<String>,
    lower_field_name: Option<String>,
    upper_field_name: Option<String>,
    ensure_interval: Option<bool>,
}

impl Curriculum {
    /// Reads a curriculum data file, checking what the semantics rely on:
    /// levels present, a default among them, numeric levels for ranges, no
    /// attribute named twice.
    pub fn parse(text: &str) -> Result<Curriculum, String> {
        let doc: FileDoc = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut attributes: Vec<Attribute> = Vec::with_capacity(doc.attributes.len());
        for a in doc.attributes {
            let at = format!("{}.{}", doc.curriculum, a.name);
            if attributes.iter().any(|b| b.name == a.name) {
                return Err(format!("{at}: defined twice"));
            }
            if a.default_level >= a.levels.len() {
                return Err(format!("{at}: no level {}", a.default_level));
            }
            let kind = match (
                a.kind.as_str(),
                a.field_name,
                a.lower_field_name,
                a.upper_field_name,
            ) {
                ("scalar", Some(field), None, None) if a.ensure_interval.is_none() => {
                    Kind::Scalar { field }
                }
                ("range", None, Some(lower_field), Some(upper_field)) => {
                    // Non-numeric range levels (an iterable in Python) would
                    // take another path of get_range_attr_value; none exist.
                    if !a.levels.iter().all(Value::is_number) {
                        return Err(format!("{at}: a range with non-numeric levels"));
                    }
                    Kind::Range {
                        lower_field,
                        upper_field,
                        ensure_interval: a.ensure_interval.unwrap_or(false),
                    }
                }
                _ => return Err(format!("{at}: not a scalar or range attribute")),
            };
            attributes.push(Attribute {
                name: a.name,
                description: a.description,
                default_level: a.default_level,
                levels: a.levels,
                kind,
            });
        }
        if attributes.is_empty() {
            return Err(format!("{}: no attributes", doc.curriculum));
        }
        Ok(Curriculum {
            dataset: doc.dataset,
            name: doc.curriculum,
            config_class: doc.config_class,
            attributes,
        })
    }

    /// Every attribute at its default level (a new curriculum's).
    pub fn default_levels(&self) -> Levels {
        Levels(self.attributes.iter().map(|a| a.default_level).collect())
    }

    /// The position of attribute `name`, or `get_attribute`'s `KeyError`.
    pub fn attribute(&self, name: &str) -> Result<usize, String> {
        self.attributes
            .iter()
            .position(|a| a.name == name)
            .ok_or_else(|| {
                format!(
                    "Attribute '{}.{}' does not exist",
                    self.name,
                    crate::input::echo(name)
                )
            })
    }

    /// `set_attr_level(name, level)` on `levels`, with `validate_level`'s
    /// message for a level out of range. `level` is a client's JSON value.
    pub fn set_level(&self, levels: &mut Levels, name: &str, level: &Value) -> Result<(), String> {
        let i = self.attribute(name)?;
        let attr = &self.attributes[i];
        let (k, text) = read_level(level, &format!("the level of {}", attr.name))?;
        levels.0[i] = self.check_level(attr, k, &text)?;
        Ok(())
    }

    /// `{attr: level, ...}`: the named attributes at their levels, the
    /// others at their default level (what `generate_configuration` reads
    /// for an attribute never set).
    pub fn levels_of(&self, chosen: &Map<String, Value>) -> Result<Levels, String> {
        let mut levels = self.default_levels();
        for (name, level) in chosen {
            self.set_level(&mut levels, name, level)?;
        }
        Ok(levels)
    }

    /// `set_global_level(level)`: every attribute at `level`, or at its last
    /// level when it has fewer. `level` is a client's JSON value.
    pub fn global_levels(&self, level: &Value) -> Result<Levels, String> {
        let (k, text) = read_level(level, "level")?;
        let mut out = Vec::with_capacity(self.attributes.len());
        for attr in &self.attributes {
            let last = attr.levels.len() as i128 - 1;
            out.push(self.check_level(attr, k.min(last), &text)?);
        }
        Ok(Levels(out))
    }

    /// `validate_level`: `0 <= level < len(levels)`.
    fn check_level(&self, attr: &Attribute, k: i128, text: &str) -> Result<usize, String> {
        match usize::try_from(k) {
            Ok(k) if k < attr.levels.len() => Ok(k),
            _ => Err(format!(
                "Invalid level: {text} for attribute '{}.{}'. Must be between 0 and {}",
                self.name,
                attr.name,
                attr.levels.len() - 1
            )),
        }
    }

    /// Every attribute one level up where it can (`increment_attr_level` on
    /// each); whether any moved.
    pub fn raise(&self, levels: &mut Levels) -> bool {
        let mut moved = false;
        for (k, attr) in levels.0.iter_mut().zip(&self.attributes) {
            if *k + 1 < attr.levels.len() {
                *k += 1;
                moved = true;
            }
        }
        moved
    }

    /// Every attribute one level down where it can (`decrement_attr_level`
    /// on each); whether any moved.
    pub fn lower(&self, levels: &mut Levels) -> bool {
        let mut moved = false;
        for k in levels.0.iter_mut() {
            if *k > 0 {
                *k -= 1;
                moved = true;
            }
        }
        moved
    }

    /// The levels as `{attr: level}`, in attribute order.
    pub fn levels_json(&self, levels: &Levels) -> Map<String, Value> {
        self.attributes
            .iter()
            .zip(&levels.0)
            .map(|(a, &k)| (a.name.clone(), Value::from(k)))
            .collect()
    }

    /// `generate_configuration(defaults)` with the default context: the
    /// attributes' fields at `levels`, written over `defaults`.
    pub fn generate_configuration(
        &self,
        levels: &Levels,
        defaults: &Map<String, Value>,
    ) -> Map<String, Value> {
        let mut config = defaults.clone();
        for (attr, &level) in self.attributes.iter().zip(&levels.0) {
            match &attr.kind {
                Kind::Scalar { field } => {
                    config.insert(field.clone(), attr.levels[level].clone());
                }
                Kind::Range {
                    lower_field,
                    upper_field,
                    ensure_interval,
                } => {
                    // INCLUSIVE: from the first level to this one (one
                    // further when an interval is ensured), capped.
                    let last = attr.levels.len() - 1;
                    let hi_index = (level + usize::from(*ensure_interval)).min(last);
                    let (lo, hi) = (&attr.levels[0], &attr.levels[hi_index]);
                    // Python's min([lo, hi]) and max([lo, hi]): the first of
                    // equal values.
                    let (min, max) = if less(hi, lo) {
                        (hi, lo)
                    } else if less(lo, hi) {
                        (lo, hi)
                    } else {
                        (lo, lo)
                    };
                    config.insert(lower_field.clone(), min.clone());
                    config.insert(upper_field.clone(), max.clone());
                }
            }
        }
        config
    }

    /// The curriculum as `rgym describe --json` shows it.
    pub fn to_json(&self) -> Value {
        let attrs: Vec<Value> = self
            .attributes
            .iter()
            .map(|a| {
                let mut m = Map::new();
                m.insert("name".into(), a.name.clone().into());
                match &a.kind {
                    Kind::Scalar { field } => {
                        m.insert("kind".into(), "scalar".into());
                        m.insert("field_name".into(), field.clone().into());
                    }
                    Kind::Range {
                        lower_field,
                        upper_field,
                        ensure_interval,
                    } => {
                        m.insert("kind".into(), "range".into());
                        m.insert("lower_field_name".into(), lower_field.clone().into());
                        m.insert("upper_field_name".into(), upper_field.clone().into());
                        m.insert("ensure_interval".into(), (*ensure_interval).into());
                    }
                }
                m.insert("default_level".into(), a.default_level.into());
                m.insert("description".into(), a.description.clone().into());
                m.insert("levels".into(), a.levels.clone().into());
                Value::Object(m)
            })
            .collect();
        let mut m = Map::new();
        m.insert("name".into(), self.name.clone().into());
        m.insert("attributes".into(), attrs.into());
        Value::Object(m)
    }
}

/// A level as a client sends it: a JSON integer of any size, saturated to
/// an `i128` (far past any curriculum's last level), with its digits kept
/// for the reference's message.
fn read_level(v: &Value, what: &str) -> Result<(i128, String), String> {
    let bad = || format!("{what} must be an integer, got {}", echo_json(v));
    let Value::Number(n) = v else {
        return Err(bad());
    };
    if let Some(k) = int_of(n) {
        return Ok((k, k.to_string()));
    }
    if is_big_int(n) {
        let k = if n.to_string().starts_with('-') {
            i128::MIN
        } else {
            i128::MAX
        };
        return Ok((k, echo_json(v)));
    }
    Err(bad())
}

fn is_big_int(n: &Number) -> bool {
    let t = n.to_string();
    let digits = t.strip_prefix('-').unwrap_or(&t);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `a < b` for the numeric levels of a range (checked at parse): integers
/// exactly, anything else as floats, as Python compares int and float.
fn less(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (int_of(x), int_of(y)) {
            (Some(x), Some(y)) => x < y,
            _ => x.as_f64().unwrap_or(f64::NAN) < y.as_f64().unwrap_or(f64::NAN),
        },
        _ => false,
    }
}

fn int_of(n: &Number) -> Option<i128> {
    n.as_i64()
        .map(i128::from)
        .or_else(|| n.as_u64().map(i128::from))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> Curriculum {
        Curriculum::parse(
            r#"{"dataset":"d","curriculum":"DCurriculum","config_class":"DConfig","reasoning_gym":"0.1.25","attributes":[
             {"name":"n","kind":"range","lower_field_name":"min_n","upper_field_name":"max_n","ensure_interval":false,"default_level":0,"description":"n","levels":[1,5,3]},
             {"name":"m","kind":"range","lower_field_name":"min_m","upper_field_name":"max_m","ensure_interval":true,"default_level":0,"description":null,"levels":[2,4,8]},
             {"name":"w","kind":"scalar","field_name":"weights","default_level":1,"description":"w","levels":[[1,0],[0.5,0.5]]}
            ]}"#,
        )
        .expect("sample parses")
    }

    #[test]
    fn ranges_are_inclusive_and_scalars_take_the_level() {
        let c = sample();
        let at = |n: i64, m: i64| {
            let levels = c
                .levels_of(json!({"n": n, "m": m}).as_object().expect("object"))
                .expect("valid levels");
            Value::Object(c.generate_configuration(&levels, &Map::new()))
        };
        assert_eq!(
            at(0, 0),
            json!({"min_n": 1, "max_n": 1, "min_m": 2, "max_m": 4, "weights": [0.5, 0.5]})
        );
        // Level 2 of n spans levels 0 and 2 only: 1..3, though level 1 is 5.
        assert_eq!(at(2, 2)["max_n"], json!(3));
        // ensure_interval is capped at the last level.
        assert_eq!(at(2, 2)["max_m"], json!(8));
        assert_eq!(at(1, 1)["max_m"], json!(8));
    }

    #[test]
    fn curriculum_fields_win_over_defaults_in_place() {
        let c = sample();
        let defaults = json!({"max_n": 99, "other": true});
        let cfg =
            c.generate_configuration(&c.default_levels(), defaults.as_object().expect("object"));
        let keys: Vec<&str> = cfg.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["max_n", "other", "min_n", "min_m", "max_m", "weights"]
        );
        assert_eq!(cfg["max_n"], json!(1));
    }

    #[test]
    fn levels_are_checked_with_the_reference_messages() {
        let c = sample();
        let err = |v: Value| {
            c.levels_of(v.as_object().expect("object"))
                .expect_err("refused")
        };
        assert_eq!(
            err(json!({"n": 3})),
            "Invalid level: 3 for attribute 'DCurriculum.n'. Must be between 0 and 2"
        );
        assert_eq!(
            err(json!({"n": -1})),
            "Invalid level: -1 for attribute 'DCurriculum.n'. Must be between 0 and 2"
        );
        assert_eq!(
            err(json!({"x": 0})),
            "Attribute 'DCurriculum.x' does not exist"
        );
        assert!(err(json!({"n": 1.5})).contains("must be an integer"));
        assert!(err(json!({"n": "1"})).contains("must be an integer"));
        assert!(err(json!({"n": true})).contains("must be an integer"));
        let big: Value = serde_json::from_str("123456789012345678901234567890").expect("int");
        assert_eq!(
            err(json!({"n": big.clone()})),
            "Invalid level: 123456789012345678901234567890 for attribute 'DCurriculum.n'. Must be between 0 and 2"
        );
        // set_global_level caps any level, however large.
        assert_eq!(c.global_levels(&big).expect("capped").as_slice(), [2, 2, 1]);
    }

    #[test]
    fn global_levels_cap_at_each_last_level() {
        let c = sample();
        let l = c.global_levels(&json!(7)).expect("capped");
        assert_eq!(l.as_slice(), [2, 2, 1]);
        assert_eq!(l.max(), 2);
        assert!(c.global_levels(&json!(-1)).is_err());
    }

    #[test]
    fn raise_and_lower_move_every_attribute_that_can() {
        let c = sample();
        let mut l = c.default_levels();
        assert_eq!(l.as_slice(), [0, 0, 1]);
        assert!(c.raise(&mut l));
        assert_eq!(l.as_slice(), [1, 1, 1]);
        assert!(c.raise(&mut l));
        assert!(!c.raise(&mut l));
        assert_eq!(l.as_slice(), [2, 2, 1]);
        assert!(c.lower(&mut l));
        assert_eq!(l.as_slice(), [1, 1, 0]);
        assert!(c.lower(&mut l));
        assert!(!c.lower(&mut l));
        assert_eq!(
            c.levels_json(&l),
            *json!({"n": 0, "m": 0, "w": 0}).as_object().expect("object")
        );
    }

    #[test]
    fn malformed_files_are_refused() {
        for bad in [
            r#"{"dataset":"d","curriculum":"C","config_class":"K","reasoning_gym":"x","attributes":[]}"#,
            r#"{"dataset":"d","curriculum":"C","config_class":"K","reasoning_gym":"x","attributes":[{"name":"a","kind":"scalar","field_name":"f","default_level":0,"description":null,"levels":[]}]}"#,
            r#"{"dataset":"d","curriculum":"C","config_class":"K","reasoning_gym":"x","attributes":[{"name":"a","kind":"range","lower_field_name":"l","upper_field_name":"u","default_level":0,"description":null,"levels":["x"]}]}"#,
            r#"{"dataset":"d","curriculum":"C","config_class":"K","reasoning_gym":"x","attributes":[{"name":"a","kind":"scalar","field_name":"f","default_level":0,"description":null,"levels":[1],"new":1}]}"#,
        ] {
            assert!(Curriculum::parse(bad).is_err(), "{bad}");
        }
    }
}
