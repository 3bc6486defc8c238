use std::io::{self, Write};
use std::path::Path;

use super::atomic::{WriteOptions, write_atomically_with, write_beside};
use super::error::SaveError;
use super::identity;
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
    let mut hash = super::whole::content_hasher();
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

/// Writes a conflict copy of `plan`'s file beside it:
/// `NAME.conflict-20261128-103400-user-x7k2qa`, never over anything already
/// there (two copies in one second, or a link planted at a guessed name).
/// Not `*.ron`, so opening the folder does not open it as a second plan.
pub fn write_conflict_copy(path: &Path, plan: &Plan) -> Result<std::path::PathBuf, SaveError> {
    let stamp = format!(".conflict-{}-{}-", identity::timestamp(), identity::user());
    let base = path.file_name().unwrap_or_default().to_owned();
    let name = |unique: &str| {
        let mut name = base.clone();
        name.push(&stamp);
        name.push(unique);
        name
    };
    write_beside(path, &name, &mut |file| {
        ron::Options::default()
            .to_io_writer_pretty(&mut *file, plan, canonical_config())
            .map_err(|e| io::Error::other(e.to_string()))?;
        file.write_all(b"\n")
    })
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
