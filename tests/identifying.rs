//! Table tests for noticing note text that looks as if it identifies a child or family
//! (`domain::identifying`), with property tests on pseudo-random text.

use safeguarding_toolkit::domain::identifying::Finding::{self, *};
use safeguarding_toolkit::domain::identifying::{hint, scan, WHY};
use safeguarding_toolkit::domain::notes::MAX_FIELD_CHARS;

/// One case: what `scan` finds in `input`.
fn check(input: &str, expected: &[Finding]) {
    assert_eq!(scan(input), expected, "scan of {input:?}");
}

#[test]
fn what_scan_finds() {
    // NHS numbers: 943 476 5919 and 401 023 2137 pass the Modulus 11 check.
    check("NHS number 943 476 5919.", &[NhsNumber]);
    check("9434765919", &[NhsNumber]);
    check("943-476-5919", &[NhsNumber]);
    check("(401 023 2137)", &[NhsNumber]);
    // One digit changed, so the check digit is wrong.
    check("943 476 5918", &[]);
    check("943 476 5819", &[]);
    // The first nine digits give a check value of 10, which no NHS number has.
    check("943 476 5030", &[]);
    // Grouped otherwise, or part of a longer run of digits.
    check("943 4765 919", &[]);
    check("943 476-5919", &[]);
    check("943  476  5919", &[]);
    check("19434765919", &[]);
    check("943 476 59190", &[]);
    check("A9434765919", &[]);

    // Postcodes, in every outward shape.
    check("They moved to LS1 4AB last year.", &[Postcode]);
    check("M1 1AE", &[Postcode]);
    check("CR2 6XH", &[Postcode]);
    check("DN55 1PT", &[Postcode]);
    check("W1A 0AX", &[Postcode]);
    check("EC1A 1BB", &[Postcode]);
    check("B33 8TH", &[Postcode]);
    check("LS14AB", &[Postcode]);
    check("ls6 2ab", &[Postcode]);
    // Mixed case, lower case without the space, letters no inward part uses.
    check("Ls6 2ab", &[]);
    check("ls62ab", &[]);
    check("LS1 4CB", &[]);
    // Codes with digits in ordinary notes.
    check("Section 47: the S47 enquiry", &[]);
    check("Y6 pupils and KS2 SATs", &[]);
    check("the ks2 2nd year", &[]);
    check("the A64 road", &[]);

    // Dates of birth: a date within five words after "DOB", "D.O.B.", "born" or "birth".
    check("DOB 14/03/2019", &[DateOfBirth]);
    check("D.O.B. 14.3.19", &[DateOfBirth]);
    check("DOB:\n14/03/2019", &[DateOfBirth]);
    check("dob: 14-03-2019", &[DateOfBirth]);
    check("Date of birth: 2019-03-14", &[DateOfBirth]);
    check("She was born on 14 March 2019.", &[DateOfBirth]);
    check("born on the 14th of March 2019", &[DateOfBirth]);
    check("Born March 14th, 2019", &[DateOfBirth]);
    check("born in Sept 2020", &[DateOfBirth]);
    // A sibling's date of birth identifies the family too.
    check("the birth of her brother in May 2021", &[DateOfBirth]);
    // A date alone is the date of a visit, a meeting or training.
    check(
        "We discussed Child B's case at the team meeting on 14 March 2024.",
        &[],
    );
    check("Training on 14/03/2024", &[]);
    // A year is not a date; nor is a date in the next sentence, or too far on.
    check("born in 2019", &[]);
    check(
        "She was born prematurely. On 14 March 2024 we reviewed the plan.",
        &[],
    );
    check("She was born in Leeds\n14 March 2024: home visit", &[]);
    check("born early and then in the spring of 2020 she moved", &[]);
    check("DOB unknown", &[]);
    check("Birth to 5 service since 2019", &[]);
    check("born on 14/13/2019", &[]);

    // Phone numbers (Ofcom's numbers for drama: 07700 900xxx, 0113 496 0xxx, 020 7946 0xxx).
    check("Mum's mobile is 07700 900123.", &[PhoneNumber]);
    check("07700900123", &[PhoneNumber]);
    check("07700-900-123", &[PhoneNumber]);
    check("Ring 0113 496 0123 after 4pm", &[PhoneNumber]);
    check("(0113) 496 0123", &[PhoneNumber]);
    check("020 7946 0018", &[PhoneNumber]);
    check("+44 7700 900123", &[PhoneNumber]);
    check("+44 (0)20 7946 0018", &[PhoneNumber]);
    check("+447700900123", &[PhoneNumber]);
    check("0044 7700 900123", &[PhoneNumber]);
    // A group after the number does not hide it.
    check("07700 900123 2 times", &[PhoneNumber]);
    // Ten digits from 01 are a phone number unless they read as an NHS number.
    check("0113 496 028", &[PhoneNumber]);
    check("011 349 6028", &[NhsNumber]);
    // Too short for a mobile, a helpline, a number from abroad.
    check("07700 90012", &[]);
    check("Childline 0800 1111", &[]);
    check("+1 555 0100", &[]);
    // Years, counts, extensions and dates are not phone numbers.
    check("Working Together 2018", &[]);
    check("We read 11 Rapid Reviews.", &[]);
    check("Rapid Review within 15 working days", &[]);
    // An internal extension is not a personal number, so it gives no hint.
    check("Call the MASH on extension 4412.", &[]);
    // Accepted: a service's number looks like anyone's.
    check(
        "I called Children's Social Work Services on 0113 496 0336.",
        &[PhoneNumber],
    );
    check("Visit on 07-03-2024 at 10 30", &[]);
    check("07/03/2024", &[]);

    // Email addresses, but not handles or addresses without a domain.
    check("Email jo.bloggs@example.com about it", &[Email]);
    check("Her address is sarah_j+notes@mail.example.co.uk.", &[Email]);
    check("zoë@example.org", &[Email]);
    check("Follow @LeedsSCP for updates", &[]);
    check("Meet @ 10am", &[]);
    check("root@localhost", &[]);
    check("a@b.c", &[]);
    check("jo@.com", &[]);

    // Names: a capitalised first and last name after a word for a child, a relative or naming.
    check("Child Jayden Smith attends Year 2.", &[Name]);
    check("Mum Sarah Jones came to the meeting.", &[Name]);
    check("mum is Sarah Jones", &[Name]);
    check("a boy called Liam O'Brien", &[Name]);
    check("Dad: Mark Smith-Jones", &[Name]);
    check("Her stepdad (Dean McDonald) left.", &[Name]);
    check("The baby, named Zoë Nowak, was", &[Name]);
    check("The child's name is Łukasz Kowalski.", &[Name]);
    check("The mum’s partner Dean Smith visited.", &[Name]);
    // A title and a surname identify a family as well as a first name does.
    check("Mum is Polish; dad is Mr Kowalski.", &[Name]);
    // Review names, plans and services, named in the issue.
    check("Child B", &[]);
    check("Child E", &[]);
    check("Child B Serious Case Review", &[]);
    check(
        "Working Together 2018 says the review should start within 15 working days.",
        &[],
    );
    check("Working Together to Safeguard Children", &[]);
    check("The Serious Case Review found", &[]);
    check("the Child Practice Review", &[]);
    check("Child Death Overview Panel", &[]);
    check("Child Safeguarding Practice Review", &[]);
    check("Team Around the Family", &[]);
    check("an Appreciative Inquiry", &[]);
    check("Leeds Safeguarding Children Partnership", &[]);
    check("She was on a Child Protection Plan", &[]);
    check("Child Sexual Exploitation", &[]);
    check("Mum called Leeds City Council", &[]);
    check("Dad called West Yorkshire Police", &[]);
    check("Mum called Children's Social Care", &[]);
    check("a meeting with our partner Leeds Teaching Hospitals", &[]);
    check("the Named Nurse Sarah Jones", &[]);
    // One name, a name in the next sentence, no trigger word, lower case.
    check("Child Jayden went home", &[]);
    check(
        "She lives with her mum. Sarah Jones from Early Help visited.",
        &[],
    );
    check("Jayden Smith was seen", &[]);
    check("child jayden smith", &[]);
    // Accepted: two capitalised words after "called" may be a title, not a person.
    check("a course called Hidden Harm", &[Name]);

    // Every kind at once comes back once each, in the same order whatever the text's order.
    check(
        "Child Jayden Smith, DOB 14/03/2019, NHS 943 476 5919, lives at LS1 4AB; \
         mum on 07700 900123 or jo@example.com.",
        &[NhsNumber, Postcode, DateOfBirth, PhoneNumber, Email, Name],
    );
    check(
        "jo@example.com 07700 900123 born 1 May 2019 LS1 4AB 943 476 5919 Mum Sarah Jones \
         jo@example.org 020 7946 0018",
        &[NhsNumber, Postcode, DateOfBirth, PhoneNumber, Email, Name],
    );
}

#[test]
fn the_hint_says_what_was_noticed_and_why() {
    fn check(findings: &[Finding], expected: Option<&str>) {
        let expected = expected.map(|e| format!("{e} {WHY}"));
        assert_eq!(hint(findings), expected, "hint for {findings:?}");
    }
    check(&[], None);
    check(&[NhsNumber], Some("You may have written an NHS number."));
    check(&[Postcode], Some("You may have written a postcode."));
    check(&[DateOfBirth], Some("You may have written a date of birth."));
    check(&[PhoneNumber], Some("You may have written a phone number."));
    check(&[Email], Some("You may have written an email address."));
    check(&[Name], Some("You may have written a person's name."));
    check(
        &[NhsNumber, Postcode, PhoneNumber],
        Some("You may have written an NHS number, a postcode and a phone number."),
    );
    assert_eq!(
        WHY,
        "Notes should not identify a child or family: anyone who uses this browser could read them."
    );
}

/// Pseudo-random notes from a fixed linear congruential generator: pieces of every kind of
/// finding mixed with multi-byte characters, digits and punctuation, each piece followed by a
/// separator (often a space, sometimes nothing).
fn random_notes() -> Vec<String> {
    const PIECES: &[&str] = &[
        "943 476 5919",
        "943",
        "0113 496 0123",
        "-",
        ".",
        ":",
        "(",
        ")",
        "+",
        "@",
        "/",
        "'",
        "’",
        "é",
        "Ł",
        "ß",
        "🙂",
        "—",
        "£",
        "\u{301}",
        "0",
        "7",
        "1",
        "44",
        "07700",
        "900123",
        "LS1",
        "4AB",
        "ls6 2ab",
        "EC1A1BB",
        "DOB",
        "D.O.B.",
        "born",
        "March",
        "14th",
        "14",
        "03",
        "2019",
        "14/03/2019",
        "Child",
        "Mum",
        "called",
        "Jayden",
        "Smith",
        "Sarah",
        "O'Brien",
        "Review",
        "B",
        "jo",
        "example.com",
        "jo@example.org",
        "a",
        "Z",
        "is",
        "of",
    ];
    const SEPARATORS: &[&str] = &[" ", " ", " ", "", "\n", ", ", ". ", "-", "/", "  "];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    (0..400)
        .map(|_| {
            let len = next() % 30;
            let mut note = String::new();
            for _ in 0..len {
                note.push_str(PIECES[next() % PIECES.len()]);
                note.push_str(SEPARATORS[next() % SEPARATORS.len()]);
            }
            note
        })
        .collect()
}

#[test]
fn scanning_arbitrary_text_never_panics_and_ignores_trailing_whitespace() {
    let order = |f: &Finding| *f as u8;
    let mut kinds_seen = [false; 6];
    for note in random_notes() {
        let found = scan(&note);
        for f in &found {
            kinds_seen[order(f) as usize] = true;
        }
        assert!(
            found.windows(2).all(|w| order(&w[0]) < order(&w[1])),
            "{found:?} for {note:?} is not in order without repeats"
        );
        for tail in [" ", "\n", " \t \n"] {
            assert_eq!(
                scan(&format!("{note}{tail}")),
                found,
                "{note:?} with {tail:?} after it"
            );
        }
    }
    // Every scanner found something, so the comparisons above were not all of empty lists.
    assert_eq!(kinds_seen, [true; 6]);
}

/// `piece` repeated up to the longest field a note may have.
fn longest_note(piece: &str) -> String {
    piece.chars().cycle().take(MAX_FIELD_CHARS).collect()
}

#[test]
fn a_note_of_the_longest_length_is_scanned_whole() {
    // A reflective note with dates, figures and review names but nothing that identifies anyone,
    // then the same note with a name in its last line.
    let note = longest_note(
        "We discussed Child B's case at the team meeting on 14 March 2024. Working Together 2018 \
         says a Rapid Review within 15 working days. Call the MASH on extension 4412. ",
    );
    assert_eq!(note.chars().count(), MAX_FIELD_CHARS);
    check(&note, &[]);
    check(&format!("{note}\nMum Sarah Jones"), &[Name]);
    // Text made of what each scanner starts on, over and over, is still read once through.
    for (piece, expected) in [
        ("1 ", &[][..]),
        ("07700 ", &[]),
        ("a@", &[]),
        ("@.", &[]),
        ("DOB born ", &[]),
        ("Child Mum called ", &[]),
        ("LS1 ", &[]),
        ("943 476 5919 ", &[NhsNumber]),
        ("Mum is Sarah Jones ", &[Name]),
    ] {
        check(&longest_note(piece), expected);
    }
}
