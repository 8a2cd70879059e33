//! Names for generated partners, their trades and contacts: plain, unique, and with the
//! accents real shop names carry, so a benchmark folds and sorts what a shop would.

const FIRST: [&str; 20] = [
    "Crumb & Co.",
    "Green Leaf",
    "Ørsted",
    "Paper Moon",
    "Señora Núñez",
    "Łódź",
    "Müller",
    "Corner",
    "Blue Door",
    "Riverside",
    "Old Mill",
    "Market Hall",
    "Bridge Street",
    "Saint-Étienne",
    "Hazel",
    "Copper Kettle",
    "North Star",
    "Quayside",
    "Little Fox",
    "Juniper",
];

const TRADES: [(&str, &str); 10] = [
    ("Bakery", "Bakery"),
    ("Florist", "Florist"),
    ("Cycle Works", "Bike repair"),
    ("Books", "Bookshop"),
    ("Yoga", "Fitness"),
    ("Deli", "Delicatessen"),
    ("Barbers", "Hair"),
    ("Hardware", "Hardware"),
    ("Gallery", "Arts"),
    ("Laundry", "Services"),
];

const PEOPLE: [&str; 12] = [
    "Anna Kowalska",
    "Sam Okafor",
    "Mette Ørsted",
    "Jules Martin",
    "Lucía Núñez",
    "Piotr Zieliński",
    "Aoife Byrne",
    "Kemal Yıldız",
    "Chloé Lefèvre",
    "Tomás Ruiz",
    "Ingrid Sæther",
    "Ravi Patel",
];

/// The `i`th partner's name: unique for any `i`.
pub(super) fn partner_name(i: usize) -> String {
    let first = FIRST[i % FIRST.len()];
    let trade = TRADES[(i / FIRST.len()) % TRADES.len()].0;
    let round = i / (FIRST.len() * TRADES.len());
    if round == 0 {
        format!("{first} {trade}")
    } else {
        format!("{first} {trade} {}", round + 1)
    }
}

/// The `i`th partner's category, matching its name's trade.
pub(super) fn category(i: usize) -> &'static str {
    TRADES[(i / FIRST.len()) % TRADES.len()].1
}

pub(super) fn contact(i: usize) -> String {
    PEOPLE[i % PEOPLE.len()].to_string()
}

/// Each of `n` partners' share of the trade, in millionths, busiest first: a few partners
/// send most customers, as in any real programme (Zipf, exponent 0.8).
pub(super) fn zipf_weights(n: usize) -> Vec<u64> {
    let raw: Vec<f64> = (1..=n).map(|k| 1.0 / (k as f64).powf(0.8)).collect();
    let sum: f64 = raw.iter().sum();
    // Weights for drawing partners, never money: a float is fine here.
    raw.iter()
        .map(|w| ((w / sum) * 1_000_000.0).round().max(1.0) as u64)
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    #[test]
    fn two_hundred_partners_have_two_hundred_names() {
        let names: HashSet<_> = (0..200).map(super::partner_name).collect();
        assert_eq!(names.len(), 200);
        let many: HashSet<_> = (0..1000).map(super::partner_name).collect();
        assert_eq!(many.len(), 1000);
    }

    #[test]
    fn the_busiest_partner_brings_the_most() {
        let w = super::zipf_weights(200);
        assert!(w.windows(2).all(|p| p[0] >= p[1]));
        let sum: u64 = w.iter().sum();
        assert!((999_000..=1_001_000).contains(&sum), "{sum}");
    }
}
