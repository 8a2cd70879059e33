//! The counter on a generated shop file (`bench_data`): years of trade, thousands of codes.
//! Enter → result painted, in the page, over 100 lookups of cards spread over the whole
//! file, with a mistyped one now and then; the figures go to
//! `target/e2e-logs/counter-latency-at-size.txt`.
//!
//! `make test` runs it on the small generated file `make test-bench` writes; by hand,
//! `PARTNERDESK_BENCH_DATA=target/bench-data/million` runs it on the million.

use std::path::PathBuf;
use std::time::Instant;

use partnerdesk_e2e::{fresh_data_dir, ids, median_p99_worst, query, workspace_root, App, Launch};

/// The generated folder the story copies its file from.
fn generated() -> PathBuf {
    std::env::var_os("PARTNERDESK_BENCH_DATA").map_or_else(
        || workspace_root().join("target/bench-data/small-test"),
        PathBuf::from,
    )
}

#[test]
fn counter_answers_fast_on_a_generated_shop() {
    let source = generated().join("partnerdesk.sqlite3");
    assert!(
        source.exists(),
        "{} is missing: `make test-bench` (or `make bench-data`) writes it",
        source.display()
    );
    let data = fresh_data_dir();
    // The file and its write-ahead log: the generator's last commits may be only in the log.
    for name in ["partnerdesk.sqlite3", "partnerdesk.sqlite3-wal"] {
        let from = generated().join(name);
        if from.exists() {
            std::fs::copy(&from, data.path().join(name)).expect("copy the file");
        }
    }
    // Cards as customers bring them, spread over the whole table: every hundredth code.
    let codes = query(
        data.path(),
        "SELECT prefix || '-' || substr(code, 1, 4) || '-' || substr(code, 5) FROM referral_codes
         WHERE id % (SELECT max(1, count(*) / 100) FROM referral_codes) = 0 LIMIT 100",
    );
    assert!(codes.len() >= 50, "{codes:?}");
    let redemptions = query(data.path(), "SELECT count(*) FROM redemptions").remove(0);

    let app = App::launch_with(data.path(), Launch::new());
    app.sign_in_as_owner();
    app.click(ids::nav::COUNTER);
    app.wait_for(ids::counter::INPUT);
    let mut page_ms = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        let seq = u64::try_from(i + 1).expect("a count");
        // One in ten read out with a slip: the typo search runs over every code.
        let typed = if i % 10 == 9 {
            slip(code)
        } else {
            code.clone()
        };
        let typed_at = Instant::now();
        app.send_keys(ids::counter::INPUT, &format!("{typed}\n"));
        let (_, page) = app.counter_result(seq, typed_at);
        page_ms.push(page);
        if app.focused().as_deref() == Some(ids::counter::SALE) {
            app.press("\u{1b}");
        }
    }
    let (median, p99, worst) = median_p99_worst(page_ms);
    let report = format!(
        "{}: {redemptions} redemptions; Enter → result painted over {} lookups, in the page: \
         median {median} ms, p99 {p99} ms, worst {worst} ms\n",
        generated().display(),
        codes.len()
    );
    eprint!("{report}");
    let log = workspace_root().join("target/e2e-logs/counter-latency-at-size.txt");
    std::fs::write(&log, &report).unwrap_or_else(|e| panic!("could not write {log:?}: {e}"));
    app.screenshot("counter-at-size");

    // The owner's year on the same file: more partners than the chart has colours, so the
    // best seven are drawn on their own and the rest as one.
    app.click(ids::nav::MONEY);
    app.wait_for(ids::money::HEADLINE);
    app.select_by_value(ids::money::PERIOD, "last12Months");
    app.wait_for_exact_text(ids::money::CHART_SERIES, "Other partners");
    let series = app.texts(ids::money::CHART_SERIES);
    assert_eq!(series.len(), 8, "{series:?}");
    assert_eq!(series.last().map(String::as_str), Some("Other partners"));
    app.execute(
        "document.querySelector('[data-testid=\"money-chart\"]').scrollIntoView()",
        vec![],
    );
    app.screenshot("money-at-size");

    // The busiest partner's year: its redemptions are drawn 200 at a time.
    let busiest = query(
        data.path(),
        "SELECT p.name FROM partners p JOIN redemptions r ON r.partner_id = p.id
         GROUP BY p.id ORDER BY count(*) DESC LIMIT 1",
    )
    .remove(0);
    app.click(ids::money::TAB_PARTNER);
    app.choose_option(ids::money::PARTNER_SELECT, &busiest);
    app.wait_for_text(ids::money::HISTORY_MORE, "Show 200 more");
    assert_eq!(app.texts(ids::money::REDEMPTION_ROW).len(), 200);
    app.execute(
        "document.querySelector('[data-testid=\"money-history-more\"]')\
         .scrollIntoView({ block: 'center' })",
        vec![],
    );
    app.screenshot("money-partner-at-size");
    app.click(ids::money::HISTORY_MORE);
    app.wait_until("400 rows drawn", |app| {
        (app.texts(ids::money::REDEMPTION_ROW).len() == 400).then_some(())
    });
    // The targets are 30 ms and 100 ms on the million, measured by hand; on a shared CI
    // machine the story holds a margin for its neighbours, not a different promise.
    assert!(median < 90 && p99 < 300, "{report}");
}

/// The same code with one body character changed.
fn slip(printed: &str) -> String {
    let (prefix, body) = printed.split_once('-').unwrap_or(("", printed));
    let first = body.chars().next().unwrap_or('0');
    let other = if first == '7' { '8' } else { '7' };
    format!("{prefix}-{other}{}", &body[first.len_utf8()..])
}
