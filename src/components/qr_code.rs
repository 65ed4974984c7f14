//! A QR code of a brief's address, drawn in the app as SVG, with the address written beside it
//! for anyone who cannot scan it.

use leptos::prelude::*;

use crate::domain::qr::qr_svg;

/// The address of a brief on this site, as phones should open it: the site's origin is known
/// only in the browser, so until the page is the app's this is the path alone.
pub fn brief_address(brief_id: &str) -> Signal<String> {
    let path = format!("/briefs/{brief_id}");
    let address = RwSignal::new(path.clone());
    Effect::new(move |_| {
        if let Some(origin) = web_sys::window().and_then(|w| w.location().origin().ok()) {
            address.set(format!("{origin}{path}"));
        }
    });
    address.into()
}

/// The QR code of `address`, dark on light whatever the colour scheme, with its caption. It is
/// drawn once the address is a full one (with the site's origin), in the browser.
#[component]
pub fn QrCode(
    /// What the code says.
    #[prop(into)]
    address: Signal<String>,
    /// What scanning it opens, for the image's name ("this brief").
    label: &'static str,
) -> impl IntoView {
    move || {
        let address = address.get();
        let code = address.contains("://").then(|| qr_svg(&address)).flatten();
        let Some(code) = code else {
            return view! { <p class="qr__address">{address}</p> }.into_any();
        };
        let view_box = format!("0 0 {0} {0}", code.size);
        let name = format!("QR code that opens {label}");
        view! {
            <figure class="qr">
                <svg class="qr__code" viewBox=view_box role="img" aria-label=name shape-rendering="crispEdges"
                    xmlns="http://www.w3.org/2000/svg">
                    <rect width="100%" height="100%" fill="#ffffff"/>
                    <path d=code.path fill="#000000"/>
                </svg>
                <figcaption class="qr__address">{address}</figcaption>
            </figure>
        }
        .into_any()
    }
}
