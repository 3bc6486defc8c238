//! The figures Tottori's 工程表 of indicators and long-term goals state
//! (tables 08 and 10–15), read from their encodings in `plans/examples/`.

mod common;

use actplan::model::Address;
use actplan::model::achievement::{achievement, latest, percent};
use actplan::model::department::department;
use actplan::model::fields::{actual_line, dated_target_line, target_text};
use common::examples::{example, rows, rows_per_level};

/// Table 12 (産業振興室 工程表 H26): 支援件数 539 at the end of H25 and
/// 885 at the end of H26, against 150 for H26 and 600 for H24〜26; no
/// 基準値 (−).
#[test]
fn table_12_counts_support_against_a_yearly_and_a_three_year_target() {
    let plan = example("12");
    let kpi = &plan.strategies[0].kpis[0];
    assert_eq!(kpi.statement, "経営革新計画、県版経営革新計画への支援件数");
    assert_eq!(kpi.baseline, None);
    let actuals: Vec<String> = kpi.actuals.iter().map(actual_line).collect();
    assert_eq!(actuals, ["H25年度 539", "H26年度 885"]);
    let targets: Vec<String> = kpi.targets.iter().map(dated_target_line).collect();
    assert_eq!(targets, ["H26年度 150 中間", "H24年度～H26年度 600 長期"]);
    assert_eq!(target_text(&kpi.target), "600.0件 以上");
    assert_eq!(
        rows(&plan),
        [
            "政策内容 ○県内企業の競争力ある新事業展開と販路開拓等の支援 0",
            " 測定指標 1経営革新計画、県版経営革新計画への支援件数 0",
        ]
    );
}

/// Table 14 (中部総合事務所 道路都市課 工程表 H26): 片柴バイパスの整備
/// from 0 km, 1.03 km at the start of the year, towards the long-term
/// goal the office sets for it: 平成28年度供用予定, in words, so no rate.
#[test]
fn table_14_builds_a_bypass_towards_its_opening_in_words() {
    let plan = example("14");
    let kpi = &plan.strategies[0].kpis[0];
    assert_eq!(kpi.statement, "県道鳥取鹿野倉吉線(片柴バイパス)の整備");
    assert_eq!(target_text(&kpi.target), "平成28年度供用予定");
    assert_eq!(kpi.baseline, Some(0.0));
    assert_eq!(actual_line(latest(kpi).unwrap()), "H25年度 1.03");
    assert_eq!(achievement(kpi, plan.achievement), None);
    let owner = department(&plan, Address::Kpi(0, 0)).map(|d| d.name);
    assert_eq!(owner, Some("道路都市課"));
}

/// Table 08 (デジタル改革推進課 工程表 R4): 指標1 was 58 at the end of R3,
/// starts R4 at 0 and is to reach 60 by the end of R4: a count of the
/// year, so measured as the actual over the target, 0 % in April.
#[test]
fn table_08_starts_the_year_at_zero_of_its_target() {
    let plan = example("08");
    let kpi = &plan.strategies[0].kpis[0];
    let at = kpi.baseline_at.as_ref().unwrap();
    assert_eq!(
        (kpi.baseline, at.gregorian().as_str()),
        (Some(58.0), "2022-03")
    );
    assert_eq!(dated_target_line(&kpi.targets[0]), "R4年度末 60 中間");
    let rate = achievement(kpi, plan.achievement).unwrap();
    assert_eq!(
        (rate.fiscal_year, percent(rate.rate)),
        (2022, "0%".to_owned())
    );
    assert_eq!(
        rows_per_level(&plan),
        [
            ("政策内容".to_owned(), 1),
            ("測定指標".to_owned(), 1),
            ("主要事業・主要制度".to_owned(), 1),
        ]
    );
}

/// Table 10 (商工政策課 工程表 H30): 指標1 from 1兆7,319億円 (2010年) to
/// 700億円の増 by 2020年; its cells for the year say なし, so it has no
/// target, actual or rate for H30.
#[test]
fn table_10_has_a_long_term_target_in_words_and_none_for_the_year() {
    let plan = example("10");
    let kpi = &plan.strategies[0].kpis[0];
    assert_eq!(
        (kpi.baseline, kpi.target.unit.as_str()),
        (Some(17319.0), "億円")
    );
    assert_eq!(
        kpi.baseline_at.as_ref().unwrap().gregorian(),
        "2010-01..2010-12"
    );
    assert_eq!(target_text(&kpi.target), "700億円の増");
    let targets: Vec<String> = kpi.targets.iter().map(dated_target_line).collect();
    assert_eq!(targets, ["2020年 700億円の増 長期"]);
    assert!(kpi.actuals.is_empty());
    assert_eq!(achievement(kpi, plan.achievement), None);
}

/// Table 13 (商工政策課 工程表 H26, 総合特区): the 政策内容 heads three
/// numbered 長期目標 for H28年度, with the six 目標 the excerpt shows
/// (1,163人, 73台, 73口, 1,390枚, 49世帯; the first in words).
#[test]
fn table_13_numbers_its_long_term_goals_for_h28() {
    let plan = example("13");
    assert_eq!(
        rows_per_level(&plan),
        [
            ("政策内容".to_owned(), 1),
            ("長期目標".to_owned(), 3),
            ("目標".to_owned(), 6),
        ]
    );
    let targets: Vec<String> = (plan.strategies.iter())
        .flat_map(|s| &s.kpis)
        .map(|k| format!("{}{} {}", k.label, k.statement, target_text(&k.target)))
        .collect();
    assert_eq!(
        targets[1..],
        [
            "(1)カーシェアリング登録者数 1163.0人 以上",
            "(2)電動モビリティ導入台数 73.0台 以上",
            "(3)充電供給口 73.0口 以上",
            "(4)太陽光パネル設置枚数(230W/枚) 1390.0枚 以上",
            "(1)サービスの対象世帯数 49.0世帯 以上",
        ]
    );
    assert!(targets[0].contains("総合で約7.5ポイント向上"));
    let dated = (plan.strategies.iter())
        .flat_map(|s| &s.kpis)
        .flat_map(|k| &k.targets);
    assert!(dated.clone().count() == 6 && dated.clone().all(|t| t.fiscal_year() == Some(2016)));
    let values: Vec<String> = dated.skip(1).map(dated_target_line).collect();
    assert_eq!(
        values,
        [
            "H28年度 1163 長期",
            "H28年度 73 長期",
            "H28年度 73 長期",
            "H28年度 1390 長期",
            "H28年度 49 長期",
        ]
    );
    let owner = department(&plan, Address::Kpi(2, 0)).map(|d| d.name);
    assert_eq!(owner, Some("商工政策課"));
}

/// Table 15 (鳥取県土整備事務所 道路都市課 工程表 H28): the year's aim
/// names うち7箇所の完成 and lists them by the 交付金 that pays for them:
/// seven 工区 under three 交付金, no indicator.
#[test]
fn table_15_lists_the_seven_sections_to_complete_by_their_grant() {
    let plan = example("15");
    assert_eq!(
        rows_per_level(&plan),
        [
            ("政策内容".to_owned(), 1),
            ("交付金".to_owned(), 3),
            ("工区".to_owned(), 7),
        ]
    );
    let grants: Vec<(String, usize)> = (plan.strategies[0].measures.iter())
        .map(|m| (m.name.clone(), m.projects.len()))
        .collect();
    assert_eq!(
        grants,
        [
            ("防災安全交付金(交通安全)2箇所完成".to_owned(), 2),
            ("社会資本整備総合交付金(広域連携)".to_owned(), 2),
            ("防災安全交付金(交通安全)".to_owned(), 3),
        ]
    );
    assert_eq!(rows(&plan)[2], "  工区 国道482号(別府工区) ");
    let last = plan.strategies[0].measures[2].projects.last().unwrap();
    assert_eq!(last.name, "県道鳥取国府線(吉方温泉工区)");
}

/// Table 11 (商工政策課 工程表 H28): the 長期目標 the office sets from
/// the 鳥取県経済成長戦略, GDP 約700億円 and 雇用創出 約7,000人 over
/// 2010年〜2020年, as written (約: no number to measure against).
#[test]
fn table_11_sets_two_long_term_goals_over_ten_years() {
    let plan = example("11");
    let goals: Vec<String> = (plan.strategies[0].kpis.iter())
        .map(|k| format!("{} {}", k.statement, dated_target_line(&k.targets[0])))
        .collect();
    assert_eq!(
        goals,
        [
            "GDP 2010年～2020年 約700億円 長期",
            "雇用創出 2010年～2020年 約7,000人 長期"
        ]
    );
    assert_eq!(
        rows(&plan)[0],
        "政策内容 従来型の産業構造から新たな成長産業分野も取り込んだ多軸型の産業構造への転換に向けた「鳥取県経済再生成長戦略」に基づく施策の推進 0"
    );
    let span = plan.strategies[0].kpis[0].targets[0].at.gregorian();
    assert_eq!(span, "2010-01..2020-12");
}
