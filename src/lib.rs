//! actplan: keep and review government action plans in the terminal.

pub mod action;
pub mod app;
pub mod backend;
pub mod cli;
pub mod commands;
pub mod config;
mod decode;
pub mod frame;
pub mod input;
pub mod keymap;
pub mod model;
pub mod regular_file;
pub mod screen;
pub mod store;
pub mod tree;
mod tui;
pub mod ui;
pub mod words;

use std::io::Write;

use std::path::{Path, PathBuf};

use app::{App, Document};
use cli::{Cli, Command, DEFAULT_PLANS_DIR, paths_or_default};
use words::{Lang, Say};

/// Runs the whole program for the command line `args` (the program's name
/// first); returns the exit code. The language is decided here, before the
/// arguments are parsed, so that `--help` and usage errors speak it too:
/// `--lang`, else the settings, else the locale, else Japanese.
pub fn run_args(args: &[std::ffi::OsString], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let (settings, config_error) = config::load();
    let lang = Lang::choose(cli::lang_in_args(args), settings.lang, Lang::process_env);
    match cli::parse(args, lang) {
        cli::Parsed::Run(cli) => run(cli, lang, settings, config_error, out, err),
        cli::Parsed::Print(text) => {
            let _ = out.write_all(text.as_bytes());
            commands::OK
        }
        cli::Parsed::Usage(mistake) => {
            let _ = err.write_all(mistake.say(lang).as_bytes());
            commands::USAGE
        }
    }
}

/// Runs a parsed command line in `lang`.
fn run(
    cli: Cli,
    lang: Lang,
    settings: config::Config,
    config_error: Option<config::ConfigProblem>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let to = commands::Speaker { lang, out, err };
    match cli.command {
        Some(Command::Check { paths }) => commands::check::run(&paths_or_default(&paths), to),
        Some(Command::Config {
            path,
            print_default,
        }) => show_config(path, print_default, to),
        Some(Command::Summary { json, paths }) => {
            commands::summary::run(&paths_or_default(&paths), json, to)
        }
        Some(Command::Fmt { check, paths }) => {
            commands::fmt::run(&paths_or_default(&paths), check, to)
        }
        Some(Command::Export {
            format,
            encoding,
            output,
            paths,
        }) => {
            let options = commands::export::Options {
                format,
                encoding,
                output,
            };
            commands::export::run(&paths_or_default(&paths), &options, to)
        }
        Some(Command::Import {
            file,
            output,
            title,
            fiscal_year,
            unit,
            rules,
        }) => {
            let options = commands::import::Options {
                output,
                title,
                fiscal_year,
                unit,
                rules,
            };
            commands::import::run(&file, &options, to)
        }
        None => run_app(
            &cli.paths,
            cli.read_only,
            lang,
            (settings, config_error),
            err,
        ),
    }
}

/// The bundled plan, opened when there is no `plans/` directory to open.
const SEED_PLAN: &str = include_str!("../plans/r5-growth-strategy.ron");
const SEED_PATH: &str = "plans/r5-growth-strategy.ron";

/// `actplan config --path` / `--default`; with neither, the path and
/// whether the file is there.
fn show_config(path: bool, print_default: bool, mut to: commands::Speaker) -> u8 {
    let location = config::path();
    if print_default {
        let _ = to.out.write_all(config::DEFAULT_TEXT.as_bytes());
    }
    if path || !print_default {
        to.say(&commands::Said::SettingsAt { path: location });
    }
    commands::OK
}

fn run_app(
    paths: &[PathBuf],
    read_only: bool,
    lang: Lang,
    (settings, config_error): (config::Config, Option<config::ConfigProblem>),
    err: &mut dyn Write,
) -> u8 {
    let configured;
    let paths = match (&settings.plans, paths.is_empty()) {
        (Some(folder), true) => {
            configured = vec![folder.clone()];
            configured.as_slice()
        }
        _ => paths,
    };
    let (docs, errors, loading) = open_for_session(paths);
    if docs.is_empty() {
        for e in &errors {
            let _ = writeln!(err, "{}", e.say(lang));
        }
        return 1;
    }
    let mut recovered = Vec::new();
    let mut errors = errors;
    for doc in &docs {
        match store::recovery::read(&doc.path) {
            Some(Ok(recovery)) => recovered.push(recovery),
            Some(Err(e)) => errors.push(e),
            None => {}
        }
    }
    let mut app = App::new(docs, errors);
    app.start_loading(loading);
    app.set_read_only(read_only);
    // Before the settings, whose mistakes are told in it.
    app.set_lang(lang);
    app.apply_settings(
        &settings,
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    );
    if let Some(problem) = config_error {
        app.settings_unused(problem);
    }
    app.offer_recoveries(recovered);
    app.announce();
    let code = tui::run(&mut app, err);
    app.settle_recovery_writer();
    app.withdraw();
    match app.fatal() {
        Some(reason) => {
            let _ = writeln!(err, "{}", reason.say(lang));
            1
        }
        None => code,
    }
}

/// As `open_documents`, except that a large plan with no recovered edits
/// waiting is shown as soon as its first part is read; the rest of it is
/// read in the background (several large plans side by side).
fn open_for_session(
    paths: &[PathBuf],
) -> (Vec<Document>, Vec<store::LoadError>, Vec<app::Loading>) {
    if paths.is_empty() && !Path::new(DEFAULT_PLANS_DIR).is_dir() {
        let (docs, errors) = open_documents(paths);
        return (docs, errors, Vec::new());
    }
    let (mut docs, mut errors, mut loading) = (Vec::new(), Vec::new(), Vec::new());
    for file in store::plan_files(&paths_or_default(paths)) {
        let opened = file.and_then(|path| {
            if shown_early(&path) {
                app::open_early(path, docs.len())
            } else {
                let loaded = store::load(&path)?;
                Ok(app::Opened::Whole(Document::new(path, loaded)))
            }
        });
        match opened {
            Ok(app::Opened::Whole(doc)) => docs.push(doc),
            Ok(app::Opened::Partly(doc, rest)) => {
                docs.push(doc);
                loading.push(rest);
            }
            Err(e) => errors.push(e),
        }
    }
    (docs, errors, loading)
}

/// A plan large enough to be worth showing before it is all read, with no
/// recovered edits waiting (those are offered against the whole plan).
fn shown_early(path: &Path) -> bool {
    store::is_large(path) && !store::recovery::exists(path)
}

/// Loads the plans to edit. Files that fail are reported, the rest open.
/// With no paths and no `plans/` here, the bundled plan opens and a save
/// writes it to `plans/`.
pub fn open_documents(paths: &[PathBuf]) -> (Vec<Document>, Vec<store::LoadError>) {
    if paths.is_empty() && !Path::new(DEFAULT_PLANS_DIR).is_dir() {
        let path = PathBuf::from(SEED_PATH);
        return match store::parse(&path, SEED_PLAN) {
            Ok(loaded) => (vec![Document::new(path, loaded)], Vec::new()),
            Err(e) => (Vec::new(), vec![e]),
        };
    }
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for result in store::load_paths(&paths_or_default(paths)) {
        match result {
            Ok((file, loaded)) => docs.push(Document::new(file, loaded)),
            Err(e) => errors.push(e),
        }
    }
    (docs, errors)
}
