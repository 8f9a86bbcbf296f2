//! `mahjong_puzzle`: the Peng/Chi/Pass result of the last round of a letter-card game.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "mahjong_puzzle",
    category: "games",
    description: "Generates Mahjong Puzzle exercises with configurable difficulty",
    config_class: "MahjongPuzzleConfig",
    build,
};

const QUESTION_HEAD: &str = r#"There are several letter cards, and the game rules are as follows:
1. Initially, there are 13 cards.
2. Each time, a new card is added, and a result is determined. Then, one card is removed.
3. When there are two identical cards in hand, and the newly added card is the same as these two cards, the result is determined as "Peng".
4. If there are two cards in hand such that the new card can form a consecutive letter sequence with these two cards, the result is determined as "Chi". For example: ABC, BCD, CDE, etc.
5. If the new card does not meet the conditions of 3 and 4, the result is determined as "Pass".
6. "Peng" takes precedence over "Chi".
7. The card that is removed does not affect the result determination of the current round.

Your output should be one of the following: "Peng", "Chi", or "Pass" (without quotes).

"#;

/// `string.ascii_uppercase`.
const LETTERS: [u8; 26] = *b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/// Cards in hand.
const HAND: usize = 13;
const OUTCOMES: [&str; 3] = ["Peng", "Chi", "Pass"];

struct MahjongPuzzle {
    seed: Seed,
    min_num_rounds: i64,
    max_num_rounds: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = MahjongPuzzle {
        seed: p.seed,
        min_num_rounds: r.int("min_num_rounds", 10),
        max_num_rounds: r.int("max_num_rounds", 50),
    };
    let v = r.finish()?;
    v.ensure(
        1 <= d.min_num_rounds,
        "min_num_rounds must be greater than 0",
    )?;
    v.ensure(
        d.min_num_rounds <= d.max_num_rounds,
        "min_num_rounds must be less than max_num_rounds",
    )?;
    // Each round's record holds the hand after it (13 cards) and the cards
    // added and removed.
    v.ensure_item_size(
        count(d.max_num_rounds).saturating_mul(HAND as u128 + 2),
        "max_num_rounds * 15 (cards recorded per round)",
    )?;
    v.done(d)
}

/// Two cards like `new` are already in hand.
fn is_peng(cards: &[u8], new: u8) -> bool {
    cards.iter().filter(|&&c| c == new).count() + 1 >= 3
}

/// Three consecutive letters including `new` among the sorted hand plus `new`.
fn is_chi(cards: &[u8], new: u8) -> bool {
    let mut all = cards.to_vec();
    all.push(new);
    all.sort_unstable();
    all.windows(3)
        .any(|w| w[1] == w[0] + 1 && w[2] == w[1] + 1 && w.contains(&new))
}

fn article(card: u8) -> &'static str {
    if b"AEIOU".contains(&card) {
        "an"
    } else {
        "a"
    }
}

struct Round {
    add: u8,
    remove: u8,
    cards: String,
    result: &'static str,
}

impl Dataset for MahjongPuzzle {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        // At most two of each letter to start with.
        let pool: Vec<u8> = LETTERS.iter().chain(&LETTERS).copied().collect();
        let initial = rng.sample(&pool, HAND)?;
        let num_rounds = rng.randint(self.min_num_rounds, self.max_num_rounds)?;

        let mut cards = initial.clone();
        let mut rounds: Vec<Round> = Vec::with_capacity(num_rounds.min(1 << 12) as usize);
        for _ in 0..num_rounds {
            let wanted = *rng.choice(&OUTCOMES)?;
            let peng: Vec<u8> = LETTERS
                .iter()
                .copied()
                .filter(|&c| is_peng(&cards, c))
                .collect();
            let chi: Vec<u8> = LETTERS
                .iter()
                .copied()
                .filter(|&c| is_chi(&cards, c))
                .collect();
            let (new, result) = match wanted {
                "Peng" if !peng.is_empty() => (*rng.choice(&peng)?, "Peng"),
                "Chi" if !chi.is_empty() => (*rng.choice(&chi)?, "Chi"),
                _ => (*rng.choice(&LETTERS)?, "Pass"),
            };
            let remove = *rng.choice(&cards)?;
            // `cards.replace(remove, "", 1) + new`: the first copy goes.
            if let Some(i) = cards.iter().position(|&c| c == remove) {
                cards.remove(i);
            }
            cards.push(new);
            rounds.push(Round {
                add: new,
                remove,
                cards: String::from_utf8_lossy(&cards).into_owned(),
                result,
            });
        }
        let answer = rounds.last().map_or("", |r| r.result);

        let operations = rounds
            .iter()
            .enumerate()
            .map(|(i, r)| {
                format!(
                    "Round {}: Add {} {} card and remove {} {} card.",
                    i + 1,
                    article(r.add),
                    r.add as char,
                    article(r.remove),
                    r.remove as char
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        let question = format!(
            "{QUESTION_HEAD}Now, given the initial cards {}, what is the result at the end of performing the following rounds of operations:\n{operations}\n",
            String::from_utf8_lossy(&initial)
        );
        let rounds_meta: Vec<serde_json::Value> = rounds
            .iter()
            .map(|r| {
                json!({
                    "add": (r.add as char).to_string(),
                    "remove": (r.remove as char).to_string(),
                    "cards": r.cards,
                    "result": r.result,
                })
            })
            .collect();
        Ok(Item {
            question,
            answer: answer.to_string(),
            metadata: meta! {
                "rounds" => rounds_meta,
                "solution" => answer,
                "difficulty" => json!({
                    "num_rounds": [self.min_num_rounds, self.max_num_rounds],
                }),
            },
        })
    }
}
