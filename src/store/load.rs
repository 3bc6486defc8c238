use std::path::{Path, PathBuf};

use super::LoadError;
use super::folder::{Place, file_type};
use super::locate::{Position, SourceMap};
use super::refusal::Refusal;
use crate::model::Plan;

/// A parsed plan and where its values and comments are in the file.
#[derive(Debug)]
pub struct Loaded {
    pub plan: Plan,
    pub source: SourceMap,
    /// Hash of the file's bytes, to tell later whether it changed on disk;
    /// `None` for text that did not come from a file.
    pub disk_hash: Option<u64>,
}

/// A hash of file contents: equal bytes, equal hash.
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut hasher = content_hasher();
    hasher.write(bytes);
    hasher.finish()
}

/// The hasher of `content_hash`, for bytes that arrive in pieces: writing
/// the pieces in order gives the hash of the whole.
pub(super) fn content_hasher() -> std::hash::DefaultHasher {
    std::hash::DefaultHasher::new()
}

/// The `content_hash` of the file at `path`, read in blocks (a large plan
/// is not held in memory for it), or `None` if there is no such file.
pub fn file_hash(path: &Path) -> Result<Option<u64>, LoadError> {
    use std::hash::Hasher;
    use std::io::Read;
    let mut file = match open_plan(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(path, &e)),
    };
    let mut hasher = content_hasher();
    let mut block = vec![0; super::stream::BLOCK];
    loop {
        match file.read(&mut block) {
            Ok(0) => return Ok(Some(hasher.finish())),
            Ok(n) => hasher.write(&block[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io_error(path, &e)),
        }
    }
}

/// A file's modification time and length, to notice changes cheaply;
/// `None` for what is not a regular file (a pipe cannot be read again to
/// see what changed, and opening one would wait for a writer).
pub fn stamp(path: &Path) -> Option<Stamp> {
    let found = Place::resolve(path).ok()?.found?;
    if file_type(&found) != rustix::fs::FileType::RegularFile {
        return None;
    }
    Some(Stamp {
        modified: (found.st_mtime, found.st_mtime_nsec),
        len: u64::try_from(found.st_size).ok()?,
        file: (found.st_dev, found.st_ino),
    })
}

/// Plans larger than this are refused: the largest plans our users keep
/// (100,000 projects) are about 200 MB.
pub const MAX_PLAN_BYTES: u64 = 1 << 30;

/// Opens the plan file at `path` for reading, as a shared folder allows:
/// no link of someone else's followed, no pipe or device waited on, no
/// file past `MAX_PLAN_BYTES`.
pub(super) fn open_plan(path: &Path) -> std::io::Result<std::fs::File> {
    let place = Place::resolve(path)?;
    let (file, stat) = place.open()?;
    let size = u64::try_from(stat.st_size).unwrap_or(u64::MAX);
    if size > MAX_PLAN_BYTES {
        return Err(Refusal::TooLarge {
            path: place.path(),
            size,
            limit: MAX_PLAN_BYTES,
        }
        .into());
    }
    Ok(file)
}

/// What tells a file changed without reading it. A save replaces the file
/// (a new inode), which shows even when it lands within the same clock
/// tick as the last change and keeps the length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    modified: (i64, u64),
    len: u64,
    file: (u64, u64),
}

/// The plan files named by the user: files as given, directories as every
/// `*.ron` inside, sorted by name; each file once. A path that yields no
/// file is an error in its place, so the other paths still open.
pub fn plan_files(paths: &[PathBuf]) -> Vec<Result<PathBuf, LoadError>> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for path in paths {
        // A directory named like a plan is taken as a (broken) plan file.
        let plan_like = path.extension().is_some_and(|x| x == "ron");
        let files = if path.is_dir() && !plan_like {
            plan_files_in(path)
        } else {
            Ok(vec![path.clone()])
        };
        match files {
            Ok(files) => {
                for file in files {
                    let key = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
                    if seen.insert(key) {
                        out.push(Ok(file));
                    }
                }
            }
            Err(e) => out.push(Err(e)),
        }
    }
    out
}

/// Every plan named by `paths`, loaded, or why it could not be, in order.
pub fn load_paths(paths: &[PathBuf]) -> Vec<Result<(PathBuf, Loaded), LoadError>> {
    plan_files(paths)
        .into_iter()
        .map(|file| file.and_then(|path| load(&path).map(|loaded| (path, loaded))))
        .collect()
}

/// Where every value of the plan file at `path` stands, for placing
/// problems at their line and column; `None` if it cannot be read.
pub fn source_map(path: &Path) -> Option<SourceMap> {
    let mut text = String::new();
    std::io::Read::read_to_string(&mut open_plan(path).ok()?, &mut text).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Some(SourceMap::scan(&text.replace("\r\n", "\n")))
}

fn plan_files_in(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, &e))?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    if found.is_empty() {
        return Err(LoadError::File {
            path: dir.to_owned(),
            message: "no plan files (*.ron) in this directory".to_owned(),
        });
    }
    found.sort();
    Ok(found)
}

/// Whether `path` is a file large enough to be read measure by measure.
pub fn is_large(path: &Path) -> bool {
    stamp(path).is_some_and(|s| s.len >= PIECEWISE_FROM)
}

/// Reads a plan file. A large one is read measure by measure, so its bytes
/// and the plan are never in memory together (see `stream`); results and
/// messages are those of a whole-file read.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    if is_large(path) {
        super::stream::load_in_pieces(path, &mut |_| {})
    } else {
        load_whole(path)
    }
}

/// A file this large is read measure by measure, and shown in the app
/// from its first part.
const PIECEWISE_FROM: u64 = 4 << 20;

/// Reads the whole file, then parses it.
pub(super) fn load_whole(path: &Path) -> Result<Loaded, LoadError> {
    if path.is_dir() {
        return Err(LoadError::File {
            path: path.to_owned(),
            message: "is a directory, not a plan file".to_owned(),
        });
    }
    let mut bytes = Vec::new();
    open_plan(path)
        .and_then(|mut file| std::io::Read::read_to_end(&mut file, &mut bytes))
        .map_err(|e| io_error(path, &e))?;
    parse_bytes(path, &bytes)
}

/// Parses a plan file's bytes; `path` is only used in messages.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::At {
        path: path.to_owned(),
        at: position_of_byte(bytes, e.valid_up_to()),
        message: not_utf8_message(bytes, path),
    })?;
    let mut loaded = parse(path, text)?;
    loaded.disk_hash = Some(content_hash(bytes));
    Ok(loaded)
}

/// Plans exported on Japanese Windows often arrive in Shift_JIS; say so, and
/// how to convert, instead of only "not UTF-8".
fn not_utf8_message(bytes: &[u8], path: &Path) -> String {
    let (_, _, had_errors) = encoding_rs::SHIFT_JIS.decode(bytes);
    let has_double_byte = bytes.iter().any(|b| matches!(b, 0x81..=0x9f | 0xe0..=0xfc));
    if had_errors || !has_double_byte {
        return "not valid UTF-8; plan files are UTF-8 text".to_owned();
    }
    format!(
        "not valid UTF-8; this looks like Shift_JIS (as saved on Japanese Windows). \
         Convert it with: iconv -f CP932 -t UTF-8 '{0}' > converted.ron (or: nkf -w '{0}')",
        path.display()
    )
}

/// Parses plan text; `path` is only used in messages.
pub fn parse(path: &Path, text: &str) -> Result<Loaded, LoadError> {
    // A byte-order mark and Windows line ends are accepted; a save writes
    // neither.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let unix;
    let text = if text.contains("\r\n") {
        unix = text.replace("\r\n", "\n");
        unix.as_str()
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(LoadError::File {
            path: path.to_owned(),
            message: "the file is empty".to_owned(),
        });
    }
    let plan: Plan = ron::from_str(text).map_err(|e| LoadError::At {
        path: path.to_owned(),
        at: Position {
            line: e.span.start.line,
            column: e.span.start.col,
        },
        message: e.code.to_string(),
    })?;
    Ok(Loaded {
        plan,
        source: SourceMap::scan_comments(text),
        disk_hash: None,
    })
}

fn io_error(path: &Path, error: &std::io::Error) -> LoadError {
    if let Some(refusal) = super::refusal::of(error) {
        return LoadError::File {
            path: refusal.path().to_owned(),
            message: refusal.reason(),
        };
    }
    let message = match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied: cannot read the file".to_owned()
        }
        _ => format!("cannot read: {error}"),
    };
    LoadError::File {
        path: path.to_owned(),
        message,
    }
}

/// Line and column (in characters) of a byte offset in text that is valid
/// UTF-8 up to that offset.
fn position_of_byte(bytes: &[u8], offset: usize) -> Position {
    let before = String::from_utf8_lossy(&bytes[..offset]);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Position { line, column }
}
