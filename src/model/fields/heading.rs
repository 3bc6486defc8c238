//! The fields of a plan's nodes: their names in the plan file, their
//! headings in the source table (in Japanese, and in English), which nodes
//! have them. A new field is described here once.

use crate::model::address::Address;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    FiscalYear,
    Unit,
    StatedTotal,
    /// The grades evaluations are given in; set in the file, not edited.
    EvaluationScale,
    /// How rates of achievement are computed; set in the file, not edited.
    AchievementRule,
    /// The grades rates earn; set in the file, not edited.
    Grading,
    /// The plan's level names, the parts they play and its headings; set
    /// in the file, not edited.
    Levels,
    Roles,
    Headings,
    /// The heading a strategy stands under; set in the file.
    Under,
    Label,
    Name,
    Statement,
    Target,
    Kpis,
    Overview,
    Budget,
    BudgetNote,
    Period,
    Schedule,
    Analysis,
    Owner,
    Evaluation,
    Baseline,
    Actuals,
    /// Targets for years besides the main one; shown only when set.
    Targets,
    /// When the baseline was measured; shown only when set.
    BaselineAt,
    /// A rate of achievement entered by hand; shown only when set.
    EnteredAchievement,
    /// The names of the plan's budget figures; set in the file, not edited.
    BudgetFigures,
    /// A project's budget figures besides the totalled one, one per line;
    /// listed where the plan names them.
    Figures,
    /// The plan's second axis of evaluation; set in the file, not edited.
    ScoreAxis,
    /// A node's value on the plan's second axis (`7` of 10); shown only
    /// when set.
    Score,
    /// Why a node was given its grade (評価の理由); shown only when set.
    Reason,
    /// A node's id written in the file; not shown or edited.
    Id,
}

/// The kinds of node a plan has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Plan,
    Heading,
    Strategy,
    Kpi,
    Measure,
    Project,
}

impl Kind {
    pub fn of(address: Address) -> Kind {
        match address {
            Address::Plan => Kind::Plan,
            Address::Heading(..) => Kind::Heading,
            Address::Strategy(..) => Kind::Strategy,
            Address::Kpi(..) => Kind::Kpi,
            Address::Measure(..) => Kind::Measure,
            Address::Project(..) => Kind::Project,
        }
    }
}

/// A heading in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    pub ja: &'static str,
    pub en: &'static str,
}

const fn heading(ja: &'static str, en: &'static str) -> Heading {
    Heading { ja, en }
}

impl Field {
    /// The field's name in the plan file.
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::FiscalYear => "fiscal_year",
            Field::Unit => "unit",
            Field::StatedTotal => "stated_total",
            Field::EvaluationScale => "evaluation_scale",
            Field::AchievementRule => "achievement",
            Field::Grading => "grading",
            Field::Levels => "levels",
            Field::Roles => "roles",
            Field::Headings => "headings",
            Field::Under => "under",
            Field::Label => "label",
            Field::Name => "name",
            Field::Statement => "statement",
            Field::Target => "target",
            Field::Kpis => "kpis",
            Field::Overview => "overview",
            Field::Budget => "budget",
            Field::BudgetNote => "budget_note",
            Field::Period => "period",
            Field::Schedule => "schedule",
            Field::Analysis => "analysis",
            Field::Owner => "owner",
            Field::Evaluation => "evaluation",
            Field::Baseline => "baseline",
            Field::Actuals => "actuals",
            Field::Targets => "targets",
            Field::BaselineAt => "baseline_at",
            Field::EnteredAchievement => "entered_achievement",
            Field::Figures => "figures",
            Field::BudgetFigures => "budget_figures",
            Field::ScoreAxis | Field::Score => "score",
            Field::Reason => "reason",
            Field::Id => "id",
        }
    }

    /// The heading users know from the source table, in both languages.
    pub fn headings(self) -> Heading {
        match self {
            Field::Title => heading("計画名", "title"),
            Field::FiscalYear => heading("年度", "fiscal year"),
            Field::Unit => heading("予算単位", "budget unit"),
            Field::StatedTotal => heading("記載の合計", "stated total"),
            Field::EvaluationScale => heading("評価の段階", "evaluation scale"),
            Field::AchievementRule => heading("達成率の算定", "achievement rule"),
            Field::Grading => heading("評価の基準", "grading rule"),
            Field::Levels => heading("階層", "levels"),
            Field::Roles => heading("階層の役割", "roles of the levels"),
            Field::Headings => heading("見出し", "headings"),
            Field::Under => heading("上の見出し", "under heading"),
            Field::Label => heading("番号", "number"),
            Field::Name => heading("名称", "name"),
            Field::Statement => heading("ＫＰＩ", "KPI"),
            Field::Target => heading("目標", "target"),
            Field::Kpis => heading("対象ＫＰＩ", "KPIs served"),
            Field::Overview => heading("概要", "overview"),
            Field::Budget => heading("予算額", "budget"),
            Field::BudgetNote => heading("予算備考", "budget note"),
            Field::Period => heading("期間", "period"),
            Field::Schedule => heading("進捗状況やスケジュール", "progress and schedule"),
            Field::Analysis => heading("現状分析", "analysis"),
            Field::Owner => heading("担当課", "department"),
            Field::Evaluation => heading("評価", "evaluation"),
            Field::Baseline => heading("基準値", "baseline"),
            Field::Actuals => heading("実績（年度ごと）", "actuals by fiscal year"),
            Field::Targets => heading("目標（年度ごと）", "targets by year"),
            Field::BaselineAt => heading("基準値の時点", "baseline as of"),
            Field::EnteredAchievement => heading("達成度（手入力）", "achievement entered"),
            Field::Figures => heading("その他の予算額", "other budget figures"),
            Field::BudgetFigures => heading("予算の区分", "budget figures"),
            Field::ScoreAxis => heading("評点の尺度", "score axis"),
            Field::Score => heading("評点", "score"),
            Field::Reason => heading("評価の理由", "reason for the grade"),
            Field::Id => heading("ID", "id"),
        }
    }

    /// The heading users know from the source table (which is Japanese).
    pub fn heading(self) -> &'static str {
        self.headings().ja
    }

    /// The headings of this field on a node of this kind: a name is a
    /// 事業名 on a project and a 戦略名 on a strategy.
    pub fn headings_on(self, kind: Kind) -> Heading {
        match (self, kind) {
            (Field::Name, Kind::Project) => heading("事業名", "project"),
            (Field::Name, Kind::Strategy) => heading("戦略名", "strategy"),
            (Field::Name, Kind::Measure) => heading("施策名", "measure"),
            _ => self.headings(),
        }
    }

    /// The Japanese heading of this field on the node at `address`.
    pub fn heading_at(self, address: Address) -> &'static str {
        self.headings_on(Kind::of(address)).ja
    }

    /// Multi-line fields keep line breaks; in the others Enter applies.
    pub fn is_multiline(self) -> bool {
        matches!(
            self,
            Field::Statement
                | Field::Overview
                | Field::Schedule
                | Field::Analysis
                | Field::Actuals
                | Field::Targets
                | Field::Figures
                | Field::Reason
        )
    }

    /// The fields of a node, in display order.
    pub fn of(address: Address) -> &'static [Field] {
        Self::listed(address, true)
    }

    /// The fields the detail pane lists for a project of a plan that
    /// names budget figures: the others follow the totalled one.
    pub const PROJECT_WITH_FIGURES: &'static [Field] = &[
        Field::Name,
        Field::Owner,
        Field::Overview,
        Field::Budget,
        Field::Figures,
        Field::BudgetNote,
        Field::Period,
        Field::Evaluation,
        Field::Score,
        Field::Reason,
        Field::Schedule,
        Field::Analysis,
    ];

    /// The fields the detail pane lists for a node: a strategy's or a
    /// measure's department only `with_department` (a plan that names no
    /// department there keeps its screens as they were).
    pub fn listed(address: Address, with_department: bool) -> &'static [Field] {
        match address {
            Address::Plan => &[
                Field::Title,
                Field::FiscalYear,
                Field::Unit,
                Field::StatedTotal,
            ],
            Address::Heading(..) => &[Field::Label, Field::Name, Field::Owner],
            Address::Strategy(..) if with_department => &[
                Field::Label,
                Field::Name,
                Field::Owner,
                Field::Evaluation,
                Field::Score,
                Field::Reason,
            ],
            Address::Strategy(..) => &[
                Field::Label,
                Field::Name,
                Field::Evaluation,
                Field::Score,
                Field::Reason,
            ],
            Address::Kpi(..) => &[
                Field::Label,
                Field::Statement,
                Field::Target,
                Field::Targets,
                Field::Baseline,
                Field::BaselineAt,
                Field::Actuals,
                Field::EnteredAchievement,
                Field::Evaluation,
                Field::Score,
                Field::Reason,
            ],
            Address::Measure(..) if with_department => &[
                Field::Label,
                Field::Name,
                Field::Owner,
                Field::Kpis,
                Field::Evaluation,
                Field::Score,
                Field::Reason,
            ],
            Address::Measure(..) => &[
                Field::Label,
                Field::Name,
                Field::Kpis,
                Field::Evaluation,
                Field::Score,
                Field::Reason,
            ],
            Address::Project(..) => &[
                Field::Name,
                Field::Owner,
                Field::Overview,
                Field::Budget,
                Field::BudgetNote,
                Field::Period,
                Field::Evaluation,
                Field::Score,
                Field::Reason,
                Field::Schedule,
                Field::Analysis,
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Field;
    use crate::model::address::Address;

    /// A project of a plan naming budget figures lists the same fields as
    /// any project, with its other figures after the budget.
    #[test]
    fn a_figured_project_lists_every_project_field_and_its_figures() {
        let mut expected = Field::listed(Address::Project(0, 0, 0), true).to_vec();
        let budget = expected.iter().position(|f| *f == Field::Budget).unwrap();
        expected.insert(budget + 1, Field::Figures);
        assert_eq!(Field::PROJECT_WITH_FIGURES, expected);
    }
}
