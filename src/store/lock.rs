//! One save at a time per plan, across processes and users: reading the
//! file on disk, merging and writing happen under an exclusive lock on a
//! small file beside the plan, `.NAME.lock`, so two saves cannot
//! interleave. Anyone who may read the plan may take the lock (a lock is
//! taken on a file opened for reading); it is removed once the save is
//! done. A lock that cannot be taken is a refusal, never a save without it.

use std::ffi::OsString;
use std::io;
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rustix::fs::{AtFlags, FlockOperation, Mode, OFlags, flock};

use super::folder::{Folder, Place};
use super::refusal::Refusal;

/// How long a save waits for another one to finish.
const WAIT: Duration = Duration::from_secs(10);

/// Held while saving; released, and its file removed, when dropped.
pub struct SaveLock {
    fd: OwnedFd,
    folder: Folder,
    name: OsString,
}

/// `.NAME.lock` beside the plan.
pub fn path_for(plan: &Path) -> PathBuf {
    let name = plan
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    plan.with_file_name(format!(".{name}.lock"))
}

/// Waits for the plan's save lock, at most `WAIT`.
pub fn lock(plan: &Path) -> io::Result<SaveLock> {
    let place = Place::resolve(plan)?;
    let mut name = OsString::from(".");
    name.push(&place.name);
    name.push(".lock");
    let display = place.folder.path().join(&name);
    // Readable wherever the plan is; the lock needs nothing more.
    let mode = place.found.as_ref().map_or(0o644, |s| s.st_mode & 0o444) | 0o600;
    let deadline = Instant::now() + WAIT;
    loop {
        let fd = open(&place.folder, &name, mode).map_err(|e| refuse(&display, e))?;
        let stat = rustix::fs::fstat(&fd)?;
        place.folder.check_regular(&name, &stat)?;
        match flock(&fd, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => {}
            Err(rustix::io::Errno::WOULDBLOCK) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
            Err(rustix::io::Errno::WOULDBLOCK) => {
                return Err(Refusal::LockHeld { path: display }.into());
            }
            Err(e) => return Err(refuse(&display, e.into())),
        }
        // The file may have been removed by the save that held it before,
        // or replaced: only the file at the name counts.
        let now = place.folder.lstat(&name)?;
        if now.is_some_and(|n| (n.st_dev, n.st_ino) == (stat.st_dev, stat.st_ino)) {
            return Ok(SaveLock {
                fd,
                folder: place.folder,
                name,
            });
        }
        if Instant::now() >= deadline {
            return Err(Refusal::LockHeld { path: display }.into());
        }
    }
}

/// Opens the lock file, making it if there is none, never through a link
/// and never waiting on a pipe.
fn open(folder: &Folder, name: &OsString, mode: u32) -> io::Result<OwnedFd> {
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let fd = rustix::fs::openat(
        folder.as_fd(),
        name,
        flags | OFlags::CREATE | OFlags::EXCL,
        Mode::empty(),
    );
    match fd {
        Ok(fd) => {
            rustix::fs::fchmod(&fd, Mode::from_raw_mode(mode))?;
            Ok(fd)
        }
        Err(rustix::io::Errno::EXIST) => {
            match rustix::fs::openat(folder.as_fd(), name, flags, Mode::empty()) {
                Ok(fd) => Ok(fd),
                Err(rustix::io::Errno::LOOP) => Err(folder.link_refusal(name)),
                Err(e) => Err(e.into()),
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// A lock file that cannot be opened: said as such, with the reason.
fn refuse(path: &Path, error: io::Error) -> io::Error {
    // A folder the user may not write in: the save could not happen
    // anyway, and that is what they can act on.
    let unwritable = matches!(
        error.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    );
    if unwritable || super::refusal::of(&error).is_some() {
        return error;
    }
    Refusal::NoLock {
        path: path.to_owned(),
        problem: super::refusal::IoProblem::of(&error),
    }
    .into()
}

impl Drop for SaveLock {
    fn drop(&mut self) {
        // Removed while still held, and only if it is still this file: a
        // save waiting for it sees it gone and takes a new one.
        if let Ok(Some(now)) = self.folder.lstat(&self.name)
            && let Ok(held) = rustix::fs::fstat(&self.fd)
            && (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)
        {
            let _ = rustix::fs::unlinkat(self.folder.as_fd(), &self.name, AtFlags::empty());
        }
    }
}
