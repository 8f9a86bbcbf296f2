//! A small exact subset of sympy 1.14, enough to print what rgym's sympy
//! datasets print, character for character, without a CAS.
//!
//! * [`expr`]: the expression type and sympy's *automatic* canonicalisation
//!   (`Add`/`Mul` flattening and collection, rationals in lowest terms,
//!   integer powers) — what `a + b`, `a * b`, `a / b`, `a ** n` give in
//!   sympy, with no `simplify` and no `expand`.
//! * [`order`]: `sort_key`, `as_ordered_factors`, `as_ordered_terms`.
//! * [`printer`]: `StrPrinter` (`str(expr)`).
//! * [`parse`]: `parse_expr` of the answers rgym's scorers read, evaluated
//!   to the number the reference holds ([`parse::eval_str`]) or to the
//!   canonical expression ([`parse::parse_expr`]), under hard bounds (the
//!   module docs say where they differ from the reference).
//! * [`calculus`]: sympy's `diff`.
//! * [`numeric`]: an answer with elementary functions read and
//!   differentiated numerically over the complex numbers (the equivalence
//!   test behind intermediate_integration's scorer).
//! * [`poly`]: expanded Laurent polynomials (`expand`, and the zero test
//!   behind `simplify(a - b) == 0` for such expressions).
//! * [`roots`]: the real solutions `solve` reports for a polynomial of
//!   degree at most 3.
//! * [`mpf`]: mpmath's binary floats, for sympy's `Float` and `float()`;
//!   [`elefun`]: mpmath's `pi`, `atan` and `acos`; [`evalf`]: sympy's
//!   `evalf` of real numbers.
//! * [`surd`]: sympy's automatic evaluation of square roots of rationals
//!   and of sums and products of them.
//!
//! Checked against sympy by `scripts/vectors/symlite_fuzz.py`; a bounded
//! slice of its vectors runs in `tests/vectors.rs`.
//!
//! sympy is Copyright the SymPy Development Team, BSD 3-Clause License;
//! mpmath is Copyright Fredrik Johansson and the mpmath contributors, BSD
//! 3-Clause License.

pub mod calculus;
pub mod elefun;
pub mod evalf;
pub mod expr;
pub mod mpf;
pub mod number;
pub mod numeric;
pub mod order;
pub mod parse;
pub mod poly;
pub mod printer;
pub mod roots;
pub mod surd;

pub use expr::Expr;
pub use number::Rational;
pub use printer::sstr;
