//! This installation's Ed25519 key, partners' public keys, and the fingerprint people compare.
//!
//! The key is the whole of an installation's identity towards its partners: a statement
//! verifies only against the public key the partner's app recorded for it. Hex is written
//! here by hand because it is a dozen lines and not worth a crate.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use rand::Rng;
use sha2::{Digest, Sha256};

/// This installation's signing key; the secret half never leaves the computer.
pub struct InstallationKey(SigningKey);

impl InstallationKey {
    /// A new key from the operating system's random source.
    pub fn generate() -> Self {
        // `rand::rng()` is a CSPRNG seeded from the OS and reseeded as it goes; anything
        // weaker would let a partner's key be guessed.
        let mut bytes = [0u8; 32];
        rand::rng().fill(&mut bytes);
        InstallationKey(SigningKey::from_bytes(&bytes))
    }

    /// The key stored earlier with [`InstallationKey::secret_bytes`], if `secret` is 32 bytes.
    pub fn from_secret(secret: &[u8]) -> Option<Self> {
        let bytes: &[u8; 32] = secret.try_into().ok()?;
        Some(InstallationKey(SigningKey::from_bytes(bytes)))
    }

    /// The 32 secret bytes, for storing the key; never show or send them.
    pub fn secret_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The public half, which partners record and verify statements against.
    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.verifying_key().to_bytes())
    }

    /// The Ed25519 signature of `msg`, as 128 lowercase hex characters.
    pub fn sign_hex(&self, msg: &[u8]) -> String {
        hex_lower(&self.0.sign(msg).to_bytes())
    }
}

impl std::fmt::Debug for InstallationKey {
    // By hand: a derived Debug would print the secret into any log or panic message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InstallationKey")
            .field("public", &self.public().to_hex())
            .finish_non_exhaustive()
    }
}

/// An installation's Ed25519 public key, known to be a valid curve point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicKey([u8; 32]);

impl PublicKey {
    /// The key written as 64 hex characters (either case), if it is a valid Ed25519 key.
    pub fn from_hex(hex: &str) -> Option<Self> {
        let bytes: [u8; 32] = decode_hex(hex)?;
        VerifyingKey::from_bytes(&bytes).ok()?;
        Some(PublicKey(bytes))
    }

    /// The key as 64 lowercase hex characters.
    pub fn to_hex(&self) -> String {
        hex_lower(&self.0)
    }

    /// True when `signature_hex` is this key's signature of `msg`.
    pub fn verify_hex(&self, msg: &[u8], signature_hex: &str) -> bool {
        let Some(sig) = decode_hex::<64>(signature_hex) else {
            return false;
        };
        let Ok(key) = VerifyingKey::from_bytes(&self.0) else {
            return false;
        };
        // Strict: refuses small-order keys and non-canonical signatures, so one statement
        // cannot carry two different valid signatures, nor verify under a degenerate key.
        key.verify_strict(msg, &Signature::from_bytes(&sig)).is_ok()
    }

    /// First 16 bytes of SHA-256 of the key, as 8 space-separated groups of 4 uppercase hex
    /// digits: short enough to read aloud or compare on paper, long enough that nobody can
    /// make a second key to match (128 bits).
    pub fn fingerprint(&self) -> String {
        let digest = Sha256::digest(self.0);
        let hex = hex_upper(&digest[..16]);
        let groups: Vec<&str> = (0..8).map(|i| &hex[i * 4..i * 4 + 4]).collect();
        groups.join(" ")
    }
}

const LOWER: &[u8; 16] = b"0123456789abcdef";
const UPPER: &[u8; 16] = b"0123456789ABCDEF";

fn encode_hex(bytes: &[u8], digits: &[u8; 16]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(digits[usize::from(b >> 4)]));
        out.push(char::from(digits[usize::from(b & 0x0f)]));
    }
    out
}

/// `bytes` as lowercase hex.
pub(super) fn hex_lower(bytes: &[u8]) -> String {
    encode_hex(bytes, LOWER)
}

fn hex_upper(bytes: &[u8]) -> String {
    encode_hex(bytes, UPPER)
}

/// Exactly `N` bytes from `2 * N` hex digits of either case; anything else is `None`.
fn decode_hex<const N: usize>(hex: &str) -> Option<[u8; N]> {
    let digits = hex.as_bytes();
    if digits.len() != 2 * N {
        return None;
    }
    let mut out = [0u8; N];
    for (byte, pair) in out.iter_mut().zip(digits.chunks_exact(2)) {
        *byte = (nibble(pair[0])? << 4) | nibble(pair[1])?;
    }
    Some(out)
}

fn nibble(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 8032, section 7.1, test 1: an outside check on key derivation, signing and hex.
    const RFC_SECRET: &str = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    const RFC_PUBLIC: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    const RFC_SIGNATURE: &str = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555\
                                 fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    fn rfc_key() -> InstallationKey {
        InstallationKey::from_secret(&decode_hex::<32>(RFC_SECRET).unwrap()).unwrap()
    }

    #[test]
    fn known_secret_gives_rfc_8032_public_key_and_signature() {
        let key = rfc_key();
        assert_eq!(key.public().to_hex(), RFC_PUBLIC);
        assert_eq!(key.sign_hex(b""), RFC_SIGNATURE);
        assert!(key.public().verify_hex(b"", RFC_SIGNATURE));
    }

    #[test]
    fn fingerprint_is_eight_groups_of_four_uppercase_hex_and_stable() {
        let fingerprint = rfc_key().public().fingerprint();
        // SHA-256 of the RFC public key, from Python's hashlib.
        assert_eq!(fingerprint, "21FE 31DF A154 A261 626B F854 046F D227");
        let fresh = InstallationKey::generate().public().fingerprint();
        let groups: Vec<&str> = fresh.split(' ').collect();
        assert_eq!(groups.len(), 8);
        for group in groups {
            assert_eq!(group.len(), 4);
            assert!(group
                .bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()));
            assert!(group.bytes().all(|b| b.is_ascii_hexdigit()));
        }
    }

    #[test]
    fn from_secret_of_secret_bytes_gives_the_same_public_key() {
        let key = InstallationKey::generate();
        let again = InstallationKey::from_secret(&key.secret_bytes()).unwrap();
        assert_eq!(again.public(), key.public());
    }

    #[test]
    fn from_secret_refuses_anything_but_32_bytes() {
        assert!(InstallationKey::from_secret(&[7u8; 31]).is_none());
        assert!(InstallationKey::from_secret(&[7u8; 33]).is_none());
    }

    #[test]
    fn two_generated_keys_differ() {
        let a = InstallationKey::generate();
        let b = InstallationKey::generate();
        assert_ne!(a.secret_bytes(), b.secret_bytes());
    }

    #[test]
    fn debug_of_installation_key_never_shows_the_secret() {
        let key = InstallationKey::generate();
        let shown = format!("{key:?} {key:#?}");
        assert!(!shown.contains(&hex_lower(&key.secret_bytes())));
        assert!(!shown.contains(&hex_upper(&key.secret_bytes())));
        assert!(!shown.contains(&format!("{:?}", key.secret_bytes())));
        assert!(shown.contains(&key.public().to_hex()));
    }

    #[test]
    fn public_key_hex_round_trips_in_either_case() {
        let public = InstallationKey::generate().public();
        let hex = public.to_hex();
        assert_eq!(hex, hex.to_lowercase());
        assert_eq!(PublicKey::from_hex(&hex), Some(public));
        assert_eq!(PublicKey::from_hex(&hex.to_uppercase()), Some(public));
    }

    #[test]
    fn public_key_from_hex_refuses_wrong_length_non_hex_and_off_curve_points() {
        assert_eq!(PublicKey::from_hex(&RFC_PUBLIC[..62]), None);
        assert_eq!(PublicKey::from_hex(&format!("{RFC_PUBLIC}00")), None);
        assert_eq!(PublicKey::from_hex(&RFC_PUBLIC.replace('d', "g")), None);
        // y = 2 has no x on the curve (2's x² is not a square mod 2^255 − 19).
        let off_curve = format!("02{}", "0".repeat(62));
        assert_eq!(PublicKey::from_hex(&off_curve), None);
    }

    #[test]
    fn signature_fails_for_another_message_key_or_garbled_hex() {
        let key = InstallationKey::generate();
        let sig = key.sign_hex(b"statement");
        assert_eq!(sig.len(), 128);
        assert!(key.public().verify_hex(b"statement", &sig));
        assert!(!key.public().verify_hex(b"statemenT", &sig));
        assert!(!InstallationKey::generate()
            .public()
            .verify_hex(b"statement", &sig));
        assert!(!key.public().verify_hex(b"statement", &sig[..126]));
        assert!(!key
            .public()
            .verify_hex(b"statement", &format!("{}zz", &sig[..126])));
    }
}
