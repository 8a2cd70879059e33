//! The one place that asks the desktop for a file path and opens files in other apps.
//!
//! Native dialogs sit outside the web page, where WebDriver cannot reach them. So tests
//! set `PARTNERDESK_SAVE_DIR` (every "Save as" answers with that folder and the suggested
//! name, every folder choice with the folder itself), `PARTNERDESK_OPEN_FILE` (every "Open"
//! answers with that file) and `PARTNERDESK_NO_OPEN` (nothing is opened in a viewer). Real
//! use sets none of them.

use std::path::PathBuf;

use partnerdesk_core::terms::Pdf;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::error::{ApiError, ErrorCode};

/// Asks where to save `pdf`, writes it there and opens it in the system viewer. Answers the
/// saved path, or `None` when the person cancelled the dialog.
pub fn save_and_open<R: Runtime>(
    app: &AppHandle<R>,
    pdf: &Pdf,
) -> Result<Option<String>, ApiError> {
    let Some(path) = ask_save_path(app, &pdf.file_name, ("Save PDF", "PDF document", "pdf")) else {
        return Ok(None);
    };
    write(&path, &pdf.bytes)?;
    open_in_viewer(app, &path);
    Ok(Some(path.display().to_string()))
}

/// Asks where to save a CSV file and writes it there (a spreadsheet opens it when the owner
/// wants). Answers the saved path, or `None` when the person cancelled the dialog.
pub fn save_csv<R: Runtime>(app: &AppHandle<R>, file: &Pdf) -> Result<Option<String>, ApiError> {
    let Some(path) = ask_save_path(app, &file.file_name, ("Export CSV", "CSV file", "csv")) else {
        return Ok(None);
    };
    write(&path, &file.bytes)?;
    Ok(Some(path.display().to_string()))
}

/// Asks where to save `file_name`; `None` when the person cancels.
fn ask_save_path<R: Runtime>(
    app: &AppHandle<R>,
    file_name: &str,
    (title, kind, extension): (&str, &str, &str),
) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PARTNERDESK_SAVE_DIR") {
        return Some(PathBuf::from(dir).join(file_name));
    }
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(file_name)
        .add_filter(kind, &[extension])
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

/// Asks for a folder to write into; `None` when the person cancels.
pub fn ask_folder<R: Runtime>(app: &AppHandle<R>, title: &str) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PARTNERDESK_SAVE_DIR") {
        return Some(PathBuf::from(dir));
    }
    app.dialog()
        .file()
        .set_title(title)
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
}

/// Asks for a file to open, offering those of `kind` (a name and its extensions) first;
/// `None` when the person cancels.
pub fn ask_open_file<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    (kind, extensions): (&str, &[&str]),
) -> Option<PathBuf> {
    if let Some(file) = std::env::var_os("PARTNERDESK_OPEN_FILE") {
        return Some(PathBuf::from(file));
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(kind, extensions)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// Writes `file` into the same folder as `beside`, under its own name: the signed
/// statement file next to the PDF the owner just saved.
pub fn save_beside(beside: &std::path::Path, file: &Pdf) -> Result<String, ApiError> {
    let path = beside.with_file_name(&file.file_name);
    write(&path, &file.bytes)?;
    Ok(path.display().to_string())
}

/// Writes `bytes` to `path`, saying plainly what failed.
fn write(path: &PathBuf, bytes: &[u8]) -> Result<(), ApiError> {
    std::fs::write(path, bytes).map_err(|err| ApiError {
        code: ErrorCode::FileNotSaved,
        message: format!("Could not save {}: {err}", path.display()),
        field: None,
    })
}

/// Opens `path` in the system's viewer; a failure is logged, not shown (the file is saved).
pub fn open_in_viewer<R: Runtime>(app: &AppHandle<R>, path: &std::path::Path) {
    if std::env::var_os("PARTNERDESK_NO_OPEN").is_some() {
        return;
    }
    if let Err(err) = app.opener().open_path(path.to_string_lossy(), None::<&str>) {
        tracing::warn!(%err, path = %path.display(), "could not open the saved file");
    }
}
