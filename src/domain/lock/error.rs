//! Why stored text is not an envelope this version can open, said in words.

use super::{CIPHER, IV_LEN, KDF, MAX_ITERATIONS, MIN_ITERATIONS, SALT_LEN, TAG_LEN};
use std::fmt;

/// Why stored text is not an envelope this version can open. None of these is a wrong
/// passphrase: each means the stored text is damaged or was written by something else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnvelopeError {
    /// The text is not JSON at all.
    NotJson,
    /// The text is JSON but not an object.
    NotAnObject,
    /// A field every envelope has is missing (named by its path, such as `cipher.iv`).
    Missing(&'static str),
    /// A field holds the wrong kind of value.
    WrongKind {
        /// The field's path.
        field: &'static str,
        /// What it should hold, in words.
        expected: &'static str,
    },
    /// The format tag is not [`FORMAT`]: perhaps a newer version wrote it.
    UnknownFormat(String),
    /// The key derivation is not [`KDF`].
    UnknownKdf(String),
    /// The cipher is not [`CIPHER`].
    UnknownCipher(String),
    /// Fewer iterations than [`MIN_ITERATIONS`]: refused as a downgrade.
    TooFewIterations(u32),
    /// More iterations than [`MAX_ITERATIONS`]: refused, as unlocking would stall.
    TooManyIterations(u32),
    /// There is no salt, or it is empty.
    MissingSalt,
    /// The salt is not [`SALT_LEN`] bytes (the length found).
    WrongSaltLength(usize),
    /// The IV is not [`IV_LEN`] bytes (the length found).
    WrongIvLength(usize),
    /// A field that holds bytes is not strict base64 (the field's path).
    BadBase64(&'static str),
    /// The ciphertext is shorter than AES-GCM's tag (the length found), so it cannot be whole.
    ShortCiphertext(usize),
}

impl fmt::Display for EnvelopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use EnvelopeError as E;
        match self {
            E::NotJson => write!(f, "it is not a locked note: the text is not JSON"),
            E::NotAnObject => write!(
                f,
                "it is not a locked note: the text is JSON but not a JSON object"
            ),
            E::Missing(field) => write!(f, "it has no {field}, which every locked note has"),
            E::WrongKind { field, expected } => write!(f, "its {field} should be {expected}"),
            E::UnknownFormat(found) => write!(
                f,
                "it is locked in a format this version of the toolkit does not know (\"{found}\"); \
                 a newer version may have written it"
            ),
            E::UnknownKdf(found) => write!(
                f,
                "its key is made from the passphrase with \"{found}\", which this version does not \
                 know (it uses {KDF})"
            ),
            E::UnknownCipher(found) => write!(
                f,
                "it is encrypted with \"{found}\", which this version does not know (it uses {CIPHER})"
            ),
            E::TooFewIterations(n) => write!(
                f,
                "it asks for {n} rounds of passphrase stretching, fewer than the {MIN_ITERATIONS} the \
                 toolkit requires, so it is refused as a weakened copy"
            ),
            E::TooManyIterations(n) => write!(
                f,
                "it asks for {n} rounds of passphrase stretching, more than the {MAX_ITERATIONS} the \
                 toolkit allows, so unlocking it would stall this device"
            ),
            E::MissingSalt => write!(
                f,
                "its salt (the random value mixed with the passphrase) is missing, so its key cannot \
                 be made again"
            ),
            E::WrongSaltLength(n) => {
                write!(f, "its salt is {n} bytes long where it should be {SALT_LEN}")
            }
            E::WrongIvLength(n) => write!(
                f,
                "its IV (the random value used for this one encryption) is {n} bytes long where it \
                 should be {IV_LEN}"
            ),
            E::BadBase64(field) => write!(f, "its {field} is not valid base64, so it has been damaged"),
            E::ShortCiphertext(0) => write!(f, "its encrypted text is empty"),
            E::ShortCiphertext(n) => write!(
                f,
                "its encrypted text is {n} bytes long, too short to hold even the {TAG_LEN}-byte check \
                 that AES-GCM adds, so it has been cut short"
            ),
        }
    }
}

impl std::error::Error for EnvelopeError {}
