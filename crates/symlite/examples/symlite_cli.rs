//! The differential fuzzer's side of symlite (`scripts/vectors/symlite_fuzz.py`):
//! one JSON request per stdin line, one JSON reply per stdout line.
//!
//! * `{"tree": T}` builds `T` with sympy's operators and prints it:
//!   `T` is `["sym", name]`, `["int", "n"]`, or `[op, T, T]` with `op` one of
//!   `+ - * / **`, or `["neg", T]`. Reply: `{"str": "..."}`.
//! * `{"parse": "text"}` evaluates `parse_expr(text)` and converts it:
//!   reply `{"float": F, "int": "n"}` (`n` in hex, as `format(n, "x")`), each `"raise"` where the conversion
//!   raises, or `{"outcome": "raise" | "bounded"}` where evaluation fails.
//!   `F` is the double's repr as Python prints it.
//! * `{"expr": "text", "locals": [names]}` evaluates `parse_expr(text,
//!   local_dict)` to an expression: `{"str": "..."}`, or `{"outcome": ...}`.
//! * `{"expr_eq": ["a", "b"]}`: `{"eq": parse_expr(a) == parse_expr(b)}`.
//! * `{"diff": T, "x": name}`: `{"str": str(diff(T, x))}`.
//! * `{"expand": T}`: `{"str": str(expand(T))}` for a polynomial `T`.
//! * `{"roots": ["c0", "c1", ...]}` (the coefficient of `x**i` at `i`):
//!   `{"real": [...]}`, the reprs of `round(float(sol.evalf()), 4)` for
//!   the real solutions `solve` reports, in its order; or `{"error": ...}`.
//!   With `"unrounded": true`, the reprs of `float(sol.evalf())` itself.

use serde_json::{json, Value as Json};
use std::io::{BufRead, Write};
use symlite::parse::{eval_str, parse_expr, Outcome};
use symlite::{sstr, Expr};

fn build(t: &Json) -> Option<Expr> {
    let a = t.as_array()?;
    let op = a.first()?.as_str()?;
    Some(match op {
        "sym" => Expr::sym(a.get(1)?.as_str()?),
        "int" => Expr::int(a.get(1)?.as_str()?.parse::<num_bigint::BigInt>().ok()?),
        "neg" => build(a.get(1)?)?.neg(),
        _ => {
            let l = build(a.get(1)?)?;
            let r = build(a.get(2)?)?;
            match op {
                "+" => l.add(&r),
                "-" => l.sub(&r),
                "*" => l.mul(&r),
                "/" => l.div(&r),
                "**" => l.pow(&r),
                _ => return None,
            }
        }
    })
}

/// The reply to one request (`tests/vectors.rs` replays the fuzzer's
/// recorded vectors through it).
pub fn reply(req: &Json) -> Json {
    {
        if let Some(t) = req.get("tree") {
            match build(t) {
                Some(e) => json!({"str": sstr(&e)}),
                None => json!({"error": "bad tree"}),
            }
        } else if let Some(s) = req.get("expr").and_then(Json::as_str) {
            let locals: Vec<&str> = req
                .get("locals")
                .and_then(Json::as_array)
                .map(|a| a.iter().filter_map(Json::as_str).collect())
                .unwrap_or_default();
            match parse_expr(s, &locals) {
                Ok(e) => json!({"str": sstr(&e)}),
                Err(Outcome::Raise) => json!({"outcome": "raise"}),
                Err(Outcome::Bounded) => json!({"outcome": "bounded"}),
                Err(Outcome::Unsupported) => json!({"outcome": "unsupported"}),
            }
        } else if let Some([a, b]) = req
            .get("expr_eq")
            .and_then(Json::as_array)
            .map(Vec::as_slice)
        {
            match (
                parse_expr(a.as_str().unwrap_or(""), &[]),
                parse_expr(b.as_str().unwrap_or(""), &[]),
            ) {
                (Ok(x), Ok(y)) => json!({"eq": x == y}),
                (Err(Outcome::Raise), _) | (_, Err(Outcome::Raise)) => json!({"outcome": "raise"}),
                (Err(Outcome::Bounded), _) | (_, Err(Outcome::Bounded)) => {
                    json!({"outcome": "bounded"})
                }
                _ => json!({"outcome": "unsupported"}),
            }
        } else if let Some(t) = req.get("diff") {
            let x = req.get("x").and_then(Json::as_str).unwrap_or("x");
            match build(t).and_then(|e| symlite::calculus::diff(&e, x)) {
                Some(d) => json!({"str": sstr(&d)}),
                None => json!({"error": "bad tree"}),
            }
        } else if let Some(t) = req.get("expand") {
            match build(t).map(|e| symlite::poly::Laurent::from_expr(&e).map(|l| l.to_expr())) {
                Some(Ok(e)) => json!({"str": sstr(&e)}),
                _ => json!({"error": "not a polynomial"}),
            }
        } else if let Some(c) = req.get("roots").and_then(Json::as_array) {
            let coeffs: Option<Vec<num_bigint::BigInt>> =
                c.iter().map(|x| x.as_str()?.parse().ok()).collect();
            match coeffs.map(|c| symlite::roots::solve_real(&c)) {
                Some(Ok(sols)) if req.get("unrounded").is_some() => json!({"real": sols
                    .iter()
                    .map(|s| pycompat::float_repr(s.value))
                    .collect::<Vec<_>>()}),
                Some(Ok(sols)) => json!({"real": sols
                    .iter()
                    .map(|s| pycompat::float_repr(pycompat::round_ndigits(s.value, 4)))
                    .collect::<Vec<_>>()}),
                Some(Err(e)) => json!({"error": format!("{e:?}")}),
                None => json!({"error": "bad coefficients"}),
            }
        } else if let Some(s) = req.get("parse").and_then(Json::as_str) {
            match eval_str(s) {
                Ok(v) => {
                    let conv = |r: Result<String, Outcome>| match r {
                        Ok(s) => s,
                        Err(Outcome::Unsupported) => "unsupported".into(),
                        Err(_) => "raise".into(),
                    };
                    json!({
                        "float": conv(v.to_float().map(pycompat::float_repr)),
                        "int": conv(v.to_int().map(|i| i.to_str_radix(16))),
                        "kind": v.kind(),
                    })
                }
                Err(Outcome::Raise) => json!({"outcome": "raise"}),
                Err(Outcome::Bounded) => json!({"outcome": "bounded"}),
                Err(Outcome::Unsupported) => json!({"outcome": "unsupported"}),
            }
        } else {
            json!({"error": "bad request"})
        }
    }
}

#[allow(dead_code)]
fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let req: Json = serde_json::from_str(&line).unwrap_or(Json::Null);
        let _ = writeln!(out, "{}", reply(&req));
    }
}
