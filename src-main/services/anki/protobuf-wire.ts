/**
 * The few protobuf messages an Anki package holds (its `meta`, its media list, note type and field configs),
 * decoded by hand: varints and length-delimited fields are all they use.
 */
export interface WireField {
  field: number;
  /** Varint and fixed values as numbers; length-delimited ones as bytes. */
  value: number | Uint8Array;
}

export function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  for (let i = at; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    value += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return [value, i + 1];
    scale *= 128;
    if (scale > 2 ** 63) break;
  }
  throw new Error('truncated varint');
}

export function decodeMessage(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let at = 0;
  while (at < bytes.length) {
    const [key, afterKey] = readVarint(bytes, at);
    const field = Math.floor(key / 8);
    const type = key & 7;
    if (type === 0) {
      const [value, next] = readVarint(bytes, afterKey);
      fields.push({ field, value });
      at = next;
    } else if (type === 2) {
      const [length, start] = readVarint(bytes, afterKey);
      if (start + length > bytes.length) throw new Error('truncated field');
      fields.push({ field, value: bytes.subarray(start, start + length) });
      at = start + length;
    } else if (type === 5 || type === 1) {
      const size = type === 5 ? 4 : 8;
      if (afterKey + size > bytes.length) throw new Error('truncated field');
      fields.push({ field, value: 0 });
      at = afterKey + size;
    } else {
      throw new Error(`unsupported wire type ${type}`);
    }
  }
  return fields;
}

export function encodeVarint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

/** Encodes a message of varint and bytes fields (the test package generator writes these). */
export function encodeMessage(fields: { field: number; value: number | Uint8Array | string }[]): Uint8Array {
  const out: number[] = [];
  for (const { field, value } of fields) {
    if (typeof value === 'number') {
      out.push(...encodeVarint(field * 8), ...encodeVarint(value));
    } else {
      const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
      out.push(...encodeVarint(field * 8 + 2), ...encodeVarint(bytes.length), ...bytes);
    }
  }
  return Uint8Array.from(out);
}
