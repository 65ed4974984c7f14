//! Reading an envelope's stored text strictly, field by field, so that each way it can be
//! wrong is its own [`EnvelopeError`].

use super::{Envelope, EnvelopeError, KdfParams, CIPHER, FORMAT, IV_LEN, KDF, TAG_LEN};
use crate::domain::base64;
use serde::Deserialize;
use serde_json::{Map, Value};

/// An envelope as this version writes it, read straight into its fields (no JSON tree): the
/// quick first look at every stored value when the notes are unlocked.
#[derive(Deserialize)]
struct Quick<'a> {
    #[serde(borrow)]
    cipher: QuickCipher<'a>,
    ciphertext: &'a str,
    format: &'a str,
    #[serde(borrow)]
    kdf: QuickKdf<'a>,
}

#[derive(Deserialize)]
struct QuickCipher<'a> {
    iv: &'a str,
    name: &'a str,
}

#[derive(Deserialize)]
struct QuickKdf<'a> {
    iterations: u32,
    name: &'a str,
    salt: &'a str,
}

impl Envelope {
    /// Read stored text back, refusing anything this version cannot safely decrypt.
    ///
    /// Text shaped as this version writes it is read straight into its fields and checked as
    /// [`Self::parse_strictly`] checks them, in the same order (opening 5,000 notes reads 5,000
    /// envelopes); anything else (a field missing or of another kind, escapes in a text, a
    /// field twice) is read strictly, for the error that names it.
    pub fn parse(text: &str) -> Result<Envelope, EnvelopeError> {
        match serde_json::from_str::<Quick>(text) {
            Ok(quick) => quick.check(),
            Err(_) => Self::parse_strictly(text),
        }
    }

    /// Read stored text back field by field, each way it can be wrong its own error.
    pub fn parse_strictly(text: &str) -> Result<Envelope, EnvelopeError> {
        use EnvelopeError as E;
        let value: Value = serde_json::from_str(text).map_err(|_| E::NotJson)?;
        let top = value.as_object().ok_or(E::NotAnObject)?;
        let format = text_field(top, "format")?;
        if format != FORMAT {
            return Err(E::UnknownFormat(format.to_string()));
        }
        let kdf = object_field(top, "kdf")?;
        let kdf_name = text_field(kdf, "kdf.name")?;
        if kdf_name != KDF {
            return Err(E::UnknownKdf(kdf_name.to_string()));
        }
        let iterations = field(kdf, "kdf.iterations")?
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or(wrong_kind("kdf.iterations", "a whole number"))?;
        let salt = match kdf.get("salt") {
            None => return Err(E::MissingSalt),
            Some(_) => bytes_field(kdf, "kdf.salt")?,
        };
        let kdf = KdfParams { iterations, salt };
        kdf.check()?;
        let cipher = object_field(top, "cipher")?;
        let cipher_name = text_field(cipher, "cipher.name")?;
        if cipher_name != CIPHER {
            return Err(E::UnknownCipher(cipher_name.to_string()));
        }
        let iv = bytes_field(cipher, "cipher.iv")?;
        if iv.len() != IV_LEN {
            return Err(E::WrongIvLength(iv.len()));
        }
        let ciphertext = bytes_field(top, "ciphertext")?;
        if ciphertext.len() < TAG_LEN {
            return Err(E::ShortCiphertext(ciphertext.len()));
        }
        Ok(Envelope { kdf, iv, ciphertext })
    }
}

impl Quick<'_> {
    /// The checks [`Envelope::parse_strictly`] makes, in its order.
    fn check(&self) -> Result<Envelope, EnvelopeError> {
        use EnvelopeError as E;
        if self.format != FORMAT {
            return Err(E::UnknownFormat(self.format.to_string()));
        }
        if self.kdf.name != KDF {
            return Err(E::UnknownKdf(self.kdf.name.to_string()));
        }
        let salt = base64::decode(self.kdf.salt).map_err(|_| E::BadBase64("kdf.salt"))?;
        let kdf = KdfParams {
            iterations: self.kdf.iterations,
            salt,
        };
        kdf.check()?;
        if self.cipher.name != CIPHER {
            return Err(E::UnknownCipher(self.cipher.name.to_string()));
        }
        let iv = base64::decode(self.cipher.iv).map_err(|_| E::BadBase64("cipher.iv"))?;
        if iv.len() != IV_LEN {
            return Err(E::WrongIvLength(iv.len()));
        }
        let ciphertext = base64::decode(self.ciphertext).map_err(|_| E::BadBase64("ciphertext"))?;
        if ciphertext.len() < TAG_LEN {
            return Err(E::ShortCiphertext(ciphertext.len()));
        }
        Ok(Envelope { kdf, iv, ciphertext })
    }
}

/// The field at the last part of `path` (such as `iv` for `cipher.iv`) in `obj`; `path` names
/// it in errors.
fn field<'a>(obj: &'a Map<String, Value>, path: &'static str) -> Result<&'a Value, EnvelopeError> {
    let key = path.rsplit('.').next().unwrap_or(path);
    obj.get(key).ok_or(EnvelopeError::Missing(path))
}

fn wrong_kind(field: &'static str, expected: &'static str) -> EnvelopeError {
    EnvelopeError::WrongKind { field, expected }
}

fn text_field<'a>(obj: &'a Map<String, Value>, path: &'static str) -> Result<&'a str, EnvelopeError> {
    field(obj, path)?.as_str().ok_or(wrong_kind(path, "text"))
}

fn object_field<'a>(
    obj: &'a Map<String, Value>,
    path: &'static str,
) -> Result<&'a Map<String, Value>, EnvelopeError> {
    field(obj, path)?
        .as_object()
        .ok_or(wrong_kind(path, "a set of named fields"))
}

fn bytes_field(obj: &Map<String, Value>, path: &'static str) -> Result<Vec<u8>, EnvelopeError> {
    base64::decode(text_field(obj, path)?).map_err(|_| EnvelopeError::BadBase64(path))
}
