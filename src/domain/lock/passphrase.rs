//! What a new passphrase must be before the lock takes it, said as the form's errors.

/// The fewest characters a new passphrase may have.
pub const MIN_CHARS: usize = 10;

/// Problems with a new passphrase typed twice, each as (the field's id, what to do), in the
/// order the fields are on the page. Empty when it can be used.
///
/// Only length is asked for: a long phrase of ordinary words is easier to remember and type on
/// a phone, and harder to guess, than a short one with symbols. Spaces count, and are kept as
/// typed; it is compared exactly as typed (the key is derived from its composed form).
pub fn problems(passphrase: &str, again: &str, understood: bool) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    let chars = passphrase.chars().count();
    if passphrase.trim().is_empty() {
        problems.push(("new-passphrase", "Enter a passphrase".to_string()));
    } else if chars < MIN_CHARS {
        problems.push((
            "new-passphrase",
            format!("Your passphrase must be at least {MIN_CHARS} characters, such as three or four ordinary words"),
        ));
    }
    if again.is_empty() && !passphrase.trim().is_empty() {
        problems.push(("passphrase-again", "Enter your passphrase again".to_string()));
    } else if !again.is_empty() && again != passphrase {
        problems.push((
            "passphrase-again",
            "The two passphrases are not the same".to_string(),
        ));
    }
    if !understood {
        problems.push((
            "passphrase-understood",
            "Confirm you understand a forgotten passphrase cannot be recovered".to_string(),
        ));
    }
    problems
}
