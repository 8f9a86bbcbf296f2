//! Word lists that several datasets derive the same way from reasoning-gym's
//! data files, computed once per process.

use std::sync::OnceLock;

/// `re.findall(r"\b\w+\b", read_data_file("in_the_year_2889.txt"))`.
pub(crate) fn year_2889_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        pycompat::re_findall_words(rg_data::text(rg_data::IN_THE_YEAR_2889)).collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn year_2889_word_count() {
        // len(re.findall(r"\b\w+\b", text)) under CPython 3.11.
        assert_eq!(super::year_2889_words().len(), 8911);
    }
}
