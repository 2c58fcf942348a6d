// What a transaction will change, from a simulation or from the call itself (issue 12 §3).
export { balanceChanges, balanceDeltas, balanceKey, balancesToRead, type BalanceChange, type BalanceDelta } from './changes';
export { effectiveGasPrice, previewFee, type FeeParams, type PreviewFee } from './fee';
export { transfersFromCall } from './from-call';
export {
  NATIVE_TRANSFER_EMITTER, readSimulation, SimulationAnswerError, TRANSFER_TOPIC, transferFromLog,
  type AssetTransfer, type PreviewAsset, type SimulatedCall,
} from './simulation';
