//! Replays the set programs of scripts/vectors/pyset_vectors.py against
//! `pycompat::{PySet, PyFrozenSet}` and compares every recorded result:
//! `len`, `hash(tuple(s))` (CPython's iteration order), `hash(fs)`, popped
//! elements and the answers of `issubset`, `in`, `==`, `isdisjoint`.
//! Shared by tests/pyset.rs and examples/pyset_replay.rs.

use pycompat::{py_tuple_hash, AnySet, PyFrozenSet, PyHashable, PySet};
use serde_json::Value;

/// An element type of one "world" of programs.
pub trait Elem: PyHashable {
    fn parse(v: &Value, pool: &[PyFrozenSet<(i64, i64)>]) -> Option<Self>;
    /// The hash the digest uses: `hash(x)`, or `hash(tuple(x))` for a
    /// frozenset (so its own order counts).
    fn digest_hash(&self) -> i64 {
        self.py_hash()
    }
}

impl Elem for i64 {
    fn parse(v: &Value, _: &[PyFrozenSet<(i64, i64)>]) -> Option<Self> {
        v.as_i64()
    }
}

fn pair(v: &Value) -> Option<(i64, i64)> {
    Some((v.get(0)?.as_i64()?, v.get(1)?.as_i64()?))
}

impl Elem for (i64, i64) {
    fn parse(v: &Value, _: &[PyFrozenSet<(i64, i64)>]) -> Option<Self> {
        pair(v)
    }
}

impl Elem for (i64, (i64, i64)) {
    fn parse(v: &Value, _: &[PyFrozenSet<(i64, i64)>]) -> Option<Self> {
        Some((v.get(0)?.as_i64()?, pair(v.get(1)?)?))
    }
}

impl Elem for Vec<i64> {
    fn parse(v: &Value, _: &[PyFrozenSet<(i64, i64)>]) -> Option<Self> {
        v.as_array()?.iter().map(Value::as_i64).collect()
    }
}

impl Elem for PyFrozenSet<(i64, i64)> {
    fn parse(v: &Value, pool: &[PyFrozenSet<(i64, i64)>]) -> Option<Self> {
        pool.get(usize::try_from(v.as_u64()?).ok()?).cloned()
    }
    fn digest_hash(&self) -> i64 {
        let hs: Vec<i64> = self.iter().map(PyHashable::py_hash).collect();
        py_tuple_hash(&hs)
    }
}

enum Reg<T> {
    S(PySet<T>),
    F(PyFrozenSet<T>),
}

/// Runs `$body` with `$o` bound to the register's set or frozenset.
macro_rules! any {
    ($r:expr, $o:ident => $body:expr) => {
        match $r {
            Reg::S($o) => $body,
            Reg::F($o) => $body,
        }
    };
}

/// Counts of one replay.
#[derive(Default)]
pub struct Tally {
    pub programs: usize,
    pub ops: usize,
    pub mismatches: usize,
    pub first: Vec<String>,
}

fn digest<T: Elem>(r: &Reg<T>) -> Value {
    any!(r, s => {
        let hs: Vec<i64> = s.iter().map(Elem::digest_hash).collect();
        let fh = match r {
            Reg::F(f) => Value::from(f.py_hash()),
            Reg::S(_) => Value::Null,
        };
        Value::from(vec![Value::from(s.len()), Value::from(py_tuple_hash(&hs)), fh])
    })
}

fn elems<T: Elem>(v: &Value, pool: &[PyFrozenSet<(i64, i64)>]) -> Vec<T> {
    v.as_array()
        .map(|a| a.iter().filter_map(|e| T::parse(e, pool)).collect())
        .unwrap_or_default()
}

fn idx(v: &Value) -> usize {
    v.as_u64().unwrap_or(0) as usize
}

fn make_pool(recipes: &Value) -> Vec<PyFrozenSet<(i64, i64)>> {
    let mut pool = Vec::new();
    for r in recipes.as_array().into_iter().flatten() {
        let pairs: Vec<(i64, i64)> = elems(&r[1], &[]);
        let fs = match r[0].as_u64() {
            Some(0) => pairs.iter().copied().collect(),
            Some(1) => pairs.iter().copied().collect::<PySet<_>>().freeze(),
            _ => {
                let mut s: PySet<(i64, i64)> = pairs.iter().copied().collect();
                for p in &pairs[..pairs.len() / 2] {
                    s.discard(p);
                }
                s.update_iter(pairs.iter().rev().copied());
                s.freeze()
            }
        };
        pool.push(fs);
    }
    pool
}

/// Replays one program (one JSON line); adds to `tally`.
pub fn replay_line(line: &str, tally: &mut Tally) {
    let p: Value = match serde_json::from_str(line) {
        Ok(p) => p,
        Err(e) => {
            tally.mismatches += 1;
            tally.first.push(format!("bad JSON: {e}"));
            return;
        }
    };
    match p["world"].as_str() {
        Some("int") => replay::<i64>(&p, tally),
        Some("pair") => replay::<(i64, i64)>(&p, tally),
        Some("cell") => replay::<(i64, (i64, i64))>(&p, tally),
        Some("row") => replay::<Vec<i64>>(&p, tally),
        _ => replay::<PyFrozenSet<(i64, i64)>>(&p, tally),
    }
}

fn replay<T: Elem>(p: &Value, tally: &mut Tally) {
    tally.programs += 1;
    let pool = make_pool(&p["pool"]);
    let empty = Vec::new();
    let ops = p["ops"].as_array().unwrap_or(&empty);
    let want = p["out"].as_array().unwrap_or(&empty);
    let mut regs: Vec<Reg<T>> = (0..4).map(|_| Reg::S(PySet::new())).collect();
    let mut got: Vec<Value> = Vec::new();
    for op in ops {
        tally.ops += 1;
        let name = op[0].as_str().unwrap_or("");
        match name {
            "new" => {
                let d = idx(&op[1]);
                let xs: Vec<T> = elems(&op[4], &pool);
                let frozen = op[2] == "frozenset";
                let via = |t: PySet<T>| {
                    if frozen {
                        Reg::F(t.freeze())
                    } else {
                        Reg::S(PySet::from_set(&t))
                    }
                };
                regs[d] = match op[3].as_str() {
                    Some("gen") if frozen => Reg::F(xs.into_iter().collect()),
                    Some("gen") => Reg::S(xs.into_iter().collect()),
                    Some("viaset") => via(xs.iter().cloned().collect()),
                    _ => {
                        let mut t: PySet<T> = xs.iter().cloned().collect();
                        for x in xs.iter().step_by(3) {
                            t.discard(x);
                        }
                        via(t)
                    }
                };
                got.push(digest(&regs[d]));
            }
            "thaw" => {
                let d = idx(&op[1]);
                regs[d] = Reg::S(any!(&regs[d], s => PySet::from_set(s)));
                got.push(digest(&regs[d]));
            }
            "add" | "discard" | "pop" | "clear" => {
                let d = idx(&op[1]);
                let Reg::S(s) = &mut regs[d] else {
                    got.push(Value::from("not a set"));
                    continue;
                };
                let mut popped = None;
                match name {
                    "add" => elems(&op[2], &pool).into_iter().for_each(|x| s.add(x)),
                    "discard" => {
                        for x in elems::<T>(&op[2], &pool) {
                            s.discard(&x);
                        }
                    }
                    "pop" => {
                        let mut hs = Vec::new();
                        for _ in 0..idx(&op[2]) {
                            match s.pop() {
                                Some(x) => hs.push(Value::from(x.digest_hash())),
                                None => break,
                            }
                        }
                        popped = Some(Value::from(hs));
                    }
                    _ => s.clear(),
                }
                let mut row = digest(&regs[d]);
                if let (Some(pv), Some(a)) = (popped, row.as_array_mut()) {
                    a.push(pv);
                }
                got.push(row);
            }
            "bin" => {
                let (d, a, b) = (idx(&op[1]), idx(&op[3]), idx(&op[4]));
                let (x, y) = (&regs[a], &regs[b]);
                let r = match x {
                    Reg::S(x) => Reg::S(any!(y, y => match op[2].as_str() {
                        Some("|") => x.union(y),
                        Some("&") => x.intersection(y),
                        Some("-") => x.difference(y),
                        _ => x.symmetric_difference(y),
                    })),
                    Reg::F(x) => Reg::F(any!(y, y => match op[2].as_str() {
                        Some("|") => x.union(y),
                        Some("&") => x.intersection(y),
                        Some("-") => x.difference(y),
                        _ => x.symmetric_difference(y),
                    })),
                };
                regs[d] = r;
                got.push(digest(&regs[d]));
            }
            "meth_iter" => {
                let (d, a) = (idx(&op[1]), idx(&op[3]));
                let xs: Vec<T> = elems(&op[4], &pool);
                macro_rules! m {
                    ($x:expr) => {
                        match op[2].as_str() {
                            Some("union") => $x.union_iter(xs),
                            Some("intersection") => $x.intersection_iter(xs),
                            Some("difference") => $x.difference_iter(xs),
                            _ => $x.symmetric_difference_iter(xs),
                        }
                    };
                }
                let r = match &regs[a] {
                    Reg::S(x) => Reg::S(m!(x)),
                    Reg::F(x) => Reg::F(m!(x)),
                };
                regs[d] = r;
                got.push(digest(&regs[d]));
            }
            "inplace" => {
                let (a, b) = (idx(&op[2]), idx(&op[3]));
                let other = match &regs[b] {
                    Reg::S(s) => Reg::S(s.clone()),
                    Reg::F(f) => Reg::F(f.clone()),
                };
                if let Reg::S(s) = &mut regs[a] {
                    any!(&other, o => match op[1].as_str() {
                        Some("|=") => s.update(o),
                        Some("&=") => s.intersection_update(o),
                        Some("-=") => s.difference_update(o),
                        _ => s.symmetric_difference_update(o),
                    });
                }
                got.push(digest(&regs[a]));
            }
            "inplace_iter" => {
                let a = idx(&op[2]);
                let xs: Vec<T> = elems(&op[3], &pool);
                if let Reg::S(s) = &mut regs[a] {
                    match op[1].as_str() {
                        Some("update") => s.update_iter(xs),
                        Some("intersection_update") => s.intersection_update_iter(xs),
                        Some("difference_update") => s.difference_update_iter(xs),
                        _ => s.symmetric_difference_update_iter(xs),
                    }
                }
                got.push(digest(&regs[a]));
            }
            "copy" => {
                let (d, a) = (idx(&op[1]), idx(&op[3]));
                let r = match (op[2].as_str(), &regs[a]) {
                    (Some("set"), x) => Reg::S(any!(x, x => PySet::from_set(x))),
                    (_, Reg::F(f)) => Reg::F(f.copy()),
                    (Some("frozenset"), Reg::S(s)) => Reg::F(s.freeze()),
                    (_, Reg::S(s)) => Reg::S(s.copy()),
                };
                regs[d] = r;
                got.push(digest(&regs[d]));
            }
            "ask" => {
                let a = idx(&op[2]);
                let ans = any!(&regs[a], x => match op[1].as_str() {
                    Some("issubset") => any!(&regs[idx(&op[3])], y => x.issubset(y)),
                    Some("issubset_iter") => x.issubset_iter(elems::<T>(&op[3], &pool)),
                    Some("contains") => T::parse(&op[3], &pool).is_some_and(|e| x.contains(&e)),
                    Some("eq") => any!(&regs[idx(&op[3])], y => x.set_eq(y)),
                    _ => any!(&regs[idx(&op[3])], y => x.isdisjoint(y)),
                });
                got.push(Value::from(ans));
            }
            _ => got.push(Value::from(format!("unknown op {name}"))),
        }
        let n = got.len() - 1;
        if want.get(n) != got.last() {
            tally.mismatches += 1;
            if tally.first.len() < 5 {
                tally.first.push(format!(
                    "program {} op {n} {}: want {:?}, got {:?}",
                    tally.programs,
                    short(op),
                    want.get(n),
                    got.last()
                ));
            }
            // Later results of this program would all differ too.
            return;
        }
    }
}

fn short(op: &Value) -> String {
    let s = op.to_string();
    if s.len() > 200 {
        format!("{}...", &s[..200])
    } else {
        s
    }
}
