//! A plan arriving as it is sent (over a slow link, say) rather than read
//! from its file: shown from its first part, as a large file is.

use std::io::Read;
use std::path::Path;

use super::error::{LoadError, LoadReason};
use super::stream::{OnPreview, read_split_from};
use super::whole::{BLOCK, Loaded, parse_bytes};

/// As `load_in_pieces`, for a plan arriving through `source` as it is sent
/// (over a slow link, say); `path` names it in messages. A plan that is not
/// laid out for reading in pieces is parsed whole once it is all in.
pub fn load_arriving(
    path: &Path,
    source: &mut dyn Read,
    report: OnPreview,
) -> Result<Loaded, LoadError> {
    let mut kept = Vec::new();
    let mut teed = Tee {
        source,
        kept: &mut kept,
    };
    if let Some(loaded) = read_split_from(&mut teed, report, BLOCK) {
        return Ok(loaded);
    }
    Read::read_to_end(&mut teed, &mut Vec::new()).map_err(|e| LoadError::File {
        path: path.to_owned(),
        reason: LoadReason::CannotRead {
            error: e.to_string(),
        },
    })?;
    parse_bytes(path, &kept)
}

/// Keeps a copy of what passes through.
struct Tee<'a> {
    source: &'a mut dyn Read,
    kept: &'a mut Vec<u8>,
}

impl Read for Tee<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let n = self.source.read(buffer)?;
        self.kept.extend_from_slice(&buffer[..n]);
        Ok(n)
    }
}
