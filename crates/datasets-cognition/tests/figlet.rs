//! rgym's FIGlet engine against pyfiglet 1.0.2 in every font figlet_font
//! uses: `figlet_vectors.tsv` (written by scripts/vectors/figlet_fonts.py)
//! holds the SHA-256 of pyfiglet's rendering of six texts per font, or the
//! exception it raised.
//!
//! The fonts are read from RGYM_FIGLET_FONTS_DIR, which .cargo/config.toml
//! points at target/figlet-fonts, where scripts/fetch_figlet_fonts.sh puts
//! them (scripts/test.sh runs it first).

use std::collections::HashMap;
use std::path::PathBuf;

use datasets_cognition::figlet::FigletFont;
use sha2::{Digest, Sha256};

/// The texts of scripts/vectors/figlet_fonts.py's `TEXTS`, in order.
const TEXTS: [&str; 6] = [
    "H E L L O",
    "WORLD",
    "T H E Q U I C K B R O W N F O X J U M P S O V E R",
    "abc xyz 0123456789 !?",
    "ÄÖÜ äöü ß",
    "a{b}[c](d)<e>/f\\g|h_i",
];

fn fonts_dir() -> PathBuf {
    // .cargo/config.toml points this at target/figlet-fonts.
    let dir = PathBuf::from(std::env::var_os("RGYM_FIGLET_FONTS_DIR").unwrap_or_default());
    assert!(
        dir.join("standard.flf").is_file(),
        "no fonts in {dir:?}: run scripts/fetch_figlet_fonts.sh"
    );
    dir
}

#[test]
fn every_font_renders_as_pyfiglet_does() {
    let dir = fonts_dir();
    let vectors = include_str!("figlet_vectors.tsv");
    let mut fonts: HashMap<&str, FigletFont> = HashMap::new();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for line in vectors.lines() {
        let mut f = line.splitn(3, '\t');
        let (Some(name), Some(i), Some(want)) = (f.next(), f.next(), f.next()) else {
            panic!("malformed vector line {line:?}");
        };
        let font = fonts.entry(name).or_insert_with(|| {
            let bytes = std::fs::read(dir.join(format!("{name}.flf"))).expect("font file");
            FigletFont::load_font(name, &String::from_utf8_lossy(&bytes)).expect("font parses")
        });
        let text = TEXTS[i.parse::<usize>().expect("text index")];
        let got = match font.render(text) {
            Ok(r) => Sha256::digest(r.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>(),
            Err(e) => format!("!{}", e.python()),
        };
        if got != want {
            wrong.push(format!("{name} text {i}: {got} != {want}"));
        }
        checked += 1;
    }
    assert_eq!(checked, 447 * TEXTS.len());
    assert!(
        wrong.is_empty(),
        "{} of {checked} differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
