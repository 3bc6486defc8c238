//! actplan: keep and review government action plans in the terminal.

pub mod cli;
pub mod commands;
pub mod model;
pub mod store;
pub mod tree;

use std::io::Write;

use cli::{Cli, Command, paths_or_default};

/// Where plans are looked for when no path is given.
pub const DEFAULT_PLANS_DIR: &str = "plans";

/// Runs the whole program for a parsed command line; returns the exit code.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match cli.command {
        Some(Command::Check { paths }) => commands::check::run(&paths_or_default(&paths), out, err),
        Some(Command::Summary { json, paths }) => {
            commands::summary::run(&paths_or_default(&paths), json, out, err)
        }
        Some(Command::Fmt { check, paths }) => {
            commands::fmt::run(&paths_or_default(&paths), check, out, err)
        }
        None => {
            let _ = writeln!(err, "the interactive app is not built yet");
            1
        }
    }
}
