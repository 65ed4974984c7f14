//! Reading an envelope's stored text strictly, field by field, so that each way it can be
//! wrong is its own [`EnvelopeError`].

use super::{Envelope, EnvelopeError, KdfParams, CIPHER, FORMAT, IV_LEN, KDF, TAG_LEN};
use crate::domain::base64;
use serde_json::{Map, Value};

impl Envelope {
    /// Read stored text back, refusing anything this version cannot safely decrypt.
    pub fn parse(text: &str) -> Result<Envelope, EnvelopeError> {
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
