//! A partner's code list a page at a time (issue 20): pages walk every code once, newest
//! first; search, status, use and batch filters run in the store with their totals; and a
//! selection of "every code matching" switches and prints without listing its ids.

use partnerdesk_core::codes::{
    CodeId, CodeOptions, CodePage, CodeQuery, CodeSelection, CodeStatusFilter, CodeUseFilter,
    MatchingCodes, ReferralCode,
};
use partnerdesk_core::ledger::RedemptionInput;
use partnerdesk_core::partners::PartnerId;
use partnerdesk_core::testing::{self, desk_with_profile, signed_partner, TestDesk};
use partnerdesk_core::Actor;

async fn bakery(t: &TestDesk) -> PartnerId {
    signed_partner(t, "Crumb & Co. Bakery", &testing::terms()).await
}

async fn batch(t: &TestDesk, p: PartnerId, count: usize) -> Vec<ReferralCode> {
    let options = CodeOptions {
        with_prefix: true,
        redemption_limit: "1".into(),
        ..Default::default()
    };
    t.issue_batch(p, count, &options, &Actor::owner(), &mut |_, _| {})
        .await
        .expect("batch")
}

async fn page(t: &TestDesk, p: PartnerId, q: &CodeQuery, after: Option<CodeId>) -> CodePage {
    t.code_page(p, q, after, 200).await.expect("page")
}

/// Every page of `q`, walked with `next`.
async fn all_pages(t: &TestDesk, p: PartnerId, q: &CodeQuery) -> Vec<CodePage> {
    let mut pages = vec![page(t, p, q, None).await];
    while let Some(next) = pages.last().and_then(|pg| pg.next) {
        pages.push(page(t, p, q, Some(next)).await);
    }
    pages
}

fn ids(codes: &[ReferralCode]) -> Vec<CodeId> {
    codes.iter().map(|c| c.id).collect()
}

fn searching(text: &str) -> CodeQuery {
    CodeQuery {
        search: text.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn pages_walk_every_code_once_newest_first() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    batch(&t, p, 250).await;
    batch(&t, p, 200).await;
    // Another partner's codes never show.
    let other = signed_partner(&t, "Paper Moon Books", &testing::terms()).await;
    batch(&t, other, 30).await;

    let pages = all_pages(&t, p, &CodeQuery::default()).await;
    assert_eq!(
        pages.iter().map(|pg| pg.codes.len()).collect::<Vec<_>>(),
        [200, 200, 50]
    );
    assert!(pages.iter().all(|pg| pg.matching == 450 && pg.total == 450));
    let walked: Vec<CodeId> = pages.iter().flat_map(|pg| ids(&pg.codes)).collect();
    let listed = ids(&t.codes_for(p).await.unwrap());
    assert_eq!(
        walked, listed,
        "the pages together are the whole list, newest first"
    );
    assert!(walked.windows(2).all(|w| w[0] > w[1]));
}

#[tokio::test]
async fn a_code_issued_between_pages_neither_repeats_nor_skips_a_row() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let first_batch = batch(&t, p, 300).await;
    let first = page(&t, p, &CodeQuery::default(), None).await;
    batch(&t, p, 5).await;
    let second = page(&t, p, &CodeQuery::default(), first.next).await;
    assert_eq!(second.codes.len(), 100);
    assert_eq!(second.total, 305, "the totals are today's");
    let mut seen = ids(&first.codes);
    seen.extend(ids(&second.codes));
    let mut issued = ids(&first_batch);
    issued.reverse();
    assert_eq!(seen, issued);
}

#[tokio::test]
async fn an_empty_list_is_one_empty_last_page() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let only = page(&t, p, &CodeQuery::default(), None).await;
    assert!(only.codes.is_empty() && only.next.is_none());
    assert_eq!((only.matching, only.total), (0, 0));
}

#[tokio::test]
async fn search_finds_any_part_of_the_printed_code_however_typed() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let codes = batch(&t, p, 40).await;
    let plain = t
        .issue_code(p, None, &CodeOptions::default(), &Actor::owner())
        .await
        .unwrap();
    let wanted = &codes[7];
    // The body's middle, typed in lower case with the dash the card prints.
    let middle = wanted.printed["BAKERY-".len() + 2..].to_lowercase();
    let found = page(&t, p, &searching(&middle), None).await;
    assert!(
        found.codes.contains(wanted),
        "{middle} finds {}",
        wanted.printed
    );
    assert_eq!(found.matching, found.codes.len() as i64);
    assert_eq!(found.total, 41);

    // The prefix is part of what is printed; the code without one is not found by it.
    let by_prefix = page(&t, p, &searching("bakery-"), None).await;
    assert_eq!(by_prefix.matching, 40);
    assert!(!by_prefix.codes.contains(&plain));

    // A card read with O for 0 and L for 1 still finds its code.
    let look_alike = plain.code.replace('0', "o").replace('1', "l");
    let found = page(&t, p, &searching(&look_alike), None).await;
    assert_eq!(ids(&found.codes), [plain.id], "{look_alike}");

    let none = page(&t, p, &searching("UUUU"), None).await;
    assert!(none.codes.is_empty() && none.next.is_none());
    assert_eq!((none.matching, none.total), (0, 41));
}

#[tokio::test]
async fn status_use_and_batch_filters_count_every_match() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let old = batch(&t, p, 30).await;
    let new = batch(&t, p, 20).await;
    t.set_codes_enabled(&ids(&old[..4]), false, &Actor::owner())
        .await
        .unwrap();
    let sale = RedemptionInput {
        idempotency_key: "pages-used-once".into(),
        code: new[0].printed.clone(),
        sale: "20.00".into(),
        ..Default::default()
    };
    t.log_redemption(&sale, "Front till", &Actor::named("till"))
        .await
        .expect("logged");

    let with = |f: fn(&mut CodeQuery)| {
        let mut q = CodeQuery::default();
        f(&mut q);
        q
    };
    let disabled = page(
        &t,
        p,
        &with(|q| q.status = CodeStatusFilter::Disabled),
        None,
    )
    .await;
    assert_eq!(disabled.matching, 4);
    assert!(disabled.codes.iter().all(|c| !c.enabled));
    let enabled = page(&t, p, &with(|q| q.status = CodeStatusFilter::Enabled), None).await;
    assert_eq!((enabled.matching, enabled.total), (46, 50));

    let used_up = page(&t, p, &with(|q| q.uses = CodeUseFilter::UsedUp), None).await;
    assert_eq!(ids(&used_up.codes), [new[0].id]);
    let used = page(&t, p, &with(|q| q.uses = CodeUseFilter::Used), None).await;
    assert_eq!(used.matching, 1);
    let unused = page(&t, p, &with(|q| q.uses = CodeUseFilter::Unused), None).await;
    assert_eq!(unused.matching, 49);

    let labels = t.code_batches(p).await.unwrap();
    assert_eq!(labels.len(), 2);
    assert_eq!(
        Some(&labels[0]),
        new[0].batch.as_ref(),
        "newest batch first"
    );
    let q = CodeQuery {
        batch: old[0].batch.clone(),
        status: CodeStatusFilter::Enabled,
        ..Default::default()
    };
    let old_on = page(&t, p, &q, None).await;
    assert_eq!(old_on.matching, 26);
    assert!(old_on
        .codes
        .iter()
        .all(|c| c.batch == old[0].batch && c.enabled));
}

#[tokio::test]
async fn selecting_every_match_switches_them_bar_the_unticked_and_the_ticked_besides() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let old = batch(&t, p, 30).await;
    let new = batch(&t, p, 250).await;
    let selection = CodeSelection {
        // Ticked by hand under another filter.
        ids: vec![old[0].id],
        matching: Some(MatchingCodes {
            partner_id: p,
            query: CodeQuery {
                batch: new[0].batch.clone(),
                ..Default::default()
            },
            except: vec![new[3].id, new[249].id],
        }),
    };
    let mut expected: Vec<CodeId> = ids(&new)
        .into_iter()
        .filter(|id| *id != new[3].id && *id != new[249].id)
        .collect();
    expected.insert(0, old[0].id);
    assert_eq!(t.selected_codes(&selection).await.unwrap(), expected);

    let switched = t
        .set_selected_codes_enabled(&selection, false, &Actor::owner())
        .await
        .unwrap();
    assert_eq!(switched, 249);
    let off = CodeQuery {
        status: CodeStatusFilter::Disabled,
        ..Default::default()
    };
    let walked: Vec<CodeId> = all_pages(&t, p, &off)
        .await
        .iter()
        .flat_map(|pg| ids(&pg.codes))
        .rev()
        .collect();
    assert_eq!(walked, expected);
}

#[tokio::test]
async fn every_match_prints_as_one_sheet_oldest_first() {
    let t = desk_with_profile().await;
    let p = bakery(&t).await;
    let codes = batch(&t, p, 12).await;
    let selection = CodeSelection {
        ids: vec![],
        matching: Some(MatchingCodes {
            partner_id: p,
            query: CodeQuery::default(),
            except: vec![codes[0].id],
        }),
    };
    let pdf = t.selected_card_sheet_pdf(&selection, None).await.unwrap();
    assert_eq!(pdf.file_name, "Referral cards Crumb & Co. Bakery (11).pdf");
}
