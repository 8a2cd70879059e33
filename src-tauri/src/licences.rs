//! The third-party licences About lists: every crate the app is built from (its normal
//! dependencies, from `cargo metadata`) and every npm package in the window's lock file, with
//! the licence each declares. Generated into `licences/third-party.json` and compiled in; a
//! test fails while the file is stale (`UPDATE_LICENCES=1 cargo test -p partnerdesk licences`
//! writes it anew), as the TypeScript bindings do.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One component and the licence it declares.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Licence {
    /// `crate` (Rust) or `npm` (the window's code and its build).
    pub source: String,
    pub name: String,
    pub version: String,
    /// An SPDX expression as the package declares it, e.g. `MIT OR Apache-2.0`.
    pub license: String,
}

const GENERATED: &str = include_str!("../licences/third-party.json");

/// Every third-party component, crates first, by name.
pub fn third_party() -> Vec<Licence> {
    serde_json::from_str(GENERATED).unwrap_or_else(|err| {
        tracing::error!(%err, "licences/third-party.json does not parse");
        Vec::new()
    })
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};
    use std::process::Command;

    use serde_json::Value;

    use super::Licence;

    fn manifest_dir() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR"))
    }

    /// The crates `partnerdesk` is built from: its normal dependencies, transitively, for the
    /// Linux bundles (build scripts' and tests' own dependencies do not ship). One platform,
    /// so the list is the same whichever machine makes it.
    fn crates() -> Vec<Licence> {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let out = Command::new(cargo)
            .args(["metadata", "--format-version", "1", "--locked", "--offline"])
            .args(["--filter-platform", "x86_64-unknown-linux-gnu"])
            .current_dir(manifest_dir())
            .output()
            .expect("cargo metadata runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let meta: Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
        let packages: BTreeMap<&str, &Value> = meta["packages"]
            .as_array()
            .expect("packages")
            .iter()
            .map(|p| (p["id"].as_str().expect("id"), p))
            .collect();
        let nodes: BTreeMap<&str, &Value> = meta["resolve"]["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .map(|n| (n["id"].as_str().expect("id"), n))
            .collect();
        let root = packages
            .values()
            .find(|p| p["name"] == "partnerdesk")
            .and_then(|p| p["id"].as_str())
            .expect("the partnerdesk package");
        let mut seen = BTreeSet::new();
        let mut todo = vec![root];
        while let Some(id) = todo.pop() {
            if !seen.insert(id) {
                continue;
            }
            for dep in nodes[id]["deps"].as_array().into_iter().flatten() {
                let normal = dep["dep_kinds"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|k| k["kind"].is_null());
                if normal {
                    todo.push(dep["pkg"].as_str().expect("pkg"));
                }
            }
        }
        seen.into_iter()
            .map(|id| packages[id])
            // Our own crates are under the app's licence, not third-party.
            .filter(|p| p["source"].is_string())
            .map(|p| Licence {
                source: "crate".into(),
                name: p["name"].as_str().unwrap_or_default().into(),
                version: p["version"].as_str().unwrap_or_default().into(),
                license: p["license"].as_str().unwrap_or("see its repository").into(),
            })
            .collect()
    }

    /// Every package in the window's lock file: what is bundled into the page and what
    /// builds it.
    fn npm() -> Vec<Licence> {
        let path = manifest_dir().join("../ui/package-lock.json");
        let text = std::fs::read_to_string(&path).expect("ui/package-lock.json");
        let lock: Value = serde_json::from_str(&text).expect("lock is JSON");
        lock["packages"]
            .as_object()
            .expect("packages")
            .iter()
            .filter_map(|(key, p)| {
                let name = key.rsplit_once("node_modules/")?.1;
                Some(Licence {
                    source: "npm".into(),
                    name: name.into(),
                    version: p["version"].as_str().unwrap_or_default().into(),
                    license: p["license"].as_str().unwrap_or("see its repository").into(),
                })
            })
            .collect()
    }

    fn generated() -> String {
        let mut all: Vec<Licence> = crates().into_iter().chain(npm()).collect();
        all.sort();
        all.dedup();
        let mut text = serde_json::to_string_pretty(&all).expect("json");
        text.push('\n');
        text
    }

    fn committed() -> PathBuf {
        manifest_dir().join("licences/third-party.json")
    }

    /// Regenerate with `UPDATE_LICENCES=1 cargo test -p partnerdesk licences`.
    #[test]
    fn licences_are_fresh() {
        let fresh = generated();
        if std::env::var_os("UPDATE_LICENCES").is_some() {
            std::fs::write(committed(), &fresh).expect("write licences");
        }
        let stored = std::fs::read_to_string(committed()).unwrap_or_default();
        assert!(
            stored == fresh,
            "src-tauri/licences/third-party.json is stale: run UPDATE_LICENCES=1 cargo test -p \
             partnerdesk licences"
        );
    }

    #[test]
    fn every_component_names_its_licence() {
        let all = super::third_party();
        assert!(all.iter().any(|l| l.name == "tauri" && l.source == "crate"));
        assert!(all.iter().any(|l| l.name == "svelte" && l.source == "npm"));
        assert!(all.iter().all(|l| !l.license.is_empty()));
    }
}
