//! What a sale gives the customer and earns the partner under a version's terms.

use super::{Offer, Reward, Terms};
use crate::money::Money;

/// A sale split by the terms: the customer's discount and the partner's commission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaleSplit {
    pub discount: Money,
    pub commission: Money,
    /// False when the terms give this sale nothing (no discount and no commission): it is
    /// below the minimum, or the offer is for new customers and this one is not.
    pub offer_applies: bool,
    /// True when the sale is below the offer's minimum (so there is nothing to redeem).
    pub below_minimum: bool,
    /// True when the monthly cap cut the commission.
    pub capped: bool,
}

impl Terms {
    /// Splits `sale` (in the terms' currency) to a customer who is `new_customer` or not.
    /// `earned_this_month` is the commission already earned in the sale's calendar month, so
    /// the cap holds across redemptions.
    /// Never negative; the discount never exceeds the sale, nor the commission the amount it
    /// is computed on; percentages round half-even to the minor unit.
    pub fn split_sale(
        &self,
        sale: Money,
        earned_this_month: Money,
        new_customer: bool,
    ) -> SaleSplit {
        let zero = Money::zero(self.currency);
        let sale_minor = sale.minor.max(0);
        // A returning customer under new-customers-only terms is a sale like any other: the
        // partner earns for bringing new ones, so nothing is given and nothing earned, at any
        // amount (the minimum does not come into it).
        let returning = self.new_customers_only && !new_customer;
        let below_minimum = !returning && self.min_sale.is_some_and(|min| sale_minor < min.minor);
        if returning || below_minimum {
            return SaleSplit {
                discount: zero,
                commission: zero,
                offer_applies: false,
                below_minimum,
                capped: false,
            };
        }
        let discount_minor = match &self.offer {
            Offer::None | Offer::FreeItem(_) => 0,
            Offer::PercentOff(p) => self.share(sale_minor, p.fraction()),
            Offer::AmountOff(amount) => amount.minor.min(sale_minor),
        }
        .clamp(0, sale_minor);
        let net = sale_minor - discount_minor;
        let base = match self.reward {
            Reward::PercentOfSale { on_gross: true, .. } => sale_minor,
            _ => net,
        };
        let uncapped = match &self.reward {
            Reward::None => 0,
            Reward::PercentOfSale { percent, .. } => self.share(base, percent.fraction()),
            Reward::FixedPerRedemption(amount) => amount.minor,
        }
        .clamp(0, base);
        let room = self
            .monthly_cap
            .map(|cap| (cap.minor - earned_this_month.minor).max(0));
        let commission_minor = room.map_or(uncapped, |room| uncapped.min(room));
        SaleSplit {
            discount: Money::new(discount_minor, self.currency),
            commission: Money::new(commission_minor, self.currency),
            offer_applies: true,
            below_minimum: false,
            capped: commission_minor < uncapped,
        }
    }

    /// `fraction` of `minor` units, rounded half-even to the minor unit.
    fn share(&self, minor: i64, fraction: rust_decimal::Decimal) -> i64 {
        let amount = Money::new(minor, self.currency).to_decimal() * fraction;
        Money::from_decimal(amount, self.currency).map_or(0, |m| m.minor)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{PartnershipModel, PayoutCadence, PayoutMethod, Percent};
    use super::*;
    use chrono::NaiveDate;
    use iso_currency::Currency;
    use proptest::prelude::*;

    fn eur(minor: i64) -> Money {
        Money::new(minor, Currency::EUR)
    }

    fn terms(offer: Offer, reward: Reward) -> Terms {
        Terms {
            currency: Currency::EUR,
            model: PartnershipModel::Referral,
            effective_from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            effective_to: None,
            offer,
            min_sale: None,
            reward,
            monthly_cap: None,
            payout_cadence: PayoutCadence::Monthly,
            payout_method: PayoutMethod::BankTransfer,
            payout_method_other: String::new(),
            clauses: vec![],
            notes: String::new(),
            reciprocal: false,
            daily_limit: None,
            new_customers_only: false,
        }
    }

    fn pct(hundredths: i64) -> Percent {
        Percent(hundredths)
    }

    #[test]
    fn reward_is_on_the_amount_after_discount_unless_the_terms_say_gross() {
        let mut t = terms(
            Offer::PercentOff(pct(1000)),
            Reward::PercentOfSale {
                percent: pct(800),
                on_gross: false,
            },
        );
        let split = t.split_sale(eur(2000), eur(0), true);
        assert_eq!((split.discount, split.commission), (eur(200), eur(144)));
        t.reward = Reward::PercentOfSale {
            percent: pct(800),
            on_gross: true,
        };
        assert_eq!(t.split_sale(eur(2000), eur(0), true).commission, eur(160));
    }

    #[test]
    fn awkward_amounts_round_half_even_to_the_cent() {
        let t = terms(
            Offer::PercentOff(pct(1250)),
            Reward::PercentOfSale {
                percent: pct(333),
                on_gross: false,
            },
        );
        // 12.5 % of €0.99 = 0.12375 → €0.12; net €0.87 × 3.33 % = 0.028971 → €0.03.
        let split = t.split_sale(eur(99), eur(0), true);
        assert_eq!((split.discount, split.commission), (eur(12), eur(3)));
        // 10 % of €0.25 = 0.025 → €0.02 (half to even), of €0.35 = 0.035 → €0.04.
        let t = terms(Offer::PercentOff(pct(1000)), Reward::None);
        assert_eq!(t.split_sale(eur(25), eur(0), true).discount, eur(2));
        assert_eq!(t.split_sale(eur(35), eur(0), true).discount, eur(4));
    }

    #[test]
    fn sales_below_the_minimum_get_no_offer_and_earn_nothing() {
        let mut t = terms(
            Offer::PercentOff(pct(1000)),
            Reward::FixedPerRedemption(eur(100)),
        );
        t.min_sale = Some(eur(500));
        let split = t.split_sale(eur(499), eur(0), true);
        assert!(!split.offer_applies);
        assert_eq!((split.discount, split.commission), (eur(0), eur(0)));
        assert_eq!(t.split_sale(eur(500), eur(0), true).discount, eur(50));
    }

    #[test]
    fn new_customers_only_terms_give_a_returning_customer_nothing_at_any_amount() {
        let mut t = terms(
            Offer::PercentOff(pct(1000)),
            Reward::FixedPerRedemption(eur(100)),
        );
        t.new_customers_only = true;
        t.min_sale = Some(eur(500));
        let returning = t.split_sale(eur(100), eur(0), false);
        assert!(!returning.offer_applies && !returning.below_minimum);
        assert_eq!((returning.discount, returning.commission), (eur(0), eur(0)));
        let new = t.split_sale(eur(2000), eur(0), true);
        assert_eq!((new.discount, new.commission), (eur(200), eur(100)));
        assert!(t.split_sale(eur(100), eur(0), true).below_minimum);
    }

    #[test]
    fn the_monthly_cap_counts_what_was_already_earned() {
        let mut t = terms(Offer::None, Reward::FixedPerRedemption(eur(500)));
        t.monthly_cap = Some(eur(15000));
        assert_eq!(
            t.split_sale(eur(2000), eur(14800), true).commission,
            eur(200)
        );
        assert!(t.split_sale(eur(2000), eur(14800), true).capped);
        assert_eq!(t.split_sale(eur(2000), eur(15000), true).commission, eur(0));
        assert_eq!(t.split_sale(eur(2000), eur(16000), true).commission, eur(0));
    }

    #[test]
    fn fixed_amounts_never_exceed_the_sale() {
        let t = terms(
            Offer::AmountOff(eur(500)),
            Reward::FixedPerRedemption(eur(300)),
        );
        let split = t.split_sale(eur(350), eur(0), true);
        assert_eq!((split.discount, split.commission), (eur(350), eur(0)));
    }

    fn any_terms() -> impl Strategy<Value = Terms> {
        let offer = prop_oneof![
            Just(Offer::None),
            (0i64..=10000).prop_map(|p| Offer::PercentOff(Percent(p))),
            (0i64..100_000).prop_map(|m| Offer::AmountOff(eur(m))),
        ];
        let reward = prop_oneof![
            Just(Reward::None),
            ((0i64..=10000), any::<bool>()).prop_map(|(p, on_gross)| Reward::PercentOfSale {
                percent: Percent(p),
                on_gross
            }),
            (0i64..100_000).prop_map(|m| Reward::FixedPerRedemption(eur(m))),
        ];
        (
            offer,
            reward,
            proptest::option::of(0i64..50_000),
            proptest::option::of(0i64..20_000),
        )
            .prop_map(|(offer, reward, cap, min)| {
                let mut t = terms(offer, reward);
                t.monthly_cap = cap.map(eur);
                t.min_sale = min.map(eur);
                t
            })
    }

    proptest! {
        #[test]
        fn split_is_never_negative_nor_above_the_sale_and_respects_the_cap(
            t in any_terms(), sale in 0i64..10_000_000, earned in 0i64..100_000,
        ) {
            let split = t.split_sale(eur(sale), eur(earned), true);
            prop_assert!(split.discount.minor >= 0 && split.discount.minor <= sale);
            prop_assert!(split.commission.minor >= 0 && split.commission.minor <= sale);
            if let Some(cap) = t.monthly_cap {
                prop_assert!(split.commission.minor <= (cap.minor - earned).max(0));
            }
        }

        #[test]
        fn percent_discount_is_the_exact_half_even_rounding(p in 0i64..=10000, sale in 0i64..10_000_000) {
            let t = terms(Offer::PercentOff(Percent(p)), Reward::None);
            // Exact integer arithmetic: sale × p / 10000, rounded half to even.
            let (num, den) = (i128::from(sale) * i128::from(p), 10_000i128);
            let (q, r) = (num / den, num % den);
            let expected = if 2 * r > den || (2 * r == den && q % 2 == 1) { q + 1 } else { q };
            prop_assert_eq!(i128::from(t.split_sale(eur(sale), eur(0), true).discount.minor), expected);
        }
    }
}
