import type { z } from 'zod';
import { byChannel } from './define';
import { appContract } from './app';
import { ankiContract } from './anki';
import { backupsContract } from './backups';
import { dataContract } from './data';
import { browseContract } from './browse';
import { decksContract } from './decks';
import { importsContract } from './imports';
import { llmContract } from './llm';
import { notesContract } from './notes';
import { optimizerContract } from './optimizer';
import { policyContract } from './policy';
import { reviewContract } from './review';
import { profilesContract } from './profiles';
import { progressContract } from './progress';
import { secretsContract } from './secrets';
import { settingsContract } from './settings';
import { tutorContract } from './tutor';
import { syncContract } from './sync';
import { voiceContract } from './voice';

/** Every call the UI can make. Adding a domain: write its file, then add it here. */
export const contract = byChannel([
  ...appContract,
  ...profilesContract,
  ...settingsContract,
  ...secretsContract,
  ...decksContract,
  ...notesContract,
  ...reviewContract,
  ...importsContract,
  ...browseContract,
  ...optimizerContract,
  ...policyContract,
  ...ankiContract,
  ...backupsContract,
  ...dataContract,
  ...progressContract,
  ...llmContract,
  ...tutorContract,
  ...syncContract,
  ...voiceContract,
]);

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;
export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './errors';
export * from './events';
export { defineContract, defineEvent, type ContractEntry, type Access } from './define';
