//! Three-way merge of plans: as loaded (base), as edited here (mine) and as
//! found on disk (theirs). Different fields and different entries merge by
//! themselves; entries added to the same list on both sides are all kept; a
//! value changed to two different things is a conflict, settled by `choose`.
//!
//! Lists merge position by position while neither side removed or reordered
//! entries (additions at the end are fine); otherwise the whole list is one
//! conflict.

use std::sync::Arc;

use super::address::FieldPath;
use super::dates::fiscal_year_label;
use super::fields::target_text;
use super::money::group_thousands;
use super::plan::{Actual, Kpi, Measure, Plan, Project, ScheduleEntry, Strategy, Target};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Mine => Side::Theirs,
            Side::Theirs => Side::Mine,
        }
    }
}

/// One value changed to two different things.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub path: FieldPath,
    /// Where, in the words of the table: `行政手続きオンライン化事業 / 予算額`.
    pub label: String,
    pub mine: String,
    pub theirs: String,
}

/// One value that differs between two versions, for summaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub label: String,
    pub before: String,
    pub after: String,
}

pub struct Merged {
    pub plan: Plan,
    pub conflicts: Vec<Conflict>,
}

/// Merges; each conflict takes the side `choose` names for its path.
pub fn merge(
    base: &Plan,
    mine: &Plan,
    theirs: &Plan,
    choose: &dyn Fn(&FieldPath) -> Side,
) -> Merged {
    let mut cx = Cx {
        choose,
        conflicts: Vec::new(),
        changes: None,
    };
    let plan = plan(base, mine, theirs, &mut cx);
    Merged {
        plan,
        conflicts: cx.conflicts,
    }
}

/// Every value that differs from `base` in `edited`.
pub fn changes(base: &Plan, edited: &Plan) -> Vec<Change> {
    let mut cx = Cx {
        choose: &|_| Side::Mine,
        conflicts: Vec::new(),
        changes: Some(Vec::new()),
    };
    plan(base, edited, base, &mut cx);
    cx.changes.unwrap_or_default()
}

struct Cx<'a> {
    choose: &'a dyn Fn(&FieldPath) -> Side,
    conflicts: Vec<Conflict>,
    /// When set, every difference of mine from base is recorded here.
    changes: Option<Vec<Change>>,
}

/// Where a value is: its path in the file and its label for people.
struct At {
    path: FieldPath,
    label: String,
}

impl At {
    fn field(&self, name: &str, heading: &str) -> At {
        At {
            path: self.path.field(name),
            label: match (self.label.is_empty(), heading.is_empty()) {
                (_, true) => self.label.clone(),
                (true, false) => heading.to_owned(),
                (false, false) => format!("{} / {heading}", self.label),
            },
        }
    }

    fn item(&self, i: usize, label: &str) -> At {
        At {
            path: self.path.index(i),
            label: if self.label.is_empty() || label.is_empty() {
                format!("{}{label}", self.label)
            } else {
                format!("{} / {label}", self.label)
            },
        }
    }
}

fn value<T: Clone + PartialEq>(
    base: &T,
    mine: &T,
    theirs: &T,
    cx: &mut Cx,
    at: &At,
    show: impl Fn(&T) -> String,
) -> T {
    if let Some(changes) = &mut cx.changes
        && mine != base
    {
        changes.push(Change {
            label: at.label.clone(),
            before: show(base),
            after: show(mine),
        });
    }
    if mine == theirs || theirs == base {
        return mine.clone();
    }
    if mine == base {
        return theirs.clone();
    }
    cx.conflicts.push(Conflict {
        path: at.path.clone(),
        label: at.label.clone(),
        mine: show(mine),
        theirs: show(theirs),
    });
    match (cx.choose)(&at.path) {
        Side::Mine => mine.clone(),
        Side::Theirs => theirs.clone(),
    }
}

fn text(base: &str, mine: &str, theirs: &str, cx: &mut Cx, at: &At) -> String {
    value(
        &base.to_owned(),
        &mine.to_owned(),
        &theirs.to_owned(),
        cx,
        at,
        Clone::clone,
    )
}

/// Merges lists entry by entry while both sides only changed or added
/// entries; `item` merges one entry, `name` labels it.
fn list<T: Clone + PartialEq>(
    base: &[T],
    mine: &[T],
    theirs: &[T],
    cx: &mut Cx,
    at: &At,
    item: impl Fn(&T, &T, &T, &mut Cx, &At) -> T,
    name: impl Fn(&T) -> String,
) -> Vec<T> {
    let n = base.len();
    let only_appended = mine.len() >= n && theirs.len() >= n;
    if !only_appended {
        let show = |l: &Vec<T>| l.iter().map(&name).collect::<Vec<_>>().join("\n");
        return value(
            &base.to_vec(),
            &mine.to_vec(),
            &theirs.to_vec(),
            cx,
            at,
            show,
        );
    }
    let mut out: Vec<T> = (0..n)
        .map(|i| {
            item(
                &base[i],
                &mine[i],
                &theirs[i],
                cx,
                &at.item(i, &name(&mine[i])),
            )
        })
        .collect();
    // What is already on disk stays in place; what was added here follows.
    // What both sides added alike is kept once.
    out.extend_from_slice(&theirs[n..]);
    out.extend(
        mine[n..]
            .iter()
            .filter(|m| !theirs[n..].contains(m))
            .cloned(),
    );
    if let Some(changes) = &mut cx.changes {
        changes.extend(mine[n..].iter().map(|added| Change {
            label: at.label.clone(),
            before: String::new(),
            after: name(added),
        }));
    }
    out
}

fn plan(base: &Plan, mine: &Plan, theirs: &Plan, cx: &mut Cx) -> Plan {
    let at = At {
        path: FieldPath::root(),
        label: String::new(),
    };
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
        strategies: list(
            &base.strategies,
            &mine.strategies,
            &theirs.strategies,
            cx,
            &at.field("strategies", ""),
            strategy,
            |s| format!("{}{}", s.label, s.name),
        ),
    }
}

fn strategy(base: &Strategy, mine: &Strategy, theirs: &Strategy, cx: &mut Cx, at: &At) -> Strategy {
    Strategy {
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
        kpis: list(
            &base.kpis,
            &mine.kpis,
            &theirs.kpis,
            cx,
            &at.field("kpis", ""),
            kpi,
            |k| format!("KPI {}", k.label),
        ),
        measures: list(
            &base.measures,
            &mine.measures,
            &theirs.measures,
            cx,
            &at.field("measures", ""),
            shared_measure,
            |m| format!("{}{}", m.label, m.name),
        ),
    }
}

fn kpi(base: &Kpi, mine: &Kpi, theirs: &Kpi, cx: &mut Cx, at: &At) -> Kpi {
    Kpi {
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

/// A measure merged; one that neither side changed stays shared.
fn shared_measure(
    base: &Arc<Measure>,
    mine: &Arc<Measure>,
    theirs: &Arc<Measure>,
    cx: &mut Cx,
    at: &At,
) -> Arc<Measure> {
    if Arc::ptr_eq(base, mine) || mine == base {
        return Arc::clone(theirs);
    }
    // Listing changes needs every difference of mine, found below.
    if cx.changes.is_none() && (Arc::ptr_eq(base, theirs) || theirs == base) {
        return Arc::clone(mine);
    }
    Arc::new(measure(base, mine, theirs, cx, at))
}

fn measure(base: &Measure, mine: &Measure, theirs: &Measure, cx: &mut Cx, at: &At) -> Measure {
    Measure {
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
        projects: list(
            &base.projects,
            &mine.projects,
            &theirs.projects,
            cx,
            &at.field("projects", ""),
            project,
            |p| p.name.clone(),
        ),
    }
}

fn project(base: &Project, mine: &Project, theirs: &Project, cx: &mut Cx, at: &At) -> Project {
    let entry = |b: &ScheduleEntry, m: &ScheduleEntry, t: &ScheduleEntry, cx: &mut Cx, at: &At| {
        value(b, m, t, cx, at, ScheduleEntry::to_line)
    };
    let bullet = |b: &String, m: &String, t: &String, cx: &mut Cx, at: &At| text(b, m, t, cx, at);
    Project {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;

    fn seed() -> Plan {
        ron::from_str(include_str!("../../plans/r5-growth-strategy.ron")).unwrap()
    }

    fn project_mut(plan: &mut Plan, m: usize, p: usize) -> &mut Project {
        &mut plan.strategies[0].measure_mut(m).projects[p]
    }

    fn entry(line: &str) -> ScheduleEntry {
        ScheduleEntry::from_line(line)
    }

    #[test]
    fn changes_to_different_projects_and_fields_merge_quietly() {
        let base = seed();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        project_mut(&mut mine, 0, 0).budget = 5000;
        project_mut(&mut theirs, 2, 1).budget_note = "※改訂".to_owned();
        project_mut(&mut theirs, 0, 0).overview = "新しい概要".to_owned();
        let merged = merge(&base, &mine, &theirs, &|_| Side::Mine);
        assert!(merged.conflicts.is_empty());
        assert_eq!(
            merged.plan.strategies[0].measures[0].projects[0].budget,
            5000
        );
        assert_eq!(
            merged.plan.strategies[0].measures[0].projects[0].overview,
            "新しい概要"
        );
        assert_eq!(
            merged.plan.strategies[0].measures[2].projects[1].budget_note,
            "※改訂"
        );
    }

    #[test]
    fn entries_added_on_both_sides_are_all_kept() {
        let base = seed();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        project_mut(&mut mine, 2, 2)
            .schedule
            .push(entry("R5.10 こちらの追記"));
        project_mut(&mut theirs, 2, 2)
            .schedule
            .push(entry("R5.11 あちらの追記"));
        project_mut(&mut theirs, 2, 2)
            .analysis
            .push("・あちらの分析".to_owned());
        let merged = merge(&base, &mine, &theirs, &|_| Side::Mine);
        assert!(merged.conflicts.is_empty());
        let p = &merged.plan.strategies[0].measures[2].projects[2];
        let lines: Vec<String> = p.schedule.iter().map(ScheduleEntry::to_line).collect();
        assert_eq!(lines[3..], ["R5.11 あちらの追記", "R5.10 こちらの追記"]);
        assert_eq!(p.analysis.last().unwrap(), "・あちらの分析");
    }

    #[test]
    fn the_same_field_changed_twice_is_a_conflict_settled_by_choice() {
        let base = seed();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        project_mut(&mut mine, 2, 1).budget = 3000;
        project_mut(&mut theirs, 2, 1).budget = 2500;
        let merged = merge(&base, &mine, &theirs, &|_| Side::Theirs);
        assert_eq!(
            merged.conflicts,
            [Conflict {
                path: FieldPath::root()
                    .field("strategies")
                    .index(0)
                    .field("measures")
                    .index(2)
                    .field("projects")
                    .index(1)
                    .field("budget"),
                label: "（６）県庁オープン化戦略 / ③デジタル技術を活用した住民サービスの向上・住民参加の推進 / 行政手続きオンライン化事業 / 予算額".to_owned(),
                mine: "3,000".to_owned(),
                theirs: "2,500".to_owned(),
            }]
        );
        assert_eq!(
            merged.plan.strategies[0].measures[2].projects[1].budget,
            2500
        );
        let other = merge(&base, &mine, &theirs, &|_| Side::Mine);
        assert_eq!(
            other.plan.strategies[0].measures[2].projects[1].budget,
            3000
        );
    }

    #[test]
    fn a_removed_entry_against_a_changed_list_is_one_conflict() {
        let base = seed();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        project_mut(&mut mine, 0, 0).schedule.remove(0);
        project_mut(&mut theirs, 0, 0).schedule[1].date = Some(Period::parse("R5.6").unwrap());
        let merged = merge(&base, &mine, &theirs, &|_| Side::Mine);
        assert_eq!(merged.conflicts.len(), 1);
        assert!(
            merged.conflicts[0]
                .label
                .ends_with("県庁活性化促進事業 / 進捗状況やスケジュール")
        );
        assert_eq!(
            merged.plan.strategies[0].measures[0].projects[0]
                .schedule
                .len(),
            4
        );
    }

    #[test]
    fn changes_lists_what_an_edit_did() {
        let base = seed();
        let mut edited = base.clone();
        project_mut(&mut edited, 2, 2)
            .schedule
            .push(entry("R5.10 テスト入力"));
        project_mut(&mut edited, 1, 0).budget = 9300;
        let found: Vec<String> = changes(&base, &edited)
            .iter()
            .map(|c| {
                format!(
                    "{}: {} -> {}",
                    c.label
                        .rsplit(" / ")
                        .take(2)
                        .collect::<Vec<_>>()
                        .join(" < "),
                    c.before,
                    c.after
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                "予算額 < 働き方改革ラボ2.0事業: 9,200 -> 9,300",
                "進捗状況やスケジュール < サービス連携プラットフォーム等整備事業:  -> R5.10 テスト入力",
            ]
        );
    }
}
