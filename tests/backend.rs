//! The terminal backend: what reaches the terminal, read back through a
//! terminal emulator.

mod common;

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::{Terminal, TerminalOptions, Viewport};

use actplan::backend::Lean;
use common::Written;

/// Draws each frame's lines through the lean backend into bytes, and
/// reads those bytes as a terminal would; returns each frame's bytes.
fn play(frames: &[&[Line]]) -> (Vec<Vec<u8>>, vt100::Parser) {
    let area = Rect::new(0, 0, 30, 3);
    let written = Written::default();
    let backend = Lean::new(CrosstermBackend::new(written.clone()));
    let options = TerminalOptions {
        viewport: Viewport::Fixed(area),
    };
    let mut terminal = Terminal::with_options(backend, options).unwrap();
    let mut parser = vt100::Parser::new(area.height, area.width, 0);
    let mut sent = Vec::new();
    for lines in frames {
        terminal
            .draw(|frame| {
                for (y, line) in (0..).zip(lines.iter()) {
                    let row = Rect::new(0, y, area.width, 1);
                    frame.render_widget(line, row);
                }
            })
            .unwrap();
        let bytes = written.take();
        parser.process(&bytes);
        sent.push(bytes);
    }
    (sent, parser)
}

fn plain(lines: &[&'static str]) -> Vec<Line<'static>> {
    lines.iter().map(|l| Line::raw(*l)).collect()
}

#[test]
fn wide_text_lands_where_it_belongs_without_a_move_per_character() {
    let (sent, parser) = play(&[
        &plain(&["成長戦略アクションプラン", "KPI ⅰ 目標 5,300件", "abc"]),
        &plain(&["成長戦略の進捗", "KPI ⅰ 目標 5,300件", "abc 予算"]),
        &plain(&["成長戦略の進捗", "KPI ⅰ 目標 5,300件", "abc 予算"]),
    ]);
    let rows: Vec<String> = parser
        .screen()
        .rows(0, 30)
        .map(|r| r.trim_end().to_owned())
        .collect();
    assert_eq!(rows, ["成長戦略の進捗", "KPI ⅰ 目標 5,300件", "abc 予算"]);
    let text = String::from_utf8_lossy(&sent[0]);
    assert!(
        text.contains("成長戦略アクションプラン"),
        "a row of wide characters is sent as one run: {text:?}"
    );
    assert!(
        sent[2].is_empty(),
        "the unchanged third frame sends nothing"
    );
    let all: Vec<u8> = sent.concat();
    assert_eq!(
        String::from_utf8_lossy(&all).matches("\u{1b}[?25l").count(),
        1,
        "the cursor is hidden once"
    );
}

#[test]
fn after_a_cluster_of_several_characters_the_cursor_is_placed_again() {
    let (sent, _) = play(&[&plain(&["👨\u{200d}👩AB"])]);
    let text = String::from_utf8_lossy(&sent[0]);
    let after = text.split('👩').nth(1).unwrap_or_default();
    assert!(after.starts_with("\u{1b}["), "{text:?}");
}

#[test]
fn colours_and_attributes_reach_the_terminal_as_drawn() {
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::text::Span;
    let styled = |spans: Vec<Span<'static>>| vec![Line::from(spans)];
    let first = styled(vec![
        Span::styled("選択", Style::new().reversed().bold()),
        Span::styled(" 16,550", Style::new().fg(Color::Cyan).dim()),
        Span::styled(" 千円", Style::new().underlined().italic()),
        Span::raw(" 3件"),
    ]);
    let second = styled(vec![
        Span::styled("選択", Style::new().bold()),
        Span::styled(" 16,550", Style::new().fg(Color::Cyan).bold()),
        Span::styled(" 千円", Style::new().bg(Color::Indexed(236))),
        Span::styled(" 3件", Style::new().crossed_out()),
    ]);
    for frames in [vec![&first[..]], vec![&first[..], &second[..]]] {
        let (_, parser) = play(&frames);
        let line = &frames.last().unwrap()[0];
        let mut x = 0;
        for span in &line.spans {
            for c in span.content.chars() {
                let cell = parser.screen().cell(0, x).unwrap();
                let m = span.style.add_modifier;
                let colour = |c: Option<Color>| match c {
                    Some(Color::Cyan) => vt100::Color::Idx(6),
                    Some(Color::Indexed(i)) => vt100::Color::Idx(i),
                    _ => vt100::Color::Default,
                };
                // A plain blank is never sent to a fresh screen.
                let text = Some(cell.contents()).filter(|t| !t.is_empty());
                assert_eq!(text.unwrap_or(" "), c.to_string(), "column {x}");
                assert_eq!(
                    (
                        cell.fgcolor(),
                        cell.bgcolor(),
                        cell.bold(),
                        cell.dim(),
                        cell.italic(),
                        cell.underline(),
                        cell.inverse(),
                    ),
                    (
                        colour(span.style.fg),
                        colour(span.style.bg),
                        m.contains(Modifier::BOLD),
                        m.contains(Modifier::DIM),
                        m.contains(Modifier::ITALIC),
                        m.contains(Modifier::UNDERLINED),
                        m.contains(Modifier::REVERSED),
                    ),
                    "{c:?} at column {x} of {} frame(s)",
                    frames.len()
                );
                x += u16::try_from(unicode_width::UnicodeWidthChar::width(c).unwrap()).unwrap();
            }
        }
    }
}
