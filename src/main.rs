//! Entry point in the browser: installs the panic hook and starts the app. Nothing else lives
//! here.

#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
fn main() {
    console_error_panic_hook::set_once();
    safeguarding_toolkit::browser::start();
}

#[cfg(not(all(feature = "hydrate", target_arch = "wasm32")))]
fn main() {
    eprintln!("This is a browser app: build it with `make serve` (trunk), not `cargo run`.");
}
