//! The user's settings: a RON file at the platform's config path
//! (`$XDG_CONFIG_HOME/actplan/config.ron` on Linux). Every setting is
//! optional; a broken file is reported with its line and column and the app
//! starts with the defaults.

pub mod bounds;

use std::path::PathBuf;

pub use bounds::Bound;

use serde::Deserialize;

use crate::model::grade::{Colour, Grade};
use crate::regular_file::ReadError;
use crate::store::syntax::{self, SyntaxError};

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Dates as written in the plan (`Era`) or `Gregorian`.
    pub dates: DateDisplay,
    /// Interface language; `None` follows the locale.
    pub lang: Option<crate::words::Lang>,
    /// Where plans are opened from when no path is given.
    #[serde(deserialize_with = "bounds::plans")]
    pub plans: Option<PathBuf>,
    /// How many earlier versions a save keeps (`NAME.ron~`, `NAME.ron~2`, …).
    #[serde(deserialize_with = "bounds::backups")]
    pub backups: usize,
    /// `false` draws without colours, as `NO_COLOR` does.
    pub colours: bool,
    /// Colours drawn as others, for terminals or eyes where one reads
    /// badly: `[(from: Yellow, to: Magenta)]`.
    #[serde(deserialize_with = "bounds::palette")]
    pub palette: Vec<Recolour>,
    /// The evaluation scale for plans that do not set their own.
    #[serde(deserialize_with = "bounds::evaluation_scale")]
    pub evaluation_scale: Option<Vec<Grade>>,
    /// Extra key bindings: `(context: "Tree", key: "Ctrl-D", action: "Delete")`.
    #[serde(deserialize_with = "bounds::keys")]
    pub keys: Vec<KeyOverride>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            dates: DateDisplay::Era,
            lang: None,
            plans: None,
            backups: 1,
            colours: true,
            palette: Vec::new(),
            evaluation_scale: None,
            keys: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum DateDisplay {
    Era,
    Gregorian,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recolour {
    pub from: Colour,
    pub to: Colour,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyOverride {
    #[serde(deserialize_with = "bounds::key_text")]
    pub context: String,
    #[serde(deserialize_with = "bounds::key_text")]
    pub key: String,
    #[serde(deserialize_with = "bounds::key_text")]
    pub action: String,
}

/// Where the config file is looked for.
pub fn path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "actplan").map(|d| d.config_dir().join("config.ron"))
}

/// A mistake in the settings file, at its line and column.
pub type ConfigError = SyntaxError<Bound>;

/// Why the settings file was not used (the app starts with the defaults).
#[derive(Debug, thiserror::Error)]
pub enum ConfigProblem {
    Broken { path: PathBuf, error: ConfigError },
    Unreadable { path: PathBuf, error: ReadError },
}

/// The settings, and why the file could not be used if it could not.
pub fn load() -> (Config, Option<ConfigProblem>) {
    let Some(path) = path() else {
        return (Config::default(), None);
    };
    // The file is the user's own, but a pipe or a huge file there must not
    // keep the app from starting.
    let text = crate::regular_file::read(&path, bounds::MAX_FILE).and_then(|bytes| {
        String::from_utf8(bytes).map_err(|e| {
            std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()).into()
        })
    });
    match text {
        Ok(text) => match parse(&text) {
            Ok(config) => (config, None),
            Err(error) => (
                Config::default(),
                Some(ConfigProblem::Broken { path, error }),
            ),
        },
        Err(e) if e.is_not_found() => (Config::default(), None),
        Err(error) => (
            Config::default(),
            Some(ConfigProblem::Unreadable { path, error }),
        ),
    }
}

/// Reads config text; errors carry `LINE:COLUMN`.
pub fn parse(text: &str) -> Result<Config, ConfigError> {
    syntax::read(text)
}

/// What `actplan config --default` prints: every setting with its default,
/// commented.
pub const DEFAULT_TEXT: &str = r#"// actplan settings. Every setting is optional; delete what you do not need.
(
    // Dates as written in the plan (Era, e.g. R5.4) or Gregorian (2023-04).
    dates: Era,
    // Interface language: Some(Ja) or Some(En); None follows LANG / LC_ALL.
    lang: None,
    // Where plans are opened from when actplan is started without a path.
    plans: None,
    // How many earlier versions a save keeps beside the plan
    // (NAME.ron~, NAME.ron~2, ...), 0 to 20.
    backups: 1,
    // false draws without colours (as the NO_COLOR environment variable does).
    colours: true,
    // Colours drawn as others (Green, Cyan, Blue, Yellow, Red, Magenta, Gray),
    // e.g. [(from: Yellow, to: Magenta)] for a light background; at most 7.
    palette: [],
    // The evaluation scale for plans that do not set their own (at most 20
    // grades, names of at most 40 characters, markers of at most 2), e.g.
    // Some([(name: "A", marker: "A", colour: Green), (name: "B", marker: "B", colour: Yellow)]).
    evaluation_scale: None,
    // Extra keys, added to the defaults (see the help screen, ?, for the
    // contexts and actions), e.g. [(context: "Tree", key: "Ctrl-D", action: "Delete")];
    // at most 100, each name of at most 40 characters.
    keys: [],
)
"#;

#[cfg(test)]
mod tests {
    use super::{Config, DEFAULT_TEXT, parse};

    #[test]
    fn the_commented_default_is_the_default() {
        assert_eq!(parse(DEFAULT_TEXT), Ok(Config::default()));
    }

    #[test]
    fn a_broken_config_says_where() {
        let e = parse("(\n    backups: \"two\",\n)").unwrap_err();
        assert_eq!(e.at.to_string(), "2:13");
        assert!(e.reason.to_string().contains("Expected"), "{}", e.reason);
        let e = parse("(colors: true)").unwrap_err();
        assert_eq!(e.at.to_string(), "1:2", "the unknown field `colors`");
    }
}
