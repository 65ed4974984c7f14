//! Test helpers shared by the notes tests: note bodies, and a browser whose tabs each see local
//! storage through their own copy, brought up to date only when another tab's change arrives
//! (as Chromium does), so tests can hold changes back, drop them, and clear storage.

#![allow(dead_code)]

use safeguarding_toolkit::domain::kv::{KeyValue, KvError};
use safeguarding_toolkit::domain::notes::{FreeNote, NoteBody, NotesStore};
use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

/// A free note with this text and no title.
pub fn body(text: &str) -> NoteBody {
    NoteBody::Free(FreeNote {
        title: String::new(),
        text: text.into(),
    })
}

/// The text of a free note.
pub fn text(body: &NoteBody) -> String {
    match body {
        NoteBody::Free(f) => f.text.clone(),
        other => format!("{other:?}"),
    }
}

/// One change another tab made, on its way to a tab.
#[derive(Debug, Clone)]
struct Change {
    /// The key, or `None` when storage was cleared.
    key: Option<String>,
    value: Option<String>,
    seq: u64,
}

#[derive(Debug, Default)]
struct View {
    map: BTreeMap<String, String>,
    /// Changes from other tabs not yet seen by this tab.
    queue: VecDeque<Change>,
    /// The order number of this tab's own last write to each key.
    wrote: BTreeMap<String, u64>,
}

#[derive(Debug, Default)]
struct Inner {
    /// What the browser itself holds.
    main: BTreeMap<String, String>,
    views: Vec<View>,
    seq: u64,
    quota: Option<usize>,
}

/// A browser with tabs on one origin.
#[derive(Debug, Clone, Default)]
pub struct Browser(Rc<RefCell<Inner>>);

/// One tab's view of local storage.
#[derive(Debug, Clone)]
pub struct TabKv {
    browser: Browser,
    tab: usize,
}

impl Browser {
    /// A browser with no tabs and empty storage.
    pub fn new() -> Self {
        Self::default()
    }

    /// Open a tab: its copy of storage is what the browser holds now.
    pub fn open_tab(&self) -> TabKv {
        let mut inner = self.0.borrow_mut();
        let map = inner.main.clone();
        inner.views.push(View {
            map,
            ..View::default()
        });
        TabKv {
            browser: self.clone(),
            tab: inner.views.len() - 1,
        }
    }

    /// Bring tab `tab`'s copy up to date with its oldest waiting change, returning the key the
    /// `storage` event names (`Some(None)` for a clear), or `None` if nothing was waiting.
    pub fn deliver(&self, tab: usize) -> Option<Option<String>> {
        let mut inner = self.0.borrow_mut();
        let view = &mut inner.views[tab];
        let change = view.queue.pop_front()?;
        match &change.key {
            None => {
                let wrote = view.wrote.clone();
                view.map
                    .retain(|k, _| wrote.get(k).is_some_and(|&s| s > change.seq));
            }
            Some(key) => {
                // A later write of this tab's own stays: the browser ordered it after this one.
                if view.wrote.get(key).is_none_or(|&s| s < change.seq) {
                    match &change.value {
                        Some(v) => view.map.insert(key.clone(), v.clone()),
                        None => view.map.remove(key),
                    };
                }
            }
        }
        Some(change.key)
    }

    /// How many changes wait for tab `tab`.
    pub fn waiting(&self, tab: usize) -> usize {
        self.0.borrow().views[tab].queue.len()
    }

    /// Clear the site's storage (as "clear browsing data" does); each tab hears of it in turn.
    pub fn clear(&self) {
        let mut inner = self.0.borrow_mut();
        inner.seq += 1;
        let seq = inner.seq;
        inner.main.clear();
        for view in &mut inner.views {
            view.queue.push_back(Change {
                key: None,
                value: None,
                seq,
            });
        }
    }

    /// What the browser holds.
    pub fn main(&self) -> BTreeMap<String, String> {
        self.0.borrow().main.clone()
    }

    /// Limit the bytes of all keys and values together.
    pub fn set_quota(&self, bytes: Option<usize>) {
        self.0.borrow_mut().quota = bytes;
    }

    /// A store over a fresh copy of what the browser holds (a newly opened page).
    pub fn load_store(&self, seed: u64) -> NotesStore<TabKv> {
        NotesStore::load(self.open_tab(), seed)
    }

    fn write(&self, tab: usize, key: &str, value: Option<&str>) -> Result<(), KvError> {
        let mut inner = self.0.borrow_mut();
        if let (Some(quota), Some(v)) = (inner.quota, value) {
            let used: usize = inner.main.iter().map(|(k, v)| k.len() + v.len()).sum();
            let old = inner.main.get(key).map_or(0, |o| key.len() + o.len());
            if used - old + key.len() + v.len() > quota {
                return Err(KvError::QuotaExceeded);
            }
        }
        inner.seq += 1;
        let seq = inner.seq;
        match value {
            Some(v) => inner.main.insert(key.to_string(), v.to_string()),
            None => inner.main.remove(key),
        };
        for (i, view) in inner.views.iter_mut().enumerate() {
            if i == tab {
                match value {
                    Some(v) => view.map.insert(key.to_string(), v.to_string()),
                    None => view.map.remove(key),
                };
                view.wrote.insert(key.to_string(), seq);
            } else {
                view.queue.push_back(Change {
                    key: Some(key.to_string()),
                    value: value.map(String::from),
                    seq,
                });
            }
        }
        Ok(())
    }
}

impl TabKv {
    /// Which tab this is.
    pub fn tab(&self) -> usize {
        self.tab
    }
}

impl KeyValue for TabKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        Ok(self.browser.0.borrow().views[self.tab].map.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.browser.write(self.tab, key, Some(value))
    }

    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.browser.write(self.tab, key, None)
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        Ok(self.browser.0.borrow().views[self.tab]
            .map
            .keys()
            .cloned()
            .collect())
    }
}

/// Deliver every waiting change to tab `i`'s store, as `storage` events.
pub fn deliver_all(browser: &Browser, store: &mut NotesStore<TabKv>) {
    let tab = store.kv().tab();
    while let Some(key) = browser.deliver(tab) {
        store.merge_external(key.as_deref());
    }
}

/// Every live note's text in a store, sorted.
pub fn texts(store: &NotesStore<TabKv>) -> Vec<String> {
    let mut all: Vec<String> = store.notes().iter().map(|n| text(&n.body)).collect();
    all.sort();
    all
}

/// Deliver every waiting change to a store, and return everything its merges reported.
pub fn deliver_report(
    browser: &Browser,
    store: &mut NotesStore<TabKv>,
) -> safeguarding_toolkit::domain::notes::MergeReport {
    let tab = store.kv().tab();
    let mut report = safeguarding_toolkit::domain::notes::MergeReport::default();
    while let Some(key) = browser.deliver(tab) {
        report.extend(store.merge_external(key.as_deref()));
    }
    report
}

/// Bring a tab's copy of storage up to date without telling it, as happens to a page in the
/// back-forward cache; it then reads storage again when shown.
pub fn catch_up_unheard(browser: &Browser, store: &NotesStore<TabKv>) {
    while browser.deliver(store.kv().tab()).is_some() {}
}
