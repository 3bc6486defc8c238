//! The interface's own fixed words: modes, marks of the status bar, the
//! prompt line's labels.

use crate::model::fields::Field;
use crate::words::{Lang, Say};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// The modes the status bar starts with.
    TreeMode,
    DetailMode,
    EditMode,
    HelpMode,
    AskMode,
    FindMode,
    ReadOnly,
    /// Plans other than the one shown with unsaved changes.
    OthersUnsaved {
        count: usize,
    },
    Searching,
    FilterText,
    FilterBudget,
}

impl Say for Label {
    fn say(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        let fixed = |en: &str, ja_text: &str| if ja { ja_text } else { en }.to_owned();
        match self {
            Label::TreeMode => fixed("TREE", "ツリー"),
            Label::DetailMode => fixed("DETAIL", "詳細"),
            Label::EditMode => fixed("EDIT", "編集"),
            Label::HelpMode => fixed("HELP", "ヘルプ"),
            Label::AskMode => fixed("ASK", "確認"),
            Label::FindMode => fixed("FIND", "検索"),
            Label::ReadOnly => fixed("READ-ONLY ", "閲覧専用 "),
            Label::OthersUnsaved { count } if ja => format!("（他 {count} 件未保存）"),
            Label::OthersUnsaved { count } => format!("(+{count} unsaved)"),
            Label::Searching => fixed("searching...", "検索中..."),
            Label::FilterText => fixed("filter text: ", "絞り込む語: "),
            Label::FilterBudget if ja => {
                format!("絞り込む{}（例 1000-5000）: ", Field::Budget.heading())
            }
            Label::FilterBudget => "filter budget (e.g. 1000-5000): ".to_owned(),
        }
    }
}
