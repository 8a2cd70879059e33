//! The partner kit: the owner opens the demo bakery on Partners and prints its kit through
//! the save seam; the PDF holds the cover letter, the agreement, a sheet of cards, the guide
//! for the bakery's staff and our counter guide.

use partnerdesk_e2e::{files_dir, fresh_data_dir, ids, pdf_text, query, App, Launch, DEMO_BAKERY};

#[test]
fn the_bakerys_kit_is_printed_from_its_page_and_reads_back() {
    let data = fresh_data_dir();
    let files = files_dir("kit");
    let app = App::launch_with(
        data.path(),
        Launch::new().demo().save_files_to(files.path()),
    );
    app.sign_in_as_owner();
    app.search_partners("crumb", &[DEMO_BAKERY]);
    app.click(ids::partners::ROW_NAME);
    app.click(ids::partners::PRINT_KIT);
    let saved = app.wait_until("the kit saved", |app| {
        app.texts(ids::partners::KIT_SAVED)
            .into_iter()
            .find(|t| !t.is_empty())
    });
    assert!(
        saved.ends_with("Partner kit Crumb & Co. Bakery.pdf"),
        "{saved}"
    );
    app.screenshot("partner-kit-saved");
    let text = pdf_text(&files.path().join("Partner kit Crumb & Co. Bakery.pdf"));
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Dear Anna Kowalska,",
        "Thank you for partnering with Bean There Coffee.",
        "Referral partnership agreement",
        "Brought to you by Crumb & Co. Bakery",
        "For the team at Crumb & Co. Bakery",
        "How you are paid",
        "Taking a referral code",
    ] {
        assert!(
            words.contains(expected),
            "{expected:?} missing from the kit"
        );
    }
    // Ten cards still to hand out, each code once; none already used.
    let printed = query(
        data.path(),
        "SELECT c.prefix || '-' || substr(c.code, 1, 4) || '-' || substr(c.code, 5)
         FROM referral_codes c WHERE c.redemption_limit = 1
           AND EXISTS (SELECT 1 FROM redemptions r WHERE r.code_id = c.id)",
    );
    assert!(printed.len() >= 3, "today's three and the year's");
    for used in &printed {
        assert!(!words.contains(used.as_str()), "used card {used} printed");
    }
    assert_eq!(
        words
            .matches("Brought to you by Crumb & Co. Bakery")
            .count(),
        10
    );
}
