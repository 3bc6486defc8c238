//! What the subcommands say: their output lines, their errors, and the
//! problems `import` finds in a table. Reasons that come from elsewhere (the
//! operating system, the CSV and workbook readers) are quoted as they are.

use super::{Lang, Say};
use crate::commands::check::{Diagnostic, Finding};
use crate::commands::import::archive::{MAX_PARTS, MAX_RATIO, Refused};
use crate::commands::import::{LIMIT, Problem, Trouble, Unreadable};
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

impl Say for Problem {
    fn say(&self, lang: Lang) -> String {
        let mut at = self.file.display().to_string();
        for part in [self.row.map(|r| r.to_string()), self.column.clone()]
            .into_iter()
            .flatten()
        {
            at = format!("{at}:{part}");
        }
        format!("{at}: {}", self.trouble.say(lang))
    }
}

impl Say for Trouble {
    fn say(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            Trouble::NoRows if ja => "ファイルに行がありません".to_owned(),
            Trouble::NoRows => "the file has no rows".to_owned(),
            Trouble::NoProjectRows if ja => "見出しの下に事業の行がありません".to_owned(),
            Trouble::NoProjectRows => "no project rows below the headings".to_owned(),
            Trouble::RepeatsColumn { column, first } if ja => {
                format!("{column} 列目は {first} 列目と同じ見出しです")
            }
            Trouble::RepeatsColumn { column, first } => {
                format!("column {column} repeats column {first}")
            }
            Trouble::MissingColumns { missing, headings } if ja => format!(
                "必要な列がありません: {}（見出し: {}）",
                missing.join("、"),
                headings.join("、")
            ),
            Trouble::MissingColumns { missing, headings } => format!(
                "missing required column(s): {} (headings: {})",
                missing.join(", "),
                headings.join(", ")
            ),
            Trouble::NoProjectName if ja => "事業名が空欄です".to_owned(),
            Trouble::NoProjectName => "project name is empty".to_owned(),
            Trouble::NotAnId { text } if ja => format!(
                "`{text}` は ID ではありません。export が書くとおり STRATEGY/KPI+KPI/MEASURE/PROJECT の形で、\
                 それぞれ英数字、`_`、`-` です"
            ),
            Trouble::NotAnId { text } => format!(
                "`{text}` is not an ID: STRATEGY/KPI+KPI/MEASURE/PROJECT ids as export writes them, \
                 each letters, digits, `_` and `-`"
            ),
            Trouble::NoStrategyAbove if ja => "空欄で、上の行にも戦略がありません".to_owned(),
            Trouble::NoStrategyAbove => "empty, and no row above names a strategy".to_owned(),
            Trouble::NoMeasureAbove if ja => {
                "空欄で、この戦略の上の行にも施策がありません".to_owned()
            }
            Trouble::NoMeasureAbove => {
                "empty, and no row above in this strategy names a measure".to_owned()
            }
            Trouble::KpiLabelWithSpaces { label } if ja => {
                format!("KPI の記号 `{label}` に空白、`,`、`、` は使えません")
            }
            Trouble::KpiLabelWithSpaces { label } => {
                format!("KPI label `{label}` cannot contain spaces, `,` or `、`")
            }
            Trouble::KpiStatedDifferently {
                label,
                first_row,
                statement,
            } if ja => {
                format!("KPI {label} は {first_row} 行目で別の文で書かれています: `{statement}`")
            }
            Trouble::KpiStatedDifferently {
                label,
                first_row,
                statement,
            } => format!("KPI {label} is stated differently in row {first_row}: `{statement}`"),
            Trouble::Budget(reason) => reason.say(lang),
            Trouble::Period(reason) => reason.say(lang),
            Trouble::ReversedPeriod { period } if ja => {
                format!("期間 `{period}` は終わりが始まりより前です")
            }
            Trouble::ReversedPeriod { period } => {
                format!("period `{period}` ends before it starts")
            }
            Trouble::NotAnEvaluation { text, names } if ja => format!(
                "`{text}` は評価ではありません。{} のどれかを書いてください",
                names.join(" / ")
            ),
            Trouble::NotAnEvaluation { text, names } => format!(
                "`{text}` is not an evaluation: write one of {}",
                names.join(" / ")
            ),
            Trouble::Unreadable(why) => why.say(lang),
        }
    }
}

impl Say for Unreadable {
    fn say(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            Unreadable::NeitherUtf8NorShiftJis if ja => {
                "UTF-8 でも Shift_JIS でもないファイルです。Excel で「CSV UTF-8」か「CSV」として保存し直してください"
                    .to_owned()
            }
            Unreadable::NeitherUtf8NorShiftJis => {
                "the file is neither UTF-8 nor Shift_JIS text; save it from Excel as \
                 \"CSV UTF-8\" or \"CSV\" and try again"
                    .to_owned()
            }
            Unreadable::Csv { row, reason } if ja => {
                format!("{row} 行目: CSV として読めません: {reason}")
            }
            Unreadable::Csv { row, reason } => format!("row {row}: cannot read CSV: {reason}"),
            Unreadable::Workbook { reason } if ja => format!("ブックを読めません: {reason}"),
            Unreadable::Workbook { reason } => format!("cannot read the workbook: {reason}"),
            Unreadable::NoSheet if ja => "ブックにシートがありません".to_owned(),
            Unreadable::NoSheet => "the workbook has no sheet".to_owned(),
            Unreadable::Sheet { reason } if ja => format!("最初のシートを読めません: {reason}"),
            Unreadable::Sheet { reason } => format!("cannot read the first sheet: {reason}"),
            Unreadable::Refused(refused) => refused.say(lang),
        }
    }
}

impl Say for Refused {
    fn say(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        let mb = LIMIT >> 20;
        match self {
            Refused::Zip(e) if ja => format!("ブックを読めません: {e}"),
            Refused::Zip(e) => format!("cannot read the workbook: {e}"),
            Refused::Part { part, reason } if ja => {
                format!("ブックの部品 {part} を読めません: {reason}")
            }
            Refused::Part { part, reason } => {
                format!("cannot read the workbook's part {part}: {reason}")
            }
            Refused::TooManyParts(n) if ja => format!(
                "ブックの部品が {n} 個あり、ブックとしては多すぎます（{MAX_PARTS} 個まで）。読みません"
            ),
            Refused::TooManyParts(n) => format!(
                "the workbook has {n} parts, more than a workbook has ({MAX_PARTS}); not read"
            ),
            Refused::TooLarge if ja => {
                format!("ブックを展開すると {mb} MB を超え、どの計画の表よりも大きいため読みません")
            }
            Refused::TooLarge => format!(
                "the workbook expands to more than {mb} MB, more than any plan's table; not read"
            ),
            Refused::Bomb { part } if ja => format!(
                "ブックの部品 {part} は元の大きさの {MAX_RATIO} 倍を超えて展開され、実際の表ではありえないため読みません"
            ),
            Refused::Bomb { part } => format!(
                "the workbook's part {part} expands more than {MAX_RATIO} times its size, \
                 as no real table does; not read"
            ),
        }
    }
}
