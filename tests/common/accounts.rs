//! Colleagues on one shared server: real Unix accounts of one office group
//! (`apoffice`: `apalice`, `apbob`, `apcarol`), a `2775` plan folder, and
//! actplan run as each of them with the usual `umask 022`. Creating accounts
//! needs root; elsewhere the tests say they skipped.

use std::ffi::OsStr;
use std::fs;
use std::io::Read;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;

use super::pty::Session;

pub const GROUP: &str = "apoffice";
pub const ALICE: &str = "apalice";
pub const BOB: &str = "apbob";
pub const CAROL: &str = "apcarol";
pub const USERS: [&str; 3] = [ALICE, BOB, CAROL];

/// How long a helper command (`ln`, `mkfifo`, …) may take.
pub const COMMAND_TIMEOUT: Duration = Duration::from_secs(20);
/// How long an actplan subcommand may take on the bundled plan.
pub const SUBCOMMAND_TIMEOUT: Duration = Duration::from_secs(10);
/// Address space allowed to an app session, so that a hostile file that
/// makes the app allocate without end fails the test instead of the machine.
const SESSION_MEMORY_KIB: u64 = 1024 * 1024;

/// True when the accounts can be made; otherwise prints why `test` skips.
#[allow(clippy::print_stdout)] // the test's own output, shown by the harness
pub fn can_run(test: &str) -> bool {
    if super::running_as_root() {
        ensure_accounts();
        true
    } else {
        println!("SKIPPED: {test}: needs root to create the office accounts");
        false
    }
}

/// Creates the group and users once per process, and under a lock on a file
/// in /tmp, so parallel test binaries do not both run `useradd`. They are
/// left for the next run.
fn ensure_accounts() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        use std::os::unix::fs::OpenOptionsExt;
        let lock = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
            .open("/tmp/actplan-office-accounts.lock")
            .expect("open the account lock in /tmp");
        rustix::fs::flock(&lock, rustix::fs::FlockOperation::LockExclusive)
            .expect("lock the account lock");
        if !exists("group", GROUP) {
            system("groupadd", &[GROUP]);
        }
        for user in USERS {
            if !exists("passwd", user) {
                system("useradd", &["-m", "-g", GROUP, "-s", "/bin/sh", user]);
            }
        }
    });
}

fn exists(database: &str, name: &str) -> bool {
    Command::new("getent")
        .args([database, name])
        .stdout(Stdio::null())
        .status()
        .expect("getent runs")
        .success()
}

/// Runs a command as root (the test itself); fails the test if it fails.
fn system(program: &str, args: &[&str]) {
    let what = format!("{program} {args:?}");
    let output = finish(Command::new(program).args(args), &what, COMMAND_TIMEOUT);
    assert!(
        output.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

pub fn uid(user: &str) -> u32 {
    database_id("/etc/passwd", user)
}

pub fn gid_of_group() -> u32 {
    database_id("/etc/group", GROUP)
}

/// The number in the third field of `name`'s line of `/etc/passwd` or
/// `/etc/group`.
fn database_id(file: &str, name: &str) -> u32 {
    let text = fs::read_to_string(file).unwrap();
    text.lines()
        .map(|line| line.split(':').collect::<Vec<_>>())
        .find(|fields| fields[0] == name && fields.len() > 2)
        .and_then(|fields| fields[2].parse().ok())
        .unwrap_or_else(|| panic!("{name} is not in {file}"))
}

pub fn home(user: &str) -> PathBuf {
    Path::new("/home").join(user)
}

/// The actplan binary copied, once per test process, to a folder every
/// account can enter (the checkout may be in one they cannot).
pub fn binary() -> &'static Path {
    static COPY: OnceLock<PathBuf> = OnceLock::new();
    COPY.get_or_init(|| {
        // Copies of earlier test processes that are gone.
        for entry in fs::read_dir("/tmp").into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(pid) = name.strip_prefix("actplan-office-bin-")
                && !Path::new("/proc").join(pid).exists()
            {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
        let dir = PathBuf::from(format!("/tmp/actplan-office-bin-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        let copy = dir.join("actplan");
        fs::copy(env!("CARGO_BIN_EXE_actplan"), &copy).unwrap();
        fs::set_permissions(&copy, fs::Permissions::from_mode(0o755)).unwrap();
        copy
    })
}

/// The environment of a fresh login of `user`.
fn login_env(user: &str) -> Vec<(&'static str, String)> {
    vec![
        ("HOME", home(user).display().to_string()),
        ("USER", user.to_owned()),
        ("LOGNAME", user.to_owned()),
        ("PATH", "/usr/local/bin:/usr/bin:/bin".to_owned()),
        ("TERM", "xterm-256color".to_owned()),
        // English, named (C.UTF-8 names no language).
        ("LC_ALL", "en_US.UTF-8".to_owned()),
    ]
}

/// `setpriv` to `user` of the office group, then a shell that sets the
/// usual umask (and a memory cap when given) and runs `program`.
fn login_argv(user: &str, memory_kib: Option<u64>) -> Vec<String> {
    let limit = memory_kib.map_or(String::new(), |k| format!("ulimit -v {k}; "));
    vec![
        format!("--reuid={user}"),
        format!("--regid={GROUP}"),
        "--init-groups".to_owned(),
        "--".to_owned(),
        "/bin/sh".to_owned(),
        "-c".to_owned(),
        format!("umask 022; {limit}exec \"$0\" \"$@\""),
    ]
}

/// A command run as `user` in `dir` with a clean login environment.
pub fn command_as(user: &str, dir: &Path, program: impl AsRef<OsStr>) -> Command {
    let mut cmd = Command::new("/usr/bin/setpriv");
    cmd.args(login_argv(user, None))
        .arg(program)
        .env_clear()
        .envs(login_env(user))
        .current_dir(dir)
        .stdin(Stdio::null())
        // Its own process group, so that everything it starts can be ended.
        .process_group(0);
    cmd
}

/// A shell script run as `user` in `dir`, to its end within the timeout.
pub fn sh(user: &str, dir: &Path, script: &str) -> Output {
    let mut cmd = command_as(user, dir, "/bin/sh");
    cmd.args(["-c", script]);
    let out = finish(&mut cmd, &format!("{user}: {script}"), COMMAND_TIMEOUT);
    assert!(
        out.status.success(),
        "{user}: `{script}` failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// An actplan subcommand run as `user` in `dir`, within the timeout.
pub fn actplan(user: &str, dir: &Path, args: &[&str]) -> Output {
    let mut cmd = command_as(user, dir, binary());
    cmd.args(args);
    let what = format!("{user}: actplan {args:?}");
    finish(&mut cmd, &what, SUBCOMMAND_TIMEOUT)
}

/// Runs `cmd` to its end; kills its process group and fails the test when
/// it takes longer than `timeout`.
fn finish(cmd: &mut Command, what: &str, timeout: Duration) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{what}: cannot start: {e}"));
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let Some(status) = wait_within(&mut child, timeout) else {
        kill_group(child.id());
        let _ = child.wait();
        panic!("{what}: still running after {timeout:?}");
    };
    Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

fn drain(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        bytes
    })
}

fn wait_within(child: &mut Child, timeout: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().expect("poll child") {
            return Some(status);
        }
        if Instant::now() >= deadline {
            return None;
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// Ends a process group started by `command_as` (as root, whoever runs it).
fn kill_group(pgid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pgid}")])
        .stderr(Stdio::null())
        .status();
}

/// A command of a user left running (holding a lock, say); its whole
/// process group ends when this is dropped.
pub struct Background(Child);

impl Background {
    /// Starts `script` as `user`, and waits until it prints `ready` on a line.
    pub fn start(user: &str, dir: &Path, script: &str, ready: &str) -> Self {
        let mut cmd = command_as(user, dir, "/bin/sh");
        cmd.args(["-c", script]).stdout(Stdio::piped());
        let mut child = cmd.spawn().expect("start background command");
        let mut stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        thread::spawn(move || {
            let mut seen = Vec::new();
            let mut byte = [0u8; 1];
            while let Ok(1) = stdout.read(&mut byte) {
                seen.push(byte[0]);
                let _ = tx.send(String::from_utf8_lossy(&seen).into_owned());
            }
        });
        let background = Self(child);
        let deadline = Instant::now() + COMMAND_TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(text) if text.contains(ready) => return background,
                Ok(_) => {}
                Err(_) => panic!("{user}: `{script}` did not print {ready:?} in time"),
            }
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        kill_group(self.0.id());
        let _ = self.0.wait();
    }
}

/// actplan's interactive app as `user` in a terminal of 100 x 30, in English.
pub fn app(user: &str, dir: &Path, args: &[&str]) -> Session {
    let mut cmd = CommandBuilder::new("/usr/bin/setpriv");
    cmd.args(login_argv(user, Some(SESSION_MEMORY_KIB)));
    cmd.arg(binary());
    cmd.args(["--lang", "en"]);
    cmd.args(args);
    cmd.env_clear();
    for (key, value) in login_env(user) {
        cmd.env(key, value);
    }
    Session::spawn(cmd, dir, (100, 30))
}

/// Where actplan keeps `user`'s recovery files.
pub fn state_dir(user: &str) -> PathBuf {
    home(user).join(".local/state/actplan")
}

/// The owner's uid and permission bits of a file (not following a link).
pub fn owner_and_mode(path: &Path) -> (u32, u32) {
    let meta = fs::symlink_metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (meta.uid(), meta.mode() & 0o7777)
}
