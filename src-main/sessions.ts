import { randomUUID } from 'node:crypto';

/** One window (Electron) or one browser session (web shell). Each has its own signed-in profile. */
export interface Session {
  readonly id: string;
  profileId: string | null;
  /** Derived from the profile's password at sign-in; encrypts that profile's secrets. Never persisted. */
  secretsKey: Buffer | null;
  lastActiveAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  open(now: number): Session {
    const session: Session = { id: randomUUID(), profileId: null, secretsKey: null, lastActiveAt: now };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  close(id: string): void {
    this.signOut(this.sessions.get(id));
    this.sessions.delete(id);
  }

  signIn(session: Session, profileId: string, secretsKey: Buffer | null): void {
    this.signOut(session);
    session.profileId = profileId;
    session.secretsKey = secretsKey;
  }

  signOut(session: Session | undefined): void {
    if (!session) return;
    session.secretsKey?.fill(0);
    session.profileId = null;
    session.secretsKey = null;
  }

  /** Every session signed in to some profile, e.g. to sign out those left idle. */
  signedIn(): Session[] {
    return [...this.sessions.values()].filter((s) => s.profileId !== null);
  }

  /** Sessions signed in to a profile, e.g. to sign them all out when it is deleted. */
  withProfile(profileId: string): Session[] {
    return [...this.sessions.values()].filter((s) => s.profileId === profileId);
  }
}
