//! `fstr!(Trait; "text {name} text {}", arg)`: what `format!` would return
//! for format strings made only of plain `{name}` and `{}` holes, expanded
//! at compile time into one `String` with room reserved up front and a
//! `Trait::push_to(&value, &mut string)` per hole. `Trait` is the caller's:
//! a proc-macro crate cannot export one, and the caller decides how each
//! type is written (integers through `itoa`, strings copied, anything else
//! through `Display`, so the text is `format!`'s).
//!
//! Why: gsm_symbolic builds two long strings per item from dozens of
//! values, and `core::fmt`'s general machinery (a `dyn Write`, padding and
//! flag checks per argument) was a third of the item's time.
//!
//! Anything else — a format spec (`{x:>4}`), an explicit index (`{0}`), a
//! named argument (`x = ...`), a raw string — expands to `::std::format!`
//! of the same tokens, so `fstr!` is never wrong, only sometimes not faster.
//! No dependencies (no `syn`): the literal's own source text is split, its
//! escapes kept as they are.

use proc_macro::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};

#[proc_macro]
pub fn fstr(input: TokenStream) -> TokenStream {
    let tokens: Vec<TokenTree> = input.into_iter().collect();
    // The trait path runs up to the first top-level `;`.
    let Some(semi) = tokens
        .iter()
        .position(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ';'))
    else {
        return error("fstr!: expected `Trait; \"format string\", args...`");
    };
    let (path, rest) = (&tokens[..semi], &tokens[semi + 1..]);
    match expand(path, rest) {
        Some(out) => out,
        None => fallback(rest),
    }
}

/// One piece of the format string: literal source text (escapes kept) or a hole.
enum Piece {
    Text(String),
    Named(String),
    Next,
}

fn expand(path: &[TokenTree], rest: &[TokenTree]) -> Option<TokenStream> {
    let (lit, args) = rest.split_first()?;
    let TokenTree::Literal(lit) = lit else {
        return None;
    };
    let source = lit.to_string();
    let body = source.strip_prefix('"')?.strip_suffix('"')?;
    let pieces = split(body)?;
    let args = split_args(args)?;
    let positional = pieces.iter().filter(|p| matches!(p, Piece::Next)).count();
    if positional != args.len() {
        return None;
    }
    let span = lit.span();
    let text_len: usize = pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.len(),
            _ => 8,
        })
        .sum();
    // Call-site hygiene, as the `parse`d tokens around it have.
    let s = Ident::new("__fstr_out", Span::call_site());
    let mut block = TokenStream::new();
    block.extend(parse(&format!(
        "let mut {s} = ::std::string::String::with_capacity({text_len});"
    )));
    let mut args = args.into_iter();
    for piece in pieces {
        match piece {
            Piece::Text(t) if t.is_empty() => {}
            Piece::Text(t) => {
                // The text's own escapes, as written in the source literal.
                let mut lit = parse(&format!("\"{t}\""))
                    .into_iter()
                    .find_map(|t| match t {
                        TokenTree::Literal(l) => Some(l),
                        _ => None,
                    })?;
                lit.set_span(span);
                block.extend(parse(&format!("{s}.push_str")));
                block.extend([TokenTree::Group(Group::new(
                    Delimiter::Parenthesis,
                    TokenStream::from(TokenTree::Literal(lit)),
                ))]);
                block.extend(parse(";"));
            }
            Piece::Named(name) => {
                let value = TokenStream::from(TokenTree::Ident(Ident::new(&name, span)));
                block.extend(push(path, value, &s));
            }
            Piece::Next => {
                let value: TokenStream = args.next()?.into_iter().collect();
                block.extend(push(path, value, &s));
            }
        }
    }
    block.extend([TokenTree::Ident(s)]);
    Some(TokenStream::from(TokenTree::Group(Group::new(
        Delimiter::Brace,
        block,
    ))))
}

/// `<path>::push_to(&(value), &mut s);`
fn push(path: &[TokenTree], value: TokenStream, s: &Ident) -> TokenStream {
    let mut out: TokenStream = path.iter().cloned().collect();
    out.extend(parse("::push_to"));
    let mut call = TokenStream::new();
    call.extend([TokenTree::Punct(Punct::new('&', Spacing::Alone))]);
    call.extend([TokenTree::Group(Group::new(Delimiter::Parenthesis, value))]);
    call.extend(parse(&format!(", &mut {s}")));
    out.extend([TokenTree::Group(Group::new(Delimiter::Parenthesis, call))]);
    out.extend(parse(";"));
    out
}

/// The literal's body cut at its holes; `None` where `format!` semantics
/// beyond plain holes are needed.
fn split(body: &str) -> Option<Vec<Piece>> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                // An escape is copied whole, `\u{...}` included (its braces
                // are not holes).
                text.push(c);
                let e = chars.next()?;
                text.push(e);
                if e == 'u' {
                    for c in chars.by_ref() {
                        text.push(c);
                        if c == '}' {
                            break;
                        }
                    }
                }
            }
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '{' => {
                let mut name = String::new();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    name.push(c);
                }
                pieces.push(Piece::Text(std::mem::take(&mut text)));
                if name.is_empty() {
                    pieces.push(Piece::Next);
                } else if is_ident(&name) {
                    pieces.push(Piece::Named(name));
                } else {
                    return None;
                }
            }
            '}' => return None,
            _ => text.push(c),
        }
    }
    pieces.push(Piece::Text(text));
    Some(pieces)
}

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// `, a, b(c, d), e` into its expressions; `None` for a named argument.
fn split_args(tokens: &[TokenTree]) -> Option<Vec<Vec<TokenTree>>> {
    let mut args: Vec<Vec<TokenTree>> = Vec::new();
    let mut current: Option<Vec<TokenTree>> = None;
    for t in tokens {
        match t {
            TokenTree::Punct(p) if p.as_char() == ',' => {
                if let Some(arg) = current.take() {
                    args.push(arg);
                }
                current = Some(Vec::new());
            }
            // `name = value` is a named argument (but `==` is not).
            TokenTree::Punct(p)
                if p.as_char() == '='
                    && p.spacing() == Spacing::Alone
                    && current.as_ref().is_some_and(|c| c.len() == 1) =>
            {
                return None;
            }
            _ => current.as_mut()?.push(t.clone()),
        }
    }
    if let Some(arg) = current {
        if !arg.is_empty() {
            args.push(arg);
        }
    }
    Some(args)
}

fn fallback(rest: &[TokenTree]) -> TokenStream {
    let mut out = parse("::std::format!");
    out.extend([TokenTree::Group(Group::new(
        Delimiter::Parenthesis,
        rest.iter().cloned().collect(),
    ))]);
    out
}

fn parse(s: &str) -> TokenStream {
    s.parse().unwrap_or_default()
}

fn error(msg: &str) -> TokenStream {
    parse(&format!("::std::compile_error!({msg:?})"))
}
