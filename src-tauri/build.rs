// Listing the commands makes Tauri generate one `allow-<command>` permission each, so a
// command the capabilities do not grant cannot be called at all.
const COMMANDS: &[&str] = &[
    "app_status",
    "load_demo",
    "save_business_profile",
    "list_partners",
    "get_partner",
    "create_partner",
    "update_partner",
    "change_partner_status",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
