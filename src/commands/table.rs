//! The layout of the source table that `export` writes and `import` reads:
//! one row per project, with its strategy, KPIs and measure repeated on each
//! row, in the columns (and under the headings) of the tables our users get.

use crate::model::department;
use crate::model::fields::{Field, Kind, target_text};
use crate::model::grade::{Grade, is_default_scale, scale_text};
use crate::model::labelled::labelled;
use crate::model::{Measure, Plan, Project, ScheduleEntry, Strategy};

/// How many columns the table has.
pub const COLUMNS: usize = 13;

/// The columns, in table order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Strategy,
    Kpi,
    Measure,
    Project,
    Overview,
    Budget,
    Period,
    Progress,
    Analysis,
    Evaluation,
    BudgetNote,
    /// The project's department, its own or the one it is in the charge of
    /// through its measure or strategy, as the published tables name one on
    /// every row; after the columns earlier versions wrote, so theirs keep
    /// their letters.
    Department,
    /// The ids of the project's strategy, the KPIs its measure serves (as
    /// in the KPI column, joined by `+`), its measure and itself, as
    /// `S/K+K/M/P`: an import puts edits back on the same nodes.
    Id,
}

impl Column {
    pub const ALL: [Column; COLUMNS] = [
        Column::Strategy,
        Column::Kpi,
        Column::Measure,
        Column::Project,
        Column::Overview,
        Column::Budget,
        Column::Period,
        Column::Progress,
        Column::Analysis,
        Column::Evaluation,
        Column::BudgetNote,
        Column::Department,
        Column::Id,
    ];

    /// The heading of the source table: a field's heading where the
    /// column holds one field.
    pub fn heading(self) -> &'static str {
        match self {
            Column::Strategy => Field::Name.headings_on(Kind::Strategy).ja,
            Column::Kpi => "KPI",
            Column::Measure => "施策",
            Column::Project => Field::Name.headings_on(Kind::Project).ja,
            Column::Overview => Field::Overview.heading(),
            Column::Budget => Field::Budget.heading(),
            Column::Period => Field::Period.heading(),
            Column::Progress => Field::Schedule.heading(),
            Column::Analysis => Field::Analysis.heading(),
            Column::Evaluation => Field::Evaluation.heading(),
            Column::BudgetNote => Field::BudgetNote.heading(),
            Column::Department => Field::Owner.heading(),
            Column::Id => "ID",
        }
    }

    /// The English heading `import` also accepts.
    pub fn english(self) -> &'static str {
        match self {
            Column::Strategy => "strategy",
            Column::Kpi => "kpi",
            Column::Measure => "measure",
            Column::Project => "project",
            Column::Overview => "overview",
            Column::Budget => "budget",
            Column::Period => "period",
            Column::Progress => "progress",
            Column::Analysis => "analysis",
            Column::Evaluation => "evaluation",
            Column::BudgetNote => "budget_note",
            Column::Department => "department",
            Column::Id => "id",
        }
    }

    /// Without these a row cannot become a project.
    pub fn required(self) -> bool {
        // Without a strategy or measure column, the plan shows none.
        matches!(self, Column::Project | Column::Budget | Column::Period)
    }

    /// Position in the table, from 0.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The headings of a table of these plans. The evaluation heading carries
/// the scale when it is not the default (`評価（計画以上=◎:Green / …）`),
/// so that import gives the plan its grades back: every grade of every
/// plan, each name once, in the order first met.
pub fn headings<'a>(plans: impl Iterator<Item = &'a Plan>) -> [String; COLUMNS] {
    let plans: Vec<&Plan> = plans.collect();
    let mut scale: Vec<Grade> = Vec::new();
    let mut custom = false;
    for plan in &plans {
        custom |= !is_default_scale(&plan.evaluation_scale);
        for grade in &plan.evaluation_scale {
            if !scale.iter().any(|g| g.name == grade.name) {
                scale.push(grade.clone());
            }
        }
    }
    let figures = Figures::of(&plans);
    Column::ALL.map(|column| match column {
        Column::Evaluation if custom => format!("{}（{}）", column.heading(), scale_text(&scale)),
        Column::Budget => figures.heading(figures.totalled.as_deref()),
        _ => column.heading().to_owned(),
    })
}

/// The budget figures of a table of these plans: the totalled one's name
/// where a plan names its figures, and every other figure of every plan,
/// each name once, in the order first met. Each other figure has a column
/// of its own after the ID, headed `予算額（補正予算）`, so that import
/// knows it from the budget's unit (`予算額（千円）`).
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub totalled: Option<String>,
    pub others: Vec<String>,
}

impl Figures {
    pub fn of(plans: &[&Plan]) -> Self {
        let mut figures = Figures::default();
        for plan in plans {
            if figures.totalled.is_none() && !plan.budget_figures.is_empty() {
                figures.totalled = Some(plan.totalled_figure().to_owned());
            }
            for name in plan.other_figures() {
                if !figures.others.contains(name) {
                    figures.others.push(name.clone());
                }
            }
        }
        figures
    }

    /// `予算額（当初予算）`, or `予算額` for no name.
    pub fn heading(&self, name: Option<&str>) -> String {
        match name {
            Some(name) => format!("{}（{name}）", Column::Budget.heading()),
            None => Column::Budget.heading().to_owned(),
        }
    }

    /// The headings of the other figures' columns.
    pub fn headings(&self) -> impl Iterator<Item = String> + '_ {
        self.others.iter().map(|name| self.heading(Some(name)))
    }

    /// A project's amount of each other figure, blank where it states none.
    pub fn cells(&self, project: &Project) -> Vec<Option<u64>> {
        self.others
            .iter()
            .map(|name| project.figure(name))
            .collect()
    }
}

/// One project as a row of the table.
pub struct Row<'a> {
    /// The strategy's index in its plan.
    pub s: usize,
    pub strategy: &'a Strategy,
    pub measure: &'a Measure,
    pub project: &'a Project,
    /// Every cell as text, in `Column::ALL` order; the budget as a plain
    /// integer, empty where the project states none.
    pub cells: [String; COLUMNS],
}

/// Every project of the plan, in table order, made one at a time (a large
/// plan's table is never held whole).
pub fn rows(plan: &Plan) -> impl Iterator<Item = Row<'_>> {
    plan.strategies
        .iter()
        .enumerate()
        .flat_map(move |(s, strategy)| {
            strategy.measures.iter().flat_map(move |measure| {
                let kpis = kpi_cell(strategy, measure);
                measure.projects.iter().map(move |project| Row {
                    s,
                    strategy,
                    measure,
                    project,
                    cells: cells(plan, strategy, &kpis, measure, project),
                })
            })
        })
}

fn cells(
    plan: &Plan,
    strategy: &Strategy,
    kpis: &str,
    measure: &Measure,
    project: &Project,
) -> [String; COLUMNS] {
    [
        labelled(&strategy.label, &strategy.name),
        kpis.to_owned(),
        labelled(&measure.label, &measure.name),
        project.name.clone(),
        project.overview.clone(),
        project.budget.map(|b| b.to_string()).unwrap_or_default(),
        project.period.as_str().to_owned(),
        lines(project.schedule.iter().map(ScheduleEntry::to_line)),
        lines(project.analysis.iter().cloned()),
        project.evaluation.clone(),
        project.budget_note.clone(),
        department::of_project(plan, strategy, measure, project).to_owned(),
        format!(
            "{}/{}/{}/{}",
            strategy.id,
            served_kpis(strategy, measure)
                .map(|kpi| kpi.id.as_str())
                .collect::<Vec<_>>()
                .join("+"),
            measure.id,
            project.id
        ),
    ]
}

/// The KPIs a measure serves, one per line: `【ＫＰＩⅰ】statement（目標 1.0%/年 以上）`.
/// Labels naming no KPI of the strategy are left out (`check` reports them).
pub fn kpi_cell(strategy: &Strategy, measure: &Measure) -> String {
    lines(served_kpis(strategy, measure).map(|kpi| {
        format!(
            "【ＫＰＩ{}】{}（目標 {}）",
            kpi.label,
            kpi.statement,
            target_text(&kpi.target)
        )
    }))
}

/// The KPIs of the strategy that the measure serves, in the measure's order.
fn served_kpis<'a>(
    strategy: &'a Strategy,
    measure: &'a Measure,
) -> impl Iterator<Item = &'a crate::model::Kpi> {
    measure
        .kpis
        .iter()
        .filter_map(|label| strategy.kpi_index(label).map(|k| &strategy.kpis[k]))
}

fn lines(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::Column;

    #[test]
    fn columns_are_in_table_order() {
        for (i, column) in Column::ALL.iter().enumerate() {
            assert_eq!(column.index(), i);
        }
        assert_eq!(Column::Budget.index(), 5, "予算額 is column F");
        assert_eq!(Column::ALL.last(), Some(&Column::Id), "ID comes last");
    }
}
