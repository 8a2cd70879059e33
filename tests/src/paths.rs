//! Where the harness finds the app and its tools, and where it leaves screenshots and logs.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::process::which;

/// The workspace root: the parent of this crate's manifest directory.
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// A new, empty data folder for one story; removed when the returned guard drops.
pub fn fresh_data_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("partnerdesk-e2e-data-")
        .tempdir()
        .unwrap_or_else(|e| panic!("could not create a temporary data folder: {e}"))
}

/// The built app: `PARTNERDESK_BIN` if set, else `<workspace>/target/debug/partnerdesk`.
/// Fails loudly when missing: a story that silently skips proves nothing.
pub(crate) fn app_binary() -> PathBuf {
    let binary = std::env::var_os("PARTNERDESK_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/debug/partnerdesk"));
    if !binary.is_file() {
        panic!(
            "the Partnerdesk binary is missing at {}.\nBuild it first (what `make test` does):\n  \
             (cd ui && npm ci && npm run build)\n  \
             cargo build -p partnerdesk --features custom-protocol",
            binary.display()
        );
    }
    // /proc/<pid>/exe holds the resolved path; compare against the same form.
    binary.canonicalize().unwrap_or(binary)
}

/// tauri-driver: `TAURI_DRIVER` if set, else on PATH, else in cargo's bin folder.
pub(crate) fn tauri_driver() -> PathBuf {
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin/tauri-driver"));
    let found = std::env::var_os("TAURI_DRIVER")
        .map(PathBuf::from)
        .or_else(|| which("tauri-driver"))
        .or(cargo_bin)
        .filter(|p| p.is_file());
    if which("WebKitWebDriver").is_none() {
        panic!(
            "WebKitWebDriver is not on PATH; install it with `apt-get install webkit2gtk-driver`"
        );
    }
    found.unwrap_or_else(|| {
        panic!("tauri-driver not found; install it with `cargo install tauri-driver --locked`")
    })
}

/// `<workspace>/target/<kind>/`, created if missing.
pub(crate) fn target_subdir(kind: &str) -> PathBuf {
    let dir = workspace_root().join("target").join(kind);
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// A file-name-safe label for this launch: the test's name (libtest names the thread after
/// it), with a counter after the first launch in this process so logs never collide.
pub(crate) fn launch_label() -> String {
    static LAUNCHES: AtomicUsize = AtomicUsize::new(0);
    let n = LAUNCHES.fetch_add(1, Ordering::SeqCst);
    let thread = std::thread::current();
    let name = thread.name().filter(|n| *n != "main").unwrap_or("e2e");
    let name = name.rsplit("::").next().unwrap_or(name);
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if n == 0 {
        safe
    } else {
        format!("{safe}-{}", n + 1)
    }
}
