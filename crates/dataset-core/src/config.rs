//! Reading a dataset config from JSON the way a reasoning-gym config dataclass
//! would be built from keyword arguments.
//!
//! Errors surface in Python's order: an unknown key is reported first (the
//! dataclass `__init__` raises `TypeError` before anything else runs), then a
//! value of the wrong type, then the dataset's own `validate()` rules. So the
//! readers below never fail on the spot: they return the default and remember
//! the problem, and [`ConfigReader::finish`] reports it.

use std::collections::HashSet;

use serde_json::{Map, Value};

use crate::{DatasetError, Result};

pub struct ConfigReader<'a> {
    class: &'static str,
    config: &'a Map<String, Value>,
    read: HashSet<&'a str>,
    type_error: Option<String>,
}

/// `assert cond, msg` of a config's `validate()`.
pub fn ensure(cond: bool, msg: impl Into<String>) -> Result<()> {
    if cond {
        Ok(())
    } else {
        Err(DatasetError::InvalidConfig(msg.into()))
    }
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
        let (key, value) = self.config.get_key_value(name)?;
        self.read.insert(key.as_str());
        Some(value)
    }

    fn bad(&mut self, name: &str, what: &str) {
        if self.type_error.is_none() {
            self.type_error = Some(format!("{}: {name} must be {what}", self.class));
        }
    }

    fn typed<T>(
        &mut self,
        name: &'static str,
        default: T,
        what: &str,
        conv: impl Fn(&Value) -> Option<T>,
    ) -> T {
        match self.raw(name) {
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
        self.typed(name, default, "an integer", as_int)
    }

    /// An `Optional[int]` field: JSON `null` is `None`.
    pub fn opt_int(&mut self, name: &'static str, default: Option<i64>) -> Option<i64> {
        self.typed(name, default, "an integer or null", |v| {
            if v.is_null() {
                Some(None)
            } else {
                as_int(v).map(Some)
            }
        })
    }

    /// A `float` field. Ints are accepted, as Python would accept them.
    pub fn float(&mut self, name: &'static str, default: f64) -> f64 {
        self.typed(name, default, "a number", |v| {
            if v.is_boolean() {
                None
            } else {
                v.as_f64()
            }
        })
    }

    pub fn opt_float(&mut self, name: &'static str, default: Option<f64>) -> Option<f64> {
        self.typed(name, default, "a number or null", |v| {
            if v.is_null() {
                Some(None)
            } else {
                v.as_f64().map(Some)
            }
        })
    }

    pub fn bool(&mut self, name: &'static str, default: bool) -> bool {
        self.typed(name, default, "a boolean", Value::as_bool)
    }

    pub fn string(&mut self, name: &'static str, default: &str) -> String {
        self.typed(name, default.to_string(), "a string", |v| {
            v.as_str().map(str::to_string)
        })
    }

    pub fn opt_string(&mut self, name: &'static str, default: Option<&str>) -> Option<String> {
        self.typed(name, default.map(str::to_string), "a string or null", |v| {
            if v.is_null() {
                Some(None)
            } else {
                v.as_str().map(|s| Some(s.to_string()))
            }
        })
    }

    pub fn str_list(&mut self, name: &'static str, default: &[&str]) -> Vec<String> {
        let default = default.iter().map(|s| s.to_string()).collect();
        self.typed(name, default, "a list of strings", |v| {
            v.as_array()?
                .iter()
                .map(|x| x.as_str().map(str::to_string))
                .collect()
        })
    }

    pub fn int_list(&mut self, name: &'static str, default: &[i64]) -> Vec<i64> {
        self.typed(name, default.to_vec(), "a list of integers", |v| {
            v.as_array()?.iter().map(as_int).collect()
        })
    }

    pub fn float_list(&mut self, name: &'static str, default: &[f64]) -> Vec<f64> {
        self.typed(name, default.to_vec(), "a list of numbers", |v| {
            v.as_array()?.iter().map(Value::as_f64).collect()
        })
    }

    /// The `seed` field. reasoning-gym draws a random seed when it is absent;
    /// rgym refuses, so that every item is reproducible.
    pub fn seed(&mut self) -> Result<i128> {
        match self.raw("seed") {
            None | Some(Value::Null) => Err(DatasetError::InvalidConfig("seed is required".into())),
            Some(v) => as_i128(v)
                .ok_or_else(|| DatasetError::InvalidConfig("seed must be an integer".into())),
        }
    }

    /// The `size` field: a positive integer (reasoning-gym hangs on `size <= 0`).
    pub fn size(&mut self, default: u64) -> Result<u64> {
        match self.raw("size") {
            None | Some(Value::Null) => Ok(default),
            Some(v) => match as_i128(v) {
                Some(n) if n > 0 && n <= u64::MAX as i128 => Ok(n as u64),
                Some(_) => Err(DatasetError::InvalidConfig("size must be positive".into())),
                None => Err(DatasetError::InvalidConfig(
                    "size must be an integer".into(),
                )),
            },
        }
    }

    /// Reports, in Python's order, an unknown key or a wrongly typed value.
    pub fn finish(&mut self) -> Result<()> {
        if let Some(unknown) = self.config.keys().find(|k| !self.read.contains(k.as_str())) {
            return Err(DatasetError::InvalidConfig(format!(
                "{}.__init__() got an unexpected keyword argument '{unknown}'",
                self.class
            )));
        }
        match self.type_error.take() {
            Some(e) => Err(DatasetError::InvalidConfig(e)),
            None => Ok(()),
        }
    }
}

/// A JSON integer as Python would see it (`true` is 1; `3.0` is not an int).
pub fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Bool(b) => Some(*b as i64),
        Value::Number(n) => n.as_i64(),
        _ => None,
    }
}

fn as_i128(v: &Value) -> Option<i128> {
    match v {
        Value::Bool(b) => Some(*b as i128),
        Value::Number(n) => n
            .as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from)),
        _ => None,
    }
}
