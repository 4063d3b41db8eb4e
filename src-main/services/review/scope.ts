import { and, eq, isNull } from 'drizzle-orm';
import { ContractError } from '../../../src-shared/contract/errors';
import type { Preset } from '../../../src-shared/domain/vocabulary';
import type { Db } from '../../../db/open';
import { decks } from '../../../db/schema';
import type { PresetsService } from '../decks/presets';
import { studyDayAt, type StudyDay } from './study-day';

export interface ScopeDeck {
  id: string;
  /** The deck whose limits this deck's cards count against: the studied deck, or its top-level deck. */
  rootId: string;
  /** Its own options: they schedule its cards (retention, steps, leeches). */
  preset: Preset;
  targetLanguage: string;
}

export interface ScopeRoot {
  id: string;
  /** Daily limits and the day boundary for the root and every deck under it, as in Anki. */
  preset: Preset;
  day: StudyDay;
}

export interface ResolvedScope {
  decks: Map<string, ScopeDeck>;
  roots: Map<string, ScopeRoot>;
  /** Null when every deck of the profile is in scope (no filter needed). */
  deckIds: string[] | null;
  /** Every live deck of the profile is in scope (the studied deck holds them all, or all decks were asked for). */
  holdsEveryDeck: boolean;
}

type DeckLink = { id: string; parentId: string | null; presetId: string; targetLanguage: string };

/** The decks a session studies: the chosen deck and all its subdecks, or every deck grouped by top-level deck. */
export function resolveScope(
  deps: { db: Db; presets: PresetsService },
  profileId: string,
  deckId: string | null,
  timeZone: string,
  now: number,
): ResolvedScope {
  const links = deps.db
    .select({ id: decks.id, parentId: decks.parentId, presetId: decks.presetId, targetLanguage: decks.targetLanguage })
    .from(decks)
    .where(and(eq(decks.profileId, profileId), isNull(decks.deletedAt)))
    .all();
  const byId = new Map(links.map((d) => [d.id, d]));
  if (deckId !== null && !byId.has(deckId)) throw new ContractError('NOT_FOUND', 'That deck does not exist.');
  const children = childrenOf(links, byId);
  const rootIds =
    deckId !== null ? [deckId] : links.filter((d) => !d.parentId || !byId.has(d.parentId)).map((d) => d.id);
  const presetOf = presetLookup(deps.presets, profileId);

  const scope: ResolvedScope = {
    decks: new Map(),
    roots: new Map(),
    deckIds: deckId === null ? null : [],
    holdsEveryDeck: false,
  };
  for (const rootId of rootIds) {
    const preset = presetOf(byId.get(rootId)!.presetId);
    scope.roots.set(rootId, { id: rootId, preset, day: studyDayAt(now, preset.dayStartHour, timeZone) });
    for (const id of subtree(rootId, children)) {
      const deck = byId.get(id)!;
      scope.decks.set(id, { id, rootId, preset: presetOf(deck.presetId), targetLanguage: deck.targetLanguage });
      scope.deckIds?.push(id);
    }
  }
  scope.holdsEveryDeck = scope.decks.size === links.length;
  return scope;
}

function childrenOf(links: DeckLink[], byId: Map<string, DeckLink>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const d of links) {
    if (!d.parentId || !byId.has(d.parentId)) continue;
    const list = children.get(d.parentId) ?? [];
    list.push(d.id);
    children.set(d.parentId, list);
  }
  return children;
}

/** The deck and everything under it; a parent loop (from a bad sync) cannot make it run forever. */
function subtree(rootId: string, children: Map<string, string[]>): string[] {
  const seen = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      stack.push(child);
    }
  }
  return [...seen];
}

/** Presets by id, each read once; a deck pointing at a missing preset uses the profile's default. */
function presetLookup(presets: PresetsService, profileId: string): (presetId: string) => Preset {
  const cache = new Map<string, Preset>();
  return (presetId) => {
    let preset = cache.get(presetId);
    if (!preset) {
      try {
        preset = presets.get(profileId, presetId);
      } catch {
        preset = presets.defaultFor(profileId);
      }
      cache.set(presetId, preset);
    }
    return preset;
  };
}
