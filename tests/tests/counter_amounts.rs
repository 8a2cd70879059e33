//! Amounts at the counter: a product barcode scanned into the amount field in one burst is
//! refused without being sent (the field empties and the cursor goes back to the code), a
//! sale over the "ask again" threshold needs a second Enter (Esc goes back to the amount),
//! and a sale over the ceiling is refused with the limit named. Keyboard only throughout.

use std::path::Path;
use std::thread::sleep;
use std::time::Duration;

use partnerdesk_e2e::{fresh_data_dir, ids, query_one, App, Launch, DEMO_BAKERY};

/// The demo bakery's unlimited code, as printed (`BAKERY-7K2Q-X9A`).
fn poster_code(data_dir: &Path) -> String {
    let row = query_one(
        data_dir,
        &format!(
            "SELECT c.prefix, c.code FROM referral_codes c JOIN partners p ON p.id = c.partner_id \
             WHERE p.name = '{DEMO_BAKERY}' AND c.redemption_limit IS NULL AND c.enabled = 1 \
             ORDER BY c.id LIMIT 1"
        ),
    );
    let (prefix, code) = row.split_once('|').unwrap_or(("", &row));
    let groups: Vec<String> = code
        .as_bytes()
        .chunks(4)
        .map(|g| String::from_utf8_lossy(g).into_owned())
        .collect();
    format!("{prefix}-{}", groups.join("-"))
}

fn redemptions(data_dir: &Path) -> usize {
    query_one(data_dir, "SELECT count(*) FROM redemptions")
        .parse()
        .expect("a count")
}

/// Looks `code` up and waits for the amount field to take the focus.
fn open_sale(app: &App, code: &str) {
    app.wait_for_focus(ids::counter::INPUT);
    app.send_keys(ids::counter::INPUT, &format!("{code}\n"));
    app.wait_for_exact_text(ids::counter::RESULT_TITLE, "VALID");
    app.wait_for_focus(ids::counter::SALE);
}

/// Types an amount at a person's pace, then Enter: a pause, so the Enter is not read as the
/// end of a scanner's burst.
fn type_amount_and_enter(app: &App, amount: &str) {
    app.type_into(ids::counter::SALE, amount);
    sleep(Duration::from_millis(150));
    app.press("\n");
}

#[test]
fn the_amount_field_refuses_barcodes_asks_about_large_sales_and_holds_the_ceiling() {
    let data = fresh_data_dir();
    let app = App::launch_with(data.path(), Launch::new().demo());
    app.sign_in_as_owner();
    let code = poster_code(data.path());
    let before = redemptions(data.path());
    app.click(ids::nav::COUNTER);
    app.wait_for(ids::counter::INPUT);

    // A product's barcode, scanned into the amount in one burst ending with Enter.
    open_sale(&app, &code);
    app.send_keys(ids::counter::SALE, "4006381333931\n");
    app.wait_for_text(
        ids::counter::SALE_ERROR,
        "This looks like a barcode, not an amount.",
    );
    app.wait_for_focus(ids::counter::INPUT);
    assert_eq!(app.value(ids::counter::SALE), "", "the barcode is cleared");
    app.screenshot("counter-amounts-barcode");
    assert_eq!(redemptions(data.path()), before, "nothing was sent");

    // Enter in the empty code input goes back to the open sale; a large amount asks first.
    app.press("\n");
    app.wait_for_focus(ids::counter::SALE);
    type_amount_and_enter(&app, "1234");
    app.wait_for_text(
        ids::counter::CONFIRM_LARGE,
        "€1,234.00 — that is a large sale. Enter again to log it.",
    );
    app.screenshot("counter-amounts-confirm");
    assert_eq!(redemptions(data.path()), before, "asking logs nothing");
    // Esc goes back to the amount, still typed, without logging or closing the sale.
    app.press("\u{1b}");
    app.wait_gone(ids::counter::CONFIRM_LARGE);
    app.wait_for_focus(ids::counter::SALE);
    assert_eq!(app.value(ids::counter::SALE), "1234");
    assert_eq!(redemptions(data.path()), before);
    // Enter asks again; the second Enter logs it.
    app.press("\n");
    app.wait_for(ids::counter::CONFIRM_LARGE);
    app.press("\n");
    app.wait_for(ids::counter::CONFIRMATION);
    assert_eq!(redemptions(data.path()), before + 1);
    assert_eq!(
        query_one(
            data.path(),
            "SELECT sale_minor FROM redemptions ORDER BY id DESC LIMIT 1"
        ),
        "123400"
    );

    // Over the ceiling: refused beside the amount, whatever the cashier presses.
    open_sale(&app, &code);
    type_amount_and_enter(&app, "10000.01");
    app.wait_for_text(
        ids::counter::SALE_ERROR,
        "At most €10,000.00 per sale: check the amount, or raise the limit in Settings.",
    );
    app.screenshot("counter-amounts-ceiling");
    assert_eq!(redemptions(data.path()), before + 1);
}
