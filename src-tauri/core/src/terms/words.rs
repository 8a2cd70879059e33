//! Terms in plain words, as the agreement prints them and the form previews them.

use super::{Offer, PayoutMethod, Percent, Reward, Terms};
use crate::money::{format, Money};
use crate::text::long_date;

/// A percentage as printed: `10 %`, `12.5 %` (decimal comma outside English locales).
pub fn percent(p: Percent, locale: &str) -> String {
    let text = p.to_input();
    let text = if locale.starts_with("en-") {
        text
    } else {
        text.replace('.', ",")
    };
    format!("{text} %")
}

/// `1 December 2026 – 30 November 2027`, or `… – open-ended`.
pub fn effective(terms: &Terms) -> String {
    let to = terms
        .effective_to
        .map_or_else(|| "open-ended".to_string(), long_date);
    format!("{} – {to}", long_date(terms.effective_from))
}

/// The customer's offer in a few words for the counter: `10 % off, min €5.00`.
pub fn offer_words(terms: &Terms, locale: &str) -> String {
    let offer = match &terms.offer {
        Offer::None => "No discount".to_string(),
        Offer::PercentOff(p) => format!("{} off", percent(*p, locale)),
        Offer::AmountOff(m) => format!("{} off", format(*m, locale)),
        Offer::FreeItem(item) => format!("Free {item}"),
    };
    let offer = match terms.min_sale.filter(|m| m.minor > 0) {
        Some(min) => format!("{offer}, min {}", format(min, locale)),
        None => offer,
    };
    if terms.new_customers_only {
        format!("{offer}, new customers only")
    } else {
        offer
    }
}

/// The walk-in limits as the agreement's rows say them: "At most 20 a day", "New customers
/// only"; each empty when the terms set none.
pub(super) fn limit_words(terms: &Terms) -> (String, String) {
    let per_day = terms
        .daily_limit
        .map(|n| format!("At most {n} a day"))
        .unwrap_or_default();
    let who = if terms.new_customers_only {
        "New customers only".to_string()
    } else {
        String::new()
    };
    (per_day, who)
}

/// The walk-in limits in a sentence or two for the summary: "At most 20 customers a day.
/// New customers only."; empty when the terms set none.
fn limit_sentences(terms: &Terms) -> String {
    let per_day = terms.daily_limit.map(|n| match n {
        1 => "At most 1 customer a day.".to_string(),
        n => format!("At most {n} customers a day."),
    });
    let who = terms
        .new_customers_only
        .then(|| "New customers only.".to_string());
    [per_day, who]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The offer and the reward in two sentences, e.g. "Customers you refer get 10 % off
/// purchases of €5.00 or more. You earn 8 % of each such sale, up to €150.00 a month, paid
/// monthly by bank transfer."
pub fn summary(terms: &Terms, locale: &str) -> String {
    let (offer, reward) = sentences(terms, locale);
    if terms.reciprocal {
        format!(
            "{offer} {reward} It runs both ways: customers we send you get the same offer from \
             you, and you pay us the same reward."
        )
    } else {
        format!("{offer} {reward}")
    }
}

/// What the partner earns, in one sentence: "You earn 8 % of each such sale, …".
pub fn reward_sentence(terms: &Terms, locale: &str) -> String {
    sentences(terms, locale).1
}

/// The offer's sentence and the reward's.
fn sentences(terms: &Terms, locale: &str) -> (String, String) {
    let money = |m: Money| format(m, locale);
    let threshold = terms.min_sale.filter(|m| m.minor > 0);
    let purchases = match threshold {
        Some(min) => format!("purchases of {} or more", money(min)),
        None => "any purchase".to_string(),
    };
    let offer = match &terms.offer {
        Offer::None => "Customers you refer get no special offer.".to_string(),
        Offer::PercentOff(p) => format!(
            "Customers you refer get {} off {purchases}.",
            percent(*p, locale)
        ),
        Offer::AmountOff(m) => format!("Customers you refer get {} off {purchases}.", money(*m)),
        Offer::FreeItem(item) => {
            let with = if threshold.is_some() {
                purchases.clone()
            } else {
                "any purchase".into()
            };
            format!("Customers you refer get a free {item} with {with}.")
        }
    };
    let each = if terms.offer == Offer::None && threshold.is_none() && !terms.new_customers_only {
        "each sale to a customer you refer"
    } else {
        "each such sale"
    };
    let cap = terms
        .monthly_cap
        .map(|c| format!(", up to {} a month", money(c)))
        .unwrap_or_default();
    let method = match terms.payout_method {
        PayoutMethod::Other => format!("by {}", terms.payout_method_other),
        other => other.label().to_string(),
    };
    let paid = format!("paid {} {method}", terms.payout_cadence.label());
    let reward = match &terms.reward {
        Reward::None => "You earn no commission.".to_string(),
        Reward::PercentOfSale {
            percent: p,
            on_gross,
        } => {
            let gross = if *on_gross {
                " (before the customer's discount)"
            } else {
                ""
            };
            format!(
                "You earn {} of {each}{gross}{cap}, {paid}.",
                percent(*p, locale)
            )
        }
        Reward::FixedPerRedemption(m) => format!("You earn {} for {each}{cap}, {paid}.", money(*m)),
    };
    // Who gets the offer, and how many a day, belong with the offer, before the reward.
    let limits = limit_sentences(terms);
    let offer = if limits.is_empty() {
        offer
    } else {
        format!("{offer} {limits}")
    };
    (offer, reward)
}

#[cfg(test)]
mod tests {
    use super::super::TermsInput;
    use super::*;
    use chrono::NaiveDate;
    use iso_currency::Currency;

    fn terms(edit: impl FnOnce(&mut TermsInput)) -> Terms {
        let mut input = TermsInput::blank(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        edit(&mut input);
        input.validate(Currency::EUR).unwrap()
    }

    #[test]
    fn summary_reads_like_the_issue_example() {
        let t = terms(|i| {
            i.offer_percent = "10".into();
            i.min_sale = "5".into();
            i.reward_percent = "8".into();
            i.monthly_cap = "150".into();
        });
        assert_eq!(
            summary(&t, "en-IE"),
            "Customers you refer get 10 % off purchases of €5.00 or more. You earn 8 % of each \
             such sale, up to €150.00 a month, paid monthly by bank transfer."
        );
    }

    #[test]
    fn reciprocal_terms_say_they_run_both_ways() {
        let t = terms(|i| {
            i.offer_percent = "10".into();
            i.reward_percent = "8".into();
            i.reciprocal = true;
        });
        assert!(summary(&t, "en-IE").ends_with(
            "It runs both ways: customers we send you get the same offer from you, and you pay \
             us the same reward."
        ));
    }

    #[test]
    fn summary_covers_fixed_amounts_free_items_and_other_methods() {
        let t = terms(|i| {
            i.offer_kind = super::super::OfferKind::FreeItem;
            i.offer_item = "croissant".into();
            i.reward_kind = super::super::RewardKind::FixedPerRedemption;
            i.reward_amount = "1,5".into();
            i.payout_cadence = super::super::PayoutCadence::Quarterly;
            i.payout_method = PayoutMethod::Other;
            i.payout_method_other = "voucher".into();
        });
        assert_eq!(
            summary(&t, "de-DE"),
            "Customers you refer get a free croissant with any purchase. You earn 1,50\u{a0}€ for \
             each such sale, paid quarterly by voucher."
        );
    }

    #[test]
    fn walk_in_limits_follow_the_offer() {
        let t = terms(|i| {
            i.offer_percent = "10".into();
            i.reward_percent = "8".into();
            i.daily_limit = "20".into();
            i.new_customers_only = true;
        });
        assert_eq!(
            summary(&t, "en-IE"),
            "Customers you refer get 10 % off any purchase. At most 20 customers a day. New \
             customers only. You earn 8 % of each such sale, paid monthly by bank transfer."
        );
        assert_eq!(offer_words(&t, "en-IE"), "10 % off, new customers only");
        let one = terms(|i| i.daily_limit = "1".into());
        assert!(summary(&one, "en-IE").contains(" At most 1 customer a day. You earn"));
    }

    #[test]
    fn effective_period_in_words() {
        let t = terms(|i| i.effective_to = "2027-11-30".into());
        assert_eq!(effective(&t), "1 December 2026 – 30 November 2027");
        assert_eq!(effective(&terms(|_| {})), "1 December 2026 – open-ended");
    }
}
