//! The header with the toolkit's name and primary navigation, and the footer's privacy line.

use crate::router::A;
use leptos::prelude::*;

use crate::app::APP_NAME;

/// The site header: the toolkit's name and the primary navigation.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="header">
            <div class="header__inner">
                <A href="/" attr:class="header__name">{APP_NAME}</A>
                <nav class="nav" aria-label="Main">
                    <ul class="nav__list">
                        <NavItem href="/briefs" label="Learning briefs"/>
                        <NavItem href="/guide" label="Review guide"/>
                        <NavItem href="/notes" label="My notes"/>
                        <NavItem href="/about" label="About"/>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// One link of the primary navigation; marked as current on its section's pages.
#[component]
fn NavItem(
    /// Where the link goes.
    href: &'static str,
    /// The link's text.
    label: &'static str,
) -> impl IntoView {
    view! {
        <li class="nav__item">
            <A href=href attr:class="nav__link">{label}</A>
        </li>
    }
}

/// The site footer: says plainly that nothing typed here leaves the device.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="footer">
            <div class="footer__inner">
                <p class="footer__privacy">
                    "Nothing you type in this toolkit leaves your device. It has no account and sends nothing to any server."
                </p>
                <p>
                    "Guidance here summarises published sources and names each one. "
                    <A href="/about">"About this toolkit, privacy and Exit this page"</A>
                </p>
            </div>
        </footer>
    }
}
