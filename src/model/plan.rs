//! The plan as our users' tables have it: strategy → KPI → measure → project.
//! Field order here is the order in the file; unknown fields are refused so a
//! typo in a hand-edited plan is reported instead of silently dropped.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::grade::{Grade, default_scale, is_default_scale};
use super::ids;
pub use super::ids::NodeKey;
pub use super::indicator::{Actual, DatedTarget, TargetKind, TargetValue};
pub use super::last_change::LastChange;
pub use super::parts::Heading;
use super::parts::Role;
use super::period::Period;
pub use super::project::{Extra, Project, ProjectExtra};
use super::rule::{AchievementRule, GradeStep, ScoreAxis, bare_axis, present_axis};
pub use super::schedule_line::ScheduleEntry;
use super::text_serde::{
    bare_amount, bare_number, bare_period, inline_list, present_amount, present_number,
    present_period, text, write_raw,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    #[serde(serialize_with = "text")]
    pub title: String,
    /// Gregorian year in which the fiscal year starts (April).
    pub fiscal_year: i32,
    /// Unit of every budget in the plan, e.g. `千円`.
    #[serde(serialize_with = "text")]
    pub unit: String,
    /// What the plan calls its levels, top first (`levels.rs`); none
    /// written for the default 戦略 → KPI → 施策 → 事業.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "inline_list"
    )]
    pub levels: Vec<String>,
    /// The part each level plays (`levels.rs`): needed unless the plan
    /// names four levels, which are strategy → KPI → measure → project.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "roles_inline"
    )]
    pub roles: Vec<Role>,
    /// The 合計 the source table states, if it states one: kept as written
    /// and checked against the sum of the budgets (`check`, status bar).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "bare_amount", deserialize_with = "present_amount")]
    pub stated_total: Option<u64>,
    /// The budget figures of each project (`figures`), the totalled first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(serialize_with = "inline_list")]
    pub budget_figures: Vec<String>,
    /// The grades a project's evaluation may take; the default scale is
    /// not written.
    #[serde(default = "default_scale", skip_serializing_if = "is_default_scale")]
    pub evaluation_scale: Vec<Grade>,
    /// How a KPI's rate of achievement is computed; the default (from the
    /// baseline) is not written.
    #[serde(default, skip_serializing_if = "AchievementRule::is_default")]
    pub achievement: AchievementRule,
    /// The grades KPIs earn by their rate of achievement, best first; none
    /// when the plan publishes no such rule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grading: Vec<GradeStep>,
    /// A second axis of evaluation (`(name: "進捗度", max: 10)`), if the
    /// plan scores its nodes besides grading them.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_axis",
        deserialize_with = "present_axis"
    )]
    pub score: Option<ScoreAxis>,
    /// The headings that group strategies (分野, 戦略の柱), in table order;
    /// see `headings.rs`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<Heading>,
    #[serde(
        serialize_with = "ids::placed_strategies",
        deserialize_with = "ids::settled"
    )]
    pub strategies: Vec<Strategy>,
}

/// Roles on one line, as the levels they go with: `[Heading, Strategy]`.
fn roles_inline<S: serde::Serializer>(roles: &[Role], serializer: S) -> Result<S::Ok, S::Error> {
    let names: Vec<String> = roles.iter().map(|r| format!("{r:?}")).collect();
    write_raw(format!("[{}]", names.join(", ")), serializer)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    /// Stable identity (see `ids`); not written while derivable.
    #[serde(default, skip_serializing_if = "ids::strategy_id_derived")]
    pub id: NodeKey,
    #[serde(serialize_with = "text")]
    pub label: String,
    #[serde(serialize_with = "text")]
    pub name: String,
    /// The department in charge (担当課) of everything under it that names
    /// none of its own; see `department`.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "text"
    )]
    pub owner: String,
    /// The id of the lowest heading the strategy stands under, if the plan
    /// has headings.
    #[serde(default, skip_serializing_if = "NodeKey::is_empty")]
    pub under: NodeKey,
    /// A grade of the plan's evaluation scale entered for the strategy as a
    /// whole (Tottori's 工程表 grade their 政策内容), or empty.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "text"
    )]
    pub evaluation: String,
    /// On the plan's `score` axis, if given.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_amount",
        deserialize_with = "present_amount"
    )]
    pub score: Option<u64>,
    /// Why the grade was given (評価の理由), or empty.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "text"
    )]
    pub reason: String,
    #[serde(serialize_with = "ids::placed")]
    pub kpis: Vec<Kpi>,
    /// Shared between copies of the plan (the saved base, undo steps) until
    /// changed: a change copies one measure, not the whole plan. Change one
    /// through `measure_mut`.
    #[serde(serialize_with = "ids::placed")]
    pub measures: Vec<Arc<Measure>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    /// Stable identity (see `ids`); not written while derivable.
    #[serde(default, skip_serializing_if = "ids::kpi_id_derived")]
    pub id: NodeKey,
    /// Referenced by measures, so unique within its strategy.
    #[serde(serialize_with = "text")]
    pub label: String,
    #[serde(serialize_with = "text")]
    pub statement: String,
    pub target: Target,
    /// Targets for years or dates besides the main one (中間目標,
    /// 長期的目標値), in its unit and direction.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<DatedTarget>,
    /// The value before the plan started, if known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_number",
        deserialize_with = "present_number"
    )]
    pub baseline: Option<f64>,
    /// When the baseline was measured (`H27年度`, `H27.4`), if published.
    /// Written as a bare string.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_period",
        deserialize_with = "present_period"
    )]
    pub baseline_at: Option<Period>,
    /// Measured values, one per fiscal year or per date within one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<Actual>,
    /// A rate of achievement in percent entered by hand, for a KPI whose
    /// target is a phrase (`全国1位`): shown as entered, marked so.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_number",
        deserialize_with = "present_number"
    )]
    pub entered_achievement: Option<f64>,
    /// A grade of the plan's evaluation scale entered for the KPI (as
    /// tables 02, 03 and 30 grade theirs), or empty; beside the one the
    /// plan's grading rule computes.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "text"
    )]
    pub evaluation: String,
    /// On the plan's `score` axis (`7` of `進捗度 /10`), if given.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_amount",
        deserialize_with = "present_amount"
    )]
    pub score: Option<u64>,
    /// Why the grade was given (評価の理由), or empty.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "text"
    )]
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub value: TargetValue,
    #[serde(serialize_with = "text")]
    pub unit: String,
    pub direction: Direction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    AtLeast,
    AtMost,
}

// `Eq` lets comparing two copies skip measures they share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Stable identity (see `ids`); not written while derivable.
    #[serde(default, skip_serializing_if = "ids::measure_id_derived")]
    pub id: NodeKey,
    #[serde(serialize_with = "text")]
    pub label: String,
    #[serde(serialize_with = "text")]
    pub name: String,
    /// The department in charge (担当課) of everything under it that names
    /// none of its own; see `department`.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "text"
    )]
    pub owner: String,
    /// Labels of the KPIs of this strategy that the measure serves.
    #[serde(serialize_with = "inline_list")]
    pub kpis: Vec<String>,
    /// A grade of the plan's evaluation scale entered for the measure, or empty.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "text"
    )]
    pub evaluation: String,
    /// On the plan's `score` axis (`7` of `進捗度 /10`), if given.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_amount",
        deserialize_with = "present_amount"
    )]
    pub score: Option<u64>,
    /// Why the grade was given (評価の理由), or empty.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "text"
    )]
    pub reason: String,
    #[serde(serialize_with = "ids::placed")]
    pub projects: Vec<Project>,
}

impl Plan {
    pub fn strategy(&self, s: usize) -> Option<&Strategy> {
        self.strategies.get(s)
    }

    pub fn measure(&self, s: usize, m: usize) -> Option<&Measure> {
        self.strategy(s)?.measures.get(m).map(|m| &**m)
    }

    pub fn project(&self, s: usize, m: usize, p: usize) -> Option<&Project> {
        self.measure(s, m)?.projects.get(p)
    }
}

impl Kpi {
    /// A KPI with its main target only: no baseline, nothing measured or
    /// dated yet.
    pub fn unmeasured(id: NodeKey, label: String, statement: String, target: Target) -> Self {
        Self {
            id,
            label,
            statement,
            target,
            targets: Vec::new(),
            baseline: None,
            baseline_at: None,
            actuals: Vec::new(),
            entered_achievement: None,
            evaluation: String::new(),
            score: None,
            reason: String::new(),
        }
    }
}

impl Strategy {
    /// Measure `m`, to change: copied first if another plan shares it.
    pub fn measure_mut(&mut self, m: usize) -> &mut Measure {
        Arc::make_mut(&mut self.measures[m])
    }

    /// Every measure, to change (each copied first if shared).
    pub fn measures_mut(&mut self) -> impl Iterator<Item = &mut Measure> {
        self.measures.iter_mut().map(Arc::make_mut)
    }

    /// Index of the KPI with this label.
    pub fn kpi_index(&self, label: &str) -> Option<usize> {
        self.kpis.iter().position(|k| k.label == label)
    }

    /// Measures serving KPI `k`, in table order.
    pub fn measures_of_kpi(&self, k: usize) -> impl Iterator<Item = usize> + '_ {
        let label = self.kpis.get(k).map(|kpi| kpi.label.as_str());
        self.measures
            .iter()
            .enumerate()
            .filter(move |(_, m)| label.is_some_and(|l| m.kpis.iter().any(|x| x == l)))
            .map(|(i, _)| i)
    }

    /// Measures that serve none of this strategy's KPIs (none named, or only
    /// unknown labels): shown directly under the strategy.
    pub fn unlinked_measures(&self) -> impl Iterator<Item = usize> + '_ {
        self.measures
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.kpis.iter().any(|l| self.kpi_index(l).is_some()))
            .map(|(i, _)| i)
    }
}
