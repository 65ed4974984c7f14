//! Note versions: random ids made by the tab that wrote them, and the short ancestry that lets
//! two copies of a note tell "this one grew from that one" from "both changed".
//!
//! A tab gives a note a new version id the first time it changes a version it did not make (a
//! new sitting), and counts further saves of its own version in `rev`. So a version is the pair
//! (id, rev), only one tab ever writes revisions of an id, and `(id, 3)` grew from `(id, 2)`.
//! Ancestry names the versions earlier sittings ended at, newest first, so it grows by one a
//! sitting, not one a save, and is cut to [`MAX_ANCESTRY`]. Nothing here depends on a clock.

use std::fmt;

/// How many earlier versions a note names, newest first (the oldest is dropped first).
///
/// Each entry costs about 11 bytes stored; three keep 5,000 notes edited in 40 sittings within
/// 10% of their size with no ancestry (`tests/notes_size.rs`).
pub const MAX_ANCESTRY: usize = 3;

/// Versions of notes from schema 1, which had none, are named from their old timestamp with
/// this first character: `@lq2x9k0a`. Random ids never start with it.
pub const LEGACY_MARK: char = '@';

/// The deleted version recorded for a note deleted under schema 1, which kept only the note's
/// id: it covers every version named with [`LEGACY_MARK`].
pub const ANY_LEGACY: &str = "@*";

/// One version of a note: who made it (a random id) and how many times it was saved since.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    /// Eight base-36 characters from the tab's generator, or a legacy name.
    pub id: String,
    /// Saves of this id after the first, counting from 0.
    pub rev: u32,
}

impl Version {
    /// The first save of a new version id.
    pub fn new(id: impl Into<String>) -> Self {
        Version {
            id: id.into(),
            rev: 0,
        }
    }

    /// The version schema 1 knew as `updated_at`.
    pub fn legacy(updated_at: u64) -> Self {
        Version::new(format!("{LEGACY_MARK}{}", base36(updated_at)))
    }

    /// Whether this version is `other`, or a later save of the same id (or, for
    /// [`ANY_LEGACY`], any legacy version).
    pub fn covers(&self, other: &Version) -> bool {
        (self.id == other.id && self.rev >= other.rev)
            || (self.id == ANY_LEGACY && other.id.starts_with(LEGACY_MARK))
    }

    /// Reads `id` or `id.rev`, as [`Version`]'s `Display` writes it.
    pub fn parse(text: &str) -> Option<Version> {
        let (id, rev) = match text.split_once('.') {
            Some((id, rev)) => (id, rev.parse().ok()?),
            None => (text, 0),
        };
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == LEGACY_MARK || c == '*');
        ok.then(|| Version {
            id: id.to_string(),
            rev,
        })
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.rev {
            0 => f.write_str(&self.id),
            rev => write!(f, "{}.{rev}", self.id),
        }
    }
}

/// A note's version and the versions it grew from, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lineage {
    /// This version.
    pub version: Version,
    /// Where earlier sittings ended, newest first, at most [`MAX_ANCESTRY`].
    pub ancestry: Vec<Version>,
}

impl Lineage {
    /// A first version with no ancestry.
    pub fn new(version: Version) -> Self {
        Lineage {
            version,
            ancestry: Vec::new(),
        }
    }

    /// Whether `version` is part of this lineage: this version, an earlier save of it, or one it
    /// names. A note whose lineage includes another's version grew from it.
    pub fn includes(&self, version: &Version) -> bool {
        self.version.covers(version) || self.ancestry.iter().any(|a| a.covers(version))
    }

    /// A new version `id` grown from this one (the next sitting).
    pub fn child(&self, id: String) -> Lineage {
        Lineage {
            version: Version::new(id),
            ancestry: bounded([&self.version], &self.ancestry),
        }
    }

    /// A new version `id` that has taken `self` and `others` into account: after two tabs
    /// changed a note at once, it names them all, so every tab takes it as newer than any (the
    /// others' texts are kept as copies).
    pub fn merged<'a>(&'a self, others: impl IntoIterator<Item = &'a Lineage>, id: String) -> Lineage {
        let others: Vec<&Lineage> = others.into_iter().collect();
        let mut first = vec![&self.version];
        first.extend(others.iter().map(|o| &o.version));
        let mut older = self.ancestry.clone();
        for o in &others {
            older.extend(o.ancestry.iter().cloned());
        }
        Lineage {
            version: Version::new(id),
            ancestry: bounded(first, &older),
        }
    }

    /// The ancestry as stored: versions separated by spaces.
    pub fn ancestry_text(&self) -> String {
        join(&self.ancestry)
    }
}

/// `first` then `rest`, keeping the highest rev of each id, cut to [`MAX_ANCESTRY`].
fn bounded<'a>(first: impl IntoIterator<Item = &'a Version>, rest: &'a [Version]) -> Vec<Version> {
    let mut out: Vec<Version> = Vec::with_capacity(MAX_ANCESTRY);
    for v in first.into_iter().chain(rest) {
        if let Some(o) = out.iter_mut().find(|o| o.id == v.id) {
            o.rev = o.rev.max(v.rev);
        } else if out.len() < MAX_ANCESTRY {
            out.push(v.clone());
        }
    }
    out
}

/// Versions separated by spaces, as ancestry and deletion records are stored.
pub fn join(versions: &[Version]) -> String {
    let mut out = String::new();
    for (i, v) in versions.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&v.to_string());
    }
    out
}

/// Reads versions separated by spaces; `None` if any is malformed.
pub fn split(text: &str) -> Option<Vec<Version>> {
    text.split_whitespace().map(Version::parse).collect()
}

/// New version ids: a SplitMix64 generator the browser seeds from Web Crypto, so two tabs never
/// make the same id. Host tests seed it with a fixed number.
#[derive(Debug, Clone)]
pub struct Ids {
    state: u64,
}

/// How many ids eight base-36 characters can name (about 2^41).
const ID_SPACE: u64 = 36u64.pow(8);

impl Ids {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        Ids { state: seed }
    }

    /// The next id: eight characters from `0-9a-z`.
    pub fn next_id(&mut self) -> String {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let digits = base36(z % ID_SPACE);
        format!("{digits:0>8}")
    }
}

/// `n` in base 36 with lowercase letters.
pub fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}
