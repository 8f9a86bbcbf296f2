//! The form around an answer that both rgym scorers forgive: a leading
//! "Answer:" (or "Final answer:", "The answer is") and one trailing period,
//! as models commonly write them. One place, so every item type of every
//! native dataset reads answers the same way.

/// Prefixes, lowercase, longest first; each may be followed by `:`.
const PREFIXES: [&str; 3] = ["the final answer is", "the answer is", "final answer"];

/// `answer` without surrounding whitespace, a leading answer label and one
/// trailing period.
pub fn strip(answer: &str) -> &str {
    let mut s = answer.trim();
    if let Some(rest) = strip_label(s) {
        s = rest.trim_start();
    }
    if let Some(rest) = s.strip_suffix('.') {
        s = rest.trim_end();
    }
    s
}

fn strip_label(s: &str) -> Option<&str> {
    let head = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    for p in PREFIXES {
        if head(p) {
            let rest = &s[p.len()..];
            return Some(rest.strip_prefix(':').unwrap_or(rest));
        }
    }
    // "Answer:" needs its colon: "answer" alone may be a word list's item.
    head("answer:").then(|| &s["answer:".len()..])
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn labels_and_a_final_period_go() {
        for (given, want) in [
            ("9, 5, 2", "9, 5, 2"),
            ("Answer: 9, 5, 2.", "9, 5, 2"),
            ("answer:9, 5, 2", "9, 5, 2"),
            ("ANSWER: yes", "yes"),
            ("The answer is yes.", "yes"),
            ("The answer is: 12", "12"),
            ("Final answer: pear, fig", "pear, fig"),
            ("The final answer is 3.5.", "3.5"),
            ("  no.  ", "no"),
            ("3.", "3"),
            // Only one period, and a word that merely starts like a label stays.
            ("yes..", "yes."),
            ("answers, apple", "answers, apple"),
            ("answer, apple", "answer, apple"),
            ("", ""),
            (".", ""),
            ("Answer:", ""),
            ("é", "é"),
        ] {
            assert_eq!(strip(given), want, "{given:?}");
        }
    }
}
