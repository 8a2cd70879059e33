//! Hashing PINs and recovery codes with argon2id, off the async threads.
//!
//! Why argon2id at 19 MiB, 2 passes: OWASP's minimum for it, and memory-hard so a stolen
//! file costs a GPU real memory per guess. It cannot make a 4-digit PIN strong offline (ten
//! thousand guesses is little, whatever each costs): a PIN guards the screen, where the
//! lockout limits guesses, not the file, which holds everything anyway. It does keep the
//! PIN itself, often reused elsewhere, from being read off the disk. The recovery code, 80
//! random bits, is safe offline too.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::Rng;

use crate::error::PersonError;
use crate::Result;

/// Argon2 memory per hash, in KiB (19 MiB).
pub const HASH_MEMORY_KIB: u32 = 19_456;
/// Argon2 passes over that memory.
pub const HASH_PASSES: u32 = 2;
/// Argon2 lanes: one, so a hash costs the same on a two-core till as on a laptop.
const HASH_LANES: u32 = 1;

fn argon2() -> Result<Argon2<'static>, PersonError> {
    let params = Params::new(HASH_MEMORY_KIB, HASH_PASSES, HASH_LANES, None).map_err(failed)?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

fn failed(err: impl std::fmt::Display) -> PersonError {
    PersonError::Hashing {
        detail: err.to_string(),
    }
}

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) of `secret`, salted afresh.
/// Runs on the blocking pool: a hash takes tens to hundreds of milliseconds of CPU, which
/// would stall every other command sharing an async thread.
pub(crate) async fn hash(secret: String) -> Result<String> {
    let phc = tokio::task::spawn_blocking(move || -> Result<String, PersonError> {
        let salt: [u8; 16] = rand::rng().random();
        let salt = SaltString::encode_b64(&salt).map_err(failed)?;
        let hashed = argon2()?
            .hash_password(secret.as_bytes(), &salt)
            .map_err(failed)?;
        Ok(hashed.to_string())
    })
    .await
    .map_err(failed)??;
    Ok(phc)
}

/// Whether `secret` is the one `phc` was made from, with the parameters stored in `phc`
/// (so hashes made with other settings keep verifying). On the blocking pool, as [`hash`].
pub(crate) async fn verify(secret: String, phc: String) -> Result<bool> {
    let matches = tokio::task::spawn_blocking(move || -> Result<bool, PersonError> {
        let parsed = PasswordHash::new(&phc).map_err(failed)?;
        match argon2()?.verify_password(secret.as_bytes(), &parsed) {
            Ok(()) => Ok(true),
            Err(argon2::password_hash::Error::Password) => Ok(false),
            Err(other) => Err(failed(other)),
        }
    })
    .await
    .map_err(failed)??;
    Ok(matches)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_pin_only_and_is_salted() {
        let one = hash("4821".into()).await.expect("hash");
        let two = hash("4821".into()).await.expect("hash");
        assert_ne!(one, two, "each hash has its own salt");
        assert!(one.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{one}");
        assert!(verify("4821".into(), one.clone()).await.expect("verify"));
        assert!(!verify("4822".into(), one).await.expect("verify"));
    }

    #[tokio::test]
    async fn a_damaged_hash_is_an_error_not_a_match() {
        let err = verify("4821".into(), "not a hash".into()).await;
        assert!(matches!(
            err,
            Err(crate::Error::Person(PersonError::Hashing { .. }))
        ));
    }
}
