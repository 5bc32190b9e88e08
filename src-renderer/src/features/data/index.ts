export { BackupsPage } from './BackupsPage';
export { RecoveryPage } from './RecoveryPage';
