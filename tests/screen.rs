//! The main screen after key sequences, at 80x24 and 120x40.

mod common;

use common::drive::{go_to, seed};
use common::{SEED, ctrl, draw, keys, named, open, path, peek, press, screen, screen_text};
use crossterm::event::KeyCode;
use unicode_width::UnicodeWidthStr;

fn go_to_online_project(app: &mut actplan::app::App) {
    go_to(app, seed::ONLINE);
}

#[test]
fn opens_fully_expanded_with_totals() {
    let app = open(&[path(SEED)], 80, 24);
    insta::assert_snapshot!("start_80x24", screen_text(&app));
    let text = screen_text(&app);
    assert!(text.contains("▾ （６）県庁オープン化戦略"));
    assert!(text.contains("合計 169,051千円"));
    assert!(text.contains("選択 （６） 169,051千円 6件"));
}

#[test]
fn navigate_to_the_online_project_and_read_its_footnote_80x24() {
    let mut app = open(&[path(SEED)], 80, 24);
    go_to_online_project(&mut app);
    let text = screen_text(&app);
    assert!(text.contains("※2,334は電子申請サービス委託料"), "{text}");
    assert!(text.contains("選択 行政手続› 2,334千円 1件"), "{text}");
    insta::assert_snapshot!("online_project_80x24", screen_text(&app));
}

#[test]
fn navigate_to_the_online_project_and_read_its_footnote_120x40() {
    let mut app = open(&[path(SEED)], 120, 40);
    go_to_online_project(&mut app);
    let text = screen_text(&app);
    for fact in [
        "行政手続きオンライン化事業",
        "住民サービス向上のため、申請手数料の電子納付機能を導入",
        "2,334千円",
        "※2,334は電子申請サービス委託料",
        "R5.4～R6.3  (2023-04..2024-03)",
        "R4.4～9 電子納付機能導入準備・電子納付対応手続の選定",
        "R4.10～ 電子納付、電子契約の開始",
        "R5年度目標：5,300件",
    ] {
        assert!(text.contains(fact), "missing {fact} in\n{text}");
    }
    insta::assert_snapshot!("online_project_120x40", screen_text(&app));
}

#[test]
fn selected_measure_shows_its_subtotal_in_the_status_bar() {
    let mut app = open(&[path(SEED)], 80, 24);
    go_to(&mut app, seed::MEASURE_3);
    let total = named::measure_total(&named::seed_plan(), seed::MEASURE_3);
    let status = named::selected_status("③", total);
    assert!(screen_text(&app).contains(&status), "{status}");
}

/// At every size, on every row: the separator stays in its column (a wide
/// character cut or pushed across it would move or erase it), and a row
/// either ends with its whole amount or shows none, never a clipped number.
#[test]
fn rows_keep_their_columns_and_amounts_are_never_clipped() {
    for (w, h) in [
        (80, 24),
        (120, 40),
        (40, 12),
        (24, 8),
        (20, 6),
        (14, 6),
        (12, 6),
    ] {
        let mut app = open(&[path(SEED)], w, h);
        let tree_width = peek::tree_width(&app);
        for _ in 0..14 {
            let rows = screen(&app);
            let body = &rows[1..usize::from(h) - 2];
            for (i, row) in body.iter().enumerate() {
                assert!(row.width() <= usize::from(w), "{w}x{h}: {row:?}");
                let cells: Vec<char> = row.chars().collect();
                let mut col = 0;
                let mut tree_part = String::new();
                for c in &cells {
                    if col >= usize::from(tree_width) {
                        assert_eq!(*c, '|', "{w}x{h} separator moved: {row:?}");
                        break;
                    }
                    tree_part.push(*c);
                    col += c.to_string().width();
                }
                let Some(budget) = peek::shown_row_budget(&app, i) else {
                    continue;
                };
                let amount = actplan::model::money::group_thousands(budget);
                let tree_part = tree_part.trim_end();
                assert!(
                    tree_part.ends_with(&format!(" {amount}"))
                        || !tree_part.ends_with(|c: char| c.is_ascii_digit() || c == ','),
                    "{w}x{h}: clipped amount in {tree_part:?} (expected {amount})"
                );
            }
            keys(&mut app, "j");
        }
    }
}

/// Every screen and dialog, drawn on a terminal of no size and of one
/// cell (a window being resized passes through them): nothing panics.
#[test]
fn every_screen_renders_at_zero_and_one_cell_without_panicking() {
    use actplan::words::Lang;
    use common::pictures::{self, Scene};
    type Step = fn(&mut Scene);
    let steps: &[(&str, Step)] = &[
        ("tree", |_| {}),
        ("detail", |s| press(&mut s.app, KeyCode::Tab)),
        ("help", |s| keys(&mut s.app, "?")),
        ("budget", |s| keys(&mut s.app, "2BB")),
        ("timeline", |s| keys(&mut s.app, "3")),
        ("kpis", |s| keys(&mut s.app, "4")),
        ("tree only", |s| keys(&mut s.app, "0")),
        ("editor", |s| pictures::progress_editor(&mut s.app)),
        ("one-line editor", |s| pictures::budget_editor(&mut s.app)),
        ("filter menu", |s| keys(&mut s.app, "f")),
        ("search", |s| keys(&mut s.app, "/県庁")),
        ("delete", |s| {
            go_to(&mut s.app, seed::PLATFORM);
            keys(&mut s.app, "d");
        }),
        ("quit", |s| {
            pictures::unsaved_entry(&mut s.app);
            keys(&mut s.app, "q");
        }),
        ("picker", |s| {
            go_to(&mut s.app, seed::PLATFORM);
            keys(&mut s.app, "m");
        }),
        ("conflict", |s| drop(pictures::conflict(s))),
        ("recovered edits", pictures::offer_recovered_edits),
    ];
    for (w, h) in [(0, 0), (1, 1), (1, 0), (0, 1)] {
        for lang in [Lang::Ja, Lang::En] {
            for (what, step) in steps {
                let mut scene = Scene::new(w, h, lang);
                step(&mut scene);
                let rows = screen(&scene.app);
                assert_eq!(rows.len(), usize::from(h), "{what} at {w}x{h}");
            }
        }
    }
    let scene = pictures::comment_question(1, 1, Lang::Ja);
    let _ = draw(&scene.app);
}

#[test]
fn collapse_expand_and_parent_navigation() {
    let mut app = open(&[path(SEED)], 80, 24);
    go_to(&mut app, seed::KPI_1);
    keys(&mut app, "h"); // collapse it
    let text = screen_text(&app);
    assert!(text.contains("▸ KPI ⅰ"), "{text}");
    assert!(!text.contains("県庁活性化促進事業"));
    keys(&mut app, "l"); // expand
    keys(&mut app, "l"); // first child
    let plan = named::seed_plan();
    let measure_1 = named::selected_status("①", named::measure_total(&plan, seed::MEASURE_1));
    assert!(screen_text(&app).contains(&measure_1), "{measure_1}");
    keys(&mut app, "h"); // ① is expanded: collapse
    keys(&mut app, "h"); // collapsed: go to parent
    let kpi_1 = named::selected_status("ⅰ", named::kpi_total(&plan, seed::KPI_1));
    assert!(screen_text(&app).contains(&kpi_1), "{kpi_1}");
    press(&mut app, KeyCode::Enter); // toggle
    assert!(screen_text(&app).contains("▸ KPI ⅰ"));
    keys(&mut app, "G");
    let last = plan.strategies.last().unwrap().measures.last().unwrap();
    let last = &last.projects.last().unwrap().name;
    assert_eq!(
        peek::selected_name(&app).as_ref(),
        Some(last),
        "G: the last row"
    );
    keys(&mut app, "g");
    let first = &plan.strategies[0].label;
    assert!(screen_text(&app).contains(&format!("選択 {first}")));
}

#[test]
fn page_down_scrolls_the_tree_keeping_the_selection_visible() {
    let mut app = open(&[path(SEED)], 80, 8);
    for _ in 0..3 {
        press(&mut app, KeyCode::PageDown);
        let text = screen_text(&app);
        let name = peek::selected_name(&app).unwrap();
        // The tree shows the start of a long name.
        let start: String = name.chars().take(5).collect();
        assert!(text.contains(&start), "{name} not shown:\n{text}");
    }
    let text = screen_text(&app);
    assert!(
        !text.contains("▾ （６）"),
        "scrolled past the first row:\n{text}"
    );
    press(&mut app, KeyCode::Home);
    assert!(screen_text(&app).contains("▾ （６）"));
}

#[test]
fn detail_focus_selects_fields_and_help_lists_the_keymap() {
    let mut app = open(&[path(SEED)], 80, 24);
    keys(&mut app, "G");
    press(&mut app, KeyCode::Tab);
    assert!(screen_text(&app).contains("DETAIL"));
    keys(&mut app, "?");
    let text = screen_text(&app);
    assert!(text.contains("Keys (j/k scroll, Esc close)"), "{text}");
    assert!(text.contains("j, Down"), "{text}");
    press(&mut app, KeyCode::Esc);
    ctrl(&mut app, 's');
    assert!(screen_text(&app).contains("no unsaved changes"));
}

/// Box drawing, ▶, … and ※ are "ambiguous width": Japanese SSH clients
/// (Tera Term's default) draw them two cells wide. On a plan whose own text
/// has none of them, no screen may show one: the chrome must avoid them.
#[test]
fn chrome_uses_no_ambiguous_width_characters() {
    use unicode_width::UnicodeWidthChar;
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plain.ron");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/valid/small.ron"
    );
    let text = std::fs::read_to_string(fixture)
        .unwrap()
        .replace('ⅰ', "i")
        .replace('①', "1");
    std::fs::write(&plan_path, format!("// c\n{text}")).unwrap();
    std::fs::write(dir.path().join("broken.ron"), "(").unwrap();

    let mut app = open(&[dir.path().to_owned()], 80, 24);
    let mut screens = vec![screen_text(&app)];
    let steps: &[&dyn Fn(&mut actplan::app::App)] = &[
        &|a| keys(a, "G"),
        &|a| press(a, KeyCode::Tab),
        &|a| keys(a, "jjje"),
        &|a| keys(a, "x"),
        &|a| press(a, KeyCode::Enter),
        &|a| ctrl(a, 'g'),
        &|a| keys(a, "?"),
        &|a| press(a, KeyCode::Esc),
        &|a| press(a, KeyCode::Tab),
        &|a| keys(a, "e"),
        &|a| keys(a, "R6.5 x"),
        &|a| press(a, KeyCode::Esc),
        &|a| keys(a, "w"),
        &|a| keys(a, "c"),
        &|a| keys(a, "q"),
    ];
    for step in steps {
        step(&mut app);
        screens.push(screen_text(&app));
    }
    assert!(
        screens.iter().any(|s| s.contains("Keys (j/k scroll")),
        "help was shown"
    );
    assert!(
        screens.iter().any(|s| s.contains("without their comments")),
        "comment question shown"
    );
    assert!(
        screens.iter().any(|s| s.contains("Unsaved changes in:")),
        "quit question shown"
    );
    assert!(
        screens.iter().any(|s| s.contains("error: 予算額")),
        "error message shown"
    );
    for screen in &screens {
        for c in screen.chars() {
            assert_eq!(
                c.width(),
                c.width_cjk(),
                "ambiguous {c:?} on screen:\n{screen}"
            );
        }
    }
}

#[test]
fn a_broken_file_in_a_directory_is_listed_and_the_others_open() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(SEED, dir.path().join("a.ron")).unwrap();
    std::fs::write(dir.path().join("b.ron"), "(title: \"x\",").unwrap();
    let app = open(&[dir.path().to_owned()], 80, 24);
    let text = screen_text(&app);
    assert!(text.contains("Could not open 1 file(s):"), "{text}");
    assert!(text.contains("b.ron:1:12: Unexpected end of RON"), "{text}");
    assert!(text.contains("県庁オープン化戦略"), "{text}");
}
