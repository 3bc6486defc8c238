//! Reading a whole file that may not be what its name promises: a table to
//! import or a settings file can be a pipe (opening one waits for a writer,
//! reading it for ever), a device such as `/dev/zero`, or a file far larger
//! than any real one. Only regular files are read, opened without waiting,
//! and at most `limit` bytes of them; a symbolic link only if the user or
//! root made it (see `store::folder`).

use std::io::{self, Read};
use std::path::Path;

use crate::store::refusal;

/// Why a file was not read; `words` says it.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    Io(#[from] io::Error),
    /// A pipe or a device, which is not read.
    NotAFile,
    TooLarge {
        limit: u64,
    },
}

impl ReadError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }
}

/// The bytes of the regular file at `path`, if it holds at most `limit`.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Opened as files in a shared folder are: a pipe is not waited on, a
    // link someone else made is not followed.
    let place = crate::store::folder::Place::resolve(path)?;
    let (file, stat) = match place.open() {
        Ok(opened) => opened,
        Err(e) if matches!(refusal::of(&e), Some(refusal::Refusal::NotRegular { .. })) => {
            return Err(ReadError::NotAFile);
        }
        Err(e) => return Err(e.into()),
    };
    let len = u64::try_from(stat.st_size).unwrap_or(u64::MAX);
    if len > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // The file may grow after the size was read.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::{Path, ReadError, read};

    #[test]
    fn reads_files_and_refuses_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("table.csv");
        std::fs::write(&file, "a,b\r\n").unwrap();
        assert_eq!(read(&file, 5).unwrap(), b"a,b\r\n");
        assert!(matches!(
            read(&file, 4),
            Err(ReadError::TooLarge { limit: 4 })
        ));
        assert!(matches!(read(dir.path(), 5), Err(ReadError::NotAFile)));
        assert!(matches!(
            read(Path::new("/dev/zero"), 5),
            Err(ReadError::NotAFile)
        ));
        assert!(
            read(&dir.path().join("missing"), 5)
                .unwrap_err()
                .is_not_found()
        );
    }
}
