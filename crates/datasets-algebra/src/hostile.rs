//! Answers a model could send to make the reference's `parse_expr` hang,
//! recurse or allocate without bound (about 1 MB each, or tiny and
//! explosive), for the scorers' tests.

fn answers() -> Vec<String> {
    vec![
        format!("{}x{}", "(".repeat(100_000), ")".repeat(100_000)),
        "9**9**9".into(),
        "9**9**9**9".into(),
        "(x+1)**1000000".into(),
        "(x+y+z+1)**200".into(),
        "(x**2+1)**(10**18)".into(),
        "x**(10**18)*x**(10**18)*x**(10**18)".into(),
        "x".repeat(1 << 20),
        "1".repeat(1 << 20),
        "x*".repeat(300_000) + "x",
        "x+".repeat(300_000) + "x",
        "(x+1)*".repeat(150_000) + "1",
        (0..100_000).map(|i| format!("x**{i}+")).collect::<String>() + "1",
        (0..100_000).map(|i| format!("x{i}*")).collect::<String>() + "1",
        "-".repeat(1 << 20) + "x",
        "1,".repeat(500_000),
        "100000!".into(),
        format!("0x{}", "f".repeat(1 << 20)),
        "\u{e9}".repeat(500_000),
    ]
}

/// Scores every hostile answer within 100 ms each (optimised builds; the
/// unoptimised test profile gets 2 s) and returns the scores.
pub fn scores(score: impl Fn(&str) -> f64) -> Vec<f64> {
    let limit = if cfg!(debug_assertions) { 2000 } else { 100 };
    answers()
        .iter()
        .map(|a| {
            let start = std::time::Instant::now();
            let s = score(a);
            let ms = start.elapsed().as_millis();
            assert!(
                ms < limit,
                "{ms} ms for {}...",
                a.chars().take(30).collect::<String>()
            );
            s
        })
        .collect()
}
