//! `figlet_font`: read a word drawn in a FIGlet font.
//!
//! The reference draws with pyfiglet 1.0.2; `figlet.rs` is its engine. The
//! fonts are not part of rgym: pyfiglet's 447 fonts that reasoning-gym uses
//! come from many authors, most without a licence and some with notices such
//! as "all rights reserved" or "not for commercial use", so rgym reads them at
//! run time from a directory the user names (`figlet_fonts_dir`, or the
//! `RGYM_FIGLET_FONTS_DIR` environment variable; `scripts/fetch_figlet_fonts.sh`
//! copies them out of pyfiglet's wheel) and checks every file against the
//! SHA-256 of the file the reference read (`data/figlet_fonts.tsv`). Without
//! them the dataset is refused with a message that says how to get them.
//!
//! reasoning-gym's font list is pyfiglet's font directory as the file system
//! listed it, so its order (and with it which font an item draws) depends on
//! the install. rgym freezes the order the reference install showed, the one
//! its golden file was made with.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result, Seed,
};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::figlet::{FigletError, FigletFont};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "figlet_font",
    category: "cognition",
    description:
        "Read a word drawn in a FIGlet font (pyfiglet's fonts, read from figlet_fonts_dir)",
    config_class: "FigletFontConfig",
    build,
};

/// The environment variable naming the fonts directory when nothing else did.
pub const FONTS_DIR_ENV: &str = "RGYM_FIGLET_FONTS_DIR";

/// `OK_FONTS` in the reference install's order, with each file's SHA-256.
const MANIFEST: &str = include_str!("../data/figlet_fonts.tsv");

const PROMPT_TEMPLATES: [&str; 2] = [
    "What word does this say?\n\n",
    "Please read the following figlet font:\n\n",
];

/// `(name, sha256)` of every font, in `OK_FONTS` order.
fn manifest() -> &'static [(&'static str, &'static str)] {
    static LIST: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    LIST.get_or_init(|| {
        MANIFEST
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .collect()
    })
}

static FONTS_DIR: OnceLock<PathBuf> = OnceLock::new();

/// Names the directory the fonts are read from (the server's
/// `figlet_fonts_dir` setting) and reads them, or says why they cannot be
/// used. The first directory named (or, when none is, the environment's)
/// is the process's.
pub fn set_fonts_dir(dir: impl Into<PathBuf>) -> std::result::Result<(), String> {
    let _ = FONTS_DIR.set(dir.into());
    fonts().map(|_| ()).map_err(|e| e.to_string())
}

/// The fonts, read and checked on first use; each is parsed the first time
/// an item draws it (a parse error is kept: the reference raises it for each
/// item that draws that font).
struct Fonts {
    /// The files' text, `data.decode('UTF-8', 'replace')` as `preloadFont` does.
    text: Vec<String>,
    parsed: Vec<OnceLock<std::result::Result<FigletFont, FigletError>>>,
}

impl Fonts {
    fn font(&self, i: usize) -> &std::result::Result<FigletFont, FigletError> {
        self.parsed[i].get_or_init(|| FigletFont::load_font(manifest()[i].0, &self.text[i]))
    }
}

fn load_fonts(dir: &Path) -> std::result::Result<Fonts, String> {
    let mut text = Vec::with_capacity(manifest().len());
    for &(name, want) in manifest() {
        let path = dir.join(format!("{name}.flf"));
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let got = Sha256::digest(&bytes);
        let got: String = got.iter().map(|b| format!("{b:02x}")).collect();
        if got != want {
            return Err(format!(
                "{} is not pyfiglet 1.0.2's {name} font (SHA-256 {got}, expected {want})",
                path.display()
            ));
        }
        text.push(String::from_utf8_lossy(&bytes).into_owned());
    }
    let parsed = text.iter().map(|_| OnceLock::new()).collect();
    Ok(Fonts { text, parsed })
}

/// The fonts, or why they are not there (the same answer for the whole process).
fn fonts() -> Result<&'static Fonts> {
    static FONTS: OnceLock<std::result::Result<Fonts, String>> = OnceLock::new();
    let loaded = FONTS.get_or_init(|| {
        let dir = FONTS_DIR
            .get()
            .cloned()
            .or_else(|| std::env::var_os(FONTS_DIR_ENV).map(PathBuf::from))
            .ok_or_else(|| "no fonts directory is set".to_string())?;
        load_fonts(&dir)
    });
    loaded.as_ref().map_err(|why| {
        DatasetError::InvalidConfig(format!(
            "figlet_font needs pyfiglet 1.0.2's fonts, which rgym does not ship: {why}. \
             Set figlet_fonts_dir ({FONTS_DIR_ENV}) to a directory holding them \
             (scripts/fetch_figlet_fonts.sh DIR copies them from pyfiglet's wheel)"
        ))
    })
}

struct FigletFontDataset {
    seed: Seed,
    static_word: Option<String>,
    /// `static_font`'s position in the font list, or its name when it is not
    /// one (only `""` passes `validate()` that way; pyfiglet then finds no font).
    static_font: Option<std::result::Result<usize, String>>,
    min_word_len: i64,
    max_word_len: i64,
    space_letters: bool,
    words: Vec<&'static str>,
    fonts: &'static Fonts,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let static_word = r.opt_string("static_word", None);
    let static_font = r.opt_string("static_font", None);
    let min_word_len = r.int("min_word_len", 3);
    let max_word_len = r.int("max_word_len", 7);
    let space_letters = r.bool("space_letters", true);
    let v = r.finish()?;
    v.ensure(min_word_len > 0, "min_word_len must be greater than 0")?;
    v.ensure(
        min_word_len <= max_word_len,
        "min_word_len must be less than or equal to max_word_len",
    )?;
    let names = || manifest().iter().map(|&(name, _)| name);
    let static_font = match static_font {
        None => None,
        Some(font) if font.is_empty() => Some(Err(font)),
        Some(font) => {
            let at = names().position(|n| n == font);
            v.ensure(
                at.is_some(),
                format!(
                    "static_font must be one of {}",
                    pycompat::repr_list(names())
                ),
            )?;
            at.map(Ok)
        }
    };
    // `__init__`: the words of the configured lengths, from anagrams.jsonl.
    let words: Vec<&'static str> = rg_data::corpus::anagram_sets()
        .iter()
        .flatten()
        .map(String::as_str)
        .filter(|w| (min_word_len..=max_word_len).contains(&(w.chars().count() as i64)))
        .collect();
    v.ensure(
        !words.is_empty(),
        "No words found in the dataset with the specified length range",
    )?;
    // A static word is drawn whole: a glyph is at most 80 columns by a few
    // dozen rows, so bound the characters it can make the item hold.
    if let Some(w) = &static_word {
        v.ensure_item_size(w.chars().count() as u128 * 2 * 64, "len(static_word) * 128")?;
    }
    let fonts = fonts()?;
    v.done(FigletFontDataset {
        seed: p.seed,
        static_word,
        static_font,
        min_word_len,
        max_word_len,
        space_letters,
        words,
        fonts,
    })
}

impl Dataset for FigletFontDataset {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let word = match &self.static_word {
            Some(w) => w.clone(),
            None => rng.choice(&self.words)?.to_uppercase(),
        };
        let render_word = if self.space_letters {
            let mut s = String::with_capacity(word.len() * 2);
            for (i, c) in word.chars().enumerate() {
                if i > 0 {
                    s.push(' ');
                }
                s.push(c);
            }
            s
        } else {
            word.clone()
        };
        let font = match &self.static_font {
            Some(f) => f.clone(),
            None => Ok(rng.randbelow(manifest().len() as u64) as usize),
        };
        let (font_name, render) = match font {
            Ok(i) => {
                let font = self
                    .fonts
                    .font(i)
                    .as_ref()
                    .map_err(|e| DatasetError::Generation(e.to_string()))?;
                let render = font
                    .render(&render_word)
                    .map_err(|e| DatasetError::Generation(e.to_string()))?;
                (manifest()[i].0.to_string(), render)
            }
            // `FontNotFound(font)`: its message is the name.
            Err(name) => return Err(DatasetError::Generation(name)),
        };
        let template = *rng.choice(&PROMPT_TEMPLATES)?;
        Ok(Item {
            question: format!("{template}{render}"),
            answer: word,
            metadata: dataset_core::meta! {
                "font" => font_name,
                "space_letters" => self.space_letters,
                "difficulty" => json!({"word_len": [self.min_word_len, self.max_word_len]}),
            },
        })
    }

    /// Exact (spaces removed, case folded) is 1.0, else 0.1 per letter in
    /// its place, at most 1.0.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else {
            return 0.0;
        };
        let answer = pycompat::py_strip(&answer.replace(' ', "")).to_lowercase();
        let correct = pycompat::py_strip(&item.answer).to_lowercase();
        if answer == correct {
            return 1.0;
        }
        let same = answer
            .chars()
            .zip(correct.chars())
            .filter(|(a, b)| a == b)
            .count();
        (same as f64 * 0.1).min(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_lists_the_447_fonts_once_each() {
        let names: std::collections::BTreeSet<_> = manifest().iter().map(|f| f.0).collect();
        assert_eq!(manifest().len(), 447);
        assert_eq!(names.len(), 447);
        assert!(manifest().iter().all(|(_, h)| h.len() == 64));
    }
}
