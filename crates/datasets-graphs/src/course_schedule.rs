//! `course_schedule`: can every course be taken, given the prerequisite pairs?
//! (LeetCode's "Course Schedule": cycle detection in a directed graph.)

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use pycompat::{py_int_hash, py_set_order, py_tuple_hash};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "course_schedule",
    category: "graphs",
    description: "Generates Course Schedule exercises with configurable difficulty",
    config_class: "CourseScheduleConfig",
    build,
};

struct CourseSchedule {
    seed: Seed,
    min_num_courses: i64,
    max_num_courses: i64,
    min_num_prerequisites: i64,
    max_num_prerequisites: i64,
    min_cycle_length: i64,
    max_cycle_length: i64,
    p_solvable: f64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = CourseSchedule {
        seed: p.seed,
        min_num_courses: r.int("min_num_courses", 5),
        max_num_courses: r.int("max_num_courses", 10),
        min_num_prerequisites: r.int("min_num_prerequisites", 1),
        max_num_prerequisites: r.int("max_num_prerequisites", 2),
        min_cycle_length: r.int("min_cycle_length", 3),
        max_cycle_length: r.int("max_cycle_length", 5),
        p_solvable: r.float("p_solvable", 0.5),
    };
    let v = r.finish()?;
    v.ensure(
        3 <= d.min_num_courses && d.min_num_courses <= d.max_num_courses,
        "min_num_courses must be between 3 and max_num_courses",
    )?;
    v.ensure(
        3 <= d.min_cycle_length && d.min_cycle_length <= d.max_cycle_length,
        "min_cycle_length must be between 3 and max_cycle_length",
    )?;
    v.ensure(
        1 <= d.min_num_prerequisites && d.min_num_prerequisites <= d.max_num_prerequisites,
        "min_num_prerequisites must be between 0 and max_num_prerequisites",
    )?;
    v.ensure(
        0.0 <= d.p_solvable && d.p_solvable <= 1.0,
        "p_solvable must be between 0 and 1",
    )?;
    // Each course draws at most `min(max_num_prerequisites, courses - 1)` pairs,
    // and the cycle adds at most one pair per course.
    let courses = count(d.max_num_courses);
    let per_course = count(d.max_num_prerequisites).min(courses.saturating_sub(1));
    v.ensure_item_size(
        courses.saturating_mul(per_course + 2),
        "max_num_courses * (2 + min(max_num_prerequisites, max_num_courses - 1))",
    )?;
    v.done(d)
}

type Pair = (i64, i64);

impl CourseSchedule {
    fn create_prerequisites(
        &self,
        rng: &mut Random,
        courses: &[i64],
        solvable: bool,
    ) -> Result<Vec<Pair>> {
        let mut prerequisites = Vec::new();
        // Only earlier courses (in shuffled order) can be prerequisites.
        for idx in (1..courses.len()).rev() {
            let current = courses[idx];
            let available = &courses[..idx];
            let drawn = rng.randint(self.min_num_prerequisites, self.max_num_prerequisites)?;
            let num = (available.len() as i64).min(drawn);
            if num > 0 {
                let chosen = rng.sample(available, num as usize)?;
                prerequisites.extend(chosen.into_iter().map(|p| (current, p)));
            }
        }
        if !solvable {
            let drawn = rng.randint(self.min_cycle_length, self.max_cycle_length)?;
            let cycle_length = (courses.len() as i64).min(drawn) as usize;
            let cycle = rng.sample(courses, cycle_length)?;
            for i in 0..cycle_length {
                prerequisites.push((cycle[i], cycle[(i + 1) % cycle_length]));
            }
        }
        // list(set(tuple(p) for p in prerequisites)): CPython's table order.
        let order = py_set_order(&prerequisites, |&(a, b)| {
            py_tuple_hash(&[py_int_hash(a), py_int_hash(b)])
        });
        let mut unique: Vec<Pair> = order.into_iter().map(|i| prerequisites[i]).collect();
        rng.shuffle(&mut unique);
        Ok(unique)
    }
}

/// Whether the prerequisite graph over courses `0..num_courses` has no cycle.
/// The reference's recursive DFS only answers that, so an iterative
/// depth-first search with the same three states gives the same result.
fn can_finish(num_courses: usize, prerequisites: &[Pair]) -> bool {
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); num_courses];
    for &(course, prereq) in prerequisites {
        if let (Some(list), Ok(p)) = (adj.get_mut(course as usize), usize::try_from(prereq)) {
            if p < num_courses {
                list.push(p);
            }
        }
    }
    // 0: unvisited, 1: on the current path, 2: done.
    let mut state = vec![0u8; num_courses];
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for start in 0..num_courses {
        if state[start] != 0 {
            continue;
        }
        state[start] = 1;
        stack.push((start, 0));
        while let Some(top) = stack.last_mut() {
            let (node, next) = *top;
            if let Some(&nei) = adj[node].get(next) {
                top.1 += 1;
                match state[nei] {
                    1 => return false,
                    0 => {
                        state[nei] = 1;
                        stack.push((nei, 0));
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
    true
}

fn repr_pairs(pairs: &[Pair]) -> String {
    let inner: Vec<String> = pairs.iter().map(|(a, b)| format!("({a}, {b})")).collect();
    format!("[{}]", inner.join(", "))
}

impl Dataset for CourseSchedule {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let num_courses = rng.randint(self.min_num_courses, self.max_num_courses)?;
        let mut courses: Vec<i64> = (0..num_courses).collect();
        rng.shuffle(&mut courses);
        let solvable = rng.random() < self.p_solvable;
        let prerequisites = self.create_prerequisites(&mut rng, &courses, solvable)?;
        let answer = can_finish(courses.len(), &prerequisites);
        let answer_str = if answer { "True" } else { "False" };
        Ok(Item {
            question: format!(
                "There are a total of {num_courses} courses you have to take, labeled from 0 to {last}.\n\n\
                 You are given the following list of prerequisites, where prerequisites[i] = (a_i, b_i) indicates that you must first take course b_i if you want to take course a_i:\n\
                 {prereqs}\n\n\
                 Return True if you can finish all courses considering the prerequisites, or False otherwise.\n",
                last = num_courses - 1,
                prereqs = repr_pairs(&prerequisites),
            ),
            answer: answer_str.to_string(),
            metadata: meta! {
                "courses" => courses,
                "prerequisites" => prerequisites,
                "solution" => answer,
                "solvable" => solvable,
                "difficulty" => json!({
                    "num_courses": [self.min_num_courses, self.max_num_courses],
                    "num_prerequisites": [self.min_num_prerequisites, self.max_num_prerequisites],
                    "cycle_length": [self.min_cycle_length, self.max_cycle_length],
                }),
            },
        })
    }
}
