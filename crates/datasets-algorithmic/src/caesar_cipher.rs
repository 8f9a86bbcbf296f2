//! `caesar_cipher`: decrypt a Caesar-shifted sentence of a text.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use pycompat::{py_isalpha, py_split, py_str_isalpha, py_strip};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "caesar_cipher",
    category: "algorithmic",
    description: "Decrypt a Caesar cipher text",
    config_class: "CaesarCipherConfig",
    build,
};

struct CaesarCipher {
    seed: Seed,
    min_words: i64,
    max_words: i64,
    min_rotation: i64,
    max_rotation: i64,
    /// Upper-cased sentences of alphabetic words within the word bounds.
    sentences: Vec<String>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let delimiter = r.string("delimiter", ".");
    let min_words = r.int("min_words", 3);
    let max_words = r.int("max_words", 20);
    let min_rotation = r.int("min_rotation", 1);
    let max_rotation = r.int("max_rotation", 25);
    let v = r.finish()?;
    v.ensure(min_words > 0, "min_words must be positive")?;
    v.ensure(max_words >= min_words, "max_words must be >= min_words")?;
    v.ensure(
        0 < min_rotation && min_rotation <= max_rotation && max_rotation < 26,
        "rotation must be in range [1,25]",
    )?;
    if delimiter.is_empty() {
        // str.split("") raises while the dataset is built.
        return Err(DatasetError::InvalidConfig("empty separator".into()));
    }
    let text = rg_data::text(rg_data::IN_THE_YEAR_2889);
    let sentences = text
        .split(delimiter.as_str())
        .map(py_strip)
        .filter(|s| !s.is_empty())
        .filter_map(|sentence| {
            let words: Vec<String> = py_split(sentence)
                .filter(|w| py_str_isalpha(w))
                .map(str::to_uppercase)
                .collect();
            (min_words..=max_words)
                .contains(&(words.len() as i64))
                .then(|| words.join(" "))
        })
        .collect();
    v.done(CaesarCipher {
        seed: p.seed,
        min_words,
        max_words,
        min_rotation,
        max_rotation,
        sentences,
    })
}

/// Python shifts every `isalpha()` character as if it were in `A..Z`, which
/// maps accented capitals to some ASCII letter too.
fn encrypt(text: &str, rotation: i64) -> String {
    text.chars()
        .map(|c| {
            if py_isalpha(c) {
                let shifted = (c as i64 - 'A' as i64 + rotation).rem_euclid(26);
                char::from(b'A' + shifted as u8)
            } else {
                c
            }
        })
        .collect()
}

impl Dataset for CaesarCipher {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let sentence = rng.choice(&self.sentences)?;
        let num_words = py_split(sentence).count();
        let rotation = rng.randint(self.min_rotation, self.max_rotation)?;
        let cipher_text = encrypt(sentence, rotation);
        Ok(Item {
            question: format!(
                "Decrypt this Caesar cipher text: {cipher_text}. Provide only the decrypted text as your final answer."
            ),
            answer: sentence.clone(),
            metadata: meta! {
                "rotation" => rotation,
                "cipher_text" => cipher_text,
                "clear_text" => sentence,
                "num_words" => num_words,
                "difficulty" => json!({
                    "words": [self.min_words, self.max_words],
                    "rotation": [self.min_rotation, self.max_rotation],
                }),
            },
        })
    }
}
