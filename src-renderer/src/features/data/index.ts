export { BackupsPage } from './BackupsPage';
export { DataCheckNote } from './DataCheckNote';
export { RecoveryPage } from './RecoveryPage';
export { UpdatingPage } from './UpdatingPage';
