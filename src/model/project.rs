//! A project (事業): in memory, and as the plan file lays it out field by
//! field in file order. What few projects use (other budget figures, a
//! score, a reason) is held apart in memory, so that 100,000 projects that
//! use none of it do not pay for it.

use serde::{Deserialize, Serialize};

use super::figures::Figure;
use super::ids::NodeKey;
use super::last_change::{LastChange, bare_change, present_change};
use super::period::Period;
use super::schedule_line::ScheduleEntry;
use super::text_serde::{bare_amount, present_amount, text, text_list};

/// A project; read and written as `ProjectFile` (below), which
/// lays its fields out in the file. What few projects use is held apart
/// (`extra`), which counts at 100,000 projects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "ProjectFile", into = "ProjectFile")]
pub struct Project {
    /// Stable identity (see `ids`).
    pub id: NodeKey,
    pub name: String,
    /// The department in charge (担当課); when empty, the measure's or
    /// the strategy's applies.
    pub owner: String,
    pub overview: String,
    /// The figure totals add up, in the plan's unit; none when blank (not 0).
    pub budget: Option<u64>,
    pub budget_note: String,
    pub period: Period,
    /// A grade of the plan's evaluation scale, or empty.
    pub evaluation: String,
    pub schedule: Vec<ScheduleEntry>,
    pub analysis: Vec<String>,
    /// Who last saved a change to this project, and when.
    pub last_change: Option<Box<LastChange>>,
    /// Its other budget figures, score and reason, where it has any.
    pub extra: Extra,
}

/// A project's rarely set fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectExtra {
    /// The plan's other budget figures this project states, by name.
    pub figures: Vec<Figure>,
    /// On the plan's `score` axis, if given.
    pub score: Option<u64>,
    /// Why the grade was given (評価の理由), or empty.
    pub reason: String,
}

/// A project's extra fields: none held while all are empty, and equal to
/// an empty set of them however it is held.
#[derive(Debug, Clone, Default)]
pub struct Extra(Option<Box<ProjectExtra>>);

static EMPTY: ProjectExtra = ProjectExtra {
    figures: Vec::new(),
    score: None,
    reason: String::new(),
};

impl Extra {
    pub fn get(&self) -> &ProjectExtra {
        self.0.as_deref().unwrap_or(&EMPTY)
    }

    /// To change: made when first needed.
    pub fn get_mut(&mut self) -> &mut ProjectExtra {
        self.0.get_or_insert_with(Box::default)
    }

    pub(super) fn of(extra: ProjectExtra) -> Self {
        Self((extra != EMPTY).then(|| Box::new(extra)))
    }
}

impl ProjectExtra {
    /// The extra fields of a project that states `figures` and nothing
    /// else of them.
    pub fn with_figures(figures: Vec<Figure>) -> Extra {
        Extra::of(Self {
            figures,
            ..Self::default()
        })
    }
}

impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for Extra {}

impl Project {
    pub fn figures(&self) -> &[Figure] {
        &self.extra.get().figures
    }

    pub fn score(&self) -> Option<u64> {
        self.extra.get().score
    }

    pub fn reason(&self) -> &str {
        &self.extra.get().reason
    }
}

/// Named as users know it in messages (`… in \`Project\``).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Project")]
pub struct ProjectFile {
    /// Stable identity (see `ids`); not written while derivable.
    #[serde(default, skip_serializing_if = "super::ids::project_id_derived")]
    pub id: NodeKey,
    #[serde(serialize_with = "text")]
    pub name: String,
    /// The department in charge (担当課); when empty, the measure's or
    /// the strategy's applies.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "text"
    )]
    pub owner: String,
    #[serde(serialize_with = "text")]
    pub overview: String,
    /// The figure totals add up, in the plan's unit; none when blank (not 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "bare_amount", deserialize_with = "present_amount")]
    pub budget: Option<u64>,
    /// The plan's other budget figures this project states, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(serialize_with = "super::figures::inline")]
    #[serde(deserialize_with = "super::figures::read")]
    pub figures: Vec<Figure>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[serde(serialize_with = "text")]
    pub budget_note: String,
    pub period: Period,
    /// A grade of the plan's evaluation scale, or empty.
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
    pub schedule: Vec<ScheduleEntry>,
    #[serde(serialize_with = "text_list")]
    pub analysis: Vec<String>,
    /// Who last saved a change to this project, and when. Written on one
    /// line without RON's `Some(…)`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_change",
        deserialize_with = "present_change"
    )]
    pub last_change: Option<Box<LastChange>>,
}

impl From<ProjectFile> for Project {
    fn from(file: ProjectFile) -> Self {
        Self {
            id: file.id,
            name: file.name,
            owner: file.owner,
            overview: file.overview,
            budget: file.budget,
            budget_note: file.budget_note,
            period: file.period,
            evaluation: file.evaluation,
            schedule: file.schedule,
            analysis: file.analysis,
            last_change: file.last_change,
            extra: Extra::of(ProjectExtra {
                figures: file.figures,
                score: file.score,
                reason: file.reason,
            }),
        }
    }
}

impl From<Project> for ProjectFile {
    fn from(project: Project) -> Self {
        let extra = project.extra.0.map(|e| *e).unwrap_or_default();
        Self {
            id: project.id,
            name: project.name,
            owner: project.owner,
            overview: project.overview,
            budget: project.budget,
            figures: extra.figures,
            budget_note: project.budget_note,
            period: project.period,
            evaluation: project.evaluation,
            score: extra.score,
            reason: extra.reason,
            schedule: project.schedule,
            analysis: project.analysis,
            last_change: project.last_change,
        }
    }
}
