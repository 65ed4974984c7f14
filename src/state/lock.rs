//! The notes lock as the UI sees it: whether it is off, locked or open, what it is busy with,
//! and the commands the lock's pages give. The work itself (Web Crypto, storage, other tabs)
//! is the browser edge's (`browser::lock`); at build time nothing here runs.

use leptos::prelude::*;

use crate::domain::lock::AutoLock;
use crate::state::NotesState;

/// Where the lock stands in this tab.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LockStatus {
    /// Not known yet: the page is not the app's yet (or is being rendered at build time).
    #[default]
    Unknown,
    /// No lock: notes are stored as typed.
    Off,
    /// The lock is on and this tab has no key: the notes are not read.
    Locked,
    /// The lock is on and open here.
    Open,
    /// The lock's record cannot be read, for the reason given: nothing is opened or changed.
    Damaged(String),
}

/// The lock's state, provided at the root: small `Copy` handles with named commands.
#[derive(Clone, Copy)]
pub struct LockState {
    status: RwSignal<LockStatus>,
    /// What the lock is doing now ("Unlocking…"), shown while it takes time.
    busy: RwSignal<Option<&'static str>>,
    /// Why the last command failed, in words.
    error: RwSignal<Option<String>>,
    /// What the last command did, in words.
    done: RwSignal<Option<String>>,
    after: RwSignal<AutoLock>,
    /// The lock's check value did not open with the passphrase that opened the notes.
    check_damaged: RwSignal<bool>,
}

impl LockState {
    /// Not known yet.
    pub fn new() -> Self {
        LockState {
            status: RwSignal::new(LockStatus::Unknown),
            busy: RwSignal::new(None),
            error: RwSignal::new(None),
            done: RwSignal::new(None),
            after: RwSignal::new(AutoLock::default()),
            check_damaged: RwSignal::new(false),
        }
    }

    /// Where the lock stands.
    pub fn status(&self) -> LockStatus {
        self.status.get()
    }

    /// Where the lock stands, without tracking.
    pub fn status_untracked(&self) -> LockStatus {
        self.status.get_untracked()
    }

    /// True while the notes are hidden behind the lock (locked, or its record damaged).
    pub fn hides_notes(&self) -> bool {
        self.status
            .with(|s| matches!(s, LockStatus::Locked | LockStatus::Damaged(_)))
    }

    /// What the lock is doing now.
    pub fn busy(&self) -> Option<&'static str> {
        self.busy.get()
    }

    /// What the lock is doing now, without tracking.
    pub fn busy_untracked(&self) -> Option<&'static str> {
        self.busy.get_untracked()
    }

    /// Why the last command failed.
    pub fn error(&self) -> Option<String> {
        self.error.get()
    }

    /// What the last command did.
    pub fn done(&self) -> Option<String> {
        self.done.get()
    }

    /// How long without use before the lock closes by itself.
    pub fn after(&self) -> AutoLock {
        self.after.get()
    }

    /// Sets where the lock stands (the browser edge's call).
    pub fn set_status(&self, status: LockStatus) {
        if self.status.with_untracked(|s| *s != status) {
            self.status.set(status);
        }
    }

    /// Starts a command: busy with `what`, with no error or news from an earlier one.
    pub fn begin(&self, what: &'static str) {
        self.busy.set(Some(what));
        self.error.set(None);
        self.done.set(None);
    }

    /// Ends a command with its outcome in words.
    pub fn finish(&self, outcome: Result<String, String>) {
        self.busy.set(None);
        match outcome {
            Ok(done) => self.done.set(Some(done)),
            Err(why) => self.error.set(Some(why)),
        }
    }

    /// Clears what the last command said (the person moved on).
    pub fn clear_messages(&self) {
        self.error.set(None);
        self.done.set(None);
    }

    /// Whether the lock's check value was found damaged when the notes were last unlocked.
    pub fn check_damaged(&self) -> bool {
        self.check_damaged.get()
    }

    /// Records whether the check value was found damaged (the browser edge's call).
    pub fn set_check_damaged(&self, damaged: bool) {
        if self.check_damaged.get_untracked() != damaged {
            self.check_damaged.set(damaged);
        }
    }

    /// Records the wait before locking by itself (the browser edge's call).
    pub fn set_after(&self, after: AutoLock) {
        self.after.set(after);
    }

    /// Unlocks with `passphrase`.
    pub fn unlock(&self, notes: NotesState, passphrase: String) {
        crate::edge::unlock(*self, notes, passphrase);
    }

    /// Locks now, in every tab.
    pub fn lock_now(&self, notes: NotesState) {
        crate::edge::lock_now(*self, notes);
    }

    /// Turns the lock on with `passphrase`.
    pub fn turn_on(&self, notes: NotesState, passphrase: String) {
        crate::edge::turn_on(*self, notes, passphrase);
    }

    /// Turns the lock off: the notes are stored as typed again.
    pub fn turn_off(&self, notes: NotesState) {
        crate::edge::turn_off(*self, notes);
    }

    /// Locks the notes with a new passphrase.
    pub fn change(&self, notes: NotesState, passphrase: String) {
        crate::edge::change_passphrase(*self, notes, passphrase);
    }

    /// Chooses how long without use before the lock closes by itself.
    pub fn choose_after(&self, after: AutoLock) {
        self.after.set(after);
        crate::edge::save_auto_lock(after);
    }
}

impl Default for LockState {
    fn default() -> Self {
        Self::new()
    }
}

/// The lock provided at the root.
pub fn use_lock() -> LockState {
    expect_context::<LockState>()
}
