//! The notes lock in the browser: unlocking, locking (now, after a wait without use, and in
//! every tab at once), turning the lock on and off, changing the passphrase, and sealing what
//! the notes store writes. The rules live in `domain::lock`; Web Crypto in [`super::crypto`].
//!
//! The key is held here, in memory only, for as long as the notes are open. Other tabs hear of
//! the lock over a `BroadcastChannel`: "open" carries the key itself (a `CryptoKey` can be sent
//! to a page of the same origin, never read), so unlocking in one tab opens them all; "lock"
//! locks them all; "used" tells the others the notes are in use, so a tab left alone does not
//! lock the notes under a person typing in another. The lock's record in storage changing
//! (turned on, off, or a new passphrase elsewhere) is heard as a `storage` event.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Object, Promise, Reflect};
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{BroadcastChannel, CryptoKey, MessageEvent};

use super::crypto::{self, LockKey};
use super::storage::LocalStorage;
use crate::domain::base64;
use crate::domain::kv::{write_all, KeyValue, KvError};
use crate::domain::lock::{
    classify, covered, covered_values, is_check_text, with_opened, AutoLock, Envelope, Found, Idle,
    KdfParams, LockableKv, Moment, Opened, SealedKv, AUTO_LOCK_KEY, CHECK_TEXT, LOCK_KEY,
};
use crate::state::lock::{LockState, LockStatus};
use crate::state::NotesState;

/// Keys with their values (plain text, or why a value is damaged).
type Pairs = Vec<(String, String)>;

/// The channel the toolkit's tabs speak on.
const CHANNEL: &str = "safeguarding-toolkit-lock";
/// How many values are sealed together.
const BATCH: usize = 256;
/// How often a tab says the notes are in use, at most (milliseconds).
const USED_EVERY: f64 = 20_000.0;

thread_local! {
    static KEY: RefCell<Option<Rc<LockKey>>> = const { RefCell::new(None) };
    static SEALING: Cell<bool> = const { Cell::new(false) };
    static IDLE: RefCell<Option<Idle>> = const { RefCell::new(None) };
    static LAST_SAID_USED: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
    static HEARD: RefCell<VecDeque<String>> = const { RefCell::new(VecDeque::new()) };
    static HEARING: Cell<bool> = const { Cell::new(false) };
    static TAB: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

fn key() -> Option<Rc<LockKey>> {
    KEY.with_borrow(Clone::clone)
}

/// Reads where the lock stands, once the page is the app's: with no lock, the notes are read
/// at once; with one, they wait for the passphrase. Listens to other tabs for the life of the
/// page.
pub fn start(lock: LockState, notes: NotesState) {
    lock.set_after(AutoLock::from_minutes(
        &LocalStorage::open()
            .get(AUTO_LOCK_KEY)
            .ok()
            .flatten()
            .unwrap_or_default(),
    ));
    listen(lock, notes);
    match LocalStorage::open().get(LOCK_KEY) {
        Ok(Some(record)) => match Envelope::parse(&record) {
            Ok(_) => lock.set_status(LockStatus::Locked),
            Err(why) => lock.set_status(LockStatus::Damaged(why.to_string())),
        },
        // Blocked storage has no lock either: the notes say they are kept in memory only.
        Ok(None) | Err(_) => {
            lock.set_status(LockStatus::Off);
            notes.load();
        }
    }
}

/// The words for a failed unlock, none of which means anything was changed.
fn unlock_error(why: impl std::fmt::Display) -> String {
    format!("Your notes could not be unlocked: {why}. Nothing stored was changed.")
}

/// Unlocks with `passphrase`: checks it against the lock's record, opens every stored value
/// and reads the notes. A wrong passphrase changes nothing.
pub fn unlock(lock: LockState, notes: NotesState, passphrase: String) {
    lock.begin("Unlocking your notes…");
    mark("toolkit:unlock:start");
    spawn_local(async move {
        let outcome = unlock_with(lock, notes, &passphrase).await;
        lock.finish(outcome.map(|()| String::new()));
    });
}

async fn unlock_with(lock: LockState, notes: NotesState, passphrase: &str) -> Result<(), String> {
    let raw = LocalStorage::open();
    let record = match raw.get(LOCK_KEY) {
        Ok(Some(record)) => record,
        Ok(None) => {
            // Turned off in another tab meanwhile.
            lock.set_status(LockStatus::Off);
            notes.load();
            return Ok(());
        }
        Err(e) => return Err(unlock_error(e)),
    };
    let check = Envelope::parse(&record).map_err(|why| {
        lock.set_status(LockStatus::Damaged(why.to_string()));
        unlock_error(format!("the lock's record is damaged ({why})"))
    })?;
    mark("toolkit:unlock:derive:start");
    let key = crypto::derive_key(passphrase, &check.kdf)
        .await
        .map_err(unlock_error)?;
    measure("toolkit:unlock:derive");
    let check_damaged = match crypto::open(&key, &check).await {
        Ok(text) if is_check_text(&text) => false,
        // A wrong passphrase, or a damaged check value: a stored note that opens with this key
        // says the passphrase is right (AES-GCM cannot open with a wrong key), so the check is
        // what is damaged, and the notes are opened rather than kept from the person for good.
        Ok(_) | Err(crypto::CryptoError::CannotDecrypt) if one_opens(&key, &raw).await => true,
        Ok(_) | Err(crypto::CryptoError::CannotDecrypt) => {
            return Err("That passphrase does not unlock these notes. Check it and try again: nothing stored was changed.".into())
        }
        Err(e) => return Err(unlock_error(e)),
    };
    lock.set_check_damaged(check_damaged);
    let key = Rc::new(key);
    open_here(lock, notes, key.clone(), raw).await;
    say(&message("open", Some(&key)));
    Ok(())
}

/// Opens every stored value with `key` and reads the notes through them, keeping (and sealing
/// first) anything this tab still holds that storage does not.
async fn open_here(lock: LockState, notes: NotesState, key: Rc<LockKey>, raw: LocalStorage) {
    let mut pairs = reopen_pairs(&key, &raw).await;
    // Values this tab wrote under an older key and had not sealed yet come last, so they are
    // what is held for their keys, and are sealed first.
    pairs.extend(notes.with_sealed(|old| old.unsealed()).unwrap_or_default());
    let opened = SealedKv::new(raw, pairs);
    KEY.set(Some(key));
    notes.open_with(LockableKv::Sealed(opened));
    lock.set_status(LockStatus::Open);
    IDLE.set(Some(Idle::new(moment(), lock.after())));
    measure("toolkit:unlock");
}

/// Whether any stored note, deletion record or backup sealed with `key`'s parameters opens with
/// it (the first three tried).
async fn one_opens(key: &LockKey, raw: &LocalStorage) -> bool {
    let found = covered_values(raw).unwrap_or_default();
    let envelopes = found.iter().filter_map(|(_, f)| match f {
        Found::Envelope(e) if e.kdf == *key.params() => Some(e),
        _ => None,
    });
    let opened = crypto::open_many(key, envelopes.take(3)).await;
    opened.iter().any(Result::is_ok)
}

async fn reopen_pairs(key: &LockKey, raw: &LocalStorage) -> Vec<(String, Opened)> {
    mark("toolkit:unlock:read:start");
    let found = covered_values(raw).unwrap_or_default();
    measure("toolkit:unlock:read");
    mark("toolkit:unlock:open:start");
    let envelopes: Vec<&Envelope> = found
        .iter()
        .filter_map(|(_, f)| match f {
            Found::Envelope(e) => Some(e),
            _ => None,
        })
        .collect();
    let opened = crypto::open_many(key, envelopes).await;
    measure("toolkit:unlock:open");
    with_opened(found, opened.into_iter().map(|r| r.map_err(|e| e.to_string())))
}

/// Seals, in the background, whatever the notes store has written under the lock.
pub fn kick_seal(notes: NotesState) {
    if SEALING.get() {
        return;
    }
    spawn_local(async move {
        let _ = seal_waiting(notes).await;
    });
}

/// Seals and stores everything waiting, returning once storage holds it all, or why it could
/// not (the words stay in memory, and are tried again at the next change).
async fn seal_waiting(notes: NotesState) -> Result<(), String> {
    loop {
        if SEALING.get() {
            sleep(10).await;
            continue;
        }
        let Some(key) = key() else {
            return Err("the notes are locked".into());
        };
        SEALING.set(true);
        let jobs = notes
            .with_sealed(|kv| {
                std::iter::from_fn(|| kv.next_job())
                    .take(BATCH)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        if jobs.is_empty() {
            SEALING.set(false);
            let failure = notes.with_sealed(|kv| kv.failure().cloned()).flatten();
            return failure.map_or(Ok(()), |e| Err(e.to_string()));
        }
        let sealed = crypto::seal_many(&key, jobs.iter().map(|j| j.plain.as_str())).await;
        // The passphrase changed or the notes locked while these were sealed: what was sealed
        // with the old key is not written (the new key could not open it); the values stay
        // waiting, and go to the next key.
        let still = self::key().is_some_and(|k| Rc::ptr_eq(&k, &key));
        let mut failed = None;
        for (job, result) in jobs.iter().zip(sealed) {
            let result = if still {
                result
            } else {
                Err(crypto::CryptoError::Failed(
                    "the key changed while sealing".into(),
                ))
            };
            let outcome = match result {
                Ok(envelope) => notes
                    .with_sealed(|kv| kv.sealed(job, &envelope.to_stored()).map(|_| ()))
                    .unwrap_or(Ok(())),
                Err(e) => {
                    let error = KvError::Other(e.to_string());
                    notes.with_sealed(|kv| kv.seal_failed(job, error.clone()));
                    Err(error)
                }
            };
            if let Err(e) = outcome {
                failed = Some(e);
            }
        }
        SEALING.set(false);
        if let Some(e) = failed {
            return Err(e.to_string());
        }
    }
}

/// Locks now, in this tab and every other.
pub fn lock_now(lock: LockState, notes: NotesState) {
    lock.begin("Locking your notes…");
    spawn_local(async move {
        let outcome = lock_here(lock, notes).await;
        if outcome.is_ok() {
            say(&message("lock", None));
        }
        lock.finish(outcome.map(|()| String::new()));
    });
}

/// Saves and seals what is typed, then forgets the key and the notes. If what is typed cannot
/// be stored, the notes stay open and say why: locking never loses words.
async fn lock_here(lock: LockState, notes: NotesState) -> Result<(), String> {
    if lock.status_untracked() != LockStatus::Open {
        return Ok(());
    }
    notes.flush();
    seal_waiting(notes).await.map_err(|why| {
        format!("Your notes were not locked, because what you typed last could not be stored: {why}. Your notes are still open here.")
    })?;
    KEY.set(None);
    IDLE.set(None);
    notes.unload();
    lock.set_status(LockStatus::Locked);
    Ok(())
}

/// Turns the lock on with `passphrase`: every stored note, deletion record and backup is
/// sealed in memory first, then all are written at once, the lock's record first. If storage
/// fills up half way, what was written is put back as it was and the lock stays off.
pub fn turn_on(lock: LockState, notes: NotesState, passphrase: String) {
    lock.begin("Locking your notes with your passphrase…");
    spawn_local(async move {
        let outcome = turn_on_with(lock, notes, &passphrase).await;
        lock.finish(outcome.map(|()| {
            "Your notes are now locked with your passphrase. Keep it safe: nobody can unlock them without it.".into()
        }));
    });
}

/// A key for a new lock (or a new passphrase): a fresh salt, the key derived from
/// `passphrase`, and the check value sealed with it.
async fn new_key(passphrase: &str) -> Result<(LockKey, Envelope), String> {
    let salt = crypto::new_salt().map_err(|e| e.to_string())?;
    let key = crypto::derive_key(passphrase, &KdfParams::new(salt))
        .await
        .map_err(|e| e.to_string())?;
    let check = crypto::seal(&key, CHECK_TEXT).await.map_err(|e| e.to_string())?;
    Ok((key, check))
}

async fn turn_on_with(lock: LockState, notes: NotesState, passphrase: &str) -> Result<(), String> {
    let fail = |why: String| format!("The lock was not turned on: {why}. Your notes are as they were.");
    notes.flush();
    let (key, check) = new_key(passphrase).await.map_err(fail)?;
    let mut raw = LocalStorage::open();
    let found = covered_values(&raw).map_err(|e| fail(e.to_string()))?;
    let plain: Vec<(&String, &String)> = found
        .iter()
        .filter_map(|(k, f)| match f {
            Found::Plain(text) => Some((k, text)),
            _ => None,
        })
        .collect();
    let sealed = crypto::seal_many(&key, plain.iter().map(|(_, t)| t.as_str())).await;
    let mut writes = vec![(LOCK_KEY.to_string(), check.to_stored())];
    for ((k, _), s) in plain.iter().zip(sealed) {
        writes.push(((*k).clone(), s.map_err(|e| fail(e.to_string()))?.to_stored()));
    }
    write_all(&mut raw, &writes).map_err(|e| fail(e.to_string()))?;
    let pairs = found
        .into_iter()
        .map(|(k, f)| {
            let o = match f {
                Found::Plain(text) => Opened::Sealed(text),
                Found::Damaged(why) => Opened::Damaged(why.to_string()),
                Found::Envelope(_) => Opened::Damaged("it was locked before, with another passphrase".into()),
            };
            (k, o)
        })
        .collect::<Vec<_>>();
    let key = Rc::new(key);
    KEY.set(Some(key.clone()));
    notes.swap_kv(LockableKv::Sealed(SealedKv::new(raw, pairs)));
    notes.reread();
    lock.set_status(LockStatus::Open);
    IDLE.set(Some(Idle::new(moment(), lock.after())));
    say(&message("open", Some(&key)));
    Ok(())
}

/// Turns the lock off: every value is stored as plain text again, then the lock's record goes.
pub fn turn_off(lock: LockState, notes: NotesState) {
    lock.begin("Turning the lock off…");
    spawn_local(async move {
        let outcome = turn_off_with(lock, notes).await;
        lock.finish(outcome.map(|()| {
            "The lock is off. Your notes are stored in this browser as you type them again, readable by anyone who can open this browser.".into()
        }));
    });
}

async fn turn_off_with(lock: LockState, notes: NotesState) -> Result<(), String> {
    let fail = |why: String| format!("The lock was not turned off: {why}. Your notes are still locked.");
    notes.flush();
    seal_waiting(notes).await.map_err(fail)?;
    let writes: Vec<(String, String)> = notes
        .with_sealed(|kv| {
            kv.plain_entries()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .unwrap_or_default();
    let mut raw = LocalStorage::open();
    write_all(&mut raw, &writes).map_err(|e| fail(e.to_string()))?;
    raw.remove(LOCK_KEY).map_err(|e| fail(e.to_string()))?;
    KEY.set(None);
    IDLE.set(None);
    notes.swap_kv(LockableKv::Plain(raw));
    notes.reread();
    lock.set_status(LockStatus::Off);
    Ok(())
}

/// Seals everything again under a key from a new passphrase.
pub fn change_passphrase(lock: LockState, notes: NotesState, passphrase: String) {
    lock.begin("Changing your passphrase…");
    spawn_local(async move {
        let outcome = change_with(notes, &passphrase).await;
        lock.finish(
            outcome.map(|()| "Your passphrase is changed. Use the new one from now on, in every tab.".into()),
        );
    });
}

async fn change_with(notes: NotesState, passphrase: &str) -> Result<(), String> {
    let fail =
        |why: String| format!("The passphrase was not changed: {why}. The old one still unlocks your notes.");
    notes.flush();
    seal_waiting(notes).await.map_err(fail)?;
    let (key, check) = new_key(passphrase).await.map_err(fail)?;
    let (plain, damaged): (Pairs, Pairs) = notes
        .with_sealed(|kv| {
            let plain = kv
                .plain_entries()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            let damaged = kv.damaged().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            (plain, damaged)
        })
        .ok_or_else(|| fail("the notes are not open".into()))?;
    let sealed = crypto::seal_many(&key, plain.iter().map(|(_, t)| t.as_str())).await;
    let mut writes = Vec::with_capacity(plain.len() + 1);
    for ((k, _), s) in plain.iter().zip(sealed) {
        writes.push((k.clone(), s.map_err(|e| fail(e.to_string()))?.to_stored()));
    }
    // The record last: until it is written, the old passphrase opens what is stored.
    writes.push((LOCK_KEY.to_string(), check.to_stored()));
    let mut raw = LocalStorage::open();
    write_all(&mut raw, &writes).map_err(|e| fail(e.to_string()))?;
    let pairs = plain
        .into_iter()
        .map(|(k, v)| (k, Opened::Sealed(v)))
        .chain(damaged.into_iter().map(|(k, v)| (k, Opened::Damaged(v))));
    let key = Rc::new(key);
    KEY.set(Some(key.clone()));
    notes.swap_kv(LockableKv::Sealed(SealedKv::new(raw, pairs)));
    say(&message("open", Some(&key)));
    Ok(())
}

/// Keeps the chosen wait, and starts it again from now.
pub fn save_auto_lock(after: AutoLock) {
    let _ = LocalStorage::open().set(AUTO_LOCK_KEY, &after.minutes().to_string());
    IDLE.with_borrow_mut(|idle| {
        if idle.is_some() {
            *idle = Some(Idle::new(moment(), after));
        }
    });
}

/// Seals an export file's `text` with the key the notes are open with, as the same envelope
/// the notes are stored in: it imports with the same passphrase.
pub fn seal_file(text: String, done: impl FnOnce(Result<String, String>) + 'static) {
    let Some(key) = key() else {
        done(Err("your notes are locked".into()));
        return;
    };
    spawn_local(async move {
        done(
            crypto::seal(&key, &text)
                .await
                .map(|e| e.to_stored())
                .map_err(|e| e.to_string()),
        );
    });
}

/// Opens a locked export file with `passphrase` (its own salt and iterations, which may not be
/// this browser's). A wrong passphrase says so; nothing is changed either way.
pub fn open_file(
    passphrase: String,
    envelope: Envelope,
    done: impl FnOnce(Result<String, String>) + 'static,
) {
    spawn_local(async move {
        let opened = match crypto::derive_key(&passphrase, &envelope.kdf).await {
            Ok(key) => crypto::open(&key, &envelope).await,
            Err(e) => Err(e),
        };
        done(opened.map_err(|e| match e {
            crypto::CryptoError::CannotDecrypt => {
                "That passphrase does not open this file. Check it and try again: nothing has been changed.".into()
            }
            other => format!("The file could not be opened ({other}). Nothing has been changed."),
        }));
    });
}

// ---- Other tabs, page events and the wait without use ----

fn message(kind: &str, key: Option<&LockKey>) -> JsValue {
    let message = Object::new();
    let _ = Reflect::set(&message, &"kind".into(), &kind.into());
    if let Some(key) = key {
        let _ = Reflect::set(&message, &"key".into(), key.crypto_key());
        let _ = Reflect::set(&message, &"iterations".into(), &key.params().iterations.into());
        let _ = Reflect::set(
            &message,
            &"salt".into(),
            &base64::encode(&key.params().salt).into(),
        );
    }
    message.into()
}

fn say(message: &JsValue) {
    TAB.with_borrow(|tab| {
        if let Some(tab) = tab {
            let _ = tab.post_message(message);
        }
    });
}

fn listen(lock: LockState, notes: NotesState) {
    if let Ok(tab) = BroadcastChannel::new(CHANNEL) {
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            heard_tab(lock, notes, event.data())
        });
        tab.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        TAB.set(Some(tab));
    }
    let _ = leptos::prelude::window_event_listener_untyped("storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        match event.key() {
            Some(key) if key == LOCK_KEY => heard_record(lock, notes, event.new_value()),
            Some(key) if covered(&key) => heard_value(notes, key),
            Some(_) => {}
            // Storage cleared in another tab: the lock's record went with everything else.
            None => heard_record(lock, notes, LocalStorage::open().get(LOCK_KEY).ok().flatten()),
        }
    });
    for event in ["keydown", "pointerdown", "input"] {
        let _ = leptos::prelude::window_event_listener_untyped(event, move |_| used(lock));
    }
    // The page's timers may sleep with the phone; a check when the page is seen again and
    // every few seconds catches a wait that ran out meanwhile.
    let check = Closure::<dyn Fn()>::new(move || check_idle(lock, notes));
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_interval_with_callback_and_timeout_and_arguments_0(check.as_ref().unchecked_ref(), 5_000);
        if let Some(document) = window.document() {
            let _ =
                document.add_event_listener_with_callback("visibilitychange", check.as_ref().unchecked_ref());
        }
    }
    check.forget();
    // Leaving while words wait to be sealed: the browser asks first, which gives the seal
    // time to finish if the person stays. Saved first, so words typed in the last moment (not
    // yet saved after the pause in typing) count as waiting.
    let _ = leptos::prelude::window_event_listener_untyped("beforeunload", move |event| {
        if notes.under_lock() {
            notes.flush();
        }
        let waiting = notes.with_sealed(|kv| !kv.is_settled()).unwrap_or(false);
        if waiting {
            event.prevent_default();
        }
    });
}

fn used(lock: LockState) {
    if lock.status_untracked() != LockStatus::Open {
        return;
    }
    let now = moment();
    IDLE.with_borrow_mut(|idle| {
        if let Some(idle) = idle {
            idle.used(now);
        }
    });
    if now.page - LAST_SAID_USED.get() >= USED_EVERY {
        LAST_SAID_USED.set(now.page);
        say(&message("used", None));
    }
}

fn check_idle(lock: LockState, notes: NotesState) {
    let due = IDLE.with_borrow(|idle| idle.is_some_and(|i| i.due(moment())));
    if due && lock.status_untracked() == LockStatus::Open && lock.busy_untracked().is_none() {
        IDLE.set(None);
        lock_now(lock, notes);
    }
}

/// A message from another tab.
fn heard_tab(lock: LockState, notes: NotesState, data: JsValue) {
    let kind = Reflect::get(&data, &"kind".into())
        .ok()
        .and_then(|k| k.as_string());
    match kind.as_deref() {
        Some("open") => {
            let Some(sent) = key_in(&data) else { return };
            let same = key().is_some_and(|k| k.params() == sent.params());
            if same {
                return;
            }
            // Turned on in the other tab: from now on nothing is written here in plain text,
            // even before this tab has opened what is stored.
            if notes.loaded_untracked() && !notes.under_lock() {
                notes.close();
            }
            spawn_local(async move {
                open_here(lock, notes, Rc::new(sent), LocalStorage::open()).await;
            });
        }
        Some("lock") => spawn_local(async move {
            let _ = lock_here(lock, notes).await;
        }),
        Some("used") => IDLE.with_borrow_mut(|idle| {
            if let Some(idle) = idle {
                idle.used(moment());
            }
        }),
        _ => {}
    }
}

fn key_in(data: &JsValue) -> Option<LockKey> {
    let key: CryptoKey = Reflect::get(data, &"key".into()).ok()?.dyn_into().ok()?;
    let iterations = Reflect::get(data, &"iterations".into()).ok()?.as_f64()? as u32;
    let salt = base64::decode(&Reflect::get(data, &"salt".into()).ok()?.as_string()?).ok()?;
    let params = KdfParams { iterations, salt };
    params.check().ok()?;
    Some(crypto::key_from(key, params))
}

/// The lock's record changed in another tab: turned on (`Some`, while off here), turned off
/// (`None`), or sealed under a new passphrase (`Some`, with another salt than this tab's key).
fn heard_record(lock: LockState, notes: NotesState, record: Option<String>) {
    match record {
        Some(record) => {
            let params = Envelope::parse(&record).ok().map(|e| e.kdf);
            let ours = key().map(|k| k.params().clone());
            if params.is_some() && params == ours {
                return;
            }
            // Nothing more is written from here until this tab has the new key (the other tab
            // sends it): what is held stays in memory and is merged when it comes.
            KEY.set(None);
            IDLE.set(None);
            notes.close();
            lock.set_status(match params {
                Some(_) => LockStatus::Locked,
                None => LockStatus::Damaged("the lock's record could not be read".into()),
            });
        }
        None => {
            let carried = notes.with_sealed(|old| old.unsealed()).unwrap_or_default();
            KEY.set(None);
            IDLE.set(None);
            let mut raw = LocalStorage::open();
            // What this tab had not sealed yet is stored as typed, as the lock is off now.
            for (k, o) in carried {
                if let Opened::Plain(text) = o {
                    let _ = raw.set(&k, &text);
                }
            }
            lock.set_status(LockStatus::Off);
            if notes.loaded_untracked() {
                notes.swap_kv(LockableKv::Plain(raw));
                notes.reread();
            } else {
                notes.load();
            }
        }
    }
}

/// Another tab stored or removed a value under the lock: what storage holds for the key *now*
/// is opened (an event's own value may be overtaken by then, by this tab or another), keys in
/// the order heard, then merged as any other tab's change is. If the key changes again while it
/// is being opened, it is read again.
fn heard_value(notes: NotesState, key: String) {
    if notes.with_sealed(|_| ()).is_none() {
        // Off (the notes' own listener merges it), or locked (read when unlocked).
        return;
    }
    HEARD.with_borrow_mut(|q| {
        if q.back() != Some(&key) {
            q.push_back(key);
        }
    });
    if HEARING.get() {
        return;
    }
    HEARING.set(true);
    spawn_local(async move {
        'keys: while let Some(key) = HEARD.with_borrow_mut(VecDeque::pop_front) {
            loop {
                let Some(lock_key) = self::key() else { break 'keys };
                let now = LocalStorage::open().get(&key).ok().flatten();
                let found = now.as_deref().map(classify);
                let opened = match &found {
                    Some(Found::Envelope(envelope)) => Some(crypto::open(&lock_key, envelope).await),
                    _ => None,
                };
                if LocalStorage::open().get(&key).ok().flatten() != now {
                    continue;
                }
                notes.with_sealed(|kv| match (found, opened) {
                    (None, _) => kv.heard(&key, None),
                    (Some(Found::Plain(text)), _) => kv.heard(&key, Some(text)),
                    (Some(Found::Damaged(why)), _) => kv.heard_damaged(&key, why.to_string()),
                    (Some(Found::Envelope(_)), Some(Ok(text))) => kv.heard(&key, Some(text)),
                    (Some(Found::Envelope(_)), Some(Err(e))) => kv.heard_damaged(&key, e.to_string()),
                    (Some(Found::Envelope(_)), None) => {}
                });
                break;
            }
            notes.merge_external(Some(key));
        }
        HEARD.with_borrow_mut(VecDeque::clear);
        HEARING.set(false);
    });
}

// ---- Time ----

fn now_page() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn moment() -> Moment {
    Moment {
        page: now_page(),
        date: js_sys::Date::now(),
    }
}

/// Marks the start of `name` for [`measure`] (the benchmark reads the measure).
fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Records a User Timing measure `name` from the mark `name:start`, if there is one.
fn measure(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, &format!("{name}:start"));
    }
}

async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}
