// Popup entry (action.default_popup): mounts the UI.
import { mountPopup } from '../ui/app';
import { POPUP_MARKS } from '../ui/lib/popup-marks';

performance.mark(POPUP_MARKS.scriptRan);
const root = document.getElementById('app');
if (root === null) throw new Error('popup.html has no #app element');
mountPopup(root);
