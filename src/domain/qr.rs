//! A QR code of an address, drawn as one SVG path, so people in a meeting can open the same
//! brief on their phones. Made in the app with `qrcodegen`: nothing is sent to any service.

use qrcodegen::{QrCode, QrCodeEcc};

/// The quiet zone around the code, in modules, that readers need.
pub const BORDER: i32 = 4;

/// A QR code ready to draw: `path` fills the dark modules in a square `size` units wide
/// (quiet zone included), for an SVG with `viewBox="0 0 size size"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrSvg {
    /// The width and height, in modules, with the quiet zone.
    pub size: i32,
    /// The SVG path data of the dark modules.
    pub path: String,
}

/// The QR code of `text` at medium error correction, or `None` if the text is too long.
pub fn qr_svg(text: &str) -> Option<QrSvg> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = code.size();
    let mut path = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            // One rectangle per run of dark modules keeps the path short.
            let start = x;
            while x < n && code.get_module(x, y) {
                x += 1;
            }
            path.push_str(&format!(
                "M{} {}h{}v1h-{}z",
                start + BORDER,
                y + BORDER,
                x - start,
                x - start
            ));
        }
    }
    Some(QrSvg {
        size: n + 2 * BORDER,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The modules a path fills, read back from its rectangles.
    fn filled(svg: &QrSvg) -> Vec<(i32, i32)> {
        let mut cells = Vec::new();
        for rect in svg.path.split('z').filter(|r| !r.is_empty()) {
            let nums: Vec<i32> = rect
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .filter_map(|s| s.parse().ok())
                .collect();
            let (x, y, w) = (nums[0], nums[1], nums[2]);
            cells.extend((x..x + w).map(|cx| (cx, y)));
        }
        cells
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules_inside_the_quiet_zone() {
        let text = "https://toolkit.example/briefs/learning-from-reviews-2023";
        let svg = qr_svg(text).expect("short text encodes");
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).expect("encodes");
        assert_eq!(svg.size, code.size() + 8);
        let mut expected = Vec::new();
        for y in 0..code.size() {
            for x in 0..code.size() {
                if code.get_module(x, y) {
                    expected.push((x + BORDER, y + BORDER));
                }
            }
        }
        assert_eq!(filled(&svg), expected);
        // The three finder patterns make the top-left corner dark.
        assert!(filled(&svg).contains(&(BORDER, BORDER)));
    }

    #[test]
    fn text_too_long_for_any_qr_code_is_refused() {
        assert!(qr_svg(&"x".repeat(5000)).is_none());
    }
}
