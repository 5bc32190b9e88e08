export * from './schema';
export * from './actions';
export { applyAction, apportion, rebalancePoints, WorkshopRuleError } from './reducer';
export { currentInputs, equalPoints, hasInput, suggestedDirect } from './inputs';
export { buildModel, evaluateWorkshop, isVoter, toEngineInput } from './evaluate';
export type { WorkshopParticipant, WorkshopResult } from './evaluate';
export { workshopContract, workshopEvents, WorkshopSnapshotSchema } from './contract';
export type { WorkshopSnapshot } from './contract';
export { remapParticipants } from './remap';
