//! What `number_filtering` and `number_sorting` share (reasoning-gym's two
//! config classes are copies of each other): a list of random decimals, its
//! config and its `difficulty` metadata.

use dataset_core::config::count;
use dataset_core::{ConfigReader, Result, Validator};
use serde_json::{json, Value};

pub(crate) struct DecimalList {
    pub min_numbers: i64,
    pub max_numbers: i64,
    pub min_decimals: i64,
    pub max_decimals: i64,
    pub min_value: f64,
    pub max_value: f64,
    /// `min_value`, `max_value` as the config gave them (an int stays an int).
    value_range: [Value; 2],
}

impl DecimalList {
    /// Reads the fields (only `max_decimals`' default differs between the two
    /// datasets).
    pub fn read(r: &mut ConfigReader, default_max_decimals: i64) -> DecimalList {
        let min_numbers = r.int("min_numbers", 3);
        let max_numbers = r.int("max_numbers", 10);
        let min_decimals = r.int("min_decimals", 0);
        let max_decimals = r.int("max_decimals", default_max_decimals);
        let (min_value, min_json) = r.float_as_given("min_value", -100.0);
        let (max_value, max_json) = r.float_as_given("max_value", 100.0);
        DecimalList {
            min_numbers,
            max_numbers,
            min_decimals,
            max_decimals,
            min_value,
            max_value,
            value_range: [min_json, max_json],
        }
    }

    /// `validate()`, then the size bound. `prints_decimals`: whether each
    /// number is printed with all its `decimals` places (`number_filtering`'s
    /// `f"{x:.{decimals}f}"`), so that they count towards the size of an item.
    pub fn validate(&self, v: &Validator, prints_decimals: bool) -> Result<()> {
        v.ensure(self.min_numbers > 0, "min_numbers must be positive")?;
        v.ensure(
            self.max_numbers >= self.min_numbers,
            "max_numbers must be >= min_numbers",
        )?;
        v.ensure(self.min_decimals >= 0, "min_decimals must be non-negative")?;
        v.ensure(
            self.max_decimals >= self.min_decimals,
            "max_decimals must be >= min_decimals",
        )?;
        v.ensure(
            self.max_value > self.min_value,
            "max_value must be > min_value",
        )?;
        let numbers = count(self.max_numbers);
        if !prints_decimals {
            return v.ensure_item_size(numbers, "max_numbers");
        }
        // Digits before the point (up to 309 for a float) and after it.
        let magnitude = self.min_value.abs().max(self.max_value.abs());
        let int_digits = if magnitude.is_finite() {
            magnitude.log10().max(0.0) as u128 + 1
        } else {
            1
        };
        let width = int_digits.saturating_add(count(self.max_decimals));
        v.ensure_item_size(
            numbers.saturating_mul(width),
            "max_numbers * (digits of the values + max_decimals)",
        )
    }

    /// The item's `difficulty` metadata.
    pub fn difficulty(&self) -> Value {
        json!({
            "numbers": [self.min_numbers, self.max_numbers],
            "decimals": [self.min_decimals, self.max_decimals],
            "value": self.value_range,
        })
    }
}
