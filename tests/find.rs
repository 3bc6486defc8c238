//! Search matching, checked against the plain definition: a node matches
//! when its fields, as shown in the detail pane and normalised, hold the
//! query.

mod common;

use actplan::model::fields::{Field, field_text};
use actplan::model::find::{count_matches, node_contains, normalize};
use actplan::model::{Address, Plan};

fn addresses(plan: &Plan) -> Vec<Address> {
    let mut out = vec![Address::Plan];
    for (s, strategy) in plan.strategies.iter().enumerate() {
        out.push(Address::Strategy(s));
        out.extend((0..strategy.kpis.len()).map(|k| Address::Kpi(s, k)));
        for (m, measure) in strategy.measures.iter().enumerate() {
            out.push(Address::Measure(s, m));
            out.extend((0..measure.projects.len()).map(|p| Address::Project(s, m, p)));
        }
    }
    out
}

fn shown(plan: &Plan, address: Address) -> String {
    let mut text = String::new();
    if let Address::Strategy(s) = address {
        text.push_str(&plan.strategies[s].label);
    }
    for &field in Field::of(address) {
        text.push('\n');
        text.push_str(&field_text(plan, address, field));
    }
    normalize(&text)
}

#[test]
fn every_node_matches_exactly_the_queries_its_shown_text_holds() {
    let plan = actplan::store::load(std::path::Path::new(common::SEED))
        .unwrap()
        .plan;
    let nodes = addresses(&plan);
    // Pieces of every field of every node: 1 to 6 characters at several
    // places, which cross date and text, digits and commas, both widths.
    let mut queries = std::collections::BTreeSet::new();
    for &address in &nodes {
        let text: Vec<char> = shown(&plan, address).chars().collect();
        for start in (0..text.len()).step_by(7) {
            for len in 1..=6 {
                let piece: String = text.iter().skip(start).take(len).collect();
                if !piece.contains('\n') {
                    queries.insert(piece);
                }
            }
        }
    }
    queries.extend(
        [
            "dx",
            "r5",
            "r5.4 ",
            "2,334",
            "ｄｘ",
            "未着手",
            "nothing here",
        ]
        .map(normalize),
    );
    assert!(queries.len() > 1000, "{}", queries.len());
    let mut matched = 0;
    for query in &queries {
        for &address in &nodes {
            let expected = shown(&plan, address).contains(query.as_str());
            assert_eq!(
                node_contains(&plan, address, query),
                expected,
                "{address:?} / {query:?}"
            );
            matched += usize::from(expected);
        }
    }
    assert!(matched > queries.len(), "the queries do match somewhere");
}

#[test]
fn the_match_count_counts_each_node_holding_the_query_once() {
    let text = std::fs::read_to_string(common::SEED).unwrap();
    // Measure ① serves both KPIs: shown twice, counted once.
    let text = text.replacen("kpis: [\"ⅰ\"]", "kpis: [\"ⅰ\", \"ⅱ\"]", 1);
    let plan = actplan::store::parse(std::path::Path::new("plan.ron"), &text)
        .unwrap()
        .plan;
    let nodes = addresses(&plan);
    for query in ["dx", "事業", "県庁", "r5", "2,334", "ⅰ", "nothing here"].map(normalize) {
        let holding = |with_plan: bool| {
            nodes
                .iter()
                .filter(|&&a| with_plan || a != Address::Plan)
                .filter(|&&a| shown(&plan, a).contains(query.as_str()))
                .count()
        };
        assert_eq!(
            count_matches(&plan, &query, false),
            holding(false),
            "{query}"
        );
        assert_eq!(count_matches(&plan, &query, true), holding(true), "{query}");
    }
}
