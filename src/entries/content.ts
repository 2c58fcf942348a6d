// Content script, isolated world: the bridge between the page's provider and the background.
import browser from 'webextension-polyfill';
import { startContentBridge } from '../provider/content/bridge';

startContentBridge({ win: window, connect: (name) => browser.runtime.connect({ name }) });
