//! Broken input never panics, never changes the file, and always says where.
//! The small broken plans are in `tests/fixtures/invalid/` (checked with
//! their exact messages in `cli.rs`); the large and permission cases are
//! made here.

mod common;

use std::path::Path;
use std::process::Command;

use actplan::store;
use common::{actplan_as_user, chmod};

const BIN: &str = env!("CARGO_BIN_EXE_actplan");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn byte_order_mark_and_windows_line_ends_are_accepted() {
    let path = Path::new(ROOT).join("tests/fixtures/valid/bom_crlf.ron");
    let plain = Path::new(ROOT).join("tests/fixtures/valid/small.ron");
    assert_eq!(
        store::load(&path).unwrap().plan,
        store::load(&plain).unwrap().plan
    );
}

#[test]
fn a_50_megabyte_broken_plan_gets_a_position_not_a_panic() {
    let seed = std::fs::read_to_string(common::SEED).unwrap();
    let at = seed
        .find("                        (\n                            name: \"県庁活性化促進事業\"")
        .unwrap();
    let end = seed[at..]
        .find("                        (\n                            name: \"地方創生")
        .unwrap()
        + at;
    let project = &seed[at..end];
    let mut big = String::with_capacity(50_100_000);
    big.push_str(&seed[..at]);
    while big.len() < 50_000_000 {
        big.push_str(project);
    }
    // Cut after a whole line, in the middle of a project.
    big.truncate(big[..50_000_000].rfind('\n').unwrap() + 1);
    let lines = big.lines().count();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    std::fs::write(&path, &big).unwrap();

    let out = Command::new(BIN).arg("check").arg(&path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text.starts_with(&format!("{}:{lines}:", path.display())),
        "error on the last line, {lines}: {text}"
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    assert_eq!(
        std::fs::metadata(&path).unwrap().len(),
        big.len() as u64,
        "untouched"
    );
}

#[test]
fn a_directory_named_like_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("plan.ron");
    std::fs::create_dir(&fake).unwrap();
    for args in [vec!["check"], vec![]] {
        let out = Command::new(BIN)
            .env("LC_ALL", "en_US.UTF-8")
            .args(&args)
            .arg(&fake)
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            text.contains("plan.ron: is a directory, not a plan file"),
            "{args:?}: {text}"
        );
    }
}

#[test]
fn a_file_without_read_permission() {
    let dir = tempfile::tempdir().unwrap();
    chmod(dir.path(), 0o755);
    let path = dir.path().join("secret.ron");
    std::fs::copy(common::SEED, &path).unwrap();
    chmod(&path, 0o000);
    let out = actplan_as_user(dir.path())
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "{}: permission denied: cannot read the file\n",
            path.display()
        )
    );
    chmod(&path, 0o644);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(common::SEED).unwrap()
    );
}

#[test]
fn the_app_refuses_every_broken_fixture_without_drawing() {
    let dir = Path::new(ROOT).join("tests/fixtures/invalid");
    let mut refused = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if store::load(&path).is_ok() {
            continue; // problems `check` finds in a plan that loads
        }
        refused += 1;
        let out = Command::new(BIN).arg(&path).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {err}", path.display());
        assert!(err.starts_with(&path.display().to_string()), "{err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            out.stdout.is_empty(),
            "nothing drawn for {}",
            path.display()
        );
    }
    assert_eq!(refused, 9, "every fixture that cannot load was tried");
}
