//! The user's settings: a RON file at the platform's config path
//! (`$XDG_CONFIG_HOME/actplan/config.ron` on Linux). Every setting is
//! optional; a broken file is reported with its line and column and the app
//! starts with the defaults.

pub(crate) mod bounds;

pub use bounds::Bound;

use std::path::PathBuf;

use serde::Deserialize;

use crate::model::grade::{Colour, Grade};

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Dates as written in the plan (`Era`) or `Gregorian`.
    pub dates: DateDisplay,
    /// Interface language; `None` follows the locale, else Japanese.
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

/// Why the settings file was not used; the app starts with the defaults.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    Misread {
        path: PathBuf,
        misread: Misread,
    },
    Unreadable {
        path: PathBuf,
        reason: crate::regular_file::ReadError,
    },
    NotUtf8 {
        path: PathBuf,
        reason: std::str::Utf8Error,
    },
}

/// A mistake at a line and column of settings text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Misread {
    pub line: usize,
    pub column: usize,
    pub mistake: Mistake,
}

impl Misread {
    /// `LINE:COLUMN`.
    pub fn at(&self) -> String {
        format!("{}:{}", self.line, self.column)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mistake {
    OutOfBounds(Bound),
    /// What `ron` found wrong in the text.
    Syntax(ron::Error),
}

crate::words::english_display!(SettingsError, Misread, Mistake);

/// The settings, and why the file could not be used.
pub fn load() -> (Config, Option<SettingsError>) {
    let Some(path) = path() else {
        return (Config::default(), None);
    };
    // The file is the user's own, but a pipe or a huge file there must not
    // keep the app from starting.
    let bytes = match crate::regular_file::read(&path, bounds::MAX_FILE) {
        Ok(bytes) => bytes,
        Err(e) if e.is_not_found() => return (Config::default(), None),
        Err(reason) => {
            return (
                Config::default(),
                Some(SettingsError::Unreadable { path, reason }),
            );
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let reason = e.utf8_error();
            return (
                Config::default(),
                Some(SettingsError::NotUtf8 { path, reason }),
            );
        }
    };
    match parse(&text) {
        Ok(config) => (config, None),
        Err(misread) => (
            Config::default(),
            Some(SettingsError::Misread { path, misread }),
        ),
    }
}

/// Reads settings text; a mistake carries its line and column.
pub fn parse(text: &str) -> Result<Config, Misread> {
    bounds::take_refused();
    ron::from_str(text).map_err(|e| {
        let refused = bounds::take_refused();
        let mistake = match (&e.code, refused) {
            (ron::Error::Message(_), Some(bound)) => Mistake::OutOfBounds(bound),
            _ => Mistake::Syntax(e.code),
        };
        Misread {
            line: e.span.start.line,
            column: e.span.start.col,
            mistake,
        }
    })
}

/// What `actplan config --default` prints: every setting with its default,
/// commented.
pub const DEFAULT_TEXT: &str = r#"// actplan settings. Every setting is optional; delete what you do not need.
(
    // Dates as written in the plan (Era, e.g. R5.4) or Gregorian (2023-04).
    dates: Era,
    // Interface language: Some(Ja) or Some(En); None follows the locale
    // (LC_ALL, LC_MESSAGES, LANG) when it names one, else Japanese.
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
    use super::*;

    #[test]
    fn the_commented_default_is_the_default() {
        assert_eq!(parse(DEFAULT_TEXT), Ok(Config::default()));
    }

    #[test]
    fn a_broken_config_says_where() {
        let misread = parse("(\n    backups: \"two\",\n)").unwrap_err();
        assert_eq!(misread.at(), "2:13");
        let message = misread.mistake.to_string();
        assert!(message.contains("Expected"), "{message}");
        assert_eq!(
            parse("(colors: true)").unwrap_err().at(),
            "1:2",
            "the unknown field `colors`"
        );
    }
}
