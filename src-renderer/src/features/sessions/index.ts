export { NewSessionPage } from './NewSessionPage';
export { SessionPage } from './SessionPage';
export { SessionsPage } from './SessionsPage';
