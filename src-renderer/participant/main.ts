/** The participant page: the phone's side of the room, its own small bundle (see dom.ts). */
import './participant.css';
import { ParticipantPage } from './app';

const root = document.getElementById('root');
const announcer = document.getElementById('announcer');
if (root && announcer) new ParticipantPage(root, announcer).start();
