//! The plan generator behind the benchmarks: same seed, same bytes, and a
//! plan that loads with the asked number of projects.

use std::path::Path;
use std::process::Command;

fn generate(projects: usize, seed: u64) -> Vec<u8> {
    let out = Command::new(env!("CARGO"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["run", "--quiet", "--example", "gen_plan", "--"])
        .args([
            "--projects",
            &projects.to_string(),
            "--seed",
            &seed.to_string(),
        ])
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn the_generator_is_deterministic_and_writes_a_valid_plan() {
    let first = generate(300, 7);
    assert_eq!(first, generate(300, 7), "same seed, same bytes");
    assert_ne!(first, generate(300, 8), "another seed, another plan");

    let plan = actplan::store::parse_bytes(Path::new("gen.ron"), &first)
        .expect("the generated plan loads")
        .plan;
    let measures: Vec<_> = plan.strategies.iter().flat_map(|s| &s.measures).collect();
    let projects: Vec<_> = measures.iter().flat_map(|m| &m.projects).collect();
    assert_eq!(projects.len(), 300);
    assert!(
        measures.iter().any(|m| m.kpis.len() == 2),
        "some measures serve two KPIs"
    );
    let text = String::from_utf8(first).unwrap();
    assert!(
        text.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
        "Japanese text"
    );
}
