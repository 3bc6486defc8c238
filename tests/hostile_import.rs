//! Import of files a colleague made to hurt: a workbook whose sheet is
//! padded with a gigabyte of spaces (a few MB zipped), one that states a
//! small size and inflates to far more, a pipe, a device, a huge CSV. Each
//! is refused at once with a message naming the file, and nothing is
//! written. The hostile files are made here, never kept in the repository.

mod common;

use common::{actplan, arg, stderr};
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const SEED: &str = "plans/r5-growth-strategy.ron";
const SHEET: &str = "xl/worksheets/sheet1.xml";

/// Deflate's bits, least significant first.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    used: u32,
}

impl Bits {
    fn push(&mut self, value: u32, count: u32) {
        for i in 0..count {
            if self.used.is_multiple_of(8) {
                self.bytes.push(0);
            }
            let bit = u8::try_from((value >> i) & 1).unwrap();
            *self.bytes.last_mut().unwrap() |= bit << (self.used % 8);
            self.used += 1;
        }
    }

    /// A Huffman code, most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        for i in (0..len).rev() {
            self.push((code >> i) & 1, 1);
        }
    }

    fn literal(&mut self, byte: u8) {
        assert!(byte < 144);
        self.code(0x30 + u32::from(byte), 8);
    }
}

/// One fixed-Huffman deflate block: `head`, `spaces` spaces as a space and
/// repeats of 258 bytes from one back (13 bits each, so a gigabyte takes
/// 6 MB), then `tail`. Returns the stream and its inflated length.
fn padded(head: &str, spaces: u64, tail: &str) -> (Vec<u8>, u64) {
    let mut bits = Bits::default();
    bits.push(1, 1); // the last block
    bits.push(1, 2); // fixed Huffman codes
    head.bytes().for_each(|b| bits.literal(b));
    bits.literal(b' ');
    let repeats = (spaces - 1) / 258;
    for _ in 0..repeats {
        bits.code(0b1100_0101, 8); // length 258
        bits.code(0, 5); // distance 1
    }
    tail.bytes().for_each(|b| bits.literal(b));
    bits.code(0, 7); // end of block
    let length = (head.len() + tail.len()) as u64 + 1 + repeats * 258;
    (bits.bytes, length)
}

/// CRC-32 of `bytes`, as ZIP checks it after the last byte of a part.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A ZIP archive of one deflated part, `stated` its size in the archive.
fn one_part_zip(name: &str, deflated: &[u8], stated: u64, crc: u32) -> Vec<u8> {
    let stated = u32::try_from(stated).unwrap();
    let compressed = u32::try_from(deflated.len()).unwrap();
    let name_len = u16::try_from(name.len()).unwrap();
    let mut zip = Vec::new();
    // Version 2.0, no flags, deflate, time 0, 1980-01-01.
    let common = |zip: &mut Vec<u8>| {
        zip.extend(20u16.to_le_bytes());
        zip.extend(0u16.to_le_bytes());
        zip.extend(8u16.to_le_bytes());
        zip.extend(0u16.to_le_bytes());
        zip.extend(0x21u16.to_le_bytes());
        zip.extend(crc.to_le_bytes());
        zip.extend(compressed.to_le_bytes());
        zip.extend(stated.to_le_bytes());
        zip.extend(name_len.to_le_bytes());
        zip.extend(0u16.to_le_bytes());
    };
    zip.extend(0x0403_4b50u32.to_le_bytes());
    common(&mut zip);
    zip.extend(name.as_bytes());
    zip.extend(deflated);
    let directory = u32::try_from(zip.len()).unwrap();
    zip.extend(0x0201_4b50u32.to_le_bytes());
    zip.extend(20u16.to_le_bytes());
    common(&mut zip);
    zip.extend([0u8; 10]); // comment length, disk, attributes
    zip.extend(0u32.to_le_bytes()); // the local header's offset
    zip.extend(name.as_bytes());
    let directory_len = u32::try_from(zip.len()).unwrap() - directory;
    zip.extend(0x0605_4b50u32.to_le_bytes());
    zip.extend([0u8; 4]);
    zip.extend(1u16.to_le_bytes());
    zip.extend(1u16.to_le_bytes());
    zip.extend(directory_len.to_le_bytes());
    zip.extend(directory.to_le_bytes());
    zip.extend(0u16.to_le_bytes());
    zip
}

/// The bundled plan's workbook with its first sheet's data padded by
/// `spaces` spaces, the sheet's size stated as `stated` (its true size when
/// `None`).
fn padded_workbook(dir: &Path, spaces: u64, stated: Option<u64>) -> PathBuf {
    let plain = dir.join("plain.xlsx");
    let out = actplan(&["export", "-o", arg(&plain), SEED]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let head = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>";
    let tail = "</t></is></c></row></sheetData></worksheet>";
    let (deflated, length) = padded(head, spaces, tail);
    // The checksum is checked after a part's last byte, which a refused
    // part never reaches; a small one is read to its end.
    let crc = if length < 1 << 20 {
        let spaces = " ".repeat(usize::try_from(length).unwrap() - head.len() - tail.len());
        crc32(format!("{head}{spaces}{tail}").as_bytes())
    } else {
        0
    };
    let sheet = one_part_zip(SHEET, &deflated, stated.unwrap_or(length), crc);
    let mut sheet = zip::ZipArchive::new(Cursor::new(sheet)).unwrap();
    let mut plain = zip::ZipArchive::new(std::fs::File::open(&plain).unwrap()).unwrap();
    let path = dir.join("padded.xlsx");
    let mut book = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..plain.len() {
        let part = plain.by_index_raw(i).unwrap();
        if part.name() == SHEET {
            drop(part);
            book.raw_copy_file(sheet.by_index_raw(0).unwrap()).unwrap();
        } else {
            book.raw_copy_file(part).unwrap();
        }
    }
    book.finish().unwrap().flush().unwrap();
    path
}

/// Import of `table` into a plan file that must not appear; returns stderr.
fn refused(dir: &Path, table: &Path) -> String {
    let plan = dir.join("imported.ron");
    let out = actplan(&["import", arg(table), "-o", arg(&plan)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!plan.exists(), "nothing written");
    let text = stderr(&out);
    assert!(
        text.contains(&format!("{}: ", table.display())),
        "names the file: {text}"
    );
    text
}

#[test]
fn a_workbook_padded_to_a_gigabyte_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let book = padded_workbook(dir.path(), 1 << 30, None);
    let zipped = std::fs::metadata(&book).unwrap().len();
    assert!(zipped < 8 << 20, "{zipped} bytes zipped");
    let text = refused(dir.path(), &book);
    assert!(
        text.contains("the workbook's part xl/worksheets/sheet1.xml expands more than 100 times"),
        "{text}"
    );
}

#[test]
fn a_workbook_stating_a_small_size_is_counted_as_it_inflates() {
    let dir = tempfile::tempdir().unwrap();
    let book = padded_workbook(dir.path(), 64 << 20, Some(1_000));
    let text = refused(dir.path(), &book);
    assert!(
        text.contains("the workbook's part xl/worksheets/sheet1.xml expands more than 100 times"),
        "{text}"
    );
}

#[test]
fn a_workbook_a_little_padded_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let book = padded_workbook(dir.path(), 100_000, None);
    let plan = dir.path().join("imported.ron");
    let out = actplan(&["import", arg(&book), "-o", arg(&plan)]);
    // The padded sheet holds no table, which is the only complaint.
    assert!(stderr(&out).contains("heading"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("expands"), "{}", stderr(&out));
}

#[test]
fn a_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("table.csv");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &pipe,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .unwrap();
    let plan = dir.path().join("imported.ron");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_actplan"))
        .args(["import", arg(&pipe), "-o", arg(&plan)])
        .env("LC_ALL", "en_US.UTF-8")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("import of a pipe still waits after 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(1));
    let mut text = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut text).unwrap();
    assert!(
        text.contains(&format!(
            "{}: cannot read: not a regular file",
            pipe.display()
        )),
        "{text}"
    );
    assert!(!plan.exists());
}

#[test]
fn a_device_and_a_huge_table_are_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let text = refused(dir.path(), Path::new("/dev/zero"));
    assert!(text.contains("not a regular file"), "{text}");
    // Sparse: 300 MB of nothing on disk.
    let huge = dir.path().join("huge.csv");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(300 << 20)
        .unwrap();
    let text = refused(dir.path(), &huge);
    assert!(text.contains("larger than 256 MB; not read"), "{text}");
}
