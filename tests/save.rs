//! Saving never half-writes a plan: failures leave the old file and nothing
//! else behind; success keeps a backup, permissions, group and links.

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use actplan::model::Plan;
use actplan::store;
use common::{SEED, actplan_as_user, chmod};

fn seed() -> Plan {
    store::load(Path::new(SEED)).unwrap().plan
}

fn edited() -> Plan {
    let mut plan = seed();
    plan.title.push_str("（改訂）");
    plan
}

/// A directory everyone may enter, holding a non-canonical copy of the plan
/// (so `fmt` has to save it).
fn shared_dir() -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    chmod(dir.path(), 0o777);
    let path = dir.path().join("plan.ron");
    let messy = std::fs::read_to_string(SEED)
        .unwrap()
        .replace("budget: 4450,", "budget:4450 ,");
    std::fs::write(&path, &messy).unwrap();
    chmod(&path, 0o666);
    (dir, path, messy.into_bytes())
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "actplan-bin")
        .collect();
    names.sort();
    names
}

#[test]
fn a_save_keeps_the_previous_version_as_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(SEED, &path).unwrap();
    store::save(&path, &edited()).unwrap();
    let backup = dir.path().join("plan.ron~");
    assert_eq!(
        std::fs::read(&backup).unwrap(),
        std::fs::read(SEED).unwrap()
    );
    assert_eq!(store::load(&path).unwrap().plan, edited());
    store::save(&path, &seed()).unwrap();
    assert_eq!(
        store::load(&backup).unwrap().plan,
        edited(),
        "backup is the version before"
    );
    assert_eq!(
        names_in(dir.path()),
        ["plan.ron", "plan.ron~"],
        "no temporary files left"
    );
}

#[test]
fn a_save_keeps_mode_owner_and_group() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(SEED, &path).unwrap();
    chmod(&path, 0o664);
    if common::running_as_root() {
        std::os::unix::fs::chown(&path, Some(65534), Some(100)).unwrap();
    }
    let before = std::fs::metadata(&path).unwrap();
    store::save(&path, &edited()).unwrap();
    let after = std::fs::metadata(&path).unwrap();
    assert_ne!(before.ino(), after.ino(), "replaced by rename");
    assert_eq!(after.permissions().mode() & 0o7777, 0o664);
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
}

#[test]
fn saving_through_a_symbolic_link_updates_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/plan.ron");
    std::fs::copy(SEED, &target).unwrap();
    let link = dir.path().join("plan.ron");
    std::os::unix::fs::symlink("real/plan.ron", &link).unwrap();
    store::save(&link, &edited()).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(store::load(&target).unwrap().plan, edited());
    assert!(
        dir.path().join("real/plan.ron~").exists(),
        "backup beside the target"
    );
}

#[test]
fn a_read_only_directory_leaves_the_old_file_and_no_temporary_file() {
    let (dir, path, before) = shared_dir();
    actplan_as_user(dir.path()); // places the binary copy before the folder closes
    chmod(dir.path(), 0o555);
    let out = actplan_as_user(dir.path())
        .arg("fmt")
        .arg(&path)
        .output()
        .unwrap();
    chmod(dir.path(), 0o777);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("plan.ron: cannot save: permission denied"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(names_in(dir.path()), ["plan.ron"]);
}

#[test]
fn a_read_only_plan_is_not_replaced() {
    let (dir, path, before) = shared_dir();
    chmod(&path, 0o444);
    let out = actplan_as_user(dir.path())
        .arg("fmt")
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("cannot save: permission denied"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(names_in(dir.path()), ["plan.ron"]);
}

#[test]
fn a_full_disk_leaves_the_old_file_and_no_temporary_file() {
    // A file size limit of 4 KiB makes the write fail the way a full disk
    // does; the signal it raises is ignored, as for a real full disk.
    let (dir, path, before) = shared_dir();
    let bin = env!("CARGO_BIN_EXE_actplan");
    let out = std::process::Command::new("sh")
        .env("LC_ALL", "en_US.UTF-8")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 4; exec \"$0\" fmt \"$1\"")
        .arg(bin)
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("plan.ron: cannot save: the file is larger than this system allows"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(names_in(dir.path()), ["plan.ron"]);
}

#[test]
fn a_path_through_a_file_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notadir"), "x").unwrap();
    let err = store::save(&dir.path().join("notadir/plan.ron"), &seed()).unwrap_err();
    assert!(err.to_string().contains("cannot save:"), "{err}");
    assert_eq!(names_in(dir.path()), ["notadir"]);
}
