//! `advanced_geometry`: the orthocenter, the incircle radius or an angle of
//! a triangle with integer vertices.
//!
//! The reference computes with sympy: exact rationals for the orthocenter,
//! nested square roots for the incircle radius (whose `str()` is in the
//! metadata) and `acos` for the angle, each turned into a float by
//! `evalf`. rgym builds the same expressions with `symlite::surd` (sympy's
//! automatic evaluation), prints them with `symlite::sstr` and evaluates
//! them with `symlite::evalf`, whose rounding follows sympy and mpmath bit
//! for bit.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use num_bigint::BigInt;
use pycompat::{format_fixed, np_round, py_float, py_int, py_int_true_div, py_strip};
use serde_json::{json, Value};
use symlite::elefun::mpf_acos;
use symlite::evalf::{evalf_float, float_of, to_mpmath, Real};
use symlite::mpf::{Mpf, Round};
use symlite::{sstr, surd, Expr, Rational};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "advanced_geometry",
    category: "geometry",
    description: "Find a triangle's orthocenter, incircle radius or an angle from its vertices",
    config_class: "AdvancedGeometryConfig",
    build,
};

const GEOMETRY_FORMAT_INSTRUCTIONS: &str = "For all geometry problems:
1. Give coordinates in the form (x, y)
2. Round decimal answers to 3 decimal places
3. Use the degree symbol ° for angles
4. Return only the angle, coordinates, or radius as your answer.
";

const ORTHOCENTER: [&str; 2] = [
    "Given triangle ABC with coordinates A={A}, B={B}, and C={C}, find the coordinates of its orthocenter. ",
    "For triangle with vertices A={A}, B={B}, and C={C}, determine the orthocenter (intersection of altitudes). ",
];
const INCIRCLE_RADIUS: [&str; 2] = [
    "Consider triangle ABC with coordinates A={A}, B={B}, and C={C}. Compute the radius of its incircle. ",
    "Find the incircle radius of triangle ABC whose vertices are A={A}, B={B}, and C={C}. ",
];
const ANGLE_MEASURE: [&str; 2] = [
    "In triangle ABC with coordinates A={A}, B={B}, and C={C}, find the measure (in degrees) of angle ABC. ",
    "Given a triangle with vertices A={A}, B={B}, and C={C}, determine the angle at B in degrees. ",
];

const TASK_TYPES: [&str; 3] = ["orthocenter", "incircle_radius", "angle_measure"];

const MAX_ATTEMPTS: usize = 100;

struct AdvancedGeometry {
    seed: Seed,
    min_coord: i64,
    max_coord: i64,
    task_types: Vec<String>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = AdvancedGeometry {
        seed: p.seed,
        min_coord: r.int("min_coord", -10),
        max_coord: r.int("max_coord", 10),
        task_types: r.str_list("task_types", &TASK_TYPES),
    };
    let v = r.finish()?;
    v.ensure(d.min_coord < d.max_coord, "min_coord must be < max_coord.")?;
    v.ensure(
        !d.task_types.is_empty(),
        "Must specify at least one task type.",
    )?;
    v.done(d)
}

/// A vertex; `sympy.Point` of two integers.
pub type Point = (BigInt, BigInt);

/// `str((A.x, A.y))`.
fn point_str(p: &Point) -> String {
    format!("({}, {})", p.0, p.1)
}

fn fill(template: &str, a: &Point, b: &Point, c: &Point) -> String {
    template
        .replace("{A}", &point_str(a))
        .replace("{B}", &point_str(b))
        .replace("{C}", &point_str(c))
        + GEOMETRY_FORMAT_INSTRUCTIONS
}

fn dist2(p: &Point, q: &Point) -> BigInt {
    let dx = &p.0 - &q.0;
    let dy = &p.1 - &q.1;
    &dx * &dx + &dy * &dy
}

/// `P.distance(Q)`: `sqrt` of the integer squared distance.
fn distance(p: &Point, q: &Point) -> Result<Expr> {
    surd::sqrt_int(&dist2(p, q)).ok_or_else(|| unsupported("a distance"))
}

fn unsupported(what: &str) -> DatasetError {
    DatasetError::Generation(format!(
        "advanced_geometry: {what} is beyond the sympy arithmetic rgym reproduces"
    ))
}

/// The reference's `ValueError` from sympy's `factor_cache` (square roots of
/// integers past about `2**60`, for coordinates past about 10**9).
fn sympy_raised() -> Result<()> {
    if surd::take_raised() {
        return Err(DatasetError::Generation(
            "ValueError: sympy's factorint gave factor_cache a composite factor".into(),
        ));
    }
    Ok(())
}

fn float_or_err(e: &Expr) -> Result<f64> {
    float_of(e).ok_or_else(|| unsupported("a value"))
}

fn coords_meta(a: &Point, b: &Point, c: &Point) -> [Value; 3] {
    [a, b, c].map(|p| json!([p.0.to_string(), p.1.to_string()]))
}

type Task = (String, String, dataset_core::Metadata);

impl AdvancedGeometry {
    /// `_generate_non_degenerate_triangle`.
    fn generate_non_degenerate_triangle(&self, rng: &mut Random) -> Result<[Point; 3]> {
        for _ in 0..MAX_ATTEMPTS {
            let mut pts = Vec::with_capacity(3);
            for _ in 0..3 {
                let x = rng.randint(self.min_coord, self.max_coord)?;
                let y = rng.randint(self.min_coord, self.max_coord)?;
                pts.push((BigInt::from(x), BigInt::from(y)));
            }
            let (a, b, c) = (&pts[0], &pts[1], &pts[2]);
            let twice_area = &a.0 * (&b.1 - &c.1) + &b.0 * (&c.1 - &a.1) + &c.0 * (&a.1 - &b.1);
            if twice_area != BigInt::from(0) {
                return Ok([pts[0].clone(), pts[1].clone(), pts[2].clone()]);
            }
        }
        Err(DatasetError::Generation(format!(
            "Failed to generate a non-degenerate triangle after {MAX_ATTEMPTS} attempts."
        )))
    }

    /// `_build_orthocenter_task`.
    fn build_orthocenter_task(
        &self,
        rng: &mut Random,
        a: &Point,
        b: &Point,
        c: &Point,
    ) -> Result<Task> {
        let (x, y) = orthocenter(a, b, c)?;
        let x_approx = float_or_err(&Expr::Num(x.clone()))?;
        let y_approx = float_or_err(&Expr::Num(y.clone()))?;
        let question = fill(rng.choice(&ORTHOCENTER)?, a, b, c);
        let answer = format!(
            "({}, {})",
            format_fixed(x_approx, 3),
            format_fixed(y_approx, 3)
        );
        let [ma, mb, mc] = coords_meta(a, b, c);
        let metadata = meta! {
            "A" => ma,
            "B" => mb,
            "C" => mc,
            "ortho" => json!([x.to_string(), y.to_string()]),
            "orthocenter_approx" => json!([x_approx, y_approx]),
        };
        Ok((question, answer, metadata))
    }

    /// `_build_incircle_radius_task`.
    fn build_incircle_radius_task(
        &self,
        rng: &mut Random,
        a: &Point,
        b: &Point,
        c: &Point,
    ) -> Result<Task> {
        let radius = incircle_radius(a, b, c)?;
        let radius_approx = float_or_err(&radius)?;
        let question = fill(rng.choice(&INCIRCLE_RADIUS)?, a, b, c);
        let answer = format_fixed(radius_approx, 3);
        let [ma, mb, mc] = coords_meta(a, b, c);
        let metadata = meta! {
            "A" => ma,
            "B" => mb,
            "C" => mc,
            "incircle_radius_exact" => sstr(&radius),
            "incircle_radius_approx" => radius_approx,
        };
        Ok((question, answer, metadata))
    }

    /// `_build_angle_measure_task`.
    fn build_angle_measure_task(
        &self,
        rng: &mut Random,
        a: &Point,
        b: &Point,
        c: &Point,
    ) -> Result<Task> {
        let cos_theta = cos_abc(a, b, c)?;
        let angle_deg = angle_degrees(&cos_theta)?;
        let question = fill(rng.choice(&ANGLE_MEASURE)?, a, b, c);
        let answer = format!("{}°", format_fixed(angle_deg, 2));
        let [ma, mb, mc] = coords_meta(a, b, c);
        let metadata = meta! {
            "A" => ma,
            "B" => mb,
            "C" => mc,
            "angle_ABC_degrees" => angle_deg,
        };
        Ok((question, answer, metadata))
    }
}

/// The orthocenter (`alt_A.intersection(alt_B)[0]`): the altitudes from A
/// and B meet at `H` with `(H - A).(C - B) = 0` and `(H - B).(A - C) = 0`;
/// sympy's intersection is exact, so its coordinates are these rationals.
pub fn orthocenter(a: &Point, b: &Point, c: &Point) -> Result<(Rational, Rational)> {
    let (u, v) = (&c.0 - &b.0, &c.1 - &b.1);
    let (s, t) = (&a.0 - &c.0, &a.1 - &c.1);
    let r1 = &a.0 * &u + &a.1 * &v;
    let r2 = &b.0 * &s + &b.1 * &t;
    let det = &u * &t - &v * &s;
    let x = Rational::new(&r1 * &t - &v * &r2, det.clone())
        .ok_or_else(|| unsupported("a degenerate triangle"))?;
    let y = Rational::new(&u * &r2 - &r1 * &s, det)
        .ok_or_else(|| unsupported("a degenerate triangle"))?;
    Ok((x, y))
}

/// The incircle radius by Heron's formula, as sympy evaluates it:
/// `sqrt(s*(s - a)*(s - b)*(s - c)) / s` with `s = (a + b + c)/2`.
pub fn incircle_radius(a: &Point, b: &Point, c: &Point) -> Result<Expr> {
    surd::take_raised();
    let radius = incircle_radius_expr(a, b, c);
    sympy_raised()?;
    radius
}

fn incircle_radius_expr(a: &Point, b: &Point, c: &Point) -> Result<Expr> {
    let sa = distance(b, c)?;
    let sb = distance(c, a)?;
    let sc = distance(a, b)?;
    let half = Expr::Num(Rational::new(1.into(), 2.into()).expect("2 != 0"));
    let s = surd::mul(&surd::add(&surd::add(&sa, &sb), &sc), &half);
    let product = surd::mul(
        &surd::mul(&surd::mul(&s, &surd::sub(&s, &sa)), &surd::sub(&s, &sb)),
        &surd::sub(&s, &sc),
    );
    let area = surd::sqrt(&product).ok_or_else(|| unsupported("the area"))?;
    let radius = surd::div(&area, &s).ok_or_else(|| unsupported("the radius"))?;
    Ok(radius)
}

/// `cos_theta = BA.dot(BC) / (|BA| * |BC|)`, the cosine of the angle at B.
pub fn cos_abc(a: &Point, b: &Point, c: &Point) -> Result<Expr> {
    surd::take_raised();
    let cos = cos_abc_expr(a, b, c);
    sympy_raised()?;
    cos
}

fn cos_abc_expr(a: &Point, b: &Point, c: &Point) -> Result<Expr> {
    let ba = (&a.0 - &b.0, &a.1 - &b.1);
    let bc = (&c.0 - &b.0, &c.1 - &b.1);
    let dot = &ba.0 * &bc.0 + &ba.1 * &bc.1;
    let origin = (BigInt::from(0), BigInt::from(0));
    let mag_ba = distance(&ba, &origin)?;
    let mag_bc = distance(&bc, &origin)?;
    let cos_theta = surd::div(&Expr::int(dot), &surd::mul(&mag_ba, &mag_bc))
        .ok_or_else(|| unsupported("the cosine"))?;
    Ok(cos_theta)
}

/// `acos(cos)` where sympy evaluates it (`acos.eval`: 0, and the values of
/// `asin`'s table of the form `r*sqrt(m)`), as a rational multiple of pi.
fn acos_special(cos: &Expr) -> Option<Rational> {
    let r = |p: i64, q: i64| Rational::new(p.into(), q.into()).expect("q > 0");
    let table: [(Expr, Rational); 4] = [
        (
            surd::mul(&Expr::Num(r(1, 2)), &surd::sqrt_int(&3.into())?),
            r(1, 3),
        ),
        (
            surd::mul(&Expr::Num(r(1, 2)), &surd::sqrt_int(&2.into())?),
            r(1, 4),
        ),
        (Expr::Num(r(1, 2)), r(1, 6)),
        (Expr::int(0), r(0, 1)),
    ];
    for (x, asin) in &table {
        if cos == x {
            return Some(r(1, 2).sub(asin));
        }
        if cos.neg() == *x {
            return Some(r(1, 2).add(asin));
        }
    }
    if cos.is_one() {
        return Some(r(0, 1));
    }
    None
}

/// `float(acos(cos).evalf() * 180 / pi)`.
pub fn angle_degrees(cos: &Expr) -> Result<f64> {
    let rad = match acos_special(cos) {
        Some(k) => evalf_float(Real::PiTimes(k)),
        None => {
            // acos._eval_evalf(57): the argument at 62 bits, mpmath's acos
            // at 57, then Float(..., 53).
            let x = to_mpmath(cos, 62).ok_or_else(|| unsupported("the cosine"))?;
            let v = mpf_acos(&x, 57, Round::Nearest).ok_or_else(|| unsupported("the angle"))?;
            Some(Mpf::normalize(v.neg, v.man, v.exp, 53, Round::Nearest))
        }
    }
    .ok_or_else(|| unsupported("the angle"))?;
    // Float * 180 at the Float's 53 bits, then the unevaluated Mul by 1/pi.
    let times = Mpf::mul(
        &rad,
        &Mpf::from_int(&BigInt::from(180), 53, Round::Nearest),
        53,
        Round::Nearest,
    );
    evalf_float(Real::FloatOverPi(times))
        .map(|m| m.to_f64())
        .ok_or_else(|| unsupported("the angle"))
}

impl Dataset for AdvancedGeometry {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let task_type = rng.choice(&self.task_types)?.clone();
        let [a, b, c] = self.generate_non_degenerate_triangle(&mut rng)?;
        let (question, answer, mut metadata) = match task_type.as_str() {
            "orthocenter" => self.build_orthocenter_task(&mut rng, &a, &b, &c)?,
            "incircle_radius" => self.build_incircle_radius_task(&mut rng, &a, &b, &c)?,
            "angle_measure" => self.build_angle_measure_task(&mut rng, &a, &b, &c)?,
            other => {
                return Err(DatasetError::Generation(format!(
                    "Unknown task_type: {other}"
                )))
            }
        };
        // After the task's own keys, as the reference adds them.
        metadata.insert("source_dataset".into(), INFO.name.into());
        metadata.insert("source_index".into(), idx.into());
        metadata.insert("task_type".into(), task_type.into());
        metadata.insert(
            "difficulty".into(),
            json!({"min_coord": self.min_coord, "max_coord": self.max_coord}),
        );
        Ok(Item {
            question,
            answer,
            metadata,
        })
    }

    fn writes_source_keys(&self) -> bool {
        true
    }

    /// `score_answer`; every exception the reference catches scores 0.01.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let meta_str = |k: &str| item.metadata.get(k).and_then(Value::as_str);
        score_task(answer, &item.answer, meta_str("task_type"), |k| {
            item.metadata.get(k).cloned()
        })
        .unwrap_or(0.01)
    }
}

/// The body of the reference's `try`; `None` where it raises.
fn score_task(
    answer: &str,
    expected: &str,
    task_type: Option<&str>,
    meta: impl Fn(&str) -> Option<Value>,
) -> Option<f64> {
    match task_type? {
        "angle_measure" => {
            let answer = answer.replace('\u{b0}', "");
            let expected = expected.replace('\u{b0}', "");
            let a = py_float(&answer)?;
            let e = py_float(&expected)?;
            Some(if np_round(a, 2) == np_round(e, 2) {
                1.0
            } else if !py_strip(&answer).is_empty() {
                0.05
            } else {
                0.01
            })
        }
        "orthocenter" => {
            let mut parts = answer.split(',');
            let x_coord = py_float(py_strip(&parts.next()?.replace('(', "")))?;
            let y_coord = py_float(py_strip(&parts.next()?.replace(')', "")))?;
            let ortho = meta("ortho")?;
            let ortho = ortho.as_array()?;
            let coord = |v: &Value| -> Option<f64> {
                let s = v.as_str()?;
                if s.contains('/') {
                    let mut it = s.split('/');
                    let p = py_int(it.next()?)?;
                    let q = py_int(it.next()?)?;
                    py_int_true_div(&p, &q)
                } else {
                    py_float(s)
                }
            };
            let expected_x = coord(ortho.first()?)?;
            let expected_y = coord(ortho.get(1)?)?;
            Some(
                if (x_coord == expected_x && y_coord == expected_y)
                    || (np_round(x_coord, 3) == np_round(expected_x, 3)
                        && np_round(y_coord, 3) == np_round(expected_y, 3))
                {
                    1.0
                } else {
                    0.01
                },
            )
        }
        "incircle_radius" => {
            if answer == expected {
                return Some(1.0);
            }
            let a = py_float(answer)?;
            let exact = meta("incircle_radius_exact")?;
            let e = py_float(exact.as_str()?)?;
            Some(if np_round(a, 2) == np_round(e, 2) {
                0.5
            } else if !py_strip(answer).is_empty() {
                0.05
            } else {
                0.01
            })
        }
        _ => None,
    }
}
