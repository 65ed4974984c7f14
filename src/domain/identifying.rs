//! Notices when a note looks as if it identifies a child or family, so the editor can show a
//! gentle hint. It never blocks saving and sends nothing anywhere.
//!
//! [`scan`] runs on every keystroke over notes of up to 20,000 characters, so each kind is a
//! small hand-written scanner over the note's words (no regex crate: it would cost too much in
//! the wasm), and the whole scan is linear in the length of the note. Each scanner looks at most
//! a few words ahead of where it starts.
//!
//! Dismissing the hint for a note is left to the editor, as it is the editor's state, not a
//! rule about text. [`Finding`] is `Copy` and `Eq`, so the editor can remember the kinds that
//! were there when the person dismissed the hint and show it again only for a new kind.

use crate::domain::workdays::MONTHS;

/// Something in a note that looks as if it identifies a person. [`scan`] gives them in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    /// Ten digits that pass the NHS number's Modulus 11 check, alone or grouped 3-3-4.
    NhsNumber,
    /// A UK postcode such as LS1 4AB.
    Postcode,
    /// A date after "DOB", "date of birth" or "born"; a date alone is not a finding.
    DateOfBirth,
    /// A UK phone number: a landline or mobile, in national or +44 form.
    PhoneNumber,
    /// An email address.
    Email,
    /// A capitalised first and last name after a word such as "child", "mum" or "called".
    Name,
}

/// Why the hint matters, said once after what was noticed.
pub const WHY: &str =
    "Notes should not identify a child or family: anyone who uses this browser could read them.";

impl Finding {
    /// What was noticed, in words that follow "You may have written".
    ///
    /// The matched text is not repeated: it is already on screen, and a hint read out by a
    /// screen reader should not say a child's name or number aloud a second time.
    pub fn noticed(self) -> &'static str {
        match self {
            Finding::NhsNumber => "an NHS number",
            Finding::Postcode => "a postcode",
            Finding::DateOfBirth => "a date of birth",
            Finding::PhoneNumber => "a phone number",
            Finding::Email => "an email address",
            Finding::Name => "a person's name",
        }
    }
}

/// The hint for `findings`, such as "You may have written an NHS number and a phone number."
/// followed by [`WHY`], or `None` when there is nothing to say.
pub fn hint(findings: &[Finding]) -> Option<String> {
    let (last, rest) = findings.split_last()?;
    let mut out = String::from("You may have written ");
    for (i, finding) in rest.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(finding.noticed());
    }
    if !rest.is_empty() {
        out.push_str(" and ");
    }
    out.push_str(last.noticed());
    out.push_str(". ");
    out.push_str(WHY);
    Some(out)
}

/// Every kind of finding in `text`, each at most once, in the order of [`Finding`].
pub fn scan(text: &str) -> Vec<Finding> {
    let words = words(text);
    let b = text.as_bytes();
    let at_any = |check: fn(&[u8], &[Word], usize) -> bool| (0..words.len()).any(|k| check(b, &words, k));
    [
        (Finding::NhsNumber, at_any(nhs_number_at)),
        (Finding::Postcode, at_any(postcode_at)),
        (Finding::DateOfBirth, at_any(date_of_birth_at)),
        (Finding::PhoneNumber, at_any(phone_number_at)),
        (Finding::Email, (0..b.len()).any(|i| email_at(b, i))),
        (Finding::Name, at_any(name_at)),
    ]
    .into_iter()
    .filter_map(|(finding, found)| found.then_some(finding))
    .collect()
}

/// A run of letters and digits, with an apostrophe or hyphen between two letters kept inside it
/// ("O'Brien", "Smith-Jones"); digits either side of a hyphen stay apart ("14-03-2019").
struct Word<'t> {
    start: usize,
    text: &'t str,
}

impl Word<'_> {
    fn end(&self) -> usize {
        self.start + self.text.len()
    }

    fn is_digits(&self, lengths: std::ops::RangeInclusive<usize>) -> bool {
        lengths.contains(&self.text.len()) && self.text.bytes().all(|c| c.is_ascii_digit())
    }
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut start = None;
    let mut prev_letter = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_letter = chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
        let joins = matches!(c, '\'' | '’' | '-') && prev_letter && next_letter;
        match (c.is_alphanumeric() || joins, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push(Word {
                    start: s,
                    text: &text[s..i],
                });
                start = None;
            }
            _ => {}
        }
        prev_letter = c.is_alphabetic();
    }
    if let Some(s) = start {
        words.push(Word {
            start: s,
            text: &text[s..],
        });
    }
    words
}

/// The bytes between word `k - 1` (or the start of the text) and word `k`.
fn gap<'t>(b: &'t [u8], words: &[Word], k: usize) -> &'t [u8] {
    let from = if k == 0 { 0 } else { words[k - 1].end() };
    &b[from..words[k].start]
}

/// Whether words `k..` read as an NHS number: ten digits, or groups of 3, 3 and 4 digits joined
/// by the same single space or hyphen.
fn nhs_number_at(b: &[u8], words: &[Word], k: usize) -> bool {
    let grouped = words.len() > k + 2
        && [3, 3, 4]
            .iter()
            .enumerate()
            .all(|(i, &n)| words[k + i].is_digits(n..=n))
        && matches!(gap(b, words, k + 1), b" " | b"-")
        && gap(b, words, k + 1) == gap(b, words, k + 2);
    let digits: Vec<u8> = if words[k].is_digits(10..=10) {
        words[k].text.bytes().collect()
    } else if grouped {
        words[k..k + 3].iter().flat_map(|w| w.text.bytes()).collect()
    } else {
        return false;
    };
    modulus_11(&digits)
}

/// The NHS number check: weights 10 down to 2 on the first nine digits, and the tenth digit is
/// 11 minus the sum's remainder by 11 (11 counts as 0; 10 means no number is valid).
fn modulus_11(digits: &[u8]) -> bool {
    let value = |c: u8| u32::from(c - b'0');
    let sum: u32 = digits
        .iter()
        .take(9)
        .zip((2..=10).rev())
        .map(|(&c, w)| value(c) * w)
        .sum();
    let check = (11 - sum % 11) % 11;
    digits.len() == 10 && check != 10 && digits.last().is_some_and(|&c| value(c) == check)
}

/// Whether words `k..` read as a UK postcode: an outward part (A9, A99, A9A, AA9, AA99 or AA9A)
/// and an inward part (9AA), with one space between them or, in capitals, none.
///
/// Ordinary words never match, as both parts need a digit. The letters are all capitals or all
/// lower case; lower case needs the space and an inward part that is not an ordinal, so "ks2
/// 2nd" is not a postcode but B33 8TH is.
fn postcode_at(b: &[u8], words: &[Word], k: usize) -> bool {
    let w = words[k].text.as_bytes();
    let caps = |p: &[u8]| !p.iter().any(u8::is_ascii_lowercase);
    let small = |p: &[u8]| !p.iter().any(u8::is_ascii_uppercase);
    if w.len() >= 5 && caps(w) && outward(&w[..w.len() - 3]) && inward(&w[w.len() - 3..]) {
        return true;
    }
    let Some(next) = words.get(k + 1) else {
        return false;
    };
    let n = next.text.as_bytes();
    if gap(b, words, k + 1) != b" " || !outward(w) || !inward(n) {
        return false;
    }
    (caps(w) && caps(n)) || (small(w) && small(n) && !matches!(&n[1..], b"st" | b"nd" | b"rd" | b"th"))
}

/// A postcode's outward part: one or two letters (not starting with Q, V or X), a digit, and
/// an optional digit or letter.
fn outward(w: &[u8]) -> bool {
    let letters = w.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    (1..=2).contains(&letters)
        && !b"QVXqvx".contains(&w[0])
        && match &w[letters..] {
            [d] => d.is_ascii_digit(),
            [d, e] => d.is_ascii_digit() && e.is_ascii_alphanumeric(),
            _ => false,
        }
}

/// A postcode's inward part: a digit and two letters, none of C, I, K, M, O or V.
fn inward(w: &[u8]) -> bool {
    let letter = |c: &u8| c.is_ascii_alphabetic() && !b"CIKMOVcikmov".contains(c);
    matches!(w, [d, x, y] if d.is_ascii_digit() && letter(x) && letter(y))
}

/// How many words after "DOB" or "born" the date may start within.
const DOB_WINDOW: usize = 5;

/// Whether word `k` starts "DOB", "D.O.B.", "born", "birth" ("date of birth", "birth date") or
/// "birthday", and a date starts within the next five words of the same sentence.
///
/// A date alone is not a finding: notes record the dates of visits, meetings and training.
fn date_of_birth_at(b: &[u8], words: &[Word], k: usize) -> bool {
    let is = |i: usize, word: &str| words.get(i).is_some_and(|w| w.text.eq_ignore_ascii_case(word));
    let dotted = is(k, "d") && is(k + 1, "o") && is(k + 2, "b") && gap(b, words, k + 1) == b".";
    let from = if dotted && gap(b, words, k + 2) == b"." {
        k + 3
    } else if ["dob", "born", "birth", "birthday"].iter().any(|t| is(k, t)) {
        k + 1
    } else {
        return false;
    };
    // The full stop after "D.O.B." or "DOB." does not end the sentence.
    let mut to = from;
    while to < words.len() && to < from + DOB_WINDOW && (to == from || !sentence_break(gap(b, words, to))) {
        to += 1;
    }
    (from..to).any(|j| date_at(b, words, j))
}

/// Whether a gap between words ends a sentence: a line break, or a full stop, question mark or
/// exclamation mark and a space.
fn sentence_break(gap: &[u8]) -> bool {
    gap.contains(&b'\n')
        || (gap.iter().any(|c| b".!?".contains(c)) && gap.iter().any(u8::is_ascii_whitespace))
}

/// Whether words `j..` read as a date: day, month and year in figures joined by the same "/",
/// "-" or "." (or year first: 2019-03-14), or a month's name (or its first three letters) beside
/// a day or a year: "14 March", "14th of March", "March 14th, 2019", "May 2020".
fn date_at(b: &[u8], words: &[Word], j: usize) -> bool {
    let number = |i: usize| words.get(i).is_some_and(|w| day_or_year(w.text));
    let of = |i: usize| words.get(i).is_some_and(|w| w.text.eq_ignore_ascii_case("of"));
    let month = is_month(words[j].text);
    numeric_date_at(b, words, j)
        || (month && (number(j + 1) || (j >= 1 && number(j - 1)) || (j >= 2 && of(j - 1) && number(j - 2))))
}

fn numeric_date_at(b: &[u8], words: &[Word], j: usize) -> bool {
    let Some([d, m, y]) = words.get(j..j + 3) else {
        return false;
    };
    let sep = gap(b, words, j + 1);
    if !matches!(sep, b"/" | b"-" | b".")
        || gap(b, words, j + 2) != sep
        || ![d, m, y].iter().all(|w| w.is_digits(1..=4))
    {
        return false;
    }
    let value = |w: &Word| w.text.bytes().fold(0, |n, c| n * 10 + u32::from(c - b'0'));
    let (day, month) = match (d.text.len(), m.text.len(), y.text.len()) {
        (1..=2, 1..=2, 2 | 4) => (value(d), value(m)),
        (4, 1..=2, 1..=2) => (value(y), value(m)),
        _ => return false,
    };
    (1..=31).contains(&day) && (1..=12).contains(&month)
}

/// One to four digits, with or without "st", "nd", "rd" or "th": "14", "14th", "2019".
fn day_or_year(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &word[digits..];
    (1..=4).contains(&digits)
        && (suffix.is_empty()
            || ["st", "nd", "rd", "th"]
                .iter()
                .any(|s| suffix.eq_ignore_ascii_case(s)))
}

/// A month's name, its first three letters or "Sept", in any case.
fn is_month(word: &str) -> bool {
    word.eq_ignore_ascii_case("sept")
        || MONTHS
            .iter()
            .any(|m| word.eq_ignore_ascii_case(m) || word.eq_ignore_ascii_case(&m[..3]))
}

/// Whether words `k..` read as a UK phone number: groups of digits joined by a space, a hyphen
/// or brackets, from +44 or 0044 (with or without "(0)") or from a first group of at least three
/// digits that starts with 0. Digits that read as an NHS number are not also a phone number.
///
/// The three-digit first group keeps dates such as 01-03-2024 out; years, counts ("15 working
/// days") and extensions ("4412") do not start with 0 or are too short.
fn phone_number_at(b: &[u8], words: &[Word], k: usize) -> bool {
    if nhs_number_at(b, words, k) {
        return false;
    }
    let plus = gap(b, words, k).ends_with(b"+");
    let mut digits = Vec::new();
    for (i, word) in words[k..].iter().enumerate().take(6) {
        let g = gap(b, words, k + i);
        let joined = i == 0 || (g.len() <= 2 && g.iter().all(|c| b" -()".contains(c)));
        if !joined || !word.is_digits(1..=14) || digits.len() + word.text.len() > 14 {
            return false;
        }
        digits.extend(word.text.bytes());
        if uk_phone(&digits, plus, words[k].text.len()) {
            return true;
        }
    }
    false
}

/// Whether `digits` make a UK number: 01 with 10 or 11 digits, or 02, 03 or 07 with 11, once
/// +44 or 0044 is read as the leading 0. Other numbers (0800 helplines) are organisations'.
fn uk_phone(digits: &[u8], plus: bool, first_group: usize) -> bool {
    let abroad = if plus {
        digits.strip_prefix(b"44")
    } else {
        digits.strip_prefix(b"0044")
    };
    let (len, area) = match abroad {
        // "+44 (0)20 ..." writes the 0 that is left out when dialling from abroad.
        Some(rest) => {
            let rest = rest.strip_prefix(b"0").unwrap_or(rest);
            (rest.len() + 1, rest.first())
        }
        None if plus || first_group < 3 => return false,
        None => match digits {
            [b'0', rest @ ..] => (digits.len(), rest.first()),
            _ => return false,
        },
    };
    matches!(
        (area, len),
        (Some(b'1'), 10 | 11) | (Some(b'2' | b'3' | b'7'), 11)
    )
}

/// Whether `b[at]` is the `@` of an email address: a character of the address's local part
/// before it, and after it a domain of at least two dot-separated parts, the last of two or more
/// letters. A handle such as @LeedsSCP has no local part; "root@localhost" has no dot.
///
/// Each byte is read by at most the one `@` before it, as the domain stops at the next `@`.
fn email_at(b: &[u8], at: usize) -> bool {
    let local = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80 || b"._%+-".contains(&c);
    if b[at] != b'@' || at == 0 || !local(b[at - 1]) {
        return false;
    }
    let rest = &b[at + 1..];
    let len = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || b".-".contains(c))
        .count();
    // A full stop after the address ends the sentence.
    let domain = rest[..len].strip_suffix(b".").unwrap_or(&rest[..len]);
    let tld = domain.rsplit(|&c| c == b'.').next().unwrap_or_default();
    domain.contains(&b'.')
        && domain.split(|&c| c == b'.').all(|part| !part.is_empty())
        && tld.len() >= 2
        && tld.iter().all(u8::is_ascii_alphabetic)
}

/// Words after which a capitalised first and last name is a child's or a relative's, one space
/// between each (a string costs the wasm less than a table of slices).
const NAME_TRIGGERS: &str = "child baby boy girl son daughter brother sister sibling mum mother dad \
    father stepmum stepdad carer partner called named name";

/// Capitalised words common in the names of reviews, plans, services, roles and places, which a
/// person's name is not: "Child Practice Review", "Mum called Leeds City Council".
const NOT_NAMES: &str = "Abuse Academy Act After Agency Appreciative Arrangements Assessment \
    Authority Board Care Case Centre Child Children City College Conference Council County Court \
    Criminal Death Doctor Domestic Door Early East Exploitation Families Family First Head Health \
    Help Hospital Hospitals Inquiry Lead Learning Local Looked Mental Midwife Multi National Neglect North \
    Nurse Officer Order Overview Panel Partnership People Plan Police Practice Protection Rapid \
    Review Reviews Safeguarding School Serious Service Services Sexual Social South Start \
    Strategy Support Teaching Team Together Trust Unit University West Worker Working Young";

/// Whether word `k` is one of [`NAME_TRIGGERS`] and two name words follow it: "Child Jayden
/// Smith", "mum is Sarah Jones", "a boy called Liam O'Brien", "Dad: Mark Smith-Jones".
///
/// Between the trigger and the name may come "is" or "was" and one ":", ",", "(" or "-". A
/// single name ("Child B", "Child Jayden") or a sentence break before the name is not a finding;
/// a title and a surname ("dad is Mr Kowalski") read as two name words and are one.
fn name_at(b: &[u8], words: &[Word], k: usize) -> bool {
    let lead_in = |i: usize| {
        let g = gap(b, words, i);
        g.iter().all(|c| c.is_ascii_whitespace() || b":,(-".contains(c))
            && g.iter().filter(|c| !c.is_ascii_whitespace()).count() <= 1
    };
    if !NAME_TRIGGERS
        .split(' ')
        .any(|t| words[k].text.eq_ignore_ascii_case(t))
    {
        return false;
    }
    let mut m = k + 1;
    if words.get(m).is_some_and(|w| w.text == "is" || w.text == "was") && lead_in(m) {
        m += 1;
    }
    let Some([first, last]) = words.get(m..m + 2) else {
        return false;
    };
    lead_in(m)
        && gap(b, words, m + 1).iter().all(|&c| c == b' ' || c == b'\t')
        && name_word(first.text)
        && name_word(last.text)
}

/// A capital, a small letter, then letters, apostrophes or hyphens ("Jayden", "McDonald",
/// "Smith-Jones", "Zoë", and "O'Brien" after its "O'"), and not one of [`NOT_NAMES`], with or
/// without "'s".
fn name_word(word: &str) -> bool {
    let bare = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    let core = bare
        .strip_prefix("O'")
        .or_else(|| bare.strip_prefix("O’"))
        .unwrap_or(bare);
    let mut chars = core.chars();
    let capitalised = matches!((chars.next(), chars.next()), (Some(a), Some(b)) if upper(a) && lower(b));
    capitalised
        && core
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        && !NOT_NAMES.split(' ').any(|n| n == bare)
}

/// A capital letter. Outside ASCII it is a letter that lower case changes: that uses the case
/// tables the app already has for `to_lowercase` instead of adding `is_uppercase`'s.
fn upper(c: char) -> bool {
    c.is_ascii_uppercase() || (!c.is_ascii() && c.to_lowercase().next() != Some(c))
}

/// A small letter, in the same way as [`upper`].
fn lower(c: char) -> bool {
    c.is_ascii_lowercase() || (!c.is_ascii() && c.is_alphabetic() && !upper(c))
}
