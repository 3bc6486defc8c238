//! The words of what is drawn over the screen: the questions (quit,
//! comments, recovered edits, delete, conflicts), the filter menu, the
//! lists to choose from and the help. Plan content is quoted as it is.

use std::path::PathBuf;

use crate::words::{Lang, Say};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    /// Heads the plans with unsaved changes, when quitting.
    UnsavedIn,
    /// Heads the plans whose comments a save drops.
    DropsComments,
    FileComments {
        path: PathBuf,
        count: usize,
    },
    EditsKept {
        path: PathBuf,
    },
    /// When and by whom the recovered edits were written.
    WhenStopped {
        written: String,
        user: String,
    },
    /// Text an editor held that its field did not take.
    NotApplied {
        text: String,
    },
    /// `kind` is the node's kind as the tree names it.
    Delete {
        kind: String,
        label: String,
        name: String,
    },
    EverythingUnder,
    /// The filters as the model describes them; `None` when none is set.
    FiltersNow {
        filter: Option<String>,
    },
    /// Lines of a question cut for want of room.
    AndMore {
        count: usize,
    },
    Yours,
    Theirs,
    CopyKept,
    ConflictTitle {
        number: usize,
        of: usize,
        path: PathBuf,
    },
    MoveProjectTo,
    MoveMeasureTo,
    KpisServed,
    PickerKeys,
    HelpTitle,
}

impl Say for Asked {
    fn say(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        let fixed = |en: &str, ja_text: &str| if ja { ja_text } else { en }.to_owned();
        match self {
            Asked::UnsavedIn => fixed("Unsaved changes in:", "未保存の変更があります:"),
            Asked::DropsComments => fixed(
                "Saving rewrites these files without their comments:",
                "保存すると、次のファイルのコメントは消えます:",
            ),
            Asked::FileComments { path, count } if ja => {
                format!("  {}（コメント {count} 件）", path.display())
            }
            Asked::FileComments { path, count } => {
                format!("  {} ({count} comment(s))", path.display())
            }
            Asked::EditsKept { path } if ja => {
                format!("{} の未保存の編集が残っています", path.display())
            }
            Asked::EditsKept { path } => format!("Unsaved edits to {} were kept", path.display()),
            Asked::WhenStopped { written, user } if ja => {
                format!("actplan の終了時（{written}、{user}）:")
            }
            Asked::WhenStopped { written, user } => {
                format!("when actplan stopped ({written}, {user}):")
            }
            Asked::NotApplied { text } if ja => {
                format!("反映できなかった入力（読めません）: {text}")
            }
            Asked::NotApplied { text } => format!("not applied (could not be read): {text}"),
            Asked::Delete { kind, label, name } if ja => format!("{kind} {label}{name} を削除"),
            Asked::Delete { kind, label, name } => format!("Delete {kind} {label}{name}"),
            Asked::EverythingUnder => fixed(
                "and everything under it? (u undoes it)",
                "とその配下をすべて削除しますか（u で元に戻せます）",
            ),
            Asked::FiltersNow { filter } => {
                let filter = match (filter, ja) {
                    (Some(filter), _) => filter.clone(),
                    (None, true) => "なし".to_owned(),
                    (None, false) => "none".to_owned(),
                };
                if ja {
                    format!("現在の絞り込み: {filter}")
                } else {
                    format!("Filters now: {filter}")
                }
            }
            Asked::AndMore { count } if ja => format!("  ...ほか {count} 件"),
            Asked::AndMore { count } => format!("  ... and {count} more"),
            Asked::Yours => fixed("Yours:", "自分の値:"),
            Asked::Theirs => fixed("Saved by someone else:", "他の人が保存した値:"),
            Asked::CopyKept => fixed(
                "The value you do not take is kept in a conflict copy beside the plan.",
                "採らなかった値は、計画の隣の衝突コピーに残ります。",
            ),
            Asked::ConflictTitle { number, of, path } if ja => {
                format!(" 衝突 {number}/{of}（{}） ", path.display())
            }
            Asked::ConflictTitle { number, of, path } => {
                format!(" Conflict {number} of {of} in {} ", path.display())
            }
            Asked::MoveProjectTo => fixed("Move the project to", "事業の移動先"),
            Asked::MoveMeasureTo => fixed("Move the measure to", "施策の移動先"),
            Asked::KpisServed => fixed(
                "KPIs this measure serves (Enter: link or unlink)",
                "この施策が対応する KPI（Enter で切替）",
            ),
            Asked::PickerKeys => fixed(
                " j/k move  Enter choose  Esc close",
                " j/k 移動  Enter 選択  Esc 閉じる",
            ),
            Asked::HelpTitle => fixed(
                " Keys (j/k scroll, Esc close) ",
                " キー一覧（j/k スクロール、Esc 閉じる） ",
            ),
        }
    }
}
