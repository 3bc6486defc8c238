//! What the app tells its user while it runs: the message under the status
//! bar after a key (`Said`), the notices above it (`Notice`), the questions
//! and lists drawn over the screen (`Asked`), and the interface's own fixed
//! words (`Label`). The app and the ui hold these values; they become
//! sentences only here, in the language of the session.

mod asked;
mod ended;
mod label;
mod notice;
mod pane;
mod said;

pub use asked::Asked;
pub use ended::Ended;
pub use label::Label;
pub use notice::{Message, Notice};
pub use pane::Pane;
pub use said::{Change, Said, SavedFile};
