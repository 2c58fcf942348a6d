import { registerHoldingsSuite } from './register-holdings-suite';

registerHoldingsSuite('chromium');
