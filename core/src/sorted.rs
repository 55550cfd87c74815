//! Sorted collections over one sorted `Vec`: [`SortedMap`] is `litemap`'s map (a binary-searched
//! vector, far less code in the wasm than `BTreeMap`), and [`SortedSet`] is that map with unit
//! values, written and read as a JSON array as `BTreeSet` is.
//!
//! Nothing here decides anything; it only stores.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A map sorted by key.
pub type SortedMap<K, V> = litemap::LiteMap<K, V>;

/// A set sorted by value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortedSet<T: Ord> {
    map: SortedMap<T, ()>,
}

impl<T: Ord> Default for SortedSet<T> {
    fn default() -> Self {
        SortedSet {
            map: SortedMap::new(),
        }
    }
}

impl<T: Ord> SortedSet<T> {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `value`; false when it was already there.
    pub fn insert(&mut self, value: T) -> bool {
        self.map.try_insert(value, ()).is_none()
    }

    /// Removes `value`; false when it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, value: &Q) -> bool
    where
        T: std::borrow::Borrow<Q>,
    {
        self.map.remove(value).is_some()
    }

    /// Whether `value` is in the set.
    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: std::borrow::Borrow<Q>,
    {
        self.map.contains_key(value)
    }

    /// How many values.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Removes every value.
    pub fn clear(&mut self) {
        self.map.clear();
    }

    /// The values in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> {
        self.map.keys()
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        SortedSet {
            map: iter.into_iter().map(|v| (v, ())).collect(),
        }
    }
}

impl<'a, T: Ord> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = Box<dyn DoubleEndedIterator<Item = &'a T> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl<T: Ord + Serialize> Serialize for SortedSet<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de, T: Ord + Deserialize<'de>> Deserialize<'de> for SortedSet<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Vec::<T>::deserialize(deserializer)?.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    proptest! {
        /// Inserting and removing answer as `BTreeSet` does and leave the same values in order.
        #[test]
        fn behaves_like_btreeset(ops in proptest::collection::vec((any::<bool>(), 0u8..32), 0..200)) {
            let (mut ours, mut std) = (SortedSet::new(), BTreeSet::new());
            for (insert, v) in ops {
                if insert {
                    prop_assert_eq!(ours.insert(v), std.insert(v));
                } else {
                    prop_assert_eq!(ours.remove(&v), std.remove(&v));
                }
                prop_assert!(ours.iter().eq(std.iter()));
            }
        }
    }

    #[test]
    fn serde_form_is_the_std_sets_form() {
        let set: SortedSet<u8> = [3, 1, 2, 1].into_iter().collect();
        assert_eq!(serde_json::to_string(&set).unwrap(), "[1,2,3]");
        let back: SortedSet<u8> = serde_json::from_str("[2,3,1]").unwrap();
        assert_eq!(back, set);
    }
}
