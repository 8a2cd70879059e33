//! Turns the UI's list of test ids (ui/src/lib/testIds.json) into Rust constants, so the
//! stories and the screens share one list: a renamed or removed id fails the stories' build
//! instead of timing out a story at run time. `counter.resultTitle` becomes
//! `ids::counter::RESULT_TITLE`; a family such as `"terms-offer-kind-{}"` becomes a function
//! `ids::terms_form::offer_kind(kind)`.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Map, Value};

const SOURCE: &str = "../ui/src/lib/testIds.json";

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE).expect("read ui/src/lib/testIds.json");
    let ids: Value = serde_json::from_str(&text).expect("ui/src/lib/testIds.json is JSON");
    let Value::Object(ids) = ids else {
        panic!("ui/src/lib/testIds.json holds an object");
    };
    let mut out = String::new();
    write_items(&mut out, &ids, 0);
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&dir).join("test_ids.rs"), out).expect("write test_ids.rs");
}

fn write_items(out: &mut String, items: &Map<String, Value>, depth: usize) {
    let pad = "    ".repeat(depth);
    for (key, value) in items {
        match value {
            Value::Object(inner) => {
                let _ = writeln!(out, "{pad}/// The ids under `{key}` in testIds.json.");
                let _ = writeln!(out, "{pad}pub mod {} {{", snake(key));
                write_items(out, inner, depth + 1);
                let _ = writeln!(out, "{pad}}}");
            }
            Value::String(id) if id.contains("{}") => {
                let (head, tail) = id.split_once("{}").expect("contains {}");
                let _ = writeln!(out, "{pad}/// `{id}`, with `part` in place of `{{}}`.");
                let _ = writeln!(
                    out,
                    "{pad}pub fn {}(part: &str) -> String {{ format!(\"{head}{{part}}{tail}\") }}",
                    snake(key)
                );
            }
            Value::String(id) => {
                let _ = writeln!(out, "{pad}/// `{id}`");
                let _ = writeln!(
                    out,
                    "{pad}pub const {}: &str = \"{id}\";",
                    snake(key).to_uppercase()
                );
            }
            other => panic!("testIds.json: {key} is {other}, not an id or a group of ids"),
        }
    }
}

/// `resultTitle` → `result_title`.
fn snake(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
