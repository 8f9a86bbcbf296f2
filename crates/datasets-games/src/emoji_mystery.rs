//! `emoji_mystery`: decode a sentence hidden in Unicode variation selectors
//! appended to an emoji.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::{py_strip, re_findall_words};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "emoji_mystery",
    category: "games",
    description: "Decode a sentence hidden in the variation selectors after an emoji",
    config_class: "EmojiMysteryConfig",
    build,
};

/// The reference's `_EMOJIS`; the red heart carries its own variation selector.
const EMOJIS: [&str; 109] = [
    "😀",
    "😃",
    "😄",
    "😁",
    "😆",
    "😅",
    "🤣",
    "😂",
    "🙂",
    "🙃",
    "😉",
    "😊",
    "😇",
    "🥰",
    "😍",
    "🤩",
    "😘",
    "😗",
    "😚",
    "😙",
    "🥲",
    "😋",
    "😛",
    "😜",
    "🤪",
    "😝",
    "🤑",
    "🤗",
    "🤭",
    "🤫",
    "🤔",
    "🤐",
    "🤨",
    "😐",
    "😑",
    "😶",
    "😏",
    "😒",
    "🙄",
    "😬",
    "😮",
    "😯",
    "😲",
    "😳",
    "🥺",
    "😦",
    "😧",
    "😨",
    "😰",
    "😥",
    "😢",
    "😭",
    "😱",
    "😖",
    "😣",
    "😞",
    "😓",
    "😩",
    "😫",
    "🥱",
    "😤",
    "😡",
    "😠",
    "🤬",
    "😈",
    "👿",
    "💀",
    "☠",
    "💩",
    "🤡",
    "👹",
    "👺",
    "👻",
    "👽",
    "👾",
    "🤖",
    "😺",
    "😸",
    "😹",
    "😻",
    "😼",
    "😽",
    "🙀",
    "😿",
    "😾",
    "🙈",
    "🙉",
    "🙊",
    "💋",
    "💌",
    "💘",
    "💝",
    "💖",
    "💗",
    "💓",
    "💞",
    "💕",
    "💟",
    "❣",
    "💔",
    "\u{2764}\u{fe0f}",
    "🧡",
    "💛",
    "💚",
    "💙",
    "💜",
    "🤎",
    "🖤",
    "🤍",
];

const HINT: &str = "Here is a hint:
```python
def variance_selector_to_byte(variation_selector):
    variation_selector_codepoint = ord(variation_selector)
    if 0xFE00 <= variation_selector_codepoint <= 0xFE0F:
        return variation_selector_codepoint - 0xFE00
    elif 0xE0100 <= variation_selector_codepoint <= 0xE01EF:
        return variation_selector_codepoint - 0xE0100 + 16
    else:
        return None

def decode(encoded_sentence):
    decoded_bytes = []
    variation_selectors_part = encoded_sentence[1:]
    for char in variation_selectors_part:
        byte_val = variance_selector_to_byte(char)
        if byte_val is not None:
            decoded_bytes.append(byte_val)
    return bytes(decoded_bytes).decode('utf-8')
```
";

struct EmojiMystery {
    seed: Seed,
    min_words_in_sentence: i64,
    max_words_in_sentence: i64,
    /// The stripped sentences of the text with an allowed number of words.
    sentences: Vec<&'static str>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_words = r.int("min_words_in_sentence", 3);
    let max_words = r.int("max_words_in_sentence", 35);
    let v = r.finish()?;
    v.ensure(min_words > 0, "min_words_in_sentence must be positive")?;
    v.ensure(
        max_words >= min_words,
        "max_words_in_sentence must be >= min_words_in_sentence",
    )?;
    let sentences = rg_data::corpus::year_2889_sentences(min_words, max_words);
    v.done(EmojiMystery {
        seed: p.seed,
        min_words_in_sentence: min_words,
        max_words_in_sentence: max_words,
        sentences,
    })
}

/// Each UTF-8 byte of `sentence` as a variation selector: bytes 0..16 map to
/// U+FE00..U+FE0F, the others to U+E0100 onwards.
fn encode(sentence: &str, base: &str) -> String {
    let mut out = String::from(base);
    for b in sentence.bytes() {
        let cp = if b < 16 {
            0xFE00 + b as u32
        } else {
            0xE0100 + (b as u32 - 16)
        };
        out.extend(char::from_u32(cp));
    }
    out
}

impl Dataset for EmojiMystery {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let emoji = *rng.choice(&EMOJIS)?;
        let sentence = py_strip(rng.choice(&self.sentences)?).replace('\n', " ");
        let question = format!(
            "The following emoji is encoded with a sentence.\n\n\
             Decode the following sentence from the emoji: {}\n\n\
             {HINT}\n\n\
             Return the secret sentence as your final answer.\n",
            encode(&sentence, emoji)
        );
        Ok(Item {
            question,
            metadata: meta! {
                "emoji" => emoji,
                "num_words_in_sentence" => re_findall_words(&sentence).count(),
                "difficulty" => json!({
                    "num_words_in_sentence": [self.min_words_in_sentence, self.max_words_in_sentence],
                }),
            },
            answer: sentence,
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        if answer == item.answer {
            return 1.0;
        }
        let (a, o): (Vec<char>, Vec<char>) =
            (answer.chars().collect(), item.answer.chars().collect());
        if a.len() != o.len() {
            return 0.01;
        }
        let same = a.iter().zip(&o).filter(|(x, y)| x == y).count();
        same as f64 / o.len() as f64
    }
}
