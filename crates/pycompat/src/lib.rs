//! Python's text forms, exactly.
//!
//! Questions and answers in reasoning-gym are built with `str()`, `repr()`,
//! f-strings and `json.dumps`, so a port must print numbers and strings the way
//! CPython does: shortest round-trip float digits with Python's exponent rules,
//! correctly rounded fixed/exponent/general formats, banker's `round`, and
//! `repr` quoting. Each function names the Python expression it reproduces.

mod case;
mod chars;
mod float;
mod floatparse;
mod int;
mod json;
mod literal;
mod numpy;
mod order;
mod pyhash;
mod pyset;
mod sort;
mod strmethods;
mod text;
mod unicode_tables;

pub use case::py_title_ascii;
pub use chars::{
    py_isalnum, py_isalpha, py_isdecimal, py_isdigit, py_isnumeric, py_splitlines, py_str_isalnum,
    py_str_isalpha, py_str_isdecimal, py_str_isdigit, py_str_isnumeric, re_findall_words,
    re_is_word,
};
pub use float::{
    float_repr, format_exp, format_fixed, format_general, group_thousands, py_float_divmod,
    round_ndigits,
};
pub use floatparse::{py_complex, py_float, py_fraction_float, py_string_to_double, NumberError};
pub use int::{
    json_py_int, py_hex, py_int_base, py_int_json, py_int_str, py_int_true_div, INT_MAX_STR_DIGITS,
};
pub use json::{json_dumps, JsonStyle};
pub use literal::{
    int_to_float, json_loads, json_loads_plain_str_list, literal_eval, py_dict, py_eval, py_set,
    HashKey, ParseError, PyValue,
};
pub use numpy::{
    allclose_f32, int_array_str, loadtxt_f32, np_round, write_int_array_str, LoadedArray,
};
pub use order::{py_item_eq, py_lt, Unorderable};
pub use pyhash::{py_int_hash, py_set_order, py_tuple_hash};
pub use pyset::{frozenset_hash_of, AnySet, PyFrozenSet, PyHashable, PySet, SetTable};
pub use sort::py_sorted_by;
pub use strmethods::decimal_value as py_decimal_value;
pub use strmethods::{py_int, py_int_i64, py_isspace, py_split, py_strip, re_findall_sentences};
pub use text::{py_str_repr, repr_list};
