//! The app's notices in Japanese, looked up from their English when drawn
//! (messages with the values they carry, e.g. `saved {}`). This is the old
//! way, kept only for what the app still says in English; the keys, the
//! settings and the subcommands speak through `words` (typed messages),
//! and the app's notices move there too. Plan content is never translated.

use std::borrow::Cow;

pub use crate::words::Lang;

/// `text` in `lang`. `{}` in an English template stands for a value; the
/// Japanese one places them with `{0}`, `{1}`, … in its own order.
pub fn tr(lang: Lang, text: &str) -> Cow<'_, str> {
    if lang == Lang::En {
        return Cow::Borrowed(text);
    }
    for (en, ja) in JAPANESE {
        if let Some(values) = values_of(en, text) {
            let mut out = (*ja).to_owned();
            for (i, v) in values.iter().enumerate() {
                out = out.replace(&format!("{{{i}}}"), v);
            }
            return Cow::Owned(out);
        }
    }
    Cow::Borrowed(text)
}

/// The values in `text` if it is `template` filled in.
fn values_of<'t>(template: &str, text: &'t str) -> Option<Vec<&'t str>> {
    let parts: Vec<&str> = template.split("{}").collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if parts.len() == 1 {
        return (text == template).then(Vec::new);
    }
    let inner = text.strip_prefix(first)?.strip_suffix(last)?;
    let mut values = Vec::new();
    let mut rest = inner;
    for part in &parts[1..parts.len() - 1] {
        let at = rest.find(part)?;
        values.push(&rest[..at]);
        rest = &rest[at + part.len()..];
    }
    values.push(rest);
    Some(values)
}

/// English template → Japanese. More specific templates come first.
const JAPANESE: &[(&str, &str)] = &[
    // Modes and the status line.
    ("TREE", "ツリー"),
    ("DETAIL", "詳細"),
    ("EDIT", "編集"),
    ("HELP", "ヘルプ"),
    ("ASK", "確認"),
    ("FIND", "検索"),
    ("READ-ONLY ", "閲覧専用 "),
    ("error: {}", "エラー: {0}"),
    // Notices.
    (
        "Could not open {} file(s):",
        "{0} 件のファイルを開けません:",
    ),
    ("Also open for editing: {} ({})", "編集中の人: {0}（{1}）"),
    (
        "{} was changed on disk by someone else; saving will merge",
        "{0} は他の人に変更されました。保存時に統合します",
    ),
    // Messages.
    (
        "saved {}; the values not chosen are in {}",
        "{0} を保存しました。採らなかった値は {1} にあります",
    ),
    (
        "restored; save to keep it. The values not chosen are in {}",
        "復元しました（保存すると確定）。採らなかった値は {0} にあります",
    ),
    (
        "restored {} change(s); save to keep them; not applied: {}",
        "{0} 件の変更を復元しました（保存すると確定）。反映できなかった入力: {1}",
    ),
    (
        "restored {} change(s); save to keep them",
        "{0} 件の変更を復元しました（保存すると確定）",
    ),
    ("searching...", "検索中..."),
    (
        "counting matches for \"{}\" (n next, N previous)",
        "「{0}」の一致数を数えています（n 次、N 前）",
    ),
    (
        "{} match(es) for \"{}\" (n next, N previous)",
        "「{1}」に {0} 件一致（n 次、N 前）",
    ),
    ("showing {}件 ({})", "{0}件を表示（{1}）"),
    (
        "reloaded {} (changed on disk)",
        "{0} を読み込み直しました（他で変更）",
    ),
    (
        "cannot undo {}: it was changed again since (by a merge)",
        "{0} は元に戻せません（統合で再び変更されています）",
    ),
    (
        "cannot redo {}: it was changed again since (by a merge)",
        "{0} はやり直せません（統合で再び変更されています）",
    ),
    (
        "cannot write the recovery file: {}",
        "復元用ファイルを書けません: {0}",
    ),
    (
        "{} (merged with changes saved by someone else)",
        "{0}（他の人の変更と統合）",
    ),
    ("saved {}", "{0} を保存しました"),
    ("{} updated (not saved yet)", "{0} を更新しました（未保存）"),
    ("undone: {}", "元に戻しました: {0}"),
    ("redone: {}", "やり直しました: {0}"),
    ("edit discarded", "編集を取り消しました"),
    ("no unsaved changes", "未保存の変更はありません"),
    (
        "not saved; your edits are kept",
        "保存していません（編集は残っています）",
    ),
    ("not saved", "保存しませんでした"),
    (
        "not restored; the recovered edits stay for the next start",
        "復元しませんでした（次回の起動時にまた確認します）",
    ),
    (
        "read-only: opened with --read-only, nothing can be changed or saved",
        "閲覧専用です（--read-only）。変更も保存もできません",
    ),
    ("nothing to undo", "元に戻す操作はありません"),
    ("nothing to redo", "やり直す操作はありません"),
    ("deleted (u to undo)", "削除しました（u で元に戻せます）"),
    ("not deleted", "削除しませんでした"),
    ("moved (u to undo)", "移動しました（u で元に戻せます）"),
    ("not added", "追加しませんでした"),
    ("showing everything", "すべて表示しています"),
    ("no match", "一致するものはありません"),
    (
        "no search: press / to search",
        "検索語がありません（/ で検索）",
    ),
    ("dates in Gregorian", "日付を西暦で表示"),
    ("dates as written", "日付を記載どおりに表示"),
    ("recovered edits discarded", "復元用の編集を破棄しました"),
    (
        "choose a project to add a progress entry to",
        "進捗を追加する事業を選んでください",
    ),
    (
        "choose a project or a measure to move",
        "移動する事業か施策を選んでください",
    ),
    (
        "choose a measure to link to KPIs",
        "KPI と関連付ける施策を選んでください",
    ),
    ("there is nowhere else to move it", "移動先がありません"),
    (
        "a whole plan is not deleted from here",
        "計画全体はここからは削除できません",
    ),
    ("nothing can be added here", "ここには追加できません"),
    // Paste (bracketed paste, issue point 9).
    (
        "paste ignored: paste works in the editor (open a field with e or Enter)",
        "貼り付けは無視しました。貼り付けは編集欄で使えます（e か Enter で項目を開く）",
    ),
    // Questions and lists.
    ("Unsaved changes in:", "未保存の変更があります:"),
    (
        "Saving rewrites these files without their comments:",
        "保存すると、次のファイルのコメントは消えます:",
    ),
    (
        "Unsaved edits to {} were kept",
        "{0} の未保存の編集が残っています",
    ),
    (
        "when actplan stopped ({}, {}):",
        "actplan の終了時（{0}、{1}）:",
    ),
    (
        "and everything under it? (u undoes it)",
        "とその配下をすべて削除しますか（u で元に戻せます）",
    ),
    ("Delete {}", "{0} を削除"),
    ("Filters now: {}", "現在の絞り込み: {0}"),
    ("none", "なし"),
    ("Move the project to", "事業の移動先"),
    ("Move the measure to", "施策の移動先"),
    (
        "KPIs this measure serves (Enter: link or unlink)",
        "この施策が対応する KPI（Enter で切替）",
    ),
    (
        " j/k move  Enter choose  Esc close",
        " j/k 移動  Enter 選択  Esc 閉じる",
    ),
    (
        " Keys (j/k scroll, Esc close) ",
        " キー一覧（j/k スクロール、Esc 閉じる） ",
    ),
    (" Conflict {} of {} in {} ", " 衝突 {0}/{1}（{2}） "),
    ("Yours:", "自分の値:"),
    ("Saved by someone else:", "他の人が保存した値:"),
    (
        "The value you do not take is kept in a conflict copy beside the plan.",
        "採らなかった値は、計画の隣の衝突コピーに残ります。",
    ),
];

#[cfg(test)]
mod tests {
    use super::tr;
    use crate::words::Lang;

    #[test]
    fn templates_carry_their_values_in_the_other_order() {
        assert_eq!(
            tr(Lang::Ja, "saved plans/a.ron"),
            "plans/a.ron を保存しました"
        );
        assert_eq!(
            tr(Lang::Ja, "3 match(es) for \"dx\" (n next, N previous)"),
            "「dx」に 3 件一致（n 次、N 前）"
        );
        assert_eq!(tr(Lang::Ja, "not saved"), "保存しませんでした");
        assert_eq!(tr(Lang::En, "not saved"), "not saved");
        assert_eq!(
            tr(Lang::Ja, "県庁オープン化戦略"),
            "県庁オープン化戦略",
            "content stays"
        );
    }
}
