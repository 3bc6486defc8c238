//! End-to-end tests: run the real `actplan` binary inside a pseudo-terminal
//! and inspect what it draws through a vt100 emulator.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use tempfile::TempDir;

const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(20);

type SharedParser = Arc<Mutex<vt100::Parser>>;

/// A running `actplan` inside a pty, with its output fed into a vt100 parser.
struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: SharedParser,
    reader: Option<JoinHandle<()>>,
    // Kept alive so the working directory exists until the session ends.
    _dir: TempDir,
}

fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    /// Starts the binary with no arguments in a fresh temporary directory
    /// holding `plans/r5-growth-strategy.ron`, on an 80x24 terminal.
    fn start() -> Self {
        let dir = tempfile::tempdir().expect("create temp dir");
        let plans = dir.path().join("plans");
        std::fs::create_dir(&plans).expect("create plans dir");
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/r5-growth-strategy.ron");
        std::fs::copy(&source, plans.join("r5-growth-strategy.ron")).expect("copy plan file");

        let (cols, rows) = (80, 24);
        let pair = native_pty_system()
            .openpty(pty_size(cols, rows))
            .expect("open pty");

        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_actplan"));
        cmd.cwd(dir.path());
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).expect("spawn actplan");
        // Close our copy of the slave so reads see EOF once the child exits.
        drop(pair.slave);

        let parser: SharedParser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = pair.master.try_clone_reader().expect("clone pty reader");
        let sink = Arc::clone(&parser);
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => sink.lock().unwrap().process(&buf[..n]),
                }
            }
        });
        let writer = pair.master.take_writer().expect("take pty writer");

        Session {
            master: pair.master,
            writer,
            child,
            parser,
            reader: Some(reader),
            _dir: dir,
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Resizes both the pty (the child gets SIGWINCH) and the emulator.
    fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self.master
            .resize(pty_size(cols, rows))
            .expect("resize pty");
    }

    /// Waits for the child to exit and asserts it exited with status 0.
    /// Kills it and fails if it is still running after the timeout.
    fn expect_clean_exit(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll child") {
                break status;
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!(
                    "actplan did not exit within {TIMEOUT:?}; screen:\n{}",
                    screen_text(&self.parser)
                );
            }
            thread::sleep(POLL);
        };
        assert!(
            status.success(),
            "actplan exited with {status}; screen:\n{}",
            screen_text(&self.parser)
        );
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Never leave a stray process behind, even when a test fails.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // The reader ends at EOF once the child (the only slave holder) is
        // gone; don't block on it if it somehow isn't.
        if let Some(reader) = self.reader.take()
            && reader.is_finished()
        {
            let _ = reader.join();
        }
    }
}

fn screen_text(parser: &SharedParser) -> String {
    parser.lock().unwrap().screen().contents()
}

/// Polls the emulated screen every ~20 ms until `predicate` holds; panics
/// with the current screen contents if it does not within `timeout`.
fn wait_for(parser: &SharedParser, predicate: impl Fn(&vt100::Screen) -> bool, timeout: Duration) {
    let deadline = Instant::now() + timeout;
    loop {
        {
            let guard = parser.lock().unwrap();
            let screen = guard.screen();
            if predicate(screen) {
                return;
            }
            if Instant::now() >= deadline {
                let (rows, cols) = screen.size();
                panic!(
                    "timed out after {timeout:?} waiting for the screen ({cols}x{rows}); \
                     alternate_screen={}, hide_cursor={}; contents:\n{}",
                    screen.alternate_screen(),
                    screen.hide_cursor(),
                    screen.contents()
                );
            }
        }
        thread::sleep(POLL);
    }
}

fn shows(text: &'static str) -> impl Fn(&vt100::Screen) -> bool {
    move |screen| screen.contents().contains(text)
}

/// The text of row `row` (0-based) of the screen.
fn row_text(screen: &vt100::Screen, row: u16) -> String {
    let (_, cols) = screen.size();
    screen
        .rows(0, cols)
        .nth(usize::from(row))
        .unwrap_or_default()
}

#[test]
fn starts_shows_plan_and_quits_cleanly() {
    let mut session = Session::start();
    wait_for(
        &session.parser,
        |screen| {
            let text = screen.contents();
            text.contains("県庁オープン化戦略") && text.contains("169,051")
        },
        TIMEOUT,
    );

    session.send(b"q");
    session.expect_clean_exit();

    // All output up to the exit has been written; let the reader catch up,
    // then the terminal must be back in normal mode.
    wait_for(
        &session.parser,
        |screen| !screen.alternate_screen() && !screen.hide_cursor(),
        TIMEOUT,
    );
    let guard = session.parser.lock().unwrap();
    let screen = guard.screen();
    assert!(!screen.alternate_screen(), "still on the alternate screen");
    assert!(!screen.hide_cursor(), "cursor left hidden");
}

#[test]
fn resize_redraws() {
    let mut session = Session::start();
    wait_for(&session.parser, shows("169,051"), TIMEOUT);

    session.resize(120, 40);
    wait_for(
        &session.parser,
        |screen| {
            screen.size() == (40, 120)
                && (row_text(screen, 38).contains("選択") || row_text(screen, 39).contains("選択"))
        },
        TIMEOUT,
    );

    session.send(b"q");
    session.expect_clean_exit();
}
