/**
 * The generator's only source of chance: a small seeded PRNG (mulberry32), so the same seed gives
 * the same databases on every machine, and the names it draws from.
 */
export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items, in the order drawn. */
  sample<T>(items: readonly T[], count: number): T[];
};

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('Nothing to pick from.');
    return item;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    sample<T>(items: readonly T[], count: number): T[] {
      const pool = [...items];
      const out: T[] = [];
      while (out.length < count && pool.length > 0) out.push(pool.splice(int(0, pool.length - 1), 1)[0] as T);
      return out;
    },
  };
}

/** Client names, some with the accents search must fold ("muller" finds "Müller"). */
export const CLIENT_STEMS = [
  'Northwind',
  'Müller',
  'Łódź',
  'São Paulo',
  'Fjällräven',
  'Contoso',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Aperture',
  'Zürich',
  'Kraków',
  'Ørsted',
  'Citroën',
  'Acme',
  'Wayne',
  'Stark',
  'Tyrell',
  'Soylent',
  'Cyberdyne',
  'Vandelay',
  'Dunder',
  'Pied Piper',
  'Gringotts',
  'Monarch',
] as const;
export const CLIENT_KINDS = [
  'Logistics',
  'Retail',
  'Bank',
  'Health',
  'Media',
  'Energy',
  'Insurance',
  'Labs',
  'Foods',
  'Mobility',
] as const;
export const PROJECTS = [
  'Customer portal',
  'Booking platform',
  'Payments API',
  'Analytics dashboard',
  'Mobile backend',
  'Internal tools',
  'Realtime tracking',
  'Partner integration',
  'Content platform',
  'Data pipeline',
  'Checkout rewrite',
  'Chat service',
] as const;
export const FACILITATORS = ['Dana Ruiz', 'Kenji Sato', 'Amélie Dubois', 'Ola Nowak', 'Sam Okafor'] as const;
export const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chloé',
  'Dev',
  'Eva',
  'Femi',
  'Goran',
  'Hana',
  'Ivo',
  'Júlia',
  'Kai',
  'Lena',
  'Mateusz',
  'Nina',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Søren',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Yara',
  'Zoë',
] as const;
export const LAST_NAMES = [
  'Almeida',
  'Brandt',
  'Chen',
  'Dąbrowski',
  'Eriksen',
  'Fischer',
  'García',
  'Haddad',
  'Ito',
  'Jansen',
  'Kowalczyk',
  'Lindqvist',
  'Moreau',
  'Novák',
  'Osei',
  'Petrov',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Weiß',
] as const;
/** Words the notes are typed from. */
export const WORDS =
  'the team agreed that security matters most for the payments side while the realtime dashboard needs websockets and a steady ecosystem hiring is easier for python but the frontend people know typescript already so the learning curve is lower risk migration budget deadline follow up with legal about data residency prototype both stacks for two weeks'.split(
    ' ',
  );
