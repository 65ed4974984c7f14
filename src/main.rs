//! Entry point: installs the panic hook and mounts the app. Nothing else lives here.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    safeguarding_toolkit::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app: build it with `make serve` (trunk), not `cargo run`.");
}
