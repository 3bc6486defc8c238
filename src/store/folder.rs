//! The plan folder is shared: anyone in the office group may have put any
//! name in it (a link to a colleague's `~/.bashrc`, a pipe, a huge file).
//! Every file actplan reads or writes beside a plan goes through here:
//! relative to the folder opened once, never through a symbolic link that
//! someone else made, never blocking on a pipe or device.
//!
//! The rule: a symbolic link is followed only if it belongs to the user
//! or to root (the user's own `~/plans` link to the shared folder keeps
//! working); any other link is refused with its owner's name.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path, PathBuf};

use rustix::fs::{AtFlags, CWD, FileType, Mode, OFlags, Stat};

use super::refusal::{FileKind, Refusal};

/// How many links a path may pass through, as the kernel allows.
const MAX_HOPS: usize = 40;

/// A folder opened for work relative to it.
#[derive(Debug)]
pub struct Folder {
    fd: OwnedFd,
    /// As the user named it, for messages.
    path: PathBuf,
}

/// A file's place: its folder and its name there, links the user may
/// follow already followed.
#[derive(Debug)]
pub struct Place {
    pub folder: Folder,
    pub name: OsString,
    /// What is at the name now (never a link); `None` when nothing is.
    pub found: Option<Stat>,
}

impl Place {
    /// Where `path` really is, following the links that belong to the
    /// user or root, in the folders of the path and at its end.
    pub fn resolve(path: &Path) -> io::Result<Place> {
        let mut path = path.to_owned();
        for _ in 0..MAX_HOPS {
            let Some(name) = path.file_name().map(OsStr::to_owned) else {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    Refusal::NotAFileName { path },
                ));
            };
            let parent = path.parent().unwrap_or(Path::new("")).to_owned();
            let folder = Folder::open(&parent)?;
            match folder.lstat(&name)? {
                Some(stat) if file_type(&stat) == FileType::Symlink => {
                    let target = folder.follow(&name, &stat)?;
                    path = parent.join(target);
                }
                found => {
                    return Ok(Place {
                        folder,
                        name,
                        found,
                    });
                }
            }
        }
        Err(too_many_links(&path))
    }

    pub fn path(&self) -> PathBuf {
        self.folder.path.join(&self.name)
    }

    /// The file as it is now, for reading: a regular file (a pipe or a
    /// device is refused before it is opened, so nothing waits on it).
    pub fn open(&self) -> io::Result<(File, Stat)> {
        self.folder.open_regular(&self.name)
    }
}

impl Folder {
    /// Opens the folder at `path`, each part of it checked on the way.
    pub fn open(path: &Path) -> io::Result<Folder> {
        let fd = walk(path, 0)?;
        Ok(Folder {
            fd,
            path: path.to_owned(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn stat(&self) -> io::Result<Stat> {
        Ok(rustix::fs::fstat(&self.fd)?)
    }

    /// What is at `name`, links not followed; `None` when nothing is.
    pub fn lstat(&self, name: &OsStr) -> io::Result<Option<Stat>> {
        match rustix::fs::statat(&self.fd, name, AtFlags::SYMLINK_NOFOLLOW) {
            Ok(stat) => Ok(Some(stat)),
            Err(rustix::io::Errno::NOENT) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Where the link at `name` points, if the user may follow it.
    fn follow(&self, name: &OsStr, stat: &Stat) -> io::Result<PathBuf> {
        if !may_follow(stat) {
            return Err(Refusal::ForeignLink {
                path: self.path.join(name),
                owner: super::identity::name_of(stat.st_uid),
            }
            .into());
        }
        let target = rustix::fs::readlinkat(&self.fd, name, Vec::new())?;
        Ok(PathBuf::from(OsStr::from_bytes(target.as_bytes())))
    }

    /// Opens a regular file at `name` for reading, without following a
    /// link or waiting on a pipe.
    pub fn open_regular(&self, name: &OsStr) -> io::Result<(File, Stat)> {
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
        let fd = match rustix::fs::openat(&self.fd, name, flags, Mode::empty()) {
            Ok(fd) => fd,
            Err(rustix::io::Errno::LOOP) => return Err(self.link_refusal(name)),
            Err(e) => return Err(e.into()),
        };
        let stat = rustix::fs::fstat(&fd)?;
        self.check_regular(name, &stat)?;
        // Reads of a regular file never wait; cleared so `File` behaves as usual.
        rustix::fs::fcntl_setfl(&fd, OFlags::RDONLY)?;
        Ok((File::from(fd), stat))
    }

    /// A refusal for what is at `name`, when it is not a regular file.
    pub fn check_regular(&self, name: &OsStr, stat: &Stat) -> io::Result<()> {
        match file_type(stat) {
            FileType::RegularFile => Ok(()),
            FileType::Symlink => Err(self.link_refusal(name)),
            kind => Err(Refusal::NotRegular {
                path: self.path.join(name),
                kind: kind_name(kind),
            }
            .into()),
        }
    }

    /// The refusal for a link at `name` (found where a file was expected).
    pub fn link_refusal(&self, name: &OsStr) -> io::Error {
        let owner = match self.lstat(name) {
            Ok(Some(stat)) => super::identity::name_of(stat.st_uid),
            _ => "?".to_owned(),
        };
        Refusal::ForeignLink {
            path: self.path.join(name),
            owner,
        }
        .into()
    }

    /// Creates `name`, which must not exist (a link planted there is not
    /// followed), with `mode` from the first moment, whatever the umask.
    pub fn create_new(&self, name: &OsStr, mode: u32) -> io::Result<File> {
        let flags =
            OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        // Created readable by the user only; widened below to `mode`.
        let fd = rustix::fs::openat(&self.fd, name, flags, Mode::RUSR | Mode::WUSR)?;
        rustix::fs::fchmod(&fd, Mode::from_raw_mode(mode & 0o777))?;
        Ok(File::from(fd))
    }

    /// Renames within the folder; `replace: false` fails if `to` exists.
    pub fn rename(&self, from: &OsStr, to: &OsStr, replace: bool) -> io::Result<()> {
        let flags = if replace {
            rustix::fs::RenameFlags::empty()
        } else {
            rustix::fs::RenameFlags::NOREPLACE
        };
        Ok(rustix::fs::renameat_with(
            &self.fd, from, &self.fd, to, flags,
        )?)
    }

    /// A second name for the file at `from` (the name itself, if a link).
    pub fn hard_link(&self, from: &OsStr, to: &OsStr) -> io::Result<()> {
        Ok(rustix::fs::linkat(
            &self.fd,
            from,
            &self.fd,
            to,
            AtFlags::empty(),
        )?)
    }

    /// Removes `name`; nothing there is not an error.
    pub fn remove(&self, name: &OsStr) -> io::Result<()> {
        match rustix::fs::unlinkat(&self.fd, name, AtFlags::empty()) {
            Ok(()) | Err(rustix::io::Errno::NOENT) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// Makes the folder's entries durable (after a rename).
    pub fn sync(&self) {
        if let Ok(fd) = self.readable() {
            let _ = rustix::fs::fsync(&fd);
        }
    }

    /// The folder opened for reading (it was opened for lookups only).
    fn readable(&self) -> io::Result<OwnedFd> {
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        Ok(rustix::fs::openat(&self.fd, ".", flags, Mode::empty())?)
    }

    /// The names in the folder that start with `prefix`, at most `limit`
    /// of them, looking at no more than `scan` entries.
    pub fn names_with_prefix(&self, prefix: &[u8], limit: usize, scan: usize) -> Vec<OsString> {
        let Ok(fd) = self.readable() else {
            return Vec::new();
        };
        let Ok(dir) = rustix::fs::Dir::read_from(&fd) else {
            return Vec::new();
        };
        dir.take(scan)
            .filter_map(Result::ok)
            .map(|e| OsStr::from_bytes(e.file_name().to_bytes()).to_owned())
            .filter(|n| n.as_bytes().starts_with(prefix))
            .take(limit)
            .collect()
    }

    pub fn as_fd(&self) -> std::os::fd::BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

/// Opens the folder at `path` one part at a time: a part that is a link
/// is followed only if the user may follow it.
fn walk(path: &Path, hops: usize) -> io::Result<OwnedFd> {
    walk_from(open_dir(CWD, ".")?, path, hops)
}

/// As `walk`, a relative path starting at the folder `at`.
fn walk_from(mut at: OwnedFd, path: &Path, hops: usize) -> io::Result<OwnedFd> {
    let mut so_far = PathBuf::new();
    for part in path.components() {
        let name: &OsStr = match part {
            Component::RootDir => {
                at = open_dir(CWD, "/")?;
                so_far.push("/");
                continue;
            }
            Component::CurDir | Component::Prefix(_) => continue,
            Component::ParentDir => OsStr::new(".."),
            Component::Normal(name) => name,
        };
        so_far.push(name);
        let stat = rustix::fs::statat(&at, name, AtFlags::SYMLINK_NOFOLLOW)?;
        if file_type(&stat) != FileType::Symlink {
            at = open_dir(&at, name)?;
            continue;
        }
        if hops >= MAX_HOPS {
            return Err(too_many_links(path));
        }
        if !may_follow(&stat) {
            return Err(Refusal::ForeignLink {
                path: so_far,
                owner: super::identity::name_of(stat.st_uid),
            }
            .into());
        }
        let target = rustix::fs::readlinkat(&at, name, Vec::new())?;
        let target = Path::new(OsStr::from_bytes(target.as_bytes()));
        // A relative target starts from the folder holding the link.
        at = walk_from(open_dir(&at, ".")?, target, hops + 1)?;
    }
    Ok(at)
}

/// Opens a folder for lookups (a folder one may pass through but not list
/// still opens).
fn open_dir<Fd: AsFd>(at: Fd, name: impl rustix::path::Arg) -> io::Result<OwnedFd> {
    let flags = OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    Ok(rustix::fs::openat(
        at,
        name,
        flags | OFlags::PATH,
        Mode::empty(),
    )?)
}

/// Links of the user or root: the ones nobody else could have put there.
fn may_follow(stat: &Stat) -> bool {
    stat.st_uid == 0 || stat.st_uid == rustix::process::getuid().as_raw()
}

pub fn file_type(stat: &Stat) -> FileType {
    FileType::from_raw_mode(stat.st_mode)
}

fn kind_name(kind: FileType) -> FileKind {
    match kind {
        FileType::Fifo => FileKind::Pipe,
        FileType::Directory => FileKind::Folder,
        FileType::CharacterDevice | FileType::BlockDevice => FileKind::Device,
        FileType::Socket => FileKind::Socket,
        _ => FileKind::Other,
    }
}

fn too_many_links(path: &Path) -> io::Error {
    Refusal::TooManyLinks {
        path: path.to_owned(),
    }
    .into()
}
