use symlite::parse::eval_str;
fn main() {
    let cases: Vec<(&str, String)> = vec![
        (
            "parens",
            format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000)),
        ),
        ("mulchain", "(1+1)*".repeat(200_000) + "1"),
        ("powchain", "9**".repeat(300_000) + "9"),
        ("negs", "-".repeat(1_000_000) + "1"),
        ("9**9**9", "9**9**9".into()),
        (
            "bigsum",
            (0..100_000)
                .map(|_| "((1+1)*(1+1))")
                .collect::<Vec<_>>()
                .join("+"),
        ),
        ("2**1000000", "2**1000000".into()),
        ("3**600000/7", "3**600000/7".into()),
        ("fact", "50000!".into()),
        ("floatpow", "1.1**100000000".into()),
        ("spaces", format!("1{}", " ".repeat(1_000_000))),
        ("hex", format!("0x{}", "f".repeat(1_000_000))),
        (
            "bigdiv",
            "(3**100000+1)/(7**80000+3)*(5**90000+1)/(11**70000+1)".into(),
        ),
    ];
    for (name, s) in cases {
        let t = std::time::Instant::now();
        let r = eval_str(&s).map(|v| v.to_float());
        println!(
            "{name}: {:?} {:?}",
            t.elapsed(),
            r.map_err(|e| format!("{e:?}"))
                .map(|x| x.map(|f| f.to_string()))
        );
    }
}
