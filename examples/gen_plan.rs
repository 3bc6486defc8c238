//! Writes a valid plan of N projects with realistic Japanese text, the same
//! for the same seed:
//! `cargo run --release --example gen_plan -- --projects 10000 --seed 1 > plan.ron`.

// A developer's tool: it prints the plan it makes.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use actplan::model::grade::default_scale;
use actplan::model::{
    Actual, Direction, Kpi, Measure, Period, Plan, Project, ScheduleEntry, Strategy, Target,
    TargetValue,
};

/// A small deterministic generator (64-bit LCG), so no dependency is needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[usize::try_from(self.below(words.len() as u64)).unwrap_or(0)]
    }

    /// Words joined until about `chars` characters.
    fn text(&mut self, words: &[&str], chars: usize) -> String {
        let mut out = String::new();
        while out.chars().count() < chars {
            out.push_str(self.pick(words));
        }
        out
    }
}

const NOUNS: &[&str] = &[
    "地域",
    "観光",
    "デジタル",
    "防災",
    "子育て",
    "医療",
    "福祉",
    "農業",
    "産業",
    "人材",
    "交通",
    "環境",
    "教育",
    "文化",
    "スポーツ",
    "移住",
    "雇用",
    "中小企業",
    "エネルギー",
    "ＤＸ",
    "行政",
    "住民",
    "県民",
    "交流",
];
const ACTIONS: &[&str] = &[
    "推進",
    "支援",
    "強化",
    "促進",
    "整備",
    "活性化",
    "育成",
    "創出",
    "連携",
    "拡充",
];
const PHRASES: &[&str] = &[
    "を推進するため、",
    "関係機関と連携し、",
    "市町村と協力して",
    "民間事業者の知見を活用し、",
    "データを活用した",
    "持続可能な仕組みを構築し、",
    "県内全域で",
    "利用者の声を踏まえ、",
    "先進事例を参考に",
    "効果検証を行い、",
];
const ENDINGS: &[&str] = &[
    "取組を実施する。",
    "事業を展開する。",
    "体制を整備する。",
    "普及啓発を行う。",
    "支援策を講じる。",
];
const PROGRESS: &[&str] = &[
    "検討会を開催",
    "事業者の公募を実施",
    "説明会を開催",
    "システムを構築",
    "実証実験を開始",
    "研修を実施",
    "アンケート調査を実施",
    "補助金の交付決定",
    "協定を締結",
    "成果報告会を開催",
];
const ANALYSIS: &[&str] = &[
    "・参加者数は前年度を上回り、",
    "・一部の地域で取組が遅れており、",
    "・関係機関との調整に時間を要し、",
    "・利用者の満足度は高く、",
    "・目標の達成に向けて",
    "・費用対効果の検証が必要であり、",
];

fn project(rng: &mut Rng, i: usize) -> Project {
    let name = format!(
        "{}{}{}事業",
        rng.pick(NOUNS),
        rng.pick(NOUNS),
        rng.pick(ACTIONS)
    );
    let year = 5 + i32::try_from(rng.below(3)).unwrap_or(0);
    let start = 4 + rng.below(6);
    let period = match rng.below(4) {
        0 => format!("R{year}.{start}～"),
        1 => format!("R{year}.{start}～{}", (start + 2 + rng.below(3)).min(12)),
        _ => format!("R{year}.4～R{}.3", year + 1),
    };
    let schedule = (0..3 + rng.below(4))
        .map(|k| ScheduleEntry {
            date: Period::parse(&format!("R{year}.{}", 4 + k)).ok(),
            text: format!("{}{}", rng.text(NOUNS, 6), rng.text(PROGRESS, 20)),
        })
        .collect();
    let analysis = (0..2 + rng.below(3))
        .map(|_| {
            format!(
                "{}{}{}",
                rng.pick(ANALYSIS),
                rng.text(PHRASES, 40),
                rng.pick(ENDINGS)
            )
        })
        .collect();
    let grades = default_scale();
    Project {
        id: Default::default(),
        name: format!("{name}{i:06}"),
        owner: format!("{}課", rng.pick(NOUNS)),
        overview: format!("{}{}", rng.text(PHRASES, 70), rng.pick(ENDINGS)),
        budget: Some(500 + rng.below(499_501)),
        budget_note: String::new(),
        period: Period::parse(&period).expect("generated periods are valid"),
        evaluation: grades[usize::try_from(rng.below(grades.len() as u64)).unwrap_or(0)]
            .name
            .clone(),
        schedule,
        analysis,
        last_change: None,
        extra: Default::default(),
    }
}

fn plan(projects: usize, seed: u64) -> Plan {
    const PER_MEASURE: usize = 20;
    const MEASURES_PER_STRATEGY: usize = 25;
    let mut rng = Rng(seed);
    let labels = ["ⅰ", "ⅱ", "ⅲ"];
    let mut strategies = Vec::new();
    let mut made = 0;
    while made < projects {
        let s = strategies.len();
        let kpis = labels
            .iter()
            .map(|label| Kpi {
                id: Default::default(),
                label: (*label).to_owned(),
                statement: format!(
                    "{}の{}件数を{}件以上とする",
                    rng.pick(NOUNS),
                    rng.pick(ACTIONS),
                    100 + rng.below(900)
                ),
                target: Target {
                    value: TargetValue::Number(100.0),
                    unit: "件".to_owned(),
                    direction: Direction::AtLeast,
                },
                targets: Vec::new(),
                baseline: Some(40.0),
                baseline_at: None,
                actuals: vec![Actual {
                    fiscal_year: 2023,
                    at: None,
                    value: 30.0 + rng.below(80) as f64,
                }],
                entered_achievement: None,
                evaluation: String::new(),
                score: None,
                reason: String::new(),
            })
            .collect();
        let mut measures = Vec::new();
        for m in 0..MEASURES_PER_STRATEGY {
            if made >= projects {
                break;
            }
            let count = PER_MEASURE.min(projects - made);
            let mut serves = vec![labels[m % 3].to_owned()];
            if m % 7 == 0 {
                serves.push(labels[(m + 1) % 3].to_owned());
            }
            measures.push(std::sync::Arc::new(Measure {
                id: Default::default(),
                label: format!("({})", m + 1),
                name: format!("{}の{}", rng.pick(NOUNS), rng.pick(ACTIONS)),
                owner: String::new(),
                kpis: serves,
                evaluation: String::new(),
                score: None,
                reason: String::new(),
                projects: (0..count).map(|p| project(&mut rng, made + p)).collect(),
            }));
            made += count;
        }
        strategies.push(Strategy {
            id: Default::default(),
            label: format!("（{}）", s + 1),
            name: format!("{}{}戦略", rng.pick(NOUNS), rng.pick(ACTIONS)),
            owner: String::new(),
            under: Default::default(),
            evaluation: String::new(),
            score: None,
            reason: String::new(),
            kpis,
            measures,
        });
    }
    Plan {
        title: format!("成長戦略アクションプラン（{projects}事業）"),
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
    }
}

fn main() {
    let mut projects = 1000;
    let mut seed = 1;
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let value = pair.get(1).and_then(|v| v.parse().ok());
        match (pair[0].as_str(), value) {
            ("--projects", Some(v)) => projects = usize::try_from(v).unwrap_or(projects),
            ("--seed", Some(v)) => seed = v,
            _ => {
                eprintln!("usage: gen_plan --projects N --seed S");
                std::process::exit(2);
            }
        }
    }
    print!("{}", actplan::store::to_canonical(&plan(projects, seed)));
}
