//! What `gcd` and `lcm` share (reasoning-gym's two classes are copies of each
//! other): the config of a list of random integers, and one draw of it.

use dataset_core::config::count;
use dataset_core::{ConfigReader, DatasetError, Random, Result, Validator};

pub(crate) struct NumberList {
    pub min_numbers: i64,
    pub max_numbers: i64,
    pub min_value: i64,
    pub max_value: i64,
}

impl NumberList {
    /// Reads the fields (only `max_value`'s default differs between the two
    /// datasets).
    pub fn read(r: &mut ConfigReader, default_max_value: i64) -> NumberList {
        NumberList {
            min_numbers: r.int("min_numbers", 2),
            max_numbers: r.int("max_numbers", 2),
            min_value: r.int("min_value", 1),
            max_value: r.int("max_value", default_max_value),
        }
    }

    /// `validate()`, then the size bound.
    pub fn validate(&self, v: &Validator) -> Result<()> {
        v.ensure(self.min_numbers >= 2, "min_numbers must be at least 2")?;
        v.ensure(
            self.max_numbers >= self.min_numbers,
            "max_numbers must be >= min_numbers",
        )?;
        v.ensure(self.min_value >= 1, "min_value must be positive")?;
        v.ensure(
            self.max_value > self.min_value,
            "max_value must be > min_value",
        )?;
        v.ensure_item_size(count(self.max_numbers), "max_numbers")
    }

    /// `randint(min_numbers, max_numbers)` numbers, each
    /// `randint(min_value, max_value)`, drawn in that order.
    pub fn draw(&self, rng: &mut Random) -> Result<Vec<i64>> {
        let count = rng.randint(self.min_numbers, self.max_numbers)?;
        (0..count)
            .map(|_| rng.randint(self.min_value, self.max_value))
            .collect::<Result<Vec<i64>, _>>()
            .map_err(DatasetError::from)
    }
}
