//! Driving the app as a user does: keys in, screen out, no terminal needed.
#![allow(dead_code)] // each test file uses part of this

pub mod accounts;
pub mod drive;
pub mod examples;
pub mod named;
pub mod office;
pub mod peek;
pub mod pictures;
pub mod pty;

use std::path::{Path, PathBuf};

use actplan::action::Action;
use actplan::app::App;
use actplan::screen::Screen;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;

pub const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/r5-growth-strategy.ron");

/// The app on `paths`, sized `width` x `height`, speaking English (as
/// these tests were written; `drive::open_in` chooses the language).
pub fn open(paths: &[PathBuf], width: u16, height: u16) -> App {
    let (docs, errors) = actplan::open_documents(paths);
    let mut app = App::new(docs, errors);
    peek::set_lang(&mut app, actplan::words::Lang::En);
    app.update(Action::Resize(width, height));
    actplan::screen::measure(&mut app);
    app
}

/// A temporary copy of the bundled plan.
pub fn seed_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(SEED, &path).unwrap();
    (dir, path)
}

pub fn press_event(app: &mut App, event: KeyEvent) {
    if let Some(action) = peek::resolve(app, event) {
        app.update(action);
    }
    // As the terminal loop does before it draws.
    actplan::screen::measure(app);
}

pub fn press(app: &mut App, code: KeyCode) {
    press_event(app, KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn ctrl(app: &mut App, c: char) {
    press_event(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// Types each character as a key press (`G` arrives with Shift, as from a
/// terminal).
pub fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        let modifiers = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        press_event(app, KeyEvent::new(KeyCode::Char(c), modifiers));
    }
}

/// Draws the app and returns the terminal.
pub fn draw(app: &App) -> Screen<TestBackend> {
    let size = peek::size(app);
    let mut screen = Screen::new(TestBackend::new(size.width, size.height));
    screen.draw(app, size.as_size()).unwrap();
    screen
}

/// The screen as plain text rows (wide characters once, not twice).
pub fn screen(app: &App) -> Vec<String> {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let mut rows = Vec::new();
    for y in 0..buffer.area.height {
        let mut row = String::new();
        let mut skip = 0;
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            if skip == 0 {
                row.push_str(cell.symbol());
                skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1) - 1;
            } else {
                skip -= 1;
            }
        }
        rows.push(row);
    }
    rows
}

pub fn screen_text(app: &App) -> String {
    screen(app).join("\n")
}

pub fn path(p: &str) -> PathBuf {
    Path::new(p).to_owned()
}

/// True when the tests run as root, who ignores file permissions.
pub fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// A command running the actplan binary as an ordinary user, in an English
/// locale, so that file permissions apply: as root, through `setpriv` as `nobody` with a copy of
/// the binary that user can run (placed in `dir`).
pub fn actplan_as_user(_dir: &Path) -> std::process::Command {
    let bin = env!("CARGO_BIN_EXE_actplan");
    if !running_as_root() {
        let mut cmd = std::process::Command::new(bin);
        cmd.env("LC_ALL", "en_US.UTF-8");
        return cmd;
    }
    let mut cmd = std::process::Command::new("setpriv");
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(binary_for_everyone())
        .env("LC_ALL", "en_US.UTF-8");
    cmd
}

/// A copy of the binary that any user can run (the build folder may be
/// under a home only its owner enters), one per build. While a copy is
/// being written, a process forked by another test holds it open for
/// writing until it execs ("Text file busy"): so it is made once, and run
/// here until it starts, before any test runs it as `nobody`.
fn binary_for_everyone() -> &'static Path {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    static COPY: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    COPY.get_or_init(|| {
        let bin = env!("CARGO_BIN_EXE_actplan");
        let built = std::fs::metadata(bin).unwrap();
        let dir =
            std::env::temp_dir().join(format!("actplan-tests-{}-{}", built.len(), built.mtime()));
        let copy = dir.join("actplan-bin");
        if std::fs::metadata(&copy).is_ok_and(|m| m.len() == built.len()) {
            return copy;
        }
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let part = dir.join(format!("actplan-bin.{}", std::process::id()));
        std::fs::copy(bin, &part).unwrap();
        std::fs::set_permissions(&part, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::rename(&part, &copy).unwrap();
        let busy = rustix::io::Errno::TXTBSY.raw_os_error();
        for _ in 0..100 {
            match std::process::Command::new(&copy).arg("--version").output() {
                Err(e) if e.raw_os_error() == Some(busy) => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                _ => break,
            }
        }
        copy
    })
}

/// Sets a path's permission bits.
pub fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// The binary run with `args` from the project's folder, to its end, in an
/// English locale (the tests that are about the language set their own).
pub fn actplan(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_actplan"))
        .args(args)
        .env("LC_ALL", "en_US.UTF-8")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A path as a command-line argument.
pub fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// What a program wrote to the terminal, for the test to read.
#[derive(Clone, Default)]
pub struct Written(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Written {
    /// The bytes written since the last time.
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

impl std::io::Write for Written {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
