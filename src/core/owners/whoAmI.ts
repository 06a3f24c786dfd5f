/** Who the user is, as far as owner strings go: a handle, a name and an email, any of which may be unknown. */
export interface Identity {
  readonly name?: string;
  readonly email?: string;
  /** "@marco" (from the prfaqTrace.me setting). */
  readonly handle?: string;
}

/**
 * Reads the `prfaqTrace.me` setting: "@marco", "Marco Lee", "marco@example.com" or a
 * combination like "Marco Lee <marco@example.com>".
 */
export function parseIdentity(text: string): Identity {
  const trimmed = text.trim();
  const email = /<([^>]+)>/.exec(trimmed)?.[1] ?? (/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(trimmed) ? trimmed : undefined);
  const handle = /^@\S+$/.test(trimmed) ? trimmed : undefined;
  const name = trimmed.replace(/<[^>]*>/, '').trim();
  return {
    ...(email ? { email } : {}),
    ...(handle ? { handle } : {}),
    ...(!handle && name && name !== email ? { name } : {}),
  };
}

function normal(text: string): string {
  return text.trim().toLowerCase();
}

/** Whether an owner string ("@marco", "Marco Lee <marco@x.com>", "marco@x.com", "Marco Lee") names this identity. */
export function isMe(me: Identity, person: string): boolean {
  const owner = parseIdentity(person);
  const email = me.email && normal(me.email);
  if (email && owner.email && normal(owner.email) === email) return true;
  if (me.handle && owner.handle && normal(owner.handle) === normal(me.handle)) return true;
  if (me.name && owner.name && normal(owner.name) === normal(me.name)) return true;
  // "@marco" and marco@example.com: the handle is the email's local part.
  if (email && owner.handle && normal(owner.handle.slice(1)) === email.split('@')[0]) return true;
  if (me.handle && owner.email && normal(owner.email).split('@')[0] === normal(me.handle.slice(1))) return true;
  return false;
}

/** A display name for comments written by this identity. */
export function authorOf(me: Identity): string | undefined {
  if (me.handle) return me.handle;
  if (me.name && me.email) return `${me.name} <${me.email}>`;
  return me.name ?? me.email;
}

/** Whether two person strings name the same person (`@marco` and `marco@example.com`, case aside). */
export function samePerson(a: string, b: string): boolean {
  return a.trim() === b.trim() || isMe(parseIdentity(a), b);
}
