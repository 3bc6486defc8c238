//! Pictures of the plan in the right-hand pane, in place of the detail:
//! budget bars, a fiscal-year timeline, KPI gauges, counts of grades. They
//! follow the selection in the tree.

mod budget;
mod grades;
mod kpis;
mod parts;
mod timeline;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, View};

pub fn render(app: &App, view: View, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    match view {
        View::Detail | View::TreeOnly => {}
        View::Budget(grouping) => budget::render(app, grouping, area, buf),
        View::Timeline => timeline::render(app, area, buf),
        View::Kpis => kpis::render(app, area, buf),
        View::Grades => grades::render(app, area, buf),
    }
}
