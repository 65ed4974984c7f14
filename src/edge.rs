//! What the UI needs from the browser, named in one place. In the browser build these are the
//! browser edge's own functions (`src/browser/`); at build time, when pages are only rendered
//! and no event or effect runs, they are inert stand-ins.

#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
pub use crate::browser::{
    files::{chosen_file, download, read_text},
    lock::{
        change_passphrase, kick_seal, lock_now, open_file, save_auto_lock, seal_file, start as start_lock,
        turn_off, turn_on, unlock,
    },
    notes_sync::{
        cancel_save, install as watch_notes, local_time, measure, new_id, now_iso, now_ms, random_seed,
        schedule_save, today,
    },
    offline::apply_update,
    router::navigate,
    storage::LocalStorage as Storage,
};

/// Whether this is the browser build (false while pages are rendered at build time, when
/// clean-ups also run as each page's render ends).
pub const IN_BROWSER: bool = cfg!(all(feature = "hydrate", target_arch = "wasm32"));

/// The browser's local storage, for the notes.
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
pub fn open_storage() -> Storage {
    Storage::open()
}

/// Storage that holds nothing, for the notes before they are read.
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
pub fn no_storage() -> Storage {
    Storage::blocked()
}

#[cfg(not(all(feature = "hydrate", target_arch = "wasm32")))]
pub use inert::*;

#[cfg(not(all(feature = "hydrate", target_arch = "wasm32")))]
mod inert {
    //! Stand-ins for rendering at build time: nothing here is called while a page is rendered
    //! to HTML, and what is (the clock, storage) gives nothing.

    use crate::domain::lock::AutoLock;
    use crate::router::{Location, NavigateOptions};
    use crate::state::lock::LockState;
    use crate::state::NotesState;

    /// No storage at build time: notes are only ever read in the browser.
    pub type Storage = crate::domain::kv::MemoryKv;

    /// Storage that holds nothing.
    pub fn open_storage() -> Storage {
        Storage::new()
    }

    /// Storage that holds nothing.
    pub fn no_storage() -> Storage {
        Storage::new()
    }

    /// Saving happens only in the browser.
    pub fn schedule_save(_notes: NotesState) {}

    /// The lock is read only in the browser.
    pub fn start_lock(_lock: LockState, _notes: NotesState) {}

    /// The lock works only in the browser.
    pub fn unlock(_lock: LockState, _notes: NotesState, _passphrase: String) {}

    /// The lock works only in the browser.
    pub fn lock_now(_lock: LockState, _notes: NotesState) {}

    /// The lock works only in the browser.
    pub fn turn_on(_lock: LockState, _notes: NotesState, _passphrase: String) {}

    /// The lock works only in the browser.
    pub fn turn_off(_lock: LockState, _notes: NotesState) {}

    /// The lock works only in the browser.
    pub fn change_passphrase(_lock: LockState, _notes: NotesState, _passphrase: String) {}

    /// The lock works only in the browser.
    pub fn save_auto_lock(_after: AutoLock) {}

    /// Nothing is sealed at build time.
    pub fn kick_seal(_notes: NotesState) {}

    /// Files are only sealed in the browser.
    pub fn seal_file(_text: String, _done: impl FnOnce(Result<String, String>) + 'static) {}

    /// Files are only opened in the browser.
    pub fn open_file(
        _passphrase: String,
        _envelope: crate::domain::lock::Envelope,
        _done: impl FnOnce(Result<String, String>) + 'static,
    ) {
    }

    /// Other tabs and page events are only heard in the browser.
    pub fn watch_notes(_notes: NotesState) {}

    /// Nothing is timed at build time.
    pub fn measure<R>(_name: &str, f: impl FnOnce() -> R) -> R {
        f()
    }

    /// Saving happens only in the browser.
    pub fn cancel_save() {}

    /// No clock at build time.
    pub fn now_ms() -> u64 {
        0
    }

    /// No clock at build time.
    pub fn now_iso() -> String {
        String::new()
    }

    /// No clock at build time.
    pub fn today() -> String {
        String::new()
    }

    /// No randomness is needed at build time.
    pub fn random_seed() -> u64 {
        0
    }

    /// Notes are only made in the browser.
    pub fn new_id() -> String {
        String::new()
    }

    /// No clock at build time.
    pub fn local_time(_ms: u64) -> (u32, u32, u32, u32, u32) {
        (1970, 1, 1, 0, 0)
    }

    /// Files are only saved in the browser.
    pub fn download(_file_name: &str, _mime: &str, _text: &str) -> Result<(), String> {
        Err("files can only be saved in the browser".into())
    }

    /// Files are only read in the browser.
    pub fn chosen_file(_input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
        None
    }

    /// Files are only read in the browser.
    pub fn read_text(_file: &web_sys::File, _done: impl FnOnce(Result<String, String>) + 'static) {}

    /// Only the browser updates the app.
    pub fn apply_update() {}

    /// At build time a navigation only changes the signals (nothing calls it while rendering).
    pub fn navigate(location: Location, url: &str, _options: NavigateOptions) {
        location.set(url);
    }
}
