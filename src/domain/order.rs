//! One stable sort for the whole app.
//!
//! Every `sort_by` with its own element type and closure compiles another copy of the standard
//! library's sort into the wasm (3 to 4 KB each), and so does every `collect` into a `BTreeSet`.
//! Here the sort runs on positions through a `dyn` comparison, so it is compiled once.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping equal items in their order, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = positions(items.len(), &mut |a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// `items` in order without repeats, as collecting them into a `BTreeSet` would give.
pub fn sorted_unique<T: Ord>(mut items: Vec<T>) -> Vec<T> {
    sort_by(&mut items, T::cmp);
    items.dedup();
    items
}

/// The positions `0..len` in the order `cmp` gives them.
#[inline(never)]
fn positions(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Pseudo-random lists (a fixed linear congruential generator), short and long, with many
    /// repeats so that stability matters.
    fn lists() -> Vec<Vec<(u8, usize)>> {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize
        };
        (0..200)
            .map(|n| {
                let len = if n < 40 { n } else { next() % 300 };
                (0..len).map(|i| ((next() % 7) as u8, i)).collect()
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        for list in lists() {
            let mut ours = list.clone();
            let mut expected = list.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            expected.sort_by_key(|item| std::cmp::Reverse(item.0));
            assert_eq!(ours, expected, "{list:?}");
        }
    }

    #[test]
    fn sorted_unique_is_what_a_btreeset_holds() {
        for list in lists() {
            let keys: Vec<u8> = list.iter().map(|(k, _)| *k).collect();
            let set: Vec<u8> = keys
                .iter()
                .copied()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            assert_eq!(sorted_unique(keys), set);
        }
    }

    #[test]
    fn owned_values_move_without_copies() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "fig"].map(String::from).to_vec();
        sort_by(&mut words, |a, b| a.len().cmp(&b.len()));
        assert_eq!(words, ["fig", "fig", "pear", "apple"]);
    }
}
