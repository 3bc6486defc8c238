//! The fields of each kind of node described once, for passes that treat
//! every field alike (the three-way merge, the list of changes): each field
//! with its heading, how to reach it in a node, how to show its value, and
//! whether it is a list of entries that stand on their own.

use super::heading::{Field, Kind};
use super::over_time::{actual_line, dated_target_line};
use super::show::target_text;
use crate::model::figures::figure_line;
use crate::model::money::{group_thousands, shown_amount};
use crate::model::plan::{Kpi, Measure, Plan, Project, ScheduleEntry, Strategy};

/// A field of a node of type `N`, to read in one version and set in another.
pub struct Lens<N, T> {
    pub get: fn(&N) -> &T,
    pub set: fn(&mut N) -> &mut T,
}

macro_rules! lens {
    ($field:ident) => {
        Lens {
            get: |node| &node.$field,
            set: |node| &mut node.$field,
        }
    };
}

/// A field of a project's rarely set ones (`Project::extra`).
macro_rules! extra_lens {
    ($field:ident) => {
        Lens {
            get: |node: &Project| &node.extra.get().$field,
            set: |node: &mut Project| &mut node.extra.get_mut().$field,
        }
    };
}

/// What a pass does with each kind of field.
pub trait Visit<N> {
    /// Text, compared as a whole.
    fn text(&mut self, field: Field, lens: Lens<N, String>);
    /// A value shown as text by `show`.
    fn value<T: Clone + PartialEq>(
        &mut self,
        field: Field,
        lens: Lens<N, T>,
        show: fn(&T) -> String,
    );
    /// A list whose entries stand on their own (a schedule, actuals): entry
    /// by entry while both sides only changed or added entries.
    fn entries<T: Clone + PartialEq>(
        &mut self,
        field: Field,
        lens: Lens<N, Vec<T>>,
        show: fn(&T) -> String,
    );
    /// A list of lines of text, entry by entry as `entries`.
    fn lines(&mut self, field: Field, lens: Lens<N, Vec<String>>);
}

/// A kind of node, with its fields in file order. Lists of nodes under it
/// (strategies, KPIs, measures, projects) are not fields here.
pub trait Described: Sized {
    const KIND: Kind;
    fn describe(pass: &mut impl Visit<Self>);
}

impl Described for Plan {
    const KIND: Kind = Kind::Plan;
    fn describe(pass: &mut impl Visit<Self>) {
        pass.text(Field::Title, lens!(title));
        pass.value(Field::FiscalYear, lens!(fiscal_year), ToString::to_string);
        pass.text(Field::Unit, lens!(unit));
        pass.value(Field::StatedTotal, lens!(stated_total), |t| {
            t.map(group_thousands).unwrap_or_default()
        });
        pass.value(Field::BudgetFigures, lens!(budget_figures), |names| {
            names.join(" / ")
        });
        pass.value(Field::EvaluationScale, lens!(evaluation_scale), |scale| {
            let names: Vec<&str> = scale.iter().map(|g| g.name.as_str()).collect();
            names.join(" / ")
        });
        pass.value(Field::AchievementRule, lens!(achievement), |rule| {
            format!("{rule:?}")
        });
        pass.value(Field::Grading, lens!(grading), |steps| {
            let grades: Vec<&str> = steps.iter().map(|s| s.grade.as_str()).collect();
            grades.join(" / ")
        });
        pass.value(Field::Levels, lens!(levels), |names| names.join(" → "));
        pass.value(Field::Roles, lens!(roles), |roles| format!("{roles:?}"));
        // Whole: a change to the headings on both sides is one conflict.
        pass.value(Field::Headings, lens!(headings), |headings| {
            let names: Vec<String> = (headings.iter())
                .map(|h| format!("{}{}", h.label, h.name))
                .collect();
            names.join(" / ")
        });
        pass.value(Field::ScoreAxis, lens!(score), |axis| {
            axis.as_ref()
                .map(|a| format!("{} {}–{}", a.name, a.min, a.max))
                .unwrap_or_default()
        });
    }
}

impl Described for Strategy {
    const KIND: Kind = Kind::Strategy;
    fn describe(pass: &mut impl Visit<Self>) {
        pass.text(Field::Label, lens!(label));
        pass.text(Field::Name, lens!(name));
        pass.text(Field::Owner, lens!(owner));
        pass.value(Field::Under, lens!(under), ToString::to_string);
        pass.text(Field::Evaluation, lens!(evaluation));
        pass.value(Field::Score, lens!(score), show_score);
        pass.text(Field::Reason, lens!(reason));
    }
}

impl Described for Kpi {
    const KIND: Kind = Kind::Kpi;
    fn describe(pass: &mut impl Visit<Self>) {
        pass.text(Field::Label, lens!(label));
        pass.text(Field::Statement, lens!(statement));
        pass.value(Field::Target, lens!(target), target_text);
        pass.entries(Field::Targets, lens!(targets), dated_target_line);
        pass.value(Field::Baseline, lens!(baseline), |b| {
            b.map(|v| format!("{v}")).unwrap_or_default()
        });
        pass.value(Field::BaselineAt, lens!(baseline_at), |at| {
            at.as_ref().map(ToString::to_string).unwrap_or_default()
        });
        pass.entries(Field::Actuals, lens!(actuals), actual_line);
        pass.value(Field::EnteredAchievement, lens!(entered_achievement), |v| {
            v.map(|v| format!("{v}%")).unwrap_or_default()
        });
        pass.text(Field::Evaluation, lens!(evaluation));
        pass.value(Field::Score, lens!(score), show_score);
        pass.text(Field::Reason, lens!(reason));
    }
}

impl Described for Measure {
    const KIND: Kind = Kind::Measure;
    fn describe(pass: &mut impl Visit<Self>) {
        pass.text(Field::Label, lens!(label));
        pass.text(Field::Name, lens!(name));
        pass.text(Field::Owner, lens!(owner));
        pass.value(Field::Kpis, lens!(kpis), |k| k.join(" "));
        pass.text(Field::Evaluation, lens!(evaluation));
        pass.value(Field::Score, lens!(score), show_score);
        pass.text(Field::Reason, lens!(reason));
    }
}

impl Described for Project {
    const KIND: Kind = Kind::Project;
    fn describe(pass: &mut impl Visit<Self>) {
        pass.text(Field::Name, lens!(name));
        pass.text(Field::Owner, lens!(owner));
        pass.text(Field::Overview, lens!(overview));
        pass.value(Field::Budget, lens!(budget), |b| shown_amount(*b));
        pass.entries(Field::Figures, extra_lens!(figures), figure_line);
        pass.text(Field::BudgetNote, lens!(budget_note));
        pass.value(Field::Period, lens!(period), |p| p.as_str().to_owned());
        pass.text(Field::Evaluation, lens!(evaluation));
        pass.value(Field::Score, extra_lens!(score), show_score);
        pass.text(Field::Reason, extra_lens!(reason));
        pass.entries(Field::Schedule, lens!(schedule), ScheduleEntry::to_line);
        pass.lines(Field::Analysis, lens!(analysis));
    }
}

#[allow(clippy::ref_option)] // a lens passes &Option
fn show_score(score: &Option<u64>) -> String {
    score.map(|s| s.to_string()).unwrap_or_default()
}
