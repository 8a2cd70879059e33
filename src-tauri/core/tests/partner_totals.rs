//! The per-day and per-month totals the schema keeps beside the ledger (issue 20): whatever
//! is logged and voided, on whatever days, they agree with the ledger summed afresh, and a
//! balance read from them is the one the ledger gives. A file written before them is summed
//! once when it is opened.

use chrono::TimeDelta;
use partnerdesk_core::ledger::{LogOutcome, RedemptionInput, VoidInput};
use partnerdesk_core::on;
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::store::{self, totals, Conn, DB_FILE_NAME};
use partnerdesk_core::testing::{
    self, day, demo_desk, desk_at, save_profile, shop_time, signed_partner, store_connection,
    TestDesk,
};
use partnerdesk_core::{Actor, Desk, ManualClock};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use sqlx::{Connection, SqliteConnection};

/// Every row of both totals tables, zero rows left out, as text.
async fn totals_rows(conn: &mut Conn) -> Vec<String> {
    on!(conn, db => sqlx::query_scalar(
        "SELECT 'day ' || local_day || ' ' || partner_id || ' ' || currency || ' '
                || redemptions || ' ' || new_customers || ' ' || sales_minor || ' '
                || discounts_minor || ' ' || commission_minor || ' ' || sourced_sales_minor
                || ' ' || sourced_discounts_minor
         FROM partner_day_totals WHERE redemptions != 0
         UNION ALL
         SELECT 'month ' || month || ' ' || partner_id || ' ' || currency || ' '
                || redemptions || ' ' || new_customers || ' ' || sales_minor || ' '
                || discounts_minor || ' ' || commission_minor || ' ' || sourced_sales_minor
                || ' ' || sourced_discounts_minor
         FROM partner_month_totals WHERE redemptions != 0
         ORDER BY 1",
    )
    .fetch_all(db)
    .await)
    .expect("totals")
}

/// What each partner is owed now, from the ledger itself: commissions of redemptions not
/// voided, less payouts not reversed (the sum balances read before the totals).
async fn owed_from_ledger(conn: &mut Conn) -> Vec<(i64, i64)> {
    on!(conn, db => sqlx::query_as(
        "SELECT p.id,
           (SELECT coalesce(CAST(sum(r.commission_minor) AS BIGINT), 0) FROM redemptions r
             WHERE r.partner_id = p.id
               AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = r.id))
         - (SELECT coalesce(CAST(sum(q.amount_minor) AS BIGINT), 0) FROM payouts q
             WHERE q.partner_id = p.id
               AND NOT EXISTS (SELECT 1 FROM payout_reversals x WHERE x.payout_id = q.id))
         FROM partners p ORDER BY p.id",
    )
    .fetch_all(db)
    .await)
    .expect("ledger balances")
}

/// What each partner is owed now, as the app reads it (from the totals).
async fn owed_from_totals(t: &Desk, conn: &mut Conn) -> Vec<(i64, i64)> {
    let cur = iso_currency::Currency::EUR;
    let by_partner = store::payouts::owed_on_by_partner(conn, t.clock().today(), cur)
        .await
        .expect("owed");
    let ids: Vec<i64> = on!(conn, db => sqlx::query_scalar("SELECT id FROM partners ORDER BY id")
        .fetch_all(db)
        .await)
    .expect("ids");
    let mut owed = Vec::new();
    for id in ids {
        let one = store::payouts::owed_on(conn, PartnerId(id), t.clock().today(), cur)
            .await
            .expect("one");
        let all = by_partner.get(&PartnerId(id)).copied().unwrap_or(0);
        assert_eq!(one, all, "partner {id}: alone and all at once differ");
        owed.push((id, one));
    }
    owed
}

#[tokio::test]
async fn the_demo_s_year_leaves_totals_that_agree_with_its_ledger() {
    let (t, _) = demo_desk().await;
    let mut conn = store_connection(&t).await;
    assert_eq!(
        totals::mismatches(&mut conn).await.expect("check"),
        Vec::<String>::new()
    );
    assert_eq!(
        owed_from_totals(&t, &mut conn).await,
        owed_from_ledger(&mut conn).await
    );
    // The demo voids about one sale in a hundred: its days still count the rest.
    let voided: i64 =
        on!(&mut conn, db => sqlx::query_scalar("SELECT count(*) FROM redemption_voids")
        .fetch_one(db)
        .await)
        .expect("voids");
    assert!(voided > 0, "the demo's year has voids");

    // The check sees a total that drifted from the ledger.
    on!(&mut conn, db => sqlx::query(
        "UPDATE partner_month_totals SET commission_minor = commission_minor + 1
         WHERE (partner_id, currency, month) IN
               (SELECT partner_id, currency, month FROM partner_month_totals LIMIT 1)",
    )
    .execute(db)
    .await.map(|done| done.rows_affected()))
    .expect("drift");
    let found = totals::mismatches(&mut conn).await.expect("check");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("month "), "{found:?}");
}

#[tokio::test]
async fn a_file_from_before_the_totals_is_summed_once_when_it_is_opened() {
    if testing::on_server() {
        return; // Rewinds a SQLite file to an older schema; a server has no file here.
    }
    let (t, _) = demo_desk().await;
    let mut conn = store_connection(&t).await;
    let kept = totals_rows(&mut conn).await;
    assert!(kept.len() > 100, "the demo's year fills the totals");
    conn.close().await.expect("close");
    let dir = t.dir.path().to_path_buf();
    let TestDesk {
        desk,
        dir: keep_dir,
        ..
    } = t;
    desk.close().await;

    // The file as the version before the totals left it: no tables, no triggers, and its
    // migration not yet applied.
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(dir.join(DB_FILE_NAME));
    let mut conn = SqliteConnection::connect_with(&options)
        .await
        .expect("open");
    sqlx::raw_sql(
        "DROP TRIGGER redemptions_add_to_totals;
         DROP TRIGGER redemption_voids_take_from_totals;
         DROP VIEW partner_totals_change;
         DROP VIEW redemption_figures;
         DROP TABLE partner_day_totals;
         DROP TABLE partner_month_totals;
         DELETE FROM _sqlx_migrations WHERE version = 20261207000016;",
    )
    .execute(&mut conn)
    .await
    .expect("back to the older schema");
    conn.close().await.expect("close");

    let t = Desk::open(&dir).await.expect("open and migrate");
    let mut conn = store_connection(&t).await;
    assert_eq!(totals_rows(&mut conn).await, kept);
    assert_eq!(
        totals::mismatches(&mut conn).await.expect("check"),
        Vec::<String>::new()
    );
    drop(keep_dir);
}

/// One step of a shop's trade: a sale on some partner's code some days later (sale in
/// cents, new customer or not), then perhaps the void of an earlier sale.
#[derive(Debug, Clone)]
struct Step {
    partner: usize,
    days_later: i64,
    cents: u32,
    new_customer: bool,
    void: Option<usize>,
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let step = (
        0usize..3,
        0i64..20,
        500u32..20_000,
        any::<bool>(),
        any::<Option<usize>>(),
    )
        .prop_map(|(partner, days_later, cents, new_customer, void)| Step {
            partner,
            days_later,
            cents,
            new_customer,
            void,
        });
    prop::collection::vec(step, 1..24)
}

/// Logs and voids as `steps` say across months, then compares totals and balances with
/// the ledger.
async fn trade(steps: &[Step]) -> Result<(), TestCaseError> {
    let time = ManualClock::stepping(shop_time(2026, 9, 1, 10, 0, 0), TimeDelta::seconds(1));
    let t = desk_at(time.clone()).await;
    save_profile(&t).await;
    let owner = Actor::owner();
    let mut codes = Vec::new();
    for name in ["Crumb & Co. Bakery", "Fleur Florist", "Łódź Books"] {
        let p = signed_partner(&t, name, &testing::terms()).await;
        let code = t
            .issue_code(p, None, &Default::default(), &owner)
            .await
            .expect("code");
        codes.push(code.printed);
    }
    let mut logged = Vec::new();
    for (n, step) in steps.iter().enumerate() {
        time.advance(TimeDelta::days(step.days_later));
        let input = RedemptionInput {
            idempotency_key: format!("totals-sale-{n:04}"),
            code: codes[step.partner].clone(),
            sale: format!("{}.{:02}", step.cents / 100, step.cents % 100),
            new_customer: step.new_customer,
            note: String::new(),
            confirmed_large: false,
        };
        let outcome = t
            .log_redemption(&input, "Front till", &Actor::named("till"))
            .await
            .expect("log");
        if let LogOutcome::Logged { redemption, .. } = outcome {
            logged.push(redemption.id);
        }
        if let Some(which) = step.void.filter(|_| !logged.is_empty()) {
            let id = logged.remove(which % logged.len());
            let void = VoidInput {
                reason: "Rang up twice".into(),
                restore_use: false,
            };
            t.void_redemption(id, &void, &owner).await.expect("void");
        }
    }
    let mut conn = store_connection(&t).await;
    prop_assert_eq!(
        totals::mismatches(&mut conn).await.expect("check"),
        Vec::<String>::new()
    );
    prop_assert_eq!(
        owed_from_totals(&t, &mut conn).await,
        owed_from_ledger(&mut conn).await
    );
    // Periods with and without whole months, and days either side of them, read the same
    // counts and sales as the ledger.
    for (from, to) in [
        (day(2026, 9, 1), day(2026, 12, 31)),
        (day(2026, 9, 14), day(2026, 10, 31)),
        (day(2026, 9, 3), day(2026, 11, 9)),
        (day(2026, 10, 5), day(2026, 10, 25)),
    ] {
        let (total, _) = t.program_figures((from, to)).await.expect("figures");
        let ledger: (i64, i64) = on!(&mut conn, db => sqlx::query_as(
            "SELECT count(*), coalesce(CAST(sum(r.sale_minor) AS BIGINT), 0) FROM redemptions r
             WHERE r.local_day BETWEEN $1 AND $2
               AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = r.id)",
        )
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch_one(db)
        .await)
        .expect("ledger");
        prop_assert_eq!(
            (total.redemptions, total.sales.minor),
            ledger,
            "{} to {}",
            from,
            to
        );
    }
    Ok(())
}

#[test]
fn whatever_is_logged_and_voided_the_totals_agree_with_the_ledger() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut runner = TestRunner::new(Config {
        cases: 24,
        ..Config::default()
    });
    runner
        .run(&steps(), |steps| runtime.block_on(trade(&steps)))
        .expect("totals agree with the ledger");
}
