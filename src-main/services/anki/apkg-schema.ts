/** Anki's collection schema 11 (the legacy `collection.anki2` every Anki version opens), as Anki 2.1 writes it. */
export const ANKI_SCHEMA_11 = `
CREATE TABLE col (
    id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
    dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null,
    decks text not null, dconf text not null, tags text not null
);
CREATE TABLE notes (
    id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
    tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null,
    data text not null
);
CREATE TABLE cards (
    id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
    usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null,
    factor integer not null, reps integer not null, lapses integer not null, left integer not null,
    odue integer not null, odid integer not null, flags integer not null, data text not null
);
CREATE TABLE revlog (
    id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
    lastIvl integer not null, factor integer not null, time integer not null, type integer not null
);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

/** The columns of each table, for tests that hold an exported collection against Anki's schema. */
export const ANKI_COLUMNS: Record<string, string[]> = {
  col: ['id', 'crt', 'mod', 'scm', 'ver', 'dty', 'usn', 'ls', 'conf', 'models', 'decks', 'dconf', 'tags'],
  notes: ['id', 'guid', 'mid', 'mod', 'usn', 'tags', 'flds', 'sfld', 'csum', 'flags', 'data'],
  cards: ['id', 'nid', 'did', 'ord', 'mod', 'usn', 'type', 'queue', 'due', 'ivl', 'factor', 'reps', 'lapses', 'left', 'odue', 'odid', 'flags', 'data'],
  revlog: ['id', 'cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type'],
  graves: ['usn', 'oid', 'type'],
};

export const PARLEY_FIELDS = ['Term', 'Translation', 'Example', 'Example translation', 'Part of speech', 'Gender', 'IPA', 'Audio', 'Image', 'Cloze'];

const CSS = '.card { font-family: arial; font-size: 24px; text-align: center; color: black; background-color: white; }';

/** Parley's note type: recognition, production and (for notes whose example holds the word) a cloze card. */
export function parleyModel(id: number, deckId: number, modSecs: number) {
  const field = (name: string, ord: number) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] });
  const template = (name: string, ord: number, qfmt: string, afmt: string) => ({ name, ord, qfmt, afmt, did: null, bqfmt: '', bafmt: '' });
  return {
    id, name: 'Parley Vocabulary', type: 0, mod: modSecs, usn: -1, sortf: 0, did: deckId,
    flds: PARLEY_FIELDS.map(field),
    tmpls: [
      template('Recognition', 0, '{{Term}}{{Audio}}', '{{FrontSide}}<hr id=answer>{{Translation}}<br>{{Example}}<br>{{Image}}'),
      template('Production', 1, '{{Translation}}', '{{FrontSide}}<hr id=answer>{{Term}}{{Audio}}<br>{{Image}}'),
      template('Cloze', 2, '{{#Cloze}}{{Cloze}}{{/Cloze}}', '{{FrontSide}}<hr id=answer>{{Term}}<br>{{Example}}'),
    ],
    css: CSS, latexPre: '', latexPost: '', latexsvg: false,
    req: [[0, 'any', [0, 7]], [1, 'any', [1]], [2, 'any', [9]]],
    tags: [], vers: [],
  };
}

export function ankiDeck(id: number, name: string, modSecs: number) {
  return {
    id, name, mod: modSecs, usn: -1, desc: '', dyn: 0, conf: 1, collapsed: false, browserCollapsed: false,
    extendNew: 0, extendRev: 0, newToday: [0, 0], revToday: [0, 0], lrnToday: [0, 0], timeToday: [0, 0],
  };
}

export const DEFAULT_DECK_CONF = {
  id: 1, name: 'Default', mod: 0, usn: 0, maxTaken: 60, autoplay: true, timer: 0, replayq: true, dyn: false,
  new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
  rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
  lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
};

export const COL_CONF = {
  activeDecks: [1], curDeck: 1, newSpread: 0, collapseTime: 1200, timeLim: 0, estTimes: true, dueCounts: true,
  curModel: null, nextPos: 1, sortType: 'noteFld', sortBackwards: false, addToCur: true, schedVer: 2,
};
