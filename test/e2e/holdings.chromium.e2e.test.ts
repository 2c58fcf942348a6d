import { holdingsSuite } from './holdings-suite';

holdingsSuite('chromium');
