//! The command line's words: the help of every subcommand and argument, and
//! usage errors. clap lays the help out; the words are ours, and so are the
//! headings (`使い方`, `引数`, `オプション`, `コマンド`) in Japanese.

use clap::Command;

use super::{Lang, Say};
use crate::cli::usage::{Mistake, UsageError};

/// (subcommand, argument id, Japanese, English); the argument `""` is the
/// (sub)command's own description. `actplan` is the command itself.
const HELP: &[(&str, &str, &str, &str)] = &[
    (
        "actplan",
        "",
        "行動計画（戦略 → KPI → 施策 → 事業）を管理し、見直します。",
        "Keep and review action plans: strategy → KPI → measure → project.",
    ),
    (
        "actplan",
        "paths",
        "計画ファイル、または *.ron ファイルを開くフォルダ［省略時: plans/］",
        "Plan files, or directories whose *.ron files to open [default: plans/]",
    ),
    (
        "actplan",
        "read_only",
        "閲覧モード: どのキーでも何も変わらず、保存もできません",
        "Review mode: no key changes anything and nothing can be saved",
    ),
    (
        "actplan",
        "lang",
        "表示の言語: ja または en［省略時: 設定ファイル、次にロケール（LC_ALL、LC_MESSAGES、LANG）、どちらでもなければ日本語］",
        "Interface language: ja or en [default: the settings, else the locale (LC_ALL, LC_MESSAGES, LANG), else Japanese]",
    ),
    ("actplan", "help", "ヘルプを表示", "Print help"),
    ("actplan", "version", "バージョンを表示", "Print version"),
    (
        "check",
        "",
        "計画を検査し、問題をひとつずつ FILE:LINE:COLUMN: 内容 の形で表示します。問題がなければ終了コード 0、あれば 1 です。",
        "Validate plans; print each problem as FILE:LINE:COLUMN: message. Exit 0 when clean, 1 when a problem was found.",
    ),
    (
        "summary",
        "",
        "戦略・KPI・施策・事業をすべて予算額とともに表示します。",
        "Print every strategy, KPI, measure and project with its budget.",
    ),
    (
        "summary",
        "json",
        "表の代わりに JSON で出力",
        "Print JSON instead of a text table",
    ),
    (
        "config",
        "",
        "設定ファイルの場所、または説明付きの既定の設定ファイルを表示します。",
        "Where the settings file is, or a commented default one.",
    ),
    (
        "config",
        "path",
        "設定ファイルのパスを表示",
        "Print the path of the settings file",
    ),
    (
        "config",
        "print_default",
        "説明付きの既定の設定ファイルを表示",
        "Print a commented default settings file",
    ),
    (
        "fmt",
        "",
        "計画を正規の形に書き直します。",
        "Rewrite plans in the canonical form.",
    ),
    (
        "fmt",
        "check",
        "何も変えず、正規の形でないファイルがあれば終了コード 1",
        "Change nothing; exit 1 if a file is not in canonical form",
    ),
    (
        "export",
        "",
        "計画を元の表（CSV または XLSX、1 事業 1 行）か Markdown の報告書として書き出します。",
        "Write plans as the source table (CSV or XLSX, one row per project) or as a Markdown report.",
    ),
    (
        "export",
        "format",
        "csv、xlsx または md［省略時: -o の拡張子から］",
        "csv, xlsx or md [default: from the extension of -o]",
    ),
    (
        "export",
        "encoding",
        "CSV のみ: utf-8（BOM 付き。Excel が UTF-8 と読むため）または shift_jis（日本語版 Windows の Excel と同じ）［省略時: utf-8］",
        "CSV only: utf-8 (with a byte-order mark, which Excel needs to read it as UTF-8) or shift_jis (what Excel on Japanese Windows writes) [default: utf-8]",
    ),
    (
        "export",
        "output",
        "書き出すファイル。- で標準出力（csv と md）",
        "The file to write; `-` for standard output (csv and md)",
    ),
    (
        "import",
        "",
        "書き出しと同じ並びの表（CSV または XLSX）を計画ファイルに読み込みます。問題は FILE:ROW:COLUMN: 内容 の形で表示し、表全体が読めたときだけ書き込みます。",
        "Read a table in the export's layout (CSV or XLSX) into a plan file. Problems are printed as FILE:ROW:COLUMN: message; nothing is written unless the whole table reads.",
    ),
    (
        "import",
        "file",
        "表: .csv（UTF-8 または Shift_JIS）か .xlsx（最初のシート）",
        "The table: .csv (UTF-8 or Shift_JIS) or .xlsx (first sheet)",
    ),
    (
        "import",
        "output",
        "書き込む計画ファイル",
        "The plan file to write",
    ),
    (
        "import",
        "title",
        "計画の題名［省略時: 表のファイル名］",
        "The plan's title [default: the table's file name]",
    ),
    (
        "import",
        "fiscal_year",
        "会計年度が始まる西暦年［省略時: いちばん早い期間から］",
        "Gregorian year the fiscal year starts in [default: from the earliest period]",
    ),
    (
        "import",
        "unit",
        "予算額の単位［省略時: 千円］",
        "The budgets' unit [default: 千円]",
    ),
    (
        "import",
        "rules",
        "見出しが違う表を読むための対応表: 1 行に 1 つ、`事業名 = 主な取組`（こちらの見出し = 表の見出し）、`header 3`（見出しの行）、`unit 円`",
        "A mapping file for a table with other headings: one rule a line, `事業名 = 主な取組` (our heading = the table's), `header 3` (the heading row), `unit 円`",
    ),
    (
        "help",
        "",
        "このヘルプ、または指定したコマンドのヘルプを表示します。",
        "Print this message or the help of the given subcommand(s).",
    ),
];

/// Paths shared by every subcommand; their words are given once.
const SHARED: &[(&str, &str, &str)] = &[(
    "paths",
    "計画ファイルまたはフォルダ［省略時: plans/］",
    "Plan files or directories [default: plans/]",
)];

/// The help text of `arg` (`""`: the description) of the subcommand
/// `command`, in `lang`.
pub fn help(command: &str, arg: &str, lang: Lang) -> Option<&'static str> {
    let own = HELP
        .iter()
        .find(|(c, a, _, _)| *c == command && *a == arg)
        .map(|&(_, _, ja, en)| (ja, en));
    let global = || {
        HELP.iter()
            .find(|(c, a, _, _)| *c == "actplan" && *a == arg && matches!(arg, "help" | "lang"))
            .map(|&(_, _, ja, en)| (ja, en))
    };
    let shared = || {
        SHARED
            .iter()
            .find(|(a, _, _)| *a == arg && command != "actplan")
            .map(|&(_, ja, en)| (ja, en))
    };
    let (ja, en) = own.or_else(global).or_else(shared)?;
    Some(match lang {
        Lang::Ja => ja,
        Lang::En => en,
    })
}

/// `command` (built) with every description and argument help in `lang`,
/// and in Japanese clap's headings too.
pub fn localize(command: Command, lang: Lang) -> Command {
    let name = command.get_name().to_owned();
    let mut command = command.mut_args(|arg| {
        let id = arg.get_id().as_str().to_owned();
        let arg = arg
            .help(help(&name, &id, lang))
            .long_help(None)
            .hide_possible_values(true)
            .hide_default_value(true);
        match lang {
            Lang::En => arg,
            Lang::Ja if arg.is_positional() => arg.help_heading("引数"),
            Lang::Ja => arg.help_heading("オプション"),
        }
    });
    if let Some(about) = help(&name, "", lang) {
        command = command.about(about).long_about(None);
    }
    if lang == Lang::Ja {
        command = command.subcommand_help_heading("コマンド").help_template(
            "{before-help}{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}",
        );
    }
    command.mut_subcommands(|sub| localize(sub, lang))
}

impl Say for UsageError {
    fn say(&self, lang: Lang) -> String {
        let UsageError { mistake, usage } = self;
        if let Mistake::Other { clap } = mistake {
            return clap.clone();
        }
        let mistake = mistake.say(lang);
        // clap gives no usage line with some mistakes (a value not among
        // those allowed).
        let usage = match (usage.is_empty(), lang) {
            (true, _) => String::new(),
            (false, Lang::Ja) => format!("\n\n使い方: {usage}"),
            (false, Lang::En) => format!("\n\nUsage: {usage}"),
        };
        match lang {
            Lang::Ja => {
                format!("エラー: {mistake}{usage}\n\n詳しくは --help で確かめてください。\n")
            }
            Lang::En => {
                format!("error: {mistake}{usage}\n\nFor more information, try '--help'.\n")
            }
        }
    }
}

impl Say for Mistake {
    fn say(&self, lang: Lang) -> String {
        let maybe = |suggestion: &Option<String>| match (suggestion, lang) {
            (None, _) => String::new(),
            (Some(s), Lang::Ja) => format!("（{s} のことですか）"),
            (Some(s), Lang::En) => format!(" (did you mean {s}?)"),
        };
        match (self, lang) {
            (Mistake::UnknownArgument { arg, suggestion }, Lang::Ja) => {
                format!("{arg} という引数はありません{}", maybe(suggestion))
            }
            (Mistake::UnknownArgument { arg, suggestion }, Lang::En) => {
                format!("unexpected argument {arg}{}", maybe(suggestion))
            }
            (Mistake::UnknownCommand { name, suggestion }, Lang::Ja) => {
                format!("{name} というコマンドはありません{}", maybe(suggestion))
            }
            (Mistake::UnknownCommand { name, suggestion }, Lang::En) => {
                format!("unrecognized subcommand {name}{}", maybe(suggestion))
            }
            (Mistake::InvalidValue { arg, value, valid }, Lang::Ja) => {
                format!(
                    "{arg} に {value} は使えません（使えるのは {}）",
                    valid.join("、")
                )
            }
            (Mistake::InvalidValue { arg, value, valid }, Lang::En) => {
                format!(
                    "invalid value {value} for {arg} (possible values: {})",
                    valid.join(", ")
                )
            }
            (Mistake::UnreadableValue { arg, value }, Lang::Ja) => {
                format!("{arg} の値 {value} を読めません")
            }
            (Mistake::UnreadableValue { arg, value }, Lang::En) => {
                format!("invalid value {value} for {arg}")
            }
            (Mistake::MissingArgument { args }, Lang::Ja) => {
                format!("次の引数が必要です: {}", args.join("、"))
            }
            (Mistake::MissingArgument { args }, Lang::En) => {
                format!(
                    "the following required arguments were not provided: {}",
                    args.join(", ")
                )
            }
            (Mistake::Conflict { arg, with }, Lang::Ja) => {
                format!("{arg} は {with} と一緒には使えません")
            }
            (Mistake::Conflict { arg, with }, Lang::En) => {
                format!("{arg} cannot be used with {with}")
            }
            (Mistake::MissingValue { arg }, Lang::Ja) => format!("{arg} に値がありません"),
            (Mistake::MissingValue { arg }, Lang::En) => {
                format!("a value is required for {arg}")
            }
            (Mistake::TooMany { arg }, Lang::Ja) => format!("{arg} の値が多すぎます"),
            (Mistake::TooMany { arg }, Lang::En) => format!("too many values for {arg}"),
            (Mistake::NotUtf8, Lang::Ja) => "引数が UTF-8 ではありません".to_owned(),
            (Mistake::NotUtf8, Lang::En) => "an argument is not valid UTF-8".to_owned(),
            (Mistake::Other { clap }, _) => clap.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::Command;

    use super::help;
    use crate::words::Lang;

    /// Every argument of every subcommand, as clap sees them.
    fn every_argument(command: &Command, out: &mut Vec<(String, String)>) {
        out.push((command.get_name().to_owned(), String::new()));
        for arg in command.get_arguments() {
            out.push((command.get_name().to_owned(), arg.get_id().to_string()));
        }
        for sub in command.get_subcommands() {
            every_argument(sub, out);
        }
    }

    #[test]
    fn every_argument_and_subcommand_has_help_in_both_languages() {
        let mut all = Vec::new();
        every_argument(&crate::cli::command(Lang::En), &mut all);
        for (command, arg) in all {
            for lang in Lang::ALL {
                let text = help(&command, &arg, lang);
                assert!(
                    text.is_some_and(|t| !t.is_empty()),
                    "{command} {arg} in {lang:?}"
                );
            }
            let ja = help(&command, &arg, Lang::Ja).unwrap_or_default();
            assert!(
                crate::words::tests::has_japanese(ja),
                "{command} {arg}: {ja}"
            );
        }
    }
}
