//! What the subcommands say: their output lines and their errors (the
//! problems `import` finds in a table are in `import`). Reasons that come from elsewhere (the
//! operating system, the CSV and workbook readers) are quoted as they are.

use super::{Lang, Say};
use crate::commands::check::{Diagnostic, Finding};
use crate::commands::{CommandError, Said};
use crate::model::money::group_thousands;

impl Say for Said {
    fn say(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            Said::SettingsAt { path: Some(path) } => path.display().to_string(),
            Said::SettingsAt { path: None } if ja => {
                "（この環境には設定フォルダがありません）".to_owned()
            }
            Said::SettingsAt { path: None } => "(no config folder on this system)".to_owned(),
            Said::Checked { files, problems: 0 } if ja => {
                format!("{files} 件のファイルを検査しました: 問題はありません")
            }
            Said::Checked { files, problems } if ja => {
                format!("{files} 件のファイルを検査しました: 問題 {problems} 件")
            }
            Said::Checked { files, problems: 0 } => {
                format!("checked {files} file(s): no problems")
            }
            Said::Checked { files, problems } => {
                format!("checked {files} file(s): {problems} problem(s)")
            }
            Said::CommentDropped if ja => {
                "警告: actplan で保存するとこのコメントは消えます".to_owned()
            }
            Said::CommentDropped => {
                "warning: comment will be dropped when actplan saves this file".to_owned()
            }
            Said::NotCanonical { file } if ja => format!(
                "{}: 正規の形ではありません（`actplan fmt` で書き直せます）",
                file.display()
            ),
            Said::NotCanonical { file } => format!(
                "{}: not in canonical form (run `actplan fmt` to rewrite it)",
                file.display()
            ),
            Said::Formatted { file } if ja => format!("{}: 書き直しました", file.display()),
            Said::Formatted { file } => format!("{}: formatted", file.display()),
            Said::CommentsDropped { file, count } if ja => {
                format!("{}: 警告: コメント {count} 件が消えました", file.display())
            }
            Said::CommentsDropped { file, count } => {
                format!("{}: warning: {count} comment(s) dropped", file.display())
            }
            Said::PlansCounted { plans } if ja => format!("計画 {plans} 件"),
            Said::PlansCounted { plans } => format!("{plans} plan(s)"),
            Said::Exported {
                file,
                projects,
                plans,
            } if ja => format!(
                "{}: {plans} 件の計画から {projects} 件の事業を書き出しました",
                file.display()
            ),
            Said::Exported {
                file,
                projects,
                plans,
            } => format!(
                "{}: {projects} project(s) from {plans} plan(s) written",
                file.display()
            ),
            Said::NothingWritten if ja => "何も書き込んでいません".to_owned(),
            Said::NothingWritten => "nothing written".to_owned(),
            Said::Imported {
                plan,
                strategies,
                projects,
                table,
            } if ja => format!(
                "{}: {} から戦略 {strategies} 件、事業 {projects} 件を読み込みました",
                plan.display(),
                table.display()
            ),
            Said::Imported {
                plan,
                strategies,
                projects,
                table,
            } => format!(
                "{}: {strategies} strategies, {projects} projects from {}",
                plan.display(),
                table.display()
            ),
            Said::ImportRefused { table, problems } if ja => format!(
                "{}: 問題 {problems} 件。何も書き込んでいません",
                table.display()
            ),
            Said::ImportRefused { table, problems } => format!(
                "{}: {problems} problem(s); nothing written",
                table.display()
            ),
            Said::ColumnNotUsed {
                table,
                column,
                heading,
            } if ja => format!(
                "{}: {column} 列目の「{heading}」は使いません",
                table.display()
            ),
            Said::ColumnNotUsed {
                table,
                column,
                heading,
            } => format!(
                "{}: column {column} \"{heading}\" is not used",
                table.display()
            ),
        }
    }
}

impl Say for Diagnostic {
    fn say(&self, lang: Lang) -> String {
        let what = match &self.finding {
            Finding::Invalid(kind) => kind.say(lang),
            Finding::Comment => Said::CommentDropped.say(lang),
        };
        format!("{}:{}: {what}", self.file.display(), self.at)
    }
}

impl Say for CommandError {
    fn say(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            CommandError::NoFormat { output } if ja => format!(
                "actplan export: 書き出す形式を --format csv|xlsx|md で指定してください（`{}` からは分かりません）",
                output.display()
            ),
            CommandError::NoFormat { output } => format!(
                "actplan export: say which format to write with --format csv|xlsx|md (`{}` does not tell)",
                output.display()
            ),
            CommandError::EncodingNotCsv if ja => {
                "actplan export: --encoding は CSV にだけ使えます".to_owned()
            }
            CommandError::EncodingNotCsv => {
                "actplan export: --encoding applies to CSV only".to_owned()
            }
            CommandError::XlsxToStdout if ja => {
                "actplan export: XLSX は標準出力に書き出せません。-o でファイルを指定してください"
                    .to_owned()
            }
            CommandError::XlsxToStdout => {
                "actplan export: an XLSX workbook cannot go to standard output; name a file with -o"
                    .to_owned()
            }
            CommandError::CannotWriteStdout { reason } if ja => {
                format!("actplan export: 標準出力に書き出せません: {reason}")
            }
            CommandError::CannotWriteStdout { reason } => {
                format!("actplan export: cannot write to standard output: {reason}")
            }
            CommandError::NotShiftJis {
                file,
                project,
                column,
                characters,
            } if ja => format!(
                "{}: {project} / {column}: 「{characters}」は Shift_JIS で書けません",
                file.display()
            ),
            CommandError::NotShiftJis {
                file,
                project,
                column,
                characters,
            } => format!(
                "{}: {project} / {column}: \"{characters}\" cannot be written in Shift_JIS",
                file.display()
            ),
            CommandError::CellTooLong {
                file,
                project,
                column,
                chars,
            } if ja => format!(
                "{}: {project} / {column}: {} 文字あります。Excel のセルは 32,767 文字までです",
                file.display(),
                group_thousands(*chars as u64)
            ),
            CommandError::CellTooLong {
                file,
                project,
                column,
                chars,
            } => format!(
                "{}: {project} / {column}: {} characters; Excel allows 32,767 per cell",
                file.display(),
                group_thousands(*chars as u64)
            ),
            CommandError::NoProjectRows { file, kpis } if ja => format!(
                "{}: 事業が 1 つもありません。表は事業ごとに 1 行なので、KPI {kpis} 件が書き出されません。\
                 事業を加えるか、Markdown の報告書（-o 計画.md）として書き出してください",
                file.display()
            ),
            CommandError::NoProjectRows { file, kpis } => format!(
                "{}: the plan has no projects, and the table has one row per project, so its {kpis} \
                 KPI(s) would be left out; add a project, or export a Markdown report (-o plan.md)",
                file.display()
            ),
            CommandError::CannotWriteXlsx { reason } if ja => {
                format!("XLSX を書き出せません: {reason}")
            }
            CommandError::CannotWriteXlsx { reason } => format!("cannot write XLSX: {reason}"),
            CommandError::FiscalYear if ja => {
                "actplan import: --fiscal-year には 2023 のような西暦 4 桁の年を指定してください"
                    .to_owned()
            }
            CommandError::FiscalYear => {
                "actplan import: --fiscal-year takes a four-digit year such as 2023".to_owned()
            }
            CommandError::CannotRead { file, reason } if ja => {
                format!("{}: 読めません: {}", file.display(), reason.say(lang))
            }
            CommandError::CannotRead { file, reason } => {
                format!("{}: cannot read: {reason}", file.display())
            }
        }
    }
}
