//! A FIFO that keeps the total weight of what it holds: both queues of a
//! session (requests waiting behind in-flight work, replies waiting for a
//! client to read) are bounded in bytes, not in entries, so pipelining
//! thousands of small frames is fine and a flood of large ones is not.

use std::collections::VecDeque;

/// How much of a byte budget a queued frame uses.
pub trait Weighed {
    fn weight(&self) -> usize;
}

pub struct Fifo<T> {
    items: VecDeque<T>,
    bytes: usize,
}

impl<T: Weighed> Default for Fifo<T> {
    fn default() -> Self {
        Fifo::new()
    }
}

impl<T: Weighed> Fifo<T> {
    pub fn new() -> Fifo<T> {
        Fifo {
            items: VecDeque::new(),
            bytes: 0,
        }
    }

    /// The total weight of what is queued.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    pub fn push_back(&mut self, v: T) {
        self.bytes += v.weight();
        self.items.push_back(v);
    }

    pub fn push_front(&mut self, v: T) {
        self.bytes += v.weight();
        self.items.push_front(v);
    }

    pub fn pop_front(&mut self) -> Option<T> {
        let v = self.items.pop_front()?;
        self.bytes -= v.weight();
        Some(v)
    }

    pub fn clear(&mut self) {
        self.items.clear();
        self.bytes = 0;
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Replaces the first item `matches` accepts, if any; `v` otherwise comes back.
    pub fn replace(&mut self, v: T, matches: impl Fn(&T) -> bool) -> Option<T> {
        match self.items.iter_mut().find(|x| matches(x)) {
            Some(slot) => {
                self.bytes = self.bytes - slot.weight() + v.weight();
                *slot = v;
                None
            }
            None => Some(v),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct W(usize, char);

    impl Weighed for W {
        fn weight(&self) -> usize {
            self.0
        }
    }

    #[test]
    fn keeps_the_weight_of_what_it_holds() {
        let mut f = Fifo::new();
        f.push_back(W(3, 'a'));
        f.push_back(W(5, 'b'));
        f.push_front(W(1, 'c'));
        assert_eq!(f.bytes(), 9);
        assert!(f.replace(W(7, 'B'), |w| w.1 == 'b').is_none());
        assert_eq!(f.bytes(), 11);
        assert!(f.replace(W(2, 'x'), |w| w.1 == 'z').is_some());
        assert_eq!(f.pop_front().map(|w| w.1), Some('c'));
        assert_eq!(f.bytes(), 10);
        f.clear();
        assert!(f.is_empty());
        assert_eq!(f.bytes(), 0);
    }
}
