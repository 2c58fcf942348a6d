import { holdingsSuite } from './holdings-suite';

holdingsSuite('firefox');
