//! The storage rules of a shared plan folder, tried in-process: links made
//! by someone else (here: links given another owner, which needs root),
//! pipes, huge files, modes, leftovers. tests/shared_server.rs plays the
//! same attacks with real accounts through the binary.

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use actplan::store::{self, WriteOptions, lock, presence, refusal};

/// A user id no account has: the colleague.
const COLLEAGUE: u32 = 4_100_000;

#[allow(clippy::print_stdout)] // the test's own output, shown by the harness
fn root() -> bool {
    if rustix::process::getuid().is_root() {
        return true;
    }
    println!("SKIPPED: links owned by another user can only be made as root");
    false
}

fn folder_with_plan(mode: u32) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    common::chmod(dir.path(), 0o2775);
    let plan = dir.path().join("plan.ron");
    std::fs::copy(common::SEED, &plan).unwrap();
    common::chmod(&plan, mode);
    (dir, plan)
}

/// A symbolic link at `at` to `to`, owned by the colleague.
fn planted_link(to: &Path, at: &Path) {
    let _ = std::fs::remove_file(at);
    std::os::unix::fs::symlink(to, at).unwrap();
    std::os::unix::fs::lchown(at, Some(COLLEAGUE), Some(COLLEAGUE)).unwrap();
}

fn seed() -> actplan::model::Plan {
    store::load(Path::new(common::SEED)).unwrap().plan
}

fn is_refusal(e: &std::io::Error) -> bool {
    refusal::of(e).is_some()
}

#[test]
fn a_save_through_a_link_planted_for_the_plan_is_refused_and_writes_nothing_there() {
    if !root() {
        return;
    }
    let (dir, plan) = folder_with_plan(0o664);
    let home = tempfile::tempdir().unwrap();
    let keys = home.path().join(".ssh/authorized_keys");
    let notes = home.path().join("notes.txt");
    std::fs::write(&notes, "mine").unwrap();
    for target in [&keys, &notes] {
        planted_link(target, &plan);
        let error = store::save(&plan, &seed()).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("plan.ron"), "{message}");
        assert!(
            message.contains("uid 4100000"),
            "names the link's owner: {message}"
        );
        assert!(!home.path().join(".ssh").exists());
        assert_eq!(std::fs::read_to_string(&notes).unwrap(), "mine");
        // Nor is it read: a plan swapped for a link to a private file
        // does not bring that file into a merge.
        let loaded = store::load(&plan).unwrap_err().to_string();
        assert!(
            loaded.contains("symbolic link made by uid 4100000"),
            "{loaded}"
        );
    }
    let names = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(names, 1, "no temporary file is left");
}

#[test]
fn a_link_of_ones_own_is_followed_and_kept() {
    let (dir, plan) = folder_with_plan(0o664);
    let mine = tempfile::tempdir().unwrap();
    let link = mine.path().join("current.ron");
    std::os::unix::fs::symlink(&plan, &link).unwrap();
    let mut edited = seed();
    edited.title = "保存しました".to_owned();
    store::save(&link, &edited).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(store::load(&plan).unwrap().plan.title, "保存しました");
    assert!(dir.path().join("plan.ron~").exists());
    // A folder reached through one's own link works the same.
    let shared = mine.path().join("plans");
    std::os::unix::fs::symlink(dir.path(), &shared).unwrap();
    edited.title = "二度目".to_owned();
    store::save(&shared.join("plan.ron"), &edited).unwrap();
    assert_eq!(store::load(&plan).unwrap().plan.title, "二度目");
}

#[test]
fn a_folder_swapped_for_a_colleagues_link_is_not_entered() {
    if !root() {
        return;
    }
    let (dir, _) = folder_with_plan(0o664);
    let victim = tempfile::tempdir().unwrap();
    let sub = dir.path().join("2026");
    planted_link(victim.path(), &sub);
    let error = store::save(&sub.join("plan.ron"), &seed()).unwrap_err();
    assert!(
        error.to_string().contains("symbolic link made by"),
        "{error}"
    );
    assert_eq!(std::fs::read_dir(victim.path()).unwrap().count(), 0);
}

#[test]
fn a_lock_file_planted_as_a_link_creates_nothing_and_refuses() {
    if !root() {
        return;
    }
    let (dir, plan) = folder_with_plan(0o664);
    let victim = tempfile::tempdir().unwrap();
    let target = victim.path().join("created-by-lock");
    planted_link(&target, &dir.path().join(".plan.ron.lock"));
    let error = lock::lock(&plan).err().expect("refused");
    assert!(is_refusal(&error), "{error}");
    assert!(error.to_string().contains(".plan.ron.lock"), "{error}");
    assert!(!target.exists());
}

#[test]
fn the_lock_works_for_everyone_who_may_read_the_plan_and_goes_after_the_save() {
    let (dir, plan) = folder_with_plan(0o664);
    let held = lock::lock(&plan).unwrap();
    let lock_file = dir.path().join(".plan.ron.lock");
    let mode = std::fs::metadata(&lock_file).unwrap().mode() & 0o777;
    assert_eq!(
        mode & 0o044,
        0o044,
        "readable by the group and others: {mode:o}"
    );
    drop(held);
    assert!(!lock_file.exists(), "removed once the save is done");
}

#[test]
fn pipes_and_devices_never_make_anything_wait() {
    let (dir, plan) = folder_with_plan(0o664);
    let fifo = |path: &Path| {
        let _ = std::fs::remove_file(path);
        rustix::fs::mknodat(
            rustix::fs::CWD,
            path,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o666),
            0,
        )
        .unwrap();
    };
    let (done, finished) = std::sync::mpsc::channel();
    let plan_in_thread = plan.clone();
    let lock_name = dir.path().join(".plan.ron.lock");
    let presence_name = dir.path().join(".plan.ron.presence.colleague");
    fifo(&lock_name);
    fifo(&presence_name);
    std::thread::spawn(move || {
        let locked = lock::lock(&plan_in_thread).err().map(|e| e.to_string());
        let others = presence::others(&plan_in_thread);
        presence::announce(&plan_in_thread);
        presence::withdraw(&plan_in_thread);
        done.send((locked, others.len())).unwrap();
    });
    let (locked, others) = finished
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("a pipe as lock or presence file made it wait");
    assert!(locked.unwrap().contains("is a pipe"));
    assert_eq!(others, 0);
    fifo(&plan);
    let (done, finished) = std::sync::mpsc::channel();
    let plan_in_thread = plan.clone();
    std::thread::spawn(move || {
        let loaded = store::load(&plan_in_thread).err().map(|e| e.to_string());
        let saved = store::save(&plan_in_thread, &seed())
            .err()
            .map(|e| e.to_string());
        let hash = store::file_hash(&plan_in_thread).is_err();
        done.send((loaded, saved, hash)).unwrap();
    });
    let (loaded, saved, hash) = finished
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("a pipe as the plan made it wait");
    assert!(loaded.unwrap().contains("is a pipe, not a regular file"));
    assert!(saved.unwrap().contains("is a pipe, not a regular file"));
    assert!(hash);
}

#[test]
fn hostile_presence_files_cost_nothing_and_nobody_appears_as_someone_else() {
    let (dir, plan) = folder_with_plan(0o664);
    let now = chrono::Local::now().to_rfc3339();
    let entry = format!("(host: \"elsewhere\", pid: 1, since: \"{now}\", seen: \"{now}\")");
    // Over the size a user's sessions need: not read at all.
    let huge = format!("[{}]", vec![entry.as_str(); 300_000].join(","));
    std::fs::write(dir.path().join(".plan.ron.presence.huge"), huge).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join(".plan.ron.presence.zero")).unwrap();
    std::fs::write(
        dir.path().join(".plan.ron.presence.small"),
        format!("[{entry}]"),
    )
    .unwrap();
    let others = presence::others(&plan);
    assert_eq!(others.len(), 1, "{others:?}");
    // The name is the file's owner, not the file's name or contents.
    assert_eq!(others[0].user, store::identity::user());
}

#[test]
fn every_file_written_has_the_plans_mode_from_its_first_moment() {
    for mode in [0o600, 0o660, 0o664] {
        let (dir, plan) = folder_with_plan(mode);
        let mut seen = Vec::new();
        store::write_atomically_with(&plan, WriteOptions::PLAN, &mut |file| {
            // The new version exists now, before a byte of it is written.
            for entry in std::fs::read_dir(dir.path()).unwrap() {
                let entry = entry.unwrap();
                seen.push((entry.file_name(), entry.metadata().unwrap().mode() & 0o777));
            }
            file.write_all(&std::fs::read(common::SEED).unwrap())
        })
        .unwrap();
        assert!(seen.len() >= 2, "{seen:?}");
        for (name, found) in &seen {
            assert_eq!(*found, mode, "{name:?} while saving a {mode:o} plan");
        }
        let after = std::fs::metadata(&plan).unwrap().permissions().mode() & 0o777;
        assert_eq!(after, mode);
        let copy = store::write_conflict_copy(&plan, &seed()).unwrap();
        assert_eq!(std::fs::metadata(&copy).unwrap().mode() & 0o777, mode);
    }
}

#[test]
fn conflict_copies_of_one_second_are_all_kept_and_never_land_on_a_planted_link() {
    let (dir, plan) = folder_with_plan(0o664);
    let mut first = seed();
    first.title = "一つ目".to_owned();
    let mut second = seed();
    second.title = "二つ目".to_owned();
    let a = store::write_conflict_copy(&plan, &first).unwrap();
    let b = store::write_conflict_copy(&plan, &second).unwrap();
    assert_ne!(a, b);
    assert_eq!(store::load(&a).unwrap().plan.title, "一つ目");
    assert_eq!(store::load(&b).unwrap().plan.title, "二つ目");
    let name = a.file_name().unwrap().to_string_lossy().into_owned();
    let (stamp, unique) = name.rsplit_once('-').unwrap();
    assert!(stamp.starts_with("plan.ron.conflict-"), "{name}");
    assert_eq!(unique.len(), 6, "an unguessable part: {name}");
    let _ = dir;
}

#[test]
fn leftovers_of_a_killed_save_are_removed_at_the_next_start_but_never_a_colleagues() {
    if !root() {
        return;
    }
    let (dir, plan) = folder_with_plan(0o664);
    let mine = dir.path().join(".plan.ron.4000001-abcdef.tmp");
    let colleagues = dir.path().join(".plan.ron.4000002-abcdef.tmp");
    let running = dir
        .path()
        .join(format!(".plan.ron.{}-abcdef.tmp", std::process::id()));
    for path in [&mine, &colleagues, &running] {
        std::fs::write(path, "partial").unwrap();
    }
    std::os::unix::fs::chown(&colleagues, Some(COLLEAGUE), None).unwrap();
    let place = store::folder::Place::resolve(&plan).unwrap();
    store::remove_leftovers(&place.folder, &place.name);
    assert!(!mine.exists());
    assert!(colleagues.exists(), "another user's file stays");
    assert!(running.exists(), "a save still running keeps its file");
}

#[test]
fn the_recovery_file_of_a_plan_stays_where_it_was_when_a_link_is_swapped_in() {
    if !root() {
        return;
    }
    let (dir, plan) = folder_with_plan(0o664);
    let before = store::recovery::path_for(&plan).unwrap();
    // Named without its folder, as `actplan plan.ron` in the folder does:
    // the same file as named in full.
    let here = std::env::current_dir().unwrap().join("no-such-plan.ron");
    assert_eq!(
        store::recovery::path_for(Path::new("no-such-plan.ron")),
        store::recovery::path_for(&here)
    );
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::rename(&plan, elsewhere.path().join("plan.ron")).unwrap();
    planted_link(&elsewhere.path().join("plan.ron"), &plan);
    assert_eq!(store::recovery::path_for(&plan).unwrap(), before);
    let _ = dir;
}

#[test]
fn a_new_plan_in_a_folder_shared_by_its_group_is_group_writable_whatever_the_umask() {
    let umask = std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| {
            l.strip_prefix("Umask:")
                .map(|v| u32::from_str_radix(v.trim(), 8).unwrap())
        })
        .unwrap();
    let shared = tempfile::tempdir().unwrap();
    common::chmod(shared.path(), 0o2775);
    let plain = tempfile::tempdir().unwrap();
    common::chmod(plain.path(), 0o777);
    for (folder, expected) in [
        (shared.path(), (0o666 & !umask) | 0o060),
        (plain.path(), 0o666 & !umask),
    ] {
        let plan = folder.join("new.ron");
        store::save(&plan, &seed()).unwrap();
        let mode = std::fs::metadata(&plan).unwrap().mode() & 0o777;
        assert_eq!(mode, expected, "{mode:o} in {}", folder.display());
    }
}
