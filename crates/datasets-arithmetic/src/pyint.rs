//! CPython 3.11's limit on converting an `int` to decimal text
//! (`sys.get_int_max_str_digits()`, 4300 digits), which `str(n)` and
//! f-strings of an int enforce.

use dataset_core::{DatasetError, Result};
use num_bigint::BigInt;

/// The default `sys.get_int_max_str_digits()`.
pub(crate) const MAX_STR_DIGITS: i64 = pycompat::INT_MAX_STR_DIGITS as i64;

/// Past this many digits a uniform draw of that many digits has at most
/// 4300 with a chance below 10^-64: the reference's `str()` is taken to raise
/// without drawing the (possibly huge) number.
pub(crate) const CERTAIN_DIGITS: i64 = MAX_STR_DIGITS + 64;

/// The `ValueError` of `str(n)` for an int of more than 4300 digits.
pub(crate) fn str_limit_error() -> DatasetError {
    DatasetError::Generation(
        "Exceeds the limit (4300 digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
            .into(),
    )
}

/// `str(n)`, raising as CPython does past 4300 digits.
pub(crate) fn py_str(n: &BigInt) -> Result<String> {
    pycompat::py_int_str(n).ok_or_else(str_limit_error)
}
