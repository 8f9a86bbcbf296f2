//! Answer extraction: what a trainer's completion is scored as.
//!
//! Models answer with reasoning around the answer, and scoring the whole
//! completion gives misleading partial credit (reasoning-gym's default scorer
//! rewards any text that *contains* the answer). A session, a batch request or
//! `rgym score` can therefore ask for the answer to be pulled out first:
//!
//! * [`AnswerFormat::Raw`] — the completion as it is (the protocol's default).
//! * [`AnswerFormat::AnswerTag`] — reasoning-gym's
//!   `utils.extract_answer(completion, tag_name="answer", strip=True)`, i.e.
//!   the last non-overlapping match of `<answer>\s?(.*?)\s?</answer>` (DOTALL),
//!   stripped; no match is `None`.
//! * [`AnswerFormat::Boxed`] — the content of the last `\boxed{...}` whose
//!   braces balance, as math graders take it, or of `\boxed x` (up to `$` or
//!   the end of the line).
//! * [`AnswerFormat::Auto`] — the tag, else the box, else the whole completion
//!   stripped.
//!
//! Every extractor is one linear pass (completions can be megabytes).

use std::fmt;
use std::str::FromStr;

use pycompat::py_strip;

/// How a completion becomes the answer that is scored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AnswerFormat {
    #[default]
    Raw,
    AnswerTag,
    Boxed,
    Auto,
}

impl AnswerFormat {
    pub const ALL: [AnswerFormat; 4] = [
        AnswerFormat::Raw,
        AnswerFormat::AnswerTag,
        AnswerFormat::Boxed,
        AnswerFormat::Auto,
    ];

    pub fn name(self) -> &'static str {
        match self {
            AnswerFormat::Raw => "raw",
            AnswerFormat::AnswerTag => "answer_tag",
            AnswerFormat::Boxed => "boxed",
            AnswerFormat::Auto => "auto",
        }
    }

    /// The answer to score for `completion`; `None` where the format finds
    /// none (scored as reasoning-gym scores `None`).
    pub fn extract(self, completion: &str) -> Option<&str> {
        match self {
            AnswerFormat::Raw => Some(completion),
            AnswerFormat::AnswerTag => answer_tag(completion),
            AnswerFormat::Boxed => boxed(completion),
            AnswerFormat::Auto => answer_tag(completion)
                .or_else(|| boxed(completion))
                .or_else(|| Some(py_strip(completion))),
        }
    }
}

impl fmt::Display for AnswerFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An `answer_format` that is not one of [`AnswerFormat::ALL`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = AnswerFormat::ALL.iter().map(|a| a.name()).collect();
        let shown: String = self.0.chars().take(40).collect();
        write!(
            f,
            "unknown answer_format {shown:?}: expected one of {}",
            names.join(", ")
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for AnswerFormat {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AnswerFormat::ALL
            .into_iter()
            .find(|a| a.name() == s)
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

const OPEN: &str = "<answer>";
const CLOSE: &str = "</answer>";

/// `reasoning_gym.utils.extract_answer(text, "answer", strip=True)`.
///
/// The regex's matches are found left to right without overlap: a match
/// starts at the first `<answer>` that has a `</answer>` after it, and its
/// lazy group ends at the first `</answer>` after the tag (the optional `\s`
/// on either side only moves whitespace that `strip` removes anyway). So the
/// last match is found by walking tag pairs, with no backtracking.
pub fn answer_tag(text: &str) -> Option<&str> {
    let mut last = None;
    let mut pos = 0;
    while let Some(open) = text[pos..].find(OPEN) {
        let start = pos + open + OPEN.len();
        let Some(close) = text[start..].find(CLOSE) else {
            break;
        };
        last = Some(&text[start..start + close]);
        pos = start + close + CLOSE.len();
    }
    last.map(py_strip)
}

const BOXED: &str = "\\boxed";

/// The content of the last `\boxed{...}` whose braces balance, or of the last
/// `\boxed x` (up to `$` or the end of the line), stripped.
pub fn boxed(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    // One pass pairs every brace, so trying each `\boxed` from the last back
    // stays linear however many unbalanced ones there are.
    let mut stack = Vec::new();
    let mut pairs = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'{' => stack.push(i),
            b'}' => {
                if let Some(open) = stack.pop() {
                    pairs.push((open, i));
                }
            }
            _ => {}
        }
    }
    pairs.sort_unstable();
    let close_of = |open: usize| {
        pairs
            .binary_search_by_key(&open, |&(o, _)| o)
            .ok()
            .map(|k| pairs[k].1)
    };
    let mut end = text.len();
    while let Some(at) = text[..end].rfind(BOXED) {
        let after = at + BOXED.len();
        match bytes.get(after) {
            Some(b'{') => {
                if let Some(close) = close_of(after) {
                    return Some(py_strip(&text[after + 1..close]));
                }
            }
            Some(b' ') => {
                let rest = &text[after + 1..];
                let stop = rest.find(['$', '\n']).unwrap_or(rest.len());
                let content = py_strip(&rest[..stop]);
                if !content.is_empty() {
                    return Some(content);
                }
            }
            _ => {}
        }
        end = at;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_tag_takes_the_last_pair() {
        let cases: &[(&str, Option<&str>)] = &[
            ("no tags", None),
            ("<answer>42</answer>", Some("42")),
            ("<answer> 42 </answer>", Some("42")),
            ("<answer>\n  7\n</answer>", Some("7")),
            ("<answer>1</answer> then <answer>2</answer>", Some("2")),
            ("<answer>1</answer> then <answer>2", Some("1")),
            ("<answer>a<answer>b</answer>", Some("a<answer>b")),
            ("<answer></answer>", Some("")),
            ("</answer><answer>x", None),
            ("<ANSWER>x</ANSWER>", None),
            ("<answer>multi\nline</answer>", Some("multi\nline")),
            ("<answer>\u{1c}x\u{1f}</answer>", Some("x")),
        ];
        for (text, want) in cases {
            assert_eq!(answer_tag(text), *want, "{text:?}");
        }
    }

    #[test]
    fn boxed_balances_braces() {
        let cases: &[(&str, Option<&str>)] = &[
            ("\\boxed{42}", Some("42")),
            ("so \\boxed{\\frac{1}{2}} done", Some("\\frac{1}{2}")),
            ("\\boxed{1} and \\boxed{2}", Some("2")),
            ("\\boxed{1} and \\boxed{2", Some("1")),
            ("$\\boxed 5$", Some("5")),
            ("\\boxed x\nmore", Some("x")),
            ("\\boxed", None),
            ("\\boxedx", None),
            ("nothing", None),
            ("\\boxed{}", Some("")),
            ("\\boxed{ {a} {b} }", Some("{a} {b}")),
        ];
        for (text, want) in cases {
            assert_eq!(boxed(text), *want, "{text:?}");
        }
    }

    #[test]
    fn auto_falls_back_in_order() {
        let auto = AnswerFormat::Auto;
        assert_eq!(auto.extract("<answer>a</answer> \\boxed{b}"), Some("a"));
        assert_eq!(auto.extract("\\boxed{b}"), Some("b"));
        assert_eq!(auto.extract("  plain \n"), Some("plain"));
        assert_eq!(AnswerFormat::Raw.extract("  plain \n"), Some("  plain \n"));
        assert_eq!(AnswerFormat::AnswerTag.extract("plain"), None);
    }

    #[test]
    fn names_round_trip_and_unknown_names_are_refused() {
        for f in AnswerFormat::ALL {
            assert_eq!(f.name().parse::<AnswerFormat>(), Ok(f));
        }
        let err = "xml".parse::<AnswerFormat>().unwrap_err().to_string();
        assert!(err.contains("raw, answer_tag, boxed, auto"), "{err}");
    }

    #[test]
    fn megabyte_completions_are_linear() {
        // Quadratic scans would take minutes on these; each is one pass.
        let n = 1 << 20;
        let opens = "<answer>".repeat(n / 8);
        assert_eq!(answer_tag(&opens), None);
        let boxes = "\\boxed{".repeat(n / 7);
        assert_eq!(boxed(&boxes), None);
        let pairs = "<answer>x</answer>".repeat(n / 18);
        assert_eq!(answer_tag(&pairs), Some("x"));
        let nested = format!("\\boxed{}{}", "{".repeat(n), "}".repeat(n));
        assert_eq!(boxed(&nested).map(str::len), Some(2 * n - 2));
    }
}
