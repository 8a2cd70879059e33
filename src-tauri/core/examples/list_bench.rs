//! How long a partner's Codes screen waits for the core on 100,000 codes (issue 20): the
//! first page with its counts, search-as-you-type for one to four typed characters, and a
//! page deep in the list, each beside a raw baseline: the same statements sent with plain
//! sqlx on its own connection, rows read as tuples, no domain code. Target: < 50 ms.
//!
//! `cargo run --release -p partnerdesk-core --example list_bench [-- CODES]`

use std::time::{Duration, Instant};

use partnerdesk_core::codes::{check_symbol, CodeId, CodeQuery, ALPHABET};
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::Desk;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

const RUNS: usize = 101;
const PAGE: u32 = 200;

/// What the core's page reads per row, as store/codes.rs selects it.
const COLUMNS: &str = "id, partner_id, code, prefix, batch, valid_from, valid_until, \
    redemption_limit, note, enabled, created_at, updated_at, campaign_id, \
    (SELECT count(*) FROM code_uses u WHERE u.code_id = referral_codes.id) AS uses";

type Row = (
    i64,
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    String,
    i64,
    i64,
    i64,
    Option<i64>,
    i64,
);

/// Median and 99th percentile of `times`.
fn spread(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    let p99 = times[(times.len() * 99 / 100).min(times.len() - 1)];
    (times[times.len() / 2], p99)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(what: &str, core: (Duration, Duration), raw: (Duration, Duration), rows: usize) {
    println!(
        "{what:<34} {rows:>4} rows  core {:>7.2} / {:>7.2} ms   raw {:>7.2} / {:>7.2} ms   ×{:.2}",
        ms(core.0),
        ms(core.1),
        ms(raw.0),
        ms(raw.1),
        ms(core.0) / ms(raw.0).max(0.001),
    );
}

/// The raw baseline of one page: the page, its matching count, and the partner's total.
async fn raw_page(
    conn: &mut SqliteConnection,
    partner: i64,
    like: Option<&str>,
    after: i64,
) -> sqlx::Result<usize> {
    // As the core writes it for a search with no look-alikes in it (the bench's are not).
    let search = " AND (prefix || code LIKE $2)";
    let filter = if like.is_some() { search } else { "" };
    let text = like.unwrap_or("");
    let n = if like.is_some() { 3 } else { 2 };
    let page = format!(
        "SELECT {COLUMNS} FROM referral_codes WHERE partner_id = $1{filter} AND id < ${n} \
         ORDER BY id DESC LIMIT {}",
        PAGE + 1
    );
    let mut q = sqlx::query_as::<_, Row>(&page).bind(partner);
    if like.is_some() {
        q = q.bind(format!("%{text}%"));
    }
    let rows = q.bind(after).fetch_all(&mut *conn).await?;
    let total = "SELECT count(*) FROM referral_codes WHERE partner_id = $1";
    let total: i64 = sqlx::query_scalar(total)
        .bind(partner)
        .fetch_one(&mut *conn)
        .await?;
    // The core counts the matches only when the first page does not hold them all.
    if like.is_some() && rows.len() > PAGE as usize {
        let count = format!("SELECT count(*) FROM referral_codes WHERE partner_id = $1{search}");
        let matching: i64 = sqlx::query_scalar(&count)
            .bind(partner)
            .bind(format!("%{text}%"))
            .fetch_one(&mut *conn)
            .await?;
        std::hint::black_box(matching);
    }
    std::hint::black_box(total);
    Ok(rows.len())
}

/// Adds `count` random codes to `partner` in batches of 10,000, as raw rows in one
/// transaction: the list is what is timed, not issuing (see lookup_bench for that).
async fn fill_codes(
    conn: &mut SqliteConnection,
    partner: i64,
    count: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut rng = StdRng::seed_from_u64(20);
    let mut tx = conn.begin().await?;
    let mut made = 0;
    while made < count {
        let body: String = (0..7)
            .map(|_| ALPHABET[rng.random_range(0..32)] as char)
            .collect();
        let code = format!("{body}{}", check_symbol(&body).ok_or("no check")?);
        let done = sqlx::query(
            "INSERT INTO referral_codes (partner_id, code, prefix, batch, redemption_limit,
                 note, enabled, created_at, updated_at)
             SELECT $1, $2, 'BAKERY', $3, 1, '', $4, 0, 0
             WHERE NOT EXISTS (SELECT 1 FROM referral_codes WHERE code = $2)",
        )
        .bind(partner)
        .bind(&code)
        .bind(format!("bench · batch {}", made / 10_000))
        .bind(i64::from(made % 50 != 0))
        .execute(&mut *tx)
        .await?;
        made += usize::try_from(done.rows_affected())?;
    }
    tx.commit().await?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: usize = std::env::args().nth(1).map_or(Ok(100_000), |a| a.parse())?;
    let dir = tempfile::tempdir()?;
    let desk = Desk::open(dir.path()).await?;
    desk.load_demo().await?;
    let opts = SqliteConnectOptions::new().filename(desk.db_path());
    let mut conn = SqliteConnection::connect_with(&opts).await?;
    let partner: i64 = sqlx::query_scalar(
        "SELECT partner_id FROM referral_codes WHERE redemption_limit IS NULL LIMIT 1",
    )
    .fetch_one(&mut conn)
    .await?;
    let started = Instant::now();
    fill_codes(&mut conn, partner, count).await?;
    sqlx::query("ANALYZE").execute(&mut conn).await?;
    let p = PartnerId(partner);
    let listed = desk.code_page(p, &CodeQuery::default(), None, PAGE).await?;
    println!(
        "{} codes for one partner, added in {:.1} s; median / p99 of {RUNS} runs",
        listed.total,
        started.elapsed().as_secs_f64()
    );

    // A code from the middle of the list: what the owner types, a character at a time.
    let middle: String = sqlx::query_scalar(
        "SELECT code FROM referral_codes WHERE partner_id = $1 ORDER BY id LIMIT 1 OFFSET $2",
    )
    .bind(partner)
    .bind(i64::try_from(count / 2)?)
    .fetch_one(&mut conn)
    .await?;
    let deep: i64 = sqlx::query_scalar(
        "SELECT id FROM referral_codes WHERE partner_id = $1 ORDER BY id DESC LIMIT 1 OFFSET $2",
    )
    .bind(partner)
    .bind(i64::try_from(count * 9 / 10)?)
    .fetch_one(&mut conn)
    .await?;

    let mut cases: Vec<(String, CodeQuery, Option<CodeId>)> =
        vec![("first page".into(), CodeQuery::default(), None)];
    for typed in 1..=4 {
        let search = middle[..typed].to_string();
        let query = CodeQuery {
            search: search.clone(),
            ..Default::default()
        };
        cases.push((format!("search \"{search}\""), query, None));
    }
    cases.push((
        "page at 90 % (keyset)".into(),
        CodeQuery::default(),
        Some(CodeId(deep)),
    ));

    for (what, query, after) in cases {
        let mut core = Vec::with_capacity(RUNS);
        let mut rows = 0;
        for _ in 0..RUNS {
            let start = Instant::now();
            let page = desk.code_page(p, &query, after, PAGE).await?;
            core.push(start.elapsed());
            rows = page.codes.len();
        }
        let text = query.search_text();
        let like = (!text.is_empty()).then_some(text.as_str());
        let mut raw = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let start = Instant::now();
            let n = raw_page(&mut conn, partner, like, after.map_or(i64::MAX, |a| a.0)).await?;
            raw.push(start.elapsed());
            std::hint::black_box(n);
        }
        report(&what, spread(core), spread(raw), rows);
    }

    let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(
        "EXPLAIN QUERY PLAN SELECT id FROM referral_codes WHERE partner_id = $1 AND id < $2
         ORDER BY id DESC LIMIT 201",
    )
    .bind(partner)
    .bind(i64::MAX)
    .fetch_all(&mut conn)
    .await?;
    for (.., detail) in plan {
        println!("plan of a page: {detail}");
    }
    desk.close().await;
    Ok(())
}
