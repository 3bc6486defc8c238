//! The fields of one node merged, given its three versions; its lists of
//! nodes are merged by `nodes` and passed in.

use std::sync::Arc;

use super::Cx;
use super::value::{At, list, text, value};
use crate::model::dates::fiscal_year_label;
use crate::model::fields::target_text;
use crate::model::money::group_thousands;
use crate::model::plan::{Actual, Kpi, Measure, Plan, Project, ScheduleEntry, Strategy, Target};

/// The plan's own fields; its strategies are passed in.
pub(super) fn plan(
    base: &Plan,
    mine: &Plan,
    theirs: &Plan,
    cx: &mut Cx,
    strategies: Vec<Strategy>,
) -> Plan {
    let at = At::root();
    Plan {
        title: text(
            &base.title,
            &mine.title,
            &theirs.title,
            cx,
            &at.field("title", "計画名"),
        ),
        fiscal_year: value(
            &base.fiscal_year,
            &mine.fiscal_year,
            &theirs.fiscal_year,
            cx,
            &at.field("fiscal_year", "年度"),
            ToString::to_string,
        ),
        unit: text(
            &base.unit,
            &mine.unit,
            &theirs.unit,
            cx,
            &at.field("unit", "予算単位"),
        ),
        evaluation_scale: value(
            &base.evaluation_scale,
            &mine.evaluation_scale,
            &theirs.evaluation_scale,
            cx,
            &at.field("evaluation_scale", "評価の段階"),
            |scale| {
                scale
                    .iter()
                    .map(|g| g.name.as_str())
                    .collect::<Vec<_>>()
                    .join(" / ")
            },
        ),
        strategies,
    }
}

pub(super) fn strategy(
    (base, mine, theirs): (&Strategy, &Strategy, &Strategy),
    cx: &mut Cx,
    at: &At,
    kpis: Vec<Kpi>,
    measures: Vec<Arc<Measure>>,
) -> Strategy {
    Strategy {
        id: mine.id.clone(),
        label: text(
            &base.label,
            &mine.label,
            &theirs.label,
            cx,
            &at.field("label", "番号"),
        ),
        name: text(
            &base.name,
            &mine.name,
            &theirs.name,
            cx,
            &at.field("name", "戦略名"),
        ),
        kpis,
        measures,
    }
}

pub(super) fn kpi((base, mine, theirs): (&Kpi, &Kpi, &Kpi), cx: &mut Cx, at: &At) -> Kpi {
    Kpi {
        id: mine.id.clone(),
        label: text(
            &base.label,
            &mine.label,
            &theirs.label,
            cx,
            &at.field("label", "番号"),
        ),
        statement: text(
            &base.statement,
            &mine.statement,
            &theirs.statement,
            cx,
            &at.field("statement", "ＫＰＩ"),
        ),
        target: value::<Target>(
            &base.target,
            &mine.target,
            &theirs.target,
            cx,
            &at.field("target", "目標"),
            target_text,
        ),
        baseline: value(
            &base.baseline,
            &mine.baseline,
            &theirs.baseline,
            cx,
            &at.field("baseline", "基準値"),
            |b| b.map(|v| format!("{v}")).unwrap_or_default(),
        ),
        actuals: list(
            &base.actuals,
            &mine.actuals,
            &theirs.actuals,
            cx,
            &at.field("actuals", "実績"),
            |b, m, t, cx, at| value(b, m, t, cx, at, actual_line),
            actual_line,
        ),
    }
}

pub(super) fn measure(
    (base, mine, theirs): (&Measure, &Measure, &Measure),
    cx: &mut Cx,
    at: &At,
    projects: Vec<Project>,
) -> Measure {
    Measure {
        id: mine.id.clone(),
        label: text(
            &base.label,
            &mine.label,
            &theirs.label,
            cx,
            &at.field("label", "番号"),
        ),
        name: text(
            &base.name,
            &mine.name,
            &theirs.name,
            cx,
            &at.field("name", "施策名"),
        ),
        kpis: value(
            &base.kpis,
            &mine.kpis,
            &theirs.kpis,
            cx,
            &at.field("kpis", "対象ＫＰＩ"),
            |k| k.join(" "),
        ),
        projects,
    }
}

pub(super) fn project(
    (base, mine, theirs): (&Project, &Project, &Project),
    cx: &mut Cx,
    at: &At,
) -> Project {
    if cx.changes.is_none() && (mine == theirs || theirs == base) {
        return mine.clone();
    }
    if cx.changes.is_none() && mine == base {
        return theirs.clone();
    }
    let entry = |b: &ScheduleEntry, m: &ScheduleEntry, t: &ScheduleEntry, cx: &mut Cx, at: &At| {
        value(b, m, t, cx, at, ScheduleEntry::to_line)
    };
    let bullet = |b: &String, m: &String, t: &String, cx: &mut Cx, at: &At| text(b, m, t, cx, at);
    Project {
        id: mine.id.clone(),
        name: text(
            &base.name,
            &mine.name,
            &theirs.name,
            cx,
            &at.field("name", "事業名"),
        ),
        owner: text(
            &base.owner,
            &mine.owner,
            &theirs.owner,
            cx,
            &at.field("owner", "担当課"),
        ),
        overview: text(
            &base.overview,
            &mine.overview,
            &theirs.overview,
            cx,
            &at.field("overview", "概要"),
        ),
        budget: value(
            &base.budget,
            &mine.budget,
            &theirs.budget,
            cx,
            &at.field("budget", "予算額"),
            |b| group_thousands(*b),
        ),
        budget_note: text(
            &base.budget_note,
            &mine.budget_note,
            &theirs.budget_note,
            cx,
            &at.field("budget_note", "予算備考"),
        ),
        period: value(
            &base.period,
            &mine.period,
            &theirs.period,
            cx,
            &at.field("period", "期間"),
            |p| p.as_str().to_owned(),
        ),
        evaluation: text(
            &base.evaluation,
            &mine.evaluation,
            &theirs.evaluation,
            cx,
            &at.field("evaluation", "評価"),
        ),
        schedule: list(
            &base.schedule,
            &mine.schedule,
            &theirs.schedule,
            cx,
            &at.field("schedule", "進捗状況やスケジュール"),
            entry,
            ScheduleEntry::to_line,
        ),
        analysis: list(
            &base.analysis,
            &mine.analysis,
            &theirs.analysis,
            cx,
            &at.field("analysis", "現状分析"),
            bullet,
            Clone::clone,
        ),
        // Both sides saved changes to this project: the later stamp wins;
        // it is a record, not something to ask about.
        last_change: if mine.last_change == base.last_change {
            theirs.last_change.clone()
        } else if theirs.last_change == base.last_change {
            mine.last_change.clone()
        } else {
            std::cmp::max_by(
                mine.last_change.clone(),
                theirs.last_change.clone(),
                |a, b| a.as_ref().map(|c| &c.at).cmp(&b.as_ref().map(|c| &c.at)),
            )
        },
    }
}

/// `R5年度 1.2`.
fn actual_line(actual: &Actual) -> String {
    format!("{} {}", fiscal_year_label(actual.fiscal_year), actual.value)
}
