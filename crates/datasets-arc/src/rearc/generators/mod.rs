//! rearc's generator plumbing (`rearc_utils/utils.py`: `unifint`,
//! `get_pso_difficulty`, `get_generators`) and the generators ported so far
//! (`rearc_utils/generators.py`), in parts: `part1` holds TASK_IDS[0..127],
//! `part2` [127..263], `part3` [263..400]; helpers that more than one
//! generator uses live once in `common`. Each generator is replayed against
//! the Python one by `scripts/vectors/rearc_generator_vectors.py` and
//! `tests/rearc_generators.rs`.

use std::collections::HashMap;
use std::sync::LazyLock;

use dataset_core::{DatasetError, Random, Result};
use pycompat::AnySet;

use super::dsl::{self, Grid};

mod common;
mod part1;
mod part2;
mod part3;

/// The `random.Random` a generator draws from, with the attribute
/// `unifint` hangs on it: rearc averages `rng.difficulty_samples` into the
/// item's `rng` difficulty, across all the generator calls of one item.
pub struct GenRng {
    pub rng: Random,
    pub difficulty_samples: Vec<f64>,
}

impl GenRng {
    pub fn new(rng: Random) -> Self {
        GenRng {
            rng,
            // An item's tries draw a few dozen difficulties at most.
            difficulty_samples: Vec::with_capacity(32),
        }
    }

    /// `rng.randint(a, b)`.
    pub fn randint(&mut self, a: i64, b: i64) -> Result<i64> {
        Ok(self.rng.randint(a, b)?)
    }

    /// `rng.choice(tuple(s))` for a set or frozenset `s`: the element at the
    /// drawn position of CPython's iteration order, found by walking the
    /// table rather than copying it out first.
    pub fn choice_in<T: pycompat::PyHashable>(&mut self, s: &impl AnySet<T>) -> Result<T> {
        let n = s.len();
        if n == 0 {
            return Err(dataset_core::RandomError::EmptySequence.into());
        }
        let k = self.rng.randbelow(n as u64) as usize;
        s.iter()
            .nth(k)
            .cloned()
            .ok_or_else(|| DatasetError::Generation("set shorter than its length".into()))
    }

    /// `rng.choice(seq)`.
    pub fn choice<T: Clone>(&mut self, seq: &[T]) -> Result<T> {
        Ok(self.rng.choice(seq)?.clone())
    }

    /// `rng.sample(population, k)`; a negative `k` is Python's `ValueError`.
    pub fn sample<T: Clone>(&mut self, population: &[T], k: i64) -> Result<Vec<T>> {
        let k = usize::try_from(k).map_err(|_| {
            DatasetError::Generation("Sample larger than population or is negative".into())
        })?;
        Ok(self.rng.sample(population, k)?)
    }

    /// `rng.shuffle(x)`.
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        self.rng.shuffle(x)
    }

    /// `rng.random()`.
    pub fn random(&mut self) -> f64 {
        self.rng.random()
    }
}

/// `unifint(rng, diff_lb, diff_ub, (a, b))`: a difficulty drawn uniformly
/// in `[diff_lb, diff_ub]` (and recorded), mapped onto `[a, b]` with
/// Python's `round` (half to even) and clamped.
pub fn unifint(rng: &mut GenRng, diff_lb: f64, diff_ub: f64, (a, b): (i64, i64)) -> i64 {
    let d = rng.rng.uniform(diff_lb, diff_ub);
    rng.difficulty_samples.push(d);
    let r = (a as f64 + (b - a) as f64 * d).round_ties_even() as i64;
    a.max(r).min(b)
}

/// A generated `{"input": gi, "output": go}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub input: Grid,
    pub output: Grid,
}

/// `get_pso_difficulty(example)`: the mean of the pixel share, the color
/// share and the object density, each computed in Python's float order.
///
/// Only sizes reach the result: `len(palette(i) | palette(o))` and
/// `len(objects(g, True, False, False))`. The objects of a grid (univalued,
/// 4-connected, no background) are its 4-connected runs of one color, which
/// are disjoint and so distinct frozensets: their number is the number of
/// components, counted here by a flood fill instead of building CPython set
/// tables that nothing iterates (this was half of rearc's time, since every
/// rejected task of `__getitem__`'s loop is measured).
pub fn get_pso_difficulty(example: &Example) -> f64 {
    let (i, o) = (&example.input, &example.output);
    let area = |g: &Grid| (g.len() * g.first().map_or(0, Vec::len)) as f64;
    let (hwi, hwo) = (area(i), area(o));
    let pix_pct = (hwi + hwo) / 1800.0;
    let (ci, co) = (grid_census(i), grid_census(o));
    let colors = match (ci.colors, co.colors) {
        (Some(a), Some(b)) => (a | b).count_ones() as usize,
        _ => dsl::distinct(i.iter().chain(o).flatten().copied()).len(),
    };
    let col_pct = colors as f64 / 10.0;
    let obj_dens = (ci.components as f64 / hwi + co.components as f64 / hwo) / 2.0;
    (pix_pct + col_pct + obj_dens) / 3.0
}

/// `len(objects(grid, True, False, False))`, the 4-connected one-color
/// components of the grid, and its colors, in one pass.
fn grid_census(grid: &Grid) -> common::Census {
    let w = grid.first().map_or(0, Vec::len);
    if grid.iter().any(|row| row.len() != w) {
        // Not a rectangle: leave it to the DSL, which reads `grid` as Python
        // would (no generator makes one).
        return common::Census {
            components: dsl::objects(grid, true, false, false).len(),
            colors: None,
        };
    }
    common::census(grid)
}

/// A generator: `generate_<task id>(rng, diff_lb, diff_ub)`.
pub type Generator = fn(&mut GenRng, f64, f64) -> Result<Example>;

/// The 400 task ids in the order `get_generators` lists them (`dir()` of
/// the generators module: sorted), which is the list `rng.choice` picks from.
pub const TASK_IDS: [&str; 400] = [
    "007bbfb7", "00d62c1b", "017c7c7b", "025d127b", "045e512c", "0520fde7", "05269061", "05f2a901",
    "06df4c85", "08ed6ac7", "09629e4f", "0962bcdd", "0a938d79", "0b148d64", "0ca9ddb6", "0d3d703e",
    "0dfd9992", "0e206a2e", "10fcaaa3", "11852cab", "1190e5a7", "137eaa0f", "150deff5", "178fcbfb",
    "1a07d186", "1b2d62fb", "1b60fb0c", "1bfc4729", "1c786137", "1caeab9d", "1cf80156", "1e0a9b12",
    "1e32b0e9", "1f0c79e5", "1f642eb9", "1f85a75f", "1f876c06", "1fad071e", "2013d3e2", "2204b7a8",
    "22168020", "22233c11", "2281f1f4", "228f6490", "22eb0ac0", "234bbc79", "23581191", "239be575",
    "23b5c85d", "253bf280", "25d487eb", "25d8a9c8", "25ff71a9", "264363fd", "272f95fa", "27a28665",
    "28bf18c6", "28e73c20", "29623171", "29c11459", "29ec7d0e", "2bcee788", "2bee17df", "2c608aff",
    "2dc579da", "2dd70a9a", "2dee498d", "31aa019c", "321b1fc6", "32597951", "3345333e", "3428a4f5",
    "3618c87e", "3631a71a", "363442ee", "36d67576", "36fdfd69", "3906de3d", "39a8645d", "39e1d7f9",
    "3aa6fb7a", "3ac3eb23", "3af2c5a8", "3bd67248", "3bdb4ada", "3befdf3e", "3c9b0459", "3de23699",
    "3e980e27", "3eda0437", "3f7978a0", "40853293", "4093f84a", "41e4d17e", "4258a5f9", "4290ef0e",
    "42a50994", "4347f46a", "444801d8", "445eab21", "447fd412", "44d8ac46", "44f52bb0", "4522001f",
    "4612dd53", "46442a0e", "469497ad", "46f33fce", "47c1f68c", "484b58aa", "48d8fb45", "4938f0c2",
    "496994bd", "49d1d64f", "4be741c5", "4c4377d9", "4c5c2cf0", "50846271", "508bd3b6", "50cb2852",
    "5117e062", "5168d44c", "539a4f51", "53b68214", "543a7ed5", "54d82841", "54d9e175", "5521c0d9",
    "5582e5ca", "5614dbcf", "56dc2b01", "56ff96f3", "57aa92db", "5ad4f10b", "5bd6f4ac", "5c0a986e",
    "5c2c9af4", "5daaa586", "60b61512", "6150a2bd", "623ea044", "62c24649", "63613498", "6430c8c4",
    "6455b5f5", "662c240a", "67385a82", "673ef223", "6773b310", "67a3c6ac", "67a423a3", "67e8384a",
    "681b3aeb", "6855a6e4", "68b16354", "694f12f3", "6a1e5592", "6aa20dc0", "6b9890af", "6c434453",
    "6cdd2623", "6cf79266", "6d0160f0", "6d0aefbc", "6d58a25d", "6d75e8bb", "6e02f1e3", "6e19193c",
    "6e82a1ae", "6ecd11f4", "6f8cd79b", "6fa7a44f", "72322fa7", "72ca375d", "73251a56", "7447852a",
    "7468f01a", "746b3537", "74dd1130", "75b8110e", "760b3cac", "776ffc46", "77fdfe62", "780d0b14",
    "7837ac64", "794b24be", "7b6016b9", "7b7f7511", "7c008303", "7ddcd7ec", "7df24a62", "7e0986d6",
    "7f4411dc", "7fe24cdd", "80af3007", "810b9b61", "82819916", "83302e8f", "834ec97d", "8403a5d5",
    "846bdb03", "855e0971", "85c4e7cd", "868de0fa", "8731374e", "88a10436", "88a62173", "890034e9",
    "8a004b2b", "8be77c9e", "8d5021e8", "8d510a79", "8e1813be", "8e5a5113", "8eb1be9a", "8efcae92",
    "8f2ea7aa", "90c28cc7", "90f3ed37", "913fb3ed", "91413438", "91714a58", "9172f3a0", "928ad970",
    "93b581b8", "941d9a10", "94f9d214", "952a094c", "9565186b", "95990924", "963e52fc", "97999447",
    "97a05b5b", "98cf29f8", "995c5fa3", "99b1bc43", "99fa7670", "9aec4887", "9af7a82c", "9d9215db",
    "9dfd6313", "9ecd008a", "9edfc990", "9f236235", "a1570a43", "a2fd1cf0", "a3325580", "a3df8b1e",
    "a416b8f3", "a48eeaf7", "a5313dff", "a5f85a15", "a61ba2ce", "a61f2674", "a64e4611", "a65b410d",
    "a68b268e", "a699fb00", "a740d043", "a78176bb", "a79310a0", "a85d4709", "a87f7484", "a8c38be5",
    "a8d7556c", "a9f96cdd", "aabf363d", "aba27056", "ac0a08a4", "ae3edfdc", "ae4f1146", "aedd82e4",
    "af902bf9", "b0c4d837", "b190f7f5", "b1948b0a", "b230c067", "b27ca6d3", "b2862040", "b527c5c6",
    "b548a754", "b60334d2", "b6afb2da", "b7249182", "b775ac94", "b782dc8a", "b8825c91", "b8cdaf2b",
    "b91ae062", "b94a9452", "b9b7f026", "ba26e723", "ba97ae07", "bb43febb", "bbc9ae5d", "bc1d5164",
    "bd4472b8", "bda2d7a6", "bdad9b1f", "be94b721", "beb8660c", "c0f76784", "c1d99e64", "c3e719e8",
    "c3f564a4", "c444b776", "c59eb873", "c8cbb738", "c8f0f002", "c909285e", "c9e6f938", "c9f8e694",
    "caa06a1f", "cbded52d", "cce03e0d", "cdecee7f", "ce22a75a", "ce4f8723", "ce602527", "ce9e57f2",
    "cf98881b", "d037b0a7", "d06dbe63", "d07ae81c", "d0f5fe59", "d10ecb37", "d13f3404", "d22278a0",
    "d23f8c26", "d2abd087", "d364b489", "d406998b", "d43fd935", "d4469b4b", "d4a91cb9", "d4f3cd78",
    "d511f180", "d5d6de2d", "d631b094", "d687bc17", "d6ad076f", "d89b689b", "d8c310e9", "d90796e8",
    "d9f24cd1", "d9fac9be", "dae9d2b5", "db3e9e38", "db93a21d", "dbc1a6ce", "dc0a314f", "dc1df850",
    "dc433765", "ddf7fa4f", "de1cd16c", "ded97339", "e179c5f4", "e21d9049", "e26a3af2", "e3497940",
    "e40b9e2f", "e48d4e1a", "e5062a87", "e509e548", "e50d258f", "e6721834", "e73095fd", "e76a88a6",
    "e8593010", "e8dc4411", "e9614598", "e98196ab", "e9afcf9a", "ea32f347", "ea786f4a", "eb281b96",
    "eb5a1d5d", "ec883f72", "ecdecbb3", "ed36ccf7", "ef135b50", "f15e1fac", "f1cefba8", "f25fbde4",
    "f25ffba3", "f2829549", "f35d900a", "f5b8619d", "f76d97a5", "f8a8fe49", "f8b3ba0a", "f8c80d96",
    "f8ff0b80", "f9012d9b", "fafffa47", "fcb5c309", "fcc82909", "feca6190", "ff28f65a", "ff805c23",
];

/// The native generator of a task, once ported.
pub fn generator(task_id: &str) -> Option<Generator> {
    // Every task `__getitem__` tries is looked up here (~15 an item): a map
    // built once, not a scan of 400 ids (that scan was 2.6% of an item).
    static BY_ID: LazyLock<HashMap<&'static str, Generator>> =
        LazyLock::new(|| ported().map(|&(id, g)| (id, g)).collect());
    BY_ID.get(task_id).copied()
}

/// The task ids with a native generator, in `TASK_IDS` order.
pub fn ported_generators() -> Vec<&'static str> {
    ported().map(|&(id, _)| id).collect()
}

/// The ported generators by part (`partN.rs`, each a contiguous stretch of
/// `TASK_IDS`, so that ports can go on in parallel without touching one
/// another's files), each part's table in task-id order.
pub const PARTS: [(&str, &[(&str, Generator)]); 3] = [
    ("part1", part1::PORTED),
    ("part2", part2::PORTED),
    ("part3", part3::PORTED),
];

fn ported() -> impl Iterator<Item = &'static (&'static str, Generator)> {
    PARTS.iter().flat_map(|&(_, table)| table.iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn random_grid(rng: &mut Random, h: i64, w: i64, colors: i64) -> Grid {
        (0..h)
            .map(|_| {
                (0..w)
                    .map(|_| rng.randint(0, colors - 1).unwrap())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn pso_sizes_are_the_dsl_set_sizes() {
        // The shortcuts must count what the DSL's sets hold, on grids from
        // one color (one object) to noise (many one-cell objects).
        let mut rng = Random::new(7);
        for n in 0..400 {
            let (h, w) = (rng.randint(1, 30).unwrap(), rng.randint(1, 30).unwrap());
            let (a, b) = (
                random_grid(&mut rng, h, w, 1 + n % 10),
                random_grid(&mut rng, w, h, 1 + (n / 10) % 10),
            );
            assert_eq!(
                grid_census(&a).components,
                dsl::objects(&a, true, false, false).len()
            );
            let colors = dsl::palette_grid(&a).union(&dsl::palette_grid(&b));
            let mask = grid_census(&a).colors.unwrap() | grid_census(&b).colors.unwrap();
            assert_eq!(mask.count_ones() as usize, colors.len());
        }
        let odd = vec![vec![-1, 70, 3], vec![70, 70, 3]];
        assert_eq!(grid_census(&odd).colors, None);
        assert_eq!(grid_census(&odd).components, 3);
        let example = Example {
            input: odd.clone(),
            output: vec![vec![3, 63], vec![0, 5]],
        };
        let colors = dsl::distinct(odd.iter().chain(&example.output).flatten().copied()).len();
        assert_eq!(colors, 6);
        let want = ((6.0 + 4.0) / 1800.0 + 0.6 + (3.0 / 6.0 + 4.0 / 4.0) / 2.0) / 3.0;
        assert_eq!(get_pso_difficulty(&example), want);
    }

    #[test]
    fn component_labels_partition_as_objects_do() {
        // Same cells together, different objects apart, in both
        // connectivities, from one color to noise.
        let mut rng = Random::new(11);
        for n in 0..300 {
            let (h, w) = (rng.randint(1, 30).unwrap(), rng.randint(1, 30).unwrap());
            let g = random_grid(&mut rng, h, w, 1 + n % 10);
            for diagonal in [false, true] {
                let objs = dsl::objects(&g, true, diagonal, false);
                let (label, count) = common::component_labels(&g, diagonal);
                assert_eq!(count, objs.len());
                assert_eq!(common::count_components(&g, diagonal), objs.len());
                let mut seen = std::collections::HashSet::new();
                for obj in objs.iter() {
                    let labels: std::collections::HashSet<usize> = obj
                        .iter()
                        .map(|&(_, (i, j))| label[(i * w + j) as usize])
                        .collect();
                    assert_eq!(labels.len(), 1, "one label per object");
                    assert!(
                        seen.insert(*labels.iter().next().unwrap()),
                        "one object per label"
                    );
                }
            }
        }
    }
}
