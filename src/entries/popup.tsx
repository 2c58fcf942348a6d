// Popup entry (action.default_popup): mounts the UI.
import { mountPopup } from '../ui/app';

const root = document.getElementById('app');
if (root === null) throw new Error('popup.html has no #app element');
mountPopup(root);
