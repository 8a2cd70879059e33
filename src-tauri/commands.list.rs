// Every command the window can call, once: `build.rs` turns the names into Tauri's
// `allow-<command>` permissions, and `lib.rs` into the invoke handler and `state::COMMANDS`,
// the table that says who may call each. `capabilities/main.json` grants them, and the test
// `the_capabilities_grant_exactly_the_registered_commands` holds it to this list.
//
// Each line is `<access> <module>::<command>`; the access is the guard the command takes
// (`BeforeSignIn`: `Arrival`, `Setup`: `SetupDesk`, `Staff`: `StaffDesk`, `Owner`:
// `OwnerDesk`; see `state.rs` for who each lets in).
macro_rules! with_command_list {
    ($then:ident) => {
        $then! {
            BeforeSignIn app::app_status,
            Setup app::load_demo,
            Setup business::save_business_profile,
            BeforeSignIn session::sign_in_choices,
            BeforeSignIn session::create_first_owner,
            BeforeSignIn session::sign_in,
            BeforeSignIn session::recover_owner,
            BeforeSignIn session::lock,
            Staff session::still_here,
            Owner people::list_people,
            Owner people::add_person,
            Owner people::rename_person,
            Owner people::set_person_active,
            Owner people::set_person_role,
            Owner people::reset_person_pin,
            Owner people::set_idle_lock,
            Owner people::print_recovery_code,
            Owner partners::list_partners,
            Owner partners::get_partner,
            Owner partners::create_partner,
            Owner partners::update_partner,
            Owner partners::change_partner_status,
            Owner partners::preview_partner_import,
            Owner partners::import_partners,
            Owner agreements::list_agreement_versions,
            Owner agreements::agreement_in_force,
            Owner agreements::preview_terms,
            Owner agreements::create_agreement_draft,
            Owner agreements::new_agreement_version,
            Owner agreements::update_agreement_draft,
            Owner agreements::delete_agreement_draft,
            Owner agreements::sign_agreement,
            Owner agreements::print_agreement,
            Owner agreements::what_if,
            Owner codes::list_codes,
            Owner codes::issue_code,
            Owner codes::issue_code_batch,
            Owner codes::set_codes_enabled,
            Staff codes::lookup_code,
            Owner codes::print_card_sheet,
            Staff counter::log_redemption,
            Staff counter::recent_redemptions,
            Staff counter::discard_unsaved_sale,
            Owner counter::void_redemption,
            Owner counter::set_till_name,
            Owner payouts::partner_money,
            Owner payouts::record_payout,
            Owner payouts::reverse_payout,
            Owner payouts::print_statement,
            Owner program::dashboard,
            Owner program::add_cost,
            Owner program::list_costs,
            Owner program::set_month_revenue,
            Owner program::add_goal,
            Owner exports::export_csv,
        }
    };
}
