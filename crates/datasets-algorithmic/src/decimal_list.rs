//! What `number_filtering` and `number_sorting` share (reasoning-gym's two
//! config classes are copies of each other): a list of random decimals, its
//! config and its `difficulty` metadata.

use dataset_core::config::{count, ensure, ensure_item_size};
use dataset_core::{ConfigReader, Result};
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
    /// datasets), finishes the reader, then applies `validate()`.
    ///
    /// `prints_decimals`: whether each number is printed with all its
    /// `decimals` places (`number_filtering`'s `f"{x:.{decimals}f}"`), so
    /// that they count towards the size of an item.
    pub fn build(
        r: &mut ConfigReader,
        default_max_decimals: i64,
        prints_decimals: bool,
    ) -> Result<DecimalList> {
        let min_numbers = r.int("min_numbers", 3);
        let max_numbers = r.int("max_numbers", 10);
        let min_decimals = r.int("min_decimals", 0);
        let max_decimals = r.int("max_decimals", default_max_decimals);
        let (min_value, min_json) = r.float_as_given("min_value", -100.0);
        let (max_value, max_json) = r.float_as_given("max_value", 100.0);
        r.finish()?;
        ensure(min_numbers > 0, "min_numbers must be positive")?;
        ensure(
            max_numbers >= min_numbers,
            "max_numbers must be >= min_numbers",
        )?;
        ensure(min_decimals >= 0, "min_decimals must be non-negative")?;
        ensure(
            max_decimals >= min_decimals,
            "max_decimals must be >= min_decimals",
        )?;
        ensure(max_value > min_value, "max_value must be > min_value")?;
        let numbers = count(max_numbers);
        if prints_decimals {
            // Digits before the point (up to 309 for a float) and after it.
            let magnitude = min_value.abs().max(max_value.abs());
            let int_digits = if magnitude.is_finite() {
                magnitude.log10().max(0.0) as u128 + 1
            } else {
                1
            };
            let width = int_digits.saturating_add(count(max_decimals));
            ensure_item_size(
                numbers.saturating_mul(width),
                "max_numbers * (digits of the values + max_decimals)",
            )?;
        } else {
            ensure_item_size(numbers, "max_numbers")?;
        }
        Ok(DecimalList {
            min_numbers,
            max_numbers,
            min_decimals,
            max_decimals,
            min_value,
            max_value,
            value_range: [min_json, max_json],
        })
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
