//! A colleague puts terminal escapes, carriage returns, C1 controls and bidi
//! overrides into names, and formulas into cells: no subcommand prints one
//! of them raw, no CSV cell runs as a formula in Excel, and import gives
//! the names back as they were.

mod common;

use common::{actplan, arg, stderr, stdout};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const SEED: &str = "plans/r5-growth-strategy.ron";

/// Screen clear, an OSC 52 clipboard write and an OSC 0 title, each ended
/// by BEL, a carriage return, CSI and NEL as C1 controls, and a right-to-left
/// override.
const HOSTILE: &str =
    "県庁\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}]0;pwned\u{7}\r\u{9b}31m\u{85}\u{202e}事業";

/// What must never reach a terminal as it is.
const RAW: [(&str, &[u8]); 6] = [
    ("ESC", b"\x1b"),
    ("BEL", b"\x07"),
    ("CSI (U+009B)", "\u{9b}".as_bytes()),
    ("NEL (U+0085)", "\u{85}".as_bytes()),
    ("RLO (U+202E)", "\u{202e}".as_bytes()),
    ("a lone CR", b"\r"),
];

fn assert_nothing_raw(what: &str, bytes: &[u8]) {
    for (name, raw) in RAW {
        let found = if raw == b"\r" {
            // CSV records end in CRLF; a CR anywhere else is the attack.
            bytes.windows(2).any(|w| w[0] == b'\r' && w[1] != b'\n') || bytes.ends_with(b"\r")
        } else {
            bytes.windows(raw.len()).any(|w| w == raw)
        };
        assert!(
            !found,
            "{what} prints {name} raw: {:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

/// The bundled plan with `HOSTILE` as a project's name and evaluation, and
/// formulas as names, in a file whose name holds escapes too.
fn hostile_plan(dir: &Path) -> PathBuf {
    let seed = std::fs::read_to_string(Path::new(ROOT).join(SEED)).unwrap();
    let seed = seed
        .replace(
            "name: \"県庁活性化促進事業\",",
            &format!("name: \"{HOSTILE}\",\n evaluation: \"{HOSTILE}\","),
        )
        .replace(
            "\"地方創生人材育成研修事業\"",
            "\"=HYPERLINK(\\\"http://evil.example/\\\",\\\"詳細\\\")\"",
        )
        .replace("\"働き方改革ラボ2.0事業\"", "\"=cmd|' /C calc'!A0\"")
        .replace("\"行政手続きオンライン化事業\"", "\"+1+1\"")
        .replace("\"サービス連携プラットフォーム等整備事業\"", "\"@SUM(A1)\"")
        .replace(
            "\"マイナンバーカード利活用プラットフォーム実証事業\"",
            "\"-2+3\"",
        );
    let path = dir.join("plan\u{1b}]0;title\u{7}\r.ron");
    std::fs::write(&path, seed).unwrap();
    path
}

#[test]
fn summary_prints_no_control_or_bidi_character() {
    let dir = tempfile::tempdir().unwrap();
    let plan = hostile_plan(dir.path());
    let out = actplan(&["summary", arg(&plan)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_nothing_raw("summary", &out.stdout);
    let text = stdout(&out);
    assert!(
        text.contains("県庁\\u{1b}[2J\\u{1b}]52;c;ZXZpbA==\\u{7}"),
        "shown as escapes: {text}"
    );
    assert!(
        text.contains("\\u{d}\\u{9b}31m\\u{85}\\u{202e}事業"),
        "{text}"
    );
}

#[test]
fn summary_json_escapes_them_and_keeps_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let plan = hostile_plan(dir.path());
    let out = actplan(&["summary", "--json", arg(&plan)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_nothing_raw("summary --json", &out.stdout);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let project = &value["plans"][0]["strategies"][0]["measures"][0]["projects"][0];
    assert_eq!(
        project["name"], HOSTILE,
        "a JSON reader gets the name whole"
    );
    assert_eq!(value["plans"][0]["file"], arg(&plan));
}

#[test]
fn check_messages_quote_names_and_files_harmlessly() {
    let dir = tempfile::tempdir().unwrap();
    let plan = hostile_plan(dir.path());
    let broken = dir.path().join("broken\u{1b}[2J\u{85}.ron");
    std::fs::write(&broken, "(title: \"\u{1b}]52;c;ZXZpbA==\u{7}\",").unwrap();
    let out = actplan(&["check", arg(&plan), arg(&broken)]);
    assert_eq!(out.status.code(), Some(1));
    assert_nothing_raw("check", &out.stdout);
    assert_nothing_raw("check's summary line", &out.stderr);
    let text = stdout(&out);
    assert!(
        text.contains("plan\\u{1b}]0;title\\u{7}\\u{d}.ron:")
            && text.contains("is not on the plan's evaluation scale"),
        "the evaluation is quoted, the file named: {text}"
    );
    assert!(text.contains("broken\\u{1b}[2J\\u{85}.ron"), "{text}");
    assert_eq!(text.lines().count(), 2, "one line per problem: {text}");
}

#[test]
fn markdown_report_prints_no_control_or_bidi_character() {
    let dir = tempfile::tempdir().unwrap();
    let plan = hostile_plan(dir.path());
    let out = actplan(&["export", "--format", "md", "-o", "-", arg(&plan)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_nothing_raw("export --format md", &out.stdout);
    let text = stdout(&out);
    assert!(text.contains("##### 県庁\\u{1b}\\[2J"), "{text}");
    for line in text.lines() {
        assert!(
            !line.starts_with(['=', '+', '@']),
            "a line a spreadsheet would run: {line}"
        );
    }
}

fn csv_records(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_prints_no_control_character_and_runs_no_formula() {
    let dir = tempfile::tempdir().unwrap();
    let plan = hostile_plan(dir.path());
    for encoding in ["utf-8", "shift_jis"] {
        let out = actplan(&[
            "export",
            "--format",
            "csv",
            "--encoding",
            encoding,
            "-o",
            "-",
            arg(&plan),
        ]);
        assert_eq!(out.status.code(), Some(0), "{encoding}: {}", stderr(&out));
        assert_nothing_raw(encoding, &out.stdout);
        let text = if encoding == "utf-8" {
            String::from_utf8(out.stdout[3..].to_vec()).unwrap()
        } else {
            let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&out.stdout);
            assert!(!bad);
            text.into_owned()
        };
        let rows = csv_records(text.as_bytes());
        let names: Vec<&str> = rows[1..].iter().map(|r| r[3].as_str()).collect();
        assert_eq!(
            names[1..],
            [
                "'=HYPERLINK(\"http://evil.example/\",\"詳細\")",
                "'=cmd|' /C calc'!A0",
                "'-2+3",
                "'+1+1",
                "'@SUM(A1)",
            ],
            "{encoding}"
        );
        assert!(names[0].starts_with("県庁\\u{1b}[2J"), "{}", names[0]);
        assert_eq!(rows[1][5], "4450", "a budget stays a plain number");
    }
}

#[test]
fn import_of_the_csv_gives_the_formula_like_names_back() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(Path::new(ROOT).join(SEED)).unwrap();
    let names = [
        "=HYPERLINK(\"http://evil.example/\")",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "'=quoted already",
        "'plain with a quote",
    ];
    let seed = seed
        .replace(
            "\"県庁活性化促進事業\"",
            "\"=HYPERLINK(\\\"http://evil.example/\\\")\"",
        )
        .replace("\"地方創生人材育成研修事業\"", "\"+1+1\"")
        .replace("\"働き方改革ラボ2.0事業\"", "\"-2+3\"")
        .replace("\"行政手続きオンライン化事業\"", "\"@SUM(A1)\"")
        .replace(
            "\"サービス連携プラットフォーム等整備事業\"",
            "\"'=quoted already\"",
        )
        .replace(
            "\"マイナンバーカード利活用プラットフォーム実証事業\"",
            "\"'plain with a quote\"",
        );
    let plan = dir.path().join("plan.ron");
    std::fs::write(&plan, seed).unwrap();
    let table = dir.path().join("table.csv");
    let out = actplan(&["export", "-o", arg(&table), arg(&plan)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let back = dir.path().join("back.ron");
    let out = actplan(&["import", arg(&table), "-o", arg(&back)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = actplan(&["summary", "--json", arg(&back)]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut imported = Vec::new();
    for measure in value["plans"][0]["strategies"][0]["measures"]
        .as_array()
        .unwrap()
    {
        for project in measure["projects"].as_array().unwrap() {
            imported.push(project["name"].as_str().unwrap().to_owned());
        }
    }
    let mut expected: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
    expected.sort();
    imported.sort();
    assert_eq!(imported, expected);
}

#[test]
fn xlsx_writes_formula_like_names_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let plan = hostile_plan(dir.path());
    let target = dir.path().join("out.xlsx");
    let out = actplan(&["export", "-o", arg(&target), arg(&plan)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook(&target).unwrap();
    let sheet = book.worksheet_range("事業一覧").unwrap();
    assert_eq!(
        sheet[(2, 3)],
        Data::String("=HYPERLINK(\"http://evil.example/\",\"詳細\")".to_owned()),
        "the text as written, no quote added"
    );
    let formulas = book.worksheet_formula("事業一覧").unwrap();
    let written: Vec<&String> = formulas.used_cells().map(|(_, _, f)| f).collect();
    assert_eq!(written, ["SUM(F2:F7)"], "the total is the only formula");
}

#[test]
fn a_cell_too_long_for_excel_names_the_project_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(Path::new(ROOT).join(SEED)).unwrap();
    let long = "あ".repeat(40_000);
    let seed = seed.replacen(
        "overview: \"県庁組織の活性化と", // 51 characters follow
        &format!("overview: \"{long}"),
        1,
    );
    let plan = dir.path().join("plan.ron");
    std::fs::write(&plan, seed).unwrap();
    let target = dir.path().join("out.xlsx");
    let out = actplan(&["export", "-o", arg(&target), arg(&plan)]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(
        text.contains(&format!(
            "{}: 県庁活性化促進事業 / 概要: 40,051 characters; Excel allows 32,767 per cell",
            plan.display()
        )),
        "{text}"
    );
    assert!(text.contains("nothing written"), "{text}");
    assert!(!target.exists());
}
