import type { z } from 'zod';
import type { Channel, Contract, ContractEntry } from '../../src-shared/contract';
import type { Session, SessionStore } from '../sessions';
import type { Services } from '../services';
import type { CoreEvents } from '../events';
import type { AppControl } from '../services/app/app-control';
import type { PolicyService } from '../services/policy/policy-service';

export interface HandlerContext {
  session: Session;
  sessions: SessionStore;
  services: Services;
  events: CoreEvents;
  app: AppControl;
  /** The machine policy; reachable in recovery too, unlike `services`. */
  policy: PolicyService;
  keystoreBackend: 'os' | 'basic_text' | 'file' | 'memory';
  /** The signed-in profile; dispatch has already checked there is one for channels that need it. */
  profileId: string;
}

type HandlerOf<E extends ContractEntry> = (
  input: z.output<E['input']>,
  ctx: HandlerContext,
) => z.input<E['output']> | Promise<z.input<E['output']>>;

export type HandlersFor<Entries extends readonly ContractEntry[]> = {
  [E in Entries[number] as E['channel']]: HandlerOf<E>;
};

export type Handlers = { [C in Channel]: HandlerOf<Contract[C]> };
