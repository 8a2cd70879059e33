//! Files the page sends as they are on disk: the bytes arrive as the raw request body (no
//! JSON number array, no base64, so a 2 MB file crosses as 2 MB) and how to read them as JSON
//! in one header. The page never decodes the text itself, so the core sees the real bytes
//! and can tell Windows-1252 from UTF-8.

use std::borrow::Cow;

use partnerdesk_core::imports::ImportOptions;
use tauri::ipc::{InvokeBody, Request};

use crate::error::{ApiError, ApiResult, ErrorCode};

/// The header holding the import's [`ImportOptions`] as JSON (ASCII: enum names only).
pub const IMPORT_OPTIONS_HEADER: &str = "partnerdesk-import-options";

/// The file's bytes and the owner's options from an import request.
pub fn import_request<'a>(request: &'a Request<'_>) -> ApiResult<(Cow<'a, [u8]>, ImportOptions)> {
    let bytes = match request.body() {
        InvokeBody::Raw(bytes) => Cow::Borrowed(bytes.as_slice()),
        // Where the webview cannot post a body (Tauri falls back to messages), the bytes come
        // as a JSON array of numbers.
        InvokeBody::Json(value) => Cow::Owned(
            serde_json::from_value::<Vec<u8>>(value.clone())
                .map_err(|_| malformed("the file's bytes"))?,
        ),
    };
    let options = match request.headers().get(IMPORT_OPTIONS_HEADER) {
        None => ImportOptions::default(),
        Some(value) => value
            .to_str()
            .ok()
            .and_then(|json| serde_json::from_str(json).ok())
            .ok_or_else(|| malformed("how to read the file"))?,
    };
    Ok((bytes, options))
}

/// A request the page should never send; an app bug, not the owner's.
fn malformed(what: &str) -> ApiError {
    ApiError {
        code: ErrorCode::Internal,
        message: format!("The app sent {what} in a form it cannot read. Choose the file again."),
        field: None,
    }
}
