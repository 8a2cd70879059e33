//! Statement files between two desks: the bakery's Partnerdesk writes its statement to us,
//! ours imports it as what the bakery owes us. The signature must verify, the first file
//! pins the bakery's key, another key is refused unless accepted, the same file counts
//! once, another currency is refused, and a newer format is refused.

use std::path::{Path, PathBuf};

use partnerdesk_core::codes::CodeOptions;
use partnerdesk_core::error::{StatementError, StatementFileError};
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::receivables::ReceivableSource;
use partnerdesk_core::statements::KeyStatus;
use partnerdesk_core::testing::{self, desk_with_profile, log_sale, month_of, start_day, TestDesk};
use partnerdesk_core::{Actor, Error};

/// A desk run by the bakery, with us ("Bean There Coffee") as its partner at 8 %, and our
/// customers' sales at its counter: €12.50 and €20.00, 10 % off.
async fn bakery_desk(currency: &str) -> (TestDesk, PartnerId) {
    let t = testing::empty_desk().await;
    let mut profile = testing::profile();
    profile.name = "Crumb & Co. Bakery".into();
    profile.currency = currency.into();
    t.save_profile(&profile, &Actor::owner())
        .await
        .expect("bakery profile");
    let mut terms = testing::terms();
    terms.reward_percent = "8".into();
    terms.reciprocal = true;
    let us = testing::signed_partner(&t, "Bean There Coffee", &terms).await;
    let code = t
        .issue_code(us, None, &CodeOptions::default(), &Actor::owner())
        .await
        .expect("code");
    log_sale(&t, "one", &code.printed, "12.50", true).await;
    log_sale(&t, "two", &code.printed, "20.00", false).await;
    (t, us)
}

/// Our desk, with the bakery as a partner.
async fn our_desk() -> (TestDesk, PartnerId) {
    let t = desk_with_profile().await;
    let bakery = testing::signed_partner(&t, "Crumb & Co. Bakery", &testing::terms()).await;
    (t, bakery)
}

/// The bakery's statement to us for this month, written into `dir`.
async fn statement_from(bakery: &TestDesk, us: PartnerId, dir: &Path) -> PathBuf {
    let files = bakery
        .statement_files(us, month_of(start_day()), None, &Actor::owner())
        .await
        .expect("files");
    assert!(files.pdf.file_name.ends_with(".pdf"));
    let path = dir.join(&files.file.file_name);
    std::fs::write(&path, &files.file.bytes).expect("write");
    path
}

#[tokio::test]
async fn a_statement_written_by_one_desk_imports_into_the_other() {
    let (bakery, us) = bakery_desk("EUR").await;
    let (ours, crumb) = our_desk().await;
    let dir = tempfile::tempdir().expect("dir");
    let file = statement_from(&bakery, us, dir.path()).await;
    assert!(file
        .to_string_lossy()
        .ends_with(".partnerdesk-statement.json"));

    let preview = ours.preview_statement(&file).await.expect("preview");
    assert_eq!(preview.issuer_name, "Crumb & Co. Bakery");
    assert!(preview.addressed_to_us);
    assert_eq!(preview.key, KeyStatus::New);
    assert_eq!(
        preview.partner_id,
        Some(crumb),
        "found by the issuer's name"
    );
    assert_eq!(preview.lines.len(), 2);
    // 8 % of €11.25 and of €18.00: €0.90 + €1.44.
    assert_eq!(preview.totals.commissions, "€2.34");
    assert_eq!(
        preview.fingerprint,
        bakery.our_statement_key().await.expect("key")
    );

    let entered = ours
        .import_statement(&file, crumb, false, &Actor::owner())
        .await
        .expect("import");
    assert_eq!(entered.amount, "€2.34");
    assert_eq!(entered.customers, 2);
    assert_eq!(entered.source, ReceivableSource::StatementFile);
    let row = ours
        .month_end(month_of(start_day()))
        .await
        .expect("month-end");
    let row = row
        .rows
        .iter()
        .find(|r| r.partner_id == crumb)
        .expect("row");
    assert_eq!(row.they_owe, "€2.34");

    // The same file again is recognised and counted once.
    let again = ours
        .import_statement(&file, crumb, false, &Actor::owner())
        .await;
    assert!(matches!(
        again,
        Err(Error::Statement(StatementError::AlreadyImported { .. }))
    ));
    assert!(matches!(
        ours.preview_statement(&file).await,
        Err(Error::Statement(StatementError::AlreadyImported { .. }))
    ));
    assert_eq!(ours.receivables(crumb).await.expect("list").len(), 1);

    // A second file from the same desk is signed by the pinned key.
    bakery.time.advance(chrono::TimeDelta::minutes(5));
    let later_dir = tempfile::tempdir().expect("dir");
    let later = statement_from(&bakery, us, later_dir.path()).await;
    let preview = ours.preview_statement(&later).await.expect("preview");
    assert_eq!(preview.key, KeyStatus::Pinned);
}

#[tokio::test]
async fn a_tampered_line_is_refused_and_nothing_is_imported() {
    let (bakery, us) = bakery_desk("EUR").await;
    let (ours, crumb) = our_desk().await;
    let dir = tempfile::tempdir().expect("dir");
    let file = statement_from(&bakery, us, dir.path()).await;
    let text = std::fs::read_to_string(&file).expect("read");
    // Raise one commission and its total together, so only the signature can tell.
    let tampered = text
        .replacen("\"commissionMinor\": 90", "\"commissionMinor\": 990", 1)
        .replacen("\"commissionsMinor\": 234", "\"commissionsMinor\": 1134", 1);
    assert_ne!(tampered, text, "the file holds the lines the test edits");
    std::fs::write(&file, tampered).expect("write");
    let refused = ours
        .import_statement(&file, crumb, false, &Actor::owner())
        .await;
    assert!(
        matches!(
            refused,
            Err(Error::Statement(StatementError::File(
                StatementFileError::BadSignature
            )))
        ),
        "{refused:?}"
    );
    assert!(ours.receivables(crumb).await.expect("list").is_empty());
}

#[tokio::test]
async fn a_second_key_is_refused_unless_the_owner_accepts_it() {
    let (bakery, us) = bakery_desk("EUR").await;
    let (ours, crumb) = our_desk().await;
    let dir = tempfile::tempdir().expect("dir");
    let first = statement_from(&bakery, us, dir.path()).await;
    ours.import_statement(&first, crumb, false, &Actor::owner())
        .await
        .expect("first import pins the key");

    // The bakery reinstalled on a new computer: another desk, another key, a later month.
    let (moved, us_there) = bakery_desk("EUR").await;
    moved.time.advance(chrono::TimeDelta::days(31));
    let next_month = {
        let next = start_day() + chrono::Days::new(31);
        month_of(next)
    };
    let files = moved
        .statement_files(us_there, next_month, None, &Actor::owner())
        .await
        .expect("files");
    let second = dir.path().join("second.partnerdesk-statement.json");
    std::fs::write(&second, &files.file.bytes).expect("write");

    let preview = ours.preview_statement(&second).await.expect("preview");
    assert_eq!(preview.key, KeyStatus::Changed);
    assert_eq!(
        preview.pinned_fingerprint,
        Some(bakery.our_statement_key().await.expect("key"))
    );
    let refused = ours
        .import_statement(&second, crumb, false, &Actor::owner())
        .await;
    assert!(matches!(
        refused,
        Err(Error::Statement(StatementError::KeyChanged { .. }))
    ));
    ours.import_statement(&second, crumb, true, &Actor::owner())
        .await
        .expect("accepted explicitly");
    let third = ours.preview_statement(&first).await;
    assert!(matches!(
        third,
        Err(Error::Statement(StatementError::AlreadyImported { .. }))
    ));
    let pins = testing::audit_rows(&ours)
        .await
        .into_iter()
        .filter(|(_, _, what, _)| what == "partner_key:pin")
        .count();
    assert_eq!(
        pins, 2,
        "the first pin and the accepted key are both audited"
    );
}

#[tokio::test]
async fn a_statement_in_another_currency_is_refused() {
    let (bakery, us) = bakery_desk("USD").await;
    let (ours, crumb) = our_desk().await;
    let dir = tempfile::tempdir().expect("dir");
    let file = statement_from(&bakery, us, dir.path()).await;
    let refused = ours.preview_statement(&file).await;
    assert!(
        matches!(
            refused,
            Err(Error::Statement(StatementError::WrongCurrency { ref file, ref ours }))
                if file == "USD" && ours == "EUR"
        ),
        "{refused:?}"
    );
    let refused = ours
        .import_statement(&file, crumb, false, &Actor::owner())
        .await;
    assert!(matches!(
        refused,
        Err(Error::Statement(StatementError::WrongCurrency { .. }))
    ));
}

#[tokio::test]
async fn a_newer_format_version_is_refused_with_its_number() {
    let (bakery, us) = bakery_desk("EUR").await;
    let (ours, crumb) = our_desk().await;
    let dir = tempfile::tempdir().expect("dir");
    let file = statement_from(&bakery, us, dir.path()).await;
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replacen("\"version\": 1", "\"version\": 2", 1)).expect("write");
    let refused = ours
        .import_statement(&file, crumb, false, &Actor::owner())
        .await;
    assert!(
        matches!(
            refused,
            Err(Error::Statement(StatementError::File(
                StatementFileError::NewerVersion { version: 2 }
            )))
        ),
        "{refused:?}"
    );
}

#[tokio::test]
async fn our_key_survives_a_restored_copy_of_the_database() {
    if testing::on_server() {
        return; // Restores a copy of the SQLite file; a server's database has no file here.
    }
    let (bakery, _) = bakery_desk("EUR").await;
    let before = bakery.our_statement_key().await.expect("key");
    bakery.close().await;
    let copy = tempfile::tempdir().expect("dir");
    std::fs::copy(
        bakery.db_path(),
        copy.path().join(partnerdesk_core::store::DB_FILE_NAME),
    )
    .expect("copy");
    let moved = partnerdesk_core::Desk::open(copy.path())
        .await
        .expect("open copy");
    assert_eq!(moved.our_statement_key().await.expect("key"), before);
}

#[tokio::test]
async fn the_demo_bakery_statement_imports_on_the_demo() {
    let (t, bakery) = testing::demo_desk().await;
    let path = t.demo_statement_path().expect("path");
    let preview = t.preview_statement(&path).await.expect("preview");
    assert_eq!(preview.partner_id, Some(bakery));
    assert!(preview.addressed_to_us);
    t.import_statement(&path, bakery, false, &Actor::owner())
        .await
        .expect("import");
    let row = t.month_end(month_of(start_day())).await.expect("month-end");
    let row = row
        .rows
        .iter()
        .find(|r| r.partner_id == bakery)
        .expect("row");
    assert!(row.two_way);
    assert_ne!(row.they_owe, "€0.00");
}
