// Drawing sentence parts: the wallet's words as plain text, values in their own styles, text from the
// page always inside a dashed, monospace frame with its hidden characters shown as codes, and names from
// a contract or a site framed, labelled and capped (OutsideText). Text is only ever rendered as text
// nodes (never HTML).
import type { ComponentChildren } from 'preact';
import { shortAddress } from '../../core/format';
import { OutsideText, SafeText } from '../components/outside-text';
import type { Detail, Part } from './sentence';
import { formatTime } from './time';

/** In lists, numbers longer than this (proposal ids are often 77 digits) show their ends only. */
const LONG_NUMBER = 20;

function PartView({ part, short }: { part: Part; short: boolean }) {
  switch (part.kind) {
    case 'text':
      return <>{part.text}</>;
    case 'strong':
      return <strong class="value"><SafeText text={part.text} /></strong>;
    case 'number':
      return short && part.text.length > LONG_NUMBER
        ? <span class="number mono" title={part.text}>{`${part.text.slice(0, 8)}…${part.text.slice(-6)}`}</span>
        : <span class="number mono">{part.text}</span>;
    case 'address':
      return short
        ? <span class="addr mono" title={part.address}>{shortAddress(part.address)}</span>
        : <span class="addr mono">{part.address}</span>;
    case 'page':
      return <span class="page-inline"><SafeText text={part.text} /></span>;
    case 'outside':
      return <OutsideText text={part.text} source={part.source} cap={part.cap} />;
    case 'time':
      return <time dateTime={new Date(part.ms).toISOString()}>{formatTime(part.ms)}</time>;
  }
}

/** A sentence of parts. `short`: addresses and long numbers shortened, for lists (in full in the tooltip). */
export function Sentence({ parts, short = false }: { parts: readonly Part[]; short?: boolean }) {
  return <>{parts.map((part, index) => <PartView key={index} part={part} short={short} />)}</>;
}

/** A framed block of page content with a caption that says where it comes from. */
export function PageBox({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <figure class="page-box">
      <figcaption class="page-box-label">{label}</figcaption>
      {children}
    </figure>
  );
}

/** The labelled detail lines of a request. */
export function DetailList({ details }: { details: readonly Detail[] }) {
  return (
    <dl class="details">
      {details.map((detail, index) => (
        <div key={index} class="detail">
          <dt>{detail.label}</dt>
          <dd><Sentence parts={detail.parts} /></dd>
        </div>
      ))}
    </dl>
  );
}
