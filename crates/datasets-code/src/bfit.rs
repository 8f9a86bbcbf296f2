//! The part of BF-it (elikaski, MIT; vendored by reasoning-gym as
//! `code/contrib/bfit`) that `bf`'s three templates exercise: a C-like
//! `int main() { ... }` with `int` locals, `=`, `+`, `<`, `>`, `while`, `if`,
//! `print("...")` and `printint(...)`, compiled to Brainf*ck byte for byte as
//! `Compiler.compile(code, optimize_code=True)` does.
//!
//! The compiler parses and emits in one pass, like the Python one: each
//! statement is compiled as it is read, at the current stack pointer (the next
//! free tape cell), and expressions go through a small parse tree (`Node`)
//! whose `get_code` mirrors `Node.py`. Anything outside the subset (other
//! keywords and operators, arrays, globals, user function calls) is refused
//! with an error rather than compiled differently; the templates never reach
//! it, which `scripts/vectors/bf_exhaustive.py` proves over every program they
//! can produce.

use std::fmt;

/// A program outside the subset, or one BF-it itself would reject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError(pub String);

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CompileError {}

type Result<T> = std::result::Result<T, CompileError>;

fn err<T>(message: impl Into<String>) -> Result<T> {
    Err(CompileError(message.into()))
}

/// `Compiler.compile(code, optimize_code=True)`.
pub fn compile(code: &str) -> Result<String> {
    let mut tokens = analyze(code)?;
    optimize(&mut tokens);
    Compiler { tokens: &tokens }.compile()
}

// =================
// Lexical_analyzer
// =================

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Int,
    If,
    While,
    Print,
    Id(String),
    Num(String),
    Str(String),
    LParen,
    RParen,
    LBrace,
    RBrace,
    Semicolon,
    Comma,
    /// `=` (the compound assignments are outside the subset).
    Assign,
    /// `+` (the other arithmetic operators are outside the subset).
    Plus,
    /// `<` or `>`.
    Relop(u8),
}

/// `Lexical_analyzer.analyze`, for the tokens of the subset. BF-it takes the
/// longest match, the earlier rule on a tie: a keyword is a keyword only as a
/// whole word (`printint` is an identifier, `print` the statement).
fn analyze(text: &str) -> Result<Vec<Token>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let rest = &bytes[i + 1..];
        let (token, len) = match c {
            // `\s+` (ASCII whitespace: the templates only have spaces and newlines).
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => {
                i += 1;
                continue;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let len = 1 + rest
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                    .count();
                let word = &text[i..i + len];
                let token = match word {
                    "int" | "bool" | "char" => Token::Int,
                    "if" => Token::If,
                    "while" => Token::While,
                    "print" => Token::Print,
                    "void" | "true" | "false" | "return" | "else" | "for" | "do" | "switch"
                    | "case" | "default" | "break" | "continue" => {
                        return err(format!("keyword '{word}' is outside the compiled subset"))
                    }
                    _ => Token::Id(word.to_string()),
                };
                (token, len)
            }
            b'0'..=b'9' => {
                let len = 1 + rest.iter().take_while(|b| b.is_ascii_digit()).count();
                if bytes.get(i + len).is_some_and(|b| b.is_ascii_alphabetic()) {
                    return err(
                        "hexadecimal, octal and binary literals are outside the compiled subset",
                    );
                }
                (Token::Num(text[i..i + len].to_string()), len)
            }
            b'"' => {
                let Some(end) = rest.iter().position(|b| *b == b'"') else {
                    return err("unterminated string");
                };
                let s = &text[i + 1..i + 1 + end];
                // BF-it decodes strings with `unicode_escape` (Latin-1 for
                // anything past ASCII); plain ASCII decodes to itself.
                if !s.is_ascii() || s.contains('\\') {
                    return err("escapes and non-ASCII strings are outside the compiled subset");
                }
                (Token::Str(s.to_string()), end + 2)
            }
            b'(' => (Token::LParen, 1),
            b')' => (Token::RParen, 1),
            b'{' => (Token::LBrace, 1),
            b'}' => (Token::RBrace, 1),
            b';' => (Token::Semicolon, 1),
            b',' => (Token::Comma, 1),
            b'=' | b'+' | b'<' | b'>' => {
                // `==`, `+=`, `++`, `<=`, `<<`, ... would be other tokens.
                if rest
                    .first()
                    .is_some_and(|b| matches!(b, b'=' | b'+' | b'<' | b'>'))
                {
                    return err("compound operators are outside the compiled subset");
                }
                let token = match c {
                    b'=' => Token::Assign,
                    b'+' => Token::Plus,
                    _ => Token::Relop(c),
                };
                (token, 1)
            }
            _ => {
                return err(format!(
                    "character {:?} is outside the compiled subset",
                    text[i..].chars().next().unwrap_or_default()
                ))
            }
        };
        tokens.push(token);
        i += len;
    }
    Ok(tokens)
}

// =========
// Optimizer
// =========

/// `Optimizer.optimize`: fold `NUM + NUM` and turn `printint(NUM)` into
/// `print("NUM")`, pass after pass until a pass changes no token type. (The
/// templates give it nothing to do; it runs so that the subset compiles as
/// BF-it does.)
fn optimize(tokens: &mut Vec<Token>) {
    loop {
        let before: Vec<std::mem::Discriminant<Token>> =
            tokens.iter().map(std::mem::discriminant).collect();
        optimize_once(tokens);
        let after: Vec<_> = tokens.iter().map(std::mem::discriminant).collect();
        if before == after {
            break;
        }
    }
}

/// `optimize_once`: one sliding-window pass; after a rewrite the same place is
/// tried again.
fn optimize_once(tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i < tokens.len() {
        let mut optimized = false;
        // [NUM, BINOP, NUM]: `+` is the only BINOP of the subset, and with no
        // `*` `/` `%` after it, it always folds.
        if let [Token::Num(a), Token::Plus, Token::Num(b), ..] = &tokens[i..] {
            let sum = parse_num(a).zip(parse_num(b)).map(|(a, b)| a + b);
            if let Some(sum) = sum {
                tokens.splice(i..i + 3, [Token::Num(sum.to_string())]);
                optimized = true;
            }
        }
        // [ID, LPAREN, NUM, RPAREN] named printint: print the digits instead.
        if let [Token::Id(name), Token::LParen, Token::Num(n), Token::RParen, ..] = &tokens[i..] {
            if name == "printint" {
                let digits = n.clone();
                tokens[i] = Token::Print;
                tokens[i + 2] = Token::Str(digits);
                optimized = true;
            }
        }
        if !optimized {
            i += 1;
        }
    }
}

/// `get_NUM_token_value` for decimal literals; `None` past `i128`, which no
/// template approaches.
fn parse_num(data: &str) -> Option<i128> {
    data.parse().ok()
}

// ======================
// Parser (token access)
// ======================

fn find_matching(tokens: &[Token], start: usize) -> Result<usize> {
    // `Parser.find_matching`: the bracket of the same kind closing tokens[start].
    let (open, close) = match tokens.get(start) {
        Some(Token::LParen) => (Token::LParen, Token::RParen),
        Some(Token::LBrace) => (Token::LBrace, Token::RBrace),
        _ => return err("no matching bracket to look for"),
    };
    let mut depth = 0usize;
    for (i, t) in tokens.iter().enumerate().skip(start) {
        if *t == open {
            depth += 1;
        } else if *t == close {
            depth -= 1;
            if depth == 0 {
                return Ok(i);
            }
        }
    }
    err("did not find a matching bracket")
}

// ========
// Compiler
// ========

struct Compiler<'t> {
    tokens: &'t [Token],
}

impl<'t> Compiler<'t> {
    /// `Compiler.compile`: the global definitions (here: functions only), then
    /// `main`'s code at stack pointer 0 (no global variables), then `"<" * 0`.
    fn compile(&self) -> Result<String> {
        let mut main = None;
        let mut pos = 0;
        while let Some(token) = self.tokens.get(pos) {
            match token {
                Token::Semicolon => pos += 1,
                Token::Int => {
                    let (Some(Token::Id(name)), Some(Token::LParen)) =
                        (self.tokens.get(pos + 1), self.tokens.get(pos + 2))
                    else {
                        return err("global variables are outside the compiled subset");
                    };
                    // create_function_object
                    let rparen = find_matching(self.tokens, pos + 2)?;
                    if self.tokens.get(rparen + 1) != Some(&Token::LBrace) {
                        return err("expected '{' after the function's parameters");
                    }
                    let rbrace = find_matching(self.tokens, rparen + 1)?;
                    if name == "main" {
                        main = Some(&self.tokens[pos..=rbrace]);
                    }
                    // Other functions are only compiled where they are called,
                    // and calling them is outside the subset.
                    pos = rbrace + 1;
                }
                _ => return err("did not reach the end of the code"),
            }
        }
        let Some(main) = main else {
            return err("Function 'main' is undefined");
        };
        FunctionCompiler::new("main", main)?.get_code(0)
    }
}

// ================
// FunctionCompiler
// ================

/// One scope of `ids_map_list`: the next free cell and the variables declared
/// in it, with their cells.
struct IdsMap<'t> {
    next_available_cell: i64,
    ids: Vec<(&'t str, i64)>,
}

struct FunctionCompiler<'t> {
    name: &'static str,
    tokens: &'t [Token],
    pos: usize,
    /// Innermost scope last (BF-it inserts at the front of its list).
    ids_map_list: Vec<IdsMap<'t>>,
}

/// A parse tree of `Node.py`, built by the expression rules and compiled at
/// once by `get_code`.
enum Node<'t> {
    Num(i64),
    Id(&'t str),
    /// `+`, `<` or `>` between two operands.
    Op(u8, Box<Node<'t>>, Box<Node<'t>>),
    /// `id = expression`.
    Assign(&'t str, Box<Node<'t>>),
    /// A call of the library function `printint`.
    CallPrintint(Box<Node<'t>>),
}

impl<'t> FunctionCompiler<'t> {
    /// `FunctionCompiler.__init__` / `process_function_definition`: the
    /// subset's functions take no parameters.
    fn new(name: &'static str, tokens: &'t [Token]) -> Result<Self> {
        if tokens.get(2..4) != Some(&[Token::LParen, Token::RParen][..]) {
            return err("function parameters are outside the compiled subset");
        }
        Ok(FunctionCompiler {
            name,
            tokens,
            pos: 4,
            ids_map_list: Vec::new(),
        })
    }

    fn current(&self) -> Option<&'t Token> {
        self.tokens.get(self.pos)
    }

    fn peek(&self, n: usize) -> Option<&'t Token> {
        self.tokens.get(self.pos + n)
    }

    fn advance(&mut self, n: usize) {
        self.pos += n;
    }

    fn expect_current(&self, token: &Token) -> Result<()> {
        if self.current() == Some(token) {
            Ok(())
        } else {
            err(format!("expected {token:?} at token {}", self.pos))
        }
    }

    /// `get_code(current_stack_pointer)`: the function's cells start after the
    /// return value cell at `current_stack_pointer`.
    fn get_code(mut self, current_stack_pointer: i64) -> Result<String> {
        self.add_ids_map(); // the (empty) global variables
        self.set_stack_pointer(current_stack_pointer + 1);
        let code = self.compile_function_scope()?;
        self.remove_ids_map();
        Ok(code)
    }

    // helper functions

    fn add_ids_map(&mut self) {
        let next_available_cell = self
            .ids_map_list
            .last()
            .map_or(0, |m| m.next_available_cell);
        self.ids_map_list.push(IdsMap {
            next_available_cell,
            ids: Vec::new(),
        });
    }

    fn remove_ids_map(&mut self) {
        self.ids_map_list.pop();
    }

    fn scope(&mut self) -> Result<&mut IdsMap<'t>> {
        match self.ids_map_list.last_mut() {
            Some(scope) => Ok(scope),
            None => err("no scope"),
        }
    }

    fn insert_to_ids_map(&mut self, name: &'t str) -> Result<()> {
        let scope = self.scope()?;
        if scope.ids.iter().any(|(id, _)| *id == name) {
            return err(format!("ID {name} is already defined"));
        }
        let cell = scope.next_available_cell;
        scope.next_available_cell += 1;
        scope.ids.push((name, cell));
        Ok(())
    }

    fn size_of_variables_current_scope(&self) -> usize {
        self.ids_map_list.last().map_or(0, |m| m.ids.len())
    }

    fn increase_stack_pointer(&mut self, amount: i64) -> Result<()> {
        self.scope()?.next_available_cell += amount;
        Ok(())
    }

    fn set_stack_pointer(&mut self, value: i64) {
        if let Some(scope) = self.ids_map_list.last_mut() {
            scope.next_available_cell = value;
        }
    }

    fn current_stack_pointer(&self) -> i64 {
        self.ids_map_list
            .last()
            .map_or(0, |m| m.next_available_cell)
    }

    /// `get_id_index`: the innermost scope that declares `name`.
    fn get_id_index(&self, name: &str) -> Result<i64> {
        self.ids_map_list
            .iter()
            .rev()
            .find_map(|m| m.ids.iter().find(|(id, _)| *id == name).map(|(_, c)| *c))
            .map_or_else(|| err(format!("'{name}' does not exist")), Ok)
    }

    /// `get_offset_to_variable`.
    fn get_offset_to_variable(&self, name: &str, current_pointer: i64) -> Result<usize> {
        let offset = current_pointer - self.get_id_index(name)?;
        usize::try_from(offset).map_or_else(|_| err("variable after the stack pointer"), Ok)
    }

    /// `insert_scope_variables_into_ids_map`: every `int` declared directly in
    /// the scope opening at the current `{` (not in nested scopes) gets its
    /// cell now; the code moves past them.
    fn insert_scope_variables_into_ids_map(&mut self) -> Result<String> {
        self.expect_current(&Token::LBrace)?;
        self.advance(1);
        let mut i = self.pos;
        while let Some(token) = self.tokens.get(i) {
            match token {
                Token::Int => match self.tokens.get(i + 1) {
                    Some(Token::Id(name)) => self.insert_to_ids_map(name)?,
                    _ => return err("expected an identifier after int"),
                },
                Token::LBrace => i = find_matching(self.tokens, i)?,
                Token::RBrace => break,
                _ => {}
            }
            i += 1;
        }
        Ok(">".repeat(self.size_of_variables_current_scope()))
    }

    fn enter_scope(&mut self) -> Result<String> {
        self.add_ids_map();
        self.insert_scope_variables_into_ids_map()
    }

    fn exit_scope(&mut self) -> String {
        let code = "<".repeat(self.size_of_variables_current_scope());
        self.remove_ids_map();
        code
    }

    /// `enter_function_scope` with no parameters: skip the return value cell.
    fn enter_function_scope(&mut self) -> Result<String> {
        self.add_ids_map();
        Ok(format!(">{}", self.insert_scope_variables_into_ids_map()?))
    }

    // expressions

    /// `function_call`: `printint(expression)` is the one call of the subset.
    fn function_call(&mut self) -> Result<Node<'t>> {
        let Some(Token::Id(name)) = self.current() else {
            return err("expected a function name");
        };
        if name == self.name {
            return err(format!(
                "No support for recursion yet :(.... in function call '{name}'"
            ));
        }
        self.advance(1);
        let mut parameters = self.compile_expression_list()?;
        if name != "printint" {
            return err(format!("calling '{name}' is outside the compiled subset"));
        }
        if parameters.len() != 1 {
            return err(format!(
                "Function 'printint' has 1 parameters (called it with {} parameters)",
                parameters.len()
            ));
        }
        Ok(Node::CallPrintint(Box::new(parameters.remove(0))))
    }

    /// `compile_expression_list`: `( (expression (, expression)*)? )`.
    fn compile_expression_list(&mut self) -> Result<Vec<Node<'t>>> {
        self.expect_current(&Token::LParen)?;
        self.advance(1);
        let mut expressions = Vec::new();
        if self.current() == Some(&Token::RParen) {
            self.advance(1);
            return Ok(expressions);
        }
        loop {
            expressions.push(self.expression()?);
            match self.current() {
                Some(Token::Comma) => self.advance(1),
                Some(Token::RParen) => {
                    self.advance(1);
                    return Ok(expressions);
                }
                _ => return err("expected ',' or ')' in an expression list"),
            }
        }
    }

    /// `literal`: NUM | ID | function_call | ( expression ).
    fn literal(&mut self) -> Result<Node<'t>> {
        match (self.current(), self.peek(1)) {
            (Some(Token::Id(_)), Some(Token::LParen)) => self.function_call(),
            (Some(Token::Id(name)), _) => {
                self.advance(1);
                Ok(Node::Id(name))
            }
            (Some(Token::Num(data)), _) => {
                self.advance(1);
                let value = data
                    .parse()
                    .map_or_else(|_| err("number literal out of range"), Ok)?;
                Ok(Node::Num(value))
            }
            (Some(Token::LParen), _) => {
                self.advance(1);
                let exp = self.expression()?;
                self.expect_current(&Token::RParen)?;
                self.advance(1);
                Ok(exp)
            }
            _ => err(format!(
                "unexpected token at {}: expected literal",
                self.pos
            )),
        }
    }

    /// `additive` (through `multiplicative`, `unary_prefix` and
    /// `unary_postfix`, which the subset passes straight through).
    fn additive(&mut self) -> Result<Node<'t>> {
        let mut n = self.literal()?;
        while self.current() == Some(&Token::Plus) {
            self.advance(1);
            let next_term = self.literal()?;
            n = Node::Op(b'+', Box::new(n), Box::new(next_term));
        }
        Ok(n)
    }

    /// `relational` (through `shift`): at most one comparison.
    fn relational(&mut self) -> Result<Node<'t>> {
        let a = self.additive()?;
        let Some(Token::Relop(op)) = self.current() else {
            return Ok(a);
        };
        self.advance(1);
        let b = self.additive()?;
        Ok(Node::Op(*op, Box::new(a), Box::new(b)))
    }

    /// `expression` / `assignment`: `ID = expression`, or (through the
    /// ternary and logical levels, which the subset passes through) a
    /// relational expression.
    fn expression(&mut self) -> Result<Node<'t>> {
        if let (Some(Token::Id(name)), Some(Token::Assign)) = (self.current(), self.peek(1)) {
            self.advance(2);
            let right = self.expression()?;
            return Ok(Node::Assign(name, Box::new(right)));
        }
        self.relational()
    }

    fn compile_expression(&mut self) -> Result<String> {
        let parse_tree = self.expression()?;
        let mut code = String::new();
        self.node_get_code(&parse_tree, self.current_stack_pointer(), &mut code)?;
        Ok(code)
    }

    /// `Node.get_code(current_pointer)`: code that evaluates the node into
    /// the cell at `current_pointer` and leaves the pointer one after it.
    fn node_get_code(
        &self,
        node: &Node<'t>,
        current_pointer: i64,
        code: &mut String,
    ) -> Result<()> {
        match node {
            // get_literal_token_code
            Node::Num(value) => {
                code.push_str("[-]");
                push_set_cell_value_code(code, *value, 0, true);
                code.push('>');
            }
            // get_token_ID_code
            Node::Id(name) => {
                let offset = self.get_offset_to_variable(name, current_pointer)?;
                code.push_str(&get_copy_from_variable_code(offset));
            }
            Node::Op(op, left, right) => {
                self.node_get_code(left, current_pointer, code)?;
                self.node_get_code(right, current_pointer + 1, code)?;
                code.push_str("<<");
                code.push_str(get_op_between_literals_code(*op));
            }
            Node::Assign(name, right) => {
                self.node_get_code(right, current_pointer, code)?;
                code.push('<');
                let offset = self.get_offset_to_variable(name, current_pointer)?;
                code.push_str(&get_copy_to_offset_code(offset));
                code.push('>');
            }
            // NodeFunctionCall with one parameter, of a library function.
            Node::CallPrintint(parameter) => {
                code.push_str("[-]>");
                self.node_get_code(parameter, current_pointer + 1, code)?;
                code.push_str("<<");
                code.push_str(&get_printint_code());
                code.push('>');
            }
        }
        Ok(())
    }

    // statements

    fn compile_expression_as_statement(&mut self) -> Result<String> {
        let mut code = self.compile_expression()?;
        self.expect_current(&Token::Semicolon)?;
        self.advance(1);
        code.push('<'); // discard the expression's value
        Ok(code)
    }

    /// `INT ID (= expression)? ;`: the cell was given at scope entry.
    fn compile_variable_declaration(&mut self) -> Result<String> {
        self.advance(1); // skip INT
        match (self.current(), self.peek(1)) {
            (Some(Token::Id(_)), Some(Token::Semicolon)) => {
                self.advance(2);
                Ok(String::new())
            }
            (Some(Token::Id(_)), Some(Token::Assign)) => self.compile_expression_as_statement(),
            _ => err("unexpected tokens in a variable declaration"),
        }
    }

    fn compile_print_string(&mut self) -> Result<String> {
        let (Some(Token::LParen), Some(Token::Str(s)), Some(Token::RParen), Some(Token::Semicolon)) =
            (self.peek(1), self.peek(2), self.peek(3), self.peek(4))
        else {
            return err("expected print(string);");
        };
        self.advance(5);
        Ok(get_print_string_code(s))
    }

    fn compile_function_call_statement(&mut self) -> Result<String> {
        let node = self.function_call()?;
        let mut code = String::new();
        self.node_get_code(&node, self.current_stack_pointer(), &mut code)?;
        self.expect_current(&Token::Semicolon)?;
        self.advance(1);
        code.push('<'); // discard the return value
        Ok(code)
    }

    /// `(expression)` after `if` / `while`.
    fn compile_condition(&mut self) -> Result<String> {
        if self.peek(1) != Some(&Token::LParen) {
            return err("expected '(' after if/while");
        }
        self.advance(2);
        let code = self.compile_expression()?;
        self.expect_current(&Token::RParen)?;
        self.advance(1);
        Ok(code)
    }

    /// `compile_if` without `else` (outside the subset): the body runs two
    /// cells up, past the condition and the unused `execute_else` cell.
    fn compile_if(&mut self) -> Result<String> {
        let expression_code = self.compile_condition()?;
        self.increase_stack_pointer(2)?;
        let inside_if_code = self.compile_statement()?;
        self.increase_stack_pointer(-2)?;
        Ok(format!("{expression_code}<[>>{inside_if_code}<<[-]]"))
    }

    fn compile_while(&mut self) -> Result<String> {
        let expression_code = self.compile_condition()?;
        let inner_scope_code = self.compile_statement()?;
        Ok(format!(
            "{expression_code}<[{inner_scope_code}{expression_code}<]"
        ))
    }

    fn compile_statement(&mut self) -> Result<String> {
        match (self.current(), self.peek(1)) {
            (Some(Token::Int), _) => self.compile_variable_declaration(),
            (Some(Token::Id(_)), Some(Token::Assign)) => self.compile_expression_as_statement(),
            (Some(Token::Id(_)), Some(Token::LParen)) => self.compile_function_call_statement(),
            (Some(Token::Print), _) => self.compile_print_string(),
            (Some(Token::If), _) => self.compile_if(),
            (Some(Token::LBrace), _) => self.compile_scope(),
            (Some(Token::While), _) => self.compile_while(),
            (Some(Token::Semicolon), _) => {
                self.advance(1);
                Ok(String::new())
            }
            _ => err(format!("Invalid statement at token {}", self.pos)),
        }
    }

    fn compile_scope_statements(&mut self) -> Result<String> {
        let mut code = String::new();
        while let Some(token) = self.current() {
            if *token == Token::RBrace {
                self.advance(1);
                return Ok(code);
            }
            code.push_str(&self.compile_statement()?);
        }
        err("expected } after the last token in scope")
    }

    fn compile_scope(&mut self) -> Result<String> {
        let mut code = self.enter_scope()?;
        code.push_str(&self.compile_scope_statements()?);
        code.push_str(&self.exit_scope());
        Ok(code)
    }

    fn compile_function_scope(&mut self) -> Result<String> {
        let mut code = self.enter_function_scope()?;
        code.push_str(&self.compile_scope_statements()?);
        code.push_str(&self.exit_scope());
        code.push('<'); // point to return_value_cell
        Ok(code)
    }
}

// ================
// General (codegen)
// ================

/// `get_set_cell_value_code`: the shorter of `+`/`-` repeated and a loop that
/// adds `a * b` through the next cell, then `c` more (the naive form on a tie).
pub fn get_set_cell_value_code(
    new_value: i64,
    previous_value: i64,
    zero_next_cell_if_necessary: bool,
) -> String {
    let mut code = String::new();
    push_set_cell_value_code(
        &mut code,
        new_value,
        previous_value,
        zero_next_cell_if_necessary,
    );
    code
}

/// [`get_set_cell_value_code`] written onto `code`: the two forms' lengths
/// are known beforehand, so only the shorter is written.
fn push_set_cell_value_code(
    code: &mut String,
    new_value: i64,
    previous_value: i64,
    zero_next_cell_if_necessary: bool,
) {
    let get_char = |value: i64| if value > 0 { '+' } else { '-' };
    let offset = new_value - previous_value;
    let ch = get_char(offset);
    let is_negative = offset < 0;
    let offset = offset.unsigned_abs();

    let (a, b, c) = get_abc(offset as i64);
    let (a, b_len, c_len) = (a.unsigned_abs(), b.unsigned_abs(), c.unsigned_abs());
    // ">" ("[-]") "+"*a "[<" ch*b ">-]" "<" c_char*c
    let looped_len = 1 + 3 * u64::from(zero_next_cell_if_necessary) + a + 2 + b_len + 4 + c_len;
    if offset > looped_len {
        code.push('>'); // the next cell counts the loop
        if zero_next_cell_if_necessary {
            code.push_str("[-]");
        }
        push_repeated(code, '+', a);
        code.push_str("[<");
        push_repeated(code, ch, b_len);
        code.push_str(">-]<");
        push_repeated(code, get_char(if is_negative { -c } else { c }), c_len);
    } else {
        push_repeated(code, ch, offset);
    }
}

fn push_repeated(code: &mut String, ch: char, n: u64) {
    for _ in 0..n {
        code.push(ch);
    }
}

/// `get_abc`: `a * b + c == offset` with `a + b + |c|` least, searched as BF-it
/// searches (first minimum found wins).
fn get_abc(offset: i64) -> (i64, i64, i64) {
    let (mut min_a, mut min_b, mut min_c) = (offset, 1, 0);
    let mut min_sum = offset + 1;
    let mut left = 1;
    let mut right = offset.div_euclid(2) - 1;
    while right >= left {
        let (a, b) = (left + 1, right + 1);
        let c = offset - a * b;
        let curr_sum = a.abs() + b.abs() + c.abs();
        if curr_sum < min_sum {
            (min_a, min_b, min_c) = (a, b, c);
            min_sum = curr_sum;
        }
        if a * b > offset {
            right -= 1;
        } else {
            left += 1;
        }
    }
    (min_a, min_b, min_c)
}

/// `get_copy_to_offset_code`: copy the current cell to `offset` cells left,
/// through the next cell.
fn get_copy_to_offset_code(offset: usize) -> String {
    let (l, r) = ("<".repeat(offset), ">".repeat(offset));
    format!(">[-]<{l}[-]{r}[>+<{l}+{r}-]>[<+>-]<")
}

/// `get_copy_from_variable_code`: copy the cell `offset` cells left into the
/// current one (through the next), and point one after it.
fn get_copy_from_variable_code(offset: usize) -> String {
    let (l, r) = ("<".repeat(offset), ">".repeat(offset));
    format!("[-]>[-]<{l}[{r}+>+<{l}-]{r}>[<{l}+{r}>-]")
}

/// `get_op_between_literals_code` for the subset's operators: the operands
/// are at the pointer and the next cell; the result replaces the first.
fn get_op_between_literals_code(op: u8) -> &'static str {
    match op {
        b'+' => ">[<+>-]",
        b'>' => ">>[-]>[-]<<<[>>[-]<[>+>+<<-]>[<+>-]+>[[-]<-<->>]<<<-]>>[<<+>>-]<",
        _ => ">>[-]>[-]<<[>[-]<<[>>+>+<<<-]>>[<<+>>-]+>[[-]<-<<->>>]<<-]<[-]>>[<<+>>-]<",
    }
}

/// `get_print_string_code`: each character set from the previous one.
fn get_print_string_code(string: &str) -> String {
    let mut code = String::from("[-]>[-]<");
    let mut prev_value = 0;
    for c in string.chars() {
        let current_value = i64::from(u32::from(c));
        push_set_cell_value_code(&mut code, current_value, prev_value, false);
        code.push('.');
        prev_value = current_value;
    }
    code
}

/// `LibraryFunctionCompiler.get_printint_code`: print a cell in decimal.
fn get_printint_code() -> String {
    let mut code = String::from(">");
    code.push_str(&">[-]".repeat(8));
    code.push_str(&"<".repeat(8));
    for _ in 0..2 {
        code.push_str(">++++++++++<");
        code.push_str("[->-[>+>>]>[+[<+>-]>+>>]<<<<<]");
        code.push_str(">[-]");
        code.push_str(">>");
    }
    code.push_str("[>++++++[<++++++++>-]<.<<+>+>[-]]");
    code.push('<');
    code.push_str("[<[>-<-]++++++[>++++++++<-]>.[-]]");
    code.push_str("<<++++++[<++++++++>-]<.[-]<<");
    code.push('<');
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_cell_value_picks_the_shorter_form() {
        // BF-it's own outputs (`get_set_cell_value_code`).
        assert_eq!(get_set_cell_value_code(0, 0, true), "");
        assert_eq!(get_set_cell_value_code(9, 0, true), "+++++++++");
        assert_eq!(
            get_set_cell_value_code(67, 0, true),
            ">[-]++++++[<+++++++++++>-]<+"
        );
        assert_eq!(
            get_set_cell_value_code(111, 0, false),
            ">++++++++++[<+++++++++++>-]<+"
        );
        assert_eq!(get_set_cell_value_code(110, 111, false), "-");
        assert_eq!(get_set_cell_value_code(101, 115, false), "--------------");
    }

    #[test]
    fn print_string() {
        let bf = compile("\nint main() {\n    print(\"onset\");\n}\n").unwrap();
        assert_eq!(
            bf,
            ">[-]>[-]<>++++++++++[<+++++++++++>-]<+.-.+++++.--------------.+++++++++++++++.<"
        );
    }

    #[test]
    fn optimizer_folds_sums_and_constant_printint() {
        let bf = compile("int main() { printint(1 + 2 + 3); }").unwrap();
        assert_eq!(bf, compile("int main() { print(\"6\"); }").unwrap());
    }

    #[test]
    fn outside_the_subset_is_refused() {
        for code in [
            "int main() { int x = 1 - 2; }",
            "int main() { return 0; }",
            "int g; int main() { }",
            "int main() { foo(); }",
            "int main() { print(\"a\\n\"); }",
            "int main() { x = 1; }",
            "int main() { int x = 1; int x = 2; }",
            "int main() { while (1) { }",
        ] {
            assert!(compile(code).is_err(), "{code}");
        }
    }
}
