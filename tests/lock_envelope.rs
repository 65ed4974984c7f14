//! Host tests for the lock's stored form: a table of good and bad envelopes, each bad one with
//! its exact error, the round trip, the downgrade refusal, and base64 against RFC 4648.

use safeguarding_toolkit::domain::base64;
use safeguarding_toolkit::domain::lock::{
    is_check_text, Envelope, EnvelopeError, KdfParams, CHECK_TEXT, MIN_ITERATIONS, SALT_LEN,
};
use serde_json::{json, Value};

fn good() -> Envelope {
    Envelope {
        kdf: KdfParams::new((1..=16).collect()),
        iv: (101..=112).collect(),
        ciphertext: (0..40).collect(),
    }
}

/// The good envelope's stored form as JSON, to change one thing in.
fn good_json() -> Value {
    serde_json::from_str(&good().to_stored()).unwrap()
}

/// The good envelope's JSON with the value at `path` (dot-separated) replaced, or removed when
/// `value` is `None`.
fn with(path: &str, value: Option<Value>) -> String {
    let mut root = good_json();
    let mut keys: Vec<&str> = path.split('.').collect();
    let last = keys.pop().unwrap();
    let mut at = &mut root;
    for key in keys {
        at = at.get_mut(key).unwrap();
    }
    let obj = at.as_object_mut().unwrap();
    match value {
        Some(v) => obj.insert(last.to_string(), v),
        None => obj.remove(last),
    };
    root.to_string()
}

fn b64(len: usize) -> Value {
    Value::String(base64::encode(&vec![7u8; len]))
}

fn wrong(field: &'static str, expected: &'static str) -> EnvelopeError {
    EnvelopeError::WrongKind { field, expected }
}

fn check(stored: &str, expected: Result<Envelope, EnvelopeError>) {
    assert_eq!(Envelope::parse(stored), expected, "parsing {stored}");
    // The quick reading agrees with the strict one on every row, error for error.
    assert_eq!(
        Envelope::parse_strictly(stored),
        expected,
        "parsing strictly {stored}"
    );
}

#[test]
fn good_and_bad_envelopes_are_told_apart_exactly() {
    use EnvelopeError as E;
    let more_iterations = Envelope {
        kdf: KdfParams {
            iterations: 2_000_000,
            ..good().kdf
        },
        ..good()
    };
    let just_a_tag = Envelope {
        ciphertext: vec![9; 16],
        ..good()
    };
    let rows: Vec<(String, Result<Envelope, EnvelopeError>)> = vec![
        // Good.
        (good().to_stored(), Ok(good())),
        (more_iterations.to_stored(), Ok(more_iterations)),
        (just_a_tag.to_stored(), Ok(just_a_tag)),
        (with("extra", Some(json!("ignored"))), Ok(good())),
        // Not an envelope at all.
        ("".into(), Err(E::NotJson)),
        ("my note in plain words".into(), Err(E::NotJson)),
        ("{\"format\":".into(), Err(E::NotJson)),
        ("[1,2,3]".into(), Err(E::NotAnObject)),
        ("\"stk-lock-1\"".into(), Err(E::NotAnObject)),
        ("{}".into(), Err(E::Missing("format"))),
        // The format, the key derivation and the cipher.
        (
            with("format", Some(json!("stk-lock-2"))),
            Err(E::UnknownFormat("stk-lock-2".into())),
        ),
        (with("format", Some(json!(1))), Err(wrong("format", "text"))),
        (with("kdf", None), Err(E::Missing("kdf"))),
        (
            with("kdf", Some(json!("PBKDF2-SHA256"))),
            Err(wrong("kdf", "a set of named fields")),
        ),
        (
            with("kdf.name", Some(json!("scrypt"))),
            Err(E::UnknownKdf("scrypt".into())),
        ),
        (with("kdf.name", None), Err(E::Missing("kdf.name"))),
        (
            with("cipher.name", Some(json!("AES-CBC"))),
            Err(E::UnknownCipher("AES-CBC".into())),
        ),
        (with("cipher", None), Err(E::Missing("cipher"))),
        // Iterations: a downgrade is refused.
        (
            with("kdf.iterations", Some(json!(599_999))),
            Err(E::TooFewIterations(599_999)),
        ),
        (
            with("kdf.iterations", Some(json!(1000))),
            Err(E::TooFewIterations(1000)),
        ),
        (
            with("kdf.iterations", Some(json!(0))),
            Err(E::TooFewIterations(0)),
        ),
        // ... and so is a figure that would stall unlocking.
        (
            with("kdf.iterations", Some(json!(10_000_001))),
            Err(E::TooManyIterations(10_000_001)),
        ),
        (
            with("kdf.iterations", Some(json!(u32::MAX))),
            Err(E::TooManyIterations(u32::MAX)),
        ),
        (
            with("kdf.iterations", Some(json!("600000"))),
            Err(wrong("kdf.iterations", "a whole number")),
        ),
        (
            with("kdf.iterations", Some(json!(600000.5))),
            Err(wrong("kdf.iterations", "a whole number")),
        ),
        (
            with("kdf.iterations", Some(json!(-600000))),
            Err(wrong("kdf.iterations", "a whole number")),
        ),
        (
            with("kdf.iterations", Some(json!(5_000_000_000u64))),
            Err(wrong("kdf.iterations", "a whole number")),
        ),
        (with("kdf.iterations", None), Err(E::Missing("kdf.iterations"))),
        // The salt.
        (with("kdf.salt", None), Err(E::MissingSalt)),
        (with("kdf.salt", Some(json!(""))), Err(E::MissingSalt)),
        (with("kdf.salt", Some(b64(8))), Err(E::WrongSaltLength(8))),
        (with("kdf.salt", Some(b64(17))), Err(E::WrongSaltLength(17))),
        (
            with("kdf.salt", Some(json!("not base64!"))),
            Err(E::BadBase64("kdf.salt")),
        ),
        (
            with("kdf.salt", Some(json!(null))),
            Err(wrong("kdf.salt", "text")),
        ),
        // The IV.
        (with("cipher.iv", Some(b64(16))), Err(E::WrongIvLength(16))),
        (with("cipher.iv", Some(json!(""))), Err(E::WrongIvLength(0))),
        (with("cipher.iv", None), Err(E::Missing("cipher.iv"))),
        (
            with("cipher.iv", Some(json!("AAAAAAAAAAAAAAAA="))),
            Err(E::BadBase64("cipher.iv")),
        ),
        // The ciphertext.
        (with("ciphertext", Some(json!(""))), Err(E::ShortCiphertext(0))),
        (with("ciphertext", Some(b64(15))), Err(E::ShortCiphertext(15))),
        (
            with("ciphertext", Some(json!("QUJD\nREVG"))),
            Err(E::BadBase64("ciphertext")),
        ),
        (with("ciphertext", None), Err(E::Missing("ciphertext"))),
    ];
    assert!(rows.len() >= 15);
    for (stored, expected) in rows {
        check(&stored, expected);
    }
}

#[test]
fn every_error_is_said_in_words() {
    let cases = [
        (EnvelopeError::NotJson, "not a locked note"),
        (
            EnvelopeError::UnknownFormat("stk-lock-2".into()),
            "\"stk-lock-2\"",
        ),
        (EnvelopeError::TooFewIterations(1000), "1000 rounds"),
        (EnvelopeError::TooManyIterations(20_000_000), "would stall"),
        (EnvelopeError::MissingSalt, "salt"),
        (
            EnvelopeError::WrongIvLength(16),
            "16 bytes long where it should be 12",
        ),
        (
            EnvelopeError::BadBase64("kdf.salt"),
            "kdf.salt is not valid base64",
        ),
        (EnvelopeError::ShortCiphertext(0), "empty"),
        (EnvelopeError::ShortCiphertext(3), "too short"),
    ];
    for (error, words) in cases {
        let said = error.to_string();
        assert!(said.contains(words), "{said:?} should contain {words:?}");
    }
}

#[test]
fn an_envelope_round_trips_through_its_stored_text() {
    let envelope = good();
    let stored = envelope.to_stored();
    assert!(
        !stored.contains(' ') && !stored.contains('\n'),
        "compact: {stored}"
    );
    assert_eq!(Envelope::parse(&stored), Ok(envelope.clone()));
    assert_eq!(Envelope::parse(&stored).unwrap().to_stored(), stored);
}

#[test]
fn the_stored_text_names_the_format_kdf_cipher_and_parameters() {
    let stored = good().to_stored();
    let value: Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(value["format"], "stk-lock-1");
    assert_eq!(value["kdf"]["name"], "PBKDF2-SHA256");
    assert_eq!(value["kdf"]["iterations"], 600_000);
    assert_eq!(
        value["kdf"]["salt"],
        base64::encode(&(1..=16).collect::<Vec<u8>>())
    );
    assert_eq!(value["cipher"]["name"], "AES-GCM");
    assert_eq!(
        value["cipher"]["iv"],
        base64::encode(&(101..=112).collect::<Vec<u8>>())
    );
    assert!(stored.contains("\"iterations\":600000"), "{stored}");
}

#[test]
fn a_new_lock_uses_at_least_the_minimum_iterations_and_refuses_fewer() {
    assert_eq!(MIN_ITERATIONS, 600_000);
    assert_eq!(KdfParams::new(vec![0; SALT_LEN]).iterations, MIN_ITERATIONS);
    let weak = Envelope {
        kdf: KdfParams {
            iterations: MIN_ITERATIONS - 1,
            ..good().kdf
        },
        ..good()
    };
    assert_eq!(
        Envelope::parse(&weak.to_stored()),
        Err(EnvelopeError::TooFewIterations(599_999))
    );
}

#[test]
fn key_parameters_are_checked_before_a_key_is_derived() {
    let params = |iterations, salt_len| KdfParams {
        iterations,
        salt: vec![1; salt_len],
    };
    assert_eq!(params(600_000, 16).check(), Ok(()));
    assert_eq!(params(10_000_000, 16).check(), Ok(()));
    assert_eq!(
        params(10_000_001, 16).check(),
        Err(EnvelopeError::TooManyIterations(10_000_001))
    );
    assert_eq!(
        params(599_999, 16).check(),
        Err(EnvelopeError::TooFewIterations(599_999))
    );
    assert_eq!(params(600_000, 0).check(), Err(EnvelopeError::MissingSalt));
    assert_eq!(
        params(600_000, 12).check(),
        Err(EnvelopeError::WrongSaltLength(12))
    );
}

#[test]
fn the_check_value_is_a_fixed_known_text() {
    assert_eq!(CHECK_TEXT, "safeguarding-toolkit lock check");
    assert!(is_check_text(CHECK_TEXT));
    assert!(!is_check_text("safeguarding-toolkit lock check "));
}

#[test]
fn base64_matches_the_rfc_4648_vectors() {
    let vectors = [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ];
    for (plain, encoded) in vectors {
        assert_eq!(base64::encode(plain.as_bytes()), encoded, "encode {plain:?}");
        assert_eq!(
            base64::decode(encoded).as_deref(),
            Ok(plain.as_bytes()),
            "decode {encoded:?}"
        );
    }
}

#[test]
fn base64_round_trips_every_byte_and_uses_the_standard_alphabet() {
    let all: Vec<u8> = (0..=255).collect();
    let encoded = base64::encode(&all);
    assert!(encoded.contains('+') && encoded.contains('/'), "{encoded}");
    assert_eq!(base64::decode(&encoded), Ok(all.clone()));
    for len in 0..all.len() {
        assert_eq!(
            base64::decode(&base64::encode(&all[..len])).as_deref(),
            Ok(&all[..len])
        );
    }
}

#[test]
fn base64_refuses_anything_but_the_strict_form() {
    let bad = [
        "Zg",         // no padding
        "Zg=",        // short padding
        "Zg===",      // too much padding
        "Z===",       // one character cannot make a byte
        "====",       // padding alone
        "Zg==Zm8=",   // padding before the end
        "Zm9v Yg==",  // a space
        "Zm9v\nYg==", // a line break
        "Zm9-",       // the URL-safe alphabet
        "Zm9_",       // the URL-safe alphabet
        "Zh==",       // unused bits set: "Zg==" is the only spelling of "f"
        "Zm9=",       // unused bits set: "Zm8=" is the only spelling of "fo"
        "Zé==",       // not ASCII
        "Z=g=",       // padding in the middle
    ];
    for text in bad {
        assert_eq!(
            base64::decode(text),
            Err(base64::Base64Error),
            "{text:?} should be refused"
        );
    }
}
