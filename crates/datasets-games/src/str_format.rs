//! `template.format(name=value, ...)` for reasoning-gym's prompt lists, whose
//! templates hold named fields only (no `{{`, no format specs).

/// `template` with each `{name}` replaced by its value, appended to `out`:
/// `field(name, out)` writes the value in place, or returns false for a
/// name it does not know, which then stays as written (the templates name
/// only what their caller passes). Writing in place spares a `String` per
/// value and one for the result, for every item.
pub fn write_named(
    out: &mut String,
    template: &str,
    mut field: impl FnMut(&str, &mut String) -> bool,
) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if field(&after[..close], out) => rest = &after[close + 1..],
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_named_fields() {
        // "A {n}*{n} grid: {matrix}".format(n=3, matrix="{n}"); {x}, a name
        // the caller does not give, stays as written.
        let mut out = String::from("> ");
        write_named(&mut out, "A {n}*{n} grid: {matrix} {x}", |name, out| {
            match name {
                "n" => out.push('3'),
                "matrix" => out.push_str("{n}"),
                _ => return false,
            }
            true
        });
        assert_eq!(out, "> A 3*3 grid: {n} {x}");
    }
}
