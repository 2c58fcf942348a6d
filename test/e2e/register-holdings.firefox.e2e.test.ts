import { registerHoldingsSuite } from './register-holdings-suite';

registerHoldingsSuite('firefox');
