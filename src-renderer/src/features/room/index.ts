export { PresenterRoom, PresenterRoomStrip } from './PresenterRoom';
export { RoomConsole } from './RoomConsole';
