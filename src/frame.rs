//! The sizes of a frame that the keys depend on (how far a page moves, how
//! far a pane scrolls), measured by the ui and handed to the app by the
//! terminal loop as plain data: the app never asks the ui.

/// What the app needs to know of the frame on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FrameSizes {
    /// Tree rows that fit below the tree's title.
    pub tree_rows: u16,
    /// Height of the right-hand pane, its title included.
    pub detail_height: u16,
    /// The most the detail pane can scroll past the selected field (0
    /// unless the detail pane has the focus).
    pub detail_max_scroll: u16,
    /// The most the help can scroll (0 unless the help is open).
    pub help_max_scroll: u16,
}
