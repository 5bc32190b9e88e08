export { PresenterPage } from './PresenterPage';
