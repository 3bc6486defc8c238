//! The words of the panes and views: section names of the detail pane,
//! titles of the editor and the views, counts and totals. Most are the
//! source table's own words (合計, 施策, 達成度, …): like the field headings
//! in the detail pane, they stay Japanese in the English interface too, as
//! they are what users of the plan know; only the rest is said in English.

use crate::model::fields::{Field, Kind};
use crate::words::{Lang, Say};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pane {
    Total,
    Subtotal,
    Measures,
    Projects,
    Kpis,
    KpiContents,
    Achievement,
    LastChange,
    Selected,
    /// A total not known yet: the rest of the plan is still being read.
    Loading,
    /// A count of projects.
    Count {
        projects: usize,
    },
    /// How many projects of a total state no budget (blank, not 0).
    Blank {
        projects: usize,
        figure: String,
    },
    /// A KPI with its target, in a strategy's detail.
    KpiWithTarget {
        label: String,
        statement: String,
        target: String,
    },
    /// The latest actual of a KPI: `year` as written (`R5年度`).
    Actual {
        year: String,
        actual: String,
        gauge: String,
    },
    NoActuals,
    /// A rate of achievement entered by hand, as a gauge.
    Entered {
        gauge: String,
    },
    /// A measure names a KPI its strategy does not have.
    NoSuchKpi,
    /// A department the node has from an ancestor, of kind `from`, which
    /// the plan calls `level` (empty: the default word for it).
    Inherited {
        name: String,
        from: Kind,
        level: String,
    },
    /// How a fiscal year runs, after it.
    FiscalYearNote {
        year: i32,
    },
    PlansOpen {
        count: usize,
    },
    /// The editor's title.
    Editing {
        field: Field,
        kind: Kind,
    },
    /// What the editor takes, under its title.
    ScheduleGuide,
    AnalysisGuide,
    MultilineGuide,
    SingleLineGuide,
    BudgetByStrategy,
    BudgetByKpi,
    /// The title of the counts of grades.
    GradeCounts,
    /// Projects by their evaluation; KPIs by the grade their rate earns.
    ProjectsByGrade,
    KpisByRule,
    /// The counts of grades of a level the plan names itself (政策項目,
    /// 測定指標), for 事業（評価） and the like.
    GradedLevel {
        level: String,
    },
    /// The KPIs of a plan that names them itself, by its grading rule.
    GradedLevelByRule {
        level: String,
    },
    /// Measures and KPIs by the grade entered for them.
    MeasuresByGrade,
    StrategiesByGrade,
    KpisByGrade,
    /// The grade a KPI's rate earns by the plan's rule.
    ByRule {
        grade: String,
    },
    /// The mark of a KPI whose grade entered is not the rule's.
    Differs,
    /// A KPI's grades in the KPI view: entered, by the rule (if it has
    /// one), marked first where they differ.
    KpiGrades {
        entered: String,
        computed: Option<String>,
        differs: bool,
    },
    Ungraded,
    /// Graded with a name the scale does not have.
    OffScale,
    NoRate,
    /// The plan states a 合計 its budgets do not add up to.
    StatedTotalDiffers {
        stated: String,
    },
    BudgetByMeasure,
    /// The key that switches the budget view's grouping.
    SwitchGrouping,
    KpiProgress,
    NoAchievement,
    NoActualsListed,
    TargetAndBaseline {
        target: String,
        baseline: String,
    },
    ActualsList {
        actuals: String,
    },
    /// The timeline's title: the period shown and its marks.
    Timeline {
        span: String,
    },
    /// The filter on in the status bar (as the model describes it), the
    /// projects it shows and their budget.
    Filtered {
        filter: String,
        projects: usize,
        budget: String,
    },
}

impl Say for Pane {
    fn say(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        let table = |word: &str| word.to_owned();
        match self {
            Pane::Total => table("合計"),
            Pane::Subtotal => table("小計"),
            Pane::Measures => table("施策"),
            Pane::Projects => table("事業"),
            Pane::Kpis => Field::Statement.heading().to_owned(),
            Pane::KpiContents => table("ＫＰＩの内容"),
            Pane::Achievement => table("達成度"),
            Pane::LastChange => table("最終更新"),
            Pane::Selected => table("選択"),
            Pane::Loading => table("読込中..."),
            Pane::Count { projects } => format!("{projects}件"),
            Pane::Blank { projects, figure } if ja => {
                format!("（うち{figure}の記載なし {projects}件）")
            }
            Pane::Blank { projects, figure } => format!("({projects} without {figure})"),
            // A goal stated in its words alone (LGX行動規範の制定) has
            // no target to add.
            Pane::KpiWithTarget {
                label,
                statement,
                target,
            } if target.trim().is_empty() => format!("{label} {statement}"),
            Pane::KpiWithTarget {
                label,
                statement,
                target,
            } => format!(
                "{label} {statement}（{} {target}）",
                Field::Target.heading()
            ),
            Pane::Actual {
                year,
                actual,
                gauge,
            } => format!("{year} 実績 {actual} {gauge}"),
            Pane::Entered { gauge } if ja => format!("{gauge}（手入力）"),
            Pane::Entered { gauge } => format!("{gauge} (entered by hand)"),
            Pane::NoActuals if ja => table("実績なし"),
            Pane::NoActuals => table("実績なし (no actuals yet)"),
            Pane::NoSuchKpi if ja => table("（この戦略にない KPI）"),
            Pane::NoSuchKpi => table("(no such KPI in this strategy)"),
            Pane::Inherited { name, level, .. } if !level.is_empty() && ja => {
                format!("{name}（{level}から）")
            }
            Pane::Inherited { name, level, .. } if !level.is_empty() => {
                format!("{name} (from its {level})")
            }
            Pane::Inherited { name, from, .. } if ja => {
                format!("{name}（{}から）", from_word(*from, true))
            }
            Pane::Inherited { name, from, .. } => {
                format!("{name} (from its {})", from_word(*from, false))
            }
            Pane::FiscalYearNote { year } => format!("(FY{year}, 4月～翌3月)"),
            Pane::PlansOpen { count } if ja => format!("計画 {count} 件"),
            Pane::PlansOpen { count } => format!("{count} plans"),
            Pane::Editing { field, kind } => format!("編集: {}", field.headings_on(*kind).ja),
            Pane::ScheduleGuide => table("1行に1項目。日付を先頭に: R5.10 内容"),
            Pane::AnalysisGuide => table("1行に1項目"),
            Pane::MultilineGuide => table("改行できます"),
            Pane::SingleLineGuide => table("1行で入力"),
            Pane::BudgetByStrategy => table("予算 戦略別"),
            Pane::BudgetByKpi => table("予算 KPI別"),
            Pane::GradeCounts => table("評価の集計"),
            Pane::ProjectsByGrade => table("事業（評価）"),
            Pane::KpisByRule => table("ＫＰＩ（評価の基準による）"),
            Pane::GradedLevel { level } => format!("{level}（評価）"),
            Pane::GradedLevelByRule { level } => format!("{level}（評価の基準による）"),
            Pane::MeasuresByGrade => table("施策（評価）"),
            Pane::StrategiesByGrade => table("戦略（評価）"),
            Pane::KpisByGrade => table("ＫＰＩ（評価）"),
            Pane::ByRule { grade } => format!("評価の基準による: {grade}"),
            Pane::Differs if ja => table("！入力と異なる"),
            Pane::Differs => table("! not the grade entered"),
            Pane::KpiGrades {
                entered,
                computed,
                differs,
            } => {
                let mark = if *differs { "！" } else { "" };
                let computed = computed
                    .as_ref()
                    .map(|c| format!("／基準 {c}"))
                    .unwrap_or_default();
                format!("  {mark}評価 {entered}{computed}")
            }
            Pane::Ungraded => table("未評価"),
            Pane::OffScale => table("尺度にない評価"),
            Pane::NoRate => table("達成率なし"),
            Pane::StatedTotalDiffers { stated } if ja => format!("（記載 {stated} と不一致）"),
            Pane::StatedTotalDiffers { stated } => format!("(stated {stated}: does not add up)"),

            Pane::BudgetByMeasure => table("予算 施策別"),
            Pane::SwitchGrouping => table("(B: 切替)"),
            Pane::KpiProgress => table("ＫＰＩ 達成状況"),
            Pane::NoAchievement => table("達成度 --"),
            Pane::NoActualsListed => table("実績なし"),
            Pane::TargetAndBaseline { target, baseline } => {
                format!("  {} {target}  基準 {baseline}", Field::Target.heading())
            }
            Pane::ActualsList { actuals } => format!("  実績 {actuals}"),
            Pane::Timeline { span } => {
                format!("{} {span}  (| 今月, ! 期限超過)", Field::Period.heading())
            }
            Pane::Filtered {
                filter,
                projects,
                budget,
            } => format!("絞込[{filter}] {projects}件 {budget}"),
        }
    }
}

/// The kind of ancestor a department comes from.
fn from_word(kind: Kind, ja: bool) -> &'static str {
    match (kind, ja) {
        (Kind::Strategy, true) => "戦略",
        (Kind::Measure, true) => "施策",
        (Kind::Strategy, false) => "strategy",
        (Kind::Measure, false) => "measure",
        (_, true) => "上位",
        (_, false) => "parent",
    }
}
