//! JSON written with every object's keys sorted: the canonical form signatures cover, and the
//! pretty form statement files are written in.
//!
//! Written by hand rather than with `serde_json::to_vec`, because serde_json's map keeps
//! insertion order as soon as any crate in the build turns on its `preserve_order` feature;
//! a signature must not depend on which crates happen to be linked. Scalars still print
//! through serde_json, so the output is byte for byte `serde_json::to_vec` (or
//! `to_vec_pretty`) of the same value with its keys in sorted order.

use serde_json::Value;

/// `value` compact, every object's keys sorted by their UTF-8 bytes.
pub(super) fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_json(value, None, &mut out);
    out
}

/// `value` pretty-printed with keys sorted, as if nested `depth` levels deep (two spaces a
/// level; the first line carries no indent of its own).
pub(super) fn pretty_json(value: &Value, depth: usize) -> String {
    let mut out = String::new();
    write_json(value, Some(depth), &mut out);
    out
}

fn write_json(value: &Value, indent: Option<usize>, out: &mut String) {
    match value {
        Value::Array(items) => {
            write_items(items.iter().map(|v| (None, v)), ['[', ']'], indent, out);
        }
        Value::Object(map) => {
            // String order is byte order of UTF-8, which is Unicode code point order.
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            let entries = entries.into_iter().map(|(k, v)| (Some(k.as_str()), v));
            write_items(entries, ['{', '}'], indent, out);
        }
        // Strings, numbers, booleans and null print as serde_json prints them: the escapes
        // and number forms the format's documentation spells out for other readers.
        scalar => out.push_str(&scalar.to_string()),
    }
}

fn write_items<'a>(
    items: impl ExactSizeIterator<Item = (Option<&'a str>, &'a Value)>,
    [open, close]: [char; 2],
    indent: Option<usize>,
    out: &mut String,
) {
    let empty = items.len() == 0;
    out.push(open);
    for (i, (key, value)) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if let Some(depth) = indent {
            newline(depth + 1, out);
        }
        if let Some(key) = key {
            out.push_str(&Value::from(key).to_string());
            out.push_str(if indent.is_some() { ": " } else { ":" });
        }
        write_json(value, indent.map(|depth| depth + 1), out);
    }
    if let (Some(depth), false) = (indent, empty) {
        newline(depth, out);
    }
    out.push(close);
}

fn newline(depth: usize, out: &mut String) {
    out.push('\n');
    out.extend(std::iter::repeat_n("  ", depth));
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Map, Value};

    use super::*;

    fn object(fields: &[(&str, Value)]) -> Value {
        let map: Map<String, Value> = fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        Value::Object(map)
    }

    #[test]
    fn canonical_bytes_do_not_depend_on_key_order() {
        let inner_ab = object(&[("a", json!(1)), ("b", json!([true, null]))]);
        let inner_ba = object(&[("b", json!([true, null])), ("a", json!(1))]);
        let first = object(&[("z", inner_ab), ("y", json!("x")), ("é", json!(-3))]);
        let second = object(&[("é", json!(-3)), ("y", json!("x")), ("z", inner_ba)]);
        assert_eq!(canonical_json(&first), canonical_json(&second));
        assert_eq!(
            canonical_json(&first),
            r#"{"y":"x","z":{"a":1,"b":[true,null]},"é":-3}"#
        );
    }

    #[test]
    fn canonical_strings_keep_non_ascii_and_escape_only_what_json_requires() {
        let value = json!({ "name": "Café Müller / Łódź \"7\"\\\n\t\u{1}" });
        assert_eq!(
            canonical_json(&value),
            r#"{"name":"Café Müller / Łódź \"7\"\\\n\t\u0001"}"#
        );
    }

    #[test]
    fn pretty_form_matches_serde_json_pretty_of_sorted_keys() {
        let value = json!({ "a": [], "b": {}, "c": [1, { "d": "e" }], "f": { "g": false } });
        // Keys are already sorted here, so serde_json's output is the reference under any
        // map order.
        assert_eq!(
            pretty_json(&value, 0),
            serde_json::to_string_pretty(&value).unwrap()
        );
        assert_eq!(
            canonical_json(&value),
            serde_json::to_string(&value).unwrap()
        );
    }

    #[test]
    fn pretty_form_indents_from_the_given_depth() {
        let value = json!({ "a": 1 });
        assert_eq!(pretty_json(&value, 1), "{\n    \"a\": 1\n  }");
    }
}
