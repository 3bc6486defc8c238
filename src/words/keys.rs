//! The keys' words: the titles of the contexts, what each key does (the
//! help screen) and the word or two the hint line shows for it.

use super::{Lang, Say};
use crate::keymap::{Context, Doing, Hint, KeyError, OverrideError};

impl Say for Context {
    fn say(&self, lang: Lang) -> String {
        let (ja, en) = match self {
            Context::Tree => ("ツリー", "Tree"),
            Context::Detail => ("詳細欄", "Detail pane"),
            Context::Editor => ("編集", "Editor"),
            Context::LineEditor => ("1行の編集", "One-line editor"),
            Context::Help => ("ヘルプ", "Help"),
            Context::QuitDialog => ("未保存のまま終了", "Quit with unsaved changes"),
            Context::CommentDialog => ("保存するとコメントが消えます", "Save would drop comments"),
            Context::ConflictDialog => ("他の人の変更と衝突", "Conflicting changes on disk"),
            Context::RecoveryDialog => ("復元できる未保存の編集", "Recovered unsaved edits"),
            Context::DeleteDialog => ("削除", "Delete"),
            Context::Picker => ("一覧から選択", "Choosing from a list"),
            Context::FilterMenu => ("絞り込み", "Filters"),
            Context::Prompt => ("検索・絞り込みの入力", "Search or filter line"),
        };
        pick(lang, ja, en)
    }
}

impl Say for Hint {
    fn say(&self, lang: Lang) -> String {
        let (ja, en) = match self {
            Hint::Move => ("移動", "move"),
            Hint::Progress => ("進捗", "progress"),
            Hint::Save => ("保存", "save"),
            Hint::Detail => ("詳細", "detail"),
            Hint::Undo => ("元に戻す", "undo"),
            Hint::Search => ("検索", "search"),
            Hint::Filter => ("絞込", "filter"),
            Hint::Field => ("項目", "field"),
            Hint::Edit => ("編集", "edit"),
            Hint::Tree => ("ツリー", "tree"),
            Hint::Help => ("ヘルプ", "help"),
            Hint::Quit => ("終了", "quit"),
            Hint::Apply => ("反映", "apply"),
            Hint::Discard => ("破棄", "discard"),
            Hint::Scroll => ("スクロール", "scroll"),
            Hint::Close => ("閉じる", "close"),
            Hint::SaveAndQuit => ("保存して終了", "save and quit"),
            Hint::DiscardAndQuit => ("破棄して終了", "discard and quit"),
            Hint::Cancel => ("取消", "cancel"),
            Hint::SaveAnyway => ("それでも保存", "save anyway"),
            Hint::KeepYours => ("自分の値", "keep yours"),
            Hint::TakeTheirs => ("相手の値", "take theirs"),
            Hint::Restore => ("復元", "restore"),
            Hint::Later => ("後で", "later"),
            Hint::Delete => ("削除", "delete"),
            Hint::Keep => ("残す", "keep"),
            Hint::Choose => ("選択", "choose"),
            Hint::Evaluation => ("評価", "evaluation"),
            Hint::Overdue => ("期限超過", "overdue"),
            Hint::Text => ("文字列", "text"),
            Hint::Budget => ("予算", "budget"),
            Hint::Clear => ("解除", "clear"),
            Hint::Done => ("決定", "done"),
            Hint::Department => ("担当課", "department"),
        };
        pick(lang, ja, en)
    }
}

impl Say for Doing {
    fn say(&self, lang: Lang) -> String {
        let (ja, en) = match self {
            Doing::NextRow => ("次の行", "next row"),
            Doing::PreviousRow => ("前の行", "previous row"),
            Doing::ExpandOrFirstChild => ("開く／最初の子へ", "expand, or go to the first child"),
            Doing::CollapseOrParent => ("閉じる／親へ", "collapse, or go to the parent"),
            Doing::ExpandOrCollapse => ("開閉", "expand or collapse"),
            Doing::FirstRow => ("先頭の行", "first row"),
            Doing::LastRow => ("最後の行", "last row"),
            Doing::ScreenDown => ("1画面下へ", "one screen down"),
            Doing::ScreenUp => ("1画面上へ", "one screen up"),
            Doing::EditProgress => ("事業の進捗を編集", "edit the project's progress entries"),
            Doing::Save => ("保存", "save"),
            Doing::FocusDetail => ("詳細欄へ", "focus the detail pane"),
            Doing::AddEntry => (
                "今月の日付で進捗を追加",
                "add a progress entry dated this month",
            ),
            Doing::AddSibling => ("後ろに追加", "add a node after this one"),
            Doing::AddChild => ("中に追加", "add a node inside this one"),
            Doing::Rename => ("名前を変更", "rename"),
            Doing::Delete => ("削除（確認あり）", "delete (asks first)"),
            Doing::MoveUp => ("上へ移動", "move up among its siblings"),
            Doing::MoveDown => ("下へ移動", "move down among its siblings"),
            Doing::MoveTo => (
                "別の施策・戦略へ移動",
                "move to another measure or strategy",
            ),
            Doing::Link => ("施策と KPI の関連付け", "link or unlink a measure and KPIs"),
            Doing::Undo => ("元に戻す", "undo"),
            Doing::Redo => ("やり直し", "redo"),
            Doing::Search => ("検索", "search as you type"),
            Doing::NextMatch => ("次の一致", "next match"),
            Doing::PreviousMatch => ("前の一致", "previous match"),
            Doing::Filters => ("絞り込み", "filters"),
            Doing::ToggleDates => (
                "日付の表示（記載どおり／西暦）",
                "dates as written / Gregorian",
            ),
            Doing::PaneDetail => ("右欄: 詳細", "right pane: detail"),
            Doing::PaneBudget => ("右欄: 予算グラフ", "right pane: budget bars"),
            Doing::PaneTimeline => ("右欄: 期間", "right pane: timeline"),
            Doing::PaneKpis => ("右欄: KPI 達成度", "right pane: KPI gauges"),
            Doing::PaneGrades => ("右欄: 評価の集計", "right pane: counts of grades"),
            Doing::PaneNone => (
                "右欄なし: ツリーを全幅で表示",
                "no right pane: the tree across the screen",
            ),
            Doing::BudgetGrouping => (
                "予算グラフを戦略／KPI／施策別に",
                "budget bars by strategy / KPI / measure",
            ),
            Doing::NextField => ("次の項目", "next field"),
            Doing::PreviousField => ("前の項目", "previous field"),
            Doing::EditField => ("項目を編集", "edit the field"),
            Doing::ScrollDown => ("下へスクロール", "scroll down"),
            Doing::ScrollUp => ("上へスクロール", "scroll up"),
            Doing::FocusTree => ("ツリーへ", "focus the tree"),
            Doing::ShowKeys => ("キー一覧", "show the keys"),
            Doing::Quit => ("終了", "quit"),
            Doing::ApplyText => ("計画に反映", "put the text into the plan"),
            Doing::DiscardEdit => ("編集を取り消す", "discard the edit"),
            Doing::ApplyAndSave => ("反映して保存", "apply the text and save"),
            Doing::CloseHelp => ("ヘルプを閉じる", "close the help"),
            Doing::SaveThenQuit => ("保存して終了", "save, then quit"),
            Doing::QuitWithoutSaving => ("保存せずに終了", "quit without saving"),
            Doing::KeepWorking => ("続ける", "keep working"),
            Doing::SaveDroppingComments => ("コメントを消して保存", "save, dropping the comments"),
            Doing::DoNotSave => ("保存しない", "do not save"),
            Doing::KeepMine => ("自分の値を残す", "keep the value typed here"),
            Doing::TakeTheirs => ("他の人の値を採る", "take the value saved by someone else"),
            Doing::KeepEditsUnsaved => (
                "保存（復元）しない。編集は残す",
                "do not save (or restore); keep your edits",
            ),
            Doing::RestoreEdits => ("編集を復元する", "put the recovered edits back"),
            Doing::ThrowAwayEdits => ("編集を破棄する", "throw the recovered edits away"),
            Doing::DecideLater => ("次回の起動時に決める", "decide at the next start"),
            Doing::DeleteIt => ("削除する", "delete it"),
            Doing::KeepIt => ("残す", "keep it"),
            Doing::NextItem => ("次", "next item"),
            Doing::PreviousItem => ("前", "previous item"),
            Doing::ChooseItem => ("選ぶ", "choose this item"),
            Doing::CloseList => ("閉じる", "close the list"),
            Doing::ByEvaluation => ("評価で（次の段階）", "by evaluation (next grade)"),
            Doing::OnlyOverdue => ("期限超過のみ", "only overdue projects"),
            Doing::ByText => ("文字列で", "by text"),
            Doing::ByBudget => (
                "予算の範囲で（例 1000-5000）",
                "by budget range, e.g. 1000-5000",
            ),
            Doing::ClearFilters => ("すべて解除", "remove every filter"),
            Doing::ByDepartment => ("担当課で（次の課）", "by department (the next one)"),
            Doing::ToggleDepartments => ("担当課の列を表示／隠す", "show or hide the departments"),
            Doing::CloseFilters => ("閉じる", "close the filters"),
            Doing::Cancel => ("取消", "cancel"),
        };
        pick(lang, ja, en)
    }
}

fn pick(lang: Lang, ja: &str, en: &str) -> String {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
    .to_owned()
}

impl Say for OverrideError {
    fn say(&self, lang: Lang) -> String {
        let OverrideError {
            key,
            context,
            reason,
        } = self;
        let reason = reason.say(lang);
        match lang {
            Lang::Ja => format!("設定: キー `{key}`（{context}）: {reason}"),
            Lang::En => format!("settings: key `{key}` in {context}: {reason}"),
        }
    }
}

impl Say for KeyError {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (KeyError::NoContext { context }, Lang::Ja) => {
                format!("`{context}` という場面はありません")
            }
            (KeyError::NoContext { context }, Lang::En) => format!("no context `{context}`"),
            (KeyError::NoAction { action }, Lang::Ja) => {
                format!("`{action}` という操作はありません")
            }
            (KeyError::NoAction { action }, Lang::En) => format!("no action `{action}`"),
            (KeyError::NotAKey { key }, Lang::Ja) => {
                format!("`{key}` はキーではありません。x、Ctrl-D、F5、PgDn のように書いてください")
            }
            (KeyError::NotAKey { key }, Lang::En) => {
                format!("`{key}` is not a key: write e.g. x, Ctrl-D, F5, PgDn")
            }
        }
    }
}
