//! Whether a dataset's calls are cheap enough to run inline on the
//! session's worker, learned from the CPU time its calls take.
//!
//! Until a (name, config) has shown itself cheap, its generation and scoring
//! run on the worker pool under the time limit; once proven cheap they run
//! inline, sampled now and then, and repeated slow calls send it back to
//! the pool for good (ARCHITECTURE.md, "Inline or offloaded").

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// Calls that used more CPU than this are "slow": the dataset's later calls
/// go to the worker pool. Well above a cheap item (a few µs), well below
/// what would hold up the other sessions on a worker noticeably.
const INLINE_MAX: Duration = Duration::from_micros(500);
/// Calls timed on the worker pool before a dataset may run inline: the
/// first items of a config are the evidence that it is cheap.
pub(crate) const WARM_UP: u32 = 32;
/// Calls whose time does not count towards "slow".
const FIRST_CALLS_EXCUSED: u32 = 4;
/// Slow calls that send a dataset to the pool for good. More than one: a
/// cheap call can still show a slow CPU time now and then (a transparent huge
/// page zeroed on first touch is hundreds of µs of the thread's system time),
/// while a dataset with slow items shows them again and again.
const STRIKES: u32 = 3;

/// What is known of how long a dataset's calls take. Shared by every
/// instance with the same name and config (seeds differ per session, cost
/// does not), so a fleet of sessions warms it up once.
#[derive(Default)]
pub struct Cost {
    timed: AtomicU32,
    strikes: AtomicU32,
}

impl Cost {
    pub(crate) fn inline(&self) -> bool {
        self.timed.load(Ordering::Relaxed) >= WARM_UP && !self.slow()
    }

    pub(crate) fn record(&self, took: Duration) {
        let before = self
            .timed
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
                (n < WARM_UP).then_some(n + 1)
            })
            .unwrap_or(WARM_UP);
        // The first calls of a dataset pay for one-time work (word lists
        // decoded on first use, first-touch page faults) that says nothing
        // about its items.
        if took > INLINE_MAX && before >= FIRST_CALLS_EXCUSED {
            self.strikes.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Some call was slow: its work goes to the pool's slow lane.
    pub(crate) fn struck(&self) -> bool {
        self.strikes.load(Ordering::Relaxed) > 0
    }

    /// A call that ran out of time: slow, whatever the warm-up.
    pub(crate) fn record_timeout(&self, limit: Duration) {
        if limit > INLINE_MAX {
            self.strikes.fetch_add(1, Ordering::Relaxed);
        }
    }

    pub(crate) fn slow(&self) -> bool {
        self.strikes.load(Ordering::Relaxed) >= STRIKES
    }
}

/// Generation and scoring costs of one (name, config).
#[derive(Default)]
pub struct Costs {
    pub(crate) generation: Cost,
    pub(crate) scoring: Cost,
}

/// CPU time of the calling thread. Wall time would count the time a thread
/// sat preempted on this busy 2-core box as the dataset's, and one such call
/// would mark a cheap dataset slow for good.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Runs `f` and gives its result with the CPU time it took.
pub(crate) fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = thread_cpu();
    let v = f();
    (v, thread_cpu().saturating_sub(started))
}

/// Inline calls time one call in `SAMPLE_EVERY` per thread: the thread CPU
/// clock is a system call (no vDSO), two per call cost more than a cheap item.
const SAMPLE_EVERY: u32 = 16;

pub(crate) fn sampled<T>(f: impl FnOnce() -> T) -> (T, Option<Duration>) {
    thread_local!(static CALLS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    let n = CALLS.with(|c| {
        let n = c.get().wrapping_add(1);
        c.set(n);
        n
    });
    if n.is_multiple_of(SAMPLE_EVERY) {
        let (v, took) = timed(f);
        (v, Some(took))
    } else {
        (f(), None)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;

    #[test]
    fn cost_goes_inline_after_warm_up_and_back_for_good_after_repeated_slow_calls() {
        let c = Cost::default();
        c.record(INLINE_MAX * 100);
        for _ in 1..WARM_UP - 1 {
            c.record(Duration::from_micros(3));
        }
        assert!(!c.inline());
        c.record(Duration::from_micros(3));
        assert!(c.inline());
        for _ in 1..STRIKES {
            c.record(INLINE_MAX * 2);
            assert!(c.inline(), "an odd slow call is forgiven");
        }
        c.record(INLINE_MAX * 2);
        assert!(!c.inline());
        for _ in 0..1000 {
            c.record(Duration::from_micros(1));
        }
        assert!(!c.inline());
    }

    #[test]
    fn thread_cpu_time_counts_work_not_sleep() {
        let ((), slept) = timed(|| std::thread::sleep(Duration::from_millis(30)));
        assert!(slept < Duration::from_millis(15), "{slept:?}");
        let (_, worked) = timed(|| {
            let t = Instant::now();
            let mut x = 0u64;
            while t.elapsed() < Duration::from_millis(30) {
                x = std::hint::black_box(x.wrapping_add(1));
            }
            x
        });
        assert!(worked > Duration::ZERO);
    }
}
