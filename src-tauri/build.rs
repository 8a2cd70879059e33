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
    "list_agreement_versions",
    "agreement_in_force",
    "preview_terms",
    "create_agreement_draft",
    "new_agreement_version",
    "update_agreement_draft",
    "delete_agreement_draft",
    "sign_agreement",
    "print_agreement",
    "list_codes",
    "issue_code",
    "issue_code_batch",
    "set_codes_enabled",
    "lookup_code",
    "print_card_sheet",
    "log_redemption",
    "recent_redemptions",
    "void_redemption",
    "set_till_name",
    "dashboard",
    "partner_money",
    "record_payout",
    "reverse_payout",
    "print_statement",
    "export_csv",
    "add_cost",
    "list_costs",
    "set_month_revenue",
    "add_goal",
    "what_if",
    "preview_partner_import",
    "import_partners",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
