//! The Rust side of `scripts/vectors/advanced_geometry_vectors.py`: one JSON
//! request per stdin line, one JSON reply per stdout line.
//!
//! * `{"tri": [[ax, ay], [bx, by], [cx, cy]]}` (integers as decimal
//!   strings): what advanced_geometry computes for the triangle —
//!   `{"ortho": [x, y], "ortho_f": [fx, fy], "r": str(radius),
//!   "r_f": float(radius.evalf()), "cos": str(cos_theta),
//!   "cos_f": float(cos_theta.evalf()), "angle": angle_deg}`, each float as
//!   Python's `repr`; each value of a part rgym declines (where the
//!   reference raises) is `{"error": ...}`.
//! * `{"pi_fixed": p}`: `{"hex": format(pi_fixed(p), "x")}`.
//! * `{"atan": [n, prec2]}`: the `atan_a` mpmath caches for `(n, prec2)`,
//!   `{"hex": ...}`.

use datasets_geometry::advanced_geometry::{
    angle_degrees, cos_abc, incircle_radius, orthocenter, Point,
};
use num_bigint::BigInt;
use pycompat::float_repr;
use serde_json::{json, Value as Json};
use std::io::{BufRead, Write};
use symlite::elefun::{atan_cached, pi_fixed};
use symlite::evalf::float_of;
use symlite::{sstr, Expr};

fn point(v: &Json) -> Option<Point> {
    let a = v.as_array()?;
    let c = |i: usize| -> Option<BigInt> { a.get(i)?.as_str()?.parse().ok() };
    Some((c(0)?, c(1)?))
}

fn float(e: &Expr) -> Json {
    match float_of(e) {
        Some(f) => json!(float_repr(f)),
        None => json!({"error": "float"}),
    }
}

fn triangle(t: &Json) -> Option<Json> {
    let t = t.as_array()?;
    let (a, b, c) = (point(t.first()?)?, point(t.get(1)?)?, point(t.get(2)?)?);
    let mut out = serde_json::Map::new();
    match orthocenter(&a, &b, &c) {
        Ok((x, y)) => {
            let (x, y) = (Expr::Num(x), Expr::Num(y));
            out.insert("ortho".into(), json!([sstr(&x), sstr(&y)]));
            out.insert("ortho_f".into(), json!([float(&x), float(&y)]));
        }
        Err(e) => {
            out.insert("ortho".into(), json!({"error": e.to_string()}));
            out.insert("ortho_f".into(), json!({"error": e.to_string()}));
        }
    }
    match incircle_radius(&a, &b, &c) {
        Ok(r) => {
            out.insert("r".into(), json!(sstr(&r)));
            out.insert("r_f".into(), float(&r));
        }
        Err(e) => {
            out.insert("r".into(), json!({"error": e.to_string()}));
            out.insert("r_f".into(), json!({"error": e.to_string()}));
        }
    }
    match cos_abc(&a, &b, &c) {
        Ok(cos) => {
            out.insert("cos".into(), json!(sstr(&cos)));
            out.insert("cos_f".into(), float(&cos));
            let angle = match angle_degrees(&cos) {
                Ok(d) => json!(float_repr(d)),
                Err(e) => json!({"error": e.to_string()}),
            };
            out.insert("angle".into(), angle);
        }
        Err(e) => {
            for k in ["cos", "cos_f", "angle"] {
                out.insert(k.into(), json!({"error": e.to_string()}));
            }
        }
    }
    Some(Json::Object(out))
}

/// The reply to one request (`tests/vectors.rs` replays the script's
/// recorded vectors through it).
pub fn reply(req: &Json) -> Json {
    if let Some(t) = req.get("tri") {
        triangle(t).unwrap_or_else(|| json!({"error": "bad triangle"}))
    } else if let Some(p) = req.get("pi_fixed").and_then(Json::as_u64) {
        json!({"hex": pi_fixed(p).to_str_radix(16)})
    } else if let Some([n, p]) = req.get("atan").and_then(Json::as_array).map(Vec::as_slice) {
        match (n.as_u64(), p.as_u64()) {
            (Some(n), Some(p)) if p >= 7 => json!({"hex": atan_cached(n, p).to_str_radix(16)}),
            _ => json!({"error": "bad atan request"}),
        }
    } else {
        json!({"error": "bad request"})
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
        // The script runs this as a coprocess, one line at a time.
        let _ = out.flush();
    }
}
