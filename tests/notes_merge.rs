//! Host tests for merging: the rule as a table, then tabs sharing one browser's storage, each
//! with its own copy of it that catches up late (as Chromium's do), one test for each way the
//! schema 1 bookkeeping lost words or brought deletes back (issue 13's findings 1 to 6).

mod common;

use common::{body, deliver_all, text, texts, Browser};
use safeguarding_toolkit::domain::kv::KeyValue;
use safeguarding_toolkit::domain::notes::{
    alive, settle, Health, Keep, Lineage, Note, Tombstone, Version, BACKUP_PREFIX, NOTES_KEY,
};

/// Note `id` at `version` (`"id"` or `"id.rev"`), naming `ancestry`, saying `words`.
fn note(words: &str, version: &str, ancestry: &[&str]) -> Note {
    let mut n = Note::new("a", body(words), 1, Version::parse(version).unwrap());
    n.lineage = Lineage {
        version: Version::parse(version).unwrap(),
        ancestry: ancestry.iter().map(|v| Version::parse(v).unwrap()).collect(),
    };
    n
}

/// One row of the rule: this tab's note and whether it has unseen changes, the stored
/// versions, and what settles under the id and which stored versions become copies.
fn check(name: &str, local: Option<(&Note, bool)>, heads: &[&Note], keep: Keep, copies: &[usize]) {
    let settled = settle(local.map(|(n, _)| n), local.is_some_and(|(_, c)| c), heads);
    assert_eq!(
        (settled.keep, settled.copies.as_slice()),
        (keep, copies),
        "{name}"
    );
}

#[test]
fn the_merge_rule() {
    let v1 = note("base", "v1", &[]);
    let v1_saved_again = note("base, more", "v1.1", &[]);
    let theirs = note("theirs", "v2", &["v1"]);
    let ours = note("ours", "v3", &["v1"]);
    let same_words = note("theirs", "v4", &["v1"]);
    check("nothing anywhere", None, &[], Keep::Nothing, &[]);
    check("new elsewhere: take it", None, &[&v1], Keep::Head(0), &[]);
    check(
        "same version: the same",
        Some((&v1, false)),
        &[&v1],
        Keep::Head(0),
        &[],
    );
    check(
        "a later save of mine",
        Some((&v1, false)),
        &[&v1_saved_again],
        Keep::Head(0),
        &[],
    );
    check(
        "theirs names mine: take theirs",
        Some((&v1, false)),
        &[&theirs],
        Keep::Head(0),
        &[],
    );
    check(
        "mine names theirs: keep mine",
        Some((&ours, true)),
        &[&v1],
        Keep::Local,
        &[],
    );
    check(
        "both changed, I am typing: mine keeps the id",
        Some((&ours, true)),
        &[&theirs],
        Keep::Merged,
        &[0],
    );
    check(
        "both changed, nobody typing: the greater version keeps the id on every tab",
        None,
        &[&theirs, &ours],
        Keep::Head(1),
        &[0],
    );
    check(
        "the same words twice: no copy",
        None,
        &[&theirs, &same_words],
        Keep::Head(1),
        &[],
    );
    check(
        "deleted or cleared, unchanged here: gone",
        Some((&v1, false)),
        &[],
        Keep::Nothing,
        &[],
    );
    check(
        "deleted elsewhere, typed here: kept",
        Some((&ours, true)),
        &[],
        Keep::Local,
        &[],
    );
}

#[test]
fn live_versions_leave_out_deleted_and_replaced_ones() {
    let v1 = note("base", "v1", &[]);
    let v2 = note("next", "v2", &["v1"]);
    let fork = note("fork", "v3", &[]);
    let names = |list: Vec<&Note>| list.iter().map(|n| n.version().to_string()).collect::<Vec<_>>();
    assert_eq!(names(alive(&[&v1, &v2, &fork], None)), ["v2", "v3"]);
    let gone = Tombstone {
        id: "a".into(),
        deleted: vec![Version::new("v3")],
        older: vec![],
        at: 0,
        seq: 1,
    };
    assert_eq!(names(alive(&[&v1, &v2, &fork], Some(&gone))), ["v2"]);
    let gone_older = Tombstone {
        deleted: vec![Version::new("v9")],
        older: vec![Version::new("v2")],
        ..gone
    };
    assert_eq!(names(alive(&[&v2, &fork], Some(&gone_older))), ["v3"]);
}

/// Two tabs open on storage that holds notes "a" and "b", each caught up.
fn two_tabs() -> (
    Browser,
    safeguarding_toolkit::domain::notes::NotesStore<common::TabKv>,
    safeguarding_toolkit::domain::notes::NotesStore<common::TabKv>,
) {
    let browser = Browser::new();
    let mut setup = browser.load_store(1);
    setup.put("a", body("a0"), 1).unwrap();
    setup.put("b", body("b0"), 1).unwrap();
    setup.save().unwrap();
    (browser.clone(), browser.load_store(2), browser.load_store(3))
}

fn text_of(tab: &safeguarding_toolkit::domain::notes::NotesStore<common::TabKv>, id: &str) -> String {
    text(&tab.notes().get(id).unwrap().body)
}

#[test]
fn two_tabs_editing_different_notes_lose_nothing() {
    let (browser, mut tab1, mut tab2) = two_tabs();
    tab1.put("a", body("a1"), 10).unwrap();
    tab2.put("b", body("b2"), 11).unwrap();
    tab1.save().unwrap();
    // Tab 2 saves before tab 1's change reaches it: it writes only note "b".
    tab2.save().unwrap();
    deliver_all(&browser, &mut tab1);
    deliver_all(&browser, &mut tab2);
    for tab in [&tab1, &tab2] {
        assert_eq!((text_of(tab, "a"), text_of(tab, "b")), ("a1".into(), "b2".into()));
    }
    assert_eq!(texts(&browser.load_store(9)), ["a1", "b2"]);
}

#[test]
fn two_tabs_editing_the_same_note_keep_both_edits_and_say_so() {
    let (browser, mut tab1, mut tab2) = two_tabs();
    tab1.put("a", body("from tab 1"), 10).unwrap();
    tab1.save().unwrap();
    tab2.put("a", body("from tab 2"), 12).unwrap();
    let report = common::deliver_report(&browser, &mut tab2);
    assert_eq!(report.kept_both.len(), 1, "{report:?}");
    let kept = &report.kept_both[0];
    assert_eq!((kept.id.as_str(), kept.copy_is_ours), ("a", false));
    assert_eq!(
        text_of(&tab2, "a"),
        "from tab 2",
        "the open editor keeps its text"
    );
    assert_eq!(text_of(&tab2, &kept.copy), "from tab 1");
    tab2.save().unwrap();
    deliver_all(&browser, &mut tab1);
    assert_eq!(texts(&tab1), texts(&tab2));
    assert_eq!(texts(&browser.load_store(9)), ["b0", "from tab 1", "from tab 2"]);
}

#[test]
fn finding_1_delete_all_with_my_notes_open_in_another_tab_does_not_come_back() {
    let (browser, mut tab1, mut tab2) = two_tabs();
    tab1.delete_all(20).unwrap();
    tab1.save().unwrap();
    // Tab 2 saves before it hears of the delete, then hears, then saves again.
    tab2.save().unwrap();
    deliver_all(&browser, &mut tab2);
    tab2.save().unwrap();
    assert!(tab2.notes().is_empty(), "{:?}", texts(&tab2));
    assert!(browser.load_store(9).notes().is_empty());
    // Storage cleared with a tab open: its unchanged notes go, its new words stay.
    let (browser, mut tab1, _) = two_tabs();
    tab1.put("c", body("typed after"), 30).unwrap();
    browser.clear();
    deliver_all(&browser, &mut tab1);
    tab1.save().unwrap();
    assert_eq!(texts(&browser.load_store(9)), ["typed after"]);
}

#[test]
fn finding_2_deletion_records_are_kept_by_age_and_a_stale_tab_brings_nothing_back() {
    let browser = Browser::new();
    let mut setup = browser.load_store(1);
    setup.put("a-old", body("old note"), 1).unwrap();
    for i in 0..1_100 {
        setup.put(&format!("z{i:04}"), body("x"), 1).unwrap();
    }
    setup.save().unwrap();
    let mut tab1 = browser.load_store(2);
    let mut tab2 = browser.load_store(3);
    let ids: Vec<String> = (0..1_100).map(|i| format!("z{i:04}")).collect();
    tab1.delete_many(&ids, 5).unwrap();
    tab1.delete("a-old", 6).unwrap();
    tab1.save().unwrap();
    tab2.save().unwrap();
    deliver_all(&browser, &mut tab2);
    tab2.save().unwrap();
    let fresh = browser.load_store(9);
    assert!(
        fresh.notes().get("a-old").is_none(),
        "the deleted old note came back"
    );
    assert!(fresh.notes().is_empty());
    assert_eq!(
        fresh.notes().tombstones().count(),
        1_101,
        "every deletion is recorded"
    );
}

#[test]
fn finding_3_two_edits_at_the_same_clock_time_are_both_kept() {
    let browser = Browser::new();
    let mut setup = browser.load_store(1);
    setup.put("a", body("base"), 100).unwrap();
    setup.save().unwrap();
    let mut tab1 = browser.load_store(2);
    let mut tab2 = browser.load_store(3);
    tab1.put("a", body("tab one first"), 101).unwrap();
    tab1.save().unwrap();
    tab1.put("a", body("tab one second"), 102).unwrap();
    tab1.save().unwrap();
    // Tab 2's copy of storage is behind, and its clock gives the same time as tab 1's edit.
    tab2.put("a", body("tab two"), 101).unwrap();
    tab2.save().unwrap();
    deliver_all(&browser, &mut tab1);
    tab1.save().unwrap();
    deliver_all(&browser, &mut tab2);
    tab2.save().unwrap();
    let all = texts(&browser.load_store(9));
    assert_eq!(all, ["tab one second", "tab two"]);
}

#[test]
fn finding_4_a_tab_that_missed_forty_sittings_catches_up_without_a_copy() {
    let browser = Browser::new();
    let mut setup = browser.load_store(1);
    setup.put("a", body("v0"), 1).unwrap();
    setup.save().unwrap();
    let mut frozen = browser.load_store(2);
    for sitting in 1..=40u64 {
        // Each sitting is a page of its own: a new version each time, many saves in each.
        let mut tab = browser.load_store(100 + sitting);
        for save in 0..3 {
            tab.put("a", body(&format!("v{sitting}.{save}")), sitting)
                .unwrap();
            tab.save().unwrap();
        }
    }
    // The frozen tab wakes up (back-forward cache): it reads storage again.
    common::catch_up_unheard(&browser, &frozen);
    frozen.resync();
    assert_eq!(texts(&frozen), ["v40.2"]);
    // Or it hears every change one by one.
    let mut late = browser.load_store(3);
    let mut tab = browser.load_store(300);
    tab.put("a", body("one more"), 50).unwrap();
    tab.save().unwrap();
    deliver_all(&browser, &mut late);
    assert_eq!(texts(&late), ["one more"]);
    assert_eq!(texts(&browser.load_store(9)), ["one more"]);
}

#[test]
fn finding_6_deleting_the_older_version_a_lagging_tab_shows_keeps_the_newer_edit() {
    let (browser, mut tab1, mut tab2) = two_tabs();
    tab1.put("a", body("a newer edit"), 5).unwrap();
    tab1.save().unwrap();
    // Tab 2 has not heard of it: it deletes the "a0" it shows.
    let report_before = tab2.delete("a", 6).unwrap();
    assert_eq!(report_before.map(|n| text(&n.body)).as_deref(), Some("a0"));
    tab2.save().unwrap();
    let report = common::deliver_report(&browser, &mut tab2);
    assert_eq!(report.kept_despite_delete, ["a"], "{report:?}");
    deliver_all(&browser, &mut tab1);
    assert_eq!(text_of(&tab1, "a"), "a newer edit");
    assert_eq!(text_of(&tab2, "a"), "a newer edit");
    assert_eq!(texts(&browser.load_store(9)), ["a newer edit", "b0"]);
}

#[test]
fn a_newer_version_in_another_tab_makes_this_tab_read_only() {
    let (browser, mut tab1, mut tab2) = two_tabs();
    tab2.put("a", body("typed here"), 5).unwrap();
    let mut kv = tab1.kv().clone();
    kv.set(NOTES_KEY, r#"{"schema":3}"#).unwrap();
    deliver_all(&browser, &mut tab2);
    assert_eq!(tab2.health(), &Health::Newer { schema: 3 });
    assert!(tab2.export("x").unwrap().contains("typed here"));
    assert!(tab1.put("b", body("x"), 1).is_ok(), "tab 1 has not heard yet");
}

#[test]
fn unreadable_values_from_another_tab_are_set_aside_not_written_over() {
    let (browser, tab1, mut tab2) = two_tabs();
    tab2.put("a", body("mine"), 5).unwrap();
    // Something writes garbage under one of a's version keys.
    let mut kv = tab1.kv().clone();
    let key = safeguarding_toolkit::domain::notes::note_key("a", &Version::new("zzzzzzzz"));
    kv.set(&key, "{garbage").unwrap();
    let report = common::deliver_report(&browser, &mut tab2);
    assert_eq!(report.unreadable.len(), 1);
    tab2.save().unwrap();
    let backups: Vec<String> = browser
        .main()
        .iter()
        .filter(|(k, _)| k.starts_with(BACKUP_PREFIX))
        .map(|(_, v)| v.clone())
        .collect();
    assert_eq!(backups, ["{garbage"]);
    assert_eq!(texts(&browser.load_store(9)), ["b0", "mine"]);
}
