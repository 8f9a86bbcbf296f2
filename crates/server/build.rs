//! Records the git commit the server is built from, for
//! `rgym_build_info{git_sha}`: `RGYM_GIT_SHA` from the build's environment
//! when set (a Docker build, whose context has no `.git`), else
//! `git rev-parse HEAD`, else "unknown" (a source tarball, no git).

use std::path::Path;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (out.status.success() && !text.is_empty()).then(|| text.to_string())
}

/// A commit id as git prints it: 40 (SHA-1) or 64 (SHA-256) hex digits.
fn is_sha(s: &str) -> bool {
    matches!(s.len(), 40 | 64) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn main() {
    println!("cargo:rerun-if-env-changed=RGYM_GIT_SHA");
    let given = std::env::var("RGYM_GIT_SHA")
        .ok()
        .map(|s| s.trim().to_ascii_lowercase())
        .filter(|s| !s.is_empty());
    let sha = match given {
        Some(s) if is_sha(&s) => s,
        Some(_) => "unknown".to_string(),
        None => {
            // Build again when HEAD moves: the files that say where it points
            // (worktrees keep HEAD apart from the shared refs).
            for file in ["HEAD", "packed-refs"] {
                watch(git(&["rev-parse", "--git-path", file]));
            }
            if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
                watch(git(&["rev-parse", "--git-path", &branch]));
            }
            git(&["rev-parse", "HEAD"])
                .filter(|s| is_sha(s))
                .unwrap_or_else(|| "unknown".to_string())
        }
    };
    println!("cargo:rustc-env=RGYM_GIT_SHA={sha}");
}

/// Paths git prints are relative to the crate directory (where it ran).
/// Only files that exist: cargo reruns the script on every build for a
/// missing one.
fn watch(path: Option<String>) {
    let Some(path) = path else { return };
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if full.exists() {
        println!("cargo:rerun-if-changed={}", full.display());
    }
}
