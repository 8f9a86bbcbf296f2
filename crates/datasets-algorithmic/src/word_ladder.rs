//! `word_ladder`: change one word into another one letter at a time, every
//! step an English word (the words of `words.csv`); the answer is a shortest
//! ladder.
//!
//! **Deviation from the reference, by necessity.** reasoning-gym's
//! breadth-first search walks each word's neighbours as a `set` of strings,
//! whose order follows Python's per-process string hash seed, so which of
//! several shortest ladders it returns (the `answer`) changes from one run
//! to the next. rgym walks neighbours in **sorted (alphabetical) order**.
//! Every draw, the chosen words and the ladder's length (hence which pairs
//! are accepted) are the reference's; the scorer is the reference's.
//!
//! When 100 pairs give no ladder, the reference raises `IndexError` and also
//! shrinks the dataset's size to that index, so that later indices fail too;
//! rgym fails that item with the same message and keeps no such state.

use std::collections::{HashMap, VecDeque};
use std::sync::OnceLock;

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use pycompat::{py_isspace, py_strip};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "word_ladder",
    category: "algorithmic",
    description: "Generates word ladder transformation tasks",
    config_class: "WordLadderConfig",
    build,
};

/// `_generate_word_pair`'s attempts per item.
const MAX_ATTEMPTS: usize = 100;
/// `validate()`'s bound on the dataset's size.
const MAX_SIZE: u64 = 20_000;

struct WordLadder {
    seed: Seed,
    min_word_length: i64,
    max_word_length: i64,
    min_chain_length: i64,
    max_chain_length: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = WordLadder {
        seed: p.seed,
        min_word_length: r.int("min_word_length", 4),
        max_word_length: r.int("max_word_length", 4),
        min_chain_length: r.int("min_chain_length", -1),
        max_chain_length: r.int("max_chain_length", -1),
    };
    let v = r.finish()?;
    // `__init__` loads the words before `validate()` runs, and the loader's
    // assertion covers `validate()`'s first three.
    v.ensure(
        3 <= d.min_word_length && d.min_word_length <= d.max_word_length && d.max_word_length <= 5,
        "Word length must be between 3 and 5 inclusive",
    )?;
    v.ensure(
        p.size <= MAX_SIZE,
        "Dataset size too large for this algorithm and constraints",
    )?;
    if d.min_chain_length == -1 {
        if d.max_chain_length != -1 {
            v.ensure(
                d.max_chain_length >= 3,
                "When min_chain_length=-1 (shortest path), max_chain_length must be -1 or >=3",
            )?;
        }
    } else if d.max_chain_length == -1 {
        v.ensure(
            false,
            "max_chain_length cannot be -1 unless min_chain_length is also -1",
        )?;
    } else {
        v.ensure(d.min_chain_length >= 3, "min_chain_length must be 3 or -1")?;
        v.ensure(
            d.max_chain_length >= d.min_chain_length,
            "max_chain_length must be >= min_chain_length",
        )?;
    }
    v.done(d)
}

/// The words of one length (`words.csv`'s column, upper-cased, as a sorted
/// list: `sorted(word_set)`), and `_build_word_graph`'s neighbours of each,
/// as indices into that list, ascending: rgym's fixed order.
struct WordGraph {
    words: Vec<&'static str>,
    index: HashMap<&'static str, u32>,
    neighbours: Vec<Vec<u32>>,
}

/// The graph for `length` (3 to 5), built once per process.
fn word_graph(length: usize) -> &'static WordGraph {
    static GRAPHS: [OnceLock<WordGraph>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    GRAPHS[length - 3].get_or_init(|| build_graph(length))
}

fn build_graph(length: usize) -> WordGraph {
    // `csv.DictReader` over plain comma-separated rows (the file has no
    // quoting); an empty cell is no word. The words are upper-case ASCII.
    let text = rg_data::text(rg_data::WORDS_CSV);
    let mut lines = text.lines();
    let column = lines
        .next()
        .and_then(|header| {
            header
                .split(',')
                .position(|h| h.trim_end_matches('\r') == format!("{length}_letter"))
        })
        .unwrap_or(usize::MAX);
    let mut words: Vec<&'static str> = lines
        .filter_map(|line| line.trim_end_matches('\r').split(',').nth(column))
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    words.dedup();
    let index: HashMap<&'static str, u32> = words
        .iter()
        .enumerate()
        .map(|(i, &w)| (w, i as u32))
        .collect();
    let mut candidate = Vec::with_capacity(length);
    let neighbours = words
        .iter()
        .map(|w| {
            let mut found = Vec::new();
            for i in 0..w.len() {
                for c in b'A'..=b'Z' {
                    candidate.clear();
                    candidate.extend_from_slice(w.as_bytes());
                    if candidate[i] == c {
                        continue;
                    }
                    candidate[i] = c;
                    let key = std::str::from_utf8(&candidate).unwrap_or_default();
                    if let Some(&j) = index.get(key) {
                        found.push(j);
                    }
                }
            }
            found.sort_unstable();
            found
        })
        .collect();
    WordGraph {
        words,
        index,
        neighbours,
    }
}

impl WordLadder {
    /// `WordLadderConfig.is_valid_path_length`.
    fn is_valid_path_length(&self, length: usize) -> bool {
        let length = length as i64;
        if self.min_chain_length == -1 {
            if self.max_chain_length == -1 {
                return length >= 3;
            }
            return (3..=self.max_chain_length).contains(&length);
        }
        self.min_chain_length <= length
            && (self.max_chain_length == -1 || length <= self.max_chain_length)
    }

    /// `_find_path`: a direct neighbour is a two-word ladder whatever the
    /// configured lengths; otherwise the breadth-first ladder (neighbours in
    /// sorted order), if its length is allowed. The ladder to `end` is fixed
    /// when `end` is first reached, so the search stops there.
    fn find_path(&self, graph: &WordGraph, start: u32, end: u32) -> Option<Vec<u32>> {
        if graph.neighbours[start as usize].binary_search(&end).is_ok() {
            return Some(vec![start, end]);
        }
        const UNSEEN: u32 = u32::MAX;
        let mut parent = vec![UNSEEN; graph.words.len()];
        parent[start as usize] = start;
        let mut queue = VecDeque::from([start]);
        while let Some(current) = queue.pop_front() {
            for &next in &graph.neighbours[current as usize] {
                if parent[next as usize] != UNSEEN {
                    continue;
                }
                parent[next as usize] = current;
                if next == end {
                    let mut path = vec![end];
                    let mut at = end;
                    while at != start {
                        at = parent[at as usize];
                        path.push(at);
                    }
                    path.reverse();
                    return self.is_valid_path_length(path.len()).then_some(path);
                }
                queue.push_back(next);
            }
        }
        None
    }
}

impl Dataset for WordLadder {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let length = rng.randint(self.min_word_length, self.max_word_length)?;
        let graph = word_graph(length as usize);
        let all: Vec<u32> = (0..graph.words.len() as u32).collect();
        // `_generate_word_pair`.
        let mut found = None;
        for _ in 0..MAX_ATTEMPTS {
            let start = *rng.choice(&all)?;
            let end = *rng.choice(&all)?;
            if start == end {
                continue;
            }
            if let Some(path) = self.find_path(graph, start, end) {
                found = Some((start, end, path));
                break;
            }
        }
        let Some((start, end, path)) = found else {
            return Err(DatasetError::Generation(format!(
                "Dataset exhausted at index {idx}. Failed to find valid pair for length {length}"
            )));
        };
        let (start, end) = (graph.words[start as usize], graph.words[end as usize]);
        let ladder: Vec<&str> = path.iter().map(|&i| graph.words[i as usize]).collect();
        Ok(Item {
            question: format!(
                "Transform the word ladder '{start}' to '{end}' by changing one letter at a time.\n\
                 Provide your answer as a comma-separated sequence of uppercase letters without spaces.\n\
                 Each step must be a valid English word."
            ),
            answer: ladder.join(","),
            metadata: meta! {
                "start_word" => start,
                "end_word" => end,
                "word_length" => length,
                "chain_length" => ladder.len(),
                "difficulty" => json!({
                    "word_length": [self.min_word_length, self.max_word_length],
                }),
            },
        })
    }

    /// `score_answer`: 0.0 unless the ladder starts and ends with the item's
    /// words, every word has the end word's length and each differs from the
    /// one before in exactly one place; then 1.0, halved for every word not
    /// in the word list. The word list is the dataset's own lengths', as in
    /// the reference (where another length raises `KeyError`: 0.0).
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else {
            return 0.0;
        };
        let (Some(start_word), Some(end_word)) = (
            item.metadata.get("start_word").and_then(|v| v.as_str()),
            item.metadata.get("end_word").and_then(|v| v.as_str()),
        ) else {
            return 0.0;
        };
        let word_length = end_word.chars().count();
        if !(self.min_word_length..=self.max_word_length).contains(&(word_length as i64)) {
            return 0.0;
        }
        let known = &word_graph(word_length).index;
        // Upper-casing never shortens a text and leaves whitespace as it is,
        // so a piece with more other characters than the word length is a
        // word of the wrong length whatever else happens: 0.0 without the
        // costly full-Unicode upper-casing of a long answer.
        let too_long =
            |piece: &str| piece.chars().filter(|&c| !py_isspace(c)).count() > word_length;
        if answer.split(',').any(too_long) {
            return 0.0;
        }
        // `answer.upper()`: Rust's upper-casing is Unicode's full mapping, as
        // Python's is ("ﬁ" becomes "FI").
        let upper = answer.to_uppercase();
        // Every check fails with 0.0, so they run as the words stream by:
        // each word's length, each step one letter, the ends, then 0.5 for
        // every word not in the list.
        let one_apart =
            |a: &str, b: &str| a.chars().zip(b.chars()).filter(|(x, y)| x != y).count() == 1;
        let mut words = upper.split(',').map(py_strip);
        let Some(first) = words.next() else {
            return 0.0;
        };
        let right_length = |w: &str| w.chars().count() == word_length;
        if first != start_word || !right_length(first) {
            return 0.0;
        }
        let mut reward = if known.contains_key(first) { 1.0 } else { 0.5 };
        let (mut prev, mut count) = (first, 1);
        for w in words {
            if !right_length(w) || !one_apart(prev, w) {
                return 0.0;
            }
            if !known.contains_key(w) {
                reward *= 0.5;
            }
            (prev, count) = (w, count + 1);
        }
        if count < 2 || prev != end_word {
            return 0.0;
        }
        reward
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{dataset, refused};
    use std::time::Instant;

    #[test]
    fn the_word_lists_are_the_files() {
        // len(word_sets[n]) in the reference.
        assert_eq!(word_graph(3).words.len(), 755);
        assert_eq!(word_graph(4).words.len(), 2671);
        assert_eq!(word_graph(5).words.len(), 5306);
        let g = word_graph(4);
        let cold = g.index["COLD"] as usize;
        let names: Vec<&str> = g.neighbours[cold]
            .iter()
            .map(|&i| g.words[i as usize])
            .collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
        assert!(names.contains(&"CORD") && names.contains(&"BOLD"));
    }

    #[test]
    fn ladders_are_shortest_and_score_one() {
        let ds = dataset(&INFO, json!({"min_word_length": 3, "max_word_length": 5}));
        for idx in 0..20 {
            let item = ds.get(idx).unwrap();
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
            assert_eq!(ds.score(Some(&item.answer.to_lowercase()), &item), 1.0);
            let words: Vec<&str> = item.answer.split(',').collect();
            assert_eq!(item.metadata["chain_length"], words.len());
            assert_eq!(item.metadata["start_word"], words[0]);
            assert_eq!(ds.get(idx).unwrap(), item, "not deterministic");
        }
    }

    #[test]
    fn answers_are_scored_as_the_reference_scores_them() {
        let ds = dataset(&INFO, json!({}));
        let mut item = ds.get(0).unwrap();
        item.metadata.insert("start_word".into(), json!("COLD"));
        item.metadata.insert("end_word".into(), json!("WARM"));
        let score = |a: &str| ds.score(Some(a), &item);
        assert_eq!(score("COLD,CORD,CARD,WARD,WARM"), 1.0);
        assert_eq!(score(" cold , cord,card,ward,warm\n"), 1.0);
        // A word not in the list halves the score, each time.
        assert_eq!(score("COLD,CORD,WORD,WARD,WARM"), 1.0);
        assert_eq!(score("COLD,COLM,CORM,WORM,WARM"), 0.5);
        assert_eq!(score("COLD,COLM,CORM,WORM,WARM,WARM"), 0.0);
        assert_eq!(score("COLD,COLM,XOLM,XORM,WORM,WARM"), 0.125);
        // Two letters at once, wrong ends, wrong lengths, too short.
        assert_eq!(score("COLD,CARD,WARD,WARM"), 0.0);
        assert_eq!(score("CORD,CARD,WARD,WARM"), 0.0);
        assert_eq!(score("COLD,CORDS,WARM"), 0.0);
        assert_eq!(score("WARM"), 0.0);
        assert_eq!(score(""), 0.0);
        assert_eq!(ds.score(None, &item), 0.0);
        // Full Unicode upper-casing: "ﬁ" is two letters.
        item.metadata.insert("start_word".into(), json!("FIRE"));
        item.metadata.insert("end_word".into(), json!("FIRM"));
        assert_eq!(ds.score(Some("ﬁre,ﬁrm"), &item), 1.0);
        // An end word of a length the dataset does not load: KeyError.
        item.metadata.insert("end_word".into(), json!("FIRST"));
        assert_eq!(ds.score(Some("FIRE,FIRST"), &item), 0.0);
    }

    #[test]
    fn hostile_answers_are_scored_fast() {
        let ds = dataset(&INFO, json!({}));
        let item = ds.get(0).unwrap();
        let start = item.metadata["start_word"].as_str().unwrap().to_string();
        let end = item.metadata["end_word"].as_str().unwrap().to_string();
        let answers = [
            format!("{start},{}{end}", "ABCD,".repeat(400_000)),
            format!("{start},{}", ",".repeat(1 << 21)),
            "ß".repeat(1 << 20),
        ];
        let limit = if cfg!(debug_assertions) { 2000 } else { 100 };
        for a in &answers {
            // The best of three: other processes may have had the core.
            let ms = (0..3)
                .map(|_| {
                    let t = Instant::now();
                    ds.score(Some(a), &item);
                    t.elapsed().as_millis()
                })
                .min()
                .unwrap_or_default();
            assert!(ms < limit, "{ms} ms for {} bytes", a.len());
        }
    }

    #[test]
    fn config_is_validated_as_the_reference_does() {
        let msg = "Word length must be between 3 and 5 inclusive";
        assert_eq!(refused(&INFO, json!({"min_word_length": 2})), msg);
        assert_eq!(refused(&INFO, json!({"max_word_length": 6})), msg);
        assert_eq!(refused(&INFO, json!({"min_word_length": 5})), msg);
        assert_eq!(
            refused(&INFO, json!({"min_chain_length": 3})),
            "max_chain_length cannot be -1 unless min_chain_length is also -1"
        );
        assert_eq!(
            refused(&INFO, json!({"max_chain_length": 2})),
            "When min_chain_length=-1 (shortest path), max_chain_length must be -1 or >=3"
        );
        assert_eq!(
            refused(&INFO, json!({"min_chain_length": 2, "max_chain_length": 4})),
            "min_chain_length must be 3 or -1"
        );
        assert_eq!(
            refused(&INFO, json!({"min_chain_length": 5, "max_chain_length": 4})),
            "max_chain_length must be >= min_chain_length"
        );
        assert_eq!(
            refused(&INFO, json!({"size": 20_001})),
            "Dataset size too large for this algorithm and constraints"
        );
    }
}
