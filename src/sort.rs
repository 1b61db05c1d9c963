//! One stable sort for the whole crate, for the size of the WebAssembly.
//!
//! The standard sorts are fast but large: every call site instantiates its own driftsort or
//! ipnsort, 5–8 KB of WebAssembly each (about 80 KB for the crate's sorts before `wasm-opt`).
//! Here the merge runs on indices with the comparison behind a `dyn`, so it is compiled
//! once; only the short step that applies the order is per element type. Ties keep their
//! order, so every former `sort_unstable` on distinct keys gives the same result.
//!
//! Measured again (issue 23.5, 2026-12-07; `tests/bench/replacements.rs`, callgrind
//! instruction counts of the native bench build): the standard sorts at every call site in
//! place of [`sort`] and [`sort_by`] make the `.wasm` 111 009 B bigger, **37 632 B gzipped**
//! (the widgets' 88 928 / 29 898 B), where this merge takes 1.8× the instructions of
//! `slice::sort` on the unit ids (69 k against 37 k for 95 ids; 695 k against 384 k for 701),
//! microseconds at the crate's call sites: it stays. [`sort_by_u64_key`], on the observations'
//! keys of S (15 932) and M (117 887): 4.1 M and 32.8 M instructions, against 8.2 M and 72.4 M
//! for `sort_by_cached_key` (the fastest standard sort here), 17.1 M and 151.9 M for
//! `sort_unstable_by_key`, 22.5 M and 205.8 M for `sort_by_key`: it stays too.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably.
pub(crate) fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    // Already in order (units listed by id, a unit's rows, one level's ids): nothing to move.
    if v.windows(2)
        .all(|w| matches!(w, [a, b] if cmp(a, b) != Ordering::Greater))
    {
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

/// Sorts `v` stably by a number per element: a radix sort, one pass per byte in which the
/// keys differ, for the one large sort of an evaluation (every observation by indicator, unit
/// and period: comparing those through [`sort_by`] took most of the sort's time). Leaves `v`
/// as it is and returns false when `key` gives `None` for an element.
pub(crate) fn sort_by_u64_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> Option<u64>) -> bool {
    let Ok(n) = u32::try_from(v.len()) else {
        return false;
    };
    if n < 2 {
        return true;
    }
    let mut order: Vec<(u64, u32)> = Vec::with_capacity(v.len());
    let mut in_order = true;
    for (i, t) in (0..n).zip(v.iter()) {
        let Some(k) = key(t) else {
            return false;
        };
        in_order &= order.last().map_or(true, |(last, _)| *last <= k);
        order.push((k, i));
    }
    if in_order {
        return true;
    }
    let mut next = vec![(0u64, 0u32); order.len()];
    for shift in (0..64).step_by(8) {
        let byte = |k: u64| usize::from((k >> shift) as u8);
        let mut counts = [0usize; 256];
        for (k, _) in &order {
            if let Some(c) = counts.get_mut(byte(*k)) {
                *c += 1;
            }
        }
        if counts.contains(&order.len()) {
            continue; // every key has the same byte here
        }
        let mut at = [0usize; 256];
        let mut sum = 0usize;
        for (a, c) in at.iter_mut().zip(counts) {
            *a = sum;
            sum += c;
        }
        for &(k, i) in &order {
            if let Some(a) = at.get_mut(byte(k)) {
                if let Some(slot) = next.get_mut(*a) {
                    *slot = (k, i);
                }
                *a += 1;
            }
        }
        std::mem::swap(&mut order, &mut next);
    }
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        order
            .iter()
            .filter_map(|(_, i)| slots.get_mut(*i as usize).and_then(Option::take)),
    );
    true
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

    #[test]
    fn the_radix_sort_is_the_standard_stable_sort_by_key() {
        let mut seed = 0x9e37_79b9_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for n in [0usize, 1, 2, 3, 255, 256, 257, 1000, 5000] {
            // Keys that differ in a few bytes only, with many ties, as observation keys do.
            let v: Vec<(u64, usize)> = (0..n)
                .map(|i| {
                    let r = next();
                    ((r % 7) << 40 | ((r >> 8) % 300) << 17 | ((r >> 20) % 5), i)
                })
                .collect();
            let mut ours = v.clone();
            assert!(sort_by_u64_key(&mut ours, |t| Some(t.0)));
            let mut std = v.clone();
            std.sort_by_key(|t| t.0);
            assert_eq!(ours, std, "{n}");
            // Full 64-bit keys.
            let mut ours: Vec<u64> = (0..n).map(|_| next()).collect();
            let mut std = ours.clone();
            assert!(sort_by_u64_key(&mut ours, |k| Some(*k)));
            std.sort_unstable();
            assert_eq!(ours, std, "{n}");
        }
        let mut v = vec![3u64, 1, 2];
        assert!(!sort_by_u64_key(&mut v, |k| (*k != 2).then_some(*k)));
        assert_eq!(v, vec![3, 1, 2], "left as it was");
    }
}
