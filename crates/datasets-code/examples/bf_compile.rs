//! The rgym side of `scripts/vectors/bf_exhaustive.py`: one template program
//! per input line, as `1 <word>`, `2 <target> <x> <y>` or
//! `3 <target> <x> <y> <conditional>`; for each, one JSON line
//! `[bfit_code, bf_program, answer]` as `bf` renders, compiles and runs it;
//! the answer is `null` where `bf` refuses the item because the program never
//! ends (`Template::never_ends`), which is then not run.
//!
//!     cargo run --release -p datasets-code --example bf_compile < programs.txt

use std::io::{BufRead, BufWriter, Write};

use datasets_code::bf::{self, Template};
use datasets_code::bfi;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        let fields: Vec<&str> = line.split_whitespace().collect();
        let num = |i: usize| -> Result<i64, Box<dyn std::error::Error>> {
            Ok(fields.get(i).ok_or("missing field")?.parse()?)
        };
        let template = match fields.first() {
            Some(&"1") => {
                let word = fields.get(1).ok_or("missing word")?;
                // Template::Print holds a word of the list.
                let word = rg_data::corpus::wordle_words()
                    .iter()
                    .find(|w| *w == word)
                    .ok_or("not a wordle word")?;
                Template::Print(word)
            }
            Some(&"2" | &"3") => Template::Loop {
                target: num(1)?,
                x: num(2)?,
                y: num(3)?,
                conditional: if fields[0] == "3" {
                    Some(num(4)?)
                } else {
                    None
                },
            },
            _ => return Err(format!("bad line {line:?}").into()),
        };
        let code = template.code();
        let program = bf::compile_bfit_code_to_bf(&code)?;
        let answer = if template.never_ends() {
            None
        } else {
            Some(bfi::interpret(&program)?)
        };
        serde_json::to_writer(&mut out, &(&code, &program, &answer))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
