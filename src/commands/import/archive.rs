//! A workbook is a ZIP archive, and a small one can hold parts that expand
//! to gigabytes (a sheet padded with spaces compresses a thousandfold);
//! calamine would hold such a part's text in memory whole. So the archive
//! is looked over before calamine opens it, and refused when it expands to
//! more than any real plan's workbook: the 100,000-project plan exports to
//! a 15 MB workbook whose 11 parts expand to 185 MB, at most 14 times their
//! compressed size.

use std::io::{self, Cursor, Read};

/// The most a table file may hold, and a workbook expand to: the
/// 100,000-project plan's table is 150 MB as CSV, 185 MB as an expanded
/// workbook.
pub const LIMIT: u64 = 256 << 20;

/// Parts of a workbook: Excel writes a few dozen.
pub const MAX_PARTS: usize = 1_000;
/// How many times its compressed size a large part may expand to: XML
/// compresses 5 to 15 times, a padded bomb a thousand times.
pub const MAX_RATIO: u64 = 100;
/// Parts smaller than this are not held to `MAX_RATIO` (a part of a few
/// repeated tags can compress well without harm).
const RATIO_FROM: u64 = 1 << 20;

/// Why a workbook is not read.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    Zip(#[from] zip::result::ZipError),
    Part { part: String, reason: io::Error },
    TooManyParts(usize),
    TooLarge,
    Bomb { part: String },
}

crate::words::english_display!(Refused);

/// Whether the workbook in `bytes` is safe to hand to calamine.
pub fn check(bytes: &[u8]) -> Result<(), Refused> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
    if archive.len() > MAX_PARTS {
        return Err(Refused::TooManyParts(archive.len()));
    }
    // The sizes the archive states refuse most bombs without inflating
    // anything.
    let mut stated: u64 = 0;
    for i in 0..archive.len() {
        let part = archive.by_index_raw(i)?;
        stated = stated.saturating_add(part.size());
        ratio(part.name(), part.size(), part.compressed_size())?;
    }
    if stated > LIMIT {
        return Err(Refused::TooLarge);
    }
    // A stated size can lie; what the parts really inflate to is counted,
    // and inflating stops at the first byte past either bound.
    let mut left = LIMIT;
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        let name = part.name().to_owned();
        let allowed = allowed(part.compressed_size());
        let inflated = io::copy(
            &mut (&mut part).take(left.min(allowed) + 1),
            &mut io::sink(),
        )
        .map_err(|reason| Refused::Part {
            part: name.clone(),
            reason,
        })?;
        if inflated > allowed {
            return Err(Refused::Bomb { part: name });
        }
        if inflated > left {
            return Err(Refused::TooLarge);
        }
        left -= inflated;
    }
    Ok(())
}

/// What a part of `compressed` bytes may expand to.
fn allowed(compressed: u64) -> u64 {
    compressed.saturating_mul(MAX_RATIO).max(RATIO_FROM)
}

fn ratio(part: &str, size: u64, compressed: u64) -> Result<(), Refused> {
    if size > allowed(compressed) {
        return Err(Refused::Bomb {
            part: part.to_owned(),
        });
    }
    Ok(())
}
