//! The problems `import` finds in a table, said with the file, row and
//! column. Reasons the CSV and workbook readers give are quoted as they are.

use super::{Lang, Say};
use crate::commands::import::archive::{MAX_PARTS, MAX_RATIO, Refused};
use crate::commands::import::{LIMIT, Problem, RulesTrouble, Trouble, Unreadable};
use crate::model::money::group_thousands;

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
            Trouble::Rules(trouble) => trouble.say(lang),
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
                "`{text}` は評価ではありません。{} のどれかを書くか、表の段階を見出しに \
                 `評価（計画以上 / 計画どおり / 遅れ）` のように書いてください",
                names.join(" / ")
            ),
            Trouble::NotAnEvaluation { text, names } => format!(
                "`{text}` is not an evaluation: write one of {}, or give the table's own grades \
                 in the heading, as in `評価（計画以上 / 計画どおり / 遅れ）`",
                names.join(" / ")
            ),
            Trouble::TotalMismatch { stated, sum } if ja => format!(
                "合計の行が {} としていますが、上の事業の予算額を足すと {} です",
                group_thousands(*stated),
                group_thousands(*sum)
            ),
            Trouble::TotalMismatch { stated, sum } => format!(
                "the total row states {}, but the projects above add up to {}",
                group_thousands(*stated),
                group_thousands(*sum)
            ),
            Trouble::NotAScale { text } if ja => format!(
                "見出しの括弧内 `{text}` を評価の段階として読めません。`計画以上 / 計画どおり / 遅れ` のように名前を `/` で区切るか、\
                 export が書くとおり `名前=記号:色`（色は Green, Cyan, Blue, Yellow, Red, Magenta, Gray。完了の段階には `:done`）で書いてください"
            ),
            Trouble::NotAScale { text } => format!(
                "`{text}` in the heading's brackets is not an evaluation scale: list grade names \
                 separated by `/` (`計画以上 / 計画どおり / 遅れ`), or write each as export does, \
                 `NAME=MARKER:COLOUR` (Green, Cyan, Blue, Yellow, Red, Magenta or Gray; `:done` for a finished grade)"
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

impl Say for RulesTrouble {
    fn say(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            RulesTrouble::NotARule { text } if ja => format!(
                "`{text}` は対応表の行ではありません（`こちらの見出し = 表の見出し`、`header 行番号`、`unit 単位`、`#` で始まる注記）"
            ),
            RulesTrouble::NotARule { text } => format!(
                "`{text}` is not a rule: `OUR HEADING = THE TABLE'S HEADING`, `header ROW`, `unit UNIT` or a `#` comment"
            ),
            RulesTrouble::NotOurColumn { heading } if ja => format!(
                "`{heading}` は actplan の列の見出しではありません（事業名、予算額、期間、見出し（分野） など）"
            ),
            RulesTrouble::NotOurColumn { heading } => format!(
                "`{heading}` is not one of actplan's column headings (事業名, 予算額, 期間, 見出し（分野）, …)"
            ),
            RulesTrouble::NotARow { text } if ja => {
                format!("`{text}` は行番号ではありません（1 以上の数）")
            }
            RulesTrouble::NotARow { text } => {
                format!("`{text}` is not a row number (1 or more)")
            }
            RulesTrouble::NotInTable { heading } if ja => {
                format!("表の見出しに `{heading}` がありません")
            }
            RulesTrouble::NotInTable { heading } => {
                format!("the table has no heading `{heading}`")
            }
        }
    }
}
