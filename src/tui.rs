//! The only module that owns the terminal: set it up, run the event loop,
//! and restore it on every way out. A hang-up (SIGHUP, or the terminal
//! failing or ending), SIGTERM and a panic all write the unsaved edits to
//! recovery files first.

use std::io;
use std::os::fd::AsFd;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyEvent, KeyEventKind};
use ratatui::layout::Size;

use crate::action::Action;
use crate::app::App;
use crate::backend::Lean;
use crate::decode::Decoder;
use crate::input::EscapeJoiner;
use crate::screen::Screen;
use crate::words::Say;
use crate::words::tell::Ended;

/// How often the loop wakes without input, for signals and timed duties.
const WAKE: Duration = Duration::from_millis(250);

/// How often it wakes while a plan is read in the background, to show the
/// whole plan soon after it is in.
const WAKE_WHILE_LOADING: Duration = Duration::from_millis(20);

/// How long after a frame the frames of the likely next keys are drawn.
const AHEAD_AFTER: Duration = Duration::from_millis(5);

/// Frames are written whole: standard output alone passes them on in
/// pieces of a kilobyte, each a separate write the terminal (and an SSH
/// link) handles on its own.
type Terminal = Screen<Lean<io::BufWriter<io::Stdout>>>;

/// Room for the largest frame: a full 200x60 screen of Japanese text.
const FRAME_BUFFER: usize = 1 << 16;

/// Input is read this much at a time, at most so many times between frames.
const READ_CHUNK: usize = 1 << 14;
const READS_PER_WAKE: usize = 64;

/// Why the loop ended.
enum Stop {
    Quit,
    /// A signal arrived (its number).
    Signal(usize),
    /// The terminal went away or failed: a hang-up raw mode did not report.
    Terminal(io::Error),
}

/// Runs the app; returns the process exit code.
pub fn run(app: &mut App, err: &mut dyn io::Write) -> u8 {
    let signal = Arc::new(AtomicUsize::new(0));
    for number in [
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
    ] {
        if let Err(e) =
            signal_hook::flag::register_usize(number, Arc::clone(&signal), number as usize)
        {
            let error = e.to_string();
            let _ = writeln!(
                err,
                "{}",
                Ended::CannotWatchSignals { error }.say(app.lang())
            );
            return 1;
        }
    }
    let mut terminal = match init() {
        Ok(terminal) => terminal,
        Err(e) => {
            let error = e.to_string();
            let _ = writeln!(
                err,
                "{}",
                Ended::CannotUseTerminal { error }.say(app.lang())
            );
            return 1;
        }
    };
    let handled = Arc::new(AtomicBool::new(false));
    watchdog(Arc::clone(&signal), Arc::clone(&handled));
    let stop = catch_unwind(AssertUnwindSafe(|| event_loop(&mut terminal, app, &signal)));
    handled.store(true, Ordering::SeqCst);
    let code = match stop {
        Ok(Stop::Quit) => {
            restore();
            return 0;
        }
        Ok(Stop::Signal(number)) => 128 + u8::try_from(number).unwrap_or(0),
        Ok(Stop::Terminal(e)) => {
            let error = e.to_string();
            let _ = writeln!(err, "{}", Ended::LostTerminal { error }.say(app.lang()));
            129
        }
        // The panic hook has restored the terminal and printed the panic.
        Err(_) => 101,
    };
    // A read-only session has nothing to keep, and must not remove what an
    // earlier session kept.
    let kept = if app.read_only() {
        Ok(Vec::new())
    } else {
        app.write_recovery()
    };
    // On a terminal that hung up this fails; there is nothing left to restore.
    restore();
    // Dropping the terminal would show the cursor on a terminal that may be
    // gone and report the failure on a stderr that may be gone: a panic.
    std::mem::forget(terminal);
    match kept {
        Ok(files) if files.is_empty() => {}
        Ok(files) => {
            for file in files {
                let _ = writeln!(err, "{}", Ended::EditsKeptIn { file }.say(app.lang()));
            }
        }
        Err(e) => {
            let _ = writeln!(err, "{}", Ended::CannotKeepEdits(e).say(app.lang()));
        }
    }
    code
}

/// How long the loop has to act on a signal before the watchdog ends the
/// process.
const GRACE: Duration = Duration::from_secs(3);

/// Ends the process if a signal arrives while the loop is stuck (inside the
/// terminal library on a terminal that just died). The recovery file
/// written shortly after the last change still holds the edits.
fn watchdog(signal: Arc<AtomicUsize>, handled: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(100));
            let number = signal.load(Ordering::SeqCst);
            if number == 0 {
                continue;
            }
            std::thread::sleep(GRACE);
            if !handled.load(Ordering::SeqCst) {
                restore();
                std::process::exit(128 + i32::try_from(number).unwrap_or(0));
            }
            return;
        }
    });
}

/// Raw mode and the alternate screen, with a panic hook that restores the
/// terminal first. Unlike ratatui's own, the hook never panics itself when
/// the terminal is gone (a second panic would abort before the edits are
/// kept).
fn init() -> io::Result<Terminal> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    crossterm::terminal::enable_raw_mode()?;
    // Bracketed paste: a paste arrives as one event, never as keys that
    // would run as commands.
    crossterm::execute!(
        io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::event::EnableBracketedPaste
    )?;
    Ok(Screen::new(Lean::new(
        ratatui::backend::CrosstermBackend::new(io::BufWriter::with_capacity(
            FRAME_BUFFER,
            io::stdout(),
        )),
    )))
}

/// Turns bracketed paste off, leaves raw mode and the alternate screen and
/// shows the cursor; errors are ignored, since a terminal that hung up
/// cannot be restored anyway.
fn restore() {
    let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableBracketedPaste);
    let _ = ratatui::try_restore();
    let _ = crossterm::execute!(io::stdout(), crossterm::cursor::Show);
}

fn event_loop(terminal: &mut Terminal, app: &mut App, signal: &AtomicUsize) -> Stop {
    let tty = match Tty::open() {
        Ok(tty) => tty,
        Err(e) => return Stop::Terminal(e),
    };
    let mut joiner = EscapeJoiner::default();
    let mut decoder = Decoder::default();
    loop {
        if app.quitting() {
            return Stop::Quit;
        }
        let number = signal.load(Ordering::SeqCst);
        if number != 0 {
            return Stop::Signal(number);
        }
        // A resize makes no input to wake on: look at the size before each
        // frame, so what the app computes (rows per page) matches the screen.
        let size = match tty.size() {
            Ok(size) => size,
            Err(e) => return Stop::Terminal(e),
        };
        if (size.width, size.height) != (app.size().width, app.size().height) {
            app.update(Action::Resize(size.width, size.height));
        }
        crate::screen::measure(app);
        if let Err(e) = terminal.draw(app, size) {
            return Stop::Terminal(e);
        }
        // Once the terminal (or SSH) had time to take this frame in, which
        // the work would compete with for the CPU. An error is left for
        // the wait below to report.
        let mut pause = AHEAD_AFTER;
        terminal.draw_ahead(app, || {
            let waiting = !matches!(tty.wait(pause), Ok(false));
            pause = Duration::ZERO;
            waiting
        });
        let now = Instant::now();
        let wake = if app.searching() {
            // The search's next step comes as soon as no key is waiting.
            Duration::ZERO
        } else if app.still_loading() || app.counting() {
            WAKE_WHILE_LOADING
        } else {
            WAKE
        };
        let wait = joiner
            .deadline()
            .map_or(wake, |d| d.saturating_duration_since(now).min(wake));
        match tty.wait(wait) {
            Ok(true) => {
                let events = match tty.read(&mut decoder) {
                    Ok(events) => events,
                    Err(e) => return Stop::Terminal(e),
                };
                for event in events {
                    match event {
                        Event::Key(key) if key.kind != KeyEventKind::Release => {
                            for key in joiner.push(key, Instant::now()) {
                                press(app, key);
                            }
                        }
                        Event::Paste(text) => {
                            // Keys held back come first, in the order typed.
                            for key in joiner.release_now() {
                                press(app, key);
                            }
                            app.update(Action::Paste(text));
                        }
                        _ => {}
                    }
                }
            }
            Ok(false) => {}
            Err(e) => return Stop::Terminal(e),
        }
        for key in joiner.expire(Instant::now()) {
            press(app, key);
        }
        app.update(Action::Tick);
    }
}

/// The terminal's input, watched directly: crossterm's reader spins
/// forever on a terminal that hung up (end of file or EIO), so it is only
/// asked to read once the terminal is known to be alive with input waiting.
struct Tty(std::os::fd::OwnedFd);

impl Tty {
    fn open() -> io::Result<Self> {
        let stdin = std::io::stdin();
        let fd = if rustix::termios::isatty(&stdin) {
            stdin.as_fd().try_clone_to_owned()?
        } else {
            std::fs::File::open("/dev/tty")?.into()
        };
        Ok(Self(fd))
    }

    /// The terminal's size, asked of the terminal already open (crossterm
    /// opens the terminal device again for every question).
    fn size(&self) -> io::Result<Size> {
        let size = rustix::termios::tcgetwinsize(&self.0)?;
        Ok(Size::new(size.ws_col, size.ws_row))
    }

    /// Waits up to `timeout`: `Ok(true)` when there is input, `Ok(false)`
    /// on timeout or a signal (such as a resize), an error when the
    /// terminal hung up or failed.
    fn wait(&self, timeout: Duration) -> io::Result<bool> {
        use rustix::event::{PollFd, PollFlags, Timespec};
        let mut fds = [PollFd::new(&self.0, PollFlags::IN)];
        let timeout = Timespec {
            tv_sec: i64::try_from(timeout.as_secs()).unwrap_or(i64::MAX),
            tv_nsec: i64::from(timeout.subsec_nanos()),
        };
        match rustix::event::poll(&mut fds, Some(&timeout)) {
            Ok(0) => Ok(false),
            Ok(_)
                if fds[0]
                    .revents()
                    .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) =>
            {
                Err(io::Error::new(
                    io::ErrorKind::BrokenPipe,
                    "the terminal hung up",
                ))
            }
            Ok(_) => Ok(fds[0].revents().contains(PollFlags::IN)),
            // A signal, such as a resize: the loop looks at the size anyway.
            Err(rustix::io::Errno::INTR) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Reads what is waiting (called once `wait` saw input) and decodes
    /// it; keeps reading while more is already there, up to a bound so a
    /// flood of input still lets frames through.
    fn read(&self, decoder: &mut Decoder) -> io::Result<Vec<Event>> {
        let mut buffer = [0u8; READ_CHUNK];
        let mut events = Vec::new();
        for _ in 0..READS_PER_WAKE {
            let n = match rustix::io::read(&self.0, &mut buffer) {
                Ok(0) => {
                    return Err(io::Error::new(
                        io::ErrorKind::BrokenPipe,
                        "the terminal hung up",
                    ));
                }
                Ok(n) => n,
                Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => break,
                Err(e) => return Err(e.into()),
            };
            // A hang-up is reported by the next wait, after these keys.
            let more = self.wait(Duration::ZERO).unwrap_or(false);
            events.extend(decoder.push(&buffer[..n], more));
            if !more {
                break;
            }
        }
        Ok(events)
    }
}

fn press(app: &mut App, key: KeyEvent) {
    fault::panic_on(key);
    if let Some(action) = app.keymap().resolve(app.context(), key) {
        app.update(action);
    }
}

/// Fault injection for the tests of the panic path, in debug builds only:
/// with `ACTPLAN_PANIC_ON=<key>` set, pressing that key panics.
mod fault {
    use crossterm::event::KeyEvent;

    #[cfg(debug_assertions)]
    pub fn panic_on(key: KeyEvent) {
        let wanted = std::env::var("ACTPLAN_PANIC_ON")
            .ok()
            .and_then(|v| v.chars().next());
        if wanted.is_some_and(|c| key.code == crossterm::event::KeyCode::Char(c)) {
            panic!("panic injected by ACTPLAN_PANIC_ON");
        }
    }

    #[cfg(not(debug_assertions))]
    pub fn panic_on(_: KeyEvent) {}
}
