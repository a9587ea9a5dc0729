import { Inflate } from "fflate";
import { DocxReadError } from "./docx-read-error";

/** One entry of a zip's central directory. */
export interface ZipEntry {
  /** The entry name as stored. */
  readonly name: string;
  /** 0 (stored) or 8 (deflate); other methods are refused when the entry is read. */
  readonly method: number;
  /** General-purpose flags. */
  readonly flags: number;
  /** CRC-32 of the uncompressed data. */
  readonly crc: number;
  /** Compressed size, as the central directory states it. */
  readonly compressedSize: number;
  /** Uncompressed size, as the central directory states it (not trusted: inflation is capped). */
  readonly uncompressedSize: number;
  /** Offset of the entry's local header. */
  readonly localHeaderOffset: number;
}

/** The limits that apply while reading a zip. */
export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxEntrySize: number;
  readonly maxCompressionRatio: number;
}

const endOfCentralDirectorySignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const zip64EndSignature = 0x06064b50;
const zip64ExtraId = 0x0001;
const noValue32 = 0xffffffff;
const centralHeaderSignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
/** Compression ratios are only judged for entries at least this large (small entries cannot hurt). */
const ratioGraceSize = 1 << 20;
/**
 * Compressed bytes fed to the inflater at a time. One step inflates at most ~1032 times its input,
 * so steps are sized from the bytes left under the cap (within these bounds) to keep any overshoot
 * small while keeping the per-step overhead low.
 */
const minInflateChunk = 16 * 1024;
const maxInflateChunk = 1024 * 1024;

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24)) >>> 0
  );
}

/** A little-endian 64-bit field; beyond 2^53 it reads as Infinity (and fails any limit or bound). */
function u64(bytes: Uint8Array, at: number): number {
  const high = u32(bytes, at + 4);
  return high > 0x1fffff ? Number.POSITIVE_INFINITY : high * 0x100000000 + u32(bytes, at);
}

const nameDecoder = new TextDecoder("utf-8");

/** The lookup key of a part name: case folded, `\\` read as `/`, no leading `/`. */
export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const last = bytes.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && u32(bytes, at) === endOfCentralDirectorySignature) {
      // The comment length must reach exactly to the end of the file (or the record is a lookalike).
      if (at + 22 + u16(bytes, at + 20) <= bytes.length) return at;
    }
  }
  return -1;
}

/**
 * Read a zip's central directory without inflating anything, enforcing the entry count limit.
 *
 * @throws {DocxReadError} `not-a-zip`, `truncated-zip`, `corrupt-zip`, `unsupported-zip` or
 * `too-many-entries`.
 */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits): Map<string, ZipEntry> {
  const looksLikeZip = bytes.length >= 4 && u32(bytes, 0) === localHeaderSignature;
  if (bytes.length < 22) {
    throw new DocxReadError(
      looksLikeZip
        ? { code: "truncated-zip", message: "The zip archive stops before its central directory." }
        : { code: "not-a-zip", message: `The input (${bytes.length} bytes) is not a zip archive.` },
    );
  }
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) {
    throw new DocxReadError(
      looksLikeZip
        ? { code: "truncated-zip", message: "The zip archive has no end-of-central-directory record: it is truncated." }
        : { code: "not-a-zip", message: "The input is not a zip archive (a .docx file is one)." },
    );
  }
  let diskNumber = u16(bytes, end + 4);
  let directoryDisk = u16(bytes, end + 6);
  let entriesOnDisk = u16(bytes, end + 8);
  let entryCount = u16(bytes, end + 10);
  let directorySize = u32(bytes, end + 12);
  let directoryOffset = u32(bytes, end + 16);
  // Where the central directory must end: the end record, or the ZIP64 end record before it.
  let directoryLimit = end;
  if (end >= 20 && u32(bytes, end - 20) === zip64LocatorSignature) {
    const zip64End = u64(bytes, end - 12);
    if (u32(bytes, end - 16) !== 0 || u32(bytes, end - 4) > 1) {
      throw new DocxReadError({ code: "unsupported-zip", message: "Multi-disk zip archives are not supported." });
    }
    if (!(zip64End + 56 <= end - 20) || u32(bytes, zip64End) !== zip64EndSignature) {
      throw new DocxReadError({
        code: "corrupt-zip",
        message: "The ZIP64 end-of-central-directory record is missing or damaged.",
        offset: end - 20,
      });
    }
    diskNumber = u32(bytes, zip64End + 16);
    directoryDisk = u32(bytes, zip64End + 20);
    entriesOnDisk = u64(bytes, zip64End + 24);
    entryCount = u64(bytes, zip64End + 32);
    directorySize = u64(bytes, zip64End + 40);
    directoryOffset = u64(bytes, zip64End + 48);
    directoryLimit = zip64End;
  }
  if (entryCount > limits.maxEntries) {
    throw new DocxReadError({
      code: "too-many-entries",
      message: `The zip archive has ${entryCount} entries; the limit is ${limits.maxEntries}.`,
    });
  }
  if (diskNumber !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) {
    throw new DocxReadError({ code: "unsupported-zip", message: "Multi-disk zip archives are not supported." });
  }
  if (!(directoryOffset + directorySize <= directoryLimit)) {
    throw new DocxReadError({
      code: "corrupt-zip",
      message: "The zip central directory lies outside the archive.",
      offset: end,
    });
  }
  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  const directoryEnd = directoryOffset + directorySize;
  for (let index = 0; index < entryCount; index++) {
    if (at + 46 > directoryEnd || u32(bytes, at) !== centralHeaderSignature) {
      throw new DocxReadError({
        code: "corrupt-zip",
        message: `Zip central directory entry ${index + 1} of ${entryCount} is damaged.`,
        offset: at,
      });
    }
    const nameLength = u16(bytes, at + 28);
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > directoryEnd) {
      throw new DocxReadError({
        code: "corrupt-zip",
        message: `Zip central directory entry ${index + 1} runs past the directory.`,
        offset: at,
      });
    }
    const name = nameDecoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let uncompressedSize = u32(bytes, at + 24);
    let compressedSize = u32(bytes, at + 20);
    let localHeaderOffset = u32(bytes, at + 42);
    if (uncompressedSize === noValue32 || compressedSize === noValue32 || localHeaderOffset === noValue32) {
      // ZIP64: the fields that do not fit are in the extra field 0x0001, in this order.
      const extraStart = at + 46 + nameLength;
      const extra = findExtraField(bytes, extraStart, extraStart + u16(bytes, at + 30), zip64ExtraId);
      let cursor = extra?.start ?? 0;
      const take = (): number => {
        if (!extra || cursor + 8 > extra.end) {
          throw new DocxReadError({
            code: "corrupt-zip",
            message: `Zip entry ${name} lacks the ZIP64 sizes its header promises.`,
            part: name,
            offset: at,
          });
        }
        cursor += 8;
        return u64(bytes, cursor - 8);
      };
      if (uncompressedSize === noValue32) uncompressedSize = take();
      if (compressedSize === noValue32) compressedSize = take();
      if (localHeaderOffset === noValue32) localHeaderOffset = take();
    }
    const entry: ZipEntry = {
      name,
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    };
    // OPC part names are case-insensitive; some Windows tools write "\\" for "/". The first of
    // duplicate names wins.
    const key = partKey(name);
    if (!entries.has(key)) entries.set(key, entry);
    at = next;
  }
  return entries;
}

function findExtraField(
  bytes: Uint8Array,
  start: number,
  end: number,
  id: number,
): { start: number; end: number } | undefined {
  let at = start;
  while (at + 4 <= end) {
    const size = u16(bytes, at + 2);
    if (u16(bytes, at) === id) return { start: at + 4, end: Math.min(at + 4 + size, end) };
    at += 4 + size;
  }
  return undefined;
}

let crcTable: Uint32Array | undefined;

function crc32(chunks: readonly Uint8Array[]): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const table = crcTable;
  let crc = 0xffffffff;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) crc = (table[(crc ^ (chunk[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]?.length === length) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Inflate one entry, checking its declared size and ratio before inflating and capping the
 * output at its declared size (and at `budget`) while inflating, so a header that lies about the
 * size cannot make this allocate more than the cap plus one step (at most about 16 MiB).
 *
 * @param budget - how many more uncompressed bytes the caller allows in total.
 * @throws {DocxReadError} `truncated-zip`, `corrupt-zip`, `unsupported-zip`, `too-large` or `compression-ratio`.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, limits: ZipLimits, budget: number): Uint8Array {
  const part = entry.name;
  if (entry.flags & 1) {
    throw new DocxReadError({ code: "unsupported-zip", message: `Zip entry ${part} is encrypted.`, part });
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new DocxReadError({
      code: "unsupported-zip",
      message: `Zip entry ${part} uses compression method ${entry.method}; only stored (0) and deflate (8) are supported.`,
      part,
    });
  }
  if (entry.uncompressedSize > limits.maxEntrySize) {
    throw new DocxReadError({
      code: "too-large",
      message: `Zip entry ${part} declares ${entry.uncompressedSize} bytes; the limit is ${limits.maxEntrySize}.`,
      part,
    });
  }
  if (entry.uncompressedSize > budget) {
    throw new DocxReadError({
      code: "too-large",
      message: `Zip entry ${part} declares ${entry.uncompressedSize} bytes, more than the ${budget} bytes left of the total limit.`,
      part,
    });
  }
  if (
    entry.uncompressedSize >= ratioGraceSize &&
    entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio
  ) {
    throw new DocxReadError({
      code: "compression-ratio",
      message: `Zip entry ${part} claims ${entry.uncompressedSize} bytes from ${entry.compressedSize} (more than ${limits.maxCompressionRatio}:1).`,
      part,
    });
  }
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length) {
    throw new DocxReadError({
      code: "truncated-zip",
      message: `Zip entry ${part} starts past the end of the archive.`,
      part,
      offset: header,
    });
  }
  if (u32(bytes, header) !== localHeaderSignature) {
    throw new DocxReadError({
      code: "corrupt-zip",
      message: `Zip entry ${part} has no local header where the directory says.`,
      part,
      offset: header,
    });
  }
  const dataStart = header + 30 + u16(bytes, header + 26) + u16(bytes, header + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) {
    throw new DocxReadError({
      code: "truncated-zip",
      message: `Zip entry ${part} runs past the end of the archive.`,
      part,
      offset: dataStart,
    });
  }
  const data = bytes.subarray(dataStart, dataEnd);
  const cap = entry.uncompressedSize;
  let chunks: Uint8Array[];
  let length: number;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) {
      throw new DocxReadError({
        code: "corrupt-zip",
        message: `Stored zip entry ${part} has different compressed and uncompressed sizes.`,
        part,
      });
    }
    chunks = [data];
    length = data.length;
  } else {
    chunks = [];
    length = 0;
    const inflater = new Inflate((chunk) => {
      length += chunk.length;
      if (length > cap) {
        throw new DocxReadError({
          code: "corrupt-zip",
          message: `Zip entry ${part} inflates past its declared size of ${cap} bytes (a zip bomb or a corrupt archive).`,
          part,
        });
      }
      if (chunk.length > 0) chunks.push(chunk);
    });
    try {
      if (data.length === 0) inflater.push(data, true);
      let at = 0;
      while (at < data.length) {
        const step = Math.min(maxInflateChunk, Math.max(minInflateChunk, Math.floor((cap - length) / 1032)));
        const stop = Math.min(at + step, data.length);
        inflater.push(data.subarray(at, stop), stop === data.length);
        at = stop;
      }
    } catch (error) {
      if (DocxReadError.isInstance(error)) throw error;
      throw new DocxReadError({
        code: "corrupt-zip",
        message: `Zip entry ${part} has broken compressed data: ${error instanceof Error ? error.message : String(error)}.`,
        part,
        cause: error,
      });
    }
  }
  if (length !== cap) {
    throw new DocxReadError({
      code: "corrupt-zip",
      message: `Zip entry ${part} holds ${length} bytes but declares ${cap}.`,
      part,
    });
  }
  if (crc32(chunks) !== entry.crc) {
    throw new DocxReadError({ code: "corrupt-zip", message: `Zip entry ${part} fails its CRC-32 check.`, part });
  }
  return concat(chunks, length);
}
