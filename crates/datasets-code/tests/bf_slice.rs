//! A bounded slice of `scripts/vectors/bf_exhaustive.py`'s proof, replayed:
//! for each program (every 5th wordle word, every difficulty-2 program, every
//! 60th difficulty-3 one) rgym's rendering compiled by `bfit` must hash
//! (FNV-1a 64) to the reference BF-it's output, and `bfi` must print the
//! answer the script checked. Programs that never end (answer `-`) must be
//! recognised as such, as `bf` refuses those items. Regenerate with
//! `python3 scripts/vectors/bf_exhaustive.py --write-slice`.

use datasets_code::bf::{compile_bfit_code_to_bf, Template};
use datasets_code::bfi;

fn fnv64(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[test]
fn slice_of_every_template_program() {
    let packed = include_bytes!("data/bf_slice.txt.zz");
    let text =
        String::from_utf8(miniz_oxide::inflate::decompress_to_vec_zlib(packed).unwrap()).unwrap();
    let mut counts = [0usize; 4];
    for line in text.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let num = |i: usize| fields[i].parse::<i64>().unwrap();
        let (template, rest) = match fields[0] {
            "1" => {
                let word = rg_data::corpus::wordle_words()
                    .iter()
                    .find(|w| **w == fields[1])
                    .unwrap();
                (Template::Print(word), &fields[2..])
            }
            "2" => (
                Template::Loop {
                    target: num(1),
                    x: num(2),
                    y: num(3),
                    conditional: None,
                },
                &fields[4..],
            ),
            _ => (
                Template::Loop {
                    target: num(1),
                    x: num(2),
                    y: num(3),
                    conditional: Some(num(4)),
                },
                &fields[5..],
            ),
        };
        let [hash, answer] = rest else {
            panic!("bad line {line:?}")
        };
        let program = compile_bfit_code_to_bf(&template.code()).unwrap();
        assert_eq!(format!("{:016x}", fnv64(&program)), *hash, "{template:?}");
        if *answer == "-" {
            assert!(template.never_ends(), "{template:?}");
            counts[0] += 1;
        } else {
            assert!(!template.never_ends(), "{template:?}");
            assert_eq!(bfi::interpret(&program).unwrap(), *answer, "{template:?}");
        }
        counts[num(0) as usize] += 1;
    }
    // Every template is represented, and some programs that never end.
    assert!(counts.iter().all(|c| *c > 0), "{counts:?}");
}
