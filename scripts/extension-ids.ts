// The extension's fixed identities, in one place so the build and the e2e tests agree on them.

/**
 * Firefox add-on id (`browser_specific_settings.gecko.id`). It must stay the same for the life of the
 * add-on: Firefox keys the extension's storage and its moz-extension:// UUID mapping on it.
 */
export const GECKO_ID = 'shareholder-wallet@shareholder-wallet.org';

/**
 * Oldest Firefox the add-on accepts: `data_collection_permissions` needs 142 (MAIN-world content
 * scripts need 128), and web-ext lint warns about the former on anything older.
 */
export const FIREFOX_MIN_VERSION = '142.0';

/** Oldest Chrome the build targets (`minimum_chrome_version` and the JS/CSS syntax target). */
export const CHROME_MIN_VERSION = '120';
