//! Opening a large plan: its first part is on screen while the rest is
//! read in the background. Until the rest is in, the plan can be looked
//! through; a key that changes, searches, filters or pictures it waits for
//! the rest, and totals above measure level are not shown (they would be
//! partial).

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::App;
use super::document::Document;
use crate::model::{Address, Plan};
use crate::store::{self, presence};
use crate::tree::Place;

/// The plans whose rest is still being read, and why the session had to
/// end if one turned out to be broken.
#[derive(Default)]
pub(super) struct Reading {
    rest: Vec<Loading>,
    fatal: Option<store::LoadError>,
}

impl Reading {
    /// Whether some plan is still being read.
    pub(super) fn any(&self) -> bool {
        !self.rest.is_empty()
    }

    pub(super) fn start(&mut self, loading: Vec<Loading>) {
        self.rest = loading;
    }

    pub(super) fn fatal(&self) -> Option<&store::LoadError> {
        self.fatal.as_ref()
    }
}

/// A plan still being read in the background.
pub struct Loading {
    /// The document that holds its first part.
    pub doc: usize,
    events: Receiver<Event>,
}

type Stamp = Option<store::Stamp>;

/// The whole plan read and the file's stamp, or why it could not be read.
type Finished = Result<(store::Loaded, Stamp), store::LoadError>;

impl Loading {
    /// How the reading of the plan at `path` ended; `None` while it goes
    /// on, unless told to `wait` for the end.
    fn outcome(&self, wait: bool, path: &std::path::Path) -> Option<Finished> {
        loop {
            let event = if wait {
                self.events.recv().map_err(|_| TryRecvError::Disconnected)
            } else {
                self.events.try_recv()
            };
            match event {
                Ok(Event::Done(result, stamp)) => return Some(result.map(|l| (l, stamp))),
                // The first part was taken when the plan opened.
                Ok(Event::Preview(_)) => {}
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => return Some(Err(stopped(path.to_owned()))),
            }
        }
    }
}

enum Event {
    Preview(Plan),
    /// The whole plan, and the file's stamp from before it was read.
    Done(Result<store::Loaded, store::LoadError>, Stamp),
}

/// A plan opened with `open_early`.
pub enum Opened {
    /// Read whole already.
    Whole(Document),
    /// Its first part; the rest arrives through `Loading`.
    Partly(Document, Loading),
}

/// Starts reading the plan at `path` in the background and returns as soon
/// as its first part is read (or all of it, for a plan read whole).
pub fn open_early(path: PathBuf, doc: usize) -> Result<Opened, store::LoadError> {
    open_early_from(path, doc, None)
}

/// As `open_early`, the plan's bytes arriving through `source` instead of
/// being read from its file (a plan sent over a slow link).
pub fn open_early_from(
    path: PathBuf,
    doc: usize,
    source: Option<Box<dyn std::io::Read + Send>>,
) -> Result<Opened, store::LoadError> {
    let (send, events) = channel();
    let reading = path.clone();
    std::thread::spawn(move || {
        // Taken first: a change made while reading is then noticed later.
        let stamp = store::stamp(&reading);
        let preview = send.clone();
        let mut report = |plan| {
            let _ = preview.send(Event::Preview(plan));
        };
        let result = match source {
            Some(mut source) => store::load_arriving(&reading, &mut source, &mut report),
            None => store::load_in_pieces(&reading, &mut report),
        };
        let _ = send.send(Event::Done(result, stamp));
    });
    match events.recv() {
        Ok(Event::Preview(plan)) => {
            let first_part = store::Loaded {
                plan,
                source: store::SourceMap::default(),
                disk_hash: None,
            };
            Ok(Opened::Partly(
                Document::new(path, first_part),
                Loading { doc, events },
            ))
        }
        Ok(Event::Done(result, stamp)) => {
            let mut doc = Document::new(path, result?);
            doc.stamp = stamp;
            Ok(Opened::Whole(doc))
        }
        Err(_) => Err(stopped(path)),
    }
}

fn stopped(path: PathBuf) -> store::LoadError {
    store::LoadError::File {
        path,
        reason: store::LoadReason::Stopped,
    }
}

impl App {
    /// Takes the rest of a plan being read, once it is in. A plan that
    /// turns out to be broken ends the session with the reason, as it would
    /// have at the start had it been read whole.
    pub(super) fn finish_loading(&mut self) -> bool {
        let mut taken = false;
        let mut i = 0;
        while let Some(loading) = self.reading.rest.get(i) {
            let Some(finished) = loading.outcome(false, &self.docs[loading.doc].path) else {
                i += 1;
                continue;
            };
            let doc = self.reading.rest.remove(i).doc;
            self.take_loaded(doc, finished);
            taken = true;
        }
        taken
    }

    /// Waits until every plan being read is read, and takes them.
    pub(super) fn wait_for_loading(&mut self) {
        while !self.quit
            && let Some(loading) = self.reading.rest.pop()
        {
            if let Some(finished) = loading.outcome(true, &self.docs[loading.doc].path) {
                self.take_loaded(loading.doc, finished);
            }
        }
    }

    fn take_loaded(&mut self, doc: usize, finished: Finished) {
        match finished {
            Ok((loaded, stamp)) => {
                let old = &mut self.docs[doc];
                let mut whole = Document::new(old.path.clone(), loaded);
                whole.stamp = stamp;
                whole.others = std::mem::take(&mut old.others);
                *old = whole;
                self.give_user_scale(doc);
                self.rebuild_tree();
            }
            Err(e) if self.docs.len() > 1 => {
                // As at the start: the file is reported, the others stay.
                self.notices.could_not_open(e);
                self.close_document(doc);
            }
            Err(e) => {
                self.reading.fatal = Some(e);
                self.quit = true;
            }
        }
    }

    /// Whether the total of this node is final: not while its plan is
    /// still being read, except for a measure or project (read whole).
    pub fn total_is_final(&self, id: Place) -> bool {
        !self.is_loading(id.plan())
            || matches!(id.address(), Address::Measure(..) | Address::Project(..))
    }

    /// Whether document `doc` is still being read.
    pub fn is_loading(&self, doc: usize) -> bool {
        self.reading.rest.iter().any(|l| l.doc == doc)
    }
}

impl App {
    /// Takes document `doc` out of the session (it could not be read).
    /// Nothing can have changed yet: keys that change plans wait for every
    /// plan to be read.
    fn close_document(&mut self, doc: usize) {
        presence::withdraw(&self.docs[doc].path);
        self.docs.remove(doc);
        self.cursor.document_closed(doc);
        for loading in &mut self.reading.rest {
            if loading.doc > doc {
                loading.doc -= 1;
            }
        }
        self.recovery.document_closed(doc);
        self.rebuild_tree();
    }
}
