//! Building URL query strings for state kept in the address: filters, searches, guide answers.

/// Percent-encodes a query-string value: everything but unreserved characters is escaped, and a
/// space becomes `%20`.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// `path` followed by the non-empty `(key, value)` pairs as a query string, in the given order.
pub fn with_query(path: &str, pairs: &[(&str, &str)]) -> String {
    let query: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);

    #[test]
    fn values_are_escaped_and_empty_pairs_dropped() {
        let cases: &[Case] = &[
            ("/briefs", &[], "/briefs"),
            ("/briefs", &[("q", ""), ("theme", "")], "/briefs"),
            ("/briefs", &[("q", "risk")], "/briefs?q=risk"),
            (
                "/briefs",
                &[("q", "child's risk & care"), ("kind", "scr")],
                "/briefs?q=child%27s%20risk%20%26%20care&kind=scr",
            ),
            ("/briefs", &[("q", "café?#")], "/briefs?q=caf%C3%A9%3F%23"),
        ];
        for (path, pairs, expected) in cases {
            assert_eq!(with_query(path, pairs), *expected);
        }
    }
}
