//! `base_conversion`: write a number given in one base in another base.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "base_conversion",
    category: "algorithmic",
    description: "Convert a number between two different bases",
    config_class: "BaseConversionConfig",
    build,
};

struct BaseConversion {
    seed: Seed,
    min_base: i64,
    max_base: i64,
    min_value: i64,
    max_value: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = BaseConversion {
        seed: p.seed,
        min_base: r.int("min_base", 2),
        max_base: r.int("max_base", 16),
        min_value: r.int("min_value", 0),
        max_value: r.int("max_value", 1000),
    };
    let v = r.finish()?;
    v.ensure(
        (2..=36).contains(&d.min_base),
        "min_base must be between 2 and 36",
    )?;
    v.ensure(
        d.min_base <= d.max_base && d.max_base <= 36,
        "max_base must be between min_base and 36",
    )?;
    v.ensure(d.min_value >= 0, "min_value must be non-negative")?;
    v.ensure(d.max_value > d.min_value, "max_value must be > min_value")?;
    v.done(d)
}

/// `"binary"`, `"hexadecimal"` or `"base-N"`.
fn base_name(base: u64) -> String {
    match base {
        2 => "binary".into(),
        16 => "hexadecimal".into(),
        _ => format!("base-{base}"),
    }
}

/// The reference's digits of `value` in `base`. Bases 2 and 16 go through
/// `format()`, which writes 0 as `"0"`; the hand-written loop for the other
/// bases writes 0 as the empty string (its `reversed(digits) or [0]` fallback
/// never fires, since a `reversed` iterator is always truthy).
fn to_base(mut value: u64, base: u64) -> String {
    match base {
        2 => format!("{value:b}"),
        16 => format!("{value:x}"),
        _ => {
            let mut digits = Vec::new();
            while value > 0 {
                let d = (value % base) as u32;
                digits.push(char::from_digit(d, 36).unwrap_or('?'));
                value /= base;
            }
            digits.iter().rev().collect()
        }
    }
}

impl BaseConversion {
    fn draw_base(&self, rng: &mut Random) -> Result<u64> {
        Ok(rng.randint(self.min_base, self.max_base)? as u64)
    }
}

impl Dataset for BaseConversion {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let value = rng.randint(self.min_value, self.max_value)? as u64;
        let source_base = self.draw_base(&mut rng)?;
        if self.min_base == self.max_base {
            // The reference redraws the target base until it differs: forever.
            return Err(DatasetError::Generation(format!(
                "base_conversion: min_base == max_base == {} leaves no other target base",
                self.min_base
            )));
        }
        let mut target_base = self.draw_base(&mut rng)?;
        while target_base == source_base {
            target_base = self.draw_base(&mut rng)?;
        }
        let source_repr = to_base(value, source_base);
        let target_repr = to_base(value, target_base);
        let question = format!(
            "Your task is to convert a number between two different bases.\n\n\
             If the target base is > 10, use lowercase letters a-z for digits above 9.\n\n\
             Now, convert the {} number {source_repr} to {}\n",
            base_name(source_base),
            base_name(target_base),
        );
        Ok(Item {
            question,
            answer: target_repr.clone(),
            metadata: meta! {
                "decimal_value" => value,
                "source_base" => source_base,
                "target_base" => target_base,
                "source_repr" => source_repr,
                "target_repr" => target_repr,
                "difficulty" => json!({
                    "base": [self.min_base, self.max_base],
                    "value": [self.min_value, self.max_value],
                }),
            },
        })
    }
}
