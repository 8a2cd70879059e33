// Listing the commands makes Tauri generate one `allow-<command>` permission each, so a
// command the capabilities do not grant cannot be called at all. The names come from
// `commands.list.rs`, the same list `lib.rs` registers, so the two cannot drift apart.
include!("commands.list.rs");

macro_rules! names {
    ($($access:ident $module:ident::$command:ident,)*) => {
        &[$(stringify!($command)),*]
    };
}

const COMMANDS: &[&str] = with_command_list!(names);

fn main() {
    // Tauri's build script names its own inputs; a new command must rerun it too.
    println!("cargo:rerun-if-changed=commands.list.rs");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
