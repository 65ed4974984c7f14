//! Table test for what a new passphrase must be (`domain::lock::passphrase`).

use safeguarding_toolkit::domain::lock::passphrase::problems;

#[test]
fn a_new_passphrase_is_long_enough_typed_the_same_twice_and_understood() {
    let long = "green kettle on monday";
    let rows: Vec<(&str, &str, bool, Vec<&str>)> = vec![
        (long, long, true, vec![]),
        ("exactly 10", "exactly 10", true, vec![]),
        ("ten chars!", "ten chars!", true, vec![]),
        ("short", "short", true, vec!["new-passphrase"]),
        ("nine char", "nine char", true, vec!["new-passphrase"]),
        ("éééééééééé", "éééééééééé", true, vec![]),
        ("", "", true, vec!["new-passphrase"]),
        ("          ", "          ", true, vec!["new-passphrase"]),
        (long, "", true, vec!["passphrase-again"]),
        (long, "green kettle on tuesday", true, vec!["passphrase-again"]),
        (long, "Green kettle on monday", true, vec!["passphrase-again"]),
        (long, long, false, vec!["passphrase-understood"]),
        ("", "", false, vec!["new-passphrase", "passphrase-understood"]),
        (
            "short",
            "other",
            false,
            vec!["new-passphrase", "passphrase-again", "passphrase-understood"],
        ),
    ];
    for (passphrase, again, understood, expected) in rows {
        let got: Vec<&str> = problems(passphrase, again, understood)
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(got, expected, "{passphrase:?} / {again:?} / {understood}");
    }
}
