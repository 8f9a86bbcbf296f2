//! `leg_counting`: total legs of a random menagerie.

use dataset_core::metadata::pairs_as_object;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use serde::Serialize;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "leg_counting",
    category: "arithmetic",
    description: "Count the total number of legs of a list of animals",
    config_class: "LegCountingConfig",
    build,
};

/// In the reference dict's insertion order: `sample` draws from `list(ANIMALS)`.
const ANIMALS: [(&str, i64); 37] = [
    ("snake", 0),
    ("sea slug", 0),
    ("jellyfish", 0),
    ("flatworm", 0),
    ("leech", 0),
    ("chicken", 2),
    ("bird", 2),
    ("human", 2),
    ("duck", 2),
    ("dog", 4),
    ("cat", 4),
    ("cow", 4),
    ("horse", 4),
    ("lion", 4),
    ("elephant", 4),
    ("giraffe", 4),
    ("tiger", 4),
    ("deer", 4),
    ("sheep", 4),
    ("starfish", 5),
    ("insect", 6),
    ("ant", 6),
    ("butterfly", 6),
    ("beetle", 6),
    ("bee", 6),
    ("wasp", 6),
    ("grasshopper", 6),
    ("cricket", 6),
    ("cockroach", 6),
    ("praying mantis", 6),
    ("firefly", 6),
    ("spider", 8),
    ("scorpion", 8),
    ("crab", 10),
    ("lobster", 10),
    ("shrimp", 10),
    ("woodlouse", 14),
];

struct LegCounting {
    seed: Seed,
    min_animals: i64,
    max_animals: i64,
    min_instances: i64,
    max_instances: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = LegCounting {
        seed: p.seed,
        min_animals: r.int("min_animals", 3),
        max_animals: r.int("max_animals", 10),
        min_instances: r.int("min_instances", 1),
        max_instances: r.int("max_instances", 15),
    };
    let v = r.finish()?;
    v.ensure(d.min_animals > 0, "min_animals must be positive")?;
    v.ensure(
        d.max_animals >= d.min_animals,
        "max_animals must be >= min_animals",
    )?;
    v.ensure(
        d.max_animals <= ANIMALS.len() as i64,
        "max_animals must be <= number of available animals",
    )?;
    v.ensure(d.min_instances > 0, "min_instances must be positive")?;
    v.ensure(
        d.max_instances >= d.min_instances,
        "max_instances must be >= min_instances",
    )?;
    v.done(d)
}

impl Dataset for LegCounting {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let num_types = rng.randint(self.min_animals, self.max_animals)?;
        let picks = rng.sample_indices(ANIMALS.len() as u64, num_types as usize)?;
        let mut animals = [("", 0); ANIMALS.len()];
        // ", ".join(f"{count} {animal}{'s' if count > 1 else ''}" ...), written in place.
        let question = &mut item.question;
        question.clear();
        question.reserve(512);
        let mut digits = itoa::Buffer::new();
        question.push_str(
            "Your task is to count how many legs there are in total when given a list of animals.\n\n\
             Now, how many legs are there in total if you have ",
        );
        let mut total_legs = 0i64;
        for (i, &p) in picks.iter().enumerate() {
            let (animal, legs) = ANIMALS[p as usize];
            let count = rng.randint(self.min_instances, self.max_instances)?;
            total_legs += count * legs;
            if i > 0 {
                question.push_str(", ");
            }
            question.push_str(digits.format(count));
            question.push(' ');
            question.push_str(animal);
            if count > 1 {
                question.push('s');
            }
            animals[i] = (animal, count);
        }
        question.push_str("?\n");
        item.answer.clear();
        item.answer.push_str(digits.format(total_legs));
        // `sample` draws distinct animals, so the dict has one key per pick.
        item.metadata.set_from_serialize(&Meta {
            num_animals: picks.len(),
            animals: &animals[..picks.len()],
            total_legs,
            difficulty: Difficulty {
                num_animals: [self.min_animals, self.max_animals],
                num_instances: [self.min_instances, self.max_instances],
            },
        });
        Ok(())
    }
}

/// The item's own metadata, fields in the reference dict's order (`Seeded`
/// puts `source_dataset` and `source_index` in front).
#[derive(Serialize)]
struct Meta<'a> {
    #[serde(serialize_with = "pairs_as_object")]
    animals: &'a [(&'static str, i64)],
    num_animals: usize,
    total_legs: i64,
    difficulty: Difficulty,
}

#[derive(Serialize)]
struct Difficulty {
    num_animals: [i64; 2],
    num_instances: [i64; 2],
}
