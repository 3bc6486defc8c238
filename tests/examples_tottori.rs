//! The figures Tottori's published tables state (工程表, チャレンジ70),
//! read from their encodings in `plans/examples/`.

mod common;

use actplan::model::Address;
use actplan::model::department::department;
use actplan::model::tally::Tally;
use common::examples::{example, rows, rows_per_level};

/// Table 19 (チャレンジ70 進捗状況一覧 H29): under Ⅰ 人を元気に, four
/// 政策項目, each graded A by 福祉保健部, with dated figures in the reason.
#[test]
fn table_19_grades_four_policy_items_a_under_one_heading() {
    let plan = example("19");
    assert_eq!(
        rows_per_level(&plan),
        [("分野".to_owned(), 1), ("政策項目".to_owned(), 4)]
    );
    assert_eq!(rows(&plan)[0], "分野 Ⅰ人を元気に 0");
    let tally = Tally::of_projects(&plan);
    assert_eq!((tally.total(), tally.counts), (4, vec![4]), "A 4件");
    let projects = &plan.strategies[0].measures[0].projects;
    for p in 0..projects.len() {
        let owner = department(&plan, Address::Project(0, 0, p)).map(|d| d.name);
        assert_eq!(owner, Some("福祉保健部"), "{}", projects[p].name);
    }
    assert_eq!(projects[2].name, "③安心して子育てできる病児・病後児保育の体制拡充");
    assert!(
        projects[2]
            .analysis
            .contains(&"・施設数:21施設(H27.4月)→27施設(H30.2月末)".to_owned())
    );
}
