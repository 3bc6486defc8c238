//! Replacing a file so that it is either the old one or the new one, never
//! a mix, in a folder others may write in: the new text goes to a file
//! created for it (O_EXCL, an unguessable name, the target's mode from the
//! first moment), which is then renamed over the target. Nothing is ever
//! written into a file that was already there.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use rustix::fs::Stat;

use super::error::SaveError;
use super::folder::{Folder, Place};
use super::identity;
use super::refusal::Refusal;

/// What else a write does besides replacing the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteOptions {
    /// How many replaced versions to keep: `NAME~`, `NAME~2`, ….
    pub backups: usize,
    /// The permission bits the file gets, whatever the old file had
    /// (0600 for the user's eyes only); `None` keeps the old file's, and a
    /// new file gets what the umask and its folder give (see `atomic`).
    pub mode: Option<u32>,
}

/// Backups a save may keep: enough for any office, few enough that a save
/// never spends long renaming them while others wait for its lock.
pub const MAX_BACKUPS: usize = 20;

impl WriteOptions {
    /// A plan: the previous version kept as a backup.
    pub const PLAN: Self = Self {
        backups: 1,
        mode: None,
    };
    /// A copy beside a plan, such as a conflict copy.
    pub const COPY: Self = Self {
        backups: 0,
        mode: None,
    };
    /// A file for the user's eyes only, such as a recovery file.
    pub const PRIVATE: Self = Self {
        backups: 0,
        mode: Some(0o600),
    };
}

type Content<'a> = &'a mut dyn FnMut(&mut dyn Write) -> io::Result<()>;

/// Writes `bytes` as the file at `path` (see `write_atomically_with`).
pub fn write_atomically(path: &Path, bytes: &[u8], options: WriteOptions) -> Result<(), SaveError> {
    write_atomically_with(path, options, &mut |file| file.write_all(bytes))
}

/// Replaces the file at `path` with what `content` writes, as it is made
/// (a large file is never held in memory whole). A link at `path` is
/// followed only if it is the user's own (or root's); the old file's
/// permission bits, and its group where the user may set it, carry over.
/// On failure the old file is untouched and no temporary file is left.
pub fn write_atomically_with(
    path: &Path,
    options: WriteOptions,
    content: Content,
) -> Result<(), SaveError> {
    let fail = |source| SaveError {
        path: path.to_owned(),
        source,
    };
    let place = resolve_creating(path).map_err(fail)?;
    if let Some(old) = &place.found {
        place.folder.check_regular(&place.name, old).map_err(fail)?;
        // A plan this user may not write stays unwritten, even though the
        // rename below would get past its permissions.
        rustix::fs::accessat(
            place.folder.as_fd(),
            &place.name,
            rustix::fs::Access::WRITE_OK,
            rustix::fs::AtFlags::EACCESS,
        )
        .map_err(|e| fail(e.into()))?;
    }
    let mode = options
        .mode
        .map_or_else(|| mode_for(&place), Ok)
        .map_err(fail)?;
    let temp = temp_name(&place.name);
    let result = write_new(&place.folder, &temp, mode, place.found.as_ref(), content)
        .and_then(|()| match &place.found {
            Some(_) if options.backups > 0 => keep_backups(&place, options.backups, mode),
            _ => Ok(()),
        })
        .and_then(|()| place.folder.rename(&temp, &place.name, true));
    if let Err(e) = result {
        let _ = place.folder.remove(&temp);
        return Err(fail(e));
    }
    place.folder.sync();
    Ok(())
}

/// Writes a new file beside the plan at `plan`, named by `name` from an
/// unguessable part, never over anything already there (a link planted in
/// advance is not followed, an earlier copy not replaced). The file gets
/// the plan's mode. Returns where it was written.
pub fn write_beside(
    plan: &Path,
    name: &dyn Fn(&str) -> OsString,
    content: Content,
) -> Result<PathBuf, SaveError> {
    let fail = |source| SaveError {
        path: plan.to_owned(),
        source,
    };
    let place = Place::resolve(plan).map_err(fail)?;
    let mode = mode_for(&place).map_err(fail)?;
    let temp = temp_name(&place.name);
    let mut result = write_new(&place.folder, &temp, mode, place.found.as_ref(), content);
    for _ in 0..8 {
        if result.is_err() {
            break;
        }
        let target = name(&identity::unguessable());
        match place.folder.rename(&temp, &target, false) {
            Ok(()) => {
                place.folder.sync();
                return Ok(place.folder.path().join(target));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => result = Err(e),
        }
    }
    let _ = place.folder.remove(&temp);
    Err(fail(result.err().unwrap_or_else(|| {
        io::Error::new(
            io::ErrorKind::AlreadyExists,
            Refusal::NoFreeName {
                path: plan.to_owned(),
            },
        )
    })))
}

/// The place of `path`, its folder made first if missing (the user's state
/// folder, or `plans/` for the bundled plan).
fn resolve_creating(path: &Path) -> io::Result<Place> {
    match Place::resolve(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)?;
            }
            Place::resolve(path)
        }
        other => other,
    }
}

/// The mode a new version gets: the old file's; for a new file what the
/// umask gives, and group-writable in a folder shared by its group (group
/// writable with the set-group-id bit, as `chmod 2775` makes it): a plan
/// made there is for the office.
fn mode_for(place: &Place) -> io::Result<u32> {
    if let Some(old) = &place.found {
        return Ok(old.st_mode & 0o777);
    }
    let mut mode = 0o666 & !umask();
    let folder = place.folder.stat()?.st_mode;
    if folder & 0o2020 == 0o2020 {
        mode |= 0o060;
    }
    Ok(mode)
}

/// Creates `name` with `mode` and the old file's owner and group where the
/// user may set them, writes it and makes it durable.
fn write_new(
    folder: &Folder,
    name: &OsStr,
    mode: u32,
    old: Option<&Stat>,
    content: Content,
) -> io::Result<()> {
    let file = folder.create_new(name, mode)?;
    if let Some(old) = old {
        keep_owner(&file, old, mode);
    }
    let mut writer = io::BufWriter::new(file);
    content(&mut writer)?;
    writer
        .into_inner()
        .map_err(io::IntoInnerError::into_error)?
        .sync_all()
}

/// Plans on shared servers are group-writable: the new file keeps the old
/// one's group (and owner, for root).
fn keep_owner(file: &File, old: &Stat, mode: u32) {
    use rustix::fs::{Gid, Uid, fchmod, fchown};
    let uid = Uid::from_raw(old.st_uid);
    let gid = Gid::from_raw(old.st_gid);
    if fchown(file, Some(uid), Some(gid)).is_err() {
        // Not root: a user may still give the file a group they belong to.
        let _ = fchown(file, None, Some(gid));
    }
    // A change of owner clears set-id bits; the mode is set again.
    let _ = fchmod(file, rustix::fs::Mode::from_raw_mode(mode));
}

/// The backup of `path`: `NAME~` beside it, then `NAME~2`, `NAME~3`, ….
pub fn backup_path(path: &Path, generation: usize) -> PathBuf {
    path.with_file_name(backup_name(
        path.file_name().unwrap_or_default(),
        generation,
    ))
}

fn backup_name(name: &OsStr, generation: usize) -> OsString {
    let mut name = name.to_owned();
    name.push("~");
    if generation > 1 {
        name.push(generation.to_string());
    }
    name
}

/// Keeps the file about to be replaced as `NAME~` (a second name for the
/// same file where the file system allows, else a copy), older ones moving
/// to `NAME~2` … `NAME~count`. Renames replace names; they never write
/// through a link someone put at a backup's name.
fn keep_backups(place: &Place, count: usize, mode: u32) -> io::Result<()> {
    let folder = &place.folder;
    let count = count.min(MAX_BACKUPS);
    for generation in (1..count).rev() {
        let from = backup_name(&place.name, generation);
        match folder.rename(&from, &backup_name(&place.name, generation + 1), true) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    let temp = temp_name(&place.name);
    let made = folder.hard_link(&place.name, &temp).or_else(|_| {
        let (mut old, _) = folder.open_regular(&place.name)?;
        let mut copy = folder.create_new(&temp, mode)?;
        io::copy(&mut old, &mut copy).map(|_| ())
    });
    let result = made.and_then(|()| folder.rename(&temp, &backup_name(&place.name, 1), true));
    if result.is_err() {
        let _ = folder.remove(&temp);
    }
    result
}

/// `.NAME.PID-XXXXXX.tmp`: the process, so a later start can tell a
/// leftover of a crash from a save in progress, and an unguessable part.
fn temp_name(name: &OsStr) -> OsString {
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(format!(
        ".{}-{}.tmp",
        std::process::id(),
        identity::unguessable()
    ));
    temp
}

/// Removes what saves of `name` that were killed midway left in `folder`:
/// temporary files of the user's own, of processes no longer alive here.
/// Other users' files are never touched.
pub fn remove_leftovers(folder: &Folder, name: &OsStr) {
    let mut prefix = b".".to_vec();
    prefix.extend_from_slice(name.as_bytes());
    prefix.push(b'.');
    let me = rustix::process::getuid().as_raw();
    for found in folder.names_with_prefix(&prefix, 256, 100_000) {
        let rest = &found.as_bytes()[prefix.len()..];
        let Some(pid) = leftover_pid(rest) else {
            continue;
        };
        let ours = folder.lstat(&found).ok().flatten().is_some_and(|stat| {
            stat.st_uid == me
                && super::folder::file_type(&stat) == rustix::fs::FileType::RegularFile
        });
        if ours && !identity::alive(pid) {
            let _ = folder.remove(&found);
        }
    }
}

/// The process of a temporary file's name after `.NAME.`: `PID-XXXX.tmp`.
fn leftover_pid(rest: &[u8]) -> Option<u32> {
    let rest = std::str::from_utf8(rest).ok()?.strip_suffix(".tmp")?;
    let (pid, tail) = rest.split_once('-')?;
    (!tail.is_empty() && !tail.contains(['/', '.'])).then_some(())?;
    pid.parse().ok()
}

/// The process's umask, read without changing it.
fn umask() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
        })
        .unwrap_or(0o022)
}

#[cfg(test)]
mod tests {
    use super::leftover_pid;

    #[test]
    fn leftover_names_give_their_process() {
        assert_eq!(leftover_pid(b"4242-a1b2c3.tmp"), Some(4242));
        assert_eq!(leftover_pid(b"4242-123456789.tmp"), Some(4242));
        assert_eq!(leftover_pid(b"presence.alice"), None);
        assert_eq!(leftover_pid(b"lock"), None);
        assert_eq!(leftover_pid(b"x-1.tmp"), None);
    }
}
