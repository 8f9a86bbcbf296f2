//! rgym's global allocator, for the binary and for the examples that
//! measure it (`#[global_allocator] static GLOBAL: rgym_alloc::Allocator =
//! rgym_alloc::Allocator;`).
//!
//! jemalloc rather than glibc's malloc: rearc builds and drops thousands of
//! CPython-layout set tables per item, and glibc spent a quarter of its time
//! in `_int_malloc`/`_int_free`/consolidation; jemalloc's size classes and
//! thread caches make rearc ~20% faster and the server's CPU per episode a
//! little lower, for the same memory per idle session (docs/PERFORMANCE.md).
//!
//! One change to it: a small block that grows is moved (a new block from the
//! thread cache, a copy, the old block back to it) instead of going through
//! `realloc`. A growing `Vec` (`push`, `collect` from a filter) reallocates
//! at every doubling, and jemalloc's `realloc` took about 450 instructions a
//! call in rearc (`do_rallocx` → `arena_ralloc`: size classes looked up
//! again, an in-place attempt that cannot succeed across small size classes,
//! hooks) against about 80 for the move: 5% of all of rearc's instructions.
//! Blocks past jemalloc's small classes keep its `realloc`, which can extend
//! a large extent in place instead of copying it.

#[cfg(all(unix, not(target_env = "musl")))]
mod imp {
    use std::alloc::{GlobalAlloc, Layout};
    use tikv_jemallocator::Jemalloc;

    /// jemalloc's largest small size class with 4 KiB pages
    /// (`SC_SMALL_MAXCLASS`): up to it a block never grows in place into
    /// another class, so `realloc` always moves it anyway.
    const SMALL_MAX: usize = 14 * 1024;

    /// See the crate's documentation.
    pub struct Allocator;

    unsafe impl GlobalAlloc for Allocator {
        #[inline]
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            unsafe { Jemalloc.alloc(layout) }
        }

        #[inline]
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            unsafe { Jemalloc.alloc_zeroed(layout) }
        }

        #[inline]
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { Jemalloc.dealloc(ptr, layout) }
        }

        #[inline]
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            if new_size <= layout.size() || new_size > SMALL_MAX {
                return unsafe { Jemalloc.realloc(ptr, layout, new_size) };
            }
            // SAFETY: `GlobalAlloc::realloc`'s contract: `new_size`, rounded
            // up to `layout.align()`, does not overflow `isize`; `ptr` holds
            // `layout.size()` bytes and is freed only once the copy is made.
            unsafe {
                let grown = Layout::from_size_align_unchecked(new_size, layout.align());
                let new = Jemalloc.alloc(grown);
                if !new.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new, layout.size());
                    Jemalloc.dealloc(ptr, layout);
                }
                new
            }
        }
    }
}

#[cfg(not(all(unix, not(target_env = "musl"))))]
mod imp {
    use std::alloc::{GlobalAlloc, Layout, System};

    /// The system allocator (musl, non-Unix targets).
    pub struct Allocator;

    unsafe impl GlobalAlloc for Allocator {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            unsafe { System.alloc(layout) }
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            unsafe { System.alloc_zeroed(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }
}

pub use imp::Allocator;

#[cfg(test)]
mod tests {
    use super::Allocator;
    use std::alloc::{GlobalAlloc, Layout};

    /// Grows a block through every path (small moves, the step past the
    /// small classes, large reallocs, shrinks) at several alignments: the
    /// bytes written survive and every block is aligned as asked.
    #[test]
    fn realloc_keeps_the_bytes_and_the_alignment() {
        for align in [1, 8, 16, 64, 4096] {
            let mut size = 3;
            let layout = Layout::from_size_align(size, align).expect("layout");
            let mut ptr = unsafe { Allocator.alloc(layout) };
            assert!(!ptr.is_null());
            let fill = |ptr: *mut u8, from: usize, to: usize| {
                for k in from..to {
                    unsafe { ptr.add(k).write((k % 251) as u8) };
                }
            };
            fill(ptr, 0, size);
            for new_size in [
                5,
                16,
                17,
                100,
                4000,
                14 * 1024,
                14 * 1024 + 1,
                100_000,
                1 << 20,
                64,
                1,
            ] {
                let old = Layout::from_size_align(size, align).expect("layout");
                ptr = unsafe { Allocator.realloc(ptr, old, new_size) };
                assert!(!ptr.is_null());
                assert_eq!(ptr as usize % align, 0, "align {align}, size {new_size}");
                for k in 0..size.min(new_size) {
                    assert_eq!(
                        unsafe { ptr.add(k).read() },
                        (k % 251) as u8,
                        "byte {k} of {new_size}"
                    );
                }
                if new_size > size {
                    fill(ptr, size, new_size);
                }
                size = new_size;
            }
            unsafe {
                Allocator.dealloc(ptr, Layout::from_size_align(size, align).expect("layout"))
            };
        }
    }

    /// Zeroed blocks are zero, and a `Vec` grown one push at a time under
    /// this allocator (the moved path) keeps its elements.
    #[test]
    fn zeroed_and_grown_vectors() {
        let layout = Layout::from_size_align(10_000, 8).expect("layout");
        let p = unsafe { Allocator.alloc_zeroed(layout) };
        assert!(!p.is_null());
        assert!((0..10_000).all(|k| unsafe { p.add(k).read() } == 0));
        unsafe { Allocator.dealloc(p, layout) };

        let mut layout = Layout::array::<u64>(1).expect("layout");
        let mut p = unsafe { Allocator.alloc(layout) } as *mut u64;
        for n in 1..5000usize {
            unsafe { p.add(n - 1).write(n as u64 * 7) };
            let grown = Layout::array::<u64>(n + 1).expect("layout");
            p = unsafe { Allocator.realloc(p as *mut u8, layout, grown.size()) } as *mut u64;
            assert!(!p.is_null());
            layout = grown;
        }
        assert!((1..5000usize).all(|n| unsafe { p.add(n - 1).read() } == n as u64 * 7));
        unsafe { Allocator.dealloc(p as *mut u8, layout) };
    }
}
