//! What is wrong with a command line, read from clap's error: a typed
//! value, so that `words::cli` can say it in either language without
//! reaching back into the command line's shape.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// A command line that cannot work, as clap found it: what was wrong, in
/// clap's terms, and the usage line of the (sub)command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError {
    pub mistake: Mistake,
    /// `actplan check [PATHS]...`, without clap's `Usage:` heading.
    pub usage: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mistake {
    UnknownArgument {
        arg: String,
        suggestion: Option<String>,
    },
    UnknownCommand {
        name: String,
        suggestion: Option<String>,
    },
    InvalidValue {
        arg: String,
        value: String,
        valid: Vec<String>,
    },
    /// A value of another form was expected (a number for `--fiscal-year`).
    UnreadableValue {
        arg: String,
        value: String,
    },
    MissingArgument {
        args: Vec<String>,
    },
    Conflict {
        arg: String,
        with: String,
    },
    MissingValue {
        arg: String,
    },
    TooMany {
        arg: String,
    },
    NotUtf8,
    /// Anything else, in clap's English.
    Other {
        clap: String,
    },
}

impl UsageError {
    pub(super) fn from_clap(e: &clap::Error) -> Self {
        let text = |kind| match e.get(kind) {
            Some(ContextValue::String(s)) => Some(s.clone()),
            Some(ContextValue::Strings(s)) => s.first().cloned(),
            Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
            _ => None,
        };
        let list = |kind| match e.get(kind) {
            Some(ContextValue::Strings(s)) => s.clone(),
            Some(ContextValue::String(s)) => vec![s.clone()],
            Some(ContextValue::StyledStrs(s)) => s.iter().map(ToString::to_string).collect(),
            Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
            _ => Vec::new(),
        };
        let arg = || text(ContextKind::InvalidArg).unwrap_or_default();
        let value = || text(ContextKind::InvalidValue).unwrap_or_default();
        let mistake = match e.kind() {
            ErrorKind::UnknownArgument => Mistake::UnknownArgument {
                arg: arg(),
                suggestion: text(ContextKind::SuggestedArg),
            },
            ErrorKind::InvalidSubcommand => Mistake::UnknownCommand {
                name: text(ContextKind::InvalidSubcommand).unwrap_or_default(),
                suggestion: text(ContextKind::SuggestedSubcommand),
            },
            ErrorKind::InvalidValue if value().is_empty() => Mistake::MissingValue { arg: arg() },
            ErrorKind::InvalidValue => Mistake::InvalidValue {
                arg: arg(),
                value: value(),
                valid: list(ContextKind::ValidValue),
            },
            ErrorKind::ValueValidation => Mistake::UnreadableValue {
                arg: arg(),
                value: value(),
            },
            ErrorKind::MissingRequiredArgument => Mistake::MissingArgument {
                args: list(ContextKind::InvalidArg),
            },
            ErrorKind::ArgumentConflict => Mistake::Conflict {
                arg: arg(),
                with: text(ContextKind::PriorArg).unwrap_or_default(),
            },
            ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
                Mistake::TooMany { arg: arg() }
            }
            ErrorKind::TooFewValues => Mistake::MissingValue { arg: arg() },
            ErrorKind::InvalidUtf8 => Mistake::NotUtf8,
            _ => Mistake::Other {
                clap: e.render().to_string(),
            },
        };
        let usage = text(ContextKind::Usage).unwrap_or_default();
        let usage = usage
            .trim()
            .strip_prefix("Usage:")
            .unwrap_or(&usage)
            .trim()
            .to_owned();
        Self { mistake, usage }
    }
}
