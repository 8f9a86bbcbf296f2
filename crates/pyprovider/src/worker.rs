//! One worker process: started sandboxed, spoken to by lines, killed on drop.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::unix::process::CommandExt;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use crate::Options;

/// The worker's program, passed with `-c` so that nothing needs installing
/// beside the interpreter.
const SCRIPT: &str = include_str!("../python/rgym_provider.py");

/// Longest reply line read: past it the worker is broken (a reply that big
/// could not be sent to a client either; the server's `max_reply_bytes`
/// defaults to 32 MiB).
const MAX_LINE: usize = 64 << 20;

/// Each worker's file-size limit: snippets that write files get `EFBIG`
/// (Python ignores `SIGXFSZ`) past it.
const MAX_FILE_BYTES: u64 = 16 << 20;

pub(crate) struct Worker {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<Result<String, String>>,
    /// Items served, for `items_per_worker`.
    pub(crate) served: u64,
    /// It has said hello (its imports are done).
    pub(crate) ready: bool,
}

impl Worker {
    pub(crate) fn spawn(opts: &Options) -> io::Result<Worker> {
        let mut cmd = Command::new(&opts.python);
        // `-s`: no user site-packages; not `-I`, which would also ignore
        // PYTHONHASHSEED.
        cmd.args(["-s", "-c", SCRIPT])
            .env_clear()
            .env("PYTHONHASHSEED", "0")
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("LANG", "C.UTF-8")
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .env("HOME", std::env::temp_dir())
            // numpy's BLAS would start a thread per core in every worker.
            .env("OPENBLAS_NUM_THREADS", "1")
            .env("OMP_NUM_THREADS", "1")
            .env("MKL_NUM_THREADS", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        let memory = opts.memory_bytes;
        // SAFETY: the closure runs in the forked child before exec and calls
        // only async-signal-safe functions (prctl, setrlimit, unshare).
        unsafe {
            cmd.pre_exec(move || {
                sandbox(memory);
                Ok(())
            });
        }
        let mut child = cmd.spawn()?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(io::Error::other("the worker's pipes were not set up"));
        };
        let (tx, lines) = mpsc::channel();
        thread::Builder::new()
            .name("rgym-pyprovider".into())
            .spawn(move || {
                let mut reader = BufReader::with_capacity(1 << 16, stdout);
                loop {
                    let line = read_line(&mut reader);
                    let last = line.is_err();
                    if tx.send(line).is_err() || last {
                        return;
                    }
                }
            })?;
        Ok(Worker {
            child,
            stdin,
            lines,
            served: 0,
            ready: false,
        })
    }

    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }

    pub(crate) fn send(&mut self, line: &str) -> io::Result<()> {
        self.stdin.write_all(line.as_bytes())?;
        self.stdin.write_all(b"\n")?;
        self.stdin.flush()
    }

    /// The next reply line, waiting at most `wait`.
    pub(crate) fn recv(&mut self, wait: Duration) -> Result<String, RecvTimeoutError> {
        match self.lines.recv_timeout(wait) {
            Ok(Ok(line)) => Ok(line),
            Ok(Err(_)) => Err(RecvTimeoutError::Disconnected),
            Err(e) => Err(e),
        }
    }

    /// Why the worker stopped answering: its exit status (an rlimit shows as
    /// a signal or a `MemoryError` exit), or the reader's complaint.
    pub(crate) fn exit_reason(&mut self) -> String {
        let status = (0..50).find_map(|_| match self.child.try_wait() {
            Ok(Some(s)) => Some(s),
            _ => {
                thread::sleep(Duration::from_millis(2));
                None
            }
        });
        match status {
            Some(s) => format!("the worker exited ({s})"),
            None => "the worker broke the protocol".into(),
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One `\n`-terminated line of at most [`MAX_LINE`] bytes; end of file and
/// an overlong line are errors.
fn read_line(reader: &mut impl BufRead) -> Result<String, String> {
    let mut buf = Vec::new();
    let n = reader
        .by_ref()
        .take(MAX_LINE as u64 + 1)
        .read_until(b'\n', &mut buf)
        .map_err(|e| e.to_string())?;
    if n == 0 {
        return Err("end of output".into());
    }
    if buf.last() != Some(&b'\n') {
        return Err(if buf.len() > MAX_LINE {
            format!("a reply over {MAX_LINE} bytes")
        } else {
            "end of output mid-line".into()
        });
    }
    buf.pop();
    String::from_utf8(buf).map_err(|_| "a reply that is not UTF-8".into())
}

/// Runs in the child between fork and exec. Failures are not fatal: the
/// worker finds out for itself whether it has a network (see the script).
fn sandbox(memory: u64) {
    // SAFETY: plain syscalls on this process with valid arguments.
    unsafe {
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
        let limit = |resource, value: u64| {
            let l = libc::rlimit {
                rlim_cur: value as libc::rlim_t,
                rlim_max: value as libc::rlim_t,
            };
            libc::setrlimit(resource, &l);
        };
        limit(libc::RLIMIT_AS, memory);
        limit(libc::RLIMIT_FSIZE, MAX_FILE_BYTES);
        limit(libc::RLIMIT_CORE, 0);
        // A network namespace of its own has only a loopback, down: no
        // connection leaves. Unprivileged, a user namespace must come first.
        if libc::unshare(libc::CLONE_NEWNET) != 0 {
            libc::unshare(libc::CLONE_NEWUSER | libc::CLONE_NEWNET);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_bounded_and_terminated() {
        let mut r = io::Cursor::new(b"{\"a\":1}\npartial".to_vec());
        assert_eq!(read_line(&mut r).unwrap(), "{\"a\":1}");
        assert_eq!(read_line(&mut r).unwrap_err(), "end of output mid-line");
        assert_eq!(read_line(&mut r).unwrap_err(), "end of output");
        let mut big = vec![b'x'; MAX_LINE + 10];
        big.push(b'\n');
        let mut r = io::Cursor::new(big);
        assert!(read_line(&mut r).unwrap_err().contains("over"));
    }
}
