//! One stable sort for the whole crate, for the size of the WebAssembly.
//!
//! The standard sorts are fast but large: every call site instantiates its own driftsort or
//! ipnsort, 5–8 KB of WebAssembly each (about 80 KB for the crate's sorts before `wasm-opt`).
//! Here the merge runs on indices with the comparison behind a `dyn`, so it is compiled
//! once; only the short step that applies the order is per element type. Ties keep their
//! order, so every former `sort_unstable` on distinct keys gives the same result.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably.
pub(crate) fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = v;
        sorted_indices(items.len(), &|a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|i| slots.get_mut(*i).and_then(Option::take)));
}

/// Sorts `v` by its own order, stably.
pub(crate) fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The indices `0..n` in the order of `cmp`: a bottom-up merge sort, ties in index order.
fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to: Vec<usize> = vec![0; n];
    let mut width = 1usize;
    while width < n {
        let mut start = 0usize;
        while start < n {
            let mid = start.saturating_add(width).min(n);
            let end = start.saturating_add(width.saturating_mul(2)).min(n);
            let left = from.get(start..mid).unwrap_or_default();
            let right = from.get(mid..end).unwrap_or_default();
            if let Some(out) = to.get_mut(start..end) {
                merge(left, right, out, cmp);
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width = width.saturating_mul(2);
    }
    from
}

fn merge(left: &[usize], right: &[usize], out: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    // Runs already in order (common: inputs are often sorted) are copied without comparing.
    if let (Some(l), Some(r)) = (left.last(), right.first()) {
        if cmp(*r, *l) != Ordering::Less {
            for (slot, i) in out.iter_mut().zip(left.iter().chain(right)) {
                *slot = *i;
            }
            return;
        }
    }
    let (mut l, mut r) = (left.iter().peekable(), right.iter().peekable());
    for slot in out.iter_mut() {
        let take_left = match (l.peek(), r.peek()) {
            // The right one goes first only when it is strictly smaller: ties stay in order.
            (Some(x), Some(y)) => cmp(**y, **x) != Ordering::Less,
            (Some(_), None) => true,
            (None, _) => false,
        };
        let next = if take_left { l.next() } else { r.next() };
        if let Some(i) = next {
            *slot = *i;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 0x2545_f491_u64;
        for n in [0usize, 1, 2, 3, 7, 16, 17, 100, 1000] {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ((seed % 13) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "{n}");
            let mut ours = v.clone();
            sort(&mut ours);
            let mut std = v;
            std.sort();
            assert_eq!(ours, std, "{n}");
        }
    }
}
