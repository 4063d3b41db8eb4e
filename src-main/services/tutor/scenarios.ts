import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { scenario as scenarioSchema, summarizeScenario, type Scenario } from '../../../src-shared/domain/scenario';
import type { CefrLevel, UiLanguage } from '../../../src-shared/domain/languages';
import type { ScenarioSummary } from '../../../src-shared/domain/tutor';
import type { Logger } from '../../logging';

const MAX_FILE_BYTES = 64 * 1024;

/**
 * The role-play library in `resources/scenarios/*.json`, one scenario per file, read once and kept. A file that
 * does not fit the schema is skipped and logged by name, so one bad file cannot hide the others.
 */
export function createScenarioLibrary(resourcesDir: string, logger: Logger) {
  let loaded: Map<string, Scenario> | null = null;

  const load = (): Map<string, Scenario> => {
    if (loaded) return loaded;
    const dir = path.join(resourcesDir, 'scenarios');
    const found = new Map<string, Scenario>();
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    } catch {
      logger.warn({ dir: 'scenarios' }, 'scenario library missing');
    }
    for (const file of files) {
      const parsed = readScenario(path.join(dir, file));
      if (parsed && !found.has(parsed.id)) found.set(parsed.id, parsed);
      else logger.warn({ file }, 'scenario file skipped');
    }
    loaded = found;
    return found;
  };

  return {
    list(ui: UiLanguage, target: string, level: CefrLevel | null): ScenarioSummary[] {
      const order = ['A1', 'A2', 'B1', 'B2', 'C1'];
      return [...load().values()]
        .filter((s) => level === null || s.level === level)
        .sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level) || a.title[ui].localeCompare(b.title[ui], ui))
        .map((s) => summarizeScenario(s, ui, target));
    },
    get: (id: string): Scenario | null => load().get(id) ?? null,
  };
}

function readScenario(file: string): Scenario | null {
  try {
    const text = readFileSync(file, 'utf8');
    if (text.length > MAX_FILE_BYTES) return null;
    const parsed = scenarioSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
