//! What `gcd` and `lcm` share (reasoning-gym's two classes are copies of each
//! other): the config of a list of random integers, and one draw of it.

use dataset_core::config::{count, ensure, ensure_item_size};
use dataset_core::{ConfigReader, DatasetError, Random, Result};

pub(crate) struct NumberList {
    pub min_numbers: i64,
    pub max_numbers: i64,
    pub min_value: i64,
    pub max_value: i64,
}

impl NumberList {
    /// Reads the fields (only `max_value`'s default differs between the two
    /// datasets), finishes the reader, then applies `validate()`.
    pub fn build(r: &mut ConfigReader, default_max_value: i64) -> Result<NumberList> {
        let d = NumberList {
            min_numbers: r.int("min_numbers", 2),
            max_numbers: r.int("max_numbers", 2),
            min_value: r.int("min_value", 1),
            max_value: r.int("max_value", default_max_value),
        };
        r.finish()?;
        ensure(d.min_numbers >= 2, "min_numbers must be at least 2")?;
        ensure(
            d.max_numbers >= d.min_numbers,
            "max_numbers must be >= min_numbers",
        )?;
        ensure(d.min_value >= 1, "min_value must be positive")?;
        ensure(d.max_value > d.min_value, "max_value must be > min_value")?;
        ensure_item_size(count(d.max_numbers), "max_numbers")?;
        Ok(d)
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
