//! The opt-in passphrase lock on private notes (issue 14): the stored form of a locked value (an
//! envelope), read strictly so that each way it can be wrong has its own error, and the check
//! value that tells a wrong passphrase from damaged data.
//!
//! Nothing here encrypts. The browser's Web Crypto does (`browser::crypto`): AES-GCM with a
//! 256-bit key that is derived from the passphrase with PBKDF2-SHA256, kept in memory only and
//! never extractable, and a fresh random 96-bit IV for every encryption. Bytes are kept as
//! standard base64 ([`super::base64`], which says why it is written by hand).
//!
//! # The stored form
//! Compact JSON that names everything needed to read it again, so the parameters can be raised
//! later without guessing what older values used:
//! `{"cipher":{"iv":"…","name":"AES-GCM"},"ciphertext":"…","format":"stk-lock-1",
//! "kdf":{"iterations":600000,"name":"PBKDF2-SHA256","salt":"…"}}`.
//!
//! # Telling a wrong passphrase from damage
//! AES-GCM reports one error for every failure to decrypt: a wrong key and a changed byte look
//! the same. So a lock keeps a check value beside the notes: [`CHECK_TEXT`] sealed under the
//! same key, with the same salt and iterations. On unlocking, the check is opened first:
//! - the check does not open: the passphrase is wrong (ask again; nothing is damaged);
//! - the check opens but a note does not: the key is right, so that note is damaged; keep its
//!   stored text as it is and say so, and open the others.
//!
//! A damaged check value would also look like a wrong passphrase, for every passphrase. The
//! store can tell the two apart by trying one note with the key: if a note opens, the
//! passphrase was right and the check is what is damaged. An envelope that fails
//! [`Envelope::parse`] is never a wrong passphrase: it is damaged or from another version, and
//! the error says which.

mod error;
pub mod idle;
pub mod lockable;
mod parse;
pub mod passphrase;
pub mod sealed_kv;

pub use error::EnvelopeError;
pub use idle::{AutoLock, Idle, Moment};
pub use lockable::{classify, closed_error, covered_values, with_opened, Found, LockableKv};
pub use sealed_kv::{covered, Job, Opened, SealedKv, AUTO_LOCK_KEY, LOCK_KEY};

use super::base64;
use serde_json::json;

/// The format tag every envelope this version writes carries.
pub const FORMAT: &str = "stk-lock-1";
/// The key derivation this version uses: PBKDF2 with HMAC-SHA-256.
pub const KDF: &str = "PBKDF2-SHA256";
/// The cipher this version uses.
pub const CIPHER: &str = "AES-GCM";
/// The fewest PBKDF2 iterations accepted (OWASP's figure for PBKDF2-HMAC-SHA256). An envelope
/// asking for fewer is refused as a downgrade, not opened.
pub const MIN_ITERATIONS: u32 = 600_000;
/// The most PBKDF2 iterations accepted: about 17 times the minimum, so a later version can
/// raise the figure, while a changed or crafted file cannot make unlocking stall a phone for
/// minutes (600,000 took a median 66 ms in headless Chromium on these machines).
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// Salt length in bytes.
pub const SALT_LEN: usize = 16;
/// IV length in bytes: the 96 bits AES-GCM is designed for.
pub const IV_LEN: usize = 12;
/// The authentication tag AES-GCM appends to every ciphertext, in bytes.
pub const TAG_LEN: usize = 16;
/// The known text sealed as the lock's check value (see the module notes).
pub const CHECK_TEXT: &str = "safeguarding-toolkit lock check";

/// How the key is derived from the passphrase. Every envelope sealed with one key carries the
/// same parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KdfParams {
    /// PBKDF2 iterations, at least [`MIN_ITERATIONS`].
    pub iterations: u32,
    /// The random salt, [`SALT_LEN`] bytes.
    pub salt: Vec<u8>,
}

impl KdfParams {
    /// Parameters for a new lock: the current iterations with a fresh random `salt`.
    pub fn new(salt: Vec<u8>) -> Self {
        Self {
            iterations: MIN_ITERATIONS,
            salt,
        }
    }

    /// Whether a key may be derived with these parameters: enough iterations (fewer is a
    /// downgrade) but not so many that unlocking stalls, and a salt of the right length.
    pub fn check(&self) -> Result<(), EnvelopeError> {
        if self.iterations < MIN_ITERATIONS {
            return Err(EnvelopeError::TooFewIterations(self.iterations));
        }
        if self.iterations > MAX_ITERATIONS {
            return Err(EnvelopeError::TooManyIterations(self.iterations));
        }
        match self.salt.len() {
            0 => Err(EnvelopeError::MissingSalt),
            SALT_LEN => Ok(()),
            n => Err(EnvelopeError::WrongSaltLength(n)),
        }
    }
}

/// One encrypted value in the current format ([`FORMAT`], [`KDF`], [`CIPHER`]), which is
/// implied: an envelope in any other format is refused when parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// How the key was derived.
    pub kdf: KdfParams,
    /// The IV used for this encryption alone, [`IV_LEN`] bytes.
    pub iv: Vec<u8>,
    /// The encrypted bytes with AES-GCM's tag at the end.
    pub ciphertext: Vec<u8>,
}

impl Envelope {
    /// The stored text: compact JSON, bytes in base64.
    pub fn to_stored(&self) -> String {
        json!({
            "format": FORMAT,
            "kdf": {
                "name": KDF,
                "iterations": self.kdf.iterations,
                "salt": base64::encode(&self.kdf.salt),
            },
            "cipher": { "name": CIPHER, "iv": base64::encode(&self.iv) },
            "ciphertext": base64::encode(&self.ciphertext),
        })
        .to_string()
    }
}

/// True if an opened check value holds the known text.
pub fn is_check_text(opened: &str) -> bool {
    opened == CHECK_TEXT
}
