/**
 * Participant changes, item by item, applied to the list stored now (not to the copy the window
 * had): two windows that each add someone keep both, a removal never takes anyone else with it,
 * and a rename of someone renamed or removed elsewhere meanwhile is a conflict.
 */
import { AppError } from '@shared/ipc/result';
import type { ParsedInput } from '@shared/ipc/contract';
import type { Participant } from '@shared/sessions/schema';
import { SESSION_LIMITS } from '@shared/sessions/schema';
import type { Db } from '../db/connection';
import { participantSession } from '../db/sessions/queries';
import { conflict } from './revisions';

type Changes = NonNullable<ParsedInput<'sessions:update'>['patch']['participants']>;

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export function applyParticipantChanges(
  db: Db,
  sessionId: string,
  current: readonly Participant[],
  changes: Changes,
  newId: () => string,
): Participant[] {
  const foreign = (id: string) => {
    const owner = participantSession(db, id);
    return owner !== undefined && owner !== sessionId;
  };
  const duplicateOf = (list: readonly Participant[], name: string, except?: string) =>
    list.find((p) => p.id !== except && sameName(p.name, name));

  let list = [...current];
  changes.rename.forEach((rename, index) => {
    const field = `patch.participants.rename.${index}`;
    if (foreign(rename.id)) {
      throw new AppError('invalid_input', 'This participant does not belong to the session.', `${field}.id`);
    }
    const stored = list.find((p) => p.id === rename.id);
    // Removed, or renamed to something else, in another window since this one read the list.
    if (!stored || (stored.name !== rename.from && stored.name !== rename.name)) throw conflict();
    const clash = duplicateOf(list, rename.name, rename.id);
    if (clash) throw duplicate(clash, `${field}.name`);
    list = list.map((p) => (p.id === rename.id ? { ...p, name: rename.name } : p));
  });

  changes.remove.forEach((id, index) => {
    if (foreign(id)) {
      throw new AppError(
        'invalid_input',
        'This participant does not belong to the session.',
        `patch.participants.remove.${index}`,
      );
    }
  });
  // Someone already removed elsewhere is simply gone: removing them again changes nothing.
  const removed = new Set(changes.remove);
  list = list.filter((p) => !removed.has(p.id));

  changes.add.forEach((add, index) => {
    const clash = duplicateOf(list, add.name);
    if (clash) throw duplicate(clash, `patch.participants.add.${index}.name`);
    list.push({ id: newId(), name: add.name });
  });
  if (list.length > SESSION_LIMITS.participants) {
    throw new AppError(
      'invalid_input',
      `A session can have at most ${SESSION_LIMITS.participants} participants.`,
      'patch.participants.add',
    );
  }
  return list;
}

function duplicate(existing: Participant, field: string): AppError {
  return new AppError(
    'invalid_input',
    `${existing.name} is already a participant; give each person a distinct name.`,
    field,
  );
}
