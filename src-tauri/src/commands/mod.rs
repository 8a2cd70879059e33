//! Tauri commands, one file per domain noun. Each parses, calls the core, maps the error.

pub mod agreements;
pub mod app;
pub mod business;
pub mod codes;
pub mod counter;
pub mod money;
pub mod partners;
