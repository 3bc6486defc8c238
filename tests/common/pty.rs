//! The real binary in a pseudo-terminal, its output fed into a vt100
//! emulator on a background thread (so the child never blocks on a full
//! pipe), with waits that always time out.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

pub const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(20);

pub type SharedParser = Arc<Mutex<vt100::Parser>>;

/// A running program inside a pty.
pub struct Session {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    pub parser: SharedParser,
    reader: Option<JoinHandle<()>>,
    /// Tells the reader to let go of its copy of the terminal's master side.
    stop_reading: Arc<AtomicBool>,
}

pub fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// A directory holding `plans/r5-growth-strategy.ron`.
pub fn plan_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("create temp dir");
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).expect("create plans dir");
    std::fs::copy(super::SEED, plans.join("r5-growth-strategy.ron")).expect("copy plan file");
    dir
}

impl Session {
    /// Runs actplan with `args` in `dir`, with `env` added, on a terminal
    /// of `cols` x `rows`.
    pub fn actplan(
        dir: &Path,
        args: &[&str],
        env: &[(&str, &Path)],
        (cols, rows): (u16, u16),
    ) -> Self {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_actplan"));
        cmd.args(args);
        // The interface language follows the locale; tests choose it
        // (English unless they say otherwise).
        cmd.env("LC_ALL", "en_US.UTF-8");
        for (key, value) in env {
            cmd.env(key, value);
        }
        Self::spawn(cmd, dir, (cols, rows))
    }

    pub fn spawn(mut cmd: CommandBuilder, dir: &Path, (cols, rows): (u16, u16)) -> Self {
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        let pair = native_pty_system()
            .openpty(pty_size(cols, rows))
            .expect("open pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        // Close our copy of the slave so reads see EOF once the child exits.
        drop(pair.slave);
        let parser: SharedParser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        // Non-blocking reads let the reader stop on request, so a hang-up
        // can close every copy of the master side.
        let raw = pair.master.as_raw_fd().expect("master fd");
        #[allow(unsafe_code)] // portable-pty hands out the descriptor only raw
        // SAFETY: `raw` is the master's open descriptor, alive for this call.
        let fd = unsafe { std::os::fd::BorrowedFd::borrow_raw(raw) };
        rustix::io::ioctl_fionbio(fd, true).expect("non-blocking master");
        let mut reader = pair.master.try_clone_reader().expect("clone pty reader");
        let sink = Arc::clone(&parser);
        let stop_reading = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stop_reading);
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        if let Ok(mut parser) = sink.lock() {
                            parser.process(&buf[..n]);
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        thread::sleep(Duration::from_millis(5));
                    }
                    Err(_) => break,
                }
            }
        });
        let writer = pair.master.take_writer().expect("take pty writer");
        Session {
            master: Some(pair.master),
            writer: Some(writer),
            child,
            parser,
            reader: Some(reader),
            stop_reading,
        }
    }

    /// Selects the first node from the top holding `name`, with the app's
    /// search (`g`, `/`, the name, Enter), and waits for the status bar to
    /// show it selected (it shows the start of a long name).
    pub fn go_to(&mut self, name: &str) {
        self.send(b"g/");
        self.send(name.as_bytes());
        self.send(b"\r");
        let start: String = name.chars().take(4).collect();
        self.wait_for(|screen| status_bar(&screen.contents()).contains(&format!("選択 {start}")));
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let writer = self.writer.as_mut().expect("terminal open");
        writer.write_all(bytes).expect("write to pty");
        writer.flush().expect("flush pty");
    }

    /// Resizes both the pty (the child gets SIGWINCH) and the emulator.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        if let Some(master) = &self.master {
            master.resize(pty_size(cols, rows)).expect("resize pty");
        }
    }

    /// Closes the terminal, as a dropped SSH connection does: every copy of
    /// the master side goes, so the program's terminal hangs up.
    pub fn hang_up(&mut self) {
        // portable-pty's writer sends a newline and the EOF character when
        // dropped, which would reach the program as keys; a connection that
        // drops sends nothing, so the EOF character is switched off first.
        if let Some(raw) = self.master.as_ref().and_then(|m| m.as_raw_fd()) {
            #[allow(unsafe_code)] // portable-pty hands out the descriptor only raw
            // SAFETY: `raw` is the master's open descriptor, alive for this call.
            let fd = unsafe { std::os::fd::BorrowedFd::borrow_raw(raw) };
            if let Ok(mut termios) = rustix::termios::tcgetattr(fd) {
                termios.special_codes[rustix::termios::SpecialCodeIndex::VEOF] = 0;
                let _ =
                    rustix::termios::tcsetattr(fd, rustix::termios::OptionalActions::Now, &termios);
            }
        }
        self.stop_reading.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.writer = None;
        self.master = None;
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Waits for the program to end; kills it and fails after the timeout.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("poll child") {
                return status;
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!(
                    "did not exit within {TIMEOUT:?}; screen:\n{}",
                    self.screen()
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Waits for the program to end with status 0.
    pub fn expect_clean_exit(&mut self) {
        let status = self.wait_exit();
        assert!(
            status.success(),
            "exited with {status}; screen:\n{}",
            self.screen()
        );
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Polls the screen until `predicate` holds; panics with the screen
    /// after `TIMEOUT`.
    pub fn wait_for(&self, predicate: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            {
                let guard = self.parser.lock().unwrap();
                let screen = guard.screen();
                if predicate(screen) {
                    return;
                }
                if Instant::now() >= deadline {
                    let (rows, cols) = screen.size();
                    panic!(
                        "timed out waiting for the screen ({cols}x{rows}); alternate_screen={}, \
                         hide_cursor={}; contents:\n{}",
                        screen.alternate_screen(),
                        screen.hide_cursor(),
                        screen.contents()
                    );
                }
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for_text(&self, text: &str) {
        self.wait_for(|screen| screen.contents().contains(text));
    }

    /// The screen as text, one line per row (none left out or joined).
    pub fn rows_text(&self) -> String {
        let parser = self.parser.lock().unwrap();
        let (_, cols) = parser.screen().size();
        parser.screen().rows(0, cols).collect::<Vec<_>>().join("\n")
    }

    /// Whether `predicate` held on the screen (`rows_text`) within `timeout`.
    pub fn holds_within(&self, timeout: Duration, predicate: impl Fn(&str) -> bool) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            if predicate(&self.rows_text()) {
                return true;
            }
            if Instant::now() >= deadline {
                return false;
            }
            thread::sleep(POLL);
        }
    }

    /// The exit status if the program ended within `timeout`.
    pub fn exit_within(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().expect("poll child") {
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            thread::sleep(POLL);
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Never leave a stray process behind, even when a test fails.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        self.stop_reading.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }
}

/// The text of row `row` (0-based) of the screen.
pub fn row_text(screen: &vt100::Screen, row: u16) -> String {
    let (_, cols) = screen.size();
    screen
        .rows(0, cols)
        .nth(usize::from(row))
        .unwrap_or_default()
}

/// Whether a line says a save happened ("saved …"; not "not saved", "unsaved").
pub fn says_saved(screen: &str) -> bool {
    screen.lines().any(|line| {
        line.match_indices("saved").any(|(at, _)| {
            let before = &line[..at];
            !before.ends_with(char::is_alphanumeric) && !before.ends_with("not ")
        })
    })
}

/// Whether a message or notice names `name`: a line other than the status
/// bar, which is always the last but one and always names the plan.
pub fn names(screen: &str, name: &str) -> bool {
    let lines: Vec<&str> = screen.lines().collect();
    let status = lines.len().saturating_sub(2);
    let others = lines.iter().enumerate().filter(|(i, _)| *i != status);
    others.into_iter().any(|(_, line)| line.contains(name))
}

/// The status bar, which names the selected row.
pub fn status_bar(screen: &str) -> String {
    let bar = screen.lines().find(|line| line.contains("合計"));
    bar.unwrap_or_default().to_owned()
}
