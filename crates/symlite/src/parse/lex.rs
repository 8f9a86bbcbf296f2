//! `stringify_expr`: Python's pure `tokenize` over `s.strip()`, sympy's
//! standard transformations (`auto_symbol`, `repeated_decimals`,
//! `auto_number`, `factorial_notation`), and what `untokenize` plus
//! CPython's own tokenizer make of the result, as one token list for
//! [`super::syntax`].
//!
//! Two effects of that round trip are visible in answers. `untokenize`
//! writes operator tokens with nothing between them, so CPython re-reads
//! `2* *3` as `2**3` and `1= =1` as `1==1`: runs of operators are joined and
//! split again by longest match. And a `!` after whitespace (`3 !`) reaches
//! `factorial_notation` behind an error token for the blank, so the
//! factorial wraps the blank and compiling fails.

use super::sympy_names::SYMPY_NAMES;
use super::Outcome;
use crate::number::Rational;
use num_bigint::BigInt;
use num_traits::{One, Zero};
use pycompat::{py_isalpha, re_is_word};

/// Python 3.11's `int` string conversion limit (literals past it fail to compile).
const MAX_DIGITS: usize = 4300;

/// A name's meaning once `auto_symbol` has run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Name {
    /// An unknown name: `Symbol('x')`.
    Symbol,
    /// `I`.
    ImaginaryUnit,
    /// `pi`, `E`: irrational constants.
    Pi,
    E,
    /// `nan`, `zoo`.
    Nan,
    Zoo,
    /// `True`, `False`: Python bools.
    True,
    False,
    /// A keyword or a sympy object rgym does not model (`oo`, `None`, `lambda`...).
    Unsupported,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
    /// `Integer(literal)`.
    Int(BigInt),
    /// `Float('literal')`: the exact decimal value and sympy's precision in bits.
    Float(Rational, u64),
    /// A repeated decimal `0.1[6]`, already the exact rational, or `None`
    /// when its code raises once evaluated.
    RepDec(Option<Rational>),
    Name(Name),
    /// A name that becomes a sympy `Symbol`: `Symbol('x')` from
    /// `auto_symbol` (`bare` false), or a bare name the caller's
    /// `local_dict` binds to `Symbol(name)` (`bare` true).
    Symbol {
        name: std::rc::Rc<str>,
        bare: bool,
    },
    /// An operator or bracket, as CPython reads it.
    Op(&'static str),
    /// `!` (1) or `!!` (2) right after an atom or a closing bracket.
    Fact(u8),
}

/// What the pure tokenizer yields, before sympy's transformations.
#[derive(Clone, Debug, PartialEq)]
enum Raw {
    Number(String),
    Name(String),
    Op(&'static str),
    /// An `!` error token; `spaced` when a blank came right before it.
    Bang {
        spaced: bool,
    },
    /// A comment or a newline inside brackets: it ends a run of operators.
    Break,
}

/// Every operator and bracket of Python 3.11 (`token.EXACT_TOKEN_TYPES`).
const OPS: [&str; 47] = [
    "**=", "//=", ">>=", "<<=", "...", "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=",
    ":=", "<<", "<=", "==", ">=", ">>", "@=", "^=", "|=", "%", "&", "(", ")", "*", "+", ",", "-",
    ".", "/", ":", ";", "<", "=", ">", "@", "[", "]", "^", "{", "|", "}", "~",
];

/// The longest operator at the start of `s`.
fn match_op(s: &str) -> Option<&'static str> {
    [3, 2, 1].into_iter().find_map(|len| {
        let head = s.get(..len)?;
        OPS.iter().find(|op| **op == head).copied()
    })
}

fn is_string_prefix(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "r" | "u" | "f" | "b" | "br" | "rb" | "fr" | "rf"
    )
}

/// `[0-9](?:_?[0-9])*` at `i`: its end.
fn digitpart(b: &[u8], i: usize) -> Option<usize> {
    if !b.get(i)?.is_ascii_digit() {
        return None;
    }
    let mut j = i + 1;
    loop {
        if b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        } else if b.get(j) == Some(&b'_') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            j += 2;
        } else {
            return Some(j);
        }
    }
}

/// `[eE][-+]?` digitpart.
fn exponent(b: &[u8], i: usize) -> Option<usize> {
    if !matches!(b.get(i), Some(b'e' | b'E')) {
        return None;
    }
    let j = if matches!(b.get(i + 1), Some(b'+' | b'-')) {
        i + 2
    } else {
        i + 1
    };
    digitpart(b, j)
}

fn pointfloat(b: &[u8], i: usize) -> Option<usize> {
    let end = if let Some(j) = digitpart(b, i) {
        if b.get(j) != Some(&b'.') {
            return None;
        }
        digitpart(b, j + 1).unwrap_or(j + 1)
    } else if b.get(i) == Some(&b'.') {
        digitpart(b, i + 1)?
    } else {
        return None;
    };
    Some(exponent(b, end).unwrap_or(end))
}

fn floatnumber(b: &[u8], i: usize) -> Option<usize> {
    pointfloat(b, i).or_else(|| exponent(b, digitpart(b, i)?))
}

fn prefixed(b: &[u8], i: usize, letters: &[u8], ok: fn(u8) -> bool) -> Option<usize> {
    if b.get(i) != Some(&b'0') || !b.get(i + 1).is_some_and(|c| letters.contains(c)) {
        return None;
    }
    let mut j = i + 2;
    loop {
        if b.get(j).is_some_and(|&c| ok(c)) {
            j += 1;
        } else if b.get(j) == Some(&b'_') && b.get(j + 1).is_some_and(|&c| ok(c)) {
            j += 2;
        } else {
            break;
        }
    }
    (j > i + 2).then_some(j)
}

fn intnumber(b: &[u8], i: usize) -> Option<usize> {
    prefixed(b, i, b"xX", |c| c.is_ascii_hexdigit())
        .or_else(|| prefixed(b, i, b"bB", |c| c == b'0' || c == b'1'))
        .or_else(|| prefixed(b, i, b"oO", |c| (b'0'..=b'7').contains(&c)))
        .or_else(|| {
            // (?:0(?:_?0)*|[1-9](?:_?[0-9])*)
            if *b.get(i)? == b'0' {
                let mut j = i + 1;
                loop {
                    if b.get(j) == Some(&b'0') {
                        j += 1;
                    } else if b.get(j) == Some(&b'_') && b.get(j + 1) == Some(&b'0') {
                        j += 2;
                    } else {
                        return Some(j);
                    }
                }
            }
            digitpart(b, i)
        })
}

/// tokenize's `Number`: the first alternative that matches
/// (imaginary, float, int), as Python's regex alternation picks it.
fn number(b: &[u8], i: usize) -> Option<usize> {
    let imag = |end: usize| matches!(b.get(end), Some(b'j' | b'J')).then_some(end + 1);
    digitpart(b, i)
        .and_then(imag)
        .or_else(|| floatnumber(b, i).and_then(imag))
        .or_else(|| floatnumber(b, i))
        .or_else(|| intnumber(b, i))
}

/// The pure tokenizer over the stripped answer, handing each token on as
/// it is read.
fn tokenize(s: &str, out: &mut Stage) -> Result<(), Outcome> {
    let b = s.as_bytes();
    let mut level = 0i64;
    let mut i = 0;
    let mut spaced = false;
    let mut seen_token = false;
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\x0c' => {
                i += 1;
                spaced = true;
                continue;
            }
            b'\\' => {
                // A line continuation: no token at all.
                let nl = if b.get(i + 1) == Some(&b'\n') {
                    2
                } else if b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n') {
                    3
                } else {
                    return Err(Outcome::Raise);
                };
                i += nl;
                spaced = true;
                continue;
            }
            b'#' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                out.feed(Raw::Break)?;
                spaced = true;
                continue;
            }
            b'\n' | b'\r' => {
                let nl = if c == b'\n' {
                    1
                } else if b.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    return Err(Outcome::Raise);
                };
                i += nl;
                if level > 0 {
                    out.feed(Raw::Break)?;
                    spaced = true;
                    continue;
                }
                if !seen_token {
                    // Only comments so far: a blank line, not the end. The
                    // next line may not be indented (`unexpected indent`).
                    let t = s[i..].trim_start_matches([' ', '\t', '\x0c']);
                    if t.len() < s.len() - i && !(t.is_empty() || t.starts_with(['#', '\n', '\r']))
                    {
                        return Err(Outcome::Raise);
                    }
                    out.feed(Raw::Break)?;
                    spaced = true;
                    continue;
                }
                // NEWLINE: the expression has ended; only blank or comment
                // lines may follow.
                let rest_ok = s[i..].split('\n').all(|line| {
                    let t = line.trim_start_matches([' ', '\t', '\x0c']);
                    t.is_empty() || t == "\r" || t.starts_with('#')
                });
                return if rest_ok { Ok(()) } else { Err(Outcome::Raise) };
            }
            _ => {}
        }
        let was_spaced = std::mem::take(&mut spaced);
        seen_token = true;
        if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            let end = number(b, i).ok_or(Outcome::Raise)?;
            out.feed(Raw::Number(s[i..end].to_string()))?;
            i = end;
            continue;
        }
        if c == b'!' && b.get(i + 1) != Some(&b'=') {
            out.feed(Raw::Bang { spaced: was_spaced })?;
            i += 1;
            continue;
        }
        if c == b'\'' || c == b'"' {
            // A string evaluates to a `str`, which rgym does not model.
            return Err(Outcome::Unsupported);
        }
        if let Some(op) = match_op(&s[i..]) {
            match op {
                // CPython refuses a 201st level (counting the calls the
                // transformations add, which the parser checks).
                "(" | "[" | "{" if level + 1 > i64::from(super::MAX_NESTING) => {
                    return Err(Outcome::Raise)
                }
                "(" | "[" | "{" => level += 1,
                ")" | "]" | "}" => level -= 1,
                _ => {}
            }
            out.feed(Raw::Op(op))?;
            i += op.len();
            continue;
        }
        let ch = s[i..].chars().next().ok_or(Outcome::Raise)?;
        if re_is_word(ch) {
            let start = i;
            while let Some(ch) = s[i..].chars().next().filter(|&ch| re_is_word(ch)) {
                i += ch.len_utf8();
            }
            let word = &s[start..i];
            if matches!(b.get(i), Some(b'\'' | b'"')) && is_string_prefix(word) {
                return Err(Outcome::Unsupported);
            }
            // `\w+` that is not an identifier start is an operator token
            // CPython then refuses.
            if !is_identifier_start(ch) {
                return Err(Outcome::Raise);
            }
            out.feed(Raw::Name(word.to_string()))?;
            continue;
        }
        // Any other character is an error token, which compiling refuses.
        return Err(Outcome::Raise);
    }
    if level != 0 {
        return Err(Outcome::Raise);
    }
    Ok(())
}

/// `dps_to_prec(dps)`: `max(1, int(round((dps + 1) * 3.3219280948873626)))`.
fn dps_to_prec(dps: u64) -> u64 {
    (((dps + 1) as f64) * 3.321_928_094_887_362_6)
        .round_ties_even()
        .max(1.0) as u64
}

/// The number of decimal digits of `n` (`num_digits`).
fn num_digits(n: &BigInt) -> u64 {
    if n.is_zero() {
        1
    } else {
        n.magnitude().to_str_radix(10).len() as u64
    }
}

/// `Float('literal')`: the exact value and sympy's precision in bits.
fn float_literal(lit: &str) -> Result<(Rational, u64), Outcome> {
    let lower = lit.to_ascii_lowercase().replace('_', "");
    let (mant, exp) = match lower.split_once('e') {
        Some((m, e)) => (m, e.parse::<i64>().map_err(|_| Outcome::Bounded)?),
        None => (lower.as_str(), 0),
    };
    let (int_part, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let digits = format!("{int_part}{frac}");
    let coeff_digits = digits.trim_start_matches('0').len().max(1) as u64;
    if (digits.len() as u64).saturating_mul(4) > super::MAX_BITS {
        return Err(Outcome::Bounded);
    }
    // The decimal exponent of the coefficient.
    let dexp = exp - frac.len() as i64;
    if dexp.unsigned_abs() > super::MAX_DECIMAL_EXPONENT {
        return Err(Outcome::Bounded);
    }
    let coeff: BigInt = digits.parse().map_err(|_| Outcome::Raise)?;
    let ten = BigInt::from(10);
    let value = if dexp >= 0 {
        Rational::int(coeff * num_traits::pow::Pow::pow(&ten, dexp as u64))
    } else {
        let den = num_traits::pow::Pow::pow(&ten, dexp.unsigned_abs());
        Rational::new(coeff, den).ok_or(Outcome::Raise)?
    };
    let mut dps = coeff_digits;
    if dexp >= 0 && !lit.contains('.') {
        dps = dps.max(num_digits(value.numer()));
    }
    Ok((value, dps_to_prec(dps.max(15))))
}

/// `Integer(literal)`.
fn int_literal(lit: &str) -> Result<BigInt, Outcome> {
    let clean = lit.replace('_', "");
    let (radix, body) = match clean.get(..2).map(str::to_ascii_lowercase).as_deref() {
        Some("0x") => (16, &clean[2..]),
        Some("0o") => (8, &clean[2..]),
        Some("0b") => (2, &clean[2..]),
        _ => (10, clean.as_str()),
    };
    // Compiling refuses leading zeros (reachable through `08j`) and more
    // than 4300 digits.
    if radix == 10
        && (body.len() > MAX_DIGITS
            || (body.len() > 1 && body.starts_with('0') && body.bytes().any(|d| d != b'0')))
    {
        return Err(Outcome::Raise);
    }
    let bits_per_digit = match radix {
        16 => 4,
        8 => 3,
        2 => 1,
        _ => 4,
    };
    if (body.len() as u64).saturating_mul(bits_per_digit) > super::MAX_BITS + 64 {
        return Err(Outcome::Bounded);
    }
    BigInt::parse_bytes(body.as_bytes(), radix).ok_or(Outcome::Raise)
}

/// `auto_number` for one NUMBER token: its value, and the `*I` tokens of an
/// imaginary literal.
fn number_tokens(
    lit: &str,
    out: &mut dyn FnMut(Tok) -> Result<(), Outcome>,
) -> Result<(), Outcome> {
    let (body, imag) = match lit.strip_suffix(['j', 'J']) {
        Some(b) => (b, true),
        None => (lit, false),
    };
    let lower = body.to_ascii_lowercase();
    if lower.contains('.') || (lower.contains('e') && !lower.starts_with("0x")) {
        let (v, prec) = float_literal(body)?;
        out(Tok::Float(v, prec))?;
    } else {
        out(Tok::Int(int_literal(body)?))?;
    }
    if imag {
        out(Tok::Op("*"))?;
        out(Tok::Name(Name::ImaginaryUnit))?;
    }
    Ok(())
}

/// `ch.isidentifier()` (CPython 3.11, Unicode 14), which Python's
/// `tokenize` asks of a `\w+` run's first character: `_` and `XID_Start`,
/// which is `isalpha()` with the letter numbers (`Ⅸ`, `〇`) and without a
/// few letters NFKC would change into non-identifiers (`ͺ`, `ﾞ`).
fn is_identifier_start(ch: char) -> bool {
    const NOT_ALPHA: [(u32, u32); 15] = [
        (0x16EE, 0x16F0),
        (0x1885, 0x1886),
        (0x2118, 0x2118),
        (0x212E, 0x212E),
        (0x2160, 0x2182),
        (0x2185, 0x2188),
        (0x3007, 0x3007),
        (0x3021, 0x3029),
        (0x3038, 0x303A),
        (0xA6E6, 0xA6EF),
        (0x10140, 0x10174),
        (0x10341, 0x10341),
        (0x1034A, 0x1034A),
        (0x103D1, 0x103D5),
        (0x12400, 0x1246E),
    ];
    const NOT_START: [(u32, u32); 15] = [
        (0x37A, 0x37A),
        (0xE33, 0xE33),
        (0xEB3, 0xEB3),
        (0x2E2F, 0x2E2F),
        (0xFC5E, 0xFC63),
        (0xFDFA, 0xFDFB),
        (0xFE70, 0xFE70),
        (0xFE72, 0xFE72),
        (0xFE74, 0xFE74),
        (0xFE76, 0xFE76),
        (0xFE78, 0xFE78),
        (0xFE7A, 0xFE7A),
        (0xFE7C, 0xFE7C),
        (0xFE7E, 0xFE7E),
        (0xFF9E, 0xFF9F),
    ];
    let within = |t: &[(u32, u32)]| t.iter().any(|&(lo, hi)| (lo..=hi).contains(&(ch as u32)));
    ch == '_' || (py_isalpha(ch) && !within(&NOT_START)) || within(&NOT_ALPHA)
}

fn name_token(w: &str) -> Name {
    match w {
        "True" => Name::True,
        "False" => Name::False,
        "I" => Name::ImaginaryUnit,
        "pi" => Name::Pi,
        "E" => Name::E,
        "nan" => Name::Nan,
        "zoo" => Name::Zoo,
        _ if SYMPY_NAMES.binary_search(&w).is_ok() => Name::Unsupported,
        "None" | "and" | "as" | "assert" | "async" | "await" | "break" | "class" | "continue"
        | "def" | "del" | "elif" | "else" | "except" | "finally" | "for" | "from" | "global"
        | "if" | "import" | "in" | "is" | "lambda" | "nonlocal" | "not" | "or" | "pass"
        | "raise" | "return" | "try" | "while" | "with" | "yield" => Name::Unsupported,
        _ => Name::Symbol,
    }
}

/// `repeated_decimals`: `pre.post[repetend]` as `a + b/c + d/e`; `None`
/// when the code calls `Integer()` with no argument (a repetend of zeros),
/// which raises only when evaluated.
fn repeated_decimal(number: &str, repetend: &str) -> Result<Option<Rational>, Outcome> {
    let (pre, post) = number.split_once('.').ok_or(Outcome::Raise)?;
    let pre = pre.replace('_', "");
    let post = post.replace('_', "");
    let repetend = repetend.replace('_', "");
    let zeros = post.len();
    let a = if pre.is_empty() { "0".to_string() } else { pre };
    // `Integer(a)` compiles the literal: leading zeros are a syntax error.
    if a.len() > 1 && a.starts_with('0') && a.bytes().any(|d| d != b'0') {
        return Err(Outcome::Raise);
    }
    let b = post.trim_start_matches('0');
    let d = repetend.trim_start_matches('0');
    if d.is_empty() {
        return Ok(None);
    }
    if a.len() + post.len() + repetend.len() + zeros > MAX_DIGITS {
        return Err(Outcome::Bounded);
    }
    let int = |t: &str| -> Result<BigInt, Outcome> {
        if t.is_empty() {
            Ok(BigInt::zero())
        } else {
            t.parse().map_err(|_| Outcome::Raise)
        }
    };
    let ten_z = num_traits::pow::Pow::pow(&BigInt::from(10), zeros as u64);
    let nines = num_traits::pow::Pow::pow(&BigInt::from(10), repetend.len() as u64) - BigInt::one();
    let part1 = Rational::new(int(b)?, ten_z.clone()).ok_or(Outcome::Raise)?;
    let part2 = Rational::new(int(d)?, nines * ten_z).ok_or(Outcome::Raise)?;
    Ok(Some(Rational::int(int(&a)?).add(&part1).add(&part2)))
}

fn is_digits(t: &str) -> bool {
    t.bytes().all(|c| c.is_ascii_digit() || c == b'_')
}

/// The raw token before a `!`, for `factorial_notation`'s wrapping.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    /// A literal, a name that becomes a `Symbol(...)` call, or a repeated
    /// decimal.
    Atom,
    /// A name left bare (`pi`, `I`, a keyword): a factorial after a blank
    /// still wraps it (`factorial(pi )`).
    BareName,
    /// A closing `)`.
    Close,
    Other,
}

/// sympy's transformations and `untokenize`'s operator joining, over the
/// raw tokens as they come; each finished token goes to `sink`.
struct Stage<'a> {
    sink: &'a mut dyn FnMut(Tok) -> Result<(), Outcome>,
    /// Raw tokens that a repeated decimal or a run of `!` may still claim.
    queue: std::collections::VecDeque<Raw>,
    /// Operators since the last non-operator token, joined as `untokenize`
    /// writes them.
    run: String,
    prev: Prev,
    /// The names of the caller's `local_dict`, each bound to its `Symbol`.
    locals: &'a [&'a str],
}

impl Stage<'_> {
    /// `auto_symbol`'s decision for a name: Python's constants and keywords
    /// first, then the `local_dict`, then sympy's namespace.
    fn name(&self, w: &str) -> Tok {
        let n = name_token(w);
        let keyword = matches!(n, Name::True | Name::False)
            || (n == Name::Unsupported && !SYMPY_NAMES.contains(&w));
        if !keyword && self.locals.contains(&w) {
            return Tok::Symbol {
                name: w.into(),
                bare: true,
            };
        }
        match n {
            Name::Symbol => Tok::Symbol {
                name: w.into(),
                bare: false,
            },
            n => Tok::Name(n),
        }
    }

    fn feed(&mut self, raw: Raw) -> Result<(), Outcome> {
        self.queue.push_back(raw);
        while self.step(false)? {}
        Ok(())
    }

    fn finish(&mut self) -> Result<(), Outcome> {
        while self.step(true)? {}
        self.flush()
    }

    fn flush(&mut self) -> Result<(), Outcome> {
        let mut rest = self.run.as_str();
        while !rest.is_empty() {
            let op = match_op(rest).ok_or(Outcome::Raise)?;
            (self.sink)(Tok::Op(op))?;
            rest = &rest[op.len()..];
        }
        self.run.clear();
        Ok(())
    }

    /// Whether the queue's head starts `pre.post[repetend]`: `Some(len)` if
    /// it does, `None` if not, `Err(())` if more tokens must come first.
    fn repeated_decimal_len(&self, at_end: bool) -> Result<Option<usize>, ()> {
        let q = &self.queue;
        let dotted = match q.front() {
            Some(Raw::Number(n)) => {
                let l = n.to_ascii_lowercase();
                l.contains('.') && !l.contains('e') && !l.contains('j')
            }
            Some(Raw::Op(".")) => true,
            _ => false,
        };
        if !dotted {
            return Ok(None);
        }
        let digits = |k: usize| matches!(q.get(k), Some(Raw::Number(t)) if is_digits(t));
        let need = |k: usize| {
            if q.len() > k || at_end {
                Ok(())
            } else {
                Err(())
            }
        };
        need(1)?;
        if q.get(1) != Some(&Raw::Op("[")) {
            return Ok(None);
        }
        need(2)?;
        if !digits(2) {
            return Ok(None);
        }
        need(3)?;
        if q.get(3) == Some(&Raw::Op("]")) {
            return Ok(Some(4));
        }
        if !digits(3) {
            return Ok(None);
        }
        need(4)?;
        Ok((q.get(4) == Some(&Raw::Op("]"))).then_some(5))
    }

    /// Handles the queue's head if it can be decided yet.
    fn step(&mut self, at_end: bool) -> Result<bool, Outcome> {
        if self.queue.is_empty() {
            return Ok(false);
        }
        match self.repeated_decimal_len(at_end) {
            Err(()) => return Ok(false),
            Ok(Some(len)) => {
                let parts: Vec<Raw> = self.queue.drain(..len).collect();
                let number = match &parts[0] {
                    Raw::Number(n) => n.clone(),
                    _ => "0.".to_string(),
                };
                let repetend = match (&parts[2], parts.get(3)) {
                    (Raw::Number(a), Some(Raw::Number(b))) => format!("{a}{b}"),
                    (Raw::Number(a), _) => a.clone(),
                    _ => return Err(Outcome::Raise),
                };
                self.flush()?;
                (self.sink)(Tok::RepDec(repeated_decimal(&number, &repetend)?))?;
                self.prev = Prev::Atom;
                return Ok(true);
            }
            Ok(None) => {}
        }
        if let Some(Raw::Bang { spaced }) = self.queue.front() {
            let spaced = *spaced;
            // factorial_notation counts the `!`s, then wraps the token
            // group right before them: an atom or a bracketed group. After a
            // blank it wraps the blank's error token, which does not compile.
            let n = self
                .queue
                .iter()
                .skip(1)
                .take_while(|r| matches!(r, Raw::Bang { spaced: false }))
                .count()
                + 1;
            if n == self.queue.len() && !at_end {
                return Ok(false);
            }
            // More than two is a `TokenError`.
            let wraps = match self.prev {
                Prev::Atom | Prev::Close => !spaced,
                Prev::BareName => true,
                Prev::Other => false,
            };
            if !wraps || n > 2 {
                return Err(Outcome::Raise);
            }
            self.queue.drain(..n);
            self.flush()?;
            (self.sink)(Tok::Fact(n as u8))?;
            self.prev = Prev::Other;
            return Ok(true);
        }
        let Some(raw) = self.queue.pop_front() else {
            return Ok(false);
        };
        self.prev = match &raw {
            Raw::Name(w) if !matches!(self.name(w), Tok::Symbol { bare: false, .. }) => {
                Prev::BareName
            }
            Raw::Number(_) | Raw::Name(_) => Prev::Atom,
            Raw::Op(")") => Prev::Close,
            _ => Prev::Other,
        };
        match raw {
            Raw::Op(op) => {
                self.run.push_str(op);
                // The first operator of a run is decided by its first three
                // characters: hand it on, so a parser that has seen enough
                // can stop a long run early.
                while self.run.len() > 3 {
                    let op = match_op(&self.run).ok_or(Outcome::Raise)?;
                    self.run.drain(..op.len());
                    (self.sink)(Tok::Op(op))?;
                }
            }
            Raw::Break => self.flush()?,
            Raw::Number(n) => {
                self.flush()?;
                number_tokens(&n, self.sink)?;
            }
            Raw::Name(w) => {
                self.flush()?;
                let t = self.name(&w);
                (self.sink)(t)?;
            }
            Raw::Bang { .. } => unreachable!("handled above"),
        }
        Ok(true)
    }
}

/// Hands the answer to `sink` as the tokens CPython finally parses.
pub(super) fn lex(
    s: &str,
    locals: &[&str],
    sink: &mut dyn FnMut(Tok) -> Result<(), Outcome>,
) -> Result<(), Outcome> {
    let mut stage = Stage {
        sink,
        queue: std::collections::VecDeque::new(),
        run: String::new(),
        prev: Prev::Other,
        locals,
    };
    tokenize(s, &mut stage)?;
    stage.finish()
}
