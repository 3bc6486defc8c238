//! Japanese first: with no locale, or one that names no language (as over
//! SSH from Windows), actplan speaks Japanese: its `--help`, its usage
//! errors, what its subcommands print, and the app's hint line. A locale
//! naming English, or `--lang en`, gives English.

mod common;

use std::process::Output;

use actplan::words::Lang;
use common::{SEED, arg, open, path, screen};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The binary run from the project's folder with the locale variables
/// unset but for `locale`.
fn run(locale: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_actplan"));
    command.args(args).current_dir(ROOT);
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(var);
    }
    command.envs(locale.iter().copied());
    command.output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const NO_LOCALE: &[(&str, &str)] = &[];
const ENGLISH: &[(&str, &str)] = &[("LANG", "en_US.UTF-8")];

#[test]
fn help_is_japanese_without_a_locale_and_english_in_an_english_one() {
    let ja = run(NO_LOCALE, &["--help"]);
    assert_eq!(ja.status.code(), Some(0));
    let text = stdout(&ja);
    assert!(text.contains("使い方: actplan"), "{text}");
    assert!(text.contains("閲覧モード"), "{text}");
    assert!(text.contains("  check    計画を検査し"), "{text}");
    assert!(!text.contains("Usage:"), "{text}");
    let en = run(ENGLISH, &["--help"]);
    let text = stdout(&en);
    assert!(text.contains("Usage: actplan"), "{text}");
    assert!(text.contains("Review mode"), "{text}");
    assert!(!text.contains("使い方"), "{text}");
}

#[test]
fn a_subcommands_help_follows_the_language_too() {
    let text = stdout(&run(NO_LOCALE, &["check", "--help"]));
    assert!(text.contains("使い方: actplan check"), "{text}");
    assert!(text.contains("計画ファイルまたはフォルダ"), "{text}");
    assert!(text.contains("ヘルプを表示"), "{text}");
    let text = stdout(&run(ENGLISH, &["check", "--help"]));
    assert!(text.contains("Usage: actplan check"), "{text}");
    assert!(text.contains("Plan files or directories"), "{text}");
    for c in ["C", "C.UTF-8", "POSIX", ""] {
        let text = stdout(&run(&[("LANG", c)], &["export", "--help"]));
        assert!(text.contains("書き出すファイル"), "LANG={c:?}: {text}");
    }
}

#[test]
fn the_lang_flag_decides_the_help_before_the_locale() {
    let text = stdout(&run(NO_LOCALE, &["--lang", "en", "--help"]));
    assert!(text.contains("Usage: actplan"), "{text}");
    let text = stdout(&run(ENGLISH, &["import", "--help", "--lang=ja"]));
    assert!(text.contains("書き込む計画ファイル"), "{text}");
    let text = stdout(&run(&[("LC_ALL", "ja_JP.UTF-8")], &["--help"]));
    assert!(text.contains("使い方"), "{text}");
}

#[test]
fn usage_errors_speak_the_language() {
    let out = run(NO_LOCALE, &["check", "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert!(
        text.contains("エラー: --bogus という引数はありません"),
        "{text}"
    );
    assert!(text.contains("使い方: actplan check"), "{text}");
    let out = run(NO_LOCALE, &["export", "--format", "pdf", "-o", "x"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert!(
        text.contains("pdf は使えません（使えるのは csv、xlsx、md）"),
        "{text}"
    );
    let out = run(ENGLISH, &["check", "--bogus"]);
    assert!(stderr(&out).contains("error: unexpected argument --bogus"));
}

#[test]
fn check_tells_a_japanese_user_where_and_what_in_japanese() {
    let out = run(NO_LOCALE, &["check", "tests/fixtures/invalid/comment.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "tests/fixtures/invalid/comment.ron:20:13: 警告: actplan で保存するとこのコメントは消えます\n"
    );
    assert_eq!(stderr(&out), "1 件のファイルを検査しました: 問題 1 件\n");
    let out = run(
        NO_LOCALE,
        &["check", "tests/fixtures/invalid/bad_period.ron"],
    );
    assert!(
        stdout(&out).starts_with("tests/fixtures/invalid/bad_period.ron:30:38: "),
        "{}",
        stdout(&out)
    );
    let out = run(NO_LOCALE, &["check", "plans"]);
    assert_eq!(
        stderr(&out),
        "1 件のファイルを検査しました: 問題はありません\n"
    );
}

#[test]
fn the_other_subcommands_speak_japanese_too() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    let mut text = std::fs::read_to_string(SEED).unwrap();
    text.push_str("\n\n");
    std::fs::write(&plan, text).unwrap();
    let out = run(NO_LOCALE, &["fmt", "--check", arg(&plan)]);
    assert!(
        stdout(&out).contains(": 正規の形ではありません"),
        "{}",
        stdout(&out)
    );
    let out = run(NO_LOCALE, &["export", "-o", arg(&dir.path().join("x"))]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("書き出す形式を --format csv|xlsx|md で指定してください"));
    let table = dir.path().join("t.csv");
    let out = run(NO_LOCALE, &["export", "-o", arg(&table), "plans"]);
    assert!(
        stderr(&out).ends_with(": 1 件の計画から 6 件の事業を書き出しました\n"),
        "{}",
        stderr(&out)
    );
    let back = dir.path().join("back.ron");
    let out = run(NO_LOCALE, &["import", arg(&table), "-o", arg(&back)]);
    assert!(
        stdout(&out).contains("から戦略 1 件、事業 6 件を読み込みました"),
        "{}",
        stdout(&out)
    );
    let out = run(
        NO_LOCALE,
        &[
            "import",
            arg(&table),
            "-o",
            arg(&back),
            "--fiscal-year",
            "23",
        ],
    );
    assert!(stderr(&out).contains("西暦 4 桁の年を指定してください"));
    let out = run(NO_LOCALE, &["summary", "plans"]);
    assert!(stdout(&out).contains("6件 (計画 1 件)"), "{}", stdout(&out));
}

#[test]
fn machine_readable_output_does_not_change_with_the_language() {
    let ja = run(NO_LOCALE, &["summary", "--json", "plans"]);
    let en = run(ENGLISH, &["summary", "--json", "plans"]);
    assert_eq!(ja.stdout, en.stdout);
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    run(NO_LOCALE, &["export", "-o", arg(&a), "plans"]);
    run(ENGLISH, &["export", "-o", arg(&b), "plans"]);
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
}

#[test]
fn without_a_locale_the_hint_line_at_80_columns_is_japanese_and_keeps_quit() {
    let mut app = open(&[path(SEED)], 80, 24);
    app.set_lang(Lang::choose(None, None, |_| None));
    let rows = screen(&app);
    let hints = rows.last().unwrap();
    assert!(hints.contains("q 終了"), "{hints}");
    assert!(hints.contains("j 移動"), "{hints}");
    assert!(rows[rows.len() - 2].contains("ツリー"), "{rows:?}");
}

#[test]
fn the_help_screen_is_generated_in_japanese() {
    let mut app = open(&[path(SEED)], 80, 24);
    app.set_lang(Lang::Ja);
    common::keys(&mut app, "?");
    let text = screen(&app).join("\n");
    assert!(text.contains("次の行"), "{text}");
    assert!(text.contains("開く／最初の子へ"), "{text}");
    assert!(!text.contains("next row"), "{text}");
}
