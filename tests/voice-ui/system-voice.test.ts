import { describe, expect, it } from 'vitest';
import { espeakVoicesFor, pickSystemVoice, utteranceLang } from '../../src-renderer/src/audio/system-voice';

const voice = (name: string, lang: string, { local = true, isDefault = false } = {}) => ({
  name,
  lang,
  localService: local,
  default: isDefault,
});

const SYSTEM = [
  voice('English', 'en-US', { isDefault: true }),
  voice('Español (red)', 'es-ES', { local: false }),
  voice('Español México', 'es_MX'),
  voice('Français', 'fr-FR'),
  voice('Français (Canada)', 'fr-CA', { local: false }),
  voice('Deutsch', 'de-DE'),
];

describe('picking the system voice for a language', () => {
  it('takes a voice of the language, never one of another', () => {
    expect(pickSystemVoice(SYSTEM, 'de')?.name).toBe('Deutsch');
    expect(pickSystemVoice(SYSTEM, 'it')).toBeNull();
    expect(pickSystemVoice(SYSTEM, '')).toBeNull();
    expect(pickSystemVoice([], 'es')).toBeNull();
  });

  it('prefers the exact region, then an on-device voice, then the system default', () => {
    expect(pickSystemVoice(SYSTEM, 'fr-CA')?.name).toBe('Français (Canada)');
    expect(pickSystemVoice(SYSTEM, 'fr')?.name).toBe('Français');
    // es-ES is a network voice: the on-device Mexican one speaks plain "es"; asked for es-ES, the region wins.
    expect(pickSystemVoice(SYSTEM, 'es')?.name).toBe('Español México');
    expect(pickSystemVoice(SYSTEM, 'ES-es')?.name).toBe('Español (red)');
    const twins = [voice('A', 'pt-BR'), voice('B', 'pt-PT', { isDefault: true })];
    expect(pickSystemVoice(twins, 'pt')?.name).toBe('B');
  });

  it('sets the utterance language from the voice, or the language when the voice has none', () => {
    expect(utteranceLang(voice('x', 'es_MX'), 'es')).toBe('es-MX');
    expect(utteranceLang(voice('x', ''), 'es')).toBe('es');
  });

  it('names espeak-ng’s voice for the language', () => {
    expect(espeakVoicesFor('es')).toEqual(['es']);
    expect(espeakVoicesFor('pt-BR')).toEqual(['pt-br', 'pt']);
    expect(espeakVoicesFor('zh')).toEqual(['cmn', 'zh']);
  });
});
