//! What the model says: why typed text (a date, a period, a budget, a
//! field's value) was not taken.

use super::{Lang, Say, english_display};
use crate::model::dates::{DateError, MAX_ERA_YEAR, era_short, fiscal_year_label};
use crate::model::fields::{FieldError, TargetError};
use crate::model::find::RangeError;
use crate::model::money::{BudgetError, group_thousands};
use crate::model::period::{ACCEPTED, PeriodError, PeriodReason};
use crate::model::validate::ProblemKind;

english_display!(
    DateError,
    PeriodError,
    PeriodReason,
    BudgetError,
    RangeError,
    TargetError,
    FieldError,
    ProblemKind,
);

impl Say for DateError {
    fn say(&self, lang: Lang) -> String {
        use Lang::{En, Ja};
        match self {
            DateError::Empty => match lang {
                En => "it is empty".to_owned(),
                Ja => "空です".to_owned(),
            },
            DateError::NotADate { text } => match lang {
                En => format!("`{text}` is not a date"),
                Ja => format!("`{text}` は日付ではありません"),
            },
            DateError::NotAYear { text } => match lang {
                En => format!("`{text}` is not a year"),
                Ja => format!("`{text}` は年ではありません"),
            },
            DateError::NotAMonth { text } => match lang {
                En => format!("`{text}` is not a month"),
                Ja => format!("`{text}` は月ではありません"),
            },
            DateError::EraYearOutOfRange { year } => match lang {
                En => format!("era year {year} is not between 1 and {MAX_ERA_YEAR}"),
                Ja => format!("和暦の {year} 年は 1〜{MAX_ERA_YEAR} 年の範囲外です"),
            },
            DateError::OutsideEra {
                written,
                era,
                month,
            } => {
                let (first, last) = era.months();
                let (first, last) = (era_short(first), last.map(era_short));
                let instead = era_short(*month);
                let era = era.kanji();
                match (lang, last) {
                    (En, Some(last)) => {
                        format!("{written} is outside {era} ({first} to {last}); write {instead}")
                    }
                    (En, None) => {
                        format!("{written} is outside {era} (from {first}); write {instead}")
                    }
                    (Ja, Some(last)) => {
                        format!(
                            "{written} は{era}（{first}〜{last}）の外です。{instead} と書いてください"
                        )
                    }
                    (Ja, None) => {
                        format!(
                            "{written} は{era}（{first} から）の外です。{instead} と書いてください"
                        )
                    }
                }
            }
            DateError::YearNotFourDigits { year } => match lang {
                En => format!("`{year}` is not a year; write it in four digits or as R5"),
                Ja => format!("`{year}` は年ではありません。4 桁か R5 のように書いてください"),
            },
            DateError::MonthOutOfRange { month } => match lang {
                En => format!("month {month} is not between 1 and 12"),
                Ja => format!("{month} 月は 1〜12 月の範囲外です"),
            },
        }
    }
}

impl Say for PeriodReason {
    fn say(&self, lang: Lang) -> String {
        use Lang::{En, Ja};
        match (self, lang) {
            (PeriodReason::Empty, En) => "it is empty".to_owned(),
            (PeriodReason::Empty, Ja) => "空です".to_owned(),
            (PeriodReason::NoEnds, En) => "a range needs a start or an end".to_owned(),
            (PeriodReason::NoEnds, Ja) => "範囲には始めか終わりが要ります".to_owned(),
            (PeriodReason::EndMonthWithoutStart, En) => {
                "an end month without a year needs a start".to_owned()
            }
            (PeriodReason::EndMonthWithoutStart, Ja) => {
                "年のない終わりの月には始めが要ります".to_owned()
            }
            (PeriodReason::Date(e), lang) => e.say(lang),
        }
    }
}

impl Say for PeriodError {
    fn say(&self, lang: Lang) -> String {
        let (text, reason) = (&self.text, self.reason.say(lang));
        match lang {
            Lang::En => format!("invalid period `{text}`: {reason} (accepted: {ACCEPTED})"),
            Lang::Ja => format!("期間 `{text}` を読めません: {reason}（書き方の例: {ACCEPTED}）"),
        }
    }
}

impl Say for BudgetError {
    fn say(&self, lang: Lang) -> String {
        use Lang::{En, Ja};
        match self {
            BudgetError::NotABudget { text } => match lang {
                En => {
                    format!("`{text}` is not a budget: write a whole number such as 4450 or 4,450")
                }
                Ja => format!(
                    "`{text}` は予算額ではありません。4450 や 4,450 のように整数で書いてください"
                ),
            },
            BudgetError::Fraction { text } => match lang {
                En => format!(
                    "`{text}` has decimals: amounts are whole numbers in the plan's unit; write the plan in a smaller unit (33.6億円 is 3360 in 百万円)"
                ),
                Ja => format!(
                    "`{text}` に小数があります。金額は計画の単位の整数で書きます。小さい単位で書いてください（33.6億円 は 百万円 で 3360）"
                ),
            },
            BudgetError::TooLarge { text } => match lang {
                En => format!("`{text}` is too large for a budget"),
                Ja => format!("`{text}` は予算額として大きすぎます"),
            },
        }
    }
}

impl Say for RangeError {
    fn say(&self, lang: Lang) -> String {
        use Lang::{En, Ja};
        match self {
            RangeError::NotARange { text } => match lang {
                En => format!("`{text}` is not a range: write e.g. 1000-5000, 1000- or -5000"),
                Ja => format!(
                    "`{text}` は範囲ではありません。1000-5000、1000-、-5000 のように書いてください"
                ),
            },
            RangeError::Budget(e) => e.say(lang),
            RangeError::Reversed { text } => match lang {
                En => format!("`{text}`: the range ends before it starts"),
                Ja => format!("`{text}`: 範囲の終わりが始めより前です"),
            },
        }
    }
}

impl Say for TargetError {
    fn say(&self, lang: Lang) -> String {
        let text = &self.text;
        match lang {
            Lang::En => {
                format!("`{text}` is not a target: write e.g. `20.0 以上` or `5 %/年 以下`")
            }
            Lang::Ja => format!(
                "`{text}` は目標ではありません。`20.0 以上` や `5 %/年 以下` のように書いてください"
            ),
        }
    }
}

impl Say for FieldError {
    fn say(&self, lang: Lang) -> String {
        use Lang::{En, Ja};
        let heading = |field: &crate::model::fields::Field| field.heading();
        match self {
            FieldError::SingleLine { field } => match lang {
                En => format!("{} is a single line", heading(field)),
                Ja => format!("{} は 1 行です", heading(field)),
            },
            FieldError::NotOnNode { field } => match lang {
                En => format!("this node has no field {}", heading(field)),
                Ja => format!("この項目には {} がありません", heading(field)),
            },
            FieldError::NotOnProject { field } => match lang {
                En => format!("a project has no field {}", heading(field)),
                Ja => format!("事業には {} がありません", heading(field)),
            },
            FieldError::NotAYear { text } => match lang {
                En => format!("`{text}` is not a year: write e.g. 2023"),
                Ja => format!("`{text}` は年度ではありません。2023 のように書いてください"),
            },
            FieldError::NotANumber { text } => match lang {
                En => format!("`{text}` is not a number"),
                Ja => format!("`{text}` は数ではありません"),
            },
            FieldError::Target(e) => e.say(lang),
            FieldError::Budget(e) => e.say(lang),
            FieldError::Period(e) => e.say(lang),
            FieldError::NotOnScale { text, names } => match lang {
                En => format!(
                    "`{text}` is not on this plan's scale: {}",
                    names.join(" / ")
                ),
                Ja => format!(
                    "`{text}` はこの計画の評価の段階にありません: {}",
                    names.join(" / ")
                ),
            },
            FieldError::ActualNeedsYearAndValue { line } => match lang {
                En => format!("`{line}`: write a fiscal year and a value, as in `R5年度 1.2`"),
                Ja => format!("`{line}`: `R5年度 1.2` のように年度と値を書いてください"),
            },
            FieldError::TargetNeedsDateAndValue { line } => match lang {
                En => format!(
                    "`{line}`: write a year or date and a value, as in `R7年度 30 中間` or `R12年度 全国1位 長期`"
                ),
                Ja => format!(
                    "`{line}`: `R7年度 30 中間` や `R12年度 全国1位 長期` のように年度か日付と値を書いてください"
                ),
            },
            FieldError::ActualDate { line, error } => format!("`{line}`: {}", error.say(lang)),
            FieldError::YearTwice { line, fiscal_year } => {
                let year = fiscal_year_label(*fiscal_year);
                match lang {
                    En => format!("`{line}`: {year} is given twice"),
                    Ja => format!("`{line}`: {year} が 2 回あります"),
                }
            }
            FieldError::UnknownKpi { label } => match lang {
                En => format!("this strategy has no KPI `{label}`"),
                Ja => format!("この戦略に KPI `{label}` はありません"),
            },
            FieldError::ProjectNeedsName => match lang {
                En => "a project needs a name".to_owned(),
                Ja => "事業には名前が要ります".to_owned(),
            },
            FieldError::KpiNeedsLabel => match lang {
                En => "a KPI needs a label".to_owned(),
                Ja => "KPI には番号が要ります".to_owned(),
            },
            FieldError::KpiLabelSeparator => match lang {
                En => {
                    "a KPI label cannot contain spaces, `,` or `、`: measures list labels with them"
                        .to_owned()
                }
                Ja => "KPI の番号に空白・`,`・`、` は使えません（施策が番号の区切りに使います）"
                    .to_owned(),
            },
            FieldError::KpiLabelTaken { label } => match lang {
                En => format!("this strategy already has a KPI `{label}`"),
                Ja => format!("この戦略には KPI `{label}` がすでにあります"),
            },
            FieldError::UnknownFigure { line, names } => match lang {
                En => format!(
                    "`{line}`: write a figure of the plan and an amount, as in `{} 1,200`",
                    names.first().map_or("", String::as_str)
                ),
                Ja => format!(
                    "`{line}`: `{} 1,200` のように計画の予算の区分と金額を書いてください",
                    names.first().map_or("", String::as_str)
                ),
            },
            FieldError::NoScoreAxis => match lang {
                En => "this plan names no score: add `score: (name: …, max: …)` to its file"
                    .to_owned(),
                Ja => "この計画には評点の尺度がありません。ファイルに `score: (name: …, max: …)` を書いてください"
                    .to_owned(),
            },
            FieldError::ScoreOutOfRange {
                text,
                name,
                min,
                max,
            } => match lang {
                En => format!("`{text}` is not a {name} from {min} to {max}"),
                Ja => format!("`{text}` は {min}〜{max} の{name}ではありません"),
            },
        }
    }
}

impl Say for ProblemKind {
    fn say(&self, lang: Lang) -> String {
        use Lang::{En, Ja};
        match self {
            ProblemKind::FiscalYearNotFourDigits { year } => match lang {
                En => format!("fiscal year {year} is not a four-digit year"),
                Ja => format!("年度 {year} は 4 桁の年ではありません"),
            },
            ProblemKind::KpiLabelTwice { label } => match lang {
                En => format!("KPI label `{label}` is used twice in this strategy"),
                Ja => format!("KPI の番号 `{label}` がこの戦略で 2 回使われています"),
            },
            ProblemKind::UnknownKpi {
                measure,
                kpi,
                strategy,
            } => match lang {
                En => format!(
                    "measure `{measure}` names KPI `{kpi}`, which strategy `{strategy}` does not have"
                ),
                Ja => format!(
                    "施策 `{measure}` が KPI `{kpi}` を挙げていますが、戦略 `{strategy}` にその KPI はありません"
                ),
            },
            ProblemKind::ProjectNameEmpty => match lang {
                En => "project name is empty".to_owned(),
                Ja => "事業名が空です".to_owned(),
            },
            ProblemKind::EvaluationOffScale { evaluation } => match lang {
                En => format!("evaluation `{evaluation}` is not on the plan's evaluation scale"),
                Ja => format!("評価 `{evaluation}` はこの計画の評価の段階にありません"),
            },
            ProblemKind::ScoreOutOfRange {
                score,
                name,
                min,
                max,
            } => match lang {
                En => format!("{name} {score} is outside the plan's range, {min} to {max}"),
                Ja => format!("{name} {score} はこの計画の範囲（{min}〜{max}）の外です"),
            },
            ProblemKind::ScoreWithoutAxis { score } => match lang {
                En => format!(
                    "score {score} is given, but the plan names no score: add `score: (name: …, max: …)`"
                ),
                Ja => format!(
                    "評点 {score} がありますが、この計画には評点の尺度がありません。`score: (name: …, max: …)` を書いてください"
                ),
            },
            ProblemKind::PeriodReversed { period } => match lang {
                En => format!("period `{period}` ends before it starts"),
                Ja => format!("期間 `{period}` の終わりが始めより前です"),
            },
            ProblemKind::NotFinite { value } => match lang {
                En => format!(
                    "`{value}` is not a number: a target, baseline or actual must be a finite number"
                ),
                Ja => format!(
                    "`{value}` は数値ではありません（目標・基準値・実績は有限の数値で書きます）"
                ),
            },
            ProblemKind::Shape(problem) => problem.say(lang),
            ProblemKind::StatedTotalDiffers { stated, sum, unit } => {
                let (stated, sum) = (group_thousands(*stated), group_thousands(*sum));
                match lang {
                    En => format!(
                        "the stated total {stated}{unit} is not the sum of the budgets, {sum}{unit}"
                    ),
                    Ja => {
                        format!("記載の合計 {stated}{unit} が予算額の合計 {sum}{unit} と合いません")
                    }
                }
            }
            ProblemKind::UnknownFigure { name, names } => match lang {
                En => format!(
                    "budget figure `{name}` is not one the plan names in budget_figures ({})",
                    names.join(", ")
                ),
                Ja => format!(
                    "予算の区分 `{name}` は budget_figures にありません（{}）",
                    names.join("、")
                ),
            },
            ProblemKind::FigureNamedTwice { name } => match lang {
                En => format!("budget figure `{name}` is named twice"),
                Ja => format!("予算の区分 `{name}` が 2 回書かれています"),
            },
            ProblemKind::ActualYearTwice { fiscal_year } => {
                let year = fiscal_year_label(*fiscal_year);
                match lang {
                    En => format!("{year} has two actuals; keep one per fiscal year"),
                    Ja => format!("{year} の実績が 2 つあります（年度ごとに 1 つにしてください）"),
                }
            }
            ProblemKind::ActualOutsideYear { at, fiscal_year } => {
                let year = fiscal_year_label(*fiscal_year);
                match lang {
                    En => format!("actual of `{at}` is not within {year}, its fiscal_year"),
                    Ja => format!("`{at}` の実績が fiscal_year の {year} の中にありません"),
                }
            }
        }
    }
}

mod shape;
#[cfg(test)]
mod tests;
