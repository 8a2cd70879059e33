//! How long hashing and checking a PIN takes on this machine, with the parameters the app
//! stores (argon2id, 19 MiB, 2 passes, 1 lane). Run it in release, as the app ships:
//!
//! ```text
//! cargo run --release -p partnerdesk-core --example pin_timing [rounds]
//! ```
//!
//! It goes through the desk, as the lock screen does: adding a person hashes their PIN,
//! signing in verifies it (inside the write transaction that counts failures). Beside it, in
//! the same run, the raw baseline: the `argon2` crate alone hashing and verifying with the
//! same parameters, no database.

use std::time::{Duration, Instant};

use partnerdesk_core::people::{NewPerson, PersonRole, PinChange};
use partnerdesk_core::{Actor, Desk};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: u32 = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10)
        .max(1);
    let dir = tempfile::tempdir()?;
    let desk = Desk::open(dir.path()).await?;
    let pin = PinChange {
        pin: "482915".into(),
        pin_again: "482915".into(),
    };
    let owner = desk.create_first_owner("Owner", &pin).await?.person;

    let mut hashing = Vec::new();
    let mut people = Vec::new();
    for n in 0..rounds {
        let input = NewPerson {
            name: format!("Staff {n}"),
            role: PersonRole::Staff,
            pin: "7351".into(),
            pin_again: "7351".into(),
        };
        let started = Instant::now();
        people.push(desk.add_person(&input, &Actor::person(&owner)).await?);
        hashing.push(started.elapsed());
    }
    let mut right = Vec::new();
    let mut wrong = Vec::new();
    for person in &people {
        let started = Instant::now();
        desk.sign_in(person.id, "7351").await?;
        right.push(started.elapsed());
        let started = Instant::now();
        let refused = desk.sign_in(person.id, "0000").await;
        wrong.push(started.elapsed());
        assert!(refused.is_err(), "a wrong PIN was accepted");
    }
    let (mut raw_hash, mut raw_verify) = raw_argon2(rounds)?;
    report("add person (hash)", &mut hashing);
    report("  raw argon2id hash", &mut raw_hash);
    report("sign in, right PIN (verify)", &mut right);
    report("sign in, wrong PIN (verify + count)", &mut wrong);
    report("  raw argon2id verify", &mut raw_verify);
    desk.close().await;
    Ok(())
}

/// The same work with the `argon2` crate alone: hash and verify timings.
fn raw_argon2(rounds: u32) -> Result<(Vec<Duration>, Vec<Duration>), Box<dyn std::error::Error>> {
    use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
    use argon2::{Algorithm, Argon2, Params, Version};
    let text = |e: argon2::password_hash::Error| e.to_string();
    let params = Params::new(19_456, 2, 1, None).map_err(|e| e.to_string())?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let salt = SaltString::encode_b64(&[7u8; 16]).map_err(text)?;
    let (mut hashing, mut verifying) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let started = Instant::now();
        let phc = argon
            .hash_password(b"7351", &salt)
            .map_err(text)?
            .to_string();
        hashing.push(started.elapsed());
        let parsed = PasswordHash::new(&phc).map_err(text)?;
        let started = Instant::now();
        argon.verify_password(b"7351", &parsed).map_err(text)?;
        verifying.push(started.elapsed());
    }
    Ok((hashing, verifying))
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = times.iter().map(|d| ms(*d)).sum::<f64>() / times.len().max(1) as f64;
    println!(
        "{what:<38} n={:<3} min {:>6.1} ms  median {:>6.1} ms  mean {:>6.1} ms  max {:>6.1} ms",
        times.len(),
        ms(times[0]),
        ms(times[times.len() / 2]),
        mean,
        ms(times[times.len() - 1]),
    );
}
