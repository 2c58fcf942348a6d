import { votesSuite } from './votes-suite';

votesSuite('firefox');
