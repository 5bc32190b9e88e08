/**
 * Property tests run from one fixed seed, so a failure on one machine fails the same way on every
 * other and in CI; set FC_SEED to explore other seeds locally (fast-check prints the seed and the
 * path of any counterexample it finds).
 */
import fc from 'fast-check';

const seed = Number(process.env['FC_SEED'] ?? 20261201);
fc.configureGlobal({ seed: Number.isFinite(seed) ? seed : 20261201 });
