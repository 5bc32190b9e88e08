/**
 * The session form against what is stored. The form keeps the copy it was last in step with
 * (`base`); what differs from it is the user's unsaved edit. A save sends only that difference:
 * the details that changed, and participant changes item by item (add, rename, remove), never the
 * whole list. When another window's change arrives, `rebase` brings the form up to date without
 * touching a field the user is editing, and names the fields where both changed (their edit lost).
 */
import type {
  ParticipantChanges,
  SessionFieldName,
  SessionPatch,
  SessionRecord,
} from '@shared/sessions/schema';
import { checkField } from './validation';
import type { FormValues } from './validation';

export const DETAIL_FIELDS = [
  'clientName',
  'projectName',
  'facilitator',
  'workshopDate',
  'description',
] as const;

export const FIELD_LABELS: Record<SessionFieldName, string> = {
  clientName: 'Client name',
  projectName: 'Project name',
  facilitator: 'Facilitator',
  workshopDate: 'Workshop date',
  description: 'Description',
  participants: 'Participants',
};

export function toFormValues(session: SessionRecord): FormValues {
  return {
    clientName: session.clientName,
    projectName: session.projectName,
    facilitator: session.facilitator,
    workshopDate: session.workshopDate,
    description: session.description,
    participants: session.participants,
  };
}

const same = (a: string, b: string) => a.trim() === b.trim();
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** What to send: valid edits only (an invalid field stays on screen with its error, unsent). */
export function changesSince(base: FormValues, values: FormValues): SessionPatch {
  const patch: Record<string, unknown> = {};
  for (const name of DETAIL_FIELDS) {
    if (same(values[name], base[name])) continue;
    const check = checkField(name, values[name]);
    if (check.ok && check.value !== base[name]) patch[name] = check.value;
  }
  const participants = participantChanges(base, values);
  if (participants && checkField('participants', values.participants).ok)
    patch['participants'] = participants;
  return patch;
}

function participantChanges(base: FormValues, values: FormValues): ParticipantChanges | undefined {
  const stored = new Map(base.participants.flatMap((p) => (p.id ? [[p.id, p.name] as const] : [])));
  const kept = new Set(values.participants.flatMap((p) => (p.id ? [p.id] : [])));
  const add = values.participants.filter((p) => !p.id).map((p) => ({ name: p.name.trim() }));
  const rename = values.participants.flatMap((p) => {
    const from = p.id ? stored.get(p.id) : undefined;
    return p.id && from !== undefined && !same(from, p.name) ? [{ id: p.id, from, name: p.name.trim() }] : [];
  });
  const remove = [...stored.keys()].filter((id) => !kept.has(id));
  return add.length + rename.length + remove.length > 0 ? { add, rename, remove } : undefined;
}

/**
 * Where the form stands against the stored copy: edits still to send, an edit that cannot be sent
 * until it is corrected (with its message), or nothing unsaved.
 */
export function standing(
  base: FormValues,
  values: FormValues,
): { status: 'pending' } | { status: 'invalid'; message: string } | { status: 'saved' } {
  if (Object.keys(changesSince(base, values)).length > 0) return { status: 'pending' };
  for (const name of [...DETAIL_FIELDS, 'participants'] as const) {
    const check = checkField(name, values[name]);
    if (!check.ok)
      return { status: 'invalid', message: Object.values(check.errors)[0] ?? 'a field needs attention.' };
  }
  return { status: 'saved' };
}

/** The copy the form expects the main side to hold once `patch` is stored. */
export function expectedAfter(base: FormValues, patch: SessionPatch): FormValues {
  const next: FormValues = { ...base };
  for (const name of DETAIL_FIELDS) {
    const value = patch[name];
    if (value !== undefined) next[name] = value;
  }
  const changes = patch.participants;
  if (changes) {
    const removed = new Set(changes.remove ?? []);
    const renamed = new Map((changes.rename ?? []).map((r) => [r.id, r.name]));
    next.participants = base.participants
      .filter((p) => !p.id || !removed.has(p.id))
      .map((p) => (p.id && renamed.has(p.id) ? { ...p, name: renamed.get(p.id) ?? p.name } : p));
  }
  return next;
}

export type Rebased = { values: FormValues; lost: SessionFieldName[] };

/**
 * `values` (on screen) were edited from `expected`; `server` is what is stored now. Fields the
 * user did not touch take the stored value; edits to fields nobody else changed are kept (and
 * saved next); where both changed, the stored value wins and the field is listed in `lost`.
 */
export function rebase(values: FormValues, expected: FormValues, server: SessionRecord): Rebased {
  const next = toFormValues(server);
  const lost: SessionFieldName[] = [];
  for (const name of DETAIL_FIELDS) {
    const edited = !same(values[name], expected[name]);
    const changedElsewhere = !same(server[name], expected[name]);
    if (edited && !changedElsewhere) next[name] = values[name];
    else if (edited && !same(values[name], server[name])) lost.push(name);
  }
  const people = rebaseParticipants(values, expected, server);
  next.participants = people.list;
  if (people.lost) lost.push('participants');
  return { values: next, lost };
}

function rebaseParticipants(values: FormValues, expected: FormValues, server: SessionRecord) {
  const local = new Map(values.participants.flatMap((p) => (p.id ? [[p.id, p.name] as const] : [])));
  const before = new Map(expected.participants.flatMap((p) => (p.id ? [[p.id, p.name] as const] : [])));
  const unsaved = values.participants.filter((p) => !p.id);
  let lost = false;
  const list: FormValues['participants'] = [];
  for (const stored of server.participants) {
    const localName = local.get(stored.id);
    const expectedName = before.get(stored.id);
    if (expectedName === undefined) {
      // New on the main side: this form's own addition coming back with its id, or someone else's.
      const mine = unsaved.findIndex((p) => sameName(p.name, stored.name));
      if (mine >= 0) unsaved.splice(mine, 1);
      list.push(stored);
    } else if (localName === undefined) {
      // Removed here and not saved yet: stays removed.
      continue;
    } else if (!same(localName, expectedName) && !same(localName, stored.name)) {
      // Renamed here; kept unless it was renamed elsewhere too.
      if (same(stored.name, expectedName)) list.push({ ...stored, name: localName });
      else {
        lost = true;
        list.push(stored);
      }
    } else list.push(stored);
  }
  // Renamed here, but removed elsewhere meanwhile.
  for (const [id, name] of local) {
    const expectedName = before.get(id);
    if (
      expectedName !== undefined &&
      !same(name, expectedName) &&
      !server.participants.some((p) => p.id === id)
    ) {
      lost = true;
    }
  }
  return { list: [...list, ...unsaved], lost };
}
