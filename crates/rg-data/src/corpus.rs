//! Word and sentence lists that datasets of several categories derive the
//! same way from the data files: written once, here, beside the files.

use std::sync::OnceLock;

use crate::{text, ANAGRAMS, IN_THE_YEAR_2889, WORDLE_WORDS};

/// The `words` list of each line of `anagrams.jsonl` (each a set of anagrams),
/// parsed once per process.
pub fn anagram_sets() -> &'static [Vec<String>] {
    static SETS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    SETS.get_or_init(|| {
        text(ANAGRAMS)
            .lines()
            .filter_map(|line| {
                let mut v: serde_json::Value = serde_json::from_str(line).ok()?;
                serde_json::from_value(v.get_mut("words")?.take()).ok()
            })
            .collect()
    })
}

/// `re.findall(r"\b\w+\b", read_data_file("in_the_year_2889.txt"))`,
/// computed once per process.
pub fn year_2889_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| pycompat::re_findall_words(text(IN_THE_YEAR_2889)).collect())
}

/// The sentences of `in_the_year_2889.txt` with `min_words..=max_words`
/// words, stripped, as `sentence_reordering` and `emoji_mystery` select them:
/// `[s.strip() for s in re.findall(r"[^.!?]+[.!?]", text)
///   if min_words <= len(re.findall(r"\b\w+\b", s)) <= max_words]`.
pub fn year_2889_sentences(min_words: i64, max_words: i64) -> Vec<&'static str> {
    pycompat::re_findall_sentences(text(IN_THE_YEAR_2889))
        .filter(|s| {
            (min_words..=max_words).contains(&(pycompat::re_findall_words(s).count() as i64))
        })
        .map(pycompat::py_strip)
        .collect()
}

/// `reasoning_gym.data.wordle_words.wordle_words`, in the module's order.
///
/// The file is a Python list literal of double-quoted lowercase words, one a
/// line; every quoted string in it is an element.
pub fn wordle_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| text(WORDLE_WORDS).split('"').skip(1).step_by(2).collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn wordle_words() {
        let words = super::wordle_words();
        assert_eq!(words.len(), 2315);
        assert_eq!(words[..3], ["cigar", "rebut", "sissy"]);
        assert_eq!(words.last(), Some(&"shave"));
        assert!(words
            .iter()
            .all(|w| w.len() == 5 && w.bytes().all(|b| b.is_ascii_lowercase())));
    }

    #[test]
    fn year_2889_word_count() {
        // len(re.findall(r"\b\w+\b", text)) under CPython 3.11.
        assert_eq!(super::year_2889_words().len(), 8911);
    }
}
