/**
 * A zstd frame made of raw (stored) blocks: valid zstd that every decoder reads, so tests can write current-format
 * packages without a native compressor. `REAL_ZSTD_SAMPLE` is a frame from the zstd tool itself (level 19, with
 * compressed blocks), to hold the decoder to real compressed data too.
 */
export function zstdRawFrame(data: Uint8Array): Buffer {
  const BLOCK = 128 * 1024;
  const parts: Buffer[] = [];
  const header = Buffer.alloc(4 + 1 + 8);
  header.writeUInt32LE(0xfd2fb528, 0);
  header[4] = 0xe0; // 8-byte content size, single segment, no checksum, no dictionary
  header.writeBigUInt64LE(BigInt(data.length), 5);
  parts.push(header);
  let at = 0;
  do {
    const size = Math.min(BLOCK, data.length - at);
    const last = at + size >= data.length ? 1 : 0;
    const value = last | (0 << 1) | (size << 3);
    parts.push(Buffer.from([value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff]), Buffer.from(data.subarray(at, at + size)));
    at += size;
  } while (at < data.length);
  return Buffer.concat(parts);
}

export const REAL_ZSTD_SAMPLE = {
  frame: Buffer.from('KLUv/QRoXQEAFAJQYXJsZXkgcmVhZHMgenN0ZC4gISBIb2xhLCBtdW5kby4CADBttZEzDNJfTmg=', 'base64'),
  text: 'Parley reads zstd. Parley reads zstd. Parley reads zstd! Hola, mundo. Hola, mundo. Hola, mundo.',
};
