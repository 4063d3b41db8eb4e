import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fieldText, mediaOf, splitCloze } from '../../src-main/services/anki/field-text';
import { isSafeMediaName, parseLegacyMediaMap, parseProtobufMediaMap } from '../../src-main/services/anki/media-map';
import { suggestFieldMapping } from '../../src-main/services/anki/note-mapping';
import { encodeMessage } from '../../src-main/services/anki/protobuf-wire';
import { frameWindowBytes, zstdDecode, zstdTransform } from '../../src-main/services/anki/zstd-stream';
import { REAL_ZSTD_SAMPLE, zstdRawFrame } from '../support/anki-zstd';

describe('zstd', () => {
  it('decodes a frame written by the zstd tool (compressed blocks) and a raw-block frame', () => {
    expect(zstdDecode(REAL_ZSTD_SAMPLE.frame, 'sample', 1024).toString()).toBe(REAL_ZSTD_SAMPLE.text);
    const data = Buffer.alloc(300_000, 7);
    expect(zstdDecode(zstdRawFrame(data), 'raw', 1_000_000).equals(data)).toBe(true);
  });

  it('streams through the transform and refuses output past its limit', async () => {
    const data = Buffer.alloc(300_000, 1);
    const collect = async (limit: number) => {
      const chunks: Buffer[] = [];
      for await (const chunk of Readable.from([zstdRawFrame(data)]).pipe(zstdTransform('The collection', limit))) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    };
    expect((await collect(1_000_000)).length).toBe(300_000);
    await expect(collect(100_000)).rejects.toThrow(/zip bomb/);
  });

  it('refuses a frame header that asks for an absurd amount of memory, before decoding', () => {
    const frame = zstdRawFrame(Buffer.from('x'));
    frame.writeBigUInt64LE(5n * 1024n ** 3n, 5);
    expect(frameWindowBytes(frame)).toBe(5 * 1024 ** 3);
    expect(() => zstdDecode(frame, 'The media list', 1024)).toThrow(/more memory/);
    expect(() => zstdDecode(Buffer.from('not zstd'), 'The media list', 1024)).toThrow(/not zstd/);
  });
});

describe('media maps and names', () => {
  it('reads the legacy JSON map and the protobuf map (with a legacy member number)', () => {
    expect(parseLegacyMediaMap(Buffer.from('{"0":"a.mp3","1":"b.jpg"}'))).toEqual([{ name: 'a.mp3', member: '0' }, { name: 'b.jpg', member: '1' }]);
    const map = encodeMessage([
      { field: 1, value: encodeMessage([{ field: 1, value: 'a.mp3' }, { field: 2, value: 3 }]) },
      { field: 1, value: encodeMessage([{ field: 1, value: 'b.jpg' }, { field: 255, value: 7 }]) },
    ]);
    expect(parseProtobufMediaMap(map)).toEqual([{ name: 'a.mp3', member: '0' }, { name: 'b.jpg', member: '7' }]);
    expect(() => parseLegacyMediaMap(Buffer.from('{oops'))).toThrow(/media list is damaged/);
    expect(() => parseProtobufMediaMap(Uint8Array.from([0x0a, 0x7f]))).toThrow(/media list is damaged/);
  });

  it('accepts plain file names only', () => {
    for (const good of ['foo.wav', 'El perro (1).mp3', 'ñandú.jpg']) expect(isSafeMediaName(good), good).toBe(true);
    for (const bad of ['../x.mp3', '..', 'a/b.mp3', 'a\\b.mp3', '/etc/passwd', 'C:x.mp3', 'bad\u0000.mp3', '']) expect(isSafeMediaName(bad), bad).toBe(false);
  });
});

describe('fields', () => {
  it('turns HTML into plain text and finds sounds and pictures', () => {
    expect(fieldText('<div><b>el perro</b></div><div>&lt;dog&gt; &amp; co</div><script>alert(1)</script>[sound:x.mp3]')).toBe('el perro\n<dog> & co');
    expect(mediaOf('[sound:x.mp3]<img src="a&amp;b.jpg"><img src=\'c.png\'><img src="https://example.com/d.png">')).toEqual({ audio: ['x.mp3'], images: ['a&b.jpg', 'c.png'] });
    expect(splitCloze('{{c2::dos}} y {{c1::uno::number}}')).toEqual({ sentence: 'dos y uno', answer: 'uno' });
  });

  it('suggests mappings for common layouts', () => {
    const nt = (fields: string[], kind: 'normal' | 'cloze' = 'normal') => ({ id: '1', name: 'x', kind, fields, templates: ['Card 1'] });
    expect(suggestFieldMapping(nt(['Front', 'Back']))).toMatchObject({ term: 0, translation: 1 });
    expect(suggestFieldMapping(nt(['Audio', 'Expression', 'Meaning', 'Reading', 'Sentence']))).toMatchObject({ term: 1, translation: 2, ipa: 3, example: 4 });
    expect(suggestFieldMapping(nt(['Text', 'Back Extra'], 'cloze'))).toMatchObject({ term: 0, translation: 1 });
    expect(suggestFieldMapping(nt(['Palabra', 'Traducción', 'Género']))).toMatchObject({ term: 0, translation: 1, gender: 2 });
  });
});
