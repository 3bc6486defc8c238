//! What the store says: why a plan, a recovery file or the settings could
//! not be read or written, and what in a shared folder is not touched.

mod syntax;
#[cfg(test)]
mod tests;

use std::io;

use super::{Lang, Say, english_display};
use crate::config::ConfigProblem;
use crate::config::bounds::{
    Bound, MAX_BACKUPS, MAX_GRADE_NAME, MAX_GRADES, MAX_KEY_TEXT, MAX_KEYS, MAX_MARKER,
    MAX_PALETTE, MAX_PATH,
};
use crate::regular_file::ReadError;
use crate::store::refusal::{FileKind, IoProblem, Refusal};
use crate::store::{LoadError, LoadReason, SaveError, SaveReason};

english_display!(
    LoadError,
    LoadReason,
    SaveError,
    Refusal,
    IoProblem,
    ReadError,
    ConfigProblem,
    Bound,
);

impl Say for LoadError {
    fn say(&self, lang: Lang) -> String {
        let path = self.path().display();
        let reason = self.reason().say(lang);
        match self.position() {
            Some(at) => format!("{path}:{at}: {reason}"),
            None => format!("{path}: {reason}"),
        }
    }
}

impl Say for LoadReason {
    fn say(&self, lang: Lang) -> String {
        use Lang::{En, Ja};
        match self {
            LoadReason::NotFound => match lang {
                En => "no such file".to_owned(),
                Ja => "ファイルがありません".to_owned(),
            },
            LoadReason::PermissionDenied => match lang {
                En => "permission denied: cannot read the file".to_owned(),
                Ja => "権限がないためファイルを読めません".to_owned(),
            },
            LoadReason::CannotRead { error } => match lang {
                En => format!("cannot read: {error}"),
                Ja => format!("読めません: {error}"),
            },
            LoadReason::Refused(refusal) => refusal.reason(lang),
            LoadReason::IsDirectory => match lang {
                En => "is a directory, not a plan file".to_owned(),
                Ja => "フォルダです。計画のファイルではありません".to_owned(),
            },
            LoadReason::NoPlanFiles => match lang {
                En => "no plan files (*.ron) in this directory".to_owned(),
                Ja => "このフォルダに計画のファイル（*.ron）がありません".to_owned(),
            },
            LoadReason::Empty => match lang {
                En => "the file is empty".to_owned(),
                Ja => "ファイルが空です".to_owned(),
            },
            LoadReason::NotUtf8 => match lang {
                En => "not valid UTF-8; plan files are UTF-8 text".to_owned(),
                Ja => "UTF-8 として読めません。計画のファイルは UTF-8 のテキストです".to_owned(),
            },
            LoadReason::ShiftJis { path } => {
                let path = path.display();
                match lang {
                    En => format!(
                        "not valid UTF-8; this looks like Shift_JIS (as saved on Japanese Windows). \
                         Convert it with: iconv -f CP932 -t UTF-8 '{path}' > converted.ron (or: nkf -w '{path}')"
                    ),
                    Ja => format!(
                        "UTF-8 として読めません。Shift_JIS（日本語版 Windows で保存した形式）のようです。\
                         次のように変換してください: iconv -f CP932 -t UTF-8 '{path}' > converted.ron（または nkf -w '{path}'）"
                    ),
                }
            }
            LoadReason::Syntax(syntax) => syntax.say(lang),
            LoadReason::Stopped => match lang {
                En => "reading the plan stopped unexpectedly".to_owned(),
                Ja => "計画の読み込みが途中で止まりました".to_owned(),
            },
            LoadReason::RecoveryUnreadable { error } => match lang {
                En => format!("cannot read the recovery file: {error}"),
                Ja => format!("復元用ファイルを読めません: {error}"),
            },
        }
    }
}

impl Say for SaveError {
    fn say(&self, lang: Lang) -> String {
        let path = self.path.display();
        let reason = match self.reason() {
            SaveReason::Refused(refusal) => refusal.reason(lang),
            SaveReason::RefusedOther(refusal) => refusal.say(lang),
            SaveReason::Io(problem) => problem.say(lang),
        };
        match lang {
            Lang::En => format!("{path}: cannot save: {reason}"),
            Lang::Ja => format!("{path}: 保存できません: {reason}"),
        }
    }
}

impl Say for Refusal {
    fn say(&self, lang: Lang) -> String {
        format!("{}: {}", self.path().display(), self.reason(lang))
    }
}

impl Refusal {
    /// What is wrong with the file, without its name.
    pub fn reason(&self, lang: Lang) -> String {
        use Lang::{En, Ja};
        match self {
            Refusal::ForeignLink { owner, .. } => match lang {
                En => format!(
                    "is a symbolic link made by {owner}; actplan follows only links of your own or of root"
                ),
                Ja => format!(
                    "{owner} が作ったシンボリックリンクです。actplan がたどるのは自分か root のリンクだけです"
                ),
            },
            Refusal::NotRegular { kind, .. } => match lang {
                En => format!("is {}, not a regular file", kind_name(*kind, En)),
                Ja => format!("{}で、通常のファイルではありません", kind_name(*kind, Ja)),
            },
            Refusal::TooLarge { size, limit, .. } => match lang {
                En => format!("is {size} bytes; actplan reads at most {limit} bytes here"),
                Ja => format!("{size} バイトあります。ここで読むのは {limit} バイトまでです"),
            },
            Refusal::TooManyLinks { .. } => match lang {
                En => "too many levels of symbolic links".to_owned(),
                Ja => "シンボリックリンクの重なりが深すぎます".to_owned(),
            },
            Refusal::LockHeld { .. } => match lang {
                En => "another save of this plan is still running (its lock is held); try again"
                    .to_owned(),
                Ja => "この計画の別の保存がまだ続いています（ロック中）。もう一度試してください"
                    .to_owned(),
            },
            Refusal::NoRecoveryFolder { .. } => match lang {
                En => "no home directory for recovery files".to_owned(),
                Ja => "復元用ファイルを置くホームディレクトリがありません".to_owned(),
            },
            Refusal::NotAFileName { .. } => match lang {
                En => "not a file name".to_owned(),
                Ja => "ファイル名ではありません".to_owned(),
            },
            Refusal::NoFreeName { .. } => match lang {
                En => "no free name for the copy".to_owned(),
                Ja => "コピーに使える名前がありません".to_owned(),
            },
            Refusal::NoLock { problem, .. } => match lang {
                En => format!("cannot take the save lock: {}", problem.say(lang)),
                Ja => format!("保存のロックを取れません: {}", problem.say(lang)),
            },
        }
    }
}

fn kind_name(kind: FileKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (FileKind::Pipe, Lang::En) => "a pipe",
        (FileKind::Pipe, Lang::Ja) => "パイプ",
        (FileKind::Folder, Lang::En) => "a folder",
        (FileKind::Folder, Lang::Ja) => "フォルダ",
        (FileKind::Device, Lang::En) => "a device",
        (FileKind::Device, Lang::Ja) => "デバイス",
        (FileKind::Socket, Lang::En) => "a socket",
        (FileKind::Socket, Lang::Ja) => "ソケット",
        (FileKind::Other, Lang::En) => "not a regular file",
        (FileKind::Other, Lang::Ja) => "特殊なファイル",
    }
}

impl Say for IoProblem {
    fn say(&self, lang: Lang) -> String {
        use Lang::{En, Ja};
        match self {
            IoProblem::PermissionDenied => match lang {
                En => "permission denied (the file or its folder is not writable for you)".to_owned(),
                Ja => "権限がありません（ファイルかそのフォルダに書き込めません）".to_owned(),
            },
            IoProblem::DiskFull => match lang {
                En => "the disk is full".to_owned(),
                Ja => "ディスクがいっぱいです".to_owned(),
            },
            IoProblem::FileTooLarge => match lang {
                En => "the file is larger than this system allows (disk quota or file size limit)"
                    .to_owned(),
                Ja => "このシステムで許される大きさを超えます（ディスクの割り当てかファイルサイズの上限）"
                    .to_owned(),
            },
            IoProblem::ReadOnly => match lang {
                En => "the file system is read-only".to_owned(),
                Ja => "読み取り専用のファイルシステムです".to_owned(),
            },
            IoProblem::NotADirectory => match lang {
                En => "a part of the path is not a folder".to_owned(),
                Ja => "パスの途中にフォルダでないものがあります".to_owned(),
            },
            IoProblem::Other(error) => match lang {
                En => error.clone(),
                Ja => format!("入出力のエラー: {error}"),
            },
        }
    }
}

impl Say for ReadError {
    fn say(&self, lang: Lang) -> String {
        use Lang::{En, Ja};
        match self {
            ReadError::Io(error) => match (crate::store::refusal::of(error), lang) {
                (Some(refusal), lang) => refusal.say(lang),
                (None, En) => error.to_string(),
                (None, Ja) => match error.kind() {
                    io::ErrorKind::NotFound => "ファイルがありません".to_owned(),
                    io::ErrorKind::PermissionDenied => "読む権限がありません".to_owned(),
                    io::ErrorKind::InvalidData => "UTF-8 のテキストではありません".to_owned(),
                    _ => format!("読めません: {error}"),
                },
            },
            ReadError::NotAFile => match lang {
                En => "not a regular file (a pipe or a device is not read)".to_owned(),
                Ja => "通常のファイルではありません（パイプやデバイスは読みません）".to_owned(),
            },
            ReadError::TooLarge { limit } => match lang {
                En => format!("larger than {}; not read", size(*limit)),
                Ja => format!("{} を超えるため読みません", size(*limit)),
            },
        }
    }
}

/// `256 MB`, `64 KB`.
fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{} KB", bytes >> 10)
    }
}

impl Say for ConfigProblem {
    fn say(&self, lang: Lang) -> String {
        let problem = match self {
            ConfigProblem::Broken { path, error } => {
                format!(
                    "{}:{}: {}",
                    path.display(),
                    error.at,
                    error.reason.say(lang)
                )
            }
            ConfigProblem::Unreadable { path, error } => {
                format!("{}: {}", path.display(), error.say(lang))
            }
        };
        match lang {
            Lang::En => format!("{problem} (using the default settings)"),
            Lang::Ja => format!("{problem}（既定の設定を使います）"),
        }
    }
}

impl Say for Bound {
    fn say(&self, lang: Lang) -> String {
        use Lang::{En, Ja};
        match self {
            Bound::TooManyBackups { count } => match lang {
                En => format!(
                    "backups: {count} is too many, a save keeps 0 to {MAX_BACKUPS} earlier versions"
                ),
                Ja => format!(
                    "backups: {count} は多すぎます。保存で残す以前の版は 0〜{MAX_BACKUPS} です"
                ),
            },
            Bound::PathTooLong => match lang {
                En => format!("plans: a path of at most {MAX_PATH} bytes"),
                Ja => format!("plans: パスは {MAX_PATH} バイトまでです"),
            },
            Bound::TooManyRecolourings => match lang {
                En => format!("palette: more than {MAX_PALETTE} recolourings"),
                Ja => format!("palette: 色の置き換えは {MAX_PALETTE} 件までです"),
            },
            Bound::TooManyKeys => match lang {
                En => format!("keys: more than {MAX_KEYS} extra keys"),
                Ja => format!("keys: 追加のキーは {MAX_KEYS} 件までです"),
            },
            Bound::KeyTextTooLong { chars } => match lang {
                En => format!(
                    "keys: {chars} characters in a context, key or action, at most {MAX_KEY_TEXT} are taken"
                ),
                Ja => format!(
                    "keys: context・key・action が {chars} 文字あります。{MAX_KEY_TEXT} 文字までです"
                ),
            },
            Bound::TooManyGrades => match lang {
                En => format!("evaluation_scale: more than {MAX_GRADES} grades"),
                Ja => format!("evaluation_scale: 評価は {MAX_GRADES} 段階までです"),
            },
            Bound::GradeNameTooLong { chars } => match lang {
                En => format!(
                    "evaluation_scale: a grade's name of {chars} characters, at most {MAX_GRADE_NAME} are taken"
                ),
                Ja => format!(
                    "evaluation_scale: 評価の名前が {chars} 文字あります。{MAX_GRADE_NAME} 文字までです"
                ),
            },
            Bound::MarkerTooLong { chars } => match lang {
                En => format!(
                    "evaluation_scale: a grade's marker of {chars} characters, at most {MAX_MARKER} are taken"
                ),
                Ja => format!(
                    "evaluation_scale: 評価の記号が {chars} 文字あります。{MAX_MARKER} 文字までです"
                ),
            },
        }
    }
}
