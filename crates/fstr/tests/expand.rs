//! `fstr!` against `format!`: same text, and proof that plain holes really
//! are expanded (a type with only the caller's trait, no `Display`, could
//! not go through `format!`).

use std::fmt::Write;

trait Piece {
    fn push_to(&self, out: &mut String);
}

impl Piece for i64 {
    fn push_to(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl Piece for str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

/// Writable only through `Piece`.
struct OnlyPiece;

impl Piece for OnlyPiece {
    fn push_to(&self, out: &mut String) {
        out.push_str("<piece>");
    }
}

macro_rules! f {
    ($($t:tt)*) => { fstr::fstr!(Piece; $($t)*) };
}

#[test]
fn plain_holes_are_expanded() {
    let x = OnlyPiece;
    assert_eq!(f!("a {x} b {}", OnlyPiece), "a <piece> b <piece>");
}

#[test]
fn text_matches_format() {
    let (n, name) = (-42i64, "Ann");
    let owned = String::from("owned");
    assert_eq!(
        f!(
            "{n} and {name}: {{literal}} }} {{ {} {}\n\t\"q\" \u{2019} \\ end",
            owned,
            n * 2
        ),
        format!(
            "{n} and {name}: {{literal}} }} {{ {} {}\n\t\"q\" \u{2019} \\ end",
            owned,
            n * 2
        )
    );
    assert_eq!(f!(""), "");
    assert_eq!(f!("{n}"), "-42");
    assert_eq!(f!("no holes"), "no holes");
    assert_eq!(
        f!("line \
            continued {name}"),
        format!(
            "line \
            continued {name}"
        )
    );
    // Commas inside an argument's own brackets are not argument separators.
    let v = [1i64, 2];
    assert_eq!(f!("{} {}", v[0].max(v[1]), name), "2 Ann");
}

#[test]
fn everything_else_is_format() {
    let (x, name) = (1.23456f64, "Ann");
    assert_eq!(f!("{x:.2} {name:>5}"), format!("{x:.2} {name:>5}"));
    assert_eq!(f!("{0} {0}", name), "Ann Ann");
    assert_eq!(f!("{who}", who = name), "Ann");
    assert_eq!(f!(r"raw {name}"), "raw Ann");
    assert_eq!(f!("{x:?}"), "1.23456");
}
