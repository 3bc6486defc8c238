use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::SaveError;
use crate::model::Plan;

/// The one form a plan is written in: fixed field order, four-space indent,
/// text unescaped, a final newline. Loading and saving this text gives it back
/// byte for byte.
pub fn to_canonical(plan: &Plan) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .escape_strings(false)
        .struct_names(false);
    // Our types always serialize; a failure here is a bug, not bad input.
    let mut text = ron::ser::to_string_pretty(plan, config).expect("a plan always serializes");
    text.push('\n');
    text
}

/// Writes the plan so that the file is either the old one or the new one,
/// never a mix: a temporary file beside it, synced, then renamed over it.
/// The old file's permission bits are kept.
pub fn save(path: &Path, plan: &Plan) -> Result<(), SaveError> {
    let fail = |source| SaveError {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(fail)?;
    let name = path
        .file_name()
        .map_or_else(|| "plan".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = write_synced(&temp, to_canonical(plan).as_bytes())
        .and_then(|()| copy_permissions(path, &temp))
        .and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
        return result.map_err(fail);
    }
    // Makes the rename itself durable. The new plan is in place already, so
    // a failure here does not make the save a failure.
    let _ = File::open(&dir).and_then(|d| d.sync_all());
    Ok(())
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn copy_permissions(from: &Path, to: &Path) -> std::io::Result<()> {
    match fs::metadata(from) {
        Ok(meta) => fs::set_permissions(to, meta.permissions()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}
