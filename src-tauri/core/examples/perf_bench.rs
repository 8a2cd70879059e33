//! Issue 20's table: each domain operation on a generated database (`bench_data`), beside a
//! raw baseline measured on the same file in the same run (the same query or write with
//! plain sqlx, or the PDF library alone), with their ratio and the target.
//!
//! `cargo run --release -p partnerdesk-core --example perf_bench -- DIR [RUNS] [lookups]`
//! (`lookups`: the two lookup rows alone, for a profile under `perf record`).
//!
//! The file in DIR is copied to a scratch folder first, so the writes measured here never
//! change the generated file the next run reads.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{Datelike, Days, Months};
use partnerdesk_core::backups::BackupReason;
use partnerdesk_core::codes::{CodeId, LookupOutcome};
use partnerdesk_core::ledger::{LogOutcome, RedemptionInput, DEFAULT_TILL};
use partnerdesk_core::partners::PartnerQuery;
use partnerdesk_core::testing::PdfFile;
use partnerdesk_core::{Actor, Desk};
use sqlx::sqlite::{SqliteConnectOptions, SqliteSynchronous};
use sqlx::{Connection, Row, SqliteConnection};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// p50 and p99 of a set of timings.
#[derive(Clone, Copy)]
struct Stats {
    p50: Duration,
    p99: Duration,
    runs: usize,
}

impl Stats {
    fn of(mut times: Vec<Duration>) -> Stats {
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        Stats {
            p50: at(0.5),
            p99: at(0.99),
            runs: times.len(),
        }
    }
}

struct Line {
    what: String,
    domain: Stats,
    raw: Stats,
    target: &'static str,
    /// Whether the target holds, as the target reads.
    met: bool,
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.3} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

async fn timed<T>(runs: usize, mut f: impl AsyncFnMut(usize) -> Res<T>) -> Res<Stats> {
    // A few untimed first: the first reads of a page come from the disk, not the cache.
    // Numbered after the timed ones, so a write keyed by its number is never a replay.
    for i in 0..runs.min(5) {
        f(runs + i).await?;
    }
    let mut times = Vec::with_capacity(runs);
    for i in 0..runs {
        let start = Instant::now();
        f(i).await?;
        times.push(start.elapsed());
    }
    Ok(Stats::of(times))
}

/// The same file, read and written with plain sqlx.
async fn raw(path: &Path) -> Res<SqliteConnection> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .synchronous(SqliteSynchronous::Full)
        .pragma("journal_mode", "WAL")
        .busy_timeout(Duration::from_secs(10));
    Ok(SqliteConnection::connect_with(&options).await?)
}

/// As a card prints a code: its prefix, then groups of four.
fn printed(prefix: &str, code: &str) -> String {
    let groups: Vec<String> = code
        .as_bytes()
        .chunks(4)
        .map(|g| String::from_utf8_lossy(g).into_owned())
        .collect();
    if prefix.is_empty() {
        groups.join("-")
    } else {
        format!("{prefix}-{}", groups.join("-"))
    }
}

/// One slip a customer's card gets read out with: a symbol swapped for its neighbour in
/// the alphabet, inside the body.
fn slip(code: &str) -> String {
    let mut bytes = code.as_bytes().to_vec();
    let i = 2;
    bytes[i] = if bytes[i] == b'7' { b'8' } else { b'7' };
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The PDF library alone: `pages` pages of `lines` lines in a built-in font, no layout, no
/// embedded fonts, no pictures: the floor any document of that size stands on.
fn raw_pdf(pages: usize, lines: usize) -> Vec<u8> {
    use printpdf::{
        BuiltinFont, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem,
        TextMatrix,
    };
    let mut doc = PdfDocument::new("baseline");
    let pages = (0..pages)
        .map(|p| {
            let mut ops = Vec::new();
            for l in 0..lines {
                ops.extend([
                    Op::StartTextSection,
                    Op::SetFont {
                        font: PdfFontHandle::Builtin(BuiltinFont::Helvetica),
                        size: Pt(10.0),
                    },
                    Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(Pt(50.0), Pt(800.0 - 18.0 * l as f32)),
                    },
                    Op::ShowText {
                        items: vec![TextItem::Text(format!(
                            "Page {p} line {l}: the quick brown fox jumps over the lazy dog"
                        ))],
                    },
                    Op::EndTextSection,
                ]);
            }
            PdfPage::new(Mm(210.0), Mm(297.0), ops)
        })
        .collect();
    let mut warnings = Vec::new();
    doc.with_pages(pages)
        .save(&PdfSaveOptions::default(), &mut warnings)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Res<()> {
    let mut args = std::env::args().skip(1);
    let source = std::path::PathBuf::from(args.next().ok_or("usage: perf_bench DIR [RUNS]")?);
    let runs: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(200);
    let lookups_only = args.next().as_deref() == Some("lookups");
    let scratch = tempfile::tempdir()?;
    let copy_start = Instant::now();
    // The file and its write-ahead log: what the generator committed last may still be
    // only in the log, and the file alone would read as damaged.
    for name in ["partnerdesk.sqlite3", "partnerdesk.sqlite3-wal"] {
        if source.join(name).exists() {
            std::fs::copy(source.join(name), scratch.path().join(name))?;
        }
    }
    let copied = copy_start.elapsed();
    let file = scratch.path().join("partnerdesk.sqlite3");
    let size = std::fs::metadata(&file)?.len();
    let open_start = Instant::now();
    let desk = Desk::open(scratch.path()).await?;
    let opened = open_start.elapsed();
    let mut conn = raw(&file).await?;
    let count = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql);
    let redemptions = count("SELECT count(*) FROM redemptions")
        .fetch_one(&mut conn)
        .await?;
    let codes = count("SELECT count(*) FROM referral_codes")
        .fetch_one(&mut conn)
        .await?;
    let partners = count("SELECT count(*) FROM partners")
        .fetch_one(&mut conn)
        .await?;
    println!(
        "# {} — {redemptions} redemptions, {codes} codes, {partners} partners, {:.0} MB \
         (copied in {:.1} s, opened in {})\n",
        source.display(),
        size as f64 / 1e6,
        copied.as_secs_f64(),
        ms(opened)
    );
    // The totals balances and dashboards read, against the ledger summed afresh.
    let check_start = Instant::now();
    let mut checked = partnerdesk_core::store::Conn::sqlite_alone(raw(&file).await?);
    let drift = partnerdesk_core::store::totals::mismatches(&mut checked).await?;
    println!(
        "Partner totals against the ledger: {} ({}).\n",
        if drift.is_empty() {
            "they agree".to_string()
        } else {
            format!("{} differ, first {}", drift.len(), drift[0])
        },
        ms(check_start.elapsed())
    );
    if !drift.is_empty() {
        return Err("the partner totals disagree with the ledger".into());
    }
    let mut lines = Vec::new();

    // Codes as customers bring them: a sample spread over the whole table.
    let sample: Vec<(String, String)> = sqlx::query(
        "SELECT prefix, code FROM referral_codes WHERE id % (SELECT max(1, count(*) / $1) FROM referral_codes) = 0 LIMIT $1",
    )
    .bind(i64::try_from(runs)?)
    .fetch_all(&mut conn)
    .await?
    .iter()
    .map(|r| (r.get::<String, _>(0), r.get::<String, _>(1)))
    .collect();
    let n = sample.len();
    let raw_lookup = timed(runs, async |i| {
        let code = sample[i % n].1.clone();
        let conn = &mut conn;
        sqlx::query(
            "SELECT id, partner_id, redemption_limit, enabled FROM referral_codes WHERE code = $1",
        )
        .bind(code)
        .fetch_optional(conn)
        .await?;
        Ok(())
    })
    .await?;
    let valid = timed(runs, async |i| {
        let typed = printed(&sample[i % n].0, &sample[i % n].1);
        let desk = &desk;
        Ok(desk.lookup_code(&typed).await?)
    })
    .await?;
    lines.push(Line {
        what: format!("code lookup, valid ({codes} codes)"),
        domain: valid,
        raw: raw_lookup,
        target: "p99 < 1 ms and ≤ 3× raw",
        met: valid.p99 < Duration::from_millis(1) && ratio(valid.p99, raw_lookup.p99) <= 3.0,
    });
    let mut suggested = 0;
    let mistyped = {
        let mut times = Vec::with_capacity(runs);
        for i in 0..runs {
            let typed = printed(&sample[i % n].0, &slip(&sample[i % n].1));
            let start = Instant::now();
            let answer = desk.lookup_code(&typed).await?;
            times.push(start.elapsed());
            if matches!(
                answer,
                LookupOutcome::Mistyped {
                    suggestion: Some(_),
                    ..
                }
            ) {
                suggested += 1;
            }
        }
        Stats::of(times)
    };
    lines.push(Line {
        what: format!("code lookup, mistyped with suggestion ({suggested} of {runs} suggested)"),
        domain: mistyped,
        raw: raw_lookup,
        target: "p99 < 1 ms and ≤ 3× raw",
        met: mistyped.p99 < Duration::from_millis(1) && ratio(mistyped.p99, raw_lookup.p99) <= 3.0,
    });

    if lookups_only {
        print_table(&lines);
        return Ok(());
    }

    // Logging at the counter, synchronous=FULL, beside one raw row and its audit row.
    let poster: (String, String) = sqlx::query_as(
        "SELECT prefix, code FROM referral_codes WHERE redemption_limit IS NULL ORDER BY id LIMIT 1",
    )
    .fetch_one(&mut conn)
    .await?;
    let poster = printed(&poster.0, &poster.1);
    let actor = Actor::system();
    let logging = timed(runs, async |i| {
        let input = RedemptionInput {
            idempotency_key: format!("perf-bench-{i:06}"),
            code: poster.clone(),
            sale: "12.40".into(),
            new_customer: i % 3 == 0,
            note: String::new(),
            confirmed_large: false,
        };
        let (desk, actor) = (&desk, &actor);
        match desk.log_redemption(&input, DEFAULT_TILL, actor).await? {
            LogOutcome::Logged { .. } => Ok(()),
            LogOutcome::Refused { outcome } => Err(format!("refused: {outcome:?}").into()),
        }
    })
    .await?;
    let raw_logging = timed(runs, async |i| {
        let conn = &mut conn;
        let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO redemptions (idempotency_key, code_id, partner_id, agreement_version_id,
                 redeemed_at, local_day, currency, sale_minor, discount_minor, commission_minor,
                 offer_applied, new_customer, note, till, logged_by)
             SELECT $1, code_id, partner_id, agreement_version_id, redeemed_at, local_day,
                 currency, sale_minor, discount_minor, commission_minor, offer_applied,
                 new_customer, '', till, logged_by
             FROM redemptions WHERE idempotency_key = 'perf-bench-000000'
             RETURNING id",
        )
        .bind(format!("perf-raw-{i:06}"))
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO audit_log (at, actor, entity, entity_id, action, after_json)
             VALUES (unixepoch() * 1000, 'system', 'redemption', $1, 'log', '{}')",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    })
    .await?;
    lines.push(Line {
        what: "logging a redemption, synchronous=FULL".into(),
        domain: logging,
        raw: raw_logging,
        target: "p99 ≤ 2× raw FULL insert + audit row",
        met: ratio(logging.p99, raw_logging.p99) <= 2.0,
    });

    // The dashboard for a year and for five, beside a raw count and sum over the same days.
    let today = desk.clock().today();
    let few = (runs / 20).max(5);
    for years in [1, 5] {
        let from = today
            .with_day(1)
            .unwrap_or(today)
            .checked_sub_months(Months::new(12 * years - 1))
            .unwrap_or(today);
        let to = today;
        let domain = timed(few, async |_| {
            let desk = &desk;
            Ok(desk.dashboard((from, to)).await?)
        })
        .await?;
        let raw_sum = timed(few, async |_| {
            let conn = &mut conn;
            sqlx::query("SELECT count(*), sum(sale_minor), sum(commission_minor) FROM redemptions WHERE local_day BETWEEN $1 AND $2")
                .bind(from.to_string())
                .bind(to.to_string())
                .fetch_one(conn)
                .await?;
            Ok(())
        })
        .await?;
        lines.push(Line {
            what: format!(
                "dashboard, {years} year{}",
                if years == 1 { "" } else { "s" }
            ),
            domain,
            raw: raw_sum,
            target: "< 300 ms",
            met: domain.p99 < Duration::from_millis(300),
        });
    }

    // The busiest partner's last whole month: its statement, data and PDF.
    let busiest: i64 = sqlx::query_scalar(
        "SELECT partner_id FROM redemptions GROUP BY partner_id ORDER BY count(*) DESC LIMIT 1",
    )
    .fetch_one(&mut conn)
    .await?;
    let month_to = today.with_day(1).unwrap_or(today) - Days::new(1);
    let month_from = month_to.with_day(1).unwrap_or(month_to);
    let partner = partnerdesk_core::partners::PartnerId(busiest);
    let statement = timed(few, async |_| {
        let desk = &desk;
        Ok(desk
            .statement_pdf(partner, (month_from, month_to), None)
            .await?)
    })
    .await?;
    let raw_rows = timed(few, async |_| {
        let conn = &mut conn;
        sqlx::query(
            "SELECT * FROM redemptions WHERE partner_id = $1 AND local_day BETWEEN $2 AND $3",
        )
        .bind(busiest)
        .bind(month_from.to_string())
        .bind(month_to.to_string())
        .fetch_all(conn)
        .await?;
        Ok(())
    })
    .await?;
    let in_month: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM redemptions WHERE partner_id = $1 AND local_day BETWEEN $2 AND $3",
    )
    .bind(busiest)
    .bind(month_from.to_string())
    .bind(month_to.to_string())
    .fetch_one(&mut conn)
    .await?;
    lines.push(Line {
        what: format!("a partner's month statement, data and PDF ({in_month} redemptions)"),
        domain: statement,
        raw: raw_rows,
        target: "< 200 ms",
        met: statement.p99 < Duration::from_millis(200),
    });

    // Documents: a signed agreement, a sheet of 200 cards.
    let version: i64 = sqlx::query_scalar("SELECT id FROM agreement_versions ORDER BY id LIMIT 1")
        .fetch_one(&mut conn)
        .await?;
    let version = partnerdesk_core::terms::AgreementVersionId(version);
    let agreement = timed(few, async |_| {
        let desk = &desk;
        Ok(desk.agreement_pdf(version, None).await?)
    })
    .await?;
    let pages = PdfFile::write(
        "perf-agreement.pdf",
        &desk.agreement_pdf(version, None).await?.bytes,
    )
    .pages();
    let raw_two = timed(few, async |_| Ok(raw_pdf(pages.max(1), 40))).await?;
    lines.push(Line {
        what: format!("agreement PDF ({pages} pages)"),
        domain: agreement,
        raw: raw_two,
        target: "< 50 ms",
        met: agreement.p99 < Duration::from_millis(50),
    });
    let cards: Vec<CodeId> = sqlx::query_scalar(
        "SELECT id FROM referral_codes WHERE partner_id = $1 AND redemption_limit = 1 LIMIT 200",
    )
    .bind(busiest)
    .fetch_all(&mut conn)
    .await?
    .into_iter()
    .map(CodeId)
    .collect();
    let sheet = timed(few, async |_| {
        let (desk, cards) = (&desk, &cards);
        Ok(desk.card_sheet_pdf(cards, None).await?)
    })
    .await?;
    let sheet_pages = PdfFile::write(
        "perf-cards.pdf",
        &desk.card_sheet_pdf(&cards, None).await?.bytes,
    )
    .pages();
    let raw_sheet = timed(few, async |_| Ok(raw_pdf(sheet_pages.max(1), 20))).await?;
    lines.push(Line {
        what: format!("{}-card sheet ({sheet_pages} pages)", cards.len()),
        domain: sheet,
        raw: raw_sheet,
        target: "< 500 ms",
        met: sheet.p99 < Duration::from_millis(500),
    });

    // Lists the owner scrolls.
    let listing = timed(few, async |_| {
        let desk = &desk;
        Ok(desk.partner_listings(&PartnerQuery::default()).await?)
    })
    .await?;
    let raw_partners = timed(few, async |_| {
        let conn = &mut conn;
        sqlx::query("SELECT id, name, status FROM partners ORDER BY name")
            .fetch_all(conn)
            .await?;
        Ok(())
    })
    .await?;
    lines.push(Line {
        what: format!("partner list ({partners} partners, with this month's figures)"),
        domain: listing,
        raw: raw_partners,
        target: "< 50 ms",
        met: listing.p99 < Duration::from_millis(50),
    });

    // A verified backup of the whole file, beside a bare VACUUM INTO.
    let backup = timed(1, async |_| {
        let desk = &desk;
        Ok(desk.back_up(BackupReason::Manual).await?)
    })
    .await?;
    let raw_vacuum = timed(1, async |i| {
        let to = scratch.path().join(format!("raw-vacuum-{i}.sqlite3"));
        sqlx::query("VACUUM INTO $1")
            .bind(to.to_string_lossy().into_owned())
            .execute(&mut conn)
            .await?;
        Ok(())
    })
    .await?;
    lines.push(Line {
        what: format!("verified backup of the {:.0} MB file", size as f64 / 1e6),
        domain: backup,
        raw: raw_vacuum,
        target: "report",
        met: true,
    });

    print_table(&lines);
    println!(
        "\nRuns: {} per lookup and logging row, {} per dashboard, statement, document and list \
         row, 1 backup; the first five of each untimed.",
        lines[0].domain.runs, few
    );
    Ok(())
}

fn print_table(lines: &[Line]) {
    println!("| what | domain p50 | domain p99 | raw p50 | raw p99 | ratio (p99) | target | |");
    println!("|---|---|---|---|---|---|---|---|");
    for l in lines {
        println!(
            "| {} | {} | {} | {} | {} | {:.2}× | {} | {} |",
            l.what,
            ms(l.domain.p50),
            ms(l.domain.p99),
            ms(l.raw.p50),
            ms(l.raw.p99),
            ratio(l.domain.p99, l.raw.p99),
            l.target,
            if l.met { "met" } else { "**missed**" }
        );
    }
}
