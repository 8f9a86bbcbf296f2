//! The item cache: generated items by (dataset instance, index), so many
//! agents asking for the same seed and index (the GRPO case) cost one
//! generation. Bounded by count and by bytes (ARCHITECTURE.md, bounds table).

use std::sync::Arc;

use dataset_core::Item;
use lru::LruCache;

/// Bytes a cache entry costs besides the item's own heap bytes (the `Arc`,
/// the key, the LRU links).
const ENTRY_OVERHEAD: usize = 128;
/// No item bigger than this share of the cache's bytes is cached: one huge
/// item must not evict everything else, and items that big are rare enough
/// that regenerating them is the cheaper trade.
const ITEM_SHARE: usize = 16;

/// Generated items by (dataset instance, index), least recently used first
/// out, bounded both by count and by the bytes the items hold.
pub struct ItemCache {
    lru: LruCache<(u64, u64), (Arc<Item>, usize)>,
    bytes: usize,
    max_items: usize,
    max_bytes: usize,
}

impl ItemCache {
    pub fn new(max_items: usize, max_bytes: usize) -> ItemCache {
        ItemCache {
            lru: LruCache::unbounded(),
            bytes: 0,
            max_items,
            max_bytes,
        }
    }

    pub(crate) fn get(&mut self, key: (u64, u64)) -> Option<Arc<Item>> {
        self.lru.get(&key).map(|(item, _)| item.clone())
    }

    /// Caches `item` unless it is larger than its share; evicts the least
    /// recently used items until both bounds hold.
    pub(crate) fn put(&mut self, key: (u64, u64), item: &Arc<Item>) {
        let weight = item.heap_bytes() + ENTRY_OVERHEAD;
        if weight > self.max_bytes / ITEM_SHARE || self.max_items == 0 {
            return;
        }
        if let Some((_, old)) = self.lru.put(key, (item.clone(), weight)) {
            self.bytes -= old;
        }
        self.bytes += weight;
        while self.bytes > self.max_bytes || self.lru.len() > self.max_items {
            match self.lru.pop_lru() {
                Some((_, (_, w))) => self.bytes -= w,
                None => break,
            }
        }
    }

    pub fn len(&self) -> usize {
        self.lru.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lru.is_empty()
    }

    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use dataset_core::Item;
    use serde_json::Map;

    use super::*;

    fn item(text: usize) -> Arc<Item> {
        Arc::new(Item {
            question: "q".repeat(text),
            answer: String::new(),
            metadata: Map::new().into(),
        })
    }

    #[test]
    fn the_item_cache_is_bounded_by_bytes_and_skips_items_over_their_share() {
        let mut c = ItemCache::new(1000, 16 * 5_000);
        for i in 0..100 {
            c.put((0, i), &item(1000));
        }
        assert!(c.bytes() <= 16 * 5_000, "{}", c.bytes());
        assert!(c.len() < 100 && c.len() > 50, "{}", c.len());
        // The most recent items are the ones kept.
        assert!(c.get((0, 99)).is_some());
        assert!(c.get((0, 0)).is_none());
        // Over a sixteenth of the bytes: not cached at all.
        c.put((1, 0), &item(5_001));
        assert!(c.get((1, 0)).is_none());
        // Replacing an entry does not count it twice.
        let before = c.bytes();
        c.put((0, 99), &item(1000));
        assert_eq!(c.bytes(), before);
        // Bounded by count too.
        let mut c = ItemCache::new(3, 1 << 30);
        for i in 0..10 {
            c.put((0, i), &item(1));
        }
        assert_eq!(c.len(), 3);
        assert_eq!(ItemCache::new(0, 1 << 30).len(), 0);
    }
}
