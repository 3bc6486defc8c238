//! The command line: its shape is here, its words (the `--help` text in
//! Japanese and English) in `words/cli.rs`. The language is known before the
//! arguments are parsed, so that `--help` and usage errors speak it.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::commands::export::{Encoding as CsvEncoding, Format as ExportFormat};
use crate::words::Lang;

pub mod usage;
use usage::UsageError;

// The help of every argument and subcommand is given by `words::cli`.
#[derive(Debug, Parser)]
#[command(name = "actplan", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    pub paths: Vec<PathBuf>,
    #[arg(short = 'R', long)]
    pub read_only: bool,
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check {
        paths: Vec<PathBuf>,
    },
    Summary {
        #[arg(long)]
        json: bool,
        paths: Vec<PathBuf>,
    },
    Config {
        #[arg(long)]
        path: bool,
        #[arg(long = "default")]
        print_default: bool,
    },
    Fmt {
        #[arg(long)]
        check: bool,
        paths: Vec<PathBuf>,
    },
    Export {
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        #[arg(long, value_enum)]
        encoding: Option<CsvEncoding>,
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: PathBuf,
        paths: Vec<PathBuf>,
    },
    Import {
        file: PathBuf,
        #[arg(short = 'o', long = "output", value_name = "PLAN.ron")]
        output: PathBuf,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        fiscal_year: Option<i32>,
        #[arg(long, default_value = "千円")]
        unit: String,
        #[arg(long, value_name = "RULES")]
        rules: Option<PathBuf>,
    },
}

/// The command line's definition, with its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let mut command = Cli::command();
    // Built first, so that clap's own `--help`, `--version` and `help`
    // are there to be given words too.
    command.build();
    crate::words::cli::localize(command, lang)
}

/// What a command line asks for: something to run, or help or the version
/// to print (clap has written it in `lang`), or a mistake in it.
#[derive(Debug)]
pub enum Parsed {
    Run(Cli),
    Print(String),
    Usage(UsageError),
}

/// Parses `args` (the program's name first) with the help in `lang`.
pub fn parse(args: &[OsString], lang: Lang) -> Parsed {
    let matched = command(lang)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    match matched {
        Ok(cli) => Parsed::Run(cli),
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            Parsed::Print(e.render().to_string())
        }
        Err(e) if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Parsed::Print(e.render().to_string())
        }
        Err(e) => Parsed::Usage(UsageError::from_clap(&e)),
    }
}

/// The `--lang` given in `args`, read before parsing so that `--help`
/// follows it; a value that is not a language is left to the parser to
/// refuse.
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut found = None;
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        if let Some(value) = value {
            found = <Lang as clap::ValueEnum>::from_str(&value, true)
                .ok()
                .or(found);
        }
    }
    found
}

/// Where plans are looked for when no path is given.
pub const DEFAULT_PLANS_DIR: &str = "plans";

/// The paths given, or the bundled `plans/` directory.
pub fn paths_or_default(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from(DEFAULT_PLANS_DIR)]
    } else {
        paths.to_vec()
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use super::usage::Mistake;
    use super::{Parsed, lang_in_args, parse};
    use crate::words::Lang;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_lang_flag_is_found_before_parsing_wherever_it_stands() {
        assert_eq!(
            lang_in_args(&args(&["actplan", "--lang", "en"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_in_args(&args(&["actplan", "check", "--lang=ja", "--help"])),
            Some(Lang::Ja)
        );
        assert_eq!(lang_in_args(&args(&["actplan", "--help"])), None);
        assert_eq!(lang_in_args(&args(&["actplan", "--lang", "fr"])), None);
        assert_eq!(
            lang_in_args(&args(&["actplan", "--", "--lang", "en"])),
            None,
            "after -- it is a file name"
        );
    }

    #[test]
    fn a_mistake_is_read_from_clap_with_its_usage() {
        let Parsed::Usage(e) = parse(&args(&["actplan", "check", "--nope"]), Lang::Ja) else {
            panic!("a usage error")
        };
        assert_eq!(
            e.mistake,
            Mistake::UnknownArgument {
                arg: "--nope".to_owned(),
                suggestion: None
            }
        );
        assert!(e.usage.starts_with("actplan check"), "{}", e.usage);
        let Parsed::Usage(e) = parse(
            &args(&["actplan", "export", "--format", "pdf", "-o", "x"]),
            Lang::En,
        ) else {
            panic!("a usage error")
        };
        assert!(
            matches!(&e.mistake, Mistake::InvalidValue { value, valid, .. }
                if value == "pdf" && valid.contains(&"csv".to_owned())),
            "{e:?}"
        );
    }
}
