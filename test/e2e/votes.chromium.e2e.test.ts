import { votesSuite } from './votes-suite';

votesSuite('chromium');
