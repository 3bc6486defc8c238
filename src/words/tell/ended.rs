//! What the terminal loop says on standard error when the session cannot
//! start or has ended: the terminal, signals, the unsaved edits kept. The
//! system's own reasons are quoted as they are.

use std::path::PathBuf;

use crate::store::SaveError;
use crate::words::{Lang, Say};

#[derive(Debug)]
pub enum Ended {
    CannotWatchSignals {
        error: String,
    },
    CannotUseTerminal {
        error: String,
    },
    /// The terminal went away mid-session: handled as a hang-up.
    LostTerminal {
        error: String,
    },
    EditsKeptIn {
        file: PathBuf,
    },
    CannotKeepEdits(SaveError),
}

impl Say for Ended {
    fn say(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            Ended::CannotWatchSignals { error } if ja => {
                format!("actplan: シグナルを監視できません: {error}")
            }
            Ended::CannotWatchSignals { error } => {
                format!("actplan: cannot watch for signals: {error}")
            }
            Ended::CannotUseTerminal { error } if ja => {
                format!("actplan: この端末を使えません: {error}")
            }
            Ended::CannotUseTerminal { error } => {
                format!("actplan: cannot use this terminal: {error}")
            }
            Ended::LostTerminal { error } if ja => {
                format!("actplan: 端末との接続が切れました（{error}）。回線の切断として扱います")
            }
            Ended::LostTerminal { error } => {
                format!("actplan: lost the terminal ({error}); treating it as a hang-up")
            }
            Ended::EditsKeptIn { file } if ja => {
                format!("actplan: 未保存の編集を {} に残しました", file.display())
            }
            Ended::EditsKeptIn { file } => {
                format!("actplan: unsaved edits kept in {}", file.display())
            }
            Ended::CannotKeepEdits(e) if ja => {
                format!("actplan: 未保存の編集を残せませんでした: {}", e.say(lang))
            }
            Ended::CannotKeepEdits(e) => {
                format!("actplan: could not keep unsaved edits: {}", e.say(lang))
            }
        }
    }
}
