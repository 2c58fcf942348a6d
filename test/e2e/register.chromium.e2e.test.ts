import { registerSuite } from './register-suite';

registerSuite('chromium');
