//! `template.format(name=value, ...)` for reasoning-gym's prompt lists, whose
//! templates hold named fields only (no `{{`, no format specs).

/// `template` with each `{name}` replaced by its value; a name not given
/// stays as written (the templates name only what their caller passes).
pub fn format_named(template: &str, fields: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let name = &after[..close];
            fields
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (close, *v))
        }) {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_named_fields() {
        // "A {n}*{n} grid: {matrix}".format(n=3, matrix="{n}")
        assert_eq!(
            format_named("A {n}*{n} grid: {matrix}", &[("n", "3"), ("matrix", "{n}")]),
            "A 3*3 grid: {n}"
        );
    }
}
