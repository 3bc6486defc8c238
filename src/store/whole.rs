//! Reading a plan file whole: its bytes, then the plan. Every message about
//! a broken plan comes from here, also for a file first tried in pieces.

use std::path::Path;

use super::error::{LoadError, LoadReason};
use super::folder::Place;
use super::locate::{Position, SourceMap};
use super::refusal::Refusal;
use super::syntax;
use crate::model::Plan;

/// Bytes read from a file at a time.
pub(super) const BLOCK: usize = 1 << 20;

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
    let mut block = vec![0; BLOCK];
    loop {
        match file.read(&mut block) {
            Ok(0) => return Ok(Some(hasher.finish())),
            Ok(n) => hasher.write(&block[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io_error(path, &e)),
        }
    }
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

/// Reads the whole file, then parses it.
pub(super) fn load_whole(path: &Path) -> Result<Loaded, LoadError> {
    if path.is_dir() {
        return Err(LoadError::File {
            path: path.to_owned(),
            reason: LoadReason::IsDirectory,
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
        reason: not_utf8(bytes, path),
    })?;
    let mut loaded = parse(path, text)?;
    loaded.disk_hash = Some(content_hash(bytes));
    Ok(loaded)
}

/// Plans exported on Japanese Windows often arrive in Shift_JIS; say so, and
/// how to convert, instead of only "not UTF-8".
fn not_utf8(bytes: &[u8], path: &Path) -> LoadReason {
    let (_, _, had_errors) = encoding_rs::SHIFT_JIS.decode(bytes);
    let has_double_byte = bytes.iter().any(|b| matches!(b, 0x81..=0x9f | 0xe0..=0xfc));
    if had_errors || !has_double_byte {
        return LoadReason::NotUtf8;
    }
    LoadReason::ShiftJis {
        path: path.to_owned(),
    }
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
            reason: LoadReason::Empty,
        });
    }
    let plan: Plan = syntax::read(text).map_err(|e| LoadError::At {
        path: path.to_owned(),
        at: e.at,
        reason: LoadReason::Syntax(e.reason),
    })?;
    Ok(Loaded {
        plan,
        source: SourceMap::scan_comments(text),
        disk_hash: None,
    })
}

/// Why reading `path` failed; a refusal names the file it is about.
pub(super) fn io_error(path: &Path, error: &std::io::Error) -> LoadError {
    let reason = LoadReason::of_io(error);
    let path = match &reason {
        LoadReason::Refused(refusal) => refusal.path().to_owned(),
        _ => path.to_owned(),
    };
    LoadError::File { path, reason }
}

/// Line and column (in characters) of a byte offset in text that is valid
/// UTF-8 up to that offset.
fn position_of_byte(bytes: &[u8], offset: usize) -> Position {
    let before = String::from_utf8_lossy(&bytes[..offset]);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Position { line, column }
}
