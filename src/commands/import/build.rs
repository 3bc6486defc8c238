//! Rows of the table back into strategy → KPI → measure → project. The
//! source tables merge cells, so an empty 戦略名, KPI or 施策 cell continues
//! the row above; `export` repeats them on every row instead.

use std::collections::HashMap;
use std::sync::Arc;

use super::cells::{KpiText, parse_analysis, parse_kpis, parse_schedule};
use super::figures;
use super::headings::Headings;
use super::layout::Layout;
use super::problem::{Found, Trouble};
use super::row_ids::RowIds;
use super::source::Row;
use super::total_rows::{Sums, Total, total_row};
use crate::commands::table::Column;
use crate::model::grade::{self, Grade};
use crate::model::labelled::split_label;
use crate::model::money::parse_budget;
use crate::model::plan::NodeKey;
use crate::model::{Direction, Kpi, Measure, Period, Plan, Project, Strategy, Target, TargetValue};

/// Labels given to KPIs a table states without one, in order.
const KPI_LABELS: [&str; 12] = ["ⅰ", "ⅱ", "ⅲ", "ⅳ", "ⅴ", "ⅵ", "ⅶ", "ⅷ", "ⅸ", "ⅹ", "ⅺ", "ⅻ"];

pub struct Builder<'a> {
    layout: &'a Layout,
    unit: String,
    scale: Vec<Grade>,
    pub strategies: Vec<Strategy>,
    pub problems: Vec<Found>,
    strategy: Option<usize>,
    measure: Option<usize>,
    kpis_above: Vec<String>,
    /// The row each KPI was first stated in, by strategy and label.
    stated_in: HashMap<(usize, String), usize>,
    sums: Sums,
    headings: Headings,
}

/// A row, and how to report a problem in one of its cells.
struct Cells<'r> {
    layout: &'r Layout,
    row: &'r Row,
}

impl Cells<'_> {
    fn get(&self, column: Column) -> &str {
        self.layout.cell(self.row, column)
    }

    fn problem(&self, column: Column, trouble: Trouble) -> Found {
        Found::at(self.row.number, &self.layout.name(column), trouble)
    }
}

impl<'a> Builder<'a> {
    pub fn new(layout: &'a Layout, unit: &str, scale: Vec<Grade>) -> Self {
        Self {
            layout,
            unit: unit.to_owned(),
            scale,
            strategies: Vec::new(),
            problems: Vec::new(),
            strategy: None,
            measure: None,
            kpis_above: Vec::new(),
            stated_in: HashMap::new(),
            sums: Sums::default(),
            headings: Headings::default(),
        }
    }

    pub fn add_row(&mut self, row: &Row) {
        let cells = Cells {
            layout: self.layout,
            row,
        };
        let name = cells.get(Column::Project);
        if let Some(total) = total_row(row, name) {
            self.check_total(&cells, total);
            return;
        }
        if name.is_empty() {
            if !row.cells.iter().all(|c| c.trim().is_empty()) {
                self.problems
                    .push(cells.problem(Column::Project, Trouble::NoProjectName));
            }
            return;
        }
        let budget = figures::budget(cells.get(Column::Budget), &self.unit);
        self.sums.add(budget.map(Option::unwrap_or_default).ok());
        let ids = self.ids_of(&cells);
        let project = self.project(&cells).map(|p| Project {
            id: ids.project.as_str().into(),
            ..p
        });
        let under = self.headings.of_row(self.layout, row);
        let Some(s) = self.strategy_of(&cells, &ids.strategy, under) else {
            return;
        };
        let labels = self.kpis_of(s, &cells, &ids.kpis);
        let Some(m) = self.measure_of(s, &cells, &ids.measure) else {
            return;
        };
        let measure = self.strategies[s].measure_mut(m);
        for label in labels {
            if !measure.kpis.contains(&label) {
                measure.kpis.push(label);
            }
        }
        if let Some(project) = project {
            measure.projects.push(project);
        }
    }

    /// A total row's amount, if it states one, is the sum of the projects
    /// it totals.
    fn check_total(&mut self, cells: &Cells, total: Total) {
        let text = cells.get(Column::Budget);
        let sum = self.sums.close(total);
        if text.is_empty() {
            return;
        }
        let trouble = match (parse_budget(text, &self.unit), sum) {
            (Err(e), _) => Trouble::Budget(e),
            (Ok(stated), Some(sum)) if stated != sum => Trouble::TotalMismatch { stated, sum },
            _ => return,
        };
        self.problems.push(cells.problem(Column::Budget, trouble));
    }

    fn ids_of(&mut self, cells: &Cells) -> RowIds {
        let text = cells.get(Column::Id);
        RowIds::read(text).unwrap_or_else(|| {
            let trouble = Trouble::NotAnId {
                text: text.to_owned(),
            };
            self.problems.push(cells.problem(Column::Id, trouble));
            RowIds::default()
        })
    }

    fn strategy_of(&mut self, cells: &Cells, id: &str, under: NodeKey) -> Option<usize> {
        // Where the plan shows no strategies, each heading holds one.
        let shown = self.layout.levels.shows(Column::Strategy);
        let text = cells.get(Column::Strategy);
        if text.is_empty() && shown {
            if self.strategy.is_none() {
                let trouble = Trouble::NoStrategyAbove;
                self.problems.push(cells.problem(Column::Strategy, trouble));
            }
            return self.strategy;
        }
        let (label, name) = if shown {
            split_label(text)
        } else {
            Default::default()
        };
        let found = (self.strategies.iter())
            .position(|s| s.label == label && s.name == name && s.under == under);
        let s = found.unwrap_or_else(|| {
            self.strategies.push(Strategy {
                id: id.into(),
                label,
                name,
                owner: String::new(),
                under,
                evaluation: String::new(),
                score: None,
                reason: String::new(),
                kpis: Vec::new(),
                measures: Vec::new(),
            });
            self.strategies.len() - 1
        });
        if self.strategy != Some(s) {
            self.measure = None;
            self.kpis_above.clear();
        }
        self.strategy = Some(s);
        Some(s)
    }

    /// The labels of the KPIs this row's measure serves. An empty cell
    /// continues the KPI above only inside merged strategy or measure cells:
    /// on a row that names both, as `export` writes them, it means none.
    fn kpis_of(&mut self, s: usize, cells: &Cells, ids: &[String]) -> Vec<String> {
        let text = cells.get(Column::Kpi);
        let labels = if text.is_empty() {
            let merged =
                cells.get(Column::Strategy).is_empty() || cells.get(Column::Measure).is_empty();
            if merged {
                self.kpis_above.clone()
            } else {
                Vec::new()
            }
        } else {
            let mut labels: Vec<String> = Vec::new();
            for (i, kpi) in parse_kpis(text).into_iter().enumerate() {
                let id = ids.get(i).map_or("", String::as_str);
                if let Some(label) = self.register_kpi(s, kpi, id, cells)
                    && !labels.contains(&label)
                {
                    labels.push(label);
                }
            }
            labels
        };
        self.kpis_above.clone_from(&labels);
        labels
    }

    /// Adds a KPI to the strategy, or checks it against the one stated
    /// before under the same label; returns its label.
    fn register_kpi(&mut self, s: usize, kpi: KpiText, id: &str, cells: &Cells) -> Option<String> {
        let strategy = &mut self.strategies[s];
        let label = match kpi.label {
            Some(label) => label,
            None if kpi.statement.is_empty() => return None,
            None => label_for(strategy, &kpi.statement),
        };
        if label.contains([' ', '\u{3000}', ',', '、']) {
            let trouble = Trouble::KpiLabelWithSpaces { label };
            self.problems.push(cells.problem(Column::Kpi, trouble));
            return None;
        }
        let Some(k) = strategy.kpi_index(&label) else {
            let target = kpi.target.unwrap_or_else(no_target);
            let new = Kpi::unmeasured(id.into(), label.clone(), kpi.statement, target);
            strategy.kpis.push(new);
            self.stated_in.insert((s, label.clone()), cells.row.number);
            return Some(label);
        };
        let known = &mut strategy.kpis[k];
        if known.statement.is_empty() {
            known.statement = kpi.statement;
        } else if !kpi.statement.is_empty() && kpi.statement != known.statement {
            let first = self
                .stated_in
                .get(&(s, label.clone()))
                .copied()
                .unwrap_or(0);
            let trouble = Trouble::KpiStatedDifferently {
                label: label.clone(),
                first_row: first,
                statement: known.statement.clone(),
            };
            self.problems.push(cells.problem(Column::Kpi, trouble));
        }
        if let Some(target) = kpi.target
            && known.target == no_target()
        {
            known.target = target;
        }
        Some(label)
    }

    fn measure_of(&mut self, s: usize, cells: &Cells, id: &str) -> Option<usize> {
        // Where the plan shows no measures, each strategy holds one.
        let shown = self.layout.levels.shows(Column::Measure);
        let text = cells.get(Column::Measure);
        if text.is_empty() && shown {
            if self.measure.is_none() {
                let trouble = Trouble::NoMeasureAbove;
                self.problems.push(cells.problem(Column::Measure, trouble));
            }
            return self.measure;
        }
        let (label, name) = if shown {
            split_label(text)
        } else {
            Default::default()
        };
        let measures = &mut self.strategies[s].measures;
        let found = measures
            .iter()
            .position(|m| m.label == label && m.name == name);
        let m = found.unwrap_or_else(|| {
            measures.push(Arc::new(Measure {
                id: id.into(),
                label,
                name,
                owner: String::new(),
                kpis: Vec::new(),
                evaluation: String::new(),
                score: None,
                reason: String::new(),
                projects: Vec::new(),
            }));
            measures.len() - 1
        });
        self.measure = Some(m);
        Some(m)
    }

    /// The project of a row, or `None` after reporting each bad cell.
    fn project(&mut self, cells: &Cells) -> Option<Project> {
        let before = self.problems.len();
        let (budget, figures) =
            figures::amounts(self.layout, cells.row, &self.unit, &mut self.problems);
        let period = match Period::parse(cells.get(Column::Period)) {
            Ok(period) if period.is_reversed() => {
                let trouble = Trouble::ReversedPeriod {
                    period: period.to_string(),
                };
                self.problems.push(cells.problem(Column::Period, trouble));
                None
            }
            Ok(period) => Some(period),
            Err(e) => {
                let trouble = Trouble::Period(e);
                self.problems.push(cells.problem(Column::Period, trouble));
                None
            }
        };
        let evaluation = self.evaluation(cells);
        let period = period.filter(|_| self.problems.len() == before)?;
        Some(Project {
            id: Default::default(),
            name: cells.get(Column::Project).to_owned(),
            owner: cells.get(Column::Department).to_owned(),
            overview: cells.get(Column::Overview).to_owned(),
            budget,
            budget_note: cells.get(Column::BudgetNote).to_owned(),
            period,
            evaluation,
            schedule: parse_schedule(cells.get(Column::Progress)),
            analysis: parse_analysis(cells.get(Column::Analysis)),
            last_change: None,
            extra: crate::model::plan::ProjectExtra::with_figures(figures),
        })
    }

    fn evaluation(&mut self, cells: &Cells) -> String {
        let text = cells.get(Column::Evaluation);
        if text.is_empty() {
            return String::new();
        }
        if let Some(grade) = grade::find(&self.scale, text) {
            return grade.name.clone();
        }
        let trouble = Trouble::NotAnEvaluation {
            text: text.to_owned(),
            names: self.scale.iter().map(|g| g.name.clone()).collect(),
        };
        self.problems
            .push(cells.problem(Column::Evaluation, trouble));
        String::new()
    }
}

/// The label of the KPI with this statement, or the next free one.
fn label_for(strategy: &Strategy, statement: &str) -> String {
    if let Some(kpi) = strategy.kpis.iter().find(|k| k.statement == statement) {
        return kpi.label.clone();
    }
    KPI_LABELS
        .iter()
        .map(|l| (*l).to_owned())
        .chain((13..).map(|n: usize| n.to_string()))
        .find(|l| strategy.kpi_index(l).is_none())
        .unwrap_or_default()
}

/// What a KPI stated without a target gets: 0 or more, no unit.
fn no_target() -> Target {
    Target {
        value: TargetValue::Number(0.0),
        unit: String::new(),
        direction: Direction::AtLeast,
    }
}

impl Builder<'_> {
    /// The plan of the rows read, on the table's scale; the caller sets
    /// its title and fiscal year.
    pub fn into_plan(self) -> Plan {
        let (levels, roles) = self.layout.levels.levels_and_roles();
        let mut plan = Plan {
            title: String::new(),
            fiscal_year: 0,
            unit: self.unit,
            evaluation_scale: self.scale,
            levels,
            roles,
            stated_total: None,
            budget_figures: self.layout.figure_names(),
            achievement: Default::default(),
            grading: Vec::new(),
            score: None,
            headings: self.headings.list,
            strategies: self.strategies,
        };
        plan.settle_ids();
        plan
    }
}
