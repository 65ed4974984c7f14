//! Standard base64 (RFC 4648, section 4, with `=` padding), for the bytes a locked note keeps
//! as text: the salt, the IV and the ciphertext.
//!
//! Written here rather than taken from the `base64` crate. The lock needs only this one
//! alphabet, in one strict form, and these 60-odd lines are tested against the RFC's own vectors
//! (`tests/lock_envelope.rs`). Measured with the lock wired in, the `base64` crate (0.22, its
//! standard engine) in its place made the release wasm 7,626 bytes bigger raw and 1,363 in
//! brotli, for the same strictness (README, size decisions). Decoding is strict: no whitespace, padding only at the end, and unused bits must
//! be zero, so every stored value has exactly one spelling.

use std::fmt;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The text was not strict standard base64.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Base64Error;

impl fmt::Display for Base64Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "it is not valid base64")
    }
}

impl std::error::Error for Base64Error {}

/// `bytes` as standard base64 with padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The bytes that `text` spells in strict standard base64.
pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let text = text.as_bytes();
    if !text.len().is_multiple_of(4) {
        return Err(Base64Error);
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let quads = text.len() / 4;
    for (q, quad) in text.chunks(4).enumerate() {
        // Padding is allowed only in the last group, as its last one or two characters.
        let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && q + 1 != quads) {
            return Err(Base64Error);
        }
        let mut n = 0u32;
        for &c in &quad[..4 - pad] {
            n = (n << 6) | value(c).ok_or(Base64Error)?;
        }
        n <<= 6 * pad;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        // The bits the padding leaves over must be zero, or two texts would mean one value.
        if bytes[3 - pad..].iter().any(|&b| b != 0) {
            return Err(Base64Error);
        }
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Ok(out)
}

/// The six bits a character of the alphabet stands for.
fn value(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}
