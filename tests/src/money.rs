//! The Money screen set to the demo's period, for stories about money.

use std::path::Path;

use crate::{ids, query_one, App};

impl App {
    /// Opens Money and shows the custom period from the first of the month the demo's sales
    /// were stored in to the end of the next month; answers that month (`YYYY-MM`). The
    /// period comes from the stored day, not the wall clock, so a cost or payout dated
    /// "today" after midnight (even a month's last) still falls in it.
    pub fn show_money_from_the_demo_month(&self, data_dir: &Path) -> String {
        self.click(ids::nav::MONEY);
        self.wait_for(ids::money::HEADLINE);
        let demo_day = query_one(data_dir, "SELECT max(local_day) FROM redemptions");
        let demo_month = demo_day[..7].to_string();
        let until = query_one(
            data_dir,
            &format!("SELECT date('{demo_day}', 'start of month', '+2 months', '-1 day')"),
        );
        self.select_by_value(ids::money::PERIOD, "custom");
        self.set_value(ids::money::FROM, &format!("{demo_month}-01"));
        self.set_value(ids::money::TO, &until);
        demo_month
    }

    /// Enters `amount` as the shop's revenue for `month` (`YYYY-MM`) and waits for the note.
    pub fn enter_month_revenue(&self, month: &str, amount: &str) {
        self.type_into(ids::money::REVENUE_MONTH, month);
        self.type_into(ids::money::REVENUE_AMOUNT, amount);
        self.click(ids::money::REVENUE_SUBMIT);
        self.wait_for_exact_text(
            ids::money::REVENUE_SAVED,
            &format!("✓ Saved the revenue for {month}."),
        );
    }
}
