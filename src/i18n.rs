//! The interface in Japanese or English. The app's words are written in
//! English; in Japanese they are looked up here when drawn (messages with
//! the values they carry, e.g. `saved {}`). Plan content is never
//! translated, only the words around it.

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
    ("settings: {}", "設定: {0}"),
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
    // Settings out of bounds and settings files that are not read (issue 13, point 10).
    (
        "{}: backups: {} is too many, a save keeps 0 to {} earlier versions (using the default settings)",
        "{0}: backups: {1} は多すぎます。保存で残す以前の版は 0〜{2} です（既定の設定を使います）",
    ),
    (
        "{}: plans: a path of at most {} bytes (using the default settings)",
        "{0}: plans: パスは {1} バイトまでです（既定の設定を使います）",
    ),
    (
        "{}: palette: more than {} recolourings (using the default settings)",
        "{0}: palette: 色の置き換えは {1} 件までです（既定の設定を使います）",
    ),
    (
        "{}: keys: more than {} extra keys (using the default settings)",
        "{0}: keys: 追加のキーは {1} 件までです（既定の設定を使います）",
    ),
    (
        "{}: keys: {} characters in a context, key or action, at most {} are taken (using the default settings)",
        "{0}: keys: context・key・action が {1} 文字あります。{2} 文字までです（既定の設定を使います）",
    ),
    (
        "{}: evaluation_scale: more than {} grades (using the default settings)",
        "{0}: evaluation_scale: 評価は {1} 段階までです（既定の設定を使います）",
    ),
    (
        "{}: evaluation_scale: a grade's name of {} characters, at most {} are taken (using the default settings)",
        "{0}: evaluation_scale: 評価の名前が {1} 文字あります。{2} 文字までです（既定の設定を使います）",
    ),
    (
        "{}: evaluation_scale: a grade's marker of {} characters, at most {} are taken (using the default settings)",
        "{0}: evaluation_scale: 評価の記号が {1} 文字あります。{2} 文字までです（既定の設定を使います）",
    ),
    (
        "{}: not a regular file (a pipe or a device is not read) (using the default settings)",
        "{0}: 通常のファイルではありません（パイプやデバイスは読みません）（既定の設定を使います）",
    ),
    (
        "{}: larger than {}; not read (using the default settings)",
        "{0}: {1} を超えるため読みません（既定の設定を使います）",
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
    // Contexts.
    ("Tree", "ツリー"),
    ("Detail pane", "詳細欄"),
    ("Editor", "編集"),
    ("One-line editor", "1行の編集"),
    ("Help", "ヘルプ"),
    ("Quit with unsaved changes", "未保存のまま終了"),
    ("Save would drop comments", "保存するとコメントが消えます"),
    ("Conflicting changes on disk", "他の人の変更と衝突"),
    ("Recovered unsaved edits", "復元できる未保存の編集"),
    ("Delete", "削除"),
    ("Choosing from a list", "一覧から選択"),
    ("Filters", "絞り込み"),
    ("Search or filter line", "検索・絞り込みの入力"),
    // Key descriptions.
    ("next row", "次の行"),
    ("previous row", "前の行"),
    ("expand, or go to the first child", "開く／最初の子へ"),
    ("collapse, or go to the parent", "閉じる／親へ"),
    ("expand or collapse", "開閉"),
    ("first row", "先頭の行"),
    ("last row", "最後の行"),
    ("one screen down", "1画面下へ"),
    ("one screen up", "1画面上へ"),
    ("edit the project's progress entries", "事業の進捗を編集"),
    ("save", "保存"),
    ("focus the detail pane", "詳細欄へ"),
    (
        "add a progress entry dated this month",
        "今月の日付で進捗を追加",
    ),
    ("add a node after this one", "後ろに追加"),
    ("add a node inside this one", "中に追加"),
    ("rename", "名前を変更"),
    ("delete (asks first)", "削除（確認あり）"),
    ("move up among its siblings", "上へ移動"),
    ("move down among its siblings", "下へ移動"),
    (
        "move to another measure or strategy",
        "別の施策・戦略へ移動",
    ),
    ("link or unlink a measure and KPIs", "施策と KPI の関連付け"),
    ("undo", "元に戻す"),
    ("redo", "やり直し"),
    ("search as you type", "検索"),
    ("next match", "次の一致"),
    ("previous match", "前の一致"),
    ("filters", "絞り込み"),
    (
        "dates as written / Gregorian",
        "日付の表示（記載どおり／西暦）",
    ),
    ("right pane: detail", "右欄: 詳細"),
    ("right pane: budget bars", "右欄: 予算グラフ"),
    ("right pane: timeline", "右欄: 期間"),
    ("right pane: KPI gauges", "右欄: KPI 達成度"),
    (
        "no right pane: the tree across the screen",
        "右欄なし: ツリーを全幅で表示",
    ),
    (
        "budget bars by strategy / KPI / measure",
        "予算グラフを戦略／KPI／施策別に",
    ),
    ("next field", "次の項目"),
    ("previous field", "前の項目"),
    ("edit the field", "項目を編集"),
    ("scroll down", "下へスクロール"),
    ("scroll up", "上へスクロール"),
    ("focus the tree", "ツリーへ"),
    ("show the keys", "キー一覧"),
    ("quit", "終了"),
    ("put the text into the plan", "計画に反映"),
    ("discard the edit", "編集を取り消す"),
    ("apply the text and save", "反映して保存"),
    ("close the help", "ヘルプを閉じる"),
    ("save, then quit", "保存して終了"),
    ("quit without saving", "保存せずに終了"),
    ("keep working", "続ける"),
    ("save, dropping the comments", "コメントを消して保存"),
    ("do not save", "保存しない"),
    ("keep the value typed here", "自分の値を残す"),
    ("take the value saved by someone else", "他の人の値を採る"),
    (
        "do not save (or restore); keep your edits",
        "保存（復元）しない。編集は残す",
    ),
    ("put the recovered edits back", "編集を復元する"),
    ("throw the recovered edits away", "編集を破棄する"),
    ("decide at the next start", "次回の起動時に決める"),
    ("delete it", "削除する"),
    ("keep it", "残す"),
    ("next item", "次"),
    ("previous item", "前"),
    ("choose this item", "選ぶ"),
    ("close the list", "閉じる"),
    ("by evaluation (next grade)", "評価で（次の段階）"),
    ("only overdue projects", "期限超過のみ"),
    ("by text", "文字列で"),
    (
        "by budget range, e.g. 1000-5000",
        "予算の範囲で（例 1000-5000）",
    ),
    ("remove every filter", "すべて解除"),
    ("close the filters", "閉じる"),
    ("cancel", "取消"),
    // Key hints.
    ("move", "移動"),
    ("progress", "進捗"),
    ("detail", "詳細"),
    ("search", "検索"),
    ("filter", "絞込"),
    ("help", "ヘルプ"),
    ("field", "項目"),
    ("edit", "編集"),
    ("tree", "ツリー"),
    ("apply", "反映"),
    ("discard", "破棄"),
    ("scroll", "スクロール"),
    ("close", "閉じる"),
    ("save and quit", "保存して終了"),
    ("discard and quit", "破棄して終了"),
    ("save anyway", "それでも保存"),
    ("keep yours", "自分の値"),
    ("take theirs", "相手の値"),
    ("restore", "復元"),
    ("later", "後で"),
    ("delete", "削除"),
    ("keep", "残す"),
    ("choose", "選択"),
    ("evaluation", "評価"),
    ("overdue", "期限超過"),
    ("text", "文字列"),
    ("budget", "予算"),
    ("clear", "解除"),
    ("done", "決定"),
];

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(tr(Lang::Ja, "save"), "保存");
        assert_eq!(tr(Lang::En, "save"), "save");
        assert_eq!(
            tr(Lang::Ja, "県庁オープン化戦略"),
            "県庁オープン化戦略",
            "content stays"
        );
    }

    #[test]
    fn every_key_description_and_hint_is_in_japanese() {
        for b in crate::keymap::DEFAULT {
            assert_ne!(
                tr(Lang::Ja, b.description),
                b.description,
                "{}",
                b.description
            );
            if !b.hint.is_empty() {
                assert_ne!(tr(Lang::Ja, b.hint), b.hint, "{}", b.hint);
            }
            assert_ne!(tr(Lang::Ja, b.context.title()), b.context.title());
        }
    }
}
