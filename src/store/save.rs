use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::SaveError;
use crate::model::Plan;

/// The one form a plan is written in: fixed field order, four-space indent,
/// text unescaped, a final newline. Loading and saving this text gives it back
/// byte for byte.
pub fn to_canonical(plan: &Plan) -> String {
    // Our types always serialize; a failure here is a bug, not bad input.
    let mut text =
        ron::ser::to_string_pretty(plan, canonical_config()).expect("a plan always serializes");
    text.push('\n');
    text
}

fn canonical_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .escape_strings(false)
        .struct_names(false)
}

/// Writes the plan so that the file is either the old one or the new one,
/// never a mix, and the previous version stays as a backup.
pub fn save(path: &Path, plan: &Plan) -> Result<(), SaveError> {
    write_plan(path, plan, WriteOptions::PLAN).map(|_| ())
}

/// Writes the plan in its canonical form (as `to_canonical`), atomically,
/// as the text is made: a plan of 100,000 projects is 200 MB of text, not
/// to be held in memory beside the plan. Returns the hash of what was
/// written (see `content_hash`).
pub fn write_plan(path: &Path, plan: &Plan, options: WriteOptions) -> Result<u64, SaveError> {
    let mut hash = super::load::content_hasher();
    write_atomically_with(path, options, &mut |file| {
        let mut hashing = Hashing {
            inner: file,
            hash: &mut hash,
            failure: None,
        };
        let written =
            ron::Options::default().to_io_writer_pretty(&mut hashing, plan, canonical_config());
        // The serializer turns a write error into text: the original says
        // what happened (a full disk, say) in words a user can act on.
        match (written, hashing.failure.take()) {
            (Ok(()), _) => hashing.write_all(b"\n"),
            (Err(_), Some(failure)) => Err(failure),
            (Err(e), None) => Err(io::Error::other(e.to_string())),
        }
    })?;
    Ok(std::hash::Hasher::finish(&hash))
}

/// Passes bytes on and hashes them on the way; keeps the first failure.
struct Hashing<'a> {
    inner: &'a mut dyn Write,
    hash: &'a mut std::hash::DefaultHasher,
    failure: Option<io::Error>,
}

impl Write for Hashing<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self.inner.write(bytes) {
            Ok(n) => {
                std::hash::Hasher::write(self.hash, &bytes[..n]);
                Ok(n)
            }
            Err(e) => {
                let kept = io::Error::new(e.kind(), e.to_string());
                self.failure.get_or_insert(kept);
                Err(e)
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// What else a write does besides replacing the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteOptions {
    /// How many replaced versions to keep: `NAME~`, `NAME~2`, ….
    pub backups: usize,
    /// Readable by the user only (mode 0600), whatever the old file was.
    pub private: bool,
}

impl WriteOptions {
    /// A plan: the previous version kept as a backup.
    pub const PLAN: Self = Self {
        backups: 1,
        private: false,
    };
    /// A copy beside a plan, such as a conflict copy.
    pub const COPY: Self = Self {
        backups: 0,
        private: false,
    };
    /// A file for the user's eyes only, such as a recovery file.
    pub const PRIVATE: Self = Self {
        backups: 0,
        private: true,
    };
}

/// A temporary file beside the target, synced, renamed over it, then the
/// directory synced. Through a symbolic link the link's target is written
/// and the link kept. The old file's permission bits, and where the user may
/// set them its owner and group, carry over. On failure the old file is
/// untouched and no temporary file is left.
pub fn write_atomically(path: &Path, bytes: &[u8], options: WriteOptions) -> Result<(), SaveError> {
    write_atomically_with(path, options, &mut |file| file.write_all(bytes))
}

/// As `write_atomically`, with the contents written by `content` as they
/// are made, so a large file is never held in memory whole.
pub fn write_atomically_with(
    path: &Path,
    options: WriteOptions,
    content: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    let fail = |source| SaveError {
        path: path.to_owned(),
        source,
    };
    let target = follow_links(path).map_err(fail)?;
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(fail)?;
    let old = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail(e)),
    };
    if old.is_some() {
        // A plan this user may not write stays unwritten, even though the
        // rename below would get past its permissions.
        fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(fail)?;
    }
    let temp = temp_path(&target);
    let result = write_synced(&temp, content, options.private)
        .and_then(|()| match &old {
            Some(meta) if !options.private => keep_access(&temp, meta),
            _ => Ok(()),
        })
        .and_then(|()| match &old {
            Some(_) if options.backups > 0 => keep_backups(&target, options.backups),
            _ => Ok(()),
        })
        .and_then(|()| fs::rename(&temp, &target));
    if let Err(e) = result {
        let _ = fs::remove_file(&temp);
        return Err(fail(e));
    }
    // Makes the rename itself durable. The new file is in place already, so
    // a failure here does not make the save a failure.
    let _ = File::open(&dir).and_then(|d| d.sync_all());
    Ok(())
}

/// The backup of `path`: `NAME~` beside it, then `NAME~2`, `NAME~3`, ….
pub fn backup_path(path: &Path, generation: usize) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push("~");
    if generation > 1 {
        name.push(generation.to_string());
    }
    path.with_file_name(name)
}

/// The file a chain of symbolic links ends at (which may not exist yet).
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) => parent.join(link),
                    None => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

fn temp_path(target: &Path) -> PathBuf {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    target.with_file_name(format!(".{name}.{}-{nanos}.tmp", std::process::id()))
}

fn write_synced(
    path: &Path,
    content: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    private: bool,
) -> io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(if private { 0o600 } else { 0o666 })
        .open(path)?;
    let mut writer = io::BufWriter::new(file);
    content(&mut writer)?;
    writer
        .into_inner()
        .map_err(io::IntoInnerError::into_error)?
        .sync_all()
}

/// Plans on shared servers are group-writable: the new file gets the old
/// one's mode, and its owner and group where this user may set them.
fn keep_access(temp: &Path, old: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    if std::os::unix::fs::chown(temp, Some(old.uid()), Some(old.gid())).is_err() {
        // Not root: a user may still give the file a group they belong to.
        let _ = std::os::unix::fs::chown(temp, None, Some(old.gid()));
    }
    fs::set_permissions(temp, old.permissions())
}

/// Keeps the file about to be replaced as `NAME~` (a second name for the
/// same file where the file system allows, else a copy), older ones moving
/// to `NAME~2` … `NAME~count`.
fn keep_backups(target: &Path, count: usize) -> io::Result<()> {
    for generation in (1..count).rev() {
        match fs::rename(
            backup_path(target, generation),
            backup_path(target, generation + 1),
        ) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    let backup = backup_path(target, 1);
    match fs::remove_file(&backup) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    fs::hard_link(target, &backup).or_else(|_| fs::copy(target, &backup).map(|_| ()))
}
