import { registerSuite } from './register-suite';

registerSuite('firefox');
