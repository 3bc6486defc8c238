//! The panel above the status bar, and the message under it.

use std::path::Path;

use super::said::Said;
use crate::config::ConfigProblem;
use crate::keymap::OverrideError;
use crate::store::LoadError;
use crate::words::{Lang, Say};

/// A line in the panel above the status bar, borrowing what it tells of.
#[derive(Debug)]
pub enum Notice<'a> {
    /// Heads the files that follow it.
    CouldNotOpen {
        count: usize,
    },
    /// A file that could not be opened.
    LoadFailed(&'a LoadError),
    /// The settings file was not used.
    Settings(&'a ConfigProblem),
    /// A key the settings give that could not be used.
    Key(&'a OverrideError),
    OthersEditing {
        who: &'a [String],
        path: &'a Path,
    },
    ChangedOnDisk {
        path: &'a Path,
    },
}

impl Notice<'_> {
    /// Something went wrong (drawn as an error), rather than news.
    pub fn is_error(&self) -> bool {
        !matches!(
            self,
            Notice::OthersEditing { .. } | Notice::ChangedOnDisk { .. }
        )
    }
}

impl Say for Notice<'_> {
    fn say(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            Notice::CouldNotOpen { count } if ja => format!("{count} 件のファイルを開けません:"),
            Notice::CouldNotOpen { count } => format!("Could not open {count} file(s):"),
            Notice::LoadFailed(e) => e.say(lang),
            Notice::Settings(e) => e.say(lang),
            Notice::Key(e) => e.say(lang),
            Notice::OthersEditing { who, path } if ja => {
                format!("編集中の人: {}（{}）", who.join(", "), path.display())
            }
            Notice::OthersEditing { who, path } => format!(
                "Also open for editing: {} ({})",
                who.join(", "),
                path.display()
            ),
            Notice::ChangedOnDisk { path } if ja => format!(
                "{} は他の人に変更されました。保存時に統合します",
                path.display()
            ),
            Notice::ChangedOnDisk { path } => format!(
                "{} was changed on disk by someone else; saving will merge",
                path.display()
            ),
        }
    }
}

/// The line under the status bar, said after a key: news, or an error.
#[derive(Debug)]
pub struct Message {
    pub said: Said,
    pub is_error: bool,
}

impl Say for Message {
    fn say(&self, lang: Lang) -> String {
        let said = self.said.say(lang);
        match (self.is_error, lang) {
            (false, _) => said,
            (true, Lang::Ja) => format!("エラー: {said}"),
            (true, Lang::En) => format!("error: {said}"),
        }
    }
}
