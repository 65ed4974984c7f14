//! Files in and out of the browser for notes: downloading text through a Blob and an object URL
//! (the Content-Security-Policy allows no `data:` downloads), and reading a chosen file as text.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::Array;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, HtmlInputElement, Url};

/// Offers `text` as a download called `file_name`. The error is the browser's words.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let result = try_download(file_name, mime, text);
    result.map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

fn try_download(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("there is no page")?;
    let body = document.body().ok_or("the page has no body")?;
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(text)), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    body.append_child(&link)?;
    link.click();
    link.remove();
    // Give the browser time to start the download before the URL is let go.
    set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        Duration::from_secs(60),
    );
    Ok(())
}

/// The file chosen in `input`, if any.
pub fn chosen_file(input: &HtmlInputElement) -> Option<File> {
    input.files().and_then(|files| files.get(0))
}

/// Reads `file` as text and calls `done` with the text, or with the browser's words if it
/// could not be read.
pub fn read_text(file: &File, done: impl FnOnce(Result<String, String>) + 'static) {
    // Only one of the two handlers runs; whichever does takes `done`.
    let done = Rc::new(Cell::new(Some(
        Box::new(done) as Box<dyn FnOnce(Result<String, String>)>
    )));
    let done_err = Rc::clone(&done);
    let on_text = Closure::<dyn FnMut(JsValue)>::new(move |text: JsValue| {
        if let Some(done) = done.take() {
            done(text.as_string().ok_or_else(|| "the file is not text".to_string()));
        }
    });
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |error: JsValue| {
        if let Some(done) = done_err.take() {
            let words = error
                .dyn_ref::<web_sys::DomException>()
                .map(|e| e.message())
                .or_else(|| error.as_string())
                .unwrap_or_else(|| "the browser could not read it".to_string());
            done(Err(words));
        }
    });
    let _ = file.text().then2(&on_text, &on_error);
    // The promise calls one of them later; both must outlive this call.
    on_text.forget();
    on_error.forget();
}
