//! numpy behaviour that reaches reasoning-gym's text and scores, written once:
//! rounding ([`np_round`]), printing integer arrays ([`int_array_str`]), reading numbers back with `np.loadtxt` and comparing
//! them with `np.allclose` ([`loadtxt_f32`], [`allclose_f32`]).
//!
//! `str()` of a numpy float64 prints as Python's `repr(float)` does, so
//! [`crate::float_repr`] serves for scalars.

mod loadtxt;
mod print;
mod round;

pub use loadtxt::{allclose_f32, loadtxt_f32, LoadedArray};
pub use print::{int_array_str, write_int_array_str};
pub use round::np_round;
