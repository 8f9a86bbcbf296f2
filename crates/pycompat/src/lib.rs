//! Python's text forms, exactly.
//!
//! Questions and answers in reasoning-gym are built with `str()`, `repr()`,
//! f-strings and `json.dumps`, so a port must print numbers and strings the way
//! CPython does: shortest round-trip float digits with Python's exponent rules,
//! correctly rounded fixed/exponent/general formats, banker's `round`, and
//! `repr` quoting. Each function names the Python expression it reproduces.

mod float;
mod json;
mod text;

pub use float::{
    float_repr, format_exp, format_fixed, format_general, group_thousands, round_ndigits,
};
pub use json::{json_dumps, JsonStyle};
pub use text::{py_str_repr, repr_list};
