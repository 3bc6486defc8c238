//! `actplan import`, run as a user runs it: tables as Excel saves them
//! (merged cells, Shift_JIS, English headings, broken rows), and round trips
//! through `export` of the bundled plan and of a generated 1,000-project plan.

mod common;

use common::{actplan, arg, stderr};
use std::path::Path;

use actplan::model::grade::default_scale;
use actplan::model::{
    Actual, Direction, Kpi, LastChange, Measure, Period, Plan, Project, ScheduleEntry, Strategy,
    Target, TargetValue,
};
use rust_xlsxwriter::{Format, Workbook};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const SEED: &str = "plans/r5-growth-strategy.ron";
const FIXTURES: &str = "tests/fixtures/import";

fn load(path: &Path) -> Plan {
    actplan::store::load(path).unwrap().plan
}

/// Imports `table` into `dir/NAME.ron` and loads the result.
fn import(dir: &Path, table: &str, extra: &[&str]) -> Plan {
    let stem = Path::new(table).file_stem().unwrap().to_string_lossy();
    let output = dir.join(format!("{stem}.ron"));
    let mut args = vec!["import", table, "-o", arg(&output)];
    args.extend_from_slice(extra);
    let out = actplan(&args);
    assert_eq!(out.status.code(), Some(0), "{table}: {}", stderr(&out));
    load(&output)
}

/// What the table does not carry: who changed a project last, and a KPI's
/// baseline and actuals.
fn without_extras(mut plan: Plan) -> Plan {
    for strategy in &mut plan.strategies {
        for kpi in &mut strategy.kpis {
            kpi.baseline = None;
            kpi.actuals.clear();
        }
        for measure in strategy.measures_mut() {
            for project in &mut measure.projects {
                project.last_change = None;
            }
        }
    }
    plan
}

/// Equal plans; on a difference, names the first node that differs rather
/// than printing 1,000 projects.
fn assert_same_plan(got: &Plan, want: &Plan) {
    assert_eq!(
        (&got.title, got.fiscal_year, &got.unit),
        (&want.title, want.fiscal_year, &want.unit)
    );
    assert_eq!(got.strategies.len(), want.strategies.len());
    for (g, w) in got.strategies.iter().zip(&want.strategies) {
        assert_eq!((&g.label, &g.name, &g.owner), (&w.label, &w.name, &w.owner));
        assert_eq!(g.kpis, w.kpis, "KPIs of {}", w.name);
        assert_eq!(g.measures.len(), w.measures.len(), "measures of {}", w.name);
        for (gm, wm) in g.measures.iter().zip(&w.measures) {
            assert_eq!(
                (&gm.label, &gm.name, &gm.owner, &gm.kpis),
                (&wm.label, &wm.name, &wm.owner, &wm.kpis)
            );
            assert_eq!(gm.projects.len(), wm.projects.len(), "{}", wm.name);
            for (gp, wp) in gm.projects.iter().zip(&wm.projects) {
                assert_eq!(gp, wp);
            }
        }
    }
    assert_eq!(got, want);
}

/// Exports `plan_file` as `name` (csv or xlsx, with extra options), imports
/// it back and checks the plan is the same.
fn round_trip(dir: &Path, plan_file: &Path, name: &str, options: &[&str]) {
    let want = without_extras(load(plan_file));
    let table = dir.join(name);
    let mut args = vec!["export", "-o", arg(&table)];
    args.extend_from_slice(options);
    args.push(arg(plan_file));
    let out = actplan(&args);
    assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
    let got = import(dir, arg(&table), &["--title", &want.title]);
    assert_same_plan(&got, &want);
}

#[test]
fn the_bundled_plan_survives_csv_shift_jis_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let seed = Path::new(ROOT).join(SEED);
    round_trip(dir.path(), &seed, "utf8.csv", &[]);
    round_trip(dir.path(), &seed, "sjis.csv", &["--encoding", "shift_jis"]);
    round_trip(dir.path(), &seed, "book.xlsx", &[]);
    let imported = std::fs::read_to_string(dir.path().join("utf8.ron")).unwrap();
    let original = std::fs::read_to_string(&seed).unwrap();
    assert_eq!(
        imported, original,
        "byte for byte: the bundled plan is canonical"
    );
}

#[test]
fn a_generated_plan_of_1000_projects_survives_csv_shift_jis_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let plan = generated_plan();
    assert_eq!(actplan::model::totals::plan_total(&plan).projects, 1000);
    let file = dir.path().join("generated.ron");
    actplan::store::save(&file, &plan).unwrap();
    round_trip(dir.path(), &file, "big.csv", &[]);
    round_trip(
        dir.path(),
        &file,
        "big_sjis.csv",
        &["--encoding", "shift_jis"],
    );
    round_trip(dir.path(), &file, "big.xlsx", &[]);
}

/// Every node's id, in table order.
fn ids(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    for s in &plan.strategies {
        out.push(s.id.to_string());
        out.extend(s.kpis.iter().map(|k| k.id.to_string()));
        for m in &s.measures {
            out.push(m.id.to_string());
            out.extend(m.projects.iter().map(|p| p.id.to_string()));
        }
    }
    out
}

#[test]
fn a_csv_export_writes_the_ids_last_and_an_import_reads_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.ron");
    // Moved and added nodes have ids that are not those of their places.
    let mut plan = load(&Path::new(ROOT).join(SEED));
    actplan::model::structure::shift(&mut plan, actplan::model::Address::Project(0, 0, 1), -1)
        .unwrap();
    actplan::model::structure::shift(&mut plan, actplan::model::Address::Kpi(0, 1), -1).unwrap();
    actplan::model::structure::add_after(&mut plan, actplan::model::Address::Measure(0, 0))
        .unwrap();
    // A KPI added here: its id is not one a place gives.
    let kpi = actplan::model::structure::add_after(&mut plan, actplan::model::Address::Kpi(0, 1))
        .unwrap();
    let actplan::model::Address::Kpi(_, k) = kpi else {
        panic!("{kpi:?}")
    };
    plan.strategies[0].kpis[k].statement = "新しい指標".to_owned();
    let label = plan.strategies[0].kpis[k].label.clone();
    let new_measure = plan.strategies[0].measure_mut(1);
    new_measure.name = "新しい施策".to_owned();
    new_measure.kpis = vec![label];
    actplan::model::structure::add_child(&mut plan, actplan::model::Address::Measure(0, 1))
        .unwrap();
    plan.strategies[0].measure_mut(1).projects[0].name = "新しい事業".to_owned();
    actplan::store::save(&file, &plan).unwrap();
    let table = dir.path().join("plan.csv");
    let out = actplan(&["export", "--format", "csv", "-o", arg(&table), arg(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&table).unwrap();
    let heading = text.lines().next().unwrap();
    assert!(heading.ends_with(",ID"), "{heading}");
    // The first row is the project moved up.
    let first_row_end = text.find(",s1/s1k1/s1m1/s1m1p2\r\n").unwrap();
    assert!(text[..first_row_end].matches("\r\n").count() == 1);
    let got = import(dir.path(), arg(&table), &["--title", &plan.title]);
    // A table lists KPIs as its rows first name them, so their order may
    // differ; each keeps its id.
    let sorted = |mut ids: Vec<String>| {
        ids.sort();
        ids
    };
    assert_eq!(sorted(ids(&got)), sorted(ids(&plan)));
    let kpis = |plan: &Plan| {
        let mut kpis: Vec<(String, String)> = plan.strategies[0]
            .kpis
            .iter()
            .map(|k| (k.label.clone(), k.id.to_string()))
            .collect();
        kpis.sort();
        kpis
    };
    assert_eq!(kpis(&got), kpis(&plan));
    // The KPIs moved: their ids are not those of their places.
    assert_eq!(plan.strategies[0].kpis[0].id, "s1k2");
    let first = &got.strategies[0].measures[0];
    let projects: Vec<&str> = first.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        (first.id.as_str(), projects),
        ("s1m1", vec!["s1m1p2", "s1m1p1"])
    );
}

const ROMAN: [&str; 4] = ["ⅰ", "ⅱ", "ⅲ", "ⅳ"];
const CIRCLED: [&str; 10] = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"];

/// Five strategies of four KPIs and ten measures of twenty projects. Measure
/// ① serves two KPIs, measure ⑩ none; every field of a project is used.
fn generated_plan() -> Plan {
    let strategies = (0..5)
        .map(|s| Strategy {
            id: format!("gen-s{s}").into(),
            label: format!("（{}）", char::from_u32('０' as u32 + s + 1).unwrap()),
            name: format!("第{}戦略（試行）", s + 1),
            // A department at every level: a whole strategy's, a measure's,
            // and some projects' own.
            owner: if s == 0 {
                "総務部".to_owned()
            } else {
                String::new()
            },
            under: Default::default(),
            evaluation: String::new(),
            score: None,
            reason: String::new(),
            kpis: (0..4).map(|k| generated_kpi(s, k)).collect(),
            measures: (0..10).map(|m| generated_measure(s, m).into()).collect(),
        })
        .collect();
    let mut plan = Plan {
        title: "生成された計画".to_owned(),
        fiscal_year: 2023,
        unit: "千円".to_owned(),
        evaluation_scale: default_scale(),
        levels: Vec::new(),
        roles: Vec::new(),
        stated_total: None,
        budget_figures: Vec::new(),
        achievement: Default::default(),
        grading: Vec::new(),
        score: None,
        headings: Vec::new(),
        strategies,
    };
    // KPIs keep the ids of their places; the rest have ids of their own.
    plan.settle_ids();
    plan
}

fn generated_kpi(s: u32, k: usize) -> Kpi {
    Kpi {
        id: Default::default(),
        label: ROMAN[k].to_owned(),
        statement: format!("戦略{s}の指標{k}（参考：R4年度比）を改善する"),
        target: Target {
            value: TargetValue::Number([1.0, 12.5, 300.0, 0.25][k]),
            unit: ["%/年", "%", "件", ""][k].to_owned(),
            direction: if k == 1 {
                Direction::AtMost
            } else {
                Direction::AtLeast
            },
        },
        targets: Vec::new(),
        baseline: (k == 0).then_some(0.5),
        baseline_at: None,
        actuals: if k == 0 {
            vec![Actual {
                fiscal_year: 2023,
                at: None,
                value: 0.8,
            }]
        } else {
            Vec::new()
        },
        entered_achievement: None,
        evaluation: String::new(),
        score: None,
        reason: String::new(),
    }
}

fn generated_measure(s: u32, m: usize) -> Measure {
    let kpis: Vec<&str> = match m {
        0 => vec!["ⅰ", "ⅱ"],
        9 => vec![],
        _ => vec![ROMAN[m % 4]],
    };
    Measure {
        id: format!("gen-m{s}-{m}").into(),
        label: CIRCLED[m].to_owned(),
        name: format!("施策{s}-{m}の推進"),
        owner: if s == 1 && m == 0 {
            "人事課".to_owned()
        } else {
            String::new()
        },
        kpis: kpis.into_iter().map(str::to_owned).collect(),
        evaluation: String::new(),
        score: None,
        reason: String::new(),
        projects: (0..20)
            .map(|p| generated_project(s as usize * 200 + m * 20 + p))
            .collect(),
    }
}

fn generated_project(i: usize) -> Project {
    const PERIODS: [&str; 7] = [
        "R5.4～R6.3",
        "R5.4～9",
        "令和5年4月～令和6年3月",
        "2023/4～2024/3",
        "R5年度",
        "R6.1～",
        "R5.10",
    ];
    const GRADES: [&str; 7] = ["順調", "概ね順調", "やや遅れ", "遅れ", "完了", "未着手", ""];
    let dated = |date: &str, text: String| ScheduleEntry {
        date: Some(Period::parse(date).unwrap()),
        text,
    };
    let mut schedule = vec![dated("R5.4～", format!("準備{i}・調整"))];
    schedule.push(dated(
        &format!("R5.{}", 5 + i % 7),
        format!("実施「第{i}回」"),
    ));
    if i.is_multiple_of(2) {
        schedule.push(ScheduleEntry {
            date: None,
            text: format!("・補足{i}　5/31に開催"),
        });
    }
    if i.is_multiple_of(5) {
        schedule.push(dated("R5.4 ～ R6.3", "通年".to_owned()));
        schedule.push(dated("R5.11", String::new()));
    }
    let analysis = match i % 3 {
        0 => vec![
            format!("段落{i}は一文で終わる。"),
            format!("・箇条{i}の一つ目"),
            "・二つ目（R4:３→R5:６）".to_owned(),
        ],
        1 => vec![format!("・箇条{i}だけ")],
        _ => Vec::new(),
    };
    Project {
        id: format!("gen-p{i}").into(),
        name: format!("事業{i}"),
        owner: if i >= 400 && i.is_multiple_of(7) {
            format!("第{}課", i % 3 + 1)
        } else {
            String::new()
        },
        overview: if i.is_multiple_of(3) {
            format!("概要{i}の一行目\n・対象：県内{}か所", i % 7)
        } else {
            format!("概要{i}：「テスト」(R5) 100% 達成を目指す")
        },
        budget: Some((i as u64 * 7919) % 200_000),
        budget_note: if i.is_multiple_of(4) {
            format!("※{i}は委託料")
        } else {
            String::new()
        },
        period: Period::parse(PERIODS[i % 7]).unwrap(),
        evaluation: GRADES[i % 7].to_owned(),
        schedule,
        analysis,
        last_change: i.is_multiple_of(10).then(|| {
            Box::new(LastChange {
                user: "tanaka".to_owned(),
                at: "2023-11-28 10:32".to_owned(),
            })
        }),
        extra: Default::default(),
    }
}

#[test]
fn merged_cells_continue_the_row_above_in_utf8_and_shift_jis() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = import(dir.path(), &format!("{FIXTURES}/merged.csv"), &[]);
    let sjis_bytes = std::fs::read(Path::new(ROOT).join(FIXTURES).join("merged_sjis.csv")).unwrap();
    assert!(
        std::str::from_utf8(&sjis_bytes).is_err(),
        "the fixture is Shift_JIS"
    );
    let sjis = import(
        dir.path(),
        &format!("{FIXTURES}/merged_sjis.csv"),
        &["--title", "merged"],
    );
    assert_eq!(sjis, utf8);
    assert_eq!(
        (utf8.title.as_str(), utf8.fiscal_year),
        ("merged", 2023),
        "defaults"
    );
    assert_eq!(utf8.unit, "千円");
    let s = &utf8.strategies[0];
    assert_eq!(
        (s.label.as_str(), s.name.as_str()),
        ("（６）", "県庁オープン化戦略")
    );
    let kpis: Vec<(&str, &str)> = s
        .kpis
        .iter()
        .map(|k| (k.label.as_str(), k.statement.as_str()))
        .collect();
    assert_eq!(
        kpis,
        [
            ("ⅰ", "一般行政部門職員の１%以上/年が\n制度を活用"),
            ("ⅱ", "デジタル公共サービスのスコアが20.0以上")
        ]
    );
    assert_eq!(s.kpis[0].target.value, TargetValue::Number(0.0));
    let measures: Vec<(&str, &str, Vec<&str>, usize)> = s
        .measures
        .iter()
        .map(|m| {
            let kpis = m.kpis.iter().map(String::as_str).collect();
            (m.label.as_str(), m.name.as_str(), kpis, m.projects.len())
        })
        .collect();
    assert_eq!(
        measures,
        [
            ("①", "県庁組織の活性化", vec!["ⅰ", "ⅱ"], 2),
            ("②", "県庁の働き方改革の推進", vec!["ⅰ", "ⅱ"], 1),
            ("③", "住民サービスの向上", vec!["ⅱ"], 1),
        ]
    );
    let first = &s.measures[0].projects[0];
    let lines: Vec<String> = first.schedule.iter().map(ScheduleEntry::to_line).collect();
    assert_eq!(
        lines,
        [
            "R5.4～ 庁内広報「BEYOND」",
            "隔週発行",
            "R5.5 庁内複業制度拡充"
        ],
        "each line is an entry: no bullet tells a wrapped line from an item"
    );
    assert_eq!(
        first.analysis,
        [
            "・庁内複業制度の対象職員及び",
            "対象所属を拡充",
            "・プロジェクトチームを追加設置"
        ]
    );
    let second = &s.measures[0].projects[1];
    assert_eq!(
        (second.budget, second.period.as_str()),
        (Some(2900), "令和5年4月～令和5年9月")
    );
    let online = &s.measures[2].projects[0];
    assert_eq!(
        online.evaluation, "概ね順調",
        "a grade's marker reads as its name"
    );
    assert_eq!(
        online.analysis,
        ["各所属において順次実施している。", "R5年度目標：5,300件"]
    );
    assert_eq!(online.budget_note, "※2,334は電子申請サービス委託料");
    let other = &utf8.strategies[1];
    assert_eq!(
        (other.label.as_str(), other.name.as_str()),
        ("(7)", "地域の戦略")
    );
    assert!(other.kpis.is_empty() && other.measures[0].kpis.is_empty());
    assert_eq!(other.measures[0].label, "①");
    let check = actplan(&["check", arg(&dir.path().join("merged.ron"))]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn english_headings_in_any_order_and_unused_columns() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("english.ron");
    let out = actplan(&[
        "import",
        &format!("{FIXTURES}/english.csv"),
        "-o",
        arg(&output),
        "--title",
        "英語の見出し",
        "--fiscal-year",
        "2024",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!("{FIXTURES}/english.csv: column 12 \"備考2\" is not used\n")
    );
    let plan = load(&output);
    assert_eq!(
        (plan.title.as_str(), plan.fiscal_year),
        ("英語の見出し", 2024)
    );
    let s = &plan.strategies[0];
    assert_eq!(s.kpis.len(), 1, "the same KPI on two rows is one KPI");
    let target = &s.kpis[0].target;
    assert_eq!(
        (target.value.number(), target.unit.as_str()),
        (Some(500.0), "人")
    );
    let a = &s.measures[0].projects[0];
    assert_eq!(
        (a.name.as_str(), a.budget, a.overview.as_str()),
        ("事業A", Some(1000), "概要A")
    );
    assert_eq!(a.evaluation, "完了");
    let b = &s.measures[1].projects[0];
    assert_eq!(
        (b.budget_note.as_str(), b.period.as_str()),
        ("備考B", "R5.10")
    );
    assert_eq!(s.measures[1].kpis, ["ⅰ"]);
}

#[test]
fn every_broken_cell_is_reported_with_row_and_column_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("broken.ron");
    let out = actplan(&[
        "import",
        &format!("{FIXTURES}/broken.csv"),
        "-o",
        arg(&output),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let f = format!("{FIXTURES}/broken.csv");
    let expected = [
        format!("{f}:3:予算額: `12a` is not a budget: write a whole number such as 4450 or 4,450"),
        format!("{f}:4:期間: invalid period `R5.13`: month 13 is not between 1 and 12"),
        format!(
            "{f}:5:評価: `A評価` is not an evaluation: write one of 順調 / 概ね順調 / やや遅れ / 遅れ / 完了 / 未着手"
        ),
        format!("{f}:6:事業名: project name is empty"),
        format!("{f}:7:期間: period `R7.3～R6.4` ends before it starts"),
        format!("{f}:7:評価: `Z` is not an evaluation"),
        // An empty budget cell is a budget not stated (blank), no mistake.
        format!("{f}: 6 problem(s); nothing written"),
    ];
    let text = stderr(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), expected.len(), "{text}");
    for (line, want) in lines.iter().zip(&expected) {
        assert!(line.starts_with(want.as_str()), "{line}\n  wanted {want}");
    }
    assert!(!output.exists());
}

#[test]
fn missing_columns_are_named_and_a_previous_plan_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("short.csv");
    std::fs::write(&table, "戦略名,事業名,KPI\r\n（１）戦略,事業,\r\n").unwrap();
    let output = dir.path().join("plan.ron");
    std::fs::write(&output, "previous").unwrap();
    let out = actplan(&["import", arg(&table), "-o", arg(&output)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!(
            "{}:1: missing required column(s): 予算額, 期間",
            table.display()
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "previous");
}

#[test]
fn a_file_in_neither_encoding_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("bad.csv");
    std::fs::write(&table, b"\xff\xfe\xfd,\x82\r\n").unwrap();
    let out = actplan(&["import", arg(&table), "-o", arg(&dir.path().join("x.ron"))]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("neither UTF-8 nor Shift_JIS"),
        "{}",
        stderr(&out)
    );
}

/// A sheet as people make them: a title row, then the headings, merged
/// strategy, KPI and measure cells, numbers as numbers.
fn merged_workbook(path: &Path, bad_budget: bool) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let plain = Format::new();
    sheet
        .write_string(0, 0, "令和５年度 アクションプラン")
        .unwrap();
    for (c, heading) in [
        "戦略名",
        "ＫＰＩ",
        "施策",
        "事業名",
        "予算額（千円）",
        "期間",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(1, c as u16, *heading).unwrap();
    }
    sheet.merge_range(2, 0, 4, 0, "（１）戦略", &plain).unwrap();
    sheet
        .merge_range(2, 1, 3, 1, "【ＫＰＩⅰ】指標（目標 5.0件 以下）", &plain)
        .unwrap();
    sheet.merge_range(2, 2, 3, 2, "①施策", &plain).unwrap();
    sheet.write_string(4, 1, "【ＫＰＩⅱ】別の指標").unwrap();
    sheet.write_string(4, 2, "②施策").unwrap();
    for (r, name) in ["事業1", "事業2", "事業3"].iter().enumerate() {
        let row = r as u32 + 2;
        sheet.write_string(row, 3, *name).unwrap();
        sheet.write_string(row, 5, "R6.4～R7.3").unwrap();
        if bad_budget && r == 1 {
            sheet.write_string(row, 4, "未定").unwrap();
        } else {
            sheet
                .write_number(row, 4, 1000.0 * (r as f64 + 1.0))
                .unwrap();
        }
    }
    book.save(path).unwrap();
}

#[test]
fn xlsx_with_a_title_row_and_merged_cells() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("merged.xlsx");
    merged_workbook(&table, false);
    let plan = import(dir.path(), arg(&table), &[]);
    assert_eq!(plan.fiscal_year, 2024);
    let s = &plan.strategies[0];
    assert_eq!(s.kpis.len(), 2);
    assert_eq!(s.kpis[0].target.direction, Direction::AtMost);
    let measures: Vec<(&str, Vec<String>, Vec<u64>)> = s
        .measures
        .iter()
        .map(|m| {
            (
                m.label.as_str(),
                m.kpis.clone(),
                m.projects.iter().filter_map(|p| p.budget).collect(),
            )
        })
        .collect();
    assert_eq!(
        measures,
        [
            ("①", vec!["ⅰ".to_owned()], vec![1000, 2000]),
            ("②", vec!["ⅱ".to_owned()], vec![3000])
        ]
    );
    let broken = dir.path().join("broken.xlsx");
    merged_workbook(&broken, true);
    let out = actplan(&["import", arg(&broken), "-o", arg(&dir.path().join("b.ron"))]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!(
            "{}:4:予算額（千円）: `未定` is not a budget",
            broken.display()
        )),
        "{}",
        stderr(&out)
    );
}

/// The headings of the export, without the ID column.
const HEADINGS: &str =
    "戦略名,KPI,施策,事業名,概要,予算額,期間,進捗状況やスケジュール,現状分析,評価,予算備考";

/// Writes a CSV of `HEADINGS` and these lines into `dir` and gives its path.
fn table(dir: &Path, name: &str, lines: &[&str]) -> std::path::PathBuf {
    let path = dir.join(name);
    let text = std::iter::once(HEADINGS)
        .chain(lines.iter().copied())
        .collect::<Vec<_>>()
        .join("\r\n");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn kpi_targets_with_separators_full_width_digits_and_signs_read_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = table(
        dir.path(),
        "targets.csv",
        &[
            "（１）戦略,\"【ＫＰＩⅰ】来訪者数（目標 1,000人/年 以上）\",①施策,事業A,概要,100,R5.4～R6.3,,,,",
            "（２）戦略,\"【ＫＰＩⅰ】経費（目標 １，２００．５千円 以下）\",①施策,事業B,概要,100,R5.4～R6.3,,,,",
            "（３）戦略,\"【ＫＰＩⅰ】増減（目標 -2.5ポイント 以上）\",①施策,事業C,概要,100,R5.4～R6.3,,,,",
        ],
    );
    let plan = import(dir.path(), arg(&path), &[]);
    let targets: Vec<(Option<f64>, &str)> = plan
        .strategies
        .iter()
        .map(|s| {
            (
                s.kpis[0].target.value.number(),
                s.kpis[0].target.unit.as_str(),
            )
        })
        .collect();
    assert_eq!(
        targets,
        [
            (Some(1000.0), "人/年"),
            (Some(1200.5), "千円"),
            (Some(-2.5), "ポイント")
        ]
    );
    let written = std::fs::read_to_string(dir.path().join("targets.ron")).unwrap();
    assert!(written.contains("value: 1000.0,\n"), "{written}");
    assert!(written.contains("unit: \"人/年\","), "{written}");
}

#[test]
fn total_rows_are_not_projects_and_their_amounts_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let rows = |total: &str| {
        vec![
            "（１）戦略,,①施策,事業A,概要,100,R5.4～R6.3,,,,".to_owned(),
            "（１）戦略,,①施策,事業B,概要,\"1,200\",R5.4～R6.3,,,,".to_owned(),
            ",,,小計,,\"1,300\",,,,,".to_owned(),
            "（２）戦略,,①施策,事業C,概要,50,R5.4～R6.3,,,,".to_owned(),
            format!(",,,合　計,,{total},,,,,"),
        ]
    };
    let lines = rows("\"1,350\"");
    let right = table(
        dir.path(),
        "right.csv",
        &lines.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let plan = import(dir.path(), arg(&right), &[]);
    let names: Vec<&str> = plan
        .strategies
        .iter()
        .flat_map(|s| &s.measures)
        .flat_map(|m| &m.projects)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["事業A", "事業B", "事業C"]);
    assert_eq!(actplan::model::totals::plan_total(&plan).budget, 1350);

    let lines = rows("1400");
    let wrong = table(
        dir.path(),
        "wrong.csv",
        &lines.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let output = dir.path().join("wrong.ron");
    for (lang, message) in [
        (
            "en",
            "the total row states 1,400, but the projects above add up to 1,350",
        ),
        (
            "ja",
            "合計の行が 1,400 としていますが、上の事業の予算額を足すと 1,350 です",
        ),
    ] {
        let out = actplan(&["import", "--lang", lang, arg(&wrong), "-o", arg(&output)]);
        assert_eq!(out.status.code(), Some(1));
        let first = stderr(&out).lines().next().unwrap_or_default().to_owned();
        assert_eq!(first, format!("{}:6:予算額: {message}", wrong.display()));
        assert!(!output.exists());
    }
}

#[test]
fn items_on_their_own_lines_come_back_separate_whatever_their_bullet() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = load(&Path::new(ROOT).join(SEED));
    let project = &mut plan.strategies[0].measure_mut(0).projects[0];
    let bullets = [
        "・説明会",
        "- 説明会",
        "●会議",
        "○調査",
        "1. 計画",
        "計画の見直し",
    ];
    project.schedule = std::iter::once(ScheduleEntry::from_line("R5.4 開始"))
        .chain(bullets.iter().map(|b| ScheduleEntry::from_line(b)))
        .collect();
    project.analysis = bullets.iter().map(|b| (*b).to_owned()).collect();
    let file = dir.path().join("bullets.ron");
    actplan::store::save(&file, &plan).unwrap();
    round_trip(dir.path(), &file, "bullets.csv", &[]);
    round_trip(dir.path(), &file, "bullets.xlsx", &[]);
    let back = load(&dir.path().join("bullets.ron"));
    let project = &back.strategies[0].measures[0].projects[0];
    assert_eq!(project.analysis, bullets);
    assert_eq!(project.schedule.len(), 1 + bullets.len());
}

#[test]
fn labels_in_the_tables_forms_are_split_from_names_and_words_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = table(
        dir.path(),
        "labels.csv",
        &[
            "1-1 地域戦略,,ア　地域施策,事業A,概要,100,R5.4～R6.3,,,,",
            "1-1 地域戦略,,No.1002 交流施策,事業B,概要,100,R5.4～R6.3,,,,",
            "1-1 地域戦略,,A 地区整備,事業C,概要,100,R5.4～R6.3,,,,",
            "1-1 地域戦略,,1. 基盤施策,事業D,概要,100,R5.4～R6.3,,,,",
            "1-1 地域戦略,,(a)連携施策,事業E,概要,100,R5.4～R6.3,,,,",
            "AI活用戦略,,アクションプランの推進,事業F,概要,100,R5.4～R6.3,,,,",
            "AI活用戦略,,1.5倍の観光客,事業G,概要,100,R5.4～R6.3,,,,",
        ],
    );
    let plan = import(dir.path(), arg(&path), &[]);
    let split: Vec<(&str, &str, &str, &str)> = plan
        .strategies
        .iter()
        .flat_map(|s| {
            s.measures.iter().map(move |m| {
                (
                    s.label.as_str(),
                    s.name.as_str(),
                    m.label.as_str(),
                    m.name.as_str(),
                )
            })
        })
        .collect();
    assert_eq!(
        split,
        [
            ("1-1", "地域戦略", "ア", "地域施策"),
            ("1-1", "地域戦略", "No.1002", "交流施策"),
            ("1-1", "地域戦略", "A", "地区整備"),
            ("1-1", "地域戦略", "1.", "基盤施策"),
            ("1-1", "地域戦略", "(a)", "連携施策"),
            ("", "AI活用戦略", "", "アクションプランの推進"),
            ("", "AI活用戦略", "", "1.5倍の観光客"),
        ]
    );
    // Exported, a one-letter label gets a space so it is found again.
    round_trip(dir.path(), &dir.path().join("labels.ron"), "again.csv", &[]);
}

#[test]
fn the_docs_example_keeps_its_own_grade_scale_through_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let doc = std::fs::read_to_string(Path::new(ROOT).join("docs/plan-format.md")).unwrap();
    let start = doc.find("```ron\n").unwrap() + "```ron\n".len();
    let end = start + doc[start..].find("\n```").unwrap();
    let mut plan = actplan::store::parse(Path::new("example.ron"), &doc[start..=end])
        .unwrap()
        .plan;
    assert_eq!(plan.evaluation_scale[0].name, "計画以上");
    // The table has no 担当課 column.
    for measure in plan.strategies.iter_mut().flat_map(|s| s.measures_mut()) {
        for project in &mut measure.projects {
            project.owner.clear();
        }
    }
    let file = dir.path().join("example.ron");
    actplan::store::save(&file, &plan).unwrap();
    round_trip(dir.path(), &file, "example.csv", &[]);
    round_trip(dir.path(), &file, "example.xlsx", &[]);
    let back = load(&dir.path().join("example.ron"));
    assert_eq!(back.evaluation_scale, plan.evaluation_scale);
    let grades: Vec<&str> = back
        .strategies
        .iter()
        .flat_map(|s| &s.measures)
        .flat_map(|m| &m.projects)
        .map(|p| p.evaluation.as_str())
        .collect();
    assert_eq!(grades, ["計画どおり", "やや遅れ", "完了"]);
}

#[test]
fn a_published_tables_grades_listed_in_its_heading_are_its_scale() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("published.csv");
    let text = HEADINGS.replace("評価", "評価（計画以上 / 計画どおり / 遅れ / 完了）")
        + "\r\n（１）戦略,,①施策,事業A,概要,100,R5.4～R6.3,,,計画以上,"
        + "\r\n（１）戦略,,①施策,事業B,概要,100,R5.4～R6.3,,,完了,";
    std::fs::write(&path, text).unwrap();
    let plan = import(dir.path(), arg(&path), &[]);
    let scale: Vec<(&str, bool)> = plan
        .evaluation_scale
        .iter()
        .map(|g| (g.name.as_str(), g.done))
        .collect();
    assert_eq!(
        scale,
        [
            ("計画以上", false),
            ("計画どおり", false),
            ("遅れ", false),
            ("完了", true)
        ]
    );
    let projects = &plan.strategies[0].measures[0].projects;
    assert_eq!(
        (
            projects[0].evaluation.as_str(),
            projects[1].evaluation.as_str()
        ),
        ("計画以上", "完了")
    );
}

#[test]
fn grades_in_the_heading_that_do_not_read_are_named_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scale.csv");
    let text = HEADINGS.replace("評価", "評価（計画以上=◎:Purple / 遅れ）")
        + "\r\n（１）戦略,,①施策,事業A,概要,100,R5.4～R6.3,,,遅れ,";
    std::fs::write(&path, text).unwrap();
    let output = dir.path().join("scale.ron");
    let out = actplan(&["import", arg(&path), "-o", arg(&output)]);
    assert_eq!(out.status.code(), Some(1));
    let first = stderr(&out).lines().next().unwrap_or_default().to_owned();
    let at = format!("{}:1:評価（計画以上=◎:Purple / 遅れ）: ", path.display());
    assert!(
        first.starts_with(&format!(
            "{at}`計画以上=◎:Purple / 遅れ` in the heading's brackets is not an evaluation scale"
        )),
        "{first}"
    );
    assert!(!output.exists());
}

/// The bundled plan with a measure's department (人事課 on ①, over both its
/// projects) and one project's own (デジタル政策課, in ③).
fn plan_with_departments(dir: &Path) -> std::path::PathBuf {
    let seed = std::fs::read_to_string(Path::new(ROOT).join(SEED)).unwrap();
    let seed = seed
        .replacen(
            "name: \"県庁組織の活性化\",\n",
            "name: \"県庁組織の活性化\",\n                    owner: \"人事課\",\n",
            1,
        )
        .replacen(
            "name: \"行政手続きオンライン化事業\",\n",
            "name: \"行政手続きオンライン化事業\",\n                            owner: \"デジタル政策課\",\n",
            1,
        );
    let file = dir.join("departments.ron");
    std::fs::write(&file, seed).unwrap();
    let plan = load(&file);
    assert_eq!(plan.strategies[0].measures[0].owner, "人事課");
    assert_eq!(
        plan.strategies[0].measures[2].projects[1].owner,
        "デジタル政策課"
    );
    file
}

#[test]
fn departments_go_out_in_a_department_column_and_come_back_where_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let file = plan_with_departments(dir.path());
    round_trip(dir.path(), &file, "departments.csv", &[]);
    round_trip(
        dir.path(),
        &file,
        "departments_sjis.csv",
        &["--encoding", "shift_jis"],
    );
    round_trip(dir.path(), &file, "departments.xlsx", &[]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("departments.ron")).unwrap(),
        std::fs::read_to_string(&file).unwrap(),
        "the imported file is the plan's, byte for byte"
    );
    let out = actplan(&["export", "-o", "-", "--format", "csv", arg(&file)]);
    let text = String::from_utf8(out.stdout).unwrap();
    let departments: Vec<String> = csv::ReaderBuilder::new()
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap()[11].to_owned())
        .collect();
    assert_eq!(
        departments,
        ["人事課", "人事課", "", "", "デジタル政策課", ""],
        "each row names the department in charge of its project"
    );
    let out = actplan(&["export", "-o", "-", "--format", "md", arg(&file)]);
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("#### ①県庁組織の活性化\n\n小計: 7,350千円（2件）\n\n担当課: 人事課\n"),
        "{report}"
    );
    assert!(report.contains("##### 行政手続きオンライン化事業\n\n- 担当課: デジタル政策課\n"));
}

#[test]
fn rows_sharing_a_department_give_it_to_their_measure() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("shared.csv");
    std::fs::write(
        &table,
        "戦略名,施策,事業名,予算額,期間,担当課\n\
         （１）戦略,①施策,事業A,100,R5.4～R6.3,人事課\n\
         ,,事業B,200,R5.4～R6.3,人事課\n\
         ,②施策,事業C,300,R5.4～R6.3,税務課\n\
         ,,事業D,400,R5.4～R6.3,\n",
    )
    .unwrap();
    let plan = import(dir.path(), arg(&table), &[]);
    let strategy = &plan.strategies[0];
    assert_eq!(strategy.owner, "");
    assert_eq!(strategy.measures[0].owner, "人事課");
    let owners: Vec<&str> = strategy
        .measures
        .iter()
        .flat_map(|m| m.projects.iter().map(|p| p.owner.as_str()))
        .collect();
    assert_eq!(owners, ["", "", "税務課", ""]);
}
