//! Web Crypto for the notes lock: derives a key from a passphrase, seals text into an
//! [`Envelope`] and opens it again. Thin on purpose: the stored form and its rules live in
//! `domain::lock`; this file only calls `crypto.subtle` and `crypto.getRandomValues`.

use std::fmt;

use js_sys::{Array, ArrayBuffer, JsString, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use crate::domain::lock::{Envelope, EnvelopeError, KdfParams, IV_LEN, SALT_LEN};

/// An AES-GCM 256-bit key derived from a passphrase. The browser holds it as a
/// non-extractable `CryptoKey`: no script, this one included, can read its bytes, and it is
/// gone when the page closes. It is never stored.
pub struct LockKey {
    key: CryptoKey,
    params: KdfParams,
}

impl LockKey {
    /// The salt and iterations it was derived with; every envelope it seals carries them.
    pub fn params(&self) -> &KdfParams {
        &self.params
    }

    /// The browser's key object itself.
    pub fn crypto_key(&self) -> &CryptoKey {
        &self.key
    }
}

/// Why the lock could not derive a key, seal or open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CryptoError {
    /// This browser offers no Web Crypto here: an old browser, or a page not served over HTTPS
    /// (Web Crypto works only in a secure context).
    Unavailable,
    /// Decrypting failed: the key is wrong for this envelope or its bytes were changed. AES-GCM
    /// cannot say which; the lock's check value can (see `domain::lock`).
    CannotDecrypt,
    /// The envelope was sealed with other key parameters (salt or iterations) than this key's.
    OtherKey,
    /// The parameters given for deriving a key are refused (too few iterations, a bad salt).
    Refused(EnvelopeError),
    /// It decrypted, but not to text.
    NotText,
    /// Anything else, in the browser's words.
    Failed(String),
}

impl fmt::Display for CryptoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CryptoError::Unavailable => write!(
                f,
                "this browser cannot encrypt here (it needs a current browser and a page served over HTTPS)"
            ),
            CryptoError::CannotDecrypt => write!(
                f,
                "it could not be decrypted: the passphrase is wrong or the stored text was changed"
            ),
            CryptoError::OtherKey => write!(f, "it was locked with a different passphrase setting"),
            CryptoError::Refused(why) => write!(f, "the lock's settings are refused: {why}"),
            CryptoError::NotText => write!(f, "it decrypted, but not to text"),
            CryptoError::Failed(detail) => write!(f, "the browser's encryption failed ({detail})"),
        }
    }
}

impl std::error::Error for CryptoError {}

/// A new random salt for a new lock.
pub fn new_salt() -> Result<Vec<u8>, CryptoError> {
    random_bytes(SALT_LEN)
}

/// `len` random bytes from `crypto.getRandomValues`. There is no weaker stand-in: without
/// Web Crypto there is no lock.
fn random_bytes(len: usize) -> Result<Vec<u8>, CryptoError> {
    let mut bytes = vec![0u8; len];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|e| failed(&e))?;
    Ok(bytes)
}

/// Derive the AES-GCM key from `passphrase` with PBKDF2-SHA256. Slow on purpose: each guess at
/// a passphrase costs an attacker as much.
///
/// The passphrase is put in Unicode's composed form (NFC) first, then used as UTF-8: an "é"
/// typed as one character on one keyboard and as "e" with an accent on another is the same
/// passphrase.
pub async fn derive_key(passphrase: &str, params: &KdfParams) -> Result<LockKey, CryptoError> {
    params.check().map_err(CryptoError::Refused)?;
    let subtle = subtle()?;
    let composed = String::from(JsString::from(passphrase).normalize("NFC"));
    let secret = Uint8Array::from(composed.as_bytes());
    let base = subtle.import_key_with_str("raw", &secret, "PBKDF2", false, &Array::of1(&"deriveKey".into()));
    let base: CryptoKey = settle(base).await.map_err(|e| failed(&e))?.unchecked_into();
    let salt = Uint8Array::from(params.salt.as_slice());
    let pbkdf2 = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", params.iterations, &salt);
    let aes = AesDerivedKeyParams::new("AES-GCM", 256);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = subtle.derive_key_with_object_and_object(&pbkdf2, &base, &aes, false, &usages);
    let key: CryptoKey = settle(key).await.map_err(|e| failed(&e))?.unchecked_into();
    Ok(LockKey {
        key,
        params: params.clone(),
    })
}

/// Encrypt `plaintext` under `key` with a fresh random IV.
pub async fn seal(key: &LockKey, plaintext: &str) -> Result<Envelope, CryptoError> {
    seal_many(key, [plaintext])
        .await
        .pop()
        .unwrap_or(Err(CryptoError::Unavailable))
}

/// Encrypt each of `texts` under `key`, each with a fresh random IV, every encryption started
/// before the first is awaited (the browser runs them together), in the same order.
pub async fn seal_many<'a>(
    key: &LockKey,
    texts: impl IntoIterator<Item = &'a str>,
) -> Vec<Result<Envelope, CryptoError>> {
    let subtle = match subtle() {
        Ok(subtle) => subtle,
        Err(e) => return texts.into_iter().map(|_| Err(e.clone())).collect(),
    };
    let started: Vec<Result<(Vec<u8>, Promise), CryptoError>> = texts
        .into_iter()
        .map(|text| {
            let iv = random_bytes(IV_LEN)?;
            let gcm = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(iv.as_slice()));
            let data = Uint8Array::from(text.as_bytes());
            let promise = subtle
                .encrypt_with_object_and_buffer_source(&gcm, &key.key, &data)
                .map_err(|e| failed(&e))?;
            Ok((iv, promise))
        })
        .collect();
    let mut sealed = Vec::with_capacity(started.len());
    for start in started {
        sealed.push(match start {
            Ok((iv, promise)) => JsFuture::from(promise)
                .await
                .map(|buffer| Envelope {
                    kdf: key.params.clone(),
                    iv,
                    ciphertext: bytes_of(buffer),
                })
                .map_err(|e| failed(&e)),
            Err(e) => Err(e),
        });
    }
    sealed
}

/// Decrypt `envelope` with `key`. [`CryptoError::CannotDecrypt`] means a wrong key or changed
/// bytes; anything else is not about the passphrase at all.
pub async fn open(key: &LockKey, envelope: &Envelope) -> Result<String, CryptoError> {
    open_many(key, [envelope])
        .await
        .pop()
        .unwrap_or(Err(CryptoError::Unavailable))
}

/// Decrypt each of `envelopes` with `key`, every decryption started before the first is
/// awaited, in the same order (see [`open`] for the errors).
pub async fn open_many<'a>(
    key: &LockKey,
    envelopes: impl IntoIterator<Item = &'a Envelope>,
) -> Vec<Result<String, CryptoError>> {
    let subtle = match subtle() {
        Ok(subtle) => subtle,
        Err(e) => return envelopes.into_iter().map(|_| Err(e.clone())).collect(),
    };
    let started: Vec<Result<Promise, CryptoError>> = envelopes
        .into_iter()
        .map(|envelope| {
            if envelope.kdf != key.params {
                return Err(CryptoError::OtherKey);
            }
            let gcm = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(envelope.iv.as_slice()));
            let data = Uint8Array::from(envelope.ciphertext.as_slice());
            subtle
                .decrypt_with_object_and_buffer_source(&gcm, &key.key, &data)
                .map_err(|e| failed(&e))
        })
        .collect();
    let mut opened = Vec::with_capacity(started.len());
    for start in started {
        opened.push(match start {
            Ok(promise) => match JsFuture::from(promise).await {
                Ok(plain) => String::from_utf8(bytes_of(plain)).map_err(|_| CryptoError::NotText),
                // Web Crypto rejects a failed AES-GCM check with an `OperationError`, and only
                // that.
                Err(e) => Err(match e.dyn_ref::<web_sys::DomException>() {
                    Some(x) if x.name() == "OperationError" => CryptoError::CannotDecrypt,
                    _ => failed(&e),
                }),
            },
            Err(e) => Err(e),
        });
    }
    opened
}

/// A key another tab derived and sent (a `CryptoKey` can be sent, never read), with the
/// parameters it was derived with.
pub fn key_from(key: CryptoKey, params: KdfParams) -> LockKey {
    LockKey { key, params }
}

fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)
}

/// `crypto.subtle`, which is undefined outside a secure context.
fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let subtle = crypto()?.subtle();
    if subtle.is_undefined() || subtle.is_null() {
        return Err(CryptoError::Unavailable);
    }
    Ok(subtle)
}

/// Waits for a Web Crypto call: its value, or what it threw or rejected with.
async fn settle(call: Result<Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(call?).await
}

/// The browser's words for an error: a `DOMException`'s name and message where it is one.
fn failed(error: &JsValue) -> CryptoError {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        return CryptoError::Failed(format!("{}: {}", exception.name(), exception.message()));
    }
    CryptoError::Failed(error.as_string().unwrap_or_else(|| format!("{error:?}")))
}

fn bytes_of(buffer: JsValue) -> Vec<u8> {
    Uint8Array::new(&buffer.unchecked_into::<ArrayBuffer>()).to_vec()
}
