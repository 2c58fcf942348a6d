import { hostileSuite } from './hostile-suite';

hostileSuite('firefox');
