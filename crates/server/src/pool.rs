//! The worker pool for building datasets, generating and scoring that is not
//! known to be cheap.
//!
//! A fixed number of threads (`generation_threads`, default one per core)
//! take jobs from one FIFO queue, so concurrent expensive work waits its turn
//! instead of piling up threads that share the cores ever more thinly (tokio's
//! blocking pool grows to 512). Each job runs under a [`budget::Token`]: when
//! its caller stops waiting (the time limit fired, the session closed, the
//! server is shutting down) the token is stopped and the job unwinds at its
//! next [`budget::check`], so the core is free again within moments instead
//! of after the job's natural end. A queued job whose token is stopped is
//! skipped without running.
//!
//! Two lanes: work of datasets seen to be slow (`Lane::Slow`) may hold at
//! most all threads but one, so work not known to be slow (a dataset's first
//! calls, builds, cheap items) always finds a thread within moments instead
//! of queueing behind a flood of expensive jobs that each run to the time
//! limit. Within a lane, first come first served.
//!
//! The threads run at a lower scheduling priority (nice 10) than the
//! actix workers: the cheap requests answered inline on the workers keep
//! their latency while both cores are busy with expensive jobs.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use budget::{Failed, StopOnDrop, Token};
use tokio::sync::{oneshot, watch};

use crate::metrics::metrics;

/// Why a job gave no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoolError {
    /// Not finished within the limit (measured from submission: time in the
    /// queue counts, so the caller hears back on time).
    Timeout(Duration),
    /// The server is shutting down.
    Shutdown,
    /// The queue is full.
    Busy,
    /// The job panicked: a bug, logged.
    Panicked,
}

type Job = Box<dyn FnOnce() + Send>;

/// Which queue a job waits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    /// Not known to be slow.
    Fast,
    /// From a dataset whose calls were seen to be slow.
    Slow,
}

struct Queue {
    fast: VecDeque<Job>,
    slow: VecDeque<Job>,
    /// Slow jobs running now, at most `slow_cap`.
    slow_running: usize,
    slow_cap: usize,
    closed: bool,
}

impl Queue {
    fn len(&self) -> usize {
        self.fast.len() + self.slow.len()
    }

    /// The next job a free thread may take, and its lane.
    fn take(&mut self) -> Option<(Job, Lane)> {
        if let Some(job) = self.fast.pop_front() {
            return Some((job, Lane::Fast));
        }
        if self.slow_running < self.slow_cap {
            if let Some(job) = self.slow.pop_front() {
                self.slow_running += 1;
                return Some((job, Lane::Slow));
            }
        }
        None
    }
}

struct Inner {
    queue: Mutex<Queue>,
    ready: Condvar,
    max_queued: usize,
    running: AtomicUsize,
}

/// A cloneable handle on the pool.
#[derive(Clone)]
pub struct Pool {
    inner: Arc<Inner>,
    threads: usize,
    /// Becomes true when the server's shutdown deadline passes: every waiter
    /// gets [`PoolError::Shutdown`] at once.
    stop_all: watch::Sender<bool>,
}

impl Pool {
    /// Starts `threads` workers (at least one); at most `max_queued` jobs wait.
    pub fn new(threads: usize, max_queued: usize) -> Pool {
        let threads = threads.max(1);
        let inner = Arc::new(Inner {
            queue: Mutex::new(Queue {
                fast: VecDeque::new(),
                slow: VecDeque::new(),
                slow_running: 0,
                // One thread is kept for work not known to be slow.
                slow_cap: threads.saturating_sub(1).max(1),
                closed: false,
            }),
            ready: Condvar::new(),
            max_queued: max_queued.max(1),
            running: AtomicUsize::new(0),
        });
        for i in 0..threads {
            let inner = inner.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("rgym-work-{i}"))
                .spawn(move || worker(&inner));
            if let Err(e) = spawned {
                tracing::error!(error = %e, "could not start a worker thread");
            }
        }
        Pool {
            inner,
            threads,
            stop_all: watch::channel(false).0,
        }
    }

    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Jobs waiting for a thread.
    pub fn queued(&self) -> usize {
        self.inner.queue.lock().map(|q| q.len()).unwrap_or(0)
    }

    /// Jobs running now.
    pub fn running(&self) -> usize {
        self.inner.running.load(Ordering::Relaxed)
    }

    /// Stops every job, queued or running, and answers every waiter with
    /// [`PoolError::Shutdown`]; later jobs are refused the same way.
    pub fn stop_all(&self) {
        self.stop_all.send_replace(true);
        if let Ok(mut q) = self.inner.queue.lock() {
            q.closed = true;
            q.fast.clear();
            q.slow.clear();
        }
        self.inner.ready.notify_all();
    }

    /// Runs `f` on a worker; its result, or why there is none, within `limit`
    /// of the call. Dropping the returned future (the caller went away)
    /// stops the job too.
    pub async fn run<T: Send + 'static>(
        &self,
        lane: Lane,
        limit: Duration,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, PoolError> {
        let token = Token::new();
        // Stops the job on every way out of this function, including being dropped.
        let _stop = StopOnDrop(token.clone());
        let (tx, rx) = oneshot::channel();
        let job_token = token.clone();
        let job: Job = Box::new(move || {
            let _ = tx.send(budget::run(job_token, f));
        });
        {
            let mut q = self.inner.queue.lock().map_err(|_| PoolError::Shutdown)?;
            if q.closed {
                return Err(PoolError::Shutdown);
            }
            if q.len() >= self.inner.max_queued {
                return Err(PoolError::Busy);
            }
            match lane {
                Lane::Fast => q.fast.push_back(job),
                Lane::Slow => q.slow.push_back(job),
            }
            metrics().pool_queued.set(q.len() as i64);
        }
        // Every waiting thread looks: the one woken by `notify_one` might be
        // unable to take a slow job while another could.
        self.inner.ready.notify_all();
        let mut stop_all = self.stop_all.subscribe();
        tokio::select! {
            done = rx => match done {
                Ok(Ok(v)) => Ok(v),
                Ok(Err(Failed::Panicked(msg))) => {
                    tracing::error!(panic = %msg, "a job on the worker pool panicked");
                    Err(PoolError::Panicked)
                }
                // Stopped by someone else (shutdown), or dropped unrun by stop_all.
                Ok(Err(Failed::Stopped)) | Err(_) => Err(PoolError::Shutdown),
            },
            _ = tokio::time::sleep(limit) => Err(PoolError::Timeout(limit)),
            _ = stop_all.wait_for(|stopped| *stopped) => Err(PoolError::Shutdown),
        }
    }
}

fn worker(inner: &Inner) {
    lower_priority();
    loop {
        let (job, lane) = {
            let Ok(mut q) = inner.queue.lock() else {
                return;
            };
            loop {
                if let Some(taken) = q.take() {
                    metrics().pool_queued.set(q.len() as i64);
                    break taken;
                }
                if q.closed {
                    return;
                }
                q = match inner.ready.wait(q) {
                    Ok(q) => q,
                    Err(_) => return,
                };
            }
        };
        inner.running.fetch_add(1, Ordering::Relaxed);
        metrics().pool_running.inc();
        // `budget::run` inside the job catches panics and stops; a job never
        // takes its thread down.
        job();
        metrics().pool_running.dec();
        inner.running.fetch_sub(1, Ordering::Relaxed);
        if lane == Lane::Slow {
            if let Ok(mut q) = inner.queue.lock() {
                q.slow_running -= 1;
            }
            // A slow job waiting for this slot may be taken now.
            inner.ready.notify_all();
        }
    }
}

/// nice 10 for the calling thread (Linux gives each thread its own nice
/// value); best effort elsewhere.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid and setpriority take and return plain integers.
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, tid, 10);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    /// Spins until stopped, checking its budget: a generator that never ends.
    fn spin() -> u64 {
        let mut n = 0u64;
        loop {
            budget::check();
            n = std::hint::black_box(n.wrapping_add(1));
        }
    }

    async fn until_idle(pool: &Pool) -> Duration {
        let t = Instant::now();
        while pool.running() > 0 && t.elapsed() < Duration::from_secs(5) {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        t.elapsed()
    }

    #[actix_rt::test]
    async fn a_timed_out_job_stops_and_frees_its_thread() {
        let pool = Pool::new(1, 8);
        let t = Instant::now();
        let r = pool.run(Lane::Fast, Duration::from_millis(100), spin).await;
        assert_eq!(r, Err(PoolError::Timeout(Duration::from_millis(100))));
        assert!(t.elapsed() < Duration::from_millis(110) + Duration::from_millis(50));
        assert!(until_idle(&pool).await < Duration::from_secs(1));
        // The one thread is free for the next job.
        assert_eq!(
            pool.run(Lane::Fast, Duration::from_secs(5), || 7).await,
            Ok(7)
        );
    }

    #[actix_rt::test]
    async fn a_dropped_waiter_stops_its_job() {
        let pool = Pool::new(1, 8);
        let fut = pool.run(Lane::Fast, Duration::from_secs(60), spin);
        let _ = tokio::time::timeout(Duration::from_millis(50), fut).await;
        assert!(until_idle(&pool).await < Duration::from_secs(1));
    }

    #[actix_rt::test]
    async fn jobs_queue_behind_the_threads_in_order_and_the_queue_is_bounded() {
        let pool = Pool::new(1, 2);
        let p = pool.clone();
        let slow =
            actix_rt::spawn(
                async move { p.run(Lane::Fast, Duration::from_millis(300), spin).await },
            );
        let t = Instant::now();
        while pool.running() == 0 && t.elapsed() < Duration::from_secs(5) {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        let order = Arc::new(Mutex::new(Vec::new()));
        let (o1, o2) = (order.clone(), order.clone());
        let a = pool.run(Lane::Fast, Duration::from_secs(5), move || {
            o1.lock().map(|mut v| v.push(1)).is_ok()
        });
        let b = pool.run(Lane::Fast, Duration::from_secs(5), move || {
            o2.lock().map(|mut v| v.push(2)).is_ok()
        });
        let c = pool.run(Lane::Fast, Duration::from_secs(5), || 3);
        let (slow, a, b, c) = tokio::join!(slow, a, b, c);
        assert!(matches!(slow, Ok(Err(PoolError::Timeout(_)))));
        assert_eq!((a, b), (Ok(true), Ok(true)));
        // slow was running and a, b queued when c came: c found the queue full.
        assert_eq!(c, Err(PoolError::Busy));
        assert_eq!(*order.lock().unwrap(), vec![1, 2]);
    }

    #[actix_rt::test]
    async fn stop_all_answers_every_waiter_at_once() {
        let pool = Pool::new(1, 8);
        let p = pool.clone();
        actix_rt::spawn(async move {
            tokio::time::sleep(Duration::from_millis(50)).await;
            p.stop_all();
        });
        let t = Instant::now();
        let (a, b) = tokio::join!(
            pool.run(Lane::Fast, Duration::from_secs(30), spin),
            pool.run(Lane::Fast, Duration::from_secs(30), || 1)
        );
        assert!(t.elapsed() < Duration::from_secs(1));
        assert_eq!(a, Err(PoolError::Shutdown));
        assert_eq!(b, Err(PoolError::Shutdown));
        assert!(until_idle(&pool).await < Duration::from_secs(1));
        assert_eq!(
            pool.run(Lane::Fast, Duration::from_secs(1), || 1).await,
            Err(PoolError::Shutdown)
        );
    }

    #[actix_rt::test]
    async fn slow_work_leaves_a_thread_for_the_rest() {
        let pool = Pool::new(2, 64);
        let mut slow = Vec::new();
        for _ in 0..4 {
            let p = pool.clone();
            slow.push(actix_rt::spawn(async move {
                p.run(Lane::Slow, Duration::from_secs(2), spin).await
            }));
        }
        let t = Instant::now();
        while pool.running() == 0 && t.elapsed() < Duration::from_secs(5) {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(
            pool.running(),
            1,
            "slow jobs hold at most one of two threads"
        );
        let t = Instant::now();
        assert_eq!(
            pool.run(Lane::Fast, Duration::from_secs(1), || 5).await,
            Ok(5)
        );
        assert!(
            t.elapsed() < Duration::from_millis(500),
            "{:?}",
            t.elapsed()
        );
        for h in slow {
            assert!(matches!(h.await, Ok(Err(PoolError::Timeout(_)))));
        }
    }

    #[actix_rt::test]
    async fn panics_are_reported_not_fatal() {
        let pool = Pool::new(1, 8);
        let r = pool
            .run(Lane::Fast, Duration::from_secs(5), || -> u8 {
                panic!("boom")
            })
            .await;
        assert_eq!(r, Err(PoolError::Panicked));
        assert_eq!(
            pool.run(Lane::Fast, Duration::from_secs(5), || 2).await,
            Ok(2)
        );
    }
}
