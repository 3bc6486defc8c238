//! One save at a time per plan, across processes: reading the file on
//! disk, merging and writing happen under an exclusive lock on a small file
//! beside the plan, `.NAME.lock`, so two saves cannot interleave.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rustix::fs::{FlockOperation, flock};

/// How long a save waits for another one to finish.
const WAIT: Duration = Duration::from_secs(10);

/// Held while saving; released when dropped.
pub struct SaveLock {
    _file: File,
}

/// `.NAME.lock` beside the plan.
pub fn path_for(plan: &Path) -> PathBuf {
    let name = plan
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    plan.with_file_name(format!(".{name}.lock"))
}

/// Waits for the plan's save lock. A folder where the lock file cannot be
/// made (read-only) gives no lock; the save then fails on its own.
pub fn lock(plan: &Path) -> io::Result<Option<SaveLock>> {
    let file = match File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path_for(plan))
    {
        Ok(file) => file,
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let deadline = Instant::now() + WAIT;
    loop {
        match flock(&file, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => return Ok(Some(SaveLock { _file: file })),
            Err(rustix::io::Errno::WOULDBLOCK) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(rustix::io::Errno::WOULDBLOCK) => {
                return Err(io::Error::other(
                    "another save of this plan is still running",
                ));
            }
            Err(e) => return Err(e.into()),
        }
    }
}
