// Who is asking: the requesting origin (from the browser, never from the page's message), prominent, with
// the top-level site when a frame of another site asked, or a warning when a frame asked from inside a page
// whose site the browser cannot tell (about:blank, blob:, data:).
import { Callout } from '../components/alerts';
import { t } from '../i18n';
import { Sentence } from './parts';
import { insideSentence } from './sentence';

/** "https://" and "registry.example", so the host can stand out; an origin without a scheme stays whole. */
export function splitOrigin(origin: string): [scheme: string, rest: string] {
  const at = origin.indexOf('://');
  return at === -1 ? ['', origin] : [origin.slice(0, at + 3), origin.slice(at + 3)];
}

interface SiteCardProps {
  origin: string;
  topOrigin: string | undefined;
  topOriginUnknown?: boolean | undefined;
}

export function SiteCard({ origin, topOrigin, topOriginUnknown = false }: SiteCardProps) {
  const [scheme, rest] = splitOrigin(origin);
  return (
    <div class="site">
      <p class="label">{t('site_requestedBy')}</p>
      <p class="site-origin"><span class="site-scheme">{scheme}</span>{rest}</p>
      {topOrigin !== undefined && <p class="site-inside"><Sentence parts={insideSentence(topOrigin)} /></p>}
      {topOriginUnknown && <Callout tone="warning"><p role="alert">{t('site_insideUnknown')}</p></Callout>}
    </div>
  );
}
