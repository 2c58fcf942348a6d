import { corruptionSuite } from './corruption-suite';

corruptionSuite('firefox');
