//! The content bundle that `build.rs` checked and wrote, embedded in the binary and parsed once.

use std::sync::OnceLock;

use crate::domain::content::Library;

/// The JSON that `build.rs` wrote from `content/`.
pub const LIBRARY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/library.json"));

/// The bundled library, parsed on first use. `build.rs` wrote it from checked types, so a parse
/// failure cannot happen in a build that passed; if it somehow did, the library is empty and
/// pages say there is nothing to show rather than crash.
pub fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| serde_json::from_str(LIBRARY_JSON).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bundle_parses() {
        let parsed: Result<super::Library, _> = serde_json::from_str(super::LIBRARY_JSON);
        assert!(parsed.is_ok(), "{parsed:?}");
    }
}
