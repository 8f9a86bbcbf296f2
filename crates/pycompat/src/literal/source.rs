//! Python source: the syntax tree `ast.parse(mode="eval")` would build, then
//! `literal_eval`'s conversion of it.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnaryOp {
    Plus,
    Minus,
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BinOp {
    Add,
    Sub,
}

#[derive(Debug)]
enum Node {
    /// A literal constant, at a byte offset.
    Const(PyValue, usize),
    /// `ops[0] ops[1] ... operand`, flat so a long chain needs no deep recursion.
    Unary(Vec<UnaryOp>, Box<Node>, usize),
    /// `first op1 n1 op2 n2 ...`, left-associative.
    Chain(Box<Node>, Vec<(BinOp, Node)>, usize),
    List(Vec<Node>),
    Tuple(Vec<Node>),
    Set(Vec<Node>, usize),
    Dict(Vec<(Node, Node)>, usize),
    /// `set()`.
    EmptySet,
    /// Anything else that parses (a name, an f-string...): only an error when converted.
    Other(&'static str, usize),
}

pub(super) struct SourceParser<'a> {
    src: &'a [u8],
    pos: usize,
    depth: usize,
    eval: bool,
}

impl<'a> SourceParser<'a> {
    pub(super) fn run(text: &str, eval: bool) -> PResult<PyValue> {
        if let Some(i) = text.find('\0') {
            return err("source code string cannot contain null bytes", i);
        }
        // CPython strips leading spaces and tabs, then reads universal newlines.
        let text = text.trim_start_matches([' ', '\t']);
        let text: Cow<str> = if text.contains('\r') {
            Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
        } else {
            Cow::Borrowed(text)
        };
        let mut p = SourceParser {
            src: text.as_bytes(),
            pos: 0,
            depth: 0,
            eval,
        };
        p.skip_blank_lines()?;
        let node = p.testlist()?;
        p.expect_end()?;
        p.convert(&node)
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, k: usize) -> Option<u8> {
        self.src.get(self.pos + k).copied()
    }

    /// Lines before the expression that hold nothing but blanks and comments
    /// are skipped; the first real line must not be indented.
    fn skip_blank_lines(&mut self) -> PResult<()> {
        loop {
            let line_start = self.pos;
            let mut indented = false;
            while let Some(c) = self.peek() {
                match c {
                    b' ' | b'\t' => indented = true,
                    b'\x0c' => indented = false,
                    _ => break,
                }
                self.pos += 1;
            }
            match self.peek() {
                Some(b'#') => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.pos += 1;
                    }
                }
                Some(b'\n') => self.pos += 1,
                None => return err("unexpected EOF while parsing", self.pos),
                Some(_) if indented => return err("unexpected indent", line_start),
                Some(_) => return Ok(()),
            }
        }
    }

    /// Whitespace and comments between tokens; newlines only inside brackets.
    fn skip_ws(&mut self) -> PResult<()> {
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' | b'\x0c' => self.pos += 1,
                b'\n' if self.depth > 0 => self.pos += 1,
                b'#' => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.pos += 1;
                    }
                }
                b'\\' if self.peek_at(1) == Some(b'\n') => {
                    self.pos += 2;
                    if self.pos == self.src.len() {
                        return err("unexpected EOF while parsing", self.pos);
                    }
                }
                _ => break,
            }
        }
        Ok(())
    }

    /// After the expression: only blank lines and comments.
    fn expect_end(&mut self) -> PResult<()> {
        self.skip_ws()?;
        while let Some(c) = self.peek() {
            match c {
                b'\n' | b' ' | b'\t' | b'\x0c' => self.pos += 1,
                b'#' => self.skip_ws()?,
                b'\\' if self.peek_at(1) == Some(b'\n') => self.skip_ws()?,
                _ => return err("invalid syntax", self.pos),
            }
        }
        Ok(())
    }

    fn eat(&mut self, b: u8) -> PResult<bool> {
        self.skip_ws()?;
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn expect(&mut self, b: u8) -> PResult<()> {
        if self.eat(b)? {
            Ok(())
        } else {
            err(format!("expected '{}'", b as char), self.pos)
        }
    }

    fn open(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_LITERAL_DEPTH {
            return err("too many nested parentheses", self.pos);
        }
        self.pos += 1;
        Ok(())
    }

    /// Whether the next token can start an expression (to tell `(1,)` from `(1, 2)`).
    fn at_expr_start(&mut self) -> PResult<bool> {
        self.skip_ws()?;
        Ok(match self.peek() {
            Some(c) => {
                c.is_ascii_alphanumeric()
                    || matches!(
                        c,
                        b'_' | b'(' | b'[' | b'{' | b'\'' | b'"' | b'-' | b'+' | b'~' | b'.'
                    )
                    || c >= 0x80
            }
            None => false,
        })
    }

    /// `expr (',' expr)* [',']`: a bare tuple when there is a comma.
    fn testlist(&mut self) -> PResult<Node> {
        let first = self.expr()?;
        if !self.eat(b',')? {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.at_expr_start()? {
            items.push(self.expr()?);
            if !self.eat(b',')? {
                break;
            }
        }
        Ok(Node::Tuple(items))
    }

    fn expr(&mut self) -> PResult<Node> {
        self.skip_ws()?;
        let start = self.pos;
        let first = self.unary()?;
        let mut rest = Vec::new();
        loop {
            self.skip_ws()?;
            let op = match self.peek() {
                Some(b'+') => BinOp::Add,
                Some(b'-') => BinOp::Sub,
                _ => break,
            };
            self.pos += 1;
            if rest.len() >= MAX_OPERATOR_CHAIN {
                return err("expression too deeply nested", self.pos);
            }
            rest.push((op, self.unary()?));
        }
        Ok(if rest.is_empty() {
            first
        } else {
            Node::Chain(Box::new(first), rest, start)
        })
    }

    fn unary(&mut self) -> PResult<Node> {
        let mut ops = Vec::new();
        loop {
            self.skip_ws()?;
            let op = match self.peek() {
                Some(b'+') => UnaryOp::Plus,
                Some(b'-') => UnaryOp::Minus,
                Some(b'~') => UnaryOp::Invert,
                _ => break,
            };
            if ops.len() >= MAX_OPERATOR_CHAIN {
                return err("expression too deeply nested", self.pos);
            }
            ops.push(op);
            self.pos += 1;
        }
        let start = self.pos;
        let atom = self.atom()?;
        self.reject_trailer()?;
        Ok(if ops.is_empty() {
            atom
        } else {
            Node::Unary(ops, Box::new(atom), start)
        })
    }

    /// A call, subscript, attribute or any binary operator other than `+ -`
    /// after an atom makes an expression `literal_eval` refuses.
    fn reject_trailer(&mut self) -> PResult<()> {
        self.skip_ws()?;
        match self.peek() {
            Some(
                b'(' | b'[' | b'.' | b'*' | b'/' | b'%' | b'@' | b'<' | b'>' | b'=' | b'!' | b'&'
                | b'|' | b'^',
            ) => err("not a literal", self.pos),
            Some(c) if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 => {
                err("not a literal", self.pos)
            }
            _ => Ok(()),
        }
    }

    fn atom(&mut self) -> PResult<Node> {
        self.skip_ws()?;
        let start = self.pos;
        let Some(c) = self.peek() else {
            return err("unexpected EOF while parsing", self.pos);
        };
        match c {
            b'(' => {
                self.open()?;
                let node = if self.eat(b')')? {
                    Node::Tuple(Vec::new())
                } else {
                    let node = self.testlist()?;
                    self.expect(b')')?;
                    node
                };
                self.depth -= 1;
                Ok(node)
            }
            b'[' => {
                self.open()?;
                let mut items = Vec::new();
                while !self.eat(b']')? {
                    items.push(self.expr()?);
                    if !self.eat(b',')? {
                        self.expect(b']')?;
                        break;
                    }
                }
                self.depth -= 1;
                Ok(Node::List(items))
            }
            b'{' => {
                self.open()?;
                let node = self.braces(start)?;
                self.depth -= 1;
                Ok(node)
            }
            b'0'..=b'9' => self.number(),
            b'.' if self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) => self.number(),
            b'.' if self.src[self.pos..].starts_with(b"...") => {
                self.pos += 3;
                Ok(Node::Const(PyValue::Ellipsis, start))
            }
            b'\'' | b'"' => self.strings(),
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let word_end = self.src[self.pos..]
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
                    .map_or(self.src.len(), |n| self.pos + n);
                let word = &self.src[self.pos..word_end];
                if matches!(self.src.get(word_end), Some(b'\'' | b'"')) && is_string_prefix(word) {
                    return self.strings();
                }
                self.pos = word_end;
                match word {
                    b"None" => Ok(Node::Const(PyValue::None, start)),
                    b"True" => Ok(Node::Const(PyValue::Bool(true), start)),
                    b"False" => Ok(Node::Const(PyValue::Bool(false), start)),
                    b"set" => {
                        self.skip_ws()?;
                        if self.peek() == Some(b'(') {
                            self.open()?;
                            self.expect(b')')?;
                            self.depth -= 1;
                            Ok(Node::EmptySet)
                        } else {
                            Ok(Node::Other("name", start))
                        }
                    }
                    _ => Ok(Node::Other("name", start)),
                }
            }
            _ => err("invalid syntax", self.pos),
        }
    }

    /// After `{`: a dict or a set display.
    fn braces(&mut self, start: usize) -> PResult<Node> {
        if self.eat(b'}')? {
            return Ok(Node::Dict(Vec::new(), start));
        }
        let first = self.expr()?;
        if self.eat(b':')? {
            let mut pairs = vec![(first, self.expr()?)];
            while self.eat(b',')? {
                if self.eat(b'}')? {
                    return Ok(Node::Dict(pairs, start));
                }
                let k = self.expr()?;
                self.expect(b':')?;
                pairs.push((k, self.expr()?));
            }
            self.expect(b'}')?;
            return Ok(Node::Dict(pairs, start));
        }
        let mut items = vec![first];
        while self.eat(b',')? {
            if self.eat(b'}')? {
                return Ok(Node::Set(items, start));
            }
            items.push(self.expr()?);
        }
        self.expect(b'}')?;
        Ok(Node::Set(items, start))
    }

    /// A number token: int (decimal, 0x, 0o, 0b), float, or imaginary.
    fn number(&mut self) -> PResult<Node> {
        let start = self.pos;
        let s = self.src;
        // digit ('_'? digit)*, returning whether any digit was read.
        let digits = |pos: &mut usize, ok: &dyn Fn(u8) -> bool| -> PResult<bool> {
            let begin = *pos;
            while *pos < s.len() {
                let separator =
                    s[*pos] == b'_' && *pos > begin && s.get(*pos + 1).is_some_and(|&c| ok(c));
                if ok(s[*pos]) || separator {
                    *pos += 1;
                } else if s[*pos] == b'_' {
                    return err("invalid decimal literal", *pos);
                } else {
                    break;
                }
            }
            Ok(*pos > begin)
        };
        if s[start] == b'0'
            && matches!(
                s.get(start + 1),
                Some(b'x' | b'X' | b'o' | b'O' | b'b' | b'B')
            )
        {
            let radix = match s[start + 1] {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                _ => 2,
            };
            let mut pos = start + 2;
            if s.get(pos) == Some(&b'_') {
                pos += 1;
            }
            let ok = |c: u8| (c as char).is_digit(radix);
            if !digits(&mut pos, &ok)? {
                return err("invalid literal", pos);
            }
            if s.get(pos)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
            {
                return err("invalid digit in literal", pos);
            }
            let text: Vec<u8> = s[start + 2..pos]
                .iter()
                .copied()
                .filter(|&c| c != b'_')
                .collect();
            self.pos = pos;
            let n = BigInt::parse_bytes(&text, radix).ok_or(ParseError {
                message: "invalid literal".into(),
                offset: start,
            })?;
            return Ok(Node::Const(PyValue::Int(n), start));
        }
        let dec = |c: u8| c.is_ascii_digit();
        let mut pos = start;
        let int_digits = digits(&mut pos, &dec)?;
        let mut is_float = false;
        if s.get(pos) == Some(&b'.') {
            is_float = true;
            pos += 1;
            let had_frac = digits(&mut pos, &dec)?;
            if !int_digits && !had_frac {
                return err("invalid decimal literal", pos);
            }
        }
        if matches!(s.get(pos), Some(b'e' | b'E')) {
            let mut p = pos + 1;
            if matches!(s.get(p), Some(b'+' | b'-')) {
                p += 1;
            }
            if !digits(&mut p, &dec)? {
                return err("invalid decimal literal", p);
            }
            is_float = true;
            pos = p;
        }
        let imaginary = matches!(s.get(pos), Some(b'j' | b'J'));
        let text: String = s[start..pos]
            .iter()
            .filter(|&&c| c != b'_')
            .map(|&c| c as char)
            .collect();
        if imaginary {
            pos += 1;
        }
        if s.get(pos)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c >= 0x80)
        {
            return err("invalid decimal literal", pos);
        }
        self.pos = pos;
        if imaginary || is_float {
            let x: f64 = text
                .parse()
                .or_else(|_| err("invalid decimal literal", start))?;
            let value = if imaginary {
                PyValue::Complex(0.0, x)
            } else {
                PyValue::Float(x)
            };
            return Ok(Node::Const(value, start));
        }
        if text.len() > 1 && text.starts_with('0') && text.bytes().any(|c| c != b'0') {
            return err(
                "leading zeros in decimal integer literals are not permitted",
                start,
            );
        }
        if text.len() > MAX_INT_DIGITS {
            return err(
                "Exceeds the limit (4300 digits) for integer string conversion",
                start,
            );
        }
        let n = parse_int(&text).ok_or(ParseError {
            message: "invalid decimal literal".into(),
            offset: start,
        })?;
        Ok(Node::Const(PyValue::Int(n), start))
    }

    /// One or more adjacent string literals, concatenated.
    fn strings(&mut self) -> PResult<Node> {
        let start = self.pos;
        let mut text: Option<String> = None;
        let mut bytes: Option<Vec<u8>> = None;
        let mut formatted = false;
        loop {
            self.skip_ws()?;
            let prefix_len = self.src[self.pos..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            let prefix = &self.src[self.pos..self.pos + prefix_len];
            if !matches!(self.src.get(self.pos + prefix_len), Some(b'\'' | b'"'))
                || !is_string_prefix(prefix)
            {
                break;
            }
            let lower: Vec<u8> = prefix.iter().map(u8::to_ascii_lowercase).collect();
            let raw = lower.contains(&b'r');
            let is_bytes = lower.contains(&b'b');
            formatted |= lower.contains(&b'f');
            let at = self.pos;
            self.pos += prefix_len;
            let body = self.string_body(raw, is_bytes)?;
            match (is_bytes, &mut text, &mut bytes) {
                (true, None, b) => b.get_or_insert_with(Vec::new).extend(body),
                (false, t, None) => {
                    // A str body is built from valid UTF-8 pieces and escapes.
                    let s = String::from_utf8(body).map_err(|_| ParseError {
                        message: "invalid string".into(),
                        offset: at,
                    })?;
                    t.get_or_insert_with(String::new).push_str(&s);
                }
                _ => return err("cannot mix bytes and nonbytes literals", at),
            }
        }
        if formatted {
            return Ok(Node::Other("f-string", start));
        }
        Ok(match (text, bytes) {
            (_, Some(b)) => Node::Const(PyValue::Bytes(b), start),
            (t, None) => Node::Const(PyValue::Str(t.unwrap_or_default()), start),
        })
    }

    /// The quoted part of one literal, escapes decoded (UTF-8 bytes for a str).
    fn string_body(&mut self, raw: bool, is_bytes: bool) -> PResult<Vec<u8>> {
        let s = self.src;
        let start = self.pos;
        let quote = s[self.pos];
        let triple = s.get(self.pos + 1) == Some(&quote) && s.get(self.pos + 2) == Some(&quote);
        self.pos += if triple { 3 } else { 1 };
        let mut out = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                return err("unterminated string literal", start);
            };
            if c == quote {
                if !triple {
                    self.pos += 1;
                    return Ok(out);
                }
                if s.get(self.pos + 1) == Some(&quote) && s.get(self.pos + 2) == Some(&quote) {
                    self.pos += 3;
                    return Ok(out);
                }
            }
            if c == b'\n' && !triple {
                return err("unterminated string literal", start);
            }
            if is_bytes && c >= 0x80 {
                return err("bytes can only contain ASCII literal characters", self.pos);
            }
            if c != b'\\' {
                out.push(c);
                self.pos += 1;
                continue;
            }
            let Some(e) = self.peek_at(1) else {
                return err("unterminated string literal", start);
            };
            if raw {
                // The backslash stays; it only keeps the next character from ending the literal.
                if e >= 0x80 && is_bytes {
                    return err("bytes can only contain ASCII literal characters", self.pos);
                }
                out.push(b'\\');
                out.push(e);
                self.pos += 2;
                continue;
            }
            self.pos += 2;
            let simple = match e {
                b'\n' => Some(None),
                b'\\' => Some(Some(b'\\')),
                b'\'' => Some(Some(b'\'')),
                b'"' => Some(Some(b'"')),
                b'a' => Some(Some(7)),
                b'b' => Some(Some(8)),
                b'f' => Some(Some(12)),
                b'n' => Some(Some(b'\n')),
                b'r' => Some(Some(b'\r')),
                b't' => Some(Some(b'\t')),
                b'v' => Some(Some(11)),
                _ => None,
            };
            if let Some(byte) = simple {
                out.extend(byte);
                continue;
            }
            let escape_at = self.pos - 2;
            let code: u32 = match e {
                b'0'..=b'7' => {
                    let mut v = (e - b'0') as u32;
                    for _ in 0..2 {
                        match self.peek() {
                            Some(d @ b'0'..=b'7') => {
                                v = v * 8 + (d - b'0') as u32;
                                self.pos += 1;
                            }
                            _ => break,
                        }
                    }
                    if is_bytes {
                        v & 0xff
                    } else {
                        v
                    }
                }
                b'x' => self.hex_escape(2, escape_at)?,
                b'u' if !is_bytes => self.hex_escape(4, escape_at)?,
                b'U' if !is_bytes => self.hex_escape(8, escape_at)?,
                b'N' if !is_bytes => {
                    return err("\\N{...} escapes are not supported", escape_at);
                }
                _ => {
                    // An unknown escape keeps its backslash.
                    out.push(b'\\');
                    self.pos -= 1;
                    continue;
                }
            };
            if is_bytes {
                out.push(code as u8);
            } else {
                let ch = char::from_u32(code).unwrap_or('\u{fffd}');
                if code > 0x10ffff {
                    return err("illegal Unicode character", escape_at);
                }
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
        }
    }

    fn hex_escape(&mut self, n: usize, at: usize) -> PResult<u32> {
        let mut v: u32 = 0;
        for _ in 0..n {
            let d = self
                .peek()
                .and_then(|c| (c as char).to_digit(16))
                .ok_or(ParseError {
                    message: "truncated escape".into(),
                    offset: at,
                })?;
            v = v.wrapping_mul(16).wrapping_add(d);
            self.pos += 1;
        }
        Ok(v)
    }

    // --- conversion: `ast.literal_eval`'s `_convert`, and the eval extension.

    fn convert(&self, node: &Node) -> PResult<PyValue> {
        match node {
            Node::Const(v, _) => Ok(v.clone()),
            Node::List(items) => Ok(PyValue::List(self.convert_all(items)?)),
            Node::Tuple(items) => Ok(PyValue::Tuple(self.convert_all(items)?)),
            Node::EmptySet => Ok(PyValue::Set(Vec::new())),
            Node::Set(items, at) => py_set(self.convert_all(items)?)
                .map(PyValue::Set)
                .or_else(|t| err(format!("unhashable type: '{t}'"), *at)),
            Node::Dict(pairs, at) => {
                let pairs = pairs
                    .iter()
                    .map(|(k, v)| Ok((self.convert(k)?, self.convert(v)?)))
                    .collect::<PResult<Vec<_>>>()?;
                py_dict(pairs)
                    .map(PyValue::Dict)
                    .or_else(|t| err(format!("unhashable type: '{t}'"), *at))
            }
            Node::Chain(first, rest, at) if self.eval => {
                let mut acc = self.convert(first)?;
                for (op, n) in rest {
                    let rhs = self.convert(n)?;
                    acc = binary(*op, &acc, &rhs).ok_or(ParseError {
                        message: "unsupported operand types".into(),
                        offset: *at,
                    })?;
                }
                Ok(acc)
            }
            Node::Chain(first, rest, at) => {
                // `signed_real (+|-) complex_constant`, nothing else.
                if let [(op, right)] = rest.as_slice() {
                    let left = self.signed_number(first)?;
                    let right = literal_number(right)?;
                    if matches!(left, PyValue::Int(_) | PyValue::Float(_))
                        && matches!(right, PyValue::Complex(..))
                    {
                        return binary(*op, &left, &right).ok_or(ParseError {
                            message: "int too large to convert to float".into(),
                            offset: *at,
                        });
                    }
                }
                err("malformed node or string", *at)
            }
            Node::Unary(..) => self.signed_number(node),
            Node::Other(what, at) => err(format!("malformed node or string: {what}"), *at),
        }
    }

    fn convert_all(&self, items: &[Node]) -> PResult<Vec<PyValue>> {
        items.iter().map(|n| self.convert(n)).collect()
    }

    /// `_convert_signed_num`: a number constant under at most one `+`/`-`
    /// (any chain of `+ - ~` over numbers and bools in eval mode).
    fn signed_number(&self, node: &Node) -> PResult<PyValue> {
        let Node::Unary(ops, operand, at) = node else {
            return literal_number(node);
        };
        if self.eval {
            let mut v = self.convert(operand)?;
            for op in ops.iter().rev() {
                v = unary(*op, &v).ok_or(ParseError {
                    message: "bad operand type for unary operator".into(),
                    offset: *at,
                })?;
            }
            return Ok(v);
        }
        match ops.as_slice() {
            [op @ (UnaryOp::Plus | UnaryOp::Minus)] => {
                let v = literal_number(operand)?;
                unary(*op, &v).ok_or(ParseError {
                    message: "malformed node or string".into(),
                    offset: *at,
                })
            }
            _ => err("malformed node or string", *at),
        }
    }
}

/// `_convert_num`: an int, float or complex constant (not a bool).
fn literal_number(node: &Node) -> PResult<PyValue> {
    match node {
        Node::Const(v @ (PyValue::Int(_) | PyValue::Float(_) | PyValue::Complex(..)), _) => {
            Ok(v.clone())
        }
        Node::Const(_, at)
        | Node::Unary(_, _, at)
        | Node::Chain(_, _, at)
        | Node::Set(_, at)
        | Node::Dict(_, at)
        | Node::Other(_, at) => err("malformed node or string", *at),
        Node::List(_) | Node::Tuple(_) | Node::EmptySet => err("malformed node or string", 0),
    }
}

fn is_string_prefix(p: &[u8]) -> bool {
    let lower: Vec<u8> = p.iter().map(u8::to_ascii_lowercase).collect();
    matches!(
        lower.as_slice(),
        b"" | b"r" | b"u" | b"b" | b"br" | b"rb" | b"f" | b"fr" | b"rf"
    )
}

fn unary(op: UnaryOp, v: &PyValue) -> Option<PyValue> {
    let int = |v: &PyValue| match v {
        PyValue::Bool(b) => Some(BigInt::from(*b as u8)),
        PyValue::Int(n) => Some(n.clone()),
        _ => None,
    };
    match (op, v) {
        (UnaryOp::Plus, PyValue::Float(_) | PyValue::Complex(..)) => Some(v.clone()),
        (UnaryOp::Minus, PyValue::Float(x)) => Some(PyValue::Float(-x)),
        (UnaryOp::Minus, PyValue::Complex(re, im)) => Some(PyValue::Complex(-re, -im)),
        (UnaryOp::Plus, _) => int(v).map(PyValue::Int),
        (UnaryOp::Minus, _) => int(v).map(|n| PyValue::Int(-n)),
        (UnaryOp::Invert, _) => int(v).map(|n| PyValue::Int(-n - 1)),
    }
}

/// `a + b` / `a - b` as CPython computes them, `None` for a `TypeError` or
/// `OverflowError`.
fn binary(op: BinOp, a: &PyValue, b: &PyValue) -> Option<PyValue> {
    use PyValue as V;
    let int = |v: &PyValue| match v {
        V::Bool(x) => Some(BigInt::from(*x as u8)),
        V::Int(n) => Some(n.clone()),
        _ => None,
    };
    let real = |v: &PyValue| match v {
        V::Float(x) => Some(*x),
        _ => int(v).and_then(|n| int_to_float(&n)),
    };
    let is_number =
        |v: &PyValue| matches!(v, V::Bool(_) | V::Int(_) | V::Float(_) | V::Complex(..));
    if let (Some(x), Some(y)) = (int(a), int(b)) {
        return Some(V::Int(if op == BinOp::Add { x + y } else { x - y }));
    }
    if is_number(a) && is_number(b) {
        let complex = |v: &PyValue| match v {
            V::Complex(re, im) => Some((*re, *im)),
            _ => real(v).map(|x| (x, 0.0)),
        };
        if matches!(a, V::Complex(..)) || matches!(b, V::Complex(..)) {
            let ((p, q), (r, s)) = (complex(a)?, complex(b)?);
            return Some(match op {
                BinOp::Add => V::Complex(p + r, q + s),
                BinOp::Sub => V::Complex(p - r, q - s),
            });
        }
        let (x, y) = (real(a)?, real(b)?);
        return Some(V::Float(if op == BinOp::Add { x + y } else { x - y }));
    }
    if op == BinOp::Sub {
        return None;
    }
    match (a, b) {
        (V::Str(x), V::Str(y)) => Some(V::Str(format!("{x}{y}"))),
        (V::Bytes(x), V::Bytes(y)) => Some(V::Bytes([x.as_slice(), y].concat())),
        (V::List(x), V::List(y)) => Some(V::List([x.as_slice(), y].concat())),
        (V::Tuple(x), V::Tuple(y)) => Some(V::Tuple([x.as_slice(), y].concat())),
        _ => None,
    }
}
