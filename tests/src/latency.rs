//! The counter's timing hook, read from the page: each lookup's sequence number and how long
//! the page took from Enter to painting its result (`data-seq`, `data-ms` on the result).

use std::time::Instant;

use crate::{ids, wait_timeout, App};

impl App {
    /// Waits for lookup number `seq`'s result; answers the milliseconds seen through
    /// WebDriver since `typed_at` (typing included) and those the page measured itself.
    pub fn counter_result(&self, seq: u64, typed_at: Instant) -> (u128, u64) {
        let script = &format!(
            "const r = document.querySelector('[data-testid=\"{}\"]');\
                      return r ? [Number(r.dataset.seq ?? 0), Number(r.dataset.ms ?? -1)] : [0, -1];",
            ids::counter::RESULT
        );
        loop {
            let got = self.execute(script, vec![]);
            let (shown, ms) = (got[0].as_u64().unwrap_or(0), got[1].as_i64().unwrap_or(-1));
            if shown >= seq && ms >= 0 {
                return (typed_at.elapsed().as_millis(), ms.unsigned_abs());
            }
            assert!(
                typed_at.elapsed() < wait_timeout(),
                "no result for lookup {seq}"
            );
        }
    }
}

/// The median, the 99th percentile and the worst of `values`.
pub fn median_p99_worst(mut values: Vec<u64>) -> (u64, u64, u64) {
    values.sort_unstable();
    let n = values.len();
    let p99 = values[((n * 99).div_ceil(100)).saturating_sub(1).min(n - 1)];
    (values[n / 2], p99, values[n - 1])
}
