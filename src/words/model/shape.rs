//! What is said of a plan's shape: its levels, their parts, its headings.

use crate::model::levels::{LevelsProblem, MAX_LEVELS, Role};
use crate::model::shape::ShapeProblem;
use crate::words::{Lang, Say};

/// The parts a level may play, as the file writes them and as they read.
fn role_words(role: Role, lang: Lang) -> &'static str {
    match (role, lang) {
        (Role::Heading, Lang::En) => "headings",
        (Role::Heading, Lang::Ja) => "見出し",
        (Role::Strategy, Lang::En) => "strategies",
        (Role::Strategy, Lang::Ja) => "戦略",
        (Role::Kpi, Lang::En) => "KPIs",
        (Role::Kpi, Lang::Ja) => "指標（KPI）",
        (Role::Measure, Lang::En) => "measures",
        (Role::Measure, Lang::Ja) => "施策",
        (Role::Project, Lang::En) => "projects",
        (Role::Project, Lang::Ja) => "事業",
    }
}

impl Say for LevelsProblem {
    fn say(&self, lang: Lang) -> String {
        use Lang::{En, Ja};
        match self {
            LevelsProblem::Count { count } => match lang {
                En => format!("{count} levels are named; a plan has 1 to {MAX_LEVELS}"),
                Ja => format!("階層が {count} つ書かれています。計画の階層は 1〜{MAX_LEVELS} です"),
            },
            LevelsProblem::RolesNotOnePerLevel { levels, roles } => match lang {
                En => format!(
                    "{levels} levels and {roles} roles: give each level its role (Heading, Strategy, Kpi, Measure, Project), as `roles: [Heading, Strategy, Project]`"
                ),
                Ja => format!(
                    "階層が {levels} つ、役割（roles）が {roles} つです。階層ごとに役割（Heading, Strategy, Kpi, Measure, Project）を一つずつ書きます（例: `roles: [Heading, Strategy, Project]`）"
                ),
            },
            LevelsProblem::RoleOutOfOrder { at } => {
                let n = at + 1;
                match lang {
                    En => format!(
                        "role {n} is out of order: roles go Heading…, Strategy, Kpi, Measure, Project, each but Heading at most once"
                    ),
                    Ja => format!(
                        "{n} 番目の役割の順序が違います（Heading…, Strategy, Kpi, Measure, Project の順に、Heading 以外は一度ずつ）"
                    ),
                }
            }
            LevelsProblem::NothingToHold => match lang {
                En => "no level holds KPIs or projects (Kpi or Project)".to_owned(),
                Ja => "指標（Kpi）も事業（Project）も持つ階層がありません".to_owned(),
            },
        }
    }
}

impl Say for ShapeProblem {
    fn say(&self, lang: Lang) -> String {
        use Lang::{En, Ja};
        match self {
            ShapeProblem::Levels(problem) => problem.say(lang),
            ShapeProblem::LevelNameEmpty => match lang {
                En => "a level has no name".to_owned(),
                Ja => "名前のない階層があります".to_owned(),
            },
            ShapeProblem::HeadingsWithoutLevel => match lang {
                En => "the plan has headings but no heading level in `roles`".to_owned(),
                Ja => "見出しがありますが、roles に見出しの階層（Heading）がありません".to_owned(),
            },
            ShapeProblem::HeadingIdInvalid { id } => match lang {
                En => format!(
                    "heading id `{id}` is not 1 to 64 of the letters A-Z a-z, digits, `_` and `-`"
                ),
                Ja => format!("見出しの id `{id}` は使えません（英数字と _ - で 1〜64 文字）"),
            },
            ShapeProblem::HeadingIdTwice { id } => match lang {
                En => format!("two headings have the id `{id}`"),
                Ja => format!("id `{id}` の見出しが二つあります"),
            },
            ShapeProblem::UnknownHeading { id } => match lang {
                En => format!("there is no heading with the id `{id}`"),
                Ja => format!("id `{id}` の見出しはありません"),
            },
            ShapeProblem::HeadingLoop { id } => match lang {
                En => format!("heading `{id}` stands under itself, through the headings above it"),
                Ja => format!("見出し `{id}` が上の見出しをたどって自分の下に入っています"),
            },
            ShapeProblem::HeadingTooDeep { id, levels } => match lang {
                En => format!(
                    "heading `{id}` stands under more headings than the plan's {levels} heading levels"
                ),
                Ja => format!(
                    "見出し `{id}` の上の見出しが、計画の見出しの階層（{levels} つ）より多くあります"
                ),
            },
            ShapeProblem::HeadingSplit { name } => match lang {
                En => format!(
                    "the strategies under `{name}` are not together: the heading would be shown twice"
                ),
                Ja => format!("`{name}` の下の戦略が続いていません（見出しが二度表示されます）"),
            },
            ShapeProblem::PartNotInLevels { role } => match lang {
                En => format!(
                    "the plan has {} but its levels name none (add the level, or remove them)",
                    role_words(*role, lang)
                ),
                Ja => format!(
                    "{}がありますが、計画の階層にありません（階層を加えるか、取り除いてください）",
                    role_words(*role, lang)
                ),
            },
        }
    }
}

/// One of each problem, for the test that every one is said in both
/// languages.
#[cfg(test)]
pub(super) fn every_problem() -> Vec<ShapeProblem> {
    let id = || "h1".to_owned();
    let all = vec![
        ShapeProblem::Levels(LevelsProblem::Count { count: 7 }),
        ShapeProblem::LevelNameEmpty,
        ShapeProblem::HeadingsWithoutLevel,
        ShapeProblem::HeadingIdInvalid { id: id() },
        ShapeProblem::HeadingIdTwice { id: id() },
        ShapeProblem::UnknownHeading { id: id() },
        ShapeProblem::HeadingLoop { id: id() },
        ShapeProblem::HeadingTooDeep {
            id: id(),
            levels: 1,
        },
        ShapeProblem::HeadingSplit { name: id() },
        ShapeProblem::PartNotInLevels { role: Role::Kpi },
    ];
    crate::words::tests::each_once(&all, |p| match p {
        ShapeProblem::Levels(_) => 0,
        ShapeProblem::LevelNameEmpty => 1,
        ShapeProblem::HeadingsWithoutLevel => 2,
        ShapeProblem::HeadingIdInvalid { .. } => 3,
        ShapeProblem::HeadingIdTwice { .. } => 4,
        ShapeProblem::UnknownHeading { .. } => 5,
        ShapeProblem::HeadingLoop { .. } => 6,
        ShapeProblem::HeadingTooDeep { .. } => 7,
        ShapeProblem::HeadingSplit { .. } => 8,
        ShapeProblem::PartNotInLevels { .. } => 9,
    });
    let mut all = all;
    all.extend(
        [
            LevelsProblem::RolesNotOnePerLevel {
                levels: 3,
                roles: 0,
            },
            LevelsProblem::RoleOutOfOrder { at: 1 },
            LevelsProblem::NothingToHold,
        ]
        .map(ShapeProblem::Levels),
    );
    all
}
