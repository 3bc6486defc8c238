//! Reading a large plan piece by piece: each measure is parsed as soon as
//! its text has been read, so the file's bytes and the whole plan are never
//! in memory together, and the first part of the plan can be shown while
//! the rest is still being read.
//!
//! Only plans laid out as a save writes them are read this way. Anything
//! else (comments, attributes, Windows line ends, a layout the splitter
//! does not follow, any error) is read again whole by `load`, so messages
//! and results are exactly those of a whole-file read.

mod splitter;
#[cfg(test)]
mod tests;

use std::io::Read;
use std::path::Path;

use super::error::LoadError;
use super::locate::SourceMap;
use super::whole::{BLOCK, Loaded, content_hasher, load_whole, open_plan};
pub use splitter::OnPreview;
use splitter::Splitter;

/// Reads the plan at `path`, handing a preview of its first part to
/// `report` on the way (not for a plan that is read whole).
pub fn load_in_pieces(path: &Path, report: OnPreview) -> Result<Loaded, LoadError> {
    match read_split(path, report) {
        Some(loaded) => Ok(loaded),
        None => load_whole(path),
    }
}

/// The piece-by-piece read; `None` when the file is not laid out as
/// expected or has any problem, to be read whole instead.
fn read_split(path: &Path, report: OnPreview) -> Option<Loaded> {
    read_split_by(path, report, BLOCK)
}

/// As `read_split`, reading `block_size` bytes at a time.
fn read_split_by(path: &Path, report: OnPreview, block_size: usize) -> Option<Loaded> {
    let mut file = open_plan(path).ok()?;
    read_split_from(&mut file, report, block_size)
}

/// As `read_split`, from `file`.
pub(super) fn read_split_from(
    file: &mut dyn Read,
    report: OnPreview,
    block_size: usize,
) -> Option<Loaded> {
    let mut splitter = Splitter::default();
    let mut hasher = content_hasher();
    let mut block = vec![0; block_size];
    let mut first = true;
    loop {
        let n = match file.read(&mut block) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return None,
        };
        std::hash::Hasher::write(&mut hasher, &block[..n]);
        splitter.feed(&block[..n], first, report)?;
        first = false;
    }
    let plan = splitter.finish()?;
    Some(Loaded {
        plan,
        source: SourceMap::default(),
        disk_hash: Some(std::hash::Hasher::finish(&hasher)),
    })
}
