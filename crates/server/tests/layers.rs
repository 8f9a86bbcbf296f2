//! The shape of `crates/server/src`, checked from its text: no file imports
//! from a file that imports it (directly or round a longer circle), and no
//! file is longer than `MAX_LINES`.
//!
//! Why: a circle means two files are one job split at an arbitrary line
//! (neither can be read or changed without the other), and a file past a few
//! hundred lines has usually grown a second job. Both were true of the
//! server before issue 13; these checks keep them from coming back.
//!
//! "Imports" are the paths the compiler resolves through the module tree:
//! `use crate::a::b`, `use super::x`, `use child::y` in a parent, and the same
//! paths written inline (`crate::mcp::error(...)`, `#[openapi(paths(crate::x::f))]`),
//! in test modules too. A declaration (`mod x;`) is not an import. A path is
//! charged to the file of the longest module prefix it names; a path to an
//! item of the crate root (`crate::AppState`) is an import from `lib.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 650;

/// A source file and the module path it defines (`[]` for lib.rs,
/// `["ws", "session"]` for ws/session.rs).
struct File {
    rel: String,
    module: Vec<String>,
    text: String,
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn files() -> Vec<File> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("src is readable")
            .map(|e| e.expect("dir entry").path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    let root = src_dir();
    let mut paths = Vec::new();
    walk(&root, &mut paths);
    paths
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&root)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            let mut module: Vec<String> = rel
                .trim_end_matches(".rs")
                .split('/')
                .map(str::to_string)
                .collect();
            if matches!(module.last().map(String::as_str), Some("lib" | "mod")) {
                module.pop();
            }
            let text = std::fs::read_to_string(&p).expect("source is UTF-8");
            File { rel, module, text }
        })
        .collect()
}

/// `text` with comments, string and char literals blanked out (same length,
/// newlines kept), so braces and paths are only those of the code.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"//") {
            let end = rest
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |n| i + n);
            blank(&mut out, i, end);
            i = end;
        } else if rest.starts_with(b"/*") {
            let mut depth = 0;
            let mut j = i;
            while j < b.len() {
                if b[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if b[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if let Some(hashes) = raw_string_start(b, i) {
            // r"..." / r#"..."# / br#"..."#: ends at a quote and as many #.
            let open = i + b[i..].iter().position(|&c| c == b'"').expect("quote") + 1;
            let mut close = vec![b'"'];
            close.extend(std::iter::repeat_n(b'#', hashes));
            let end = b[open..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(b.len(), |n| open + n + close.len());
            blank(&mut out, i, end);
            i = end;
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i, (j + 1).min(b.len()));
            i = j + 1;
        } else if b[i] == b'\'' {
            // A char literal ('x', '\n', '\u{..}', '{'), or a lifetime ('a).
            let end = if b.get(i + 1) == Some(&b'\\') {
                b[i + 2..]
                    .iter()
                    .position(|&c| c == b'\'')
                    .map(|n| i + 2 + n + 1)
            } else if b.get(i + 2) == Some(&b'\'') {
                Some(i + 3)
            } else {
                // A multi-byte char: up to four bytes, then the quote.
                (i + 2..(i + 6).min(b.len()))
                    .find(|&j| b[j] == b'\'' && (b[i + 1] & 0x80) != 0)
                    .map(|j| j + 1)
            };
            match end {
                Some(end) => {
                    blank(&mut out, i, end);
                    i = end;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    String::from_utf8(out).expect("blanking keeps UTF-8")
}

/// At `i`, the number of `#` of a raw string literal that starts there.
fn raw_string_start(b: &[u8], i: usize) -> Option<usize> {
    if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_') {
        return None;
    }
    let mut j = i;
    if b.get(j) == Some(&b'b') {
        j += 1;
    }
    if b.get(j) != Some(&b'r') {
        return None;
    }
    j += 1;
    let hashes = b[j..].iter().take_while(|&&c| c == b'#').count();
    (b.get(j + hashes) == Some(&b'"')).then_some(hashes)
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Sep, // ::
    Open,
    Close,
    Comma,
    Semi,
    Other,
}

fn tokens(code: &str) -> Vec<Tok> {
    let b = code.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            toks.push(Tok::Ident(code[start..i].to_string()));
            continue;
        }
        if b[i..].starts_with(b"::") {
            toks.push(Tok::Sep);
            i += 2;
            continue;
        }
        match c {
            b'{' => toks.push(Tok::Open),
            b'}' => toks.push(Tok::Close),
            b',' => toks.push(Tok::Comma),
            b';' => toks.push(Tok::Semi),
            c if c.is_ascii_whitespace() => {}
            _ => toks.push(Tok::Other),
        }
        i += 1;
    }
    toks
}

/// Every module path a file names, absolute (`["ws", "outlet", "Out"]`),
/// with the child modules each file declares.
fn paths_named(file: &File, children: &BTreeSet<String>) -> Vec<Vec<String>> {
    let toks = tokens(&code_only(&file.text));
    let mut found = Vec::new();
    // Inline modules (`mod tests { ... }`) open at a brace depth.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Tok::Open => depth += 1,
            Tok::Close => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            Tok::Ident(kw) if kw == "mod" => {
                if let (Some(Tok::Ident(name)), Some(Tok::Open)) =
                    (toks.get(i + 1), toks.get(i + 2))
                {
                    inline.push((name.clone(), depth));
                }
            }
            _ => {}
        }
        let here: Vec<String> = file
            .module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(n, _)| n.clone()))
            .collect();
        let in_file_root = inline.is_empty();
        let after_sep = i > 0 && toks[i - 1] == Tok::Sep;
        if let Tok::Ident(kw) = &toks[i] {
            if kw == "use" {
                // A use tree, to its `;`.
                let end = toks[i..]
                    .iter()
                    .position(|t| *t == Tok::Semi)
                    .map_or(toks.len(), |n| i + n);
                let mut leaves = Vec::new();
                expand(&toks[i + 1..end], Vec::new(), &mut leaves);
                for leaf in leaves {
                    if let Some(abs) = absolute(&leaf, &here, in_file_root, children) {
                        found.push(abs);
                    }
                }
                i = end;
                continue;
            }
            let rooted = matches!(kw.as_str(), "crate" | "super" | "self")
                || (in_file_root && children.contains(kw));
            if !after_sep && rooted && toks.get(i + 1) == Some(&Tok::Sep) {
                let mut path = vec![kw.clone()];
                let mut j = i + 1;
                while toks.get(j) == Some(&Tok::Sep) {
                    match toks.get(j + 1) {
                        Some(Tok::Ident(seg)) => {
                            path.push(seg.clone());
                            j += 2;
                        }
                        _ => break,
                    }
                }
                if let Some(abs) = absolute(&path, &here, in_file_root, children) {
                    found.push(abs);
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// The paths of a use tree (`crate::{a::{b, c}, d}` gives `crate::a::b`,
/// `crate::a::c`, `crate::d`).
fn expand(toks: &[Tok], prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut path = prefix;
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Tok::Ident(s) if s == "as" => break,
            Tok::Ident(s) => path.push(s.clone()),
            Tok::Open => {
                // Split the group at its top-level commas.
                let mut depth = 0;
                let mut start = i + 1;
                for j in i..toks.len() {
                    match toks[j] {
                        Tok::Open => depth += 1,
                        Tok::Close => {
                            depth -= 1;
                            if depth == 0 {
                                expand(&toks[start..j], path.clone(), out);
                                return;
                            }
                        }
                        Tok::Comma if depth == 1 => {
                            expand(&toks[start..j], path.clone(), out);
                            start = j + 1;
                        }
                        _ => {}
                    }
                }
                return;
            }
            _ => {}
        }
        i += 1;
    }
    if !path.is_empty() {
        out.push(path);
    }
}

/// `path` from the module `here` as an absolute path, if it stays inside
/// the crate.
fn absolute(
    path: &[String],
    here: &[String],
    in_file_root: bool,
    children: &BTreeSet<String>,
) -> Option<Vec<String>> {
    let (first, rest) = path.split_first()?;
    let mut abs: Vec<String> = match first.as_str() {
        "crate" => Vec::new(),
        "self" => here.to_vec(),
        "super" => here[..here.len().checked_sub(1)?].to_vec(),
        name if in_file_root && children.contains(name) => {
            let mut m = here.to_vec();
            m.push(name.to_string());
            m
        }
        _ => return None,
    };
    for seg in rest {
        if seg == "super" {
            abs.pop()?;
        } else if seg != "self" {
            abs.push(seg.clone());
        }
    }
    Some(abs)
}

/// Which file an absolute path leads into: the longest module prefix that
/// is a file.
fn owner<'a>(abs: &[String], modules: &'a BTreeMap<Vec<String>, String>) -> &'a str {
    (0..=abs.len())
        .rev()
        .find_map(|n| modules.get(&abs[..n]))
        .map(String::as_str)
        .expect("lib.rs owns the crate root")
}

/// Child modules a file declares (`mod x;`, `pub mod x;`).
fn declared(file: &File) -> BTreeSet<String> {
    let toks = tokens(&code_only(&file.text));
    toks.windows(3)
        .filter_map(|w| match w {
            [Tok::Ident(kw), Tok::Ident(name), Tok::Semi] if kw == "mod" => Some(name.clone()),
            _ => None,
        })
        .collect()
}

fn import_graph(files: &[File]) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeMap<Vec<String>, String> = files
        .iter()
        .map(|f| (f.module.clone(), f.rel.clone()))
        .collect();
    let mut graph = BTreeMap::new();
    for f in files {
        let children = declared(f);
        let deps: BTreeSet<String> = paths_named(f, &children)
            .iter()
            .map(|abs| owner(abs, &modules).to_string())
            .filter(|to| *to != f.rel)
            .collect();
        graph.insert(f.rel.clone(), deps);
    }
    graph
}

/// A circle in `graph`, if there is one, as the files round it.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        mark: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        mark.insert(n.to_string(), Mark::Open);
        stack.push(n.to_string());
        for m in graph.get(n).into_iter().flatten() {
            match mark.get(m).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let from = stack.iter().position(|s| s == m).expect("on the stack");
                    let mut circle = stack[from..].to_vec();
                    circle.push(m.clone());
                    return Some(circle);
                }
                Mark::New => {
                    if let Some(c) = visit(m, graph, mark, stack) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        mark.insert(n.to_string(), Mark::Done);
        None
    }
    let mut mark = BTreeMap::new();
    for n in graph.keys() {
        if mark.get(n).copied().unwrap_or(Mark::New) == Mark::New {
            if let Some(c) = visit(n, graph, &mut mark, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn no_file_imports_from_a_file_that_imports_it() {
    let graph = import_graph(&files());
    if let Some(circle) = find_cycle(&graph) {
        panic!(
            "import circle between files of crates/server/src: {}",
            circle.join(" → ")
        );
    }
}

#[test]
fn no_file_is_longer_than_the_limit() {
    let long: Vec<String> = files()
        .iter()
        .map(|f| (f.rel.clone(), f.text.lines().count()))
        .filter(|(_, n)| *n > MAX_LINES)
        .map(|(f, n)| format!("{f}: {n} lines"))
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_LINES} lines (split them along their jobs): {long:?}"
    );
}

/// The checker itself: it must see the kinds of imports the crate uses.
#[test]
fn the_checker_sees_every_kind_of_import() {
    let file = |rel: &str, module: &[&str], text: &str| File {
        rel: rel.into(),
        module: module.iter().map(|s| s.to_string()).collect(),
        text: text.into(),
    };
    let lib = file("lib.rs", &[], "pub mod a;\npub mod b;\npub use a::X;\n");
    // Inline paths, grouped use trees, strings and comments ignored, test
    // modules' `super` meaning the file itself.
    let a = file(
        "a.rs",
        &["a"],
        "use crate::{b::{self, Y}, c};\n// crate::d::nope\nfn f() { let _ = \"crate::e\"; crate::f::run(); }\n\
         #[cfg(test)] mod tests { use super::*; fn t() { super::h(); } }\n",
    );
    let b = file(
        "b.rs",
        &["b"],
        "pub fn y() { let c = '{'; let _: &'static str = r#\"}\"#; }\n",
    );
    let c = file("c.rs", &["c"], "use crate::AppState;\n");
    let f = file("f/mod.rs", &["f"], "mod g;\npub use g::G;\n");
    let g = file(
        "f/g.rs",
        &["f", "g"],
        "use super::h::H;\nfn x() { super::G; }\n",
    );
    let h = file("f/h.rs", &["f", "h"], "");
    let graph = import_graph(&[lib, a, b, c, f, g, h]);
    let deps = |n: &str| graph[n].iter().cloned().collect::<Vec<_>>();
    assert_eq!(deps("lib.rs"), ["a.rs"]);
    assert_eq!(deps("a.rs"), ["b.rs", "c.rs", "f/mod.rs"]);
    assert!(deps("b.rs").is_empty());
    assert_eq!(deps("c.rs"), ["lib.rs"]);
    assert_eq!(deps("f/mod.rs"), ["f/g.rs"]);
    assert_eq!(deps("f/g.rs"), ["f/h.rs", "f/mod.rs"]);
    let circle = find_cycle(&graph).expect("f/mod.rs ↔ f/g.rs and lib → a → c → lib");
    assert!(circle.len() >= 3, "{circle:?}");
}
