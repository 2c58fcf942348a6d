import { corruptionSuite } from './corruption-suite';

corruptionSuite('chromium');
