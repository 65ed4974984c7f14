//! The only code that touches `window.localStorage`: a [`KeyValue`] over it that turns every
//! browser failure into a typed [`KvError`] (blocked storage, quota exceeded, anything else).

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Array, Function, JsString, Reflect};

use crate::domain::kv::{KeyValue, KvError};

#[wasm_bindgen]
extern "C" {
    /// `Object.keys`, with what it throws caught (storage can refuse at any call).
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(object: &JsValue) -> Result<Array, JsValue>;

    /// `Array.from(items, map, this)`: `map` is called on each item by the browser itself.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = from)]
    fn array_from_mapped(items: &Array, map: &Function, this: &JsValue) -> Result<Array, JsValue>;
}

/// The browser's local storage, if the browser lets this page use it.
pub struct LocalStorage {
    storage: Option<web_sys::Storage>,
}

impl LocalStorage {
    /// Opens local storage. Blocked storage (private mode, cookies off, sandboxed frames) is not
    /// an error here: every later call reports [`KvError::Blocked`] instead.
    pub fn open() -> Self {
        // Reading `localStorage` itself throws when storage is blocked.
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        Self { storage }
    }

    /// A store that behaves as blocked storage does, for tests and for a person who chose to
    /// keep nothing.
    pub fn blocked() -> Self {
        Self { storage: None }
    }

    /// True if the browser refused access to storage.
    pub fn is_blocked(&self) -> bool {
        self.storage.is_none()
    }

    fn get_storage(&self) -> Result<&web_sys::Storage, KvError> {
        self.storage.as_ref().ok_or(KvError::Blocked)
    }
}

/// Turns a thrown JavaScript value into a typed error.
pub fn classify(error: &JsValue) -> KvError {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        let name = exception.name();
        return match name.as_str() {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => KvError::QuotaExceeded,
            "SecurityError" => KvError::Blocked,
            _ => KvError::Other(format!("{name}: {}", exception.message())),
        };
    }
    KvError::Other(error.as_string().unwrap_or_else(|| format!("{error:?}")))
}

impl KeyValue for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.get_storage()?.get_item(key).map_err(|e| classify(&e))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.get_storage()?.set_item(key, value).map_err(|e| classify(&e))
    }

    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.get_storage()?.remove_item(key).map_err(|e| classify(&e))
    }

    /// Every key in one call, joined by NUL and split here: a call per key from wasm took 10 to
    /// 25 ms for 5,000 keys (the same loop in the page's own script, 4 to 6 ms). If a key holds a
    /// NUL (an imported note id can hold anything), the pieces do not add up to the count and
    /// the keys are read one by one.
    fn keys(&self) -> Result<Vec<String>, KvError> {
        let storage = self.get_storage()?;
        let all = object_keys(storage).map_err(|e| classify(&e))?;
        let count = all.length() as usize;
        if count == 0 {
            return Ok(Vec::new());
        }
        let joined = String::from(all.join("\u{0}"));
        let keys: Vec<String> = joined.split('\u{0}').map(str::to_string).collect();
        if keys.len() == count {
            return Ok(keys);
        }
        let count = storage.length().map_err(|e| classify(&e))?;
        let mut keys = Vec::with_capacity(count as usize);
        for i in 0..count {
            if let Some(key) = storage.key(i).map_err(|e| classify(&e))? {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    /// Every value in one call, for the same reason as [`Self::keys`]: the keys go in joined by
    /// NUL, the browser's own `getItem` is mapped over them, and the values come back joined by
    /// NUL (the in-app read of 5,000 notes, interleaved, median of 10: 40.7 to 35.4 ms). If a key
    /// or value holds a NUL, a key has no value (`null`), or the browser throws, each key is read
    /// with [`KeyValue::get`] instead.
    fn get_each(&self, keys: &[&str]) -> Vec<Result<Option<String>, KvError>> {
        let one_by_one = || keys.iter().map(|key| self.get(key)).collect();
        match self.get_all_joined(keys) {
            Some(joined) => {
                let values: Vec<Result<Option<String>, KvError>> =
                    joined.split('\u{0}').map(|v| Ok(Some(v.to_string()))).collect();
                if values.len() == keys.len() {
                    values
                } else {
                    one_by_one()
                }
            }
            None => one_by_one(),
        }
    }
}

impl LocalStorage {
    /// The values under `keys` joined by NUL, or `None` if they cannot be read that way.
    fn get_all_joined(&self, keys: &[&str]) -> Option<String> {
        let storage = self.storage.as_ref()?;
        if keys.is_empty() || keys.iter().any(|key| key.contains('\u{0}')) {
            return None;
        }
        let names = JsString::from(keys.join("\u{0}").as_str()).split("\u{0}");
        let get_item: Function = Reflect::get(storage, &JsValue::from_str("getItem"))
            .ok()?
            .dyn_into()
            .ok()?;
        let values = array_from_mapped(&names, &get_item, storage).ok()?;
        if values.index_of(&JsValue::NULL, 0) >= 0 {
            return None;
        }
        Some(String::from(values.join("\u{0}")))
    }
}
