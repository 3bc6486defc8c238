//! The only module that owns the terminal: set it up, run the event loop,
//! and restore it on every way out (ratatui's panic hook restores first on a
//! panic).

use std::io;

use crossterm::event::{self, Event, KeyEventKind};

use crate::action::Action;
use crate::app::App;
use crate::{keymap, ui};

pub fn run(app: &mut App) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, app);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    while !app.quit {
        terminal.draw(|frame| ui::render(app, frame))?;
        match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                if let Some(action) = keymap::resolve(app.context(), key) {
                    app.update(action);
                }
            }
            Event::Resize(width, height) => app.update(Action::Resize(width, height)),
            _ => {}
        }
    }
    Ok(())
}
