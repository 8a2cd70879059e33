//! What a story may ask of the app's start beyond its data folder: command-line arguments
//! (passed through tauri-driver's `args`) and extra environment (inherited from tauri-driver).

/// Options for [`crate::App::launch_with`]; the default is what [`crate::App::launch`] does.
///
/// ```no_run
/// let data = partnerdesk_e2e::fresh_data_dir();
/// let pdfs = tempfile::tempdir().unwrap();
/// let launch = partnerdesk_e2e::Launch::new()
///     .arg("--demo")
///     .env("PARTNERDESK_SAVE_DIR", pdfs.path().display().to_string())
///     .env("PARTNERDESK_NO_OPEN", "1");
/// let app = partnerdesk_e2e::App::launch_with(data.path(), launch);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Launch {
    pub(crate) args: Vec<String>,
    pub(crate) env: Vec<(&'static str, String)>,
}

impl Launch {
    /// No arguments and no extra environment.
    pub fn new() -> Launch {
        Launch::default()
    }

    /// Adds a command-line argument for the app, e.g. `--demo`.
    pub fn arg(mut self, arg: impl Into<String>) -> Launch {
        self.args.push(arg.into());
        self
    }

    /// Starts on the demo desk (`--demo`), loaded the first time the data folder is empty.
    pub fn demo(self) -> Launch {
        self.arg("--demo")
    }

    /// Answers every "Save as" with `dir` and the suggested name, every folder choice ("Back
    /// up now") with `dir`, and opens no viewer: the native dialog and viewer are out of
    /// WebDriver's reach (src-tauri/src/files.rs).
    pub fn save_files_to(self, dir: &std::path::Path) -> Launch {
        self.env("PARTNERDESK_SAVE_DIR", dir.display().to_string())
            .env("PARTNERDESK_NO_OPEN", "1")
    }

    /// Answers every "Open" dialog (a backup to restore from a file) with `file`, which
    /// need not exist yet (src-tauri/src/files.rs).
    pub fn open_file(self, file: &std::path::Path) -> Launch {
        self.env("PARTNERDESK_OPEN_FILE", file.display().to_string())
    }

    /// Sets an environment variable for the app (and the drivers that start it).
    pub fn env(mut self, key: &'static str, value: impl Into<String>) -> Launch {
        self.env.push((key, value.into()));
        self
    }
}
