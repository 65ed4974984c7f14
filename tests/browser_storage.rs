//! Browser unit tests for the storage edge, run in headless Chromium by wasm-bindgen-test:
//! real localStorage, real quota errors, and blocked storage.
#![cfg(target_arch = "wasm32")]

use safeguarding_toolkit::domain::kv::{KeyValue, KvError};
use safeguarding_toolkit::storage::{classify, LocalStorage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "browser-storage-test";

#[wasm_bindgen_test]
fn values_round_trip_and_can_be_removed() {
    let mut store = LocalStorage::open();
    assert!(!store.is_blocked());
    store.set(KEY, "first <b>note</b> ✓").expect("set");
    assert_eq!(
        store.get(KEY).expect("get").as_deref(),
        Some("first <b>note</b> ✓")
    );
    assert!(store.keys().expect("keys").iter().any(|k| k == KEY));
    store.remove(KEY).expect("remove");
    assert_eq!(store.get(KEY).expect("get"), None);
}

#[wasm_bindgen_test]
fn exceeding_the_quota_is_reported_and_keeps_the_saved_value() {
    let mut store = LocalStorage::open();
    store.set(KEY, "saved before").expect("set");
    // Chromium allows about 5 million characters per origin; this is well over that.
    let huge = "x".repeat(12 * 1024 * 1024);
    assert_eq!(store.set(KEY, &huge), Err(KvError::QuotaExceeded));
    assert_eq!(store.get(KEY).expect("get").as_deref(), Some("saved before"));
    store.remove(KEY).expect("remove");
}

#[wasm_bindgen_test]
fn blocked_storage_reports_blocked_on_every_call() {
    let mut store = LocalStorage::blocked();
    assert!(store.is_blocked());
    assert_eq!(store.get(KEY), Err(KvError::Blocked));
    assert_eq!(store.set(KEY, "x"), Err(KvError::Blocked));
    assert_eq!(store.remove(KEY), Err(KvError::Blocked));
    assert_eq!(store.keys(), Err(KvError::Blocked));
}

#[wasm_bindgen_test]
fn browser_exceptions_are_classified_by_name() {
    let cases = [
        ("QuotaExceededError", KvError::QuotaExceeded),
        ("SecurityError", KvError::Blocked),
    ];
    for (name, expected) in cases {
        let e = web_sys::DomException::new_with_message_and_name("test", name).expect("DOMException");
        assert_eq!(classify(&e.into()), expected, "{name}");
    }
    let other =
        web_sys::DomException::new_with_message_and_name("boom", "InvalidStateError").expect("DOMException");
    assert!(matches!(classify(&other.into()), KvError::Other(m) if m.contains("InvalidStateError")));
}
