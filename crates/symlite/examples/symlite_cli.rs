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

use serde_json::{json, Value as Json};
use std::io::{BufRead, Write};
use symlite::parse::{eval_str, Outcome};
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

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let req: Json = serde_json::from_str(&line).unwrap_or(Json::Null);
        let reply = if let Some(t) = req.get("tree") {
            match build(t) {
                Some(e) => json!({"str": sstr(&e)}),
                None => json!({"error": "bad tree"}),
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
        };
        let _ = writeln!(out, "{reply}");
    }
}
