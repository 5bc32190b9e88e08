/**
 * The room's secrets: the join code people read off the shared screen, and each device's token.
 *
 * A token is 32 random bytes (256 bits), sent once in the join answer's cookie and kept here only
 * as its SHA-256 hash, so a memory dump of the room holds nothing a phone could replay. Both are
 * made fresh for every room and forgotten when it closes: a new room has a new code, and no token
 * of the old one is found in it.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@shared/room/schema';

export const TOKEN_BYTES = 32;
/** base64url of 32 bytes, without padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Six characters from the readable alphabet, each drawn uniformly (`randomInt` is unbiased). */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

export function newDeviceToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** The hash a token is kept and looked up by; undefined for text that cannot be a token at all. */
export function tokenHash(token: string | undefined): string | undefined {
  if (token === undefined || !TOKEN_PATTERN.test(token)) return undefined;
  return createHash('sha256').update(token).digest('hex');
}
