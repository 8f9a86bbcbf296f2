//! `Random::from_init_genrand`, the one-word MT19937 seeding numpy's legacy
//! `RandomState` uses, against the reference generator's published values
//! (numpy's own streams are checked in crates/nprandom's vectors).

use pyrandom::Random;

#[test]
fn reference_mt19937_outputs() {
    // mt19937ar.c's default seed 5489: its first output, and the 10000th
    // output that C++'s [rand.predef] requires of `std::mt19937`.
    let mut r = Random::from_init_genrand(5489);
    assert_eq!(r.next_u32(), 3_499_211_612);
    for _ in 1..9999 {
        r.next_u32();
    }
    assert_eq!(r.next_u32(), 4_123_659_995);
}

#[test]
fn differs_from_init_by_array() {
    // CPython's Random(s) is init_by_array([s]); the two seedings differ.
    let mut a = Random::from_init_genrand(42);
    let mut b = Random::new(42);
    assert_ne!(a.next_u32(), b.next_u32());
}
