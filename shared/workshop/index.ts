export * from './schema';
export * from './actions';
export { applyAction, rebalancePoints, WorkshopRuleError } from './reducer';
export { apportion, currentInputs, equalPoints, hasInput, shownPoints, suggestedDirect } from './inputs';
export { buildModel, evaluateWorkshop, isVoter, toEngineInput } from './evaluate';
export type { WorkshopParticipant, WorkshopResult } from './evaluate';
export { workshopContract, workshopEvents, WorkshopReceiptSchema, WorkshopSnapshotSchema } from './contract';
export type { WorkshopReceipt, WorkshopSnapshot } from './contract';
export { remapParticipants } from './remap';
