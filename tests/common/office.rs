//! The shared plan folder of the office and the app in it: keys typed as
//! a user does, and what the screen and the files say afterwards.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::thread::sleep;
use std::time::{Duration, Instant};

use actplan::model::Project;

use super::accounts::{ALICE, CAROL, USERS, app, gid_of_group, state_dir, uid};
use super::pty::{Session, names, says_saved, status_bar};

/// Projects of the bundled plan, by name.
pub const FIRST_PROJECT: &str = super::drive::seed::ACTIVATION;
pub const SECOND_PROJECT: &str = super::drive::seed::TRAINING;
pub const LAST_PROJECT: &str = super::drive::seed::PLATFORM;
/// A key must be answered within this.
pub const KEY_ANSWER: Duration = Duration::from_secs(2);
/// A save that takes no lock wait ends within this.
pub const SAVE: Duration = Duration::from_secs(10);

/// A fresh shared plan folder: `/tmp/…/office`, root:apoffice, mode 2775,
/// holding the bundled plan as `plan.ron`, apalice:apoffice, mode 0664.
/// Removed when dropped, with the office members' recovery files of it.
pub struct Office {
    root: tempfile::TempDir,
    pub dir: PathBuf,
    /// The name of `plan.ron`'s recovery file in a state folder.
    pub recovery_name: String,
}

impl Office {
    pub fn new() -> Self {
        let root = tempfile::Builder::new()
            .prefix("actplan-office-")
            .tempdir()
            .unwrap();
        fs::set_permissions(root.path(), fs::Permissions::from_mode(0o755)).unwrap();
        let dir = root.path().join("office");
        fs::create_dir(&dir).unwrap();
        std::os::unix::fs::chown(&dir, Some(0), Some(gid_of_group())).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o2775)).unwrap();
        let plan = dir.join("plan.ron");
        fs::copy(super::SEED, &plan).unwrap();
        let recovery_name = actplan::store::recovery::path_for(&plan)
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .expect("a recovery file name");
        let office = Self {
            root,
            dir,
            recovery_name,
        };
        office.own(&plan, ALICE, 0o664);
        office
    }

    pub fn plan(&self) -> PathBuf {
        self.dir.join("plan.ron")
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// A word no other office's files contain (the folder's random name).
    pub fn tag(&self) -> String {
        self.root
            .path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    }

    /// A colleague saves the plan with the first project's budget one
    /// more (`plan.ron` stays apalice's, 0664). A session that shows the
    /// new total has looked at the folder since.
    pub fn changed_by_a_colleague(&self) -> u64 {
        let path = self.plan();
        let mut plan = actplan::store::load(&path).unwrap().plan;
        super::named::project_mut(&mut plan, FIRST_PROJECT).budget = Some(
            super::named::project(&plan, FIRST_PROJECT)
                .budget
                .unwrap_or(0)
                + 1,
        );
        actplan::store::save(&path, &plan).unwrap();
        self.own(&path, ALICE, 0o664);
        actplan::model::totals::plan_total(&plan).budget
    }

    /// Gives `path` to `user` of the office group with `mode`.
    pub fn own(&self, path: &Path, user: &str, mode: u32) {
        std::os::unix::fs::chown(path, Some(uid(user)), Some(gid_of_group())).unwrap();
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
    }

    /// The names in the folder, sorted.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Office {
    fn drop(&mut self) {
        for user in USERS {
            for entry in fs::read_dir(state_dir(user))
                .into_iter()
                .flatten()
                .flatten()
            {
                if entry
                    .file_name()
                    .to_string_lossy()
                    .contains(&self.recovery_name)
                {
                    let _ = fs::remove_file(entry.path());
                }
            }
        }
    }
}

/// `user`'s app on the office's plan, once the plan is on screen.
pub fn open(user: &str, office: &Office, options: &[&str]) -> Session {
    let mut args = options.to_vec();
    args.push("plan.ron");
    let session = app(user, &office.dir, &args);
    session.wait_for_text("169,051");
    session
}

/// Types a new budget for the project named `name`, back in the tree,
/// unsaved.
pub fn set_budget(s: &mut Session, name: &str, budget: &str) {
    s.go_to(name);
    // 事業名, 担当課, 概要, 予算額
    s.send(b"\tjjje");
    s.wait_for_text(" EDIT ");
    s.send(&[0x7f; 12]);
    s.send(format!("{budget}\r\t").as_bytes());
    s.wait_for(|sc| sc.contents().contains("plan.ron[+]") && sc.contents().contains(" TREE "));
}

/// Presses `w` and waits until the screen says saved or names `file`.
pub fn save_outcome(s: &mut Session, file: &str, within: Duration) -> String {
    s.send(b"w");
    s.holds_within(within, |sc| says_saved(sc) || names(sc, file));
    sleep(Duration::from_millis(300)); // a screen drawn whole
    s.rows_text()
}

pub fn save_and_expect_saved(s: &mut Session, who: &str) {
    s.send(b"w");
    let saved = s.holds_within(SAVE, says_saved);
    assert!(saved, "{who}: the save did not say saved:\n{}", s.screen());
}

/// A refused save: the screen names `file` (and `owner`), says nothing was
/// saved, and still shows the edit as unsaved.
pub fn assert_refused(screen: &str, file: &str, owner: Option<&str>) {
    assert!(names(screen, file), "no message naming {file}:\n{screen}");
    assert!(!says_saved(screen), "said saved:\n{screen}");
    if let Some(owner) = owner {
        assert!(
            names(screen, owner),
            "the link's owner not named:\n{screen}"
        );
    }
    assert!(screen.contains("plan.ron[+]"), "edit not kept:\n{screen}");
}

/// `j` moves the selection within `KEY_ANSWER`.
pub fn answers_keys(s: &mut Session, who: &str) {
    let before = status_bar(&s.rows_text());
    s.send(b"j");
    let moved = s.holds_within(KEY_ANSWER, |sc| status_bar(sc) != before);
    assert!(
        moved,
        "{who}: `j` not answered in {KEY_ANSWER:?}:\n{}",
        s.screen()
    );
}

/// `q` ends the app (nothing unsaved) within five seconds.
pub fn quits(s: &mut Session, who: &str) {
    s.send(b"q");
    let status = s.exit_within(Duration::from_secs(5));
    assert!(
        status.as_ref().is_some_and(|st| st.success()),
        "{who}: `q` did not end the app in 5 s ({status:?}):\n{}",
        s.screen()
    );
}

/// The project named `name` in the plan file.
pub fn project(plan: &Path, name: &str) -> Project {
    let loaded = actplan::store::load(plan).unwrap_or_else(|e| panic!("{e}"));
    super::named::project(&loaded.plan, name).clone()
}

pub fn waits_until(within: Duration, done: impl Fn() -> bool) -> bool {
    let deadline = Instant::now() + within;
    while !done() {
        if Instant::now() >= deadline {
            return false;
        }
        sleep(Duration::from_millis(50));
    }
    true
}

pub fn absent(path: &Path) -> bool {
    fs::symlink_metadata(path).is_err()
}

/// Alice and Carol change one budget; Carol saves first, Alice saves and
/// takes Carol's value, her own going to a conflict copy.
pub fn conflict(office: &Office) {
    let mut alice = open(ALICE, office, &[]);
    let mut carol = open(CAROL, office, &[]);
    set_budget(&mut alice, LAST_PROJECT, "150000");
    set_budget(&mut carol, LAST_PROJECT, "160000");
    save_and_expect_saved(&mut carol, CAROL);
    alice.send(b"w");
    alice.wait_for_text("Conflict 1 of 1");
    alice.send(b"t");
    let saved = alice.holds_within(SAVE, |sc| says_saved(sc) && !sc.contains("Conflict 1 of 1"));
    assert!(saved, "alice's save did not say saved:\n{}", alice.screen());
    assert_eq!(project(&office.plan(), LAST_PROJECT).budget, Some(160_000));
}

/// The regular conflict copies in the folder (not links planted there).
pub fn conflict_copies(office: &Office) -> Vec<std::path::PathBuf> {
    let names = office
        .names()
        .into_iter()
        .filter(|n| n.contains(".conflict-"));
    let paths = names.map(|n| office.file(&n));
    paths
        .filter(|p| fs::symlink_metadata(p).unwrap().is_file())
        .collect()
}

/// The most memory the process has had in RAM, in KiB.
pub fn peak_memory_kib(pid: u32) -> u64 {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// Keys answered with the hostile presence files in place, at little CPU
/// (under a third of a core) and memory (under 200 MB).
pub fn costs_nothing(alice: &mut Session) {
    let ticks = cpu_ticks(alice.pid());
    let started = Instant::now();
    for _ in 0..3 {
        answers_keys(alice, ALICE);
        sleep(Duration::from_secs(1));
    }
    let used = cpu_ticks(alice.pid()) - ticks;
    let seconds = started.elapsed().as_secs_f64();
    assert!(
        (used as f64) < seconds * 100.0 / 3.0,
        "{used} ticks in {seconds:.1} s"
    );
    let peak = peak_memory_kib(alice.pid());
    assert!(peak < 200 * 1024, "{peak} KiB of memory");
    quits(alice, ALICE);
}

/// Clock ticks (normally 1/100 s) the process has run so far.
pub fn cpu_ticks(pid: u32) -> u64 {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}
