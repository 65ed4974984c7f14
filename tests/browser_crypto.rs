//! Browser unit tests for the notes lock's Web Crypto edge, run in headless Chromium by
//! wasm-bindgen-test: real PBKDF2 and AES-GCM, a wrong passphrase, a changed byte, fresh IVs,
//! a key that cannot be exported, and how long deriving a key takes.
#![cfg(target_arch = "wasm32")]

use safeguarding_toolkit::browser::crypto::{
    derive_key, new_salt, open, open_many, seal, seal_many, CryptoError, LockKey,
};
use safeguarding_toolkit::domain::lock::{
    Envelope, EnvelopeError, KdfParams, CHECK_TEXT, MIN_ITERATIONS, SALT_LEN,
};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASSPHRASE: &str = "correct horse battery staple";

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

async fn key(passphrase: &str, params: &KdfParams) -> LockKey {
    derive_key(passphrase, params).await.expect("derive the key")
}

fn params() -> KdfParams {
    KdfParams::new(new_salt().expect("a salt"))
}

#[wasm_bindgen_test]
async fn text_round_trips_including_non_ascii_and_long_notes() {
    let key = key(PASSPHRASE, &params()).await;
    let long: String = "Child B's voice — ✓ é 😀 ".chars().cycle().take(20_000).collect();
    assert_eq!(long.chars().count(), 20_000);
    for text in [
        "",
        "plain words",
        "Ünïcödé — “quotes” 😀 <b>&amp;</b>\nline two",
        CHECK_TEXT,
        &long,
    ] {
        let envelope = seal(&key, text).await.expect("seal");
        let stored = envelope.to_stored();
        let parsed = Envelope::parse(&stored).expect("parse what was sealed");
        assert_eq!(open(&key, &parsed).await.as_deref(), Ok(text));
    }
}

#[wasm_bindgen_test]
async fn a_wrong_passphrase_cannot_decrypt() {
    let params = params();
    let right = key(PASSPHRASE, &params).await;
    let wrong = key("correct horse battery stapler", &params).await;
    let envelope = seal(&right, CHECK_TEXT).await.expect("seal");
    assert_eq!(open(&wrong, &envelope).await, Err(CryptoError::CannotDecrypt));
}

#[wasm_bindgen_test]
async fn an_accented_letter_typed_either_way_is_the_same_passphrase() {
    let params = params();
    // "café" with é as one character, and as "e" followed by a combining acute accent.
    let composed = key("caf\u{e9} at noon", &params).await;
    let decomposed = key("cafe\u{301} at noon", &params).await;
    let envelope = seal(&composed, "a private note").await.expect("seal");
    assert_eq!(
        open(&decomposed, &envelope).await.as_deref(),
        Ok("a private note")
    );
    let other = key("cafe at noon", &params).await;
    assert_eq!(open(&other, &envelope).await, Err(CryptoError::CannotDecrypt));
}

#[wasm_bindgen_test]
async fn a_changed_byte_cannot_decrypt() {
    let key = key(PASSPHRASE, &params()).await;
    let envelope = seal(&key, "a private note").await.expect("seal");
    for at in [0, envelope.ciphertext.len() / 2, envelope.ciphertext.len() - 1] {
        let mut changed = envelope.clone();
        changed.ciphertext[at] ^= 0x01;
        assert_eq!(
            open(&key, &changed).await,
            Err(CryptoError::CannotDecrypt),
            "byte {at}"
        );
    }
    let mut other_iv = envelope.clone();
    other_iv.iv[0] ^= 0x80;
    assert_eq!(open(&key, &other_iv).await, Err(CryptoError::CannotDecrypt));
}

#[wasm_bindgen_test]
async fn each_seal_uses_a_fresh_iv() {
    let key = key(PASSPHRASE, &params()).await;
    let first = seal(&key, "the same note").await.expect("seal");
    let second = seal(&key, "the same note").await.expect("seal");
    assert_eq!(first.iv.len(), 12);
    assert_ne!(first.iv, second.iv);
    assert_ne!(first.ciphertext, second.ciphertext);
}

#[wasm_bindgen_test]
async fn the_key_cannot_be_exported() {
    let key = key(PASSPHRASE, &params()).await;
    assert!(!key.crypto_key().extractable());
    let subtle = web_sys::window().unwrap().crypto().unwrap().subtle();
    let exported = match subtle.export_key("raw", key.crypto_key()) {
        Ok(promise) => JsFuture::from(promise).await,
        Err(thrown) => Err(thrown),
    };
    assert!(exported.is_err(), "exportKey should reject a non-extractable key");
}

#[wasm_bindgen_test]
async fn the_stored_text_names_the_kdf_and_its_iterations() {
    let params = params();
    assert_eq!(params.salt.len(), SALT_LEN);
    let key = key(PASSPHRASE, &params).await;
    let stored = seal(&key, "a note").await.expect("seal").to_stored();
    assert!(stored.contains("PBKDF2-SHA256"), "{stored}");
    assert!(stored.contains("600000"), "{stored}");
    assert!(stored.contains("AES-GCM"), "{stored}");
}

#[wasm_bindgen_test]
async fn weak_parameters_and_another_lock_are_refused() {
    let weak = KdfParams {
        iterations: 1000,
        salt: vec![1; SALT_LEN],
    };
    assert_eq!(
        derive_key(PASSPHRASE, &weak).await.err(),
        Some(CryptoError::Refused(EnvelopeError::TooFewIterations(1000)))
    );
    let one = key(PASSPHRASE, &params()).await;
    let other = key(PASSPHRASE, &params()).await;
    let envelope = seal(&one, "a note").await.expect("seal");
    assert_eq!(open(&other, &envelope).await, Err(CryptoError::OtherKey));
}

/// Not a check: prints how long deriving the key and sealing and opening a note take, for the
/// README. `console_log!` sends the line to the runner's output as well as the console.
#[wasm_bindgen_test]
async fn time_to_derive_a_key_and_seal_a_note() {
    let params = params();
    assert_eq!(params.iterations, MIN_ITERATIONS);
    let mut derives = Vec::new();
    let mut key_made = None;
    for _ in 0..3 {
        let start = now();
        key_made = Some(key(PASSPHRASE, &params).await);
        derives.push(now() - start);
    }
    let key = key_made.unwrap();
    let note: String = "A reflection on what I learnt from the brief. "
        .chars()
        .cycle()
        .take(2_000)
        .collect();
    let start = now();
    let envelope = seal(&key, &note).await.unwrap();
    let sealed = now() - start;
    let start = now();
    open(&key, &envelope).await.unwrap();
    let opened = now() - start;
    let mut sorted = derives.clone();
    sorted.sort_by(f64::total_cmp);
    let line = format!(
        "lock timing: PBKDF2-SHA256 {MIN_ITERATIONS} iterations, derive {derives:.1?} ms (median {:.1}); \
         2,000-character note: seal {sealed:.2} ms, open {opened:.2} ms",
        sorted[1]
    );
    console_log!("{line}");
}

#[wasm_bindgen_test]
async fn many_sealed_together_open_together_in_order_and_a_bad_one_fails_alone() {
    let key = key(PASSPHRASE, &params()).await;
    let texts: Vec<String> = (0..300)
        .map(|i| format!("note {i}: {}", "words ".repeat(i % 40)))
        .collect();
    let sealed: Vec<Envelope> = seal_many(&key, texts.iter().map(String::as_str))
        .await
        .into_iter()
        .map(|r| r.expect("sealed"))
        .collect();
    assert_eq!(sealed.len(), texts.len());
    let mut damaged = sealed.clone();
    damaged[7].ciphertext[0] ^= 1;
    let other = KdfParams::new(new_salt().unwrap());
    damaged[9].kdf = other;
    let opened = open_many(&key, damaged.iter()).await;
    for (i, (got, text)) in opened.iter().zip(&texts).enumerate() {
        match i {
            7 => assert_eq!(got, &Err(CryptoError::CannotDecrypt)),
            9 => assert_eq!(got, &Err(CryptoError::OtherKey)),
            _ => assert_eq!(got.as_deref(), Ok(text.as_str()), "note {i}"),
        }
    }
}
