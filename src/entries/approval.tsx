// Approval window entry (opened by the background with windows.create): mounts the approval app.
import { mountApproval } from '../ui/approval/app';

const root = document.getElementById('app');
if (root === null) throw new Error('approval.html has no #app element');
mountApproval(root);
