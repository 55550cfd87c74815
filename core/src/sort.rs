//! One small sort for the whole crate.
//!
//! `sort_unstable` compiles a pattern-defeating quicksort, with its small-sort and pivot helpers,
//! for every element type: about 3 KB of the widget's wasm each. The lists sorted here are short
//! (an object's member names, search hits, mapping pairs), so a heapsort written once over
//! positions serves them all, and each element type adds only its comparison and swap. Heapsort
//! keeps the worst case at O(n log n) comparisons. It is not stable; every caller sorts by a total
//! order, where any correct sort gives the same result.

use std::cmp::Ordering;

/// Sorts `items` in ascending order.
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` by `compare`, which must be a total order.
pub(crate) fn sort_by<T>(items: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    heapsort(&mut Slice { items, compare });
}

/// What the heapsort needs of a sequence: its length, and comparing and swapping by position.
trait Positions {
    fn len(&self) -> usize;
    fn less(&mut self, i: usize, j: usize) -> bool;
    fn swap(&mut self, i: usize, j: usize);
}

struct Slice<'a, T, F> {
    items: &'a mut [T],
    compare: F,
}

impl<T, F: FnMut(&T, &T) -> Ordering> Positions for Slice<'_, T, F> {
    fn len(&self) -> usize {
        self.items.len()
    }

    fn less(&mut self, i: usize, j: usize) -> bool {
        (self.compare)(&self.items[i], &self.items[j]) == Ordering::Less
    }

    fn swap(&mut self, i: usize, j: usize) {
        self.items.swap(i, j);
    }
}

/// Builds a max-heap, then moves its root (the largest item) to the end of the shrinking heap.
fn heapsort(v: &mut dyn Positions) {
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// Restores the heap order below `root`, within the first `end` positions.
fn sift_down(v: &mut dyn Positions, mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && v.less(child, child + 1) {
            child += 1;
        }
        if !v.less(root, child) {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any order of any items comes out as std's sort leaves it.
        #[test]
        fn sorts_like_std(mut items in proptest::collection::vec(any::<u8>(), 0..300)) {
            let mut std = items.clone();
            std.sort_unstable();
            sort(&mut items);
            prop_assert_eq!(items, std);
        }

        /// Strings, and a comparator over tuples like the search's (descending, then ascending).
        #[test]
        fn sorts_by_like_std(
            words in proptest::collection::vec("[a-c]{0,3}", 0..60),
            mut hits in proptest::collection::vec((0u8..4, 0u8..4, any::<u16>()), 0..200),
        ) {
            let (mut ours, mut std) = (words.clone(), words);
            sort(&mut ours);
            std.sort_unstable();
            prop_assert_eq!(ours, std);

            let by = |a: &(u8, u8, u16), b: &(u8, u8, u16)| {
                b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
            };
            let mut std = hits.clone();
            std.sort_unstable_by(by);
            sort_by(&mut hits, by);
            prop_assert_eq!(hits, std);
        }
    }

    #[test]
    fn counts_comparisons_within_n_log_n() {
        let mut items: Vec<u32> = (0..1024).rev().collect();
        let mut comparisons = 0;
        sort_by(&mut items, |a, b| {
            comparisons += 1;
            a.cmp(b)
        });
        assert!(items.windows(2).all(|w| w[0] <= w[1]));
        // Heapsort's bound is about 2 n log2 n.
        assert!(comparisons <= 2 * 1024 * 10, "{comparisons} comparisons");
    }
}
