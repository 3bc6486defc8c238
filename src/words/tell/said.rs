//! The line under the status bar: what a key did, or why it did nothing.

use std::path::PathBuf;

use crate::model::fields::{Field, FieldError, Kind};
use crate::model::find::RangeError;
use crate::store::{LoadError, SaveError};
use crate::words::{Lang, Say};

/// What the app says after a key.
#[derive(Debug)]
pub enum Said {
    /// Matches of the search are being counted in the background.
    Counting {
        query: String,
    },
    Matches {
        count: usize,
        query: String,
    },
    NoSearch,
    Searching,
    NoMatch,
    /// A value the field does not take; the editor stays open.
    Refused {
        field: Field,
        error: FieldError,
    },
    Updated {
        what: Change,
    },
    NotAdded,
    EditDiscarded,
    /// The filter (as the model describes it) shows this many projects.
    Showing {
        projects: usize,
        filter: String,
    },
    ShowingEverything,
    /// A budget range for the filter that could not be read.
    BadBudgetRange(RangeError),
    ReadOnly,
    DatesGregorian,
    DatesAsWritten,
    PasteIgnored,
    CannotWriteRecovery(SaveError),
    RecoveredDiscarded,
    /// Recovered edits put back; `unapplied` is the text an editor held
    /// that its field did not take.
    Restored {
        count: usize,
        unapplied: Option<String>,
    },
    NotRestored,
    RestoredWithCopy {
        copy: PathBuf,
    },
    NotSaved,
    NotSavedEditsKept,
    NoUnsavedChanges,
    Saved {
        files: Vec<SavedFile>,
    },
    SavedWithCopy {
        file: PathBuf,
        copy: PathBuf,
    },
    CannotSave(SaveError),
    CannotReadBeforeSave(LoadError),
    /// Someone else's save cannot be read: nothing was saved.
    ChangedAndUnreadable(LoadError),
    /// The copy for the values not chosen could not be written.
    CannotWriteCopy(SaveError),
    ChooseProjectForEntry,
    NothingToAdd,
    WholePlanNotDeleted,
    NotDeleted,
    NothingToDelete,
    Deleted,
    ChooseWhatToMove,
    ChooseMeasureToLink,
    NowhereToMove,
    CannotDoThat,
    Moved,
    NothingToUndo,
    NothingToRedo,
    Undone {
        what: Change,
    },
    Redone {
        what: Change,
    },
    /// A merge changed the same values again since the step.
    CannotUndo {
        what: Change,
    },
    CannotRedo {
        what: Change,
    },
    Reloaded {
        files: Vec<PathBuf>,
    },
    ReloadFailed(LoadError),
}

/// A plan saved, and whether others' changes were merged into it first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedFile {
    pub path: PathBuf,
    pub merged: bool,
    /// Fields the file holds since this save that earlier versions of
    /// actplan cannot read (`model::format`).
    pub newer: Vec<Field>,
}

/// What an undoable step did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Add,
    Delete,
    Reorder,
    Move,
    Link,
    /// A field edited, on a node of this kind; named by its heading from
    /// the source table, as in the detail pane.
    Edit {
        field: Field,
        kind: Kind,
    },
}

impl Say for Change {
    fn say(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        let word = match self {
            Change::Add if ja => "追加",
            Change::Add => "add",
            Change::Delete if ja => "削除",
            Change::Delete => "delete",
            Change::Reorder if ja => "並べ替え",
            Change::Reorder => "reorder",
            Change::Move if ja => "移動",
            Change::Move => "move",
            Change::Link if ja => "関連付け",
            Change::Link => "link",
            Change::Edit { field, kind } => field.headings_on(*kind).ja,
        };
        word.to_owned()
    }
}

/// `en` or `ja`, owned.
fn pick(lang: Lang, en: &str, ja: &str) -> String {
    match lang {
        Lang::En => en.to_owned(),
        Lang::Ja => ja.to_owned(),
    }
}

fn paths(files: &[PathBuf]) -> String {
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    names.join(", ")
}

impl Say for Said {
    fn say(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            Said::Counting { query } if ja => {
                format!("「{query}」の一致数を数えています（n 次、N 前）")
            }
            Said::Counting { query } => {
                format!("counting matches for \"{query}\" (n next, N previous)")
            }
            Said::Matches { count, query } if ja => {
                format!("「{query}」に {count} 件一致（n 次、N 前）")
            }
            Said::Matches { count, query } => {
                format!("{count} match(es) for \"{query}\" (n next, N previous)")
            }
            Said::NoSearch => pick(
                lang,
                "no search: press / to search",
                "検索語がありません（/ で検索）",
            ),
            Said::Searching => pick(lang, "searching...", "検索中..."),
            Said::NoMatch => pick(lang, "no match", "一致するものはありません"),
            Said::Refused { field, error } => {
                format!("{}: {}", field.heading(), error.say(lang))
            }
            Said::Updated { what } if ja => format!("{} を更新しました（未保存）", what.say(lang)),
            Said::Updated { what } => format!("{} updated (not saved yet)", what.say(lang)),
            Said::NotAdded => pick(lang, "not added", "追加しませんでした"),
            Said::EditDiscarded => pick(lang, "edit discarded", "編集を取り消しました"),
            Said::Showing { projects, filter } if ja => format!("{projects}件を表示（{filter}）"),
            Said::Showing { projects, filter } => format!("showing {projects}件 ({filter})"),
            Said::ShowingEverything => pick(lang, "showing everything", "すべて表示しています"),
            Said::BadBudgetRange(e) => e.say(lang),
            Said::ReadOnly => pick(
                lang,
                "read-only: opened with --read-only, nothing can be changed or saved",
                "閲覧専用です（--read-only）。変更も保存もできません",
            ),
            Said::DatesGregorian => pick(lang, "dates in Gregorian", "日付を西暦で表示"),
            Said::DatesAsWritten => pick(lang, "dates as written", "日付を記載どおりに表示"),
            Said::PasteIgnored => pick(
                lang,
                "paste ignored: paste works in the editor (open a field with e or Enter)",
                "貼り付けは無視しました。貼り付けは編集欄で使えます（e か Enter で項目を開く）",
            ),
            Said::CannotWriteRecovery(e) if ja => {
                format!("復元用ファイルを書けません: {}", e.say(lang))
            }
            Said::CannotWriteRecovery(e) => {
                format!("cannot write the recovery file: {}", e.say(lang))
            }
            Said::RecoveredDiscarded => pick(
                lang,
                "recovered edits discarded",
                "復元用の編集を破棄しました",
            ),
            Said::Restored { count, unapplied } => restored(lang, *count, unapplied.as_deref()),
            Said::NotRestored => pick(
                lang,
                "not restored; the recovered edits stay for the next start",
                "復元しませんでした（次回の起動時にまた確認します）",
            ),
            Said::RestoredWithCopy { copy } if ja => format!(
                "復元しました（保存すると確定）。採らなかった値は {} にあります",
                copy.display()
            ),
            Said::RestoredWithCopy { copy } => format!(
                "restored; save to keep it. The values not chosen are in {}",
                copy.display()
            ),
            Said::NotSaved => pick(lang, "not saved", "保存しませんでした"),
            Said::NotSavedEditsKept => pick(
                lang,
                "not saved; your edits are kept",
                "保存していません（編集は残っています）",
            ),
            Said::NoUnsavedChanges => pick(lang, "no unsaved changes", "未保存の変更はありません"),
            Said::Saved { files } => saved(lang, files),
            Said::SavedWithCopy { file, copy } if ja => format!(
                "{} を保存しました。採らなかった値は {} にあります",
                file.display(),
                copy.display()
            ),
            Said::SavedWithCopy { file, copy } => format!(
                "saved {}; the values not chosen are in {}",
                file.display(),
                copy.display()
            ),
            Said::CannotSave(e) => e.say(lang),
            Said::CannotReadBeforeSave(e) => e.say(lang),
            Said::ChangedAndUnreadable(e) if ja => format!(
                "{}（他で変更されていて読めません。保存していません。編集は残っています）",
                e.say(lang)
            ),
            Said::ChangedAndUnreadable(e) => format!(
                "{} (changed on disk and unreadable; not saved, your edits are kept)",
                e.say(lang)
            ),
            Said::CannotWriteCopy(e) if ja => {
                format!("{}。何も変えていません（編集は残っています）", e.say(lang))
            }
            Said::CannotWriteCopy(e) => {
                format!("{}; nothing changed, your edits are kept", e.say(lang))
            }
            Said::ChooseProjectForEntry => pick(
                lang,
                "choose a project to add a progress entry to",
                "進捗を追加する事業を選んでください",
            ),
            Said::NothingToAdd => pick(lang, "nothing can be added here", "ここには追加できません"),
            Said::WholePlanNotDeleted => pick(
                lang,
                "a whole plan is not deleted from here",
                "計画全体はここからは削除できません",
            ),
            Said::NotDeleted => pick(lang, "not deleted", "削除しませんでした"),
            Said::NothingToDelete => pick(lang, "nothing to delete", "削除するものがありません"),
            Said::Deleted => pick(
                lang,
                "deleted (u to undo)",
                "削除しました（u で元に戻せます）",
            ),
            Said::ChooseWhatToMove => pick(
                lang,
                "choose a project or a measure to move",
                "移動する事業か施策を選んでください",
            ),
            Said::ChooseMeasureToLink => pick(
                lang,
                "choose a measure to link to KPIs",
                "KPI と関連付ける施策を選んでください",
            ),
            Said::NowhereToMove => pick(
                lang,
                "there is nowhere else to move it",
                "移動先がありません",
            ),
            Said::CannotDoThat => pick(lang, "that cannot be done", "その操作はできません"),
            Said::Moved => pick(
                lang,
                "moved (u to undo)",
                "移動しました（u で元に戻せます）",
            ),
            Said::NothingToUndo => pick(lang, "nothing to undo", "元に戻す操作はありません"),
            Said::NothingToRedo => pick(lang, "nothing to redo", "やり直す操作はありません"),
            Said::Undone { what } if ja => format!("元に戻しました: {}", what.say(lang)),
            Said::Undone { what } => format!("undone: {}", what.say(lang)),
            Said::Redone { what } if ja => format!("やり直しました: {}", what.say(lang)),
            Said::Redone { what } => format!("redone: {}", what.say(lang)),
            Said::CannotUndo { what } if ja => format!(
                "{} は元に戻せません（統合で再び変更されています）",
                what.say(lang)
            ),
            Said::CannotUndo { what } => format!(
                "cannot undo {}: it was changed again since (by a merge)",
                what.say(lang)
            ),
            Said::CannotRedo { what } if ja => format!(
                "{} はやり直せません（統合で再び変更されています）",
                what.say(lang)
            ),
            Said::CannotRedo { what } => format!(
                "cannot redo {}: it was changed again since (by a merge)",
                what.say(lang)
            ),
            Said::Reloaded { files } if ja => {
                format!("{} を読み込み直しました（他で変更）", paths(files))
            }
            Said::Reloaded { files } => format!("reloaded {} (changed on disk)", paths(files)),
            Said::ReloadFailed(e) if ja => format!(
                "{}（他で変更されました。前に読み込んだ版を表示しています）",
                e.say(lang)
            ),
            Said::ReloadFailed(e) => format!(
                "{} (changed on disk; still showing the version loaded before)",
                e.say(lang)
            ),
        }
    }
}

fn restored(lang: Lang, count: usize, unapplied: Option<&str>) -> String {
    match (lang, unapplied) {
        (Lang::Ja, Some(text)) => format!(
            "{count} 件の変更を復元しました（保存すると確定）。反映できなかった入力: {text}"
        ),
        (Lang::Ja, None) => format!("{count} 件の変更を復元しました（保存すると確定）"),
        (Lang::En, Some(text)) => {
            format!("restored {count} change(s); save to keep them; not applied: {text}")
        }
        (Lang::En, None) => format!("restored {count} change(s); save to keep them"),
    }
}

fn saved(lang: Lang, files: &[SavedFile]) -> String {
    let names: Vec<String> = files
        .iter()
        .map(|file| {
            let name = file.path.display();
            let name = match (lang, file.merged) {
                (_, false) => name.to_string(),
                (Lang::Ja, true) => format!("{name}（他の人の変更と統合）"),
                (Lang::En, true) => format!("{name} (merged with changes saved by someone else)"),
            };
            if file.newer.is_empty() {
                return name;
            }
            let fields: Vec<&str> = (file.newer.iter())
                .map(|f| match lang {
                    Lang::Ja => f.headings().ja,
                    Lang::En => f.headings().en,
                })
                .collect();
            match lang {
                Lang::Ja => format!(
                    "{name}（以前の版の actplan では読めない項目が加わりました: {}）",
                    fields.join("、")
                ),
                Lang::En => format!(
                    "{name} (it now holds what earlier versions of actplan cannot read: {})",
                    fields.join(", ")
                ),
            }
        })
        .collect();
    match lang {
        Lang::Ja => format!("{} を保存しました", names.join("、")),
        Lang::En => format!("saved {}", names.join(", ")),
    }
}
