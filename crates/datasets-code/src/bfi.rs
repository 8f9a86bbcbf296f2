//! bfi 1.0.4 (Erik Nyquist, Apache-2.0), the interpreter `bf` answers with:
//! `bfi.interpret(program, buffer_output=True)`, with no input.
//!
//! `parse` turns the source into opcodes as bfi does (runs of `+ - < >`
//! collapsed, pointer moves folded into the next opcode, clear, copy and scan
//! loops replaced), and `execute` runs them on bfi's tape: 30,000 cells of
//! 8 bits, Python's indexing (a negative index counts from the end, one past
//! either end is an `IndexError`), output kept as the characters
//! `chr(cell)`.
//!
//! One addition of rgym's: a loop whose body only adds and moves, comes back
//! to its cell and takes exactly 1 from it per pass (`[>>+>+<<<-]`, which bfi's
//! copy-loop rule misses because its `-` is last) runs as one multiply-add.
//! That is what the loop does on 8-bit cells, pass for pass, and it turns the
//! comparisons BF-it emits from quadratic into linear time.

use std::fmt;

/// bfi's tape size (`tape_size=30000`).
pub const TAPE_SIZE: usize = 30_000;

/// What bfi raises: an unmatched bracket, or a cell index past the tape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BfiError(pub String);

impl fmt::Display for BfiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BfiError {}

type Result<T> = std::result::Result<T, BfiError>;

/// One opcode; `mv` is the pointer move applied before it acts.
#[derive(Debug, Clone, PartialEq)]
enum Opcode {
    Move(isize),
    Add {
        mv: isize,
        n: u8,
    },
    Open {
        target: usize,
    },
    Close {
        mv: isize,
        target: usize,
    },
    Input {
        mv: isize,
    },
    Output {
        mv: isize,
    },
    Clear {
        mv: isize,
    },
    /// bfi's copy/multiply loop, and rgym's balanced loop: for every
    /// `(offset, factor)`, `cell[offset] += cell * factor`; then `cell = 0`.
    Copy {
        mv: isize,
        mults: Vec<(isize, u8)>,
    },
    ScanLeft {
        mv: isize,
    },
    ScanRight {
        mv: isize,
    },
}

/// `bfi.interpret(program, buffer_output=True)`.
pub fn interpret(program: &str) -> Result<String> {
    let opcodes = parse(program)?;
    execute(&opcodes)
}

/// `_count_dupes_ahead`: how many times `program[index]` repeats after it.
fn count_dupes_ahead(program: &[u8], index: usize) -> usize {
    program[index + 1..]
        .iter()
        .take_while(|c| **c == program[index])
        .count()
}

/// `_is_copyloop`: `[-` then `>`s and `+`s, then as many `<`s as `>`s, `]`.
fn is_copyloop(program: &[u8], index: usize, ii: isize) -> Option<(Opcode, usize)> {
    let size = program.len();
    if index + 6 > size || program[index + 1] != b'-' {
        return None;
    }
    let (mut mult, mut depth) = (0u32, 0isize);
    let mut mults = Vec::new();
    let mut i = index + 2;
    while i < size {
        match program[i] {
            b'>' | b'<' => {
                if mult > 0 {
                    mults.push((depth, (mult % 256) as u8));
                    mult = 0;
                }
                if program[i] == b'<' {
                    break;
                }
                depth += 1;
            }
            b'+' => mult += 1,
            _ => return None,
        }
        i += 1;
    }
    if mults.is_empty() || depth == 0 || i == size - 1 {
        return None;
    }
    while i < size && program[i] != b']' {
        if program[i] != b'<' {
            return None;
        }
        depth -= 1;
        i += 1;
    }
    if depth != 0 || i == size - 1 {
        return None;
    }
    Some((Opcode::Copy { mv: ii, mults }, i - index + 1))
}

/// `_is_scanloop`: `[>]` or `[<]`.
fn is_scanloop(program: &[u8], index: usize, ii: isize) -> Option<(Opcode, usize)> {
    if index + 3 >= program.len() {
        return None;
    }
    match &program[index..index + 3] {
        b"[>]" => Some((Opcode::ScanRight { mv: ii }, 3)),
        b"[<]" => Some((Opcode::ScanLeft { mv: ii }, 3)),
        _ => None,
    }
}

/// `_is_clearloop`: `[-]` or `[+]`.
fn is_clearloop(program: &[u8], index: usize, ii: isize) -> Option<(Opcode, usize)> {
    if index + 3 >= program.len() {
        return None;
    }
    match &program[index..index + 3] {
        b"[-]" | b"[+]" => Some((Opcode::Clear { mv: ii }, 3)),
        _ => None,
    }
}

/// rgym's balanced loop (see the module comment): a body of `+ - < >` only,
/// ending where it started, taking 1 from the loop cell per pass.
fn is_balanced_loop(program: &[u8], index: usize, ii: isize) -> Option<(Opcode, usize)> {
    let mut deltas: Vec<(isize, i64)> = Vec::new();
    let mut at = 0isize;
    for (i, &c) in program.iter().enumerate().skip(index + 1) {
        match c {
            b'>' => at += 1,
            b'<' => at -= 1,
            b'+' | b'-' => {
                let d = if c == b'+' { 1 } else { -1 };
                match deltas.iter_mut().find(|(off, _)| *off == at) {
                    Some((_, total)) => *total += d,
                    None => deltas.push((at, d)),
                }
            }
            b']' => {
                let own = deltas.iter().find(|(off, _)| *off == 0).map(|(_, d)| *d);
                if at != 0 || own.map(|d| d.rem_euclid(256)) != Some(255) {
                    return None;
                }
                // Every cell the loop walks over must be on the tape, which
                // the loop's own run would check pass by pass.
                let mults = deltas
                    .into_iter()
                    .filter(|(off, _)| *off != 0)
                    .map(|(off, d)| (off, d.rem_euclid(256) as u8))
                    .collect();
                return Some((Opcode::Copy { mv: ii, mults }, i - index + 1));
            }
            _ => return None,
        }
    }
    None
}

/// `_run_optimizers`: the first loop rule that applies.
fn run_optimizers(program: &[u8], index: usize, ii: isize) -> Option<(Opcode, usize)> {
    is_clearloop(program, index, ii)
        .or_else(|| is_copyloop(program, index, ii))
        .or_else(|| is_scanloop(program, index, ii))
        .or_else(|| is_balanced_loop(program, index, ii))
}

/// `bfi.parse`: the opcodes of `program`.
fn parse(program: &str) -> Result<Vec<Opcode>> {
    // `''.join(program.split())`, then only the eight commands count.
    let program: Vec<u8> = program
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    let mut left_positions = Vec::new();
    let mut opcodes = Vec::new();
    let mut pi = 0;
    let mut ii: isize = 0;
    while pi < program.len() {
        match program[pi] {
            b'[' => {
                if let Some((opcode, chars)) = run_optimizers(&program, pi, ii) {
                    opcodes.push(opcode);
                    pi += chars;
                    ii = 0;
                    continue;
                }
                if ii != 0 {
                    opcodes.push(Opcode::Move(ii));
                    ii = 0;
                }
                left_positions.push(opcodes.len());
                opcodes.push(Opcode::Open { target: 0 });
            }
            b']' => {
                let Some(left) = left_positions.pop() else {
                    return Err(BfiError("Error: unmatched ']' symbol".into()));
                };
                let right = opcodes.len();
                opcodes[left] = Opcode::Open { target: right };
                opcodes.push(Opcode::Close {
                    mv: ii,
                    target: left,
                });
                ii = 0;
            }
            b',' => {
                opcodes.push(Opcode::Input { mv: ii });
                ii = 0;
            }
            b'.' => {
                opcodes.push(Opcode::Output { mv: ii });
                ii = 0;
            }
            c @ (b'<' | b'>' | b'+' | b'-') => {
                let num = count_dupes_ahead(&program, pi);
                let run = (num + 1) as isize;
                match c {
                    b'<' => ii -= run,
                    b'>' => ii += run,
                    b'+' => {
                        opcodes.push(Opcode::Add {
                            mv: ii,
                            n: (run % 256) as u8,
                        });
                        ii = 0;
                    }
                    _ => {
                        opcodes.push(Opcode::Add {
                            mv: ii,
                            n: (256 - run % 256) as u8,
                        });
                        ii = 0;
                    }
                }
                pi += num;
            }
            _ => {}
        }
        pi += 1;
    }
    if !left_positions.is_empty() {
        return Err(BfiError("Error: unmatched '[' symbol".into()));
    }
    Ok(opcodes)
}

/// bfi's tape, zero between runs: a thread's tape is reused, and only the
/// cells a run reached are cleared after it (a fresh 30,000-byte tape per item
/// cost more than the rest of a small item).
struct Tape<'a> {
    cells: &'a mut [u8],
    /// The lowest and highest cell reached.
    lo: usize,
    hi: usize,
}

impl Tape<'_> {
    /// The cell Python's `tape[pi]` is: negative indices count from the end.
    fn cell(&mut self, pi: isize) -> Result<usize> {
        let index = if pi < 0 { pi + TAPE_SIZE as isize } else { pi };
        if !(0..TAPE_SIZE as isize).contains(&index) {
            return Err(BfiError("IndexError: bytearray index out of range".into()));
        }
        let index = index as usize;
        self.lo = self.lo.min(index);
        self.hi = self.hi.max(index);
        Ok(index)
    }

    fn get(&mut self, pi: isize) -> Result<u8> {
        let c = self.cell(pi)?;
        Ok(self.cells[c])
    }
}

thread_local! {
    static TAPE: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0; TAPE_SIZE]);
}

/// `bfi.execute` with `buffer_output=True` and no input (`,` reads a byte of
/// stdin in bfi; nothing `bf` runs reads, so here it leaves the cell as is,
/// as bfi does at the end of its input).
fn execute(opcodes: &[Opcode]) -> Result<String> {
    TAPE.with_borrow_mut(|cells| {
        let mut tape = Tape {
            cells,
            lo: usize::MAX,
            hi: 0,
        };
        let result = run(opcodes, &mut tape);
        if tape.lo <= tape.hi {
            tape.cells[tape.lo..=tape.hi].fill(0);
        }
        result
    })
}

fn run(opcodes: &[Opcode], tape: &mut Tape) -> Result<String> {
    let mut out = String::new();
    let mut pi: isize = 0;
    let mut ii = 0;
    while ii < opcodes.len() {
        match &opcodes[ii] {
            Opcode::Move(value) => pi += value,
            Opcode::Add { mv, n } => {
                pi += mv;
                let c = tape.cell(pi)?;
                tape.cells[c] = tape.cells[c].wrapping_add(*n);
            }
            Opcode::Open { target } => {
                if tape.get(pi)? == 0 {
                    ii = *target;
                }
            }
            Opcode::Close { mv, target } => {
                pi += mv;
                if tape.get(pi)? != 0 {
                    // The loop's Open runs again and tests the cell.
                    ii = *target;
                    continue;
                }
            }
            Opcode::Input { mv } => pi += mv,
            Opcode::Output { mv } => {
                pi += mv;
                out.push(char::from(tape.get(pi)?));
            }
            Opcode::Clear { mv } => {
                pi += mv;
                let c = tape.cell(pi)?;
                tape.cells[c] = 0;
            }
            Opcode::Copy { mv, mults } => {
                pi += mv;
                let c = tape.cell(pi)?;
                let v = tape.cells[c];
                if v > 0 {
                    for (off, mult) in mults {
                        let index = tape.cell(pi + off)?;
                        tape.cells[index] = tape.cells[index].wrapping_add(v.wrapping_mul(*mult));
                    }
                    tape.cells[c] = 0;
                }
            }
            Opcode::ScanLeft { mv } => {
                pi += mv;
                while pi > 0 && tape.get(pi)? != 0 {
                    pi -= 1;
                }
            }
            Opcode::ScanRight { mv } => {
                pi += mv;
                // bfi bounds the scan by the number of opcodes, not the tape.
                while pi < opcodes.len() as isize - 1 && tape.get(pi)? != 0 {
                    pi += 1;
                }
            }
        }
        ii += 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hello() {
        let program = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++.";
        assert_eq!(interpret(program).unwrap(), "Hello World!\n");
    }

    #[test]
    fn cells_wrap_at_8_bits() {
        // 300 = 44 (mod 256); a cell below zero is 255.
        let program = format!("{}.>-.", "+".repeat(300));
        assert_eq!(interpret(&program).unwrap(), ",\u{ff}");
    }

    #[test]
    fn loops_run_as_written() {
        // A copy loop with the decrement last (rgym's balanced loop), beside
        // the same loop that bfi's rules leave alone (a `.` inside).
        let fast = "+++++[>>+>+++<<<-]>>.>.";
        let slow = "+++++[>>+>+++<<<-.+-]>>.>.";
        assert_eq!(interpret(fast).unwrap(), "\u{5}\u{f}");
        assert_eq!(
            interpret(slow).unwrap(),
            "\u{4}\u{3}\u{2}\u{1}\u{0}\u{5}\u{f}"
        );
    }

    #[test]
    fn every_run_starts_on_a_zero_tape() {
        // A run that leaves cells set, and one that fails midway.
        assert_eq!(interpret("+++>++<.").unwrap(), "\u{3}");
        assert!(interpret(&format!("+[{}+]", ">".repeat(10))).is_err());
        assert_eq!(interpret(".>.<<.").unwrap(), "\u{0}\u{0}\u{0}");
        assert_eq!(
            interpret(&format!("{}.", ">".repeat(29_999))).unwrap(),
            "\u{0}"
        );
    }

    #[test]
    fn errors() {
        assert!(interpret("[").is_err());
        assert!(interpret("]").is_err());
        assert!(interpret(&format!("+[{}+]", ">".repeat(10))).is_err());
        // Python's tape[-1] is the last cell.
        assert_eq!(interpret("<+.").unwrap(), "\u{1}");
    }
}
