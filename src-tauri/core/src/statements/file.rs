//! The statement file, format version 1: a signed JSON statement and its checks on import.
//!
//! The signature covers the *value* of `statement`, not its text: keys sorted, compact,
//! behind a domain separator (see `canonical.rs`). So re-indenting the file or reordering its
//! keys keeps it valid, while any changed value, added field or dropped line breaks it.

use chrono::SecondsFormat;
use serde::Deserialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::canonical::{canonical_json, pretty_json};
use super::check::check;
use super::signing::{hex_lower, InstallationKey, PublicKey};
use super::{StatementBody, StatementLine, StatementParty, StatementPeriod, StatementTotals};
use crate::error::StatementFileError;

/// The `format` every statement file carries, so other JSON is refused at once.
pub const FORMAT: &str = "partnerdesk-statement";
/// The newest format version this build writes and reads.
pub const VERSION: u32 = 1;
/// How a statement file's name ends.
pub const FILE_SUFFIX: &str = ".partnerdesk-statement.json";
/// The largest file an import reads; a year of daily redemptions is a small fraction.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Signed before the canonical statement, so a signature over a statement can never be
/// passed off as a signature over anything else this key signs, or over another version.
const SIGNING_CONTEXT: &[u8] = b"partnerdesk-statement/v1\n";
const ALGORITHM: &str = "ed25519";

/// A statement file that verified and adds up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadStatement {
    /// The statement itself.
    pub body: StatementBody,
    /// The key that signed it; the caller checks it is the one recorded for the partner.
    pub key: PublicKey,
    /// Lowercase hex SHA-256 of the whole file, to know a file imported twice.
    pub sha256: String,
}

/// The statement file for `body`, signed with `key`: pretty JSON, UTF-8, ending in a newline.
pub fn write_statement(body: &StatementBody, key: &InstallationKey) -> Vec<u8> {
    write_signed(&statement_value(body), key)
}

/// The file around any `statement` value; tests sign values `write_statement` never would.
fn write_signed(statement: &Value, key: &InstallationKey) -> Vec<u8> {
    let public = key.public();
    let signature = object([
        ("algorithm", ALGORITHM.into()),
        ("publicKey", public.to_hex().into()),
        ("value", key.sign_hex(&signed_message(statement)).into()),
    ]);
    let fields = [
        ("format", Value::from(FORMAT)),
        ("version", VERSION.into()),
        ("statement", statement.clone()),
        ("signature", signature),
    ];
    // Top-level fields in the documented order, so `format` is the first thing a person sees.
    let mut out = String::from("{");
    for (i, (name, value)) in fields.iter().enumerate() {
        out.push_str(if i == 0 { "\n  " } else { ",\n  " });
        out.push_str(&Value::from(*name).to_string());
        out.push_str(": ");
        out.push_str(&pretty_json(value, 1));
    }
    out.push_str("\n}\n");
    out.into_bytes()
}

/// Reads a partner's statement file, refusing it unless it is a statement of a version this
/// build knows, verifies against the key it names, and adds up.
pub fn read_statement(bytes: &[u8]) -> Result<ReadStatement, StatementFileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(StatementFileError::TooLarge { bytes: bytes.len() });
    }
    // Some Windows editors put a byte-order mark before the JSON when saving; it is no value.
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(Value::Object(file)) = serde_json::from_slice::<Value>(text) else {
        return Err(StatementFileError::NotAStatement);
    };
    if file.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(StatementFileError::NotAStatement);
    }
    let version = file.get("version").and_then(Value::as_u64);
    let version = version
        .filter(|v| *v >= 1)
        .ok_or(StatementFileError::NotAStatement)?;
    if version > u64::from(VERSION) {
        return Err(StatementFileError::NewerVersion { version });
    }
    // Verified before it is interpreted: nothing in an unsigned or altered statement, not
    // even its parse errors, reaches the person importing it.
    let statement = file
        .get("statement")
        .ok_or(StatementFileError::BadSignature)?;
    let key = verify(file.get("signature"), statement)?;
    let body =
        StatementBody::deserialize(statement).map_err(|e| StatementFileError::Malformed {
            detail: e.to_string(),
        })?;
    check(&body)?;
    Ok(ReadStatement {
        body,
        key,
        sha256: hex_lower(&Sha256::digest(bytes)),
    })
}

/// The key in `signature` if it signed `statement`.
fn verify(signature: Option<&Value>, statement: &Value) -> Result<PublicKey, StatementFileError> {
    let field = |name: &str| signature.and_then(|s| s.get(name)).and_then(Value::as_str);
    if field("algorithm") != Some(ALGORITHM) {
        return Err(StatementFileError::BadSignature);
    }
    let key = field("publicKey").and_then(PublicKey::from_hex);
    let key = key.ok_or(StatementFileError::BadSignature)?;
    let value = field("value").ok_or(StatementFileError::BadSignature)?;
    if key.verify_hex(&signed_message(statement), value) {
        Ok(key)
    } else {
        Err(StatementFileError::BadSignature)
    }
}

/// The bytes the signature covers: the domain separator, then the canonical statement.
fn signed_message(statement: &Value) -> Vec<u8> {
    [SIGNING_CONTEXT, canonical_json(statement).as_bytes()].concat()
}

/// The statement as a JSON value, built field by field rather than through serde so writing
/// cannot fail. Each struct is destructured in full: a new field that is not added here
/// stops the build instead of going unsigned.
fn statement_value(body: &StatementBody) -> Value {
    let StatementBody {
        issuer,
        recipient,
        currency,
        period,
        issued_at,
        lines,
        totals,
    } = body;
    let StatementPeriod { from, to } = period;
    object([
        ("issuer", party_value(issuer)),
        ("recipient", party_value(recipient)),
        ("currency", currency.as_str().into()),
        (
            "period",
            object([
                ("from", from.to_string().into()),
                ("to", to.to_string().into()),
            ]),
        ),
        (
            "issuedAt",
            issued_at
                .to_rfc3339_opts(SecondsFormat::AutoSi, true)
                .into(),
        ),
        ("lines", lines.iter().map(line_value).collect()),
        ("totals", totals_value(totals)),
    ])
}

fn party_value(party: &StatementParty) -> Value {
    let StatementParty {
        name,
        address,
        tax_id,
        contact,
    } = party;
    object([
        ("name", name.as_str().into()),
        ("address", address.as_str().into()),
        ("taxId", tax_id.as_str().into()),
        ("contact", contact.as_str().into()),
    ])
}

fn line_value(line: &StatementLine) -> Value {
    let StatementLine {
        date,
        code,
        sale_minor,
        discount_minor,
        commission_minor,
        new_customer,
        voided,
    } = line;
    object([
        ("date", date.to_string().into()),
        ("code", code.as_str().into()),
        ("saleMinor", (*sale_minor).into()),
        ("discountMinor", (*discount_minor).into()),
        ("commissionMinor", (*commission_minor).into()),
        ("newCustomer", (*new_customer).into()),
        ("voided", (*voided).into()),
    ])
}

fn totals_value(totals: &StatementTotals) -> Value {
    let StatementTotals {
        redemptions,
        voided,
        new_customers,
        sales_minor,
        discounts_minor,
        commissions_minor,
        payouts_minor,
        opening_balance_minor,
        closing_balance_minor,
    } = totals;
    object([
        ("redemptions", (*redemptions).into()),
        ("voided", (*voided).into()),
        ("newCustomers", (*new_customers).into()),
        ("salesMinor", (*sales_minor).into()),
        ("discountsMinor", (*discounts_minor).into()),
        ("commissionsMinor", (*commissions_minor).into()),
        ("payoutsMinor", (*payouts_minor).into()),
        ("openingBalanceMinor", (*opening_balance_minor).into()),
        ("closingBalanceMinor", (*closing_balance_minor).into()),
    ])
}

fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    let map: Map<String, Value> = fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    Value::Object(map)
}

#[cfg(test)]
pub(super) mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn party(name: &str, address: &str) -> StatementParty {
        StatementParty {
            name: name.to_owned(),
            address: address.to_owned(),
            tax_id: "PL5260250274".to_owned(),
            contact: "hello@example.com".to_owned(),
        }
    }

    fn line(
        day: u32,
        sale: i64,
        commission: i64,
        new_customer: bool,
        voided: bool,
    ) -> StatementLine {
        StatementLine {
            date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            code: format!("BEAN-7K2Q{day}"),
            sale_minor: sale,
            discount_minor: sale / 10,
            commission_minor: commission,
            new_customer,
            voided,
        }
    }

    /// One counted line (commission 90) and one voided line, totals to match.
    pub(in crate::statements) fn sample_body() -> StatementBody {
        StatementBody {
            issuer: party("Café Müller", "Hauptstraße 1\n80331 München"),
            recipient: party("Piekarnia Łódź", "ul. Piotrkowska 12\n90-001 Łódź"),
            currency: "EUR".to_owned(),
            period: StatementPeriod {
                from: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                to: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            },
            issued_at: "2026-12-01T09:30:00Z".parse().unwrap(),
            lines: vec![
                line(5, 1250, 90, true, false),
                line(6, 800, 60, false, true),
            ],
            totals: StatementTotals {
                redemptions: 1,
                voided: 1,
                new_customers: 1,
                sales_minor: 1250,
                discounts_minor: 125,
                commissions_minor: 90,
                payouts_minor: 0,
                opening_balance_minor: 0,
                closing_balance_minor: 90,
            },
        }
    }

    fn written(body: &StatementBody) -> (Vec<u8>, InstallationKey) {
        let key = InstallationKey::generate();
        (write_statement(body, &key), key)
    }

    fn as_value(bytes: &[u8]) -> Value {
        serde_json::from_slice(bytes).unwrap()
    }

    fn read_err(bytes: &[u8]) -> StatementFileError {
        read_statement(bytes).unwrap_err()
    }

    #[test]
    fn round_trip_gives_the_same_body_and_key() {
        let body = sample_body();
        let (bytes, key) = written(&body);
        let read = read_statement(&bytes).unwrap();
        assert_eq!(read.body, body);
        assert_eq!(read.key, key.public());
        assert_eq!(read.sha256, hex_lower(&Sha256::digest(&bytes)));
        assert_eq!(read.sha256.len(), 64);
    }

    #[test]
    fn file_is_pretty_utf8_json_with_format_first_and_a_trailing_newline() {
        let (bytes, _) = written(&sample_body());
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("{\n  \"format\": \"partnerdesk-statement\",\n  \"version\": 1,"));
        assert!(text.ends_with("}\n"));
        // Accented names stay readable in the file, not \u-escaped.
        assert!(text.contains("Café Müller") && text.contains("Łódź"));
        assert!(text.contains("      \"commissionMinor\": 90,"));
    }

    #[test]
    fn written_statement_is_the_serde_form_of_the_body() {
        let body = sample_body();
        assert_eq!(statement_value(&body), serde_json::to_value(&body).unwrap());
    }

    #[test]
    fn reformatted_file_with_the_same_values_still_verifies() {
        let (bytes, _) = written(&sample_body());
        let compact = serde_json::to_vec(&as_value(&bytes)).unwrap();
        assert_eq!(read_statement(&compact).unwrap().body, sample_body());
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), &bytes].concat();
        assert_eq!(read_statement(&with_bom).unwrap().body, sample_body());
    }

    #[test]
    fn changed_line_amount_with_refixed_totals_fails_the_signature() {
        let (bytes, _) = written(&sample_body());
        let text = String::from_utf8(bytes).unwrap();
        let edited = text
            .replace("\"commissionMinor\": 90", "\"commissionMinor\": 95")
            .replace("\"commissionsMinor\": 90", "\"commissionsMinor\": 95")
            .replace("\"closingBalanceMinor\": 90", "\"closingBalanceMinor\": 95");
        assert_ne!(edited, text);
        // The edit adds up, so only the signature can catch it.
        let body = StatementBody::deserialize(&as_value(edited.as_bytes())["statement"]).unwrap();
        assert_eq!(body.totals.commissions_minor, 95);
        assert!(check(&body).is_ok());
        let err = read_err(edited.as_bytes());
        assert!(matches!(err, StatementFileError::BadSignature), "{err:?}");
    }

    #[test]
    fn key_swapped_for_another_valid_key_fails_the_signature() {
        let (bytes, _) = written(&sample_body());
        let mut file = as_value(&bytes);
        file["signature"]["publicKey"] = InstallationKey::generate().public().to_hex().into();
        let err = read_err(&serde_json::to_vec(&file).unwrap());
        assert!(matches!(err, StatementFileError::BadSignature), "{err:?}");
    }

    #[test]
    fn missing_or_unknown_signature_parts_fail_the_signature() {
        let (bytes, _) = written(&sample_body());
        type Edit = fn(&mut Value);
        let edits: [(&str, Edit); 5] = [
            ("no signature", |f| f["signature"] = Value::Null),
            ("other algorithm", |f| {
                f["signature"]["algorithm"] = "rsa".into()
            }),
            ("no value", |f| f["signature"]["value"] = Value::Null),
            ("off-curve key", |f| {
                f["signature"]["publicKey"] = format!("02{:062}", 0).into()
            }),
            ("no statement", |f| f["statement"] = Value::Null),
        ];
        for (what, edit) in edits {
            let mut file = as_value(&bytes);
            edit(&mut file);
            let err = read_err(&serde_json::to_vec(&file).unwrap());
            assert!(
                matches!(err, StatementFileError::BadSignature),
                "{what}: {err:?}"
            );
        }
    }

    #[test]
    fn missing_or_other_format_or_bad_version_is_not_a_statement() {
        let (bytes, _) = written(&sample_body());
        let edits: [fn(&mut Value); 6] = [
            |f| drop(f.as_object_mut().unwrap().remove("format")),
            |f| f["format"] = "partnerdesk-backup".into(),
            |f| drop(f.as_object_mut().unwrap().remove("version")),
            |f| f["version"] = 0.into(),
            |f| f["version"] = "1".into(),
            |f| f["version"] = 1.5.into(),
        ];
        for edit in edits {
            let mut file = as_value(&bytes);
            edit(&mut file);
            let err = read_err(&serde_json::to_vec(&file).unwrap());
            assert!(
                matches!(err, StatementFileError::NotAStatement),
                "{file}: {err:?}"
            );
        }
    }

    #[test]
    fn version_2_is_refused_as_newer() {
        let (bytes, _) = written(&sample_body());
        let mut file = as_value(&bytes);
        file["version"] = 2.into();
        let err = read_err(&serde_json::to_vec(&file).unwrap());
        assert!(
            matches!(err, StatementFileError::NewerVersion { version: 2 }),
            "{err:?}"
        );
        assert!(err.to_string().contains("format version 2"));
    }

    #[test]
    fn garbage_and_non_utf8_are_not_statements() {
        let inputs: [&[u8]; 6] = [
            b"",
            b"hello",
            b"[1, 2]",
            b"\"partnerdesk-statement\"",
            b"\xff\xfe{\x00}",
            b"{\"a\":",
        ];
        for input in inputs {
            let err = read_err(input);
            assert!(
                matches!(err, StatementFileError::NotAStatement),
                "{input:?}: {err:?}"
            );
        }
    }

    #[test]
    fn file_over_the_limit_is_too_large_before_it_is_parsed() {
        let bytes = vec![b' '; MAX_FILE_BYTES + 1];
        let err = read_err(&bytes);
        assert!(
            matches!(err, StatementFileError::TooLarge { bytes } if bytes == MAX_FILE_BYTES + 1)
        );
    }

    #[test]
    fn signed_totals_not_matching_lines_are_inconsistent() {
        let mut body = sample_body();
        body.totals.sales_minor = 2050;
        let err = read_err(&written(&body).0);
        assert!(matches!(
            err,
            StatementFileError::Inconsistent {
                what: "totals.salesMinor"
            }
        ));
    }

    #[test]
    fn signed_statement_missing_a_field_or_with_an_unknown_one_is_malformed() {
        let key = InstallationKey::generate();
        let mut missing = statement_value(&sample_body());
        missing["issuer"].as_object_mut().unwrap().remove("taxId");
        let mut extra = statement_value(&sample_body());
        extra["lines"][0]["tip"] = 5.into();
        for (what, statement) in [("taxId", missing), ("tip", extra)] {
            let err = read_err(&write_signed(&statement, &key));
            match err {
                StatementFileError::Malformed { detail } => assert!(detail.contains(what)),
                other => panic!("{what}: {other:?}"),
            }
        }
    }

    #[test]
    fn documented_example_verifies_under_its_printed_fingerprint() {
        // The example in the partners' documentation is checked here, so it cannot drift.
        let doc = include_str!("../../../../docs/statement-file.md");
        let start = doc.find("```json\n").unwrap() + "```json\n".len();
        let end = start + doc[start..].find("```").unwrap();
        let read = read_statement(&doc.as_bytes()[start..end]).unwrap();
        let fingerprint = read.key.fingerprint();
        assert_eq!(fingerprint, "21FE 31DF A154 A261 626B F854 046F D227");
        assert!(doc.contains(&format!("Its fingerprint is `{fingerprint}`.")));
        assert_eq!(read.body.issuer.name, "Café Müller");
    }
}
