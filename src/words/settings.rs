//! What is said about the settings file: why it was not used, and the
//! settings beyond their bounds. `ron`'s own words for a mistake in the
//! text are kept (in Japanese after a sentence that says what happened).

use super::{Lang, Say};
use crate::config::bounds::{
    MAX_BACKUPS, MAX_GRADE_NAME, MAX_GRADES, MAX_KEY_TEXT, MAX_KEYS, MAX_MARKER, MAX_PALETTE,
    MAX_PATH,
};
use crate::config::{Bound, Misread, Mistake, SettingsError};
use crate::regular_file::ReadError;

impl Say for SettingsError {
    fn say(&self, lang: Lang) -> String {
        // `FILE:LINE:COLUMN: mistake`, or `FILE: reason`.
        let (path, what) = match self {
            SettingsError::Misread { path, misread } => (path, misread.say(lang)),
            SettingsError::Unreadable { path, reason } => (path, format!(" {}", reason.say(lang))),
            SettingsError::NotUtf8 { path, reason } => (
                path,
                match lang {
                    Lang::Ja => format!(" UTF-8 のテキストではありません（{reason}）"),
                    Lang::En => format!(" {reason}"),
                },
            ),
        };
        match lang {
            Lang::Ja => format!("{}:{what}（既定の設定を使います）", path.display()),
            Lang::En => format!("{}:{what} (using the default settings)", path.display()),
        }
    }
}

impl Say for Misread {
    fn say(&self, lang: Lang) -> String {
        format!("{}: {}", self.at(), self.mistake.say(lang))
    }
}

impl Say for Mistake {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (Mistake::OutOfBounds(bound), _) => bound.say(lang),
            (Mistake::Syntax(ron::Error::NoSuchStructField { found, .. }), Lang::Ja) => {
                format!("`{found}` という設定はありません")
            }
            (Mistake::Syntax(ron::Error::DuplicateStructField { field, .. }), Lang::Ja) => {
                format!("`{field}` が二度書かれています")
            }
            (Mistake::Syntax(e), Lang::Ja) => format!("書き方が違います（{e}）"),
            (Mistake::Syntax(e), Lang::En) => e.to_string(),
        }
    }
}

impl Say for Bound {
    fn say(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match *self {
            Bound::Backups { count } if ja => {
                format!("backups: {count} は多すぎます。保存で残す以前の版は 0〜{MAX_BACKUPS} です")
            }
            Bound::Backups { count } => format!(
                "backups: {count} is too many, a save keeps 0 to {MAX_BACKUPS} earlier versions"
            ),
            Bound::PlansPath if ja => format!("plans: パスは {MAX_PATH} バイトまでです"),
            Bound::PlansPath => format!("plans: a path of at most {MAX_PATH} bytes"),
            Bound::Palette if ja => {
                format!("palette: 色の置き換えは {MAX_PALETTE} 件までです")
            }
            Bound::Palette => format!("palette: more than {MAX_PALETTE} recolourings"),
            Bound::Keys if ja => format!("keys: 追加のキーは {MAX_KEYS} 件までです"),
            Bound::Keys => format!("keys: more than {MAX_KEYS} extra keys"),
            Bound::KeyText { chars } if ja => format!(
                "keys: context・key・action が {chars} 文字あります。{MAX_KEY_TEXT} 文字までです"
            ),
            Bound::KeyText { chars } => format!(
                "keys: {chars} characters in a context, key or action, at most {MAX_KEY_TEXT} are taken"
            ),
            Bound::Grades if ja => {
                format!("evaluation_scale: 評価は {MAX_GRADES} 段階までです")
            }
            Bound::Grades => format!("evaluation_scale: more than {MAX_GRADES} grades"),
            Bound::GradeName { chars } if ja => format!(
                "evaluation_scale: 評価の名前が {chars} 文字あります。{MAX_GRADE_NAME} 文字までです"
            ),
            Bound::GradeName { chars } => format!(
                "evaluation_scale: a grade's name of {chars} characters, at most {MAX_GRADE_NAME} are taken"
            ),
            Bound::GradeMarker { chars } if ja => format!(
                "evaluation_scale: 評価の記号が {chars} 文字あります。{MAX_MARKER} 文字までです"
            ),
            Bound::GradeMarker { chars } => format!(
                "evaluation_scale: a grade's marker of {chars} characters, at most {MAX_MARKER} are taken"
            ),
        }
    }
}

/// Why a file was not read (`regular_file`); an I/O error is the
/// system's own words.
impl Say for ReadError {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (ReadError::Io(e), _) => e.to_string(),
            (ReadError::NotAFile, Lang::Ja) => {
                "通常のファイルではありません（パイプやデバイスは読みません）".to_owned()
            }
            (ReadError::NotAFile, Lang::En) => self.to_string(),
            (ReadError::TooLarge { limit }, Lang::Ja) => {
                format!("{} を超えるため読みません", size(*limit))
            }
            (ReadError::TooLarge { .. }, Lang::En) => self.to_string(),
        }
    }
}

/// `256 MB`, `64 KB`, as `regular_file` writes sizes.
fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{} KB", bytes >> 10)
    }
}
