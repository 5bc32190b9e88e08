export * from './schema';
export * from './actions';
export * from './rows';
export { describeRowAction, isRowAction, titleRowAction } from './rowActions';
export type { RowAction, RowNames } from './rowActions';
export { applyAction, rebalancePoints, WorkshopRuleError } from './reducer';
export {
  apportion,
  ballotOf,
  currentInputs,
  equalPoints,
  hasInput,
  shownPoints,
  startingPoint,
  suggestedDirect,
} from './inputs';
export type { BallotState } from './inputs';
export { buildModel, evaluateWorkshop, isVoter, toEngineInput } from './evaluate';
export type { Ballots, WorkshopParticipant, WorkshopResult } from './evaluate';
export { workshopContract, workshopEvents, WorkshopReceiptSchema, WorkshopSnapshotSchema } from './contract';
export type { WorkshopReceipt, WorkshopSnapshot } from './contract';
export { remapParticipants } from './remap';
export { hiddenView, inputsHidden, presentableView } from './presentable';
export {
  anonymityNotice,
  anonymityOf,
  anonymitySentence,
  anonymousBallotIds,
  anonymousBallotLabel,
  anonymousBallotName,
  namesHidden,
  roundHasBallots,
  roundLevels,
  toggledAnonymity,
} from './anonymity';
export type { HiddenView, PresentableView, ShownView } from './presentable';
